"""Snapping OCR'd names and addresses to the same value on the bundle's other documents.

The Korean OCR models lack some syllables (텀, 웍) and confuse look-alikes, so a company name read
from a scan is compared with the born-digital documents of the bundle (or, when all are scanned,
with the value most documents agree on) and replaced when it is a near miss. Identifiers are never
snapped: their check digit decides.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from rapidfuzz import fuzz

from dsreview.domain import ExtractedDocument
from dsreview.extractors.text import company_key, loose_key

# (document type, field) groups that name the same thing in one bundle.
GROUPS: dict[str, list[tuple[str, str]]] = {
    "company": [
        ("application_form", "company_name"),
        ("corporate_registry", "company_name"),
        ("business_registration", "company_name"),
        ("credit_rating", "company_name"),
        ("quality_self_check", "company_name"),
    ],
    "person": [("application_form", "representative"), ("business_registration", "representative")],
    "address": [
        ("application_form", "address"),
        ("corporate_registry", "head_office"),
        ("business_registration", "business_address"),
        ("business_registration", "head_office_address"),
    ],
    "service": [
        ("application_form", "service_name"),
        ("csap_certificate", "service_name"),
        ("sla_policy", "service_name"),
        ("reseller_agreement", "service_name"),
    ],
}
_FORM = re.compile(r"^(\(\s*주\s*\)\s*|㈜\s*|주식\s*회사\s*)|(\s*\(\s*주\s*\)|\s*㈜|\s*주식\s*회사)$")


def _stem(name: str) -> str:
    return _FORM.sub("", name).strip()


def _with_stem(ocr_value: str, stem: str) -> str:
    prefix = re.match(r"^(\(\s*주\s*\)\s*|㈜\s*|주식\s*회사\s*)", ocr_value)
    suffix = re.search(r"(\s*\(\s*주\s*\)|\s*㈜|\s*주식\s*회사)$", ocr_value)
    return (prefix.group(0) if prefix else "") + stem + (suffix.group(0) if suffix else "")


def _near(kind: str, a: str, b: str) -> bool:
    if kind == "company":
        ka, kb = company_key(a), company_key(b)
        return ka != kb and len(kb) >= 2 and fuzz.ratio(ka, kb) >= 75
    if kind == "person":
        return a != b and len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    ka, kb = loose_key(a), loose_key(b)
    return ka != kb and fuzz.ratio(ka, kb) >= 85


def _same(kind: str, a: str, b: str) -> bool:
    if kind == "company":
        return company_key(a) == company_key(b)
    if kind == "person":
        return a == b
    return loose_key(a) == loose_key(b)


def _values(doc: ExtractedDocument, field: str) -> list[str]:
    v: Any = doc.fields.get(field)
    return [v] if isinstance(v, str) and v else []


def snap_bundle(documents: list[ExtractedDocument]) -> None:
    for kind, members in GROUPS.items():
        slots = [(d, f) for d in documents for t, f in members if d.type == t and _values(d, f)]
        if len(slots) < 2:
            continue
        digital = [v for d, f in slots if not d.ocr for v in _values(d, f)]
        if digital:
            references = digital
        else:
            counts = Counter(_values(d, f)[0] for d, f in slots)
            references = [v for v, n in counts.items() if n >= 2]
        if not references:
            continue
        for doc, field in slots:
            if not doc.ocr:
                continue
            value = _values(doc, field)[0]
            if any(_same(kind, value, r) for r in references):
                continue
            candidates = [r for r in references if _near(kind, value, r)]
            if not candidates:
                continue
            ref = Counter(candidates).most_common(1)[0][0]
            doc.fields[field] = _with_stem(value, _stem(ref)) if kind == "company" else ref
            if field in doc.evidence:
                ev = doc.evidence[field]
                doc.evidence[field] = ev.model_copy(update={"confidence": round(min(ev.confidence, 0.85), 3)})
