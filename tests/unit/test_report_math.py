"""The report formulas on their own: periods, daily closing values, turnover, aging bands, rates."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from serialdesk.domain.errors import DomainError
from serialdesk.services.report_math import (
    AGE_BANDS,
    AgeTally,
    Period,
    as_date,
    band_index,
    closing_values,
    days_in_stock,
    group_sum,
    money,
    period_of,
    rate,
    turnover_figures,
    utc_day,
)

D = Decimal


def test_a_period_counts_both_its_first_and_last_day() -> None:
    period = Period(date(2026, 2, 27), date(2026, 3, 2))
    assert period.days == 4
    assert list(period.each_day()) == [date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1), date(2026, 3, 2)]
    assert period.starts_at == datetime(2026, 2, 27, tzinfo=UTC)
    assert period.ends_before == datetime(2026, 3, 3, tzinfo=UTC)


def test_a_one_day_period_is_fine_and_a_reversed_one_is_refused_with_both_dates() -> None:
    assert Period(date(2026, 3, 3), date(2026, 3, 3)).days == 1
    with pytest.raises(DomainError, match=r"^The period ends \(2 Mar 2026\) before it starts \(3 Mar 2026\)\.$"):
        Period(date(2026, 3, 3), date(2026, 3, 2))


def test_months_are_calendar_months_cut_to_the_period_across_a_year_end() -> None:
    months = Period(date(2025, 11, 15), date(2026, 2, 3)).months()
    assert [(m.first, m.last) for m in months] == [
        (date(2025, 11, 15), date(2025, 11, 30)), (date(2025, 12, 1), date(2025, 12, 31)),
        (date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 3))]
    assert sum(m.days for m in months) == Period(date(2025, 11, 15), date(2026, 2, 3)).days


def test_without_dates_a_period_is_the_365_days_up_to_today() -> None:
    today = date(2026, 3, 31)
    assert period_of(None, None, today) == Period(date(2025, 4, 1), today)
    assert period_of(date(2026, 3, 1), None, today) == Period(date(2026, 3, 1), today)
    assert period_of(None, date(2025, 12, 31), today).first == date(2025, 1, 1)


def test_a_time_given_for_a_day_counts_as_its_utc_day() -> None:
    late_in_new_york = datetime(2026, 3, 1, 22, 0, tzinfo=timezone(timedelta(hours=-5)))
    assert utc_day(late_in_new_york) == date(2026, 3, 2)
    assert utc_day(date(2026, 3, 1)) == date(2026, 3, 1)
    with pytest.raises(DomainError, match="without a time zone"):
        utc_day(datetime(2026, 3, 1, 12, 0))


def test_closing_values_carry_the_opening_value_forward_through_quiet_days() -> None:
    period = Period(date(2026, 1, 1), date(2026, 1, 5))
    moves = {date(2026, 1, 2): D("80.00"), date(2026, 1, 4): D("-130.00"), date(2026, 2, 1): D("999")}
    assert closing_values(D("100.00"), moves, period) == [D("100.00"), D("180.00"), D("180.00"), D("50.00"),
                                                          D("50.00")]


def test_turnover_is_cogs_over_the_exact_mean_and_days_of_inventory_its_inverse() -> None:
    # Closing values 100, 200, 200: mean 166.666…, shown as 166.67; turnover 50 / 166.666… = 0.30.
    figures = turnover_figures(D("50.00"), [D("100.00"), D("200.00"), D("200.00")])
    assert figures.average_inventory == D("166.67")
    assert figures.turnover == D("0.30")
    assert figures.days_of_inventory == D("10.0")  # 3 days / 0.3 = Σ closing 500 / COGS 50


def test_no_stock_means_no_turnover_and_no_sales_means_no_days_of_inventory() -> None:
    no_stock = turnover_figures(D("80.00"), [D("0.00")] * 3)
    assert (no_stock.average_inventory, no_stock.turnover, no_stock.days_of_inventory) == (D("0.00"), None, None)
    nothing_sold = turnover_figures(D("0.00"), [D("100.00")])
    assert (nothing_sold.turnover, nothing_sold.days_of_inventory) == (D("0.00"), None)
    more_back_than_out = turnover_figures(D("-80.00"), [D("160.00")])
    assert (more_back_than_out.turnover, more_back_than_out.days_of_inventory) == (D("-0.50"), None)


@pytest.mark.parametrize(("days", "label"), [
    (0, "0-30"), (30, "0-30"), (31, "31-90"), (90, "31-90"), (91, "91-180"), (180, "91-180"), (181, "180+"),
    (10_000, "180+")])
def test_aging_bands_are_0_to_30_31_to_90_91_to_180_and_over_180(days: int, label: str) -> None:
    assert AGE_BANDS[band_index(days)].label == label


def test_days_in_stock_are_whole_calendar_days_and_never_negative() -> None:
    today = date(2026, 7, 1)
    assert days_in_stock(date(2026, 7, 1), today) == 0
    assert days_in_stock(date(2026, 6, 30), today) == 1
    assert days_in_stock(date(2026, 7, 2), today) == 0  # dated after today: counted as new
    with pytest.raises(ValueError):
        band_index(-1)


def test_an_age_tally_adds_units_value_mean_and_max() -> None:
    tally = AgeTally.empty()
    assert (tally.total_units, tally.mean_days, tally.max_days) == (0, None, None)
    tally.add(10, 2, D("160.00"))
    tally.add(200, 1, D("50.00"))
    assert tally.units == [2, 0, 0, 1] and tally.values == [D("160.00"), D("0.00"), D("0.00"), D("50.00")]
    assert (tally.total_units, tally.mean_days, tally.max_days) == (3, D("73.3"), 200)


def test_rates_are_fractions_with_four_places_and_zero_without_units() -> None:
    assert rate(1, 3) == D("0.3333") and rate(2, 3) == D("0.6667") and rate(2, 5) == D("0.4000")
    assert rate(0, 0) == D("0.0000")


def test_database_values_become_money_and_days() -> None:
    assert money(None) == D("0.00") and money(129.9 * 3) == D("389.70") and money(D("1.005")) == D("1.01")
    assert as_date("2026-03-01") == date(2026, 3, 1) and as_date(date(2026, 3, 1)) == date(2026, 3, 1)
    assert group_sum([(date(2026, 1, 1), D("1")), (date(2026, 1, 1), D("2"))]) == {date(2026, 1, 1): D("3")}
