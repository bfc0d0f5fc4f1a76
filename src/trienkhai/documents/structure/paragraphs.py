"""Paragraphs as the author wrote them: markdown- and PDF-broken lines merged, footnote
bodies detached, and paragraphs that a page break or a footnote block cut re-joined."""

from __future__ import annotations

import re

from .. import normalize
from ..model import Footnote, Table
from .common import _is_open, _label, _Para, _read_label

# Footnote bodies as converters print them: "¹ Tổng kết", "⁽¹⁾ Kế hoạch", "<sup>1</sup> ...",
# and "1) ..." / "(1) ..." / "[1] ..." when an anchor with that label is waiting for its body.
_FN_GLYPH = re.compile(r"^\s*⁽?([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾?\s*(?=\S)")
_FN_SUP = re.compile(r"^\s*<sup>\s*\(?\s*(\d{1,3})\s*\)?\s*</sup>\s*", re.IGNORECASE)
_FN_PLAIN = re.compile(r"^\s*(?:\((\d{1,3})\)|(\d{1,3})\)|\[(\d{1,3})\])\s+(?=\S)")


def _merge_broken_lines(items: list[_Para | Table]) -> list[_Para | Table]:
    """Join lines that a markdown hard break ("  " at line end) or an open ``**`` split."""
    out: list[_Para | Table] = []
    prev: _Para | None = None  # the last paragraph kept, while nothing else follows it
    bold_open = False  # the last paragraph kept leaves a "**" open
    for item in items:
        if not isinstance(item, _Para):
            out.append(item)
            prev = None
            continue
        if (  # the cheap tests first: most lines end no hard break
            prev is not None
            and (bold_open or prev.raw.endswith(("  ", "\\")))
            and item.line == prev.line + prev.raw.count("\n") + 1
            and _label(item) is None
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.raw = f"{prev.raw}\n{item.raw}"
            prev.anchors.extend(item.anchors)
        else:
            out.append(item)
            prev = item
        raw = prev.raw
        # "*" first: a single-character search is far cheaper than counting "**"
        bold_open = "*" in raw and raw.count("**") % 2 == 1
    return out


def _merge_wrapped_lines(items: list[_Para | Table]) -> list[_Para | Table]:
    """PDF text comes one printed line at a time: put wrapped lines back into paragraphs.

    A line continues the previous one when it has no list label and either reads as the rest of
    a cut sentence (lowercase start) or follows an unfinished line that runs the full width of
    the text block (a paragraph's last line, or a heading, is usually shorter).
    """
    lengths = sorted(len(p.text) for p in items if isinstance(p, _Para) and len(p.text) >= 40)
    full = lengths[int(0.9 * (len(lengths) - 1))] * 0.8 if lengths else float("inf")
    out: list[_Para | Table] = []
    for item in items:
        prev = out[-1] if out else None
        if (
            isinstance(item, _Para)
            and isinstance(prev, _Para)
            and _label(item) is None
            and not _FN_GLYPH.match(item.raw)
            and (_joins(prev.text, item) or (_is_open(prev.text) and len(prev.raw) >= full))
        ):
            prev.text = f"{prev.text} {item.text}"
            prev.raw = f"{prev.raw}\n{item.raw}"
            prev.anchors.extend(item.anchors)
        else:
            out.append(item)
    return out


# The characters a footnote body can open with (after spaces): "<sup>", a superscript, and
# (in the cleaned text) "(1)", "1)", "[1]". A paragraph opening otherwise is not one: the
# patterns above are tried only when it could be.
_FN_RAW_OPENERS = frozenset("<⁽⁰¹²³⁴⁵⁶⁷⁸⁹")


def _footnote_start(p: _Para, waiting: set[str]) -> tuple[str, str] | None:
    """(label, body) when the paragraph is a footnote body, else None."""
    raw = p.raw
    first = raw[:1]
    if first.isspace():
        first = raw.lstrip()[:1]
    if first in _FN_RAW_OPENERS:
        m = _FN_SUP.match(raw) or _FN_GLYPH.match(raw)
        if m:
            label = m.group(1).translate(normalize.SUPERSCRIPT_DIGITS)
            text, _ = normalize.clean(raw[m.end() :])
            return label, text
    if not waiting:
        return None  # a plain "1) ..." is a footnote only when its anchor is waiting
    first = p.text[:1]
    if first not in "([" and not first.isdecimal() and not first.isspace():
        return None
    m = _FN_PLAIN.match(p.text)
    if m:
        label = m.group(1) or m.group(2) or m.group(3)
        if label in waiting:
            return label, p.text[m.end() :].strip()
    return None


_CONTINUATION_OPENERS = "“\"‘'(«["
_NO_LABEL: tuple[None, int] = (None, 0)


def _continues(p: _Para) -> bool:
    """An unlabelled paragraph that reads as the rest of a cut sentence."""
    if _label(p) is not None:
        return False
    first = p.text[:1]
    return normalize.starts_lowercase(p.text) or first in _CONTINUATION_OPENERS or first.isdigit()


def _detach_footnotes(items: list[_Para | Table], footnotes: list[Footnote]) -> list[_Para | Table]:
    """Move footnote bodies out of the running text and re-join the paragraphs they cut."""
    out: list[_Para | Table] = []
    waiting: set[str] = set()
    after_footnote = False
    last_body: _Para | None = None
    for i, item in enumerate(items):
        if isinstance(item, Table):
            out.append(item)
            after_footnote, last_body = False, None
            continue
        first = item.raw[:1]
        # (the usual paragraph opens with a letter and no anchor waits: no footnote test)
        found = (
            _footnote_start(item, waiting)
            if waiting or first in _FN_RAW_OPENERS or first.isspace()
            else None
        )
        if found:
            label, text = found
            waiting.discard(label)
            footnotes.append(Footnote(label=label, text=text, line=item.line))
            after_footnote = True
            continue
        # the last footnote when its sentence is unfinished: needed only in the rare branches
        # below, so found when first asked for
        open_note: Footnote | bool | None = False
        # read now, before any join makes the text grow (_label, without a call)
        first = item.text[:1]
        cached = item.cached
        if cached is None:
            if item.docx_label:
                cached = _read_label(item)
            elif first.isupper() and first not in "IVXL":
                # label_end's answer for a capital that opens no roman numeral, whatever
                # follows (text only grows at its end): no call
                cached = item.cached = _NO_LABEL
            else:  # (_read_label's answer without a .docx label: one call less)
                cached = item.cached = normalize.label_end(item.text)
        unlabelled = cached[0] is None
        # only an unlabelled paragraph that does not open with a capital can continue another
        # (see _continues): the usual one is kept without the tests of _joins
        may_join = unlabelled and not (first.isalpha() and not first.islower())
        if after_footnote and unlabelled and footnotes:
            if last_body is not None and may_join and _joins(last_body.text, item):
                _join(last_body, item)
                waiting.update(item.anchors)
                after_footnote = False
                continue
            note = footnotes[-1]
            if not normalize.starts_lowercase(item.text) and _note_continues(note.text):
                note.text = f"{note.text} {item.text}"
                continue
            if _continues(item) and (open_note := _open_note(footnotes)) is not None:
                open_note.text = f"{open_note.text} {item.text}"
                continue
        if last_body is not None and may_join and _joins(last_body.text, item):
            nxt = items[i + 1] if i + 1 < len(items) else None
            if open_note is False:
                open_note = _open_note(footnotes)
            if (
                isinstance(open_note, Footnote)
                and isinstance(nxt, _Para)
                and _continues(nxt)
                and not _is_open(item.text)
            ):
                # A footnote's tail carried to the next page sits between the body's cut halves.
                open_note.text = f"{open_note.text} {item.text}"
                continue
            _join(last_body, item)
            waiting.update(item.anchors)
            after_footnote = False
            continue
        after_footnote = False
        if item.anchors:
            waiting.update(item.anchors)
        out.append(item)
        last_body = item
    return out


def _open_note(footnotes: list[Footnote]) -> Footnote | None:
    """The last footnote when its sentence is unfinished (a page cut it), else None."""
    return footnotes[-1] if footnotes and _is_open(footnotes[-1].text) else None


_CLOSED = re.compile(r"[.!?:…]\s*[”\"’')\]»]*\s*(?:\./\.)?$|\./\.$")


def _joins(prev: str, p: _Para) -> bool:
    """Whether ``p`` is the rest of ``prev``: a lowercase start after anything but a full stop,
    or a quote, bracket or digit start after an unfinished sentence."""
    if not _continues(p):
        return False
    if normalize.starts_lowercase(p.text):
        return not _CLOSED.search(prev.rstrip()[-16:])
    return _is_open(prev)


def _note_continues(text: str) -> bool:
    """A footnote ending with ";" or "," (or unfinished) goes on in the next paragraph."""
    stripped = text.rstrip()
    return stripped.endswith((";", ",")) or _is_open(stripped)


def _join(into: _Para, part: _Para) -> None:
    into.text = f"{into.text} {part.text}"
    into.anchors.extend(part.anchors)
