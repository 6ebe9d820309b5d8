"""Rendering pages: the Jinja environment, the layout's context, and the page route class.

`PageRoute` is what makes every page answer people rather than programs: an error a service raises
becomes a Korean page with the right status (404 for what is not yours, 403 for a role the page
does not serve), a missing sign-in a redirect to the sign-in form, and the session cookie is
written back after the page is rendered.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Coroutine
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import jinja2
from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException

from dsreview.errors import AuthenticationError, DataValidationError, DsreviewError
from dsreview.forms import event_kinds, title_of
from dsreview.services.actors import Actor
from dsreview.store.failures import storage_failure
from dsreview.templates.filters import kdate, label, number
from dsreview.templates.prefill import criteria_titles, display
from dsreview.web import session as cookies
from dsreview.web.deps import LoginRequired, current_actor, parts, web_session

log = logging.getLogger("dsreview.web")

NAV: dict[str, list[tuple[str, str]]] = {
    "vendor": [("/vendor", "내 신청"), ("/vendor/apply", "새 신청"), ("/catalogue", "서비스 카탈로그")],
    "staff": [
        ("/staff", "신청 목록"),
        ("/staff/rounds", "심사 차수·통보"),
        ("/staff/deadlines", "기한 관리"),
        ("/staff/quality", "품질 점검"),
        ("/staff/stats", "접수 통계"),
        ("/staff/sanctions", "제재 목록"),
    ],
    "reviewer": [("/reviewer", "배정된 신청")],
    "agency": [
        ("/agency", "계약 목록"),
        ("/agency/contracts/new", "계약정보 등록"),
        ("/catalogue", "서비스 카탈로그"),
    ],
    "": [("/catalogue", "서비스 카탈로그"), ("/postings", "부적합 게시")],
}
HOME = {"vendor": "/vendor", "staff": "/staff", "reviewer": "/reviewer", "agency": "/agency"}


@lru_cache(maxsize=1)
def ui_labels() -> dict[str, dict[str, str]]:
    raw = json.loads(resources.files("dsreview.web").joinpath("labels.json").read_text(encoding="utf-8"))
    return {k: v for k, v in raw.items() if isinstance(v, dict)}


def ui(value: Any, group: str) -> str:
    """The Korean word of a coded value the pages show (`checked` → `서류 확인 완료`)."""
    if value is None:
        return "—"
    return ui_labels()[group].get(str(value), str(value))


def event_name(kind: str | None) -> str:
    """The Korean name of an event kind (`forms/events.json`)."""
    return str(event_kinds().get(kind or "", {}).get("name", kind or "—"))


def won(value: Any) -> str:
    """`금120,000,000원` on a page (the documents add the reading in words, as 공문서 do)."""
    return "—" if value is None else f"금{number(value)}원"


def criterion(value: Any) -> str:
    """`2-1` → `2-1 경영상태`: a criterion is never shown by its number alone."""
    title = criteria_titles().get(str(value))
    return f"{value} {title}" if title else str(value)


def kdatetime(value: datetime | None, tz: str = "Asia/Seoul") -> str:
    if value is None:
        return "—"
    local = (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(ZoneInfo(tz))
    return f"{kdate(local.date())} {local:%H:%M}"


def filesize(size: int | None) -> str:
    if size is None:
        return "—"
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024 / 1024:.1f} MB"


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("dsreview.web", "templates"),
        autoescape=jinja2.select_autoescape(("html",), default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        kdate=kdate,
        won=won,
        label=label,
        display=display,
        ui=ui,
        kdatetime=kdatetime,
        filesize=filesize,
        event_name=event_name,
        doc_title=title_of,
        criterion=criterion,
    )
    return env


def render(
    request: Request,
    template: str,
    *,
    status_code: int = 200,
    headers: dict[str, str] | None = None,
    **context: Any,
) -> HTMLResponse:
    """A page (or a fragment, for templates that do not extend the layout)."""
    actor: Actor | None = context.pop("actor", None) or current_actor(request)
    state = web_session(request)
    role = actor.role.value if actor else ""
    base = {
        "request": request,
        "actor": actor,
        "role": role,
        "csrf": state.csrf,
        "flashes": state.take_flashes(),
        "nav": NAV[role],
        "path": request.url.path,
        "home": HOME.get(role, "/"),
    }
    html = environment().get_template(template).render({**base, **context})
    return HTMLResponse(html, status_code=status_code, headers=headers)


def redirect(url: str, *, message: str | None = None, request: Request | None = None) -> RedirectResponse:
    """After a form: see the result page (303), with a one-time message when given."""
    if message and request is not None:
        web_session(request).flash(message)
    return RedirectResponse(url, status_code=303)


def back(request: Request, fallback: str) -> str:
    """The page a form was sent from, when it is one of ours (never another site)."""
    referer = request.headers.get("referer", "")
    origin = f"{request.url.scheme}://{request.url.netloc}"
    if referer.startswith(origin + "/"):
        return referer[len(origin) :]
    return fallback


_TITLES = {
    400: "요청을 처리할 수 없습니다",
    403: "이 화면을 사용할 권한이 없습니다",
    404: "찾을 수 없습니다",
    409: "지금은 할 수 없는 처리입니다",
    413: "파일이 너무 큽니다",
    422: "입력한 값을 확인해 주십시오",
    500: "일시적인 오류가 발생했습니다",
    503: "지금은 처리할 수 없습니다",
}


def error_page(request: Request, status: int, message: str) -> Response:
    if request.headers.get("x-upload") == "xhr":
        return JSONResponse({"message": message}, status_code=status)
    title = _TITLES.get(status, _TITLES[400])
    return render(request, "error.html", status_code=status, title=title, message=message, status=status)


def _login_redirect(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    if request.method != "GET":
        target = back(request, "/")
    return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)


def _failure(request: Request, exc: Exception) -> Response:
    if isinstance(exc, LoginRequired | AuthenticationError):
        return _login_redirect(request)
    if isinstance(exc, DsreviewError):
        status = exc.http_status if 400 <= exc.http_status < 600 else 400
        if isinstance(exc, DataValidationError):
            status = 422
        return error_page(request, status, exc.message)
    if isinstance(exc, RequestValidationError):
        # A page address with a malformed number is an address that does not exist.
        return error_page(request, 404, "주소를 다시 확인해 주십시오.")
    if storage_failure(exc) is not None:
        log.error("storage failure on %s %s: %s", request.method, request.url.path, storage_failure(exc))
        return error_page(
            request, 503, "저장소에 기록할 수 없어 처리하지 못했습니다. 잠시 후 다시 시도해 주십시오."
        )
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_page(request, 500, "잠시 후 다시 시도해 주십시오. 문제가 계속되면 담당자에게 알려 주십시오.")


class PageRoute(APIRoute):
    """An APIRoute whose failures are pages for people, and which writes the session cookie back."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            try:
                response = await handler(request)
            except HTTPException:
                raise  # the framework's own answers (an unknown /api address) stay JSON
            except Exception as exc:
                response = _failure(request, exc)
            ctx = parts(request)
            cookies.save(request, response, key=ctx.key, settings=ctx.settings)
            response.headers.setdefault("Cache-Control", "no-store")
            return response

        return page
