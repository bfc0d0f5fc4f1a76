"""Matching keys for names of bodies as printed in documents.

Plans print the same body many ways: "Ủy ban" and "Uỷ ban" (old and new tone placement),
"UBND  tỉnh", with stray punctuation or case. A key is built so those compare equal without
losing diacritics: NFC, case-folded, punctuation to spaces, spaces squeezed, and each syllable's
tone mark moved to the syllable's end (so "hoá" and "hóa" give the same key). Abbreviations
of name parts ("UBND", "GD&ĐT") are spelt out first, from ``data/abbreviations.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import yaml

ABBREVIATIONS = Path(__file__).with_name("data") / "abbreviations.yaml"

# Combining tone marks of Vietnamese: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in _TONES]
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + "".join(tones[:1])


@lru_cache(maxsize=1)
def abbreviations() -> tuple[re.Pattern[str], dict[str, str]]:
    """The abbreviation table (``data/abbreviations.yaml``) and one pattern matching any entry."""
    table = yaml.safe_load(ABBREVIATIONS.read_text(encoding="utf-8"))
    table = {
        unicodedata.normalize("NFC", k): unicodedata.normalize("NFC", v) for k, v in table.items()
    }
    alternatives = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])"), table


def expand(text: str) -> str:
    """``text`` with the abbreviations of body names spelt out ("UBND tỉnh" → "Ủy ban nhân dân tỉnh")."""
    pattern, table = abbreviations()
    return pattern.sub(lambda m: table[m.group(0)], unicodedata.normalize("NFC", text or ""))


def name_key(text: str) -> str:
    """The comparison key of a body's name; empty for a name with no letters."""
    text = expand(text).casefold().replace("_", " ")
    text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    return " ".join(_syllable_key(s) for s in text.split(" ") if s)
