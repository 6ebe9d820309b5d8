"""Civil Act counting (민법 제157조·제159조·제161조) with the Korean holiday calendar."""

from __future__ import annotations

import copy
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dsreview.forms import Policy, load_policy
from dsreview.validators import periods


def test_domain_examples() -> None:
    # DOMAIN §7: posted 2024-04-11 → stays up through 2024-05-01; signed 2024-02-14 → due 2024-03-15.
    assert periods.minimum_posting_end(date(2024, 4, 11)) == date(2024, 5, 1)
    assert periods.contract_registration_deadline(date(2024, 2, 14)) == date(2024, 3, 15)


def test_first_day_is_not_counted() -> None:
    assert periods.period_end(date(2024, 3, 4), 1) == date(2024, 3, 5)
    assert periods.period_end(date(2024, 3, 4), 0) == date(2024, 3, 4)
    with pytest.raises(ValueError, match="negative"):
        periods.period_end(date(2024, 3, 4), -1)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        (date(2024, 2, 15), 30, date(2024, 3, 18)),  # ends Saturday 3/16 → Monday
        (date(2024, 2, 16), 30, date(2024, 3, 18)),  # ends Sunday 3/17 → Monday
        (date(2024, 4, 5), 30, date(2024, 5, 7)),  # 5/5 어린이날 (Sunday), 5/6 대체 휴일 → 5/7
        (date(2024, 1, 13), 30, date(2024, 2, 13)),  # 2/12 설날 대체 휴일 → 2/13
        (date(2025, 9, 3), 30, date(2025, 10, 10)),  # 개천절, 추석 연휴, 대체 휴일, 한글날 → 10/10
        (date(2024, 3, 11), 30, date(2024, 4, 11)),  # 4/10 국회의원 선거일 → 4/11
        (date(2024, 8, 30), 2, date(2024, 9, 2)),  # a plain weekend
        (date(2024, 3, 1), 13, date(2024, 3, 14)),  # a working day stays
    ],
)
def test_deadline_moves_to_the_next_working_day(start: date, days: int, due: date) -> None:
    assert periods.deadline(start, days) == due


def test_a_minimum_posting_is_not_extended_by_holidays() -> None:
    # 2024-04-15 + 20 days ends on Sunday 5/5 (어린이날): the minimum end stays there.
    assert periods.posting_end(date(2024, 4, 15), 20) == date(2024, 5, 5)
    assert periods.deadline(date(2024, 4, 15), 20) == date(2024, 5, 7)


def test_working_days() -> None:
    assert not periods.is_working_day(date(2024, 3, 16))  # Saturday
    assert not periods.is_working_day(date(2024, 3, 17))  # Sunday
    assert not periods.is_working_day(date(2024, 2, 12))  # 설날 대체 휴일
    assert periods.is_working_day(date(2024, 2, 13))
    assert periods.is_holiday(date(2024, 3, 17))
    assert not periods.is_holiday(date(2024, 3, 16))  # a Saturday is not a public holiday
    assert periods.holiday_name(date(2024, 5, 6)) == "어린이날 대체 휴일"
    assert periods.holiday_name(date(2024, 5, 7)) is None


def test_a_calendar_can_be_given() -> None:
    no_holidays: set[date] = set()
    assert periods.deadline(date(2024, 4, 5), 30, no_holidays) == date(2024, 5, 6)
    company_day = {date(2024, 3, 15)}
    assert periods.deadline(date(2024, 2, 14), 30, company_day) == date(2024, 3, 18)


def test_periods_come_from_the_policy() -> None:
    raw = copy.deepcopy(load_policy().raw)
    raw["periods"]["contract_registration_days"] = 10
    raw["periods"]["posting_min_days"] = 30
    policy = Policy(raw)
    assert periods.contract_registration_deadline(date(2024, 2, 14), policy=policy) == date(2024, 2, 26)
    assert periods.minimum_posting_end(date(2024, 4, 11), policy=policy) == date(2024, 5, 11)
    assert periods.policy_days("supplement_days") == load_policy().period("supplement_days")
    assert periods.contract_change_deadline(date(2024, 6, 3)) == date(2024, 7, 3)
    assert periods.supplement_due(date(2024, 3, 18)) == date(2024, 3, 28)
    assert periods.review_due(date(2024, 3, 20)) == date(2024, 3, 27)
    assert periods.negotiation_deadline(date(2024, 3, 20)) == date(2024, 4, 1)  # 3/30 Sat → 4/1


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 400))
def test_a_deadline_is_the_first_working_day_on_or_after_the_period_end(start: date, days: int) -> None:
    end = periods.period_end(start, days)
    due = periods.deadline(start, days)
    assert due >= end
    assert periods.is_working_day(due)
    assert all(not periods.is_working_day(end + timedelta(n)) for n in range((due - end).days))
