"""Review: supplement requests, reviewer assignments, opinions, the review report, the decision."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import REVIEWER, STAFF, context, read_session, write_session
from dsreview.api.params import Id
from dsreview.api.routers.common import ERRORS, blob_response
from dsreview.api.schemas import (
    ApplicationSummary,
    AssignIn,
    AssignmentOut,
    DecisionIn,
    DocumentOut,
    OpinionIn,
    ReviewReportIn,
    SupplementIn,
)
from dsreview.jobs import dispatch
from dsreview.services import documents, review, selection
from dsreview.services.actors import Actor
from dsreview.services.review import CriterionOpinion

router = APIRouter(prefix="/api/applications", tags=["review"], responses=ERRORS)


@router.post("/{application_id}/supplement-request", status_code=201, response_model=DocumentOut)
def request_supplement(
    application_id: Id,
    body: SupplementIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> DocumentOut:
    """Generate the supplement request (보완 요청서) from the check's findings; the vendor receives it."""
    doc = review.request_supplement(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        due_date=body.due_date,
    )
    dispatch.commit(session, ctx.queue)
    return DocumentOut.model_validate(doc)


@router.post("/{application_id}/assignments", status_code=201, response_model=list[AssignmentOut])
def assign_reviewers(
    application_id: Id,
    body: AssignIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> list[AssignmentOut]:
    """Assign reviewers; each receives a pre-filled review opinion form (검토 의견서)."""
    created = review.assign_reviewers(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        reviewer_ids=body.reviewer_ids,
        due_date=body.due_date,
    )
    dispatch.commit(session, ctx.queue)
    return [AssignmentOut.model_validate(a) for a in created]


@router.get("/{application_id}/assignments", response_model=list[AssignmentOut])
def list_assignments(
    application_id: Id, actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> list[AssignmentOut]:
    """The reviewers of an application and their returned opinions."""
    return [
        AssignmentOut.model_validate(a)
        for a in review.assignments(session, actor=actor, application_id=application_id)
    ]


@router.post("/{application_id}/review-report", status_code=201, response_model=DocumentOut)
def review_report(
    application_id: Id,
    body: ReviewReportIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> DocumentOut:
    """Generate the review result report (검토 결과보고서) from every reviewer's opinion."""
    doc = review.generate_review_report(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        conclusion=body.conclusion,
        summary=body.summary,
        site_visit=body.site_visit.model_dump(mode="json") if body.site_visit else None,
    )
    dispatch.commit(session, ctx.queue)
    return DocumentOut.model_validate(doc)


@router.post("/{application_id}/decision", response_model=ApplicationSummary)
def decide(
    application_id: Id,
    body: DecisionIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ApplicationSummary:
    """Record the committee's decision once it has met (round in 심사위원회, on or after its date); a
    selected application becomes a service. For a re-review: selected 적정, not_selected 부적정."""
    application = selection.record_decision(
        session,
        actor=actor,
        settings=ctx.settings,
        application_id=application_id,
        decision=body.decision,
        reason=body.reason,
        decided_on=body.decided_on,
        blobs=ctx.blobs,
    )
    dispatch.commit(session, ctx.queue)
    return ApplicationSummary.model_validate(application)


@router.get("/{application_id}/review-form", response_class=FileResponse)
def review_form(
    application_id: Id,
    format: Literal["docx", "pdf", "hwpx"] = Query(default="docx"),
    actor: Actor = Depends(REVIEWER),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> FileResponse:
    """The reviewer's pre-filled review opinion form (DOCX, HWPX for 한글, or PDF)."""
    assignment = review.my_assignment(session, actor=actor, application_id=application_id)
    found = documents.download(
        session,
        actor=actor,
        document_id=assignment.form_document_id or 0,
        fmt=format,
        settings=ctx.settings,
        blobs=ctx.blobs,
    )
    return blob_response(ctx, found.sha256, filename=found.filename, media_type=found.media_type)


@router.put("/{application_id}/opinion", response_model=AssignmentOut)
def submit_opinion(
    application_id: Id,
    body: OpinionIn,
    actor: Actor = Depends(REVIEWER),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> AssignmentOut:
    """The reviewer's opinion: per criterion 적합 (suitable) / 부적합 (unsuitable) with text."""
    assignment = review.submit_opinion(
        session,
        actor=actor,
        application_id=application_id,
        criteria={k: CriterionOpinion(verdict=v.verdict, text=v.text) for k, v in body.criteria.items()},
        overall=body.overall,
        summary=body.summary,
    )
    dispatch.commit(session, ctx.queue)
    return AssignmentOut.model_validate(assignment)
