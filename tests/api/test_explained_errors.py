"""Errors that are explained, through the live server: page addresses with ids past the database's
integers are 404 pages (as the API's are), and a data directory that cannot be written is a 503
with a Korean message on the API and the pages, with `/healthz` saying the storage failed."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.store import Database
from tests.api.test_roles import _walk
from tests.services.support import PASSWORD, LiveServer, free_port, make_people, wait_for

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
EMAILS = {
    "staff": "staff@test.kr",
    "vendor": "vendor@test.kr",
    "reviewer": "reviewer@test.kr",
    "agency": "agency@test.kr",
}
HUGE = [2**63, 2**64, 10**30]


def _signed_in(base: str, email: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=30)
    found = CSRF.search(client.get("/login").text)
    assert found
    r = client.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": found.group(1)})
    assert r.status_code == 303, r.text
    return client


def _page_routes(app: FastAPI) -> list[tuple[str, str]]:
    """The pages' routes with an id in their address (the web routers have no prefix)."""
    return sorted(
        (m, p) for m, p in set(_walk(list(app.router.routes))) if "{" in p and not p.startswith("/api")
    )


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_page_ids_past_the_database_integers_are_not_found(service_settings: Settings, db: Database) -> None:
    make_people(db, service_settings)
    app = create_app(service_settings, db=db)
    routes = _page_routes(app)
    assert len(routes) > 20
    failures = []
    with LiveServer(app) as live:
        for who, email in EMAILS.items():
            client = _signed_in(live.url, email)
            csrf = CSRF.search(client.get("/").text)
            headers = {"X-CSRF-Token": csrf.group(1)} if csrf else {}
            for method, path in routes:
                for value in HUGE:
                    url = re.sub(r"\{[^}]+\}", str(value), path)
                    r = client.request(method, url, headers=headers)
                    if r.status_code >= 500:
                        failures.append(f"{method} {path} as {who} with {value}: {r.status_code}")
            client.close()
    assert failures == []


# -- a data directory that cannot be written -------------------------------------------------------

_CLI = "import sys; from dsreview.cli.app import main; sys.exit(main())"


@pytest.fixture
def api_on_a_private_mount(tmp_path: Path) -> Iterator[tuple[str, int, Path]]:
    """`dsreview api` in a mount namespace of its own, its data directory a tmpfs there (which the
    test then makes read-only: as root, file modes would not stop the server writing)."""
    if os.geteuid() != 0 or not shutil.which("unshare") or not shutil.which("nsenter"):
        pytest.skip("needs root with unshare and nsenter")
    data = tmp_path / "data"
    data.mkdir()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env.update(
        DSREVIEW_DATA_DIR=str(data),
        DSREVIEW_PORT=str(port),
        DSREVIEW_PASSWORD_TIME_COST="1",
        DSREVIEW_PASSWORD_MEMORY_KIB="8192",
    )
    python = f"{sys.executable} -c '{_CLI}'"
    script = (
        f'mount -t tmpfs -o size=64m tmpfs "{data}" && '
        f"echo {PASSWORD} | {python} users add staff@test.kr --role staff --password-stdin >/dev/null && "
        f"exec {python} api"
    )
    log = tmp_path / "api.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            ["unshare", "--mount", "--propagation", "private", "sh", "-c", script],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"

    def ready() -> bool:
        assert process.poll() is None, log.read_text(errors="replace")[-2000:]
        try:
            return httpx.get(f"{base}/healthz", timeout=5).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(ready, timeout=120, interval=0.3, what="dsreview api")
        yield base, process.pid, data
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


def _sanctions(n: int) -> bytes:
    head = "business_registration_number,company_name,sanction_start,sanction_end,reason\n"
    return (head + f"203-88-53458,주식회사 다온시스템,2025-12-01,2026-05-31,사유 {n}\n").encode()


def test_a_data_directory_that_cannot_be_written_is_explained(
    api_on_a_private_mount: tuple[str, int, Path],
) -> None:
    base, pid, data = api_on_a_private_mount
    pages = _signed_in(base, "staff@test.kr")
    with httpx.Client(base_url=base, timeout=30) as api, contextlib.closing(pages):
        assert api.get("/healthz").json()["storage"] == "ok"
        token = api.post("/api/auth/token", data={"username": "staff@test.kr", "password": PASSWORD}).json()
        bearer = {"Authorization": f"Bearer {token['access_token']}"}
        r = api.post("/api/sanctions", headers=bearer, files={"file": ("s.csv", _sanctions(0), "text/csv")})
        assert r.status_code == 201, r.text
        page_csrf = CSRF.search(pages.get("/staff/sanctions").text)
        assert page_csrf

        # The data directory's file system fills up (its tmpfs, in the server's mount namespace).
        subprocess.run(
            ["nsenter", "-t", str(pid), "-m", "sh", "-c", f'cat /dev/zero > "{data}/filler"'],
            capture_output=True,
            check=False,
        )

        r = api.get("/healthz")
        assert r.status_code == 503
        assert r.json()["code"] == "unavailable"
        assert "데이터 폴더에 기록할 수 없습니다" in r.json()["message"]
        assert r.json()["detail"]["storage"] == "No space left on device"

        r = api.post("/api/sanctions", headers=bearer, files={"file": ("s.csv", _sanctions(1), "text/csv")})
        assert r.status_code == 503, r.text
        assert r.json()["code"] == "storage_unavailable"
        assert "저장소에 기록할 수 없어" in r.json()["message"]

        r = pages.post(
            "/staff/sanctions",
            data={"csrf_token": page_csrf.group(1)},
            files={"file": ("s.csv", _sanctions(2), "text/csv")},
        )
        assert r.status_code == 503
        assert "저장소에 기록할 수 없어" in r.text
        assert "Traceback" not in r.text

        # Reads go on answering.
        assert api.get("/api/me", headers=bearer).status_code == 200
