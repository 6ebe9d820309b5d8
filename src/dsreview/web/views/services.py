"""A selected service's page, for its vendor and for staff: its details as agencies see them, the
정보 변경 신청 (고시 제6조) with staff's decision and the history of changes, events the vendor reports
(제7조), the quality checks and the re-reviews. A refused form is shown again with what was typed."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.errors import ConflictError, UsageError
from dsreview.forms import document_types, event_kinds
from dsreview.jobs import dispatch
from dsreview.services import changes, events, intake, quality
from dsreview.services.actors import Actor
from dsreview.services.inputs import ChangeDecisionIn, ServiceChangeIn, ServiceEventIn
from dsreview.services.intake import IncomingFile
from dsreview.store.models import Purpose, Role
from dsreview.web.deps import STAFF, VENDOR, Parts, allow, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import parse
from dsreview.web.pages import PageRoute, redirect, render
from dsreview.web.params import PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)
OWNERS = allow(Role.staff, Role.vendor)
CSRF = [Depends(csrf_protected)]
DOCUMENTS = ("csap_certificate", "sla_policy", "credit_rating", "business_registration", "corporate_registry")


def _home(actor: Actor, service_id: int) -> str:
    return f"/{'staff' if actor.is_staff else 'vendor'}/services/{service_id}"


def service_page(
    request: Request,
    session: Session,
    actor: Actor,
    service_id: PageId,
    *,
    typed: dict[str, Any] | None = None,
    error: str | None = None,
    form: str | None = None,
) -> Response:
    service = changes.own_service(session, actor, service_id)
    re_reviews = [
        a
        for a in intake.list_applications(session, actor=actor, limit=500)
        if a.purpose == Purpose.re_review
        if a.service_id == service.id
    ]
    return render(
        request,
        "service.html",
        status_code=422 if error else 200,
        actor=actor,
        service=service,
        history=changes.history(session, actor=actor, service_id=service.id),
        events=events.of_service(session, actor=actor, service_id=service.id),
        checks=quality.history(session, actor=actor, service_id=service.id),
        re_reviews=re_reviews,
        typed=typed or {},
        error=error,
        form=form,
        kinds={k: v["name"] for k, v in event_kinds().items() if v.get("vendor")},
        documents=[(t, document_types()[t].title) for t in DOCUMENTS],
        fields=changes.FIELDS,
    )


@router.get("/vendor/services/{service_id}")
def vendor_service(
    request: Request,
    service_id: PageId,
    actor: Actor = Depends(VENDOR),
    session: Session = Depends(read_session),
) -> Response:
    return service_page(request, session, actor, service_id)


@router.get("/staff/services/{service_id}")
def staff_service(
    request: Request,
    service_id: PageId,
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
) -> Response:
    return service_page(request, session, actor, service_id)


def _upload(file: UploadFile | None) -> IncomingFile | None:
    return IncomingFile(name=file.filename, stream=file.file) if file is not None and file.filename else None


@router.post("/vendor/services/{service_id}/changes", dependencies=CSRF)
async def request_change(
    request: Request,
    service_id: PageId,
    file: Annotated[UploadFile | None, File()] = None,
    document_type: Annotated[str, Form(max_length=40)] = "",
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    try:
        data = parse(ServiceChangeIn, typed)
        changes.request_change(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            service_id=service_id,
            changes=data.changes(),
            description=data.description or "",
            file=_upload(file),
            document_type=document_type or None,
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return service_page(
            request, session, actor, service_id, typed=typed, error=exc.message, form="change"
        )
    return redirect(
        _home(actor, service_id),
        message="정보 변경 신청을 받았습니다. 담당자가 선정기준과 관련되는지 검토합니다.",
        request=request,
    )


@router.post("/vendor/services/{service_id}/events", dependencies=CSRF)
async def report_event(
    request: Request,
    service_id: PageId,
    file: Annotated[UploadFile | None, File()] = None,
    actor: Actor = Depends(VENDOR),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    try:
        data = parse(ServiceEventIn, typed)
        events.report_event(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            service_id=service_id,
            kind=data.kind,
            detail=data.detail or "",
            event_date=data.event_date,
            file=_upload(file),
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return service_page(request, session, actor, service_id, typed=typed, error=exc.message, form="event")
    return redirect(
        _home(actor, service_id), message="재심사 사유를 통보했습니다. 담당자가 확인합니다.", request=request
    )


@router.post("/staff/changes/{change_id}", dependencies=CSRF)
async def decide_change(
    request: Request,
    change_id: PageId,
    service_id: Annotated[int, Form(ge=1, le=2**31 - 1)],
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    try:
        data = parse(ChangeDecisionIn, typed)
        change = changes.decide(
            session,
            actor=actor,
            settings=ctx.settings,
            change_id=change_id,
            touches_criteria=data.touches_criteria,
            note=data.note or "",
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return service_page(
            request, session, actor, service_id, typed=typed, error=exc.message, form="decide"
        )
    if change.status == "re_review":
        message = (
            "선정기준과 관련된 변경으로 재심사를 시작했습니다. 결과가 나올 때까지 카탈로그는 그대로입니다."
        )
    else:
        message = "변경 내용을 카탈로그에 반영했습니다."
    return redirect(f"/staff/services/{service_id}", message=message, request=request)
