"""Rounds, applications with their files and corrections, reviewer assignments and opinions."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from dsreview.store.models.base import Base, utcnow


class ApplicationStatus(StrEnum):
    """The check states first (DOMAIN §6), then the review states."""

    received = "received"
    processing = "processing"
    checked = "checked"
    failed = "failed"
    supplement_requested = "supplement_requested"
    under_review = "under_review"
    reviewed = "reviewed"
    selected = "selected"
    not_selected = "not_selected"
    refused = "refused"  # not admitted: the same service applied for twice, or already selected
    withdrawn = "withdrawn"  # the vendor withdrew it before the review


class RoundStatus(StrEnum):
    """A committee round's states, in order (접수 중 → 접수 마감 → 검토 → 심사위원회 → 결과 확정)."""

    open = "open"
    closed = "closed"
    reviewing = "reviewing"
    committee = "committee"
    finalised = "finalised"


class Purpose(StrEnum):
    selection = "selection"  # 심사 신청
    re_review = "re_review"  # 재심사 of a selected service (고시 제6조·제7조)


class Round(Base):
    """A committee round (심사 차수): applications are reviewed and decided together."""

    __tablename__ = "rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    number: Mapped[int] = mapped_column(default=1)  # 제N차 심사위원회
    committee_date: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(16), default=RoundStatus.open)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Application(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    submitted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    status: Mapped[str] = mapped_column(String(32), index=True, default=ApplicationStatus.received)
    requested_date: Mapped[date | None]  # a reference date given by the demo's history, if any
    application_date: Mapped[date | None]  # the date the check used (the receipt date)
    received_on: Mapped[date | None]  # the day the bundle was received: documents are judged on it
    purpose: Mapped[str] = mapped_column(String(16), default=Purpose.selection)
    service_id: Mapped[int | None] = mapped_column(index=True)  # the service a re-review is of
    supplement_due: Mapped[date | None]
    withdrawn_at: Mapped[datetime | None]
    refusal: Mapped[str] = mapped_column(Text, default="")
    rehabilitation: Mapped[str] = mapped_column(Text, default="")  # a court's approval staff recorded
    company_name: Mapped[str] = mapped_column(String(200), default="")
    service_name: Mapped[str] = mapped_column(String(200), default="")
    check_generation: Mapped[int] = mapped_column(default=1)
    checked_generation: Mapped[int] = mapped_column(default=0)
    report: Mapped[dict[str, Any] | None]
    complete: Mapped[bool | None]
    checked_at: Mapped[datetime | None]
    failure: Mapped[str | None] = mapped_column(Text)
    decision: Mapped[str | None] = mapped_column(String(16))
    decision_reason: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    files: Mapped[list[ApplicationFile]] = relationship(
        back_populates="application", order_by="ApplicationFile.position", lazy="select"
    )


class ApplicationFile(Base):
    __tablename__ = "application_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    name: Mapped[str] = mapped_column(String(255))
    size: Mapped[int]
    position: Mapped[int]
    active: Mapped[bool] = mapped_column(default=True)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("application_files.id"))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    application: Mapped[Application] = relationship(back_populates="files")


class FieldCorrection(Base):
    """A value staff corrected in an extracted document; the history is every row, oldest first."""

    __tablename__ = "field_corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    document_type: Mapped[str] = mapped_column(String(40))
    document_index: Mapped[int] = mapped_column(default=0)
    field: Mapped[str] = mapped_column(String(80))
    old_value: Mapped[Any] = mapped_column(JSON(none_as_null=False))
    new_value: Mapped[Any] = mapped_column(JSON(none_as_null=False))
    reason: Mapped[str] = mapped_column(Text, default="")
    corrected_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Assignment(Base):
    """A reviewer assigned to an application, with the pre-filled form and the returned opinion."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("application_id", "reviewer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id"), index=True)
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    due_date: Mapped[date]
    form_document_id: Mapped[int | None] = mapped_column(ForeignKey("generated_documents.id"))
    assigned_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    assigned_at: Mapped[datetime] = mapped_column(default=utcnow)
    submitted_at: Mapped[datetime | None]
    overall: Mapped[str | None] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(Text, default="")

    opinions: Mapped[list[Opinion]] = relationship(order_by="Opinion.criterion", lazy="selectin")


class Opinion(Base):
    __tablename__ = "opinions"
    __table_args__ = (UniqueConstraint("assignment_id", "criterion"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id"), index=True)
    criterion: Mapped[str] = mapped_column(String(8))
    verdict: Mapped[str] = mapped_column(String(16))  # suitable (적합) | unsuitable (부적합)
    text: Mapped[str] = mapped_column(Text, default="")
