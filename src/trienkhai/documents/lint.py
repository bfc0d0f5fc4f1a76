"""The clerk's checks before signing ("kiểm tra văn bản").

- the same document cited with different dates, or with different terms ("khóa XVIII" and
  "khóa XIII" for one resolution);
- the document's number or date left blank ("Số: /KH-UBND", "ngày tháng năm 2024");
- a doubled word ("Thực hiện thực hiện");
- numbering that skips or repeats (a second "III.");
- a document cited without its date.
Each warning names the line it refers to. Messages are Vietnamese, English on request.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import accumulate

from . import lexicon
from .extract import citations, metadata
from .extract.dates import find_dates
from .extract.sources import source_lines, split_label, units
from .model import LintWarning, Outline

_LEX = lexicon.load("lint")
_LETTERS = {c: i for i, c in enumerate(_LEX["letters"])}
_SINGLE = set(_LEX["doubled_single"])
_CENTRAL_TERMS: dict[str, int] = _LEX["central_terms"]
_CENTRAL_ISSUERS = tuple(_LEX["central_issuers"])
_RESTART = tuple(_LEX["restart"])
# lower-case only as much of a line as the longest restart word needs (with room to spare for
# context-dependent lower-casing), not every line of the document in full
_RESTART_SPAN = max((len(w) for w in _RESTART), default=0) + 8


def _ascii_initials(words: tuple[str, ...]) -> frozenset[str]:
    """The ASCII characters a line opening with one of ``words`` (case aside) can open with.

    An ASCII character lower-cases to one ASCII character, so a line opening with any other
    ASCII character needs no lower-casing to tell it opens with none of the words (a line
    opening with a non-ASCII character, İ for one, is always checked)."""
    return frozenset(c for w in words for c in (w[:1], w[:1].upper()))


_RESTART_INITIALS = _ascii_initials(_RESTART)
_PLAIN_WORD = re.compile(r"[^\W\d_]+")
_ROMAN_LABEL = re.compile(r"[IVXLC]+")
_ARABIC_LABEL = re.compile(r"\d{1,2}(?:\.\d{1,2})*")
_TRAILING = ",.;:!?)”\"'…"
# In a text of tokens one space apart (padded with a space at each end), case aside: a token and
# the same token again ("a a"), or two tokens and the same two again, the last one perhaps with
# closing punctuation ("a b a b."). The first branch wins where a token repeats, so a pair's two
# words always differ. A search goes on one character after each match, so matches may overlap.
_DOUBLED = re.compile(
    r" (?P<a>[^ ]++) (?:(?P=a)|(?P<b>[^ ]++) (?P=a) (?P<d>(?P=b)["
    + re.escape(_TRAILING)
    + r"]*+))(?= )",
    re.IGNORECASE,
)
_BULLETS = frozenset(("-", "+", "*", "•"))
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBER_LINE = re.compile(_LEX["number_line"], re.IGNORECASE)
_SEPARATOR_SPACES = re.compile(r"\s*([/-])\s*")
_DIGIT = re.compile(r"\d")


def _msg(code: str, lang: str, **values: str) -> str:
    templates = _LEX["messages"][code]
    return str(templates.get(lang) or templates["vi"]).format(**values)


def _line_word(lang: str) -> str:
    words = _LEX["line_word"]
    return str(words.get(lang) or words["vi"])


def roman_value(label: str) -> int:
    total, prev = 0, 0
    for ch in reversed(label.upper()):
        v = _ROMAN_VALUES.get(ch, 0)
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _kind_words() -> dict[str, str]:
    """Each citation kind's shortest word (the first of the shortest, in lexicon order)."""
    words: dict[str, str] = {}
    for word, kind in citations.WORD_TO_KIND.items():
        if kind not in words or len(word) < len(words[kind]):
            words[kind] = word
    return words


_KIND_WORD = _kind_words()
# (value, first year, label) of each central term, in lexicon order
_TERM_TABLE = [(roman_value(t), start, t) for t, start in _CENTRAL_TERMS.items()]


def _cited_name(doc: citations.CitedDocument) -> str:
    word = _KIND_WORD.get(doc.kind, doc.kind)
    return _LEX["cited_name"].format(kind=f"{word[:1].upper()}{word[1:]}", number=doc.number)


def _current_term(year: int | None) -> tuple[int, str] | None:
    """The value and label of the latest central term begun by ``year`` (None: no year, or
    none begun). Computed once per document, not once per cited document."""
    if year is None:
        return None
    begun = [value for value, start, _ in _TERM_TABLE if start <= year]
    if not begun:
        return None
    current = max(begun)
    return current, next(label for value, _, label in _TERM_TABLE if value == current)


def check_citations(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    """Same document, different dates or terms; documents cited with no date.

    Most cited documents are cited once and with no term (khóa): the per-group work on dates
    and terms is skipped when there is nothing to compare.
    """
    out: list[LintWarning] = []
    docs = citations.cited_documents(outline)
    document = metadata.extract_document(outline)
    own = citations.norm_number(document.get("number"))
    year = document.get("year")
    current = _current_term(year)
    by_key: dict[tuple[str, str], list[citations.CitedDocument]] = defaultdict(list)
    for doc in docs:
        number = citations.norm_number(doc.number)
        if own and number == own:
            continue
        by_key[(doc.kind, number)].append(doc)
    for group in by_key.values():
        if len(group) > 1:
            out.extend(_date_conflicts(group, lang))
        termed = [m for doc in group for m in doc.mentions if m.khoa]
        if termed:
            out.extend(_term_conflicts(termed, group[0], lang))
            if current is not None and year is not None:  # a current term needs the year
                out.extend(_unknown_terms(termed, group[0], year, current, lang))
        for doc in group:
            if doc.date is None:
                out.append(
                    LintWarning(
                        "citation_undated",
                        _msg("citation_undated", lang, cited=_cited_name(doc)),
                        doc.mentions[0].line,
                    )
                )
    return out


def _date_conflicts(group: list[citations.CitedDocument], lang: str) -> list[LintWarning]:
    """One document (kind and number) cited with two dates, by the same issuer."""
    out: list[LintWarning] = []
    dated = [d for d in group if d.date is not None]
    for a, b in itertools.pairwise(dated):
        if citations.same_issuer(a.issuer, b.issuer):
            values = ", ".join(
                f"{d.date:%d/%m/%Y} ({_line_word(lang)} {d.mentions[0].line})"
                for d in (a, b)
                if d.date
            )
            out.append(
                LintWarning(
                    "citation_dates",
                    _msg("citation_dates", lang, cited=_cited_name(b), values=values),
                    b.mentions[0].line,
                )
            )
    return out


def _term_conflicts(
    termed: list[citations.Mention], doc: citations.CitedDocument, lang: str
) -> list[LintWarning]:
    """One document cited with two terms (khóa): the odd one out is flagged."""
    if len({m.khoa for m in termed}) < 2:
        return []  # one term throughout: the usual case, no Counter needed
    terms = Counter(m.khoa for m in termed)
    usual = terms.most_common(1)[0][0]
    usual_issuers = [m.issuer for m in termed if m.khoa == usual]
    odd = next(
        (
            m
            for m in termed
            if m.khoa != usual and any(citations.same_issuer(m.issuer, i) for i in usual_issuers)
        ),
        None,
    )
    if odd is None:
        return []
    usual_line = next(m.line for m in termed if m.khoa == usual)
    values = (
        f"khóa {odd.khoa} ({_line_word(lang)} {odd.line}), "
        f"khóa {usual} ({_line_word(lang)} {usual_line})"
    )
    return [
        LintWarning(
            "citation_terms",
            _msg("citation_terms", lang, cited=_cited_name(doc), values=values),
            odd.line,
        )
    ]


def _unknown_terms(
    termed: list[citations.Mention],
    doc: citations.CitedDocument,
    year: int,
    current: tuple[int, str],
    lang: str,
) -> list[LintWarning]:
    """Central documents cited with a term (khóa) that had not begun in the document's year.

    Each term of the group is valued once, and the issuers are read only when one of them is
    later than the current term (seldom: a group's mentions mostly share one past term)."""
    value, label = current
    late = {khoa for khoa in {m.khoa for m in termed} if khoa and roman_value(khoa) > value}
    if not late:
        return []
    out: list[LintWarning] = []
    for m in termed:
        if m.khoa in late and any(w in (m.issuer or "").lower() for w in _CENTRAL_ISSUERS):
            message = _msg(
                "citation_term_unknown",
                lang,
                cited=_cited_name(doc),
                term=m.khoa,
                year=str(year),
                current=label,
            )
            out.append(LintWarning("citation_term_unknown", message, m.line))
    return out


def check_blanks(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    """A number or a date left blank in the header for the signer to fill in.

    Only the first number line and the first dated line count: the scan stops once both are
    seen, and header lines after them are never fetched (or cleaned).
    """
    out: list[LintWarning] = []
    number_seen = date_seen = False
    lines = source_lines(outline)
    for i in range(metadata.header_end(outline)):
        line = lines[i]
        if not number_seen and (m := _NUMBER_LINE.match(line.text)):
            number_seen = True
            rest = _SEPARATOR_SPACES.sub(r"\1", m["rest"])
            if not _DIGIT.match(rest):
                out.append(
                    LintWarning(
                        "blank_number", _msg("blank_number", lang, text=line.text), line.line
                    )
                )
        elif not date_seen and "ngày" in line.text.lower():
            found = find_dates(line.text)
            if found:
                date_seen = True
                if found[0].value is None:
                    out.append(
                        LintWarning(
                            "blank_date", _msg("blank_date", lang, text=line.text), line.line
                        )
                    )
        if number_seen and date_seen:
            break
    return out


def check_doubled_words(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    """Words or two-word phrases printed twice in a row ("Thực hiện thực hiện").

    The units are joined with single spaces into one text, and one case-insensitive regex scan
    in C (:data:`_DOUBLED`) finds where a token is followed by itself, or two tokens by the same
    two: lower-casing, splitting into token lists and comparing them with map(eq) cost twice as
    much. Only the few places found are looked at closely; a phrase that runs from one unit
    into the next is no doubled word.
    """
    all_units = units(outline)
    texts = [u.text for u in all_units]
    text = f" {' '.join(texts)} "
    if outline.clean:
        # its nodes' texts are stripped and hold no whitespace but single spaces, as do its
        # footnotes' units but for odd spaces (Outline.clean, one_line): only a row's empty cell,
        # joined by " | ", doubles a space, and only the footnotes are checked for odd spaces,
        # not every character of the text (each a scan stopping at every space or letter)
        doubled = "|" in text and "  " in text
        printable = all(t.isprintable() for t in texts[len(units(outline, footnotes=False)) :])
    else:
        doubled, printable = "  " in text, text.isprintable()
    if doubled or not printable:
        # a tab, a line break, a double space, an empty unit: tokens one space apart first
        # (printable text holds no whitespace but the plain space)
        texts = [" ".join(t.split()) for t in texts]
        text = f" {' '.join(texts)} "
    if "İ" in text or "Σ" in text:
        # the only letters str.lower() maps otherwise than the regex's case folding (İ to two
        # characters, Σ to σ or ς by context): tokens compare as lower-cased, so lower them
        texts = [t.lower() for t in texts]
        text = f" {' '.join(texts)} "
    starts: list[int] = []  # where each unit's text begins in ``text``, once a match needs it
    out: list[LintWarning] = []
    pos = 0
    while m := _DOUBLED.search(text, pos):
        pos = m.start() + 1
        pair = m["b"] is not None
        if pair:
            if m["d"].lower().rstrip(_TRAILING) != m["b"].lower():
                continue
        elif m["a"].lower() not in _SINGLE:
            continue
        starts = starts or list(accumulate([len(t) + 1 for t in texts], initial=1))
        k = bisect_right(starts, pos) - 1
        if m.end() > starts[k] + len(texts[k]):
            continue  # the phrase runs into the next unit
        first = texts[k].count(" ", 0, pos - starts[k])  # tokens of the unit before it
        size = 4 if pair else 2
        words = all_units[k].text.split()[first : first + size]
        if not all(_PLAIN_WORD.fullmatch(w) for w in words[:-1]):
            continue
        if not _PLAIN_WORD.fullmatch(words[-1].rstrip(_TRAILING)):
            continue
        second = words[size // 2]
        if words[0][:1].islower() and second[:1].isupper():
            continue  # "Đại hội Hội Nông dân": a name starts
        phrase = " ".join(words).rstrip(_TRAILING)
        out.append(
            LintWarning("doubled_word", _msg("doubled_word", lang, text=phrase), all_units[k].line)
        )
    return out


def _depth(level: str) -> int:
    """Nesting of a numbering level, outer to inner: roman, then 1, 1.1, 1.1.1 … (any depth a
    table numbers its rows to), then letters."""
    if level == "roman":
        return 0
    if level == "letter":
        return 1_000
    return int(level[3:])  # "num<N>"


def _label_key(label: str) -> tuple[str, tuple[str, ...], int] | None:
    """(level kind, parent path, position) of a numbering label, None for bullets.

    "1" to "99", most labels, are read with ``str`` methods before any regex is tried
    (``isdecimal`` is what ``\\d`` matches)."""
    if label.isdecimal() and len(label) <= 2:
        return "num1", (), int(label)
    if _ROMAN_LABEL.fullmatch(label):
        return "roman", (), roman_value(label)
    if _ARABIC_LABEL.fullmatch(label):
        parts = label.split(".")
        return f"num{len(parts)}", tuple(parts[:-1]), int(parts[-1])
    if label.lower() in _LETTERS:
        return "letter", (), _LETTERS[label.lower()] + 1
    return None


def check_numbering(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    """Headings and items whose numbering repeats or skips within their parent.

    ``last`` holds the last label of each level still open; ``open_levels`` the same levels as
    (depth, level), outer to inner, so that a label closes the levels deeper than its own by
    popping them off the end instead of measuring the depth of every open level each time.
    """
    out: list[LintWarning] = []
    last: dict[str, tuple[tuple[str, ...], int, str]] = {}
    open_levels: list[tuple[int, str]] = []
    for unit in units(outline, footnotes=False):
        node = unit.node
        if node is not None and node.kind == "row":
            continue
        opening = unit.text[:1]
        may_restart = not opening.isascii() or opening in _RESTART_INITIALS
        if may_restart and unit.text[:_RESTART_SPAN].lower().startswith(_RESTART):
            last.clear()
            open_levels.clear()
            continue
        label = (node.label if node is not None else None) or split_label(unit.text)[0]
        if not label or label in _BULLETS:
            continue
        key = _label_key(label)
        if key is None:
            continue
        if node is not None and node.text[:1].islower():
            continue  # "XIV) về ..." read as a heading: a wrapped line, not numbering
        level, parent, pos = key
        prev = last.get(level)
        if prev is not None and prev[0] == parent:
            if pos == prev[1]:
                out.append(
                    LintWarning(
                        "numbering_repeat", _msg("numbering_repeat", lang, label=label), unit.line
                    )
                )
            elif pos > prev[1] + 1:
                out.append(
                    LintWarning(
                        "numbering_skip",
                        _msg("numbering_skip", lang, label=label, prev=prev[2]),
                        unit.line,
                    )
                )
        last[level] = (parent, pos, label)
        depth = _depth(level)
        while open_levels and open_levels[-1][0] > depth:
            del last[open_levels.pop()[1]]
        if prev is None:  # a level just opened: it is now the innermost
            open_levels.append((depth, level))
    return out


CHECKS = (check_citations, check_blanks, check_doubled_words, check_numbering)


def lint_outline(outline: Outline, lang: str = "vi") -> list[LintWarning]:
    """Every check's warnings, in line order."""
    out: list[LintWarning] = []
    for check in CHECKS:
        out.extend(check(outline, lang))
    out.sort(key=lambda w: (w.line or 0, w.code))
    return out
