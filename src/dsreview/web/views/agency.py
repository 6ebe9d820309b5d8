"""Agency pages: contracts with their flags and records, registration of a contract and of its
changes, each with the registration deadline shown before it is submitted."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.orm import Session

from dsreview.errors import ConflictError, UsageError
from dsreview.jobs import dispatch
from dsreview.services import contracts, selection, web_contracts
from dsreview.services.actors import Actor
from dsreview.services.inputs import ContractChangeIn, ContractIn
from dsreview.store.models import Role
from dsreview.web.deps import AGENCY, Parts, allow, csrf_protected, parts, read_session, write_session
from dsreview.web.forms import act, form_values, parse, required_date
from dsreview.web.pages import PageRoute, redirect, render
from dsreview.web.params import PageId

router = APIRouter(route_class=PageRoute, include_in_schema=False)
READERS = allow(Role.agency, Role.staff)


@router.get("/agency")
def agency_home(
    request: Request, actor: Actor = Depends(AGENCY), session: Session = Depends(read_session)
) -> Response:
    found = contracts.list_contracts(session, actor=actor, limit=200)
    return render(
        request,
        "agency/home.html",
        actor=actor,
        contracts=found,
        flags={c.id: contracts.flags(c) for c in found},
    )


def _form_page(
    request: Request, session: Session, ctx: Parts, actor: Actor, values: dict[str, Any], error: str | None
) -> Response:
    preview = None
    if values.get("contract_date"):
        try:
            day = required_date(str(values["contract_date"]), "/contract_date", "계약일")
            preview = web_contracts.registration_deadline(ctx.settings, day)
        except UsageError:
            preview = None
    return render(
        request,
        "agency/new_contract.html",
        status_code=422 if error else 200,
        actor=actor,
        services=selection.list_services(session, actor=actor, limit=500),
        values=values,
        error=error,
        preview=preview,
        qualifying=web_contracts.qualifying_score(ctx.settings),
        negotiation_days=web_contracts.negotiation_days(ctx.settings),
    )


@router.get("/agency/contracts/new")
def new_contract(
    request: Request,
    actor: Actor = Depends(AGENCY),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    return _form_page(request, session, ctx, actor, {"method": "private", "service_ids": []}, None)


@router.get("/agency/deadline")
def deadline_preview(
    request: Request,
    contract_date: str = Query(default="", max_length=20),
    change_date: str = Query(default="", max_length=20),
    actor: Actor = Depends(AGENCY),
    ctx: Parts = Depends(parts),
) -> Response:
    """The registration deadline of a contract (or a change) signed on the given day: a fragment."""
    preview, message = None, None
    try:
        if change_date:
            preview = web_contracts.change_deadline(
                ctx.settings, required_date(change_date, "/change_date", "변경일")
            )
        elif contract_date:
            preview = web_contracts.registration_deadline(
                ctx.settings, required_date(contract_date, "/contract_date", "계약일")
            )
    except UsageError as exc:
        message = exc.message
    what = "변경" if change_date else "계약"
    return render(request, "partials/deadline.html", actor=actor, preview=preview, message=message, what=what)


@router.post("/agency/contracts", dependencies=[Depends(csrf_protected)])
async def register(
    request: Request,
    actor: Actor = Depends(AGENCY),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    """The form validated with the API's `ContractIn`; refused, it is shown again as typed."""
    values = form_values(await request.form(), "service_ids")
    values.pop("registered_on", None)  # the day it is registered is today's, not typed
    if values.get("method") != "catalog":
        for name in ("proposal_score", "evaluation_date", "negotiation_date"):
            values.pop(name, None)
    try:
        data = parse(ContractIn, values)
        contract = contracts.register_contract(
            session, actor=actor, settings=ctx.settings, blobs=ctx.blobs, data=data
        )
        dispatch.commit(session, ctx.queue)
    except (UsageError, ConflictError) as exc:
        session.rollback()
        return _form_page(request, session, ctx, actor, values, exc.message)
    late = " 등록 기한이 지나 '기한 경과'로 표시됩니다." if contract.late else ""
    return redirect(
        f"/agency/contracts/{contract.id}", message=f"계약정보를 등록했습니다.{late}", request=request
    )


@router.get("/agency/contracts/{contract_id}")
def contract_page(
    request: Request,
    contract_id: PageId,
    actor: Actor = Depends(READERS),
    session: Session = Depends(read_session),
) -> Response:
    contract = contracts.get_contract(session, actor=actor, contract_id=contract_id)
    return render(
        request,
        "agency/contract.html",
        actor=actor,
        contract=contract,
        flags=contracts.flags(contract),
        documents=contracts.contract_documents(session, actor=actor, contract_id=contract.id),
    )


@router.post("/agency/contracts/{contract_id}/changes", dependencies=[Depends(csrf_protected)])
async def register_change(
    request: Request,
    contract_id: PageId,
    actor: Actor = Depends(AGENCY),
    ctx: Parts = Depends(parts),
    session: Session = Depends(write_session),
) -> Response:
    values = form_values(await request.form())

    def run() -> str:
        data = parse(ContractChangeIn, {k: v for k, v in values.items() if k != "registered_on"})
        change = contracts.register_change(
            session,
            actor=actor,
            settings=ctx.settings,
            blobs=ctx.blobs,
            contract_id=contract_id,
            change_date=data.change_date,
            description=data.description,
            amount=data.amount,
            end_date=data.end_date,
        )
        dispatch.commit(session, ctx.queue)
        late = " 변경 등록 기한이 지나 '기한 경과'로 표시됩니다." if change.late else ""
        return f"계약 변경을 등록했습니다.{late}"

    return act(request, f"/agency/contracts/{contract_id}", run)
