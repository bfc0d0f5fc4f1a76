"""A plan as the comparison sees it: the document's name and metadata, its tasks, its text.

Plans come from a document (run through the engine) or from an extraction JSON
(``trienkhai.extract/1``, e.g. a saved ``trienkhai extract`` result or a gold file).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..documents.errors import DocumentError
from .errors import CompareError


@dataclass(frozen=True)
class Task:
    """One task of a plan, with where it sits (section path, target group, lead bodies)."""

    index: int
    text: str
    section: str = ""
    group: str | None = None
    lead: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"index": self.index, "section": self.section, "group": self.group}


@dataclass
class Plan:
    """A named plan: its tasks in document order, and (when known) its full text."""

    name: str
    tasks: list[Task]
    document: dict[str, Any] = field(default_factory=dict)
    citations: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""

    @property
    def title(self) -> str:
        doc = self.document or {}
        parts = [doc.get("issuer") or "", doc.get("number") or ""]
        label = " ".join(p for p in parts if p).strip()
        return label or self.name


def plan_from_extraction(result: dict[str, Any], *, text: str = "", name: str = "") -> Plan:
    """Build a plan from an extraction result; tasks without text are skipped."""
    raw_tasks = result.get("tasks")
    if not isinstance(raw_tasks, list):
        raise CompareError("không có danh sách nhiệm vụ (tasks)", source=name or None)
    tasks: list[Task] = []
    for item in raw_tasks:
        if not isinstance(item, dict) or not str(item.get("text") or "").strip():
            continue
        lead = item.get("lead") or []
        tasks.append(
            Task(
                index=len(tasks),
                text=str(item["text"]).strip(),
                section=str(item.get("section") or ""),
                group=item.get("group") or None,
                lead=tuple(str(b) for b in lead if b) if isinstance(lead, list) else (),
            )
        )
    raw_doc, raw_cites = result.get("document"), result.get("citations")
    document: dict[str, Any] = raw_doc if isinstance(raw_doc, dict) else {}
    citations: list[Any] = raw_cites if isinstance(raw_cites, list) else []
    return Plan(
        name=name or str(result.get("source") or "plan"),
        tasks=tasks,
        document=document or {},
        citations=[c for c in citations if isinstance(c, dict)],
        text=text,
    )


def load_plan(path: str | Path, *, require_tasks: bool = True) -> Plan:
    """Load a plan from a document (.txt/.md/.docx/.pdf) or an extraction JSON.

    Raises ``DocumentError`` (``CompareError`` for a plan that has no tasks) on bad input."""
    from ..documents.pipeline import extract_source
    from ..documents.readers import read_path

    p = Path(path)
    if p.suffix.lower() == ".json":
        try:
            result = json.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise DocumentError("không tìm thấy tệp", source=p.name) from exc
        except OSError as exc:
            raise DocumentError(
                f"không đọc được tệp: {exc.strerror or exc}", source=p.name
            ) from exc
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CompareError(f"JSON không hợp lệ: {exc}", source=p.name) from exc
        if not isinstance(result, dict):
            raise CompareError("JSON không phải kết quả trích xuất", source=p.name)
        plan = plan_from_extraction(result, name=str(result.get("source") or p.name))
        plan.text = _sibling_text(p, plan.name)
    else:
        source = read_path(p)
        plan = plan_from_extraction(extract_source(source), text=_source_text(source), name=p.name)
    if require_tasks and not plan.tasks:
        raise CompareError("không tìm thấy nhiệm vụ nào để so sánh", source=p.name)
    return plan


def _source_text(source: Any) -> str:
    """The document's text with its footnotes (where citations to own plans often sit)."""
    text = source.text() if callable(source.text) else source.text
    notes = "\n\n".join(f"({f.label}) {f.text}" for f in getattr(source, "footnotes", []) or [])
    return f"{text}\n\n{notes}" if notes else text


def _sibling_text(json_path: Path, source_name: str) -> str:
    """The source document's text when it lies beside the JSON (for citation analysis)."""
    candidate = json_path.with_name(source_name)
    if candidate != json_path and candidate.is_file():
        try:
            return candidate.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return ""
    return ""
