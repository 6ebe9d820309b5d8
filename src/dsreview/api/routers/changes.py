"""After selection: change requests (정보 변경, 고시 제6조), events a vendor reports (제7조), the
상시점검 items staff close with an outcome, and the daily 상시점검 run on demand."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, File, Form, Response, UploadFile
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import STAFF, VENDOR, allow, context, read_session, write_session
from dsreview.api.params import Id
from dsreview.api.routers.common import ERRORS, TOO_LARGE, incoming, job_out
from dsreview.api.schemas import (
    ChangeDecisionIn,
    ItemCloseIn,
    JobOut,
    ServiceChangeIn,
    ServiceChangeOut,
    ServiceEventIn,
    ServiceEventOut,
    ServiceOut,
)
from dsreview.jobs import dispatch
from dsreview.services import changes, clock, events, outcomes, watch
from dsreview.services.actors import Actor
from dsreview.store.models import Role

router = APIRouter(prefix="/api", tags=["after selection"], responses=ERRORS)
OWNERS = allow(Role.staff, Role.vendor)


@router.get("/services/{service_id}", response_model=ServiceOut)
def get_service(
    service_id: Id, actor: Actor = Depends(OWNERS), session: Session = Depends(read_session)
) -> ServiceOut:
    """A selected service with the details agencies see (staff, or the vendor that owns it)."""
    return ServiceOut.model_validate(changes.own_service(session, actor, service_id))


@router.post(
    "/services/{service_id}/changes", status_code=201, response_model=ServiceChangeOut, responses=TOO_LARGE
)
def request_change(
    service_id: Id,
    data: Annotated[ServiceChangeIn, Form()],
    file: Annotated[UploadFile | None, File(description="a document that comes with the change")] = None,
    document_type: Annotated[str | None, Form(max_length=40, description="which document it is")] = None,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ServiceChangeOut:
    """정보 변경 신청: new details (상세규격, price, contact) and/or a document; staff decide whether it
    touches the selection criteria (then a re-review) or not (the catalogue is updated)."""
    change = changes.request_change(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        service_id=service_id,
        changes=data.changes(),
        description=data.description or "",
        file=incoming(file) if file is not None and file.filename else None,
        document_type=document_type or None,
    )
    dispatch.commit(session, ctx.queue)
    return ServiceChangeOut.model_validate(change)


@router.get("/services/{service_id}/changes", response_model=list[ServiceChangeOut])
def change_history(
    service_id: Id, actor: Actor = Depends(OWNERS), session: Session = Depends(read_session)
) -> list[ServiceChangeOut]:
    """Every change request of a service, newest first, with its outcome."""
    return [
        ServiceChangeOut.model_validate(c)
        for c in changes.history(session, actor=actor, service_id=service_id)
    ]


@router.get("/changes", response_model=list[ServiceChangeOut])
def pending_changes(
    actor: Actor = Depends(STAFF), session: Session = Depends(read_session)
) -> list[ServiceChangeOut]:
    """Change requests waiting for staff's decision."""
    return [ServiceChangeOut.model_validate(c) for c in changes.pending(session, actor=actor)]


@router.post("/changes/{change_id}/decision", response_model=ServiceChangeOut)
def decide_change(
    change_id: Id,
    body: ChangeDecisionIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ServiceChangeOut:
    """touches_criteria true: 재심사 (a re-review application, the listing unchanged until its result);
    false: the catalogue is updated now."""
    change = changes.decide(
        session,
        actor=actor,
        settings=ctx.settings,
        change_id=change_id,
        touches_criteria=body.touches_criteria,
        note=body.note or "",
    )
    dispatch.commit(session, ctx.queue)
    return ServiceChangeOut.model_validate(change)


@router.post(
    "/services/{service_id}/events", status_code=201, response_model=ServiceEventOut, responses=TOO_LARGE
)
def report_event(
    service_id: Id,
    data: Annotated[ServiceEventIn, Form()],
    file: Annotated[UploadFile | None, File(description="evidence, if any")] = None,
    actor: Actor = Depends(VENDOR),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ServiceEventOut:
    """The vendor reports an event that triggers re-review (고시 제7조); kinds in forms/events.json."""
    event = events.report_event(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        service_id=service_id,
        kind=data.kind,
        detail=data.detail or "",
        event_date=data.event_date,
        file=incoming(file) if file is not None and file.filename else None,
    )
    dispatch.commit(session, ctx.queue)
    return ServiceEventOut.model_validate(event)


@router.get("/services/{service_id}/events", response_model=list[ServiceEventOut])
def service_events(
    service_id: Id, actor: Actor = Depends(OWNERS), session: Session = Depends(read_session)
) -> list[ServiceEventOut]:
    return [
        ServiceEventOut.model_validate(e)
        for e in events.of_service(session, actor=actor, service_id=service_id)
    ]


@router.get("/quality/items", response_model=list[ServiceEventOut])
def quality_items(
    status: Literal["open", "closed"] | None = "open",
    actor: Actor = Depends(STAFF),
    session: Session = Depends(read_session),
) -> list[ServiceEventOut]:
    """Items for staff: what 상시점검 found and what vendors reported, open ones by default."""
    return [ServiceEventOut.model_validate(e) for e in events.items(session, actor=actor, status=status)]


@router.post("/quality/items/{event_id}", response_model=ServiceEventOut)
def close_item(
    event_id: Id,
    body: ItemCloseIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ServiceEventOut:
    """Close an item with an outcome: conforming, supplement (by due_date), nonconforming, re_review."""
    event, _ = events.close(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        event_id=event_id,
        decision=outcomes.Decision(
            outcome=body.result, reason=body.reason, due_date=body.due_date, posting_end=body.posting_end
        ),
    )
    dispatch.commit(session, ctx.queue)
    return ServiceEventOut.model_validate(event)


@router.post("/quality/watch", status_code=202, response_model=JobOut)
def run_watch(
    response: Response,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> JobOut | None:
    """Run the 상시점검 now (it also runs by itself every day)."""
    job = watch.run_now(session, actor=actor, today=clock.today(ctx.settings))
    dispatch.commit(session, ctx.queue)
    response.headers["Location"] = f"/api/jobs/{job.id}"
    return job_out(job)
