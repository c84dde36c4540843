"""Warranty dates: the end is the sale plus whole months (clamped to month ends); status and days left."""

from __future__ import annotations

import calendar
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serialdesk.domain.warranty import (
    WarrantyState,
    WarrantyStatus,
    add_months,
    warranty_state,
    warranty_until,
)


def utc(year: int, month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _month_index(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


# --- adding months ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (utc(2026, 3, 3), 24, utc(2028, 3, 3)),
        (utc(2025, 1, 15), 1, utc(2025, 2, 15)),
        (utc(2025, 1, 31), 1, utc(2025, 2, 28)),  # clamped to the end of February
        (utc(2024, 1, 31), 1, utc(2024, 2, 29)),  # leap year
        (utc(2025, 3, 31), 1, utc(2025, 4, 30)),
        (utc(2025, 8, 31), 6, utc(2026, 2, 28)),
        (utc(2024, 2, 29), 12, utc(2025, 2, 28)),
        (utc(2024, 2, 29), 24, utc(2026, 2, 28)),
        (utc(2024, 2, 29), 48, utc(2028, 2, 29)),
        (utc(2025, 11, 15), 3, utc(2026, 2, 15)),  # across a year end
        (utc(2025, 12, 31), 1, utc(2026, 1, 31)),
        (utc(2025, 12, 1), 12, utc(2026, 12, 1)),
        (utc(2025, 12, 1), 13, utc(2027, 1, 1)),
        (utc(2025, 6, 30), 0, utc(2025, 6, 30)),
        (utc(2000, 1, 1), 240, utc(2020, 1, 1)),
    ],
)
def test_adding_months_keeps_the_day_or_clamps_to_the_months_last_day(
    start: datetime, months: int, end: datetime
) -> None:
    assert add_months(start, months) == end


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (utc(2025, 1, 15), -1, utc(2024, 12, 15)),
        (utc(2025, 3, 31), -1, utc(2025, 2, 28)),
        (utc(2024, 3, 31), -1, utc(2024, 2, 29)),
        (utc(2025, 6, 10), -12, utc(2024, 6, 10)),
        (utc(2025, 6, 10), -18, utc(2023, 12, 10)),
    ],
)
def test_negative_months_count_backwards(start: datetime, months: int, end: datetime) -> None:
    assert add_months(start, months) == end


def test_adding_months_keeps_the_time_of_day_and_the_time_zone() -> None:
    copenhagen_winter = timezone(timedelta(hours=1))
    start = datetime(2025, 1, 31, 23, 59, 58, 123456, tzinfo=copenhagen_winter)
    end = add_months(start, 1)
    assert (end.hour, end.minute, end.second, end.microsecond) == (23, 59, 58, 123456)
    assert end.tzinfo is copenhagen_winter


# --- warranty end -----------------------------------------------------------------------------------------


def test_the_warranty_ends_the_products_months_after_the_sale() -> None:
    assert warranty_until(utc(2026, 3, 3), 24) == utc(2028, 3, 3)
    assert warranty_until(utc(2024, 1, 31), 1) == utc(2024, 2, 29)


@pytest.mark.parametrize("months", [0, -1, -24])
def test_a_product_without_warranty_months_gives_no_warranty_end(months: int) -> None:
    assert warranty_until(utc(2026, 3, 3), months) is None


# --- warranty state on a given day ------------------------------------------------------------------------


def test_no_warranty_end_means_status_none_without_days() -> None:
    assert warranty_state(None, utc(2026, 3, 3)) == WarrantyState(WarrantyStatus.NONE, None, None)


def test_before_the_end_the_unit_is_in_warranty_with_whole_days_left() -> None:
    until = utc(2028, 3, 3)
    state = warranty_state(until, utc(2028, 2, 22, hour=9))
    assert state == WarrantyState(WarrantyStatus.IN_WARRANTY, until, 10)


def test_a_few_hours_before_the_end_it_is_still_in_warranty_with_zero_days_left() -> None:
    until = utc(2028, 3, 3, hour=10)
    state = warranty_state(until, utc(2028, 3, 3, hour=4))
    assert state == WarrantyState(WarrantyStatus.IN_WARRANTY, until, 0)


def test_at_the_very_moment_of_the_end_the_unit_is_still_in_warranty() -> None:
    until = utc(2028, 3, 3)
    assert warranty_state(until, until).status is WarrantyStatus.IN_WARRANTY


def test_a_moment_after_the_end_the_warranty_has_expired_with_no_days_left() -> None:
    until = utc(2028, 3, 3)
    state = warranty_state(until, until + timedelta(microseconds=1))
    assert state == WarrantyState(WarrantyStatus.EXPIRED, until, 0)
    assert warranty_state(until, utc(2031, 1, 1)).days_left == 0


def test_the_warranty_status_values_are_the_ones_the_cli_prints() -> None:
    assert {s.value for s in WarrantyStatus} == {"in_warranty", "expired", "none"}


# --- properties -------------------------------------------------------------------------------------------

_MOMENTS = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2500, 12, 31), timezones=st.just(UTC))
_MONTHS = st.integers(min_value=0, max_value=240)


@given(start=_MOMENTS, months=_MONTHS)
def test_adding_up_to_twenty_years_never_fails_and_lands_in_the_right_month(start: datetime, months: int) -> None:
    end = add_months(start, months)
    assert _month_index(end) - _month_index(start) == months
    last_day = calendar.monthrange(end.year, end.month)[1]
    assert end.day == min(start.day, last_day)
    assert end.timetz() == start.timetz()


@given(start=_MOMENTS, a=_MONTHS, b=_MONTHS)
def test_adding_months_in_two_steps_lands_in_the_same_month_never_later(start: datetime, a: int, b: int) -> None:
    in_one_step = add_months(start, a + b)
    in_two_steps = add_months(add_months(start, a), b)
    assert _month_index(in_two_steps) == _month_index(in_one_step)
    assert in_two_steps <= in_one_step  # a clamp in the first step can only pull the day earlier
    if start.day <= 28:
        assert in_two_steps == in_one_step


@given(start=_MOMENTS, a=_MONTHS, b=_MONTHS)
def test_more_months_always_means_a_later_end(start: datetime, a: int, b: int) -> None:
    if a < b:
        assert add_months(start, a) < add_months(start, b)
    assert add_months(start, a) >= start


@given(start=_MOMENTS, months=_MONTHS)
def test_going_back_the_same_months_returns_to_the_start_when_no_clamp_happened(start: datetime, months: int) -> None:
    back = add_months(add_months(start, months), -months)
    assert back <= start
    if start.day <= 28:
        assert back == start
