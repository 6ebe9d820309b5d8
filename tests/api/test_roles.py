"""Every route declares its roles: the role × route matrix, checked against the app's actual routes.

A route missing from MATRIX fails the test, so a new route cannot ship without saying who may
call it. For each route and each role the test calls it: no token → 401; a role the route does
not serve → 403; a role it serves → neither (404 for what is not theirs, 422 for a bad body …).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from dsreview.api.app import create_app
from dsreview.config import Settings
from dsreview.store import Database
from tests.services.support import Api, People, api_for, make_people

PUBLIC = "public"
ANY = frozenset({"vendor", "staff", "reviewer", "agency"})
STAFF, VENDOR, REVIEWER, AGENCY = (frozenset({r}) for r in ("staff", "vendor", "reviewer", "agency"))

MATRIX: dict[tuple[str, str], frozenset[str] | str] = {
    ("GET", "/healthz"): PUBLIC,
    ("POST", "/api/auth/token"): PUBLIC,
    ("GET", "/api/me"): ANY,
    ("POST", "/api/auth/logout"): ANY,
    ("POST", "/api/users"): STAFF,
    ("GET", "/api/reviewers"): STAFF,
    ("POST", "/api/applications"): VENDOR,
    ("GET", "/api/applications"): frozenset({"vendor", "staff", "reviewer"}),
    ("GET", "/api/applications/{application_id}"): frozenset({"vendor", "staff", "reviewer"}),
    ("GET", "/api/applications/{application_id}/status"): frozenset({"vendor", "staff", "reviewer"}),
    ("POST", "/api/applications/{application_id}/files"): VENDOR,
    ("GET", "/api/applications/{application_id}/files/{file_id}"): frozenset({"vendor", "staff", "reviewer"}),
    ("GET", "/api/applications/{application_id}/corrections"): frozenset({"vendor", "staff", "reviewer"}),
    ("POST", "/api/applications/{application_id}/corrections"): STAFF,
    ("POST", "/api/applications/{application_id}/recheck"): STAFF,
    ("POST", "/api/applications/{application_id}/withdraw"): VENDOR,
    ("POST", "/api/applications/{application_id}/rehabilitation"): STAFF,
    ("POST", "/api/applications/{application_id}/supplement-request"): STAFF,
    ("POST", "/api/applications/{application_id}/assignments"): STAFF,
    ("GET", "/api/applications/{application_id}/assignments"): STAFF,
    ("POST", "/api/applications/{application_id}/review-report"): STAFF,
    ("POST", "/api/applications/{application_id}/decision"): STAFF,
    ("GET", "/api/applications/{application_id}/review-form"): REVIEWER,
    ("PUT", "/api/applications/{application_id}/opinion"): REVIEWER,
    ("GET", "/api/rounds"): ANY,
    ("POST", "/api/rounds"): STAFF,
    ("PATCH", "/api/rounds/{round_id}"): STAFF,
    ("POST", "/api/rounds/{round_id}/selection-notices"): STAFF,
    ("GET", "/api/jobs/{job_id}"): ANY,
    ("GET", "/api/services"): frozenset({"staff", "vendor", "agency"}),
    ("POST", "/api/services/publish"): STAFF,
    ("POST", "/api/services/{service_id}/self-checks"): VENDOR,
    ("GET", "/api/services/{service_id}/quality-checks"): frozenset({"staff", "vendor"}),
    ("POST", "/api/services/{service_id}/quality-checks"): STAFF,
    ("GET", "/api/quality/due"): STAFF,
    ("GET", "/api/services/{service_id}"): frozenset({"staff", "vendor"}),
    ("POST", "/api/services/{service_id}/changes"): VENDOR,
    ("GET", "/api/services/{service_id}/changes"): frozenset({"staff", "vendor"}),
    ("GET", "/api/changes"): STAFF,
    ("POST", "/api/changes/{change_id}/decision"): STAFF,
    ("POST", "/api/services/{service_id}/events"): VENDOR,
    ("GET", "/api/services/{service_id}/events"): frozenset({"staff", "vendor"}),
    ("GET", "/api/quality/items"): STAFF,
    ("POST", "/api/quality/items/{event_id}"): STAFF,
    ("POST", "/api/quality/watch"): STAFF,
    ("POST", "/api/contracts"): AGENCY,
    ("GET", "/api/contracts"): frozenset({"agency", "staff"}),
    ("GET", "/api/contracts/{contract_id}"): frozenset({"agency", "staff"}),
    ("POST", "/api/contracts/{contract_id}/changes"): AGENCY,
    ("GET", "/api/documents"): ANY,
    ("GET", "/api/documents/{document_id}"): ANY,
    ("GET", "/api/documents/{document_id}/content"): ANY,
    ("POST", "/api/sanctions"): STAFF,
    ("GET", "/api/sanctions"): STAFF,
    ("GET", "/api/audit"): STAFF,
    ("GET", "/api/public/catalogue"): PUBLIC,
    ("GET", "/api/public/catalogue/compare"): PUBLIC,
    ("GET", "/api/public/catalogue/export"): PUBLIC,
    ("GET", "/api/public/postings"): PUBLIC,
    ("GET", "/api/public/documents/{document_id}"): PUBLIC,
}
_FRAMEWORK = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


def _walk(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for route in routes:
        if isinstance(route, APIRoute):
            for method in route.methods - {"HEAD", "OPTIONS"}:
                yield method, route.path
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _walk(inner.routes, prefix)


def app_routes(app: FastAPI) -> set[tuple[str, str]]:
    """Every route: from the OpenAPI document and from the router tree (routes hidden from the docs too)."""
    found = {(m.upper(), p) for p, ops in app.openapi()["paths"].items() for m in ops}
    walked = set(_walk(list(app.router.routes)))
    # Included routers report paths without their prefix in the tree; the schema has full paths.
    full = {(m, p) for m, p in walked if p.startswith("/api") or p == "/healthz"}
    return (found | full) - {(m, p) for m, p in found | full if p in _FRAMEWORK}


def test_every_route_is_in_the_matrix(settings: Settings) -> None:
    routes = app_routes(create_app(settings))
    assert routes - set(MATRIX) == set(), "new routes need a MATRIX entry (who may call them?)"
    assert set(MATRIX) - routes == set(), "MATRIX lists routes the app does not have"


def _fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "999999", path)


@pytest.fixture
def api(db: Database, service_settings: Settings) -> Iterator[Api]:
    people: People = make_people(db, service_settings)
    with api_for(service_settings, db, people) as client:
        yield client


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_role_route_matrix(api: Api) -> None:
    failures: list[str] = []
    for (method, path), allowed in sorted(MATRIX.items()):
        url = _fill(path)
        kwargs: dict[str, Any] = {} if method == "GET" else {"json": {}}
        for who in (None, "vendor", "staff", "reviewer", "agency"):
            status = api.request(who, method, url, **kwargs).status_code
            if path == "/api/auth/logout" and who is not None and status == 204:
                api.relogin(who)  # the logout ended the role's sign-in, as it should
            if status >= 500:
                failures.append(f"{method} {path} as {who}: {status}")
            elif allowed == PUBLIC:
                if status in (401, 403):
                    failures.append(f"{method} {path} is public but answered {status} to {who}")
            elif who is None:
                if status != 401:
                    failures.append(f"{method} {path} without a token: {status}, expected 401")
            elif who in allowed:
                if status in (401, 403):
                    failures.append(f"{method} {path} as {who}: {status}, the role is allowed")
            elif status != 403:
                failures.append(f"{method} {path} as {who}: {status}, expected 403")
    assert failures == []
