"""Official Word layout for Vietnamese administrative documents, as plain python-docx.

Two layouts share one input dataclass (:class:`OfficialDocument`):

* ``state`` — Nghị định 30/2020/NĐ-CP (Phụ lục I): issuing body top left over the number
  and symbol, Quốc hiệu and Tiêu ngữ top right over place and date, kind word and trích
  yếu centred, "Nơi nhận:" bottom left, signature block bottom right.
* ``party`` — Hướng dẫn 36-HD/VPTW: "ĐẢNG CỘNG SẢN VIỆT NAM" top right, the party
  committee and the issuing body top left with the asterisk line, "Số 12-BC/BDVTU".

A document without a kind word is a công văn: its trích yếu ("V/v …") goes under the
number on the left and a "Kính gửi:" block opens the body. No Django here: the
consolidation exporter and the reminder letter both build an :class:`OfficialDocument`
and call :func:`render_docx`.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Literal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

FONT = "Times New Roman"
BODY_SIZE = Pt(14)
HEAD_SIZE = Pt(13)
SMALL_SIZE = Pt(12)
RECIPIENT_SIZE = Pt(11)
NO_SPACE = Pt(0)
# Content width on A4 with 30 mm left and 15 mm right margins.
CONTENT_WIDTH = Mm(210 - 30 - 15)
LEFT_HEAD_WIDTH = Cm(6.2)

Style = Literal["state", "party"]


@dataclass(frozen=True)
class TableBlock:
    """A data table in the body: a header row and rows of cell texts."""

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    widths_cm: list[float] | None = None


@dataclass(frozen=True)
class Section:
    """A headed part of the body; paragraphs and tables appear in the given order."""

    heading: str = ""
    blocks: list[str | TableBlock] = field(default_factory=list)


@dataclass(frozen=True)
class Signature:
    """The signature block: authority ("KT. CHỦ TỊCH"), position, signer's name."""

    authority: str = ""
    position: str = ""
    name: str = ""


@dataclass(frozen=True)
class OfficialDocument:
    """Everything an official document shows; the layout is chosen by ``style``."""

    issuing_body: str
    number: str
    place: str
    date: dt.date
    title: str
    style: Style = "state"
    parent_body: str = ""
    kind: str = "BÁO CÁO"
    addressees: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: Signature = field(default_factory=Signature)

    @property
    def is_letter(self) -> bool:
        """A công văn carries no kind word; its trích yếu sits under the number."""
        return not self.kind.strip()


def vietnamese_date(place: str, day: dt.date) -> str:
    """'Phan Thiết, ngày 05 tháng 3 năm 2026' — day padded, month 1-2 padded to 01-02."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def number_line(doc: OfficialDocument) -> str:
    """'Số: 12/BC-UBND' for state bodies, 'Số 12-BC/BDVTU' for party bodies."""
    label = "Số " if doc.style == "party" else "Số: "
    number = doc.number.strip()
    return number if number.lower().startswith("số") else label + number


def render_docx(doc: OfficialDocument) -> bytes:
    """Lay ``doc`` out in the official layout and return the .docx bytes."""
    word = Document()
    _setup_page_and_styles(word)
    _heading_block(word, doc)
    if not doc.is_letter:
        _title_block(word, doc)
    if doc.addressees:
        _addressees(word, doc.addressees)
    for section in doc.sections:
        _section(word, section)
    _closing_block(word, doc)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


# --- page, fonts ---------------------------------------------------------------------------


def _setup_page_and_styles(word: Document) -> None:
    section = word.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance = Mm(10)
    normal = word.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    _set_all_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    _page_number_header(section)


def _set_all_fonts(rpr: OxmlElement) -> None:
    """Set every font slot, so Word never falls back to a font without Vietnamese glyphs."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _page_number_header(section) -> None:  # type: ignore[no-untyped-def]
    """Page numbers centred at the top from page 2 on (NĐ 30, Phụ lục I, mục 12)."""
    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    run.font.size = HEAD_SIZE
    for tag, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if tag:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), tag)
            run._r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


# --- building blocks --------------------------------------------------------------------------


def _para(
    container,  # type: ignore[no-untyped-def]
    text: str = "",
    *,
    size: Pt = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    upper: bool = False,
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
    first_indent: Cm | None = None,
    after: Pt = NO_SPACE,
    before: Pt = NO_SPACE,
) -> DocxParagraph:
    para = container.add_paragraph()
    para.alignment = align
    fmt = para.paragraph_format
    fmt.space_after, fmt.space_before = after, before
    if first_indent is not None:
        fmt.first_line_indent = first_indent
    if text:
        run = para.add_run(text.upper() if upper else text)
        run.font.name = FONT
        run.font.size = size
        run.bold, run.italic, run.underline = bold, italic, underline
    return para


def _rule_below(para: DocxParagraph, width: Cm, column: Cm) -> None:
    """A thin line under a heading line, centred in its column (the 'gạch chân')."""
    side = max(int((column - width) / 2), 0)
    para.paragraph_format.left_indent = side
    para.paragraph_format.right_indent = side
    ppr = para._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.append(borders)
    para.paragraph_format.space_after = Pt(6)
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    ppr.append(mark)


def _no_borders(table: DocxTable) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _layout_table(word: Document, left: Cm, right: Cm) -> tuple[object, object]:
    """A borderless two-column table holding left/right heading or closing blocks."""
    table = word.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _no_borders(table)
    for column, width in zip(table.columns, (left, right), strict=True):
        column.width = width
    cells = table.rows[0].cells
    for cell, width in zip(cells, (left, right), strict=True):
        cell.width = width
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return cells[0], cells[1]


# --- the document's parts -----------------------------------------------------------------


def _heading_block(word: Document, doc: OfficialDocument) -> None:
    right_width = CONTENT_WIDTH - LEFT_HEAD_WIDTH
    left, right = _layout_table(word, LEFT_HEAD_WIDTH, right_width)
    if doc.style == "party":
        if doc.parent_body:
            _para(left, doc.parent_body, size=BODY_SIZE, upper=True)
        _para(left, doc.issuing_body, size=BODY_SIZE, bold=True, upper=True)
        _para(left, "*", size=BODY_SIZE)
        _para(left, number_line(doc), size=BODY_SIZE)
        national = _para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", size=Pt(15), bold=True)
        national.paragraph_format.space_after = Pt(0)
        _rule_below(_para(right, size=Pt(2)), Cm(6.6), right_width)
        _para(right, vietnamese_date(doc.place, doc.date), size=BODY_SIZE, italic=True)
    else:
        if doc.parent_body:
            _para(left, doc.parent_body, size=HEAD_SIZE, upper=True)
        _para(left, doc.issuing_body, size=HEAD_SIZE, bold=True, upper=True)
        _rule_below(_para(left, size=Pt(2)), Cm(2.2), LEFT_HEAD_WIDTH)
        _para(left, number_line(doc), size=HEAD_SIZE)
        _para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=HEAD_SIZE, bold=True)
        _para(right, "Độc lập - Tự do - Hạnh phúc", size=BODY_SIZE, bold=True)
        _rule_below(_para(right, size=Pt(2)), Cm(5.9), right_width)
        _para(right, vietnamese_date(doc.place, doc.date), size=BODY_SIZE, italic=True)
    if doc.is_letter:
        _para(left, doc.title, size=SMALL_SIZE, before=Pt(4))


def _title_block(word: Document, doc: OfficialDocument) -> None:
    _para(word, doc.kind, size=BODY_SIZE, bold=True, upper=True, before=Pt(18))
    _para(word, doc.title, size=BODY_SIZE, bold=True)
    _rule_below(_para(word, size=Pt(2)), Cm(3.5), CONTENT_WIDTH)
    word.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _addressees(word: Document, addressees: list[str]) -> None:
    if len(addressees) == 1:
        _para(word, f"Kính gửi: {addressees[0]}.", before=Pt(18), after=Pt(12))
        return
    _para(word, "Kính gửi:", before=Pt(18))
    for name in addressees:
        para = _para(word, f"- {name};", align=WD_ALIGN_PARAGRAPH.LEFT)
        para.paragraph_format.left_indent = Cm(5.5)
    word.paragraphs[-1].paragraph_format.space_after = Pt(12)


def _section(word: Document, section: Section) -> None:
    if section.heading:
        heading = _para(
            word,
            section.heading,
            bold=True,
            align=WD_ALIGN_PARAGRAPH.JUSTIFY,
            first_indent=Cm(1),
            before=Pt(6),
            after=Pt(6),
        )
        heading.paragraph_format.keep_with_next = True
    for block in section.blocks:
        if isinstance(block, TableBlock):
            _data_table(word, block)
        else:
            body = _para(
                word, block, align=WD_ALIGN_PARAGRAPH.JUSTIFY, first_indent=Cm(1), after=Pt(6)
            )
            body.paragraph_format.line_spacing = 1.15


def _data_table(word: Document, block: TableBlock) -> None:
    if block.caption:
        caption = _para(word, block.caption, size=HEAD_SIZE, italic=True, before=Pt(6), after=Pt(3))
        caption.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=len(block.header))
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = _column_widths(block)
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, block.header, widths, strict=True):
        cell.width = width
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    _repeat_header(table.rows[0])
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            cell.width = width
            text = row[index] if index < len(row) else ""
            align = WD_ALIGN_PARAGRAPH.LEFT if _is_wordy(text) else WD_ALIGN_PARAGRAPH.CENTER
            _cell_text(cell, text, align=align)
    _para(word, size=Pt(6))


def _column_widths(block: TableBlock) -> list[Cm]:
    count = len(block.header)
    if block.widths_cm and len(block.widths_cm) == count:
        return [Cm(width) for width in block.widths_cm]
    return [int(CONTENT_WIDTH / count)] * count


def _is_wordy(text: str) -> bool:
    return len(text) > 12 and any(char.isalpha() for char in text)


def _cell_text(cell, text: str, *, bold: bool = False, align: WD_ALIGN_PARAGRAPH) -> None:  # type: ignore[no-untyped-def]
    lines = text.split("\n") if text else [""]
    first = cell.paragraphs[0]
    for index, line in enumerate(lines):
        para = first if index == 0 else cell.add_paragraph()
        para.alignment = align
        para.paragraph_format.space_before = Pt(2)
        para.paragraph_format.space_after = Pt(2)
        run = para.add_run(line)
        run.font.name = FONT
        run.font.size = SMALL_SIZE
        run.bold = bold


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)


def _closing_block(word: Document, doc: OfficialDocument) -> None:
    _para(word, size=Pt(6), after=Pt(6))
    right_width = CONTENT_WIDTH - Cm(8.5)
    left, right = _layout_table(word, Cm(8.5), right_width)
    label = _para(
        left,
        "Nơi nhận:",
        size=SMALL_SIZE,
        bold=True,
        italic=doc.style == "state",
        underline=doc.style == "party",
        align=WD_ALIGN_PARAGRAPH.LEFT,
    )
    label.paragraph_format.keep_with_next = True
    for index, name in enumerate(doc.recipients):
        end = "." if index == len(doc.recipients) - 1 else ";"
        text = name if name.endswith((";", ".")) else name + end
        _para(left, f"- {text}", size=RECIPIENT_SIZE, align=WD_ALIGN_PARAGRAPH.LEFT)
    sign = doc.signature
    if sign.authority:
        _para(right, sign.authority, size=BODY_SIZE, bold=True, upper=True)
    if sign.position:
        _para(right, sign.position, size=BODY_SIZE, bold=True, upper=True)
    gap = _para(right, size=BODY_SIZE)
    gap.add_run().add_break(WD_BREAK.LINE)
    gap.add_run().add_break(WD_BREAK.LINE)
    gap.add_run().add_break(WD_BREAK.LINE)
    if sign.name:
        _para(right, sign.name, size=BODY_SIZE, bold=True)
