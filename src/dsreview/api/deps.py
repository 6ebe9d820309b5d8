"""Dependencies of the routes: the context, sessions, and the signed-in actor with a role check.

Every route declares its roles with `Depends(allow(...))`; no token is 401, a role the route does
not serve is 403. Whether a record belongs to the actor is the services' business (404).
"""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.errors import AuthenticationError, ForbiddenError
from dsreview.services.actors import Actor
from dsreview.services.users import actor_from_token
from dsreview.store.models import Role

bearer = OAuth2PasswordBearer(tokenUrl="/api/auth/token", auto_error=False)


async def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def read_session(ctx: AppContext = Depends(context)) -> Iterator[Session]:
    with ctx.db.session(write=False) as session:
        yield session


def write_session(ctx: AppContext = Depends(context)) -> Iterator[Session]:
    """A write transaction the route commits itself (with `dispatch.commit`); else rolled back."""
    with ctx.db.session(write=True) as session:
        yield session


def _actor(ctx: AppContext, session: Session, token: str | None) -> Actor | None:
    if not token:
        return None
    return actor_from_token(session, token=token, key=ctx.key)


class allow:
    """The dependency that admits only the given roles."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    def __call__(
        self,
        token: str | None = Depends(bearer),
        ctx: AppContext = Depends(context),
        session: Session = Depends(read_session),
    ) -> Actor:
        # The request's read session (a reading route shares it). Its transaction ends here, so a
        # writing route does not hold a second connection while it works.
        actor = _actor(ctx, session, token)
        session.rollback()
        if actor is None:
            raise AuthenticationError("로그인이 필요합니다.")
        if actor.role not in self.roles:
            raise ForbiddenError(
                "이 기능을 사용할 권한이 없습니다.",
                detail={"role": actor.role.value, "allowed": sorted(r.value for r in self.roles)},
            )
        return actor


ALL_ROLES = tuple(Role)
STAFF = allow(Role.staff)
VENDOR = allow(Role.vendor)
REVIEWER = allow(Role.reviewer)
AGENCY = allow(Role.agency)
ANY_USER = allow(*ALL_ROLES)
