"""'Today' in the calendar whose deadlines count (Korea by default), in one place."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from dsreview.config import Settings


def today(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.timezone)).date()


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"
