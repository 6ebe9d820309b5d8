"""The Huey queue: SQLite in the data folder by default, Redis when `DSREVIEW_QUEUE_URL` says so.

A queue message carries only a job id; the database row is the truth (`store.models.Job`). The
API process only enqueues; a worker binds the runner that executes a job id.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from huey import RedisHuey, SqliteHuey, crontab

from dsreview.config import Settings
from dsreview.errors import UsageError

log = logging.getLogger("dsreview.jobs")
RECOVER_EVERY_MINUTES = 1


def make_huey(settings: Settings) -> Any:
    url = settings.queue_url
    if url is None or url == "":
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        return SqliteHuey(
            name="dsreview", filename=str(settings.queue_file), results=False, fsync=True, timeout=30
        )
    if url.startswith(("redis://", "rediss://", "unix://")):
        return RedisHuey(name="dsreview", url=url, results=False)
    raise UsageError(f"DSREVIEW_QUEUE_URL 은(는) redis:// 주소여야 합니다: {url!r}")


class JobQueue:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey = make_huey(settings)
        self._runner: Callable[[int], None] | None = None
        self._recover: Callable[[], None] | None = None

        @self.huey.task(name="dsreview_run_job")  # type: ignore[untyped-decorator]
        def run_job(job_id: int) -> None:
            if self._runner is None:
                raise RuntimeError("this process has no job runner (only workers execute jobs)")
            self._runner(job_id)

        @self.huey.periodic_task(crontab(minute=f"*/{RECOVER_EVERY_MINUTES}"), name="dsreview_recover")  # type: ignore[untyped-decorator]
        def recover() -> None:
            if self._recover is not None:
                self._recover()

        self._run_job = run_job

    def bind(self, runner: Callable[[int], None], recover: Callable[[], None]) -> None:
        """Make this process a worker: execute job ids with `runner`, re-queue orphans with `recover`."""
        self._runner = runner
        self._recover = recover

    def enqueue(self, job_id: int, *, delay: float | None = None) -> None:
        if delay:
            self._run_job.schedule(args=(job_id,), delay=delay)
        else:
            self._run_job(job_id)

    def enqueue_all(self, job_ids: list[int]) -> None:
        """Send messages for committed jobs. A queue outage is logged, not raised: the rows are
        committed and the worker's recovery sends them again."""
        for job_id in job_ids:
            try:
                self.enqueue(job_id)
            except Exception:
                log.exception("could not enqueue job %s; recovery will re-queue it", job_id)

    def pending_count(self) -> int:
        return int(self.huey.pending_count())

    def consumer(self, *, workers: int) -> Any:
        return self.huey.create_consumer(
            workers=workers, worker_type="thread", periodic=True, check_worker_health=True, shutdown_timeout=5
        )

    def ping(self) -> None:
        """Raise when the queue's storage cannot be reached."""
        self.huey.pending_count()
