"""Which font a Word run is set in, and whether that font draws TCVN3 or VNI text.

Old documents typed in .VnTime / VNI-Times keep Latin-1 characters in ``w:t``; the font is the
surest sign. A run's font comes from its own ``w:rFonts``, else its character style, else the
paragraph style (following ``w:basedOn``), else the document defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from . import legacy
from .docx_numbering import W

_W = f"{{{W}}}"
MAX_BASED_ON = 8


@dataclass(slots=True)
class Fonts:
    """Fonts of the styles and defaults of one document."""

    default: str | None = None
    style_font: dict[str, str] = field(default_factory=dict)
    based_on: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_styles(cls, root: etree._Element | None) -> Fonts:
        fonts = cls()
        if root is None:
            return fonts
        fonts.default = _font(root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
        for style in root.iterfind(f"{_W}style"):
            sid = style.get(f"{_W}styleId", "")
            font = _font(style.find(f"{_W}rPr"))
            if font:
                fonts.style_font[sid] = font
            base = style.find(f"{_W}basedOn")
            if base is not None:
                fonts.based_on[sid] = base.get(f"{_W}val", "")
        return fonts

    def of_run(self, run: etree._Element, paragraph_style: str | None) -> str | None:
        rpr = run.find(f"{_W}rPr")
        own = _font(rpr)
        if own:
            return own
        if rpr is not None:
            rstyle = rpr.find(f"{_W}rStyle")
            if rstyle is not None:
                found = self._style_chain(rstyle.get(f"{_W}val"))
                if found:
                    return found
        return self._style_chain(paragraph_style) or self._style_chain("Normal") or self.default

    def _style_chain(self, sid: str | None) -> str | None:
        for _ in range(MAX_BASED_ON):
            if not sid:
                return None
            if sid in self.style_font:
                return self.style_font[sid]
            sid = self.based_on.get(sid)
        return None


def _font(rpr: etree._Element | None) -> str | None:
    if rpr is None:
        return None
    fonts = rpr.find(f"{_W}rFonts")
    if fonts is None:
        return None
    return fonts.get(f"{_W}ascii") or fonts.get(f"{_W}hAnsi")


def legacy_font(name: str | None) -> tuple[str, bool] | None:
    """("tcvn3"|"vni", upper-case?) for a legacy Vietnamese font name, else None."""
    if not name:
        return None
    rules = legacy.font_rules()
    lowered = name.strip().lower()
    if lowered.startswith(tuple(rules["tcvn3_prefixes"])):
        return "tcvn3", lowered.endswith(rules["tcvn3_upper_suffix"])
    if lowered.startswith(tuple(rules["vni_prefixes"])):
        return "vni", False
    return None
