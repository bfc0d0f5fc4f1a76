"""Numeric targets (chỉ tiêu): forward-looking figures with a comparator, a value and a unit.

Where targets are looked for: the objectives part ("II. MỤC TIÊU", "1. Mục tiêu cụ thể",
"II. CHỈ TIÊU"), and elsewhere only clauses that commit ("phấn đấu đến năm 2030 có trên 90% ...").
A percentage in the objectives is a target; a count ("02 khu công nghệ thông tin") is one when a
comparator is printed, the section is the specific targets, or the clause commits — so "phát
triển mạnh 03 trụ cột kinh tế" in general objectives is not. Statistics about the past
("đến nay ... giảm còn 2,21%") are not targets. One target per figure.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import lexicon
from ..model import Outline
from ..patterns import can_start, gated
from .sources import Unit, memo, split_label, units

_LEX = lexicon.load("comparators")


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def has_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``text`` (a loop: cheaper than any(<genexpr>))."""
    for word in words:  # noqa: SIM110
        if word in text:
            return True
    return False


_BEFORE = {w: e["comparator"] for e in _LEX["before"] for w in e["words"]}
_AFTER = {w: e["comparator"] for e in _LEX["after"] for w in e["words"]}
_NUM = r"\d+(?:[.,]\d+)*"
# The leading "(?:...|)" are "(?:...)?" written as a branch (no repeat context to set up at each
# position), and the lookahead passes over a position no comparator can start at with one test
# instead of one per comparator: the same matches, found faster.
_FIGURE = re.compile(
    rf"(?:{can_start(list(_BEFORE))}(?P<cmp>{_alt(list(_BEFORE))})\s*|)"
    rf"(?:(?P<from>{_alt(_LEX['range_lead'])})\s+|)"
    rf"(?<![\w/.,-])(?P<a>{_NUM})(?![\w/]|-[^\W\d_])\s*(?P<pa>{_alt(_LEX['percent'])})?"
    rf"(?:\s*(?:{_alt(_LEX['range_joiners'])})\s*(?P<b>{_NUM})(?![\w/])\s*(?P<pb>{_alt(_LEX['percent'])})?)?"
    rf"(?P<after>\s+(?:{_alt(list(_AFTER))}))?",
    re.IGNORECASE,
)
# "năm 2025", "Điều 3", "số 12:": a number right after one of these words (then at most a colon)
# is not a figure. Only the end of the text before the number is looked at (see _after_word).
_NOT_AFTER = re.compile(
    can_start(_LEX["not_figure_after"]) + r"(?:" + _alt(_LEX["not_figure_after"]) + r")\Z",
    re.IGNORECASE,
)
_NOT_AFTER_REACH = max(map(len, _LEX["not_figure_after"]))
_UNIT_STOP = re.compile(
    r"[,;:.()\[\]“”\"'‘’/]|\s(?:" + _alt(_LEX["unit_stops"]) + r")(?=\s|$)", re.IGNORECASE
)
_UNIT_MAX = int(_LEX["unit_max_words"])
_AGE_UNITS = frozenset(_LEX["age_units"])

_CUE_WORDS = tuple(_LEX["target_cues"][:2])  # "phấn đấu", "chỉ tiêu": the clause commits


# one alternation: a clause is searched once, not once per pattern; the gate skips in C to
# where one of its words can start (a search tried all seven at every character: ~55 ns each)
_PAST_PATTERN = "|".join(f"(?:{p})" for p in _LEX["past_patterns"])
_PAST = gated(_PAST_PATTERN, re.IGNORECASE)
_ATTAIN_PATTERN = r"(?<!\w)(?:" + _alt(_LEX["attain_verbs"]) + r")\s+(?:\S+\s+){0,1}$"
_ATTAIN_BEFORE = gated(_ATTAIN_PATTERN, re.IGNORECASE)
_YEARS = [gated(p, re.IGNORECASE) for p in _LEX["year_patterns"]]
# Every year pattern captures 19xx or 20xx: text without "19" or "20" is not searched at all.
_YEAR_GUARD = all("(?P<y>(?:19|20)" in p for p in _LEX["year_patterns"])
# A clause ends at ";", at a comma before a break word (", trong đó") and at "." before a new
# sentence (see _clauses): the breaks of the lexicon's ``clause_breaks``.
_COMMA_BREAK = re.compile(
    r",\s+(?:" + _alt([b[1:].strip() for b in _LEX["clause_breaks"] if b[:1] == ","]) + r")\b",
    re.IGNORECASE,
)
_DOT_BREAK = re.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])", re.IGNORECASE)
_JOINERS = _alt(_LEX["figure_joiners"])
_JOIN_BEFORE = re.compile(rf"(?:,|\s(?:{_JOINERS}))\s+(?=\S)", re.IGNORECASE)
_JOIN_LEAD = re.compile(rf"^\s*(?:,|{_JOINERS})\s+", re.IGNORECASE)
_OBJECTIVE_WORDS = tuple(_LEX["objective_heading_words"])
_OBJECTIVE = tuple(_LEX["objective_headings"])
_SPECIFIC = tuple(_LEX["specific_headings"])
_NOT_TARGET = tuple(_LEX["not_target_headings"])
_ROMAN = re.compile(r"^[IVXLC]+$")
_EXCLUDED_PARTS = frozenset({"assessment", "purpose", "recipients", "signature"})
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Context:
    """Where a piece of text sits: its enclosing heading titles and the lead-ins before it.

    Consecutive units of one section, part and lead-in share one Context. The year is wanted
    only for the few units that hold a target, so it is read from the lead-ins and titles
    when asked (:attr:`year`) rather than for every unit.
    """

    titles: list[str]
    objectives: bool
    specific: bool
    excluded: bool
    leads: tuple[str, ...] = ()  # texts ending with ":" since the last heading, latest last
    heading: tuple[int, str] | None = None  # (level, title) when the unit is a heading

    @property
    def year(self) -> int | None:
        """The year the latest lead-in with one sets, else the one the titles print."""
        for text in reversed(self.leads):
            if year := _year_in(text):
                return year
        return _year_in(" ".join(self.titles))


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


def _latin(c: str) -> bool:
    return c <= "\u024f" or "\u1e00" <= c <= "\u1eff"


# The characters str.lower() maps onto a Latin letter (Basic Latin to Latin Extended-B, Latin
# Extended Additional) all lie in those blocks but for the Kelvin and Angstrom signs and two
# Latin Extended-C capitals: a fold table for Latin letters is built from these alone.
# tests/engine/test_speed_targets.py checks this over all of Unicode.
_LOWERING_TO_LATIN = [*range(0x250), *range(0x1E00, 0x1F00), 0x212A, 0x212B, 0x2C7E, 0x2C7F]


@functools.cache
def _fold_table(chars: frozenset[str]) -> bytes | None:
    """A ``bytes.translate`` table for text written one byte a character, the low byte of its
    UTF-16 code: every character that lower-cases to one of ``chars`` (or to a text opening
    with one: "İ" to "i" and a dot) gets the byte that letter gets. None when that cannot be
    made so: a letter outside the Latin blocks, or one some character lower-cases to after
    its first.
    """
    if not all(_latin(c) for c in chars):
        return None
    parent = list(range(256))

    def root(b: int) -> int:
        while parent[b] != b:
            b = parent[b]
        return b

    for code in _LOWERING_TO_LATIN:
        x = chr(code)
        low = x.lower()
        if low == x:
            continue
        if any(c in chars for c in low[1:]):
            return None
        if low[0] in chars:
            a, b = root(code & 0xFF), root(ord(low[0]) & 0xFF)
            parent[max(a, b)] = min(a, b)
    return bytes(root(b) for b in range(256))


# The letters targets and reporting look for in every unit: those of their cue words and of
# the reporting verbs (reporting.py reads the same lexicon entry).
_SEARCHED = frozenset("".join(_CUE_WORDS) + "".join(lexicon.load("frequencies")["report_verbs"]))


class _Bytes:
    """The texts of ``units(outline, footnotes=False)`` joined by line breaks, one byte a
    character (the low byte of its UTF-16 code), with where each begins; ``data`` is None when
    a character lies beyond the 16-bit codes (two codes: the offsets would not match).
    ``folded`` is ``data`` translated by the table of :data:`_SEARCHED`, once asked for."""

    __slots__ = ("data", "folded", "starts")

    def __init__(self, texts: list[str]) -> None:
        joined = "\n".join(texts)
        data = joined.encode("utf-16-le", "surrogatepass")[::2]
        self.data: bytes | None = data if len(data) == len(joined) else None
        self.folded: bytes | None = None
        self.starts = list(itertools.accumulate((len(t) + 1 for t in texts), initial=0))


def units_with(outline: Outline, words: tuple[str, ...]) -> list[int]:
    """The indexes, in order, of the units of ``units(outline, footnotes=False)`` whose
    lower-cased text may hold one of ``words`` (words without line breaks): every unit that
    holds one is listed, and the callers check the few listed.

    Targets and reporting each read only the few units with their cue words. Lower-casing the
    whole document costs more than all the rest of the search, so the text is not lower-cased:
    written one byte a character, with the letters of ``words`` and every character that
    lower-cases to one of them given the same byte (:func:`_fold_table`), a word's bytes are
    found wherever its lower-cased letters are (and at a few more places, where characters
    share a low byte). One search per word over the whole document, with a jump to the next
    unit after a hit, finds the units.
    """
    every = units(outline, footnotes=False)
    text = memo(outline, "bytes", lambda: _Bytes([u.text for u in every]))
    # the letters targets and reporting look for: one folded copy serves both
    shared = frozenset("".join(words)) <= _SEARCHED
    table = _fold_table(_SEARCHED if shared else frozenset("".join(words)))
    if text.data is None or table is None:
        return [i for i, u in enumerate(every) if has_any(u.text.lower(), words)]
    data: bytes | None
    if not shared:
        data = text.data.translate(table)
    elif (data := text.folded) is None:
        data = text.folded = text.data.translate(table)
    starts = text.starts
    found: set[int] = set()
    for word in words:
        search = _needle(word, table)
        m = search(data)
        while m is not None:
            k = bisect.bisect_right(starts, m.start()) - 1
            found.add(k)
            m = search(data, starts[k + 1])
    return sorted(found)


@functools.cache
def _needle(word: str, table: bytes) -> Callable[..., re.Match[bytes] | None]:
    """The search for ``word`` folded by ``table``: a pattern of the literal bytes. Its scan
    (a tight loop in C on the first byte) took 45 us a document where ``bytes.find`` took 56
    (the four words targets and reporting look for, on the seeds)."""
    return re.compile(re.escape(word.encode("utf-16-le")[::2].translate(table))).search


def _year_in(text: str) -> int | None:
    if _YEAR_GUARD and "20" not in text and "19" not in text:
        return None
    for pattern in _YEARS:
        if m := pattern.search(text):
            return int(m["y"])
    return None


def read_contexts(outline: Outline, wanted: list[int]) -> Iterator[tuple[int, Context]]:
    """(index, Context) for the units in the objectives and for the units ``wanted``
    (ascending indexes), in order, headings left out.

    The heading stack is walked heading by heading rather than unit by unit, and only the
    few units read get a Context: within one heading's section a unit is in the objectives
    by the heading's titles, else by its part, and its lead-ins are the texts ending with
    ":" from the heading to it (tests/engine/test_speed_targets.py checks this against a
    walk unit by unit).
    """
    every = units(outline, footnotes=False)
    heads = headings(outline)
    marks = [i for i, head in enumerate(heads) if head is not None]
    by_part = [i for i, u in enumerate(every) if u.node is not None and u.node.part == "objectives"]
    # each entry: (level, the titles down to it, whether one of them opens the objectives,
    # whether one names the specific targets): a heading pushes one, with no walk up the stack
    stack: list[tuple[int, list[str], bool, bool]] = []
    titles: list[str] = []
    titled = specific = not_target = False
    read = sorted({*wanted, *by_part})
    k = 0  # the next of ``read``
    for first, end in zip([-1, *marks], [*marks, len(every)], strict=True):
        if first >= 0:
            level, title = heads[first]  # type: ignore[misc]
            while stack and stack[-1][0] >= level:
                stack.pop()
            low = title.lower()
            above = stack[-1] if stack else (0, [], False, False)
            titles = [*above[1], low]
            titled = above[2] or low.startswith(_OBJECTIVE) or has_any(low, _OBJECTIVE_WORDS)
            specific = above[3] or has_any(low, _SPECIFIC)
            stack.append((level, titles, titled, specific))
            not_target = low.startswith(_NOT_TARGET)
        while k < len(read) and read[k] <= first:
            k += 1
        section: list[int] = []
        if titled:
            section = list(range(first + 1, end))
        else:
            while k < len(read) and read[k] < end:
                section.append(read[k])
                k += 1
        leads: tuple[str, ...] = ()
        seen = first + 1  # the lead-ins are read up to here
        for i in section:
            node = every[i].node
            part = node.part if node is not None else None
            objectives = titled or part == "objectives"
            excluded = not titled and (
                part in _EXCLUDED_PARTS or (part != "objectives" and not_target)
            )
            more = [t for j in range(seen, i + 1) if (t := every[j].text).endswith(":")]
            if more:
                leads = (*leads, *more)
            seen = i + 1
            yield i, Context(titles, objectives, specific, excluded, leads)


_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def number_value(text: str) -> float | int:
    """A printed number as a value: "01" -> 1, "2,5" -> 2.5, "3.000" -> 3000."""
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS.fullmatch(text):
        text = text.replace(".", "")
    value = float(text)
    return int(value) if value.is_integer() else value


def _unit_after(text: str) -> str | None:
    rest = " " + text.lstrip()
    stop = _UNIT_STOP.search(rest)
    raw = rest[: stop.start()] if stop else rest
    words = raw.split()[:_UNIT_MAX]
    return " ".join(words) or None


def _breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause break in ``text``, in order: every ";", every match of
    ``_COMMA_BREAK`` (one scan that skips in C to each comma) and every "." that opens a
    match of ``_DOT_BREAK``.

    The same breaks as one alternation's finditer, found faster: that scan tried all three at
    every character. No break holds another's first character (a break holds no ";", ","
    or "." but its first), so the breaks found apart do not overlap.
    """
    found = [m.span() for m in _COMMA_BREAK.finditer(text)] if "," in text else []
    at = text.find(";")
    while at != -1:
        found.append((at, at + 1))
        at = text.find(";", at + 1)
    at = text.find(".")
    while at != -1:
        if (m := _DOT_BREAK.match(text, at)) is not None:
            found.append((at, m.end()))
        at = text.find(".", at + 1)
    found.sort()
    return found


def _clauses(text: str) -> Iterator[tuple[bool, str]]:
    """The clauses of a text, each with whether it opens a new sentence (not after ";")."""
    start, new_sentence = 0, True
    for at, end in _breaks(text):
        yield new_sentence, text[start:at]
        start, new_sentence = end, text[at] == "."
    yield new_sentence, text[start:]


def _is_year(value: float | int, percent: bool) -> bool:
    return not percent and 1900 <= value <= 2100


# A figure's number is the first digit at or after where the match starts (the words before it
# hold no digit), and those words with single spaces span at most this many characters.
_LEAD_WORDS = [*_BEFORE, *_LEX["range_lead"]]
_LEAD_MAX = max(map(len, _BEFORE)) + max(map(len, _LEX["range_lead"])) + 2
_WINDOWED = not any(_DIGIT.search(w) for w in _LEAD_WORDS)
_WIDE_SPACE = re.compile(r"\s\s")


def _figure_matches(clause: str) -> Iterator[re.Match[str]]:
    """``_FIGURE.finditer(clause)``, each search started a few characters before a digit.

    A match that starts before digit ``d`` ends its lead-in at ``d`` (the first digit it holds),
    so it starts at most ``_LEAD_MAX`` characters earlier: no match starts between the last
    one's end and there, and the search need not try those positions. A clause with a run of
    spaces (no bound on the lead-in) is scanned the ordinary way.
    """
    if not _WINDOWED or _WIDE_SPACE.search(clause) is not None:
        yield from _FIGURE.finditer(clause)
        return
    pos = 0
    while (digit := _DIGIT.search(clause, pos)) is not None:
        m = _FIGURE.search(clause, max(pos, digit.start() - _LEAD_MAX))
        if m is None:
            return
        yield m
        pos = m.end()


def _after_word(before: str) -> bool:
    """Whether ``before`` ends with a word no figure follows, then spaces, one colon, spaces.

    The same as searching ``(?:words)\\s*:?\\s*$`` in it, but the spaces and the colon are
    stripped off and the words tried only where they would end the text: a search would try
    the alternation at every character before the figure.
    """
    tail = before.rstrip()
    if tail.endswith(":"):
        tail = tail[:-1].rstrip()
    return _NOT_AFTER.search(tail, max(0, len(tail) - _NOT_AFTER_REACH)) is not None


def figures(clause: str) -> Iterator[dict[str, Any]]:
    """Every figure in a clause as comparator / value / unit, with its span."""
    for m in _figure_matches(clause):
        before = clause[: m.start("a")]
        if m["from"] is None and m["cmp"] is None and _after_word(before):
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
        piece = _JOIN_LEAD.sub("", piece)
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


def _lead_year(text: str) -> int | None:
    """The year a unit's lead-in prints: "Phấn đấu đến hết năm 2025: a; b; c"."""
    return _year_in(text.split(":", 1)[0]) if ":" in text else None


def _text_targets(outline: Outline) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    # the units with a cue word, found over the whole document at once: outside the
    # objectives only those are read (the label and the lower-casing are for the few read)
    cued_units = units_with(outline, _CUE_WORDS)
    cued = set(cued_units)
    every = units(outline, footnotes=False)
    for i, ctx in read_contexts(outline, cued_units):
        unit = every[i]
        if ctx.excluded:
            continue
        if unit.node is not None and unit.node.kind == "row":
            continue  # tables: see table_targets
        if not ctx.objectives and i not in cued:
            continue
        text = split_label(unit.text)[1]
        unit_cue = i in cued and has_any(text.lower(), _CUE_WORDS)
        if not (ctx.objectives or unit_cue) or _DIGIT.search(text) is None:
            continue
        governed = False  # "Phấn đấu a; b; c.": the cue governs the sentence's clauses
        for new_sentence, clause in _clauses(text):
            # a clause's words are its unit's: with no cue in the unit, none in the clause
            cue = unit_cue and has_any(clause.lower(), _CUE_WORDS)
            governed = cue or (governed and not new_sentence)
            if _DIGIT.search(clause) is None:
                continue
            committing = governed
            if not (ctx.objectives or committing):
                continue
            found = [
                f
                for f in figures(clause)
                if (f["percent"] and (ctx.objectives or committing))
                or (f["explicit"] and (ctx.objectives or committing))
                or ctx.specific
                or committing
            ]
            # a statistic is not a target, even inside a committing sentence ("...; năm 2024
            # đã đạt 80%"); only a clause that itself commits is read despite past words (and
            # the past words are looked for only in a clause with figures to keep)
            if not found or (not cue and _PAST.search(clause)):
                continue
            for f, piece in zip(found, _spans(clause, found), strict=True):
                rule = "target.objectives" if ctx.objectives else "target.commitment"
                out.append(
                    {
                        "text": piece,
                        "year": _year_in(piece) or _year_in(clause) or _lead_year(text) or ctx.year,
                        "comparator": f["comparator"],
                        "value": f["value"],
                        "unit": f["unit"],
                        "line": unit.line,
                        "rule": rule,
                    }
                )
    return out
