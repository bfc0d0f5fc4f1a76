"""Alignment benchmark: two ~100-task plans, our aligner beside brute-force baselines.

The parent is the seeds' provincial and city plans (001 + 004 + 003, ~100 tasks); the child is
La Gi's plan (000) plus perturbed copies of the other parent tasks (places swapped, clauses
reordered, words dropped) and a few tasks of its own, shuffled. Timed in the same run:

* ours: ``align_plans`` (keys, TF-IDF cosine, Hungarian assignment, splits/merges, classes) —
  goal: median <= 20 ms, printed against both wall-clock and CPU time (on a shared machine
  the wall-clock time is the CPU time divided by the share of a core the process got); and ``compare_plans`` (plus diffs, explanations, tables, citations);
* brute-force rapidfuzz: ``process.cdist`` with ``fuzz.token_set_ratio`` over every pair, then
  the same assignment and classes;
* difflib: ``SequenceMatcher`` word ratio over every pair, then the same assignment.

Pair F1 on the gold alignment (000 vs 001) is printed for each method too.

    .venv/bin/python bench/compare.py [--runs 21]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import time
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from scipy.optimize import linear_sum_assignment

from trienkhai.compare import Plan, compare_plans, plan_from_extraction
from trienkhai.compare.diff import classify, quick_class
from trienkhai.compare.normalize import class_words
from trienkhai.compare.report import align_plans

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GOLD, SEEDS = SHARED / "eval" / "gold", SHARED / "seeds"
OWN_TASKS = [
    "Tổ chức hội nghị đối thoại giữa người đứng đầu cấp ủy với đoàn viên, hội viên ở các khu phố.",
    "Xây dựng mô hình dân vận khéo trong chuyển đổi số ở phường, xã.",
    "Hỗ trợ ngư dân bám biển, phát triển kinh tế biển gắn với bảo vệ chủ quyền biển, đảo.",
]


def load(stem: str) -> Plan:
    data = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    return plan_from_extraction(data, text=(SEEDS / f"{stem}.txt").read_text(encoding="utf-8"))


def perturb(text: str, rng: random.Random) -> str:
    for a, b in (("tỉnh", "thị xã"), ("Thanh Hóa", "Sầm Sơn"), ("Lai Châu", "Tam Đường")):
        text = text.replace(a, b)
    clauses = text.split("; ")
    if len(clauses) > 2:
        rng.shuffle(clauses)
    words = "; ".join(clauses).split(" ")
    return " ".join(w for w in words if rng.random() > 0.06)


def make_plans() -> tuple[Plan, Plan]:
    rng = random.Random(4)
    p001, p004, p003, p000 = (
        load(s)
        for s in (
            "001_bea7e661fdf07ade",
            "004_31fbcdc3dcbc9cdd",
            "003_e6f5f0dc89473b66",
            "000_fd14fda0d7ba0650",
        )
    )
    parent_tasks = p001.tasks + p004.tasks + p003.tasks
    child_texts = [t.text for t in p000.tasks]
    child_texts += [perturb(t.text, rng) for t in p004.tasks + p003.tasks if rng.random() < 0.9]
    child_texts += OWN_TASKS
    rng.shuffle(child_texts)
    parent = Plan(
        "parent",
        [t.__class__(i, t.text, t.section, t.group) for i, t in enumerate(parent_tasks)],
        text=p001.text + p004.text + p003.text,
    )
    child = Plan(
        "child", [p000.tasks[0].__class__(i, t) for i, t in enumerate(child_texts)], text=p000.text
    )
    return parent, child


def assign(scores: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    rows, cols = linear_sum_assignment(-scores)
    return [(int(r), int(c)) for r, c in zip(rows, cols, strict=True) if scores[r, c] >= threshold]


def rapidfuzz_pairs(parent: Plan, child: Plan) -> dict[tuple[int, int], str]:
    c, p = [t.text for t in child.tasks], [t.text for t in parent.tasks]
    scores = process.cdist(c, p, scorer=fuzz.token_set_ratio, workers=1) / 100.0
    return {
        (i, j): quick_class(class_words(c[i]), class_words(p[j])) for i, j in assign(scores, 0.6)
    }


def difflib_pairs(parent: Plan, child: Plan) -> dict[tuple[int, int], str]:
    c = [class_words(t.text) for t in child.tasks]
    p = [class_words(t.text) for t in parent.tasks]
    scores = np.zeros((len(c), len(p)))
    for i, a in enumerate(c):
        for j, b in enumerate(p):
            scores[i, j] = SequenceMatcher(None, a, b, autojunk=False).ratio()
    return {(i, j): classify(scores[i, j]) for i, j in assign(scores, 0.35)}


def ours(parent: Plan, child: Plan) -> dict[tuple[int, int], str]:
    return align_plans(parent, child).classes


def median_ms(fn, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds of ``runs`` calls."""
    times, cpus = [], []
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return statistics.median(times) * 1000, statistics.median(cpus) * 1000


def gold_f1(method) -> tuple[float, float]:
    """Pair F1 and class accuracy of a method on the gold alignment (000 vs 001)."""
    gold = json.loads((SHARED / "eval" / "align" / "000_vs_001.json").read_text("utf-8"))
    parent, child = load("001_bea7e661fdf07ade"), load("000_fd14fda0d7ba0650")
    want = {(g["child"], g["parent"]): g["class"] for g in gold["pairs"] if g["parent"]}
    got = {
        (child.tasks[i].text, parent.tasks[j].text): cls
        for (i, j), cls in method(parent, child).items()
    }
    tp = set(want) & set(got)
    prec, rec = len(tp) / max(len(got), 1), len(tp) / max(len(want), 1)
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    acc = sum(want[k] == got[k] for k in tp) / max(len(tp), 1)
    return f1, acc


def calibration_ms() -> float:
    """CPU time of a fixed pure-Python loop: how fast this machine's core is right now
    (to read the other figures on a shared or throttled machine)."""
    t, total = time.process_time(), 0
    for i in range(10_000_000):
        total += i
    return (time.process_time() - t) * 1000


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--difflib-runs", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"calibration: a 10M-step Python loop takes {calibration_ms():.0f} ms CPU here")
    parent, child = make_plans()
    print(f"plans: parent {len(parent.tasks)} tasks, child {len(child.tasks)} tasks")
    for fn in (ours, rapidfuzz_pairs):
        fn(parent, child)  # warm caches and imports
    compare_plans(parent, child)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; wall / CPU ms")
    t_ours, c_ours = median_ms(lambda: ours(parent, child), args.runs)
    t_pair, c_pair = median_ms(lambda: align_plans(parent, child, classes=False), args.runs)
    t_full, c_full = median_ms(lambda: compare_plans(parent, child), args.runs)
    t_rf, c_rf = median_ms(lambda: rapidfuzz_pairs(parent, child), args.runs)
    t_dl, c_dl = median_ms(lambda: difflib_pairs(parent, child), args.difflib_runs)
    print(
        f"ours align_plans      median {t_ours:8.1f} / {c_ours:7.1f} ms  [goal <= 20 ms: wall "
        f"{'ok' if t_ours <= 20 else 'MISSED'} (ratio {t_ours / 20:.2f}), CPU "
        f"{'ok' if c_ours <= 20 else 'MISSED'} (ratio {c_ours / 20:.2f})]"
    )
    print(f"ours pairing only     median {t_pair:8.1f} / {c_pair:7.1f} ms  (no classes)")
    print(f"ours compare_plans    median {t_full:8.1f} / {c_full:7.1f} ms  (diffs, why, tables)")
    print(
        f"rapidfuzz brute force median {t_rf:8.1f} / {c_rf:7.1f} ms  = {t_rf / t_ours:.1f}x ours "
        f"(CPU {c_rf / c_ours:.1f}x)"
    )
    print(
        f"difflib pairing       median {t_dl:8.1f} / {c_dl:7.1f} ms  = {t_dl / t_ours:.1f}x ours "
        f"(CPU {c_dl / c_ours:.1f}x)"
    )
    print(f"load average {os.getloadavg()[0]:.1f} at the end (wall / CPU = the share of a core)")
    for name, fn in (("ours", ours), ("rapidfuzz", rapidfuzz_pairs), ("difflib", difflib_pairs)):
        f1, acc = gold_f1(fn)
        print(f"gold 000 vs 001 {name:<10} pair F1 {f1:.3f}  class accuracy {acc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
