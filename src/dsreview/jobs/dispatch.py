"""Commit, then send the queue messages of the jobs the transaction created."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from dsreview.jobs.queue import JobQueue
from dsreview.services.work import take_pending
from dsreview.store import Database


def commit(session: Session, queue: JobQueue) -> None:
    pending = take_pending(session)
    session.commit()
    queue.enqueue_all(pending)


@contextmanager
def transaction(db: Database, queue: JobQueue) -> Iterator[Session]:
    """A write transaction; on success it commits and enqueues, on error it rolls back."""
    with db.session(write=True) as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            take_pending(session)
            raise
        commit(session, queue)
