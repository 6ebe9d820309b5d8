"""What falls due soon, for the staff's deadlines page: contracts, postings, certificates, checks.

The window is the policy's warning period for certificates (`credit.expiry_warning_days`, 30
days); every date shown was computed and stored by the use case that owns it (contracts,
quality) or printed on the certificate and read by the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.forms import load_policy, title_of
from dsreview.services import clock, contracts, intake, quality
from dsreview.services.actors import Actor, require_role
from dsreview.store.models import Application, ApplicationStatus, Contract, Posting, Role, Service
from dsreview.store.repositories import PostingRepository
from dsreview.validators.context import as_date

CERTIFICATES = (("credit_rating", "valid_until"), ("csap_certificate", "valid_until"))
_CLOSED = (ApplicationStatus.not_selected,)


@dataclass(frozen=True, slots=True)
class CertificateDue:
    application: Application
    document_type: str
    title: str
    valid_until: date
    days_left: int


@dataclass(frozen=True, slots=True)
class ContractDue:
    contract: Contract
    what: str  # negotiation | ending
    due: date
    days_left: int


@dataclass(slots=True)
class Deadlines:
    today: date
    until: date
    days: int
    contracts: list[ContractDue] = field(default_factory=list)
    late_contracts: list[Contract] = field(default_factory=list)
    postings: list[Posting] = field(default_factory=list)
    certificates: list[CertificateDue] = field(default_factory=list)
    quality_due: list[Service] = field(default_factory=list)


def _contracts(found: list[Contract], today: date, until: date) -> list[ContractDue]:
    due: list[ContractDue] = []
    for c in found:
        pending = c.negotiation_deadline is not None and c.negotiation_date is None
        if pending and c.negotiation_deadline is not None and c.negotiation_deadline <= until:
            deadline = c.negotiation_deadline
            due.append(ContractDue(c, "negotiation", deadline, (deadline - today).days))
        end = c.changes[-1].end_date if c.changes and c.changes[-1].end_date else c.end_date
        if today <= end <= until:
            due.append(ContractDue(c, "ending", end, (end - today).days))
    return sorted(due, key=lambda d: d.due)


def _certificates(applications: list[Application], today: date, until: date) -> list[CertificateDue]:
    due: list[CertificateDue] = []
    for application in applications:
        documents = (application.report or {}).get("documents", [])
        for doc_type, field_name in CERTIFICATES:
            doc = next((d for d in documents if d.get("type") == doc_type), None)
            valid_until = as_date((doc or {}).get("fields", {}).get(field_name))
            if valid_until is not None and today <= valid_until <= until:
                due.append(
                    CertificateDue(
                        application, doc_type, title_of(doc_type), valid_until, (valid_until - today).days
                    )
                )
    return sorted(due, key=lambda d: d.valid_until)


def deadlines(session: Session, *, actor: Actor, settings: Settings) -> Deadlines:
    require_role(actor, Role.staff)
    days = int(load_policy(settings.policy_file).section("credit").get("expiry_warning_days", 30))
    today = clock.today(settings)
    until = today + timedelta(days=days)
    found = list(contracts.list_contracts(session, actor=actor, limit=500))
    applications = [
        a
        for a in intake.list_applications(session, actor=actor, limit=5000)
        if a.report and a.status not in _CLOSED
    ]
    return Deadlines(
        today=today,
        until=until,
        days=days,
        contracts=_contracts(found, today, until),
        late_contracts=[c for c in found if contracts.flags(c)],
        postings=list(PostingRepository(session).ending_between(today, until)),
        certificates=_certificates(applications, today, until),
        quality_due=[
            d.service
            for d in quality.due_checks(session, actor=actor, settings=settings)
            if d.check is None or d.check.result is None
        ],
    )
