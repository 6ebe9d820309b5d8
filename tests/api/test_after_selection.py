"""After selection, through HTTP: 정보 변경 신청 with and without re-review, a vendor's 제7조 report
taken to re-review, the quality outcomes (보완 among them), 상시점검 with a local server speaking
국세청's 상태조회 API, the self-check report read by the engine, and the agencies' search, comparison
and downloads with formula cells escaped."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from dsreview.config import Settings
from dsreview.domain import Report
from dsreview.services.clock import today
from dsreview.store import Database
from tests.api.test_procedure import advance, opinion, run_jobs, submit
from tests.services.fake_nts import KEY, FakeNts
from tests.services.self_check_pdf import self_check_pdf
from tests.services.support import (
    Api,
    People,
    api_for,
    make_people,
    make_settings,
    record_fake_check,
    report_from_truth,
)

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


@pytest.fixture
def nts() -> Iterator[FakeNts]:
    with FakeNts() as server:
        yield server


@pytest.fixture
def service_settings(tmp_path: Path, backend: str, nts: FakeNts) -> Settings:
    return make_settings(tmp_path / "data", business_status={"service_key": KEY, "url": nts.url})


@pytest.fixture
def people(db: Database, service_settings: Settings) -> People:
    return make_people(db, service_settings)


@pytest.fixture
def api(db: Database, service_settings: Settings, people: People) -> Iterator[Api]:
    with api_for(service_settings, db, people) as client:
        yield client


def review_and_decide(api: Api, app_id: int, decision: str = "selected", reason: str = "") -> None:
    reviewer = api.get("staff", "/api/reviewers").json()[0]["id"]
    r = api.post("staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": [reviewer]})
    assert r.status_code == 201, r.text
    assert api.request("reviewer", "PUT", f"/api/applications/{app_id}/opinion", json=opinion()).is_success
    assert api.post("staff", f"/api/applications/{app_id}/review-report", json={}).is_success
    r = api.post(
        "staff", f"/api/applications/{app_id}/decision", json={"decision": decision, "reason": reason}
    )
    assert r.status_code == 200, r.text


def listed(
    api: Api, db: Database, settings: Settings, case: str, report: Report | None = None
) -> dict[str, Any]:
    """A service selected 400 days ago in a round of its own and listed in the catalogue."""
    met = today(settings) - timedelta(days=400)
    count = len(api.get("staff", "/api/rounds").json())
    r = api.post(
        "staff",
        "/api/rounds",
        json={"name": f"차수 {count + 1}", "number": count + 1, "committee_date": met.isoformat()},
    )
    round_id = r.json()["id"]
    app_id = submit(api, case)
    record_fake_check(db, app_id, report or report_from_truth(case))
    advance(api, round_id, "closed", "reviewing")
    reviewer = api.get("staff", "/api/reviewers").json()[0]["id"]
    api.post("staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": [reviewer]})
    api.request("reviewer", "PUT", f"/api/applications/{app_id}/opinion", json=opinion())
    api.post("staff", f"/api/applications/{app_id}/review-report", json={})
    advance(api, round_id, "committee")
    r = api.post(
        "staff",
        f"/api/applications/{app_id}/decision",
        json={"decision": "selected", "decided_on": met.isoformat()},
    )
    assert r.status_code == 200, r.text
    advance(api, round_id, "finalised")
    service = next(s for s in api.get("staff", "/api/services").json() if s["application_id"] == app_id)
    r = api.post("staff", "/api/services/publish", json={"service_ids": [service["id"]]})
    assert r.status_code == 200, r.text
    return dict(r.json()[0])


def catalogue_entry(api: Api, service_id: int) -> dict[str, Any] | None:
    return next((s for s in api.get(None, "/api/public/catalogue").json() if s["id"] == service_id), None)


def test_a_change_that_does_not_touch_the_criteria_updates_the_catalogue(
    api: Api, db: Database, service_settings: Settings
) -> None:
    service = listed(api, db, service_settings, "S01")
    data = {
        "spec": '=HYPERLINK("http://x") 문서 100GB',
        "price": "1,200,000원",
        "price_unit": "월, 100명",
        "description": "요금 개편",
    }
    r = api.post("vendor", f"/api/services/{service['id']}/changes", data=data)
    assert r.status_code == 201, r.text
    change = r.json()
    assert change["status"] == "submitted"
    assert change["changes"] == {"spec": data["spec"], "price": 1_200_000, "price_unit": "월, 100명"}
    assert api.post("other_vendor", f"/api/services/{service['id']}/changes", data=data).status_code == 404
    busy = api.post("vendor", f"/api/services/{service['id']}/changes", data={"price": "5"})
    assert busy.status_code == 409  # one request at a time
    assert [c["id"] for c in api.get("staff", "/api/changes").json()] == [change["id"]]
    r = api.post(
        "staff",
        f"/api/changes/{change['id']}/decision",
        json={"touches_criteria": False, "note": "요금 정보"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "applied"
    entry = catalogue_entry(api, service["id"])
    assert entry is not None
    assert (entry["price"], entry["spec"]) == (1_200_000, data["spec"])
    history = api.get("vendor", f"/api/services/{service['id']}/changes").json()
    assert [(h["status"], h["before"]["price"]) for h in history] == [("applied", None)]
    # The agencies' download keeps that spec as text: a formula cell is escaped in CSV and XLSX.
    r = api.get(None, "/api/public/catalogue/export", params={"format": "csv", "q": "문서"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][0] == "서비스명"
    spec_at = rows[0].index("상세규격")
    assert rows[1][spec_at] == "'" + data["spec"]
    r = api.get(None, "/api/public/catalogue/export", params={"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(r.content)).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=spec_at + 1)
    assert (cell.value, cell.data_type) == ("'" + data["spec"], "s")


def test_a_change_that_touches_the_criteria_goes_to_re_review(
    api: Api, db: Database, service_settings: Settings
) -> None:
    service = listed(api, db, service_settings, "S01")
    r = api.post(
        "vendor",
        f"/api/services/{service['id']}/changes",
        data={"spec": "IaaS 연동 추가", "description": "CSAP 인증 범위 변경"},
        files={"file": ("csap_new.pdf", b"%PDF-1.4 new certificate", "application/pdf")},
    )
    assert r.status_code == 201, r.text
    change = r.json()
    r = api.post(
        "staff",
        f"/api/changes/{change['id']}/decision",
        json={"touches_criteria": True, "note": "보안성 관련"},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "re_review"
    re_review = r.json()["application_id"]
    body = api.get("vendor", f"/api/applications/{re_review}").json()
    assert (body["purpose"], body["service_id"], body["status"]) == ("re_review", service["id"], "received")
    assert body["number"].startswith("RR-")
    assert "csap_new.pdf" in [f["name"] for f in body["files"]]
    # The listing stays as it was until the result.
    assert catalogue_entry(api, service["id"])["spec"] == ""  # type: ignore[index]
    record_fake_check(db, re_review, report_from_truth("S01"))
    assert (
        api.get("vendor", f"/api/applications/{re_review}").json()["status"] == "checked"
    )  # not a duplicate
    review_and_decide(api, re_review, "selected")  # 적정
    assert catalogue_entry(api, service["id"])["spec"] == "IaaS 연동 추가"  # type: ignore[index]
    assert api.get("vendor", f"/api/services/{service['id']}/changes").json()[0]["status"] == "applied"
    # A second change judged 부적정 is not reflected; the service stays listed as it was.
    r = api.post("vendor", f"/api/services/{service['id']}/changes", data={"spec": "다른 규격"})
    second = r.json()["id"]
    r = api.post("staff", f"/api/changes/{second}/decision", json={"touches_criteria": True})
    rr = r.json()["application_id"]
    record_fake_check(db, rr, report_from_truth("S01"))
    review_and_decide(api, rr, "not_selected", "선정기준 미충족")
    assert catalogue_entry(api, service["id"])["spec"] == "IaaS 연동 추가"  # type: ignore[index]
    assert api.get("vendor", f"/api/services/{service['id']}/changes").json()[0]["status"] == "rejected"


def test_a_reported_event_taken_to_re_review_and_removed(
    api: Api, db: Database, service_settings: Settings
) -> None:
    service = listed(api, db, service_settings, "S01")
    r = api.post(
        "vendor",
        f"/api/services/{service['id']}/events",
        data={
            "kind": "csap_cancelled",
            "event_date": today(service_settings).isoformat(),
            "detail": "인증기관 취소 통보",
        },
    )
    assert r.status_code == 201, r.text
    event = r.json()
    assert (event["source"], event["status"]) == ("vendor", "open")
    assert (
        api.post("vendor", f"/api/services/{service['id']}/events", data={"kind": "nonsense"}).status_code
        == 422
    )
    items = api.get("staff", "/api/quality/items").json()
    assert [i["id"] for i in items] == [event["id"]]
    r = api.post(
        "staff", f"/api/quality/items/{event['id']}", json={"result": "re_review", "reason": "CSAP 취소"}
    )
    assert r.status_code == 200, r.text
    rr = r.json()["application_id"]
    record_fake_check(db, rr, report_from_truth("S01"))
    review_and_decide(api, rr, "not_selected", "CSAP 인증 취소")
    assert catalogue_entry(api, service["id"]) is None
    posted = api.get(None, "/api/public/postings").json()
    assert [(p["service_name"], p["reason"]) for p in posted] == [(service["name"], "CSAP 인증 취소")]
    assert api.get("staff", "/api/quality/items", params={"status": "closed"}).json()[0]["id"] == event["id"]


def test_monthly_check_self_check_read_by_the_engine_and_a_supplement(
    api: Api, db: Database, service_settings: Settings, tmp_path: Path
) -> None:
    service = listed(api, db, service_settings, "S01")
    pdf = self_check_pdf(tmp_path / "자가점검.pdf", selection_number=service["selection_number"])
    r = api.post(
        "vendor",
        f"/api/services/{service['id']}/self-checks",
        files={"file": ("자가점검.pdf", pdf.read_bytes(), "application/pdf")},
    )
    assert r.status_code == 201, r.text
    run_jobs(db, service_settings, "self_check")
    check = api.get("staff", f"/api/services/{service['id']}/quality-checks").json()[0]
    read = check["self_check_report"]
    assert read["found"] is True
    assert read["fields"]["selection_number"] == service["selection_number"]
    assert [f["code"] for f in read["findings"]] == ["self_check_nonconforming"]
    assert "보안인증 유효기간" in read["findings"][0]["message"]
    # 보완: a minor gap fixed by a date; the service stays listed.
    due = today(service_settings) + timedelta(days=14)
    r = api.post(
        "staff",
        f"/api/services/{service['id']}/quality-checks",
        json={"result": "supplement", "reason": "보안인증 갱신 계획 제출", "due_date": due.isoformat()},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["check"]["result"], r.json()["check"]["due_date"]) == ("supplement", due.isoformat())
    assert r.json()["posting"] is None
    assert catalogue_entry(api, service["id"]) is not None
    # The gap fixed, the month closes as conforming.
    r = api.post("staff", f"/api/services/{service['id']}/quality-checks", json={"result": "conforming"})
    assert r.status_code == 201, r.text
    again = api.post("staff", f"/api/services/{service['id']}/quality-checks", json={"result": "conforming"})
    assert again.status_code == 409


def test_continuous_check_finds_an_expired_csap_and_a_closed_business(
    api: Api, db: Database, service_settings: Settings, nts: FakeNts
) -> None:
    report = report_from_truth("S01")
    csap = next(d for d in report.documents if d.type == "csap_certificate")
    csap.fields["valid_until"] = (today(service_settings) - timedelta(days=1)).isoformat()
    service = listed(api, db, service_settings, "S01", report)
    nts.statuses["2718781566"] = ("03", "20261120")
    r = api.post("staff", "/api/quality/watch")
    assert r.status_code == 202, r.text
    run_jobs(db, service_settings, "watch")
    job = api.get("staff", f"/api/jobs/{r.json()['id']}").json()
    assert job["status"] == "done", job
    assert job["result"]["business_status"] == "checked"
    kinds = {i["kind"]: i for i in api.get("staff", "/api/quality/items").json()}
    assert {"csap_expired", "business_closed", "credit_expired"} <= set(kinds)
    assert kinds["business_closed"]["detail"] == "폐업일 2026. 11. 20."
    assert all(i["source"] == "watch" and i["service_id"] == service["id"] for i in kinds.values())
    # Run again: nothing new while the items are open.
    r = api.post("staff", "/api/quality/watch")
    run_jobs(db, service_settings, "watch")
    assert api.get("staff", f"/api/jobs/{r.json()['id']}").json()["result"]["raised"] == []
    # 부적합 on the closed business: removed and posted for 20 days.
    r = api.post(
        "staff",
        f"/api/quality/items/{kinds['business_closed']['id']}",
        json={"result": "nonconforming", "reason": "폐업"},
    )
    assert r.status_code == 200, r.text
    assert catalogue_entry(api, service["id"]) is None
    assert [p["reason"] for p in api.get(None, "/api/public/postings").json()] == ["폐업"]


def test_search_by_requirements_and_compare(api: Api, db: Database, service_settings: Settings) -> None:
    first = listed(api, db, service_settings, "S01")
    second = listed(api, db, service_settings, "S17")
    every = api.get(None, "/api/public/catalogue").json()
    assert {s["id"] for s in every} == {first["id"], second["id"]}
    found = api.get(None, "/api/public/catalogue", params={"company": "한결"}).json()
    assert [s["id"] for s in found] == [second["id"]]
    found = api.get(None, "/api/public/catalogue", params={"q": "문서중앙화 Pro"}).json()
    assert [s["id"] for s in found] == [first["id"]]
    found = api.get(None, "/api/public/catalogue", params={"category": "cloud_support"}).json()
    assert found == []
    assert api.get(None, "/api/public/catalogue", params={"csap_grade": "최상"}).status_code == 422
    side = api.get(None, "/api/public/catalogue/compare", params={"ids": [second["id"], first["id"]]}).json()
    assert [s["id"] for s in side] == [second["id"], first["id"]]
    six = api.get(None, "/api/public/catalogue/compare", params={"ids": list(range(1, 7))})
    assert six.status_code == 422


def test_the_daily_watch_is_asked_for_once_a_day(db: Database, service_settings: Settings) -> None:
    from dsreview.services import watch

    day = today(service_settings)
    with db.transaction() as s:
        assert watch.ensure_daily(s, today=day) is not None
    with db.transaction() as s:
        assert watch.ensure_daily(s, today=day) is None
        assert watch.ensure_daily(s, today=day + timedelta(days=1)) is not None


def test_every_deadline_and_no_contract_on_time_listed_as_late(
    api: Api, db: Database, service_settings: Settings, people: People
) -> None:
    from dsreview.services import web_deadlines

    service = listed(api, db, service_settings, "S01")
    signed = today(service_settings) - timedelta(days=5)
    base = {
        "name": "회의록 도입",
        "method": "catalog",
        "amount": "48,000,000원",
        "contract_date": signed.isoformat(),
        "start_date": signed.isoformat(),
        "end_date": (signed + timedelta(days=20)).isoformat(),
        "service_ids": [service["id"]],
        "proposal_score": 80,  # not qualified, but registered on time and negotiated on time
        "evaluation_date": signed.isoformat(),
        "negotiation_date": signed.isoformat(),
    }
    r = api.post("agency", "/api/contracts", json=base)
    assert r.status_code == 201, r.text
    assert r.json()["amount"] == 48_000_000
    assert r.json()["flags"] == ["proposal_not_qualified"]
    app_id = submit(api, "S10")
    record_fake_check(db, app_id, report_from_truth("S10"))
    r = api.post("staff", f"/api/applications/{app_id}/supplement-request", json={})
    assert r.status_code == 201, r.text
    due = api.get("vendor", f"/api/applications/{app_id}").json()["supplement_due"]
    assert due is not None
    with db.session(write=False) as s:
        found = web_deadlines.deadlines(s, actor=people.staff, settings=service_settings)
    assert found.late_contracts == []
    assert [d.what for d in found.contracts] == ["ending"]
    assert [(d.subject, d.due.isoformat()) for d in found.supplements] == [
        (api.get("staff", f"/api/applications/{app_id}").json()["number"], due)
    ]
    assert [d.subject for d in found.certificates if d.link.startswith("/staff/services/")] == []
