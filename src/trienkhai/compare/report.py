"""Compare a parent plan with a child plan: the ``trienkhai.compare/1`` object.

Computed once as plain data (pairs, omitted tasks, summary, per-section and per-group tables,
localised citations); the Markdown, JSON and HTML renderers only present it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import numpy as np
from rapidfuzz.distance import Indel

from .align import Alignment, AlignParams, Link, align_space
from .citations import attach_to_tasks, localised_citations, symbols
from .diff import Words, classify, compare_words, quick_class
from .explain import shared_ngrams
from .features import FeatureSpace
from .lexicon import load
from .normalize import (
    RawTokens,
    TokenTable,
    class_words,
    find_places,
    shared_class_words,
    shared_table,
)
from .plans import Plan

SCHEMA = "trienkhai.compare/1"
PLACE_SWAP_AT = 0.95  # neutralised ratio at which an adapted pair is "a copy with places changed"


@dataclass
class Aligned:
    """The fast core's answer: the alignment, each link's class, and the match tokens."""

    alignment: Alignment
    classes: dict[tuple[int, int], str]
    table: TokenTable
    child_ids: tuple[np.ndarray, np.ndarray]  # token ids of all child tasks, tokens a task
    parent_ids: tuple[np.ndarray, np.ndarray]

    def keys(self, side: str) -> list[str]:
        """Match keys (space-joined tokens) of the child's or the parent's tasks."""
        ids, lengths = self.child_ids if side == "child" else self.parent_ids
        words, flat = self.table.words, ids.tolist()
        bounds = np.concatenate([[0], np.cumsum(lengths)]).astype(int).tolist()
        return [" ".join(words[i] for i in flat[a:b]) for a, b in pairwise(bounds)]


HEAD_CHARS = 3000  # the header and title, where the issuer's place is printed


def _place_texts(plan: Plan) -> list[str]:
    return [plan.text[:HEAD_CHARS], *(t.text for t in plan.tasks)]


def align_plans(
    parent: Plan, child: Plan, params: AlignParams | None = None, *, classes: bool = True
) -> Aligned:
    """Pair the tasks and class each pair (no diffs or tables: what the benchmark times);
    ``classes=False`` stops after the pairing."""
    c_texts = [t.text for t in child.tasks]
    p_texts = [t.text for t in parent.tasks]
    table = shared_table()
    table.add_places(find_places(_place_texts(parent) + _place_texts(child)))
    raw = RawTokens.of(c_texts + p_texts)  # one pass over both plans' bytes
    ids, lengths = table.ids_of(raw)
    cut = int(lengths[: len(c_texts)].sum())
    c_ids, c_len, p_ids, p_len = (
        ids[:cut],
        lengths[: len(c_texts)],
        ids[cut:],
        lengths[len(c_texts) :],
    )
    if c_texts and p_texts:
        alignment = align_space(FeatureSpace.build_ids(c_ids, c_len, p_ids, p_len), params)
    else:
        alignment = Alignment([], list(range(len(c_texts))), list(range(len(p_texts))))
    classes_of: dict[tuple[int, int], str] = {}
    if classes and alignment.links:
        # class words as integer ids, split once per plan (equal ids = equal words)
        w_ids, w_len = shared_class_words().ids_of(raw)
        flat = w_ids.tolist()
        bounds = [0, *np.cumsum(w_len).tolist()]
        words = [flat[a:b] for a, b in pairwise(bounds)]
        n_c = len(c_texts)
        for lk in alignment.links:
            classes_of[(lk.child, lk.parent)] = quick_class(words[lk.child], words[n_c + lk.parent])
    return Aligned(alignment, classes_of, table, (c_ids, c_len), (p_ids, p_len))


def compare_plans(parent: Plan, child: Plan, params: AlignParams | None = None) -> dict[str, Any]:
    """Align ``child``'s tasks with ``parent``'s and build the comparison result."""
    p_texts = [t.text for t in parent.tasks]
    aligned = align_plans(parent, child, params, classes=False)  # the diffs give the classes
    alignment = aligned.alignment
    c_keys, p_keys = aligned.keys("child"), aligned.keys("parent")
    pairs = _pairs(parent, child, alignment, c_keys, p_keys)
    result: dict[str, Any] = {
        "schema": SCHEMA,
        "parent": parent.name,
        "child": child.name,
        "parent_title": parent.title,
        "child_title": child.title,
        "pairs": pairs,
        "omitted_parent": [p_texts[j] for j in alignment.omitted],
        "omitted": [_task_ref(parent, j) for j in alignment.omitted],
        "parents": _parent_status(parent, alignment),
    }
    result["summary"] = _summary(parent, child, pairs, alignment)
    result["sections"] = _sections(parent, child, pairs, alignment)
    result["groups"] = _groups(parent, child, pairs, alignment)
    result["citations"] = _citations(parent, child, alignment)
    return result


def _parent_status(parent: Plan, alignment: Alignment) -> list[dict[str, Any]]:
    """Each parent task, ``carried`` (with the child tasks carrying it) or ``omitted``."""
    children: dict[int, list[int]] = defaultdict(list)
    for lk in alignment.links:
        children[lk.parent].append(lk.child)
    return [
        {
            "index": j,
            "section": t.section,
            "status": "carried" if children.get(j) else "omitted",
            "children": sorted(children.get(j, [])),
        }
        for j, t in enumerate(parent.tasks)
    ]


def _task_ref(plan: Plan, index: int) -> dict[str, Any]:
    task = plan.tasks[index]
    return {"index": index, "section": task.section, "group": task.group, "text": task.text}


def _pairs(
    parent: Plan, child: Plan, alignment: Alignment, c_keys: list[str], p_keys: list[str]
) -> list[dict[str, Any]]:
    by_child: dict[int, list[Link]] = defaultdict(list)
    for lk in alignment.links:
        by_child[lk.child].append(lk)
    out: list[dict[str, Any]] = []
    for i, ctask in enumerate(child.tasks):
        links = by_child.get(i)
        if not links:
            out.append(
                {
                    "child": ctask.text,
                    "parent": None,
                    "class": "new",
                    "similarity": None,
                    "score": None,
                    "child_index": i,
                    "parent_index": None,
                    "child_section": ctask.section,
                    "parent_section": None,
                    "group": ctask.group,
                    "link": None,
                    "matched_words": 0,
                }
            )
            continue
        for lk in links:
            out.append(_pair(parent, child, lk, c_keys, p_keys))
    return out


def _pair(parent: Plan, child: Plan, lk: Link, c_keys: list[str], p_keys: list[str]) -> dict:
    ctask, ptask = child.tasks[lk.child], parent.tasks[lk.parent]
    ratio, matched, segments = compare_words(Words.of(ctask.text), Words.of(ptask.text))
    cls = classify(ratio)
    neutral = Indel.normalized_similarity(c_keys[lk.child].split(), p_keys[lk.parent].split())
    return {
        "child": ctask.text,
        "parent": ptask.text,
        "class": cls,
        "similarity": round(ratio, 3),
        "score": round(lk.cosine, 3),
        "child_index": lk.child,
        "parent_index": lk.parent,
        "child_section": ctask.section,
        "parent_section": ptask.section,
        "group": ctask.group or ptask.group,
        "link": lk.kind,
        "matched_words": matched,
        "place_swap_only": cls == "adapted" and neutral >= PLACE_SWAP_AT,
        "why": {
            "cosine": round(lk.cosine, 3),
            "child_in_parent": round(lk.cover_child, 3),
            "parent_in_child": round(lk.cover_parent, 3),
            "neutral_ratio": round(neutral, 3),
            "shared": shared_ngrams(c_keys[lk.child], p_keys[lk.parent]),
        },
        "diff": segments if matched < len(class_words(ctask.text)) or ratio < 1.0 else [],
    }


def _summary(
    parent: Plan, child: Plan, pairs: list[dict[str, Any]], alignment: Alignment
) -> dict[str, Any]:
    n_p, n_c = len(parent.tasks), len(child.tasks)
    carried = n_p - len(alignment.omitted)
    classes: dict[int, str] = {}
    matched: dict[int, int] = defaultdict(int)
    rank = {"copied": 2, "adapted": 1, "new": 0}
    for p in pairs:
        i = p["child_index"]
        if rank[p["class"]] >= rank.get(classes.get(i, "new"), 0):
            classes[i] = p["class"]
        matched[i] = max(matched[i], p["matched_words"])
    child_words = [len(class_words(t.text)) for t in child.tasks]
    total_words = sum(child_words) or 1
    copied_words = sum(min(matched[i], child_words[i]) for i in range(n_c))
    added = _added_words(pairs)
    counts = Counter(classes.values())
    links = Counter(p["link"] for p in pairs if p["link"])
    return {
        "parent_tasks": n_p,
        "child_tasks": n_c,
        "carried": carried,
        "omitted": len(alignment.omitted),
        "coverage": round(carried / n_p, 3) if n_p else 0.0,
        "copied": counts.get("copied", 0),
        "adapted": counts.get("adapted", 0),
        "new": counts.get("new", 0),
        "place_swap_only": sum(1 for p in pairs if p.get("place_swap_only")),
        "splits": links.get("split", 0),
        "merges": links.get("merge", 0),
        "child_words": sum(child_words),
        "copied_words": copied_words,
        "copy_ratio": round(copied_words / total_words, 3),
        "words_added": sum(child_words) - copied_words,
        "localisation_words": added,
    }


def _added_words(pairs: list[dict[str, Any]], top: int = 15) -> list[dict[str, Any]]:
    """What the child wrote in place of or beside the parent's words (from the diffs): short
    insertions count as one phrase ("thị xã", "La Gi"), long ones word by word."""
    stop = load().stopwords
    counter: Counter[str] = Counter()
    for p in pairs:
        for op, text in p.get("diff") or []:
            if op != "+":
                continue
            words = [w for w in class_words(text) if not w.isdigit()]
            while words and words[0] in stop:
                words = words[1:]
            while words and words[-1] in stop:
                words = words[:-1]
            if 0 < len(words) <= 4:
                counter[" ".join(words)] += 1
            else:
                counter.update(w for w in words if w not in stop)
    return [{"word": w, "count": n} for w, n in counter.most_common(top)]


def _sections(
    parent: Plan, child: Plan, pairs: list[dict[str, Any]], alignment: Alignment
) -> dict[str, list[dict[str, Any]]]:
    omitted = set(alignment.omitted)
    prow: dict[str, dict[str, Any]] = {}
    for j, t in enumerate(parent.tasks):
        row = prow.setdefault(t.section, {"section": t.section, "tasks": 0, "carried": 0})
        row["tasks"] += 1
        row["carried"] += j not in omitted
    for row in prow.values():
        row["omitted"] = row["tasks"] - row["carried"]
        row["coverage"] = round(row["carried"] / row["tasks"], 3)
    crow: dict[str, dict[str, Any]] = {}
    seen: set[int] = set()
    for p in pairs:
        if p["child_index"] in seen:
            continue
        seen.add(p["child_index"])
        sec = p["child_section"] or ""
        row = crow.setdefault(
            sec, {"section": sec, "tasks": 0, "copied": 0, "adapted": 0, "new": 0}
        )
        row["tasks"] += 1
        row[p["class"]] += 1
    return {"parent": list(prow.values()), "child": list(crow.values())}


def _groups(
    parent: Plan, child: Plan, pairs: list[dict[str, Any]], alignment: Alignment
) -> list[dict[str, Any]]:
    labels = load().groups
    omitted = set(alignment.omitted)
    rows: dict[str, dict[str, Any]] = {}

    def row(code: str) -> dict[str, Any]:
        return rows.setdefault(
            code,
            {
                "group": code,
                "label": labels.get(code, code),
                "parent_tasks": 0,
                "carried": 0,
                "child_tasks": 0,
                "copied": 0,
                "adapted": 0,
                "new": 0,
            },
        )

    for j, t in enumerate(parent.tasks):
        if t.group:
            r = row(t.group)
            r["parent_tasks"] += 1
            r["carried"] += j not in omitted
    seen: set[int] = set()
    for p in pairs:
        if p["child_index"] in seen or not p["group"]:
            continue
        seen.add(p["child_index"])
        r = row(p["group"])
        r["child_tasks"] += 1
        r[p["class"]] += 1
    order = list(labels)
    return sorted(
        rows.values(), key=lambda r: order.index(r["group"]) if r["group"] in order else 99
    )


def _citations(parent: Plan, child: Plan, alignment: Alignment) -> dict[str, Any]:
    p_text = parent.text or "\n".join(t.text for t in parent.tasks)
    c_text = child.text or "\n".join(t.text for t in child.tasks)
    exclude = {str(d.get("number")) for d in child.document.get("implements", []) or [] if d}
    if parent.document.get("number"):
        exclude.add(str(parent.document["number"]))
    child_of_parent: dict[int, list[int]] = defaultdict(list)
    for lk in alignment.links:
        child_of_parent[lk.parent].append(lk.child)
    local = localised_citations(p_text, c_text, exclude)
    attach_to_tasks(local, [t.text for t in parent.tasks], child_of_parent)
    p_cites, c_cites = set(symbols(p_text)), set(symbols(c_text))
    kept = sorted(p_cites & c_cites)
    replaced = {x["parent_cites"] for x in local}
    return {
        "localised": local,
        "kept": kept,
        "dropped": sorted(p_cites - c_cites - replaced),
        "added": sorted(c_cites - p_cites - {x["child_cites"] for x in local}),
    }
