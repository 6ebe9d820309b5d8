"""Queries with consequences: claiming jobs atomically, leases, scoping applications."""

from __future__ import annotations

from datetime import timedelta

from dsreview.store import Database
from dsreview.store.models import Job, utcnow
from dsreview.store.repositories import JobRepository


def _job(db: Database) -> int:
    with db.transaction() as s:
        return JobRepository(s).add(Job(kind="check", subject_id=1)).id


def test_a_job_is_claimed_once(db: Database) -> None:
    job_id = _job(db)
    with db.transaction() as s:
        assert JobRepository(s).claim(job_id, worker="a:1", lease_seconds=60)
    with db.transaction() as s:
        assert not JobRepository(s).claim(job_id, worker="b:2", lease_seconds=60)
    with db.session(write=False) as s:
        job = JobRepository(s).get(job_id)
        assert job is not None
        assert (job.status, job.worker, job.attempts) == ("running", "a:1", 1)


def test_a_lapsed_lease_can_be_taken_over(db: Database) -> None:
    job_id = _job(db)
    with db.transaction() as s:
        assert JobRepository(s).claim(job_id, worker="a:1", lease_seconds=60)
        job = JobRepository(s).get(job_id)
        assert job is not None
        job.lease_until = utcnow() - timedelta(seconds=1)
    with db.transaction() as s:
        assert not JobRepository(s).renew(job_id, worker="b:2", lease_seconds=60)
        assert JobRepository(s).claim(job_id, worker="b:2", lease_seconds=60)
    with db.transaction() as s:
        assert not JobRepository(s).renew(job_id, worker="a:1", lease_seconds=60)
        assert JobRepository(s).renew(job_id, worker="b:2", lease_seconds=60)
        job = JobRepository(s).get(job_id)
        assert job is not None
        assert job.attempts == 2


def test_stale_jobs(db: Database) -> None:
    fresh, old = _job(db), _job(db)
    with db.transaction() as s:
        job = JobRepository(s).get(old)
        assert job is not None
        job.created_at = utcnow() - timedelta(hours=1)
    now = utcnow()
    with db.session(write=False) as s:
        stale = [j.id for j in JobRepository(s).stale(now=now, queued_before=now - timedelta(minutes=15))]
    assert stale == [old]
    assert fresh not in stale
