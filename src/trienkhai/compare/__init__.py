"""Cascade comparison: how a lower-level plan carries out its parent, and how provinces differ.

Plain Python (no Django). ``compare_plans`` aligns a child plan's tasks with its parent's and
returns the ``trienkhai.compare/1`` object; ``render`` turns it into Markdown, JSON or HTML;
``CorpusIndex`` finds the closest tasks across many documents; ``compare_siblings`` compares two
plans carrying out the same resolution, group by group.
"""

from __future__ import annotations

from .align import Alignment, align_tasks
from .errors import CompareError
from .plans import Plan, Task, load_plan, plan_from_extraction
from .report import SCHEMA, compare_plans

__all__ = [
    "SCHEMA",
    "Alignment",
    "CompareError",
    "Plan",
    "Task",
    "align_tasks",
    "compare_plans",
    "load_plan",
    "plan_from_extraction",
]
