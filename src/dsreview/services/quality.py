"""정기점검: the monthly quality check of services selected at least a year ago, on the vendor's
품질적합성 자가점검 보고서 — read by the engine like any other document (`read_self_check`, a job) —
with an outcome staff record (`services.outcomes`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.forms import load_policy
from dsreview.services import audit, clock, outcomes, work
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import IncomingFile
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import Posting, QualityCheck, Role, Service, utcnow
from dsreview.store.repositories import QualityCheckRepository, ServiceRepository

_MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")


def _month(value: str | None, settings: Settings) -> str:
    month = value or clock.month_of(clock.today(settings))
    if not _MONTH.match(month):
        raise DataValidationError(
            "월은 YYYY-MM 형식이어야 합니다.", pointer="/month", detail={"month": month}
        )
    return month


def _months_before(month: str, count: int) -> date:
    """The last day a service may have been selected to be due in `month` (selected ≥ count months before)."""
    year, mon = int(month[:4]), int(month[5:])
    index = year * 12 + (mon - 1) - count
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class DueCheck:
    service: Service
    check: QualityCheck | None


def due_checks(
    session: Session, *, actor: Actor, settings: Settings, month: str | None = None
) -> list[DueCheck]:
    """Listed services selected at least the policy's months before `month`, with this month's check."""
    require_role(actor, Role.staff)
    month = _month(month, settings)
    after = load_policy(settings.policy_file).period("quality_check_after_months")
    cutoff = _months_before(month, after)
    checks = {c.service_id: c for c in QualityCheckRepository(session).for_month(month)}
    return [DueCheck(s, checks.get(s.id)) for s in ServiceRepository(session).listed_selected_before(cutoff)]


def _service(session: Session, service_id: int) -> Service:
    service = ServiceRepository(session).get(service_id)
    if service is None:
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_id": service_id})
    return service


def submit_self_check(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service_id: int,
    file: IncomingFile,
    month: str | None = None,
) -> QualityCheck:
    """The vendor's quality self-check report (품질적합성 자가점검 보고서) for a month."""
    require_role(actor, Role.vendor)
    service = _service(session, service_id)
    if service.organisation_id != actor.organisation_id:
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_id": service_id})
    month = _month(month, settings)
    blob = blobs.put_stream(file.stream, max_bytes=settings.limits.max_file_bytes)
    repo = QualityCheckRepository(session)
    check = repo.find(service.id, month) or repo.add(QualityCheck(service_id=service.id, month=month))
    if check.result is not None and check.result != "supplement":
        raise ConflictError("이미 품질 점검 결과가 기록된 달입니다.", detail={"month": month})
    check.self_check_sha256 = blob.sha256
    check.self_check_name = safe_name(file.name)
    check.submitted_at = utcnow()
    check.self_check_report = None
    session.flush()
    work.request_job(session, kind=work.SELF_CHECK, subject_id=check.id, actor=actor)
    audit.record(
        session,
        actor=actor,
        action="quality.self_check_submitted",
        subject_type="service",
        subject_id=service.id,
        data={"month": month, "name": check.self_check_name},
        files=[blob.sha256],
    )
    return check


def record_result(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service_id: int,
    result: str,
    month: str | None = None,
    reason: str = "",
    decision_date: date | None = None,
    posting_start: date | None = None,
    posting_end: date | None = None,
    due_date: date | None = None,
) -> tuple[QualityCheck, Posting | None]:
    """Staff record the month's outcome (`services.outcomes`): 적합, 보완 by a date (the service stays
    listed; a later result closes it), 부적합 (removed and posted) or 재심사 요청."""
    require_role(actor, Role.staff)
    service = _service(session, service_id)
    month = _month(month, settings)
    decision = outcomes.Decision(
        outcome=result,
        reason=reason,
        due_date=due_date,
        decision_date=decision_date,
        posting_start=posting_start,
        posting_end=posting_end,
    )
    outcomes.validate(decision, service)
    repo = QualityCheckRepository(session)
    check = repo.find(service.id, month) or repo.add(QualityCheck(service_id=service.id, month=month))
    if check.result is not None and check.result != "supplement":
        raise ConflictError("이미 품질 점검 결과가 기록된 달입니다.", detail={"month": month})
    applied = outcomes.apply(
        session,
        actor=actor,
        settings=settings,
        blobs=blobs,
        service=service,
        decision=decision,
        source="정기점검",
    )
    check.result, check.reason, check.checked_by, check.checked_on = (
        applied.outcome,
        reason.strip(),
        actor.user_id,
        applied.day,
    )
    check.due_date = applied.due_date
    check.application_id = applied.application.id if applied.application else None
    if applied.posting is not None:
        applied.posting.quality_check_id = check.id
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="quality.checked",
        subject_type="service",
        subject_id=service.id,
        data={
            "month": month,
            "result": applied.outcome,
            "reason": check.reason,
            "due_date": str(check.due_date),
        },
        files=[check.self_check_sha256] if check.self_check_sha256 else [],
    )
    return check, applied.posting


def history(session: Session, *, actor: Actor, service_id: int) -> Sequence[QualityCheck]:
    require_role(actor, Role.staff, Role.vendor)
    service = _service(session, service_id)
    if actor.role is Role.vendor and service.organisation_id != actor.organisation_id:
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_id": service_id})
    return QualityCheckRepository(session).for_service(service.id)
