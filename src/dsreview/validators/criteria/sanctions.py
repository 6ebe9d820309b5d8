"""Criterion 2-2 (부정당업자 제재): under sanction on the application date fails."""

from __future__ import annotations

from dsreview.domain import Status
from dsreview.domain.names import company_key
from dsreview.validators.context import Context
from dsreview.validators.sanctions import Sanction


def criterion_2_2(ctx: Context, sanctions: list[Sanction] | None) -> Status:
    if sanctions is None:
        ctx.add("sanctions_unavailable")
        return Status.review
    brns = {
        "".join(ch for ch in str(v) if ch.isdigit())
        for v in (
            ctx.value("business_registration", "registration_number"),
            ctx.value("application_form", "business_registration_number"),
        )
        if v
    }
    names = {
        company_key(v)
        for v in (
            ctx.value("application_form", "company_name"),
            ctx.value("business_registration", "company_name"),
        )
        if v
    }
    if not brns and not names:
        return Status.review
    day = ctx.application_date
    for s in sanctions:
        hit = (
            s.business_registration_number in brns
            if s.business_registration_number
            else (company_key(s.company_name) in names)
        )
        if hit and s.active_on(day):
            detail = f"{ctx.fmt(s.start)} ~ {ctx.fmt(s.end)}, {s.reason}"
            ctx.add("sanctioned_vendor", date=ctx.fmt(day), detail=detail)
            return Status.fail
    return Status.passed
