"""Request and response bodies of the API (pydantic), shaped from the store's rows."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from dsreview.api.params import BodyId
from dsreview.api.schemas_services import (
    CatalogueEntry,
    DueCheckOut,
    PostingOut,
    PublicPosting,
    QualityCheckOut,
    QualityResultOut,
    ServiceChangeOut,
    ServiceEventOut,
    ServiceOut,
)
from dsreview.services.inputs import (
    CatalogueQuery,
    ChangeDecisionIn,
    ContractChangeIn,
    ContractIn,
    DecisionIn,
    ItemCloseIn,
    QualityResultIn,
    RehabilitationIn,
    RoundIn,
    RoundUpdate,
    ServiceChangeIn,
    ServiceEventIn,
    WithdrawIn,
)

__all__ = [  # the inputs the pages share and the services' outputs, re-exported for the routes
    "CatalogueEntry",
    "CatalogueQuery",
    "ChangeDecisionIn",
    "ContractChangeIn",
    "ContractIn",
    "DecisionIn",
    "DueCheckOut",
    "ItemCloseIn",
    "PostingOut",
    "PublicPosting",
    "QualityCheckOut",
    "QualityResultIn",
    "QualityResultOut",
    "RehabilitationIn",
    "RoundIn",
    "RoundUpdate",
    "ServiceChangeIn",
    "ServiceChangeOut",
    "ServiceEventIn",
    "ServiceEventOut",
    "ServiceOut",
    "WithdrawIn",
]

Verdict = Literal["suitable", "unsuitable", "not_applicable"]


class Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ErrorOut(BaseModel):
    code: str = Field(description="stable error code")
    message: str = Field(description="한국어 설명")
    detail: dict[str, Any] | None = None


class TokenOut(BaseModel):
    access_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int


class UserOut(Out):
    id: int
    email: str
    role: str
    name: str
    organisation_id: int | None


class UserIn(BaseModel):
    email: str = Field(max_length=254)
    password: str = Field(min_length=8, max_length=200)
    role: Literal["vendor", "staff", "reviewer", "agency"]
    name: str = Field(default="", max_length=100)
    org_brn: str | None = Field(default=None, max_length=20)
    org_name: str | None = Field(default=None, max_length=200)


class FileOut(Out):
    id: int
    name: str
    size: int
    sha256: str
    position: int
    active: bool
    replaces_id: int | None
    created_at: datetime


class JobOut(BaseModel):
    id: int
    kind: str
    status: str
    stage: str
    done: int
    total: int
    attempts: int
    error: str | None
    result: dict[str, Any] | None
    created_at: datetime
    finished_at: datetime | None


class Accepted(BaseModel):
    id: int
    status: str


class ApplicationStatusOut(Out):
    id: int
    number: str | None
    status: str
    complete: bool | None
    updated_at: datetime
    job: JobOut | None = None


class ApplicationSummary(Out):
    id: int
    number: str | None
    status: str
    round_id: int
    organisation_id: int
    company_name: str
    service_name: str
    application_date: date | None
    complete: bool | None
    created_at: datetime
    updated_at: datetime
    received_on: date | None
    purpose: str
    service_id: int | None
    submitted_by: int | None
    supplement_due: date | None
    refusal: str


class ApplicationOut(ApplicationSummary):
    report: dict[str, Any] | None = Field(description="the JSON of `dsreview check --json`")
    failure: str | None
    decision: str | None
    decision_reason: str
    decided_on: date | None
    requested_date: date | None
    checked_at: datetime | None
    files: list[FileOut]
    job: JobOut | None = None
    rehabilitation: str
    submitter: UserOut | None = Field(default=None, description="the account that submitted it")


class CorrectionIn(BaseModel):
    document: str = Field(max_length=40, description="document type, e.g. credit_rating")
    index: int = Field(default=0, ge=0, le=100, description="which document of that type (0: the first)")
    field: str = Field(max_length=80)
    value: Any = Field(description="the corrected value, in the field's normal form")
    reason: str = Field(default="", max_length=2000)


class CorrectionOut(Out):
    id: int
    document_type: str
    document_index: int
    field: str
    old_value: Any
    new_value: Any
    reason: str
    corrected_by: int | None
    created_at: datetime


class SupplementIn(BaseModel):
    due_date: date | None = None


class AssignIn(BaseModel):
    reviewer_ids: list[BodyId] = Field(min_length=1, max_length=50)
    due_date: date | None = None


class OpinionItem(BaseModel):
    verdict: Verdict
    text: str = Field(default="", max_length=10_000)


class OpinionIn(BaseModel):
    criteria: dict[str, OpinionItem] = Field(
        description="criterion id (1, 2-1, 2-2, 3-1, 3-2, 3-3) → opinion"
    )
    overall: Literal["suitable", "unsuitable"]
    summary: str = Field(default="", max_length=10_000)


class OpinionOut(Out):
    criterion: str
    verdict: str
    text: str


class AssignmentOut(Out):
    id: int
    application_id: int
    reviewer_id: int
    due_date: date
    form_document_id: int | None
    assigned_at: datetime
    submitted_at: datetime | None
    overall: str | None
    summary: str
    opinions: list[OpinionOut]


class SiteVisit(BaseModel):
    date: date
    place: str = Field(min_length=1, max_length=500)
    participants: list[str] = Field(min_length=1, max_length=50)
    summary: str = Field(min_length=1, max_length=10_000)


class ReviewReportIn(BaseModel):
    conclusion: Literal["suitable", "unsuitable"] | None = None
    summary: str | None = Field(default=None, max_length=10_000)
    site_visit: SiteVisit | None = None


class DocumentOut(Out):
    id: int
    kind: str
    title: str
    docx_sha256: str
    pdf_sha256: str | None
    pdf_status: str
    input_sha256: str
    template_version: str
    application_id: int | None
    service_id: int | None
    contract_id: int | None
    round_id: int | None
    public: bool
    created_at: datetime


class RoundOut(Out):
    id: int
    name: str
    number: int
    committee_date: date | None
    status: str = Field(description="open → closed → reviewing → committee → finalised")
    status_name: str = ""
    waiting_for: str = Field(default="", description="what the round waits for, in Korean")
    next_status: str | None = None


class PublishIn(BaseModel):
    service_ids: list[BodyId] = Field(min_length=1, max_length=1000)


class ContractChangeOut(Out):
    id: int
    change_date: date
    description: str
    amount: int | None
    end_date: date | None
    registered_on: date
    deadline: date
    late: bool


class ContractOut(Out):
    id: int
    agency_id: int
    name: str
    method: str
    amount: int
    contract_date: date
    start_date: date
    end_date: date
    registered_on: date
    deadline: date
    late: bool
    proposal_score: float | None
    evaluation_date: date | None
    qualified: bool | None
    negotiation_date: date | None
    negotiation_deadline: date | None
    negotiation_late: bool | None
    services: list[ServiceOut]
    changes: list[ContractChangeOut]
    flags: list[str] = []
    documents: list[DocumentOut] = []


class SanctionsOut(Out):
    id: int
    sha256: str
    name: str
    row_count: int
    uploaded_at: datetime
    rechecks: int = 0


class AuditEventOut(Out):
    id: int
    at: datetime
    actor_id: int | None
    actor_role: str
    action: str
    subject_type: str
    subject_id: int | None
    data: dict[str, Any]
    files: list[Any]


class Health(BaseModel):
    status: Literal["ok"]
    database: str
    schema_revision: str | None
    queue: str
    storage: str
