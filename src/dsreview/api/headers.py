"""Security headers on every answer (API, pages, static files, errors), and the API's docs pages
served from the npm packages the app ships (`/docs`, `/redoc`): nothing loads from a CDN.

The Content-Security-Policy allows scripts only from the app itself (no inline script anywhere),
no framing (`frame-ancestors 'none'`), no plugins; styles may be inline (the pages' evidence boxes,
htmx's indicator, ReDoc's styled components). HSTS is sent only over TLS.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dsreview.web import STATIC

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000; includeSubDomains"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, base_url: str = "") -> None:
        self.app = app
        self.tls_configured = base_url.startswith("https://")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Uvicorn sets the scheme from X-Forwarded-Proto when the proxy is trusted.
        tls = self.tls_configured or scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in HEADERS.items():
                    headers.setdefault(name, value)
                if tls:
                    headers.setdefault("Strict-Transport-Security", HSTS)
            await send(message)

        await self.app(scope, receive, with_headers)


docs = APIRouter(include_in_schema=False)


@docs.get("/docs")
def swagger_ui() -> FileResponse:
    return FileResponse(STATIC / "docs" / "swagger.html", media_type="text/html")


@docs.get("/redoc")
def redoc() -> FileResponse:
    return FileResponse(STATIC / "docs" / "redoc.html", media_type="text/html")
