"""Events that may take a selected service below the criteria, and how staff close them.

A vendor reports one (고시 제7조: 휴업·폐업, CSAP 취소·만료, 제재 …); the daily 상시점검 raises others
(`services.watch`). Each is an item on the staff's quality page until closed with an outcome
(`services.outcomes`): 적합, 보완 by a date, 부적합 (removed and posted) or 재심사 요청.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.forms import event_kinds
from dsreview.services import audit, clock, outcomes
from dsreview.services.actors import Actor, require_role
from dsreview.services.changes import own_service
from dsreview.services.intake import IncomingFile
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import Role, Service, ServiceEvent
from dsreview.store.repositories import ServiceEventRepository


def text_of(kind: str, detail: str = "") -> str:
    spec = event_kinds().get(kind, {"text": "{detail}"})
    return str(spec["text"]).format(detail=f" ({detail})" if detail and kind != "other" else detail)


def report_event(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service_id: int,
    kind: str,
    detail: str = "",
    event_date: date | None = None,
    file: IncomingFile | None = None,
) -> ServiceEvent:
    """The vendor tells the ministry of an event that triggers re-review (고시 제7조)."""
    require_role(actor, Role.vendor)
    service = own_service(session, actor, service_id)
    if not event_kinds().get(kind, {}).get("vendor"):
        raise DataValidationError("알릴 사유의 종류를 선택해 주십시오.", pointer="/kind")
    if kind == "other" and not detail.strip():
        raise DataValidationError("사유를 적어 주십시오.", pointer="/detail")
    clock.plausible(event_date, "/event_date")
    sha = name = None
    if file is not None:
        blob = blobs.put_stream(file.stream, max_bytes=settings.limits.max_file_bytes)
        sha, name = blob.sha256, safe_name(file.name)
    event = ServiceEventRepository(session).add(
        ServiceEvent(
            service_id=service.id,
            source="vendor",
            kind=kind,
            event_date=event_date,
            detail=detail.strip(),
            file_sha256=sha,
            file_name=name,
            reported_by=actor.user_id,
        )
    )
    audit.record(
        session,
        actor=actor,
        action="service.event_reported",
        subject_type="service",
        subject_id=service.id,
        data={"event_id": event.id, "kind": kind},
        files=[sha] if sha else [],
    )
    return event


def raise_item(
    session: Session, *, service: Service, kind: str, detail: str, day: date
) -> ServiceEvent | None:
    """A 상시점검 item, unless one of its kind is still open for the service."""
    repo = ServiceEventRepository(session)
    if repo.open_of(service.id, kind) is not None:
        return None
    event = repo.add(
        ServiceEvent(service_id=service.id, source="watch", kind=kind, event_date=day, detail=detail)
    )
    audit.record(
        session,
        actor=None,
        action="quality.item_raised",
        subject_type="service",
        subject_id=service.id,
        data={"event_id": event.id, "kind": kind, "detail": detail},
    )
    return event


def close(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    event_id: int,
    decision: outcomes.Decision,
) -> tuple[ServiceEvent, outcomes.Applied]:
    """Staff close an item with an outcome."""
    require_role(actor, Role.staff)
    event = ServiceEventRepository(session).get(event_id)
    if event is None:
        raise NotFoundError("점검 항목을 찾을 수 없습니다.", detail={"event_id": event_id})
    if event.status != "open":
        raise ConflictError("이미 처리한 점검 항목입니다.", detail={"outcome": event.outcome})
    outcomes.validate(decision, event.service)
    applied = outcomes.apply(
        session,
        actor=actor,
        settings=settings,
        blobs=blobs,
        service=event.service,
        decision=decision,
        source=f"{event_kinds().get(event.kind, {}).get('name', event.kind)}",
    )
    event.outcome, event.note = applied.outcome, decision.reason.strip()
    event.due_date = applied.due_date
    event.application_id = applied.application.id if applied.application else None
    event.handled_by, event.handled_on = actor.user_id, applied.day
    # a re-review closes it when decided; a 보완 stays open until staff close it again
    event.status = "open" if applied.outcome in ("re_review", "supplement") else "closed"
    audit.record(
        session,
        actor=actor,
        action="quality.item_closed",
        subject_type="service",
        subject_id=event.service_id,
        data={"event_id": event.id, "outcome": applied.outcome, "reason": event.note},
    )
    return event, applied


def items(session: Session, *, actor: Actor, status: str | None = "open") -> Sequence[ServiceEvent]:
    require_role(actor, Role.staff)
    return ServiceEventRepository(session).search(status=status)


def of_service(session: Session, *, actor: Actor, service_id: int) -> Sequence[ServiceEvent]:
    service = own_service(session, actor, service_id)
    return ServiceEventRepository(session).search(service_id=service.id)
