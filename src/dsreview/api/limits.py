"""Limits applied at the door, before (or while) a body is read.

- An API request with a body and no genuine bearer token is 401 before a byte of the body is read
  (sign-in itself excepted): an anonymous 120 MB array costs nothing.
- JSON and form bodies may be `max_json_bytes` (1 MiB); only multipart uploads get the upload limit.
- Over the limit: 413, from the declared Content-Length or while the body streams in.
"""

from __future__ import annotations

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dsreview.api.errors import error_body
from dsreview.services.users import genuine_token

# Room for the multipart framing around the files themselves.
_OVERHEAD = 64 * 1024


class _TooLarge(Exception):
    pass


_BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
_ANONYMOUS_BODIES = {"/api/auth/token"}
_SMALL_TYPES = (b"application/json", b"application/x-www-form-urlencoded", b"text/")


async def _answer(
    send: Send, status: int, body_dict: dict[str, object], extra: list[tuple[bytes, bytes]]
) -> None:
    body = json.dumps(body_dict, ensure_ascii=False).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers + extra})
    await send({"type": "http.response.body", "body": body})


def _bearer(headers: dict[bytes, bytes]) -> str | None:
    value = headers.get(b"authorization", b"").decode("latin-1")
    scheme, _, token = value.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


class BodyLimit:
    def __init__(self, app: ASGIApp, *, max_bytes: int, max_json_bytes: int, key: str) -> None:
        self.app = app
        self.upload_limit = max_bytes + _OVERHEAD
        self.small_limit = max_json_bytes
        self.key = key

    async def _refuse(self, send: Send, limit: int) -> None:
        small = limit == self.small_limit
        message = "요청 본문이 너무 큽니다." if small else "업로드 크기 제한을 넘었습니다."
        shown = limit if small else limit - _OVERHEAD
        await _answer(send, 413, error_body("payload_too_large", message, {"max_bytes": shown}), [])

    def _anonymous_body(self, scope: Scope, headers: dict[bytes, bytes]) -> bool:
        """An API request that would send a body without a genuine token (sign-in excepted)."""
        path: str = scope.get("path", "")
        if (
            scope.get("method") not in _BODY_METHODS
            or not path.startswith("/api/")
            or path in _ANONYMOUS_BODIES
        ):
            return False
        token = _bearer(headers)
        return token is None or not genuine_token(token, key=self.key)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if self._anonymous_body(scope, headers):
            body = error_body("not_authenticated", "로그인이 필요합니다 (인증 토큰이 없거나 만료되었습니다).")
            await _answer(send, 401, body, [(b"www-authenticate", b"Bearer")])
            return
        content_type = headers.get(b"content-type", b"").lower()
        limit = self.small_limit if content_type.startswith(_SMALL_TYPES) else self.upload_limit
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(send, limit)
            return
        seen = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:
                return  # the app's own error response is replaced by the 413 below
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            # Whatever the app made of the interrupted body (a parse error, our _TooLarge), the
            # answer is 413; any other failure is the app's to report.
            if not exceeded:
                raise
        if exceeded and not started:
            await self._refuse(send, limit)
