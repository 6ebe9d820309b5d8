"""Documents in force on the application date (other than credit and CSAP, which their criteria check)."""

from __future__ import annotations

from datetime import timedelta

from dsreview.validators.context import Context


def check_document_age(ctx: Context) -> None:
    """Certificates such as the corporate registry must be recent: issued at most N days before."""
    limits = ctx.policy.section("documents").get("max_age_days", {})
    for doc_type, days in limits.items():
        if days is None:
            continue
        issued = ctx.date(doc_type, "issue_date")
        if issued is None:
            continue
        oldest = ctx.application_date - timedelta(days=int(days))
        if issued < oldest:
            detail = (
                f"발급일 {ctx.fmt(issued)}, 신청일 전 {days}일 이내 발급분 필요"
                if ctx.lang == "ko"
                else f"issued {issued.isoformat()}, must be issued within {days} days"
            )
            ctx.add(
                "document_expired",
                document=doc_type,
                field="issue_date",
                date=ctx.fmt(ctx.application_date),
                detail=detail,
            )
