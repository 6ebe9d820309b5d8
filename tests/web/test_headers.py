"""Security headers on every answer, and the API's docs served offline from the npm packages,
through the live server and Debian's Chromium: Swagger UI and ReDoc render under the CSP with no
request leaving the server and no policy violation; the pages keep working under the same CSP."""

from __future__ import annotations

import httpx
import pytest
from playwright.sync_api import ConsoleMessage, Page, Response, expect

from dsreview.web import STATIC
from tests.services.support import ROOT
from tests.web.support import WebServer, login

pytestmark = [pytest.mark.xdist_group("web")]

PATHS = [
    "/",
    "/login",
    "/catalogue",
    "/api/public/catalogue",
    "/healthz",
    "/static/css/app.css",
    "/docs",
    "/redoc",
    "/openapi.json",
    "/no-such-page",
    "/api/no-such-route",
    "/api/me",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(web_server: WebServer, path: str) -> None:
    with httpx.Client(base_url=web_server.url, timeout=30) as client:
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp
        assert "script-src 'self'" in csp
        assert "'unsafe-eval'" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "same-origin"
        assert r.headers["x-frame-options"] == "DENY"
        assert "strict-transport-security" not in r.headers  # plain HTTP: no HSTS
        behind_tls = client.get(path, headers={"X-Forwarded-Proto": "https"})
        assert behind_tls.headers["strict-transport-security"].startswith("max-age=31536000")


def test_the_docs_are_the_pinned_npm_packages() -> None:
    shipped = {
        "swagger-ui/swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
        "swagger-ui/swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
        "redoc/redoc.standalone.js": "redoc/bundles/redoc.standalone.js",
    }
    for ours, package in shipped.items():
        assert (STATIC / "vendor" / ours).read_bytes() == (ROOT / "node_modules" / package).read_bytes(), (
            f"copy node_modules/{package} to src/dsreview/web/static/vendor/{ours} after upgrading it"
        )
    for page in (STATIC / "docs").glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'src="http' not in text
        assert 'href="http' not in text
        assert "<script>" not in text  # no inline script: the CSP would refuse it


def _watch(page: Page, server: WebServer) -> tuple[list[str], list[str]]:
    """Requests answered from outside the server (what left the machine), and CSP refusals."""
    elsewhere: list[str] = []
    violations: list[str] = []

    def response(r: Response) -> None:
        if not r.url.startswith((server.url, "data:", "blob:", "about:")):
            elsewhere.append(r.url)

    def console(m: ConsoleMessage) -> None:
        if "Content Security Policy" in m.text or "Refused to" in m.text:
            violations.append(m.text)

    page.on("response", response)
    page.on("console", console)
    return elsewhere, violations


def test_swagger_ui_and_redoc_render_offline_under_the_csp(page: Page, web_server: WebServer) -> None:
    elsewhere, violations = _watch(page, web_server)
    page.goto(f"{web_server.url}/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("dsreview", timeout=30_000)
    expect(page.locator(".opblock-summary-path", has_text="/api/auth/token").first).to_be_visible()
    assert violations == []
    page.goto(f"{web_server.url}/redoc")
    expect(page.locator("h1", has_text="dsreview")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("/api/auth/token").first).to_be_attached()
    assert elsewhere == []
    # ReDoc always asks its vendor's CDN for a logo image; the CSP refuses it (ReDoc then hides
    # it), and that is the only thing refused.
    assert all("cdn.redoc.ly/redoc/logo-mini.svg" in v for v in violations), violations


def test_the_pages_work_under_the_csp(page: Page, web_server: WebServer) -> None:
    elsewhere, violations = _watch(page, web_server)
    page.goto(f"{web_server.url}/catalogue")
    login(page, web_server, "staff")
    page.goto(f"{web_server.url}/staff")
    page.goto(f"{web_server.url}/staff/stats")
    login_page_htmx = page.evaluate("typeof window.htmx")
    assert login_page_htmx == "object"  # the served htmx ran
    assert elsewhere == []
    assert violations == []
