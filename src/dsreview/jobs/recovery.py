"""Re-queue work left unfinished by a crash: the database is the system of record, not the queue."""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta

from dsreview.jobs.lifetime import pid_alive
from dsreview.jobs.queue import JobQueue
from dsreview.store import Database
from dsreview.store.models import Job, utcnow
from dsreview.store.repositories import JobRepository

log = logging.getLogger("dsreview.jobs")
# A queued job nobody picked up for this long lost its message (e.g. the queue was down).
STALE_QUEUED = timedelta(minutes=15)


def _died_here(job: Job) -> bool:
    """The job's worker ran on this machine and its process is gone."""
    host, _, pid = (job.worker or "").rpartition(":")
    return (
        host == socket.gethostname() and pid.isdigit() and int(pid) != os.getpid() and not pid_alive(int(pid))
    )


def recover(db: Database, queue: JobQueue, *, at_start: bool) -> list[int]:
    """Send again the jobs that should be running but are not. Returns their ids.

    At a worker's start: every queued job, and running ones whose worker on this machine died or
    whose lease lapsed. Periodically: lapsed leases and long-forgotten queued jobs. A duplicate
    message is harmless: claiming a job is atomic.
    """
    now = utcnow()
    ids: list[int] = []
    with db.transaction() as session:
        repo = JobRepository(session)
        jobs = repo.unfinished() if at_start else repo.stale(now=now, queued_before=now - STALE_QUEUED)
        for job in jobs:
            if job.status == "running":
                lapsed = job.lease_until is None or job.lease_until < now
                if not (lapsed or (at_start and _died_here(job))):
                    continue
                job.status = "queued"
                job.lease_until = None
                job.worker = None
            job.resent_at = now  # so a long queue is not sent again every minute
            ids.append(job.id)
    if ids:
        log.warning("re-queueing %d unfinished job(s): %s", len(ids), ids[:20])
        queue.enqueue_all(ids)
    return ids
