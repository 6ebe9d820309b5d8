"""Selection: rounds, the committee's decisions, the selection notices of a round, the catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.services import audit, catalogue, clock, documents, rounds, work
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import visible_application
from dsreview.services.review import form_fields
from dsreview.store import BlobStore
from dsreview.store.models import (
    Application,
    ApplicationStatus,
    GeneratedDocument,
    Job,
    Organisation,
    Purpose,
    Role,
    Round,
    RoundStatus,
    Service,
    utcnow,
)
from dsreview.store.repositories import (
    ApplicationRepository,
    DocumentRepository,
    OrganisationRepository,
    RoundRepository,
    ServiceRepository,
)

S = ApplicationStatus


def create_round(
    session: Session, *, actor: Actor, name: str, number: int, committee_date: date | None = None
) -> Round:
    require_role(actor, Role.staff)
    clock.plausible(committee_date, "/committee_date")
    if not name.strip():
        raise DataValidationError("차수 이름을 입력해 주십시오.", pointer="/name")
    round_ = RoundRepository(session).add(
        Round(name=name.strip(), number=number, committee_date=committee_date, status=RoundStatus.open)
    )
    audit.record(
        session,
        actor=actor,
        action="round.created",
        subject_type="round",
        subject_id=round_.id,
        data={"name": round_.name, "number": number},
    )
    return round_


def update_round(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    round_id: int,
    status: str | None = None,
    committee_date: date | None = None,
) -> Round:
    """Set the committee's date, or move the round on (`services.rounds`: 409 out of order)."""
    require_role(actor, Role.staff)
    clock.plausible(committee_date, "/committee_date")
    round_ = get_round(session, round_id=round_id)
    before = round_.status
    if committee_date is not None and committee_date != round_.committee_date:
        rounds.may_change_committee_date(session, round_)
        round_.committee_date = committee_date
    if status is not None:
        rounds.transition(session, round_, status, clock.today(settings))
    audit.record(
        session,
        actor=actor,
        action="round.updated",
        subject_type="round",
        subject_id=round_.id,
        data={"from": before, "status": round_.status, "committee_date": str(round_.committee_date)},
    )
    return round_


def get_round(session: Session, *, round_id: int) -> Round:
    round_ = RoundRepository(session).get(round_id)
    if round_ is None:
        raise NotFoundError("심사 차수를 찾을 수 없습니다.", detail={"round_id": round_id})
    return round_


def list_rounds(session: Session) -> Sequence[Round]:
    return RoundRepository(session).all()


def record_decision(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    application_id: int,
    decision: str,
    reason: str = "",
    decided_on: date | None = None,
    blobs: BlobStore | None = None,
) -> Application:
    """The committee's decision, once it has met; a selected application becomes a service with a
    selection number. A re-review's decision (적정/부적정) is `rereview.decide`'s."""
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.purpose == Purpose.re_review:
        from dsreview.services import rereview  # the re-review's own outcome; it imports this module

        return rereview.decide(
            session,
            actor=actor,
            settings=settings,
            application=application,
            decision=decision,
            reason=reason,
            decided_on=decided_on,
            blobs=blobs,
        )
    if application.status != S.reviewed:
        raise ConflictError(
            "검토 결과보고서가 작성된 신청만 결정할 수 있습니다.", detail={"status": application.status}
        )
    if decision not in ("selected", "not_selected"):
        raise DataValidationError(
            "결정은 선정(selected) 또는 미선정(not_selected) 중 하나여야 합니다.", pointer="/decision"
        )
    today = clock.today(settings)
    met = rounds.committee_met(get_round(session, round_id=application.round_id), today, action="결정 기록")
    day = clock.plausible(decided_on, "/decided_on") or today
    if not met <= day <= today:
        raise DataValidationError(
            "결정일은 심사위원회 개최일부터 오늘까지의 날짜여야 합니다.",
            pointer="/decided_on",
            detail={"committee_date": met.isoformat(), "today": today.isoformat()},
        )
    application.decision = decision
    application.decision_reason = reason
    application.decided_on = day
    application.status = S.selected if decision == "selected" else S.not_selected
    service = _create_service(session, application, day) if decision == "selected" else None
    audit.record(
        session,
        actor=actor,
        action="application.decided",
        subject_type="application",
        subject_id=application.id,
        data={
            "decision": decision,
            "reason": reason,
            "decided_on": day.isoformat(),
            "service_id": service.id if service else None,
            "selection_number": service.selection_number if service else None,
        },
    )
    return application


def _create_service(session: Session, application: Application, day: date) -> Service:
    fields = form_fields(application)
    repo = ServiceRepository(session)
    service = repo.add(
        Service(
            application_id=application.id,
            organisation_id=application.organisation_id,
            round_id=application.round_id,
            name=str(fields.get("service_name") or application.service_name or application.number),
            company_name=str(fields.get("company_name") or application.company_name or "-"),
            category=fields.get("service_category"),
            model=fields.get("service_model"),
            support_type=fields.get("support_type"),
            provider_type=fields.get("provider_type"),
            selection_number=f"pending-{application.id}",
            selection_date=day,
            status="selected",
            contact_name=str(fields.get("contact_name") or ""),
            contact_phone=str(fields.get("contact_phone") or ""),
            contact_email=str(fields.get("contact_email") or ""),
        )
    )
    service.selection_number = f"DS{day.year}-{service.id:04d}"
    catalogue.describe(service, application)
    session.flush()
    return service


def start_selection_notices(session: Session, *, actor: Actor, round_id: int) -> Job:
    """Ask for the batch of selection notices of a round (one per vendor); watch the job's progress."""
    require_role(actor, Role.staff)
    round_ = get_round(session, round_id=round_id)
    rounds.require(round_, RoundStatus.finalised, action="선정 통보서 발송")
    if not ServiceRepository(session).in_round(round_id):
        raise ConflictError("선정된 서비스가 없는 차수입니다.", detail={"round_id": round_id})
    job = work.request_job(session, kind=work.SELECTION_NOTICES, subject_id=round_id, actor=actor)
    audit.record(
        session,
        actor=actor,
        action="round.notices_requested",
        subject_type="round",
        subject_id=round_id,
        data={"job_id": job.id},
    )
    return job


def _notified(session: Session, round_id: int) -> set[str]:
    """Selection numbers already in a selection notice of the round."""
    notices = DocumentRepository(session).search(kind="selection_notice", round_id=round_id, limit=100_000)
    return {str(row.get("selection_number")) for d in notices for row in (d.data or {}).get("services", [])}


def notice_recipients(session: Session, *, round_id: int) -> list[int]:
    """Vendors of the round with a selected service no notice names yet (so a re-run only fills gaps,
    and a service selected after the round's notices went out gets one of its own)."""
    done = _notified(session, round_id)
    services = ServiceRepository(session).in_round(round_id)
    return sorted({s.organisation_id for s in services if s.selection_number not in done})


def _representative(session: Session, application_id: int) -> str:
    application = ApplicationRepository(session).get(application_id)
    fields = form_fields(application) if application else {}
    return str(fields.get("representative") or "대표자")


def issue_selection_notice(
    session: Session,
    *,
    settings: Settings,
    blobs: BlobStore,
    round_id: int,
    organisation_id: int,
    actor: Actor | None = None,
) -> GeneratedDocument:
    """The selection notice (선정 통보서) to one vendor, one row per service selected in the round."""
    round_ = get_round(session, round_id=round_id)
    services = [
        s for s in ServiceRepository(session).in_round(round_id) if s.organisation_id == organisation_id
    ]
    done = _notified(session, round_id)
    if any(s.selection_number not in done for s in services):
        services = [s for s in services if s.selection_number not in done]  # only what is new
    organisation = OrganisationRepository(session).get(organisation_id)
    if not services or organisation is None or round_.committee_date is None:
        raise ConflictError("통보할 선정 서비스가 없습니다.", detail={"organisation_id": organisation_id})
    committee_date = round_.committee_date
    issue = clock.today(settings)

    def build(number: str) -> dict[str, Any]:
        return {
            "document_number": number,
            "issue_date": issue.isoformat(),
            "recipient": {
                "company_name": services[0].company_name or organisation.name,
                "representative": _representative(session, services[0].application_id),
            },
            "committee": {"round": round_.number, "date": committee_date.isoformat()},
            "services": [
                {
                    "service_name": s.name,
                    "service_category": s.category or "cloud_computing",
                    "service_model": s.model,
                    "support_type": s.support_type,
                    "provider_type": s.provider_type or "original",
                    "selection_number": s.selection_number,
                    "selection_date": s.selection_date.isoformat(),
                }
                for s in services
            ],
        }

    return documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="selection_notice",
        build=build,
        links=documents.Links(round_id=round_id, recipient_organisation_id=organisation_id),
        title=f"선정 통보서_{round_.name}_{_org_name(organisation)}",
    )


def _org_name(organisation: Organisation) -> str:
    return organisation.name[:60]


def publish(session: Session, *, actor: Actor, service_ids: Sequence[int]) -> Sequence[Service]:
    """List selected services in the catalogue (이용지원시스템)."""
    require_role(actor, Role.staff)
    services = ServiceRepository(session).by_ids(sorted(set(service_ids)))
    missing = sorted(set(service_ids) - {s.id for s in services})
    if missing:
        raise NotFoundError("서비스를 찾을 수 없습니다.", detail={"service_ids": missing})
    for service in services:
        if service.status == "removed":
            raise ConflictError(
                "부적합으로 제외된 서비스는 다시 등록할 수 없습니다.", detail={"service_id": service.id}
            )
        if service.status == "selected":
            service.status = "listed"
            service.listed_at = utcnow()
            audit.record(
                session,
                actor=actor,
                action="service.listed",
                subject_type="service",
                subject_id=service.id,
                data={"selection_number": service.selection_number},
            )
    return services


def list_services(
    session: Session, *, actor: Actor, status: str | None = None, limit: int = 100, offset: int = 0
) -> Sequence[Service]:
    """Selected services: staff see all, a vendor its own, an agency the listed ones."""
    require_role(actor, Role.staff, Role.vendor, Role.agency)
    if actor.role is Role.vendor:
        org = actor.organisation_id if actor.organisation_id is not None else -1
        return ServiceRepository(session).search(
            status=status, organisation_id=org, limit=limit, offset=offset
        )
    if actor.role is Role.agency:
        return ServiceRepository(session).search(status="listed", limit=limit, offset=offset)
    return ServiceRepository(session).search(status=status, limit=limit, offset=offset)


def service_of(session: Session, *, application_id: int) -> Service | None:
    return ServiceRepository(session).by_application(application_id)
