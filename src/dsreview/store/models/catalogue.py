"""Selected services, the catalogue, quality checks, postings and agencies' contracts."""

from __future__ import annotations

from datetime import date, datetime

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
    result: Mapped[str | None] = mapped_column(String(16))  # conforming | nonconforming
    reason: Mapped[str] = mapped_column(Text, default="")
    checked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    checked_on: Mapped[date | None]


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
