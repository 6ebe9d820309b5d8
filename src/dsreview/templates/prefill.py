"""Render data built from a check report (`dsreview check --json`): review opinion, supplement request.

    data = review_opinion_data(report, {"application_number": "DS-2024-0123", "issue_date": "2024-03-20",
                                        "reviewer": {"name": "정유진", "affiliation": "한국대학교"}},
                               settings=settings)
    render("review_opinion", data, settings=settings)

The request holds what the report does not know (numbers, dates, the reviewer); its schema is
`forms/render/<kind>.request.schema.json`. Due dates default to the policy's periods counted as
the Civil Act does. The result is validated against the kind's schema before it is returned.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, Finding, Report
from dsreview.errors import DataValidationError
from dsreview.forms import document_spec, document_types, load_policy, title_of
from dsreview.templates.checklist import FindingView
from dsreview.templates.checklist import checklist as checklist_of
from dsreview.templates.filters import kdate, label, labels
from dsreview.templates.kinds import validate, validate_schema
from dsreview.validators import periods

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODED_FIELDS = ("service_category", "service_model", "support_type", "provider_type")


def _read(name: str) -> Any:
    return json.loads(resources.files("dsreview.forms").joinpath("render", name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def criteria() -> tuple[dict[str, str], ...]:
    """The review criteria (id, title, detail) in order, from `forms/render/criteria.json`."""
    return tuple(dict(c) for c in _read("criteria.json")["criteria"])


def criteria_titles() -> dict[str, str]:
    """Criterion id → Korean title (`"2-1"` → `"경영상태"`)."""
    return {c["id"]: c["title"] for c in criteria()}


@lru_cache(maxsize=1)
def _actions() -> dict[str, str]:
    actions: dict[str, str] = _read("supplement_actions.json")["actions"]
    return actions


def display(value: Any, field: str | None = None) -> str:
    """An extracted value as a reviewer reads it: dates `2024. 3. 15.`, amounts with commas, labels."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return "예" if value else "아니오"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            try:
                return kdate(value)
            except ValueError:
                return value
        if field in _CODED_FIELDS:
            return label(value, field)
        return value
    if isinstance(value, Mapping):
        if set(value) == {"item", "responsible"}:
            return f"{display(value['item'])}: {label(value['responsible'], 'responsible')}"
        return ", ".join(f"{k}: {display(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(display(v) for v in value)
    return str(value)


def _first(report: Report, doc_type: str) -> ExtractedDocument | None:
    return next((d for d in report.documents if d.type == doc_type), None)


def _form(report: Report) -> dict[str, Any]:
    form = _first(report, "application_form")
    return dict(form.fields) if form else {}


def _coded(value: Any, group: str) -> str | None:
    return value if isinstance(value, str) and value in labels(group) else None


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _validated_request(name: str, request: Mapping[str, Any]) -> dict[str, Any]:
    validate_schema(f"{name}.request", request)
    return dict(request)


def _messages(findings: list[Finding]) -> list[str]:
    return [f.message for f in findings if f.message.strip()]


def review_opinion_data(report: Report, request: Mapping[str, Any], *, settings: Settings) -> dict[str, Any]:
    """The pre-filled review opinion of one reviewer (schema `review_opinion`)."""
    req = _validated_request("review_opinion", request)
    policy = load_policy(settings.policy_file)
    issue = date.fromisoformat(req["issue_date"])
    due = req.get("due_date") or periods.review_due(issue, policy=policy).isoformat()
    form = _form(report)
    registration = _first(report, "business_registration")
    reg = dict(registration.fields) if registration else {}

    view = checklist_of(report)
    checklist = [
        {
            "document": row.title,
            "requirement": "always" if row.requirement == "always" else "conditional",
            "submitted": row.submitted,
            "findings": _messages([v.finding for v in row.findings]),
        }
        for row in view.documents
    ]
    general = [v.finding for v in view.general]
    data = {
        "application_number": req["application_number"],
        "issue_date": req["issue_date"],
        "due_date": due,
        "application_date": report.application_date.isoformat() if report.application_date else None,
        "reviewer": {"name": req["reviewer"]["name"], "affiliation": req["reviewer"].get("affiliation")},
        "applicant": {
            "company_name": _text(form.get("company_name")) or _text(reg.get("company_name")),
            "representative": _text(form.get("representative")) or _text(reg.get("representative")),
            "business_registration_number": _text(form.get("business_registration_number"))
            or _text(reg.get("registration_number")),
        },
        "service": {
            "service_name": _text(form.get("service_name")),
            **{field: _coded(form.get(field), field) for field in _CODED_FIELDS},
        },
        "complete": report.complete,
        "checklist": checklist,
        "general_findings": _messages(general),
        "criteria": [
            {
                "id": c["id"],
                "title": c["title"],
                "status": str(report.criteria.get(c["id"]) or "review"),
                "findings": _messages([f for f in report.findings if f.criterion == c["id"]]),
            }
            for c in criteria()
        ],
        "extracted": [
            {
                "document": title_of(d.type),
                "source": d.source,
                "pages": list(d.pages),
                "fields": [
                    {"label": _field_label(d.type, name), "value": display(value, name)}
                    for name, value in d.fields.items()
                ],
            }
            for d in report.documents
            if d.fields
        ],
    }
    validate("review_opinion", data)
    return data


def _field_label(doc_type: str, name: str) -> str:
    return document_spec(doc_type).label(name) if doc_type in document_types() else name


def supplement_request_data(
    report: Report, request: Mapping[str, Any], *, settings: Settings
) -> dict[str, Any]:
    """The supplement request for a checked bundle (schema `supplement_request`).

    Only findings listed in `forms/render/supplement_actions.json` are put to the vendor, grouped by
    document, each group with what to submit. Raises `DataValidationError` when there is nothing to
    ask for, or when the report cannot name the recipient or the service and the request does not.
    """
    req = _validated_request("supplement_request", request)
    policy = load_policy(settings.policy_file)
    issue = date.fromisoformat(req["issue_date"])
    due = req.get("due_date") or periods.supplement_due(issue, policy=policy).isoformat()
    form = _form(report)
    recipient = req.get("recipient") or {
        "company_name": _text(form.get("company_name")),
        "representative": _text(form.get("representative")),
    }
    if not recipient["company_name"] or not recipient["representative"]:
        raise DataValidationError(
            "수신 기업과 대표자를 신청서에서 알 수 없습니다: 요청 데이터의 recipient 에 지정하십시오",
            pointer="/recipient",
        )
    service_name = req.get("service_name") or _text(form.get("service_name"))
    if not service_name:
        raise DataValidationError(
            "서비스명을 신청서에서 알 수 없습니다: 요청 데이터의 service_name 에 지정하십시오",
            pointer="/service_name",
        )
    if report.application_date is None:
        raise DataValidationError(
            "검토 보고서에 신청일(application_date)이 없습니다", pointer="/application_date"
        )

    view = checklist_of(report)
    asked = {id(v.finding) for v in view.asks}
    groups: list[tuple[str, list[FindingView]]] = [
        (row.title, [v for v in row.findings if id(v.finding) in asked]) for row in view.documents
    ]
    by_file: dict[str, list[FindingView]] = {}
    for v in view.general:
        if id(v.finding) in asked:
            key = f"제출 파일 「{v.finding.source}」" if v.finding.source else "제출서류 전반"
            by_file.setdefault(key, []).append(v)
    items = []
    for title, found in [*groups, *by_file.items()]:
        if not found:
            continue
        wanted = list(dict.fromkeys(v.action for v in found if v.action))
        items.append(
            {
                "document": title,
                "problems": _messages([v.finding for v in found]),
                "request": "\n".join(wanted),
            }
        )
    if not items:
        raise DataValidationError(
            "보완을 요청할 확인 결과가 없습니다 (no findings to supplement)", pointer="/findings"
        )
    data: dict[str, Any] = {
        "document_number": req["document_number"],
        "issue_date": req["issue_date"],
        "recipient": {
            "company_name": recipient["company_name"],
            "representative": recipient["representative"],
        },
        "via": req.get("via"),
        "application_number": req["application_number"],
        "service_name": service_name,
        "application_date": report.application_date.isoformat(),
        "due_date": due,
        "items": items,
    }
    if req.get("attachments"):
        data["attachments"] = list(req["attachments"])
    validate("supplement_request", data)
    return data
