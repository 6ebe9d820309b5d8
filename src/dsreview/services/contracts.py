"""Contracts: agencies register contract information and changes; deadlines and flags computed.

Deadlines follow DOMAIN §7 (Civil Act counting, a last day on a Saturday or holiday moves to the
next working day); every period length is a policy value.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import DataValidationError, NotFoundError
from dsreview.forms import load_policy
from dsreview.services import audit, clock, documents
from dsreview.services.actors import Actor, require_role
from dsreview.services.inputs import ContractIn
from dsreview.store import BlobStore
from dsreview.store.models import Contract, ContractChange, GeneratedDocument, Role
from dsreview.store.repositories import (
    ContractRepository,
    DocumentRepository,
    OrganisationRepository,
    ServiceRepository,
)
from dsreview.validators import periods

METHODS = ("private", "catalog")


ContractInput = ContractIn  # the API's and the pages' one model of a registration


def _validate(data: ContractInput) -> None:
    for name in (
        "contract_date",
        "start_date",
        "end_date",
        "registered_on",
        "evaluation_date",
        "negotiation_date",
    ):
        clock.plausible(getattr(data, name), f"/{name}")
    if not data.name.strip():
        raise DataValidationError("계약명을 입력해 주십시오.", pointer="/name")
    if data.method not in METHODS:
        raise DataValidationError("계약방법은 private 또는 catalog 입니다.", pointer="/method")
    if data.amount < 0:
        raise DataValidationError("계약금액은 0 이상이어야 합니다.", pointer="/amount")
    if data.end_date < data.start_date:
        raise DataValidationError("계약 종료일이 시작일보다 앞설 수 없습니다.", pointer="/end_date")
    if not data.service_ids:
        raise DataValidationError("계약한 서비스를 하나 이상 지정해 주십시오.", pointer="/service_ids")
    if data.method == "catalog" and (data.proposal_score is None or data.evaluation_date is None):
        raise DataValidationError(
            "카탈로그계약에는 제안서 평가 점수와 평가일이 필요합니다.", pointer="/proposal_score"
        )
    if data.proposal_score is not None and not 0 <= data.proposal_score <= 100:
        raise DataValidationError("제안서 평가 점수는 0~100 입니다.", pointer="/proposal_score")


def register_contract(
    session: Session, *, actor: Actor, settings: Settings, blobs: BlobStore, data: ContractInput
) -> Contract:
    """Register a contract; compute its deadline, flag a late registration, generate the record."""
    require_role(actor, Role.agency)
    _validate(data)
    policy = load_policy(settings.policy_file)
    services = ServiceRepository(session).by_ids(sorted(set(data.service_ids)))
    unlisted = sorted(set(data.service_ids) - {s.id for s in services if s.status == "listed"})
    if unlisted:
        raise DataValidationError(
            "이용지원시스템에 등록된 서비스만 계약할 수 있습니다.",
            pointer="/service_ids",
            detail={"service_ids": unlisted},
        )
    registered = data.registered_on or clock.today(settings)
    if registered < data.contract_date:
        raise DataValidationError("등록일이 계약일보다 앞설 수 없습니다.", pointer="/registered_on")
    deadline = periods.contract_registration_deadline(data.contract_date, policy=policy)
    contract = Contract(
        agency_id=actor.organisation_id,
        name=data.name.strip(),
        method=data.method,
        amount=data.amount,
        contract_date=data.contract_date,
        start_date=data.start_date,
        end_date=data.end_date,
        registered_on=registered,
        deadline=deadline,
        late=registered > deadline,
        created_by=actor.user_id,
    )
    if data.method == "catalog" and data.evaluation_date is not None and data.proposal_score is not None:
        contract.proposal_score = data.proposal_score
        contract.evaluation_date = data.evaluation_date
        contract.qualified = data.proposal_score >= policy.period("proposal_qualifying_score")
        contract.negotiation_deadline = periods.negotiation_deadline(data.evaluation_date, policy=policy)
        contract.negotiation_date = data.negotiation_date
        if data.negotiation_date is not None:
            contract.negotiation_late = data.negotiation_date > contract.negotiation_deadline
    contract.services = list(services)
    ContractRepository(session).add(contract)
    doc = _record_document(
        session,
        actor=actor,
        settings=settings,
        blobs=blobs,
        contract=contract,
        contract_number=data.contract_number,
    )
    audit.record(
        session,
        actor=actor,
        action="contract.registered",
        subject_type="contract",
        subject_id=contract.id,
        data={
            "deadline": deadline.isoformat(),
            "late": contract.late,
            "flags": flags(contract),
            "document_id": doc.id,
        },
        files=[doc.docx_sha256],
    )
    return contract


def register_change(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    contract_id: int,
    change_date: date,
    description: str,
    amount: int | None = None,
    end_date: date | None = None,
    registered_on: date | None = None,
) -> ContractChange:
    """Register a change; it has its own deadline from the change date."""
    contract = get_contract(session, actor=actor, contract_id=contract_id)
    require_role(actor, Role.agency)
    if not description.strip():
        raise DataValidationError("변경 내용을 입력해 주십시오.", pointer="/description")
    for pointer, value in (
        ("/change_date", change_date),
        ("/end_date", end_date),
        ("/registered_on", registered_on),
    ):
        clock.plausible(value, pointer)
    if amount is not None and amount < 0:
        raise DataValidationError("계약금액은 0 이상이어야 합니다.", pointer="/amount")
    if end_date is not None and end_date < contract.start_date:
        raise DataValidationError("계약 종료일이 시작일보다 앞설 수 없습니다.", pointer="/end_date")
    registered = registered_on or clock.today(settings)
    if registered < change_date:
        raise DataValidationError("등록일이 변경일보다 앞설 수 없습니다.", pointer="/registered_on")
    if change_date < contract.contract_date:
        raise DataValidationError("변경일이 계약일보다 앞설 수 없습니다.", pointer="/change_date")
    deadline = periods.contract_change_deadline(change_date, policy=load_policy(settings.policy_file))
    change = ContractChange(
        contract_id=contract.id,
        change_date=change_date,
        description=description.strip(),
        amount=amount,
        end_date=end_date,
        registered_on=registered,
        deadline=deadline,
        late=registered > deadline,
        created_by=actor.user_id,
    )
    session.add(change)
    session.flush()
    session.refresh(contract)
    doc = _record_document(
        session, actor=actor, settings=settings, blobs=blobs, contract=contract, change=change
    )
    audit.record(
        session,
        actor=actor,
        action="contract.changed",
        subject_type="contract",
        subject_id=contract.id,
        data={
            "change_id": change.id,
            "deadline": deadline.isoformat(),
            "late": change.late,
            "document_id": doc.id,
        },
        files=[doc.docx_sha256],
    )
    return change


def flags(contract: Contract) -> list[str]:
    """What staff should notice about a contract, as stable keys."""
    out: list[str] = []
    if contract.late:
        out.append("registration_late")
    if contract.qualified is False:
        out.append("proposal_not_qualified")
    if contract.negotiation_late:
        out.append("negotiation_late")
    out.extend("change_registration_late" for c in contract.changes if c.late)
    return out


def _record_document(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    blobs: BlobStore,
    contract: Contract,
    contract_number: str | None = None,
    change: ContractChange | None = None,
) -> GeneratedDocument:
    agency = OrganisationRepository(session).get(contract.agency_id)
    agency_name = agency.name if agency else "-"

    def build(number: str) -> dict[str, Any]:
        data: dict[str, Any] = {
            "registration_number": number,
            "issue_date": clock.today(settings).isoformat(),
            "agency": {"name": agency_name, "contact_name": actor.name or None},
            "contract_name": contract.name,
            "contract_number": contract_number,
            "method": contract.method,
            "amount": contract.amount,
            "contract_date": contract.contract_date.isoformat(),
            "period": {"start": contract.start_date.isoformat(), "end": contract.end_date.isoformat()},
            "services": [
                {
                    "service_name": s.name,
                    "company_name": s.company_name,
                    "selection_number": s.selection_number,
                }
                for s in contract.services
            ],
            "registration_date": contract.registered_on.isoformat(),
            "change": None,
        }
        if change is not None:
            data["change"] = {
                "change_date": change.change_date.isoformat(),
                "registration_date": change.registered_on.isoformat(),
                "description": change.description,
                "amount": change.amount,
                "period": {"start": contract.start_date.isoformat(), "end": change.end_date.isoformat()}
                if change.end_date
                else None,
            }
        return data

    title = f"계약정보 등록 확인서_{contract.name}"[:200]
    return documents.generate(
        session,
        settings=settings,
        blobs=blobs,
        actor=actor,
        kind="contract_info",
        build=build,
        links=documents.Links(contract_id=contract.id, recipient_organisation_id=contract.agency_id),
        title=title,
    )


def get_contract(session: Session, *, actor: Actor, contract_id: int) -> Contract:
    require_role(actor, Role.agency, Role.staff)
    contract = ContractRepository(session).get(contract_id)
    if contract is None or (actor.role is Role.agency and contract.agency_id != actor.organisation_id):
        raise NotFoundError("계약을 찾을 수 없습니다.", detail={"contract_id": contract_id})
    return contract


def list_contracts(
    session: Session, *, actor: Actor, limit: int = 100, offset: int = 0
) -> Sequence[Contract]:
    require_role(actor, Role.agency, Role.staff)
    agency = (
        (actor.organisation_id if actor.organisation_id is not None else -1)
        if actor.role is Role.agency
        else None
    )
    return ContractRepository(session).search(agency_id=agency, limit=limit, offset=offset)


def contract_documents(session: Session, *, actor: Actor, contract_id: int) -> Sequence[GeneratedDocument]:
    contract = get_contract(session, actor=actor, contract_id=contract_id)
    return DocumentRepository(session).search(contract_id=contract.id)
