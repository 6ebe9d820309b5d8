"""Fixtures and helpers of the service tests (store, services, jobs, api).

Real parts only: SQLite files in a temporary folder, a PostgreSQL cluster and a Redis server
started here (per xdist worker, on free ports, torn down at the end), Uvicorn on a free port.
"""

from __future__ import annotations

import contextlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from dsreview.config import Settings
from dsreview.domain import ExtractedDocument, Finding, Report, Severity, Status
from dsreview.services import checking, selection, users
from dsreview.services.actors import Actor
from dsreview.store import Database
from dsreview.store.migrate import upgrade

ROOT = Path(__file__).resolve().parent.parent.parent
CASES = ROOT / "samples" / "cases"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PASSWORD = "test-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(predicate: Any, *, timeout: float, interval: float = 0.05, what: str = "condition") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


# -- PostgreSQL -----------------------------------------------------------------------------------


@dataclass
class PostgresServer:
    folder: Path
    port: int
    user: str = "dsreview"

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        import psycopg

        name = f"t_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user={self.user} dbname=postgres", autocommit=True
        ) as c:
            c.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _as_postgres_user() -> list[str]:
    """initdb refuses root: as root, run the server as Debian's `postgres` account."""
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # KeyError: the postgresql package is not installed
    return ["runuser", "-u", "postgres", "--"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    folder = Path(tempfile.mkdtemp(prefix="dsreview-pg-"))
    prefix = _as_postgres_user()
    if prefix:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    run = [
        *prefix,
        str(PG_BIN / "initdb"),
        "-D",
        str(data),
        "-U",
        "dsreview",
        "--auth=trust",
        "-E",
        "UTF8",
        "--no-locale",
        "--no-sync",
    ]
    subprocess.run(run, check=True, capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    start = [
        *prefix,
        str(PG_BIN / "pg_ctl"),
        "-D",
        str(data),
        "-o",
        options,
        "-l",
        str(folder / "log"),
        "-w",
        "start",
    ]
    subprocess.run(start, check=True, capture_output=True)
    try:
        yield PostgresServer(folder=folder, port=port)
    finally:
        stop = [*prefix, str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
        subprocess.run(stop, check=False, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


# -- Redis ----------------------------------------------------------------------------------------


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen[bytes] = field(repr=False)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    import redis

    port = free_port()
    folder = tempfile.mkdtemp(prefix="dsreview-redis-")
    process = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            folder,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = redis.Redis(port=port)
    try:
        wait_for(lambda: _redis_up(client), timeout=10, what="redis")
        yield RedisServer(port=port, process=process)
    finally:
        client.close()
        process.terminate()
        process.wait(10)
        shutil.rmtree(folder, ignore_errors=True)


def _redis_up(client: Any) -> bool:
    import redis

    try:
        return bool(client.ping())
    except redis.ConnectionError:
        return False


# -- settings and the database ----------------------------------------------------------------------


def make_settings(data_dir: Path, **overrides: Any) -> Settings:
    base: dict[str, Any] = {
        "data_dir": data_dir,
        "password_time_cost": 1,
        "password_memory_kib": 8192,
        "demo_data": False,
        "pdf_converters": 1,
        "ocr_workers": 1,
        "job_lease_seconds": 6.0,
    }
    base.update(overrides)
    return Settings(**base)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=[pytest.mark.postgres])])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def service_settings(tmp_path: Path, backend: str, request: pytest.FixtureRequest) -> Settings:
    url = None
    if backend == "postgres":
        url = request.getfixturevalue("pg_server").create_database()
    return make_settings(tmp_path / "data", database_url=url)


@pytest.fixture
def db(service_settings: Settings) -> Iterator[Database]:
    database = Database(service_settings)
    upgrade(database)
    yield database
    database.dispose()


# -- people -----------------------------------------------------------------------------------------


@dataclass
class People:
    staff: Actor
    vendor: Actor
    other_vendor: Actor
    reviewer: Actor
    other_reviewer: Actor
    agency: Actor
    round_id: int

    def by_role(self) -> dict[str, Actor]:
        return {"staff": self.staff, "vendor": self.vendor, "reviewer": self.reviewer, "agency": self.agency}


def make_people(db: Database, settings: Settings) -> People:
    with db.transaction() as s:

        def add(email: str, role: str, name: str, brn: str | None = None, org: str | None = None) -> Actor:
            user = users.create_user(
                s,
                settings=settings,
                email=email,
                password=PASSWORD,
                role=role,
                name=name,
                org_brn=brn,
                org_name=org,
            )
            return Actor.of(user)

        staff = add("staff@test.kr", "staff", "김담당")
        return People(
            staff=staff,
            vendor=add("vendor@test.kr", "vendor", "장서연", "271-87-81566", "누리데이터 주식회사"),
            other_vendor=add("other@test.kr", "vendor", "윤승현", "526-81-10805", "(주)두리정보통신"),
            reviewer=add("reviewer@test.kr", "reviewer", "박검토"),
            other_reviewer=add("reviewer2@test.kr", "reviewer", "이검토"),
            agency=add("agency@test.kr", "agency", "정수요", "138-83-00012", "한빛시청"),
            round_id=selection.create_round(
                s, actor=staff, name="2025년 제1차", number=1, committee_date=date(2025, 6, 20)
            ).id,
        )


def vendor_for(db: Database, settings: Settings, api: Api, case: str) -> str:
    """A vendor account of the sample's own company, signed in on `api` as `case`."""
    truth = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    form = next(d["fields"] for d in truth["documents"] if d["type"] == "application_form")
    email = f"{case.lower()}@test.kr"
    with db.transaction() as s:
        users.create_user(
            s,
            settings=settings,
            email=email,
            password=PASSWORD,
            role="vendor",
            name=case,
            org_brn=form["business_registration_number"],
            org_name=form["company_name"],
        )
    api.login(case, email)
    return case


def set_round(db: Database, round_id: int, status: str) -> None:
    """Put a round in a state directly (setting up a test that is not about the round's states)."""
    from dsreview.store.models import Round

    with db.transaction() as s:
        found = s.get(Round, round_id)
        assert found is not None
        found.status = status


def received(db: Database, application_id: int, day: date) -> None:
    """Date a bundle's receipt (tests that judge a sample on the day its truth was written for)."""
    from dsreview.store.models import Application

    with db.transaction() as s:
        found = s.get(Application, application_id)
        assert found is not None
        found.received_on = day


# -- reports without the engine ---------------------------------------------------------------------


def report_from_truth(case: str) -> Report:
    """A report shaped like the engine's, from a sample's truth.json (for tests not about the engine)."""
    truth = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    documents = [
        ExtractedDocument(
            type=d["type"], source=d["file"], pages=d.get("pages", [1]), fields=d.get("fields", {})
        )
        for d in truth["documents"]
    ]
    findings = []
    for key in truth["expected"].get("findings", []):
        code, _, document = key.partition(":")
        findings.append(
            Finding(
                code=code, severity=Severity.error, document=document or None, message=f"{code} 확인 필요"
            )
        )
    criteria = {k: Status(v) for k, v in truth["expected"].get("criteria", {}).items()}
    return Report(
        application_date=date.fromisoformat(truth["application_date"]),
        complete=bool(truth["expected"].get("complete", True)),
        documents=documents,
        findings=findings,
        criteria=criteria,
    )


def case_files(case: str) -> list[Path]:
    truth = json.loads((CASES / case / "truth.json").read_text(encoding="utf-8"))
    return [CASES / case / name for name in truth["files"]]


def record_fake_check(db: Database, application_id: int, report: Report) -> None:
    """Do what the check job does, with a given report instead of running the engine."""
    with db.transaction() as s:
        app = checking.ApplicationRepository(s).get(application_id)
        assert app is not None
        generation = app.check_generation
        check = checking.begin(s, application_id=application_id, generation=generation)
    assert check is not None
    with db.transaction() as s:
        assert checking.record(s, check=check, report=report)


# -- a live API -------------------------------------------------------------------------------------


class LiveServer:
    """Uvicorn serving an app on a free loopback port, in a thread of this process."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="uvicorn", daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> LiveServer:
        self.thread.start()
        wait_for(lambda: self.server.started, timeout=20, what="uvicorn")
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(20)


class Api:
    """An httpx client with one bearer token per role."""

    def __init__(self, base_url: str) -> None:
        self.client = httpx.Client(base_url=base_url, timeout=60)
        self.tokens: dict[str, str] = {}
        self.logins: dict[str, tuple[str, str]] = {}

    def login(self, who: str, email: str, password: str = PASSWORD) -> None:
        r = self.client.post("/api/auth/token", data={"username": email, "password": password})
        assert r.status_code == 200, r.text
        self.tokens[who] = r.json()["access_token"]
        self.logins[who] = (email, password)

    def relogin(self, who: str) -> None:
        """A new token after a logout ended the last one."""
        self.login(who, *self.logins[who])

    def as_(self, who: str | None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}

    def request(self, who: str | None, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.as_(who), **kwargs.pop("headers", {})}
        return self.client.request(method, path, headers=headers, **kwargs)

    def get(self, who: str | None, path: str, **kwargs: Any) -> httpx.Response:
        return self.request(who, "GET", path, **kwargs)

    def post(self, who: str | None, path: str, **kwargs: Any) -> httpx.Response:
        return self.request(who, "POST", path, **kwargs)

    def close(self) -> None:
        self.client.close()


def upload_files(paths: list[Path]) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("files", (p.name, p.read_bytes(), "application/pdf")) for p in paths]


@contextlib.contextmanager
def api_for(settings: Settings, db: Database, people: People) -> Iterator[Api]:
    from dsreview.api.app import create_app

    with LiveServer(create_app(settings, db=db)) as live:
        api = Api(live.url)
        try:
            emails = {
                "staff": "staff@test.kr",
                "vendor": "vendor@test.kr",
                "other_vendor": "other@test.kr",
                "reviewer": "reviewer@test.kr",
                "other_reviewer": "reviewer2@test.kr",
                "agency": "agency@test.kr",
            }
            for who, email in emails.items():
                api.login(who, email)
            yield api
        finally:
            api.close()


# -- a worker process -------------------------------------------------------------------------------


class WorkerProcess:
    """`dsreview worker` as its own process, configured only through DSREVIEW_* variables."""

    def __init__(self, settings: Settings, *, pdf: bool = False, workers: int = 1) -> None:
        self.settings, self.pdf, self.workers = settings, pdf, workers
        self.process: subprocess.Popen[bytes] | None = None
        self.log = settings.data_dir.parent / f"worker-{uuid.uuid4().hex[:6]}.log"

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
        s = self.settings
        env.update(
            DSREVIEW_DATA_DIR=str(s.data_dir),
            DSREVIEW_JOB_LEASE_SECONDS=str(s.job_lease_seconds),
            DSREVIEW_PDF_CONVERTERS="1",
            DSREVIEW_OCR_WORKERS=str(s.ocr_workers),
            DSREVIEW_UNOSERVER_BASE_PORT=str(free_port()),
            DSREVIEW_DEMO_DATA="false",
        )
        if s.database_url:
            env["DSREVIEW_DATABASE_URL"] = s.database_url
        if s.queue_url:
            env["DSREVIEW_QUEUE_URL"] = s.queue_url
        return env

    def start(self) -> WorkerProcess:
        command = [
            sys.executable,
            "-c",
            "import sys; from dsreview.cli.app import main; sys.exit(main())",
            "worker",
            "--workers",
            str(self.workers),
            "--pdf" if self.pdf else "--no-pdf",
        ]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                command, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def stop(self) -> None:
        """SIGTERM and wait (the worker stops its converters); SIGKILL the group if it lingers."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.process = None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def __enter__(self) -> WorkerProcess:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def wait_status(api: Api, who: str, app_id: int, statuses: set[str], *, timeout: float) -> dict[str, Any]:
    def current() -> dict[str, Any] | None:
        body: dict[str, Any] = api.get(who, f"/api/applications/{app_id}").json()
        return body if body["status"] in statuses else None

    result: dict[str, Any] = wait_for(current, timeout=timeout, interval=0.2, what=f"status in {statuses}")
    return result
