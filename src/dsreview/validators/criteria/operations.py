"""Criteria 3-2 (운영안정성: availability, monitoring, backup and recovery) and 3-3 (지원체계: support
hours, response time): the SLA must state every item the policy lists for the criterion."""

from __future__ import annotations

from dsreview.domain import Status
from dsreview.validators.context import Context


def sla_criterion(ctx: Context, criterion: str) -> Status:
    sla = ctx.doc("sla_policy")
    if sla is None:
        return Status.review
    items: list[str] = ctx.policy.section("sla")[criterion]
    missing = [name for name in items if sla.fields.get(name) in (None, "", False)]
    for name in missing:
        ctx.add("sla_metric_missing", document="sla_policy", field=name, criterion=criterion)
    return Status.review if missing else Status.passed
