"""The list labels Word displays ("1.", "a)", "1.2.", "-") computed from numbering.xml.

The paragraph text of a Word list does not contain its number; Word draws it from the
paragraph's numbering (``w:numPr`` or its style's), the abstract definition's ``numFmt`` and
``lvlText`` per level, and counters that run per abstract list and restart where a ``w:num``
carries a ``startOverride``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
BULLET_GLYPHS = {
    "\uf0b7": "•",
    "\uf0a7": "▪",
    "\uf0d8": "➢",
    "\uf0fc": "✓",
    "o": "o",
    "\uf02d": "-",
}
_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


@dataclass(slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass(slots=True)
class _Num:
    abstract: str
    overrides: dict[int, int] = field(default_factory=dict)


def _val(el: etree._Element | None, default: str | None = None) -> str | None:
    return default if el is None else el.get(f"{_W}val", default)


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def letters(n: int) -> str:
    """Word's lowerLetter: a..z, then aa..zz, aaa..."""
    if n <= 0:
        return ""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        r = roman(n)
        return r.upper() if fmt == "upperRoman" else r
    if fmt in ("upperLetter", "lowerLetter"):
        s = letters(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


class Numbering:
    """Numbering definitions of one .docx and the running counters while reading it."""

    def __init__(
        self, root: etree._Element | None, style_numpr: dict[str, tuple[str, int]]
    ) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.nums: dict[str, _Num] = {}
        self.links: dict[str, str] = {}  # abstract -> list style whose numbering it uses
        self.style_numpr = style_numpr
        self._counters: dict[str, dict[int, int]] = {}
        self._last_num: dict[str, str] = {}
        if root is not None:
            self._parse(root)

    def _parse(self, root: etree._Element) -> None:
        for absnum in root.iterfind(f"{_W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in absnum.iterfind(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl", "0"))
                levels[ilvl] = Level(
                    fmt=_val(lvl.find(f"{_W}numFmt"), "decimal") or "decimal",
                    text=_val(lvl.find(f"{_W}lvlText"), "") or "",
                    start=_int(_val(lvl.find(f"{_W}start"), "1"), 1),
                )
            aid = absnum.get(f"{_W}abstractNumId", "")
            self.abstracts[aid] = levels
            link = _val(absnum.find(f"{_W}numStyleLink"))
            if link:
                self.links[aid] = link
        for num in root.iterfind(f"{_W}num"):
            overrides = {}
            for ov in num.iterfind(f"{_W}lvlOverride"):
                start = ov.find(f"{_W}startOverride")
                if start is not None:
                    overrides[int(ov.get(f"{_W}ilvl", "0"))] = _int(_val(start, "1"), 1)
            self.nums[num.get(f"{_W}numId", "")] = _Num(
                abstract=_val(num.find(f"{_W}abstractNumId"), "") or "", overrides=overrides
            )

    def label(self, ppr: etree._Element | None, style_id: str | None) -> str | None:
        """Advance the counters for this paragraph and return the label Word shows, if any."""
        num_id, ilvl = self._numpr(ppr, style_id)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        num = self.nums[num_id]
        levels = self._levels(num.abstract)
        if ilvl not in levels:
            return None
        counters = self._counters.setdefault(num.abstract, {})
        if self._last_num.get(num.abstract) != num_id:
            for lvl, start in num.overrides.items():
                counters[lvl] = start - 1
                for deeper in [k for k in counters if k > lvl]:
                    del counters[deeper]
            self._last_num[num.abstract] = num_id
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "bullet":
            return BULLET_GLYPHS.get(level.text, level.text) or "•"
        text = level.text
        for i in range(9, -1, -1):
            token = f"%{i + 1}"
            if token in text:
                lvl_def = levels.get(i, Level())
                value = counters.get(i, lvl_def.start)
                text = text.replace(token, format_number(value, lvl_def.fmt))
        return text.strip() or None

    def _levels(self, abstract: str) -> dict[int, Level]:
        """Levels of an abstract list, following a numStyleLink to the list style's own."""
        levels = self.abstracts.get(abstract, {})
        if levels or abstract not in self.links:
            return levels
        linked = self.style_numpr.get(self.links[abstract])
        if linked and linked[0] in self.nums:
            return self.abstracts.get(self.nums[linked[0]].abstract, {})
        return {}

    def _numpr(self, ppr: etree._Element | None, style_id: str | None) -> tuple[str | None, int]:
        numpr = ppr.find(f"{_W}numPr") if ppr is not None else None
        if numpr is not None:
            num_id = _val(numpr.find(f"{_W}numId"))
            ilvl = _int(_val(numpr.find(f"{_W}ilvl"), "0"), 0)
            if num_id is not None:
                return num_id, ilvl
        if style_id and style_id in self.style_numpr:
            return self.style_numpr[style_id]
        return None, 0


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
