"""Quality: the monthly check of services selected at least a year ago, removal and posting.

A nonconforming service leaves the catalogue and a nonconformance posting (부적합 게시) goes up for
at least the policy's minimum days (DOMAIN §7: not extended by holidays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.forms import load_policy
from dsreview.services import audit, clock, documents
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import IncomingFile
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import Posting, QualityCheck, Role, Service, utcnow
from dsreview.store.repositories import PostingRepository, QualityCheckRepository, ServiceRepository
from dsreview.validators import periods

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
    if check.result is not None:
        raise ConflictError("이미 품질 점검 결과가 기록된 달입니다.", detail={"month": month})
    check.self_check_sha256 = blob.sha256
    check.self_check_name = safe_name(file.name)
    check.submitted_at = utcnow()
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
) -> tuple[QualityCheck, Posting | None]:
    """Staff record the month's result; nonconforming removes the service and posts it publicly."""
    require_role(actor, Role.staff)
    service = _service(session, service_id)
    month = _month(month, settings)
    if result not in ("conforming", "nonconforming"):
        raise DataValidationError("결과는 conforming 또는 nonconforming 입니다.", pointer="/result")
    if service.status != "listed":
        raise ConflictError(
            "이용지원시스템에 등록된 서비스만 점검할 수 있습니다.", detail={"status": service.status}
        )
    if result == "nonconforming" and not reason.strip():
        raise DataValidationError("부적합 사유를 입력해 주십시오.", pointer="/reason")
    repo = QualityCheckRepository(session)
    check = repo.find(service.id, month) or repo.add(QualityCheck(service_id=service.id, month=month))
    if check.result is not None:
        raise ConflictError("이미 품질 점검 결과가 기록된 달입니다.", detail={"month": month})
    for pointer, value in (
        ("/decision_date", decision_date),
        ("/posting_start", posting_start),
        ("/posting_end", posting_end),
    ):
        clock.plausible(value, pointer)
    day = decision_date or clock.today(settings)
    check.result, check.reason, check.checked_by, check.checked_on = (
        result,
        reason.strip(),
        actor.user_id,
        day,
    )
    session.flush()
    audit.record(
        session,
        actor=actor,
        action="quality.checked",
        subject_type="service",
        subject_id=service.id,
        data={"month": month, "result": result, "reason": check.reason},
        files=[check.self_check_sha256] if check.self_check_sha256 else [],
    )
    if result == "conforming":
        return check, None
    posting = _remove_and_post(
        session,
        actor=actor,
        settings=settings,
        blobs=blobs,
        service=service,
        check=check,
        decision_date=day,
        start=posting_start,
        end=posting_end,
    )
    return check, posting


def _remove_and_post(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service: Service,
    check: QualityCheck,
    decision_date: date,
    start: date | None,
    end: date | None,
) -> Posting:
    start = start or clock.today(settings)
    if start < decision_date:
        raise DataValidationError("게시 시작일은 결정일 이후여야 합니다.", pointer="/posting_start")
    minimum = periods.minimum_posting_end(start, policy=load_policy(settings.policy_file))
    end = end or minimum
    if end < minimum:
        raise DataValidationError(
            f"게시 기간이 최소 기간보다 짧습니다: {minimum.isoformat()}까지 게시해야 합니다.",
            pointer="/posting_end",
            detail={"minimum_end": minimum.isoformat()},
        )
    service.status = "removed"
    service.removed_on = decision_date
    service.removal_reason = check.reason
    posting = PostingRepository(session).add(
        Posting(
            service_id=service.id,
            quality_check_id=check.id,
            reason=check.reason,
            decision_date=decision_date,
            start_date=start,
            end_date=end,
        )
    )
    doc = documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="nonconformance_posting",
        build=lambda number: {
            "document_number": number,
            "issue_date": start.isoformat(),
            "recipient": "수신자 참조",
            "posting_start": start.isoformat(),
            "posting_end": end.isoformat(),
            "services": [
                {
                    "service_name": service.name,
                    "company_name": service.company_name,
                    "selection_number": service.selection_number,
                    "reason": check.reason,
                    "decision_date": decision_date.isoformat(),
                }
            ],
        },
        links=documents.Links(service_id=service.id, public=True),
        title=f"부적합 디지털서비스 게시_{service.name}"[:200],
    )
    posting.document_id = doc.id
    audit.record(
        session,
        actor=actor,
        action="service.removed_and_posted",
        subject_type="service",
        subject_id=service.id,
        data={
            "posting_id": posting.id,
            "start": start.isoformat(),
            "end": end.isoformat(),
            "document_id": doc.id,
        },
        files=[doc.docx_sha256],
    )
    return posting


def current_postings(session: Session, *, settings: Settings) -> Sequence[Posting]:
    """The postings public today."""
    return PostingRepository(session).current(clock.today(settings))


def history(session: Session, *, actor: Actor, service_id: int) -> Sequence[QualityCheck]:
    require_role(actor, Role.staff, Role.vendor)
    service = _service(session, service_id)
    if actor.role is Role.vendor and service.organisation_id != actor.organisation_id:
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_id": service_id})
    return QualityCheckRepository(session).for_service(service.id)
