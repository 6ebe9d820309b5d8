"""The FastAPI application factory: `create_app(settings)`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from dsreview import __version__
from dsreview.api import errors, headers
from dsreview.api.context import AppContext
from dsreview.api.headers import SecurityHeaders
from dsreview.api.limits import BodyLimit
from dsreview.api.routers import (
    applications,
    auth,
    catalogue,
    changes,
    contracts,
    documents,
    health,
    review,
    rounds,
)
from dsreview.config import Settings, get_settings
from dsreview.jobs.queue import JobQueue
from dsreview.services.throttle import SignInGuard
from dsreview.services.users import signing_key
from dsreview.store import BlobStore, Database
from dsreview.templates.sources import check_templates
from dsreview.web import install as install_pages

DESCRIPTION = """디지털서비스 전문계약제도 서류 엔진의 API.

Sign in with `POST /api/auth/token` (OAuth2 password form: `username` = e-mail) and send
`Authorization: Bearer <token>`. Errors are JSON `{"code", "message", "detail"?}` with a stable code.
"""


def create_app(
    settings: Settings | None = None, *, db: Database | None = None, queue: JobQueue | None = None
) -> FastAPI:
    """The API over one database and queue. Migrations are run by `dsreview serve` / `migrate`."""
    settings = settings or get_settings()
    check_templates(settings)  # an edited template naming a field the data lacks stops the start
    database = db or Database(settings)
    ctx = AppContext(
        settings=settings,
        db=database,
        blobs=BlobStore(settings.blob_dir),
        queue=queue or JobQueue(settings),
        key=signing_key(settings),
        signin=SignInGuard(settings.signin),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if db is None:
            database.dispose()

    app = FastAPI(
        title="dsreview",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served from the app's own files (api/headers.py), not a CDN
        redoc_url=None,
    )
    app.state.ctx = ctx
    errors.install(app)
    app.add_middleware(
        BodyLimit,
        max_bytes=settings.limits.max_upload_bytes,
        max_json_bytes=settings.limits.max_json_bytes,
        key=ctx.key,
    )
    app.add_middleware(SecurityHeaders, base_url=settings.base_url)
    app.include_router(headers.docs)
    for module in (health, auth, applications, review, rounds, catalogue, changes, contracts, documents):
        app.include_router(module.router)
    app.include_router(catalogue.public)
    install_pages(app)  # the pages (dsreview.web); last: its catch-all page answers unknown addresses
    return app
