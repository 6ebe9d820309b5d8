"""Background work as the services ask for it: a job row now, a queue message after the commit.

A service adds the row to the caller's transaction; whoever commits (request, job, command) sends
the queue messages afterwards (`dsreview.jobs.dispatch`), so a worker never sees a job whose
transaction was rolled back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from dsreview.errors import NotFoundError
from dsreview.services.actors import Actor
from dsreview.store.models import Job
from dsreview.store.repositories import JobRepository

_PENDING = "dsreview.pending_jobs"

CHECK = "check"
PDF = "pdf"
SELECTION_NOTICES = "selection_notices"
SELF_CHECK = "self_check"
WATCH = "watch"


def request_job(
    session: Session, *, kind: str, subject_id: int | None, generation: int = 0, actor: Actor | None = None
) -> Job:
    job = JobRepository(session).add(
        Job(
            kind=kind,
            subject_id=subject_id,
            generation=generation,
            created_by=actor.user_id if actor else None,
        )
    )
    pending: list[int] = session.info.setdefault(_PENDING, [])
    pending.append(job.id)
    return job


def take_pending(session: Session) -> list[int]:
    """The jobs this transaction created, forgotten once taken."""
    pending: list[int] = session.info.pop(_PENDING, [])
    return pending


def job_view(job: Job) -> dict[str, Any]:
    return {
        "id": job.id,
        "kind": job.kind,
        "status": job.status,
        "stage": job.stage,
        "done": job.progress_done,
        "total": job.progress_total,
        "attempts": job.attempts,
        "error": job.error,
        "result": job.result,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def get_job(session: Session, *, actor: Actor, job_id: int) -> Job:
    """A job its creator or staff may watch (the batch progress view)."""
    job = JobRepository(session).get(job_id)
    if job is None or not (actor.is_staff or job.created_by == actor.user_id):
        raise NotFoundError("작업을 찾을 수 없습니다.", detail={"job_id": job_id})
    return job
