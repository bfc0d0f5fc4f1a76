"""Reporting duties: who reports, to whom, through whom, how often and by when.

A duty is a clause with a reporting verb ("báo cáo") and a cadence or a deadline:
"định kỳ hàng quý, 6 tháng, năm báo cáo kết quả thực hiện với Ban Thường vụ Thành ủy (qua Ban
Dân vận Thành ủy)", "định kỳ trước ngày 10/12 hằng năm, báo cáo UBND tỉnh ... (qua Sở Nội vụ)",
"báo cáo kết quả thực hiện 6 tháng, năm về Ủy ban nhân dân tỉnh trước ngày 15/6 và 15/12".
Cadences are the ones printed ("định kỳ" with none printed is ``periodic``); a yearly deadline
is ``MM-DD`` (a dated one too), a day with no month ("trước ngày 20") gives no deadline. Two
duties joined in one clause ("báo cáo ... hằng tháng trước ngày 25 và báo cáo tổng kết năm học
trước ngày 15/6 về Sở") are two duties sharing the recipient printed after the last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .. import lexicon
from ..model import Node, Outline
from ..patterns import can_start
from .dates import find_dates, find_day_months
from .sources import Unit, split_label, units
from .targets import has_any, headings, units_with

_LEX = lexicon.load("frequencies")
_ISSUERS = lexicon.load("issuers")


def _alt(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


# Letters that re.IGNORECASE matches with exactly the characters str.lower() turns into them:
# ASCII letters and digits and the Latin letters with diacritics, but for the few that re pairs
# with a twin str.lower() does not map onto them ("i": "ı", "İ"; "s": "ſ"). The engine test
# tests/engine/test_speed_targets.py checks every letter the anchors use against all of Unicode.
_CASE_TWINS = frozenset("isıſṡẛ")


def _case_safe(ch: str) -> bool:
    latin = (
        (ch.isascii() and ch.isalnum()) or "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"
    )
    return latin and ch == ch.lower() and ch not in _CASE_TWINS


def _anchor(word: str) -> tuple[int, str]:
    """(offset, piece): the longest run of case-safe letters in the first token of ``word``."""
    token = word.split()[0] if word.strip() else ""
    best = (0, "")
    start = 0
    for i, ch in enumerate([*token, ""]):
        if not ch or not _case_safe(ch):
            if i - start > len(best[1]):
                best = (start, token[start:i])
            start = i + 1
    return best


class Anchored:
    """A case-insensitive pattern whose every match opens with one of ``words``, tried only
    where one of them can start.

    A word's case-safe piece (see :func:`_anchor`) is in the lower-cased text wherever the
    pattern matches the word, at the same offset when lower-casing kept every character one
    character. Finding those pieces is a fast substring search; the pattern is then tried
    only at the few positions they give, instead of at every character of the text, with the
    same matches in the same order. When a word has no such piece, or the lower-cased text
    is not aligned, the pattern is searched the ordinary way.
    """

    def __init__(self, pattern: re.Pattern[str], words: list[str]) -> None:
        self.pattern = pattern
        anchors = {_anchor(w) for w in words}
        self.anchors = None if any(not piece for _, piece in anchors) else sorted(anchors)
        self.pieces = tuple(sorted({piece for _, piece in self.anchors or []}))

    def may_match(self, low: str) -> bool:
        """Whether the text ``low`` is lower-cased from may hold a match: not when none of the
        words' pieces is in ``low`` (a few substring searches cost less than one scan of a
        short text by the pattern, which tries every position)."""
        return self.anchors is None or has_any(low, self.pieces)

    def _starts(self, text: str, low: str | None, pos: int) -> list[int] | None:
        if self.anchors is None:
            return None
        low = text.lower() if low is None else low
        if len(low) != len(text):
            return None
        starts: set[int] = set()
        for offset, piece in self.anchors:
            i = low.find(piece, pos + offset)
            while i >= 0:
                starts.add(i - offset)
                i = low.find(piece, i + 1)
        return sorted(starts)

    def finditer(self, text: str, pos: int = 0, low: str | None = None) -> Iterator[re.Match[str]]:
        """``pattern.finditer(text, pos)``; ``low`` is ``text.lower()`` when the caller has it."""
        starts = self._starts(text, low, pos)
        if starts is None:
            yield from self.pattern.finditer(text, pos)
            return
        match = self.pattern.match
        for start in starts:
            if start >= pos and (m := match(text, start)) is not None:
                yield m
                pos = m.end()

    def search(self, text: str, pos: int = 0, low: str | None = None) -> re.Match[str] | None:
        """``pattern.search(text, pos)``."""
        return next(self.finditer(text, pos, low), None)


_PERIOD_CODE = {w: e["code"] for e in _LEX["periods"] for w in e["words"]}
_STANDALONE = {w: e["code"] for e in _LEX["standalone"] for w in e["words"]}
# a period word that names a date ("quý III/2025", "tháng 6", "năm 2025") is not a cadence
# "6 tháng đầu năm 2025", like "quý III/2025" or "năm 2025", names one period, not a cadence
_NOT_CADENCE = r"(?!\s*(?:[IVX]+\b|\d))(?!\s+(?:đầu|cuối)\s+năm\s+\d)(?!\w)"
_PERIOD = rf"(?:{_alt(list(_PERIOD_CODE))}){_NOT_CADENCE}"
# members may carry their own deadline in brackets: "hằng quý (trước ngày 20), 6 tháng (...)"
_JOIN = rf"\s*(?:\([^()]{{0,60}}\)\s*)?(?:{_alt(_LEX['list_joiners'])})\s*(?:hằng\s+|hàng\s+)?"
_LIST = rf"{_PERIOD}(?:{_JOIN}{_PERIOD})*"
# The patterns searched across whole clauses open with can_start(words): at a position where
# none of their words can start, one character test fails instead of every alternative.
_TRIGGERED = re.compile(
    rf"{can_start(_LEX['triggers'])}(?<!\w)(?:{_alt(_LEX['triggers'])})\s+(?P<list>{_LIST})",
    re.IGNORECASE,
)
_STRONG = re.compile(
    rf"{can_start(_LEX['strong_periods'])}(?<![\w/])"
    rf"(?P<list>(?:{_alt(_LEX['strong_periods'])}){_NOT_CADENCE}(?:{_JOIN}{_PERIOD})*)",
    re.IGNORECASE,
)
_PERIOD_RE = re.compile(_PERIOD, re.IGNORECASE)
_STANDALONE_RE = re.compile(
    rf"{can_start(list(_STANDALONE))}(?<!\w)(?:{_alt(list(_STANDALONE))})(?!\w)(?!\s*\d{{4}})",
    re.IGNORECASE,
)
_PERIODIC_RE = re.compile(
    rf"{can_start(_LEX['periodic'])}(?<!\w)(?:{_alt(_LEX['periodic'])})(?!\w)", re.IGNORECASE
)
_VERB = re.compile(
    rf"{can_start(_LEX['report_verbs'])}(?<!\w)(?:{_alt(_LEX['report_verbs'])})(?!\w)",
    re.IGNORECASE,
)
# a unit's whole text is long: the verb is looked for only where a verb's word starts
_VERB_IN_UNIT = Anchored(_VERB, _LEX["report_verbs"])
_VERB_WORDS = tuple({w.split()[0] for w in _LEX["report_verbs"]})


def _covering_pieces(phrases: list[str]) -> tuple[str, ...]:
    """A few case-safe pieces of the phrases' words (see :func:`_anchor`), each phrase holding
    one: wherever a phrase matches case-insensitively, the text lower-cased holds a piece.

    Chosen greedily, the piece most phrases hold first (the longer on a tie): each piece is
    one more search over a whole document.
    """
    pieces = sorted({_anchor(t)[1] for p in phrases for t in p.split()} - {""})
    left = list(phrases)
    chosen: list[str] = []
    while left:
        holding = {c: [p for p in left if any(c in t for t in p.split())] for c in pieces}
        best = max(pieces, key=lambda c: (len(holding[c]), len(c)))
        if not holding[best]:
            raise ValueError(f"no case-safe piece in {left}")
        chosen.append(best)
        left = [p for p in left if p not in holding[best]]
    return tuple(chosen)


# the units with a verb hold one of these (fewer than the verbs' first words: fewer searches)
_VERB_PIECES = _covering_pieces(_LEX["report_verbs"])
_DEADLINE = re.compile(
    rf"{can_start(_LEX['deadline_leads'])}(?<!\w)(?:{_alt(_LEX['deadline_leads'])})\s*",
    re.IGNORECASE,
)
_DM = r"\d{1,2}\s?/\s?\d{1,2}(?!\s?/\s?\d)(?!\d)"
_DM_LIST = re.compile(rf"{_DM}(?:\s*(?:,|và)\s*(?:ngày\s*)?{_DM})*")
_HEADS = re.compile(rf"(?:{_alt(_ISSUERS['heads'])})(?!\w)", re.IGNORECASE)
_BODY_STOP = re.compile(
    rf"[()\[\];:.]|\s(?:{_alt(_LEX['stops'])})(?!\w)",
    re.IGNORECASE,
)
_RECIPIENT_PREP = re.compile(
    rf"{can_start(_LEX['recipient_preps'])}(?<!\w)(?:{_alt(_LEX['recipient_preps'])})\s+",
    re.IGNORECASE,
)
_VIA = re.compile(
    rf"{can_start(_LEX['via_preps'])}(?<!\w)(?:{_alt(_LEX['via_preps'])})\s+", re.IGNORECASE
)
_SUBJECT_STOP = re.compile(rf"\s(?:{_alt(_LEX['subject_stops'])})(?!\w)|[;:(]", re.IGNORECASE)
_SUBJECT_LEAD = re.compile(rf"^(?:{_alt(_LEX['subject_leads'])})\s*:?\s+", re.IGNORECASE)
# case-safe letters (see _case_safe): in the lower-cased text wherever the pattern matches
_AND: str = _LEX["second_duty_joiner"]
_SECOND_VERB = re.compile(
    rf"(?:,\s*|\s){re.escape(_AND)}\s+(?=(?:{_alt(_LEX['second_duty_verbs'])})(?!\w))",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r";|\.\s+(?=[A-ZĐÀ-Ỹ])")
_ORDER = ["monthly", "quarterly", "semiannual", "annual", "periodic"]
# A duty's clause is searched by these only when it holds one of their words' pieces.
_TRIGGERED_AT = Anchored(_TRIGGERED, _LEX["triggers"])
_STRONG_AT = Anchored(_STRONG, _LEX["strong_periods"])
_STANDALONE_AT = Anchored(_STANDALONE_RE, list(_STANDALONE))
_PERIODIC_AT = Anchored(_PERIODIC_RE, _LEX["periodic"])
_DEADLINE_AT = Anchored(_DEADLINE, _LEX["deadline_leads"])
_RECIPIENT_PREP_AT = Anchored(_RECIPIENT_PREP, _LEX["recipient_preps"])
_VIA_AT = Anchored(_VIA, _LEX["via_preps"])


def _starts_body(text: str) -> bool:
    return bool(text[:1].isupper() and _HEADS.match(text))


def body_at(text: str) -> str | None:
    """The body name (or comma list of names) that opens ``text``, or None."""
    text = text.lstrip()
    if not _starts_body(text):
        return None
    stop = _BODY_STOP.search(text)
    raw = text[: stop.start()] if stop else text
    names: list[str] = []
    for i, piece in enumerate(raw.split(",")):
        piece = piece.strip()
        if not piece or (i > 0 and not _starts_body(piece)):
            break
        names.append(piece)
    return ", ".join(names) or None


def frequencies(clause: str, low: str | None = None) -> list[str]:
    """The cadences a clause prints, in the contract's order (``low``: the clause lower-cased,
    when the caller has it; a pattern none of whose words it holds is not searched)."""
    low = clause.lower() if low is None else low
    codes: set[str] = set()
    for pattern in (_TRIGGERED_AT, _STRONG_AT):
        if pattern.may_match(low):
            for m in pattern.pattern.finditer(clause):
                for p in _PERIOD_RE.finditer(m["list"]):
                    codes.add(_PERIOD_CODE[" ".join(p.group(0).lower().split())])
    if _STANDALONE_AT.may_match(low):
        for m in _STANDALONE_RE.finditer(clause):
            codes.add(_STANDALONE[" ".join(m.group(0).lower().split())])
    if not codes and _PERIODIC_AT.may_match(low) and _PERIODIC_RE.search(clause):
        codes.add("periodic")
    return [c for c in _ORDER if c in codes]


def deadlines(clause: str, low: str | None = None) -> list[str]:
    """Deadlines printed after "trước ngày" / "chậm nhất ngày", as MM-DD (a dated one too:
    the contract's deadline is the day in the year the duty falls due)."""
    out: list[str] = []
    if not _DEADLINE_AT.may_match(clause.lower() if low is None else low):
        return out
    for lead in _DEADLINE.finditer(clause):
        window = clause[lead.end() : lead.end() + 60]
        full = find_dates("ngày " + window)  # the lead took "ngày": give it back
        if full and full[0].start <= 5 and full[0].value is not None:
            out.append(f"{full[0].value.month:02d}-{full[0].value.day:02d}")
            continue
        if m := _DM_LIST.match(window):
            for _, _, month, day in find_day_months(m.group(0)):
                out.append(f"{month:02d}-{day:02d}")
        elif words := find_day_months("ngày " + window[:30]):  # "25 tháng 11 hằng năm"
            start, _, month, day = words[0]
            if start == 0:
                out.append(f"{month:02d}-{day:02d}")
    return list(dict.fromkeys(out))


def recipient_of(clause: str, verb_end: int, low: str | None = None) -> str | None:
    """The body a report goes to: right after the verb, or after "về/với/cho/lên ..."
    (``low``: the clause lower-cased, when the caller has it)."""
    rest = clause[verb_end:]
    if body := body_at(rest):
        return body
    if low is not None and not _RECIPIENT_PREP_AT.may_match(low):
        return None
    for prep in _RECIPIENT_PREP.finditer(rest):
        if body := body_at(rest[prep.end() :]):
            return body
    return None


def via_of(clause: str, start: int, low: str | None = None) -> str | None:
    if low is not None and not _VIA_AT.may_match(low):
        return None
    for m in _VIA.finditer(clause, start):
        if body := body_at(clause[m.end() :]):
            return body
    return None


def subject_of(text: str) -> str | None:
    """The bodies a sentence opens with ("Công an tỉnh là cơ quan thường trực ...")."""
    text = _SUBJECT_LEAD.sub("", text.strip())
    # "các " lower-cased from the text's first four characters at most (a character lowers to
    # one or more): only they are lower-cased, not the whole sentence
    if not text[:1].isupper() or not (_HEADS.match(text) or text[:4].lower().startswith("các ")):
        return None
    stop = _SUBJECT_STOP.search(text)
    subject = (text[: stop.start()] if stop else text).strip(" ,")
    return subject if 0 < len(subject.split()) <= 20 else None


def _duties(clause: str, low: str) -> list[str]:
    """A clause split where "và" opens a second reporting verb ("... trước ngày 25 và báo cáo
    tổng kết ..."); whole when a piece would carry neither cadence nor deadline. ``low`` is
    the clause lower-cased: with no "và" in it there is nothing to split."""
    if _AND not in low:
        return [clause]
    cuts = list(_SECOND_VERB.finditer(clause))
    if not cuts:
        return [clause]
    starts = [0, *(m.end() for m in cuts)]
    ends = [*(m.start() for m in cuts), len(clause)]
    pieces = [clause[a:b] for a, b in zip(starts, ends, strict=True)]
    if all(_VERB.search(p) and (frequencies(p) or deadlines(p)) for p in pieces):
        return pieces
    return [clause]


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each clause of ``text``: the breaks ``_CLAUSE.finditer`` finds.

    The few ";" and "." are found by substring searches and only a "." is matched by the
    pattern: a scan by the pattern tried every character (~10 ns each, more than all the
    rest of a unit's clause cut). A match holds no other ";" or "." than its first character,
    so the breaks are the same.
    """
    start = 0
    semi = text.find(";")
    dot = text.find(".")
    while semi != -1 or dot != -1:
        if dot == -1 or (semi != -1 and semi < dot):
            yield start, semi
            start = semi + 1
            semi = text.find(";", start)
        else:
            if (m := _CLAUSE.match(text, dot)) is not None:
                yield start, dot
                start = m.end()
            dot = text.find(".", dot + 1)
    yield start, len(text)


def _heading_subject(title: str | None) -> str | None:
    """The bodies a heading names ("Ủy ban nhân dân các huyện"): the reporter of the duties
    under it that name none. Read only for a duty, not for every heading."""
    if title is None:
        return None
    return subject_of(title) or (title.strip(" :") if _starts_body(title) else None)


def _heading_before(every: list[Unit], heads: list[tuple[int, str] | None], i: int) -> str | None:
    """The title of the heading unit ``i`` sits under: the last one before it outside the
    parts and rows the duties are not looked for in."""
    for j in range(i - 1, -1, -1):
        head = heads[j]
        if head is not None and not _skipped(every[j].node):
            return head[1]
    return None


def _skipped(node: Node | None) -> bool:
    return node is not None and (node.part in _SKIPPED_PARTS or node.kind == "row")


_SKIPPED_PARTS = ("recipients", "signature", "appendix")


def extract_reporting(outline: Outline) -> list[dict[str, Any]]:
    """The contract's ``reporting``: one entry per duty, with ``reporter``, ``line``, ``rule``.

    Only the units whose lower-cased text holds a piece of a verb are read (a search per piece
    over the whole document finds them, see :func:`~.targets.units_with`); the heading a duty
    sits under is looked up only when the duty names no reporter of its own.
    """
    out: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    every = units(outline, footnotes=False)
    heads = headings(outline)
    # a unit is read when it holds a verb's first word and a verb: units_with lists every unit
    # holding a verb's piece, the unit's own check below does the rest
    for i in units_with(outline, _VERB_PIECES):
        unit = every[i]
        if _skipped(unit.node) or heads[i] is not None:
            continue
        text = split_label(unit.text)[1]
        low = text.lower()
        if not has_any(low, _VERB_WORDS):
            continue
        # the verbs of the whole unit, found once: a clause with none holds no duty (a verb
        # is letters and spaces, so no match runs across a clause break, and a "và" that
        # splits a clause opens a verb)
        verbs = list(_VERB_IN_UNIT.finditer(text, low=low))
        if not verbs:
            continue
        aligned = len(low) == len(text)
        for start, end in _clauses(text):
            first = next((m for m in verbs if m.start() >= start), None)
            if first is None or first.start() >= end:
                continue
            whole = text[start:end]
            whole_low = low[start:end] if aligned else whole.lower()
            pieces = _duties(whole, whole_low)
            for clause in pieces:
                if clause is whole:
                    clause_low, verb_end = whole_low, first.end() - start
                else:
                    verb = _VERB.search(clause)
                    if verb is None:
                        continue
                    clause_low, verb_end = clause.lower(), verb.end()
                freq = frequencies(clause, clause_low)
                due = deadlines(clause, clause_low)
                if not freq and not due:
                    continue
                recipient = recipient_of(clause, verb_end, clause_low)
                via = via_of(clause, verb_end, clause_low)
                if clause is not pieces[-1] and recipient is None:  # shared, printed last
                    last = pieces[-1]
                    last_verb = _VERB.search(last)
                    assert last_verb is not None
                    recipient = recipient_of(last, last_verb.end())
                    via = via or via_of(last, last_verb.end())
                key = (tuple(freq), tuple(due), recipient, via)
                if key in seen:
                    continue
                seen.add(key)
                out.append(
                    {
                        "frequency": freq,
                        "deadline": due[0] if len(due) == 1 else (due or None),
                        "reporter": subject_of(clause)
                        or subject_of(text)
                        or _heading_subject(_heading_before(every, heads, i)),
                        "recipient": recipient,
                        "via": via,
                        "text": clause.strip(),
                        "line": unit.line,
                        "rule": "reporting.duty",
                    }
                )
    return out
