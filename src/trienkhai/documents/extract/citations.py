"""Cited documents: every document the text names by number and symbol, each once.

A mention is a kind word ("Nghị quyết", "Chương trình hành động" ...) with an optional "số" and a
number ("43-NQ/TW", "33/CT-TTg", "34/2007/PL-UBTVQH11"), or a bare number continuing a list
("các Nghị quyết số 18-NQ/TW, 19-NQ/TW"). After it may come a date and "của <issuer>" with an
optional "(khóa XIII)". Mentions of the same (kind, number) are one document unless their dates
differ, or an undated mention names an issuer that cannot be the dated one's (Chỉ thị 05-CT/TW
of the Bộ Chính trị and 05-CT/TW of the Ban Bí thư are two documents).
"""

from __future__ import annotations

import functools
import operator
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .. import lexicon
from ..model import Outline
from .dates import date_value_at, iso, make_date
from .sources import memo, units

_KINDS = lexicon.load("document_kinds")
_ISSUERS = lexicon.load("issuers")

WORD_TO_KIND: dict[str, str] = {}
SYMBOL_TO_KIND: dict[str, str] = {}
_NAMED_WORDS: list[str] = []
for _entry in _KINDS["kinds"]:
    for _w in _entry["words"]:
        WORD_TO_KIND[_w] = _entry["code"]
        if _entry.get("named"):
            _NAMED_WORDS.append(_w)
    for _s in _entry["symbols"]:
        SYMBOL_TO_KIND.setdefault(_s.casefold(), _entry["code"])


def _alternation(words: list[str]) -> str:
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def _alternation_by_initial(words: list[str]) -> str:
    """:func:`_alternation` with the words grouped by their first letter ("t(?:hực hiện|rong)"):
    a case-insensitive alternation is tried word by word at each position, so a search
    compares a position with each initial once instead of with every word. Words of one
    initial keep their longest-first order; words of different initials never match at the
    same place, so the order between groups does not matter."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=len, reverse=True):
        groups.setdefault(w[0].lower(), []).append(w[1:])
    return "|".join(
        re.escape(initial)
        + "(?:"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in rest)
        + ")"
        for initial, rest in groups.items()
    )


# "43-NQ/TW", "34/2007/PL-UBTVQH11", "33/CT-TTg"; a line wrapped at a hyphen leaves a space
# after it ("02- HD/TU"), a number typed before the blank space left for it one before the slash
# ("123 /KH-UBND"): :func:`printed_number` removes them
NUMBER = (
    r"\d{1,5}(?:\s?-\s?[A-ZĐ][^\W_]*/[A-ZĐ][^\W_]*(?:-[A-ZĐ][^\W_]*)?"
    r"|\s?/\d{4}/[A-ZĐ][^\W_]*(?:-\s?[^\W_]+)*"
    r"|\s?/\s?[A-ZĐ][^\W_]*(?:-\s?[^\W_]+)+)(?![\w/])"
)
# the first digit, then the check that no letter, digit or "/" stands before it: a pattern that
# opens with a digit lets the regex engine skip straight to digits (a look-behind first would
# make it try every position of the text)
assert NUMBER.startswith(r"\d{1,5}")
_NUMBER_RE = re.compile(r"\d(?<![\w/]\d)\d{0,4}" + NUMBER[len(r"\d{1,5}") :])
# the first "/" of every number: before an upper-case letter (43-NQ/TW, 33/ CT-TTg) or a year
# and its slash (34/2007/PL-...). A scan for a literal "/" is several times cheaper than one
# for digits, so numbers are looked for only from a little before each such slash:
# :func:`_numbers`
_SYMBOL_SLASH = re.compile(r"/(?=\s?[A-ZĐ]|\d{4}/[A-ZĐ])")
# what may stand between a number's first digit and the letters before its first slash:
# five digits, a space, the hyphen and a space
_NUMBER_REACH = 8
_SPACE_RUN = re.compile(r"\s+")
_DASH_SYMBOL = re.compile(r"\d+-([^\W\d_]+)/")  # 43-NQ/TW
_SLASH_SYMBOL = re.compile(r"\d+/(?:\d{4}/)?([^\W\d_]+)")  # 12/2024/NĐ-CP
_LEAD = _alternation(_KINDS["number_lead"])
_PLAIN_WORDS = [w for w in WORD_TO_KIND if w not in _NAMED_WORDS]
_NAMED_BEFORE = re.compile(
    rf"(?<!\w)(?P<named>{_alternation(_NAMED_WORDS)})(?:\s+[^\s,;.()]+){{0,12}}?\s+"
    rf"(?:{_LEAD})\s*$",
    re.IGNORECASE,
)
_WINDOW = 40
_LEADS = sorted(_KINDS["number_lead"], key=len, reverse=True)
_LEAD_SET = frozenset(_LEADS)  # words of their own (:func:`_kind_before`)
assert not any(ch.isspace() for lead in _LEADS for ch in lead)
_PLAIN_BY_LENGTH = sorted(_PLAIN_WORDS, key=len, reverse=True)
# kind words by their last syllable: a window is compared only with the words it can end with
_PLAIN_BY_LAST: dict[str, list[str]] = {}
for _w in _PLAIN_BY_LENGTH:
    _PLAIN_BY_LAST.setdefault(_w.split()[-1], []).append(_w)
# a window is searched for a named kind ("Luật", "Bộ luật") only when it holds one of its words
_NAMED_HINTS = tuple(sorted({w.lower() for w in _NAMED_WORDS}, key=len))
_NAMED_WINDOW = 140
# what may stand between a number and its date (", ban hành ngày "), then the date's first
# digit, one pattern: the group "day" opens the date when it is printed with "ngày"
_DATE_LEAD = re.compile(
    r"(?P<lead>[\s,(]*(?:(?:được\s+)?ban\s+hành\s+)?(?P<day>ngày\s*)?(?=\d))"
    # the shape nearly every cited date has ("18/5/2021"), read in the same match: the lexicon's
    # "d/m/y" pattern without its optional spaces and other separators. Where it is read here,
    # the lexicon's patterns give this same date (:func:`_date_at`)
    r"(?:(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})(?![\d/]))?",
    re.IGNORECASE,
)
_DATE_WINDOW = 60
_OF = re.compile(r"\s*\)?\s*,?\s*của\s+", re.IGNORECASE)
_KHOA = re.compile(r"\s*\(?\s*kh[oó]a\s+(?P<k>[IVXLC]+)\b\s*\)?", re.IGNORECASE)
_KHOA_IN = re.compile(r"\s*\(?\bkh[oó]a\s+(?P<k>[IVXLC]+)\b\)?", re.IGNORECASE)
# where an issuer ends: a punctuation mark, a stop word after a space, or " và " before a
# lower-case letter or a kind word
_ISSUER_STOP_PUNCT = r"[,;:.()\[\]“”\"]"
_ISSUER_STOP_AFTER_SPACE = (
    r"(?:" + _alternation_by_initial(_ISSUERS["issuer_stops"]) + r")(?=\s|$)"
    r"|và\s(?=(?-i:[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ])"
    r"|(?:" + _alternation_by_initial(list(WORD_TO_KIND)) + r")\b)"
)
# every stop opens with a mark or a space: one case-sensitive class read first (a class under
# IGNORECASE lower-cases each character of the issuer before looking it up; these characters
# have no case, so both read the same, checked over all of Unicode in the speed tests), then
# the stop that character opens. Same matches as the plain
# ``[marks]|\s(?:stop words)...|\svà\s...`` (tests/engine/test_speed_citations_s4.py)
_ISSUER_STOP = re.compile(
    r"(?-i:[,;:.()\[\]“”\"\s])(?:(?<="
    + _ISSUER_STOP_PUNCT
    + r")|(?<=\s)(?:"
    + _ISSUER_STOP_AFTER_SPACE
    + r"))",
    re.IGNORECASE,
)
_ISSUER_PREFIXES = [re.compile(p + r"\s+", re.IGNORECASE) for p in _ISSUERS["issuer_prefixes"]]
_ISSUER_MAX = int(_ISSUERS["issuer_max_words"])
_BODY_HEAD = re.compile(  # a body's name opens: "Ban Chấp hành ...", "Bộ Chính trị"
    r"(?=(?-i:[A-ZĐ]))(?:" + _alternation(_ISSUERS["name_heads"]) + r")\s+(?-i:[A-ZĐÀ-Ỹ])",
    re.IGNORECASE,
)
_LIST_JOIN = re.compile(r"^\s*(?:,|;|và|,\s*và|hoặc)\s*(?:(?:" + _LEAD + r")\s*)?$", re.IGNORECASE)
_SHARED_ISSUER = re.compile(r"^\s*,?\s*và\s*$", re.IGNORECASE)
_ABBREV = {k.casefold(): v for k, v in _ISSUERS["abbreviations"].items()}
_PUNCT = re.compile(r"[^\w]+")


@dataclass(slots=True)
class Mention:
    """One place the text names a document."""

    kind: str
    number: str
    date: date | None
    issuer: str | None
    khoa: str | None
    line: int
    rule: str
    start: int = 0
    end: int = 0  # end of the whole mention (number, date, issuer, khóa)
    number_end: int = 0
    text_index: int = 0


@dataclass(slots=True)
class CitedDocument:
    """A distinct cited document with every mention of it."""

    kind: str
    number: str
    date: date | None
    mentions: list[Mention] = field(default_factory=list)

    @property
    def issuer(self) -> str | None:
        return next((m.issuer for m in self.mentions if m.issuer), None)

    def to_json(self) -> dict[str, Any]:
        first = self.mentions[0]
        when = iso(self.date)
        return {
            "kind": self.kind,
            "number": self.number,
            "date": when,
            "issuer": self.issuer,
            "identity": [self.kind, self.number, when],
            "line": first.line,
            "rule": first.rule,
            "mentions": len(self.mentions),
        }


def printed_number(raw: str) -> str:
    """A number as printed, without the space a line wrap left after a hyphen."""
    return "".join(raw.split())


@functools.lru_cache(maxsize=4096)
def norm_number(number: str | None) -> str:
    """A number compared across mentions: NFC, case-folded, no spaces."""
    if not number:
        return ""
    return _SPACE_RUN.sub("", unicodedata.normalize("NFC", number)).casefold()


def kind_of_word(word: str) -> str:
    return WORD_TO_KIND.get(" ".join(word.lower().split()), "other")


def kind_of_symbol(number: str) -> str | None:
    """The kind a number's symbol suggests ("NQ" in 43-NQ/TW), None when it names no kind."""
    m = _DASH_SYMBOL.match(number)
    if m:
        return SYMBOL_TO_KIND.get(m.group(1).casefold())
    m = _SLASH_SYMBOL.match(number)
    if m:
        return SYMBOL_TO_KIND.get(m.group(1).casefold())
    return None


def _issuer_at(text: str, pos: int) -> tuple[str | None, str | None, int]:
    """(issuer, khóa, end) printed as "của <issuer> (khóa X)" at ``pos``."""
    m = _OF.match(text, pos)
    if not m:
        return None, None, pos
    start = m.end()
    kept = 0  # "Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng": the session is the issuer
    for prefix in _ISSUER_PREFIXES:
        pm = prefix.match(text, start)
        if pm is None:
            continue
        if _BODY_HEAD.match(text, pm.end()):  # "Hội nghị Trung ương 6 Ban Chấp hành ..."
            start = pm.end()
        else:
            kept = len(pm.group(0).split("(")[0].rstrip())
        break
    limit = start + 160
    stop = _ISSUER_STOP.search(text, start + kept, limit)
    raw = text[start : stop.start() if stop else limit]
    words = raw.split()
    issuer = " ".join(words[:_ISSUER_MAX] if len(words) > _ISSUER_MAX else words)
    end = start + len(raw.rstrip())
    khoa = None
    if "kh" in issuer.lower() and (km := _KHOA_IN.search(issuer)):  # a cheap test first
        khoa = km["k"].upper()
    k2 = _KHOA.match(text, end)
    if k2:
        khoa = khoa or k2["k"].upper()
        end = k2.end()
    if not issuer or not issuer[0].isupper():
        return None, khoa, end
    return issuer, khoa, end


def _date_at(text: str, pos: int) -> tuple[date | None, int]:
    """The date printed right after ``pos`` (", ngày 25/5/2023", " ban hành ngày ..."): only
    punctuation, "ban hành" and "ngày" may stand between; a blank date gives none."""
    lead = _DATE_LEAD.match(text, pos)
    if lead is None:  # no digit where a date would start
        return None, pos
    endpos = pos + _DATE_WINDOW
    # "ngày 18/5/2021": no lexicon date reads "ngày" before a day and a "/" (tried first below),
    # and the "d/m/y" one reads these same digits from the day on; a day that does not exist is
    # left to the patterns
    if (
        (y := lead["y"]) is not None
        and lead.end() < endpos
        and (value := make_date(int(y), int(lead["m"]), int(lead["d"]))) is not None
    ):
        return value, lead.end()
    found = None
    if (day := lead.start("day")) >= 0:  # "ngày 10 tháng 01 năm 2023", else "ngày 10/01/2023"
        found = date_value_at(text, day, endpos)
    if found is None:
        found = date_value_at(text, lead.end("lead"), endpos)
    if found is None or found[0] is None:
        return None, pos
    return found


def _kind_before(text: str, start: int) -> tuple[str, int, str] | None:
    """(kind, start of the kind word, rule) when a kind word is printed right before a number.

    Compares the lower-cased window's end with each kind word (``str.endswith`` is far cheaper
    than a regex searched over the window); a law's name may sit between "Luật" and "số".
    """
    lo = max(0, start - _WINDOW)
    window = text[lo:start].lower().rstrip()
    words = window.rsplit(None, 2)
    if len(words) == 3 and words[2] in _LEAD_SET:
        # "... nghị quyết số": the lead is a word of its own (nearly every number), so the
        # words before it are at hand without comparing the window's end with each lead
        window = window[: -len(words[2])].rstrip()
        last = words[1]
    else:
        for lead in _LEADS:
            if window.endswith(lead) and (
                len(window) == len(lead) or not window[-len(lead) - 1].isalpha()
            ):
                window = window[: -len(lead)].rstrip()
                break
        last = window.rsplit(None, 1)[-1] if window else ""
    for word in _PLAIN_BY_LAST.get(last, ()):
        if window.endswith(word):
            begin = len(window) - len(word)
            if begin == 0 or not window[begin - 1].isalnum():
                return WORD_TO_KIND[word], lo + begin, "citation.kind_word"
    lo = max(0, start - _NAMED_WINDOW)
    window = text[lo:start].lower()
    if any(w in window for w in _NAMED_HINTS) and (m := _NAMED_BEFORE.search(text, lo, start)):
        return kind_of_word(m["named"]), m.start(), "citation.named"
    return None


def _numbers(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_NUMBER_RE.finditer(text)`` gives, found from the slashes.

    A number's first slash is one of ``_SYMBOL_SLASH``, right after the symbol's letters (no
    space among them), and at most ``_NUMBER_REACH`` characters of the number come before
    those letters. So the next number starts no earlier than that many characters before the
    word holding the next such slash (one starting before would hold that slash first), and
    the regular search starts there: it finds the same leftmost match without first walking
    every digit of the text before it.
    """
    pos = 0
    while (hit := _SYMBOL_SLASH.search(text, pos)) is not None:
        lo = max(pos, text.rfind(" ", 0, hit.start()) + 1 - _NUMBER_REACH)
        m = _NUMBER_RE.search(text, lo)
        if m is None:
            return
        yield m
        pos = m.end()


def mentions_in(text: str, line: int, text_index: int = 0) -> list[Mention]:
    """Every document mention in one piece of text, in order.

    Numbers are found first (they are rare and distinctive); the kind word is then looked for
    just before each one, and the date, issuer and term just after.
    """
    found: list[Mention] = []
    if "/" not in text:  # every number and symbol has a slash: most paragraphs end here
        return found
    for m in _numbers(text):
        kind: str | None
        m_start = m.start()
        number = m.group(0)
        before = _kind_before(text, m_start)
        if before is not None:
            kind, start, rule = before
        else:
            start = m_start
            prev = found[-1] if found else None
            symbol_kind = kind_of_symbol(number)
            if prev is not None and _LIST_JOIN.match(text[prev.end : m_start]):
                kind, rule = prev.kind, "citation.list"
                if symbol_kind and kind_of_symbol(prev.number) not in (None, symbol_kind):
                    kind = symbol_kind
            else:
                kind, rule = symbol_kind, "citation.symbol"
        if kind is None:
            continue
        number_end = m.end()
        # the date, then "của <issuer>" (one call each, not through a helper: this runs for
        # every mention)
        when, pos = _date_at(text, number_end)
        issuer, khoa, end = _issuer_at(text, pos)
        if issuer is not None and when is None:  # "... của X, ngày ...": the date after the issuer
            when, end2 = _date_at(text, end)
            if when is not None:
                end = end2
        found.append(
            Mention(
                kind,
                "".join(number.split()),  # printed_number(number), without the call
                when,
                issuer,
                khoa,
                line,
                rule,
                start,
                end,
                number_end,
                text_index,
            )
        )
    if len(found) < 2:
        return found
    found.sort(key=_by_start)
    # "Quyết định số 99-QĐ/TW, ngày 03/10/2017 và Quy định số 124-QĐ/TW, ngày ... của Ban Bí thư":
    # the members of a list share the issuer printed after the last one
    for a, b in zip(reversed(found[:-1]), reversed(found[1:]), strict=True):
        if a.issuer is not None or not b.issuer:
            continue  # the gap is read only where an issuer could pass to ``a``
        gap = text[a.end : b.start]
        if _SHARED_ISSUER.match(gap) or (b.rule == "citation.list" and _LIST_JOIN.match(gap)):
            a.issuer = b.issuer
            a.khoa = a.khoa or b.khoa
    return found


_by_start = operator.attrgetter("start")
_reading_order = operator.attrgetter("text_index", "start")


def collect_mentions(outline: Outline) -> list[Mention]:
    """Every mention in the document's running text and footnotes, in reading order (shared:
    computed once per outline, not to be changed by callers)."""
    return memo(outline, "mentions", lambda: _collect(outline))


def _collect(outline: Outline) -> list[Mention]:
    out: list[Mention] = []
    for i, unit in enumerate(units(outline)):
        if "/" not in unit.text:  # no number (see mentions_in): skipped without a call
            continue
        if unit.node is not None and unit.node.part in ("recipients",):
            continue
        found = mentions_in(unit.text, unit.line, i)
        if unit.breaks:  # lines joined into the unit: each mention's own line
            for mention in found:
                mention.line = unit.line_at(mention.start)
        out.extend(found)
    return out


@functools.lru_cache(maxsize=4096)
def _issuer_key(issuer: str) -> tuple[str, ...]:
    text = _KHOA_IN.sub(" ", issuer)
    for prefix in _ISSUER_PREFIXES:  # "Hội nghị Trung ương 6": the Ban Chấp hành in session
        text = prefix.sub("", text + " ", count=1)
    words: list[str] = []
    for w in _PUNCT.sub(" ", text).split():
        words.extend(_ABBREV.get(w.casefold(), w).casefold().split())
    return tuple(words)


def issuer_key(issuer: str | None) -> list[str]:
    """An issuer's syllables for comparison: abbreviations spelled out, khóa and brackets gone."""
    return list(_issuer_key(issuer)) if issuer else []


def same_issuer(a: str | None, b: str | None) -> bool:
    """Whether two printed issuers can name the same body (one's syllables inside the other's)."""
    ka, kb = issuer_key(a), issuer_key(b)
    if not ka or not kb:
        return True
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    pool = list(long_)
    hits = 0
    for w in short:
        if w in pool:
            pool.remove(w)
            hits += 1
    return hits / len(short) >= 0.8


def _compatible(
    mention: Mention, doc: CitedDocument, verdicts: dict[tuple[str, str], bool]
) -> bool:
    """Whether ``mention`` can be ``doc``'s by every issuer printed with it. ``verdicts`` keeps
    :func:`same_issuer` per pair of issuers for one grouping: a document cited many times
    repeats the same one or two issuers."""
    issuer = mention.issuer
    if not issuer:
        return True  # no issuer of its own: any document's
    for m in doc.mentions:
        if m.issuer:
            pair = (issuer, m.issuer)
            same = verdicts.get(pair)
            if same is None:
                same = verdicts[pair] = same_issuer(issuer, m.issuer)
            if not same:
                return False
    return True


def cited_documents(outline: Outline) -> list[CitedDocument]:
    """The outline's mentions grouped into documents (shared per outline; read only)."""
    return memo(outline, "cited", lambda: group_mentions(collect_mentions(outline)))


def group_mentions(mentions: list[Mention]) -> list[CitedDocument]:
    """Mentions grouped into distinct documents, in order of first mention (see module doc)."""
    by_key: dict[tuple[str, str], list[CitedDocument]] = {}
    order: list[CitedDocument] = []
    pending: list[Mention] = []
    for m in mentions:
        if m.date is None:
            pending.append(m)
            continue
        docs = by_key.setdefault((m.kind, norm_number(m.number)), [])
        for dated in docs:
            if dated.date == m.date:
                break
        else:
            dated = CitedDocument(m.kind, m.number, m.date)
            docs.append(dated)
            order.append(dated)
        dated.mentions.append(m)
    verdicts: dict[tuple[str, str], bool] = {}
    for m in pending:
        docs = by_key.setdefault((m.kind, norm_number(m.number)), [])
        doc = next((d for d in docs if d.date is not None and _compatible(m, d, verdicts)), None)
        doc = doc or next((d for d in docs if _compatible(m, d, verdicts)), None)
        if doc is None:
            doc = CitedDocument(m.kind, m.number, None)
            docs.append(doc)
            order.append(doc)
        doc.mentions.append(m)
    for doc in order:
        if len(doc.mentions) > 1:  # most documents are cited once: nothing to order
            doc.mentions.sort(key=_reading_order)
    order.sort(key=lambda d: _reading_order(d.mentions[0]))
    return order


def extract_citations(outline: Outline, document: dict[str, Any]) -> list[dict[str, Any]]:
    """The contract's ``citations``: distinct cited documents, the document itself excluded."""
    own = norm_number(document.get("number"))
    docs = cited_documents(outline)
    return [d.to_json() for d in docs if not own or norm_number(d.number) != own]
