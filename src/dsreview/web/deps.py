"""Dependencies of the pages: the app's parts, sessions, the signed-in actor with its role, CSRF.

The roles and the "not yours is 404" rule are the services' (`require_role`, `visible_*`); a page
only says which roles it serves, like an API route, and sends visitors without a sign-in to the
sign-in page instead of answering 401.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol, cast

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from dsreview.config import Settings
from dsreview.errors import AuthenticationError, DsreviewError, ForbiddenError
from dsreview.jobs.queue import JobQueue
from dsreview.services import users
from dsreview.services.actors import Actor
from dsreview.services.throttle import SignInGuard
from dsreview.store import BlobStore, Database
from dsreview.store.models import Role
from dsreview.web import session as cookies
from dsreview.web.session import CSRF_FIELD, CSRF_HEADER, WebSession


class Parts(Protocol):
    """What the app factory keeps in `app.state.ctx` (the API's AppContext), as the pages use it."""

    @property
    def settings(self) -> Settings: ...
    @property
    def db(self) -> Database: ...
    @property
    def blobs(self) -> BlobStore: ...
    @property
    def queue(self) -> JobQueue: ...
    @property
    def key(self) -> str: ...
    @property
    def signin(self) -> SignInGuard: ...


class LoginRequired(DsreviewError):
    """No sign-in (or an expired one): the page sends the visitor to the sign-in form."""

    code = "login_required"
    http_status = 303


class CsrfError(DsreviewError):
    code = "csrf_failed"
    http_status = 403


def parts(request: Request) -> Parts:
    return cast(Parts, request.app.state.ctx)


def web_session(request: Request) -> WebSession:
    ctx = parts(request)
    return cookies.load(request, key=ctx.key, settings=ctx.settings)


def read_session(ctx: Parts = Depends(parts)) -> Iterator[Session]:
    with ctx.db.session(write=False) as session:
        yield session


def write_session(ctx: Parts = Depends(parts)) -> Iterator[Session]:
    """A write transaction the page commits itself (`dispatch.commit`); else rolled back."""
    with ctx.db.session(write=True) as session:
        yield session


def current_actor(request: Request) -> Actor | None:
    """The signed-in actor, or None; an expired or revoked sign-in is dropped from the cookie."""
    ctx = parts(request)
    state = web_session(request)
    if not state.token:
        return None
    found: Actor | None = getattr(request.state, "actor", None)
    if found is not None:
        return found
    with ctx.db.session(write=False) as session:
        try:
            found = users.actor_from_token(session, token=state.token, key=ctx.key)
        except AuthenticationError:
            state.sign_out()
            return None
    request.state.actor = found
    return found


class allow:
    """The dependency that admits only the given roles (a page's counterpart of the API's `allow`)."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    def __call__(self, request: Request) -> Actor:
        actor = current_actor(request)
        if actor is None:
            raise LoginRequired("로그인이 필요합니다.")
        if actor.role not in self.roles:
            raise ForbiddenError("이 화면을 사용할 권한이 없습니다.")
        return actor


STAFF = allow(Role.staff)
VENDOR = allow(Role.vendor)
REVIEWER = allow(Role.reviewer)
AGENCY = allow(Role.agency)
ANY_USER = allow(*Role)


async def csrf_protected(request: Request) -> None:
    """Every state-changing request carries the session's CSRF token (form field or header)."""
    state = web_session(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
            form = await request.form()
            value = form.get(CSRF_FIELD)
            sent = value if isinstance(value, str) else None
    if not state.csrf_ok(sent):
        raise CsrfError(
            "보안 확인 정보가 맞지 않습니다. 화면을 새로 고친 뒤 다시 시도해 주십시오.",
        )
