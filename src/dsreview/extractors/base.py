"""The extractor Protocol and the value type every extractor returns.

An extractor reads one document (its pages, one reading at a time) and returns a `FieldValue` per
canonical field of its type; the pipeline runs it on each OCR reading and keeps the better value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from dsreview.extractors.labels import PageLines


@dataclass(slots=True)
class FieldValue:
    value: Any
    confidence: float
    page: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    raw: str = ""
    # True when a check confirmed the reading (check digit, closed set, date range), False when a
    # check failed, None when the field has no check.
    valid: bool | None = None
    # a repair's name when the value was read again, and what the page OCR had read (Evidence)
    repaired_by: str | None = None
    read_as: str | None = None


Fields = dict[str, FieldValue | None]


class Extractor(Protocol):
    """Reads the canonical fields of one document type (DOMAIN §4)."""

    doc_type: str

    def extract(self, pages: list[PageLines]) -> Fields: ...
