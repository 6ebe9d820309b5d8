"""정보 변경 신청 (고시 제6조): a vendor asks to change a selected service's details; staff decide
whether the change touches the selection criteria. If it does, the service is re-reviewed and the
change is reflected only when the re-review is 적정; if not, the catalogue is updated at once. Every
request, its decision and what it changed stay in the history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.forms import document_types
from dsreview.services import audit, clock, rereview
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import IncomingFile
from dsreview.store import BlobStore, safe_name
from dsreview.store.models import Role, Service, ServiceChange, utcnow
from dsreview.store.repositories import ServiceChangeRepository, ServiceRepository

# The details a vendor may change; the catalogue shows them and agencies search them.
FIELDS = ("spec", "price", "price_unit", "contact_name", "contact_phone", "contact_email")
OPEN = ("submitted", "re_review")


def own_service(session: Session, actor: Actor, service_id: int) -> Service:
    """The service, for staff or for the vendor that owns it ('not found' otherwise)."""
    require_role(actor, Role.staff, Role.vendor)
    service = ServiceRepository(session).get(service_id)
    if service is None or (actor.role is Role.vendor and service.organisation_id != actor.organisation_id):
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_id": service_id})
    return service


def request_change(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    service_id: int,
    changes: Mapping[str, Any],
    description: str = "",
    file: IncomingFile | None = None,
    document_type: str | None = None,
) -> ServiceChange:
    """The vendor's change request: new values of some details, and/or a document."""
    require_role(actor, Role.vendor)
    service = own_service(session, actor, service_id)
    if service.status != "listed":
        raise ConflictError("카탈로그에 등록된 서비스만 정보 변경을 신청할 수 있습니다.")
    if any(c.status in OPEN for c in ServiceChangeRepository(session).search(service_id=service.id)):
        raise ConflictError("처리 중인 정보 변경 신청이 있습니다. 그 결과가 나온 뒤에 다시 신청해 주십시오.")
    wanted = {k: v for k, v in changes.items() if k in FIELDS and v is not None and v != getattr(service, k)}
    if document_type is not None and document_type not in document_types():
        raise DataValidationError("서류 종류가 올바르지 않습니다.", pointer="/document_type")
    files: list[dict[str, Any]] = []
    if file is not None:
        blob = blobs.put_stream(file.stream, max_bytes=settings.limits.max_file_bytes)
        files.append(
            {
                "sha256": blob.sha256,
                "name": safe_name(file.name),
                "size": blob.size,
                "document_type": document_type,
            }
        )
    if not wanted and not files:
        raise DataValidationError(
            "바꿀 내용을 하나 이상 입력하거나 서류를 첨부해 주십시오.", pointer="/changes"
        )
    change = ServiceChangeRepository(session).add(
        ServiceChange(
            service_id=service.id,
            requested_by=actor.user_id,
            changes=wanted,
            before={k: getattr(service, k) for k in wanted},
            description=description.strip(),
            files=files,
            status="submitted",
        )
    )
    audit.record(
        session,
        actor=actor,
        action="service.change_requested",
        subject_type="service",
        subject_id=service.id,
        data={"change_id": change.id, "fields": sorted(wanted)},
        files=[f["sha256"] for f in files],
    )
    return change


def decide(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    change_id: int,
    touches_criteria: bool,
    note: str = "",
) -> ServiceChange:
    """Staff's call: a change that touches the selection criteria goes to re-review; another is
    reflected in the catalogue now."""
    require_role(actor, Role.staff)
    change = ServiceChangeRepository(session).get(change_id)
    if change is None:
        raise NotFoundError("정보 변경 신청을 찾을 수 없습니다.", detail={"change_id": change_id})
    if change.status != "submitted":
        raise ConflictError("이미 처리한 정보 변경 신청입니다.", detail={"status": change.status})
    today = clock.today(settings)
    change.touches_criteria, change.note = touches_criteria, note.strip()
    change.decided_by, change.decided_on = actor.user_id, today
    if touches_criteria:
        documents = [
            rereview.NewDocument(f["sha256"], f["name"], int(f.get("size") or 0), f.get("document_type"))
            for f in change.files
        ]
        application = rereview.open_re_review(
            session,
            actor=actor,
            settings=settings,
            service=change.service,
            reason=f"정보 변경 신청 {change.id}: {change.note}",
            replacements=documents,
        )
        change.status, change.application_id = "re_review", application.id
    else:
        apply(session, actor=actor, change=change, day=today)
    audit.record(
        session,
        actor=actor,
        action="service.change_decided",
        subject_type="service",
        subject_id=change.service_id,
        data={"change_id": change.id, "touches_criteria": touches_criteria, "status": change.status},
    )
    return change


def apply(session: Session, *, actor: Actor | None, change: ServiceChange, day: date) -> None:
    """Reflect the change in the catalogue."""
    service = change.service
    for key, value in change.changes.items():
        if key in FIELDS:
            setattr(service, key, value)
    service.updated_at = utcnow()
    change.status, change.applied_on = "applied", day
    audit.record(
        session,
        actor=actor,
        action="service.changed",
        subject_type="service",
        subject_id=service.id,
        data={"change_id": change.id, "before": change.before, "after": change.changes},
    )


def history(session: Session, *, actor: Actor, service_id: int) -> Sequence[ServiceChange]:
    service = own_service(session, actor, service_id)
    return ServiceChangeRepository(session).search(service_id=service.id)


def pending(session: Session, *, actor: Actor) -> Sequence[ServiceChange]:
    require_role(actor, Role.staff)
    return ServiceChangeRepository(session).search(status="submitted")
