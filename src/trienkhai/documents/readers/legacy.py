"""Legacy Vietnamese 8-bit encodings (TCVN3/ABC, VNI-Windows) and telling them from Unicode.

Old government files were typed with .VnTime (TCVN3) or VNI-Times fonts: the bytes are
Latin-1 characters that only those fonts draw as Vietnamese letters. Such text reaches us as
bytes of a .txt file, or as already-decoded characters (a .docx run in a .VnTime font, a .txt
re-saved as UTF-8). So conversion works on *text*; ``best_decoding`` scores candidate
readings by how many of their accented words are valid Vietnamese syllables.

The code charts and the syllable parts live in ``data/legacy_vn.yaml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Latin-1 characters that Vietnamese written in Unicode never uses: their presence is what
# makes a text suspicious of being a legacy encoding read as Latin-1. Signs Unicode documents
# do use (superscript footnote digits, degree, multiplication) are left out.
_VIETNAMESE_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_UNICODE_SIGNS = set("¹²³°×")
_SUSPECT = "".join(
    ch
    for ch in map(chr, range(0xA1, 0x100))
    if ch not in _VIETNAMESE_LATIN1 and ch not in _UNICODE_SIGNS
)
# Every byte that is not a suspect character: deleted by ``bytes.translate``, what is left of a
# text's Latin-1 bytes is its suspect characters (two scans in C, no per-character regex).
_NOT_SUSPECT = bytes(b for b in range(256) if chr(b) not in _SUSPECT)
_WORD_RE = re.compile(r"[^\W\d_]+")
SAMPLE_CHARS = 40_000


@cache
def _data() -> dict[str, Any]:
    ref = resources.files(__package__).joinpath("data", "legacy_vn.yaml")
    with ref.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def font_rules() -> dict[str, Any]:
    """Font-name rules for runs set in legacy fonts (``fonts`` in the data file)."""
    return _data()["fonts"]


@cache
def _tcvn3_table() -> dict[int, str]:
    return {ord(k): v for k, v in _data()["tcvn3"].items()}


@cache
def _vni_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table: dict[str, str] = _data()["vni"]
    keys = sorted(table, key=len, reverse=True)  # longest first: "oâ" before "ô"
    return re.compile("|".join(map(re.escape, keys))), table


@cache
def _syllable_re() -> re.Pattern[str]:
    parts = _data()["syllable"]

    def alt(items: list[str]) -> str:
        return "|".join(sorted(map(re.escape, items), key=len, reverse=True))

    return re.compile(
        f"(?:{alt(parts['onsets'])})?(?:{alt(parts['nuclei'])})(?:{alt(parts['codas'])})?"
    )


def tcvn3_to_unicode(text: str) -> str:
    """Convert TCVN3 (ABC) text, as Latin-1 shows it, to Unicode NFC."""
    return unicodedata.normalize("NFC", text.translate(_tcvn3_table()))


def vni_to_unicode(text: str) -> str:
    """Convert VNI-Windows text, as Windows-1252 shows it, to Unicode NFC."""
    pattern, table = _vni_pattern()
    return unicodedata.normalize("NFC", pattern.sub(lambda m: table[m.group(0)], text))


def unicode_to_tcvn3(text: str) -> str:
    """The reverse mapping (for tests and fixtures): Unicode -> TCVN3 as Latin-1 characters."""
    reverse = {v: k for k, v in _data()["tcvn3"].items()}
    lowered = {k.upper(): v for k, v in reverse.items() if k.upper() not in reverse}
    return "".join(reverse.get(ch) or lowered.get(ch) or ch for ch in text)


def unicode_to_vni(text: str) -> str:
    """The reverse mapping (for tests and fixtures): Unicode -> VNI as Windows-1252 characters."""
    reverse = {v: k for k, v in _data()["vni"].items()}
    return "".join(reverse.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def is_latin1(text: str) -> bool:
    """Legacy-font text is all Latin-1 characters; Unicode Vietnamese almost never is."""
    return all(ord(ch) < 0x100 for ch in text)


def _is_syllable(word: str) -> bool:
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(ch in TONE_MARKS for ch in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))
    return _syllable_re().fullmatch(bare) is not None


def syllable_counts(text: str) -> tuple[int, int, int]:
    """(valid accented syllables, invalid accented words, junk characters) in a text.

    Only words with a non-ASCII letter count (ASCII words read the same in every encoding).
    """
    good = bad = 0
    for word in _WORD_RE.findall(text):
        if word.isascii():
            continue
        if _is_syllable(word):
            good += 1
        else:
            bad += 1
    return good, bad, _suspect_count(text)


def vietnamese_score(text: str) -> float:
    """How Vietnamese a text reads: valid accented syllables minus invalid ones and junk."""
    good, bad, junk = syllable_counts(text)
    return good - 2 * bad - 2 * junk


def reads_as_vietnamese(text: str) -> bool:
    """Most accented words are Vietnamese syllables (at least two in three)."""
    good, bad, junk = syllable_counts(text)
    return good > 0 and good >= 2 * (bad + junk)


def _suspect_count(text: str) -> int:
    """How many suspect characters a text holds. Characters beyond Latin-1 (ă, ơ, ạ ...) cannot
    be suspect: the encoding drops them, the translation drops the rest."""
    return len(text.encode("latin-1", "ignore").translate(None, _NOT_SUSPECT))


def looks_legacy(text: str) -> bool:
    """Cheap test: does this Unicode text carry characters Vietnamese Unicode never uses?"""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():
        return False
    suspect = _suspect_count(sample)
    if not suspect:  # the usual case
        return False
    non_ascii = len(sample) - len(sample.encode("ascii", "ignore"))
    return suspect * 20 >= non_ascii


def is_unicode_vietnamese(text: str) -> bool:
    """Whether a text is already Vietnamese in Unicode, whatever signs it also carries.

    A legacy-font text read as Latin-1 or Windows-1252 never holds a letter beyond them (ă, đ,
    ơ, ư, ộ, ị ...): valid syllables spelled with such letters, at least as many as the words
    that are not syllables, mean the text is Unicode and a stray "±", "«" or "¼" is a sign.
    """
    native = bad = 0
    for word in _WORD_RE.findall(text):
        if word.isascii():
            continue
        if not _is_syllable(word):
            bad += 1
        elif not is_latin1(word):
            native += 1
    return native > 0 and native >= bad


@dataclass(frozen=True, slots=True)
class Reading:
    """A candidate reading of a text: its name, the converted text and its score."""

    encoding: str
    text: str
    score: float


CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}


def convert_legacy(text: str) -> tuple[str, str | None]:
    """Return ``(text, encoding)``: the text converted from TCVN3/VNI when it reads better so.

    ``encoding`` is None when the text is left as it was.
    """
    if not looks_legacy(text):
        return text, None
    sample = text[:SAMPLE_CHARS]
    if is_unicode_vietnamese(sample):
        return text, None
    best_name: str | None = None
    best_score = vietnamese_score(sample)
    for name, convert in CONVERTERS.items():
        converted = convert(sample)
        score = vietnamese_score(converted)
        if score > best_score and reads_as_vietnamese(converted):
            best_name, best_score = name, score
    if best_name is None:
        return text, None
    return CONVERTERS[best_name](text), best_name


def best_reading(candidates: dict[str, str]) -> Reading:
    """Pick the most Vietnamese of several decodings of the same bytes (name -> text)."""
    readings = [
        Reading(name, text, vietnamese_score(text[:SAMPLE_CHARS]))
        for name, text in candidates.items()
    ]
    return max(readings, key=lambda r: r.score)
