"""Input models shared by the API and the pages: one definition of what a request may carry.

A page's form is validated with the same model as the API's JSON body (`web.forms.parse` turns a
failure into one Korean sentence naming the field by its `title`). Form text is accepted as people
type it: an empty field is no value, money may carry commas and 원.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

Outcome = Literal["conforming", "supplement", "nonconforming", "re_review"]
MAX_ID = 2_147_483_647


class FormModel(BaseModel):
    """Empty strings are no value; text is trimmed."""

    @model_validator(mode="before")
    @classmethod
    def _blank_is_none(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: (None if isinstance(v, str) and not v.strip() else v) for k, v in data.items()}
        return data


def won(value: Any) -> Any:
    """`48,000,000원` → 48000000 (other values as they are, for the model to judge)."""
    if isinstance(value, str):
        digits = value.replace(",", "").replace("원", "").strip()
        return int(digits) if digits.isdigit() else value
    return value


class ContractIn(FormModel):
    name: str = Field(min_length=1, max_length=200, title="계약명")
    method: Literal["private", "catalog"] = Field(title="계약방법")
    amount: int = Field(ge=0, le=10**15, title="계약금액")
    contract_date: date = Field(title="계약일")
    start_date: date = Field(title="계약 시작일")
    end_date: date = Field(title="계약 종료일")
    service_ids: list[Annotated[int, Field(ge=1, le=MAX_ID)]] = Field(
        min_length=1, max_length=100, title="계약한 서비스"
    )
    contract_number: str | None = Field(default=None, max_length=100, title="계약번호")
    registered_on: date | None = Field(default=None, title="등록일")
    proposal_score: float | None = Field(default=None, ge=0, le=100, title="제안서 평가 점수")
    evaluation_date: date | None = Field(default=None, title="평가일")
    negotiation_date: date | None = Field(default=None, title="협상일")

    _won = field_validator("amount", mode="before")(won)


class ContractChangeIn(FormModel):
    change_date: date = Field(title="변경일")
    description: str = Field(min_length=1, max_length=5000, title="변경 내용")
    amount: int | None = Field(default=None, ge=0, le=10**15, title="변경 후 계약금액")
    end_date: date | None = Field(default=None, title="변경 후 종료일")
    registered_on: date | None = Field(default=None, title="등록일")

    _won = field_validator("amount", mode="before")(won)


RoundState = Literal["open", "closed", "reviewing", "committee", "finalised"]


class RoundIn(FormModel):
    name: str = Field(min_length=1, max_length=100, title="차수 이름")
    number: int = Field(ge=1, le=1000, title="차수 번호")
    committee_date: date | None = Field(default=None, title="위원회 개최일")


class RoundUpdate(FormModel):
    status: RoundState | None = Field(default=None, title="차수 단계")
    committee_date: date | None = Field(default=None, title="위원회 개최일")


class DecisionIn(FormModel):
    decision: Literal["selected", "not_selected"] = Field(title="결정")
    reason: str = Field(default="", max_length=5000, title="사유")
    decided_on: date | None = Field(default=None, title="결정일")

    @field_validator("reason", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value


class QualityResultIn(FormModel):
    month: str | None = Field(default=None, pattern=r"^(19|20)\d{2}-(0[1-9]|1[0-2])$", title="점검 월")
    result: Outcome = Field(title="점검 결과")
    reason: str = Field(default="", max_length=5000, title="사유")
    decision_date: date | None = Field(default=None, title="결정일")
    due_date: date | None = Field(default=None, title="보완 기한")
    posting_start: date | None = Field(default=None, title="게시 시작일")
    posting_end: date | None = Field(default=None, title="게시 종료일")

    @field_validator("reason", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value


class ItemCloseIn(FormModel):
    result: Outcome = Field(title="처리 결과")
    reason: str = Field(default="", max_length=5000, title="사유")
    due_date: date | None = Field(default=None, title="보완 기한")
    posting_end: date | None = Field(default=None, title="게시 종료일")

    @field_validator("reason", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return "" if value is None else value


class ServiceChangeIn(FormModel):
    """What a vendor asks to change (정보 변경 신청); at least one detail or a document."""

    spec: str | None = Field(default=None, max_length=20_000, title="상세규격")
    price: int | None = Field(default=None, ge=0, le=10**15, title="가격")
    price_unit: str | None = Field(default=None, max_length=100, title="가격 단위")
    contact_name: str | None = Field(default=None, max_length=100, title="담당자 이름")
    contact_phone: str | None = Field(default=None, max_length=40, title="담당자 전화")
    contact_email: str | None = Field(default=None, max_length=254, title="담당자 전자우편")
    description: str | None = Field(default=None, max_length=5000, title="변경 사유")

    _won = field_validator("price", mode="before")(won)

    def changes(self) -> dict[str, Any]:
        return self.model_dump(exclude={"description"}, exclude_none=True)


class ChangeDecisionIn(FormModel):
    touches_criteria: bool = Field(title="선정기준 관련 여부")
    note: str | None = Field(default=None, max_length=5000, title="검토 의견")


class ServiceEventIn(FormModel):
    kind: str = Field(min_length=1, max_length=32, title="사유의 종류")
    event_date: date | None = Field(default=None, title="발생일")
    detail: str | None = Field(default=None, max_length=5000, title="내용")


class WithdrawIn(FormModel):
    reason: str | None = Field(default=None, max_length=2000, title="철회 사유")


class RehabilitationIn(FormModel):
    note: str = Field(min_length=1, max_length=2000, title="법원 결정")


class CatalogueQuery(FormModel):
    """An agency's requirements for the catalogue search."""

    q: str | None = Field(default=None, max_length=100, title="검색어")
    category: Literal["cloud_computing", "cloud_support", "convergence"] | None = Field(
        default=None, title="구분"
    )
    model: Literal["IaaS", "PaaS", "SaaS"] | None = Field(default=None, title="서비스 모델")
    support_type: Literal["consulting", "operations", "migration"] | None = Field(
        default=None, title="지원 유형"
    )
    provider_type: Literal["original", "reseller"] | None = Field(default=None, title="제공자 유형")
    csap_type: Literal["IaaS", "PaaS", "SaaS", "DaaS"] | None = Field(default=None, title="CSAP 인증 유형")
    csap_grade: Literal["표준", "간편", "상", "중", "하"] | None = Field(default=None, title="CSAP 등급")
    company: str | None = Field(default=None, max_length=100, title="기업명")
