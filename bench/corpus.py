"""Corpus benchmark: index N perturbed tasks, then answer `similar` for a 100-task plan.

Tasks are generated from the seeds' tasks (extraction gold, or the engine with --engine):
place names swapped for other provinces', clauses reordered, words dropped. Prints the
indexing rate (goal >= 20,000 tasks/s), the `similar` median for one 100-task plan (goal
<= 300 ms), the index size and the peak memory of the process.

    .venv/bin/python bench/corpus.py --n 100000      # quick
    .venv/bin/python bench/corpus.py --n 1000000     # the full figure (run rarely)
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from trienkhai.compare.index import CorpusIndex
from trienkhai.compare.lexicon import load

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "gold"
SEEDS = ROOT.parent / "shared" / "seeds"
TASKS_PER_DOC = 100


def seed_tasks(engine: bool) -> list[str]:
    if engine:
        from trienkhai.documents import extract_path

        return [t["text"] for p in sorted(SEEDS.glob("*.txt")) for t in extract_path(p)["tasks"]]
    return [
        t["text"] for p in sorted(GOLD.glob("*.json")) for t in json.loads(p.read_text())["tasks"]
    ]


class Perturber:
    """Makes plausible variants of a task: another place, clauses reordered, words dropped."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.places = list(load().provinces)
        self.levels = ["tỉnh", "huyện", "thị xã", "thành phố"]

    def __call__(self, text: str) -> str:
        rng = self.rng
        for place in ("Bình Thuận", "La Gi", "Thanh Hóa", "Lai Châu"):
            if place in text:
                text = text.replace(place, rng.choice(self.places))
        if rng.random() < 0.5:
            text = text.replace("tỉnh", rng.choice(self.levels))
        clauses = text.split("; ")
        if len(clauses) > 2 and rng.random() < 0.6:
            i, j = rng.sample(range(len(clauses)), 2)
            clauses[i], clauses[j] = clauses[j], clauses[i]
        words = "; ".join(clauses).split(" ")
        drop = rng.uniform(0.0, 0.12)
        return " ".join(w for w in words if rng.random() >= drop)


def generate(seeds: list[str], n: int, batch: int):
    perturb = Perturber()
    made = 0
    while made < n:
        k = min(batch, n - made)
        yield [perturb(seeds[(made + i) % len(seeds)]) for i in range(k)]
        made += k


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def calibration_ms() -> float:
    """CPU time of a fixed pure-Python loop: how fast this machine's core is right now
    (to read the other figures on a shared or throttled machine)."""
    t, total = time.process_time(), 0
    for i in range(10_000_000):
        total += i
    return (time.process_time() - t) * 1000


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=100_000, help="tasks to index (default 100000)")
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7, help="similar queries to time")
    ap.add_argument("--engine", action="store_true", help="seed tasks from the engine")
    ap.add_argument("--no-text", action="store_true", help="do not keep task texts")
    ap.add_argument("--save", type=Path, help="also save the index there and time loading")
    args = ap.parse_args(argv)
    print(f"calibration: a 10M-step Python loop takes {calibration_ms():.0f} ms CPU here")

    seeds = seed_tasks(args.engine)
    print(f"seed tasks: {len(seeds)}; generating {args.n:,} perturbed tasks")
    t0 = time.perf_counter()
    batches = list(generate(seeds, args.n, args.batch))
    print(f"generated in {time.perf_counter() - t0:.1f} s (not counted)")

    index = CorpusIndex(store_text=not args.no_text)
    n_docs = (args.n + TASKS_PER_DOC - 1) // TASKS_PER_DOC
    index.register_documents(f"doc{d:06d}" for d in range(n_docs))
    row = 0
    load1 = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    for texts in batches:
        rows = np.arange(row, row + len(texts))
        index.add_tasks(texts, rows // TASKS_PER_DOC, rows % TASKS_PER_DOC)
        row += len(texts)
    t_add = time.perf_counter() - t0
    t1 = time.perf_counter()
    index.finish()
    t_finish = time.perf_counter() - t1
    cpu = time.process_time() - c0
    total = t_add + t_finish
    rate = args.n / total
    del batches
    arrays = (
        index.signatures.nbytes
        + index.task_doc.nbytes
        + index.task_no.nbytes
        + index.band_keys.nbytes
        + index.band_ids.nbytes
    )
    print(
        f"index: {args.n:,} tasks in {total:.2f} s (hashing {t_add:.2f} s, band sort "
        f"{t_finish:.2f} s) = {rate:,.0f} tasks/s  [goal >= 20,000: "
        f"{'ok' if rate >= 20_000 else 'MISSED'}; ratio {rate / 20_000:.2f}]"
    )
    cpu_rate = args.n / cpu
    print(
        f"  CPU time {cpu:.2f} s = {cpu_rate:,.0f} tasks per CPU-second  [goal >= 20,000: "
        f"{'ok' if cpu_rate >= 20_000 else 'MISSED'}; ratio {cpu_rate / 20_000:.2f}]; "
        f"wall {rate:,.0f}/s is {cpu / total:.0%} of one core"
    )
    print(
        f"  load average {load1:.1f} when it started, {os.getloadavg()[0]:.1f} when it ended, "
        f"on {os.cpu_count()} cores"
    )
    print(f"index arrays: {arrays / 2**20:.0f} MiB ({arrays / args.n:.0f} bytes a task)")

    plan = [Perturber(seed=99)(t) for t in (seeds * 3)[:100]]
    index.query(plan[:5])
    times, cpus = [], []
    for _ in range(args.runs):
        t, c = time.perf_counter(), time.process_time()
        hits = index.query(plan, top=5)
        times.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    med = statistics.median(times) * 1000
    med_cpu = statistics.median(cpus) * 1000
    found = sum(1 for h in hits if h and h[0].similarity >= 0.5)
    print(
        f"similar (100-task plan, top 5): median {med:.0f} ms wall, {med_cpu:.0f} ms CPU over "
        f"{args.runs} runs  "
        f"[goal <= 300 ms: {'ok' if med <= 300 else 'MISSED'}; ratio {med / 300:.2f}]; "
        f"{found}/100 tasks found a match >= 0.5"
    )
    if args.save:
        t = time.perf_counter()
        index.save(args.save)
        t_save = time.perf_counter() - t
        t = time.perf_counter()
        CorpusIndex.load(args.save)
        print(
            f"save {t_save:.1f} s, load {time.perf_counter() - t:.1f} s, "
            f"file {args.save.stat().st_size / 2**20:.0f} MiB"
        )
    print(f"peak memory (max RSS): {peak_mib():,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
