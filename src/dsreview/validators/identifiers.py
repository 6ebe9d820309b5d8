"""Check digits of business (BRN) and corporate (CRN) registration numbers → `invalid_identifier`."""

from __future__ import annotations

import re

from dsreview.domain.identifiers import brn_check_ok, crn_check_ok
from dsreview.forms import fields_where
from dsreview.validators.context import Context

_BRN = re.compile(r"^\d{3}-\d{2}-\d{5}$")
_CRN = re.compile(r"^\d{6}-\d{7}$")
_CHECKS = {"brn": (_BRN, brn_check_ok), "crn": (_CRN, crn_check_ok)}


def check_identifiers(ctx: Context) -> None:
    """Every BRN and CRN of the catalogue (fields of those kinds) whose check digit fails."""
    slots = {kind: fields_where(kind=kind) for kind in _CHECKS}
    for doc in ctx.documents:
        for kind, (shape, check_ok) in _CHECKS.items():
            for name in (f for t, f in slots[kind] if t == doc.type):
                value = doc.fields.get(name)
                if isinstance(value, str) and shape.match(value) and not check_ok(value.replace("-", "")):
                    ctx.add(
                        "invalid_identifier", document=doc.type, field=name, source=doc.source, value=value
                    )
