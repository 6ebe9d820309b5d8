"""SIGKILL the worker in the middle of a check: after a restart the application is checked and every
file is intact. The database is the system of record; the lost queue message does not matter."""

from __future__ import annotations

import hashlib
import json
import os
import signal
from datetime import date

import pytest

from dsreview.config import Settings
from dsreview.store import BlobStore, Database
from tests.jobs.test_leftovers import _alive, _descendants
from tests.services.support import (
    CASES,
    WorkerProcess,
    api_for,
    case_files,
    make_people,
    received,
    upload_files,
    vendor_for,
    wait_for,
    wait_status,
)

CASE = "S07"  # text and scanned documents mixed: a few seconds of OCR to be killed in


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_sigkill_mid_check_then_restart(db: Database, service_settings: Settings) -> None:
    people = make_people(db, service_settings)
    files = case_files(CASE)
    with api_for(service_settings, db, people) as api:
        vendor = vendor_for(db, service_settings, api, CASE)  # the bundle is its company's
        first = WorkerProcess(service_settings).start()
        try:
            r = api.post(vendor, "/api/applications", files=upload_files(files))
            assert r.status_code == 202
            app_id = r.json()["id"]

            def in_the_middle() -> bool:
                body = api.get(vendor, f"/api/applications/{app_id}").json()
                assert body["status"] != "checked", "the check finished before it could be interrupted"
                return bool(body["status"] == "processing" and body["job"]["status"] == "running")

            wait_for(in_the_middle, timeout=90, interval=0.05, what="the check to start")
            tree = _descendants(first.pid)  # its parse children and Tesseract, mid-check
            first_pid = first.pid
            os.kill(first.pid, signal.SIGKILL)
            assert first.process is not None
            first.process.wait(10)
        finally:
            first.stop()
        body = api.get(vendor, f"/api/applications/{app_id}").json()
        assert (body["status"], body["job"]["status"]) == ("processing", "running")
        # judged, after the restart, on the day the sample's truth was written for
        truth = json.loads((CASES / CASE / "truth.json").read_text(encoding="utf-8"))
        received(db, app_id, date.fromisoformat(truth["application_date"]))
        with WorkerProcess(service_settings) as second:
            # The new start reaps what the killed worker left: its processes and scratch folders.
            wait_for(lambda: not _alive(tree), timeout=60, interval=0.2, what="the old worker's processes")
            body = wait_status(api, vendor, app_id, {"checked", "failed"}, timeout=180)
            assert body["status"] == "checked", second.output()[-3000:]
            assert list((service_settings.blob_dir / "tmp").glob(f"work-*-{first_pid}-*")) == []
        assert body["job"]["attempts"] == 2
        assert body["report"]["complete"] == truth["expected"]["complete"]
        blobs = BlobStore(service_settings.blob_dir)
        sent = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
        assert {f["name"]: f["sha256"] for f in body["files"]} == sent
        assert all(blobs.verify(sha) for sha in sent.values())
