"""Executing a job: claim the row, keep its lease alive, run its handler, record the outcome.

Handlers are idempotent: a job that runs twice (a duplicate message, a re-queue after a crash)
finds its work done or superseded and stops.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dsreview.config import Settings
from dsreview.errors import DsreviewError, PolicyError, UsageError
from dsreview.jobs import dispatch
from dsreview.jobs.queue import JobQueue
from dsreview.services import checking, clock, documents, selection, self_check, watch, work
from dsreview.services.business_status import provider_for
from dsreview.store import BlobStore, Database
from dsreview.store.models import utcnow
from dsreview.store.repositories import DocumentRepository, JobRepository

log = logging.getLogger("dsreview.jobs")
Converter = Callable[[bytes], bytes]


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True, slots=True)
class Claimed:
    id: int
    kind: str
    subject_id: int | None
    generation: int
    attempts: int


class _Heartbeat:
    """Renews the lease (and writes progress) from a thread while a handler runs."""

    def __init__(self, runner: JobRunner, job_id: int) -> None:
        self.runner, self.job_id = runner, job_id
        self.progress: tuple[str, int, int] | None = None
        self._written: tuple[str, int, int] | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"lease-{job_id}", daemon=True)

    def __enter__(self) -> _Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def update(self, stage: str, done: int, total: int) -> None:
        self.progress = (stage, done, total)

    def _loop(self) -> None:
        interval = min(1.0, self.runner.settings.job_lease_seconds / 3)
        while not self._stop.wait(interval):
            try:
                self._beat()
            except Exception:
                log.exception("lease renewal of job %s failed", self.job_id)

    def _beat(self) -> None:
        with self.runner.db.transaction() as session:
            repo = JobRepository(session)
            repo.renew(
                self.job_id, worker=self.runner.worker, lease_seconds=self.runner.settings.job_lease_seconds
            )
            progress = self.progress
            if progress is not None and progress != self._written:
                job = repo.get(self.job_id)
                if job is not None:
                    job.stage, job.progress_done, job.progress_total = progress
                self._written = progress


class JobRunner:
    def __init__(
        self,
        *,
        settings: Settings,
        db: Database,
        blobs: BlobStore,
        queue: JobQueue,
        converter: Converter | None = None,
    ) -> None:
        self.settings, self.db, self.blobs, self.queue = settings, db, blobs, queue
        self.converter = converter
        self.worker = worker_id()
        self.handlers: dict[str, Callable[[Claimed, _Heartbeat], dict[str, Any]]] = {
            work.CHECK: self._check,
            work.PDF: self._pdf,
            work.SELECTION_NOTICES: self._selection_notices,
            work.SELF_CHECK: self._self_check,
            work.WATCH: self._watch,
        }

    def _claim(self, job_id: int) -> Claimed | None:
        with self.db.transaction() as session:
            repo = JobRepository(session)
            if not repo.claim(job_id, worker=self.worker, lease_seconds=self.settings.job_lease_seconds):
                return None
            job = repo.get(job_id)
            if job is None:
                return None
            session.refresh(job)
            return Claimed(job.id, job.kind, job.subject_id, job.generation, job.attempts)

    def run(self, job_id: int) -> None:
        claimed = self._claim(job_id)
        if claimed is None:
            return  # done, running elsewhere, or unknown: a duplicate message
        handler = self.handlers.get(claimed.kind)
        if handler is None:
            self._finish(claimed, status="failed", error=f"unknown job kind {claimed.kind!r}")
            return
        try:
            with _Heartbeat(self, claimed.id) as beat:
                result = handler(claimed, beat)
        except Exception as exc:
            self._failed(claimed, exc)
            return
        self._finish(claimed, status="done", result=result)

    def _failed(self, claimed: Claimed, exc: Exception) -> None:
        message = exc.message if isinstance(exc, DsreviewError) else f"{type(exc).__name__}: {exc}"
        log.error(
            "job %s (%s) failed on attempt %s: %s",
            claimed.id,
            claimed.kind,
            claimed.attempts,
            message,
            exc_info=not isinstance(exc, DsreviewError),
        )
        # Bad data or a broken deployment will fail the same way again; anything else may pass later.
        retry = not isinstance(exc, UsageError | PolicyError)
        if claimed.attempts < self.settings.job_max_attempts and retry:
            self._finish(claimed, status="queued", error=message)
            self.queue.enqueue(claimed.id, delay=2.0**claimed.attempts)
            return
        self._finish(claimed, status="failed", error=message)
        with dispatch.transaction(self.db, self.queue) as session:
            if claimed.kind == work.CHECK and claimed.subject_id is not None:
                checking.fail(
                    session, application_id=claimed.subject_id, generation=claimed.generation, message=message
                )
            elif claimed.kind == work.PDF and claimed.subject_id is not None:
                documents.pdf_failed(session, doc_id=claimed.subject_id, message=message)

    def _finish(
        self, claimed: Claimed, *, status: str, result: dict[str, Any] | None = None, error: str | None = None
    ) -> None:
        with self.db.transaction() as session:
            job = JobRepository(session).get(claimed.id)
            if job is None or job.worker != self.worker or job.status != "running":
                return  # the lease lapsed and another worker took it over
            job.status = status
            job.result = result
            job.error = error
            job.lease_until = None
            if status != "queued":
                job.finished_at = utcnow()

    # -- handlers -----------------------------------------------------------------------------

    def _check(self, claimed: Claimed, beat: _Heartbeat) -> dict[str, Any]:
        if claimed.subject_id is None:
            return {"skipped": "no application"}
        with self.db.transaction() as session:
            check = checking.begin(session, application_id=claimed.subject_id, generation=claimed.generation)
        if check is None:
            return {"skipped": "superseded"}
        beat.update("read", 0, len(check.files))
        report = checking.run(check, settings=self.settings, blobs=self.blobs, progress=beat.update)
        with self.db.transaction() as session:
            stored = checking.record(session, check=check, report=report)
        return {"stored": stored, "complete": report.complete}

    def _pdf(self, claimed: Claimed, beat: _Heartbeat) -> dict[str, Any]:
        if claimed.subject_id is None:
            return {"skipped": "no document"}
        with self.db.session(write=False) as session:
            doc = DocumentRepository(session).get(claimed.subject_id)
            sha = doc.docx_sha256 if doc is not None and doc.pdf_status != "done" else None
        if sha is None:
            return {"skipped": "done or missing"}
        if self.converter is None:
            raise RuntimeError("this worker has no PDF converters")
        pdf = self.converter(self.blobs.read_bytes(sha))
        with self.db.transaction() as session:
            documents.store_pdf(session, doc_id=claimed.subject_id, pdf=pdf, blobs=self.blobs)
        return {"pdf": True}

    def _selection_notices(self, claimed: Claimed, beat: _Heartbeat) -> dict[str, Any]:
        if claimed.subject_id is None:
            return {"skipped": "no round"}
        round_id = claimed.subject_id
        with self.db.session(write=False) as session:
            recipients = selection.notice_recipients(session, round_id=round_id)
        made: list[int] = []
        for index, organisation_id in enumerate(recipients):
            beat.update("notices", index, len(recipients))
            with dispatch.transaction(self.db, self.queue) as session:
                doc = selection.issue_selection_notice(
                    session,
                    settings=self.settings,
                    blobs=self.blobs,
                    round_id=round_id,
                    organisation_id=organisation_id,
                )
                made.append(doc.id)
        beat.update("notices", len(recipients), len(recipients))
        return {"documents": made, "count": len(made)}

    def _self_check(self, claimed: Claimed, beat: _Heartbeat) -> dict[str, Any]:
        """The vendor's quality self-check report, read by the engine."""
        with self.db.session(write=False) as session:
            job = self_check.begin(session, check_id=claimed.subject_id or 0)
        if job is None:
            return {"skipped": "no report"}
        beat.update("read", 0, 1)
        result = self_check.read(
            job, settings=self.settings, blobs=self.blobs, today=clock.today(self.settings)
        )
        with self.db.transaction() as session:
            stored = self_check.record(session, job=job, result=result)
        return {"stored": stored, "found": result["found"], "findings": len(result["findings"])}

    def _watch(self, claimed: Claimed, beat: _Heartbeat) -> dict[str, Any]:
        """상시점검: certificates and business status of every listed service."""
        today = clock.today(self.settings)
        with self.db.session(write=False) as session:
            found = watch.plan(session, settings=self.settings, today=today)
        beat.update("watch", 0, len(found.targets))
        statuses, skipped = watch.look_up(found, provider_for(self.settings))
        with dispatch.transaction(self.db, self.queue) as session:
            return watch.record(session, found=found, statuses=statuses, skipped=skipped)
