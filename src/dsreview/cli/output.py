"""How the intake commands print: one JSON object with --json, else Rich tables on stdout.

The progress bar goes to stderr, so stdout stays clean for pipes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from dsreview.domain import ExtractedDocument, Report
from dsreview.extractors.reading import ProgressCallback

_STAGES = {"read": "파일 읽기 (reading)", "ocr": "문자 인식 (OCR)"}
_STATUS_STYLE = {"pass": "green", "fail": "red", "exempt": "cyan", "review": "yellow"}
_SEVERITY_STYLE = {"error": "red", "warning": "yellow", "info": "cyan"}


def _dump(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


@contextmanager
def progress(*, enabled: bool) -> Iterator[ProgressCallback | None]:
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        transient=True,
        console=_console(stderr=True),
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def _console(*, stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, list):
        return ", ".join(
            _fmt(v) if not isinstance(v, dict) else ":".join(map(str, v.values())) for v in value
        )
    return str(value)


def _documents_table(documents: list[ExtractedDocument], lang: str) -> Any:
    from rich.table import Table

    from dsreview.forms import title_of

    table = Table(title="문서 (documents)" if lang == "ko" else "Documents", show_lines=True)
    for col in ("type", "source", "pages", "OCR", "conf.", "fields"):
        table.add_column(col)
    for doc in documents:
        fields = "\n".join(f"{k}: {_fmt(v)}" for k, v in doc.fields.items())
        title = f"{doc.type}\n{title_of(doc.type)}" if lang == "ko" else doc.type
        table.add_row(
            title,
            doc.source,
            ",".join(map(str, doc.pages)),
            "예" if doc.ocr else "",
            f"{doc.confidence:.2f}",
            fields,
        )
    return table


def print_documents(documents: list[ExtractedDocument], *, as_json: bool, lang: str) -> None:
    if as_json:
        _dump({"documents": [d.model_dump(mode="json") for d in documents]})
        return
    _console().print(_documents_table(documents, lang))


def print_report(report: Report, *, as_json: bool, lang: str) -> None:
    if as_json:
        _dump(report.to_json_dict())
        return
    from rich.table import Table

    console = _console()
    console.print(_documents_table(report.documents, lang))
    findings = Table(title="검토 결과 (findings)" if lang == "ko" else "Findings", show_lines=False)
    for col in ("severity", "code", "criterion", "document", "message"):
        findings.add_column(col)
    for f in report.findings:
        style = _SEVERITY_STYLE.get(f.severity.value, "")
        findings.add_row(
            f"[{style}]{f.severity.value}[/]", f.code, f.criterion or "", f.document or "", f.message
        )
    console.print(findings)
    criteria = Table(title="심사 기준 (criteria)" if lang == "ko" else "Criteria")
    criteria.add_column("criterion")
    criteria.add_column("status")
    for key, status in report.criteria.items():
        criteria.add_row(key, f"[{_STATUS_STYLE.get(status.value, '')}]{status.value}[/]")
    console.print(criteria)
    date = report.application_date.isoformat() if report.application_date else "—"
    verdict = (
        ("서류 완비" if report.complete else "서류 미비")
        if lang == "ko"
        else ("complete" if report.complete else "incomplete")
    )
    console.print(f"신청일 (application date): {date}    판정: [bold]{verdict}[/]")
