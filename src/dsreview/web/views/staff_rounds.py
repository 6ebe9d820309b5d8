"""Staff pages beyond one application: rounds and the batch of selection notices with its progress,
publishing to the catalogue, the sanctions list, deadlines and intake statistics."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.domain import CRITERIA
from dsreview.domain.korean import particle
from dsreview.errors import ConflictError, DataValidationError, NotFoundError, UsageError
from dsreview.jobs import dispatch
from dsreview.services import clock, documents, rendering, rounds, sanctions, selection, web_deadlines, work
from dsreview.services.actors import Actor
from dsreview.services.inputs import RoundIn, RoundUpdate
from dsreview.services.intake import IncomingFile
from dsreview.services.web_queue import round_statistics
from dsreview.web import charts
from dsreview.web.deps import STAFF, Parts, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act, int_or_none, parse
from dsreview.web.pages import PageRoute, redirect, render, ui
from dsreview.web.params import FormId, PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)
CSRF = [Depends(csrf_protected)]


def _rounds_page(
    request: Request,
    session: Session,
    ctx: Parts,
    actor: Actor,
    *,
    typed: dict[str, Any] | None = None,
    error: str | None = None,
    form: str | None = None,
) -> Response:
    found = selection.list_rounds(session)
    today = clock.today(ctx.settings)
    return render(
        request,
        "staff/rounds.html",
        status_code=422 if error else 200,
        actor=actor,
        rounds=found,
        progress={r.id: rounds.progress(session, r, today) for r in found},
        names={s: rounds.name(s) for s in ("open", "closed", "reviewing", "committee", "finalised")},
        notices={
            r.id: documents.list_documents(session, actor=actor, kind="selection_notice", round_id=r.id)
            for r in found
        },
        services=selection.list_services(session, actor=actor, limit=500),
        typed=typed or {},
        error=error,
        form=form,
    )


@router.get("/staff/rounds")
def rounds_page(
    request: Request,
    actor: Actor = Depends(STAFF),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    return _rounds_page(request, session, ctx, actor)


async def _typed(request: Request) -> dict[str, Any]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str) and k != "csrf_token"}


@router.post("/staff/rounds", dependencies=CSRF)
async def create_round(
    request: Request,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    typed = await _typed(request)
    try:
        data = parse(RoundIn, typed)
        created = selection.create_round(
            session, actor=actor, name=data.name, number=data.number, committee_date=data.committee_date
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return _rounds_page(request, session, ctx, actor, typed=typed, error=exc.message, form="new")
    return redirect(
        "/staff/rounds",
        message=f"심사 차수 {particle(f'「{created.name}」', '을', '를')} 만들었습니다.",
        request=request,
    )


@router.post("/staff/rounds/{round_id}", dependencies=CSRF)
async def update_round(
    request: Request,
    round_id: PageId,
    ctx: Parts = Depends(parts),
    actor: Actor = Depends(STAFF),
    session: Session = Depends(write_session),
) -> Response:
    typed = await _typed(request)
    try:
        data = parse(RoundUpdate, typed)
        updated = selection.update_round(
            session,
            actor=actor,
            settings=ctx.settings,
            round_id=round_id,
            status=data.status,
            committee_date=data.committee_date,
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return _rounds_page(
            request, session, ctx, actor, typed=typed, error=exc.message, form=f"round-{round_id}"
        )
    message = f"「{updated.name}」: {rounds.name(updated.status)} 단계입니다."
    return redirect("/staff/rounds", message=message, request=request)


@router.post("/staff/rounds/{round_id}/notices", dependencies=CSRF)
def start_notices(
    request: Request,
    round_id: PageId,
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
    request: Request,
    job_id: PageId,
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
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
    service_ids: Annotated[list[FormId] | None, Form()] = None,
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
    if chosen is None and round_id is None and rounds:  # the round taking applications, else the newest
        chosen = next((r.id for r in rounds if r.status == "open"), rounds[0].id)
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
