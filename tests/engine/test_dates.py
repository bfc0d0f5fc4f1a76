"""Vietnamese dates and periods, resolved against the document's own date."""

from __future__ import annotations

from datetime import date

import pytest

from trienkhai.documents.extract.dates import (
    find_dates,
    find_day_months,
    iso,
    parse_date,
    parse_period,
    resolve_day_month,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TP. Lai Châu, ngày 10 tháng 01 năm 2023", date(2023, 1, 10)),
        ("ngày 10/01/2023", date(2023, 1, 10)),
        ("Nghị quyết số 43-NQ/TW ngày 24/11/2023 của", date(2023, 11, 24)),
        ("Quy định số 124-QĐ/TW, ngày 02/2/2018", date(2018, 2, 2)),
        ("Hà Nội, ngày 5 tháng 3 năm 2025", date(2025, 3, 5)),
        ("ban hành ngày 15-12-2024", date(2024, 12, 15)),
        ("ngày 31/02/2024 là sai", None),
        ("giai đoạn 2021-2025", None),
        ("có 72/93 xã đạt chuẩn", None),
    ],
)
def test_full_dates(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Thanh Hóa, ngày tháng năm 2024",
        "Thanh Hóa, ngày    tháng    năm 2024",
        "Sông Lam, ngày ... tháng ... năm 2024",
        "ngày   /   /2024",
    ],
)
def test_blank_date_keeps_its_year(text: str) -> None:
    found = find_dates(text)
    assert len(found) == 1
    assert found[0].value is None
    assert found[0].year == 2024


def test_day_and_month_without_year() -> None:
    pairs = [(m, d) for _, _, m, d in find_day_months("trước ngày 01/6 và 15/11 hằng năm")]
    assert pairs == [(6, 1), (11, 15)]
    assert find_day_months("ngày 24/11/2023") == []


def test_day_and_month_take_the_documents_year_not_todays() -> None:
    assert resolve_day_month(6, 30, date(2024, 1, 10)) == date(2024, 6, 30)
    assert resolve_day_month(6, 30, 2019) == date(2019, 6, 30)
    assert resolve_day_month(6, 30, None) is None


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("Quý III/2025", "quarter", date(2025, 7, 1), date(2025, 9, 30)),
        ("quý IV năm 2025", "quarter", date(2025, 10, 1), date(2025, 12, 31)),
        ("quý 2", "quarter", date(2024, 4, 1), date(2024, 6, 30)),
        ("6 tháng đầu năm", "half", date(2024, 1, 1), date(2024, 6, 30)),
        ("06 tháng cuối năm 2025", "half", date(2025, 7, 1), date(2025, 12, 31)),
        ("tháng 6/2025", "month", date(2025, 6, 1), date(2025, 6, 30)),
        ("Năm 2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
        ("trước ngày 30/4/2025", "day", date(2025, 4, 30), date(2025, 4, 30)),
    ],
)
def test_periods(text: str, kind: str, start: date, end: date) -> None:
    period = parse_period(text, date(2024, 3, 1))
    assert period is not None
    assert (period.kind, period.start, period.end) == (kind, start, end)


def test_no_period_in_plain_words() -> None:
    assert parse_period("Thường xuyên", 2024) is None
    assert parse_period("quý 2", None) is None  # no year to place it in


def test_iso() -> None:
    assert iso(date(2023, 1, 10)) == "2023-01-10"
    assert iso(None) is None


def test_date_patterns_match_their_examples() -> None:
    """Each pattern in dates.yaml reads the shape its comment shows."""
    assert find_dates("ngày 10 tháng 01 năm 2023")[0].value == date(2023, 1, 10)
    assert find_dates("10.01.2023")[0].value == date(2023, 1, 10)
    assert find_dates("ngày … tháng … năm 2024")[0].year == 2024
