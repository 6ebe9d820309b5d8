"""`dsreview render` (DOMAIN §9): one document, or a batch of one document per JSONL line.

    dsreview render KIND DATA.json -o OUT.docx [--pdf OUT.pdf] [--hwpx OUT.hwpx]
    dsreview render KIND DATA.jsonl --out-dir DIR [--pdf] [--hwpx]
    dsreview render review_opinion REQUEST.json --report REPORT.json -o OUT.docx

Data is validated against `forms/render/<kind>.schema.json` first: invalid data is exit 2 with one
line naming the field, and no file is written. In a batch a bad line is reported with its number,
the others are rendered, and the exit status is 1. A single `--pdf` starts its own LibreOffice; a
batch starts a pool of unoserver converters (about one per core) and stops it at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dsreview.errors import DsreviewError, InputFileError, UsageError
from dsreview.forms.messages import in_language, refuse

KindArg = Annotated[
    str,
    typer.Argument(
        help="selection_notice | supplement_request | review_opinion | review_report | "
        "nonconformance_posting | contract_info",
        show_default=False,
    ),
]
PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="DATA.json (DATA.jsonl with --out-dir; - for stdin); OUT.pdf / OUT.hwpx after --pdf / --hwpx",
        show_default=False,
    ),
]


def _read_text(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    if not path.is_file():
        raise refuse(InputFileError, "no_such_file", path=name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise refuse(InputFileError, "not_utf8", path=name) from None


def _load_report(path: Path | None) -> Any:
    if path is None:
        return None
    from dsreview.domain import Report
    from dsreview.errors import DataValidationError
    from dsreview.templates.batch import parse_json

    raw = parse_json(_read_text(str(path)), source=str(path))
    try:
        return Report.model_validate(raw)
    except ValueError as exc:
        first = str(exc).splitlines()[1:2] or [str(exc)]
        raise refuse(
            DataValidationError, "not_a_check_report", pointer="", path=path, reason=first[0].strip()
        ) from None


def _single(
    kind: str,
    data_path: str,
    output: Path,
    pdf_path: Path | None,
    report_path: Path | None,
    hwpx_path: Path | None = None,
) -> None:
    from dsreview.config import get_settings
    from dsreview.templates.batch import build_data, parse_json, write_atomic
    from dsreview.templates.render import render as render_document
    from dsreview.templates.soffice import convert_once
    from dsreview.templates.sources import check_template, template_source

    settings = get_settings()
    check_template(template_source(kind, "docx", settings.templates_dir))
    if hwpx_path is not None:
        check_template(template_source(kind, "hwpx", settings.templates_dir))
    report = _load_report(report_path)
    raw = parse_json(_read_text(data_path), source=data_path)
    data = build_data(kind, raw, settings=settings, report=report)
    doc = render_document(kind, data, settings=settings, hwpx=hwpx_path is not None)
    pdf = convert_once(doc.docx, settings=settings) if pdf_path is not None else None
    # Written only now, both at once: invalid data or a failed conversion leaves no file behind.
    output.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(output, doc.docx)
    written = [str(output)]
    if pdf_path is not None and pdf is not None:
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(pdf_path, pdf)
        written.append(str(pdf_path))
    if hwpx_path is not None and doc.hwpx is not None:
        hwpx_path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(hwpx_path, doc.hwpx)
        written.append(str(hwpx_path))
    print(f"생성 (written): {', '.join(written)}  [{kind} {doc.key}, input-sha256 {doc.input_sha256[:12]}…]")


def _batch(
    kind: str,
    data_path: str,
    out_dir: Path,
    pdf: bool,
    report_path: Path | None,
    hwpx: bool = False,
    lang: str = "ko",
) -> int:
    from dsreview.cli import output as cli_output
    from dsreview.config import get_settings
    from dsreview.templates.batch import numbered_lines, render_batch
    from dsreview.templates.sources import check_template, template_source

    settings = get_settings()
    check_template(template_source(kind, "docx", settings.templates_dir))
    if hwpx:
        check_template(template_source(kind, "hwpx", settings.templates_dir))
    report = _load_report(report_path)
    lines = list(numbered_lines(_read_text(data_path).splitlines()))
    with cli_output.progress(enabled=True) as update:

        def tick(done: int, total: int) -> None:
            if update is not None:
                update("문서 생성 (rendering)", done, total)

        result = render_batch(
            kind,
            lines,
            settings=settings,
            out_dir=out_dir,
            pdf=pdf,
            hwpx=hwpx,
            report=report,
            total=len(lines),
            progress=tick,
        )
    for error in result.errors:
        print(f"dsreview: {error.said(lang)}", file=sys.stderr)
    documents = sum(1 for path in result.written if path.suffix == ".docx")
    print(
        f"생성 {documents}건, 실패 {len(result.errors)}건 → {out_dir} "
        f"({documents} rendered, {len(result.errors)} failed, {len(result.written)} files)"
    )
    return 0 if result.ok else 1


def render(
    kind: KindArg,
    paths: PathsArg,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="OUT.docx (one document)")] = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out-dir", help="Folder of a batch: one <key>.docx per line of DATA.jsonl"),
    ] = None,
    pdf: Annotated[
        bool,
        typer.Option("--pdf", help="Also make the PDF: --pdf OUT.pdf for one document, --pdf in a batch"),
    ] = False,
    hwpx: Annotated[
        bool,
        typer.Option(
            "--hwpx", help="Also make the HWPX (한글): --hwpx OUT.hwpx for one document, --hwpx in a batch"
        ),
    ] = False,
    report: Annotated[
        Path | None,
        typer.Option(
            "--report",
            help="review_opinion, supplement_request: pre-fill from this `dsreview check --json` report; "
            "DATA then holds the request (number, dates, reviewer)",
        ),
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: ko or en")] = "ko",
) -> int:
    """Render official documents from validated data (DOCX; PDF through LibreOffice; HWPX for 한글)."""
    if lang not in ("ko", "en"):
        raise refuse(UsageError, "bad_lang", value=repr(lang))
    try:
        return _render(kind, paths, output, out_dir, pdf, hwpx, report, lang)
    except DsreviewError as exc:
        exc.message = in_language(exc, lang)  # the catalogue's English for --lang en
        raise


def _render(
    kind: str,
    paths: list[str],
    output: Path | None,
    out_dir: Path | None,
    pdf: bool,
    hwpx: bool,
    report: Path | None,
    lang: str,
) -> int:
    from dsreview.templates.batch import FROM_REPORT
    from dsreview.templates.kinds import kind_spec

    kind_spec(kind)
    if report is not None and kind not in FROM_REPORT:
        raise refuse(UsageError, "report_not_for_kind", kinds=", ".join(FROM_REPORT), kind=kind)
    data_path, extra = paths[0], paths[1:]
    named: dict[str, str | None] = {"pdf": None, "hwpx": None}
    for path in extra:
        fmt = Path(path).suffix.lower().lstrip(".")
        wanted = {"pdf": pdf, "hwpx": hwpx}
        if fmt not in named or not wanted[fmt] or named[fmt] is not None:
            raise refuse(UsageError, "unexpected_argument", argument=path)
        named[fmt] = path
    if out_dir is not None:
        if output is not None:
            raise refuse(UsageError, "output_and_out_dir")
        if extra:
            raise refuse(UsageError, "path_in_batch", argument=extra[0])
        return _batch(kind, data_path, out_dir, pdf, report, hwpx, lang)
    if output is None:
        jsonl = data_path.endswith(".jsonl")
        raise refuse(UsageError, "missing_output_jsonl" if jsonl else "missing_output")
    if output.suffix.lower() != ".docx":
        raise refuse(UsageError, "output_not_docx", path=output)
    pdf_path = Path(named["pdf"] or output.with_suffix(".pdf")) if pdf else None
    hwpx_path = Path(named["hwpx"] or output.with_suffix(".hwpx")) if hwpx else None
    _single(kind, data_path, output, pdf_path, report, hwpx_path)
    return 0


def register(app: typer.Typer) -> None:
    app.command("render")(render)
