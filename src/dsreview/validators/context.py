"""What every check reads: the bundle's documents by type, the application date, policy and language."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dsreview.domain import ExtractedDocument, Finding
from dsreview.domain.documents import merged
from dsreview.forms import Policy
from dsreview.forms.messages import finding


def as_date(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


@dataclass
class Context:
    documents: list[ExtractedDocument]
    application_date: date
    policy: Policy
    lang: str = "ko"
    findings: list[Finding] = field(default_factory=list)

    def __post_init__(self) -> None:
        by_type: dict[str, list[ExtractedDocument]] = {}
        for d in self.documents:
            by_type.setdefault(d.type, []).append(d)
        self._docs = {t: merged(ds) for t, ds in by_type.items()}

    def by_type(self) -> list[ExtractedDocument]:
        """One document per type, those split over several files joined (see `merged`)."""
        return list(self._docs.values())

    def doc(self, doc_type: str) -> ExtractedDocument | None:
        return self._docs.get(doc_type)

    def value(self, doc_type: str, field_name: str) -> Any:
        d = self._docs.get(doc_type)
        return d.fields.get(field_name) if d else None

    def date(self, doc_type: str, field_name: str) -> date | None:
        return as_date(self.value(doc_type, field_name))

    @property
    def application(self) -> dict[str, Any]:
        d = self._docs.get("application_form")
        return dict(d.fields) if d else {}

    def add(self, code: str, **kwargs: Any) -> Finding:
        f = finding(code, lang=self.lang, **kwargs)
        self.findings.append(f)
        return f

    def has(self, code: str, *, criterion: str | None = None) -> bool:
        return any(f.code == code and (criterion is None or f.criterion == criterion) for f in self.findings)

    def in_force(
        self, doc_type: str, *, code: str, start_fields: tuple[str, ...] = ("valid_from",)
    ) -> bool | None:
        """Whether the document's validity period covers the application date; when it does not, a
        finding of `code` says so. None when the period's end is unknown (a person must decide)."""
        start = next((d for d in (self.date(doc_type, f) for f in start_fields) if d), None)
        end = self.date(doc_type, "valid_until")
        if end is None:
            return None
        day = self.application_date
        if day > end or (start is not None and day < start):
            self.add(
                code,
                document=doc_type,
                field="valid_until",
                date=self.fmt(day),
                detail=f"{self.fmt(start)} ~ {self.fmt(end)}",
            )
            return False
        return True

    def fmt(self, d: dt.date | None) -> str:
        if d is None:
            return "?"
        return f"{d.year}. {d.month}. {d.day}." if self.lang == "ko" else d.isoformat()
