"""Extraction speed and memory: documents/s, MB/s, and the ratio to a floor measured here.

    .venv/bin/python bench/extract.py [--seconds 3] [--batch 1000] [--stages] [--profile]

The floor is one ``re.findall(r"\\w+")`` pass over the same texts: the least any reading of
them costs on this machine, so the ratio does not depend on how fast the machine is. Goals
(issue 2), on the seeds: the full pipeline on .txt at >= 200 documents/s on one core, within
5x the floor; peak memory under 200 MB while a batch of 1,000 documents is extracted one at a
time (each result serialised, then dropped, as the CLI does). The seeds with the engineers'
.txt fixtures (appendix tables, short dense items: more nodes per character) are measured
beside them, and .docx and .pdf figures from the fixtures' renderings. ``--stages`` prints
the CPU milliseconds per document of each stage (reader, structure, each extractor, lint);
``--profile`` prints cProfile's top entries.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import json
import pstats
import re
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from trienkhai.documents import extract_bytes, read_bytes  # noqa: E402
from trienkhai.documents.extract import citations, metadata, reporting, targets, tasks  # noqa: E402
from trienkhai.documents.lint import lint_outline  # noqa: E402
from trienkhai.documents.structure import build_outline  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
WORD = re.compile(r"\w+")
DOCS_PER_S_GOAL = 200
RATIO_GOAL = 5.0
MEMORY_GOAL_MB = 200


def load(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(p.name, p.read_bytes()) for p in paths]


BURSTS = 5


@dataclass(frozen=True)
class Rate:
    wall: float  # runs per second by the wall clock
    cpu: float  # runs per CPU second of this process
    runs: int


def timed(fn: Callable[[], object], seconds: float) -> tuple[int, float, float]:
    """Run ``fn`` repeatedly for about ``seconds``; return (runs, elapsed, CPU seconds)."""
    runs, start, cpu_start = 0, time.perf_counter(), time.process_time()
    while True:
        fn()
        runs += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return runs, elapsed, time.process_time() - cpu_start


def best_rates(fns: dict[str, Callable[[], object]], seconds: float) -> dict[str, Rate]:
    """Runs/s of each function, wall clock and CPU time, the best of ``BURSTS`` bursts.

    The bursts of the functions alternate (floor, pipeline, floor, pipeline ...), so a slow
    spell of a shared or virtual machine hits them alike, and the best burst of each is kept
    (as ``timeit`` advises: the slower ones measure the machine's other jobs, not the code).
    """
    for fn in fns.values():
        fn()  # warm caches (lexicons, compiled patterns) outside the measurement
    best = {name: Rate(0.0, 0.0, 0) for name in fns}
    for _ in range(BURSTS):
        for name, fn in fns.items():
            runs, elapsed, cpu = timed(fn, seconds / BURSTS)
            old = best[name]
            best[name] = Rate(
                max(old.wall, runs / elapsed), max(old.cpu, runs / max(cpu, 1e-9)), old.runs + runs
            )
    return best


def pipeline(docs: list[tuple[str, bytes]], stage: Callable = extract_bytes) -> Callable[[], None]:
    def run() -> None:
        for name, data in docs:
            stage(data, name)

    return run


def floor(docs: list[tuple[str, bytes]]) -> Callable[[], None]:
    texts = [data.decode("utf-8", errors="replace") for _, data in docs]

    def run() -> None:
        for text in texts:
            WORD.findall(text)

    return run


def report(label: str, docs: list[tuple[str, bytes]], seconds: float, goal: bool = False) -> None:
    """Print the full pipeline's documents/s and MB/s and the reader's alone; for the .txt
    sets also the floor's, measured in alternating bursts with them, and the ratio of the two
    (``goal``: say whether issue 2's goal is met)."""
    if not docs:
        print(f"{label:6} (no documents found)")
        return
    n, size_mb = len(docs), sum(len(d) for _, d in docs) / 1e6
    fns = {"pipeline": pipeline(docs), "reader": pipeline(docs, read_bytes)}
    with_floor = label in ("seeds", "txt")
    if with_floor:
        fns["floor"] = floor(docs)
    rates = best_rates(fns, seconds)
    run, reader = rates["pipeline"], rates["reader"]
    print(
        f"{label:6} {run.wall * n:9.1f} docs/s {run.wall * size_mb:8.2f} MB/s  ({n} files, "
        f"{run.runs} rounds; reader alone {reader.wall * n:.1f} docs/s; "
        f"CPU time {run.cpu * n:.1f} docs/s)"
    )
    if not with_floor:
        return
    fl = rates["floor"]
    ratio, cpu_ratio = fl.wall / run.wall, fl.cpu / run.cpu
    verdict = ""
    if goal:
        # Issue 2 states the goal as >= 200 docs/s "i.e. within 5x the floor" (a floor of about
        # 1,000 docs/s): the ratio is the measure that does not depend on the machine, and both
        # are printed. Where the floor is slower than that, 5x it is fewer than 200 docs/s.
        docs_s, within = run.wall * n, fl.wall * n / RATIO_GOAL
        verdict = f"; goal <= {RATIO_GOAL:g}x: {'ok' if ratio <= RATIO_GOAL else 'NOT MET'} (" + (
            f"{docs_s:.0f} docs/s against {DOCS_PER_S_GOAL}; 5x this machine's floor is "
            f"{within:.0f} docs/s)"
        )
    print(
        f"{'':6} floor {fl.wall * n:.1f} docs/s (one re.findall(r'\\w+') pass over the same "
        f"texts); ratio {ratio:.2f}x (CPU time {cpu_ratio:.2f}x){verdict}"
    )


def memory(docs: list[tuple[str, bytes]], batch: int) -> None:
    gc.collect()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    sink = io.StringIO()
    start = time.perf_counter()
    for i in range(batch):
        name, data = docs[i % len(docs)]
        result = extract_bytes(data, name)
        sink.write(json.dumps(result, ensure_ascii=False))
        sink.seek(0)
        sink.truncate()  # stream: each result is written, then dropped
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    verdict = "ok" if peak < MEMORY_GOAL_MB else "OVER GOAL"
    print(
        f"memory: batch of {batch} documents in {elapsed:.1f} s, peak RSS {peak:.0f} MB "
        f"(before the batch {before:.0f} MB; goal < {MEMORY_GOAL_MB} MB: {verdict})"
    )


def stages(docs: list[tuple[str, bytes]], rounds: int) -> None:
    """CPU ms per document of each stage, in the pipeline's order.

    Work the extractors share through the outline's memo (units, citation mentions) is charged
    to the first stage that asks for it, as it is in a real run.
    """
    spent: dict[str, float] = {}

    def timed_stage(label: str, fn: Callable[[], object]) -> object:
        start = time.process_time()
        value = fn()
        spent[label] = spent.get(label, 0.0) + time.process_time() - start
        return value

    def one(name: str, data: bytes) -> None:
        source = timed_stage("reader", lambda: read_bytes(data, name))
        outline = timed_stage("structure", lambda: build_outline(source))
        document = timed_stage("document", lambda: metadata.extract_document(outline))
        timed_stage("implements", lambda: metadata.extract_implements(outline))
        timed_stage("citations", lambda: citations.extract_citations(outline, document))
        timed_stage("targets", lambda: targets.extract_targets(outline))
        timed_stage("reporting", lambda: reporting.extract_reporting(outline))
        timed_stage("tasks", lambda: tasks.extract_tasks(outline))
        timed_stage("lint", lambda: [w.to_json() for w in lint_outline(outline)])

    for name, data in docs:  # warm caches outside the measurement
        one(name, data)
    spent.clear()
    for _ in range(rounds):
        for name, data in docs:
            one(name, data)
    count = rounds * len(docs)
    total = sum(spent.values())
    print(f"\nstages (.txt, CPU ms per document, {rounds} rounds):")
    for label, seconds in spent.items():
        print(f"  {label:11} {seconds / count * 1000:6.2f} ms  {seconds / total * 100:5.1f} %")
    print(f"  {'total':11} {total / count * 1000:6.2f} ms  ({count / total:.1f} docs/s)")


def profile(docs: list[tuple[str, bytes]], top: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        pipeline(docs)()
    profiler.disable()
    stats = pstats.Stats(profiler).sort_stats("cumulative")
    print(f"\nwhere the time goes (.txt, 20 rounds, top {top} by cumulative time):")
    stats.print_stats(top)
    stats.sort_stats("tottime")
    print(f"top {top} by own time:")
    stats.print_stats(top)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="time per measurement")
    parser.add_argument("--batch", type=int, default=1000, help="documents in the memory batch")
    parser.add_argument("--stages", action="store_true", help="print CPU ms/doc of each stage")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top entries")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    seeds = load(sorted(SEEDS.glob("*.txt")))
    if not seeds:
        sys.exit(f"no seeds in {SEEDS}")
    # The goal is set on the seeds (issue 2); the engineers' fixtures add appendix tables and
    # short, dense items (more nodes per character), and are measured beside them.
    txt = seeds + load(sorted(FIXTURES.glob("ubnd_*.txt")))
    report("seeds", seeds, args.seconds, goal=True)
    report("txt", txt, args.seconds)
    report("docx", load(sorted(FIXTURES.glob("*.docx"))), args.seconds)
    report("pdf", load(sorted(FIXTURES.glob("*.pdf"))), args.seconds)
    memory(txt, args.batch)
    if args.stages:
        stages(txt, rounds=max(1, int(args.seconds * 10)))
    if args.profile:
        profile(txt, args.top)


if __name__ == "__main__":
    main()
