"""Legacy Vietnamese encodings: TCVN3 (ABC) and VNI convert back to the same Unicode text."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents.readers import legacy, read_bytes

SENTENCES = [
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW",
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hội Nông dân tỉnh phối hợp thực hiện",
    "Định kỳ hằng quý, 6 tháng, năm báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 15",
    "Tăng cường giáo dục thế hệ trẻ về lý tưởng cách mạng, đạo đức, lối sống, lòng yêu nước",
]
ALL_LETTERS = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ"


def test_vni_round_trip_every_letter_both_cases():
    for text in (ALL_LETTERS, ALL_LETTERS.upper()):
        assert legacy.vni_to_unicode(legacy.unicode_to_vni(text)) == text


def test_tcvn3_round_trip_every_lower_case_letter():
    assert legacy.tcvn3_to_unicode(legacy.unicode_to_tcvn3(ALL_LETTERS)) == ALL_LETTERS


def test_tcvn3_known_bytes():
    # "Bảo Thắng", "Mường Khương" as .VnTime shows them
    assert legacy.tcvn3_to_unicode("B¶o Th¾ng") == "Bảo Thắng"
    assert legacy.tcvn3_to_unicode("M\xad\xeang Kh\xad\xacng") == "Mường Khương"


def test_vni_known_sequence():
    assert legacy.vni_to_unicode("Vieät Nam, Ñaûng") == "Việt Nam, Đảng"


@pytest.mark.parametrize("sentence", SENTENCES)
def test_tcvn3_bytes_are_detected_and_converted(sentence):
    data = legacy.unicode_to_tcvn3(sentence).encode("latin-1")
    doc = read_bytes(data, "cu.txt")
    assert doc.encoding == "tcvn3"
    # TCVN3 has no upper-case toned letters: those come back in lower case
    assert doc.blocks[0].text.lower() == sentence.lower()
    assert any("TCVN3" in n for n in doc.notes)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_vni_bytes_are_detected_and_converted(sentence):
    data = legacy.unicode_to_vni(sentence).encode("cp1252")
    doc = read_bytes(data, "cu.txt")
    assert doc.encoding == "vni"
    assert doc.blocks[0].text == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_legacy_text_resaved_as_utf8_is_converted_too(sentence):
    data = legacy.unicode_to_vni(sentence).encode("utf-8")
    assert read_bytes(data, "cu.txt").blocks[0].text == sentence


@pytest.mark.parametrize("sentence", SENTENCES)
def test_unicode_vietnamese_is_left_alone(sentence):
    assert legacy.convert_legacy(sentence) == (sentence, None)


def test_french_latin1_is_not_mistaken_for_legacy_vietnamese():
    text = "Le député a présenté le thème de l'été à Besançon"
    assert legacy.convert_legacy(text)[1] is None


def test_fixture_files_in_tcvn3_and_vni(documents):
    unicode_text = (documents / "dang_uy_ket_luan.txt").read_text(encoding="utf-8")
    expected = [line for line in unicode_text.split("\n") if line.strip()]
    for name, encoding in (
        ("dang_uy_ket_luan.tcvn3.txt", "tcvn3"),
        ("dang_uy_ket_luan.vni.txt", "vni"),
    ):
        doc = read_bytes((documents / name).read_bytes(), name)
        assert doc.encoding == encoding
        got = [b.text for b in doc.blocks]
        if encoding == "tcvn3":
            got, expected_cmp = [g.lower() for g in got], [e.lower() for e in expected]
        else:
            expected_cmp = expected
        assert got == expected_cmp
        assert all(unicodedata.is_normalized("NFC", g) for g in got)


@pytest.mark.parametrize(
    "text",
    [
        "Ban Bí thư¹ kết luận",
        "Đảng ủy xã ± 5% ¼",
        "Thông báo «khẩn» của Ủy ban nhân dân · § 3",
        "Sở Tài chính ¶",
    ],
)
def test_short_utf8_vietnamese_with_latin1_signs_stays_unicode(text):
    """Legacy text read as Latin-1 never holds ơ, ư, đ, ộ ...: valid syllables spelled with them
    win over a few signs that legacy detection would otherwise take for TCVN3 letters."""
    doc = read_bytes(text.encode("utf-8"), "short.txt")
    assert doc.encoding == "utf-8"
    assert doc.blocks[0].text == text


def _suspect_count_by_pattern(text: str) -> int:
    """The suspect-character count written the obvious way: one regex class over the text."""
    return len(re.findall(f"[{re.escape(legacy._SUSPECT)}]", text))


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        st.sampled_from(
            list("aăđơưạ ,.\n¹°×©±«¼ÀÁõÿ\u00a0\u00a1𝔸中") + [chr(i) for i in range(0x80, 0x110)]
        )
    )
)
def test_suspect_count_equals_a_regex_scan(text: str) -> None:
    assert legacy._suspect_count(text) == _suspect_count_by_pattern(text)


def test_looks_legacy_on_unicode_and_tcvn3_text() -> None:
    unicode_text = " ".join(SENTENCES)
    assert not legacy.looks_legacy(unicode_text)
    assert not legacy.looks_legacy("plain ASCII text")
    assert legacy.looks_legacy(legacy.unicode_to_tcvn3(unicode_text))
