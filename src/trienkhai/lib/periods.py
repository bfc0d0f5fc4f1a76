"""Reporting periods and their deadlines — pure date arithmetic, no Django.

Vietnamese plans say "định kỳ hằng quý, 6 tháng, năm báo cáo ..." and "trước ngày 10/12 hằng
năm". A :class:`Period` is one of those cadences anchored in a calendar year (Quý I/2025,
6 tháng đầu năm 2025 ...); :func:`deadline` turns a period plus the duty's printed yearly dates
(``"12-10"``) or an officer's "N days after the period ends" into a due date. The reporting
app stores what this module computes; it never re-implements the arithmetic.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

__all__ = [
    "DEFAULT_DAYS_AFTER_END",
    "Frequency",
    "Period",
    "deadline",
    "frequencies_to_generate",
    "parse_mmdd",
    "periods_between",
    "yearly_date",
]

#: When a duty prints neither a yearly date nor the officer set a delay: report within this many
#: days after the period ends (the usual practice of "báo cáo trước ngày 15 của tháng sau").
DEFAULT_DAYS_AFTER_END = 15


class Frequency(StrEnum):
    """Cadences, with the codes of the extraction contract (``eval/SCHEMA.md``)."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    ANNUAL = "annual"
    PERIODIC = "periodic"  # "định kỳ" with no cadence printed: not a calendar period itself


#: How many periods of each cadence a year holds.
_PER_YEAR = {
    Frequency.MONTHLY: 12,
    Frequency.QUARTERLY: 4,
    Frequency.SEMIANNUAL: 2,
    Frequency.ANNUAL: 1,
}
_MONTHS_PER_PERIOD = {kind: 12 // n for kind, n in _PER_YEAR.items()}
_KEY_SUFFIX = {
    Frequency.MONTHLY: "M",
    Frequency.QUARTERLY: "Q",
    Frequency.SEMIANNUAL: "H",
}
_KEY_RE = re.compile(r"^(\d{4})(?:-([MQH])(\d{1,2}))?$")
_ROMAN = ("I", "II", "III", "IV")
_EN_MONTHS = tuple(calendar.month_name)  # locale-independent under the C locale tests use


def _require_calendar(kind: Frequency | str) -> Frequency:
    try:
        freq = Frequency(kind)
    except ValueError:
        raise ValueError(f"unknown reporting frequency: {kind!r}") from None
    if freq not in _PER_YEAR:
        raise ValueError(f"{freq.value!r} is not a calendar cadence")
    return freq


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: a cadence, a year and the 1-based index inside that year."""

    year: int
    kind: Frequency
    index: int

    def __post_init__(self) -> None:
        freq = _require_calendar(self.kind)
        object.__setattr__(self, "kind", freq)
        if not 1 <= self.index <= _PER_YEAR[freq]:
            raise ValueError(f"{freq.value} period index out of range: {self.index}")
        if not 1 <= self.year <= 9998:
            raise ValueError(f"year out of range: {self.year}")

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def containing(cls, kind: Frequency | str, day: date) -> Period:
        """The period of cadence ``kind`` that contains ``day``."""
        freq = _require_calendar(kind)
        return cls(day.year, freq, (day.month - 1) // _MONTHS_PER_PERIOD[freq] + 1)

    @classmethod
    def from_key(cls, key: str) -> Period:
        """Parse a stable key such as ``2025-Q1``, ``2025-M03``, ``2025-H2`` or ``2025``."""
        m = _KEY_RE.match(key.strip())
        if not m:
            raise ValueError(f"not a period key: {key!r}")
        year, letter, idx = int(m.group(1)), m.group(2), m.group(3)
        if letter is None:
            return cls(year, Frequency.ANNUAL, 1)
        kind = {v: k for k, v in _KEY_SUFFIX.items()}[letter]
        return cls(year, kind, int(idx))

    # -- bounds ---------------------------------------------------------------------------------
    @property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, (self.index - 1) * _MONTHS_PER_PERIOD[self.kind] + 1, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        month = self.index * _MONTHS_PER_PERIOD[self.kind]
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    @property
    def days(self) -> int:
        """Length in days (leap years included)."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day <= self.end

    def next(self) -> Period:
        """The following period of the same cadence."""
        if self.index < _PER_YEAR[self.kind]:
            return Period(self.year, self.kind, self.index + 1)
        return Period(self.year + 1, self.kind, 1)

    def previous(self) -> Period:
        """The preceding period of the same cadence."""
        if self.index > 1:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, _PER_YEAR[self.kind])

    # -- names ----------------------------------------------------------------------------------
    @property
    def key(self) -> str:
        """A stable, sortable-within-cadence identifier: ``2025-Q1``, ``2025-M03``, ``2025``."""
        if self.kind is Frequency.ANNUAL:
            return f"{self.year}"
        width = 2 if self.kind is Frequency.MONTHLY else 1
        return f"{self.year}-{_KEY_SUFFIX[self.kind]}{self.index:0{width}d}"

    def label(self, lang: str = "vi") -> str:
        """The name officers write: "Quý I/2025", "6 tháng đầu năm 2025" (or English)."""
        if lang.lower().startswith("en"):
            return self._label_en()
        return self._label_vi()

    def _label_vi(self) -> str:
        if self.kind is Frequency.MONTHLY:
            return f"Tháng {self.index}/{self.year}"
        if self.kind is Frequency.QUARTERLY:
            return f"Quý {_ROMAN[self.index - 1]}/{self.year}"
        if self.kind is Frequency.SEMIANNUAL:
            half = "đầu" if self.index == 1 else "cuối"
            return f"6 tháng {half} năm {self.year}"
        return f"Năm {self.year}"

    def _label_en(self) -> str:
        if self.kind is Frequency.MONTHLY:
            return f"{_EN_MONTHS[self.index]} {self.year}"
        if self.kind is Frequency.QUARTERLY:
            return f"Q{self.index} {self.year}"
        if self.kind is Frequency.SEMIANNUAL:
            half = "First" if self.index == 1 else "Second"
            return f"{half} half of {self.year}"
        return f"Year {self.year}"

    def __str__(self) -> str:
        return self.label()


def periods_between(kind: Frequency | str, start: date, end: date) -> Iterator[Period]:
    """Every period of cadence ``kind`` that overlaps ``[start, end]``, in order."""
    if end < start:
        return
    period = Period.containing(kind, start)
    while period.start <= end:
        yield period
        period = period.next()


def frequencies_to_generate(frequencies: Iterable[str]) -> list[Frequency]:
    """The calendar cadences to generate for a duty's printed frequencies.

    Unknown codes are ignored (the extraction contract may grow); "periodic" alone — "định kỳ
    báo cáo" with no cadence — is read as yearly, the least any plan reports; next to a real
    cadence it adds nothing.
    """
    found: set[Frequency] = set()
    periodic = False
    for code in frequencies:
        try:
            freq = Frequency(str(code).strip().lower())
        except ValueError:
            continue
        if freq is Frequency.PERIODIC:
            periodic = True
        else:
            found.add(freq)
    if not found and periodic:
        found.add(Frequency.ANNUAL)
    order = list(_PER_YEAR)
    return sorted(found, key=order.index)


_MMDD_RE = re.compile(r"^\s*(\d{1,2})-(\d{1,2})\s*$")


def parse_mmdd(text: str) -> tuple[int, int]:
    """``"12-10"`` → ``(12, 10)``; raises ``ValueError`` on anything that is not a calendar day.

    ``"02-29"`` is accepted (it exists in leap years; :func:`yearly_date` clamps it).
    """
    m = _MMDD_RE.match(text or "")
    if not m:
        raise ValueError(f"not an MM-DD date: {text!r}")
    month, day = int(m.group(1)), int(m.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(2000, month)[1]:
        raise ValueError(f"not a calendar day: {text!r}")
    return month, day


def yearly_date(year: int, mmdd: str) -> date:
    """The yearly date ``mmdd`` in ``year``; 29 February falls back to the 28th in common years."""
    month, day = parse_mmdd(mmdd)
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _grace(period: Period) -> timedelta:
    """How long after the period ends a printed yearly date can still be its deadline."""
    return timedelta(days=min(period.days, 31))


def deadline(
    period: Period,
    yearly: Sequence[str] = (),
    days_after_end: int | None = None,
    default_days_after_end: int = DEFAULT_DAYS_AFTER_END,
) -> date:
    """The due date of ``period``'s report.

    Rules, in order:

    1. ``days_after_end`` set by the officer wins: the period's last day plus that many days.
    2. Otherwise a printed yearly date (``"12-10"``, or several: ``["06-01", "11-15"]``) is the
       deadline of the period it falls near: after the period's midpoint and no later than a
       period-length (at most a month) after its end. "trước ngày 10/12 hằng năm" thus dates the
       annual report and the fourth quarter's, "01/6" the first half-year's. The earliest such
       date wins.
    3. Otherwise ``default_days_after_end`` after the period ends.
    """
    if days_after_end is not None:
        if days_after_end < 0:
            raise ValueError("days_after_end must not be negative")
        return period.end + timedelta(days=days_after_end)
    midpoint = period.start + timedelta(days=period.days // 2)
    latest = period.end + _grace(period)
    candidates = sorted(
        when
        for mmdd in yearly
        for year in (period.year - 1, period.year, period.year + 1)
        if midpoint <= (when := yearly_date(year, mmdd)) <= latest
    )
    if candidates:
        return candidates[0]
    return period.end + timedelta(days=default_days_after_end)
