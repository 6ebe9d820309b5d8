"""Field accuracy on scanned documents by kind of field (dates, identifiers), from a scorer report.

The workplace's scorer gives one figure for every field of a scanned document; issue 2 also sets
dates and identifiers at 0.98 on scans. This splits the scorer's `--json` output by kind, using
the corpus's truth files for the totals and the scorer's misses for the errors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

IDENTIFIERS = {"business_registration_number", "registration_number", "corporate_registration_number"}
_DATE = re.compile(r"(_date|^valid_from|^valid_until|^sanction_start|^sanction_end)$")
_MISS = re.compile(r"^(\w+)\.(\w+): want ")


def kind_of(field: str) -> str | None:
    if field in IDENTIFIERS:
        return "identifiers"
    if _DATE.search(field):
        return "dates"
    return None


def scanned_field_kinds(report: dict[str, Any], cases: Path) -> dict[str, tuple[int, int]]:
    """{"dates": (right, total), "identifiers": (right, total)} over the scanned documents."""
    totals = {"dates": 0, "identifiers": 0}
    wrong = {"dates": 0, "identifiers": 0}
    for case in report["cases"]:
        truth = json.loads((cases / case["id"] / "truth.json").read_text(encoding="utf-8"))
        scanned: set[tuple[str, str]] = set()
        for doc in truth["documents"]:
            if not doc.get("scanned"):
                continue
            for field in doc["fields"]:
                kind = kind_of(field)
                if kind:
                    totals[kind] += 1
                    scanned.add((doc["type"], field))
        for miss in case["misses"]:
            m = _MISS.match(miss)
            kind = kind_of(m.group(2)) if m else None
            if m and kind and (m.group(1), m.group(2)) in scanned:
                wrong[kind] += 1
    return {k: (totals[k] - wrong[k], totals[k]) for k in totals}
