"""The aligner: one-to-one pairs, splits, merges, new and omitted tasks, and the classes."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from trienkhai.compare import compare_plans
from trienkhai.compare.align import align_tasks
from trienkhai.compare.diff import Words, classify, compare_words, quick_class
from trienkhai.compare.normalize import class_words
from trienkhai.compare.plans import Plan, Task

A = "Đẩy mạnh công tác tuyên truyền, giáo dục về truyền thống đại đoàn kết toàn dân tộc cho cán bộ, đảng viên và Nhân dân trên địa bàn tỉnh"
B = "Nâng cao chất lượng hoạt động giám sát và phản biện xã hội của Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội các cấp"
C = "Thực hiện tốt chính sách an sinh xã hội, giảm nghèo bền vững, chăm lo đời sống vật chất và tinh thần của đồng bào dân tộc thiểu số"
D = "Tăng cường ứng dụng công nghệ số trong quản lý nhà nước về đất đai, môi trường và tài nguyên khoáng sản của địa phương"


def plan(name: str, *texts: str) -> Plan:
    return Plan(name, [Task(i, t, section=f"II.{i + 1}") for i, t in enumerate(texts)])


def pairs_of(result: dict) -> set[tuple[int | None, int | None, str]]:
    return {(p["child_index"], p["parent_index"], p["class"]) for p in result["pairs"]}


def test_reordered_copies_are_paired_one_to_one() -> None:
    result = compare_plans(plan("p", A, B, C), plan("c", C, A, B))
    assert pairs_of(result) == {(0, 2, "copied"), (1, 0, "copied"), (2, 1, "copied")}
    assert result["omitted"] == []
    assert result["summary"]["coverage"] == 1.0


def test_a_task_with_no_counterpart_is_new_and_a_dropped_one_is_omitted() -> None:
    result = compare_plans(plan("p", A, B, C), plan("c", A, D))
    assert (1, None, "new") in pairs_of(result)
    assert {o["index"] for o in result["omitted"]} == {1, 2}
    assert [p["status"] for p in result["parents"]] == ["carried", "omitted", "omitted"]
    assert result["omitted_parent"] == [B, C]
    assert result["summary"]["coverage"] == pytest.approx(1 / 3, abs=0.001)


def test_a_parent_bullet_split_in_two_gives_two_pairs_with_one_parent() -> None:
    parent = plan("p", A + "; " + C, B)
    result = compare_plans(parent, plan("c", A, C, B))
    got = pairs_of(result)
    assert (0, 0, "adapted") in got and (1, 0, "adapted") in got and (2, 1, "copied") in got
    assert result["summary"]["splits"] == 1
    assert result["omitted"] == []
    assert result["parents"][0] == {
        "index": 0,
        "section": "II.1",
        "status": "carried",
        "children": [0, 1],
    }


def test_two_parent_bullets_merged_give_two_pairs_with_one_child() -> None:
    result = compare_plans(plan("p", A, C, B), plan("c", A + "; " + C, B))
    got = pairs_of(result)
    assert (0, 0, "adapted") in got and (0, 1, "adapted") in got and (1, 2, "copied") in got
    assert result["summary"]["merges"] == 1


def test_localising_places_and_levels_does_not_break_the_pairing() -> None:
    parent = plan("p", "Ban Dân vận Tỉnh ủy chủ trì theo dõi việc thực hiện của tỉnh Bình Thuận", B)
    child = plan("c", B, "Ban Dân vận Thị ủy chủ trì theo dõi việc thực hiện của thị xã La Gi")
    result = compare_plans(parent, child)
    pair = next(p for p in result["pairs"] if p["child_index"] == 1)
    assert pair["parent_index"] == 0
    assert pair["class"] == "adapted"
    assert pair["place_swap_only"] is True
    assert pair["why"]["neutral_ratio"] == 1.0


def test_unrelated_plans_pair_nothing() -> None:
    result = compare_plans(plan("p", A, B), plan("c", D))
    assert pairs_of(result) == {(0, None, "new")}
    assert result["summary"]["coverage"] == 0.0


def test_empty_token_lists_align_to_nothing() -> None:
    al = align_tasks([], [["a"]])
    assert al.links == [] and al.omitted == [0]


@pytest.mark.parametrize(
    ("ratio", "expected"), [(0.9, "copied"), (0.8999, "adapted"), (1.0, "copied"), (None, "new")]
)
def test_class_threshold(ratio: float | None, expected: str) -> None:
    assert classify(ratio) == expected


def test_class_figure_is_difflibs_ratio_over_words_child_first() -> None:
    child, parent = A + " và thị xã", A.replace("tuyên truyền", "vận động")
    ratio, matched, segments = compare_words(Words.of(child), Words.of(parent))
    assert matched == sum(
        b.size
        for b in SequenceMatcher(
            None, class_words(child), class_words(parent), autojunk=False
        ).get_matching_blocks()
    )
    sm = SequenceMatcher(None, class_words(child), class_words(parent), autojunk=False)
    assert ratio == pytest.approx(sm.ratio())
    assert ["+", "tuyên truyền,"] in segments and ["-", "vận động,"] in segments
    assert quick_class(class_words(child), class_words(parent)) == classify(ratio)


def test_quick_class_runs_difflib_only_where_needed_and_agrees() -> None:
    words = class_words(A)
    near = words[:-1]
    far = words[: len(words) // 2]
    for other in (near, far, words):
        ratio = SequenceMatcher(None, words, other, autojunk=False).ratio()
        assert quick_class(words, other) == classify(ratio)


def test_each_pair_says_why() -> None:
    result = compare_plans(plan("p", A, B), plan("c", A.replace("tỉnh", "huyện"), B))
    why = result["pairs"][0]["why"]
    assert why["cosine"] > 0.9 and why["child_in_parent"] > 0.9
    assert why["shared"][0].startswith("đẩy mạnh công tác tuyên truyền")
    assert why["shared"][0].endswith("…")  # a long shared run is cut for display


@pytest.fixture(params=["compiled", "stepwise"])
def matcher(request, monkeypatch) -> str:
    """Both ways ``diff`` runs difflib's algorithm: compiled (cydifflib, all blocks at once)
    and, where it is missing, the standard library's, stepping and stopping once settled."""
    from trienkhai.compare import diff

    if request.param == "stepwise":
        monkeypatch.setattr(diff, "SequenceMatcher", SequenceMatcher)
        monkeypatch.setattr(diff, "_STEPWISE", True)
    elif diff._STEPWISE:
        pytest.skip("cydifflib is not installed")
    return request.param


def test_quick_class_is_exact_on_many_perturbed_pairs(binh_thuan, la_gi, matcher) -> None:
    import random

    rng = random.Random(11)
    texts = [t.text for t in binh_thuan.tasks + la_gi.tasks]
    checked = 0
    for text in texts:
        words = class_words(text)
        for _ in range(6):
            other = [w for w in words if rng.random() > rng.choice([0.01, 0.04, 0.08, 0.15])]
            if rng.random() < 0.5 and len(other) > 4:  # move a clause
                cut = rng.randrange(1, len(other) - 1)
                other = other[cut:] + other[:cut]
            ratio = SequenceMatcher(None, words, other, autojunk=False).ratio()
            assert quick_class(words, other) == classify(ratio), (ratio, text[:60])
            checked += 1
    assert checked == 6 * len(texts)


def test_compiled_difflib_gives_the_standard_librarys_blocks_and_opcodes(binh_thuan, la_gi) -> None:
    """The diffs shown and the class figure come from cydifflib where it is installed: it
    must be difflib's algorithm exactly, on real texts with words dropped and moved."""
    import random

    from trienkhai.compare import diff

    if diff._STEPWISE:
        pytest.skip("cydifflib is not installed")
    rng = random.Random(12)
    for text in [t.text for t in binh_thuan.tasks + la_gi.tasks]:
        words = class_words(text)
        other = [w for w in words if rng.random() > 0.08]
        if len(other) > 4:
            cut = rng.randrange(1, len(other) - 1)
            other = other[cut:] + other[:cut]
        ours = diff.SequenceMatcher(None, words, other, autojunk=False)
        std = SequenceMatcher(None, words, other, autojunk=False)
        assert [tuple(m) for m in ours.get_matching_blocks()] == list(
            map(tuple, std.get_matching_blocks())
        )
        assert [tuple(o) for o in ours.get_opcodes()] == std.get_opcodes()
        assert ours.ratio() == std.ratio()
