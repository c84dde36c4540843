"""The arithmetic behind the manager's reports, apart from the database: periods, daily stock values, turnover,
aging buckets and rates. Plain Python (stdlib only) so every formula is unit-tested on its own."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from serialdesk.domain.errors import DomainError

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
TURNOVER_PLACES = Decimal("0.01")
DAYS_PLACES = Decimal("0.1")
RATE_PLACES = Decimal("0.0001")
DEFAULT_PERIOD_DAYS = 365


def day_label(d: date) -> str:
    return f"{d.day} {d:%b %Y}"


FIRST_YEAR, LAST_YEAR = 1970, 9998


@dataclass(frozen=True)
class Period:
    """Whole UTC days from ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        for given in (self.last, self.first):  # the shop's records: no day before 1970 (nor at the calendar's end)
            if not FIRST_YEAR <= given.year <= LAST_YEAR:
                raise DomainError(f"{given.isoformat()} is outside the shop's records (use a day from "
                                  f"{FIRST_YEAR} to {LAST_YEAR}).", code="bad_date")
        if self.last < self.first:
            raise DomainError(f"The period ends ({day_label(self.last)}) before it starts ({day_label(self.first)}).",
                              code="period_reversed", first=self.first.isoformat(), last=self.last.isoformat())

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def starts_at(self) -> datetime:
        return start_of(self.first)

    @property
    def ends_before(self) -> datetime:
        """The period is every moment from ``starts_at`` up to (not including) this one."""
        return start_of(self.last + timedelta(days=1))

    def each_day(self) -> Iterator[date]:
        for n in range(self.days):
            yield self.first + timedelta(days=n)

    def months(self) -> list[Period]:
        """The calendar months the period touches, each cut to the period."""
        spans, start = [], self.first
        while start <= self.last:
            next_month = date(start.year + start.month // 12, start.month % 12 + 1, 1)
            end = min(self.last, next_month - timedelta(days=1))
            spans.append(Period(start, end))
            start = next_month
        return spans


def period_of(first: date | None, last: date | None, today: date) -> Period:
    """The period asked for; without ``last`` it ends today, without ``first`` it spans 365 days up to ``last``."""
    end = utc_day(last) if last is not None else today
    start = utc_day(first) if first is not None else end - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    return Period(start, end)


def start_of(day: date) -> datetime:
    """00:00 UTC on ``day``."""
    return datetime.combine(day, time(), UTC)


def utc_day(value: date | datetime) -> date:
    """A date as it is; a datetime as its UTC day (a time without a zone is refused)."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        raise DomainError("A time without a time zone was given.", code="naive_time")
    return value.astimezone(UTC).date()


def money(value: object) -> Decimal:
    """A sum from the database (Decimal, float on SQLite, int, or None) as money with two places."""
    if value is None:
        return ZERO
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def as_date(value: date | str) -> date:
    """A day from the database: a date (PostgreSQL) or its ISO text (SQLite)."""
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# ---- turnover ---------------------------------------------------------------------------------------------


def closing_values(opening: Decimal, moves: Mapping[date, Decimal], period: Period) -> list[Decimal]:
    """Stock value at the end of each day: the opening value plus every day's net move so far."""
    values, running = [], opening
    for d in period.each_day():
        running += moves.get(d, ZERO)
        values.append(running)
    return values


@dataclass(frozen=True)
class TurnoverFigures:
    cogs: Decimal
    average_inventory: Decimal  # rounded to cents for showing; ratios use the exact mean
    turnover: Decimal | None
    days_of_inventory: Decimal | None


def turnover_figures(cogs: Decimal, closings: list[Decimal]) -> TurnoverFigures:
    """COGS ÷ mean daily closing value, and days of inventory = days ÷ turnover (= Σ closing ÷ COGS).

    Both ratios come from the exact mean, not the rounded one. No turnover when there was no stock; no days of
    inventory when nothing (or less than nothing: more came back than went out) was sold.
    """
    return turnover_of_totals(cogs, len(closings), sum(closings, ZERO))


def turnover_of_totals(cogs: Decimal, days: int, total: Decimal) -> TurnoverFigures:
    """:func:`turnover_figures` from the number of days and the sum of their closing values."""
    average = (total / days).quantize(CENT, rounding=ROUND_HALF_UP) if days else ZERO
    if days == 0 or total == 0:
        return TurnoverFigures(cogs, average, None, None)
    turnover = (cogs * days / total).quantize(TURNOVER_PLACES, rounding=ROUND_HALF_UP)
    days_left = (total / cogs).quantize(DAYS_PLACES, rounding=ROUND_HALF_UP) if cogs > 0 else None
    return TurnoverFigures(cogs, average, turnover, days_left)


# ---- aging ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AgeBand:
    label: str
    min_days: int
    max_days: int | None  # None: no upper end

    def holds(self, days: int) -> bool:
        return self.min_days <= days and (self.max_days is None or days <= self.max_days)


AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("0-30", 0, 30), AgeBand("31-90", 31, 90), AgeBand("91-180", 91, 180), AgeBand("180+", 181, None),
)


def days_in_stock(entered: date, today: date) -> int:
    """Whole UTC calendar days since the unit entered stock (0 on the day itself; never negative)."""
    return max(0, (today - entered).days)


def band_index(days: int) -> int:
    """Which of AGE_BANDS holds ``days`` (0 ≤ d ≤ 30, 31 ≤ d ≤ 90, 91 ≤ d ≤ 180, d > 180)."""
    for n, band in enumerate(AGE_BANDS):
        if band.holds(days):
            return n
    raise ValueError(f"days in stock must not be negative: {days}")


@dataclass
class AgeTally:
    """Units and cost per band plus the figures for mean and max days, added up group by group."""

    units: list[int]
    values: list[Decimal]
    unit_days: int = 0
    max_days: int | None = None

    @classmethod
    def empty(cls) -> AgeTally:
        return cls([0] * len(AGE_BANDS), [ZERO] * len(AGE_BANDS))

    def add(self, days: int, units: int, value: Decimal) -> None:
        self.add_group(band_index(days), units, value, days * units, days)

    def add_group(self, band: int, units: int, value: Decimal, unit_days: int, max_days: int) -> None:
        """A group of units already added up in band ``band``: Σ units, Σ cost, Σ days × units, max days."""
        self.units[band] += units
        self.values[band] += value
        self.unit_days += unit_days
        self.max_days = max_days if self.max_days is None else max(self.max_days, max_days)

    def merge(self, other: AgeTally) -> None:
        """Add another tally's groups (the whole shop from its products)."""
        for n in range(len(AGE_BANDS)):
            self.units[n] += other.units[n]
            self.values[n] += other.values[n]
        self.unit_days += other.unit_days
        if other.max_days is not None:
            self.max_days = other.max_days if self.max_days is None else max(self.max_days, other.max_days)

    @property
    def total_units(self) -> int:
        return sum(self.units)

    @property
    def mean_days(self) -> Decimal | None:
        if not self.total_units:
            return None
        return (Decimal(self.unit_days) / self.total_units).quantize(DAYS_PLACES, rounding=ROUND_HALF_UP)


# ---- rates ------------------------------------------------------------------------------------------------


def rate(part: int, whole: int) -> Decimal:
    """``part / whole`` as a fraction with four places (0.0250 = 2.5 %); 0 when nothing was received."""
    if whole <= 0:
        return Decimal("0.0000")
    return (Decimal(part) / whole).quantize(RATE_PLACES, rounding=ROUND_HALF_UP)


def group_sum(rows: Iterable[tuple[date, Decimal]]) -> dict[date, Decimal]:
    """Add up values that fall on the same day."""
    totals: dict[date, Decimal] = {}
    for d, value in rows:
        totals[d] = totals.get(d, ZERO) + value
    return totals
