"""The whole procedure through the API, over HTTP, on SQLite and on PostgreSQL.

The check itself is recorded from the sample's truth here (the engine has its own tests, and the
end-to-end test in tests/jobs runs it through a real worker); everything else is the real app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from dsreview.config import Settings
from dsreview.jobs.queue import JobQueue
from dsreview.jobs.runner import JobRunner
from dsreview.services.clock import today
from dsreview.store import BlobStore, Database
from tests.services.support import (
    Api,
    People,
    api_for,
    case_files,
    make_people,
    record_fake_check,
    report_from_truth,
    upload_files,
)

CRITERIA = ("1", "2-1", "2-2", "3-1", "3-2", "3-3")


@pytest.fixture
def people(db: Database, service_settings: Settings) -> People:
    return make_people(db, service_settings)


@pytest.fixture
def api(db: Database, service_settings: Settings, people: People) -> Iterator[Api]:
    with api_for(service_settings, db, people) as client:
        yield client


def submit(api: Api, case: str, who: str = "vendor") -> int:
    r = api.post(who, "/api/applications", files=upload_files(case_files(case)))
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "received"
    assert r.headers["location"] == f"/api/applications/{r.json()['id']}"
    return int(r.json()["id"])


def opinion(verdict: str = "suitable") -> dict[str, object]:
    return {
        "criteria": {c: {"verdict": verdict, "text": f"기준 {c} 검토 의견"} for c in CRITERIA},
        "overall": verdict,
        "summary": "서비스 제공 역량이 충분함",
    }


def advance(api: Api, round_id: int, *states: str) -> None:
    """Move a round on through the API, one state after another."""
    for state in states:
        r = api.request("staff", "PATCH", f"/api/rounds/{round_id}", json={"status": state})
        assert r.status_code == 200, r.text
        assert r.json()["status"] == state


def run_jobs(db: Database, settings: Settings, kind: str) -> None:
    """Run queued jobs of a kind in this process, as a worker would (no PDF converters here)."""
    from dsreview.store.repositories import JobRepository

    with db.session(write=False) as s:
        ids = [j.id for j in JobRepository(s).unfinished() if j.kind == kind]
    runner = JobRunner(settings=settings, db=db, blobs=BlobStore(settings.blob_dir), queue=JobQueue(settings))
    for job_id in ids:
        runner.run(job_id)


def test_upload_check_and_visibility(api: Api, db: Database) -> None:
    app_id = submit(api, "S01")
    r = api.get("vendor", f"/api/applications/{app_id}")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "received"
    assert body["job"]["status"] == "queued"
    assert next(f["name"] for f in body["files"]) == "01_디지털서비스_심사신청서.pdf"
    record_fake_check(db, app_id, report_from_truth("S01"))
    body = api.get("vendor", f"/api/applications/{app_id}").json()
    assert body["status"] == "checked"
    assert set(body["report"]) >= {"application_date", "complete", "documents", "findings", "criteria"}
    assert body["company_name"] == "누리데이터 주식회사"
    # Another vendor, an unassigned reviewer: not found (never a hint). An agency: not its route.
    assert api.get("other_vendor", f"/api/applications/{app_id}").status_code == 404
    assert api.get("reviewer", f"/api/applications/{app_id}").status_code == 404
    assert api.get("agency", f"/api/applications/{app_id}").status_code == 403
    assert api.get(None, f"/api/applications/{app_id}").status_code == 401
    assert [a["id"] for a in api.get("other_vendor", "/api/applications").json()] == []
    assert [a["id"] for a in api.get("vendor", "/api/applications").json()] == [app_id]
    file_id = body["files"][0]["id"]
    download = api.get("vendor", f"/api/applications/{app_id}/files/{file_id}")
    assert download.status_code == 200
    assert download.content == case_files("S01")[0].read_bytes()
    assert api.get("other_vendor", f"/api/applications/{app_id}/files/{file_id}").status_code == 404


def test_reupload_correction_and_supplement(api: Api, db: Database) -> None:
    app_id = submit(api, "S10")
    record_fake_check(db, app_id, report_from_truth("S10"))
    # Staff correct a value: kept with its history, and the bundle goes back to the check.
    r = api.post(
        "staff",
        f"/api/applications/{app_id}/corrections",
        json={"document": "credit_rating", "field": "rating", "value": "BB+", "reason": "원본 대조"},
    )
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "received"
    bad = api.post(
        "staff",
        f"/api/applications/{app_id}/corrections",
        json={"document": "credit_rating", "field": "rating", "value": "Z"},
    )
    assert bad.status_code == 409  # not checked any more
    history = api.get("vendor", f"/api/applications/{app_id}/corrections").json()
    assert [(h["field"], h["new_value"]) for h in history] == [("rating", "BB+")]
    record_fake_check(db, app_id, report_from_truth("S10"))
    bad = api.post(
        "staff",
        f"/api/applications/{app_id}/corrections",
        json={"document": "credit_rating", "field": "rating", "value": "Z"},
    )
    assert bad.status_code == 422
    assert bad.json()["code"] == "invalid_data"
    # The supplement request goes to the vendor, generated from the findings.
    r = api.post("staff", f"/api/applications/{app_id}/supplement-request", json={})
    assert r.status_code == 201, r.text
    doc = r.json()
    assert doc["kind"] == "supplement_request"
    assert len(doc["input_sha256"]) == 64
    assert api.get("vendor", f"/api/applications/{app_id}").json()["status"] == "supplement_requested"
    content = api.get("vendor", f"/api/documents/{doc['id']}/content")
    assert content.status_code == 200
    assert content.content[:2] == b"PK"
    assert api.get("other_vendor", f"/api/documents/{doc['id']}/content").status_code == 404
    hwpx = api.get("vendor", f"/api/documents/{doc['id']}/content", params={"format": "hwpx"})
    assert hwpx.status_code == 200
    assert hwpx.headers["content-type"] == "application/hwp+zip"
    assert b"application/hwp+zip" in hwpx.content[:100]
    assert (
        api.get("other_vendor", f"/api/documents/{doc['id']}/content", params={"format": "hwpx"}).status_code
        == 404
    )
    assert (
        api.get("vendor", f"/api/documents/{doc['id']}/content", params={"format": "pdf"}).status_code == 409
    )
    # The vendor replaces one document; the bundle is checked again.
    files = api.get("vendor", f"/api/applications/{app_id}").json()["files"]
    credit = next(f for f in files if "신용" in f["name"])
    r = api.post(
        "vendor",
        f"/api/applications/{app_id}/files",
        files={"file": ("신용평가등급확인서_재발급.pdf", b"%PDF-1.4 new", "application/pdf")},
        data={"replaces_file_id": str(credit["id"])},
    )
    assert r.status_code == 202, r.text
    after = api.get("vendor", f"/api/applications/{app_id}").json()
    active = [f["name"] for f in after["files"] if f["active"]]
    assert "신용평가등급확인서_재발급.pdf" in active
    assert credit["name"] not in active
    assert after["status"] == "received"


def test_review_decision_notice_contract_quality_posting(
    api: Api, db: Database, service_settings: Settings, people: People
) -> None:
    app_id = submit(api, "S01")
    record_fake_check(db, app_id, report_from_truth("S01"))
    reviewers = [people.reviewer.user_id, people.other_reviewer.user_id]
    assert {u["id"] for u in api.get("staff", "/api/reviewers").json()} == set(reviewers)
    early = api.post("staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": reviewers})
    assert early.status_code == 409  # the round still takes applications
    assert "접수 중 단계" in early.json()["message"]
    advance(api, people.round_id, "closed", "reviewing")
    r = api.post("staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": reviewers})
    assert r.status_code == 201, r.text
    assert len(r.json()) == 2
    # Each reviewer sees the application and downloads the pre-filled form.
    assert [a["id"] for a in api.get("reviewer", "/api/applications").json()] == [app_id]
    form = api.get("reviewer", f"/api/applications/{app_id}/review-form")
    assert form.status_code == 200
    assert form.content[:2] == b"PK"
    form_hwpx = api.get("reviewer", f"/api/applications/{app_id}/review-form", params={"format": "hwpx"})
    assert form_hwpx.status_code == 200
    assert form_hwpx.headers["content-type"] == "application/hwp+zip"
    assert api.get("vendor", f"/api/applications/{app_id}/review-form").status_code == 403
    # The report waits for every opinion.
    assert api.post("staff", f"/api/applications/{app_id}/review-report", json={}).status_code == 409
    for who in ("reviewer", "other_reviewer"):
        r = api.request(who, "PUT", f"/api/applications/{app_id}/opinion", json=opinion())
        assert r.status_code == 200, r.text
    partial = opinion()
    partial["criteria"] = {"1": {"verdict": "suitable"}}
    assert (
        api.request("reviewer", "PUT", f"/api/applications/{app_id}/opinion", json=partial).status_code == 422
    )
    r = api.post("staff", f"/api/applications/{app_id}/review-report", json={"summary": "적합으로 판단함"})
    assert r.status_code == 201, r.text
    assert r.json()["kind"] == "review_report"
    # The committee selects it; a year ago, so the quality check is due now.
    decided = today(service_settings) - timedelta(days=400)
    advance(api, people.round_id, "committee")
    r = api.post(
        "staff",
        f"/api/applications/{app_id}/decision",
        json={"decision": "selected", "decided_on": decided.isoformat()},
    )
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "selected"
    service = api.get("staff", "/api/services").json()[0]
    assert service["status"] == "selected"
    assert service["selection_number"].startswith("DS")
    # Notices of the round in one batch, once its result is final: a job, watched through the API.
    assert api.post("staff", f"/api/rounds/{people.round_id}/selection-notices").status_code == 409
    advance(api, people.round_id, "finalised")
    r = api.post("staff", f"/api/rounds/{people.round_id}/selection-notices")
    assert r.status_code == 202, r.text
    job_id = r.json()["id"]
    run_jobs(db, service_settings, "selection_notices")
    job = api.get("staff", f"/api/jobs/{job_id}").json()
    assert (job["status"], job["result"]["count"]) == ("done", 1)
    notices = api.get("vendor", "/api/documents", params={"kind": "selection_notice"}).json()
    assert len(notices) == 1
    assert api.get("other_vendor", "/api/documents", params={"kind": "selection_notice"}).json() == []
    # The catalogue.
    assert api.get(None, "/api/public/catalogue").json() == []
    r = api.post("staff", "/api/services/publish", json={"service_ids": [service["id"]]})
    assert r.status_code == 200
    assert r.json()[0]["status"] == "listed"
    catalogue = api.get(None, "/api/public/catalogue", params={"q": "문서중앙화"}).json()
    assert [c["id"] for c in catalogue] == [service["id"]]
    # An agency registers a contract 40 days after signing it: late (30 days, Civil Act).
    signed = date(2025, 2, 14)
    contract = {
        "name": "전자문서 플랫폼 도입",
        "method": "private",
        "amount": 120_000_000,
        "contract_date": signed.isoformat(),
        "start_date": "2025-03-01",
        "end_date": "2026-02-28",
        "service_ids": [service["id"]],
        "registered_on": (signed + timedelta(days=40)).isoformat(),
    }
    r = api.post("agency", "/api/contracts", json=contract)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["deadline"] == "2025-03-17"  # 2025-03-16 is a Sunday
    assert body["late"] is True
    assert "registration_late" in body["flags"]
    assert body["documents"][0]["kind"] == "contract_info"
    r = api.post(
        "agency",
        f"/api/contracts/{body['id']}/changes",
        json={
            "change_date": "2025-06-02",
            "description": "계약기간 연장",
            "end_date": "2026-06-30",
            "registered_on": "2025-06-10",
        },
    )
    assert r.status_code == 201, r.text
    assert r.json()["late"] is False
    assert api.get("staff", f"/api/contracts/{body['id']}").json()["changes"][0]["deadline"] == "2025-07-02"
    assert api.get("vendor", "/api/contracts").status_code == 403
    # A catalogue contract: proposal score under 85 and a negotiation after the 10 days are flagged.
    catalog = {
        **contract,
        "method": "catalog",
        "proposal_score": 80.5,
        "evaluation_date": "2025-02-03",
        "negotiation_date": "2025-02-20",
        "registered_on": "2025-02-20",
    }
    r = api.post("agency", "/api/contracts", json=catalog)
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["qualified"], body["negotiation_deadline"], body["negotiation_late"]) == (
        False,
        "2025-02-13",
        True,
    )
    assert set(body["flags"]) == {"proposal_not_qualified", "negotiation_late"}
    assert api.post("agency", "/api/contracts", json={**contract, "method": "catalog"}).status_code == 422
    # Quality: due, the vendor's self-check, a nonconforming result, removal and a public posting.
    due = api.get("staff", "/api/quality/due").json()
    assert [d["service"]["id"] for d in due] == [service["id"]]
    r = api.post(
        "vendor",
        f"/api/services/{service['id']}/self-checks",
        files={"file": ("자가점검.pdf", b"%PDF-1.4 self check", "application/pdf")},
    )
    assert r.status_code == 201, r.text
    assert (
        api.post(
            "other_vendor",
            f"/api/services/{service['id']}/self-checks",
            files={"file": ("x.pdf", b"x", "application/pdf")},
        ).status_code
        == 404
    )
    start = today(service_settings)
    short = api.post(
        "staff",
        f"/api/services/{service['id']}/quality-checks",
        json={
            "result": "nonconforming",
            "reason": "가용성 기준 미달",
            "posting_start": start.isoformat(),
            "posting_end": (start + timedelta(days=5)).isoformat(),
        },
    )
    assert short.status_code == 422
    assert short.json()["detail"]["pointer"] == "/posting_end"
    r = api.post(
        "staff",
        f"/api/services/{service['id']}/quality-checks",
        json={"result": "nonconforming", "reason": "가용성 기준 미달"},
    )
    assert r.status_code == 201, r.text
    posting = r.json()["posting"]
    assert date.fromisoformat(posting["end_date"]) == start + timedelta(days=20)
    public = api.get(None, "/api/public/postings").json()
    assert [p["service_name"] for p in public] == [service["name"]]
    assert api.get(None, "/api/public/catalogue").json() == []
    doc = api.get(None, f"/api/public/documents/{posting['document_id']}", params={"format": "docx"})
    assert doc.status_code == 200
    assert doc.content[:2] == b"PK"
    hwpx = api.get(None, f"/api/public/documents/{posting['document_id']}", params={"format": "hwpx"})
    assert hwpx.status_code == 200
    assert hwpx.headers["content-type"] == "application/hwp+zip"
    # Every state change is in the audit trail, with the hashes of the files involved.
    events = api.get(
        "staff", "/api/audit", params={"subject_type": "application", "subject_id": app_id}
    ).json()
    actions = {e["action"] for e in events}
    assert {
        "application.submitted",
        "application.checked",
        "application.reviewer_assigned",
        "application.opinion_submitted",
        "application.review_reported",
        "application.decided",
    } <= actions
    submitted = next(e for e in events if e["action"] == "application.submitted")
    assert len(submitted["files"]) == len(case_files("S01"))
    assert api.get("vendor", "/api/audit").status_code == 403


def _select(api: Api, db: Database, case: str, round_id: int) -> int:
    """Upload, (fake) check, an opinion, the review report and the committee's selection."""
    app_id = submit(api, case)
    record_fake_check(db, app_id, report_from_truth(case))
    advance(api, round_id, "closed", "reviewing")
    reviewer = api.get("staff", "/api/reviewers").json()[0]["id"]
    assert api.post(
        "staff", f"/api/applications/{app_id}/assignments", json={"reviewer_ids": [reviewer]}
    ).is_success
    assert api.request("reviewer", "PUT", f"/api/applications/{app_id}/opinion", json=opinion()).is_success
    assert api.post("staff", f"/api/applications/{app_id}/review-report", json={}).is_success
    advance(api, round_id, "committee")
    r = api.post("staff", f"/api/applications/{app_id}/decision", json={"decision": "selected"})
    assert r.status_code == 200, r.text
    return app_id


def test_notices_once_the_result_is_final_and_a_rerun_fills_gaps(
    api: Api, db: Database, service_settings: Settings, people: People
) -> None:
    from dsreview.store.models import GeneratedDocument

    def notices() -> int:
        r = api.post("staff", f"/api/rounds/{people.round_id}/selection-notices")
        assert r.status_code == 202, r.text
        run_jobs(db, service_settings, "selection_notices")
        return int(api.get("staff", f"/api/jobs/{r.json()['id']}").json()["result"]["count"])

    _select(api, db, "S01", people.round_id)
    refused = api.post("staff", f"/api/rounds/{people.round_id}/selection-notices")
    assert refused.status_code == 409
    assert "결과 확정" in refused.json()["message"]
    advance(api, people.round_id, "finalised")
    assert notices() == 1
    assert notices() == 0  # nothing new: a re-run only fills gaps
    with db.session(write=False) as s:
        rows = [d.data["services"] for d in s.query(GeneratedDocument).filter_by(kind="selection_notice")]
    assert [len(services) for services in rows] == [1]
    late = api.post("staff", "/api/applications/1/decision", json={"decision": "not_selected"})
    assert late.status_code == 409  # decided already, and the round's result is final
