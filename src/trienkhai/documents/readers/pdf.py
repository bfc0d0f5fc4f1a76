"""PDF with a text layer (pdfplumber): paragraphs in reading order, ruled tables as Tables.

Printed lines are grouped from the words' positions; where a line holds text set apart by a
wide gap (the header "ỦY BAN NHÂN DÂN … CỘNG HÒA XÃ HỘI …" side by side) the block is read
left column first. Lines that wrap are re-joined into their paragraph from the layout
(``_join_wrapped``), within and across pages; each Paragraph carries the ``page`` it starts
on. Ruled tables found by pdfplumber become Table blocks (continued across pages) and their
words are not repeated as text. Running headers/footers and bare page numbers are dropped;
small-type numbered lines are footnotes, small raised numbers their ``<sup>N</sup>`` anchors.
A PDF without any text is a scan: OCR is not supported. ``line`` is the 1-based block index.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise

import yaml

from ..errors import (
    CorruptDocumentError,
    DocumentError,
    DocumentTooLargeError,
    NoTextLayerError,
)
from ..model import Block, Footnote, Paragraph, SourceDocument, Table
from . import legacy

MAX_PAGES = 500
LINE_TOLERANCE = 3.0  # points: words whose tops differ by less sit on one line
GAP_FACTOR = 1.8  # a gap wider than this many font sizes splits a line into columns
MARGIN_SHARE = 0.1  # top/bottom share of the page where running headers/footers sit
_DIGITS = re.compile(r"\d+")
_LABEL = re.compile(r"^([a-zđ]|\d{1,2}|[IVXLC]{1,6}|\d+(\.\d+)+)[.)]$|^[-+•▪–]$")
ANCHOR_GAP = 1.5  # points between a word and its footnote number
SUPERSCRIPT_SHARE = 0.8  # a number in type this much smaller than the body is an anchor
_SENTENCE_END = set(".;:!?…")


@dataclass(slots=True)
class _Line:
    text: str
    page: int
    top: float
    in_margin: bool
    joinable: bool = False  # a whole line of body text (not a piece of a side-by-side block)
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    first_width: float = 0.0  # width of the first word: would it have fitted on the line above?
    page_end: int = 0  # the page a re-joined paragraph ends on

    def __post_init__(self) -> None:
        self.page_end = self.page_end or self.page


_Item = _Line | Table | Footnote


def read(data: bytes, name: str) -> SourceDocument:
    """Read a .pdf file's bytes."""
    try:
        pages = _extract(data, name)
        blocks, footnotes = _blocks(_join_wrapped(_drop_running_lines(pages)))
    except DocumentError:
        raise
    except Exception as exc:  # pdfminer on untrusted input: any failure means a broken file
        raise CorruptDocumentError(_broken_message(exc, data), source=name) from exc
    if not blocks:
        raise NoTextLayerError("PDF không có lớp văn bản (bản quét); chưa hỗ trợ OCR", source=name)
    notes: list[str] = []
    encoding = _convert_legacy(blocks, notes)
    return SourceDocument(
        name=name, format="pdf", blocks=blocks, footnotes=footnotes, encoding=encoding, notes=notes
    )


def _broken_message(exc: BaseException, data: bytes) -> str:
    """Say "encrypted" when it is (pdfplumber wraps pdfminer's error), else "broken"."""
    causes: list[object] = []
    current: BaseException | None = exc
    while current is not None and len(causes) < 5:
        causes.append(current)
        causes.extend(current.args)
        current = current.__cause__ or current.__context__
    names = " ".join(type(c).__name__.lower() for c in causes)
    if "password" in names or "encrypt" in names or b"/Encrypt" in data:
        return "PDF được mã hóa hoặc có mật khẩu; không đọc được"
    return "tệp .pdf bị hỏng, không đọc được"


def _extract(data: bytes, name: str) -> list[list[_Item]]:
    import pdfplumber

    pages: list[list[_Item]] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise DocumentTooLargeError(
                f"PDF quá nhiều trang ({len(pdf.pages)}; tối đa {MAX_PAGES})", source=name
            )
        for number, page in enumerate(pdf.pages, start=1):
            pages.append(_page_items(page, number))
            page.flush_cache()
    return pages


def _page_items(page, number: int) -> list[_Item]:
    ruled = bool(page.lines or page.rects)  # the table finder needs ruling; skip it otherwise
    tables = [t for t in page.find_tables() if _is_data_table(t)] if ruled else []
    boxes = [t.bbox for t in tables]
    words = [
        w
        for w in page.extract_words(
            keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"]
        )
        if not any(_inside(w, box) for box in boxes)
    ]
    height = float(page.height) or 1.0
    body_size = _body_font_size(words)
    items: list[tuple[float, int, _Item]] = []
    lines = _group_lines(words)
    ordered = _reading_order(lines, float(page.width) / 2)
    for order, (top, segments, zoned) in enumerate(ordered):
        bottom = max(w["bottom"] for seg in segments for w in seg)
        # a line of a two-column block ("... ngày 10 tháng 01 năm" / "2023") carries the block's
        # top for ordering: it is in the margin only by its own position, and never a page number
        own_top = min(w["top"] for seg in segments for w in seg)
        margin = not zoned and (
            own_top < height * MARGIN_SHARE or bottom > height * (1 - MARGIN_SHARE)
        )
        for segment in segments:
            footnote = _footnote(segment, body_size)
            if footnote is not None:
                items.append((top, order, footnote))
                continue
            line = _Line(
                text=_segment_text(segment, body_size),
                page=number,
                top=top,
                in_margin=margin,
                joinable=not zoned and len(segments) == 1,
                x0=segment[0]["x0"],
                x1=segment[-1]["x1"],
                bottom=bottom,
                size=_size(segment),
                first_width=segment[0]["x1"] - segment[0]["x0"],
            )
            items.append((top, order, line))
    for table in tables:
        rows = [[_clean_cell(c) for c in row] for row in table.extract()]
        rows = [r for r in rows if any(r)]
        if rows:
            items.append((table.bbox[1], -1, Table(rows=rows, line=0, page=number)))
    items.sort(key=lambda it: (it[0], it[1]))
    return [item for _, _, item in items]


def _size(words: list[dict]) -> float:
    sizes = sorted(float(w.get("size") or 0) for w in words)
    return sizes[len(sizes) // 2]


@dataclass(slots=True)
class _Margins:
    left: float
    right: float
    usual_gap: float


def _join_wrapped(pages: list[list[_Item]]) -> list[list[_Item]]:
    """Re-join the lines of wrapped paragraphs, within and across pages, from the layout.

    A line continues the one before when that one was broken by wrapping (the line's first
    word would not have fitted at its end, justified or not), it starts at the left margin (no
    first-line indent), is set in the same size and follows at the usual line spacing (any
    spacing across a page break). A line opening with a list label ("a)", "1.", "XIV)") starts
    a new paragraph unless the line before ends mid-sentence. Footnotes do not interrupt.
    """
    margins = {i: _page_margins(page) for i, page in enumerate(pages)}
    out: list[list[_Item]] = []
    prev: _Line | None = None
    prev_margins: _Margins | None = None
    for i, page in enumerate(pages):
        kept: list[_Item] = []
        for item in page:
            if isinstance(item, Footnote):
                kept.append(item)
                continue
            m = margins[i]
            if (
                isinstance(item, _Line)
                and prev is not None
                and m is not None
                and prev_margins is not None
                and _wraps_onto(prev, item, prev_margins, m)
            ):
                prev.text = f"{prev.text} {item.text}"
                prev.x1, prev.bottom, prev.page_end = item.x1, item.bottom, item.page
                continue
            kept.append(item)
            prev = item if isinstance(item, _Line) else None
            prev_margins = m
        out.append(kept)
    return out


def _page_margins(page: list[_Item]) -> _Margins | None:
    body = [i for i in page if isinstance(i, _Line) and i.joinable]
    if len(body) < 3:
        return None
    gaps = [b.top - a.bottom for a, b in pairwise(body) if b.top > a.bottom]
    return _Margins(
        left=_percentile([b.x0 for b in body], 0.1),
        right=_percentile([b.x1 for b in body], 0.9),
        usual_gap=_percentile(gaps, 0.5) if gaps else 0.0,
    )


def _wraps_onto(a: _Line, b: _Line, above: _Margins, here: _Margins) -> bool:
    if not (a.joinable and b.joinable) or b.page - a.page_end > 1:
        return False
    if _page_number_re().match(a.text) or _page_number_re().match(b.text):
        return False
    size = max(a.size, 1.0)
    first = b.text.split(" ", 1)[0]
    same_page = a.page_end == b.page
    ends_sentence = a.text.rstrip()[-1:] in _SENTENCE_END
    return (
        abs(a.size - b.size) <= 0.5
        and a.x1 + 0.3 * size + b.first_width >= above.right - 0.5 * size
        and b.x0 <= here.left + 0.8 * size
        and (not same_page or b.top - a.bottom <= here.usual_gap * 1.3 + 1.0)
        and not a.text.rstrip().endswith(":")
        and not (_LABEL.match(first) and (ends_sentence or same_page))
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _is_data_table(table) -> bool:
    rows = table.extract()
    width = max((len(r) for r in rows), default=0)
    return width >= 3 or (len(rows) >= 2 and width >= 2)


def _inside(word: dict, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    cx = (word["x0"] + word["x1"]) / 2
    cy = (word["top"] + word["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _body_font_size(words: list[dict]) -> float:
    sizes = Counter(round(float(w.get("size") or 0), 1) for w in words)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _small(word: dict, body_size: float) -> bool:
    return body_size > 0 and float(word.get("size") or body_size) < body_size * SUPERSCRIPT_SHARE


def _group_lines(words: list[dict]) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["bottom"]), w["x0"])):
        if lines and abs(lines[-1][0]["bottom"] - word["bottom"]) <= LINE_TOLERANCE * 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _split_columns(words: list[dict]) -> list[list[dict]]:
    """Split a line where a gap is wider than a few font sizes; keep a list label with its text."""
    segments: list[list[dict]] = [[words[0]]]
    for prev, word in pairwise(words):
        size = max(prev["bottom"] - prev["top"], 1.0)
        lone_label = len(segments[-1]) == 1 and _LABEL.match(segments[-1][0]["text"])
        if word["x0"] - prev["x1"] > GAP_FACTOR * size and not lone_label:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _reading_order(
    lines: list[list[dict]], middle: float
) -> list[tuple[float, list[list[dict]], bool]]:
    """Lines as (top, segments, in a side-by-side block); such blocks read left column first.

    A block starts at a line split in two across the middle of the page (the header "ỦY BAN
    NHÂN DÂN … CỘNG HÒA XÃ HỘI …", the "Nơi nhận … KT. CHỦ TỊCH" block); the split point comes
    from that line's gap, and the block runs while lines keep to one side of it or both.
    """
    rows = [(min(w["top"] for w in line), _split_columns(line)) for line in lines]
    out: list[tuple[float, list[list[dict]], bool]] = []
    i = 0
    while i < len(rows):
        split = _split_point(rows[i][1], middle)
        j = i + 1
        while split is not None and j < len(rows) and _columnar(rows[j][1], split):
            j += 1
        if split is not None and j - i >= 2:
            top = rows[i][0]
            zone = [seg for _, segs in rows[i:j] for seg in segs]
            out.extend((top, [seg], True) for seg in zone if seg[0]["x0"] < split)
            out.extend((top, [seg], True) for seg in zone if seg[0]["x0"] >= split)
            i = j
        else:
            out.append((rows[i][0], rows[i][1], False))
            i += 1
    return out


def _split_point(segments: list[list[dict]], middle: float) -> float | None:
    """The x between the two parts of a line split near the middle of the page, if it is one."""
    if len(segments) != 2:
        return None
    gap_start, gap_end = segments[0][-1]["x1"], segments[1][0]["x0"]
    if gap_end < middle * 0.5 or gap_start > middle * 1.5:
        return None
    return (gap_start + gap_end) / 2


def _columnar(segments: list[list[dict]], split: float) -> bool:
    """A line that keeps to one side of the split, or to both sides apart."""
    if len(segments) == 2:
        return segments[0][-1]["x1"] < split < segments[1][0]["x0"]
    if len(segments) == 1:
        seg = segments[0]
        return seg[-1]["x1"] < split or seg[0]["x0"] > split
    return False


def _segment_text(words: list[dict], body_size: float) -> str:
    """Join words; a small raised number right after a word is a footnote anchor."""
    out: list[str] = []
    for i, word in enumerate(words):
        text = word["text"]
        prev = words[i - 1] if i else None
        if (
            prev is not None
            and text.isdigit()
            and _small(word, body_size)
            and not _small(prev, body_size)
            and word["x0"] - prev["x1"] < ANCHOR_GAP
        ):
            out[-1] += f"<sup>{text}</sup>"
            continue
        out.append(text)
    return " ".join(out)


def _footnote(words: list[dict], body_size: float) -> Footnote | None:
    """A line opened by a number and otherwise set in small type: a footnote body."""
    first = words[0]
    if len(words) < 2 or not first["text"].isdigit() or len(first["text"]) > 3:
        return None
    if not all(_small(w, body_size / SUPERSCRIPT_SHARE * 0.9) for w in words[1:]):
        return None
    return Footnote(label=first["text"], text=" ".join(w["text"] for w in words[1:]))


def _clean_cell(cell: str | None) -> str:
    if not cell:
        return ""
    return unicodedata.normalize("NFC", " ".join(cell.split()))


@cache
def _page_number_re() -> re.Pattern[str]:
    ref = resources.files(__package__).joinpath("data", "page_marks.yaml")
    with ref.open("r", encoding="utf-8") as fh:
        words = yaml.safe_load(fh)["page_number_words"]
    alternatives = "|".join(map(re.escape, words))
    return re.compile(
        rf"^\W*(?:(?:{alternatives})\s*)?\d{{1,4}}(?:\s*/\s*\d{{1,4}})?\W*$", re.IGNORECASE
    )


def _drop_running_lines(pages: list[list[_Item]]) -> list[list[_Item]]:
    """Drop page numbers and text repeated in the margins of most pages."""
    if len(pages) >= 3:
        counts = Counter(
            _DIGITS.sub("#", text)
            for page in pages
            for text in {i.text for i in page if isinstance(i, _Line) and i.in_margin}
        )
        running = {text for text, n in counts.items() if n >= max(3, len(pages) // 2)}
    else:
        running = set()
    return [
        [
            item
            for item in page
            if not (
                isinstance(item, _Line)
                and item.in_margin
                and (_page_number_re().match(item.text) or _DIGITS.sub("#", item.text) in running)
            )
        ]
        for page in pages
    ]


def _blocks(pages: list[list[_Item]]) -> tuple[list[Block], list[Footnote]]:
    """Number the blocks; a table running on from the previous page continues it."""
    blocks: list[Block] = []
    footnotes: list[Footnote] = []
    for page in pages:
        body = [item for item in page if not isinstance(item, Footnote)]
        footnotes.extend(item for item in page if isinstance(item, Footnote))
        for index, item in enumerate(body):
            if isinstance(item, Table):
                previous = blocks[-1] if blocks else None
                if index == 0 and isinstance(previous, Table) and _continues(previous, item):
                    _append_rows(previous, item.rows)
                    continue
                item.line = len(blocks) + 1
                blocks.append(item)
            elif item.text.strip():
                text = unicodedata.normalize("NFC", item.text)
                blocks.append(Paragraph(text=text, line=len(blocks) + 1, page=item.page))
    for note in footnotes:
        note.text = unicodedata.normalize("NFC", note.text)
        anchor = f"<sup>{note.label}</sup>"
        note.line = next(
            (b.line for b in blocks if isinstance(b, Paragraph) and anchor in b.text), None
        )
    return blocks, footnotes


def _continues(previous: Table, table: Table) -> bool:
    width = max(len(r) for r in previous.rows)
    return (
        previous.page is not None
        and table.page == previous.page + 1
        and (max(len(r) for r in table.rows) == width)
    )


def _append_rows(previous: Table, rows: list[list[str]]) -> None:
    if rows and rows[0] == previous.rows[0]:
        rows = rows[1:]  # the header row repeated on the new page
    if rows and not rows[0][0].strip() and previous.rows:
        last = previous.rows[-1]  # a cell cut by the page break: join its two halves
        previous.rows[-1] = [
            " ".join(filter(None, (a, b))) for a, b in zip(last, rows[0], strict=False)
        ]
        rows = rows[1:]
    previous.rows.extend(rows)


def _convert_legacy(blocks: list[Block], notes: list[str]) -> str | None:
    sample = "\n".join(b.text for b in blocks if isinstance(b, Paragraph))
    _, encoding = legacy.convert_legacy(sample)
    if encoding is None:
        return None
    convert = legacy.CONVERTERS[encoding]
    for block in blocks:
        if isinstance(block, Paragraph):
            block.text = convert(block.text)
        else:
            block.rows = [[convert(c) for c in row] for row in block.rows]
    notes.append(f"đã chuyển từ bảng mã {encoding.upper()} sang Unicode")
    return encoding
