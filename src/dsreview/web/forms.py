"""Small helpers of the pages' forms: the API's input models applied to a form (`parse`), optional
numbers and dates of filters, and running a step."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, TypeVar

from fastapi import Request, Response
from pydantic import BaseModel, ValidationError

from dsreview.domain.korean import particle
from dsreview.errors import ConflictError, DataValidationError, UsageError
from dsreview.web.deps import web_session
from dsreview.web.pages import redirect, ui_labels


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


M = TypeVar("M", bound=BaseModel)
_KINDS = {
    "missing": "missing",
    "date_parsing": "date",
    "date_from_datetime_parsing": "date",
    "date_type": "date",
    "int_parsing": "number",
    "float_parsing": "number",
    "int_type": "number",
    "float_type": "number",
    "int_from_float": "number",
    "bool_parsing": "choice",
    "literal_error": "choice",
    "enum": "choice",
    "greater_than_equal": "range",
    "less_than_equal": "range",
    "greater_than": "range",
    "less_than": "range",
    "string_too_long": "too_long",
    "too_long": "too_many",
    "too_short": "too_few",
    "string_too_short": "missing",
    "string_pattern_mismatch": "format",
}


def parse(model: type[M], data: Mapping[str, Any]) -> M:
    """A form's fields validated with the API's input model; the first problem as one Korean
    sentence naming the field by its title (`DataValidationError`, pointer `/field`)."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        error = exc.errors()[0]
        field = str(error["loc"][0]) if error["loc"] else ""
        info = model.model_fields.get(field)
        title = (info.title if info else None) or field
        kind = _KINDS.get(error["type"], "other")
        if error.get("input") is None and kind in ("date", "number", "choice", "other"):
            kind = "missing"
        template = ui_labels()["form_error"][kind]
        words = {f"title_{p}": particle(title, p, o) for p, o in (("을", "를"), ("은", "는"), ("이", "가"))}
        message = template.format(**words, title_의=particle(title, "의", ""))
        raise DataValidationError(message, pointer=f"/{field}") from None


def form_values(form: Mapping[str, Any], *lists: str) -> dict[str, Any]:
    """A submitted form as a dict (`lists`: fields sent several times, e.g. checkboxes)."""
    getlist = getattr(form, "getlist", None)
    values: dict[str, Any] = {k: v for k, v in form.items() if isinstance(v, str) and k != "csrf_token"}
    for name in lists:
        values[name] = list(getlist(name)) if getlist else form.get(name, [])
    return values
