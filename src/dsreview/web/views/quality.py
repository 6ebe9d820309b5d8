"""Quality pages: the month's 정기점검 of services selected at least a year ago (the vendor's
self-check report as the engine read it, and staff's outcome: 적합, 보완 by a date, 부적합, 재심사 요청),
the items 상시점검 raised and vendors reported, change requests waiting for a decision, and the
vendor's self-check upload. A refused form is shown again with what was typed."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.errors import ConflictError, DataValidationError, UsageError
from dsreview.jobs import dispatch
from dsreview.services import changes, clock, events, intake, outcomes, quality, watch
from dsreview.services.actors import Actor
from dsreview.services.inputs import ItemCloseIn, QualityResultIn
from dsreview.services.intake import IncomingFile
from dsreview.templates.filters import kdate
from dsreview.web.deps import STAFF, VENDOR, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act, parse
from dsreview.web.pages import PageRoute, redirect, render, ui_labels
from dsreview.web.params import PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CSRF = [Depends(csrf_protected)]
MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")


def _month(value: str | None) -> str | None:
    return value if value and MONTH.match(value) else None


def _page(
    request: Request,
    session: Session,
    ctx: Parts,
    actor: Actor,
    month: str,
    *,
    typed: dict[str, Any] | None = None,
    error: str | None = None,
    form: str | None = None,
) -> Response:
    return render(
        request,
        "staff/quality.html",
        status_code=422 if error else 200,
        actor=actor,
        due=quality.due_checks(session, actor=actor, settings=ctx.settings, month=month),
        items=events.items(session, actor=actor, status="open"),
        pending=changes.pending(session, actor=actor),
        month=month,
        typed=typed or {},
        error=error,
        form=form,
    )


@router.get("/staff/quality")
def quality_page(
    request: Request,
    month: str | None = Query(default=None, max_length=7),
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    chosen = _month(month) or clock.month_of(clock.today(ctx.settings))
    return _page(request, session, ctx, actor, chosen)


def _said(applied: outcomes.Applied) -> str:
    """What staff read after recording an outcome (`web/labels.json`, outcome_said)."""
    number = ""
    if applied.application is not None:
        number = str(applied.application.number)
    template = ui_labels()["outcome_said"][applied.outcome]
    return template.format(
        due=kdate(applied.due_date) if applied.due_date else "",
        until=kdate(applied.posting.end_date) if applied.posting else "",
        number=number,
    )


@router.post("/staff/quality/{service_id}", dependencies=CSRF)
async def record_result(
    request: Request,
    service_id: PageId,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    month = _month(typed.get("month")) or clock.month_of(clock.today(ctx.settings))
    try:
        data = parse(QualityResultIn, typed)
        check, posting = quality.record_result(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            service_id=service_id,
            result=data.result,
            month=data.month,
            reason=data.reason,
            due_date=data.due_date,
            posting_end=data.posting_end,
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return _page(
            request, session, ctx, actor, month, typed=typed, error=exc.message, form=f"check-{service_id}"
        )
    opened = (
        intake.visible_application(session, actor=actor, application_id=check.application_id)
        if check.application_id
        else None
    )
    applied = outcomes.Applied(
        check.result or "conforming",
        check.checked_on or clock.today(ctx.settings),
        check.due_date,
        posting,
        opened,
    )
    return redirect(f"/staff/quality?month={month}", message=_said(applied), request=request)


@router.post("/staff/quality/items/{event_id}", dependencies=CSRF)
async def close_item(
    request: Request,
    event_id: PageId,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    typed = {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}
    month = clock.month_of(clock.today(ctx.settings))
    try:
        data = parse(ItemCloseIn, typed)
        _event, applied = events.close(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            event_id=event_id,
            decision=outcomes.Decision(
                outcome=data.result, reason=data.reason, due_date=data.due_date, posting_end=data.posting_end
            ),
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return _page(
            request, session, ctx, actor, month, typed=typed, error=exc.message, form=f"item-{event_id}"
        )
    return redirect("/staff/quality#items", message=_said(applied), request=request)


@router.post("/staff/quality/watch", dependencies=CSRF)
def run_watch(
    request: Request,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    job = watch.run_now(session, actor=actor, today=clock.today(ctx.settings))
    dispatch.commit(session, ctx.queue)
    return redirect(f"/staff/jobs/{job.id}", message="상시점검을 시작했습니다.", request=request)


@router.post("/vendor/services/{service_id}/self-check", dependencies=CSRF)
def submit_self_check(
    request: Request,
    service_id: PageId,
    file: Annotated[UploadFile | None, File()] = None,
    month: Annotated[str, Form(max_length=7)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(VENDOR),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        if file is None or not file.filename:
            raise DataValidationError("자가점검 보고서 파일을 선택해 주십시오.", pointer="/file")
        check = quality.submit_self_check(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            service_id=service_id,
            file=IncomingFile(name=file.filename, stream=file.file),
            month=_month(month),
        )
        dispatch.commit(session, ctx.queue)
        return f"{check.month} 품질적합성 자가점검 보고서를 제출했습니다. 내용을 읽어 확인합니다."

    return act(request, f"/vendor/services/{service_id}", run)
