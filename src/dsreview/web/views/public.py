"""Pages without a role: the front page, sign-in and sign-out, the catalogue, the postings,
document downloads, and the page for addresses that do not exist."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from dsreview.errors import InvalidCredentialsError
from dsreview.services import documents, quality, selection, users
from dsreview.services.actors import Actor
from dsreview.web.deps import ANY_USER, Parts, csrf_protected, current_actor, parts, read_session, web_session
from dsreview.web.pages import HOME, PageRoute, error_page, redirect, render

router = APIRouter(route_class=PageRoute, include_in_schema=False)


def _safe_next(target: str | None) -> str | None:
    """Only a path of this site (never `//elsewhere` or a full address) is followed after sign-in."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return None


@router.get("/")
def front(request: Request) -> Response:
    actor = current_actor(request)
    if actor is not None:
        return redirect(HOME[actor.role.value])
    return render(request, "front.html")


@router.get("/login")
def login_form(request: Request, next: str | None = Query(default=None, max_length=500)) -> Response:
    actor = current_actor(request)
    if actor is not None:
        return redirect(_safe_next(next) or HOME[actor.role.value])
    return render(request, "login.html", next=_safe_next(next) or "", email="", error=None)


@router.post("/login", dependencies=[Depends(csrf_protected)])
def login(
    request: Request,
    email: Annotated[str, Form(max_length=254)] = "",
    password: Annotated[str, Form(max_length=1000)] = "",
    next: Annotated[str, Form(max_length=500)] = "",
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    try:
        if not email.strip() or not password:
            raise InvalidCredentialsError("전자우편 주소와 비밀번호를 모두 입력해 주십시오.")
        user = users.authenticate(session, settings=ctx.settings, email=email.strip(), password=password)
    except InvalidCredentialsError as exc:
        return render(
            request,
            "login.html",
            status_code=400,
            next=_safe_next(next) or "",
            email=email,
            error=exc.message,
        )
    token = users.issue_token(user, settings=ctx.settings, key=ctx.key)
    web_session(request).sign_in(token)
    return redirect(_safe_next(next) or HOME[user.role])


@router.post("/logout", dependencies=[Depends(csrf_protected)])
def logout(request: Request) -> Response:
    web_session(request).sign_out()
    return redirect("/", message="로그아웃했습니다.", request=request)


@router.get("/catalogue")
def catalogue(
    request: Request,
    q: str | None = Query(default=None, max_length=100),
    session: Session = Depends(read_session),
) -> Response:
    text = (q or "").strip() or None
    services = selection.catalogue(session, text=text, limit=200)
    return render(request, "catalogue.html", services=services, q=text or "")


@router.get("/postings")
def postings(
    request: Request, ctx: Parts = Depends(parts), session: Session = Depends(read_session)
) -> Response:
    found = quality.current_postings(session, settings=ctx.settings)
    return render(request, "postings.html", postings=found)


def _file(ctx: Parts, found: documents.Download) -> FileResponse:
    return FileResponse(ctx.blobs.path(found.sha256), media_type=found.media_type, filename=found.filename)


@router.get("/postings/documents/{document_id}")
def public_document(
    document_id: int,
    format: str = Query(default="pdf", pattern="^(docx|pdf)$"),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    return _file(ctx, documents.download(session, actor=None, document_id=document_id, fmt=format))


@router.get("/documents/{document_id}")
def download(
    document_id: int,
    format: str = Query(default="docx", pattern="^(docx|pdf)$"),
    actor: Actor = Depends(ANY_USER),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    """A generated document addressed to the signed-in user (staff: any)."""
    return _file(ctx, documents.download(session, actor=actor, document_id=document_id, fmt=format))


# Kept last by `dsreview.web.install`: an address no page has gets a page, not JSON.
catch_all = APIRouter(route_class=PageRoute, include_in_schema=False)


@catch_all.get("/{path:path}")
def not_found(request: Request, path: str) -> Response:
    if path == "api" or path.startswith(("api/", "static/")):
        raise HTTPException(status_code=404)
    return error_page(request, 404, "주소가 바뀌었거나 없는 화면입니다. 위의 메뉴에서 찾아 주십시오.")
