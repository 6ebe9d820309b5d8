"""Upload to PDF through the real worker: real app over HTTP, real database, real queue, real engine,
real LibreOffice. Hostile files in the bundle are stored and reported as findings, never a 500."""

from __future__ import annotations

import hashlib
import json
from datetime import date

import pytest

from dsreview.config import Settings
from dsreview.store import BlobStore, Database
from tests.services.support import (
    CASES,
    WorkerProcess,
    api_for,
    case_files,
    make_people,
    received,
    set_round,
    upload_files,
    wait_for,
    wait_status,
)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_upload_check_review_form_pdf(db: Database, service_settings: Settings) -> None:
    people = make_people(db, service_settings)
    truth = json.loads((CASES / "S01" / "truth.json").read_text(encoding="utf-8"))
    original = case_files("S01")
    hostile = [
        ("files", ("random.pdf", hashlib.sha512(b"x").digest() * 64, "application/pdf")),
        ("files", ("truncated.pdf", original[0].read_bytes()[:3000], "application/pdf")),
        ("files", ("empty.pdf", b"", "application/pdf")),
    ]
    with api_for(service_settings, db, people) as api:
        sanctions = (CASES.parent / "sanctions.csv").read_bytes()
        r = api.post("staff", "/api/sanctions", files={"file": ("제재목록.csv", sanctions, "text/csv")})
        assert r.status_code == 201, r.text
        assert r.json()["row_count"] == sanctions.count(b"\n") - 1
        r = api.post("vendor", "/api/applications", files=upload_files(original) + hostile)
        assert r.status_code == 202, r.text
        app_id = r.json()["id"]
        # Judged on the day the sample's truth was written for (the service judges the receipt
        # date), then checked by a worker started only now.
        received(db, app_id, date.fromisoformat(truth["application_date"]))
        with WorkerProcess(service_settings, pdf=True) as worker:
            body = wait_status(api, "vendor", app_id, {"checked", "failed"}, timeout=180)
            assert body["status"] == "checked", worker.output()[-3000:]
            report = body["report"]
            assert set(report) >= {"application_date", "complete", "documents", "findings", "criteria"}
            assert report["application_date"] == truth["application_date"]
            unreadable = {f["source"] for f in report["findings"] if f["code"] == "unreadable_document"}
            assert unreadable == {"random.pdf", "truncated.pdf", "empty.pdf"}
            assert report["complete"] is False  # unreadable files leave the bundle incomplete
            for criterion, status in truth["expected"].get("criteria", {}).items():
                assert report["criteria"][criterion] == status
            found = {d["type"] for d in report["documents"]}
            assert {d["type"] for d in truth["documents"]} <= found
            # Every stored file is the file that was sent.
            blobs = BlobStore(service_settings.blob_dir)
            sent = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in original}
            for f in body["files"]:
                assert blobs.verify(f["sha256"])
                if f["name"] in sent:
                    assert f["sha256"] == sent[f["name"]]
            # A reviewer's pre-filled form: DOCX at once, PDF from the worker's converters.
            set_round(db, people.round_id, "reviewing")
            r = api.post(
                "staff",
                f"/api/applications/{app_id}/assignments",
                json={"reviewer_ids": [people.reviewer.user_id]},
            )
            assert r.status_code == 201, r.text
            doc_id = r.json()[0]["form_document_id"]

            def pdf_done() -> bool:
                status = api.get("staff", f"/api/documents/{doc_id}").json()["pdf_status"]
                assert status != "failed", worker.output()[-3000:]
                return bool(status == "done")

            wait_for(pdf_done, timeout=180, interval=0.5, what="the PDF")
            pdf = api.get("reviewer", f"/api/applications/{app_id}/review-form", params={"format": "pdf"})
            assert pdf.status_code == 200
            assert pdf.content.startswith(b"%PDF")
            events = api.get("staff", "/api/audit", params={"action": "application.checked"}).json()
            assert events[0]["subject_id"] == app_id
            assert set(sent.values()) <= set(events[0]["files"])
