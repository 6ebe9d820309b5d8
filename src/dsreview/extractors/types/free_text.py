"""Documents that are classified but carry no fields the rules use (overview, capability evidence)."""

from __future__ import annotations

from dsreview.extractors.base import Fields
from dsreview.extractors.labels import PageLines


class FreeTextExtractor:
    def __init__(self, doc_type: str) -> None:
        self.doc_type = doc_type

    def extract(self, pages: list[PageLines]) -> Fields:
        return {}
