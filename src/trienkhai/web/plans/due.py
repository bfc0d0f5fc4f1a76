"""Turning a task's printed completion time into a due date, against the plan's date.

Pure Python (no Django): the patterns live in ``data/due.yaml``. "Quý IV/2025" is the last
day of that quarter, "Năm 2026" its 31 December, "trước 30/6" takes the plan's year (the
next one if that day has passed on the plan's date); "Thường xuyên" has no date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).with_name("data") / "due.yaml"


@dataclass(frozen=True)
class _Rules:
    roman: dict[str, int]
    never: tuple[re.Pattern[str], ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    examples: tuple[tuple[str, str | None], ...]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    flags = re.IGNORECASE | re.UNICODE
    return _Rules(
        roman={k.upper(): int(v) for k, v in raw["roman"].items()},
        never=tuple(re.compile(p, flags) for p in raw["never"]),
        patterns=tuple((p["kind"], re.compile(p["regex"], flags)) for p in raw["patterns"]),
        examples=tuple((e[0], e[1]) for e in raw["examples"]),
    )


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date_of(kind: str, groups: dict[str, str | None], base: dt.date | None) -> dt.date | None:
    year_text = groups.get("year")
    year = int(year_text) if year_text else (base.year if base else None)
    if year is None:
        return None
    if kind in {"year", "range"}:
        return dt.date(year, 12, 31)
    if kind == "quarter":
        q = groups["quarter"] or ""
        quarter = rules().roman.get(q.upper()) or int(q)
        return _month_end(year, quarter * 3)
    if kind == "half":
        return _month_end(year, 6 if (groups["half"] or "").lower() == "đầu" else 12)
    month = int(groups["month"] or 0)
    if not 1 <= month <= 12:
        return None
    if kind == "month":
        return _month_end(year, month)
    try:
        day = dt.date(year, month, int(groups["day"] or 0))
    except ValueError:
        return None
    if not year_text and base is not None and day < base:
        try:
            day = day.replace(year=year + 1)
        except ValueError:
            return None
    return day


def due_date(text: str | None, plan_date: dt.date | None) -> dt.date | None:
    """The date a task is due by, or ``None`` when the text gives none (or is ongoing)."""
    if not text:
        return None
    text = unicodedata.normalize("NFC", text).strip()
    found: list[dt.date] = []
    spans: list[tuple[int, int]] = []
    for kind, pattern in rules().patterns:
        for match in pattern.finditer(text):
            if any(s <= match.start() < e or s < match.end() <= e for s, e in spans):
                continue
            day = _date_of(kind, match.groupdict(), plan_date)
            if day is not None:
                found.append(day)
                spans.append(match.span())
    if not found and any(p.search(text) for p in rules().never):
        return None
    return max(found) if found else None
