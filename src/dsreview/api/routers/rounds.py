"""Committee rounds, the batch of selection notices of a round, and watching a job."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import ANY_USER, STAFF, context, read_session, write_session
from dsreview.api.params import Id
from dsreview.api.routers.common import ERRORS, job_out
from dsreview.api.schemas import JobOut, RoundIn, RoundOut, RoundUpdate
from dsreview.config import Settings
from dsreview.jobs import dispatch
from dsreview.services import clock, rounds, selection, work
from dsreview.services.actors import Actor
from dsreview.store.models import Round

router = APIRouter(prefix="/api", tags=["rounds"], responses=ERRORS)


def _out(session: Session, settings: Settings, round_: Round) -> RoundOut:
    out = RoundOut.model_validate(round_)
    found = rounds.progress(session, round_, clock.today(settings))
    out.status_name, out.waiting_for, out.next_status = (
        rounds.name(round_.status),
        found.waiting_for,
        found.next_status,
    )
    return out


@router.get("/rounds", response_model=list[RoundOut])
def list_rounds(
    actor: Actor = Depends(ANY_USER),
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> list[RoundOut]:
    """Committee rounds (심사 차수), newest first, each with its state and what it waits for;
    applications go to the newest open one."""
    return [_out(session, ctx.settings, r) for r in selection.list_rounds(session)]


@router.post("/rounds", status_code=201, response_model=RoundOut)
def create_round(
    body: RoundIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> RoundOut:
    created = selection.create_round(
        session, actor=actor, name=body.name, number=body.number, committee_date=body.committee_date
    )
    dispatch.commit(session, ctx.queue)
    return _out(session, ctx.settings, created)


@router.patch("/rounds/{round_id}", response_model=RoundOut)
def update_round(
    round_id: Id,
    body: RoundUpdate,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> RoundOut:
    """Set the committee's date, or move the round on: open → closed → reviewing → committee →
    finalised (closed → open reopens intake). Out of order: 409 with what the round waits for."""
    updated = selection.update_round(
        session,
        actor=actor,
        settings=ctx.settings,
        round_id=round_id,
        status=body.status,
        committee_date=body.committee_date,
    )
    dispatch.commit(session, ctx.queue)
    return _out(session, ctx.settings, updated)


@router.post("/rounds/{round_id}/selection-notices", status_code=202, response_model=JobOut)
def selection_notices(
    round_id: Id,
    response: Response,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> JobOut | None:
    """Generate the selection notices of a round in one batch (one per vendor); watch the job."""
    job = selection.start_selection_notices(session, actor=actor, round_id=round_id)
    dispatch.commit(session, ctx.queue)
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return job_out(job)


@router.get("/jobs/{job_id}", response_model=JobOut)
def get_job(
    job_id: Id, actor: Actor = Depends(ANY_USER), session: Session = Depends(read_session)
) -> JobOut | None:
    """A background job's status and progress (its creator and staff)."""
    return job_out(work.get_job(session, actor=actor, job_id=job_id))
