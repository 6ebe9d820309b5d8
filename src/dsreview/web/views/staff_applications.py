"""Staff pages of applications: the queue with filters, the application page (documents beside
their fields, corrections in place) and the steps of the procedure taken from it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session

from dsreview.errors import ConflictError, DataValidationError, PolicyError, UsageError
from dsreview.forms import document_spec, finding_specs
from dsreview.jobs import dispatch
from dsreview.services import (
    clock,
    corrections,
    documents,
    intake,
    review,
    rounds,
    selection,
    users,
    web_pages,
)
from dsreview.services.actors import Actor
from dsreview.services.inputs import DecisionIn, RehabilitationIn
from dsreview.services.web_queue import STATUSES, QueueFilter, staff_queue
from dsreview.store.models import Application, ApplicationStatus
from dsreview.templates.checklist import checklist, report_of
from dsreview.web import viewer
from dsreview.web.deps import STAFF, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.fields import field_input
from dsreview.web.forms import act, int_or_none, optional_date, parse
from dsreview.web.pages import PageRoute, redirect, render, ui_labels
from dsreview.web.params import FormId, PageId, PageNumber

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CSRF = [Depends(csrf_protected)]


@router.get("/staff")
def queue(
    request: Request,
    round_id: str | None = Query(default=None, max_length=12),
    status: str | None = Query(default=None, max_length=32),
    criterion: str | None = Query(default=None, max_length=8),
    outcome: str | None = Query(default=None, max_length=16),
    finding: str | None = Query(default=None, max_length=64),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
) -> Response:
    filters = QueueFilter(
        round_id=int_or_none(round_id),
        status=status if status in ApplicationStatus.__members__ else None,
        criterion=criterion or None,
        outcome=outcome if outcome in STATUSES else None,
        finding=finding if finding in finding_specs() else None,
    )
    return render(
        request,
        "staff/queue.html",
        actor=actor,
        applications=staff_queue(session, actor=actor, filters=filters),
        filters=filters,
        rounds=selection.list_rounds(session),
        statuses=list(ApplicationStatus),
        outcomes=STATUSES,
        findings=sorted(finding_specs(), key=lambda code: ui_labels()["finding"].get(code, code)),
    )


@router.get("/staff/applications/{application_id}")
def application_page(
    request: Request,
    application_id: PageId,
    doc: str | None = Query(default=None, max_length=6),
    field: str | None = Query(default=None, max_length=80),
    page: str | None = Query(default=None, max_length=6),
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    application = intake.visible_application(session, actor=actor, application_id=application_id)
    files = [f for f in application.files if f.active]
    history = corrections.history(session, actor=actor, application_id=application.id)
    view = viewer.build(
        session,
        ctx=ctx,
        actor=actor,
        application=application,
        files=files,
        corrected={(c.document_type, c.document_index, c.field) for c in history},
        doc=int_or_none(doc),
        field_name=field,
        page=int_or_none(page),
    )
    if request.headers.get("hx-target") == "viewer":
        return render(request, "staff/viewer.html", actor=actor, viewer=view)
    return _application_page(request, session, ctx, actor, application, view, history, files)


def _application_page(
    request: Request,
    session: Session,
    ctx: Parts,
    actor: Actor,
    application: Application,
    view: Any,
    history: Any,
    files: Any,
    *,
    typed: dict[str, Any] | None = None,
    error: str | None = None,
    form: str | None = None,
) -> Response:
    report = report_of(application.report)
    assignments = review.assignments(session, actor=actor, application_id=application.id)
    round_ = selection.get_round(session, round_id=application.round_id)
    submitter = intake.submitter(session, actor=actor, application=application)
    return render(
        request,
        "staff/application.html",
        status_code=422 if error else 200,
        typed=typed or {},
        error=error,
        form=form,
        round=round_,
        round_progress=rounds.progress(session, round_, clock.today(ctx.settings))
        if application.purpose == "selection"
        else None,
        submitter=submitter,
        organisation=users.organisation_of(session, application.organisation_id),
        actor=actor,
        application=application,
        viewer=view,
        job=intake.latest_check_job(session, application=application),
        checklist=checklist(report) if report else None,
        files=files,
        history=history,
        labels={(c.document_type, c.field): document_spec(c.document_type).label(c.field) for c in history},
        assignments=assignments,
        reviewers=users.list_reviewers(session, actor=actor),
        assigned={a.reviewer_id for a in assignments},
        notices=documents.list_documents(session, actor=actor, application_id=application.id),
        service=selection.service_of(session, application_id=application.id),
        S=ApplicationStatus,
    )


@router.get("/staff/applications/{application_id}/files/{file_id}/pages/{page}")
def page_image(
    application_id: PageId,
    file_id: PageId,
    page: PageNumber,
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    image = web_pages.page_image(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        application_id=application_id,
        file_id=file_id,
        page=page,
    )
    return FileResponse(
        image.path, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=3600"}
    )


@router.post("/staff/applications/{application_id}/corrections", dependencies=CSRF)
def correct(
    request: Request,
    application_id: PageId,
    document: Annotated[str, Form(max_length=40)],
    field: Annotated[str, Form(max_length=80)],
    index: Annotated[int, Form(ge=0, le=1000)] = 0,
    value: Annotated[str, Form(max_length=20_000)] = "",
    reason: Annotated[str, Form(max_length=1000)] = "",
    doc: Annotated[str, Form(max_length=6)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    url = f"/staff/applications/{application_id}?doc={int_or_none(doc) or 0}&field={field}#viewer"

    def run() -> str:
        try:
            label = document_spec(document).label(field)
        except PolicyError:
            raise DataValidationError("고칠 서류를 찾을 수 없습니다.", pointer="/document") from None
        parsed = field_input(document, field).parse(value, label)
        corrections.correct_field(
            session,
            actor=actor,
            application_id=application_id,
            document_type=document,
            document_index=index,
            field=field,
            value=parsed,
            reason=reason,
        )
        dispatch.commit(session, ctx.queue)
        return f"'{label}' 값을 고쳤습니다. 고친 값으로 서류를 다시 확인합니다."

    return act(request, url, run)


@router.post("/staff/applications/{application_id}/recheck", dependencies=CSRF)
def recheck(
    request: Request,
    application_id: PageId,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        intake.recheck(session, actor=actor, application_id=application_id)
        dispatch.commit(session, ctx.queue)
        return "서류를 다시 확인합니다."

    return act(request, f"/staff/applications/{application_id}", run)


@router.post("/staff/applications/{application_id}/supplement", dependencies=CSRF)
def supplement(
    request: Request,
    application_id: PageId,
    due_date: Annotated[str, Form(max_length=20)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        doc = review.request_supplement(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            application_id=application_id,
            due_date=optional_date(due_date, "/due_date", "보완 기한"),
        )
        dispatch.commit(session, ctx.queue)
        return f"보완 요청서({doc.title})를 만들어 신청기업에 보냈습니다."

    return act(request, f"/staff/applications/{application_id}", run)


@router.post("/staff/applications/{application_id}/assignments", dependencies=CSRF)
def assign(
    request: Request,
    application_id: PageId,
    reviewer_ids: Annotated[list[FormId] | None, Form()] = None,
    due_date: Annotated[str, Form(max_length=20)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        made = review.assign_reviewers(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            application_id=application_id,
            reviewer_ids=reviewer_ids or [],
            due_date=optional_date(due_date, "/due_date", "검토 기한"),
        )
        dispatch.commit(session, ctx.queue)
        return f"검토위원 {len(made)}명을 지정하고 검토 의견서를 보냈습니다."

    return act(request, f"/staff/applications/{application_id}", run)


@router.post("/staff/applications/{application_id}/review-report", dependencies=CSRF)
def review_report(
    request: Request,
    application_id: PageId,
    conclusion: Annotated[str, Form(max_length=16)] = "",
    summary: Annotated[str, Form(max_length=2000)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        review.generate_review_report(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            application_id=application_id,
            conclusion=conclusion or None,
            summary=summary.strip() or None,
        )
        dispatch.commit(session, ctx.queue)
        return "검토 결과보고서를 만들었습니다."

    return act(request, f"/staff/applications/{application_id}", run)


@router.post("/staff/applications/{application_id}/decision", dependencies=CSRF)
async def decide(
    request: Request,
    application_id: PageId,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    try:
        data = parse(DecisionIn, typed)
        application = selection.record_decision(
            session,
            actor=actor,
            settings=ctx.settings,
            application_id=application_id,
            decision=data.decision,
            reason=data.reason.strip(),
            decided_on=data.decided_on,
            blobs=ctx.blobs,
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        application = intake.visible_application(session, actor=actor, application_id=application_id)
        files = [f for f in application.files if f.active]
        history = corrections.history(session, actor=actor, application_id=application.id)
        view = viewer.build(
            session,
            ctx=ctx,
            actor=actor,
            application=application,
            files=files,
            corrected={(c.document_type, c.document_index, c.field) for c in history},
            doc=None,
            field_name=None,
            page=None,
        )
        return _application_page(
            request,
            session,
            ctx,
            actor,
            application,
            view,
            history,
            files,
            typed=typed,
            error=exc.message,
            form="decision",
        )
    return redirect(f"/staff/applications/{application_id}", message=_decided(application), request=request)


def _decided(application: Application) -> str:
    if application.purpose == "re_review":
        return "재심사 결과를 기록했습니다: " + ("적정" if application.decision == "selected" else "부적정")
    if application.status == ApplicationStatus.selected:
        return (
            "선정으로 기록했습니다. 결과를 확정하면 심사 차수 화면에서 선정 통보서를 일괄 생성할 수 있습니다."
        )
    return "미선정으로 기록했습니다."


@router.post("/staff/applications/{application_id}/rehabilitation", dependencies=CSRF)
def rehabilitation(
    request: Request,
    application_id: PageId,
    note: Annotated[str, Form(max_length=2000)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        data = parse(RehabilitationIn, {"note": note})
        intake.record_rehabilitation(session, actor=actor, application_id=application_id, note=data.note)
        dispatch.commit(session, ctx.queue)
        return "법원 정상화 결정을 기록했습니다. 서류를 다시 확인합니다."

    return act(request, f"/staff/applications/{application_id}", run)
