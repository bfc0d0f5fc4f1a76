"""Word-level comparison of two task texts: the gold's class figure and display segments.

The class figure is the contract's: difflib's ratio over the texts' words (NFC, case-folded,
punctuation as spaces), 2·matched / all words; ``copied`` at 0.90 or more. One
``SequenceMatcher`` run gives the ratio, the matched-word count and the segments to display
(``=`` shared, ``-`` parent only, ``+`` child only), cut from the printed text with its
punctuation. ``quick_class`` decides the class without difflib when the LCS ratio (an upper
bound of difflib's, computed in C by rapidfuzz) is already below the threshold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

try:  # difflib's own algorithm compiled (same blocks, same ratio; checked in the tests)
    from cydifflib import SequenceMatcher
except ImportError:  # pragma: no cover - the declared dependency is missing: plain difflib
    from difflib import SequenceMatcher

from .normalize import nfc

_WORD = re.compile(r"\w+")
COPIED_AT = 0.90
_STEPWISE = SequenceMatcher.__module__.startswith("difflib")


@dataclass(frozen=True)
class Words:
    """A text's class words with their character spans in the (NFC) text."""

    text: str
    words: list[str]
    spans: list[tuple[int, int]]

    @classmethod
    def of(cls, text: str) -> Words:
        t = nfc(text)
        matches = list(_WORD.finditer(t))
        return cls(t, [m.group(0).casefold() for m in matches], [m.span() for m in matches])

    def cut(self, i: int, j: int, *, lead: bool = False) -> str:
        """Printed text of words ``i..j-1`` (with the punctuation between and after them)."""
        if i >= j:
            return ""
        start = self.spans[i - 1][1] if lead and i > 0 else self.spans[i][0]
        end = self.spans[j][0] if j < len(self.spans) else len(self.text)
        return self.text[start:end].strip()


def classify(ratio: float | None) -> str:
    """``copied`` at or above 0.90, ``adapted`` below, ``new`` with no counterpart."""
    if ratio is None:
        return "new"
    return "copied" if ratio >= COPIED_AT else "adapted"


def quick_class(a: list[str], b: list[str]) -> str:
    """The class of a pair, running difflib only where the LCS bound leaves it open."""
    if a == b:
        return "copied"
    if Indel.normalized_similarity(a, b) < COPIED_AT:
        return "adapted"
    return "copied" if reaches(a, b, COPIED_AT) else "adapted"


def reaches(a: list, b: list, threshold: float) -> bool:
    """Whether difflib's ratio of ``a`` and ``b`` is at least ``threshold``, stopping as soon
    as the answer is certain.

    The matching blocks are found as ``get_matching_blocks`` finds them (the longest match of
    each pending range, then the ranges on either side); their sizes only add up, so the sum
    so far is a lower bound of the final one, and the sum plus, for each pending range, the
    shorter of its two sides is an upper bound. The answer is exact; most pairs settle after
    the first two or three blocks instead of all of them."""
    total = len(a) + len(b)
    if not total:
        return threshold <= 1.0
    sm = SequenceMatcher(None, a, b, autojunk=False)
    if not _STEPWISE:  # compiled: all blocks at once cost less than stepping from Python
        return 2.0 * sum(m[2] for m in sm.get_matching_blocks()) / total >= threshold
    matched, room = 0, min(len(a), len(b))
    pending = [(0, len(a), 0, len(b))]
    while pending:
        if 2.0 * matched / total >= threshold:
            return True
        if 2.0 * (matched + room) / total < threshold:
            return False
        alo, ahi, blo, bhi = pending.pop()
        room -= min(ahi - alo, bhi - blo)
        i, j, k = sm.find_longest_match(alo, ahi, blo, bhi)
        if not k:
            continue
        matched += k
        for lo_a, hi_a, lo_b, hi_b in ((alo, i, blo, j), (i + k, ahi, j + k, bhi)):
            if lo_a < hi_a and lo_b < hi_b:
                pending.append((lo_a, hi_a, lo_b, hi_b))
                room += min(hi_a - lo_a, hi_b - lo_b)
    return 2.0 * matched / total >= threshold


def compare_words(child: Words, parent: Words) -> tuple[float, int, list[list[str]]]:
    """(ratio, matched words, display segments) of a child text against its parent's."""
    a, b = child.words, parent.words  # the gold's order: child first
    if not a and not b:
        return 1.0, 0, []
    sm = SequenceMatcher(None, a, b, autojunk=False)
    segments: list[list[str]] = []
    matched = 0
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            matched += i2 - i1
            _emit(segments, "=", child.cut(i1, i2))
        else:
            _emit(segments, "-", parent.cut(j1, j2))
            _emit(segments, "+", child.cut(i1, i2))
    return 2.0 * matched / (len(a) + len(b)), matched, segments


def _emit(segments: list[list[str]], op: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1][0] == op:
        segments[-1][1] += " " + text
    else:
        segments.append([op, text])
