"""Rendering many documents: one JSON object per line, one DOCX (and PDF, HWPX) per line, named by its key.

A bad line (broken JSON, invalid data, a duplicate key, a failed conversion) is reported with its
line number and the other lines are still rendered; nothing is written for a bad line. DOCX files
are rendered in this thread while the converters turn the previous ones into PDF; each document's
files are written (atomically) once all of its formats are ready.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dsreview.config import Settings
from dsreview.domain import Report
from dsreview.errors import ConversionError, DataValidationError, DsreviewError, UsageError
from dsreview.forms.messages import in_language, refuse
from dsreview.templates.pdf import ConverterPool
from dsreview.templates.render import RenderedDocument, render

# kinds whose data can be built from a check report plus a request (`--report`)
FROM_REPORT = ("review_opinion", "supplement_request")

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True, slots=True)
class LineError:
    line: int
    message: str
    pointer: str = ""
    error: DsreviewError | None = None  # what was raised: said again in English for `--lang en`

    def __str__(self) -> str:
        return f"{self.line}행 (line {self.line}): {self.message}"

    def said(self, lang: str) -> str:
        text = in_language(self.error, lang) if self.error is not None else self.message
        return f"line {self.line}: {text}" if lang == "en" else f"{self.line}행: {text}"


@dataclass(slots=True)
class BatchResult:
    written: list[Path] = field(default_factory=list)
    errors: list[LineError] = field(default_factory=list)
    rendered: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_json(text: str, *, source: str) -> Any:
    """JSON, or a `DataValidationError` saying where it broke."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise refuse(
            DataValidationError,
            "invalid_json",
            pointer="",
            source=source,
            reason=exc.msg,
            line=exc.lineno,
            column=exc.colno,
        ) from None


def build_data(kind: str, raw: Any, *, settings: Settings, report: Report | None = None) -> Mapping[str, Any]:
    """The kind's data: `raw` itself, or, with a check report, the data pre-filled from it and `raw`."""
    if report is None:
        if not isinstance(raw, Mapping):
            raise refuse(DataValidationError, "not_an_object", pointer="")
        return raw
    from dsreview.templates import prefill

    if kind not in FROM_REPORT:
        raise refuse(UsageError, "report_not_for_kind", kinds=", ".join(FROM_REPORT), kind=kind)
    if kind == "review_opinion":
        return prefill.review_opinion_data(report, raw, settings=settings)
    return prefill.supplement_request_data(report, raw, settings=settings)


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def numbered_lines(text: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their 1-based line numbers."""
    for number, line in enumerate(text, start=1):
        if line.strip():
            yield number, line


def render_batch(
    kind: str,
    lines: Iterable[tuple[int, str]],
    *,
    settings: Settings,
    out_dir: Path,
    pdf: bool = False,
    hwpx: bool = False,
    report: Report | None = None,
    pool: ConverterPool | None = None,
    total: int | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Render each line into `out_dir/<key>.docx` (and `.pdf`, `.hwpx`); converters started if none given."""
    out_dir.mkdir(parents=True, exist_ok=True)
    result = BatchResult()
    keys: dict[str, int] = {}
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total or done)

    with ExitStack() as stack:
        if pdf and pool is None:
            pool = stack.enter_context(ConverterPool(settings))
        executor = stack.enter_context(ThreadPoolExecutor(max_workers=pool.size if pool else 1))
        pending: list[tuple[int, RenderedDocument, Future[bytes]]] = []
        for number, text in lines:
            try:
                data = build_data(kind, parse_json(text, source="JSON"), settings=settings, report=report)
                doc = render(kind, data, settings=settings, hwpx=hwpx)
                if doc.key in keys:
                    raise refuse(
                        DataValidationError,
                        "duplicate_key",
                        pointer="",
                        key=repr(doc.key),
                        line=keys[doc.key],
                    )
                keys[doc.key] = number
            except (DataValidationError, ConversionError) as exc:
                result.errors.append(LineError(number, exc.message, getattr(exc, "pointer", ""), exc))
                tick()
                continue
            result.rendered += 1
            if pool is None:
                _write(out_dir, doc, result)
                tick()
            else:
                pending.append((number, doc, executor.submit(pool.convert, doc.docx)))
                pending = _collect(out_dir, pending, result, tick, block=False)
        _collect(out_dir, pending, result, tick, block=True)
    result.errors.sort(key=lambda e: e.line)
    return result


def _write(out_dir: Path, doc: RenderedDocument, result: BatchResult) -> None:
    for suffix, data in ((".docx", doc.docx), (".pdf", doc.pdf), (".hwpx", doc.hwpx)):
        if data is not None:
            path = out_dir / f"{doc.key}{suffix}"
            write_atomic(path, data)
            result.written.append(path)


def _collect(
    out_dir: Path,
    pending: list[tuple[int, RenderedDocument, Future[bytes]]],
    result: BatchResult,
    tick: Callable[[], None],
    *,
    block: bool,
) -> list[tuple[int, RenderedDocument, Future[bytes]]]:
    """Write the documents whose PDF is ready (all of them with `block`); the rest stay pending."""
    left = []
    for number, doc, future in pending:
        if not block and not future.done():
            left.append((number, doc, future))
            continue
        try:
            _write(out_dir, doc.with_pdf(future.result()), result)
        except ConversionError as exc:
            result.errors.append(LineError(number, exc.message))
        tick()
    return left
