"""The social group a task addresses (công nhân, nông dân, trí thức ... kiều bào).

Two ways a plan says it, both read from the ``target_groups`` lexicon:

- a lead-in label: "Đối với giai cấp công nhân: ...", "Đội ngũ trí thức: ...";
- a run of sibling bullets, one per group, without labels: each bullet is about the group whose
  words it uses most ("công nhân, người lao động" …), and the run must cover several groups —
  a lone bullet that mentions farmers is not "about" farmers.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count

from ..lexicon import load

_LEX = load("target_groups")
_PREFIX = re.compile(_LEX["label_prefix"], re.IGNORECASE)
_LABEL_MAX_WORDS = int(_LEX["label_max_words"])
_MIN_RUN = int(_LEX["min_run"])


@dataclass(frozen=True, slots=True)
class _Group:
    code: str
    order: int
    label: re.Pattern[str]
    keywords: re.Pattern[str]


def _words(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", re.IGNORECASE)


_GROUPS = [
    _Group(g["code"], i, _words(g["labels"]), _words(g["keywords"]))
    for i, g in enumerate(_LEX["groups"])
]
CODES = [g.code for g in _GROUPS]
# Every group's labels in one search: the leftmost label wins, and at one position the
# alternatives are tried in the lexicon's order, so an earlier group wins a tie.
_ANY_LABEL = re.compile(
    "|".join(f"(?P<g{i}>{g.label.pattern})" for i, g in enumerate(_GROUPS)), re.IGNORECASE
)


def label_group(text: str) -> str | None:
    """The group named by a lead-in label ending with ":" ("Đối với phụ nữ: ..."), else None."""
    colon = text.find(":")  # (the head alone is cut out: no copy of a long item's rest)
    if colon == -1:
        return None
    head = text[:colon]
    # more words than the limit give one piece more than it when split at most that often
    if len(head.split(maxsplit=_LABEL_MAX_WORDS)) > _LABEL_MAX_WORDS:
        return None
    head = _PREFIX.sub("", head.strip())
    m = _ANY_LABEL.search(head)
    return _GROUPS[int(m.lastgroup[1:])].code if m and m.lastgroup else None


# Keywords by their first word, then their second ("công" -> "nhân" -> "công nhân"), and the
# rare one-word keyword by its word: a scan for first words runs in C, and each hit costs one
# look-up of the word after it.
_BY_FIRST: dict[str, dict[str, list[tuple[tuple[str, ...], int]]]] = {}
_BY_WORD: dict[str, list[int]] = {}
for _index, _spec in enumerate(_LEX["groups"]):
    for _word in _spec["keywords"]:
        _words_of = tuple(_word.casefold().split())
        if len(_words_of) == 1:
            _BY_WORD.setdefault(_words_of[0], []).append(_index)
        else:
            _second = _BY_FIRST.setdefault(_words_of[0], {})
            _second.setdefault(_words_of[1], []).append((_words_of, _index))
_FIRST_WORDS = _BY_FIRST.keys() | _BY_WORD.keys()
_TOKEN = re.compile(r"\w+")
# Marks that split words in plans; none is a word character, so a space in their place leaves
# the words as they were (checked after the split: any other mark falls back to the regex).
_MARKS = tuple(',.;:()/-–"“”')
_SCAN_CHARS = 600  # a bullet of a group run names its group early


def heading_group(text: str) -> str | None:
    """The group a heading or intro names ("a) Đối với giai cấp công nhân:"), for its items."""
    head = text.strip().rstrip(":").strip()
    if not head or len(head.split()) > _LABEL_MAX_WORDS:
        return None
    return label_group(head + ":")


def _tokens(low: str) -> list[str]:
    """The words (``\\w+``) of a text: the usual marks replaced by spaces, then split on spaces,
    all in C (sre checks each character against the Unicode word class, some 5x slower)."""
    for mark in _MARKS:
        low = low.replace(mark, " ")
    tokens = low.split()
    if "".join(tokens).isalnum():  # str.isalnum is sre's word class, less "_"
        return tokens
    return _TOKEN.findall(low)


def _scores(text: str) -> list[int]:
    """Keyword hits per group, in one pass over the words of the case-folded text."""
    scores = [0] * len(_GROUPS)
    tokens = _tokens(text[:_SCAN_CHARS].casefold())
    if _FIRST_WORDS.isdisjoint(tokens):  # most items name no group: one set test in C
        return scores
    if _BY_WORD:
        for i in compress(count(), map(_BY_WORD.__contains__, tokens)):
            for group in _BY_WORD[tokens[i]]:
                scores[group] += 1
    tokens.append("")  # the word after the last: no keyword goes on with it
    for i in compress(count(), map(_BY_FIRST.__contains__, tokens)):
        for words, group in _BY_FIRST[tokens[i]].get(tokens[i + 1], ()):
            if len(words) == 2 or tuple(tokens[i : i + len(words)]) == words:
                scores[group] += 1
    return scores


def _monotone(scores: list[list[int]]) -> list[int | None]:
    """Assign groups to a run in the lexicon's order, maximising keyword hits.

    A run of group bullets follows the order công nhân → nông dân → … → kiều bào; an item that
    mentions several groups ("doanh nhân với công nhân, nông dân, trí thức") is given the one
    that fits that order. Dynamic programming over items × groups, like a sequence alignment.
    """
    n, m = len(scores), len(_GROUPS)
    best = [[0] * (m + 1) for _ in range(n + 1)]
    for k in range(1, n + 1):
        row, prev = best[k], best[k - 1]
        for g in range(1, m + 1):
            hit = scores[k - 1][g - 1]
            take = prev[g - 1] + hit if hit else -1
            row[g] = max(row[g - 1], prev[g], take)
    picks: list[int | None] = [None] * n
    k, g = n, m
    while k > 0 and g > 0:
        hit = scores[k - 1][g - 1]
        if hit and best[k][g] == best[k - 1][g - 1] + hit:
            picks[k - 1] = g - 1
            k, g = k - 1, g - 1
        elif best[k][g] == best[k][g - 1]:
            g -= 1
        else:
            k -= 1
    return picks


def run_groups(texts: Sequence[str], listed: bool = True) -> list[str | None]:
    """Groups for a run of sibling items: labels first, then — for a list of bullets or
    lettered items (``listed``) — keywords, if the run covers at least ``min_run`` groups;
    ``None`` where an item is about no single group."""
    labelled = [label_group(t) for t in texts]
    if not listed or sum(1 for g in labelled if g) >= _MIN_RUN or len(texts) < _MIN_RUN:
        return labelled
    # Only items with some keyword can be chosen: stop scoring as soon as too many have none.
    # The short items are scored first: they cost least and name a group least often, so a
    # run that fails is told at less cost (the order changes nothing else: a run is scored in
    # full, or given up once more items than allowed have no keyword).
    allowed_misses = len(texts) - max(_MIN_RUN, math.ceil(0.75 * len(texts)))
    scores: list[list[int]] = [[]] * len(texts)
    for i in sorted(range(len(texts)), key=lambda i: len(texts[i])):
        scores[i] = _scores(texts[i])
        if not any(scores[i]):
            allowed_misses -= 1
            if allowed_misses < 0:
                return labelled
    picks = _monotone(scores)
    chosen = [p for p in picks if p is not None]
    if len(chosen) < _MIN_RUN or len(chosen) < 0.75 * len(texts):
        return labelled
    return [
        lab or (CODES[p] if p is not None else None) for lab, p in zip(labelled, picks, strict=True)
    ]
