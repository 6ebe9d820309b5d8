"""Quality pages: the month's checks of services selected at least a year ago (staff record the
result; nonconforming removes the service and posts it), and the vendor's self-check report."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.errors import DataValidationError
from dsreview.jobs import dispatch
from dsreview.services import clock, quality
from dsreview.services.actors import Actor
from dsreview.services.intake import IncomingFile
from dsreview.templates.filters import kdate
from dsreview.web.deps import STAFF, VENDOR, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act, optional_date
from dsreview.web.pages import PageRoute, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CSRF = [Depends(csrf_protected)]
MONTH = re.compile(r"^(19|20)\d{2}-(0[1-9]|1[0-2])$")


def _month(value: str | None) -> str | None:
    return value if value and MONTH.match(value) else None


@router.get("/staff/quality")
def quality_page(
    request: Request,
    month: str | None = Query(default=None, max_length=7),
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    chosen = _month(month) or clock.month_of(clock.today(ctx.settings))
    due = quality.due_checks(session, actor=actor, settings=ctx.settings, month=chosen)
    return render(request, "staff/quality.html", actor=actor, due=due, month=chosen)


@router.post("/staff/quality/{service_id}", dependencies=CSRF)
def record_result(
    request: Request,
    service_id: int,
    month: Annotated[str, Form(max_length=7)] = "",
    result: Annotated[str, Form(max_length=16)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
    posting_end: Annotated[str, Form(max_length=20)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        if result not in ("conforming", "nonconforming"):
            raise DataValidationError("점검 결과(적합 또는 부적합)를 선택해 주십시오.", pointer="/result")
        _check, posting = quality.record_result(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            service_id=service_id,
            result=result,
            month=_month(month),
            reason=reason,
            posting_end=optional_date(posting_end, "/posting_end", "게시 종료일"),
        )
        dispatch.commit(session, ctx.queue)
        if posting is None:
            return "적합으로 기록했습니다."
        until = kdate(posting.end_date)
        return f"부적합으로 기록했습니다. 카탈로그에서 제외하고 {until}까지 부적합 게시를 공개합니다."

    return act(request, f"/staff/quality?month={_month(month) or ''}", run)


@router.post("/vendor/services/{service_id}/self-check", dependencies=CSRF)
def submit_self_check(
    request: Request,
    service_id: int,
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
        return f"{check.month} 품질적합성 자가점검 보고서를 제출했습니다."

    return act(request, "/vendor", run)
