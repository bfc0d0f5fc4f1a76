"""Build small .docx files from WordprocessingML snippets, for reader tests."""

from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
WML = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def p(text: str = "", *, num: tuple[int, int] | None = None, style: str | None = None,
      bold: bool = False, extra: str = "", font: str | None = None) -> str:  # fmt: skip
    """A w:p with one run; ``num`` = (numId, ilvl)."""
    ppr = ""
    if style or num:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    props = ("<w:b/>" if bold else "") + (
        f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}"/>' if font else ""
    )
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    run = f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}{extra}</w:p>"


def tc(text: str, *, span: int = 1, vmerge: str | None = None) -> str:
    props = ""
    if span > 1:
        props += f'<w:gridSpan w:val="{span}"/>'
    if vmerge is not None:
        props += f'<w:vMerge w:val="{vmerge}"/>' if vmerge else "<w:vMerge/>"
    return f"<w:tc><w:tcPr>{props}</w:tcPr>{p(text)}</w:tc>"


def tbl(rows: list[list[str]], *, borders: bool = True) -> str:
    """A table; each row is a list of already-built w:tc strings."""
    border = (
        '<w:tblBorders><w:top w:val="single"/><w:bottom w:val="single"/></w:tblBorders>'
        if borders
        else '<w:tblBorders><w:top w:val="nil"/><w:bottom w:val="nil"/></w:tblBorders>'
    )
    body = "".join("<w:tr>" + "".join(r) + "</w:tr>" for r in rows)
    return f"<w:tbl><w:tblPr>{border}</w:tblPr>{body}</w:tbl>"


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
    )


def numbering(abstracts: dict[int, list[str]], nums: dict[int, tuple[int, dict[int, int]]]) -> str:
    """abstracts: id -> levels; nums: numId -> (abstractId, {ilvl: startOverride})."""
    out = [f'<w:numbering xmlns:w="{W_NS}">']
    for aid, levels in abstracts.items():
        out.append(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>')
    for nid, (aid, overrides) in nums.items():
        ov = "".join(
            f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{s}"/></w:lvlOverride>'
            for i, s in overrides.items()
        )
        out.append(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{ov}</w:num>')
    out.append("</w:numbering>")
    return "".join(out)


def footnotes(notes: dict[int, str]) -> str:
    body = "".join(
        f'<w:footnote w:id="{i}"><w:p><w:r><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for i, text in notes.items()
    )
    return (
        f'<w:footnotes xmlns:w="{W_NS}"><w:footnote w:type="separator" w:id="-1"><w:p><w:r>'
        f"<w:separator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )


def footnote_ref(fid: int) -> str:
    return f'<w:r><w:footnoteReference w:id="{fid}"/></w:r>'


def build(body: str, *, numbering_xml: str | None = None, footnotes_xml: str | None = None,
          styles_xml: str | None = None, document_prefix: str = "") -> bytes:  # fmt: skip
    """Zip a minimal, valid .docx package around ``body`` (the w:body content)."""
    rels = []
    overrides = [f'<Override PartName="/word/document.xml" ContentType="{WML}.document.main+xml"/>']
    if numbering_xml:
        rels.append(f'<Relationship Id="rId1" Type="{R_NS}/numbering" Target="numbering.xml"/>')
        overrides.append(
            f'<Override PartName="/word/numbering.xml" ContentType="{WML}.numbering+xml"/>'
        )
    if styles_xml:
        rels.append(f'<Relationship Id="rId3" Type="{R_NS}/styles" Target="styles.xml"/>')
        overrides.append(f'<Override PartName="/word/styles.xml" ContentType="{WML}.styles+xml"/>')
    if footnotes_xml:
        rels.append(f'<Relationship Id="rId2" Type="{R_NS}/footnotes" Target="footnotes.xml"/>')
        overrides.append(
            f'<Override PartName="/word/footnotes.xml" ContentType="{WML}.footnotes+xml"/>'
        )
    files = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            + "".join(overrides)
            + "</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{R_NS}/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"
        ),
        "word/_rels/document.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(rels)
            + "</Relationships>"
        ),
        "word/document.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?>{document_prefix}'
            f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
        ),
    }
    if numbering_xml:
        files["word/numbering.xml"] = numbering_xml
    if footnotes_xml:
        files["word/footnotes.xml"] = footnotes_xml
    if styles_xml:
        files["word/styles.xml"] = styles_xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buf.getvalue()


def styles(*entries: str) -> str:
    """A styles part from w:style snippets."""
    return f'<w:styles xmlns:w="{W_NS}">{"".join(entries)}</w:styles>'


def style(sid: str, name: str, *, based_on: str | None = None, num: int | None = None,
          font: str | None = None) -> str:  # fmt: skip
    parts = [f'<w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if num is not None:
        parts.append(f'<w:pPr><w:numPr><w:numId w:val="{num}"/></w:numPr></w:pPr>')
    if font:
        parts.append(f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>')
    return f'<w:style w:type="paragraph" w:styleId="{sid}">{"".join(parts)}</w:style>'
