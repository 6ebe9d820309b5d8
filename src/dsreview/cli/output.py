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
_STATUS = {
    "pass": ("green", "적합 pass"),
    "fail": ("red", "부적합 fail"),
    "exempt": ("cyan", "면제 exempt"),
    "review": ("yellow", "검토 review"),
}
_SEVERITY = {
    "error": ("red", "✗ 오류", "✗ error"),
    "warning": ("yellow", "! 경고", "! warning"),
    "info": ("cyan", "i 안내", "i info"),
}
_CRITERIA_KO = {
    "1": "디지털서비스 해당여부",
    "2-1": "경영상태",
    "2-2": "부정당업자 제재",
    "3-1": "보안성",
    "3-2": "운영안정성",
    "3-3": "지원체계",
}


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

    stream = sys.stderr if stderr else sys.stdout
    # a pipe gets a comfortable fixed width instead of Rich's 80 columns
    width = None if stream.isatty() else 120
    return Console(stderr=stderr, highlight=False, width=width)


def _fmt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, list):
        return ", ".join(":".join(map(str, v.values())) if isinstance(v, dict) else _fmt(v) for v in value)
    return str(value)


def _documents_table(documents: list[ExtractedDocument], lang: str) -> Any:
    from rich.table import Table

    from dsreview.forms import title_of

    table = Table(title="문서 (documents)" if lang == "ko" else "Documents", title_justify="left")
    for col in (
        "#",
        "유형 type" if lang == "ko" else "type",
        "파일 source",
        "쪽 pages",
        "OCR",
        "신뢰도 conf.",
    ):
        table.add_column(col, overflow="fold")
    for i, doc in enumerate(documents, 1):
        kind = f"{title_of(doc.type)}\n[dim]{doc.type}[/]" if lang == "ko" else doc.type
        table.add_row(
            str(i),
            kind,
            doc.source,
            ",".join(map(str, doc.pages)),
            "예" if doc.ocr else "",
            f"{doc.confidence:.2f}",
        )
    return table


def _fields_table(doc: ExtractedDocument, lang: str) -> Any:
    from rich.table import Table

    from dsreview.forms import document_types, title_of

    spec = document_types().get(doc.type)
    table = Table(
        title=f"{title_of(doc.type)} — {doc.source} p.{','.join(map(str, doc.pages))}",
        title_justify="left",
        show_header=False,
    )
    table.add_column("field", style="bold", no_wrap=True)
    table.add_column("value", overflow="fold")
    table.add_column("conf.", justify="right", no_wrap=True)
    for name, value in doc.fields.items():
        label = spec.label(name) if spec and lang == "ko" else name
        ev = doc.evidence.get(name)
        table.add_row(label, _fmt(value), f"{ev.confidence:.2f}" if ev else "")
    return table


def print_documents(documents: list[ExtractedDocument], *, as_json: bool, lang: str) -> None:
    if as_json:
        _dump({"documents": [d.model_dump(mode="json") for d in documents]})
        return
    console = _console()
    console.print(_documents_table(documents, lang))
    for doc in documents:
        if doc.fields:
            console.print(_fields_table(doc, lang))


def print_report(report: Report, *, as_json: bool, lang: str) -> None:
    if as_json:
        _dump(report.to_json_dict())
        return
    from rich.markup import escape

    console = _console()
    day = report.application_date.isoformat() if report.application_date else "—"
    if lang == "ko":
        verdict = "[green]서류 완비[/] (complete)" if report.complete else "[red]서류 미비[/] (incomplete)"
        console.print(f"[bold]신청일[/] {day}    [bold]판정[/] {verdict}")
    else:
        verdict = "[green]complete[/]" if report.complete else "[red]incomplete[/]"
        console.print(f"[bold]Application date[/] {day}    [bold]Verdict[/] {verdict}")
    console.print(_documents_table(report.documents, lang))
    console.print("[bold]검토 결과 (findings)[/]" if lang == "ko" else "[bold]Findings[/]")
    if not report.findings:
        console.print("  없음 (none)" if lang == "ko" else "  none")
    for f in report.findings:
        style, ko, en = _SEVERITY[f.severity.value]
        where = " · ".join(x for x in (f.criterion and f"기준 {f.criterion}", f.document, f.field) if x)
        console.print(f"  [{style}]{ko if lang == 'ko' else en}[/] [bold]{f.code}[/] [dim]{escape(where)}[/]")
        console.print(f"      {escape(f.message)}")
    from rich import box
    from rich.table import Table

    criteria = Table(
        title="심사 기준 (criteria)" if lang == "ko" else "Criteria",
        title_justify="left",
        box=box.SIMPLE,
        show_header=False,
    )
    for _ in range(3 if lang == "ko" else 2):
        criteria.add_column()
    for key, status in report.criteria.items():
        style, text = _STATUS[status.value]
        cells = [key, _CRITERIA_KO.get(key, "")] if lang == "ko" else [key]
        criteria.add_row(*cells, f"[{style}]{text if lang == 'ko' else status.value}[/]")
    console.print(criteria)
