"""Criterion 3-1 (보안성): a CSAP certificate valid on the application date skips the security items;
education services for schools need not submit one (the reviewers then assess security)."""

from __future__ import annotations

from dsreview.domain import Status
from dsreview.domain.names import loose_key, misread_variant, same_service
from dsreview.validators.context import Context


def criterion_3_1(ctx: Context) -> Status:
    csap = ctx.doc("csap_certificate")
    app = ctx.application
    if csap is None:
        if app.get("education_exempt") is True and app.get("service_category") == "cloud_computing":
            ctx.add("csap_exempt_education")
        return Status.review
    if not ctx.in_force("csap_certificate", code="csap_expired", start_fields=("valid_from", "issue_date")):
        return Status.review
    certified = csap.fields.get("service_name")
    applied = app.get("service_name")
    if (
        isinstance(certified, str)
        and isinstance(applied, str)
        and not same_service(certified, applied)
        and not (_scanned(ctx) and misread_variant(loose_key(certified), loose_key(applied)))
    ):
        ctx.add(
            "csap_service_mismatch",
            document="csap_certificate",
            field="service_name",
            value=certified,
            detail=applied,
        )
        return Status.review
    return Status.exempt


def _scanned(ctx: Context) -> bool:
    """Was the CSAP certificate or the application form read by OCR (names may be misread)?"""
    return any((d := ctx.doc(t)) is not None and d.ocr for t in ("csap_certificate", "application_form"))
