"""`dsreview serve` (everything on one machine), and its parts for several machines:
`dsreview migrate`, `dsreview api`, `dsreview worker`.

`serve` migrates, loads the demo data on a first start when `DSREVIEW_DEMO_DATA` is set (`make run`
sets it; otherwise it starts with no accounts and says how to add the first), then runs the API in
this process and a worker process (Huey consumer + PDF converters) beside it; Ctrl-C stops both.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from dsreview.config import Settings

HostOpt = Annotated[str | None, typer.Option("--host", help="default: DSREVIEW_HOST (127.0.0.1)")]
PortOpt = Annotated[int | None, typer.Option("--port", help="default: DSREVIEW_PORT (8000)")]
WorkersOpt = Annotated[
    int | None, typer.Option("--workers", help="worker threads; default: DSREVIEW_WORKERS")
]


def _settings(host: str | None = None, port: int | None = None) -> Settings:
    from dsreview.config import get_settings

    settings = get_settings()
    update: dict[str, Any] = {}
    if host:
        update["host"] = host
    if port:
        update["port"] = port
    return settings.model_copy(update=update) if update else settings


def _logging() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Their INFO lines (every task run, every schema probe of /healthz) drown what matters.
    for name in ("huey", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


def _worker_main(
    settings: Settings, workers: int | None, pdf: bool = True, parent_pid: int | None = None
) -> None:
    """The worker process (spawned: a fresh interpreter, nothing shared with the API). Under `serve`
    it is told to stop (SIGTERM) when `serve` dies, however it dies."""
    from dsreview.jobs.lifetime import die_with_parent
    from dsreview.jobs.worker import run_worker

    if parent_pid is not None:
        die_with_parent(parent_pid)
    _logging()
    run_worker(settings, workers=workers, pdf=pdf)


def restart_delay(previous: float, *, uptime: float) -> float:
    """The wait before restarting a worker that died: 1 s after a run of a minute or more, else
    twice the last wait, up to a minute (a worker that dies at once is not restarted in a loop)."""
    if uptime >= 60.0:
        return 1.0
    return min(previous * 2, 60.0)


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


class _Supervisor:
    """Keeps one worker process alive beside the API; restarts it if it dies, stops it at the end."""

    def __init__(self, settings: Settings, workers: int | None) -> None:
        self.settings, self.workers = settings, workers
        self._ctx = multiprocessing.get_context("spawn")
        self._process: Any = None
        self._started_at = 0.0
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="worker-supervisor", daemon=True)

    def _spawn(self) -> None:
        self._process = self._ctx.Process(
            target=_worker_main,
            args=(self.settings, self.workers, True, os.getpid()),
            name="dsreview-worker",
        )
        self._process.start()
        self._started_at = time.monotonic()

    def start(self) -> None:
        self._spawn()
        self._thread.start()

    def _watch(self) -> None:
        delay = 0.5  # the first restart waits 1 s
        while not self._stopping.wait(1.0):
            if self._process is not None and not self._process.is_alive():
                delay = restart_delay(delay, uptime=time.monotonic() - self._started_at)
                logging.getLogger("dsreview").error(
                    "worker exited (code %s); restarting in %.0f s", self._process.exitcode, delay
                )
                _kill_group(self._process.pid)  # what the dead worker left: parse children, converters
                if self._stopping.wait(delay):
                    return
                self._spawn()

    def stop(self) -> None:
        self._stopping.set()
        process = self._process
        if process is None:
            return
        if process.is_alive():
            # SIGTERM: the consumer stops and the worker stops its converters (a few seconds each);
            # a job cut short is re-queued when a worker starts again.
            process.terminate()
            process.join(30)
        if process.is_alive():
            process.kill()
            process.join(5)


def _demo(settings: Settings) -> None:
    """Load the demo data on a first start (checks run here, so they are done when we listen)."""
    from dsreview.jobs import dispatch
    from dsreview.jobs.queue import JobQueue
    from dsreview.jobs.runner import JobRunner
    from dsreview.services import demo
    from dsreview.store import BlobStore, Database

    db, blobs = Database(settings), BlobStore(settings.blob_dir)
    queue = JobQueue(settings)
    try:
        with db.session(write=False) as session:
            loaded = demo.is_loaded(session)
        samples = settings.demo_samples_dir
        if not loaded and (samples / demo.CURRENT_CASES[0] / "truth.json").is_file():
            print(f"데모 데이터를 불러옵니다 (loading demo data from {samples}) …", flush=True)
            with dispatch.transaction(db, queue) as session:
                state = demo.load(session, settings=settings, blobs=blobs, samples_dir=samples)
            runner = JobRunner(settings=settings, db=db, blobs=blobs, queue=queue)
            for job_id in state.check_jobs:
                runner.run(job_id)
            with dispatch.transaction(db, queue) as session:
                demo.finish(session, settings=settings, blobs=blobs, state=state)
            loaded = True
        elif not loaded:
            print(f"데모 표본이 없어 데모 데이터를 건너뜁니다 (no samples at {samples})", flush=True)
    finally:
        db.dispose()
    if loaded:
        _print_logins(demo.logins(), demo.PASSWORD)


def _first_staff_hint(settings: Settings) -> None:
    """Without the demo the service starts with no accounts: say how to make the first one."""
    from dsreview.services.users import staff_count
    from dsreview.store import Database

    db = Database(settings)
    try:
        with db.session(write=False) as session:
            staff = staff_count(session)
    finally:
        db.dispose()
    if staff == 0:
        print(
            "직원 계정이 없습니다. 첫 직원 계정을 만드십시오 (no staff account yet; add the first one):\n"
            "  dsreview users add admin@example.go.kr --role staff --name 관리자 --password-stdin\n"
            "  (비밀번호는 표준 입력 첫 줄; 데모 데이터는 make run 또는 DSREVIEW_DEMO_DATA=true)",
            flush=True,
        )


def _print_logins(logins: list[Any], password: str) -> None:
    print("\n데모 계정 (demo logins) — 비밀번호 (password): " + password)
    for login in logins:
        print(f"  {login.role:<9} {login.email:<32} {login.name:<8} {login.note}")
    print(flush=True)


def _demo_sender(host: str | None, port: int | None) -> Settings:
    """The demo's own people in the closing block, unless the deployment names its own. Set in the
    environment, which the API factory and the worker read like this command."""
    from dsreview.config import get_settings
    from dsreview.services import demo

    for field, name in demo.SENDER.items():
        os.environ.setdefault(f"DSREVIEW_ORGANISATION__{field.upper()}", name)
    get_settings.cache_clear()
    return _settings(host, port)


def _run_api(settings: Settings) -> None:
    """Uvicorn on the app factory. The factory reads the same environment as this command; the
    command line's host and port only concern the listening socket."""
    import uvicorn

    uvicorn.run(
        "dsreview.api.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.api_workers,
        log_level="info",
        timeout_graceful_shutdown=5,
        access_log=False,
    )


def serve(host: HostOpt = None, port: PortOpt = None, workers: WorkersOpt = None) -> None:
    """Migrate, load demo data on first start, and run the API with a worker. Ctrl-C stops all."""
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    _logging()
    settings = _settings(host, port)
    if settings.demo_data:
        settings = _demo_sender(host, port)
    db = Database(settings)
    upgrade(db)
    db.dispose()
    if settings.demo_data:
        _demo(settings)
    else:
        _first_staff_hint(settings)
    supervisor = _Supervisor(settings, workers)
    supervisor.start()
    try:
        print(
            f"dsreview: http://{settings.host}:{settings.port}  (API 문서 /docs, 상태 /healthz)", flush=True
        )
        _run_api(settings)
    finally:
        supervisor.stop()


def api(host: HostOpt = None, port: PortOpt = None) -> None:
    """Only the API (several API machines can share one PostgreSQL and one Redis queue)."""
    from dsreview.store import Database
    from dsreview.store.migrate import upgrade

    _logging()
    settings = _settings(host, port)
    db = Database(settings)
    upgrade(db)
    db.dispose()
    _run_api(settings)


def worker(
    workers: WorkersOpt = None,
    pdf: Annotated[bool, typer.Option("--pdf/--no-pdf", help="run PDF converters (LibreOffice)")] = True,
) -> None:
    """Only a worker: Huey consumer threads and PDF converters (start one per machine)."""
    _worker_main(_settings(), workers, pdf)


def migrate() -> None:
    """Bring the database schema up to date."""
    from dsreview.store import Database
    from dsreview.store.migrate import current_revision, upgrade

    db = Database(_settings())
    try:
        upgrade(db)
        print(f"스키마 버전 (schema revision): {current_revision(db)}")
    finally:
        db.dispose()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("api")(api)
    app.command("worker")(worker)
    app.command("migrate")(migrate)
