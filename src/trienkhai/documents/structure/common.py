"""What the structure stages share: the paragraph in progress, its cached label, and the
plan-part cues read from the ``parts`` lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

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


_SPACE = " "  # in a last-character set: any space (the pattern's ``\s``)


def _last_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """How a match of ``pattern`` that ends with ``$`` can end: (``core``, ``tail``) where its
    last part that must match something ends on a ``core`` character, and the optional parts
    after it match only ``tail`` characters (``_SPACE`` standing for any space). None when
    that cannot be told simply. Read like :func:`_first_chars`, for a text with no line break
    at its end (``$`` also matches before one)."""
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # any surprise from a private parser: no shortcut
        return None
    items = list(parsed)
    p = _sre_parse
    if parsed.state.flags & re.IGNORECASE or not items or items[-1] != (p.AT, p.AT_END):
        return None
    tail: set[str] = set()
    for item in reversed(items[:-1]):
        if _is_zero_width(item):
            continue
        last = _last_of([item])
        if last is None:
            return None
        if not last[1]:
            return last[0], frozenset(tail)
        tail |= last[0]
    return None  # everything optional: it can end anywhere


def _is_zero_width(item: tuple[Any, Any]) -> bool:
    p = _sre_parse
    op, av = item
    return op in (p.ASSERT, p.ASSERT_NOT) or (op is p.AT and av is not p.AT_END)


def _last_of(items: list[Any]) -> tuple[frozenset[str], bool] | None:
    """(last characters, whether it can match nothing) of a parsed sequence, or None."""
    p = _sre_parse
    chars: set[str] = set()
    for op, av in reversed(items):
        if op is p.LITERAL:
            one: tuple[frozenset[str], bool] | None = frozenset(chr(av)), False
        elif op is p.IN:
            one = _class_chars(av)
        elif op is p.BRANCH:
            found: set[str] = set()
            empty = False
            for alternative in av[1]:
                last = _last_of(list(alternative))
                if last is None:
                    return None
                found |= last[0]
                empty = empty or last[1]
            one = frozenset(found), empty
        elif op is p.SUBPATTERN:
            one = None if av[1] & re.IGNORECASE else _last_of(list(av[3]))
        elif op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", None)):
            last = _last_of(list(av[2]))
            one = None if last is None else (last[0], last[1] or av[0] == 0)
        elif _is_zero_width((op, av)):
            continue  # the character before it is still the last one
        else:
            return None
        if one is None:
            return None
        chars |= one[0]
        if not one[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _class_chars(items: list[Any]) -> tuple[frozenset[str], bool] | None:
    p = _sre_parse
    chars = set()
    for op, av in items:
        if op is p.LITERAL:
            chars.add(chr(av))
        elif op is p.CATEGORY and av is p.CATEGORY_SPACE:
            chars.add(_SPACE)
        else:
            return None
    return frozenset(chars), False


def _can_end(last: tuple[frozenset[str], frozenset[str]] | None, text: str) -> bool:
    """Whether ``text`` (no line break at its end), case-folded, may end a match of a pattern
    that ends as ``last`` tells (see :func:`_last_chars`): going back over ``tail``
    characters, a ``core`` one must come (or the end's few letters run out)."""
    if last is None:
        return True
    core, tail = last
    for ch in reversed(text[-8:].casefold()):
        space = ch.isspace()
        if ch in core or (space and _SPACE in core):
            return True
        if not (ch in tail or (space and _SPACE in tail)):
            return False
    return True


def _can_open(first: frozenset[str] | None, text: str) -> bool:
    """Whether ``text``'s case-folded start may match a pattern whose first characters are
    ``first`` (a character folds alone: the fold's first letter is its first letter's)."""
    return first is None or text[:1].casefold()[:1] in first


_RECIPIENTS_FIRST = _first_chars(_RECIPIENTS)
_SIGNATURE_FIRST = _first_chars(_SIGNATURE)
_APPENDIX_FIRST = _first_chars(_APPENDIX)
_TAIL_START_FIRST = _first_chars(_TAIL_START)
_ZONE_START_FIRST = _first_chars(_ZONE_START)
_INTRO_LAST = _last_chars(_INTRO_END)
_PART_PREFIX_FIRST = _first_chars(_PART_PREFIX)

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


def _start(text: str) -> str:
    """The case-folded start of a paragraph: enough for the start-anchored cues."""
    return text[:80].casefold()


def _is_intro(text: str) -> bool:
    """A paragraph that announces the list below it ("... thực hiện các nhiệm vụ sau:")."""
    stripped = text.rstrip()
    if stripped.endswith(":"):
        return True
    # (the usual paragraph ends on a letter no intro ends with: no fold, no search)
    return _can_end(_INTRO_LAST, stripped) and bool(_INTRO_END.search(stripped[-60:].casefold()))


def _is_directive_intro(text: str) -> bool:
    return text.rstrip().endswith(":") and bool(_DIRECTIVE_INTRO.search(text.casefold()))


def _is_assessment_point(text: str) -> bool:
    """A point of a conclusions list that looks back ("Sau 10 năm thực hiện Chỉ thị ...")."""
    return bool(_ASSESSMENT_OPENING.match(_start(text)))


def _part_of_title(title: str) -> str | None:
    """The plan part a heading's title opens, or None ("NHIỆM VỤ, GIẢI PHÁP" -> tasks)."""
    if not title or title.count(" ") >= _PART_MAX_WORDS:
        return None
    folded = title.casefold()
    end = len(folded)
    while end and (folded[end - 1] in _TRAILING_PUNCT or folded[end - 1].isspace()):
        end -= 1
    folded = folded[:end].lstrip("0123456789. ")
    # "Phần thứ hai: NHIỆM VỤ …" -> "nhiệm vụ …" (the pattern tried only on a title opening
    # with a letter it can open with: most titles need no call)
    if _PART_PREFIX_FIRST is None or folded[:1] in _PART_PREFIX_FIRST:
        folded = _PART_PREFIX.sub("", folded)
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
    label, offset = normalize.label_end(p.text)
    if label is None and p.docx_label:
        cached = (normalize.parse_docx_label(p.docx_label), 0)
    else:
        cached = (label, offset)
    p.cached = cached
    return cached


# An open level of the heading tree while nodes are placed: (rank, key, node index). A plain
# tuple: one is made per node, and a tuple is made several times faster than a dataclass.
_Open = tuple[int, str, int]
# its fields
_RANK: Final = 0
_KEY: Final = 1
_INDEX: Final = 2
