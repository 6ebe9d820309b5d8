"""The one place the service calls the document generator (`dsreview.templates`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from dsreview.config import Settings
from dsreview.domain import Report
from dsreview.templates import prefill
from dsreview.templates.pdf import ConverterPool
from dsreview.templates.render import RenderedDocument, render
from dsreview.templates.render import render_hwpx as _render_hwpx


def render_docx(kind: str, data: dict[str, Any], *, settings: Settings) -> RenderedDocument:
    """Validate `data` against the kind's schema (`DataValidationError` naming the field) and render."""
    return render(kind, data, settings=settings)


def render_hwpx(kind: str, data: dict[str, Any], *, settings: Settings) -> bytes:
    """The same document as HWPX (한글), from the kind's HWPX template."""
    return _render_hwpx(kind, data, settings=settings)


def supplement_request_data(report: Report, request: dict[str, Any], *, settings: Settings) -> dict[str, Any]:
    return prefill.supplement_request_data(report, request, settings=settings)


def review_opinion_data(report: Report, request: dict[str, Any], *, settings: Settings) -> dict[str, Any]:
    return prefill.review_opinion_data(report, request, settings=settings)


def criteria_titles() -> dict[str, str]:
    return prefill.criteria_titles()


@contextmanager
def converter_pool(settings: Settings) -> Iterator[Callable[[bytes], bytes]]:
    """PDF converters (LibreOffice through unoserver) for this process; yields docx → pdf."""
    with ConverterPool(settings) as pool:
        yield pool.convert
