"""Documents without structure of their own (an application form, an SLA): every field read by the
kind the catalogue gives it (`forms/documents/<type>.json`), so that such a type is data only.

A field's kind picks its reader (a company name, a person, a BRN, a date, a percentage, hours, an
option, yes/no, a phone…); `near` says beside which field to look for a value no label of its own
leads to (a phone in the contact's cell), `fallback` that a date may stand alone on the page.
"""

from __future__ import annotations

from collections.abc import Callable

from dsreview.extractors import normalize as nz
from dsreview.extractors.base import Fields, FieldValue
from dsreview.extractors.fields import FieldReader
from dsreview.extractors.labels import PageLines
from dsreview.forms import FieldSpec, document_spec

Reader = Callable[[FieldReader, FieldSpec], FieldValue | None]


def _by_form(parse: Callable[[str], str | None]) -> Reader:
    """A value of a known form: under its label, else beside the field `near` names."""

    def read(r: FieldReader, spec: FieldSpec) -> FieldValue | None:
        found = r.text(spec.name, clean=parse)
        if found is None and spec.near:
            found = r.anywhere(spec.name, parse, near=spec.near)
        return found

    return read


def _date(r: FieldReader, spec: FieldSpec) -> FieldValue | None:
    found = r.date(spec.name)
    if found is None and spec.fallback:
        found = r.standalone_date(last=spec.fallback == "last_date")
    return found


READERS: dict[str, Reader] = {
    "company": lambda r, spec: r.company(spec.name),
    "person": lambda r, spec: r.name(spec.name),
    "brn": lambda r, spec: r.identifier(spec.name, "brn"),
    "crn": lambda r, spec: r.identifier(spec.name, "crn"),
    "address": lambda r, spec: r.address(spec.name),
    "text": lambda r, spec: r.text(spec.name),
    "enum": lambda r, spec: r.option(spec.name),
    "boolean": lambda r, spec: r.boolean(spec.name),
    "percent": lambda r, spec: r.percent(spec.name),
    "hours": lambda r, spec: r.hours(spec.name),
    "money": lambda r, spec: r.money(spec.name),
    "date": _date,
    "phone": _by_form(nz.phone),
    "email": _by_form(nz.email),
}


class CatalogueExtractor:
    """Reads every field of `doc_type` by its kind; a kind with no generic reader is refused when
    the extractor is made (such a type needs an extractor of its own)."""

    def __init__(self, doc_type: str) -> None:
        self.doc_type = doc_type
        spec = document_spec(doc_type)
        missing = sorted({f.kind for f in spec.fields.values()} - set(READERS))
        if missing:
            raise ValueError(f"{doc_type}: no generic reader for the kinds {', '.join(missing)}")
        self.fields = list(spec.fields.values())

    def extract(self, pages: list[PageLines]) -> Fields:
        r = FieldReader(pages, self.doc_type)
        return {spec.name: READERS[spec.kind](r, spec) for spec in self.fields}
