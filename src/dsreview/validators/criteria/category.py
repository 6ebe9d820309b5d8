"""Criterion 1 (디지털서비스 해당여부): the claimed category and the documents it requires; and, for a
reseller, the supply and technical-support agreement (its parties, service and term)."""

from __future__ import annotations

from dsreview.domain import Status
from dsreview.domain.identifiers import digits_of
from dsreview.domain.names import same_service
from dsreview.validators.context import Context
from dsreview.validators.required import applicable

CODES = ("reseller_agreement_mismatch", "reseller_agreement_expired")


def check_reseller(ctx: Context) -> None:
    app = ctx.application
    agreement = ctx.doc("reseller_agreement")
    if app.get("provider_type") != "reseller" or agreement is None:
        return
    f = agreement.fields
    own_brn = ctx.value("business_registration", "registration_number") or app.get(
        "business_registration_number"
    )
    reseller_brn = f.get("reseller_brn")
    if own_brn and reseller_brn and digits_of(own_brn) != digits_of(reseller_brn):
        ctx.add(
            "reseller_agreement_mismatch",
            document="reseller_agreement",
            field="reseller_brn",
            value=reseller_brn,
            detail=own_brn,
        )
    service = app.get("service_name")
    if service and f.get("service_name") and not same_service(service, f["service_name"]):
        ctx.add(
            "reseller_agreement_mismatch",
            document="reseller_agreement",
            field="service_name",
            value=f["service_name"],
            detail=service,
        )
    ctx.in_force("reseller_agreement", code="reseller_agreement_expired")


def criterion_1(ctx: Context) -> Status:
    app = ctx.application
    if not app or app.get("service_category") is None:
        return Status.review
    for req in applicable(ctx):
        if req.conditional and ctx.doc(req.type) is None:
            return Status.review
    if any(ctx.has(code) for code in CODES):
        return Status.review
    return Status.passed
