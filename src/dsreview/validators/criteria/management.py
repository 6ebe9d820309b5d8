"""Criterion 2-1 (경영상태): credit grade against the policy threshold on the application date, the
startup exemption (founded within N years), and the certificate's own validity period."""

from __future__ import annotations

from datetime import date, timedelta

from dsreview.domain import Status
from dsreview.domain.business import BusinessCheck, BusinessState
from dsreview.validators.context import Context


def _add_years(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def criterion_2_1(ctx: Context, business: BusinessCheck | None = None, rehabilitation: str = "") -> Status:
    """The credit grade's status, failed by a suspended or closed business (unless a court approved
    its rehabilitation, which staff record). `business` None: not looked up (the CLI)."""
    status = _credit(ctx)
    if business is None:
        return status
    if business.status is None:
        reason = {"failed": ": 조회 서비스가 응답하지 않았습니다"}.get(business.unavailable or "", "")
        ctx.add("business_status_unavailable", detail=reason if ctx.lang == "ko" else "")
        return status
    found = business.status
    if found.state is BusinessState.unregistered:
        ctx.add("business_unregistered", value=found.brn)
        return Status.review if status is Status.passed else status
    if found.state not in (BusinessState.suspended, BusinessState.closed):
        return status
    if rehabilitation.strip():
        ctx.add("rehabilitation_approved", detail=rehabilitation.strip())
        return status
    if found.state is BusinessState.suspended:
        ctx.add("business_suspended", detail=found.text or "휴업자")
    else:
        ctx.add("business_closed", detail=ctx.fmt(found.closed_on))
    return Status.fail


def _credit(ctx: Context) -> Status:
    credit = ctx.doc("credit_rating")
    if credit is None:
        return Status.review
    policy = ctx.policy.section("credit")
    day = ctx.application_date
    if not ctx.in_force(
        "credit_rating", code="credit_rating_expired", start_fields=("valid_from", "evaluation_date")
    ):
        return Status.review
    end = ctx.date("credit_rating", "valid_until")
    assert end is not None  # in force: the end is known
    if (end - day) <= timedelta(days=int(policy["expiry_warning_days"])):
        ctx.add("credit_rating_expiring", document="credit_rating", field="valid_until", detail=ctx.fmt(end))
    rating = credit.fields.get("rating")
    if not isinstance(rating, str):
        return Status.review
    if rating in policy["unrated"]:
        ctx.add("credit_rating_unrated", document="credit_rating", field="rating", value=rating)
        return Status.review
    grades: list[str] = policy["grades"]
    if rating not in grades:
        return Status.review
    if grades.index(rating) <= grades.index(policy["minimum_grade"]):
        return Status.passed
    founded = ctx.date("corporate_registry", "incorporation_date") or ctx.date(
        "business_registration", "opening_date"
    )
    if founded is not None and day <= _add_years(founded, int(policy["startup_exemption_years"])):
        ctx.add(
            "startup_exemption_applied",
            document="credit_rating",
            field="rating",
            value=rating,
            detail=ctx.fmt(founded),
        )
        return Status.exempt
    if founded is None:
        return Status.review
    ctx.add(
        "credit_rating_below_threshold",
        document="credit_rating",
        field="rating",
        value=rating,
        detail=policy["minimum_grade"],
    )
    return Status.fail
