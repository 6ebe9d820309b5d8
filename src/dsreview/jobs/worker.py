"""A worker process: the Huey consumer (threads), the PDF converters, and crash recovery at start."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from dsreview.config import Settings
from dsreview.jobs.queue import JobQueue
from dsreview.jobs.recovery import recover
from dsreview.jobs.runner import Converter, JobRunner
from dsreview.services import rendering
from dsreview.store import BlobStore, Database
from dsreview.store.migrate import upgrade

log = logging.getLogger("dsreview.jobs")


@contextmanager
def _converters(settings: Settings, enabled: bool) -> Iterator[Converter | None]:
    if not enabled:
        yield None
        return
    with rendering.converter_pool(settings) as convert:
        yield convert


def run_worker(settings: Settings, *, workers: int | None = None, pdf: bool = True) -> None:
    """Run until SIGINT/SIGTERM. Safe to start several, on one machine or many (Redis queue)."""
    if settings.worker_nice > 0:
        # Checks are batch work: on a shared machine the API's answers come first. The engine's
        # parsing children inherit the niceness.
        os.nice(settings.worker_nice)
    db = Database(settings)
    upgrade(db)
    blobs = BlobStore(settings.blob_dir)
    queue = JobQueue(settings)
    with _converters(settings, pdf) as convert:
        runner = JobRunner(settings=settings, db=db, blobs=blobs, queue=queue, converter=convert)
        queue.bind(runner.run, recover=lambda: _periodic(db, queue))
        recover(db, queue, at_start=True)
        log.info("worker %s started with %d thread(s)", runner.worker, workers or settings.workers)
        queue.consumer(workers=workers or settings.workers).run()
    db.dispose()


def _periodic(db: Database, queue: JobQueue) -> None:
    recover(db, queue, at_start=False)
