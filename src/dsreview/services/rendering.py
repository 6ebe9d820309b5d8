"""The one place the service calls the document generator (`dsreview.templates`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from dsreview.config import Settings
from dsreview.domain import Report


@dataclass(frozen=True, slots=True)
class Rendered:
    docx: bytes
    input_sha256: str
    template_version: str


def render_docx(kind: str, data: dict[str, Any], *, settings: Settings) -> Rendered:
    raise NotImplementedError


def supplement_request_data(report: Report, request: dict[str, Any], *, settings: Settings) -> dict[str, Any]:
    raise NotImplementedError


def review_opinion_data(report: Report, request: dict[str, Any], *, settings: Settings) -> dict[str, Any]:
    raise NotImplementedError


def criteria_titles() -> dict[str, str]:
    raise NotImplementedError


@contextmanager
def converter_pool(settings: Settings) -> Iterator[Callable[[bytes], bytes]]:
    """PDF converters (LibreOffice through unoserver) for this process; yields docx → pdf."""
    raise NotImplementedError
    yield
