"""`dsreview extract` and `dsreview check` (DOMAIN §9)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from dsreview.errors import InputFileError, UsageError

FilesArg = Annotated[
    list[Path], typer.Argument(help="PDF, PNG, JPEG or TIFF files of one bundle", show_default=False)
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print exactly one JSON object on stdout")]
LangOpt = Annotated[str, typer.Option("--lang", help="Language of messages: ko or en")]


def _existing(files: list[Path]) -> list[Path]:
    for f in files:
        if not f.exists():
            raise InputFileError(f"파일이 없습니다 (no such file): {f}")
        if not f.is_file():
            raise InputFileError(f"파일이 아닙니다 (not a file): {f}")
    return files


def _parse_date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"{option}: 날짜 형식이 올바르지 않습니다 (expected YYYY-MM-DD): {value!r}"
        ) from None


def _check_lang(lang: str) -> str:
    if lang not in ("ko", "en"):
        raise UsageError(f"--lang: ko 또는 en 이어야 합니다 (expected ko or en): {lang!r}")
    return lang


def extract(files: FilesArg, as_json: JsonOpt = False, lang: LangOpt = "ko") -> None:
    """Read files, split merged PDFs, classify documents and extract their fields."""
    from dsreview.cli import output
    from dsreview.config import get_settings
    from dsreview.services.check import extract_files

    _check_lang(lang)
    paths = _existing(files)
    settings = get_settings()
    with output.progress(enabled=not as_json) as progress:
        documents, _ = extract_files(paths, settings=settings, progress=progress, lang=lang)
    output.print_documents(documents, as_json=as_json, lang=lang)


def check(
    files: FilesArg,
    application_date: Annotated[
        str | None,
        typer.Option("--application-date", help="YYYY-MM-DD; default: the application form's date"),
    ] = None,
    sanctions: Annotated[
        Path | None, typer.Option("--sanctions", help="Sanctions list CSV (부정당업자 제재 목록)")
    ] = None,
    as_json: JsonOpt = False,
    lang: LangOpt = "ko",
) -> None:
    """Check a bundle as one application: documents, identifiers, validity and the review criteria."""
    from dsreview.cli import output
    from dsreview.config import get_settings
    from dsreview.services.check import check_files

    _check_lang(lang)
    when = _parse_date(application_date, "--application-date")
    paths = _existing(files)
    if sanctions is not None:
        _existing([sanctions])
    settings = get_settings()
    with output.progress(enabled=not as_json) as progress:
        report = check_files(
            paths,
            settings=settings,
            application_date=when,
            sanctions_csv=sanctions,
            progress=progress,
            lang=lang,
        )
    output.print_report(report, as_json=as_json, lang=lang)


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)
    app.command("check")(check)
