"""상시점검: every day the service looks, for each listed service, for certificates (CSAP, credit)
expired or expiring and for a business 국세청 reports suspended or closed, and raises each as an item
for staff (`services.events`). The job runs in three steps so that no transaction waits on the
network: `plan` (read), `look_up` (the provider, none), `record` (write)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.domain.business import BusinessState, BusinessStatus
from dsreview.domain.identifiers import digits_of
from dsreview.errors import UnavailableError
from dsreview.forms import load_policy
from dsreview.services import events, work
from dsreview.services.actors import Actor, require_role
from dsreview.services.business_status import BusinessStatusProvider
from dsreview.store.models import Job, Role
from dsreview.store.repositories import JobRepository, OrganisationRepository, ServiceRepository

WATCH = work.WATCH


@dataclass(frozen=True, slots=True)
class Target:
    service_id: int
    brn: str | None
    csap_valid_until: date | None
    credit_valid_until: date | None


@dataclass(slots=True)
class Plan:
    today: date
    warn_days: int
    targets: list[Target] = field(default_factory=list)


def plan(session: Session, *, settings: Settings, today: date) -> Plan:
    orgs = OrganisationRepository(session)
    warn = int(load_policy(settings.policy_file).section("credit").get("expiry_warning_days", 30))
    found = Plan(today=today, warn_days=warn)
    for s in ServiceRepository(session).search(status="listed", limit=100_000):
        org = orgs.get(s.organisation_id)
        brn = digits_of(org.brn) if org and org.brn else None
        found.targets.append(Target(s.id, brn, s.csap_valid_until, s.credit_valid_until))
    return found


def look_up(
    found: Plan, provider: BusinessStatusProvider | None
) -> tuple[dict[str, BusinessStatus], str | None]:
    """The statuses of every target's BRN, or why there are none (not configured, failed)."""
    if provider is None:
        return {}, "not_configured"
    try:
        return provider.statuses([t.brn for t in found.targets if t.brn]), None
    except UnavailableError as exc:
        return {}, f"failed: {exc.message}"


def _kdate(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."


def _certificate_items(target: Target, found: Plan) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for prefix, until in (("csap", target.csap_valid_until), ("credit", target.credit_valid_until)):
        if until is None:
            continue
        if until < found.today:
            out.append((f"{prefix}_expired", f"유효기간 {_kdate(until)}까지"))
        elif until <= found.today + timedelta(days=found.warn_days):
            out.append(
                (f"{prefix}_expiring", f"유효기간 {_kdate(until)}까지, {(until - found.today).days}일 남음")
            )
    return out


def _business_item(status: BusinessStatus | None) -> tuple[str, str] | None:
    if status is None:
        return None
    if status.state is BusinessState.suspended:
        return "business_suspended", status.text or "휴업자"
    if status.state is BusinessState.closed:
        return "business_closed", f"폐업일 {_kdate(status.closed_on)}" if status.closed_on else "폐업자"
    return None


def record(
    session: Session, *, found: Plan, statuses: dict[str, BusinessStatus], skipped: str | None
) -> dict[str, Any]:
    """Raise an item for each problem found; returns what the job reports."""
    raised: list[int] = []
    services = ServiceRepository(session)
    for target in found.targets:
        service = services.get(target.service_id)
        if service is None or service.status != "listed":
            continue
        problems = _certificate_items(target, found)
        business = _business_item(statuses.get(target.brn or ""))
        if business is not None:
            problems.append(business)
        for kind, detail in problems:
            item = events.raise_item(session, service=service, kind=kind, detail=detail, day=found.today)
            if item is not None:
                raised.append(item.id)
    return {
        "day": found.today.isoformat(),
        "services": len(found.targets),
        "raised": raised,
        "business_status": skipped or "checked",
    }


def day_key(day: date) -> int:
    return day.year * 10_000 + day.month * 100 + day.day


def ensure_daily(session: Session, *, today: date) -> Job | None:
    """The day's 상시점검 job, asked for once a day (the worker's periodic task calls this)."""
    if JobRepository(session).latest_for(WATCH, day_key(today)) is not None:
        return None
    return work.request_job(session, kind=WATCH, subject_id=day_key(today))


def run_now(session: Session, *, actor: Actor, today: date) -> Job:
    """Staff ask for a 상시점검 now (besides the daily one)."""
    require_role(actor, Role.staff)
    return work.request_job(session, kind=WATCH, subject_id=day_key(today), actor=actor)
