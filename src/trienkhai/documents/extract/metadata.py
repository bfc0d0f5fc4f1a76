"""Document metadata (kind, number, issuer, date, title, signer) and ``implements``.

Read from the lines as printed: the header (organisation lines, "Số: ...", "<place>, ngày ..."),
the kind word heading ("KẾ HOẠCH") with the title (trích yếu) under it, and the signature block
("T/M BAN THƯỜNG VỤ / PHÓ BÍ THƯ / name"). Where the header is missing, the issuer is taken from
the line "CỦA BAN CHẤP HÀNH ..." under the kind word, else from the opening sentence
("Ủy ban nhân dân tỉnh Thanh Hóa ban hành Kế hoạch ...").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from .. import lexicon
from ..model import Outline
from . import citations
from .dates import find_dates, iso
from .sources import Line, SourceLines, Unit, memo, source_lines, split_label, units
from .targets import headings

_KINDS = lexicon.load("document_kinds")
_ISSUERS = lexicon.load("issuers")

_KIND_HEAD = re.compile(
    r"(?P<word>" + citations._alternation(list(citations.WORD_TO_KIND)) + r")(?=\s|$|[:.])",
    re.IGNORECASE,
)
_NUMBER_LINE = re.compile(_KINDS["number_line"], re.IGNORECASE)
_NUMBER_AT = re.compile(citations.NUMBER)
_SEPARATOR = re.compile(r"^[\W_]+$")
_TITLE_JOINER = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w) for w in _KINDS["title_joiners"]) + r")$", re.IGNORECASE
)
# the joiner ends the line: it is looked for only in the line's last characters (one more for
# the line end "$" also matches before), not tried at every position of a long title line
_TITLE_JOINER_REACH = max(len(w) for w in _KINDS["title_joiners"]) + 1
_ROMAN_START = re.compile(r"^[IVXLC]+\b(?!\.)")
_NOT_ISSUER_LINES = {x.casefold() for x in _ISSUERS["not_issuer_lines"]}
_NOT_ISSUER = [
    re.compile(re.escape(x).replace(r"\ ", r"\s*"), re.IGNORECASE) for x in _ISSUERS["not_issuer"]
]
# any of them: one search tells whether a header line holds one, before removing each in turn
_NOT_ISSUER_ANY = re.compile("|".join(p.pattern for p in _NOT_ISSUER), re.IGNORECASE)
_CANONICAL = sorted(_ISSUERS["canonical"], key=len, reverse=True)
_CANONICAL_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(c.lower()) for c in _CANONICAL) + r")(?!\w)"
)
_CANONICAL_MAP = {c.lower(): c for c in _CANONICAL}
_PLACES = sorted(
    [*_ISSUERS["places"], "tỉnh ủy", "thành ủy", "thị ủy", "huyện ủy", "quận ủy"],
    key=len,
    reverse=True,
)
_PLACE_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(p) for p in _PLACES) + r")\s+(.+)$", re.IGNORECASE
)
_PLACE_START = re.compile(r"^(?:" + "|".join(re.escape(p) for p in _ISSUERS["places"]) + r")(?!\w)")
_NAME_HEAD = re.compile(
    r"^(?:" + "|".join(re.escape(h) for h in _ISSUERS["name_heads"]) + r")\s+(\w+)", re.IGNORECASE
)
_KHOA_PAREN = re.compile(r"\(?\s*kh[oó]a\s+[IVXLC]+\s*\)?", re.IGNORECASE)
_MARKS = sorted(_ISSUERS["signature_marks"], key=len, reverse=True)
_MARK_RE = re.compile(
    r"^(?:" + "|".join(re.escape(m) for m in _MARKS) + r")(?:\s+|(?<=[./])(?=\S))(?P<rest>.*)$",
    re.IGNORECASE,
)
_POSITIONS = {p.casefold(): p for p in _ISSUERS["positions"]}
_POSITIONS_BY_LENGTH = sorted(_POSITIONS, key=len, reverse=True)
_BODY_WORDS_BEFORE_POSITION = {"ban", "phó"}  # "BAN BÍ THƯ" names a body
_NAME_RE = re.compile(r"^(?:[A-ZĐÀ-Ỹ][^\W\d_]*)(?:\s+[A-ZĐÀ-Ỹ][^\W\d_]*){1,5}$")
_ANCHORS = sorted(_KINDS["implement_anchors"], key=len, reverse=True)
_ANCHOR_START = re.compile(
    r"^\s*(?:" + "|".join(re.escape(a) for a in _ANCHORS) + r")\b", re.IGNORECASE
)
# a clause opening with an anchor: at the text's start, or after ";" or "." (one pattern per
# mark: a pattern that opens with one literal character is scanned for several times faster
# than one that opens with a set of them)
_ANCHOR_OPENING = re.compile(
    r"(?P<a>(?:" + "|".join(re.escape(a) for a in _ANCHORS) + r"))\b", re.IGNORECASE
)
_ANCHOR_AFTER = [
    re.compile(
        re.escape(mark) + r"\s+(?P<a>(?:" + "|".join(re.escape(a) for a in _ANCHORS) + r"))\b",
        re.IGNORECASE,
    )
    for mark in ";."
]
_ANCHOR_ANY = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(a) for a in _ANCHORS) + r")(?!\w)", re.IGNORECASE
)
_TITLE_LEAD = re.compile(
    r"^\s*(?:" + "|".join(re.escape(w) for w in _KINDS["implement_title_leads"]) + r")\s+",
    re.IGNORECASE,
)
_CHAIN_GAP = re.compile(r"\s*(?:,|;|và|,\s*và|;\s*và)?\s*(?:các\s+)?", re.IGNORECASE)
_CHAIN_END = re.compile(r"\s*[,;]?\s*và\s*(?:các\s+)?$", re.IGNORECASE)
_DESCRIPTION_START = re.compile(
    r"^\s*[,;]?\s*(?:" + "|".join(re.escape(w) for w in _KINDS["description_leads"]) + r")\s",
    re.IGNORECASE,
)
# a part heading numbered the central party's way: "I- TÌNH HÌNH VÀ NGUYÊN NHÂN"
_DASH_PART = re.compile(r"^[IVXLC]+\s?[-–]\s*\S")
_ISSUING = "|".join(re.escape(v) for v in sorted(_KINDS["issuing_verbs"], key=len, reverse=True))
# a match of the issuing pattern starts where one of the verbs does in the lower-cased text: a
# search for each in C is far cheaper than the case-insensitive pattern tried at every position
_ISSUING_VERBS = tuple(v.lower() for v in _KINDS["issuing_verbs"])
_ATTACHED = re.compile(
    re.escape(_KINDS["attached_to"])
    + r"\s+(?P<word>"
    + citations._alternation(list(citations.WORD_TO_KIND))
    + r")\s+(?:số\s*:?\s*)?(?P<number>"
    + citations.NUMBER
    + ")",
    re.IGNORECASE,
)
# the characters whose lower-case holds the lead's first letter that is not ASCII ("è" of
# "kèm theo"), and where that letter stands in the lead: a text lower-cases to one holding the
# lead only where one of them stands at that place (checked over all of Unicode in
# tests/engine/test_speed_citations.py)
_ATTACHED_AT, _ATTACHED_LETTER = next(
    (i, c) for i, c in enumerate(_KINDS["attached_to"]) if not c.isascii()
)
_ATTACHED_MARK = (_ATTACHED_LETTER, _ATTACHED_LETTER.upper())


def _holds_lead(text: str) -> bool:
    """``_KINDS["attached_to"] in text.lower()``, lower-casing only the few characters around
    each "è" or "È" of the text, not the whole text (most texts hold none)."""
    lead = _KINDS["attached_to"]
    for mark in _ATTACHED_MARK:
        at = text.find(mark)
        while at >= 0:
            start = at - _ATTACHED_AT
            if start >= 0 and text[start : start + len(lead)].lower() == lead:
                return True
            at = text.find(mark, at + 1)
    return False


KIND_LINE_MAX = 400  # characters: the kind heading may carry the title on its line
SIGNATURE_SCAN = 400  # lines from the end (an appendix table may follow the signature)
SIGNATURE_LINE_MAX = 120
HEADER_SCAN = 40  # lines of the top of the document that may hold the header and title


def _each(lines: Sequence[Line], start: int, stop: int) -> Iterator[Line]:
    """``lines[start:stop]`` one by one: a slice of source lines cleans every line in it at
    once, and the scans here mostly stop after the first few."""
    for i in range(start, min(stop, len(lines))):
        yield lines[i]


def _is_upper(text: str) -> bool:
    """Printed in capitals: some letter, and none in lower case (compared in C, not per char)."""
    return text == text.upper() and text != text.lower()


def body_case(text: str) -> str:
    """An upper-case body name as written in running text: "THÀNH ỦY LAI CHÂU" -> "Thành ủy Lai Châu"."""
    low = " ".join(text.lower().split())
    low = _CANONICAL_RE.sub(lambda m: _CANONICAL_MAP[m.group(1)], low)
    if m := _NAME_HEAD.match(low):
        low = low[: m.start(1)] + m.group(1).capitalize() + low[m.end(1) :]
    if m := _PLACE_RE.search(low):
        name = " ".join(w.capitalize() for w in m.group(2).split())
        low = low[: m.start(2)] + name
    return low[:1].upper() + low[1:]


def _kind_line(lines: SourceLines) -> tuple[int, str, str] | None:
    """(index, kind code, text after the kind word) of the printed kind heading."""
    for i in range(min(len(lines), HEADER_SCAN)):
        if lines.raw_length(i) > KIND_LINE_MAX:
            continue  # a paragraph of running text, not the kind heading
        line = lines[i]
        m = _KIND_HEAD.match(line.text)
        if m and _is_upper(m.group("word")):
            return i, citations.kind_of_word(m.group("word")), line.text[m.end() :].strip(" :.-")
    return None


def _title(lines: Sequence[Line], start: int, first: str) -> tuple[str | None, str | None]:
    """(title, issuer line) from the lines under the kind word."""
    parts: list[str] = [first] if first else []
    issuer_line: str | None = None
    lead = _KINDS["issuer_line_lead"]
    prev_block = lines[start].block
    for line in _each(lines, start + 1, start + 12):
        text = line.text
        if not text:
            continue
        if _SEPARATOR.match(text):
            if parts:
                break
            continue
        if not parts and _is_upper(text) and text.lower().startswith(lead + " "):
            issuer_line = text[len(lead) :].strip()
            prev_block = line.block
            continue
        if parts:
            last = parts[-1]
            same_block = line.block == prev_block
            lower_start = text[:1].islower()
            upper_run = _is_upper(last) and _is_upper(text)
            joined = bool(_TITLE_JOINER.search(last, max(0, len(last) - _TITLE_JOINER_REACH)))
            joined = joined or bool(_ROMAN_START.match(text))
            if split_label(text)[0] is not None or _DASH_PART.match(text):
                break
            if not (same_block or lower_start or upper_run or joined) or last.endswith((".", ":")):
                break
        elif text.endswith(":") or split_label(text)[0] or text.lower().startswith("căn cứ"):
            break
        parts.append(text)
        prev_block = line.block
    title = " ".join(parts).strip() or None
    return title, issuer_line


def _header_issuer(lines: Sequence[Line], end: int) -> str | None:
    candidates: list[str] = []
    for line in _each(lines, 0, end):
        text = line.text
        if _NOT_ISSUER_ANY.search(text):
            for pattern in _NOT_ISSUER:
                text = pattern.sub(" ", text)
        text = " ".join(text.split()).strip(" *-_")
        if text.casefold() in _NOT_ISSUER_LINES:
            continue
        if not text or _NUMBER_LINE.match(text) or not _is_upper(text) or find_dates(text):
            continue
        candidates.append(text)
    if not candidates:
        return None
    last = candidates[-1]
    if len(candidates) > 1 and _PLACE_START.match(last.lower()):
        last = candidates[-2] + " " + last
    return body_case(last)


@functools.cache
def _issuing_re(kind: str) -> re.Pattern[str]:
    """ "ban hành Kế hoạch", "xây dựng kế hoạch": the document issuing itself in its opening."""
    words = [w for w, k in citations.WORD_TO_KIND.items() if k == kind] or ["kế hoạch"]
    return re.compile(
        r"(?:" + _ISSUING + r")\s+(?:" + citations._alternation(words) + r")\b", re.IGNORECASE
    )


def _issuing(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for an :func:`_issuing_re` pattern, tried only where a verb
    starts in the lower-cased text (found by ``str.find``) instead of at every position: a
    case-insensitive pattern that opens with a set of letters is scanned for slowly.

    Every match starts where its verb does, and the verbs' letters match case-insensitively
    only the characters that lower-case to them (tests/engine/test_speed_citations.py checks it
    on all of Unicode), so where lower-casing keeps the text's length the verbs in ``low`` are
    where matches can start; a text that lower-cases longer ("İ") is scanned as before.
    """
    low = text.lower()
    if len(low) != len(text):
        yield from pattern.finditer(text)
        return
    pos = 0
    while True:
        start = -1
        for verb in _ISSUING_VERBS:
            at = low.find(verb, pos)
            if at >= 0 and (start < 0 or at < start):
                start = at
        if start < 0:
            return
        m = pattern.match(text, start)
        if m is None:
            pos = start + 1
            continue
        yield m
        pos = m.end()  # finditer goes on after the match (a match is never empty)


def _opening_issuer(outline: Outline, kind: str) -> str | None:
    """ "..., Ủy ban nhân dân tỉnh Thanh Hóa ban hành Kế hoạch ...": the body before the verb."""
    pattern = _issuing_re(kind)
    for unit in units(outline, footnotes=False):
        for m in _issuing(pattern, unit.text):
            before = unit.text[max(0, m.start() - 160) : m.start()]
            piece = re.split(r"[,;()]", before)[-1].strip()
            if piece[:1].isupper() and 0 < len(piece.split()) <= 15:
                return piece
    return None


def _number(lines: Sequence[Line], end: int) -> str | None:
    for line in _each(lines, 0, end):
        if m := _NUMBER_LINE.match(line.text):
            rest = re.sub(r"\s*([/-])\s*", r"\1", line.text[m.end() :])
            if n := _NUMBER_AT.match(rest):
                return n.group(0)
            return None
    return None


_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


def _header_date(lines: Sequence[Line], end: int) -> tuple[date | None, int | None]:
    size = min(len(lines), end + 1)  # the lines up to the kind heading's, read one by one
    for i in range(min(end, size)):
        text = lines[i].text
        if "ngày" not in text.lower():
            continue
        if i + 1 < size and _BARE_YEAR.fullmatch(lines[i + 1].text):
            text = f"{text} {lines[i + 1].text}"  # the year wrapped onto a line of its own
        for d in find_dates(text):
            return d.value, d.year
    return None, None


def _position_in(text: str) -> str | None:
    """The position a signature mark's line ends with ("T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ" read as
    one line), not a body's name ("T/M BAN BÍ THƯ")."""
    low = " ".join(text.casefold().split())
    if low in _POSITIONS:
        return _POSITIONS[low]
    for key in _POSITIONS_BY_LENGTH:
        if low.endswith(" " + key):
            before = low[: -len(key) - 1].split()
            if before and before[-1] not in _BODY_WORDS_BEFORE_POSITION:
                return _POSITIONS[key]
    return None


def _signer(lines: SourceLines) -> dict[str, str | None]:
    """Name and position from the last signature block ("T/M ...", position, name)."""
    for i in range(len(lines) - 1, max(-1, len(lines) - 1 - SIGNATURE_SCAN), -1):
        if lines.raw_length(i) > SIGNATURE_LINE_MAX:
            continue  # running text or a table row, not a line of the signature block
        text = lines[i].text
        mark = _MARK_RE.match(text)
        standalone = _POSITIONS.get(text.casefold())
        if not mark and not standalone:
            continue
        position: str | None = standalone
        if mark:
            position = _position_in(mark["rest"])
        name: str | None = None
        for nxt in _each(lines, i + 1, i + 7):
            t = nxt.text.strip()
            if not t:
                continue
            pos = _POSITIONS.get(t.casefold())
            if pos:
                position = pos
                continue
            if t.startswith("(") or _MARK_RE.match(t):
                continue
            candidate = t.title() if _is_upper(t) else t
            if _NAME_RE.match(candidate):
                name = candidate
            break
        if name:
            return {"name": name, "position": position}
    return {"name": None, "position": None}


def _attached_number(outline: Outline, kind: str) -> tuple[str | None, date | None]:
    """The document's number and date as its appendix prints them ("Kèm theo Kế hoạch số ...")."""
    for unit in units(outline, footnotes=False):
        if "/" not in unit.text or not _holds_lead(unit.text):  # a number has a slash
            continue
        m = _ATTACHED.search(unit.text)
        if m and citations.kind_of_word(m.group("word")) == kind:
            when = None
            for d in find_dates(unit.text[m.end() : m.end() + 40]):
                when = d.value
                break
            return m.group("number"), when
    return None, None


def _kind_heading(outline: Outline) -> tuple[int, str, str] | None:
    """:func:`_kind_line` of the outline's source lines, looked for once: the document's
    metadata and lint's header both start from it."""
    return memo(outline, "kind_line", lambda: _kind_line(source_lines(outline)))


def header_end(outline: Outline) -> int:
    """How many source lines the header takes: those before the kind heading (12 without one)."""
    found = _kind_heading(outline)
    return found[0] if found else min(len(source_lines(outline)), 12)


def extract_document(outline: Outline) -> dict[str, Any]:
    """The contract's ``document`` object, with ``year`` (from a blank date too) and ``line``."""
    found = memo(outline, "document", lambda: _document(outline))
    return {**found, "signer": dict(found["signer"])}


def _document(outline: Outline) -> dict[str, Any]:
    lines = source_lines(outline)
    found = _kind_heading(outline)
    kind, title, issuer_line, end, line_no = "other", None, None, min(len(lines), HEADER_SCAN), None
    if found:
        end, kind, first = found
        line_no = lines[end].line
        title, issuer_line = _title(lines, end, first)
    number = _number(lines, end if found else min(len(lines), 12))
    when, year = _header_date(lines, end if found else min(len(lines), 12))
    issuer = _header_issuer(lines, end) if found else None
    if issuer is None and issuer_line:
        issuer = body_case(_KHOA_PAREN.sub("", issuer_line).strip())
    if issuer is None:
        issuer = _opening_issuer(outline, kind)
    if number is None and found:
        attached, attached_date = _attached_number(outline, kind)
        number = attached
        when = when or attached_date
    return {
        "kind": kind,
        "number": number,
        "issuer": issuer,
        "date": iso(when),
        "title": title,
        "signer": _signer(lines),
        "year": when.year if when else year,
        "line": line_no,
    }


def _described_chain(gap: str) -> bool:
    """ "... của Ban Bí thư về tăng cường ... và Kế hoạch số ...": the previous document's
    description, then "và" and the next document; not when the description itself carries out
    something ("... của Tỉnh ủy thực hiện Nghị quyết ...")."""
    m = _CHAIN_END.search(gap)
    if m is None:
        return False
    description = gap[: m.start()]
    return _DESCRIPTION_START.match(description) is not None and not _ANCHOR_ANY.search(description)


def _direct(text: str, anchor_end: int, limit: int) -> list[citations.Mention]:
    """The mentions a "Thực hiện ..." phrase governs directly, not those inside their descriptions."""
    out: list[citations.Mention] = []
    for m in citations.mentions_in(text[:limit], 0):
        if m.start < anchor_end:
            continue
        key = citations.norm_number(m.number)
        if any(citations.norm_number(x.number) == key for x in out):
            continue
        if not out:
            if len(text[anchor_end : m.start].split()) <= 4:
                out.append(m)
            continue
        gap = text[out[-1].end : m.start]
        if (
            _CHAIN_GAP.fullmatch(gap)
            or (";" in gap and len(gap.rsplit(";", 1)[1].split()) <= 3)
            or _described_chain(gap)
        ):
            out.append(m)
    return out


def _numbered_heading(unit: Unit, found: tuple[int, str] | None) -> bool:
    """A numbered heading ends the opening; an unnumbered lead-in ("Thực hiện ..., Ban Thường vụ
    yêu cầu ... sau:") that structure holds as a heading is still the opening sentence."""
    if found is None:
        return False
    node = unit.node
    return not (node is not None and node.kind == "heading" and not node.label)


def _anchor_clause(text: str) -> int | None:
    """Where the first clause that opens with an anchor starts ("Thực hiện ..." at the start,
    or after ";" / "."), or None."""
    if m := _ANCHOR_OPENING.match(text):
        return m.start("a")
    first = None
    for pattern in _ANCHOR_AFTER:
        if (m := pattern.search(text)) and (first is None or m.start("a") < first):
            first = m.start("a")
    return first


def _implementing_texts(outline: Outline, document: dict[str, Any]) -> list[str]:
    """Texts that open with "Thực hiện ...": the title, and the opening sentence up to where
    the document issues itself ("..., Ủy ban nhân dân tỉnh ban hành Kế hoạch"), or else the
    first paragraph before any heading that opens with an anchor."""
    texts: list[str] = []
    title = document.get("title") or ""
    if lead := _TITLE_LEAD.match(title):  # "về tiếp tục thực hiện Chỉ thị ..."
        title = title[lead.end() :]
    if _ANCHOR_START.match(title):
        texts.append(title)
    issuing = _issuing_re(str(document.get("kind")))
    fallback: str | None = None
    before_headings = True
    for unit, head in zip(units(outline, footnotes=False), headings(outline), strict=True):
        if _numbered_heading(unit, head):
            before_headings = False
            continue
        if unit.text == title or unit.text == document.get("title"):
            continue
        start = _anchor_clause(unit.text)
        if start is None:
            continue
        last = None
        for last in _issuing(issuing, unit.text):  # noqa: B007 - the last one is wanted
            pass
        if last is not None and start < last.start():
            texts.append(unit.text[start : last.start()])
            return texts
        if fallback is None and before_headings and start == 0:
            fallback = unit.text
    if fallback is not None:
        texts.append(fallback)
    return texts


def extract_implements(
    outline: Outline, document: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The documents this one says it directly carries out, dated from anywhere in the text."""
    document = document or extract_document(outline)
    docs = citations.cited_documents(outline)
    own = citations.norm_number(document.get("number"))
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str | None]] = set()
    for text in _implementing_texts(outline, document):
        anchor = _ANCHOR_START.match(text)
        assert anchor is not None
        for m in _direct(text, anchor.end(), len(text)):
            key = citations.norm_number(m.number)
            if key == own:
                continue
            when = m.date
            if when is None:  # the date printed with another mention of the same document
                same = (
                    d for d in docs if d.kind == m.kind and citations.norm_number(d.number) == key
                )
                match = next(
                    (d for d in same if d.date and citations.same_issuer(m.issuer, d.issuer)), None
                )
                when = match.date if match else None
            ident = (m.kind, key, iso(when))
            if ident in seen:
                continue
            seen.add(ident)
            out.append(
                {"kind": m.kind, "number": m.number, "date": iso(when), "rule": "implements.anchor"}
            )
    return out
