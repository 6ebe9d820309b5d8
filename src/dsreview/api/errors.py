"""One error handler: every error is JSON `{"code", "message", "detail"?}`; never a traceback."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from dsreview.domain.korean import particles
from dsreview.errors import DsreviewError, TooManyRequestsError
from dsreview.forms.requests import request_error, request_refused
from dsreview.store.failures import storage_failure

log = logging.getLogger("dsreview.api")

_HTTP_CODES = {
    400: ("bad_request", "요청을 처리할 수 없습니다."),
    401: ("not_authenticated", "로그인이 필요합니다."),
    403: ("forbidden", "권한이 없습니다."),
    404: ("not_found", "찾을 수 없습니다."),
    405: ("method_not_allowed", "허용되지 않는 요청 방식입니다."),
    413: ("payload_too_large", "요청이 너무 큽니다."),
    415: ("unsupported_media_type", "지원하지 않는 형식입니다."),
}


def error_body(code: str, message: str, detail: dict[str, Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": message}
    if detail:
        body["detail"] = detail
    return body


def _dsreview(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, DsreviewError)
    headers = {"WWW-Authenticate": "Bearer"} if exc.http_status == 401 else None
    if isinstance(exc, TooManyRequestsError):
        headers = {"Retry-After": str(exc.retry_after)}
    body = exc.to_dict()
    body["message"] = particles(exc.message)
    return JSONResponse(body, status_code=exc.http_status, headers=headers)


def _validation(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {
            "loc": [str(part) for part in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]
    raw = list(exc.errors())
    # One sentence naming the field by its Korean label; the codes stay in `detail` for programs.
    reason = request_error(raw[0]) if raw else request_error({"type": "*", "loc": ("body",)})
    message = request_refused(reason)
    return JSONResponse(error_body("invalid_request", message, {"errors": errors}), status_code=422)


def _http(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "요청을 처리할 수 없습니다."))
    if exc.status_code >= 500:
        code, message = "internal_error", "서버 오류가 발생했습니다."
    return JSONResponse(error_body(code, message), status_code=exc.status_code, headers=exc.headers)


STORAGE_MESSAGE = (
    "저장소에 기록할 수 없어 요청을 처리하지 못했습니다. "
    "잠시 후 다시 시도해 주십시오. 문제가 계속되면 관리자에게 알려 주십시오."
)


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    reason = storage_failure(exc)
    if reason is not None:
        log.error("storage failure on %s %s: %s", request.method, request.url.path, reason)
        return JSONResponse(
            error_body("storage_unavailable", STORAGE_MESSAGE), status_code=503, headers={"Retry-After": "60"}
        )
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        error_body("internal_error", "서버 오류가 발생했습니다. 잠시 후 다시 시도해 주십시오."),
        status_code=500,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(DsreviewError, _dsreview)
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(Exception, _unexpected)
