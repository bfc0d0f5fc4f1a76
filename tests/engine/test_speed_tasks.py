"""The shortcuts of the tasks stage keep its results: a pattern skipped for lack of a word it
needs could never have matched."""

from __future__ import annotations

import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from trienkhai.documents import patterns
from trienkhai.documents.extract import bodies, groups, tasks


def test_required_literal_reads_runs_groups_and_alternatives() -> None:
    assert patterns.required_literals(r"abc|abd") == ("ab",)
    assert patterns.required_literals(r"x(?:abc|zab)y") == ("ab", "x", "y")
    assert patterns.required_literals(r"(?:ab)?cd") == ("cd",)
    assert patterns.required_literals(r"(?:sau|trước) đây") == (" đây",)
    assert patterns.required_literals(r"\d+ năm") == (" năm",)
    assert patterns.required_literals(r"(?:ab|)c?") == ()
    assert patterns.required_literals(r"[ab]+") == ()


def test_required_literal_gives_up_on_case_insensitive_parts() -> None:
    assert patterns.required_literals(r"(?i)xyz") == ()
    assert patterns.required_literals(r"a(?i:bcd)e") == ("a", "e")


def test_the_intro_end_and_due_patterns_need_their_words() -> None:
    assert tasks._INTRO_WORDS == ("sau",)
    assert [needs[0] for needs in tasks._DUE_NEEDS[1:]] == ["hoàn thành", "(", "trước"]


_WORDS = ["sau", "đây", "như", "nhiệm vụ", "nội dung", "việc", "các", "tốt", ":", ".", " ", "  "]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_intro_end_never_matches_without_its_word(words: list[str]) -> None:
    tail = " ".join(words)
    if not tasks._holds_all(tail, tasks._INTRO_WORDS):
        assert tasks._INTRO_END.search(tail) is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="abcd()|?*+", min_size=1, max_size=8), st.text(alphabet="abcd", max_size=12)
)
def test_required_literal_is_in_every_match(source: str, text: str) -> None:
    try:
        pattern = re.compile(source)
    except re.error:
        return
    words = patterns.required_literals(source)
    for m in pattern.finditer(text):
        for word in words:
            assert word in m.group(0)


# ---------------------------------------------------------------- bodies: head patterns

_LEX = bodies._LEX
_PLURAL = bodies._alternation(_LEX["plural_markers"])
_REFERENCE_HEADS = {
    "_CASED_HEAD": re.compile(
        rf"(?:(?:{_PLURAL})\s+)?(?:{bodies._alternation(_LEX['heads_cased'])})(?![\w])"
    ),
    "_HEAD": re.compile(
        rf"(?:(?:{_PLURAL})\s+)?(?:{bodies._alternation(_LEX['heads'])})(?![\w])", re.IGNORECASE
    ),
    "_SPLIT_HEAD": re.compile(
        rf"(?:(?:{_PLURAL})\s|(?:{bodies._alternation(_LEX['split_heads'])})(?![\w]))",
        re.IGNORECASE,
    ),
}
_HEAD_WORDS = [
    *sorted({*_LEX["heads"], *_LEX["heads_cased"], *_LEX["split_heads"], *_LEX["plural_markers"]}),
    *["tỉnh", "nhân dân", "x", ",", "-", "\n", "  "],
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_HEAD_WORDS), st.sampled_from(["", "upper", "title", "lower"])),
        min_size=1,
        max_size=6,
    )
)
def test_head_trees_match_as_the_plain_alternations(words: list[tuple[str, str]]) -> None:
    text = " ".join(getattr(w, case)() if case else w for w, case in words)
    for name, reference in _REFERENCE_HEADS.items():
        pattern = getattr(bodies, name)
        for pos in range(len(text)):
            want, got = reference.match(text, pos), pattern.match(text, pos)
            assert (want and want.span()) == (got and got.span()), (name, text, pos)


# ---------------------------------------------------------------- groups: scoring order


def _reference_run_groups(texts: list[str], listed: bool = True) -> list[str | None]:
    """run_groups as first written: the items scored in their printed order."""
    labelled = [groups.label_group(t) for t in texts]
    if (
        not listed
        or sum(1 for g in labelled if g) >= groups._MIN_RUN
        or len(texts) < groups._MIN_RUN
    ):
        return labelled
    allowed_misses = len(texts) - max(groups._MIN_RUN, math.ceil(0.75 * len(texts)))
    scores: list[list[int]] = []
    for text in texts:
        scores.append(groups._scores(text))
        if not any(scores[-1]):
            allowed_misses -= 1
            if allowed_misses < 0:
                return labelled
    picks = groups._monotone(scores)
    chosen = [p for p in picks if p is not None]
    if len(chosen) < groups._MIN_RUN or len(chosen) < 0.75 * len(texts):
        return labelled
    return [
        lab or (groups.CODES[p] if p is not None else None)
        for lab, p in zip(labelled, picks, strict=True)
    ]


_GROUP_WORDS = [w for g in groups._LEX["groups"] for w in g["keywords"][:3]] + [
    "tuyên truyền",
    "các cấp",
    "nâng cao",
    "Đối với thanh niên:",
    ",",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(_GROUP_WORDS), min_size=0, max_size=8).map(" ".join),
        min_size=0,
        max_size=9,
    ),
    st.booleans(),
)
def test_run_groups_gives_what_scoring_in_printed_order_gives(
    texts: list[str], listed: bool
) -> None:
    assert groups.run_groups(texts, listed) == _reference_run_groups(texts, listed)


def _reference_scores(text: str) -> list[int]:
    """Keyword hits per group as first written: every keyword tried at every word."""
    tokens = re.findall(r"\w+", text[: groups._SCAN_CHARS].casefold())
    scores = [0] * len(groups._GROUPS)
    for index, spec in enumerate(groups._LEX["groups"]):
        for keyword in spec["keywords"]:
            words = keyword.casefold().split()
            for i in range(len(tokens)):
                if tokens[i : i + len(words)] == words:
                    scores[index] += 1
    return scores


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_GROUP_WORDS, "công", "nhân", "người", "_", "x"]), max_size=14))
def test_scores_count_every_keyword_at_every_word(words: list[str]) -> None:
    text = " ".join(words)
    assert groups._scores(text) == _reference_scores(text)


# ---------------------------------------------------------------- bodies: headings

_HEADING_WORDS = [
    *_LEX["heads_cased"][:12],
    *_LEX["heads"][:12],
    *_LEX["plural_markers"],
    *_LEX["clause_openers"][:3],
    *_LEX["adverbial_openers"],
    *_LEX["start_cues"],
    *_LEX["subject_verbs"][:6],
    *["nhiệm vụ của", "trách nhiệm", "yêu cầu", "giao cho", "Hạt Kiểm lâm", "Trạm", "Kiểm"],
    *["Vườn Quốc gia", "Thường trực", "Cúc Phương"],
    *["nâng cao", "nhận thức", "NHIỆM VỤ", "xây dựng", ",", ";", ".", "(", ")", "-", " "],
]


def _heading_roles_read_in_full(text: str) -> bodies.Roles:
    """heading_roles with every heading read by all its shapes (no quick check)."""
    saved = bodies._may_hand_down
    bodies._may_hand_down = lambda _text: True
    try:
        return bodies.heading_roles(text)
    finally:
        bodies._may_hand_down = saved


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_HEADING_WORDS), st.sampled_from(["", "upper", "title", "lower"])
        ),
        min_size=1,
        max_size=8,
    )
)
def test_headings_quick_check_keeps_what_they_hand_down(words: list[tuple[str, str]]) -> None:
    text = " ".join(getattr(w, case)() if case else w for w, case in words)
    assert bodies.heading_roles(text) == _heading_roles_read_in_full(text)


def test_headings_quick_check_lets_every_shape_through() -> None:
    for text in [
        "Sở Khoa học và Công nghệ",
        "Đề nghị Hội Nông dân tỉnh, Tỉnh đoàn",
        "Giao Sở Nội vụ",
        "Nhiệm vụ của Sở Y tế",
        "Hạt Kiểm lâm huyện tăng cường kiểm tra",
        "Tỉnh ủy yêu cầu các cấp ủy tăng cường lãnh đạo",
        "Theo đó, Sở Tài chính bố trí kinh phí",
        "Vườn Quốc gia Cúc Phương tăng cường kiểm tra",  # two capitals, no listed head
        "Thường trực Tỉnh ủy yêu cầu Sở Y tế triển khai",  # a directive after other words
        "Xây dựng kế hoạch, giao Sở Nội vụ tham mưu",
    ]:
        assert bodies._may_hand_down(text), text
        assert bodies.heading_roles(text), text
    assert not bodies._may_hand_down("Nâng cao nhận thức, trách nhiệm của các cấp ủy")


def _reference_label_group(text: str) -> str | None:
    """label_group as first written: the text cut in two at its first colon."""
    head, colon, _ = text.partition(":")
    if not colon or len(head.split()) > groups._LABEL_MAX_WORDS:
        return None
    head = groups._PREFIX.sub("", head.strip())
    m = groups._ANY_LABEL.search(head)
    return groups._GROUPS[int(m.lastgroup[1:])].code if m and m.lastgroup else None


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_GROUP_WORDS, ":", " ", "\n", "a"]), max_size=16).map("".join))
def test_label_group_reads_the_head_as_first_written(text: str) -> None:
    assert groups.label_group(text) == _reference_label_group(text)
