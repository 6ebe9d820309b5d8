"""Every deadline the service sets, for the staff's deadlines page: supplements asked for, reviews
assigned, postings ending, contracts (negotiations, ends, registrations that were late), certificates
expiring, quality checks due and 보완 due dates.

The window is the policy's warning period for certificates (`credit.expiry_warning_days`, 30
days); every date shown was computed and stored by the use case that owns it, or printed on a
certificate and read by the check. A contract registered on time is never listed as late.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.forms import load_policy, title_of
from dsreview.services import clock, contracts, intake, quality
from dsreview.services.actors import Actor, require_role
from dsreview.store.models import Application, ApplicationStatus, Assignment, Contract, Posting, Role, Service
from dsreview.store.repositories import (
    AssignmentRepository,
    PostingRepository,
    QualityCheckRepository,
    ServiceEventRepository,
    ServiceRepository,
)
from dsreview.validators.context import as_date

CERTIFICATES = (("credit_rating", "valid_until"), ("csap_certificate", "valid_until"))
_CLOSED = (ApplicationStatus.not_selected, ApplicationStatus.withdrawn, ApplicationStatus.refused)
LATE_FLAGS = ("registration_late", "change_registration_late", "negotiation_late")


@dataclass(frozen=True, slots=True)
class CertificateDue:
    what: str  # the application number or the service's name
    link: str
    company: str
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


@dataclass(frozen=True, slots=True)
class Due:
    """A deadline of the procedure: what, for whom, by when."""

    what: str
    subject: str
    link: str
    due: date
    days_left: int


@dataclass(slots=True)
class Deadlines:
    today: date
    until: date
    days: int
    supplements: list[Due] = field(default_factory=list)
    reviews: list[Due] = field(default_factory=list)
    contracts: list[ContractDue] = field(default_factory=list)
    late_contracts: list[Contract] = field(default_factory=list)
    postings: list[Posting] = field(default_factory=list)
    certificates: list[CertificateDue] = field(default_factory=list)
    quality_due: list[Service] = field(default_factory=list)
    quality_supplements: list[Due] = field(default_factory=list)


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


def _certificates(
    applications: list[Application], services: list[Service], today: date, until: date
) -> list[CertificateDue]:
    due: list[CertificateDue] = []
    for application in applications:
        documents = (application.report or {}).get("documents", [])
        for doc_type, field_name in CERTIFICATES:
            doc = next((d for d in documents if d.get("type") == doc_type), None)
            valid_until = as_date((doc or {}).get("fields", {}).get(field_name))
            if valid_until is not None and today <= valid_until <= until:
                due.append(
                    CertificateDue(
                        str(application.number),
                        f"/staff/applications/{application.id}",
                        application.company_name,
                        doc_type,
                        title_of(doc_type),
                        valid_until,
                        (valid_until - today).days,
                    )
                )
    for s in services:
        for doc_type, valid_until in (
            ("credit_rating", s.credit_valid_until),
            ("csap_certificate", s.csap_valid_until),
        ):
            if valid_until is not None and today <= valid_until <= until:
                due.append(
                    CertificateDue(
                        s.name,
                        f"/staff/services/{s.id}",
                        s.company_name,
                        doc_type,
                        title_of(doc_type),
                        valid_until,
                        (valid_until - today).days,
                    )
                )
    return sorted(due, key=lambda d: d.valid_until)


def _reviews(session: Session, applications: list[Application], today: date) -> list[Due]:
    repo = AssignmentRepository(session)
    out: list[Due] = []
    for a in applications:
        if a.status != ApplicationStatus.under_review:
            continue
        pending: list[Assignment] = [x for x in repo.for_application(a.id) if x.submitted_at is None]
        for x in pending:
            out.append(
                Due(
                    "검토 의견서",
                    str(a.number),
                    f"/staff/applications/{a.id}",
                    x.due_date,
                    (x.due_date - today).days,
                )
            )
    return sorted(out, key=lambda d: d.due)


def _quality_supplements(session: Session, today: date) -> list[Due]:
    services = ServiceRepository(session)
    out: list[Due] = []
    for check in QualityCheckRepository(session).with_due_dates():
        service = services.get(check.service_id)
        if service is not None and check.due_date is not None:
            out.append(
                Due(
                    f"{check.month} 정기점검 보완",
                    service.name,
                    f"/staff/services/{service.id}",
                    check.due_date,
                    (check.due_date - today).days,
                )
            )
    for event in ServiceEventRepository(session).search(status="open"):
        if event.outcome == "supplement" and event.due_date is not None:
            out.append(
                Due(
                    "상시점검 보완",
                    event.service.name,
                    f"/staff/services/{event.service_id}",
                    event.due_date,
                    (event.due_date - today).days,
                )
            )
    return sorted(out, key=lambda d: d.due)


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
    listed = list(ServiceRepository(session).search(status="listed", limit=5000))
    return Deadlines(
        today=today,
        until=until,
        days=days,
        supplements=sorted(
            (
                Due(
                    "보완 요청",
                    str(a.number),
                    f"/staff/applications/{a.id}",
                    a.supplement_due,
                    (a.supplement_due - today).days,
                )
                for a in applications
                if a.status == ApplicationStatus.supplement_requested and a.supplement_due is not None
            ),
            key=lambda d: d.due,
        ),
        reviews=_reviews(session, applications, today),
        contracts=_contracts(found, today, until),
        late_contracts=[c for c in found if set(contracts.flags(c)) & set(LATE_FLAGS)],
        postings=list(PostingRepository(session).ending_between(today, until)),
        certificates=_certificates(
            [a for a in applications if a.status != ApplicationStatus.selected], listed, today, until
        ),
        quality_due=[
            d.service
            for d in quality.due_checks(session, actor=actor, settings=settings)
            if d.check is None or d.check.result is None
        ],
        quality_supplements=_quality_supplements(session, today),
    )
