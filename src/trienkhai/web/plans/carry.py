"""Carrying assignments over when a corrected version of a plan is published.

A correction restates most tasks: the units keep working on them, their reports and state
must not be lost. Each task of the version in force is matched to the task of the new version
that restates it: same section (mục) and similar text (rapidfuzz ratio on the normalised text at
least :data:`MIN_SIMILARITY`), one to one, best pairs first. The assignments of a matched task
(open, done, handed over, with the reports attached to them) move to the new task; the open
assignments of a task that disappeared, or that the corrected task no longer gives to their
unit, are cancelled. :func:`preview` tells the officer
before publishing how many will be carried, created and cancelled.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from trienkhai.web.orgs.names import name_key
from trienkhai.web.orgs.resolve import Resolver

from .models import Assignment, AssignmentState, PlanVersion, Task, VersionStatus

#: the least ratio (0–100) between two task texts for the new one to restate the old one
MIN_SIMILARITY = 80.0


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def match_tasks(old: list[Task], new: list[Task]) -> dict[int, Task]:
    """Old task id → the new task restating it (same section, similar text), one to one."""
    by_section: dict[str, list[Task]] = {}
    for task in new:
        by_section.setdefault(task.section.strip(), []).append(task)
    pairs: list[tuple[float, int, int, Task]] = []
    for task in old:
        text = _norm(task.text)
        for other in by_section.get(task.section.strip(), []):
            score = fuzz.ratio(text, _norm(other.text), score_cutoff=MIN_SIMILARITY)
            if score:
                pairs.append((score, -abs(task.order - other.order), task.pk, other))
    pairs.sort(key=lambda p: (p[0], p[1]), reverse=True)
    out: dict[int, Task] = {}
    taken: set[int] = set()
    for _score, _gap, old_pk, other in pairs:
        if old_pk not in out and other.pk not in taken:
            out[old_pk] = other
            taken.add(other.pk)
    return out


@dataclass
class CarryOver:
    """What publishing ``version`` does to the assignments of the version in force."""

    moves: dict[int, Task] = field(default_factory=dict)  # old task id → new task
    carried: list[Assignment] = field(default_factory=list)  # open or done, moved with history
    cancelled: list[Assignment] = field(default_factory=list)  # open: task gone or unit dropped
    history: list[int] = field(default_factory=list)  # handed-over rows moved with their task
    new: int = 0  # assignments publishing will create


def _lineage(assignment: Assignment) -> list[int]:
    """The unit holding ``assignment`` and those it was handed over from."""
    units, link, hops = [assignment.unit_id], assignment.handed_over_from, 0
    while link is not None and hops < 10:
        units.append(link.unit_id)
        link, hops = link.handed_over_from, hops + 1
    return units


def plan_carry_over(version: PlanVersion, resolver: Resolver) -> CarryOver:
    """Match the version in force (if any) against ``version`` and sort its assignments.

    An assignment is carried when its task is restated and the new task still gives it to
    its unit in the same role (the body resolves to the unit, or to the unit it was handed
    over from, or the same name is still printed); otherwise an open one is cancelled.
    """
    previous = (
        version.plan.versions.filter(status=VersionStatus.PUBLISHED)
        .exclude(pk=version.pk)
        .order_by("-number")
        .first()
    )
    new_tasks = list(version.tasks.all())
    named: dict[int, set[tuple[str, str]]] = {}
    resolved: dict[int, set[tuple[int, str]]] = {}
    for task in new_tasks:
        for role, text in task.bodies():
            named.setdefault(task.pk, set()).add((role, name_key(text)))
            for unit in resolver.resolve(text).units:
                resolved.setdefault(task.pk, set()).add((unit.pk, role))
    out = CarryOver()
    if previous is not None:
        out.moves = match_tasks(list(previous.tasks.all()), new_tasks)
        live = (
            Assignment.objects.filter(task__version=previous)
            .exclude(state=AssignmentState.CANCELLED)
            .select_related("unit", "task", "handed_over_from__handed_over_from")
            .order_by("task__order", "pk")
        )
        for assignment in live:
            task = out.moves.get(assignment.task_id)
            if task is not None and assignment.state == AssignmentState.HANDED_OVER:
                out.history.append(assignment.pk)
                continue
            kept = task is not None and (
                (assignment.role, name_key(assignment.body_text)) in named.get(task.pk, set())
                or any(
                    (unit, assignment.role) in resolved.get(task.pk, set())
                    for unit in _lineage(assignment)
                )
            )
            if kept:
                out.carried.append(assignment)
            elif assignment.state == AssignmentState.OPEN:
                out.cancelled.append(assignment)
    held: dict[int, set[tuple[int, str]]] = {}
    for assignment in out.carried:
        for unit in _lineage(assignment):
            held.setdefault(out.moves[assignment.task_id].pk, set()).add((unit, assignment.role))
    for task_pk, pairs in resolved.items():
        out.new += len(pairs - held.get(task_pk, set()))
    return out


def apply_carry_over(carry: CarryOver) -> None:
    """Move the carried assignments (and the handed-over rows of their tasks) to the new
    tasks, and cancel the open ones no new task restates."""
    for old_pk, task in carry.moves.items():
        ids = [a.pk for a in carry.carried if a.task_id == old_pk]
        Assignment.objects.filter(task_id=old_pk, pk__in=ids + carry.history).update(task=task)
    if carry.cancelled:
        Assignment.objects.filter(pk__in=[a.pk for a in carry.cancelled]).update(
            state=AssignmentState.CANCELLED
        )


@dataclass(frozen=True)
class Preview:
    """Counts the review page shows before a correction is published."""

    carried: int
    new: int
    cancelled: int
    cancelled_tasks: list[Task]


def preview(version: PlanVersion, resolver: Resolver) -> Preview | None:
    """What publishing ``version`` will do to assignments; ``None`` when nothing is in force."""
    if not version.plan.versions.filter(status=VersionStatus.PUBLISHED).exists():
        return None
    carry = plan_carry_over(version, resolver)
    gone: dict[int, Task] = {a.task_id: a.task for a in carry.cancelled}
    return Preview(len(carry.carried), carry.new, len(carry.cancelled), list(gone.values()))
