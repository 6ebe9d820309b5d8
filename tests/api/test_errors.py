"""Errors are JSON with a stable code, never a 500: limits, bad input, bad tokens, odd values."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from dsreview.config import Limits, Settings
from dsreview.store import Database
from tests.services.support import Api, api_for, make_people, make_settings

pytestmark = pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
LIMIT = 100_000


@pytest.fixture
def api(db: Database, service_settings: Settings) -> Iterator[Api]:
    settings = make_settings(
        service_settings.data_dir,
        database_url=service_settings.database_url,
        limits=Limits(max_upload_bytes=LIMIT),
    )
    people = make_people(db, settings)
    with api_for(settings, db, people) as client:
        yield client


def _error(response: object, status: int, code: str) -> dict[str, object]:
    assert getattr(response, "status_code", None) == status, getattr(response, "text", "")
    body = response.json()  # type: ignore[attr-defined]
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["message"]
    return dict(body)


def test_uploads_over_the_limit_are_413(api: Api, service_settings: Settings) -> None:
    # Declared too large: refused before the body is read.
    big = [("files", ("big.pdf", b"%PDF" + b"0" * (3 * LIMIT), "application/pdf"))]
    _error(api.post("vendor", "/api/applications", files=big), 413, "payload_too_large")
    # Just over: the body is read, the store counts, nothing is recorded.
    over = [
        ("files", ("a.pdf", b"%PDF" + b"1" * (LIMIT // 2), "application/pdf")),
        ("files", ("b.pdf", b"%PDF" + b"2" * (LIMIT // 2 + 10), "application/pdf")),
    ]
    _error(api.post("vendor", "/api/applications", files=over), 413, "payload_too_large")
    assert api.get("vendor", "/api/applications").json() == []
    # Streamed without a length (chunked): counted while it arrives.
    boundary = "dsreviewboundary"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="c.pdf"\r\n'
        "Content-Type: application/pdf\r\n\r\n"
    ).encode()

    def body() -> Iterator[bytes]:
        yield head
        for _ in range(40):
            yield b"3" * 10_000
        yield f"\r\n--{boundary}--\r\n".encode()

    r = api.post(
        "vendor",
        "/api/applications",
        content=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    _error(r, 413, "payload_too_large")
    tmp = service_settings.blob_dir / "tmp"
    assert not tmp.exists() or list(tmp.iterdir()) == []


def test_bad_requests(api: Api) -> None:
    _error(api.get(None, "/api/nothing-here"), 404, "not_found")
    _error(api.request("vendor", "DELETE", "/api/applications"), 405, "method_not_allowed")
    r = api.post("staff", "/api/rounds", content=b"{not json", headers={"Content-Type": "application/json"})
    _error(r, 422, "invalid_request")
    _error(api.post("vendor", "/api/applications"), 422, "invalid_request")
    _error(api.get("staff", "/api/applications/99999999999999999999999"), 422, "invalid_request")
    _error(api.get("staff", "/api/applications", params={"limit": 10**9}), 422, "invalid_request")
    _error(api.get("staff", "/api/quality/due", params={"month": "0000-01"}), 422, "invalid_request")
    r = api.post("staff", "/api/rounds", json={"name": "x", "number": 1, "committee_date": "9999-12-31"})
    _error(r, 422, "invalid_data")


def test_validation_errors_name_the_field_by_its_korean_label(api: Api) -> None:
    """No code or English reaches a Korean user: `files` is 제출 파일, the reason is Korean."""
    body = _error(api.post("vendor", "/api/applications"), 422, "invalid_request")
    assert body["message"] == "요청을 처리할 수 없습니다: 제출 파일이 필요합니다."
    assert body["detail"]["errors"][0]["loc"] == ["body", "files"]  # the codes stay for programs
    body = _error(api.get("staff", "/api/applications", params={"limit": 10**9}), 422, "invalid_request")
    assert body["message"].startswith("요청을 처리할 수 없습니다: 개수는 ")
    body = _error(
        api.post("staff", "/api/rounds", content=b"{not json", headers={"Content-Type": "application/json"}),
        422,
        "invalid_request",
    )
    assert body["message"] == "요청을 처리할 수 없습니다: 요청 본문이 올바른 JSON이 아닙니다."
    for message in (body["message"],):
        assert not re.search(r"[A-Za-z]{3,}", message.replace("JSON", "")), message


def test_contract_dates_out_of_range(api: Api) -> None:
    contract = {
        "name": "x",
        "method": "private",
        "amount": 1,
        "contract_date": "9999-12-31",
        "start_date": "9999-12-31",
        "end_date": "9999-12-31",
        "service_ids": [1],
    }
    body = _error(api.post("agency", "/api/contracts", json=contract), 422, "invalid_data")
    assert body["detail"] == {"pointer": "/contract_date"}


def test_tokens(api: Api) -> None:
    r = api.client.post("/api/auth/token", data={"username": "vendor@test.kr", "password": "wrong-password"})
    _error(r, 401, "invalid_credentials")
    r = api.client.post("/api/auth/token", data={"username": "nobody@test.kr", "password": "whatever1"})
    _error(r, 401, "invalid_credentials")
    for token in ("garbage", api.tokens["vendor"][:-2] + "xx"):
        r = api.client.get("/api/me", headers={"Authorization": f"Bearer {token}"})
        _error(r, 401, "not_authenticated")
        assert r.headers["www-authenticate"] == "Bearer"
    assert api.get("vendor", "/api/me").json()["email"] == "vendor@test.kr"
