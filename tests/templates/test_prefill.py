"""Review opinion and supplement request pre-filled from a check report (`dsreview check --json`)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from dsreview.config import Settings
from dsreview.domain import Report
from dsreview.errors import DataValidationError
from dsreview.templates.prefill import (
    criteria_titles,
    display,
    review_opinion_data,
    supplement_request_data,
)
from dsreview.templates.render import render
from tests.templates.conftest import SAMPLES, docx_text, sample


def _report() -> Report:
    return Report.model_validate(json.loads((SAMPLES / "check_report.json").read_text(encoding="utf-8")))


def _request(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SAMPLES / f"{name}.request.json").read_text(encoding="utf-8"))
    return data


def test_the_samples_are_what_prefill_builds_from_the_sample_report(settings: Settings) -> None:
    report = _report()
    assert review_opinion_data(report, _request("review_opinion"), settings=settings) == sample(
        "review_opinion"
    )
    assert supplement_request_data(report, _request("supplement_request"), settings=settings) == sample(
        "supplement_request"
    )


def test_the_review_opinion_shows_the_report(settings: Settings) -> None:
    data = review_opinion_data(_report(), _request("review_opinion"), settings=settings)
    statuses = {c["id"]: c["status"] for c in data["criteria"]}
    assert statuses == {
        "1": "review",
        "2-1": "review",
        "2-2": "review",
        "3-1": "exempt",
        "3-2": "review",
        "3-3": "pass",
    }
    checklist = {c["document"]: c for c in data["checklist"]}
    assert checklist["디지털서비스 공급 및 기술지원 협약서"]["submitted"] is False
    assert checklist["디지털서비스 공급 및 기술지원 협약서"]["requirement"] == "conditional"
    assert checklist["신용평가등급확인서"]["findings"]  # the expiry concerns the document too
    assert data["general_findings"] == [
        "파일 「08_SLA.pdf」의 3쪽은 어떤 제출서류인지 확인할 수 없습니다. 불필요한 쪽이면 빼고, "
        "필요한 서류라면 제목이 보이도록 다시 제출해 주십시오."
    ]
    appendix = {d["document"]: {f["label"]: f["value"] for f in d["fields"]} for d in data["extracted"]}
    assert appendix["법인 등기사항전부증명서"]["자본금의 액"] == "850,000,000"
    assert appendix["법인 등기사항전부증명서"]["발행일"] == "—"
    assert appendix["디지털서비스 심사 신청서"]["서비스 구분"] == "클라우드컴퓨팅서비스"
    assert appendix["신용평가등급확인서"]["평가일"] == "2023. 2. 10."
    assert appendix["서비스 수준 정책서"]["모니터링 정보 제공"] == "예"
    # every field of every document with fields is in the appendix
    assert sum(len(d["fields"]) for d in data["extracted"]) == sum(len(d.fields) for d in _report().documents)
    text = docx_text(render("review_opinion", data, settings=settings).docx)
    assert "□ 적합" in text
    assert "검토 의견" in text


def test_due_dates_default_to_the_policy_periods(settings: Settings) -> None:
    request = _request("review_opinion")
    request.pop("due_date")
    assert review_opinion_data(_report(), request, settings=settings)["due_date"] == "2024-03-27"
    data = supplement_request_data(_report(), _request("supplement_request"), settings=settings)
    assert data["due_date"] == "2024-03-28"  # issued 3/18 + 10 days


def test_only_what_the_vendor_can_fix_is_requested(settings: Settings) -> None:
    data = supplement_request_data(_report(), _request("supplement_request"), settings=settings)
    documents = [i["document"] for i in data["items"]]
    assert documents[0] == "법인 등기사항전부증명서"  # in the order of the required-document table
    assert "제출 파일 「08_SLA.pdf」" in documents
    assert all("제재" not in p for i in data["items"] for p in i["problems"])  # info findings stay out


def test_nothing_to_supplement_is_refused(settings: Settings) -> None:
    report = _report().model_copy(
        update={"findings": [f for f in _report().findings if f.severity == "info"]}
    )
    with pytest.raises(DataValidationError) as caught:
        supplement_request_data(report, _request("supplement_request"), settings=settings)
    assert caught.value.pointer == "/findings"


def test_without_an_application_form_the_request_names_the_recipient(settings: Settings) -> None:
    report = _report()
    report = report.model_copy(
        update={"documents": [d for d in report.documents if d.type != "application_form"]}
    )
    with pytest.raises(DataValidationError) as caught:
        supplement_request_data(report, _request("supplement_request"), settings=settings)
    assert caught.value.pointer == "/recipient"
    request = {
        **_request("supplement_request"),
        "recipient": {"company_name": "주식회사 하늘클라우드", "representative": "김민준"},
        "service_name": "하늘 클라우드 스토리지",
    }
    assert (
        supplement_request_data(report, request, settings=settings)["recipient"]["representative"] == "김민준"
    )


def test_an_empty_report_still_gives_a_form(settings: Settings) -> None:
    report = Report(application_date=None, complete=False)
    data = review_opinion_data(report, _request("review_opinion"), settings=settings)
    assert all(not c["submitted"] for c in data["checklist"])
    assert {c["requirement"] for c in data["checklist"]} == {"always"}
    assert all(c["status"] == "review" for c in data["criteria"])
    render("review_opinion", data, settings=settings)


def test_a_bad_request_names_the_field(settings: Settings) -> None:
    request = _request("review_opinion")
    del request["reviewer"]
    with pytest.raises(DataValidationError) as caught:
        review_opinion_data(_report(), request, settings=settings)
    assert caught.value.pointer == "/reviewer"


def test_display_of_extracted_values() -> None:
    assert display("2024-03-15") == "2024. 3. 15."
    assert display(850000000) == "850,000,000"
    assert display(99.95) == "99.95"
    assert display(True) == "예"
    assert display(None) == "—"
    assert display(["가", "나"]) == "가, 나"
    assert display([{"item": "보안관제", "responsible": "shared"}]) == "보안관제: 공동"
    assert display("reseller", "provider_type") == "중개 제공자"


def test_criteria_titles() -> None:
    assert criteria_titles()["2-1"] == "경영상태"
    assert list(criteria_titles()) == ["1", "2-1", "2-2", "3-1", "3-2", "3-3"]
