"""Matching keys for names of bodies as printed in documents.

Plans print the same body many ways: "Ủy ban" and "Uỷ ban" (old and new tone placement),
"UBND  tỉnh", with stray punctuation or case. A key is built so those compare equal without
losing diacritics: NFC, case-folded, punctuation to spaces, spaces squeezed, and each syllable's
tone mark moved to the syllable's end (so "hoá" and "hóa" give the same key).
"""

from __future__ import annotations

import re
import unicodedata

# Combining tone marks of Vietnamese: grave, acute, tilde, hook above, dot below.
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_PUNCT = re.compile(r"[^\w\s]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def _syllable_key(syllable: str) -> str:
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in _TONES]
    base = "".join(ch for ch in decomposed if ch not in _TONES)
    return unicodedata.normalize("NFC", base) + "".join(tones[:1])


def name_key(text: str) -> str:
    """The comparison key of a body's name; empty for a name with no letters."""
    text = unicodedata.normalize("NFC", text or "").casefold().replace("_", " ")
    text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    return " ".join(_syllable_key(s) for s in text.split(" ") if s)
