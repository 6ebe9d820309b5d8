"""Periods and deadlines as the Civil Act counts them (DOMAIN §7).

- 제157조: the first day of a period is not counted, so a period of *n* days starting on day *d*
  covers d+1 … d+n.
- 제159조: the period ends at the end of its last day.
- 제161조: when the last day of a *deadline to act* is a Saturday or a public holiday, the period
  ends on the next working day. A *minimum duration* (a posting that must stay up 20 days) is not
  extended that way.

Public holidays come from the `holidays` package's Korean calendar (substitute holidays, election
days and designated temporary holidays included). Every function takes an optional `calendar`: any
container of holiday dates, so a caller (or a test) can pass its own. The lengths of the periods are
policy (`forms/policy.json`, section `periods`): read them with `policy_days()`.
"""

from __future__ import annotations

from collections.abc import Container
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from dsreview.forms import Policy, load_policy

Calendar = Container[date]

# A run of holidays and weekends is never longer than this (설날/추석 with substitutes and a
# weekend is at most about a week); the bound only guards against a broken calendar.
_MAX_ROLL_DAYS = 60


@lru_cache(maxsize=1)
def korean_calendar() -> Calendar:
    """The Korean public holidays (관공서의 공휴일에 관한 규정), expanding to any year on lookup."""
    import holidays

    calendar: Calendar = holidays.country_holidays("KR", language="ko")
    return calendar


def _calendar(calendar: Calendar | None) -> Calendar:
    return korean_calendar() if calendar is None else calendar


def holiday_name(day: date, calendar: Calendar | None = None) -> str | None:
    """The Korean name of the holiday on `day`, or None (only for the built-in calendar)."""
    cal = _calendar(calendar)
    if day not in cal:
        return None
    get = getattr(cal, "get", None)
    name: Any = get(day) if callable(get) else None
    return str(name) if name else "공휴일"


def is_holiday(day: date, calendar: Calendar | None = None) -> bool:
    """A public holiday (Sundays are public holidays too)."""
    return day.weekday() == 6 or day in _calendar(calendar)


def is_working_day(day: date, calendar: Calendar | None = None) -> bool:
    """Neither a Saturday, a Sunday nor a public holiday."""
    return day.weekday() < 5 and day not in _calendar(calendar)


def next_working_day(day: date, calendar: Calendar | None = None) -> date:
    """`day` itself when it is a working day, else the first working day after it."""
    cal = _calendar(calendar)
    current = day
    for _ in range(_MAX_ROLL_DAYS):
        if is_working_day(current, cal):
            return current
        current += timedelta(days=1)
    raise ValueError(f"no working day within {_MAX_ROLL_DAYS} days after {day.isoformat()}")


def period_end(start: date, days: int) -> date:
    """The last day of a period of `days` days from `start`, the first day not counted (제157조)."""
    if days < 0:
        raise ValueError(f"a period cannot be negative: {days}")
    return start + timedelta(days=days)


def deadline(start: date, days: int, calendar: Calendar | None = None) -> date:
    """The last day to act: the period's end, moved past Saturdays and holidays (제161조)."""
    return next_working_day(period_end(start, days), calendar)


def posting_end(start: date, days: int) -> date:
    """The first day a posting of minimum duration `days` may end: not extended by holidays."""
    return period_end(start, days)


def days_between(start: date, end: date) -> int:
    """The length in days of the period from `start` to `end`, the first day not counted."""
    return (end - start).days


def policy_days(name: str, policy: Policy | None = None) -> int:
    """A period length from the policy file, e.g. `policy_days("contract_registration_days")`."""
    return (policy or load_policy()).period(name)


def contract_registration_deadline(
    contract_date: date, *, policy: Policy | None = None, calendar: Calendar | None = None
) -> date:
    """Contract information is registered within the policy's days of the contract (30, 권고)."""
    return deadline(contract_date, policy_days("contract_registration_days", policy), calendar)


def contract_change_deadline(
    change_date: date, *, policy: Policy | None = None, calendar: Calendar | None = None
) -> date:
    """A change of contract information is registered within the policy's days of the change."""
    return deadline(change_date, policy_days("contract_change_days", policy), calendar)


def minimum_posting_end(start: date, *, policy: Policy | None = None) -> date:
    """A nonconformance posting stays public at least through this day (20 days, not extended)."""
    return posting_end(start, policy_days("posting_min_days", policy))


def supplement_due(
    issue_date: date, *, policy: Policy | None = None, calendar: Calendar | None = None
) -> date:
    """The default due date of a supplement request issued on `issue_date`."""
    return deadline(issue_date, policy_days("supplement_days", policy), calendar)


def review_due(issue_date: date, *, policy: Policy | None = None, calendar: Calendar | None = None) -> date:
    """The default due date of a review opinion sent to a reviewer on `issue_date`."""
    return deadline(issue_date, policy_days("review_days", policy), calendar)


def negotiation_deadline(
    start: date, *, policy: Policy | None = None, calendar: Calendar | None = None
) -> date:
    """Catalogue contracts: negotiate within the policy's days of qualifying."""
    return deadline(start, policy_days("negotiation_days", policy), calendar)
