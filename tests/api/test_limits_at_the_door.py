"""Limits applied at the door, through the live server: a file over the per-file limit is 413
naming it and nothing is stored; a company past its storage quota is 413; JSON bodies have a small
limit; and an API request without a genuine token is 401 before its body is read."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from dsreview.config import Limits, Settings
from dsreview.store import Database
from tests.services.support import Api, api_for, case_files, make_people, make_settings, upload_files

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
MIB = 1024 * 1024


def _stored(settings: Settings) -> list[Path]:
    return [p for p in settings.blob_dir.rglob("*") if p.is_file() and "tmp" not in p.parts]


@pytest.fixture
def limited(db: Database, service_settings: Settings) -> Iterator[tuple[Api, Settings]]:
    settings = make_settings(
        service_settings.data_dir,
        database_url=service_settings.database_url,
        limits=Limits(max_file_bytes=5 * MIB, vendor_quota_bytes=700_000, max_json_bytes=64 * 1024),
    )
    people = make_people(db, settings)
    with api_for(settings, db, people) as client:
        yield client, settings


def test_a_file_over_the_per_file_limit_is_refused_by_name(limited: tuple[Api, Settings]) -> None:
    api, settings = limited
    before = _stored(settings)
    files = [
        *upload_files(case_files("S01")[:2]),
        ("files", ("큰_등기부.pdf", b"%PDF-1.7\n" + b"0" * (6 * MIB), "application/pdf")),
    ]
    r = api.post("vendor", "/api/applications", files=files)
    assert r.status_code == 413, r.text
    body = r.json()
    assert body["code"] == "payload_too_large"
    assert "「큰_등기부.pdf」 파일이" in body["message"]
    assert "5 MB" in body["message"]
    assert body["detail"]["file"] == "큰_등기부.pdf"
    # Nothing was stored, not even the bundle's other files, and no application was made.
    assert _stored(settings) == before
    assert api.get("vendor", "/api/applications").json() == []


def test_a_company_past_its_storage_quota_is_refused(limited: tuple[Api, Settings]) -> None:
    api, settings = limited
    first = api.post("vendor", "/api/applications", files=upload_files(case_files("S01")[:6]))
    assert first.status_code == 202, first.text  # about 360 KB of the 700 KB quota
    stored = _stored(settings)
    again = api.post("vendor", "/api/applications", files=upload_files(case_files("S10")[:6]))
    assert again.status_code == 413, again.text
    body = again.json()
    assert "저장 용량 한도" in body["message"]
    assert body["detail"]["quota_bytes"] == 700_000
    assert _stored(settings) == stored
    assert len(api.get("vendor", "/api/applications").json()) == 1
    # Another company has a quota of its own.
    r = api.post("other_vendor", "/api/applications", files=upload_files(case_files("S10")[:2]))
    assert r.status_code == 202, r.text


def _raw(api: Api, head: str) -> bytes:
    """Send only a request's head (no body) and read what the server answers at once."""
    host, port = api.client.base_url.host, api.client.base_url.port
    assert port is not None
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(head.encode("latin-1"))
        sock.settimeout(5)  # an answer that waits for the body never comes: a timeout fails the test
        return sock.recv(4096)


def test_json_bodies_are_small_and_anonymous_bodies_are_never_read(limited: tuple[Api, Settings]) -> None:
    api, _ = limited
    path = "/api/applications/1/assignments"
    big = b"[" + b"1," * 100_000 + b"1]"  # 200 KB of JSON
    r = api.post("staff", path, content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json()["detail"]["max_bytes"] == 64 * 1024
    # A small body is not refused for its size.
    r = api.post("staff", path, json={"reviewer_ids": [1]})
    assert r.status_code != 413

    # 120 MB announced, none sent: without a token the answer is 401 at once …
    head = (
        f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 120000000\r\n\r\n"
    )
    answer = _raw(api, head)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]
    assert b"not_authenticated" in answer
    # … and a forged token does no better.
    forged = head.replace("Host: x\r\n", "Host: x\r\nAuthorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.x\r\n")
    assert _raw(api, forged).startswith(b"HTTP/1.1 401")
    # With a genuine token the same announcement is too large for JSON, still before the body.
    signed = head.replace("Host: x\r\n", f"Host: x\r\nAuthorization: Bearer {api.tokens['staff']}\r\n")
    assert _raw(api, signed).startswith(b"HTTP/1.1 413")
