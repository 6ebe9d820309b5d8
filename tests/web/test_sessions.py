"""Sessions and the rules of who sees what, over plain HTTP against the live server: cookie flags,
CSRF on every form, the same roles and 'not yours is 404' as the API, safe redirects."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import httpx
import pytest

from tests.services.support import PASSWORD, record_fake_check, report_from_truth
from tests.web.support import WebServer, submit

pytestmark = [pytest.mark.xdist_group("web")]
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def _csrf(client: httpx.Client, path: str = "/login") -> str:
    found = CSRF.search(client.get(path).text)
    assert found, path
    return found.group(1)


@contextlib.contextmanager
def _signed_in(server: WebServer, who: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30) as client:
        token = _csrf(client)
        r = client.post(
            "/login", data={"email": server.emails[who], "password": PASSWORD, "csrf_token": token}
        )
        assert r.status_code == 303, r.text
        yield client


@pytest.fixture
def anonymous(web_server: WebServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=web_server.url, timeout=30) as client:
        yield client


def test_session_cookie_flags(anonymous: httpx.Client) -> None:
    cookie = anonymous.get("/login").headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "secure" not in cookie
    anonymous.cookies.clear()
    behind_tls = anonymous.get("/login", headers={"X-Forwarded-Proto": "https"}).headers["set-cookie"]
    assert "secure" in behind_tls.lower()


def test_forms_need_the_csrf_token(web_server: WebServer, anonymous: httpx.Client) -> None:
    data = {"email": web_server.emails["vendor"], "password": PASSWORD}
    refused = anonymous.post("/login", data=data)
    assert refused.status_code == 403
    assert "보안 확인 정보가 맞지 않습니다" in refused.text
    forged = anonymous.post("/login", data={**data, "csrf_token": "forged"})
    assert forged.status_code == 403
    with _signed_in(web_server, "vendor") as client:
        assert client.post("/logout").status_code == 403
        token = _csrf(client, "/vendor")
        assert client.post("/logout", data={"csrf_token": token}).status_code == 303
        assert client.get("/vendor").status_code == 303


def test_pages_keep_the_api_rules(web_server: WebServer, anonymous: httpx.Client) -> None:
    theirs = submit(web_server, web_server.people.other_vendor, "S24")
    record_fake_check(web_server.db, theirs, report_from_truth("S24"))

    # No sign-in: to the sign-in page, coming back afterwards.
    r = anonymous.get(f"/vendor/applications/{theirs}")
    assert r.status_code == 303
    assert r.headers["location"] == f"/login?next=/vendor/applications/{theirs}"

    with _signed_in(web_server, "vendor") as vendor:
        # Another vendor's application: not found, exactly like one that does not exist.
        assert vendor.get(f"/vendor/applications/{theirs}").status_code == 404
        assert vendor.get("/vendor/applications/999999").status_code == 404
        assert vendor.get(f"/applications/{theirs}/progress").status_code == 404
        # A page of another role: forbidden.
        staff_page = vendor.get("/staff")
        assert staff_page.status_code == 403
        assert "권한이 없습니다" in staff_page.text
        assert vendor.get(f"/staff/applications/{theirs}/files/1/pages/1").status_code == 403
    with _signed_in(web_server, "other_vendor") as owner:
        assert owner.get(f"/vendor/applications/{theirs}").status_code == 200
    with _signed_in(web_server, "reviewer") as reviewer:
        assert reviewer.get(f"/reviewer/applications/{theirs}").status_code == 404
    with _signed_in(web_server, "staff") as staff:
        assert staff.get(f"/staff/applications/{theirs}").status_code == 200
        assert staff.get("/staff/applications/not-a-number").status_code == 404


def test_sign_in_follows_only_local_addresses(web_server: WebServer, anonymous: httpx.Client) -> None:
    for target, expected in (("/staff/deadlines", "/staff/deadlines"), ("//elsewhere.example", "/staff")):
        with httpx.Client(base_url=web_server.url, timeout=30) as client:
            token = _csrf(client)
            data = {
                "email": web_server.emails["staff"],
                "password": PASSWORD,
                "csrf_token": token,
                "next": target,
            }
            assert client.post("/login", data=data).headers["location"] == expected


def test_unknown_api_addresses_stay_json(anonymous: httpx.Client) -> None:
    r = anonymous.get("/api/no-such-route")
    assert r.status_code == 404
    assert r.json()["code"] == "not_found"


def test_a_merged_file_is_replaced_as_a_whole(web_server: WebServer) -> None:
    """Every document of a merged PDF points at the same file: re-uploading one says so."""
    application_id = submit(web_server, web_server.people.vendor, "S02")
    record_fake_check(web_server.db, application_id, report_from_truth("S02"))
    with _signed_in(web_server, "vendor") as vendor:
        html = vendor.get(f"/vendor/applications/{application_id}").text
    assert "다른 서류 7종과 함께 들어 있습니다" in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "element ids must be unique"
