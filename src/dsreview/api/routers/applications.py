"""Applications: vendors submit and re-upload; everyone reads what is theirs; staff correct and re-check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Response, UploadFile
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import STAFF, VENDOR, allow, context, read_session, write_session
from dsreview.api.params import MAX_ID, Id, Limit, Offset, QueryId
from dsreview.api.routers.common import ERRORS, TOO_LARGE, blob_response, incoming, job_out
from dsreview.api.schemas import (
    Accepted,
    ApplicationOut,
    ApplicationStatusOut,
    ApplicationSummary,
    CorrectionIn,
    CorrectionOut,
    RehabilitationIn,
    UserOut,
    WithdrawIn,
)
from dsreview.jobs import dispatch
from dsreview.services import corrections, intake
from dsreview.services.actors import Actor
from dsreview.store.models import Application, Role

router = APIRouter(prefix="/api/applications", tags=["applications"], responses=ERRORS)
READERS = allow(Role.vendor, Role.staff, Role.reviewer)


def _out(session: Session, application: Application, actor: Actor) -> ApplicationOut:
    out = ApplicationOut.model_validate(application)
    out.job = job_out(intake.latest_check_job(session, application=application))
    submitter = intake.submitter(session, actor=actor, application=application)
    out.submitter = UserOut.model_validate(submitter) if submitter else None
    return out


def _accepted(application: Application, response: Response) -> Accepted:
    response.headers["Location"] = f"/api/applications/{application.id}"
    return Accepted(id=application.id, status=application.status)


@router.post("", status_code=202, response_model=Accepted, responses=TOO_LARGE)
def submit(
    response: Response,
    files: Annotated[list[UploadFile], File(description="the bundle: PDF, PNG, JPEG or TIFF files")],
    round_id: Annotated[int | None, Form(ge=1, le=MAX_ID, description="default: the round open now")] = None,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> Accepted:
    """Submit a bundle. The check runs in the background: poll `GET /api/applications/{id}`.

    The documents are judged on the day the bundle is received; the date on the application form
    is compared with it (`application_date_differs`). The bundle must be the account's company's
    (`identity_mismatch`); the same service twice in a round, or one already selected, is refused."""
    application = intake.submit_application(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        files=[incoming(f) for f in files],
        round_id=round_id,
    )
    dispatch.commit(session, ctx.queue)
    return _accepted(application, response)


@router.get("", response_model=list[ApplicationSummary])
def list_applications(
    status: str | None = Query(default=None, max_length=32),
    round_id: QueryId = None,
    limit: Limit = 100,
    offset: Offset = 0,
    actor: Actor = Depends(READERS),
    session: Session = Depends(read_session),
) -> list[ApplicationSummary]:
    """Vendors: their own; reviewers: assigned to them; staff: the queue of all applications."""
    found = intake.list_applications(
        session, actor=actor, status=status, round_id=round_id, limit=limit, offset=offset
    )
    return [ApplicationSummary.model_validate(a) for a in found]


@router.get("/{application_id}", response_model=ApplicationOut)
def get_application(
    application_id: Id, actor: Actor = Depends(READERS), session: Session = Depends(read_session)
) -> ApplicationOut:
    """Status, the check report (the JSON of `dsreview check --json`) and the files."""
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    return _out(session, application, actor)


@router.get("/{application_id}/status", response_model=ApplicationStatusOut)
def get_status(
    application_id: Id, actor: Actor = Depends(READERS), session: Session = Depends(read_session)
) -> ApplicationStatusOut:
    """Only the status and the check's progress: cheap to poll while the check runs."""
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    out = ApplicationStatusOut.model_validate(application)
    out.job = job_out(intake.latest_check_job(session, application=application))
    return out


@router.post("/{application_id}/files", status_code=202, response_model=Accepted, responses=TOO_LARGE)
def replace_document(
    application_id: Id,
    response: Response,
    file: Annotated[UploadFile, File(description="the new document")],
    replaces_file_id: Annotated[
        int | None, Form(ge=1, le=MAX_ID, description="the file it replaces; none: added")
    ] = None,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> Accepted:
    """Re-upload a single document; the bundle is checked again."""
    application = intake.replace_document(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        file=incoming(file),
        replaces_file_id=replaces_file_id,
    )
    dispatch.commit(session, ctx.queue)
    return _accepted(application, response)


@router.get("/{application_id}/files/{file_id}", response_class=FileResponse)
def download_file(
    application_id: Id,
    file_id: Id,
    actor: Actor = Depends(READERS),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> FileResponse:
    """A file of the bundle, as uploaded."""
    found = intake.original_file(session, actor=actor, application_id=application_id, file_id=file_id)
    return blob_response(ctx, found.sha256, filename=found.name, media_type="application/octet-stream")


@router.get("/{application_id}/corrections", response_model=list[CorrectionOut])
def correction_history(
    application_id: Id, actor: Actor = Depends(READERS), session: Session = Depends(read_session)
) -> list[CorrectionOut]:
    """Every correction of an extracted value, oldest first."""
    rows = corrections.history(session, actor=actor, application_id=application_id)
    return [CorrectionOut.model_validate(c) for c in rows]


@router.post("/{application_id}/corrections", status_code=202, response_model=Accepted)
def correct_field(
    application_id: Id,
    body: CorrectionIn,
    response: Response,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> Accepted:
    """Correct an extracted value (kept with its history); the bundle is checked again with it."""
    application = corrections.correct_field(
        session,
        actor=actor,
        application_id=application_id,
        document_type=body.document,
        document_index=body.index,
        field=body.field,
        value=body.value,
        reason=body.reason,
    )
    dispatch.commit(session, ctx.queue)
    return _accepted(application, response)


@router.post("/{application_id}/recheck", status_code=202, response_model=Accepted)
def recheck(
    application_id: Id,
    response: Response,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> Accepted:
    """Run the check again (after a failure or a new sanctions list)."""
    application = intake.recheck(session, actor=actor, application_id=application_id)
    dispatch.commit(session, ctx.queue)
    return _accepted(application, response)


@router.post("/{application_id}/withdraw", response_model=ApplicationSummary)
def withdraw(
    application_id: Id,
    body: WithdrawIn,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ApplicationSummary:
    """The vendor withdraws its application before the review starts (audited)."""
    application = intake.withdraw(
        session, actor=actor, application_id=application_id, reason=body.reason or ""
    )
    dispatch.commit(session, ctx.queue)
    return ApplicationSummary.model_validate(application)


@router.post("/{application_id}/rehabilitation", status_code=202, response_model=Accepted)
def record_rehabilitation(
    application_id: Id,
    body: RehabilitationIn,
    response: Response,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> Accepted:
    """Record a court's approval of rehabilitation (회생계획인가 등): a suspended or closed business no
    longer fails criterion 2-1. The bundle is checked again."""
    application = intake.record_rehabilitation(
        session, actor=actor, application_id=application_id, note=body.note
    )
    dispatch.commit(session, ctx.queue)
    return _accepted(application, response)
