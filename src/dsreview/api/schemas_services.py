"""Response bodies about selected services: the catalogue, quality checks, changes, events, postings."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ServiceOut(Out):
    id: int
    application_id: int
    organisation_id: int
    round_id: int
    name: str
    company_name: str
    category: str | None
    model: str | None
    support_type: str | None
    provider_type: str | None
    selection_number: str
    selection_date: date
    status: str
    listed_at: datetime | None
    removed_on: date | None
    removal_reason: str
    spec: str
    price: int | None
    price_unit: str
    contact_name: str
    contact_phone: str
    contact_email: str
    csap_type: str | None
    csap_grade: str | None
    csap_valid_until: date | None
    credit_valid_until: date | None
    current_application_id: int | None


class CatalogueEntry(Out):
    id: int
    name: str
    company_name: str
    category: str | None
    model: str | None
    support_type: str | None
    provider_type: str | None
    selection_number: str
    selection_date: date
    spec: str
    price: int | None
    price_unit: str
    contact_name: str
    contact_phone: str
    contact_email: str
    csap_type: str | None
    csap_grade: str | None
    csap_valid_until: date | None


class QualityCheckOut(Out):
    id: int
    service_id: int
    month: str
    self_check_sha256: str | None
    self_check_name: str | None
    submitted_at: datetime | None
    result: str | None
    reason: str
    checked_on: date | None
    due_date: date | None
    application_id: int | None
    self_check_report: dict[str, Any] | None


class ServiceChangeOut(Out):
    id: int
    service_id: int
    created_at: datetime
    changes: dict[str, Any]
    before: dict[str, Any]
    description: str
    files: list[Any]
    status: str = Field(description="submitted → applied | re_review → applied | rejected")
    touches_criteria: bool | None
    note: str
    decided_on: date | None
    application_id: int | None
    applied_on: date | None


class ServiceEventOut(Out):
    id: int
    service_id: int
    source: str = Field(description="vendor (고시 제7조) | watch (상시점검)")
    kind: str
    event_date: date | None
    detail: str
    file_name: str | None
    created_at: datetime
    status: str
    outcome: str | None
    note: str
    due_date: date | None
    application_id: int | None
    handled_on: date | None


class PostingOut(Out):
    id: int
    service_id: int
    reason: str
    decision_date: date
    start_date: date
    end_date: date
    document_id: int | None


class PublicPosting(BaseModel):
    id: int
    service_name: str
    company_name: str
    selection_number: str
    reason: str
    decision_date: date
    start_date: date
    end_date: date
    document_id: int | None


class QualityResultOut(BaseModel):
    check: QualityCheckOut
    posting: PostingOut | None


class DueCheckOut(BaseModel):
    service: ServiceOut
    check: QualityCheckOut | None
