"""Pages without a role: the front page, sign-in and sign-out, the catalogue, the postings,
document downloads, and the page for addresses that do not exist."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from dsreview.errors import DataValidationError, InvalidCredentialsError, TooManyRequestsError
from dsreview.jobs import dispatch
from dsreview.services import catalogue as services_catalogue
from dsreview.services import clock, documents, users
from dsreview.services import postings as postings_service
from dsreview.services.actors import Actor
from dsreview.services.inputs import CatalogueQuery
from dsreview.web.deps import ANY_USER, Parts, csrf_protected, current_actor, parts, read_session, web_session
from dsreview.web.forms import parse
from dsreview.web.pages import HOME, PageRoute, error_page, redirect, render
from dsreview.web.params import PageId

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
        address = request.client.host if request.client else "-"
        user = ctx.signin.attempt(
            email.strip(),
            address,
            lambda: users.authenticate(
                session, settings=ctx.settings, email=email.strip(), password=password
            ),
        )
    except (InvalidCredentialsError, TooManyRequestsError) as exc:
        waiting = exc.retry_after if isinstance(exc, TooManyRequestsError) else None
        return render(
            request,
            "login.html",
            status_code=400 if waiting is None else 429,
            headers=None if waiting is None else {"Retry-After": str(waiting)},
            next=_safe_next(next) or "",
            email=email,
            error=exc.message,
        )
    token = users.issue_token(user, settings=ctx.settings, key=ctx.key)
    web_session(request).sign_in(token)
    return redirect(_safe_next(next) or HOME[user.role])


@router.post("/logout", dependencies=[Depends(csrf_protected)])
def logout(request: Request, ctx: Parts = Depends(parts)) -> Response:
    """Sign out here and everywhere else the sign-in is used (a copied cookie, the API's token)."""
    actor = current_actor(request)
    if actor is not None:
        with dispatch.transaction(ctx.db, ctx.queue) as session:
            users.sign_out_everywhere(session, actor=actor)
    web_session(request).sign_out()
    return redirect("/", message="로그아웃했습니다.", request=request)


def _query(request: Request) -> tuple[CatalogueQuery, dict[str, str], str | None]:
    """The search's requirements from the address (kept as typed), or why they are not usable."""
    typed = {k: v for k, v in request.query_params.items() if k in CatalogueQuery.model_fields}
    try:
        return parse(CatalogueQuery, typed), typed, None
    except DataValidationError as exc:
        return CatalogueQuery(), typed, exc.message


@router.get("/catalogue")
def catalogue(request: Request, session: Session = Depends(read_session)) -> Response:
    """Agencies search the catalogue by their requirements, compare and download the result."""
    query, typed, error = _query(request)
    found = services_catalogue.search(session, query, limit=500)
    return render(
        request,
        "catalogue.html",
        status_code=422 if error else 200,
        services=found,
        typed=typed,
        error=error,
        searched=any(typed.values()),
        export=urlencode({k: v for k, v in typed.items() if v}),
        max_compare=services_catalogue.MAX_COMPARE,
    )


@router.get("/catalogue/compare")
def compare(
    request: Request,
    ids: list[str] = Query(default=[], max_length=20),
    session: Session = Depends(read_session),
) -> Response:
    chosen = [int(i) for i in ids if i.isdigit() and len(i) < 10]
    found = services_catalogue.compare(session, chosen)
    table = services_catalogue.rows(found)
    return render(
        request,
        "compare.html",
        services=found,
        headings=services_catalogue.headings(),
        columns=list(zip(*table, strict=True)) if table else [],
    )


@router.get("/catalogue/export.{fmt}")
def export(
    request: Request, fmt: str, ctx: Parts = Depends(parts), session: Session = Depends(read_session)
) -> Response:
    """The search result to keep, as CSV or XLSX (cells that begin like a formula escaped)."""
    if fmt not in ("csv", "xlsx"):
        return error_page(request, 404, "CSV 또는 XLSX로 내려받을 수 있습니다.")
    query, _, _ = _query(request)
    found = services_catalogue.search(session, query, limit=5000)
    today = clock.today(ctx.settings)
    if fmt == "xlsx":
        body = services_catalogue.export_xlsx(found, searched_on=today)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        body, media = services_catalogue.export_csv(found), "text/csv; charset=utf-8"
    name = f"catalogue-{today.isoformat()}.{fmt}"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/postings")
def postings(
    request: Request, ctx: Parts = Depends(parts), session: Session = Depends(read_session)
) -> Response:
    found = postings_service.current_postings(session, settings=ctx.settings)
    return render(request, "postings.html", postings=found)


def _file(ctx: Parts, found: documents.Download) -> FileResponse:
    return FileResponse(ctx.blobs.path(found.sha256), media_type=found.media_type, filename=found.filename)


@router.get("/postings/documents/{document_id}")
def public_document(
    document_id: PageId,
    format: str = Query(default="pdf", pattern="^(docx|pdf|hwpx)$"),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    found = documents.download(
        session, actor=None, document_id=document_id, fmt=format, settings=ctx.settings, blobs=ctx.blobs
    )
    return _file(ctx, found)


@router.get("/documents/{document_id}")
def download(
    document_id: PageId,
    format: str = Query(default="docx", pattern="^(docx|pdf|hwpx)$"),
    actor: Actor = Depends(ANY_USER),
    ctx: Parts = Depends(parts),
    session: Session = Depends(read_session),
) -> Response:
    """A generated document addressed to the signed-in user (staff: any)."""
    found = documents.download(
        session, actor=actor, document_id=document_id, fmt=format, settings=ctx.settings, blobs=ctx.blobs
    )
    return _file(ctx, found)


# Kept last by `dsreview.web.install`: an address no page has gets a page, not JSON.
catch_all = APIRouter(route_class=PageRoute, include_in_schema=False)


@catch_all.get("/{path:path}")
def not_found(request: Request, path: str) -> Response:
    if path == "api" or path.startswith(("api/", "static/")):
        raise HTTPException(status_code=404)
    return error_page(request, 404, "주소가 바뀌었거나 없는 화면입니다. 위의 메뉴에서 찾아 주십시오.")
