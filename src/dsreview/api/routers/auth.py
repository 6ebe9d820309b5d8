"""Sign-in (OAuth2 password form → bearer token), the current user, accounts made by staff."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy.orm import Session

from dsreview.api.context import AppContext
from dsreview.api.deps import ANY_USER, STAFF, context, read_session, write_session
from dsreview.api.routers.common import ERRORS, TOO_MANY
from dsreview.api.schemas import TokenOut, UserIn, UserOut
from dsreview.jobs import dispatch
from dsreview.services import users
from dsreview.services.actors import Actor

router = APIRouter(prefix="/api", tags=["auth"], responses=ERRORS)


@router.post("/auth/token", response_model=TokenOut, responses=TOO_MANY)
def token(
    request: Request,
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    ctx: AppContext = Depends(context),
    session: Session = Depends(read_session),
) -> TokenOut:
    """Exchange e-mail (as `username`) and password for a bearer token. Repeated failures for an
    account or from an address are answered 429 with `Retry-After`, the wait doubling each time."""
    address = request.client.host if request.client else "-"
    user = ctx.signin.attempt(
        form.username,
        address,
        lambda: users.authenticate(
            session, settings=ctx.settings, email=form.username, password=form.password
        ),
    )
    access = users.issue_token(user, settings=ctx.settings, key=ctx.key)
    return TokenOut(access_token=access, expires_in=ctx.settings.token_minutes * 60)


@router.post("/auth/logout", status_code=204)
def logout(
    actor: Actor = Depends(ANY_USER),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> None:
    """End the account's sign-ins everywhere: every token issued to it so far stops working."""
    users.sign_out_everywhere(session, actor=actor)
    dispatch.commit(session, ctx.queue)


@router.get("/me", response_model=UserOut)
def me(actor: Actor = Depends(ANY_USER), session: Session = Depends(read_session)) -> UserOut:
    return UserOut.model_validate(users.profile(session, actor=actor))


@router.post("/users", response_model=UserOut, status_code=201)
def create_user(
    body: UserIn,
    actor: Actor = Depends(STAFF),
    ctx: AppContext = Depends(context),
    session: Session = Depends(write_session),
) -> UserOut:
    """Staff make accounts (vendors and agencies by business registration number)."""
    user = users.create_user(
        session,
        settings=ctx.settings,
        email=body.email,
        password=body.password,
        role=body.role,
        name=body.name,
        org_brn=body.org_brn,
        org_name=body.org_name,
        actor=actor,
    )
    dispatch.commit(session, ctx.queue)
    return UserOut.model_validate(user)


@router.get("/reviewers", response_model=list[UserOut])
def reviewers(actor: Actor = Depends(STAFF), session: Session = Depends(read_session)) -> list[UserOut]:
    return [UserOut.model_validate(u) for u in users.list_reviewers(session, actor=actor)]
