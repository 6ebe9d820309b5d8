"""Small helpers of the pages' forms: reading optional numbers and dates, and running a step."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from fastapi import Request, Response

from dsreview.errors import ConflictError, DataValidationError, UsageError
from dsreview.web.deps import web_session
from dsreview.web.pages import redirect


def int_or_none(value: str | None) -> int | None:
    """A number from a query or a select (None for empty or nonsense: the filter is just not set)."""
    return int(value) if value and value.isdigit() and len(value) < 10 else None


def optional_int(value: str, pointer: str) -> int | None:
    value = value.strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 9:
        raise DataValidationError("선택한 값이 올바르지 않습니다.", pointer=pointer)
    return int(value)


def optional_date(value: str, pointer: str, what: str) -> date | None:
    value = value.strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataValidationError(
            f"{what}을(를) 2024-03-15 형식으로 입력해 주십시오.", pointer=pointer
        ) from None


def required_date(value: str, pointer: str, what: str) -> date:
    found = optional_date(value, pointer, what)
    if found is None:
        raise DataValidationError(f"{what}을(를) 입력해 주십시오.", pointer=pointer)
    return found


def act(request: Request, url: str, action: Callable[[], str]) -> Response:
    """Run a step; back on the page with its message, or with the service's reason for refusing.

    Not-found and permission errors are not caught: they are pages of their own (404, 403).
    """
    try:
        message = action()
    except (ConflictError, UsageError) as exc:
        web_session(request).flash(exc.message, "error")
        return redirect(url)
    return redirect(url, message=message, request=request)
