"""Check digits of business (BRN) and corporate (CRN) registration numbers → `invalid_identifier`."""

from __future__ import annotations

import re

from dsreview.domain.identifiers import brn_check_ok, crn_check_ok
from dsreview.validators.context import Context

BRN_FIELDS = {
    "application_form": ["business_registration_number"],
    "business_registration": ["registration_number"],
    "credit_rating": ["business_registration_number"],
    "reseller_agreement": ["original_provider_brn", "reseller_brn"],
    "quality_self_check": ["business_registration_number"],
}
CRN_FIELDS = {
    "corporate_registry": ["corporate_registration_number"],
    "business_registration": ["corporate_registration_number"],
}
_BRN = re.compile(r"^\d{3}-\d{2}-\d{5}$")
_CRN = re.compile(r"^\d{6}-\d{7}$")


def check_identifiers(ctx: Context) -> None:
    for doc in ctx.documents:
        for name in BRN_FIELDS.get(doc.type, []):
            value = doc.fields.get(name)
            if isinstance(value, str) and _BRN.match(value) and not brn_check_ok(value.replace("-", "")):
                ctx.add("invalid_identifier", document=doc.type, field=name, source=doc.source, value=value)
        for name in CRN_FIELDS.get(doc.type, []):
            value = doc.fields.get(name)
            if isinstance(value, str) and _CRN.match(value) and not crn_check_ok(value.replace("-", "")):
                ctx.add("invalid_identifier", document=doc.type, field=name, source=doc.source, value=value)
