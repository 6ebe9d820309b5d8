"""'Today' in the calendar whose deadlines count (Korea by default), in one place."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from dsreview.config import Settings
from dsreview.errors import DataValidationError


def today(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.timezone)).date()


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def plausible(day: date | None, pointer: str) -> date | None:
    """A date within the years a procedure can concern; far-off dates are input errors, not deadlines."""
    if day is not None and not 1900 <= day.year <= 2199:
        raise DataValidationError("날짜가 올바른 범위를 벗어났습니다 (1900–2199년).", pointer=pointer)
    return day
