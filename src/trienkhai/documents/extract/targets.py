"""Numeric targets (chỉ tiêu): forward-looking figures with a comparator, a value and a unit.

Where targets are looked for: the objectives part ("II. MỤC TIÊU", "1. Mục tiêu cụ thể",
"II. CHỈ TIÊU"), and elsewhere only clauses that commit ("phấn đấu đến năm 2030 có trên 90% ...").
A percentage in the objectives is a target; a count ("02 khu công nghệ thông tin") is one when a
comparator is printed, the section is the specific targets, or the clause commits — so "phát
triển mạnh 03 trụ cột kinh tế" in general objectives is not. Statistics about the past
("đến nay ... giảm còn 2,21%") are not targets. One target per figure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import lexicon
from ..model import Outline
from .sources import Unit, memo, split_label, units

_LEX = lexicon.load("comparators")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_BEFORE = {w: e["comparator"] for e in _LEX["before"] for w in e["words"]}
_AFTER = {w: e["comparator"] for e in _LEX["after"] for w in e["words"]}
_NUM = r"\d+(?:[.,]\d+)*"
_FIGURE = re.compile(
    rf"(?:(?P<cmp>{_alt(list(_BEFORE))})\s*)?"
    rf"(?:(?P<from>{_alt(_LEX['range_lead'])})\s+)?"
    rf"(?<![\w/.,-])(?P<a>{_NUM})(?![\w/]|-[^\W\d_])\s*(?P<pa>{_alt(_LEX['percent'])})?"
    rf"(?:\s*(?:{_alt(_LEX['range_joiners'])})\s*(?P<b>{_NUM})(?![\w/])\s*(?P<pb>{_alt(_LEX['percent'])})?)?"
    rf"(?P<after>\s+(?:{_alt(list(_AFTER))}))?",
    re.IGNORECASE,
)
_NOT_AFTER = re.compile(r"(?:" + _alt(_LEX["not_figure_after"]) + r")\s*:?\s*$", re.IGNORECASE)
_UNIT_STOP = re.compile(
    r"[,;:.()\[\]“”\"'‘’/]|\s(?:" + _alt(_LEX["unit_stops"]) + r")(?=\s|$)", re.IGNORECASE
)
_UNIT_MAX = int(_LEX["unit_max_words"])
_AGE_UNITS = frozenset(_LEX["age_units"])
_ATTAIN_BEFORE = re.compile(
    r"(?<!\w)(?:" + _alt(_LEX["attain_verbs"]) + r")\s+(?:\S+\s+){0,1}$", re.IGNORECASE
)
_CUE_WORDS = tuple(_LEX["target_cues"][:2])  # "phấn đấu", "chỉ tiêu": the clause commits
# one alternation: a clause is searched once, not once per pattern
_PAST = re.compile("|".join(f"(?:{p})" for p in _LEX["past_patterns"]), re.IGNORECASE)
_YEARS = [re.compile(p, re.IGNORECASE) for p in _LEX["year_patterns"]]
# Every year pattern captures 19xx or 20xx: text without "19" or "20" is not searched at all.
_YEAR_GUARD = all("(?P<y>(?:19|20)" in p for p in _LEX["year_patterns"])
_CLAUSE_BREAK = re.compile(r";|,\s+trong đó\b|\.\s+(?=[A-ZĐÀ-Ỹ])", re.IGNORECASE)
_JOIN_BEFORE = re.compile(r"(?:,|\svà|\sđồng thời)\s+(?=\S)", re.IGNORECASE)
_OBJECTIVE = tuple(_LEX["objective_headings"])
_SPECIFIC = tuple(_LEX["specific_headings"])
_NOT_TARGET = tuple(_LEX["not_target_headings"])
_ROMAN = re.compile(r"^[IVXLC]+$")
_EXCLUDED_PARTS = frozenset({"assessment", "purpose", "recipients", "signature"})
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Context:
    """Where a piece of text sits: its enclosing heading titles and the year a lead-in set."""

    titles: list[str]
    objectives: bool
    specific: bool
    excluded: bool
    year: int | None
    heading: tuple[int, str] | None = None  # (level, title) when the unit is a heading


def heading_of(unit: Unit) -> tuple[int, str] | None:
    """(level, title) when the unit is a numbered heading, else None.

    A heading is a node structure marked as one, or a short numbered line that does not end a
    sentence ("1. Mục tiêu cụ thể", "II. MỤC TIÊU"); "1.1. 100% cấp ủy ... ." is an item.
    """
    node = unit.node
    if node is not None and node.kind in ("item", "row"):
        return None
    if node is not None and node.kind != "heading" and len(unit.text) > 240:
        return None  # running text
    label, rest = split_label(unit.text)
    if node is not None and node.kind == "heading":
        label = label or node.label
    elif label is None or len(rest) > 220 or rest.rstrip().endswith((".", ";", ":")):
        return None
    if label is None:
        return (node.level + 1 if node is not None else 1), rest
    if _ROMAN.match(label):
        return 1, rest
    if label[0].isdigit():
        return 2 + label.count("."), rest
    return None


def headings(outline: Outline) -> list[tuple[int, str] | None]:
    """:func:`heading_of` for each unit of ``units(outline, footnotes=False)``, computed once
    per outline (targets, reporting and metadata all walk the headings)."""
    return memo(
        outline, "headings", lambda: [heading_of(u) for u in units(outline, footnotes=False)]
    )


def _year_in(text: str) -> int | None:
    if _YEAR_GUARD and "20" not in text and "19" not in text:
        return None
    for pattern in _YEARS:
        if m := pattern.search(text):
            return int(m["y"])
    return None


def contexts(outline: Outline) -> Iterator[tuple[Unit, Context]]:
    """Every body unit with its heading context (footnotes are not part of any section).

    The heading flags are recomputed only where a heading changes the stack.
    """
    stack: list[tuple[int, str]] = []
    lead_year: int | None = None
    titles: list[str] = []
    titled = specific = not_target = False
    stack_year: int | None = None
    for unit, head in zip(units(outline, footnotes=False), headings(outline), strict=True):
        if head is not None:
            level, title = head
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title.lower()))
            lead_year = None
            titles = [t for _, t in stack]
            titled = any(t.startswith(_OBJECTIVE) or "chỉ tiêu" in t for t in titles)
            specific = any(any(s in t for s in _SPECIFIC) for t in titles)
            not_target = titles[-1].startswith(_NOT_TARGET)
            stack_year = _year_in(" ".join(titles))
        part = unit.node.part if unit.node is not None else None
        # the headings decide first; the part structure analysis gave is the fallback
        objectives = titled or part == "objectives"
        excluded = not titled and (part in _EXCLUDED_PARTS or (part != "objectives" and not_target))
        if head is None and unit.text.endswith(":"):
            lead_year = _year_in(unit.text) or lead_year
        yield unit, Context(titles, objectives, specific, excluded, lead_year or stack_year, head)
        if head is not None:
            lead_year = None


def number_value(text: str) -> float | int:
    """A printed number as a value: "01" -> 1, "2,5" -> 2.5, "3.000" -> 3000."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        text = text.replace(".", "")
    value = float(text)
    return int(value) if value.is_integer() else value


def _unit_after(text: str) -> str | None:
    rest = text.lstrip()
    stop = _UNIT_STOP.search(" " + rest)
    raw = (" " + rest)[: stop.start()] if stop else " " + rest
    words = raw.split()[:_UNIT_MAX]
    return " ".join(words) or None


def _clauses(text: str) -> Iterator[tuple[bool, str]]:
    """The clauses of a text, each with whether it opens a new sentence (not after ";")."""
    start, new_sentence = 0, True
    for m in _CLAUSE_BREAK.finditer(text):
        yield new_sentence, text[start : m.start()]
        start, new_sentence = m.end(), m.group(0).startswith(".")
    yield new_sentence, text[start:]


def _is_year(value: float | int, percent: bool) -> bool:
    return not percent and 1900 <= value <= 2100


def figures(clause: str) -> Iterator[dict[str, Any]]:
    """Every figure in a clause as comparator / value / unit, with its span."""
    for m in _FIGURE.finditer(clause):
        before = clause[: m.start("a")]
        if m["from"] is None and m["cmp"] is None and _NOT_AFTER.search(before):
            continue
        percent = bool(m["pa"] or m["pb"])
        a = number_value(m["a"])
        if _is_year(a, percent):
            continue
        unit = "%" if percent else _unit_after(clause[m.end() :])
        if not unit or unit[:1].isdigit():
            continue
        if unit.lower() in _AGE_UNITS and not _ATTAIN_BEFORE.search(before):
            continue  # "trẻ em từ 3 đến 5 tuổi" says who, "tuổi thọ đạt 75 tuổi" is a target
        value: float | int | list[float | int] = a
        if m["b"] is not None:
            b = number_value(m["b"])
            if _is_year(b, percent) or b <= a:
                continue
            comparator, value = "between", [a, b]
        elif m["after"]:
            comparator = _AFTER[m["after"].strip().lower()]
        elif m["cmp"]:
            comparator = _BEFORE[m["cmp"].lower()]
        else:
            comparator = _LEX["bare"]
        explicit = bool(m["cmp"] or m["after"] or m["b"] is not None)
        yield {
            "start": m.start(),
            "end": m.end(),
            "comparator": comparator,
            "value": value,
            "unit": unit,
            "percent": percent,
            "explicit": explicit,
        }


def _spans(clause: str, found: list[dict[str, Any]]) -> list[str]:
    """The clause cut between figures: each figure's own part of a shared clause."""
    if len(found) == 1:
        return [clause.strip()]
    cuts = [0]
    for prev, cur in itertools.pairwise(found):
        between = clause[prev["end"] : cur["start"]]
        joins = list(_JOIN_BEFORE.finditer(between))
        cuts.append(prev["end"] + joins[-1].start() if joins else cur["start"])
    cuts.append(len(clause))
    out = []
    for i in range(len(found)):
        piece = clause[cuts[i] : cuts[i + 1]]
        piece = re.sub(r"^\s*(?:,|và|đồng thời)\s+", "", piece, flags=re.IGNORECASE)
        out.append(piece.strip())
    return out


_TABLE = _LEX["indicator_table"]


def _column(header: list[str], words: list[str], exclude: set[int]) -> int | None:
    for i, cell in enumerate(header):
        if i not in exclude and cell.strip().lower().startswith(tuple(words)):
            return i
    return None


def _plan_column(header: list[str], exclude: set[int]) -> int | None:
    """The column of planned values: the last one that names the plan and not the past."""
    found = None
    for i, cell in enumerate(header):
        low = cell.strip().lower()
        if i in exclude or low.startswith(tuple(_TABLE["skip"])):
            continue
        if low.startswith(tuple(_TABLE["past"])):
            continue
        if low.startswith(tuple(_TABLE["plan"])) or re.search(r"(?:19|20)\d\d", low):
            found = i
    return found


def table_targets(outline: Outline) -> list[dict[str, Any]]:
    """Targets from a table of indicators: one per row with a planned figure."""
    out: list[dict[str, Any]] = []
    for unit in units(outline, footnotes=False):
        node = unit.node
        if node is None or node.kind != "row" or not node.cells or not node.header:
            continue
        header = node.header
        name = _column(header, _TABLE["name"], set())
        measure = _column(header, _TABLE["unit"], {name} if name is not None else set())
        if name is None or measure is None:
            continue
        plan = _plan_column(header, {name, measure})
        cells = node.cells
        if plan is None or max(name, measure, plan) >= len(cells):
            continue
        label, unit_text, value = cells[name].strip(), cells[measure].strip(), cells[plan].strip()
        if not label or not value or not unit_text:
            continue
        found = list(figures(f"{value} {unit_text}"))
        if not found:
            continue
        first = found[0]
        out.append(
            {
                "text": label,
                "year": _year_in(header[plan]) or _bare_year(header[plan]),
                "comparator": first["comparator"],
                "value": first["value"],
                "unit": first["unit"],
                "line": unit.line,
                "rule": "target.table",
            }
        )
    return out


def _bare_year(text: str) -> int | None:
    m = re.search(r"(?:19|20)\d\d", text)
    return int(m.group(0)) if m else None


def extract_targets(outline: Outline) -> list[dict[str, Any]]:
    """The contract's ``targets``, each with ``year``, ``line`` and ``rule``."""
    return _text_targets(outline) + table_targets(outline)


def _text_targets(outline: Outline) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for unit, ctx in contexts(outline):
        if ctx.excluded or ctx.heading is not None:
            continue
        if unit.node is not None and unit.node.kind == "row":
            continue  # tables: see table_targets
        _, text = split_label(unit.text)
        if _DIGIT.search(text) is None:
            continue
        low = text.lower()
        if not ctx.objectives and not any(cue in low for cue in _CUE_WORDS):
            continue
        lead = text.split(":", 1)[0] if ":" in text else ""
        unit_year = _year_in(lead) if lead else None  # "Phấn đấu đến hết năm 2025: a; b; c"
        governed = False  # "Phấn đấu a; b; c.": the cue governs the sentence's clauses
        for new_sentence, clause in _clauses(text):
            clause_low = clause.lower()
            cue = any(c in clause_low for c in _CUE_WORDS)
            governed = cue or (governed and not new_sentence)
            if _DIGIT.search(clause) is None:
                continue
            committing = governed
            if not (ctx.objectives or committing):
                continue
            # a statistic is not a target, even inside a committing sentence ("...; năm 2024
            # đã đạt 80%"); only a clause that itself commits is read despite past words
            if not cue and _PAST.search(clause):
                continue
            found = [
                f
                for f in figures(clause)
                if (f["percent"] and (ctx.objectives or committing))
                or (f["explicit"] and (ctx.objectives or committing))
                or ctx.specific
                or committing
            ]
            for f, piece in zip(found, _spans(clause, found), strict=True):
                rule = "target.objectives" if ctx.objectives else "target.commitment"
                out.append(
                    {
                        "text": piece,
                        "year": _year_in(piece) or _year_in(clause) or unit_year or ctx.year,
                        "comparator": f["comparator"],
                        "value": f["value"],
                        "unit": f["unit"],
                        "line": unit.line,
                        "rule": rule,
                    }
                )
    return out
