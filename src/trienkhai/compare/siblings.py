"""Two plans carrying out the same resolution (two provinces), compared task group by group.

A task group is a run of consecutive tasks under the same second-level heading ("III.2",
including its sub-headings "III.2.1", "III.2.2"). Groups of the two plans are matched by the
content of their tasks (TF-IDF cosine of the groups' joined tasks, best overall assignment),
not by their numbers: one province numbers the groups III.1-7, another II.1-7. Inside matched
groups, tasks are paired by the same aligner as the cascade comparison.
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

from .align import AlignParams, align_tasks
from .diff import Words, compare_words
from .features import FeatureSpace
from .normalize import find_places, shared_table
from .plans import Plan

SCHEMA = "trienkhai.compare-siblings/1"
MIN_GROUP_COSINE = 0.25
# two provinces word the same task more freely than a district copying its province, and the
# matched group already vouches for the topic: a lower bar for pairs inside a group
SIBLING_PARAMS = AlignParams(min_cosine=0.30)
_HEADING = re.compile(r"^\W*(?:(?P<roman>[IVX]+)\.|(?P<num>\d+(?:\.\d+)*)\.?)\s+(?P<text>\S.*)$")


def group_key(section: str) -> str:
    """The task group of a section path: its first two levels ("III.2.1" -> "III.2")."""
    return ".".join(section.split(".")[:2]) if section else ""


def task_groups(plan: Plan) -> list[dict[str, Any]]:
    """Consecutive runs of tasks sharing a group key, with the heading printed for it."""
    headings = _headings(plan.text)
    groups: list[dict[str, Any]] = []
    for task in plan.tasks:
        key = group_key(task.section)
        if not groups or groups[-1]["section"] != key:
            groups.append({"section": key, "heading": headings.get(key, ""), "tasks": []})
        groups[-1]["tasks"].append(task.index)
    return groups


def _headings(text: str) -> dict[str, str]:
    """Headings by section path ("III.2" -> its text), read from numbered lines."""
    out: dict[str, str] = {}
    roman = ""
    for line in text.splitlines():
        m = _HEADING.match(line.replace("*", "").strip())
        if not m:
            continue
        if m.group("roman"):
            roman = m.group("roman")
        elif roman and "." not in m.group("num"):
            out.setdefault(f"{roman}.{m.group('num')}", m.group("text").strip().rstrip(".:"))
    return out


def compare_siblings(a: Plan, b: Plan) -> dict[str, Any]:
    """Compare two plans implementing the same document, group by group."""
    table = shared_table()
    table.add_places(find_places([a.text, b.text] + [t.text for t in a.tasks + b.tasks]))
    a_tok = table.tokens([t.text for t in a.tasks])
    b_tok = table.tokens([t.text for t in b.tasks])
    ga, gb = task_groups(a), task_groups(b)
    join = [[tok for i in g["tasks"] for tok in toks[i]] for g, toks in ((g, a_tok) for g in ga)]
    join_b = [[tok for i in g["tasks"] for tok in b_tok[i]] for g in gb]
    cos = FeatureSpace.build(join, join_b).similarity()[0] if ga and gb else np.zeros((0, 0))
    matched: list[dict[str, Any]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    if cos.size:
        rows, cols = linear_sum_assignment(-cos)
        for r, c in sorted(zip(rows.tolist(), cols.tolist(), strict=True)):
            if cos[r, c] >= MIN_GROUP_COSINE:
                used_a.add(r)
                used_b.add(c)
                matched.append(_group_pair(a, b, ga[r], gb[c], a_tok, b_tok, float(cos[r, c])))
    paired = sum(len(g["pairs"]) for g in matched)
    return {
        "schema": SCHEMA,
        "a": a.name,
        "b": b.name,
        "a_title": a.title,
        "b_title": b.title,
        "summary": {
            "a_tasks": len(a.tasks),
            "b_tasks": len(b.tasks),
            "a_groups": len(ga),
            "b_groups": len(gb),
            "matched_groups": len(matched),
            "paired_tasks": paired,
        },
        "groups": matched,
        "unmatched_a": [_group_ref(a, g) for k, g in enumerate(ga) if k not in used_a],
        "unmatched_b": [_group_ref(b, g) for k, g in enumerate(gb) if k not in used_b],
    }


def _group_ref(plan: Plan, group: dict[str, Any]) -> dict[str, Any]:
    return {
        "section": group["section"],
        "heading": group["heading"],
        "tasks": [plan.tasks[i].text for i in group["tasks"]],
    }


def _group_pair(
    a: Plan, b: Plan, g_a: dict, g_b: dict, a_tok: list, b_tok: list, cosine: float
) -> dict[str, Any]:
    ia, ib = g_a["tasks"], g_b["tasks"]
    al = align_tasks([a_tok[i] for i in ia], [b_tok[j] for j in ib], SIBLING_PARAMS)
    pairs = []
    for lk in al.links:
        ta, tb = a.tasks[ia[lk.child]], b.tasks[ib[lk.parent]]
        ratio, _, segments = compare_words(Words.of(ta.text), Words.of(tb.text))
        pairs.append(
            {
                "a": ta.text,
                "b": tb.text,
                "a_index": ta.index,
                "b_index": tb.index,
                "similarity": round(ratio, 3),
                "score": round(lk.cosine, 3),
                "link": lk.kind,
                "diff": segments,
            }
        )
    return {
        "a_section": g_a["section"],
        "a_heading": g_a["heading"],
        "b_section": g_b["section"],
        "b_heading": g_b["heading"],
        "similarity": round(cosine, 3),
        "a_tasks": len(ia),
        "b_tasks": len(ib),
        "pairs": pairs,
        "only_a": [a.tasks[ia[i]].text for i in al.new],
        "only_b": [b.tasks[ib[j]].text for j in al.omitted],
    }
