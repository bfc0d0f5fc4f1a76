"""What the structure stages share: the paragraph in progress, its cached label, and the
plan-part cues read from the ``parts`` lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .. import normalize
from ..lexicon import load

try:
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: the shortcut is simply not taken
    _sre_parse = None
from ..normalize import Label

_PARTS = load("parts")
_RECIPIENTS = re.compile(_PARTS["recipients"])
_SIGNATURE = re.compile(_PARTS["signature"])
_APPENDIX = re.compile(_PARTS["appendix"])
# Where the tail starts (recipients or signature): both patterns in one, a single match call.
_TAIL_START = re.compile(f"(?:{_PARTS['recipients']})|(?:{_PARTS['signature']})")
# The zone cut's test of a body line, in one match: group ``tail`` when the tail starts there,
# else a match (no ``tail``) when the line may be the appendix heading.
_ZONE_START = re.compile(
    f"(?P<tail>(?:{_PARTS['recipients']})|(?:{_PARTS['signature']}))|(?:{_PARTS['appendix']})"
)
_OPENING = re.compile(_PARTS["opening"])
_PART_PREFIX = re.compile(_PARTS["part_prefix"])
_DIRECTIVE_INTRO = re.compile(_PARTS["directive_intro"])
_INTRO_END = re.compile(_PARTS["intro_end"])
_ASSESSMENT_OPENING = re.compile(_PARTS["assessment_opening"])
_PART_MAX_WORDS = int(_PARTS["max_words"])


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of ``pattern`` at a text's start can begin with; None when that
    cannot be told simply (a category, a range, an optional start, a flag ...).

    Read from the pattern as ``re`` parses it (a private module of ``re``: without it, None),
    so the words stay in the lexicon: a line whose first character is not one of these is
    answered without case-folding its start (a slow fold of up to 80 letters)."""
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # any surprise from a private parser: no shortcut
        return None
    if parsed.state.flags & re.IGNORECASE:
        return None
    return _first_of(list(parsed))


def _first_of(items: list[Any]) -> frozenset[str] | None:
    """First characters of a parsed sequence (see :func:`_first_chars`)."""
    p = _sre_parse
    for op, av in items:
        if op is p.AT and av is p.AT_BEGINNING:
            continue  # zero-width, and true at the start
        if op is p.LITERAL:
            return frozenset(chr(av))
        if op is p.IN:
            if not all(o is p.LITERAL for o, _ in av):
                return None
            return frozenset(chr(a) for _, a in av)
        if op is p.BRANCH:
            found: set[str] = set()
            for alternative in av[1]:
                first = _first_of(list(alternative))
                if first is None:
                    return None
                found |= first
            return frozenset(found)
        if op is p.SUBPATTERN:
            return None if av[1] & re.IGNORECASE else _first_of(list(av[3]))
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", None)):
            return _first_of(list(av[2])) if av[0] >= 1 else None  # (low, high, item)
        return None
    return None  # nothing that must consume a character


def _can_open(first: frozenset[str] | None, text: str) -> bool:
    """Whether ``text``'s case-folded start may match a pattern whose first characters are
    ``first`` (a character folds alone: the fold's first letter is its first letter's)."""
    return first is None or text[:1].casefold()[:1] in first


_RECIPIENTS_FIRST = _first_chars(_RECIPIENTS)
_SIGNATURE_FIRST = _first_chars(_SIGNATURE)
_APPENDIX_FIRST = _first_chars(_APPENDIX)
_TAIL_START_FIRST = _first_chars(_TAIL_START)
_ZONE_START_FIRST = _first_chars(_ZONE_START)

_PART_CUES: list[tuple[str, str]] = [
    (cue.casefold(), spec["part"]) for spec in _PARTS["headings"] for cue in spec["starts"]
]
_PART_CUES.sort(key=lambda c: -len(c[0]))  # longest cue first: "tổ chức thực hiện" over others
_PART_OF_CUE = dict(reversed(_PART_CUES))  # a cue listed twice keeps its first (longest-first) part
# All cues in one alternation, longest first, each ending where no letter follows.
_PART_CUE = re.compile("(?:" + "|".join(re.escape(cue) for cue, _ in _PART_CUES) + r")(?![^\W\d_])")

# What a title's end loses before its cue is looked up: spaces and these marks (stripped by a
# loop from the end: the pattern ``[\s.:;,\-–]+$`` this replaces was tried at every position).
_TRAILING_PUNCT = ".:;,-–"


@dataclass(slots=True)
class _Para:
    """A paragraph on its way through the stages."""

    text: str
    line: int
    raw: str
    anchors: list[str] = field(default_factory=list)
    style: str | None = None
    docx_label: str | None = None
    cached: tuple[Label | None, int] | None = None  # the label and where the rest starts


def _folded(text: str) -> str:
    return text.casefold()


def _start(text: str) -> str:
    """The case-folded start of a paragraph: enough for the start-anchored cues."""
    return text[:80].casefold()


def _is_intro(text: str) -> bool:
    """A paragraph that announces the list below it ("... thực hiện các nhiệm vụ sau:")."""
    stripped = text.rstrip()
    return stripped.endswith(":") or bool(_INTRO_END.search(stripped[-60:].casefold()))


def _is_directive_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and bool(_DIRECTIVE_INTRO.search(text.casefold()))


def _is_assessment_point(text: str) -> bool:
    """A point of a conclusions list that looks back ("Sau 10 năm thực hiện Chỉ thị ...")."""
    return bool(_ASSESSMENT_OPENING.match(_start(text)))


def _part_of_title(title: str) -> str | None:
    """The plan part a heading's title opens, or None ("NHIỆM VỤ, GIẢI PHÁP" -> tasks)."""
    if not title or title.count(" ") >= _PART_MAX_WORDS:
        return None
    folded = _folded(title)
    end = len(folded)
    while end and (folded[end - 1] in _TRAILING_PUNCT or folded[end - 1].isspace()):
        end -= 1
    folded = folded[:end].lstrip("0123456789. ")
    folded = _PART_PREFIX.sub("", folded)  # "Phần thứ hai: NHIỆM VỤ …" -> "nhiệm vụ …"
    if not folded:
        return None
    m = _PART_CUE.match(folded)
    return _PART_OF_CUE[m.group(0)] if m else None


def _is_heading_like(p: _Para) -> bool:
    """Unlabelled lines that still read as headings: all capitals or a heading style."""
    upper = p.text.isupper()
    styled = bool(p.style) and (p.style or "").lower().startswith(("heading", "title"))
    return upper or styled


def _is_appendix_heading(text: str, folded: str | None = None) -> bool:
    """``folded``: ``_start(text)`` when the caller has it already."""
    if text.endswith(".") or not _can_open(_APPENDIX_FIRST, text) or text.count(" ") > 25:
        return False
    return bool(_APPENDIX.match(_start(text) if folded is None else folded))


def _is_open(text: str) -> bool:
    """A paragraph whose sentence is not finished (cut by a page break or a footnote)."""
    return not normalize.ends_sentence(text)


def _label_of(p: _Para) -> tuple[Label | None, str]:
    """The paragraph's list label and the text after it (computed once: text only grows
    at its end when cut paragraphs are re-joined)."""
    label, offset = p.cached or _read_label(p)
    return label, p.text[offset:]


def _label(p: _Para) -> Label | None:
    """The paragraph's list label alone (as :func:`_label_of`, without cutting the text)."""
    return (p.cached or _read_label(p))[0]


def _read_label(p: _Para) -> tuple[Label | None, int]:
    """Read the label once and keep it with where the rest of the text starts."""
    label, rest = normalize.split_label(p.text)
    if label is None and p.docx_label:
        cached = (normalize.parse_docx_label(p.docx_label), 0)
    else:
        cached = (label, len(p.text) - len(rest))
    p.cached = cached
    return cached


@dataclass(slots=True)
class _Open:
    """An open level of the heading tree while nodes are placed."""

    rank: int
    key: str
    index: int
