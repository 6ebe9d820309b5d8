"""A local server that speaks 국세청's 사업자등록 상태조회 (the public data portal's nts-businessman
status service): `POST /api/nts-businessman/v1/status?serviceKey=…` with `{"b_no": [...]}`, at most
100 ten-digit numbers, answering `{"status_code": "OK", "match_cnt", "request_cnt", "data": [...]}`.
An unknown number answers an empty `b_stt_cd`, a wrong key 401, more than 100 numbers 413."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

PATH = "/api/nts-businessman/v1/status"
KEY = "test-service-key"
NAMES = {"01": "계속사업자", "02": "휴업자", "03": "폐업자"}


@dataclass
class FakeNts:
    """Statuses by number: {"2718781566": ("03", "20261120")}; every request is kept."""

    statuses: dict[str, tuple[str, str]] = field(default_factory=dict)
    requests: list[list[str]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{PATH}"

    def answer(self, numbers: list[str]) -> dict[str, Any]:
        rows = []
        for number in numbers:
            code, end = self.statuses.get(number, ("", ""))
            rows.append(
                {
                    "b_no": number,
                    "b_stt": NAMES.get(code, ""),
                    "b_stt_cd": code,
                    "tax_type": "부가가치세 일반과세자"
                    if code
                    else "국세청에 등록되지 않은 사업자등록번호입니다.",
                    "tax_type_cd": "01" if code else "",
                    "end_dt": end,
                    "utcc_yn": "N",
                    "tax_type_change_dt": "",
                    "invoice_apply_dt": "",
                }
            )
        matched = sum(1 for r in rows if r["b_stt_cd"])
        return {"status_code": "OK", "match_cnt": matched, "request_cnt": len(rows), "data": rows}

    def __enter__(self) -> FakeNts:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json;charset=UTF-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                url = urlparse(self.path)
                if url.path != PATH:
                    self._send(404, {"status_code": "NOT_FOUND"})
                    return
                if parse_qs(url.query).get("serviceKey") != [KEY]:
                    self._send(401, {"code": -4, "msg": "등록되지 않은 인증키 입니다."})
                    return
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    numbers = json.loads(self.rfile.read(length))["b_no"]
                except (ValueError, KeyError, TypeError):
                    self._send(400, {"status_code": "BAD_JSON_REQUEST"})
                    return
                if len(numbers) > 100:
                    self._send(413, {"status_code": "TOO_LARGE_REQUEST"})
                    return
                fake.requests.append(list(numbers))
                self._send(200, fake.answer(numbers))

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, name="fake-nts", daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
