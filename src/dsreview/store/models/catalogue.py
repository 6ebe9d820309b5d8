"""Selected services, the catalogue, quality checks, postings and agencies' contracts."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dsreview.store.models.base import Base, utcnow


class Service(Base):
    """A service the committee selected; `status` is selected → listed (catalogue) → removed."""

    __tablename__ = "services"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), unique=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    company_name: Mapped[str] = mapped_column(String(200))
    category: Mapped[str | None] = mapped_column(String(32))
    model: Mapped[str | None] = mapped_column(String(8))
    support_type: Mapped[str | None] = mapped_column(String(16))
    provider_type: Mapped[str | None] = mapped_column(String(16))
    selection_number: Mapped[str] = mapped_column(String(32), unique=True)
    selection_date: Mapped[date]
    status: Mapped[str] = mapped_column(String(16), index=True, default="selected")
    listed_at: Mapped[datetime | None]
    removed_on: Mapped[date | None]
    removal_reason: Mapped[str] = mapped_column(Text, default="")
    # The application whose documents describe the service now: the selected one, or the latest
    # re-review judged 적정.
    current_application_id: Mapped[int | None]
    # Details the vendor keeps up to date through change requests (고시 제6조).
    spec: Mapped[str] = mapped_column(Text, default="")  # 상세규격
    price: Mapped[int | None] = mapped_column(BigInteger)  # won
    price_unit: Mapped[str] = mapped_column(String(100), default="")
    contact_name: Mapped[str] = mapped_column(String(100), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")
    contact_email: Mapped[str] = mapped_column(String(254), default="")
    # From the current application's certificates: what agencies search by, what 상시점검 watches.
    csap_type: Mapped[str | None] = mapped_column(String(8))
    csap_grade: Mapped[str | None] = mapped_column(String(8))
    csap_valid_until: Mapped[date | None]
    credit_valid_until: Mapped[date | None]
    updated_at: Mapped[datetime | None]


class QualityCheck(Base):
    """The monthly quality check of one service: the vendor's self-check report and staff's result."""

    __tablename__ = "quality_checks"
    __table_args__ = (UniqueConstraint("service_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    self_check_sha256: Mapped[str | None] = mapped_column(String(64))
    self_check_name: Mapped[str | None] = mapped_column(String(255))
    submitted_at: Mapped[datetime | None]
    result: Mapped[str | None] = mapped_column(String(16))  # an outcome (services.quality.OUTCOMES)
    reason: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    checked_on: Mapped[date | None]
    self_check_report: Mapped[dict[str, Any] | None]  # what the engine read in the vendor's report
    due_date: Mapped[date | None]  # 보완: the vendor fixes the gap by this day
    application_id: Mapped[int | None]  # 재심사 요청: the re-review opened


class ServiceEvent(Base):
    """Something that may take a service below the selection criteria: reported by its vendor
    (고시 제7조) or found by the daily 상시점검. Staff close it with a quality outcome."""

    __tablename__ = "service_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    source: Mapped[str] = mapped_column(String(8))  # vendor | watch
    kind: Mapped[str] = mapped_column(String(32))  # forms/events.json
    event_date: Mapped[date | None]
    detail: Mapped[str] = mapped_column(Text, default="")
    file_sha256: Mapped[str | None] = mapped_column(String(64))
    file_name: Mapped[str | None] = mapped_column(String(255))
    reported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    status: Mapped[str] = mapped_column(String(8), index=True, default="open")  # open | closed
    outcome: Mapped[str | None] = mapped_column(String(16))
    note: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None]
    application_id: Mapped[int | None]  # the re-review opened from it
    handled_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    handled_on: Mapped[date | None]

    service: Mapped[Service] = relationship(lazy="joined")


class ServiceChange(Base):
    """A vendor's request to change a selected service's details (정보 변경 신청, 고시 제6조)."""

    __tablename__ = "service_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    changes: Mapped[dict[str, Any]]  # field → the value asked for
    before: Mapped[dict[str, Any]]  # field → the value when asked
    description: Mapped[str] = mapped_column(Text, default="")
    files: Mapped[list[Any]]  # [{sha256, name, document_type}] documents that come with it
    # submitted → applied (no re-review, or re-review 적정) | re_review → applied | rejected
    status: Mapped[str] = mapped_column(String(16), index=True, default="submitted")
    touches_criteria: Mapped[bool | None]
    note: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_on: Mapped[date | None]
    application_id: Mapped[int | None]  # the re-review
    applied_on: Mapped[date | None]

    service: Mapped[Service] = relationship(lazy="joined")


class Posting(Base):
    """A public nonconformance posting (부적합 게시), up for at least the policy's minimum days."""

    __tablename__ = "postings"

    id: Mapped[int] = mapped_column(primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), index=True)
    quality_check_id: Mapped[int | None] = mapped_column(ForeignKey("quality_checks.id"))
    reason: Mapped[str] = mapped_column(Text)
    decision_date: Mapped[date]
    start_date: Mapped[date]
    end_date: Mapped[date]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("generated_documents.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    service: Mapped[Service] = relationship(lazy="joined")


class ContractService(Base):
    __tablename__ = "contract_services"

    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), primary_key=True)
    service_id: Mapped[int] = mapped_column(ForeignKey("services.id"), primary_key=True)


class Contract(Base):
    """Contract information an agency registers (계약정보), with its deadline and flags."""

    __tablename__ = "contracts"

    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    method: Mapped[str] = mapped_column(String(16))  # private (수의계약) | catalog (카탈로그계약)
    amount: Mapped[int] = mapped_column(BigInteger)
    contract_date: Mapped[date]
    start_date: Mapped[date]
    end_date: Mapped[date]
    registered_on: Mapped[date]
    deadline: Mapped[date]
    late: Mapped[bool]
    proposal_score: Mapped[float | None]
    evaluation_date: Mapped[date | None]
    qualified: Mapped[bool | None]
    negotiation_date: Mapped[date | None]
    negotiation_deadline: Mapped[date | None]
    negotiation_late: Mapped[bool | None]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    services: Mapped[list[Service]] = relationship(
        secondary="contract_services", lazy="selectin", order_by="Service.id"
    )
    changes: Mapped[list[ContractChange]] = relationship(lazy="selectin", order_by="ContractChange.id")


class ContractChange(Base):
    __tablename__ = "contract_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    contract_id: Mapped[int] = mapped_column(ForeignKey("contracts.id"), index=True)
    change_date: Mapped[date]
    description: Mapped[str] = mapped_column(Text)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    end_date: Mapped[date | None]
    registered_on: Mapped[date]
    deadline: Mapped[date]
    late: Mapped[bool]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
