"""National-scale benchmark of the dashboard and completeness queries, on PostgreSQL.

Generates the country after the 1 July 2025 reform — 34 provinces, ~3,321 communes, ~20,800
reporting units (per province: the People's Committee, 25 departments, the Front; per
commune: the Party committee, People's Committee, Front and three mass organisations), one
plan of 100 tasks per province (64 assigned to each unit), 8 quarterly periods (2024–2025),
a report from ~95 % of the units each period — ≥ 10 million task-report rows
(``reporting_reportentry``) — bulk-loaded with PostgreSQL ``COPY`` through psycopg. Then it
builds the dashboards' progress facts, and times, for the whole country and for one province,
each dashboard query as the pages run it (Django ORM) beside the same aggregate written as
bare SQL (median of ``--runs`` runs; the ratio is ORM ÷ bare SQL), and prints the database
size.

    .venv/bin/python bench/national_scale.py              # full run
    .venv/bin/python bench/national_scale.py --scale 0.01 # quick run (~200 000 rows)

Without a PostgreSQL ``DATABASE_URL`` it re-runs itself under ``scripts/with-postgres.sh``
(a throw-away server, as ``make test`` uses), so it never touches a real database.

The full run on this 2-core machine (PostgreSQL 15 with the defaults of with-postgres.sh, and
other engineers' work beside it: load average 4.3 during the timing, 22 Nov 2026): 229 s in
all — loading 113 s (10,138,624 entries COPYed in 43 s), the dashboards' facts and summaries
86 s (3,168,320 facts), the rest timing — and a database of 2.69 GB (entries 1.39 GB, facts
0.65 GB). Medians of 7 runs, ORM vs bare SQL, in ms:

    country  progress by group       6 vs   4     province   2 vs  0.4
    country  completeness            5 vs   1     province   6 vs  1.5
    country  timeliness heatmap      5 vs   1     province   6 vs  1.9
    country  targets vs reached      8 vs   2     province   4 vs  0.5
    country  whole page data        51            province  20
    (progress straight from the entries: country 7.7 s, province 466 ms; the heatmap straight
    from the obligations: country 179 vs 153, province 10 vs 5)

The heatmap and completeness read the timeliness summaries (a few hundred rows for the
country); before them they scanned all 166,752 obligations: 615 ms ORM / 482 ms SQL for the
country heatmap and 226 / 190 for completeness at load ~7, missing the 500 ms goal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = 34
COMMUNES = 3321
DEPARTMENTS = 25
COMMUNE_BODIES = (
    ("cap_uy", "Đảng ủy xã"),
    ("ubnd", "UBND xã"),
    ("mttq", "Ủy ban MTTQ xã"),
    ("doan_the", "Hội Nông dân xã"),
    ("doan_the", "Đoàn Thanh niên xã"),
    ("doan_the", "Hội Liên hiệp Phụ nữ xã"),
)
TASKS_PER_PLAN = 100
TASKS_PER_UNIT = 64
TARGETS_PER_PLAN = 5
GROUPS = ("I", "II", "III", "IV", "V")
QUARTERS = [(2024, q) for q in range(1, 5)] + [(2025, q) for q in range(1, 5)]
# Deterministic mixes (no RNG state to carry): position in the cycle picks the outcome.
STATUS_CYCLE = ("done",) * 7 + ("ongoing",) * 5 + ("in_progress",) * 6 + ("not_started",) * 2
TIMELINESS_CYCLE = ("on_time",) * 17 + ("late",) * 2 + ("missing",)


def _ensure_postgres() -> None:
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        return
    script = ROOT / "scripts" / "with-postgres.sh"
    print("bench: no PostgreSQL DATABASE_URL, starting a throw-away server", file=sys.stderr)
    os.execv(str(script), [str(script), sys.executable, *sys.argv])


# --- generation ------------------------------------------------------------------------------


class Ids:
    """Explicit ids, so child rows know their parents without reading them back."""

    def __init__(self) -> None:
        self.next: dict[str, int] = {}

    def take(self, table: str) -> int:
        value = self.next.get(table, 0) + 1
        self.next[table] = value
        return value


class Country:
    def __init__(self, scale: float) -> None:
        self.scale = scale
        self.units: list[tuple] = []
        self.reporting: dict[int, list[tuple[int, str]]] = {}  # province → (unit id, path)
        self.province_ids: list[int] = []
        self.focal: dict[int, int] = {}
        self.ubnd: dict[int, int] = {}
        self.ids = Ids()

    def unit(self, name: str, kind: str, level: str, parent: tuple | None, territory: int | None):  # type: ignore[no-untyped-def]
        uid = self.ids.take("unit")
        path = f"{parent[11] if parent else '/'}{uid}/"
        territory_id = uid if kind == "dia_ban" else territory
        row = (
            uid,
            f"u{uid}",
            name,
            "",
            kind,
            level,
            parent[0] if parent else None,
            "[]",
            None,
            None,
            None,
            path,
            territory_id,
        )
        self.units.append(row)
        return row

    def build(self) -> None:
        country = self.unit("Việt Nam", "dia_ban", "trung_uong", None, None)
        departments = max(2, round(DEPARTMENTS * min(1.0, self.scale * 10)))
        communes = max(PROVINCES, round(COMMUNES * self.scale))
        for p in range(PROVINCES):
            province = self.unit(f"Tỉnh {p + 1:02d}", "dia_ban", "tinh", country, None)
            pid = province[0]
            self.province_ids.append(pid)
            committee = self.unit(f"Tỉnh ủy {p + 1:02d}", "cap_uy", "tinh", province, pid)
            self.focal[pid] = self.unit("Ban Dân vận Tỉnh ủy", "ban_dang", "tinh", committee, pid)[
                0
            ]
            ubnd = self.unit(f"UBND tỉnh {p + 1:02d}", "ubnd", "tinh", province, pid)
            self.ubnd[pid] = ubnd[0]
            front = self.unit("Ủy ban MTTQ tỉnh", "mttq", "tinh", province, pid)
            reporting = [(ubnd[0], ubnd[11]), (front[0], front[11])]
            for d in range(departments):
                dept = self.unit(f"Sở {d + 1:02d}", "so", "tinh", ubnd, pid)
                reporting.append((dept[0], dept[11]))
            share = communes // PROVINCES + (1 if p < communes % PROVINCES else 0)
            for c in range(share):
                commune = self.unit(f"Xã {p + 1:02d}-{c + 1:03d}", "dia_ban", "xa", province, pid)
                for kind, name in COMMUNE_BODIES:
                    body = self.unit(name, kind, "xa", commune, commune[0])
                    reporting.append((body[0], body[11]))
            self.reporting[pid] = reporting

    @property
    def reporting_count(self) -> int:
        return sum(len(v) for v in self.reporting.values())


def _copy(cursor: Any, table: str, columns: Sequence[str], rows: Iterator[Sequence[Any]]) -> int:
    cols = ", ".join(f'"{c}"' for c in columns)
    count = 0
    with cursor.copy(f'COPY "{table}" ({cols}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)
            count += 1
    return count


def generate(scale: float) -> dict[str, int]:
    from django.db import connection
    from django.utils import timezone

    from trienkhai.lib import periods as lib
    from trienkhai.web.reporting.models import Obligation, Period

    country = Country(scale)
    country.build()
    now = timezone.now()
    tz = timezone.get_default_timezone()
    periods = [Period.for_lib(lib.Period(y, lib.Frequency.QUARTERLY, q)) for y, q in QUARTERS]
    counts: dict[str, int] = {}
    connection.ensure_connection()
    raw = connection.connection
    with raw.cursor() as cur:
        cur.execute("SET session_replication_role = replica")  # no FK triggers while loading
        counts["units"] = _copy(
            cur,
            "orgs_unit",
            (
                "id",
                "code",
                "name",
                "abbreviation",
                "kind",
                "level",
                "parent_id",
                "aliases",
                "valid_from",
                "valid_to",
                "successor_id",
                "path",
                "territory_id",
                "created_at",
                "updated_at",
            ),
            ((*row, now, now) for row in country.units),
        )
        plans, versions, tasks, targets = [], [], [], []
        task_ids: dict[int, list[int]] = {}
        target_ids: dict[int, list[int]] = {}
        for index, pid in enumerate(country.province_ids):
            plan_id = index + 1
            plans.append(
                (
                    plan_id,
                    country.ubnd[pid],
                    "ke_hoach",
                    f"{100 + index}/KH-UBND",
                    dt.date(2024, 1, 15),
                    "triển khai chương trình công tác năm 2024–2025",
                    "published",
                    now,
                    now,
                )
            )
            versions.append((plan_id, plan_id, 1, "published", "{}", "", "", "", "", now, now))
            task_ids[pid] = []
            for t in range(TASKS_PER_PLAN):
                tid = country.ids.take("task")
                task_ids[pid].append(tid)
                section = f"{GROUPS[t % len(GROUPS)]}.{(t // len(GROUPS)) % 4 + 1}"
                tasks.append(
                    (
                        tid,
                        plan_id,
                        t + 1,
                        section,
                        f"Nhiệm vụ {t + 1}",
                        "",
                        "",
                        "",
                        "[]",
                        "[]",
                        "[]",
                    )
                )
            target_ids[pid] = []
            for g in range(TARGETS_PER_PLAN):
                gid = country.ids.take("target")
                target_ids[pid].append(gid)
                targets.append((gid, plan_id, g + 1, f"Chỉ tiêu {g + 1}", ">=", 80 + 3 * g, "%"))
        counts["plans"] = _copy(
            cur,
            "plans_plan",
            (
                "id",
                "issuing_unit_id",
                "kind",
                "number",
                "date",
                "title",
                "status",
                "created_at",
                "updated_at",
            ),
            iter(plans),
        )
        _copy(
            cur,
            "plans_plan_followed_by",
            ("plan_id", "unit_id"),
            ((i + 1, country.focal[pid]) for i, pid in enumerate(country.province_ids)),
        )
        _copy(
            cur,
            "plans_planversion",
            (
                "id",
                "plan_id",
                "number",
                "status",
                "extraction",
                "source_name",
                "source_text",
                "content_hash",
                "note",
                "created_at",
                "published_at",
            ),
            iter(versions),
        )
        counts["tasks"] = _copy(
            cur,
            "plans_task",
            (
                "id",
                "version_id",
                "order",
                "section",
                "text",
                "group",
                "due_text",
                "output",
                "lead",
                "support",
                "requested",
            ),
            iter(tasks),
        )
        _copy(
            cur,
            "plans_target",
            ("id", "version_id", "order", "text", "comparator", "value", "unit"),
            iter(targets),
        )

        # Assignments: each reporting unit leads 64 of its province plan's 100 tasks.
        unit_assignments: dict[int, list[int]] = {}

        def assignments() -> Iterator[tuple]:
            for pid, units in country.reporting.items():
                for uid, _path in units:
                    start = uid % TASKS_PER_PLAN
                    ids = []
                    for j in range(TASKS_PER_UNIT):
                        aid = country.ids.take("assignment")
                        ids.append(aid)
                        tid = task_ids[pid][(start + j) % TASKS_PER_PLAN]
                        yield (aid, tid, uid, "lead", "open", "", now, now)
                    unit_assignments[uid] = ids

        counts["assignments"] = _copy(
            cur,
            "plans_assignment",
            ("id", "task_id", "unit_id", "role", "state", "body_text", "created_at", "updated_at"),
            assignments(),
        )

        # Obligations and reports: one per unit and quarter; ~5 % missing, ~10 % late.
        obligations, reports = [], []
        for pid, units in country.reporting.items():
            for n, (uid, _path) in enumerate(units):
                for k, period in enumerate(periods):
                    oid = country.ids.take("obligation")
                    due = period.end + dt.timedelta(days=15)
                    due_at = Obligation.due_at_for(due)
                    outcome = TIMELINESS_CYCLE[(n * 7 + k * 3 + pid) % len(TIMELINESS_CYCLE)]
                    received = None
                    if outcome == "on_time":
                        received = dt.datetime.combine(due - dt.timedelta(days=2), dt.time(10), tz)
                    elif outcome == "late":
                        received = dt.datetime.combine(due + dt.timedelta(days=4), dt.time(10), tz)
                    state = "accepted" if received else "pending"
                    obligations.append(
                        (
                            oid,
                            pid_plan(country, pid),
                            0,
                            uid,
                            period.pk,
                            "",
                            "",
                            due,
                            due_at,
                            state,
                            received,
                            0,
                            now,
                        )
                    )
                    if received:
                        reports.append((oid, oid, "accepted", 3, "", "", now, now, received))
        counts["obligations"] = _copy(
            cur,
            "reporting_obligation",
            (
                "id",
                "plan_id",
                "slot",
                "unit_id",
                "period_id",
                "recipient_text",
                "via_text",
                "due_date",
                "due_at",
                "state",
                "received_at",
                "reminder_stage",
                "created_at",
            ),
            iter(obligations),
        )
        counts["reports"] = _copy(
            cur,
            "reporting_report",
            (
                "id",
                "obligation_id",
                "state",
                "version",
                "summary",
                "return_comment",
                "created_at",
                "updated_at",
                "submitted_at",
            ),
            iter(reports),
        )
        unit_of = {ob[0]: ob[3] for ob in obligations}
        plan_of = {ob[0]: ob[1] for ob in obligations}
        plan_province = {i + 1: pid for i, pid in enumerate(country.province_ids)}
        del obligations

        with _without_indexes(cur, "reporting_reportentry"):

            def entries() -> Iterator[tuple]:
                for rid, oid, *_rest in reports:
                    for j, aid in enumerate(unit_assignments[unit_of[oid]]):
                        status = STATUS_CYCLE[(rid * 3 + j * 7) % len(STATUS_CYCLE)]
                        narrative = "Đã triển khai theo kế hoạch." if (rid + j) % 5 == 0 else ""
                        yield (rid, aid, status, narrative)

            start = time.perf_counter()
            counts["entries"] = _copy(
                cur,
                "reporting_reportentry",
                ("report_id", "assignment_id", "status", "narrative"),
                entries(),
            )
            counts["entries_copy_s"] = round(time.perf_counter() - start)

        def target_values() -> Iterator[tuple]:
            for rid, oid, *_rest in reports:
                pid = plan_province[plan_of[oid]]
                for g, gid in enumerate(target_ids[pid]):
                    yield (rid, gid, 70 + (rid * 7 + g * 5) % 30, "")

        counts["target_values"] = _copy(
            cur,
            "reporting_targetvalue",
            ("report_id", "target_id", "value", "note"),
            target_values(),
        )
        cur.execute("SET session_replication_role = DEFAULT")
        for table in (
            "orgs_unit",
            "plans_plan",
            "plans_planversion",
            "plans_task",
            "plans_target",
            "plans_assignment",
            "reporting_obligation",
            "reporting_report",
            "reporting_reportentry",
            "reporting_targetvalue",
        ):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
            )
    raw.commit() if not raw.autocommit else None
    counts["reporting_units"] = country.reporting_count
    counts["province_id"] = country.province_ids[0]
    return counts


def pid_plan(country: Country, pid: int) -> int:
    return country.province_ids.index(pid) + 1


class _without_indexes:
    """Drop a table's secondary indexes and unique constraints for a bulk load, then rebuild."""

    def __init__(self, cur: Any, table: str) -> None:
        self.cur, self.table = cur, table
        self.indexes: list[str] = []
        self.constraints: list[tuple[str, str]] = []

    def __enter__(self) -> None:
        cur, table = self.cur, self.table
        cur.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype = 'u'",
            (table,),
        )
        self.constraints = cur.fetchall()
        for name, _definition in self.constraints:
            cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')
        cur.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexname NOT LIKE %s",
            (table, "%_pkey"),
        )
        rows = cur.fetchall()
        self.indexes = [definition for _name, definition in rows]
        for name, _definition in rows:
            cur.execute(f'DROP INDEX "{name}"')

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None:
            return
        start = time.perf_counter()
        for definition in self.indexes:
            self.cur.execute(definition)
        for name, definition in self.constraints:
            self.cur.execute(f'ALTER TABLE "{self.table}" ADD CONSTRAINT "{name}" {definition}')
        print(f"  rebuilt indexes of {self.table} in {time.perf_counter() - start:.0f} s")


# --- timing --------------------------------------------------------------------------------------


def _median_ms(fn: Callable[[], Any], runs: int) -> float:
    fn()  # warm: plan caches, buffers
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _bare(sql: str, params: Sequence[Any] | dict[str, Any]) -> Callable[[], Any]:
    from django.db import connection

    def run() -> Any:
        with connection.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    return run


BARE_PROGRESS = """
SELECT "group", SUM(done + ongoing + in_progress + not_started), SUM(done), SUM(ongoing),
       SUM(in_progress), SUM(not_started)
FROM dashboards_progresssummary WHERE node_id = %s GROUP BY "group" ORDER BY "group"
"""
BARE_PROGRESS_FROM_ENTRIES = """
SELECT split_part(t.section, '.', 1) AS g, COUNT(*),
       COUNT(*) FILTER (WHERE e.status = 'done'), COUNT(*) FILTER (WHERE e.status = 'ongoing'),
       COUNT(*) FILTER (WHERE e.status = 'in_progress'),
       COUNT(*) FILTER (WHERE e.status = 'not_started')
FROM reporting_reportentry e
JOIN reporting_report r ON r.id = e.report_id
JOIN reporting_obligation o ON o.id = r.obligation_id
JOIN orgs_unit u ON u.id = o.unit_id
JOIN plans_assignment a ON a.id = e.assignment_id
JOIN plans_task t ON t.id = a.task_id
WHERE r.state IN ('approved', 'accepted') AND u.path LIKE %s
GROUP BY g ORDER BY g
"""
# The root's children read from the timeliness summaries, the root's own reports directly.
BARE_HEATMAP = """
SELECT s.node_id AS child, s.period_id,
       SUM(CASE WHEN s.due_at <= %(now)s THEN s.owed ELSE s.received END) AS expected,
       SUM(s.received) AS received, SUM(s.on_time) AS on_time
FROM dashboards_timelinesssummary s JOIN orgs_unit n ON n.id = s.node_id
WHERE n.parent_id = %(root)s
GROUP BY s.node_id, s.period_id
HAVING SUM(CASE WHEN s.due_at <= %(now)s THEN s.owed ELSE s.received END) > 0
UNION ALL
SELECT o.unit_id, o.period_id, COUNT(*), COUNT(o.received_at),
       COUNT(*) FILTER (WHERE o.received_at < o.due_at)
FROM reporting_obligation o
WHERE o.unit_id = %(root)s AND o.state <> 'cancelled'
      AND (o.due_at <= %(now)s OR o.received_at IS NOT NULL)
GROUP BY o.unit_id, o.period_id
ORDER BY child, period_id
"""
BARE_COMPLETENESS = f"""
SELECT SUM(expected), SUM(received), SUM(on_time) FROM ({BARE_HEATMAP}) AS heat
"""
BARE_HEATMAP_FROM_OBLIGATIONS = """
SELECT CASE WHEN o.unit_id = %s THEN %s ELSE split_part(substr(u.path, %s), '/', 1)::int END
         AS child,
       o.period_id, COUNT(*), COUNT(o.received_at),
       COUNT(*) FILTER (WHERE o.received_at < o.due_at)
FROM reporting_obligation o JOIN orgs_unit u ON u.id = o.unit_id
WHERE u.path LIKE %s AND o.state <> 'cancelled' AND (o.due_at <= %s OR o.received_at IS NOT NULL)
GROUP BY child, o.period_id ORDER BY child, o.period_id
"""
BARE_TARGETS = """
SELECT s.target_id, SUM(s.total) / SUM(s."values"), SUM(s."values")
FROM dashboards_targetsummary s JOIN plans_target t ON t.id = s.target_id
WHERE s.node_id = %s GROUP BY s.target_id, t.version_id, t."order"
ORDER BY t.version_id, t."order"
"""
BARE_TARGETS_FROM_VALUES = """
SELECT v.target_id, AVG(v.value), COUNT(*)
FROM reporting_targetvalue v
JOIN reporting_report r ON r.id = v.report_id
JOIN reporting_obligation o ON o.id = r.obligation_id
JOIN orgs_unit u ON u.id = o.unit_id
WHERE r.state IN ('approved', 'accepted') AND u.path LIKE %s AND v.value IS NOT NULL
GROUP BY v.target_id ORDER BY v.target_id
"""


def time_queries(label: str, root: Any, runs: int) -> list[tuple[str, float, float]]:
    from django.utils import timezone

    from trienkhai.web.dashboards import queries
    from trienkhai.web.dashboards.data import build_dashboard
    from trienkhai.web.dashboards.queries import Scope

    now = timezone.now()
    scope = Scope(root=root, plan_ids=None, as_of=now)
    like = root.path + "%"
    params = {"now": now, "root": root.pk}
    cases = [
        ("progress by group", lambda: queries.progress_by_group(scope), BARE_PROGRESS, [root.pk]),
        ("completeness", lambda: queries.completeness(scope), BARE_COMPLETENESS, params),
        (
            "timeliness heatmap",
            lambda: queries.timeliness_heatmap(scope),
            BARE_HEATMAP,
            params,
        ),
        (
            "targets vs reached",
            lambda: queries.targets_vs_reached(scope),
            BARE_TARGETS,
            [root.pk],
        ),
    ]
    results = []
    for name, orm, sql, params in cases:
        orm_ms = _median_ms(orm, runs)
        bare_ms = _median_ms(_bare(sql, params), runs)
        results.append((f"{label}: {name}", orm_ms, bare_ms))
    whole = _median_ms(lambda: build_dashboard(scope, now), runs)
    results.append((f"{label}: whole dashboard page data", whole, float("nan")))
    slow_runs = max(1, runs // 3)
    entries_ms = _median_ms(_bare(BARE_PROGRESS_FROM_ENTRIES, [like]), slow_runs)
    results.append((f"{label}: (progress straight from the entries)", float("nan"), entries_ms))
    values_ms = _median_ms(_bare(BARE_TARGETS_FROM_VALUES, [like]), slow_runs)
    results.append((f"{label}: (targets straight from the values)", float("nan"), values_ms))
    scan = [root.pk, root.pk, len(root.path) + 1, like, now]
    heat_ms = _median_ms(lambda: queries.timeliness_from_obligations(scope), slow_runs)
    heat_sql_ms = _median_ms(_bare(BARE_HEATMAP_FROM_OBLIGATIONS, scan), slow_runs)
    results.append((f"{label}: (heatmap straight from the obligations)", heat_ms, heat_sql_ms))
    if queries.timeliness_heatmap(scope) != queries.timeliness_from_obligations(scope):
        raise SystemExit(f"{label}: the timeliness summaries differ from the obligations")
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the whole country")
    parser.add_argument("--runs", type=int, default=7, help="timed runs per query (median)")
    args = parser.parse_args(argv)
    if not 0 < args.scale <= 1.0:
        parser.error("--scale must be in (0, 1]")
    _ensure_postgres()
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trienkhai.web.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from trienkhai.web.dashboards.rollup import rebuild_all
    from trienkhai.web.orgs.models import Unit

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"scale {args.scale}: generating …")
    counts = generate(args.scale)
    load_s = time.perf_counter() - started
    for key, value in counts.items():
        if key != "province_id":
            print(f"  {key:>16}: {value:,}")
    print(f"  loaded in {load_s:.0f} s")
    start = time.perf_counter()
    facts = rebuild_all()
    print(
        f"  progress facts, progress, target and timeliness summaries: {facts:,} facts "
        f"in {time.perf_counter() - start:.0f} s"
    )
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE") if connection.connection.autocommit else cur.execute(
            "ANALYZE"
        )
    country = Unit.objects.get(parent__isnull=True)
    province = Unit.objects.get(pk=counts["province_id"])
    load = os.getloadavg()[0]
    print(f"\nload average before timing: {load:.1f} on {os.cpu_count()} cores")
    print(f"{'query':<58}{'ORM ms':>9}{'SQL ms':>9}{'ratio':>7}  goal ≤ 500 ms")
    failed = False
    for label, root in (("country", country), ("province", province)):
        for name, orm_ms, bare_ms in time_queries(label, root, args.runs):
            ratio = orm_ms / bare_ms if bare_ms == bare_ms and orm_ms == orm_ms else float("nan")
            shown = orm_ms if orm_ms == orm_ms else bare_ms
            flag = "" if "(" in name else ("ok" if shown <= 500 else "SLOW")
            failed |= flag == "SLOW"
            print(f"{name:<58}{orm_ms:>9.1f}{bare_ms:>9.1f}{ratio:>7.2f}  {flag}")
    with connection.cursor() as cur:
        cur.execute("SELECT pg_size_pretty(pg_database_size(current_database()))")
        print(f"\ndatabase size: {cur.fetchone()[0]}")
        cur.execute(
            "SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) FROM pg_class "
            "WHERE relkind = 'r' ORDER BY pg_total_relation_size(oid) DESC LIMIT 5"
        )
        for name, size in cur.fetchall():
            print(f"  {name:<32}{size:>10}")
    print(f"load average after timing: {os.getloadavg()[0]:.1f}")
    print(f"total time: {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
