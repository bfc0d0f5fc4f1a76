"""Renderers: the JSON contract, the Markdown report, the HTML page (escaped, self-contained)."""

from __future__ import annotations

import json
import re

from trienkhai.compare import compare_plans
from trienkhai.compare.plans import Plan, Task
from trienkhai.compare.render import RENDERERS, labels, render

PAIR_KEYS = {
    "child",
    "parent",
    "class",
    "similarity",
    "score",
    "child_index",
    "parent_index",
    "child_section",
    "parent_section",
    "group",
    "link",
    "matched_words",
}


def test_json_follows_the_contract(cascade: dict) -> None:
    data = json.loads(render(cascade, "json"))
    assert data["schema"] == "trienkhai.compare/1"
    assert {
        "parent",
        "child",
        "pairs",
        "omitted_parent",
        "summary",
        "sections",
        "groups",
        "citations",
    } <= set(data)
    for pair in data["pairs"]:
        assert set(pair) >= PAIR_KEYS
        assert pair["class"] in {"copied", "adapted", "new"}
        assert (pair["parent"] is None) == (pair["class"] == "new")


def test_markdown_report_has_summary_tables_and_diffs(cascade: dict) -> None:
    md = render(cascade, "md")
    assert md.startswith("# So sánh kế hoạch cấp trên – cấp dưới")
    assert "| Tỷ lệ nhiệm vụ được triển khai | 100.0% (40/40) |" in md
    assert "~~" in md and "**" in md
    assert "| 20-CTr/TU | 51-KH/TU |" in md
    assert render(cascade, "md", "en").startswith("# Parent – child plan comparison")


def test_html_page_is_self_contained(cascade: dict) -> None:
    page = render(cascade, "html")
    assert page.startswith("<!DOCTYPE html>") and 'lang="vi"' in page
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page)
    assert "<script" not in page and "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page
    assert page.count('<tr class="copied">') == 27 and page.count('<tr class="adapted">') == 13
    assert "<del>" in page and "<ins>" in page


def test_html_escapes_task_text() -> None:
    evil = "<script>alert(1)</script> & “trích dẫn”"
    parent = Plan("p.txt", [Task(0, "Đẩy mạnh tuyên truyền " + evil), Task(1, "Một việc khác hẳn")])
    child = Plan("c.txt", [Task(0, "Đẩy mạnh tuyên truyền " + evil), Task(1, "Xây dựng cầu đường")])
    page = render(compare_plans(parent, child), "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'class="omitted"' in page and 'class="new"' in page


def test_every_label_exists_in_both_languages() -> None:
    assert set(labels("vi")) == set(labels("en"))
    assert set(RENDERERS) == {"json", "md", "html"}
