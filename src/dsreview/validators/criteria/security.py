"""Criterion 3-1 (보안성): a CSAP certificate valid on the application date skips the security items;
education services for schools need not submit one (the reviewers then assess security)."""

from __future__ import annotations

from dsreview.domain import Status
from dsreview.domain.names import same_service
from dsreview.validators.context import Context


def criterion_3_1(ctx: Context) -> Status:
    csap = ctx.doc("csap_certificate")
    app = ctx.application
    if csap is None:
        if app.get("education_exempt") is True and app.get("service_category") == "cloud_computing":
            ctx.add("csap_exempt_education")
        return Status.review
    day = ctx.application_date
    start = ctx.date("csap_certificate", "valid_from") or ctx.date("csap_certificate", "issue_date")
    end = ctx.date("csap_certificate", "valid_until")
    if end is None:
        return Status.review
    if day > end or (start is not None and day < start):
        ctx.add(
            "csap_expired",
            document="csap_certificate",
            field="valid_until",
            date=ctx.fmt(day),
            detail=f"{ctx.fmt(start)} ~ {ctx.fmt(end)}",
        )
        return Status.review
    certified = csap.fields.get("service_name")
    applied = app.get("service_name")
    if isinstance(certified, str) and isinstance(applied, str) and not same_service(certified, applied):
        ctx.add(
            "csap_service_mismatch",
            document="csap_certificate",
            field="service_name",
            value=certified,
            detail=applied,
        )
        return Status.review
    return Status.exempt
