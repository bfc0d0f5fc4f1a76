"""A readable Markdown view of an extraction (the `trienkhai.extract/1` dict).

What a clerk checks at a glance: the title block, the document's metadata, what it carries
out, the documents it cites, its numeric targets, reporting duties, and the tasks grouped by
section with the bodies responsible, then the clerk's warnings. Vietnamese first, English on
request (``lang="en"``). Only the dict is read, so the view renders stored results too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .lexicon import load

LABELS: dict[str, dict[str, str]] = {
    "vi": {
        "field": "Trường",
        "value": "Giá trị",
        "kind": "Loại văn bản",
        "number": "Số, ký hiệu",
        "issuer": "Cơ quan ban hành",
        "date": "Ngày ban hành",
        "title": "Trích yếu",
        "signer": "Người ký",
        "source": "Tệp nguồn",
        "implements": "Văn bản được triển khai",
        "citations": "Văn bản được dẫn chiếu",
        "targets": "Chỉ tiêu",
        "reporting": "Chế độ báo cáo",
        "tasks": "Nhiệm vụ",
        "warnings": "Cảnh báo kiểm tra văn bản",
        "target": "Chỉ tiêu",
        "comparator": "So sánh",
        "unit": "Đơn vị",
        "year": "Năm",
        "frequency": "Tần suất",
        "deadline": "Hạn",
        "reporter": "Đơn vị báo cáo",
        "recipient": "Nơi nhận",
        "via": "Qua",
        "lead": "Chủ trì",
        "support": "Phối hợp",
        "requested": "Đề nghị",
        "due": "Thời hạn",
        "output": "Sản phẩm",
        "group": "Đối tượng",
        "section": "Mục",
        "no_section": "Không thuộc mục nào",
        "none": "Không có.",
        "blank": "(để trống)",
        "line": "dòng",
        "monthly": "hằng tháng",
        "quarterly": "hằng quý",
        "semiannual": "6 tháng",
        "annual": "hằng năm",
        "periodic": "định kỳ",
        "count_tasks": "nhiệm vụ",
    },
    "en": {
        "field": "Field",
        "value": "Value",
        "kind": "Document kind",
        "number": "Number",
        "issuer": "Issuer",
        "date": "Date",
        "title": "Title",
        "signer": "Signed by",
        "source": "Source file",
        "implements": "Carries out",
        "citations": "Documents cited",
        "targets": "Targets",
        "reporting": "Reporting duties",
        "tasks": "Tasks",
        "warnings": "Document check warnings",
        "target": "Target",
        "comparator": "Comparator",
        "unit": "Unit",
        "year": "Year",
        "frequency": "Frequency",
        "deadline": "Deadline",
        "reporter": "Reporter",
        "recipient": "Recipient",
        "via": "Via",
        "lead": "Lead",
        "support": "Support",
        "requested": "Requested",
        "due": "Due",
        "output": "Output",
        "group": "Group",
        "section": "Section",
        "no_section": "No section",
        "none": "None.",
        "blank": "(blank)",
        "line": "line",
        "monthly": "monthly",
        "quarterly": "quarterly",
        "semiannual": "semiannual",
        "annual": "annual",
        "periodic": "periodic",
        "count_tasks": "tasks",
    },
}
COMPARATORS = {">=": "≥", "<=": "≤", ">": ">", "<": "<", "=": "=", "between": "từ … đến"}


def render_markdown(result: dict[str, Any], lang: str = "vi") -> str:
    """Render one extraction result as Markdown."""
    t = LABELS.get(lang, LABELS["vi"])
    parts: list[str] = []
    parts += _title(result, t)
    parts += _metadata(result, t)
    parts += _section(t["implements"], _implements(result.get("implements") or [], t), t)
    parts += _section(t["citations"], _citations(result.get("citations") or [], t), t)
    parts += _section(t["targets"], _targets(result.get("targets") or [], t), t)
    parts += _section(t["reporting"], _reporting(result.get("reporting") or [], t), t)
    parts += _section(t["tasks"], _tasks(result.get("tasks") or [], t), t)
    parts += _section(t["warnings"], _warnings(result.get("warnings") or [], t), t)
    return "\n".join(parts).rstrip() + "\n"


def _title(result: dict[str, Any], t: dict[str, str]) -> list[str]:
    doc = result.get("document") or {}
    heading = " ".join(
        x for x in (kind_name(doc.get("kind")), doc.get("number") or "") if x
    ).strip()
    lines = [f"# {_inline(heading or result.get('source') or '')}", ""]
    if doc.get("title"):
        lines += [f"**{_inline(doc['title'])}**", ""]
    return lines


def _metadata(result: dict[str, Any], t: dict[str, str]) -> list[str]:
    doc = result.get("document") or {}
    signer = doc.get("signer") or {}
    signed = ", ".join(x for x in (signer.get("position"), signer.get("name")) if x)
    rows = [
        (t["kind"], kind_name(doc.get("kind"))),
        (t["number"], doc.get("number")),
        (t["issuer"], doc.get("issuer")),
        (t["date"], _date(doc.get("date"))),
        (t["title"], doc.get("title")),
        (t["signer"], signed or None),
        (t["source"], result.get("source")),
    ]
    return [*_table([t["field"], t["value"]], [[k, v or t["blank"]] for k, v in rows]), ""]


def _implements(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    return [
        f"- {_inline(' '.join(x for x in (kind_name(i.get('kind')), i.get('number') or '') if x))}"
        + (f" ({_date(i.get('date'))})" if i.get("date") else "")
        for i in items
    ]


def _citations(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    if not items:
        return []
    return _table(
        [t["kind"], t["number"], t["date"], t["issuer"]],
        [
            [kind_name(c.get("kind")), c.get("number"), _date(c.get("date")), c.get("issuer")]
            for c in items
        ],
    )


def _targets(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    if not items:
        return []
    rows = []
    for target in items:
        value = target.get("value")
        if isinstance(value, list):
            value = " – ".join(_number(v) for v in value)
        rows.append(
            [
                target.get("text"),
                COMPARATORS.get(target.get("comparator") or "", target.get("comparator")),
                _number(value),
                target.get("unit"),
                target.get("year"),
            ]
        )
    return _table([t["target"], t["comparator"], t["value"], t["unit"], t["year"]], rows)


def _reporting(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    if not items:
        return []
    rows = []
    for duty in items:
        deadline = duty.get("deadline")
        if isinstance(deadline, list):
            deadline = ", ".join(_month_day(d) for d in deadline)
        elif deadline:
            deadline = _month_day(deadline)
        rows.append(
            [
                ", ".join(t.get(f, f) for f in duty.get("frequency") or []),
                deadline,
                duty.get("reporter"),
                duty.get("recipient"),
                duty.get("via"),
            ]
        )
    return _table([t["frequency"], t["deadline"], t["reporter"], t["recipient"], t["via"]], rows)


def _tasks(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    lines: list[str] = []
    section: str | None = None
    for task in items:
        current = task.get("section") or ""
        if current != section:
            section = current
            title = f"{t['section']} {current}" if current else t["no_section"]
            lines += ["", f"### {_inline(title)}", ""]
        lines.append(f"1. {_inline(task.get('text') or '')}")
        details = []
        for role in ("lead", "support", "requested"):
            bodies = task.get(role) or []
            if bodies:
                details.append(f"*{t[role]}:* {_inline('; '.join(bodies))}")
        for key in ("due", "output", "group"):
            if task.get(key):
                details.append(f"*{t[key]}:* {_inline(str(task[key]))}")
        if details:
            lines.append("   " + " · ".join(details))
    return lines[1:] if lines else []


def _warnings(items: list[dict[str, Any]], t: dict[str, str]) -> list[str]:
    out = []
    for w in items:
        where = f"{t['line']} {w['line']}: " if w.get("line") else ""
        out.append(f"- {where}`{w.get('code', '')}` {_inline(w.get('message') or '')}")
    return out


def _section(title: str, body: list[str], t: dict[str, str]) -> list[str]:
    return [f"## {title}", "", *(body or [t["none"]]), ""]


def _table(header: list[str], rows: Iterable[list[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in rows:
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return lines


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return _inline(str(value)).replace("|", "\\|").replace("\n", "<br>")


def _inline(text: str) -> str:
    """Keep text literal in Markdown: escape the marks that would turn it into markup."""
    out = " ".join(text.split())
    for mark in ("\\", "*", "_", "`", "<", "[", "]"):
        out = out.replace(mark, "\\" + mark)
    return out


def _number(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return "" if value is None else str(value)


def _date(iso: str | None) -> str | None:
    """ISO date -> dd/mm/yyyy, as Vietnamese documents print it."""
    if not iso or len(iso) != 10:
        return iso
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _month_day(value: str) -> str:
    month, _, day = value.partition("-")
    return f"{day}/{month}" if day else value


def kind_name(code: str | None) -> str:
    """The printed name of a document kind code ("ke_hoach" -> "Kế hoạch")."""
    if not code:
        return ""
    try:
        kinds = load("document_kinds").get("kinds", [])
    except (FileNotFoundError, OSError, AttributeError):
        kinds = []
    for kind in kinds:
        if kind.get("code") == code and kind.get("words"):
            word = min(kind["words"], key=len)
            return word[:1].upper() + word[1:]
    return code
