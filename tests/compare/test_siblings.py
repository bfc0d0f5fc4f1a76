"""The cross-province view: Bình Thuận (001) and Thanh Hóa (004) carry out Nghị quyết 43."""

from __future__ import annotations

from trienkhai.compare.plans import Plan
from trienkhai.compare.render import render
from trienkhai.compare.siblings import compare_siblings, group_key


def test_group_key_is_the_second_level() -> None:
    assert group_key("III.2.1") == "III.2"
    assert group_key("II") == "II"
    assert group_key("") == ""


def test_the_seven_task_groups_are_matched_by_content(binh_thuan: Plan, thanh_hoa: Plan) -> None:
    result = compare_siblings(binh_thuan, thanh_hoa)
    matched = {(g["a_section"], g["b_section"]) for g in result["groups"]}
    assert {(f"III.{k}", f"III.{k}") for k in range(1, 8)} <= matched
    group3 = next(g for g in result["groups"] if g["a_section"] == "III.3")
    assert group3["a_heading"].startswith("Xây dựng, chỉnh đốn Đảng")
    assert len(group3["pairs"]) >= 3
    assert result["summary"]["paired_tasks"] >= 12


def test_siblings_render(binh_thuan: Plan, thanh_hoa: Plan) -> None:
    result = compare_siblings(binh_thuan, thanh_hoa)
    md = render(result, "md")
    assert md.startswith("# So sánh hai kế hoạch")
    html = render(result, "html", "en")
    assert "Two plans carrying out the same document" in html and "<mark>" in html
    assert "<del>" not in html  # neither plan is the other's parent: nothing is "dropped"
    group1 = next(g for g in result["groups"] if g["a_section"] == "III.1")
    pair = group1["pairs"][0]
    row = html[html.index(">", html.index('<tr class="adapted">', html.index("III.1 Nâng cao"))) :]
    cells = row.split('<td class="text">')
    assert pair["a"][:12] in cells[1] and pair["b"][:12] in cells[2]  # A left, B right
