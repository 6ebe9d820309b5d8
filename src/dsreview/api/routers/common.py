"""Small helpers the routers share: upload adaptation, file responses, job views."""

from __future__ import annotations

from typing import Any

from fastapi import UploadFile
from fastapi.responses import FileResponse

from dsreview.api.context import AppContext
from dsreview.api.schemas import ErrorOut, JobOut
from dsreview.services.intake import IncomingFile
from dsreview.services.work import job_view
from dsreview.store.models import Job


def incoming(upload: UploadFile) -> IncomingFile:
    return IncomingFile(name=upload.filename or "file", stream=upload.file)


def blob_response(ctx: AppContext, sha256: str, *, filename: str, media_type: str) -> FileResponse:
    return FileResponse(ctx.blobs.path(sha256), media_type=media_type, filename=filename)


def job_out(job: Job | None) -> JobOut | None:
    return JobOut(**job_view(job)) if job is not None else None


def _err(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


# Documented on every route: the error shapes a client must handle.
ERRORS: dict[int | str, dict[str, Any]] = {
    401: _err("로그인 필요 (no or invalid token)"),
    403: _err("역할 권한 없음 (role not allowed)"),
    404: _err("없음 또는 볼 수 없음 (not found, or not yours)"),
    409: _err("현재 상태에서 불가 (conflict with the current state)"),
    422: _err("요청 형식 오류 (invalid request)"),
}
PUBLIC_ERRORS: dict[int | str, dict[str, Any]] = {404: ERRORS[404], 422: ERRORS[422]}
TOO_MANY: dict[int | str, dict[str, Any]] = {
    429: _err("시도가 너무 많음, Retry-After 초 뒤에 (too many attempts; see Retry-After)")
}
TOO_LARGE: dict[int | str, dict[str, Any]] = {413: _err("업로드 크기 제한 초과 (upload too large)")}
