"""The pages' parts without a browser: value controls, queue filters, statistics, charts, the
checklist of a report."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import pytest

from dsreview.config import Settings
from dsreview.errors import DataValidationError
from dsreview.services.web_queue import QueueFilter, RoundStats
from dsreview.store.models import Application
from dsreview.templates.checklist import checklist
from dsreview.web import charts
from dsreview.web.fields import field_input
from tests.services.support import report_from_truth


@pytest.mark.parametrize(
    ("document", "field", "text", "value"),
    [
        ("corporate_registry", "capital", "1,200,000,000", 1_200_000_000),
        ("sla_policy", "availability_percent", "99.9%", 99.9),
        ("sla_policy", "monitoring", "false", False),
        ("sla_policy", "rto_hours", "", None),
        ("application_form", "service_category", "cloud_support", "cloud_support"),
        ("corporate_registry", "representatives", "김민준\n\n이서연 ", ["김민준", "이서연"]),
        ("application_form", "application_date", "2024-03-15", "2024-03-15"),
        (
            "reseller_agreement",
            "capability_split",
            '[{"item": "장애 대응", "responsible": "shared"}]',
            [{"item": "장애 대응", "responsible": "shared"}],
        ),
    ],
)
def test_control_text_becomes_the_value(document: str, field: str, text: str, value: Any) -> None:
    control = field_input(document, field)
    assert control.parse(text, field) == value


def test_control_refuses_what_is_not_its_type() -> None:
    with pytest.raises(DataValidationError, match="형식이 올바르지 않습니다"):
        field_input("corporate_registry", "capital").parse("십억", "자본금")
    with pytest.raises(DataValidationError, match="형식이 올바르지 않습니다"):
        field_input("application_form", "service_category").parse("cloud", "서비스 구분")
    with pytest.raises(DataValidationError, match="입력해 주십시오"):
        field_input("application_form", "provider_type").parse(" ", "제공자 구분")


def test_enum_controls_show_korean_labels() -> None:
    control = field_input("application_form", "service_category")
    assert ("cloud_computing", "클라우드컴퓨팅서비스") in control.options
    assert field_input("application_form", "service_model").nullable


def _application(criteria: dict[str, str], codes: list[str]) -> Application:
    return Application(report={"criteria": criteria, "findings": [{"code": c} for c in codes]})


def test_queue_filters_read_the_stored_report() -> None:
    failing = _application({"2-1": "fail", "3-1": "exempt"}, ["credit_rating_below_threshold"])
    fine = _application({"2-1": "pass", "3-1": "exempt"}, [])
    assert QueueFilter(criterion="2-1", outcome="fail").matches(failing)
    assert not QueueFilter(criterion="2-1", outcome="fail").matches(fine)
    assert QueueFilter(criterion="2-1").matches(failing)  # alone: fail or review
    assert not QueueFilter(criterion="2-1").matches(fine)
    assert QueueFilter(outcome="exempt").matches(fine)
    assert QueueFilter(finding="credit_rating_below_threshold").matches(failing)
    assert not QueueFilter(finding="credit_rating_below_threshold").matches(fine)
    assert not QueueFilter().reads_reports


def test_processing_time_buckets_and_median() -> None:
    stats = RoundStats(durations=[5, 30, 400, 90_000])
    counts = dict(stats.duration_buckets)
    assert counts["1분 미만"] == 2
    assert counts["5–30분"] == 1
    assert counts["1일 이상"] == 1
    assert stats.median_seconds == 215
    assert RoundStats().median_seconds is None


def test_charts_are_svg_with_their_text_escaped() -> None:
    for svg in (
        charts.hbar("a", "유형 <b>", [("<script>", 3), ("누락", 1)]),
        charts.stacked("b", "기준", [("2-1 경영상태", {"pass": 2, "fail": 1})]),
        charts.columns("c", "시간", [("1분 미만", 4), ("1일 이상", 0)]),
    ):
        root = ET.fromstring(str(svg))
        assert root.get("role") == "img"
        ns = "{http://www.w3.org/2000/svg}"
        assert root.find(f"{ns}title") is not None
        assert root.find(f"{ns}desc") is not None
        assert "<script>" not in str(svg)


def test_checklist_of_an_incomplete_bundle(settings: Settings) -> None:
    report = report_from_truth("S25")  # credit rating and capability evidence missing
    view = checklist(report)
    rows = {row.type: row for row in view.documents}
    assert rows["credit_rating"].state == "missing"
    assert rows["capability_evidence"].state == "missing"
    assert rows["application_form"].submitted
    actions = [f.action for f in rows["credit_rating"].findings]
    assert actions == ["「신용평가등급확인서」 제출"]
    assert [c.id for c in view.criteria] == ["1", "2-1", "2-2", "3-1", "3-2", "3-3"]
    assert not view.complete
    assert view.to_fix >= 2


def test_a_page_never_says_nothing_to_fix_above_a_request_to_resubmit() -> None:
    from dsreview.domain import Severity
    from dsreview.forms.messages import finding
    from dsreview.templates.prefill import supplement_request_data
    from dsreview.web.pages import environment

    report = report_from_truth("S01")
    report.findings.append(finding("unclassified_document", source="extra.pdf", detail="3"))
    assert report.complete
    view = checklist(report)
    assert view.to_fix == 1
    assert view.asks[0].finding.severity is Severity.warning
    html = (
        environment()
        .get_template("partials/checklist.html")
        .render(checklist=view, replaceable=False, file_ids={}, label=lambda v, g: v)
    )
    assert "보완할 점이 없습니다" not in html
    assert "‘할 일’ 1건" in html
    # The supplement request asks for the same thing, from the same checklist.
    request = {"document_number": "X-1", "issue_date": "2026-12-02", "application_number": "DS-2026-00001"}
    data = supplement_request_data(report, request, settings=Settings())
    assert [item["document"] for item in data["items"]] == ["제출 파일 「extra.pdf」"]
