"""Edge-case data for every kind, from its sample: minimal, many rows, long text, special characters."""

from __future__ import annotations

import copy
from typing import Any

from tests.templates.conftest import sample

SPECIAL = "R&D <AI> \"큰따옴표\" '작은따옴표' {{ 중괄호 }} {% 태그 %} 100% ①②③ ·※"
LONG_NAME = "초거대 인공지능 기반 공공기관 통합 민원 분석 및 자동 응답 클라우드 서비스 " * 3
# Numbered sentences, so that every piece of the text is unique (a row split across pages interleaves).
LONG_TEXT = " ".join(
    f"{i}번째로 확인된 사유는 선정 기준 제{i}항에 적합하지 않은 운영 사례입니다." for i in range(1, 41)
)


def minimal(kind: str) -> dict[str, Any]:
    """The sample without its optional sections (nulls, empty lists, no attachments)."""
    data = sample(kind)
    data.pop("attachments", None)
    data.pop("via", None)
    if kind == "selection_notice":
        data["services"] = data["services"][:1]
    elif kind == "review_opinion":
        data.update(general_findings=[], extracted=[])
        data["reviewer"]["affiliation"] = None
        for c in data["checklist"]:
            c["findings"] = []
        for c in data["criteria"]:
            c["findings"] = []
        data["applicant"] = {
            "company_name": None,
            "representative": None,
            "business_registration_number": None,
        }
        data["service"] = dict.fromkeys(data["service"])
        data["application_date"] = None
    elif kind == "review_report":
        data["site_visit"] = None
        data["reviewers"] = data["reviewers"][:1]
        data["reviewers"][0].pop("affiliation")
    elif kind == "contract_info":
        data["change"] = None
        data["agency"] = {"name": data["agency"]["name"]}
        data["contract_number"] = None
        for s in data["services"]:
            s.pop("selection_number")
            s.pop("amount")
    return data


def many_rows(kind: str, n: int = 200) -> dict[str, Any]:
    """The sample with `n` rows in its table, long names that must wrap inside their cells."""
    data = sample(kind)
    if kind in ("selection_notice", "nonconformance_posting", "contract_info"):
        template = data["services"][0]
        rows = []
        for i in range(n):
            row = copy.deepcopy(template)
            row["service_name"] = f"{LONG_NAME.strip()} {i + 1}호" if i % 10 == 0 else f"서비스 {i + 1}"
            if "selection_number" in row:
                row["selection_number"] = f"DS-2024-{i + 1:04d}"
            rows.append(row)
        data["services"] = rows
    elif kind == "supplement_request":
        data["items"] = [
            {
                "document": f"제출서류 {i + 1}",
                "problems": [f"{i + 1}번째 확인 결과", LONG_TEXT[:200]],
                "request": f"서류 {i + 1} 제출",
            }
            for i in range(n)
        ]
    elif kind == "review_opinion":
        data["extracted"] = [
            {
                "document": "디지털서비스 심사 신청서",
                "source": "01_신청서.pdf",
                "pages": [1],
                "fields": [{"label": f"항목 {i + 1}", "value": f"값 {i + 1}"} for i in range(n)],
            }
        ]
    elif kind == "review_report":
        reviewer = data["reviewers"][0]
        data["reviewers"] = [
            {**copy.deepcopy(reviewer), "name": f"검토위원{i + 1}"} for i in range(max(1, n // 10))
        ]
    return data


def long_text(kind: str) -> dict[str, Any]:
    """The sample with its free-text fields at thousands of characters."""
    data = sample(kind)
    if kind == "selection_notice":
        data["services"][0]["service_name"] = LONG_NAME[:480]
    elif kind == "supplement_request":
        data["items"][0]["problems"] = [LONG_TEXT, "둘째 줄\n셋째 줄"]
    elif kind == "nonconformance_posting":
        data["services"][0]["reason"] = LONG_TEXT
    elif kind == "review_opinion":
        data["criteria"][0]["findings"] = [LONG_TEXT]
    elif kind == "review_report":
        data["reviewers"][0]["opinion"] = LONG_TEXT
        data["conclusion"]["summary"] = LONG_TEXT
    elif kind == "contract_info":
        data["change"]["description"] = LONG_TEXT
        data["contract_name"] = LONG_NAME[:480]
    return data


def special(kind: str) -> dict[str, Any]:
    """The sample with markup-like characters in its names, to be printed exactly as written."""
    data = sample(kind)
    if kind in ("selection_notice", "nonconformance_posting", "contract_info"):
        data["services"][0]["service_name"] = SPECIAL
    elif kind == "supplement_request":
        data["service_name"] = SPECIAL
    elif kind == "review_opinion":
        data["reviewer"]["name"] = SPECIAL
    elif kind == "review_report":
        data["service"]["service_name"] = SPECIAL
    return data


CASES = {"minimal": minimal, "many_rows": many_rows, "long_text": long_text, "special": special}
