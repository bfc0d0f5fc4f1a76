"""What the structure stages share: the paragraph in progress, its cached label, and the
plan-part cues read from the ``parts`` lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from .. import normalize
from ..lexicon import load
from ..normalize import Label
from ..patterns import can_end, can_open, first_chars, last_chars

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


_RECIPIENTS_FIRST = first_chars(_RECIPIENTS)
_SIGNATURE_FIRST = first_chars(_SIGNATURE)
_APPENDIX_FIRST = first_chars(_APPENDIX)
_TAIL_START_FIRST = first_chars(_TAIL_START)
_ZONE_START_FIRST = first_chars(_ZONE_START)
_INTRO_LAST = last_chars(_INTRO_END)
_PART_PREFIX_FIRST = first_chars(_PART_PREFIX)

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
    return can_end(_INTRO_LAST, stripped) and bool(_INTRO_END.search(stripped[-60:].casefold()))


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
    if text.endswith(".") or not can_open(_APPENDIX_FIRST, text) or text.count(" ") > 25:
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
