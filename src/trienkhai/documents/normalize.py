"""Cleaning a raw paragraph before any extractor reads it.

What the readers hand over still carries the file's habits: markdown marks (``**``, ``*``,
``##``), escaped characters, ``<sup>`` footnote anchors and superscript digits, bullet glyphs,
non-breaking spaces. This module removes them and keeps what matters: NFC text with its
diacritics intact, the footnote anchors that were in it, and the list label it starts with.
No Vietnamese words here; the item letters come from the ``parts`` lexicon.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from .lexicon import load
from .patterns import positions

SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")

_SUP_TAG = re.compile(r"<sup>\s*\(?\s*([^<()]{0,8}?)\s*\)?\s*</sup>", re.IGNORECASE)
# ⁽¹²⁾ or a bare run of superscript digits, not the exponent of a unit (m², km³, cm²: told by
# :func:`is_unit_exponent` where a bare run matches).
# (the bracket and Latin-1 digits first: the searches for them are the fastest)
_SUP_CHARS = "⁽¹²³⁰⁴⁵⁶⁷⁸⁹"
# Written to open with one character class (the engine then skips in C to each candidate
# glyph): "⁽" opens the bracketed form, a digit the bare run (group 0).
_SUP_GLYPHS = re.compile(r"[⁽⁰¹²³⁴⁵⁶⁷⁸⁹](?:(?<=⁽)([⁰-⁹¹²³]+)⁾|(?<!⁽)[⁰¹²³⁴⁵⁶⁷⁸⁹]*)")
# A metre symbol standing alone (after a digit, a space, a bracket ... not a letter): "27 m",
# "3km", "(m"; "Việt Nam" and "trọng tâm" end with an "m" that is part of a word.
_UNIT_BEFORE = re.compile(r"(?<![^\W\d_])[kcdh]?m\Z", re.IGNORECASE)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_BOLD = re.compile(r"\*\*|__")
_RULE_MARKS = "-–—_=*~.·•"
_RULE = re.compile(rf"^[\s{re.escape(_RULE_MARKS)}]*$")

# A bullet glyph at the start: "- ", "+ ", "• ", "* ", "– ", "▪ ", "-Tiếp tục" (no space).
# (read without a pattern in split_label: the glyph, then spaces, then anything but a space)
_BULLET_GLYPHS = frozenset("-–—+•●▪◦○►➢✓·*")
_BULLET_CANON = {
    "–": "-",
    "—": "-",
    "●": "•",
    "▪": "•",
    "◦": "•",
    "○": "•",
    "►": "•",
    "➢": "•",
    "✓": "•",
    "·": "•",
    "*": "•",
}
_ROMAN = re.compile(r"^([IVXL]{1,6})\s*[.:\-–)/]\s*(?=\S)")
_ARABIC_DOTTED = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s*[)\-–:]?(?:\s+(?=\S)|(?=[^\W\d_]))")
_ARABIC = re.compile(r"^(\d{1,2})\s*(?:\.(?!\d)|\)|\s[-–]|-(?=\s))\s*(?=\S)")
# Both in one pattern, the dotted form tried first (one match call for "1. ..."): group 1 is
# a dotted number's value, group 2 a plain one's.
_ARABIC_EITHER = re.compile(f"(?:{_ARABIC_DOTTED.pattern})|(?:{_ARABIC.pattern})")


def _letter_pattern() -> re.Pattern[str]:
    letters = load("parts")["item_letters"]
    return re.compile(rf"^([{letters}])\s*[).]\s*(?=\S)")


_LETTER = _letter_pattern()
# "(1) ...", "(a) ...": items numbered in brackets, read like lettered items (not sections).
_PAREN = re.compile(rf"^\((\d{{1,2}}|[{load('parts')['item_letters']}])\)\s*(?=\S)")


@dataclass(slots=True)
class Label:
    """The list label a paragraph starts with: its marker kind and its printed value."""

    marker: str  # "roman" | "arabic" | "letter" | "bullet"
    value: str  # "II", "2.1", "a", "-", "+", "•"

    @property
    def depth(self) -> int:
        """Dots in an arabic label ("2.1.3" -> 2): a deeper numbering level."""
        return self.value.count(".") if self.marker == "arabic" else 0


# One label per bullet glyph, made once: the most frequent label needs no new object (labels
# are never changed once read).
_BULLET_LABELS = {
    glyph: Label("bullet", _BULLET_CANON.get(glyph, glyph)) for glyph in _BULLET_GLYPHS
}


def nfc(text: str) -> str:
    """NFC-normalise; legacy decomposed diacritics become the composed characters we store."""
    return unicodedata.normalize("NFC", text)


def is_unit_exponent(text: str, at: int) -> bool:
    """Whether the superscript glyph at ``at`` squares or cubes a unit ("27 m²", "10 m³")
    rather than anchors a footnote ("Việt Nam¹", "năm 2025²"). A run of glyphs after a unit
    ("m²³") is its exponent, then an anchor."""
    return text[at] in "²³" and _UNIT_BEFORE.search(text, max(0, at - 3), at) is not None


def take_anchors(text: str, *, glyphs: bool = True) -> tuple[str, list[str]]:
    """Remove footnote anchors (``<sup>(1)</sup>``, ``⁽¹⁾``, ``¹``); return text and labels.

    ``glyphs=False`` when the caller knows no superscript glyph occurs (checked once for a
    whole document by :func:`clean_all`), which spares a scan of every line.
    """
    labels: list[str] = []
    sup = glyphs and _has_sup(text)  # (taking tags out first cannot add a glyph)
    if "<" not in text and not sup:
        return text, labels  # most lines: nothing to take

    def _tag(m: re.Match[str]) -> str:
        value = m.group(1).strip().translate(SUPERSCRIPT_DIGITS)
        if value:
            labels.append(value)
        return ""

    if "<" in text:
        text = _SUP_TAG.sub(_tag, text)
    if sup:
        text = _take_glyphs(text, labels)
    return text, labels


def _take_glyphs(text: str, labels: list[str]) -> str:
    """``_SUP_GLYPHS.sub`` of a text's glyph anchors, their labels added to ``labels``.

    A match opens only on a glyph of ``_SUP_CHARS``: each is found by a substring search (one
    per glyph, fast in C, where the pattern's scan tests every character against its class),
    and the pattern is matched only there, left to right as ``sub`` would (a match may not
    start inside the last one; its look-behinds see the text before the glyph)."""
    starts = positions(text, _SUP_CHARS)
    pieces: list[str] = []
    end = 0
    match = _SUP_GLYPHS.match
    for at in starts:
        if at < end:
            continue
        m = match(text, at)
        if m is not None:
            if m.group(1) is None and is_unit_exponent(text, at):
                if m.end() == at + 1:
                    continue  # m², km³: part of the text
                at += 1  # "m²³": the exponent stays, the anchor after it goes
            pieces.append(text[end:at])
            labels.append((m.group(1) or text[at : m.end()]).translate(SUPERSCRIPT_DIGITS))
            end = m.end()
    if not pieces:
        return text
    pieces.append(text[end:])
    return "".join(pieces)


def _has_sup(text: str) -> bool:
    """Whether a superscript digit or bracket occurs: one substring search per glyph (a fast
    scan in C) costs far less than a character-class regex over the same text."""
    for ch in _SUP_CHARS:  # noqa: SIM110 - a plain loop is cheaper than any(<genexpr>)
        if ch in text:
            return True
    return False


def strip_markup(text: str) -> str:
    """Drop markdown emphasis, heading hashes, escapes and HTML tags; keep a leading bullet."""
    if "#" in text[:4]:  # a cheap gate: the pattern itself checks the spaces before
        m = _MD_HEADING.match(text)
        if m:
            text = text[m.end() :]
    if "<" in text:
        text = _TAG.sub("", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)
    # One-character searches gate the two-character ones (far slower on long text), and
    # str.replace does the pattern's work when the text has no "__": "**" removed left to right
    # (replace searches once, and gives the text back as it is when there is none)
    star = "*" in text
    if "_" in text and "__" in text:
        text = _BOLD.sub("", text)
    elif star:
        first = text[:1]
        if first != "*" and not (first.isspace() and text.lstrip()[:1] == "*"):
            # no "* " bullet can open the text once "**" is gone (its first mark is no star,
            # and removing stars leaves it first): every star goes, in one pass
            return text.replace("*", "")
        text = text.replace("**", "")
    if star and "*" in text:
        stripped = text.lstrip()
        if stripped.startswith("* ") or stripped.startswith("*\t"):
            text = "• " + stripped[2:].replace("*", "")
        else:
            text = text.replace("*", "")
    return text


def squeeze(text: str) -> str:
    """Collapse runs of spaces (non-breaking and zero-width too) and trim."""
    # Most lines are already squeezed: printable means no whitespace but the ASCII space
    # (tabs, NBSP, zero-width and line breaks are all non-printable), checked in C.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if "\u200b" in text:
        text = text.replace("\u200b", " ")
    return " ".join(text.split())


def clean(raw: str, *, glyphs: bool = True) -> tuple[str, list[str]]:
    """Full cleaning of one raw line or paragraph: text ready to read, and its anchors.

    ``glyphs=False``: the caller checked that no superscript glyph occurs in ``raw``.
    """
    text, anchors = take_anchors(nfc(raw), glyphs=glyphs)
    text = squeeze(strip_markup(text))
    if _RULE.match(text):
        return "", anchors
    return text, anchors


# Characters that make a paragraph need the full :func:`clean`: markup that
# :func:`strip_markup` and :func:`take_anchors` act on (``#`` anywhere, though only a heading's
# counts: a rare false alarm costs one full cleaning). Each is looked for with its own
# substring search: far faster in C than one character-class regex. (Footnote glyphs are
# compatibility characters: only a paragraph not in NFKC can hold one.)
_MARKUP_ONLY = "<\\*_#"


def clean_all(raws: list[str]) -> list[tuple[str, list[str]]]:
    """:func:`clean` for every paragraph of a document, the same results, with the scans made
    once over the whole text instead of once per paragraph (see :func:`clean_all_glyphs`)."""
    return clean_all_glyphs(raws)[0]


def clean_all_glyphs(
    raws: list[str], *, nfkc: bool = False, plain: bool = False
) -> tuple[list[tuple[str, list[str]]], bool]:
    """:func:`clean_all`, and whether a cleaned text may still hold a superscript glyph (one
    after "m", "m²"), which the caller would otherwise look for in every text again.
    ``nfkc``: the caller knows that every text is in NFKC (the reader checked): no check.
    ``plain``: the caller knows that no text holds a control character but a tab or a vertical
    tab (``SourceDocument.plain``): the odd spaces that are other controls are not looked for.

    Most paragraphs hold no markup, no footnote glyph, no doubled or odd space and are in
    NFKC (so in NFC, and without a superscript glyph: those are compatibility characters):
    cleaning leaves them as they are (unless they only draw a rule). The text joined by single
    spaces tells which paragraphs are not so: it is checked for NFKC once (a space never
    composes with its neighbours); when it fails, the paragraphs are checked one by one (most
    still pass: the joined text's check stops at the first odd character) and the few that
    fail, a footnote glyph's or a ligature's, are cleaned on their own (:func:`_clean_odd`).
    The markup characters and doubled spaces are found in the joined text and mapped back to
    their paragraph (a paragraph's edge space doubles the joining one), and the few odd spaces
    NFKC keeps are looked for once for all (else every paragraph is cleaned in full). Only the
    paragraphs marked are cleaned one by one.

    (Paragraph by paragraph, the NFKC check costs what it costs on the whole text, where the
    NFC and printability checks and the searches for the ten glyphs, slow ones in C for those
    whose low byte is a common ASCII letter, cost several times more.)"""
    joined = " ".join(raws)
    odd: set[int] = set()
    if not nfkc and not unicodedata.is_normalized("NFKC", joined):
        odd = {i for i, raw in enumerate(raws) if not unicodedata.is_normalized("NFKC", raw)}
    marked: set[int] = set()
    found = [(ch, at) for ch in _MARKUP_ONLY if (at := joined.find(ch)) != -1]
    doubled = joined.find("  ")
    # where each paragraph starts in the joined text: needed only to map what was found
    starts = (
        list(accumulate((len(raw) + 1 for raw in raws[:-1]), initial=0))
        if found or doubled != -1
        else []
    )
    for ch, at in found:
        while at != -1:
            i = bisect_right(starts, at) - 1
            marked.add(i)
            # the paragraph is cleaned whole: go on from the next one
            at = joined.find(ch, starts[i + 1]) if i + 1 < len(starts) else -1
    at = doubled
    while at != -1:
        i = bisect_right(starts, at) - 1
        if at < starts[i] + len(raws[i]):
            marked.add(i)  # within the paragraph, or its last space before the joining one
        elif raws[i + 1]:
            marked.add(i + 1)  # the joining space, then the next paragraph's first
        # (else two joining spaces around an empty paragraph: nothing to clean)
        at = joined.find("  ", at + 1)
    if joined[:1] == " " or joined[-1:] == " ":
        marked.update((0, len(raws) - 1))
    if not _no_odd_space(joined, plain):
        cleaned = [clean(raw, glyphs=i in odd) for i, raw in enumerate(raws)]
    else:
        cleaned = [
            _clean_odd(raw)
            if i in odd
            else _clean_nfc_printable(raw, False)
            if i in marked
            # (an unmarked paragraph opens with no space: only one opening with a mark, or an
            # empty one, can draw a rule)
            else ("" if raw[:1] in _RULE_MARKS and _RULE.match(raw) else raw, [])
            for i, raw in enumerate(raws)
        ]
    # cleaning makes no glyph: only a paragraph not in NFKC can keep one (its cleaned text in
    # NFKC holds none; one not in NFKC, a rare one, is searched)
    glyphs = False
    for i in odd:
        text = cleaned[i][0]
        if not unicodedata.is_normalized("NFKC", text) and _has_sup(text):
            glyphs = True
            break
    return cleaned, glyphs


def _clean_odd(raw: str) -> tuple[str, list[str]]:
    """:func:`clean` of a paragraph not in NFKC: its footnote glyphs looked for, and the
    NFC pass and the full squeeze only when it is not in NFC or not printable."""
    glyphs = _has_sup(raw)
    if raw.isprintable() and unicodedata.is_normalized("NFC", raw):
        return _clean_nfc_printable(raw, glyphs)
    return clean(raw, glyphs=glyphs)


# The spaces but " " that a text in NFKC can still hold (NFKC turns the others, the no-break
# and the em space among them, into " "), and the zero-width space squeeze turns into one.
# (Every space lies below U+3001: the tests check it over all of Unicode.)
_NFKC_ODD_SPACES = "\u200b" + "".join(
    c
    for c in map(chr, range(0x3001))
    if c.isspace() and c != " " and unicodedata.is_normalized("NFKC", c)
)


# A substring search skips to each candidate by its character's low byte; for "\x1e" that
# byte is the high byte of every Vietnamese letter in U+1E00-U+1EFF: the pattern engine's plain
# loop answers twice as fast for it.
_ODD_SPACES_FOUND = "".join(c for c in _NFKC_ODD_SPACES if c != "\x1e")
_ODD_SPACE_PATTERN = re.compile("\x1e")


# Those that are no control character but a tab or a vertical tab: all a text can hold when
# its reader says it holds no other control (``plain``), "\x1e" among them not.
_ODD_SPACES_PLAIN = "".join(
    c for c in _NFKC_ODD_SPACES if c in "\t\x0b" or unicodedata.category(c) != "Cc"
)


def _no_odd_space(text: str, plain: bool = False) -> bool:
    """For a text in NFKC: what squeeze needs of ``isprintable()`` (no space but " ", no
    zero-width space), told by one substring search per character, far faster in C than
    ``isprintable()``'s look-up of every character. ``plain``: the text holds no control
    character but a tab or a vertical tab (the slowest search, for "\x1e", is spared)."""
    for ch in _ODD_SPACES_PLAIN if plain else _ODD_SPACES_FOUND:
        if ch in text:  # (a plain loop is cheaper than any(<genexpr>))
            return False
    return plain or _ODD_SPACE_PATTERN.search(text) is None


def _clean_nfc_printable(raw: str, glyphs: bool) -> tuple[str, list[str]]:
    """:func:`clean` of a paragraph already NFC and printable: no NFC pass, and a squeeze
    that need not look for odd spaces (taking anchors and markup out leaves it printable)."""
    if glyphs or "<" in raw:
        text, anchors = take_anchors(raw, glyphs=glyphs)
    else:  # (what take_anchors answers at once: most marked paragraphs only hold markup)
        text, anchors = raw, []
    text = strip_markup(text)
    if "  " in text:
        text = " ".join(text.split())
    elif text[:1] == " " or text[-1:] == " ":
        # printable, " " is its only space and none doubles another: the squeeze only trims
        # (a footnote body "¹ ..." left with its opening space), without splitting every word
        text = text.strip(" ")
    # (squeezed, it opens with no space: only one opening with a rule mark, or an empty one,
    # can draw a rule)
    if text[:1] in _RULE_MARKS and _RULE.match(text):
        return "", anchors
    return text, anchors


def is_rule(raw: str) -> bool:
    """True for lines that only draw a rule or a decoration ("-----", "***", "*")."""
    return bool(_RULE.match(strip_markup(raw)))


def split_label(text: str) -> tuple[Label | None, str]:
    """Split a cleaned paragraph into its list label and the rest ("2.1. Sở ..." -> 2.1, "Sở ...")."""
    label, end = label_end(text)
    return label, text[end:]


def label_end(text: str) -> tuple[Label | None, int]:
    """The paragraph's list label and where the rest of the text starts (0 without a label):
    :func:`split_label` without cutting the text (a copy of it most callers do not need).

    The first character picks the one pattern that can match; a bullet glyph (the most
    frequent label) needs none. Every pattern ends before a non-space: the rest needs no strip."""
    first = text[:1]
    if first in _BULLET_GLYPHS:
        end, size = 1, len(text)
        while end < size and text[end].isspace():
            end += 1
        if end < size:  # the glyph, spaces, then anything but a space
            return _BULLET_LABELS[first], end
        return None, 0
    if not first or (first.isupper() and first not in "IVXL"):
        return None, 0  # the usual sentence start: no label opens with another capital
    if first.isdigit():
        m = _ARABIC_EITHER.match(text)
        if m:
            return Label("arabic", m[1] or m[2]), m.end()
        return None, 0
    if first in "IVXL":
        marker, m = "roman", _ROMAN.match(text)
    elif first.islower():
        marker, m = "letter", _LETTER.match(text)
    elif first == "(":
        marker, m = "letter", _PAREN.match(text)  # "(1) ...", "(a) ..."
    else:
        return None, 0
    if m:
        return Label(marker, m.group(1)), m.end()
    return None, 0


def parse_docx_label(label: str) -> Label | None:
    """A .docx list label ("1.", "a)", "–", "II.") read the same way as printed numbering."""
    found, rest = split_label(label.strip() + " x")
    return found if found is not None and rest == "x" else None


_TERMINAL = re.compile(r"[.!?;:…]\s*[”\"’')\]»]*\s*(?:\./\.)?$|\./\.$")


# What ``_TERMINAL`` can end on (besides a space): a text ending on anything else (a word,
# a number) is answered without running the pattern.
_TERMINAL_LAST = frozenset(".!?;:…”\"’')]»")


def ends_sentence(text: str) -> bool:
    """True when the text ends with terminal punctuation (possibly inside closing quotes)."""
    last = text[-1:]
    if last not in _TERMINAL_LAST and not last.isspace():
        return False
    return bool(_TERMINAL.search(text[-16:]))


def contains_word(text: str, word: str) -> bool:
    """Case-insensitive containment for a lowercase ``word`` without case-folding all of
    ``text`` (as printed: lowercase, capitalised or in capitals)."""
    return word in text or word.capitalize() in text or word.upper() in text


def starts_lowercase(text: str) -> bool:
    """True when the first letter (after quotes and brackets) is lowercase: a continuation."""
    for ch in text:
        if ch.isalpha():
            return ch.islower()
        if ch.isdigit():
            return False
    return False
