"""Match keys: places, levels, committees, synonyms, tone placement and numbering neutralised."""

from __future__ import annotations

import pytest

from trienkhai.compare import lexicon
from trienkhai.compare.normalize import (
    ClassWords,
    RawTokens,
    TokenTable,
    class_words,
    find_places,
    strip_numbering,
)


@pytest.mark.parametrize(
    ("province", "district"),
    [
        ("của tỉnh Bình Thuận", "của thị xã La Gi"),
        ("Ban Dân vận Tỉnh ủy chủ trì", "Ban Dân vận Thị ủy chủ trì"),
        ("các tổ chức chính trị - xã hội tỉnh", "các đoàn thể chính trị - xã hội huyện"),
        ("vận động người Bình Thuận ở nước ngoài", "vận động người La Gi ở nước ngoài"),
        ("công nghiệp hóa tỉnh nhà", "công nghiệp hoá thị xã"),
        ("- Đẩy mạnh tuyên truyền", "2. Đẩy mạnh tuyên truyền"),
        ("a) Huyện ủy, Thành ủy", "b) Quận ủy, Thị ủy"),
    ],
)
def test_province_and_district_wording_share_one_key(province: str, district: str) -> None:
    table = TokenTable(find_places([province, district]))
    got = table.tokens([province, district])
    assert got[0] == got[1]


def key(text: str, *places: str) -> str:
    return " ".join(TokenTable(places).tokens([text])[0])


def test_keys_keep_the_words_that_matter() -> None:
    assert key("Tỉnh ủy Bình Thuận") == "‹cấp› ủy ‹nơi›"
    assert "hồ chí minh" in key("tư tưởng Hồ Chí Minh về đại đoàn kết")  # a person, not a place
    assert key("ngoài tỉnh") == "ngoài ‹cấp›"  # tone placement only at a syllable's end
    assert key("đa dạng hoá") == "đa dạng hóa"
    assert key("Chỉ thị số 05-CT/TW, 2. a) Đổi mới") == "chỉ thị số 05_ct_tw đổi mới"


def test_places_are_read_after_level_words() -> None:
    text = "Thị ủy La Gi; người La Gi ở nước ngoài; Ủy ban nhân dân tỉnh Thanh Hóa; THỊ XÃ KHÓA XI"
    assert find_places([text]) == {"La Gi", "Thanh Hóa"}


def test_places_close_together_are_all_found() -> None:
    text = "đồng bào Ê Đê ở huyện Ea Súp, tỉnh Đắk Lắk"
    assert find_places([text]) == {"Ê Đê", "Ea Súp", "Đắk Lắk"}


def test_capitalised_bodies_after_level_words_are_not_places() -> None:
    assert find_places(["của tỉnh, Nhân dân và Mặt trận; người Việt Nam"]) == set()


def test_class_words_follow_the_gold_definition() -> None:
    assert class_words("Tỉnh ủy, tổ chức đảng; “Dân vận khéo”.") == [
        "tỉnh",
        "ủy",
        "tổ",
        "chức",
        "đảng",
        "dân",
        "vận",
        "khéo",
    ]


def test_numbering_and_footnote_marks_are_stripped() -> None:
    assert strip_numbering("III. Tăng cường⁽¹⁾") == "Tăng cường"
    assert strip_numbering("a) Đổi mới") == "Đổi mới"


def test_token_table_neutralises_and_caches() -> None:
    texts = [
        "- Ban Dân vận Tỉnh ủy chủ trì, phối hợp với các đoàn thể chính trị - xã hội tỉnh Bình Thuận.",
        "Hội đồng nhân dân thị xã La Gi; người La Gi ở nước ngoài.",
    ]
    table = TokenTable(["La Gi"])
    expected = [
        [
            "ban",
            "dân",
            "vận",
            "‹cấp›",
            "ủy",
            "chủ",
            "trì",
            "phối",
            "hợp",
            "với",
            "các",
            "tổ",
            "chức",
            "chính",
            "trị",
            "xã",
            "hội",
            "‹cấp›",
            "‹nơi›",
        ],
        ["hội", "đồng", "nhân", "dân", "‹cấp›", "‹nơi›", "người", "‹nơi›", "ở", "nước", "ngoài"],
    ]
    assert table.tokens(texts) == expected
    assert table.tokens(texts) == expected  # the second pass reads the cache


def test_lexicon_patterns_compile_and_match_their_examples() -> None:
    lex = lexicon.load()
    assert lex.doc_symbol_re.fullmatch("82-CTr/TU")
    assert lex.doc_symbol_re.fullmatch("109-KH/ThU")
    assert lex.doc_symbol_re.fullmatch("34/2007/PL-UBTVQH11")
    assert lex.tones["oá"] == "óa"
    assert lex.phrases["thị xã"] == lexicon.LEVEL_TOKEN
    assert lex.phrases["huyện ủy"] == f"{lexicon.LEVEL_TOKEN} ủy"
    assert all(v.strip() for v in lex.phrases.values())
    assert "Hồ Chí Minh" not in lex.provinces
    assert len(set(lex.provinces)) == len(lex.provinces)


def test_hash_slots_grow_and_find_every_key() -> None:
    import numpy as np

    from trienkhai.compare.normalize import HashSlots

    slots = HashSlots(capacity=8)
    keys = [(k * 2654435761) | 1 for k in range(1, 200)]
    for value, key in enumerate(keys):
        slots.put(key, value)
    got, missing = slots.get(np.array([*keys, 12345678901], dtype=np.uint64))
    assert got[:-1].tolist() == list(range(len(keys)))
    assert missing.tolist() == [len(keys)] and got[-1] == -1
    assert len(slots.keys) >= 4 * len(keys)


def test_class_word_ids_spell_the_class_words(binh_thuan, la_gi) -> None:
    """The integer ids the classes are computed on are exactly ``class_words``, text by text,
    including punctuation inside tokens, non-breaking spaces and empty texts."""
    texts = [t.text for t in binh_thuan.tasks + la_gi.tasks] + [
        "",
        "Chỉ thị 05-CT/TW (ngày 15/5/2016)\u00a0về “học tập”…",
        "   ",
        "Hoá\tHÓA\nhóa; ĐẢNG, Đảng",
        "",
    ]
    table = ClassWords()
    for _ in range(2):  # the second pass reads the cache
        ids, counts = table.ids_of(RawTokens.of(texts))
        assert len(counts) == len(texts)
        pos = 0
        for text, n in zip(texts, counts.tolist(), strict=True):
            assert [table.words[i] for i in ids[pos : pos + n].tolist()] == class_words(text)
            pos += n
        assert pos == len(ids)
