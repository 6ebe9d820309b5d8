"""The review rules of DOMAIN §6 on documents built from a sample's ground truth, one change at a time."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

import pytest

from dsreview.domain import ExtractedDocument, Report
from dsreview.forms import load_policy
from dsreview.validators.bundle import check_bundle
from dsreview.validators.sanctions import parse_sanctions
from dsreview.validators.schema import _labels
from tests.corpus import truth

APPLIED = date(2024, 3, 15)


def documents(case: str = "S01") -> dict[str, ExtractedDocument]:
    t = truth(case)
    return {
        d["type"]: ExtractedDocument(
            type=d["type"], source=d["file"], pages=d.get("pages", [1]), fields=copy.deepcopy(d["fields"])
        )
        for d in t["documents"]
    }


def check(
    docs: dict[str, ExtractedDocument], *, day: date = APPLIED, sanctions: str | None = "", lang: str = "ko"
) -> Report:
    rows = (
        None
        if sanctions is None
        else parse_sanctions(
            "business_registration_number,company_name,sanction_start,sanction_end,reason\n" + sanctions
        )
    )
    return check_bundle(
        list(docs.values()), application_date=day, policy=load_policy(), sanctions=rows, lang=lang
    )


def codes(report: Report) -> set[str]:
    return {f.key() for f in report.findings} | {f.code for f in report.findings}


def test_a_clean_bundle_passes_everything() -> None:
    report = check(documents())
    assert report.complete, report.findings
    assert report.findings == []
    assert {k: v.value for k, v in report.criteria.items()} == {
        "1": "pass",
        "2-1": "pass",
        "2-2": "pass",
        "3-1": "exempt",
        "3-2": "pass",
        "3-3": "pass",
    }


def test_missing_documents_follow_the_table() -> None:
    docs = documents()
    del docs["sla_policy"], docs["capability_evidence"]
    report = check(docs)
    assert {"missing_document:sla_policy", "missing_document:capability_evidence"} <= codes(report)
    assert not report.complete
    assert report.criteria["1"] == "review"  # a document of the claimed category is missing
    # a cloud support service needs neither CSAP nor SLA
    docs = documents()
    docs["application_form"].fields.update(
        service_category="cloud_support", service_model=None, support_type="consulting"
    )
    del docs["sla_policy"], docs["csap_certificate"]
    report = check(docs)
    assert report.complete
    assert report.criteria["1"] == "pass"
    assert report.criteria["3-1"] == report.criteria["3-2"] == report.criteria["3-3"] == "review"


@pytest.mark.parametrize(
    ("grade", "years", "status", "code"),
    [
        ("B-", 10, "pass", None),
        ("CCC+", 10, "fail", "credit_rating_below_threshold"),
        ("CCC+", 2.9, "exempt", "startup_exemption_applied"),
        ("D", 1, "exempt", "startup_exemption_applied"),
        ("NR", 10, "review", "credit_rating_unrated"),
    ],
)
def test_credit_threshold_and_startup_exemption(
    grade: str, years: float, status: str, code: str | None
) -> None:
    docs = documents()
    docs["credit_rating"].fields["rating"] = grade
    founded = (
        date(APPLIED.year - int(years), APPLIED.month, APPLIED.day)
        if years == int(years)
        else date(2021, 6, 1)
    )
    docs["corporate_registry"].fields["incorporation_date"] = founded.isoformat()
    report = check(docs)
    assert report.criteria["2-1"] == status
    if code:
        assert code in codes(report)
    assert report.complete  # a low grade fails a criterion, it does not make the bundle incomplete


def test_startup_exemption_ends_on_the_third_anniversary() -> None:
    docs = documents()
    docs["credit_rating"].fields["rating"] = "CCC"
    docs["corporate_registry"].fields["incorporation_date"] = "2021-03-15"
    assert check(docs).criteria["2-1"] == "exempt"
    docs["corporate_registry"].fields["incorporation_date"] = "2021-03-14"
    assert check(docs).criteria["2-1"] == "fail"


def test_startup_falls_back_to_the_opening_date() -> None:
    docs = documents()
    docs["credit_rating"].fields["rating"] = "CCC"
    del docs["corporate_registry"]
    docs["business_registration"].fields["opening_date"] = "2023-01-02"
    assert check(docs).criteria["2-1"] == "exempt"


@pytest.mark.parametrize(
    ("until", "status", "code"),
    [
        ("2024-03-14", "review", "credit_rating_expired"),
        ("2024-03-15", "pass", "credit_rating_expiring"),
        ("2024-04-14", "pass", "credit_rating_expiring"),
        ("2024-04-15", "pass", None),
    ],
)
def test_credit_certificate_validity_on_the_application_date(
    until: str, status: str, code: str | None
) -> None:
    docs = documents()
    docs["credit_rating"].fields.update(valid_from="2023-04-16", valid_until=until)
    report = check(docs)
    assert report.criteria["2-1"] == status
    assert (
        (code in codes(report))
        if code
        else not {"credit_rating_expired", "credit_rating_expiring"} & codes(report)
    )
    assert report.complete is (code != "credit_rating_expired")


def test_sanctions_list() -> None:
    docs = documents()
    brn = docs["business_registration"].fields["registration_number"]
    assert check(docs, sanctions=None).criteria["2-2"] == "review"
    assert "sanctions_unavailable" in codes(check(docs, sanctions=None))
    active = check(docs, sanctions=f"{brn},x,2024-01-01,2024-03-15,허위서류\n")
    assert active.criteria["2-2"] == "fail"
    assert "sanctioned_vendor" in codes(active)
    assert active.complete
    ended = check(docs, sanctions=f"{brn},x,2023-01-01,2024-03-14,허위서류\n")
    assert ended.criteria["2-2"] == "pass"
    other = check(docs, sanctions="220-81-62517,y,2024-01-01,2025-01-01,계약불이행\n")
    assert other.criteria["2-2"] == "pass"


def test_csap_validity_education_and_service() -> None:
    docs = documents()
    docs["csap_certificate"].fields["valid_until"] = "2024-03-14"
    report = check(docs)
    assert report.criteria["3-1"] == "review"
    assert "csap_expired" in codes(report)
    assert not report.complete
    docs = documents()
    docs["csap_certificate"].fields["service_name"] = "전혀 다른 보안관제"
    report = check(docs)
    assert report.criteria["3-1"] == "review"
    assert "csap_service_mismatch" in codes(report)
    assert report.complete
    docs = documents()
    docs["application_form"].fields["education_exempt"] = True
    del docs["csap_certificate"]
    report = check(docs)
    assert report.complete
    assert "csap_exempt_education" in codes(report)
    assert report.criteria["3-1"] == "review"


@pytest.mark.parametrize(
    ("field", "value", "criterion"),
    [
        ("availability_percent", None, "3-2"),
        ("monitoring", False, "3-2"),
        ("backup_frequency", None, "3-2"),
        ("rto_hours", None, "3-2"),
        ("rpo_hours", None, "3-2"),
        ("support_hours", None, "3-3"),
        ("response_time_hours", None, "3-3"),
    ],
)
def test_sla_items(field: str, value: Any, criterion: str) -> None:
    docs = documents()
    docs["sla_policy"].fields[field] = value
    report = check(docs)
    assert report.criteria[criterion] == "review"
    missing = [f for f in report.findings if f.code == "sla_metric_missing"]
    assert [(f.field, f.criterion) for f in missing] == [(field, criterion)]
    assert report.complete


def test_reseller_agreement() -> None:
    docs = documents("S17")
    assert check(docs, day=date(2025, 8, 25)).complete
    docs["reseller_agreement"].fields["reseller_brn"] = "220-81-62517"
    report = check(docs, day=date(2025, 8, 25))
    assert "reseller_agreement_mismatch" in codes(report)
    assert report.criteria["1"] == "review"
    docs = documents("S17")
    report = check(docs, day=date(2030, 1, 1))
    assert "reseller_agreement_expired" in codes(report)
    docs = documents("S17")
    del docs["reseller_agreement"]
    assert "missing_document:reseller_agreement" in codes(check(docs, day=date(2025, 8, 25)))


def test_identifiers_and_identity() -> None:
    docs = documents()
    docs["application_form"].fields["business_registration_number"] = "220-81-62518"
    report = check(docs)
    assert {"invalid_identifier", "identity_mismatch"} <= codes(report)
    bad = next(f for f in report.findings if f.code == "invalid_identifier")
    assert bad.document == "application_form"
    assert "220-81-62518" in bad.message
    docs = documents()
    docs["credit_rating"].fields["company_name"] = "㈜" + docs["corporate_registry"].fields[
        "company_name"
    ].replace("주식회사 ", "")
    assert check(docs).complete  # ㈜ and 주식회사 name one company
    docs["business_registration"].fields["company_name"] = "주식회사 전혀다른회사"
    report = check(docs)
    assert [f.document for f in report.findings if f.code == "identity_mismatch"] == ["business_registration"]


def test_old_registry_is_expired_and_schema_violations_are_named() -> None:
    docs = documents()
    docs["corporate_registry"].fields["issue_date"] = "2023-10-01"
    assert "document_expired:corporate_registry" in codes(check(docs))
    docs = documents()
    docs["credit_rating"].fields["rating"] = None
    docs["application_form"].fields["contact_email"] = "not-an-email"
    report = check(docs)
    fields = {(f.document, f.field) for f in report.findings if f.code == "schema_violation"}
    assert fields == {("credit_rating", "rating"), ("application_form", "contact_email")}
    assert report.criteria["2-1"] == "review"


def test_a_field_not_found_is_told_apart_from_a_malformed_one_and_only_a_scan_is_called_unclear() -> None:
    docs = documents()
    docs["credit_rating"].fields["rating"] = None
    docs["application_form"].fields["contact_email"] = "not-an-email"
    by_field = {f.field: f.message for f in check(docs).findings if f.code == "schema_violation"}
    assert _labels("credit_rating", "rating")[:2] == ["신용등급", "신용평가등급"]  # the catalogue's first
    assert by_field["rating"] == (
        "「신용평가등급확인서」에서 '신용등급' 항목을 찾지 못했습니다 (찾아본 표기: "
        + ", ".join(f"‘{a}’" for a in _labels("credit_rating", "rating"))
        + "). 서류에 이 항목이 적혀 있는지 확인하고, 빠져 있으면 이 항목이 기재된 서류를 제출해 주십시오."
    )
    assert "(읽은 값: not-an-email)" in by_field["contact_email"]
    assert "형식이 아닙니다" in by_field["contact_email"]
    assert not any("선명" in m for m in by_field.values())  # born-digital: never "a clearer copy"
    docs["credit_rating"].ocr = True
    scanned = {f.field: f.message for f in check(docs).findings if f.code == "schema_violation"}
    assert scanned["rating"].startswith("스캔된 「신용평가등급확인서」에서 '신용등급' 항목을 찾지 못했습니다")
    assert "더 선명하게 스캔한 사본" in scanned["rating"]
    en = {f.field: f.message for f in check(docs, lang="en").findings if f.code == "schema_violation"}
    assert "not found on the scanned" in en["rating"]
    assert "labels looked for" in en["rating"]


def test_messages_in_english_on_request() -> None:
    docs = documents()
    del docs["sla_policy"]
    ko = check(docs).findings[0].message
    en = check(docs, lang="en").findings[0].message
    assert "서비스 수준 정책서" in ko
    assert "제출" in ko
    assert "sla_policy" in en
    assert "missing" in en


def test_a_scanned_name_misread_in_one_letter_is_no_identity_mismatch() -> None:
    docs = documents()
    name = docs["corporate_registry"].fields["company_name"]
    assert isinstance(name, str)
    # one letter of one syllable off (a look-alike the OCR models swap): the same company, misread
    last = name[-1]
    misread = name[:-1] + chr(ord(last) + 1 if (ord(last) - 0xAC00) % 28 < 27 else ord(last) - 1)
    docs["credit_rating"].fields["company_name"] = misread
    assert "identity_mismatch" in codes(check(docs))  # on a born-digital document it is a mismatch
    docs["credit_rating"].ocr = True
    assert "identity_mismatch" not in codes(check(docs))
    docs["credit_rating"].fields["company_name"] = "주식회사 전혀다른회사"
    assert "identity_mismatch" in codes(check(docs))  # a scan of another name still is
