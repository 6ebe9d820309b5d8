"""Staff pages beyond one application: rounds and the batch of selection notices with its progress,
publishing to the catalogue, the sanctions list, deadlines and intake statistics."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.domain import CRITERIA
from dsreview.errors import DataValidationError, NotFoundError
from dsreview.jobs import dispatch
from dsreview.services import documents, rendering, sanctions, selection, web_deadlines, work
from dsreview.services.actors import Actor
from dsreview.services.intake import IncomingFile
from dsreview.services.web_queue import round_statistics
from dsreview.web import charts
from dsreview.web.deps import STAFF, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act, int_or_none, optional_date
from dsreview.web.pages import PageRoute, redirect, render, ui

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CSRF = [Depends(csrf_protected)]


@router.get("/staff/rounds")
def rounds_page(
    request: Request, actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> Response:
    rounds = selection.list_rounds(session)
    notices = {
        r.id: documents.list_documents(session, actor=actor, kind="selection_notice", round_id=r.id)
        for r in rounds
    }
    return render(
        request,
        "staff/rounds.html",
        actor=actor,
        rounds=rounds,
        notices=notices,
        services=selection.list_services(session, actor=actor, limit=500),
    )


@router.post("/staff/rounds", dependencies=CSRF)
def create_round(
    request: Request,
    name: Annotated[str, Form(max_length=100)] = "",
    number: Annotated[str, Form(max_length=4)] = "1",
    committee_date: Annotated[str, Form(max_length=20)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        if not number.strip().isdigit():
            raise DataValidationError("차수는 숫자로 입력해 주십시오.", pointer="/number")
        created = selection.create_round(
            session,
            actor=actor,
            name=name,
            number=int(number),
            committee_date=optional_date(committee_date, "/committee_date", "위원회 개최일"),
        )
        dispatch.commit(session, ctx.queue)
        return f"심사 차수 「{created.name}」을(를) 만들었습니다."

    return act(request, "/staff/rounds", run)


@router.post("/staff/rounds/{round_id}", dependencies=CSRF)
def update_round(
    request: Request,
    round_id: int,
    status: Annotated[str, Form(max_length=16)] = "",
    committee_date: Annotated[str, Form(max_length=20)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        selection.update_round(
            session,
            actor=actor,
            settings=ctx.settings,
            round_id=round_id,
            status=status or None,
            committee_date=optional_date(committee_date, "/committee_date", "위원회 개최일"),
        )
        dispatch.commit(session, ctx.queue)
        return "심사 차수를 고쳤습니다."

    return act(request, "/staff/rounds", run)


@router.post("/staff/rounds/{round_id}/notices", dependencies=CSRF)
def start_notices(
    request: Request,
    round_id: int,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    job_url: list[str] = []

    def run() -> str:
        job = selection.start_selection_notices(session, actor=actor, round_id=round_id)
        dispatch.commit(session, ctx.queue)
        job_url.append(f"/staff/jobs/{job.id}")
        return "선정 통보서 일괄 생성을 시작했습니다."

    response = act(request, "/staff/rounds", run)
    return redirect(job_url[0]) if job_url else response


@router.get("/staff/jobs/{job_id}")
def job_page(
    request: Request, job_id: int, actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> Response:
    job = work.get_job(session, actor=actor, job_id=job_id)
    template = "partials/job.html" if request.headers.get("hx-request") else "staff/job.html"
    made = []
    if job.status == "done" and job.result:
        ids = [int(i) for i in job.result.get("documents", [])]
        made = [documents.visible_document(session, actor=actor, document_id=i) for i in ids]
    return render(request, template, actor=actor, job=job, made=made)


@router.post("/staff/services/publish", dependencies=CSRF)
def publish(
    request: Request,
    service_ids: Annotated[list[int] | None, Form()] = None,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        if not service_ids:
            raise DataValidationError("등록할 서비스를 선택해 주십시오.", pointer="/service_ids")
        listed = selection.publish(session, actor=actor, service_ids=service_ids)
        dispatch.commit(session, ctx.queue)
        return f"서비스 {len(listed)}건을 카탈로그(이용지원시스템)에 등록했습니다."

    return act(request, "/staff/rounds", run)


@router.get("/staff/sanctions")
def sanctions_page(
    request: Request, actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> Response:
    try:
        current = sanctions.latest(session, actor=actor)
    except NotFoundError:
        current = None
    return render(request, "staff/sanctions.html", actor=actor, current=current)


@router.post("/staff/sanctions", dependencies=CSRF)
def upload_sanctions(
    request: Request,
    file: Annotated[UploadFile | None, File()] = None,
    recheck: Annotated[str, Form(max_length=8)] = "",
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    def run() -> str:
        if file is None or not file.filename:
            raise DataValidationError("제재 목록 CSV 파일을 선택해 주십시오.", pointer="/file")
        entry, count = sanctions.upload(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            file=IncomingFile(name=file.filename, stream=file.file),
            recheck=recheck == "yes",
        )
        dispatch.commit(session, ctx.queue)
        again = f" 신청 {count}건을 다시 확인합니다." if count else ""
        return f"제재 목록 「{entry.name}」({entry.row_count}건)을 등록했습니다.{again}"

    return act(request, "/staff/sanctions", run)


@router.get("/staff/deadlines")
def deadlines_page(
    request: Request,
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    due = web_deadlines.deadlines(session, actor=actor, settings=ctx.settings)
    return render(request, "staff/deadlines.html", actor=actor, due=due)


@router.get("/staff/stats")
def stats_page(
    request: Request,
    round_id: str | None = Query(default=None, max_length=12),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
) -> Response:
    chosen = int_or_none(round_id)
    rounds = selection.list_rounds(session)
    if chosen is None and round_id is None and rounds:
        chosen = rounds[0].id
    stats = round_statistics(session, actor=actor, round_id=chosen)
    titles = rendering.criteria_titles()
    finding_items = [(ui(code, "finding"), count) for code, count in stats.findings.most_common()]
    criteria_rows = [(f"{key} {titles.get(key, '')}", dict(stats.criteria.get(key, {}))) for key in CRITERIA]
    return render(
        request,
        "staff/stats.html",
        actor=actor,
        rounds=rounds,
        chosen=chosen,
        stats=stats,
        finding_items=finding_items,
        criteria_rows=criteria_rows,
        findings_chart=charts.hbar("findings", "확인 결과 유형별 신청 수", finding_items),
        criteria_chart=charts.stacked("criteria", "검토 기준별 자동 판정 결과", criteria_rows),
        duration_chart=charts.columns(
            "durations", "접수부터 서류 확인 완료까지 걸린 시간", stats.duration_buckets
        ),
        segments=charts.SEGMENTS,
    )
