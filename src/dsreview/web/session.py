"""Cookie sessions of the pages: the sign-in, a CSRF token and one-time messages.

The cookie holds the same signed, expiring token the API hands out (`users.issue_token`), so the
pages and the API accept exactly the same sign-ins and `users.actor_from_token` decides for both.
It is signed again (itsdangerous) with the CSRF token beside it, HttpOnly, SameSite=Lax, and
Secure when the request came over TLS (directly or through a proxy that says so).
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from dsreview.config import Settings
from dsreview.domain.korean import particles

COOKIE = "dsreview_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
_SALT = "dsreview.web.session"


@dataclass(slots=True)
class WebSession:
    token: str | None = None
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    flashes: list[tuple[str, str]] = field(default_factory=list)  # (kind, message), shown once
    changed: bool = False

    def sign_in(self, token: str) -> None:
        """A new sign-in gets a new CSRF token (a token seen before sign-in is worth nothing after)."""
        self.token, self.csrf, self.changed = token, secrets.token_urlsafe(32), True

    def sign_out(self) -> None:
        self.token, self.csrf, self.changed = None, secrets.token_urlsafe(32), True

    def flash(self, message: str, kind: str = "success") -> None:
        self.flashes.append((kind, particles(message)))
        self.changed = True

    def take_flashes(self) -> list[tuple[str, str]]:
        taken, self.flashes = self.flashes, []
        if taken:
            self.changed = True
        return taken

    def csrf_ok(self, sent: str | None) -> bool:
        return bool(sent) and hmac.compare_digest(self.csrf, str(sent))


def _serializer(key: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(key, salt=_SALT)


def load(request: Request, *, key: str, settings: Settings) -> WebSession:
    """The request's session (made fresh when the cookie is missing, forged or too old)."""
    found: WebSession | None = getattr(request.state, "web_session", None)
    if found is not None:
        return found
    raw = request.cookies.get(COOKIE)
    session = None
    if raw:
        try:
            data: dict[str, Any] = _serializer(key).loads(raw, max_age=settings.token_minutes * 60)
            session = WebSession(
                token=data.get("t") or None,
                csrf=str(data["c"]),
                flashes=[(str(k), str(m)) for k, m in data.get("f", [])],
            )
        except (BadSignature, KeyError, TypeError, ValueError):
            session = None
    if session is None:
        session = WebSession(changed=True)
    request.state.web_session = session
    return session


def secure_request(request: Request, settings: Settings) -> bool:
    """Over TLS: the scheme Uvicorn saw (it honours X-Forwarded-Proto from trusted proxies) or the
    public address the service is configured with."""
    return request.url.scheme == "https" or settings.base_url.startswith("https://")


def save(request: Request, response: Response, *, key: str, settings: Settings) -> None:
    """Write the cookie back when the session changed during the request."""
    session: WebSession | None = getattr(request.state, "web_session", None)
    if session is None or not session.changed:
        return
    value = _serializer(key).dumps({"t": session.token, "c": session.csrf, "f": session.flashes})
    response.set_cookie(
        COOKIE,
        value,
        max_age=settings.token_minutes * 60,
        path="/",
        httponly=True,
        samesite="lax",
        secure=secure_request(request, settings),
    )
