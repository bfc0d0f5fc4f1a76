"""Word .docx: paragraphs and tables in body order, list labels, real footnotes.

The zip is checked before anything parses it: total uncompressed size and compression ratio
(zip bombs), entry count, and no DOCTYPE/ENTITY in any XML part (entity tricks). Then
only the parts needed are parsed (``docx_package``; python-docx's table of built-in style names
gives "Heading 1" for "heading 1") and we walk the body XML, so paragraphs and tables come in
reading order. A paragraph's ``label`` is the number Word displays for it
(see ``docx_numbering``); a footnote reference is written into the text as ``<sup>N</sup>``
and its body goes to ``SourceDocument.footnotes``. Borderless layout tables with few cells
(the header block "ỦY BAN NHÂN DÂN | CỘNG HÒA …", the signature block) become paragraphs.
``line`` is the 1-based block index.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.styles import BabelFish
from lxml import etree

from ..errors import CorruptDocumentError, DocumentError, DocumentTooLargeError, EmptyDocumentError
from ..model import Block, Footnote, Paragraph, SourceDocument, Table
from . import legacy
from .docx_fonts import Fonts, legacy_font
from .docx_numbering import Numbering, W
from .docx_package import Package, open_package

_W = f"{{{W}}}"
MB = 1024 * 1024
MAX_UNCOMPRESSED = 200 * MB
MAX_RATIO = 100
MAX_ENTRIES = 5000
RATIO_MIN_SIZE = 1 * MB  # small parts compress well legitimately; the ratio matters on big ones
_ENTITY_RE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
LAYOUT_MAX_ROWS = 3
LAYOUT_MAX_COLS = 3
_HEADING_STYLE = re.compile(r"^(heading|title|subtitle)", re.IGNORECASE)


def read(data: bytes, name: str) -> SourceDocument:
    """Read a .docx file's bytes."""
    parts = check_zip(data, name)
    try:
        package = open_package(parts)
        if package is None:
            raise CorruptDocumentError("tệp zip không chứa phần văn bản Word", source=name)
        reader = _BodyReader(package, name)
        blocks = reader.read()
    except DocumentError:
        raise
    except Exception as exc:  # lxml on untrusted input: any failure is corruption
        raise CorruptDocumentError(f"tệp .docx bị hỏng: {_short(exc)}", source=name) from exc
    if not blocks:
        raise EmptyDocumentError("tệp .docx không có nội dung chữ", source=name)
    footnotes = reader.footnotes()
    notes: list[str] = []
    encoding = _convert_legacy(blocks, footnotes, notes)
    if reader.legacy_used:
        fonts = ", ".join(sorted(e.upper() for e in reader.legacy_used))
        notes.append(f"đã chuyển chữ gõ bằng phông {fonts} sang Unicode")
        encoding = encoding or "+".join(sorted(reader.legacy_used))
    return SourceDocument(
        name=name, format="docx", blocks=blocks, footnotes=footnotes, encoding=encoding, notes=notes
    )


def check_zip(data: bytes, name: str) -> dict[str, bytes]:
    """Refuse truncated zips, zip bombs and XML entity tricks before any parser runs.

    Returns the package's XML parts (zip name -> bytes), read once here.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise CorruptDocumentError(
            "tệp .docx bị hỏng hoặc không đầy đủ (không mở được gói zip)", source=name
        ) from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_ENTRIES:
            raise CorruptDocumentError(f"tệp .docx có quá nhiều phần ({len(infos)})", source=name)
        total = sum(info.file_size for info in infos)
        if total > MAX_UNCOMPRESSED:
            raise DocumentTooLargeError(
                f"tệp .docx giải nén ra quá lớn ({total // MB} MB; tối đa {MAX_UNCOMPRESSED // MB} MB)",
                source=name,
            )
        for info in infos:
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size > RATIO_MIN_SIZE and ratio > MAX_RATIO:
                raise DocumentTooLargeError(
                    f"tệp .docx có tỷ lệ nén bất thường ({ratio:.0f}:1), nghi là bom zip",
                    source=name,
                )
        parts: dict[str, bytes] = {}
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                head = archive.read(info)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
                raise CorruptDocumentError(
                    f"tệp .docx bị hỏng (phần {info.filename} không đọc được)", source=name
                ) from exc
            if _ENTITY_RE.search(head):
                raise CorruptDocumentError(
                    f"tệp .docx chứa khai báo DOCTYPE/ENTITY (phần {info.filename}); từ chối vì lý do an toàn",
                    source=name,
                )
            parts[info.filename] = head
    return parts


def _short(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:120]


@dataclass(slots=True)
class _BodyReader:
    package: Package
    name: str
    blocks: list[Block] = field(default_factory=list)
    numbering: Numbering | None = None
    styles: dict[str, str] = field(default_factory=dict)
    footnote_order: dict[str, int] = field(default_factory=dict)
    footnote_lines: dict[str, int] = field(default_factory=dict)
    fonts: Fonts = field(default_factory=Fonts)
    legacy_used: set[str] = field(default_factory=set)
    _pstyle: str | None = None

    def read(self) -> list[Block]:
        self.styles, style_numpr = _styles(self.package.styles)
        self.fonts = Fonts.from_styles(self.package.styles)
        self.numbering = Numbering(self.package.numbering, style_numpr)
        body = self.package.document.find(f"{_W}body")
        if body is None:
            return self.blocks
        for el in _body_children(body):
            if el.tag == f"{_W}p":
                self._paragraph(el)
            elif el.tag == f"{_W}tbl":
                self._table(el)
        return self.blocks

    # paragraphs -------------------------------------------------------------------------
    def _paragraph(self, p: etree._Element) -> None:
        ppr = p.find(f"{_W}pPr")
        style_id = _val(ppr.find(f"{_W}pStyle")) if ppr is not None else None
        self._pstyle = style_id
        pieces = self._text_pieces(p)
        text = unicodedata.normalize("NFC", "".join(pieces))
        if not text.strip():
            return
        assert self.numbering is not None
        label = self.numbering.label(ppr, style_id)
        style = self._style(p, style_id)
        for i, line in enumerate(text.split("\n")):
            if line.strip():
                self.blocks.append(
                    Paragraph(
                        text=line,
                        line=len(self.blocks) + 1,
                        label=label if i == 0 else None,
                        style=style,
                    )
                )

    def _text_pieces(self, p: etree._Element) -> list[str]:
        out: list[str] = []
        for el in _walk(p):
            tag = el.tag
            if tag == f"{_W}t":
                out.append(self._run_text(el))
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            elif tag == f"{_W}noBreakHyphen":
                out.append("-")
            elif tag == f"{_W}footnoteReference":
                fid = el.get(f"{_W}id", "")
                number = self.footnote_order.setdefault(fid, len(self.footnote_order) + 1)
                self.footnote_lines.setdefault(fid, len(self.blocks) + 1)
                out.append(f"<sup>{number}</sup>")
        return out

    def _run_text(self, t: etree._Element) -> str:
        """A w:t's text, converted from TCVN3/VNI when its run is set in a legacy font."""
        text = t.text or ""
        run = t.getparent()
        if not text or run is None or not legacy.is_latin1(text):
            return text
        kind = legacy_font(self.fonts.of_run(run, self._pstyle))
        if kind is None:
            return text
        encoding, upper = kind
        self.legacy_used.add(encoding)
        converted = legacy.CONVERTERS[encoding](text)
        return converted.upper() if upper else converted

    def _style(self, p: etree._Element, style_id: str | None) -> str | None:
        name = self.styles.get(style_id or "", style_id)
        name = BabelFish.internal2ui(name) if name else name
        if name and name.lower() not in ("normal", "body text", "list paragraph"):
            return name
        runs = [
            r for r in p.iter(f"{_W}r") if "".join(t.text or "" for t in r.iter(f"{_W}t")).strip()
        ]
        if runs and all(_on(r, "b") for r in runs):
            return "bold"
        if runs and all(_on(r, "i") for r in runs):
            return "italic"
        return name

    # tables -----------------------------------------------------------------------------
    def _table(self, tbl: etree._Element) -> None:
        rows = _table_rows(tbl, self._cell_text)
        rows = [r for r in rows if any(c.strip() for c in r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        if _is_layout(tbl, rows, width):
            self._layout_table(tbl)
            return
        rows = [r + [""] * (width - len(r)) for r in rows]
        self.blocks.append(Table(rows=rows, line=len(self.blocks) + 1))

    def _cell_text(self, tc: etree._Element) -> str:
        parts: list[str] = []
        for el in tc:
            if el.tag == f"{_W}p":
                text = "".join(self._text_pieces(el)).strip()
                if text:
                    parts.append(text)
            elif el.tag == f"{_W}tbl":
                for row in _table_rows(el, self._cell_text):
                    parts.append(" | ".join(c for c in row if c))
            elif el.tag == f"{_W}sdt":
                content = el.find(f"{_W}sdtContent")
                if content is not None:
                    parts.append(self._cell_text(content))
        return unicodedata.normalize("NFC", "\n".join(p for p in parts if p))

    def _layout_table(self, tbl: etree._Element) -> None:
        for tr in tbl.iterfind(f"{_W}tr"):
            for tc in tr.iterfind(f"{_W}tc"):
                for el in _body_children(tc):
                    if el.tag == f"{_W}p":
                        self._paragraph(el)
                    elif el.tag == f"{_W}tbl":
                        self._table(el)

    # footnotes --------------------------------------------------------------------------
    def footnotes(self) -> list[Footnote]:
        if not self.footnote_order:
            return []
        root = self.package.footnotes
        if root is None:
            return []
        bodies: dict[str, str] = {}
        for fn in root.iterfind(f"{_W}footnote"):
            fid = fn.get(f"{_W}id", "")
            if fid not in self.footnote_order:
                continue
            paras = ["".join(self._footnote_pieces(p)).strip() for p in fn.iter(f"{_W}p")]
            bodies[fid] = " ".join(p for p in paras if p)
        return [
            Footnote(label=str(number), text=bodies[fid], line=self.footnote_lines.get(fid))
            for fid, number in sorted(self.footnote_order.items(), key=lambda kv: kv[1])
            if fid in bodies
        ]

    @staticmethod
    def _footnote_pieces(p: etree._Element) -> Iterator[str]:
        for el in _walk(p):
            if el.tag == f"{_W}t":
                yield el.text or ""
            elif el.tag == f"{_W}tab":
                yield " "


def _body_children(container: etree._Element) -> Iterator[etree._Element]:
    """Block-level children in order, looking through content controls and custom XML."""
    for el in container:
        if el.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = el.find(f"{_W}sdtContent") if el.tag == f"{_W}sdt" else el
            if content is not None:
                yield from _body_children(content)
        else:
            yield el


_SKIP = {
    f"{_W}del",
    f"{_W}delText",
    f"{_W}moveFrom",
    f"{_W}instrText",
    f"{{{MC}}}Fallback",
    f"{_W}rPr",
    f"{_W}pPr",
}


def _walk(el: etree._Element) -> Iterator[etree._Element]:
    """Descendants in document order, skipping deleted text, field codes and fallbacks."""
    stack = list(reversed(el))
    while stack:
        node = stack.pop()
        if node.tag in _SKIP or not isinstance(node.tag, str):
            continue
        yield node
        stack.extend(reversed(node))


def _table_rows(tbl: etree._Element, cell_text) -> list[list[str]]:
    """Rows of cells aligned on the grid: a merged cell's text once, its other columns empty."""
    rows: list[list[str]] = []
    for tr in tbl.iterfind(f"{_W}tr"):
        row: list[str] = []
        for tc in tr.iterfind(f"{_W}tc"):
            tcpr = tc.find(f"{_W}tcPr")
            span = 1
            continued = False
            if tcpr is not None:
                span = max(1, min(_int(_val(tcpr.find(f"{_W}gridSpan")), 1), 64))
                vmerge = tcpr.find(f"{_W}vMerge")
                continued = vmerge is not None and _val(vmerge) in (None, "continue")
            row.append("" if continued else cell_text(tc))
            row.extend([""] * (span - 1))
        rows.append(row)
    return rows


def _is_layout(tbl: etree._Element, rows: list[list[str]], width: int) -> bool:
    """A small table used to place text side by side (header, signature), not data.

    One or two rows of at most three columns are layout whatever their borders (clerks often
    leave the grid style on and hide the borders cell by cell); three rows only when borderless.
    """
    if len(rows) > LAYOUT_MAX_ROWS or width > LAYOUT_MAX_COLS:
        return False
    if len(rows) <= 2:
        return True
    borders = tbl.find(f"{_W}tblPr/{_W}tblBorders")
    if borders is None:
        style = tbl.find(f"{_W}tblPr/{_W}tblStyle")
        return _val(style) in (None, "TableNormal", "NormalTable")
    return all(_val(b) in ("nil", "none") for b in borders)


def _styles(root: etree._Element | None) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    names: dict[str, str] = {}
    numpr: dict[str, tuple[str, int]] = {}
    if root is None:
        return names, numpr
    based_on: dict[str, str] = {}
    for style in root.iterfind(f"{_W}style"):
        sid = style.get(f"{_W}styleId", "")
        name = style.find(f"{_W}name")
        names[sid] = _val(name, sid) or sid
        base = _val(style.find(f"{_W}basedOn"))
        if base:
            based_on[sid] = base
        num = style.find(f"{_W}pPr/{_W}numPr")
        if num is not None and _val(num.find(f"{_W}numId")):
            numpr[sid] = (_val(num.find(f"{_W}numId")) or "", _int(_val(num.find(f"{_W}ilvl")), 0))
    for sid in names:  # a style numbered through the style it is based on
        base, depth = based_on.get(sid), 0
        while sid not in numpr and base and depth < 8:
            if base in numpr:
                numpr[sid] = numpr[base]
            base, depth = based_on.get(base), depth + 1
    return names, numpr


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{_W}val", default)


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _on(run: etree._Element, prop: str) -> bool:
    el = run.find(f"{_W}rPr/{_W}{prop}")
    return el is not None and _val(el, "true") not in ("0", "false", "off")


def _convert_legacy(blocks: list[Block], footnotes: list[Footnote], notes: list[str]) -> str | None:
    """Text typed in .VnTime / VNI-Times fonts is stored as Latin-1 characters: convert it."""
    sample = "\n".join(
        b.text if isinstance(b, Paragraph) else " ".join(map(" ".join, b.rows)) for b in blocks
    )
    _, encoding = legacy.convert_legacy(sample)
    if encoding is None:
        return None
    convert = legacy.CONVERTERS[encoding]
    for block in blocks:
        if isinstance(block, Paragraph):
            block.text = convert(block.text)
        else:
            block.rows = [[convert(c) for c in row] for row in block.rows]
    for note in footnotes:
        note.text = convert(note.text)
    notes.append(f"đã chuyển từ bảng mã {encoding.upper()} sang Unicode")
    return encoding
