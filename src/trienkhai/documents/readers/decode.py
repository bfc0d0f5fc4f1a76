"""Bytes of a text file -> Unicode NFC text, whatever encoding a Vietnamese office used.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); UTF-16 without a mark is spotted by
its zero bytes; strict UTF-8; otherwise every plausible 8-bit reading (Windows-1258, TCVN3,
VNI, Windows-1252, and charset-normalizer's guess) is scored by how Vietnamese it reads. Text
decoded as UTF-8 may still be TCVN3/VNI characters re-saved as Unicode: that is converted too.
Binary content is refused rather than turned into garbage text.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

from ..errors import CorruptDocumentError, EncodingDetectionError
from . import legacy

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return; DEL; C1.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.01
# The same controls in UTF-8 bytes: C0 and DEL are single bytes (a byte below 0x80 is never part
# of a longer sequence), C1 is \xc2 followed by \x80-\x9f. Bytes are checked far faster than text.
_NOT_CONTROL_BYTES = bytes(
    b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or b == 0x7F)
)
_C1_UTF8 = re.compile(rb"\xc2[\x80-\x9f]")
SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text with the name of the encoding it was read in and reader notes."""

    text: str
    encoding: str
    notes: tuple[str, ...] = ()
    nfkc: bool = False  # the text is in NFKC (so in NFC as well)
    # no control character but tab, line feed, vertical tab, form feed, carriage return (no
    # DEL, no C1): told from the bytes of a plain UTF-8 file
    plain: bool = False


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode a text file's bytes; raise EncodingDetectionError/CorruptDocumentError on junk."""
    text, encoding = _decode(data, name)
    plain = _plain_utf8(data, text, encoding)
    if not plain:
        _refuse_binary(text, name)
    notes: list[str] = []
    converted, legacy_name = legacy.convert_legacy(text)
    if legacy_name:
        notes.append(f"đã chuyển từ bảng mã {legacy_name.upper()} sang Unicode")
        text, encoding = converted, legacy_name
        plain = False  # (checked on the text before conversion)
    elif encoding in legacy.CONVERTERS:
        notes.append(f"đã chuyển từ bảng mã {encoding.upper()} sang Unicode")
    elif encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32", "ascii"):
        notes.append(f"đọc theo bảng mã {encoding}")
    if "\r" in text:  # one fast character search spares two substring passes on most files
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # A text in NFKC is in NFC: the NFC pass is needed only when the NFKC check fails. The check
    # costs about what the pass does on a text already in NFC, and tells structure analysis
    # that no paragraph needs checking again (SourceDocument.nfkc).
    if unicodedata.is_normalized("NFKC", text):
        return Decoded(text, encoding, tuple(notes), nfkc=True, plain=plain)
    return Decoded(unicodedata.normalize("NFC", text), encoding, tuple(notes), plain=plain)


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise EncodingDetectionError(
                    f"tệp có dấu BOM {codec} nhưng nội dung không giải mã được", source=name
                ) from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _best_8bit(data, name)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    head = data[:SNIFF_BYTES]
    if len(head) < 4 or len(head) % 2 or 0 not in head:
        return None  # (without a zero byte neither half can hold enough of them)
    even_zero = head[0::2].count(0)
    odd_zero = head[1::2].count(0)
    half = len(head) // 2
    for codec, zeros, other in (
        ("utf-16-le", odd_zero, even_zero),
        ("utf-16-be", even_zero, odd_zero),
    ):
        if zeros >= half * 0.3 and other <= half * 0.02:
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None
    return None


def _best_8bit(data: bytes, name: str) -> tuple[str, str]:
    if data.count(0) > len(data) * MAX_CONTROL_SHARE:
        raise CorruptDocumentError("tệp nhị phân, không phải văn bản", source=name)
    latin1 = data.decode("latin-1")
    candidates = {
        "cp1258": data.decode("cp1258", errors="replace"),
        "tcvn3": legacy.tcvn3_to_unicode(latin1),
        "vni": legacy.vni_to_unicode(data.decode("cp1252", errors="replace")),
        "cp1252": data.decode("cp1252", errors="replace"),
    }
    guess = _charset_normalizer_guess(data)
    if guess and guess[0] not in candidates:
        candidates[guess[0]] = guess[1]
    best = legacy.best_reading(candidates)
    unreadable = best.score < 0 and _non_ascii_share(best.text) > MAX_CONTROL_SHARE
    if unreadable or _replacement_share(best.text) > MAX_CONTROL_SHARE:
        raise EncodingDetectionError(
            "không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16, TCVN3, VNI hay Windows-1258)",
            source=name,
        )
    return best.text, best.encoding


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    try:
        match = from_bytes(data[:SNIFF_BYTES]).best()
    except Exception:  # a third-party guesser on arbitrary bytes: its failure is "no guess"
        return None
    if match is None:
        return None
    try:
        return match.encoding, data.decode(match.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _non_ascii_share(text: str) -> float:
    sample = text[: SNIFF_BYTES * 4]
    return sum(not ch.isascii() for ch in sample) / max(len(sample), 1)


def _replacement_share(text: str) -> float:
    return (text.count("\ufffd") + len(_CONTROL_RE.findall(text))) / max(len(text), 1)


def _plain_utf8(data: bytes, text: str, encoding: str) -> bool:
    """True when UTF-8 ``data`` has no control character and no U+FFFD in the part of ``text``
    that :func:`_refuse_binary` samples, told from the bytes (then it has nothing to refuse)."""
    if encoding not in ("utf-8", "utf-8-sig") or len(text) > SNIFF_BYTES * 4:
        return False
    if data.translate(None, _NOT_CONTROL_BYTES):
        return False
    if b"\xc2" in data and _C1_UTF8.search(data) is not None:  # the lead byte first: rarer
        return False
    return "\ufffd" not in text


def _refuse_binary(text: str, name: str) -> None:
    sample = text[: SNIFF_BYTES * 4]
    if _CONTROL_RE.search(sample) is None and "\ufffd" not in sample:
        return
    controls = len(_CONTROL_RE.findall(sample)) + sample.count("\ufffd")
    if controls > max(len(sample) * MAX_CONTROL_SHARE, 2):
        raise CorruptDocumentError(
            "tệp chứa dữ liệu nhị phân, không phải văn bản thuần", source=name
        )
