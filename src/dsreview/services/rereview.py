"""재심사: the review procedure again for a selected service (고시 제6조 정보 변경, 제7조 재심사 사유,
a quality check's 재심사 요청). A re-review is an application of its own (`purpose` re_review) over the
service's current documents, with any new ones in place of those they replace: it is checked,
reviewed and decided like the first, while the service stays listed as it was until the result.

적정: the service takes the re-review's documents (and a change request behind it is applied).
부적정: a change request is refused and the listing stays as it was; a re-review for any other
reason takes the service off the catalogue and posts it (부적합 게시).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError
from dsreview.services import audit, catalogue, clock, intake, postings
from dsreview.services.actors import Actor
from dsreview.store import BlobStore
from dsreview.store.models import Application, ApplicationStatus, Purpose, Service
from dsreview.store.repositories import (
    ApplicationRepository,
    QualityCheckRepository,
    ServiceChangeRepository,
    ServiceEventRepository,
    ServiceRepository,
)

S = ApplicationStatus
DONE = (S.selected, S.not_selected, S.withdrawn, S.refused)


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document that comes with a change request, in place of the current one of its type."""

    sha256: str
    name: str
    size: int
    document_type: str | None = None


def running(session: Session, service: Service) -> Application | None:
    found = ApplicationRepository(session).search(organisation_id=service.organisation_id, limit=1000)
    return next(
        (
            a
            for a in found
            if a.purpose == Purpose.re_review and a.service_id == service.id and a.status not in DONE
        ),
        None,
    )


def _files(session: Session, service: Service, replacements: list[NewDocument]) -> list[tuple[str, str, int]]:
    """The current application's files, less those holding only documents of a replaced type."""
    repo = ApplicationRepository(session)
    current = repo.get(service.current_application_id or service.application_id)
    replaced = {d.document_type for d in replacements if d.document_type}
    kinds: dict[str, set[str]] = {}
    for doc in ((current.report if current else None) or {}).get("documents", []):
        kinds.setdefault(str(doc.get("source")), set()).add(str(doc.get("type")))
    kept = [
        (f.sha256, f.name, f.size)
        for f in (repo.active_files(current.id) if current else [])
        if not (kinds.get(f.name) and kinds[f.name] <= replaced)
    ]
    return kept + [(d.sha256, d.name, d.size) for d in replacements]


def open_re_review(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    service: Service,
    reason: str,
    replacements: list[NewDocument] | None = None,
) -> Application:
    """A re-review application of `service`, its check requested; one at a time per service."""
    if service.status != "listed":
        raise ConflictError(
            "카탈로그에 등록된 서비스만 재심사할 수 있습니다.", detail={"status": service.status}
        )
    busy = running(session, service)
    if busy is not None:
        raise ConflictError(
            f"이 서비스는 이미 재심사 중입니다({busy.number}).", detail={"application_id": busy.id}
        )
    files = _files(session, service, replacements or [])
    if not files:
        raise ConflictError("재심사할 서류가 없습니다.", detail={"service_id": service.id})
    application = ApplicationRepository(session).add(
        Application(
            round_id=service.round_id,
            organisation_id=service.organisation_id,
            submitted_by=actor.user_id,
            status=S.received,
            purpose=Purpose.re_review,
            service_id=service.id,
            received_on=clock.today(settings),
            company_name=service.company_name,
            service_name=service.name,
            decision_reason="",
        )
    )
    application.number = f"RR-{application.created_at.year}-{application.id:05d}"
    intake.add_files(session, application=application, files=files, actor=actor)
    audit.record(
        session,
        actor=actor,
        action="service.re_review_opened",
        subject_type="service",
        subject_id=service.id,
        data={"application_id": application.id, "number": application.number, "reason": reason[:2000]},
        files=[sha for sha, _, _ in files],
    )
    return application


def decide(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    application: Application,
    decision: str,
    reason: str = "",
    decided_on: date | None = None,
    blobs: BlobStore | None = None,
) -> Application:
    """적정 (`selected`) or 부적정 (`not_selected`) for a reviewed re-review, and what follows."""
    if application.status != S.reviewed:
        raise ConflictError(
            "검토 결과보고서가 작성된 재심사만 결정할 수 있습니다.", detail={"status": application.status}
        )
    if decision not in ("selected", "not_selected"):
        raise DataValidationError(
            "결정은 적정(selected) 또는 부적정(not_selected)입니다.", pointer="/decision"
        )
    service = ServiceRepository(session).get(application.service_id or 0)
    if service is None:
        raise ConflictError("재심사 대상 서비스를 찾을 수 없습니다.")
    day = clock.plausible(decided_on, "/decided_on") or clock.today(settings)
    application.decision, application.decision_reason, application.decided_on = decision, reason, day
    application.status = S.selected if decision == "selected" else S.not_selected
    change = ServiceChangeRepository(session).by_application(application.id)
    if decision == "selected":
        catalogue.describe(service, application)
        if change is not None:
            from dsreview.services import changes  # a change request's own outcome

            changes.apply(session, actor=actor, change=change, day=day)
    elif change is not None:
        change.status, change.note = "rejected", reason or change.note
    else:
        if blobs is None:
            raise ConflictError("부적합 게시 문서를 만들 수 없습니다 (blob store).")
        check = QualityCheckRepository(session).by_application(application.id)
        postings.remove_and_post(
            session,
            actor=actor,
            settings=settings,
            blobs=blobs,
            service=service,
            reason=reason or "재심사 결과 부적정",
            decision_date=day,
            quality_check_id=check.id if check else None,
        )
    event = ServiceEventRepository(session).by_application(application.id)
    if event is not None:
        event.status = "closed"
    audit.record(
        session,
        actor=actor,
        action="service.re_reviewed",
        subject_type="service",
        subject_id=service.id,
        data={
            "application_id": application.id,
            "decision": decision,
            "reason": reason,
            "day": day.isoformat(),
        },
    )
    return application
