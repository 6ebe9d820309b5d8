"""Review: supplement requests, reviewer assignments with pre-filled forms, opinions, the report."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.domain import CRITERIA, Report
from dsreview.errors import ConflictError, DataValidationError, NotFoundError
from dsreview.services import audit, clock, documents, rendering, rounds
from dsreview.services.actors import Actor, require_role
from dsreview.services.intake import visible_application
from dsreview.store import BlobStore
from dsreview.store.models import (
    Application,
    ApplicationStatus,
    Assignment,
    GeneratedDocument,
    Opinion,
    Organisation,
    Purpose,
    Role,
    RoundStatus,
    utcnow,
)
from dsreview.store.repositories import (
    AssignmentRepository,
    OrganisationRepository,
    RoundRepository,
    UserRepository,
)
from dsreview.validators import periods

S = ApplicationStatus
VERDICTS = ("suitable", "unsuitable", "not_applicable")


def report_of(application: Application) -> Report:
    if application.report is None:
        raise ConflictError("서류 확인이 끝나지 않은 신청입니다.", detail={"status": application.status})
    return Report.model_validate(application.report)


def form_fields(application: Application) -> dict[str, Any]:
    """The application form's fields from the stored report (empty before the check)."""
    for doc in (application.report or {}).get("documents", []):
        if doc.get("type") == "application_form":
            fields: dict[str, Any] = doc.get("fields") or {}
            return fields
    return {}


def _opinion_data(
    report: Report, request: dict[str, Any], settings: Settings, _number: str
) -> dict[str, Any]:
    return rendering.review_opinion_data(report, request, settings=settings)


def _staff_application(
    session: Session, actor: Actor, application_id: int, states: Sequence[str]
) -> Application:
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status not in states:
        raise ConflictError(
            "현재 단계에서는 할 수 없는 처리입니다.",
            detail={"status": application.status, "allowed": list(states)},
        )
    return application


def _in_review(session: Session, application: Application, action: str) -> None:
    """Reviews of a round run while it is in 검토 (a re-review is not a round's business)."""
    if application.purpose == Purpose.re_review:
        return
    round_ = RoundRepository(session).get(application.round_id)
    if round_ is not None:
        rounds.require(round_, RoundStatus.reviewing, action=action)


def request_supplement(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    application_id: int,
    due_date: date | None = None,
) -> GeneratedDocument:
    """Generate the supplement request (보완 요청서) from the check's findings and send it to the vendor."""
    application = _staff_application(session, actor, application_id, (S.checked, S.supplement_requested))
    report = report_of(application)
    issue = clock.today(settings)
    due = clock.plausible(due_date, "/due_date") or periods.supplement_due(issue)
    if due < issue:
        raise DataValidationError("보완 기한은 발송일 이후여야 합니다.", pointer="/due_date")

    def build(number: str) -> dict[str, Any]:
        request = {
            "document_number": number,
            "issue_date": issue.isoformat(),
            "application_number": application.number,
            "due_date": due.isoformat(),
        }
        return rendering.supplement_request_data(report, request, settings=settings)

    doc = documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="supplement_request",
        build=build,
        links=documents.Links(
            application_id=application.id, recipient_organisation_id=application.organisation_id
        ),
        title=f"보완 요청서_{application.number}",
    )
    application.status = S.supplement_requested
    application.supplement_due = due
    audit.record(
        session,
        actor=actor,
        action="application.supplement_requested",
        subject_type="application",
        subject_id=application.id,
        data={"document_id": doc.id, "due_date": due.isoformat()},
        files=[doc.docx_sha256],
    )
    return doc


def assign_reviewers(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    application_id: int,
    reviewer_ids: Sequence[int],
    due_date: date | None = None,
) -> list[Assignment]:
    """Assign reviewers; each receives a review opinion form pre-filled from the check report."""
    application = _staff_application(session, actor, application_id, (S.checked, S.under_review))
    _in_review(session, application, "검토위원 지정")
    report = report_of(application)
    wanted = sorted(set(reviewer_ids))
    if not wanted:
        raise DataValidationError("검토위원을 한 명 이상 지정해 주십시오.", pointer="/reviewer_ids")
    reviewers = [u for u in UserRepository(session).by_ids(wanted) if u.role == Role.reviewer and u.active]
    missing = sorted(set(wanted) - {u.id for u in reviewers})
    if missing:
        raise DataValidationError(
            "검토위원이 아닌 사용자가 포함되어 있습니다.",
            pointer="/reviewer_ids",
            detail={"user_ids": missing},
        )
    issue = clock.today(settings)
    due = clock.plausible(due_date, "/due_date") or periods.review_due(issue)
    if due < issue:
        raise DataValidationError("검토 기한은 지정일 이후여야 합니다.", pointer="/due_date")
    repo = AssignmentRepository(session)
    created: list[Assignment] = []
    for reviewer in reviewers:
        if repo.find(application.id, reviewer.id) is not None:
            continue
        request = {
            "application_number": application.number,
            "issue_date": issue.isoformat(),
            "due_date": due.isoformat(),
            "reviewer": {"name": reviewer.name or reviewer.email, "affiliation": None},
        }
        doc = documents.generate(
            session,
            settings=settings,
            blobs=blobs,
            actor=actor,
            kind="review_opinion",
            build=functools.partial(_opinion_data, report, request, settings),
            links=documents.Links(application_id=application.id, recipient_user_id=reviewer.id),
            title=f"검토 의견서_{application.number}_{reviewer.name or reviewer.id}",
        )
        assignment = repo.add(
            Assignment(
                application_id=application.id,
                reviewer_id=reviewer.id,
                due_date=due,
                form_document_id=doc.id,
                assigned_by=actor.user_id,
            )
        )
        created.append(assignment)
        audit.record(
            session,
            actor=actor,
            action="application.reviewer_assigned",
            subject_type="application",
            subject_id=application.id,
            data={"reviewer_id": reviewer.id, "due_date": due.isoformat(), "document_id": doc.id},
            files=[doc.docx_sha256],
        )
    application.status = S.under_review
    return created


@dataclass(frozen=True, slots=True)
class CriterionOpinion:
    verdict: str
    text: str = ""


def my_assignment(session: Session, *, actor: Actor, application_id: int) -> Assignment:
    require_role(actor, Role.reviewer)
    assignment = AssignmentRepository(session).find(application_id, actor.user_id)
    if assignment is None:
        raise NotFoundError("신청을 찾을 수 없습니다.", detail={"application_id": application_id})
    return assignment


def submit_opinion(
    session: Session,
    *,
    actor: Actor,
    application_id: int,
    criteria: Mapping[str, CriterionOpinion],
    overall: str,
    summary: str = "",
) -> Assignment:
    """A reviewer returns the opinion: 적합/부적합 per criterion with text, and an overall result."""
    assignment = my_assignment(session, actor=actor, application_id=application_id)
    application = visible_application(session, actor=actor, application_id=application_id)
    if application.status != S.under_review:
        raise ConflictError("검토 단계가 아닌 신청입니다.", detail={"status": application.status})
    unknown = sorted(set(criteria) - set(CRITERIA))
    missing = sorted(set(CRITERIA) - set(criteria))
    if unknown or missing:
        raise DataValidationError(
            "모든 검토 기준에 대해 의견을 입력해 주십시오.",
            pointer="/criteria",
            detail={"missing": missing, "unknown": unknown},
        )
    for key, opinion in criteria.items():
        if opinion.verdict not in VERDICTS:
            raise DataValidationError(
                "판정은 suitable, unsuitable, not_applicable 중 하나입니다.", pointer=f"/criteria/{key}"
            )
    if overall not in ("suitable", "unsuitable"):
        raise DataValidationError("종합 판정은 suitable 또는 unsuitable 입니다.", pointer="/overall")
    existing = {o.criterion: o for o in assignment.opinions}
    for key in CRITERIA:
        opinion = criteria[key]
        row = existing.get(key)
        if row is None:
            session.add(
                Opinion(
                    assignment_id=assignment.id, criterion=key, verdict=opinion.verdict, text=opinion.text
                )
            )
        else:
            row.verdict, row.text = opinion.verdict, opinion.text
    assignment.overall = overall
    assignment.summary = summary
    assignment.submitted_at = utcnow()
    session.flush()
    session.refresh(assignment)
    audit.record(
        session,
        actor=actor,
        action="application.opinion_submitted",
        subject_type="application",
        subject_id=application_id,
        data={"overall": overall, "criteria": {k: v.verdict for k, v in criteria.items()}},
    )
    return assignment


def _conclusion(assignments: Sequence[Assignment]) -> str:
    votes = Counter(a.overall for a in assignments)
    return "suitable" if votes["suitable"] > votes["unsuitable"] else "unsuitable"


def generate_review_report(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    application_id: int,
    conclusion: str | None = None,
    summary: str | None = None,
    site_visit: dict[str, Any] | None = None,
) -> GeneratedDocument:
    """The review result report (검토 결과보고서) from every reviewer's returned opinion."""
    application = _staff_application(session, actor, application_id, (S.under_review, S.reviewed))
    _in_review(session, application, "검토 결과보고서 작성")
    assignments = AssignmentRepository(session).for_application(application.id)
    pending = [a.reviewer_id for a in assignments if a.submitted_at is None]
    if not assignments or pending:
        raise ConflictError("검토의견서가 모두 제출되지 않았습니다.", detail={"pending_reviewers": pending})
    result = conclusion or _conclusion(assignments)
    if result not in ("suitable", "unsuitable"):
        raise DataValidationError("결론은 suitable 또는 unsuitable 입니다.", pointer="/conclusion")
    fields = form_fields(application)
    reviewers = {u.id: u for u in UserRepository(session).by_ids([a.reviewer_id for a in assignments])}
    titles = rendering.criteria_titles()
    data = {
        "application_number": application.number,
        "report_date": clock.today(settings).isoformat(),
        "application_date": (application.application_date or application.created_at.date()).isoformat(),
        "applicant": {
            "company_name": fields.get("company_name")
            or application.company_name
            or _org(session, application).name,
            "representative": fields.get("representative") or "-",
            # the form's number; when the form could not be read, the applying account's company's
            "business_registration_number": fields.get("business_registration_number")
            or _org(session, application).brn
            or "-",
        },
        "service": {
            "service_name": fields.get("service_name") or application.service_name or "-",
            "service_category": fields.get("service_category") or "cloud_computing",
            "service_model": fields.get("service_model"),
            "support_type": fields.get("support_type"),
            "provider_type": fields.get("provider_type") or "original",
        },
        "criteria": [{"id": key, "title": titles.get(key, key)} for key in CRITERIA],
        "reviewers": [
            {
                "name": reviewers[a.reviewer_id].name or reviewers[a.reviewer_id].email,
                "affiliation": None,
                "results": {o.criterion: o.verdict for o in a.opinions},
                "comments": {o.criterion: o.text for o in a.opinions if o.text.strip()},
                "opinion": a.summary or "-",
            }
            for a in assignments
        ],
        "site_visit": site_visit,
        "conclusion": {
            "result": result,
            "summary": summary or ("적합" if result == "suitable" else "부적합"),
        },
    }
    doc = documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="review_report",
        build=lambda _number: data,
        links=documents.Links(application_id=application.id),
        title=f"검토 결과보고서_{application.number}",
    )
    application.status = S.reviewed
    audit.record(
        session,
        actor=actor,
        action="application.review_reported",
        subject_type="application",
        subject_id=application.id,
        data={"document_id": doc.id, "conclusion": result},
        files=[doc.docx_sha256],
    )
    return doc


def _org(session: Session, application: Application) -> Organisation:
    found = OrganisationRepository(session).get(application.organisation_id)
    return found if found is not None else Organisation(name="-", brn=None)


def assignments(session: Session, *, actor: Actor, application_id: int) -> Sequence[Assignment]:
    require_role(actor, Role.staff)
    application = visible_application(session, actor=actor, application_id=application_id)
    return AssignmentRepository(session).for_application(application.id)
