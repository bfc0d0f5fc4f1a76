"""The review page's marking of found phrases in the source text (pure Python)."""

from __future__ import annotations

from trienkhai.web.plans.highlight import (
    Segment,
    locate_tasks,
    mark_source,
    numbered_lines,
    terms_from_extraction,
)

EXTRACTION = {
    "citations": [{"number": "27-CTr/TU"}],
    "targets": [{"text": "Tập hợp trên 85% quần chúng vào các tổ chức đoàn thể"}],
    "reporting": [{"recipient": "Ban Thường vụ Thành ủy", "via": "Ban Dân vận Thành ủy"}],
    "tasks": [
        {"line": 2, "lead": ["Sở Nội vụ"], "support": ["UBND các huyện"], "due": "Quý IV/2025"},
        {"line": None, "lead": [], "support": [], "requested": ["Mặt trận"]},
    ],
}


def test_terms_cover_every_kind() -> None:
    terms = terms_from_extraction(EXTRACTION)
    assert terms["27-CTr/TU"] == "citation"
    assert terms["Sở Nội vụ"] == "body"
    assert terms["Quý IV/2025"] == "deadline"
    assert terms["Ban Dân vận Thành ủy"] == "body"
    assert terms["Tập hợp trên 85% quần chúng vào các tổ chức đoàn thể"] == "target"


def test_line_is_split_into_marked_segments_case_insensitively() -> None:
    lines = [
        (1, "Thực hiện Chương trình số 27-CTr/TU."),
        (2, "sở nội vụ chủ trì, xong trong Quý IV/2025"),
    ]
    marked = mark_source(lines, EXTRACTION, task_lines=[2, None])
    assert marked[0].segments == [
        Segment("Thực hiện Chương trình số "),
        Segment("27-CTr/TU", "citation"),
        Segment("."),
    ]
    assert not marked[0].is_task
    assert marked[1].is_task
    assert Segment("sở nội vụ", "body") in marked[1].segments
    assert Segment("Quý IV/2025", "deadline") in marked[1].segments
    assert "".join(s.text for s in marked[1].segments) == lines[1][1]


def test_target_sentence_wins_over_bodies_inside_it() -> None:
    extraction = {**EXTRACTION, "tasks": [{"lead": ["tổ chức đoàn thể"]}]}
    marked = mark_source([(5, "Tập hợp trên 85% quần chúng vào các tổ chức đoàn thể.")], extraction)
    assert marked[0].segments[0].kind == "target"
    assert [s.kind for s in marked[0].segments] == ["target", None]


def test_nothing_found_leaves_text_plain() -> None:
    marked = mark_source([(1, "<b>không</b> có gì")], {})
    assert marked[0].segments == [Segment("<b>không</b> có gì")]


def test_tasks_are_located_by_text_in_order() -> None:
    lines = numbered_lines(
        "I. NHIỆM VỤ\n\n1. Tuyên truyền   sâu rộng\n\n- Tuyên truyền sâu rộng lần nữa\n\n2 | Rà soát | Sở Nội vụ"
    )
    assert [n for n, _ in lines] == [1, 3, 5, 7]
    found = locate_tasks(
        lines, ["Tuyên truyền sâu rộng", "Tuyên truyền sâu rộng lần nữa", "Rà soát", "Không có"]
    )
    assert found == [3, 5, 7, None]
