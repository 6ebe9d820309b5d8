"""Contracts: agencies register contract information and changes; deadlines are computed."""

from __future__ import annotations

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import AGENCY, allow, context, read_session, write_session
from dsreview.api.params import Id, Limit, Offset
from dsreview.api.routers.common import ERRORS
from dsreview.api.schemas import ContractChangeIn, ContractChangeOut, ContractIn, ContractOut, DocumentOut
from dsreview.jobs import dispatch
from dsreview.services import contracts
from dsreview.services.actors import Actor
from dsreview.store.models import Contract, Role

router = APIRouter(prefix="/api/contracts", tags=["contracts"], responses=ERRORS)
READERS = allow(Role.agency, Role.staff)


def _out(session: Session, actor: Actor, contract: Contract) -> ContractOut:
    out = ContractOut.model_validate(contract)
    out.flags = contracts.flags(contract)
    out.documents = [
        DocumentOut.model_validate(d)
        for d in contracts.contract_documents(session, actor=actor, contract_id=contract.id)
    ]
    return out


@router.post("", status_code=201, response_model=ContractOut)
def register(
    body: ContractIn,
    actor: Actor = Depends(AGENCY),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ContractOut:
    """Register contract information; the deadline is computed and a late registration flagged."""
    data = contracts.ContractInput(**body.model_dump())
    contract = contracts.register_contract(
        session, actor=actor, settings=ctx.settings, blobs=ctx.blobs, data=data
    )
    dispatch.commit(session, ctx.queue)
    return _out(session, actor, contract)


@router.get("", response_model=list[ContractOut])
def list_contracts(
    limit: Limit = 100,
    offset: Offset = 0,
    actor: Actor = Depends(READERS),
    session: Session = Depends(read_session),
) -> list[ContractOut]:
    return [
        _out(session, actor, c)
        for c in contracts.list_contracts(session, actor=actor, limit=limit, offset=offset)
    ]


@router.get("/{contract_id}", response_model=ContractOut)
def get_contract(
    contract_id: Id, actor: Actor = Depends(READERS), session: Session = Depends(read_session)
) -> ContractOut:
    return _out(session, actor, contracts.get_contract(session, actor=actor, contract_id=contract_id))


@router.post("/{contract_id}/changes", status_code=201, response_model=ContractChangeOut)
def register_change(
    contract_id: Id,
    body: ContractChangeIn,
    actor: Actor = Depends(AGENCY),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> ContractChangeOut:
    """Register a change of the contract; it has its own deadline."""
    change = contracts.register_change(
        session,
        actor=actor,
        settings=ctx.settings,
        blobs=ctx.blobs,
        contract_id=contract_id,
        change_date=body.change_date,
        description=body.description,
        amount=body.amount,
        end_date=body.end_date,
        registered_on=body.registered_on,
    )
    dispatch.commit(session, ctx.queue)
    return ContractChangeOut.model_validate(change)
