"""A worker process: the Huey consumer (threads), the PDF converters, and crash recovery at start."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager

from dsreview.config import Settings
from dsreview.jobs import dispatch, lifetime
from dsreview.jobs.queue import JobQueue
from dsreview.jobs.recovery import recover
from dsreview.jobs.runner import Converter, JobRunner
from dsreview.services import clock, rendering, watch
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
    lifetime.lead_group()
    lifetime.reap_previous(settings)
    record = lifetime.register(settings)
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
        queue.bind(runner.run, recover=lambda: _periodic(db, queue, settings))
        recover(db, queue, at_start=True)
        log.info("worker %s started with %d thread(s)", runner.worker, workers or settings.workers)
        queue.consumer(workers=workers or settings.workers).run()
    db.dispose()
    lifetime.unregister(record)


def _periodic(db: Database, queue: JobQueue, settings: Settings) -> None:
    recover(db, queue, at_start=False)
    daily_watch(db, queue, settings)


def daily_watch(db: Database, queue: JobQueue, settings: Settings) -> None:
    """Ask for the day's 상시점검 once (every worker's periodic task calls this; one job a day)."""
    try:
        with dispatch.transaction(db, queue) as session:
            watch.ensure_daily(session, today=clock.today(settings))
    except Exception:
        log.exception("could not ask for the daily 상시점검")
