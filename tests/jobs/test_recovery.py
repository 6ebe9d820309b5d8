"""Crash recovery and failures, without a consumer: the rows tell what to send again."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from dsreview.config import Settings
from dsreview.jobs.queue import JobQueue
from dsreview.jobs.recovery import recover
from dsreview.jobs.runner import Claimed, JobRunner
from dsreview.store import BlobStore, Database
from dsreview.store.models import Application, Job, utcnow
from dsreview.store.repositories import ApplicationRepository, JobRepository
from tests.services.support import case_files, make_people

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)


def _job(db: Database, **values: object) -> int:
    with db.transaction() as s:
        return JobRepository(s).add(Job(kind="pdf", subject_id=None, **values)).id


def test_recover_at_start_and_periodically(db: Database, service_settings: Settings) -> None:
    queue = JobQueue(service_settings)
    host = socket.gethostname()
    later = utcnow() + timedelta(minutes=5)
    queued = _job(db)
    dead_here = _job(db, status="running", worker=f"{host}:999999", lease_until=later)
    alive_here = _job(db, status="running", worker=f"{host}:1", lease_until=later)
    elsewhere = _job(db, status="running", worker="other-host:123", lease_until=later)
    lapsed = _job(db, status="running", worker="other-host:124", lease_until=utcnow() - timedelta(seconds=1))
    done = _job(db, status="done")
    assert sorted(recover(db, queue, at_start=True)) == sorted([queued, dead_here, lapsed])
    assert queue.pending_count() == 3
    with db.session(write=False) as s:
        statuses = {j.id: j.status for j in JobRepository(s).unfinished()}
    assert statuses[alive_here] == statuses[elsewhere] == "running"
    assert done not in statuses
    # Periodically: only lapsed leases and long-forgotten queued jobs, each sent again once a while.
    assert recover(db, queue, at_start=False) == []
    forgotten = _job(db, created_at=utcnow() - timedelta(hours=1))
    assert recover(db, queue, at_start=False) == [forgotten]
    assert recover(db, queue, at_start=False) == []


def test_a_failing_job_is_retried_then_marks_the_application_failed(
    db: Database, service_settings: Settings
) -> None:
    people = make_people(db, service_settings)
    queue = JobQueue(service_settings)
    blobs = BlobStore(service_settings.blob_dir)
    from dsreview.services import intake

    with db.transaction() as s:
        with case_files("S01")[0].open("rb") as handle:
            application = intake.submit_application(
                s,
                actor=people.vendor,
                settings=service_settings,
                blobs=blobs,
                files=[intake.IncomingFile("a.pdf", handle)],
            )
        app_id = application.id
        job_id = intake.latest_check_job(s, application=application).id  # type: ignore[union-attr]
    runner = JobRunner(settings=service_settings, db=db, blobs=blobs, queue=queue)
    calls: list[int] = []

    def broken(claimed: Claimed, _beat: object) -> dict[str, object]:
        calls.append(claimed.attempts)
        raise OSError("disk on fire")

    runner.handlers["check"] = broken  # type: ignore[assignment]
    for _ in range(service_settings.job_max_attempts):
        runner.run(job_id)
    runner.run(job_id)  # no longer queued: nothing happens
    assert calls == [1, 2, 3]
    with db.session(write=False) as s:
        job = JobRepository(s).get(job_id)
        app = ApplicationRepository(s).get(app_id)
        assert job is not None
        assert isinstance(app, Application)
        assert (job.status, job.attempts) == ("failed", 3)
        assert "disk on fire" in (job.error or "")
        assert (app.status, app.failure) == ("failed", "OSError: disk on fire")
    assert queue.pending_count() == 2  # the two retries, sent with a delay (ETA)
