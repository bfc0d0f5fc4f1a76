"""The parts of a .docx the reader needs, read straight from the zip with a safe XML parser.

Only the main document, its styles, numbering and footnotes are parsed (python-docx would parse
every part and hold every image); the main part is found through the package relationships,
so .docm/.dotx packages and non-standard part names read too. ``check_zip`` has already
refused bombs and DOCTYPE/ENTITY declarations; the parser resolves no entities anyway.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DEFAULT_MAIN = "word/document.xml"


@dataclass(slots=True)
class Package:
    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None
    footnotes: etree._Element | None


def parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def open_package(parts: dict[str, bytes]) -> Package | None:
    """Parse the needed parts from ``parts`` (zip name -> bytes); None without a main part."""
    main = _targets(parts, "", "_rels/.rels").get("/officeDocument") or DEFAULT_MAIN
    if main not in parts:
        return None
    folder = posixpath.dirname(main)
    rels = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    targets = _targets(parts, folder, rels)

    def related(kind: str) -> etree._Element | None:
        name = targets.get(kind)
        return _xml(parts[name]) if name and name in parts else None

    return Package(
        document=_xml(parts[main]),
        styles=related("/styles"),
        numbering=related("/numbering"),
        footnotes=related("/footnotes"),
    )


def _targets(parts: dict[str, bytes], folder: str, rels_name: str) -> dict[str, str]:
    """Relationship type suffix ("/styles", "/footnotes"…) -> target part's zip name."""
    if rels_name not in parts:
        return {}
    out: dict[str, str] = {}
    for rel in _xml(parts[rels_name]).iter(f"{REL_NS}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        kind = "/" + rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if target.startswith("/"):
            name = posixpath.normpath(target.lstrip("/"))
        else:
            name = posixpath.normpath(posixpath.join(folder, target))
        out.setdefault(kind, name)
    return out


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, parser())
