"""The integrity of an application, through HTTP: the receipt date is the reference, the bundle is
the account's company's, one application per service and round, withdrawal, the round's states, and
the business status from a local server speaking 국세청's 상태조회 API.

The engine runs for real where the rule is the engine's (S01 is a text bundle: about a second)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from dsreview.config import Settings
from dsreview.services.clock import today
from dsreview.store import Database
from tests.api.test_procedure import advance, opinion, run_jobs, submit
from tests.services.fake_nts import KEY, FakeNts
from tests.services.support import (
    Api,
    People,
    api_for,
    make_people,
    make_settings,
    record_fake_check,
    report_from_truth,
    set_round,
)

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
S01_BRN = "2718781566"  # 누리데이터 주식회사, the `vendor` account's company


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


def codes(report: dict[str, object]) -> set[str]:
    return {f["code"] for f in report["findings"]}  # type: ignore[attr-defined,index]


def test_receipt_date_account_company_and_business_status(
    api: Api, db: Database, service_settings: Settings, nts: FakeNts
) -> None:
    nts.statuses[S01_BRN] = ("03", "20261120")
    # The vendor's own bundle, received today: the form's date (2024-03-15) is noted, not used, so
    # the credit certificate that ran out in 2025 is expired; 국세청 reports the business closed.
    mine = submit(api, "S01")
    # Another company's account submits the same bundle: flagged, naming the account's company.
    theirs = submit(api, "S01", who="other_vendor")
    run_jobs(db, service_settings, "check")
    report = api.get("vendor", f"/api/applications/{mine}").json()["report"]
    assert report["application_date"] == today(service_settings).isoformat()
    assert {"application_date_differs", "credit_rating_expired", "business_closed"} <= codes(report)
    assert "identity_mismatch" not in codes(report)
    assert report["criteria"]["2-1"] == "fail"
    differs = next(f for f in report["findings"] if f["code"] == "application_date_differs")
    assert "2024. 3. 15." in differs["message"]
    assert nts.requests == [[S01_BRN], [S01_BRN]]
    other = api.get("other_vendor", f"/api/applications/{theirs}").json()
    mismatch = [f for f in other["report"]["findings"] if f["code"] == "identity_mismatch"]
    assert len(mismatch) == 1
    assert "(주)두리정보통신" in mismatch[0]["message"]
    assert other["complete"] is False
    # Staff see which account submitted it.
    seen = api.get("staff", f"/api/applications/{theirs}").json()
    assert seen["submitter"]["email"] == "other@test.kr"
    assert api.get("other_vendor", f"/api/applications/{theirs}").json()["submitter"] is None
    # A court approved the rehabilitation: recorded by staff, the closure no longer fails 2-1.
    r = api.post(
        "staff", f"/api/applications/{mine}/rehabilitation", json={"note": "서울회생법원 2026회합100"}
    )
    assert r.status_code == 202, r.text
    run_jobs(db, service_settings, "check")
    report = api.get("vendor", f"/api/applications/{mine}").json()["report"]
    assert "rehabilitation_approved" in codes(report)
    assert "business_closed" not in codes(report)
    assert report["criteria"]["2-1"] == "review"  # the expired credit certificate still needs a person


def test_without_a_key_the_lookup_is_skipped_with_an_info_finding(
    api: Api, db: Database, tmp_path: Path, people: People
) -> None:
    plain = make_settings(tmp_path / "data")
    app_id = submit(api, "S01")
    run_jobs(db, plain, "check")
    report = api.get("vendor", f"/api/applications/{app_id}").json()["report"]
    found = [f for f in report["findings"] if f["code"] == "business_status_unavailable"]
    assert [f["severity"] for f in found] == ["info"]


def test_the_same_service_twice_or_after_selection_is_refused(api: Api, db: Database, people: People) -> None:
    first = submit(api, "S01")
    record_fake_check(db, first, report_from_truth("S01"))
    second = submit(api, "S01")
    record_fake_check(db, second, report_from_truth("S01"))
    body = api.get("vendor", f"/api/applications/{second}").json()
    assert body["status"] == "refused"
    assert body["refusal"].startswith("같은 심사 차수에 같은 서비스 「문서중앙화 서비스 Pro」의 신청(")
    assert "duplicate_application" in codes(body["report"])
    assert api.get("vendor", f"/api/applications/{first}").json()["status"] == "checked"
    # Withdrawn, the first no longer stands in the way; a refused one can be withdrawn too.
    r = api.post("vendor", f"/api/applications/{second}/withdraw", json={"reason": "중복 제출"})
    assert r.status_code == 200
    assert r.json()["status"] == "withdrawn"
    # After the service is selected, applying for it again is refused with the other message.
    advance(api, people.round_id, "closed", "reviewing")
    reviewer = people.reviewer.user_id
    assert api.post(
        "staff", f"/api/applications/{first}/assignments", json={"reviewer_ids": [reviewer]}
    ).is_success
    assert api.request("reviewer", "PUT", f"/api/applications/{first}/opinion", json=opinion()).is_success
    assert api.post("staff", f"/api/applications/{first}/review-report", json={}).is_success
    advance(api, people.round_id, "committee")
    assert api.post("staff", f"/api/applications/{first}/decision", json={"decision": "selected"}).is_success
    r = api.post("staff", "/api/rounds", json={"name": "2026년 제2차", "number": 2})
    assert r.status_code == 201
    again = submit(api, "S01")
    record_fake_check(db, again, report_from_truth("S01"))
    body = api.get("vendor", f"/api/applications/{again}").json()
    assert body["status"] == "refused"
    assert "이미 선정된 서비스" in body["refusal"]
    assert "정보 변경 신청" in body["refusal"]


def test_withdrawal_before_review_is_audited_and_refused_after(
    api: Api, db: Database, service_settings: Settings, people: People
) -> None:
    app_id = submit(api, "S10")
    assert api.post("other_vendor", f"/api/applications/{app_id}/withdraw", json={}).status_code == 404
    assert api.post("staff", f"/api/applications/{app_id}/withdraw", json={}).status_code == 403
    r = api.post("vendor", f"/api/applications/{app_id}/withdraw", json={"reason": "서류 재정비"})
    assert r.status_code == 200, r.text
    run_jobs(db, service_settings, "check")  # the check it asked for finds it withdrawn
    assert api.get("vendor", f"/api/applications/{app_id}").json()["status"] == "withdrawn"
    events = api.get("staff", "/api/audit", params={"action": "application.withdrawn"}).json()
    assert [(e["subject_id"], e["data"]["reason"]) for e in events] == [(app_id, "서류 재정비")]
    # Once under review, no.
    other = submit(api, "S17")
    record_fake_check(db, other, report_from_truth("S17"))
    advance(api, people.round_id, "closed", "reviewing")
    api.post(
        "staff", f"/api/applications/{other}/assignments", json={"reviewer_ids": [people.reviewer.user_id]}
    )
    refused = api.post("vendor", f"/api/applications/{other}/withdraw", json={})
    assert refused.status_code == 409
    assert "검토가 시작된" in refused.json()["message"]


def test_round_states_and_the_committee_date(
    api: Api, db: Database, service_settings: Settings, people: People
) -> None:
    rid = people.round_id
    rounds = {r["id"]: r for r in api.get("staff", "/api/rounds").json()}
    assert (rounds[rid]["status_name"], rounds[rid]["next_status"]) == ("접수 중", "closed")
    assert "신청 0건" in rounds[rid]["waiting_for"]
    skip = api.request("staff", "PATCH", f"/api/rounds/{rid}", json={"status": "committee"})
    assert skip.status_code == 409
    assert skip.json()["message"] == "「2025년 제1차」는 접수 중 단계에서 심사위원회 단계로 바꿀 수 없습니다."
    app_id = submit(api, "S01")
    record_fake_check(db, app_id, report_from_truth("S01"))
    advance(api, rid, "closed")
    late = api.post(
        "vendor", "/api/applications", files=[("files", ("a.pdf", b"%PDF-1.4", "application/pdf"))]
    )
    assert late.status_code == 409  # no round takes applications
    advance(api, rid, "reviewing")
    api.post(
        "staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": [people.reviewer.user_id]}
    )
    api.request("reviewer", "PUT", f"/api/applications/{app_id}/opinion", json=opinion())
    assert api.post("staff", f"/api/applications/{app_id}/review-report", json={}).is_success
    # The committee meets in a week: the date is set, the round moves on, no decision yet.
    week = today(service_settings) + timedelta(days=7)
    r = api.request("staff", "PATCH", f"/api/rounds/{rid}", json={"committee_date": week.isoformat()})
    assert r.status_code == 200
    advance(api, rid, "committee")
    waiting = next(x for x in api.get("staff", "/api/rounds").json() if x["id"] == rid)["waiting_for"]
    assert "심사위원회 개최" in waiting
    early = api.post("staff", f"/api/applications/{app_id}/decision", json={"decision": "selected"})
    assert early.status_code == 409
    assert "심사위원회 개최일" in early.json()["message"]
    assert (
        api.request("staff", "PATCH", f"/api/rounds/{rid}", json={"status": "finalised"}).status_code == 409
    )
    # It has met (a week ago): a decision dated before it is refused, one on the day recorded.
    met = today(service_settings) - timedelta(days=7)
    set_round(db, rid, "reviewing")
    api.request("staff", "PATCH", f"/api/rounds/{rid}", json={"committee_date": met.isoformat()})
    advance(api, rid, "committee")
    before = (met - timedelta(days=1)).isoformat()
    r = api.post(
        "staff", f"/api/applications/{app_id}/decision", json={"decision": "selected", "decided_on": before}
    )
    assert r.status_code == 422
    assert r.json()["detail"]["pointer"] == "/decided_on"
    r = api.post(
        "staff",
        f"/api/applications/{app_id}/decision",
        json={"decision": "selected", "decided_on": met.isoformat()},
    )
    assert r.status_code == 200, r.text
    moved = api.request(
        "staff", "PATCH", f"/api/rounds/{rid}", json={"committee_date": date(2026, 1, 5).isoformat()}
    )
    assert moved.status_code == 409  # decided on the committee's date: it stays
    advance(api, rid, "finalised")
    assert api.post("staff", f"/api/rounds/{rid}/selection-notices").status_code == 202
