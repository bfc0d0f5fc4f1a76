"""Vietnamese dates and periods, resolved against the document's own date (never today).

Shapes read (patterns in ``lexicon/data/dates.yaml``): "ngày 10 tháng 01 năm 2023",
"10/01/2023", "ngày 24/11/2023", "02/2/2018"; a blank date "ngày tháng năm 2024" (value
``None``, year kept); a day and month "10/12" (the year comes from the base date); periods
"quý III/2025", "6 tháng đầu năm", "tháng 6/2025", "năm 2026" kept as periods with bounds.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from .. import lexicon

_LEX = lexicon.load("dates")
_FLAGS = re.IGNORECASE
_FULL = [re.compile(p, _FLAGS) for p in _LEX["full"]]
_BLANK = [re.compile(p, _FLAGS) for p in _LEX["blank"]]
_DAY_MONTH = [re.compile(p, _FLAGS) for p in _LEX["day_month"]]
_QUARTER = re.compile(_LEX["quarter"], _FLAGS)
_HALF = re.compile(_LEX["half"], _FLAGS)
_MONTH = re.compile(_LEX["month"], _FLAGS)
_YEAR = re.compile(_LEX["year"], _FLAGS)
_HALVES: dict[str, int] = _LEX["halves"]
# every full and blank date reads its year as four digits (the group is never left out: its
# value is read from every match), so a text without four digits in a row holds none
assert all(r"(?P<y>\d{4})" in p for p in [*_LEX["full"], *_LEX["blank"]])
_FOUR_DIGITS = re.compile(r"\d{4}")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date printed in a text: ``value`` is None when it was left blank (``year`` kept)."""

    start: int
    end: int
    value: date | None
    year: int | None
    raw: str


@dataclass(frozen=True, slots=True)
class Period:
    """A period named in a text ("quý III/2025"): kind is day, month, quarter, half or year."""

    kind: str
    year: int
    index: int
    start: date
    end: date
    raw: str


def make_date(year: int, month: int, day: int) -> date | None:
    """A ``date`` or None when the numbers are not a real day (31/02)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def find_dates(text: str) -> list[DateMatch]:
    """Every full or blank date in ``text``, in order, without overlaps."""
    found: list[DateMatch] = []
    if _FOUR_DIGITS.search(text) is None:  # one scan in C instead of one per pattern
        return found
    for pattern in _FULL:
        for m in pattern.finditer(text):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            value = make_date(y, mo, d)
            if value is not None:
                found.append(DateMatch(m.start(), m.end(), value, y, m.group(0)))
    for pattern in _BLANK:
        for m in pattern.finditer(text):
            found.append(DateMatch(m.start(), m.end(), None, int(m["y"]), m.group(0)))
    found.sort(key=lambda x: (x.start, -(x.end - x.start)))
    out: list[DateMatch] = []
    for item in found:
        if out and item.start < out[-1].end:
            continue
        out.append(item)
    return out


def _best_at(text: str, pos: int, endpos: int) -> tuple[re.Match[str], date | None, int] | None:
    """(match, value, year) of the longest full or blank date starting at ``pos``; a full
    date is kept only when its numbers make a real day, a blank one only when longer."""
    best: re.Match[str] | None = None
    best_end = -1
    value: date | None = None
    year = 0
    for pattern in _FULL:
        m = pattern.match(text, pos, endpos)
        if m is None or m.end() <= best_end:
            continue
        y = int(m["y"])
        found = make_date(y, int(m["m"]), int(m["d"]))
        if found is not None:
            best, best_end, value, year = m, m.end(), found, y
    for pattern in _BLANK:
        m = pattern.match(text, pos, endpos)
        if m is not None and m.end() > best_end:
            best, best_end, value, year = m, m.end(), None, int(m["y"])
    return None if best is None else (best, value, year)


def date_at(text: str, pos: int, endpos: int) -> DateMatch | None:
    """The full or blank date that starts exactly at ``pos`` (ending by ``endpos``), or None.

    What :func:`find_dates` would give first for ``text[pos:endpos]`` when that date opens it,
    without scanning the rest: a citation's date is read right after its number.
    """
    found = _best_at(text, pos, endpos)
    if found is None:
        return None
    m, value, year = found
    return DateMatch(m.start(), m.end(), value, year, m.group(0))


def date_value_at(text: str, pos: int, endpos: int) -> tuple[date | None, int] | None:
    """(value, end) of :func:`date_at`'s date: what a citation keeps of it, without building
    a ``DateMatch`` (read after every cited number)."""
    found = _best_at(text, pos, endpos)
    return None if found is None else (found[1], found[0].end())


def parse_date(text: str) -> date | None:
    """The first full date printed in ``text``, or None."""
    for item in find_dates(text):
        if item.value is not None:
            return item.value
    return None


def find_day_months(text: str) -> list[tuple[int, int, int, int]]:
    """Day-and-month pairs with no year ("10/12", "01/6 và 15/11"): (start, end, month, day)."""
    full_spans = [(x.start, x.end) for x in find_dates(text)]
    out: list[tuple[int, int, int, int]] = []
    for pattern in _DAY_MONTH:
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in full_spans):
                continue
            d, mo = int(m["d"]), int(m["m"])
            if make_date(2000, mo, d) is None:  # 2000 is a leap year: 29/02 stays valid
                continue
            out.append((m.start(), m.end(), mo, d))
    out.sort()
    return out


def resolve_day_month(month: int, day: int, base: date | int | None) -> date | None:
    """A day and month placed in the base date's year ("trước 30/6" in a plan of 2024)."""
    year = base.year if isinstance(base, date) else base
    if year is None:
        return None
    return make_date(year, month, day)


def _base_year(base: date | int | None) -> int | None:
    return base.year if isinstance(base, date) else base


def parse_period(text: str, base: date | int | None = None) -> Period | None:
    """The first period named in ``text``; a missing year is the base date's year."""
    year_base = _base_year(base)
    candidates: list[tuple[int, Period]] = []
    if m := _QUARTER.search(text):
        q = _ROMAN.get(m["q"].upper()) or int(m["q"])
        y = int(m["y"]) if m["y"] else year_base
        if y is not None:
            end_month = q * 3
            candidates.append(
                (
                    m.start(),
                    Period(
                        "quarter",
                        y,
                        q,
                        date(y, end_month - 2, 1),
                        date(y, end_month, calendar.monthrange(y, end_month)[1]),
                        m.group(0),
                    ),
                )
            )
    if m := _HALF.search(text):
        h = _HALVES.get(m["which"].lower(), 1)
        y = int(m["y"]) if m["y"] else year_base
        if y is not None:
            start, end = (
                (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
            )
            candidates.append((m.start(), Period("half", y, h, start, end, m.group(0))))
    if m := _MONTH.search(text):
        mo, y = int(m["m"]), int(m["y"])
        if 1 <= mo <= 12:
            last = calendar.monthrange(y, mo)[1]
            candidates.append(
                (m.start(), Period("month", y, mo, date(y, mo, 1), date(y, mo, last), m.group(0)))
            )
    if m := _YEAR.search(text):
        y = int(m["y"])
        candidates.append(
            (m.start(), Period("year", y, 1, date(y, 1, 1), date(y, 12, 31), m.group(0)))
        )
    for item in find_dates(text):
        if item.value is not None:
            v = item.value
            candidates.append(
                (item.start, Period("day", v.year, v.timetuple().tm_yday, v, v, item.raw))
            )
            break
    if not candidates:
        return None
    # the earliest; at one position the most specific (a quarter before the year inside it)
    rank = {"day": 0, "month": 1, "quarter": 2, "half": 3, "year": 4}
    candidates.sort(key=lambda c: (c[0], rank[c[1].kind]))
    return candidates[0][1]
