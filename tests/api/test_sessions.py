"""Sign-ins that can be revoked, through the live server: logout ends a sign-in wherever it is used
(a cookie saved before, the API's token), and `dsreview users passwd|disable` end them too."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import httpx

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.store import Database
from tests.services.support import PASSWORD, LiveServer, make_people

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
VENDOR = "vendor@test.kr"


def _csrf(client: httpx.Client, path: str) -> str:
    found = CSRF.search(client.get(path).text)
    assert found, path
    return found.group(1)


def _token(client: httpx.Client, email: str = VENDOR, password: str = PASSWORD) -> httpx.Response:
    return client.post("/api/auth/token", data={"username": email, "password": password})


def _me(client: httpx.Client, token: str) -> int:
    return client.get("/api/me", headers={"Authorization": f"Bearer {token}"}).status_code


def test_logout_ends_the_sign_in_everywhere(service_settings: Settings, db: Database) -> None:
    make_people(db, service_settings)
    with (
        LiveServer(create_app(service_settings, db=db)) as live,
        httpx.Client(base_url=live.url, timeout=30) as pages,
        httpx.Client(base_url=live.url, timeout=30) as api,
    ):
        r = pages.post(
            "/login", data={"email": VENDOR, "password": PASSWORD, "csrf_token": _csrf(pages, "/login")}
        )
        assert r.status_code == 303
        saved = dict(pages.cookies)
        token = _token(api).json()["access_token"]
        assert _me(api, token) == 200
        assert pages.get("/vendor").status_code == 200

        r = pages.post("/logout", data={"csrf_token": _csrf(pages, "/vendor")})
        assert r.status_code == 303
        # The cookie saved before the logout, sent from elsewhere, signs in no more …
        with httpx.Client(base_url=live.url, cookies=saved, timeout=30) as replay:
            r = replay.get("/vendor")
            assert r.status_code == 303
            assert r.headers["location"].startswith("/login")
        # … and neither does the API token issued before it.
        assert _me(api, token) == 401

        # The API's own logout does the same for its tokens (and the pages' cookies).
        token = _token(api).json()["access_token"]
        assert _me(api, token) == 200
        r = api.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 204
        assert _me(api, token) == 401
        r = api.post("/api/auth/logout", headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401


def _cli(settings: Settings, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DSREVIEW_")}
    env["DSREVIEW_DATA_DIR"] = str(settings.data_dir)
    if settings.database_url:
        env["DSREVIEW_DATABASE_URL"] = settings.database_url
    env["DSREVIEW_PASSWORD_TIME_COST"] = str(settings.password_time_cost)
    env["DSREVIEW_PASSWORD_MEMORY_KIB"] = str(settings.password_memory_kib)
    command = [sys.executable, "-c", "import sys; from dsreview.cli.app import main; sys.exit(main())"]
    return subprocess.run(
        [*command, *args], input=stdin, env=env, capture_output=True, text=True, timeout=120
    )


def test_passwd_and_disable_end_every_sign_in(service_settings: Settings, db: Database) -> None:
    make_people(db, service_settings)
    with LiveServer(create_app(service_settings, db=db)) as live, httpx.Client(base_url=live.url) as api:
        before = _token(api).json()["access_token"]
        done = _cli(service_settings, "users", "passwd", VENDOR, "--password-stdin", stdin="a-new-password\n")
        assert done.returncode == 0, done.stderr
        assert "비밀번호를 바꾸고" in done.stdout
        assert _me(api, before) == 401  # the token from before the change
        assert _token(api).status_code == 401  # the old password
        after = _token(api, password="a-new-password").json()["access_token"]
        assert _me(api, after) == 200

        done = _cli(service_settings, "users", "disable", VENDOR)
        assert done.returncode == 0, done.stderr
        assert _me(api, after) == 401
        assert _token(api, password="a-new-password").status_code == 401
        done = _cli(service_settings, "users", "enable", VENDOR)
        assert done.returncode == 0, done.stderr
        assert _token(api, password="a-new-password").status_code == 200
        assert _me(api, after) == 401  # enabling again does not bring old sign-ins back

    unknown = _cli(service_settings, "users", "disable", "nobody@test.kr")
    assert unknown.returncode == 2
    assert unknown.stderr.count("\n") == 1
    assert "등록되지 않은 전자우편 주소" in unknown.stderr
    short = _cli(service_settings, "users", "passwd", VENDOR, "--password-stdin", stdin="short\n")
    assert short.returncode == 2
    assert "8자 이상" in short.stderr
