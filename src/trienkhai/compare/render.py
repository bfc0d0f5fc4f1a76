"""Renderers of a comparison result: a registry from format name to function.

Each renderer takes the plain result computed once (``compare_plans`` or ``compare_siblings``)
and a language (``vi`` default, ``en``); words come from ``data/labels.yaml`` and the page
skeleton from ``templates/page.html``. The HTML page is self-contained: inline CSS, no script,
no font or image, and a Content-Security-Policy that forbids any request.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from html import escape
from importlib import resources
from string import Template
from typing import Any

import yaml

Renderer = Callable[[dict[str, Any], str], str]


@cache
def labels(lang: str) -> dict[str, str]:
    """The report's words in ``lang`` (falls back to Vietnamese for a missing word)."""
    ref = resources.files("trienkhai.compare").joinpath("data", "labels.yaml")
    with ref.open("r", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    out = dict(data["vi"])
    out.update(data.get(lang, {}))
    return out


@cache
def _page() -> Template:
    ref = resources.files("trienkhai.compare").joinpath("templates", "page.html")
    return Template(ref.read_text(encoding="utf-8"))


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def is_siblings(result: dict[str, Any]) -> bool:
    return str(result.get("schema", "")).startswith("trienkhai.compare-siblings")


# ---------------------------------------------------------------------------------- JSON
def render_json(result: dict[str, Any], lang: str = "vi") -> str:
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


# ------------------------------------------------------------------------------ Markdown
def _md_diff(segments: list[list[str]], side: str) -> str:
    out = []
    for op, text in segments:
        if op == "=":
            out.append(text)
        elif op == "-" and side == "parent":
            out.append(f"~~{text}~~")
        elif op == "+" and side == "child":
            out.append(f"**{text}**")
    return " ".join(out)


def render_md(result: dict[str, Any], lang: str = "vi") -> str:
    if is_siblings(result):
        return _md_siblings(result, labels(lang))
    t = labels(lang)
    s = result["summary"]
    lines = [
        f"# {t['title']}",
        "",
        f"- {t['parent']}: {result['parent_title']} (`{result['parent']}`)",
        f"- {t['child']}: {result['child_title']} (`{result['child']}`)",
        "",
        f"## {t['summary']}",
        "",
        "| | |",
        "|---|---:|",
        f"| {t['coverage']} | {_pct(s['coverage'])} ({s['carried']}/{s['parent_tasks']}) |",
        f"| {t['copy_ratio']} | {_pct(s['copy_ratio'])} |",
        f"| {t['words_added']} | {s['words_added']} |",
        f"| {t['copied']} / {t['adapted']} / {t['new']} | "
        f"{s['copied']} / {s['adapted']} / {s['new']} |",
        f"| {t['omitted']} | {s['omitted']} |",
        f"| {t['place_swap_only']} | {s['place_swap_only']} |",
        f"| {t['splits']} / {t['merges']} | {s['splits']} / {s['merges']} |",
        "",
    ]
    if s["localisation_words"]:
        words = ", ".join(f"{w['word']} ({w['count']})" for w in s["localisation_words"])
        lines += [f"**{t['localisation']}:** {words}", ""]
    lines += _md_tables(result, t)
    lines += [f"## {t['pairs']}", "", t["legend"], ""]
    for n, p in enumerate(result["pairs"], 1):
        sec = p["child_section"] or ""
        if p["class"] == "new":
            lines += [f"### {n}. {t['new']} — {sec}", "", p["child"], ""]
            continue
        lines += [
            f"### {n}. {t[p['class']]} {p['similarity']:.3f} — {p['parent_section']} → {sec}",
            "",
            f"- {t['parent']}: {_md_diff(p['diff'], 'parent') if p['diff'] else p['parent']}",
            f"- {t['child']}: {_md_diff(p['diff'], 'child') if p['diff'] else p['child']}",
            f"- {t['why']}: {t['cosine']} {p['why']['cosine']}, {t['shared']}: "
            + "; ".join(f"“{x}”" for x in p["why"]["shared"][:3]),
            "",
        ]
    if result["omitted"]:
        lines += [f"## {t['omitted_task']}", ""]
        lines += [f"- ({o['section']}) {o['text']}" for o in result["omitted"]]
        lines.append("")
    return "\n".join(lines)


def _md_tables(result: dict[str, Any], t: dict[str, str]) -> list[str]:
    lines = [
        f"## {t['by_section_parent']}",
        "",
        f"| {t['section']} | {t['parent_tasks']} | {t['carried']} | {t['omitted']} |",
        "|---|---:|---:|---:|",
    ]
    lines += [
        f"| {r['section']} | {r['tasks']} | {r['carried']} | {r['omitted']} |"
        for r in result["sections"]["parent"]
    ]
    lines += [
        "",
        f"## {t['by_section_child']}",
        "",
        f"| {t['section']} | {t['child_tasks']} | {t['copied']} | {t['adapted']} | {t['new']} |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['section']} | {r['tasks']} | {r['copied']} | {r['adapted']} | {r['new']} |"
        for r in result["sections"]["child"]
    ]
    if result["groups"]:
        lines += [
            "",
            f"## {t['by_group']}",
            "",
            f"| {t['group']} | {t['parent_tasks']} | {t['carried']} | {t['child_tasks']} "
            f"| {t['copied']} | {t['adapted']} | {t['new']} |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {r['label']} | {r['parent_tasks']} | {r['carried']} | {r['child_tasks']} "
            f"| {r['copied']} | {r['adapted']} | {r['new']} |"
            for r in result["groups"]
        ]
    cites = result["citations"]
    if cites["localised"]:
        lines += [
            "",
            f"## {t['localised_citations']}",
            "",
            f"| {t['parent_cites']} | {t['child_cites']} |",
            "|---|---|",
        ]
        lines += [f"| {c['parent_cites']} | {c['child_cites']} |" for c in cites["localised"]]
    lines.append("")
    return lines


def _md_siblings(result: dict[str, Any], t: dict[str, str]) -> str:
    s = result["summary"]
    lines = [
        f"# {t['siblings_title']}",
        "",
        f"- {t['plan_a']}: {result['a_title']} (`{result['a']}`), {s['a_tasks']} {t['tasks']}",
        f"- {t['plan_b']}: {result['b_title']} (`{result['b']}`), {s['b_tasks']} {t['tasks']}",
        "",
        f"| {t['task_group']} A | {t['task_group']} B | {t['similarity']} | A | B "
        f"| {t['paired']} | {t['only_a']} | {t['only_b']} |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for g in result["groups"]:
        lines.append(
            f"| {g['a_section']} {g['a_heading']} | {g['b_section']} {g['b_heading']} "
            f"| {g['similarity']:.2f} | {g['a_tasks']} | {g['b_tasks']} | {len(g['pairs'])} "
            f"| {len(g['only_a'])} | {len(g['only_b'])} |"
        )
    lines.append("")
    for g in result["groups"]:
        lines += [f"## {g['a_section']} {g['a_heading']} ↔ {g['b_section']} {g['b_heading']}", ""]
        for p in g["pairs"]:
            lines += [f"- **{p['similarity']:.2f}** A: {p['a']}", f"  B: {p['b']}"]
        lines += [f"- {t['only_a']}: {x}" for x in g["only_a"]]
        lines += [f"- {t['only_b']}: {x}" for x in g["only_b"]]
        lines.append("")
    if result["unmatched_a"] or result["unmatched_b"]:
        lines += [f"## {t['unmatched_groups']}", ""]
        lines += [
            f"- A {g['section']} {g['heading']} ({len(g['tasks'])})" for g in result["unmatched_a"]
        ]
        lines += [
            f"- B {g['section']} {g['heading']} ({len(g['tasks'])})" for g in result["unmatched_b"]
        ]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------- HTML
def _h_diff(segments: list[list[str]], side: str, *, own: bool = False) -> str:
    """One side of a word diff: the parent's dropped words struck through and the child's added
    words highlighted; with ``own`` (two sibling plans) each side's own words just marked."""
    out = []
    for op, text in segments:
        if op == "=":
            out.append(escape(text))
        elif op == "-" and side == "parent":
            out.append(f"<mark>{escape(text)}</mark>" if own else f"<del>{escape(text)}</del>")
        elif op == "+" and side == "child":
            out.append(f"<mark>{escape(text)}</mark>" if own else f"<ins>{escape(text)}</ins>")
    return " ".join(out)


def _h_table(head: list[str], rows: list[list[Any]], num_from: int = 1) -> str:
    th = "".join(
        f"<th{' class=num' if k >= num_from else ''}>{escape(h)}</th>" for k, h in enumerate(head)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=num' if k >= num_from else ''}>{escape(str(c))}</td>"
            for k, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _card(label: str, value: str) -> str:
    return f'<div class="card"><b>{escape(value)}</b>{escape(label)}</div>'


def render_html(result: dict[str, Any], lang: str = "vi") -> str:
    t = labels(lang)
    if is_siblings(result):
        title, sub, body = t["siblings_title"], _h_sib_sub(result, t), _h_siblings(result, t)
    else:
        title = t["title"]
        sub = (
            f"<p>{escape(t['parent'])}: <b>{escape(result['parent_title'])}</b> "
            f"({escape(result['parent'])})</p><p>{escape(t['child'])}: "
            f"<b>{escape(result['child_title'])}</b> ({escape(result['child'])})</p>"
        )
        body = _h_summary(result, t) + _h_tables(result, t) + _h_pairs(result, t)
    return _page().substitute(
        lang=escape(lang),
        title=escape(title),
        subtitle=sub,
        body=body,
        footer=escape(t["generated_by"]),
    )


def _h_summary(result: dict[str, Any], t: dict[str, str]) -> str:
    s = result["summary"]
    cards = "".join(
        [
            _card(t["coverage"], f"{_pct(s['coverage'])} ({s['carried']}/{s['parent_tasks']})"),
            _card(t["copy_ratio"], _pct(s["copy_ratio"])),
            _card(t["copied"], str(s["copied"])),
            _card(t["adapted"], str(s["adapted"])),
            _card(t["new"], str(s["new"])),
            _card(t["omitted"], str(s["omitted"])),
            _card(t["words_added"], str(s["words_added"])),
            _card(t["place_swap_only"], str(s["place_swap_only"])),
        ]
    )
    words = ", ".join(f"{escape(w['word'])} ({w['count']})" for w in s["localisation_words"])
    loc = f"<p><b>{escape(t['localisation'])}:</b> {words}</p>" if words else ""
    return f'<h2 id="summary">{escape(t["summary"])}</h2><div class="cards">{cards}</div>{loc}'


def _h_tables(result: dict[str, Any], t: dict[str, str]) -> str:
    sec = result["sections"]
    out = [
        f"<h2>{escape(t['by_section_parent'])}</h2>",
        _h_table(
            [t["section"], t["parent_tasks"], t["carried"], t["omitted"]],
            [[r["section"], r["tasks"], r["carried"], r["omitted"]] for r in sec["parent"]],
        ),
        f"<h2>{escape(t['by_section_child'])}</h2>",
        _h_table(
            [t["section"], t["child_tasks"], t["copied"], t["adapted"], t["new"]],
            [[r["section"], r["tasks"], r["copied"], r["adapted"], r["new"]] for r in sec["child"]],
        ),
    ]
    if result["groups"]:
        out += [
            f"<h2>{escape(t['by_group'])}</h2>",
            _h_table(
                [
                    t["group"],
                    t["parent_tasks"],
                    t["carried"],
                    t["child_tasks"],
                    t["copied"],
                    t["adapted"],
                    t["new"],
                ],
                [
                    [
                        r["label"],
                        r["parent_tasks"],
                        r["carried"],
                        r["child_tasks"],
                        r["copied"],
                        r["adapted"],
                        r["new"],
                    ]
                    for r in result["groups"]
                ],
            ),
        ]
    cites = result["citations"]
    if cites["localised"]:
        out += [
            f"<h2>{escape(t['localised_citations'])}</h2>",
            _h_table(
                [t["parent_cites"], t["child_cites"], ""],
                [[c["parent_cites"], c["child_cites"], c["passage"]] for c in cites["localised"]],
                num_from=9,
            ),
        ]
    return "".join(out)


def _h_pairs(result: dict[str, Any], t: dict[str, str]) -> str:
    omitted = {o["index"]: o for o in result["omitted"]}
    rows: list[str] = []
    placed: set[int] = set()

    def omitted_upto(j: int) -> None:
        for k in sorted(omitted):
            if k <= j and k not in placed:
                placed.add(k)
                o = omitted[k]
                rows.append(
                    f'<tr class="omitted"><td class="text"><span class="sec">{escape(o["section"])}'
                    f'</span> {escape(o["text"])}</td><td class="text">{escape(t["none"])}</td>'
                    f'<td class="meta"><span class="badge omitted">{escape(t["omitted"])}</span>'
                    f"<br>{escape(t['omitted_task'])}</td></tr>"
                )

    for p in result["pairs"]:
        if p["parent_index"] is not None:
            omitted_upto(p["parent_index"])
        rows.append(_h_pair_row(p, t))
    omitted_upto(10**9)
    head = (
        f"<tr><th>{escape(t['parent'])}</th><th>{escape(t['child'])}</th>"
        f"<th>{escape(t['class'])}</th></tr>"
    )
    return (
        f'<h2>{escape(t["pairs"])}</h2><p class="legend">{escape(t["legend"])}</p>'
        f'<table class="pairs"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _h_pair_row(p: dict[str, Any], t: dict[str, str]) -> str:
    cls = p["class"]
    csec = f'<span class="sec">{escape(p["child_section"] or "")}</span> '
    if cls == "new":
        return (
            f'<tr class="new"><td class="text">{escape(t["none"])}</td><td class="text">{csec}'
            f'{escape(p["child"])}</td><td class="meta"><span class="badge new">'
            f"{escape(t['new'])}</span><br>{escape(t['new_task'])}</td></tr>"
        )
    psec = f'<span class="sec">{escape(p["parent_section"] or "")}</span> '
    parent = _h_diff(p["diff"], "parent") if p["diff"] else escape(p["parent"])
    child = _h_diff(p["diff"], "child") if p["diff"] else escape(p["child"])
    why = p["why"]
    link = {"split": t["link_split"], "merge": t["link_merge"]}.get(p["link"], "")
    shared = "".join(f"<li>{escape(x)}</li>" for x in why["shared"])
    meta = (
        f'<span class="badge {cls}">{escape(t[cls])}</span> {p["similarity"]:.3f}'
        + (f"<br>{escape(link)}" if link else "")
        + f"<details><summary>{escape(t['why'])}</summary>"
        f"{escape(t['cosine'])}: {why['cosine']:.3f}<br>"
        f"{escape(t['child_in_parent'])}: {why['child_in_parent']:.2f}<br>"
        f"{escape(t['parent_in_child'])}: {why['parent_in_child']:.2f}<br>"
        f"{escape(t['shared'])}:<ul>{shared}</ul></details>"
    )
    return (
        f'<tr class="{cls}"><td class="text">{psec}{parent}</td>'
        f'<td class="text">{csec}{child}</td><td class="meta">{meta}</td></tr>'
    )


def _h_sib_sub(result: dict[str, Any], t: dict[str, str]) -> str:
    return (
        f"<p>{escape(t['plan_a'])}: <b>{escape(result['a_title'])}</b> ({escape(result['a'])})"
        f"</p><p>{escape(t['plan_b'])}: <b>{escape(result['b_title'])}</b> "
        f"({escape(result['b'])})</p>"
    )


def _h_siblings(result: dict[str, Any], t: dict[str, str]) -> str:
    rows = [
        [
            f"{g['a_section']} {g['a_heading']}",
            f"{g['b_section']} {g['b_heading']}",
            f"{g['similarity']:.2f}",
            g["a_tasks"],
            g["b_tasks"],
            len(g["pairs"]),
            len(g["only_a"]),
            len(g["only_b"]),
        ]
        for g in result["groups"]
    ]
    out = [
        f"<h2>{escape(t['summary'])}</h2>",
        _h_table(
            [
                f"{t['task_group']} A",
                f"{t['task_group']} B",
                t["similarity"],
                "A",
                "B",
                t["paired"],
                t["only_a"],
                t["only_b"],
            ],
            rows,
            num_from=2,
        ),
    ]
    for g in result["groups"]:
        out.append(
            f"<h2>{escape(g['a_section'])} {escape(g['a_heading'])} ↔ "
            f"{escape(g['b_section'])} {escape(g['b_heading'])}</h2>"
        )
        trs = []
        for p in g["pairs"]:
            # the pair's diff runs from B (its "parent" side) to A (its "child" side)
            trs.append(
                f'<tr class="adapted"><td class="text">{_h_diff(p["diff"], "child", own=True)}'
                f'</td><td class="text">{_h_diff(p["diff"], "parent", own=True)}</td>'
                f'<td class="meta">{p["similarity"]:.3f}</td></tr>'
            )
        trs += [
            f'<tr class="new"><td class="text">{escape(x)}</td><td>{escape(t["none"])}</td>'
            f"<td>{escape(t['only_a'])}</td></tr>"
            for x in g["only_a"]
        ]
        trs += [
            f'<tr class="omitted"><td>{escape(t["none"])}</td><td class="text">{escape(x)}'
            f"</td><td>{escape(t['only_b'])}</td></tr>"
            for x in g["only_b"]
        ]
        out.append(
            f'<table class="pairs"><thead><tr><th>A</th><th>B</th><th>'
            f"{escape(t['similarity'])}</th></tr></thead><tbody>{''.join(trs)}</tbody></table>"
        )
    if result["unmatched_a"] or result["unmatched_b"]:
        items = [
            f"<li>A {escape(g['section'])} {escape(g['heading'])} ({len(g['tasks'])})</li>"
            for g in result["unmatched_a"]
        ]
        items += [
            f"<li>B {escape(g['section'])} {escape(g['heading'])} ({len(g['tasks'])})</li>"
            for g in result["unmatched_b"]
        ]
        out.append(f"<h2>{escape(t['unmatched_groups'])}</h2><ul>{''.join(items)}</ul>")
    return "".join(out)


RENDERERS: dict[str, Renderer] = {"json": render_json, "md": render_md, "html": render_html}


def render(result: dict[str, Any], fmt: str = "md", lang: str = "vi") -> str:
    """Render a comparison result in ``fmt`` (one of ``RENDERERS``)."""
    return RENDERERS[fmt](result, lang)
