"""Period arithmetic: quarter ends, half-years, yearly deadlines, leap years (pure, no DB)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from trienkhai.lib.periods import (
    DEFAULT_DAYS_AFTER_END,
    Frequency,
    Period,
    deadline,
    frequencies_to_generate,
    parse_mmdd,
    periods_between,
    yearly_date,
)

Q, H, M, Y = Frequency.QUARTERLY, Frequency.SEMIANNUAL, Frequency.MONTHLY, Frequency.ANNUAL


@pytest.mark.parametrize(
    ("index", "start", "end"),
    [
        (1, date(2025, 1, 1), date(2025, 3, 31)),
        (2, date(2025, 4, 1), date(2025, 6, 30)),
        (3, date(2025, 7, 1), date(2025, 9, 30)),
        (4, date(2025, 10, 1), date(2025, 12, 31)),
    ],
)
def test_quarter_bounds(index: int, start: date, end: date) -> None:
    p = Period(2025, Q, index)
    assert (p.start, p.end) == (start, end)


def test_half_years_and_year() -> None:
    assert (Period(2025, H, 1).start, Period(2025, H, 1).end) == (
        date(2025, 1, 1),
        date(2025, 6, 30),
    )
    assert (Period(2025, H, 2).start, Period(2025, H, 2).end) == (
        date(2025, 7, 1),
        date(2025, 12, 31),
    )
    assert (Period(2025, Y, 1).start, Period(2025, Y, 1).end) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )


def test_february_in_leap_and_common_years() -> None:
    assert Period(2024, M, 2).end == date(2024, 2, 29)
    assert Period(2025, M, 2).end == date(2025, 2, 28)
    assert Period(2100, M, 2).end == date(2100, 2, 28)  # divisible by 100, not by 400
    assert Period(2000, M, 2).end == date(2000, 2, 29)
    assert Period(2024, Q, 1).days == 91
    assert Period(2025, Q, 1).days == 90
    assert Period(2024, Y, 1).days == 366


@pytest.mark.parametrize(
    ("period", "vi", "en", "key"),
    [
        (Period(2025, Q, 1), "Quý I/2025", "Q1 2025", "2025-Q1"),
        (Period(2025, Q, 4), "Quý IV/2025", "Q4 2025", "2025-Q4"),
        (Period(2025, H, 1), "6 tháng đầu năm 2025", "First half of 2025", "2025-H1"),
        (Period(2025, H, 2), "6 tháng cuối năm 2025", "Second half of 2025", "2025-H2"),
        (Period(2025, Y, 1), "Năm 2025", "Year 2025", "2025"),
        (Period(2025, M, 3), "Tháng 3/2025", "March 2025", "2025-M03"),
    ],
)
def test_labels_and_keys(period: Period, vi: str, en: str, key: str) -> None:
    assert period.label() == vi
    assert period.label("en") == en
    assert period.key == key
    assert Period.from_key(key) == period


def test_containing_next_previous_wrap_years() -> None:
    assert Period.containing(Q, date(2025, 5, 17)) == Period(2025, Q, 2)
    assert Period.containing("semiannual", date(2025, 7, 1)) == Period(2025, H, 2)
    assert Period(2025, Q, 4).next() == Period(2026, Q, 1)
    assert Period(2026, Q, 1).previous() == Period(2025, Q, 4)
    assert Period(2025, M, 12).next() == Period(2026, M, 1)
    assert Period(2025, Y, 1).next() == Period(2026, Y, 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((2025, Q, 5), "out of range"),
        ((2025, M, 0), "out of range"),
        ((2025, "periodic", 1), "not a calendar cadence"),
        ((2025, "weekly", 1), "unknown reporting frequency"),
    ],
)
def test_invalid_periods_are_refused(args: tuple, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Period(*args)


@pytest.mark.parametrize("key", ["", "2025-Q", "25-Q1", "2025-X1", "2025-Q5"])
def test_bad_keys(key: str) -> None:
    with pytest.raises(ValueError):
        Period.from_key(key)


def test_periods_between_includes_partial_first_and_last() -> None:
    got = [p.key for p in periods_between(Q, date(2024, 11, 15), date(2025, 4, 1))]
    assert got == ["2024-Q4", "2025-Q1", "2025-Q2"]
    assert list(periods_between(Q, date(2025, 5, 1), date(2025, 4, 1))) == []
    assert len(list(periods_between(M, date(2025, 1, 1), date(2025, 12, 31)))) == 12


def test_yearly_deadline_dates_the_annual_and_fourth_quarter_reports() -> None:
    # "trước ngày 10/12 hằng năm"
    assert deadline(Period(2025, Y, 1), ["12-10"]) == date(2025, 12, 10)
    assert deadline(Period(2025, Q, 4), ["12-10"]) == date(2025, 12, 10)
    assert deadline(Period(2025, H, 2), ["12-10"]) == date(2025, 12, 10)
    # a yearly date far from a quarter does not date it: default delay after the period end
    assert deadline(Period(2025, Q, 1), ["12-10"]) == date(2025, 3, 31) + timedelta(
        days=DEFAULT_DAYS_AFTER_END
    )


def test_several_yearly_dates_split_between_half_year_and_year() -> None:
    # "trước ngày 01/6 và 15/11 hằng năm"
    dates = ["06-01", "11-15"]
    assert deadline(Period(2025, H, 1), dates) == date(2025, 6, 1)
    assert deadline(Period(2025, Y, 1), dates) == date(2025, 11, 15)
    assert deadline(Period(2025, H, 2), dates) == date(2025, 11, 15)


def test_yearly_date_just_after_the_period_end() -> None:
    # an annual report due "trước ngày 15/01 năm sau"
    assert deadline(Period(2025, Y, 1), ["01-15"]) == date(2026, 1, 15)


def test_days_after_end_wins_and_crosses_leap_day() -> None:
    assert deadline(Period(2024, M, 1), ["12-10"], days_after_end=30) == date(2024, 3, 1)
    assert deadline(Period(2025, M, 1), days_after_end=30) == date(2025, 3, 2)
    assert deadline(Period(2025, Q, 4), days_after_end=0) == date(2025, 12, 31)
    with pytest.raises(ValueError):
        deadline(Period(2025, Q, 4), days_after_end=-1)


def test_default_delay() -> None:
    assert deadline(Period(2025, Q, 2)) == date(2025, 7, 15)
    assert deadline(Period(2025, Q, 2), default_days_after_end=5) == date(2025, 7, 5)


def test_leap_day_yearly_date() -> None:
    assert yearly_date(2024, "02-29") == date(2024, 2, 29)
    assert yearly_date(2025, "02-29") == date(2025, 2, 28)
    assert deadline(Period(2025, M, 2), ["02-29"]) == date(2025, 2, 28)
    assert deadline(Period(2024, M, 2), ["02-29"]) == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["", "12/10", "13-01", "02-30", "00-10", "1210"])
def test_parse_mmdd_refuses_non_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_mmdd(text)


def test_frequencies_to_generate() -> None:
    assert frequencies_to_generate(["annual", "quarterly", "semiannual"]) == [Q, H, Y]
    assert frequencies_to_generate(["periodic"]) == [Y]
    assert frequencies_to_generate(["periodic", "monthly"]) == [M]
    assert frequencies_to_generate(["weekly", ""]) == []
