"""Tasks: every actionable item of a plan, with section, group, bodies, due time and output.

What counts as a task (contract ``trienkhai.extract/1``): each bullet or lettered item — or
each paragraph where a section has neither — in the tasks-and-solutions and
organisation-of-implementation parts, and each row of an appendix table of tasks. Headings and
paragraphs that introduce a list ("... thực hiện tốt một số nhiệm vụ sau đây:") are not tasks;
they hand their bodies down to the items under them.

Every task carries ``line`` and ``rule`` (provenance); an appendix row that restates a task
of the body carries ``restates`` (the index of that task in the list).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from rapidfuzz import fuzz, process

from ..lexicon import load
from ..model import Node, Outline
from ..patterns import finditer_at, opening_word, positions, required_literals
from . import bodies, groups

TASK_PARTS = frozenset({"tasks", "organisation"})
_NOT_TASK_PARTS = frozenset({"purpose", "assessment", "objectives", "funding"})
_PARTS = load("parts")
# The task patterns are lower-case: they run on the lower-cased text (much faster than
# IGNORECASE on long texts); the IGNORECASE twins serve a text whose lower case changes length.
_DUE = [re.compile(p) for p in _PARTS["task_due"]]
_DUE_ANY_CASE = [re.compile(p, re.IGNORECASE) for p in _PARTS["task_due"]]
_NOT_TASKS = re.compile("|".join(f"(?:{p})" for p in _PARTS["not_tasks"]), re.IGNORECASE)
_INTRO_END = re.compile(_PARTS["intro_end"])
_OUTPUT = [re.compile(p) for p in _PARTS["task_output"]]
_OUTPUT_ANY_CASE = [re.compile(p, re.IGNORECASE) for p in _PARTS["task_output"]]
_DUE_CUE: tuple[str, ...] = tuple(_PARTS["task_due_cue"])
_DUE_RECURRING = re.compile(_PARTS["task_due_recurring"], re.IGNORECASE)
_OUTPUT_CUE: tuple[str, ...] = tuple(_PARTS["task_output_cue"])
_DUE_DAY = re.compile(r"^ngày\s+", re.IGNORECASE)
_COLUMNS: list[tuple[str, re.Pattern[str]]] = [
    (role, re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in words)})(?!\w)"))
    for role, words in _PARTS["table_columns"].items()
]
_CELL_ITEMS = re.compile(r"\s+[-–+•]\s+|\s*;\s*|\n")


# A text the end-of-intro pattern can match holds this word ("sau"): where it is missing,
# the search over the text's end (some 3 µs) is skipped.
_INTRO_WORDS = required_literals(_PARTS["intro_end"])
# The same for each due pattern ("hoàn thành", "(" and ")", "trước" and "/" ...): a text that
# holds a cue word may still lack what a given pattern needs.
_DUE_NEEDS = [required_literals(p) for p in _PARTS["task_due"]]


# The word each lower-case due pattern opens with, if any: sre tries a pattern that opens with
# \b at every position (some 20 ns a character), str.find finds the word at memory speed.
_DUE_WORDS = [opening_word(p) for p in _PARTS["task_due"]]
_RESTATE_CUTOFF = 85.0
_RESTATE_MIN_WORDS = 4
_SAME_LEAD_BONUS = 15.0


def extract_tasks(outline: Outline) -> list[dict[str, Any]]:
    """All tasks of the outline, body items first in reading order, then appendix rows."""
    nodes = outline.nodes
    children: dict[int, list[int]] = defaultdict(list)
    # "- Đơn vị chủ trì: Sở Y tế" under an item: a field of that item, not a task of its own
    fields: dict[int, list[int]] = defaultdict(list)
    for i, node in enumerate(nodes):
        if node.parent is None:
            continue
        if node.part in TASK_PARTS and node.kind != "row" and bodies.is_field_line(node.text):
            fields[node.parent].append(i)
        else:
            children[node.parent].append(i)
    field_lines = {i for members in fields.values() for i in members}
    picked = [
        i
        for i, n in enumerate(nodes)
        if i not in field_lines and _is_body_task(n, i, children, fields)
    ]
    group_of = _groups(nodes, picked)
    # what each heading hands down, by its text: a plan may repeat one intro paragraph under
    # several parts ("Các sở, ban, ngành; UBND ... thực hiện tốt một số nhiệm vụ sau:"), read once
    cache: dict[str, bodies.Roles] = {}
    handed: dict[int | None, bodies.Roles] = {}
    tasks = [_body_task(nodes, i, group_of.get(i), cache, handed, fields.get(i)) for i in picked]
    columns: dict[tuple[str, ...], dict[str, int]] = {}  # a table's rows share its header
    rows = [_row_task(n, columns) for n in nodes if n.kind == "row"]
    body_tasks = tasks[:]
    choices: list[str] = []  # the body tasks' texts case-folded, once for all rows
    for row in rows:
        if row is not None:
            if body_tasks and not choices:
                choices = [t["text"].casefold() for t in body_tasks]
            _link_restated(row, body_tasks, choices)
            tasks.append(row)
    return tasks


# ---------------------------------------------------------------- body items


def _is_body_task(
    node: Node, index: int, children: dict[int, list[int]], fields: dict[int, list[int]]
) -> bool:
    if node.part not in TASK_PARTS or node.kind == "row" or index in children:
        return False
    text = node.text.strip()
    if not text or (text.endswith(":") and index not in fields):
        return False  # announces a list (or a table) rather than being a task
    if node.kind == "heading" and node.marker not in ("arabic", "letter"):
        return False  # a part or roman heading; a childless numbered line is an item
    tail = text[-60:].casefold()
    if _holds_all(tail, _INTRO_WORDS) and _INTRO_END.search(tail):
        return False
    if _NOT_TASKS.match(text):
        return False
    return not bodies.only_bodies(text)


def _groups(nodes: list[Node], picked: list[int]) -> dict[int, str | None]:
    """Group codes for the picked items, decided per run of siblings."""
    runs: dict[int | None, list[int]] = defaultdict(list)
    for i in picked:
        runs[nodes[i].parent].append(i)
    out: dict[int, str | None] = {}
    for parent, members in runs.items():
        listed = all(nodes[i].marker in ("bullet", "letter") for i in members)
        codes = groups.run_groups([nodes[i].text for i in members], listed)
        # the members share their parent: its group is read once, and only if needed
        above = _group_above(nodes, parent) if not all(codes) else None
        for i, code in zip(members, codes, strict=True):
            out[i] = code or above
    return out


def _group_above(nodes: list[Node], parent: int | None) -> str | None:
    """The group named by the heading items sit under ("a) Đối với công nhân:" + bullets)."""
    if parent is None:
        return None
    return groups.heading_group(nodes[parent].text)


def _inherited(
    nodes: list[Node],
    parent: int | None,
    cache: dict[str, bodies.Roles],
    handed: dict[int | None, bodies.Roles],
) -> bodies.Roles:
    """Bodies handed down by the nearest heading or intro paragraph above that names some
    (``cache``: what each heading text hands down; ``handed``: the answer for each parent
    already asked about, shared by the items of a list; both filled as read, never changed)."""
    found = handed.get(parent)
    if found is not None:
        return found
    above = parent
    while above is not None:
        text = nodes[above].text
        roles = cache.get(text)
        if roles is None:
            roles = cache[text] = bodies.heading_roles(text)
        if roles:
            break
        above = nodes[above].parent
    else:
        roles = bodies.Roles()
    handed[parent] = roles
    return roles


def _body_task(
    nodes: list[Node],
    index: int,
    group: str | None,
    cache: dict[str, bodies.Roles],
    handed: dict[int | None, bodies.Roles],
    field_lines: list[int] | None = None,
) -> dict[str, Any]:
    node = nodes[index]
    read = node.text  # the item, with its field lines ("- Đơn vị chủ trì: ...") if any
    if field_lines:
        read = "; ".join([node.text.rstrip(" ;."), *(nodes[i].text for i in field_lines)])
    low = read.lower()
    own = bodies.find_roles(read, low)
    above = _inherited(nodes, node.parent, cache, handed)
    lead, requested = own.lead, own.requested
    if above.requested and not requested:
        requested, lead = (lead or above.requested), []
    elif not lead and not requested:
        lead = above.lead
    return {
        "section": node.section,
        "text": node.text,
        "group": group,
        "lead": list(lead),
        "support": list(own.support),
        "requested": list(requested),
        "due": _due(read, low),
        "output": _output(read, low),
        "line": node.line,
        "rule": _RULES.get(node.marker, "paragraph"),
    }


# the rule that picked an item, by its marker (any other: a paragraph)
_RULES: dict[str | None, str] = {
    "bullet": "bullet-item",
    "letter": "lettered-item",
    "roman": "numbered-item",
    "arabic": "numbered-item",
}


def _due(text: str, low: str | None = None) -> str | None:
    """The completion time printed in a task's text; ``low`` is the text lower-cased."""
    low = text.lower() if low is None else low
    if not _holds_any(low, _DUE_CUE):
        return None
    lower = len(low) == len(text)
    patterns, where = (_DUE, low) if lower else (_DUE_ANY_CASE, text)
    for pattern, word, needs in zip(patterns, _DUE_WORDS, _DUE_NEEDS, strict=True):
        if lower and not _holds_all(low, needs):
            continue  # (the needs are lower-case: only the lower-cased text is checked)
        if lower and word:  # every match opens with the word: tried only where it stands
            found: Iterable[re.Match[str]] = finditer_at(pattern, low, positions(low, (word,)))
        else:
            found = pattern.finditer(where)
        for m in found:
            clause = _clause_around(text, m.start())
            if not _DUE_RECURRING.search(clause):
                return _DUE_DAY.sub("", text[m.start("due") : m.end("due")].strip(" ,."))
    return None


def _holds_any(low: str, cues: tuple[str, ...]) -> bool:
    """Whether ``low`` holds one of ``cues`` (a plain loop: no generator per task)."""
    for cue in cues:  # noqa: SIM110 - a plain loop: no generator per task
        if cue in low:
            return True
    return False


def _holds_all(text: str, words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds every one of ``words`` (a plain loop: no generator per task)."""
    for word in words:  # noqa: SIM110 - a plain loop: no generator per task
        if word not in text:
            return False
    return True


def _clause_around(text: str, pos: int) -> str:
    """The clause (between ; or . boundaries) that holds position ``pos``."""
    start = max(text.rfind(";", 0, pos), text.rfind(". ", 0, pos)) + 1
    ends = [e for e in (text.find(";", pos), text.find(". ", pos)) if e != -1]
    return text[start : min(ends) if ends else len(text)]


def _output(text: str, low: str | None = None) -> str | None:
    """The product printed in a task's text; ``low`` is the text lower-cased."""
    low = text.lower() if low is None else low
    if not _holds_any(low, _OUTPUT_CUE):
        return None
    patterns = _OUTPUT if len(low) == len(text) else _OUTPUT_ANY_CASE
    where = low if patterns is _OUTPUT else text
    for pattern in patterns:
        m = pattern.search(where)
        if m:
            return text[m.start("output") : m.end("output")].strip(" ,.")
    return None


# ---------------------------------------------------------------- appendix rows


def _columns(header: list[str]) -> dict[str, int]:
    """Which column holds which role, from the header's words (first match wins)."""
    found: dict[str, int] = {}
    for col, cell in enumerate(header):
        folded = cell.casefold()
        for role, pattern in _COLUMNS:
            if pattern.search(folded):
                found.setdefault(role, col)
                break
    return found


def _cell(cells: list[str], col: int | None) -> str:
    if col is None or col >= len(cells):
        return ""
    return cells[col].strip()


def _cell_bodies(text: str) -> list[str]:
    out: list[str] = []
    for piece in _CELL_ITEMS.split(text):
        out.extend(bodies.split_bodies(piece))
    return out


def _row_task(
    node: Node, columns: dict[tuple[str, ...], dict[str, int]] | None = None
) -> dict[str, Any] | None:
    """A task from an appendix row, when its table has a task column and a lead or due column
    (``columns``: the roles of the header's columns, by header, read once per document)."""
    if not node.cells or not node.header or node.part in _NOT_TASK_PARTS:
        return None
    header = tuple(node.header)
    cols = None if columns is None else columns.get(header)
    if cols is None:
        cols = _columns(node.header)  # (not changed below: shared by the table's rows)
        if columns is not None:
            columns[header] = cols
    if "task" not in cols or not ({"lead", "due"} & cols.keys()):
        return None
    text = _cell(node.cells, cols["task"])
    if not text:
        return None
    lead_text = _cell(node.cells, cols.get("lead"))
    requested: list[str] = []
    lead = _cell_bodies(lead_text)
    m = re.match(bodies.REQUESTED_CUE, lead_text, re.IGNORECASE) if lead_text else None
    if m:
        requested, lead = _cell_bodies(lead_text[m.end() :]), []
    return {
        "section": node.section,
        "text": text,
        "group": groups.label_group(text),
        "lead": lead,
        "support": _cell_bodies(_cell(node.cells, cols.get("support"))),
        "requested": requested,
        "due": _cell(node.cells, cols.get("due")) or None,
        "output": _cell(node.cells, cols.get("output")) or None,
        "line": node.line,
        "rule": "appendix-row",
    }


def _link_restated(
    row: dict[str, Any], body_tasks: list[dict[str, Any]], choices: list[str]
) -> None:
    """Point an appendix row at the body task it restates, if any: fuzzy text similarity,
    helped when the row's lead body is also the task's lead (``choices``: the body tasks'
    texts case-folded)."""
    if not body_tasks or len(row["text"].split()) < _RESTATE_MIN_WORDS:
        return
    found = process.extract(
        row["text"].casefold(),
        choices,
        scorer=fuzz.token_set_ratio,
        score_cutoff=_RESTATE_CUTOFF - _SAME_LEAD_BONUS,
        limit=5,
    )
    leads = {b.casefold() for b in row["lead"]}
    best: tuple[float, int] | None = None
    for _, score, index in found:
        same = leads and leads & {b.casefold() for b in body_tasks[index]["lead"]}
        total = score + (_SAME_LEAD_BONUS if same else 0)
        if total >= _RESTATE_CUTOFF and (best is None or total > best[0]):
            best = (total, index)
    if best is not None:
        row["restates"] = best[1]
