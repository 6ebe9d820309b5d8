"""Every text-layer sample: each document found with its type and pages, every field exact.

The scanned samples are scored as a whole in tests/test_accuracy.py (OCR takes a minute or two).
"""

from __future__ import annotations

from typing import Any

import pytest

from dsreview.config import Settings
from dsreview.services.check import extract_files
from tests.corpus import CASES, case_ids, scorer, truth


@pytest.mark.parametrize("case", case_ids(scanned=False))
def test_text_sample_is_read_exactly(case: str, settings: Settings) -> None:
    t = truth(case)
    documents, _ = extract_files([CASES / case / f for f in t["files"]], settings=settings)
    got: list[dict[str, Any]] = [d.model_dump(mode="json") for d in documents]
    misses = []
    for want in t["documents"]:
        doc = scorer().find_doc(want, got)
        if doc is None:
            misses.append(f"{want['type']} not found")
            continue
        for name, value in want["fields"].items():
            if not scorer().same(value, doc["fields"].get(name)):
                misses.append(f"{want['type']}.{name}: want {value!r} got {doc['fields'].get(name)!r}")
    assert not misses, misses


def test_every_value_keeps_its_evidence(settings: Settings) -> None:
    t = truth("S01")
    documents, _ = extract_files([CASES / "S01" / f for f in t["files"]], settings=settings)
    for doc in documents:
        for name, value in doc.fields.items():
            if value in (None, [], ""):
                continue
            ev = doc.evidence[name]
            assert ev.page in doc.pages
            x0, top, x1, bottom = ev.bbox
            assert 0 <= x0 < x1 <= 600, (doc.type, name, ev)
            assert 0 <= top < bottom <= 850, (doc.type, name, ev)
