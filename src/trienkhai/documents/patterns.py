"""What a lexicon pattern's own parse tells, so that a text it cannot match is skipped.

The words live in the lexicon's YAML files, never in code; the extractors still want to rule a
paragraph out before running a costly pattern over it. These helpers read, from the pattern as
``re`` parses it, the characters a match can open or end with, the plain texts every match must
hold, or the word it opens with, and build the cheap test from them. ``re._parser`` is a private
module of ``re`` (present from Python 3.11): where it is missing, or a pattern is too subtle to
read, the answer is None or empty and the caller runs the full pattern as before, so the result
never changes, only the time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another Python: the shortcuts are simply not taken
    _sre_parse = None


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
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
    """The characters a parsed sequence can consume first; None when that cannot be told simply
    (a category, a range, a negated class, inline flags, a start that may consume nothing).
    Assertions and anchors are zero-width: the first character is still the next item's."""
    p = _sre_parse
    for op, av in items:
        if op is p.AT or op is p.ASSERT or op is p.ASSERT_NOT:
            continue
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
            return None if av[1] or av[2] else _first_of(list(av[3]))  # (add, del flags)
        if op in (p.MAX_REPEAT, p.MIN_REPEAT, getattr(p, "POSSESSIVE_REPEAT", None)):
            return _first_of(list(av[2])) if av[0] >= 1 else None  # (low, high, item)
        return None
    return None  # nothing that must consume a character


ANY_SPACE = " "  # in a last-character set: any space (the pattern's ``\s``)


def last_chars(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """How a match of ``pattern`` that ends with ``$`` can end: (``core``, ``tail``) where its
    last part that must match something ends on a ``core`` character, and the optional parts
    after it match only ``tail`` characters (``ANY_SPACE`` standing for any space). None when
    that cannot be told simply. Read like :func:`first_chars`, for a text with no line break
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
            chars.add(ANY_SPACE)
        else:
            return None
    return frozenset(chars), False


def can_end(last: tuple[frozenset[str], frozenset[str]] | None, text: str) -> bool:
    """Whether ``text`` (no line break at its end), case-folded, may end a match of a pattern
    that ends as ``last`` tells (see :func:`last_chars`): going back over ``tail``
    characters, a ``core`` one must come (or the end's few letters run out)."""
    if last is None:
        return True
    core, tail = last
    for ch in reversed(text[-8:].casefold()):
        space = ch.isspace()
        if ch in core or (space and ANY_SPACE in core):
            return True
        if not (ch in tail or (space and ANY_SPACE in tail)):
            return False
    return True


def can_open(first: frozenset[str] | None, text: str) -> bool:
    """Whether ``text``'s case-folded start may match a pattern whose first characters are
    ``first`` (a character folds alone: the fold's first letter is its first letter's)."""
    return first is None or text[:1].casefold()[:1] in first


def positions(text: str, needles: Iterable[str]) -> list[int]:
    """Every position where one of ``needles`` starts in ``text``, in ascending order: one
    ``str.find`` scan per needle, in C at memory speed (a regex class or alternation tried at
    every position costs some 5 to 30 ns a character)."""
    found: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at != -1:
            found.append(at)
            at = text.find(needle, at + 1)
    found.sort()
    return found


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What ``pattern.finditer(text)`` finds, for a pattern every match of which opens at one of
    ``starts`` (ascending): the pattern is matched only there, left to right, and like
    ``finditer`` never where the last match has not ended (matches do not overlap)."""
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at >= end:
            m = pattern.match(text, at)
            if m:
                found.append(m)
                end = m.end()
    return found


def can_start(words: list[str]) -> str:
    """A lookahead for the first characters of ``words`` (under the pattern's own case rules).

    Put before an alternation of words, a position where none of them can start costs one
    character test instead of one per word: the matches are the same.
    """
    return "(?=[" + "".join(re.escape(c) for c in sorted({w[0] for w in words})) + "])"


def gated(pattern: str, flags: int) -> re.Pattern[str]:
    """``pattern`` compiled, opening with a lookahead for the characters a match can start with
    when ``re``'s parser tells them (see :func:`can_start`): the same matches, but a position
    none can start at costs one class test instead of a try of every alternative."""
    first = None
    if _sre_parse is not None:
        try:
            items = list(_sre_parse.parse(pattern, flags))
            # a pattern opening with a letter or a class: the engine skips to it on its own
            if items and items[0][0] not in (_sre_parse.LITERAL, _sre_parse.IN):
                first = _first_of(items)
        except Exception:  # any surprise from a private parser: no gate
            first = None
    if not first:
        return re.compile(pattern, flags)
    return re.compile(f"{can_start(list(first))}(?:{pattern})", flags)


_OPENING_WORD_RE = re.compile(r"\\b(\w+)(?![*+?{])")  # a pattern written "\btrước\s+..."


def opening_word(source: str) -> str | None:
    """The word every match of a pattern opens with, for a pattern written "\\bword..." with no
    "|" outside parentheses (no match can then do without the word); None for any other."""
    m = _OPENING_WORD_RE.match(source)
    if m is None:
        return None
    depth, i = 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1  # an escaped character: never a bracket or a bar
        elif char == "[":  # a class: skip to its end ("[]...]" and "[^]...]" hold a "]")
            i += 2 if source.startswith("[^", i) else 1
            start, i = i, source.find("]", i + 1)
            if i == -1 or "\\" in source[start:i]:
                return None  # (an escape inside a class: too subtle to follow here)
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        i += 1
    return m.group(1)


def required_literals(source: str) -> tuple[str, ...]:
    """Plain texts that every match of a (case-sensitive) pattern holds, longest first; ().

    Read from the parsed pattern: a run of literal characters is required where it stands
    outside any optional part; a group of alternatives requires what all of them share."""

    def runs(items: Any) -> list[str]:
        found: list[str] = []
        text = ""
        for op, av in items:
            if op is _sre_parse.LITERAL:
                text += chr(av)
                continue
            if text:
                found.append(text)
                text = ""
            if op is _sre_parse.SUBPATTERN and not av[1]:  # (no inline flags: case stays)
                found.extend(runs(av[3]))
            elif op is _sre_parse.BRANCH:
                shared = _shared([runs(alt) for alt in av[1]])
                if shared:
                    found.append(shared)
            elif op in (_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT) and av[0] >= 1:
                found.extend(runs(av[2]))
        if text:
            found.append(text)
        return found

    try:
        parsed = _sre_parse.parse(source)
    except re.error:
        return ()
    if parsed.state.flags & re.IGNORECASE:  # "(?i)...": the literals hold in any case
        return ()
    return tuple(sorted(set(runs(parsed.data)), key=lambda run: (-len(run), run)))


def _shared(alternatives: list[list[str]]) -> str | None:
    """The longest text held by a required run of every alternative (None if none is)."""
    if not alternatives or not all(alternatives):
        return None
    best = ""
    for run in alternatives[0]:
        for i in range(len(run)):
            for j in range(len(run), i + len(best), -1):
                piece = run[i:j]
                if all(any(piece in other for other in alt) for alt in alternatives[1:]):
                    best = piece
                    break
    return best or None
