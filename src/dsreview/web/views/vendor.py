"""Vendor pages: own applications and notices, a new application by drag and drop, the check as
it runs, the result as a checklist, re-upload of a single document."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from dsreview.domain.korean import particle
from dsreview.errors import DataValidationError
from dsreview.jobs import dispatch
from dsreview.services import documents, intake, selection
from dsreview.services.actors import Actor
from dsreview.services.intake import IncomingFile
from dsreview.store.models import Role
from dsreview.templates.checklist import checklist, report_of
from dsreview.web.deps import (
    VENDOR,
    Parts,
    allow,
    csrf_protected,
    parts,
    read_session,
    web_session,
    write_session,
)
from dsreview.web.forms import act, optional_int
from dsreview.web.pages import PageRoute, redirect, render
from dsreview.web.params import PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)
READERS = allow(Role.vendor, Role.staff, Role.reviewer)
RUNNING = ("received", "processing")


def _incoming(upload: UploadFile) -> IncomingFile:
    return IncomingFile(name=upload.filename or "file", stream=upload.file)


def _uploaded(request: Request, url: str, message: str) -> Response:
    """The answer to an upload: JSON for the page's script (it navigates), a redirect otherwise;
    the message waits in the session for the page either way."""
    web_session(request).flash(message)
    if request.headers.get("x-upload") == "xhr":
        return JSONResponse({"location": url})
    return redirect(url)


@router.get("/vendor")
def vendor_home(
    request: Request, actor: Actor = Depends(VENDOR), session: Session = Depends(read_session)
) -> Response:
    applications = intake.list_applications(session, actor=actor, limit=200)
    notices = documents.list_documents(session, actor=actor, limit=200)
    services = selection.list_services(session, actor=actor, limit=200)
    return render(
        request,
        "vendor/home.html",
        actor=actor,
        applications=applications,
        notices=notices,
        services=services,
    )


@router.get("/vendor/apply")
def apply_form(
    request: Request, actor: Actor = Depends(VENDOR), session: Session = Depends(read_session)
) -> Response:
    rounds = [r for r in selection.list_rounds(session) if r.status == "open"]
    return render(request, "vendor/apply.html", actor=actor, rounds=rounds)


@router.post("/vendor/apply", dependencies=[Depends(csrf_protected)])
def apply(
    request: Request,
    files: Annotated[list[UploadFile] | None, File()] = None,
    round_id: Annotated[str, Form(max_length=12)] = "",
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    chosen = [f for f in files or [] if f.filename]
    application = intake.submit_application(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        files=[_incoming(f) for f in chosen],
        round_id=optional_int(round_id, "/round_id"),
    )
    dispatch.commit(session, ctx.queue)
    return _uploaded(
        request,
        f"/vendor/applications/{application.id}",
        f"신청 {particle(str(application.number), '을', '를')} 접수했습니다. 서류를 확인하고 있습니다.",
    )


@router.get("/vendor/applications/{application_id}")
def application_page(
    request: Request,
    application_id: PageId,
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    report = report_of(application.report)
    files = [f for f in application.files if f.active]
    view = checklist(report) if report else None
    return render(
        request,
        "vendor/application.html",
        actor=actor,
        application=application,
        job=intake.latest_check_job(session, application=application),
        checklist=view,
        files=files,
        file_ids={f.name: f.id for f in files},
        shared=Counter(s.source for row in view.documents for s in row.sources) if view else {},
        notices=documents.list_documents(session, actor=actor, application_id=application.id),
        replaceable=application.status in intake.REUPLOAD_STATES,
        withdrawable=application.status in intake.WITHDRAWABLE,
    )


@router.get("/applications/{application_id}/progress")
def progress(
    request: Request,
    application_id: PageId,
    actor: Actor = Depends(READERS),
    session: Session = Depends(read_session),
) -> Response:
    """The check's progress as a fragment the page polls; when the check ends, the page reloads."""
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    job = intake.latest_check_job(session, application=application)
    if application.status not in RUNNING:
        return Response(status_code=200, headers={"HX-Refresh": "true"})
    return render(request, "partials/progress.html", actor=actor, application=application, job=job)


@router.post("/vendor/applications/{application_id}/files", dependencies=[Depends(csrf_protected)])
def replace_document(
    request: Request,
    application_id: PageId,
    file: Annotated[UploadFile | None, File()] = None,
    replaces_file_id: Annotated[str, Form(max_length=12)] = "",
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    if file is None or not file.filename:
        raise DataValidationError("올릴 파일을 선택해 주십시오.", pointer="/file")
    application = intake.replace_document(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        file=_incoming(file),
        replaces_file_id=optional_int(replaces_file_id, "/replaces_file_id"),
    )
    dispatch.commit(session, ctx.queue)
    return _uploaded(
        request,
        f"/vendor/applications/{application.id}",
        f"「{file.filename}」을(를) 받았습니다. 서류를 다시 확인하고 있습니다.",
    )


@router.post("/vendor/applications/{application_id}/withdraw", dependencies=[Depends(csrf_protected)])
def withdraw(
    request: Request,
    application_id: PageId,
    reason: Annotated[str, Form(max_length=2000)] = "",
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        application = intake.withdraw(session, actor=actor, application_id=application_id, reason=reason)
        dispatch.commit(session, ctx.queue)
        return f"신청 {particle(str(application.number), '을', '를')} 철회했습니다."

    return act(request, f"/vendor/applications/{application_id}", run)
