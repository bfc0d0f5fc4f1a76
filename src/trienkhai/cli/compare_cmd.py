"""`trienkhai compare`, `trienkhai index`, `trienkhai similar`: the cascade comparison.

Thin: load the plans (documents through the engine, or extraction JSON), call
``trienkhai.compare``, render, write. Bad input is one error line and exit status 1.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..compare import compare_plans, load_plan
from ..compare.index import CorpusIndex
from ..compare.normalize import find_places
from ..compare.render import RENDERERS, render
from ..compare.siblings import compare_siblings
from ..documents.errors import DocumentError
from . import main

DOC_SUFFIXES = {".txt", ".md", ".docx", ".pdf", ".json"}


def _fail(message: str) -> None:
    click.echo(f"lỗi: {message}", err=True)
    sys.exit(1)


def _write(text: str, out: Path | None) -> None:
    if out is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(out)
    except OSError as exc:
        _fail(f"{out}: không ghi được tệp ({exc.strerror or exc})")


@main.command()
@click.argument("parent", type=click.Path(path_type=Path))
@click.argument("child", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="md", show_default=True
)
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="ghi ra tệp thay vì màn hình"
)
@click.option(
    "--siblings",
    is_flag=True,
    help="hai kế hoạch cùng thực hiện một văn bản (so theo nhóm nhiệm vụ)",
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True)
def compare(
    parent: Path, child: Path, fmt: str, out: Path | None, siblings: bool, lang: str
) -> None:
    """So sánh kế hoạch cấp dưới CHILD với văn bản cấp trên PARENT.

    PARENT, CHILD: văn bản (.txt/.md/.docx/.pdf) hoặc kết quả `trienkhai extract` (.json)."""
    try:
        p_plan, c_plan = load_plan(parent), load_plan(child)
    except DocumentError as err:
        _fail(str(err))
        return
    result = compare_siblings(p_plan, c_plan) if siblings else compare_plans(p_plan, c_plan)
    _write(render(result, fmt, lang), out)


def _documents(paths: tuple[Path, ...]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in DOC_SUFFIXES and p.is_file()
            )
        elif path.is_file():
            found.append(path)
        else:
            _fail(f"{path}: không tìm thấy tệp hoặc thư mục")
    return found


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("trienkhai-index.npz"),
    show_default=True,
    help="tệp chỉ mục",
)
def index(paths: tuple[Path, ...], out: Path) -> None:
    """Lập chỉ mục mọi nhiệm vụ của mọi văn bản trong PATHS (tệp hoặc thư mục)."""
    docs = _documents(paths)
    if not docs:
        _fail("không có văn bản nào để lập chỉ mục")
    corpus = CorpusIndex()
    skipped = 0
    plans = []
    for path in docs:
        try:
            plans.append((path, load_plan(path, require_tasks=False)))
        except DocumentError as err:
            skipped += 1
            click.echo(f"bỏ qua: {err}", err=True)
    for _, plan in plans:  # every place first, so all documents are keyed alike
        corpus.table.add_places(find_places([plan.text, *(t.text for t in plan.tasks)]))
    for path, plan in plans:
        corpus.add_document(str(path), [t.text for t in plan.tasks], plan.title)
    tmp = out.with_name(out.name + ".part.npz")
    try:
        corpus.save(tmp)
        tmp.replace(out)
    except OSError as exc:
        _fail(f"{out}: không ghi được chỉ mục ({exc.strerror or exc})")
    click.echo(
        f"đã lập chỉ mục {len(corpus)} nhiệm vụ của {len(corpus.documents)} văn bản"
        f" → {out}" + (f" ({skipped} tệp bị bỏ qua)" if skipped else ""),
        err=True,
    )


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--index",
    "index_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("trienkhai-index.npz"),
    show_default=True,
)
@click.option("--top", type=click.IntRange(1, 100), default=5, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
def similar(file: Path, index_path: Path, top: int, fmt: str) -> None:
    """Với mỗi nhiệm vụ của FILE, liệt kê các nhiệm vụ gần nhất trong chỉ mục."""
    try:
        corpus = CorpusIndex.load(index_path)
        plan = load_plan(file)
    except DocumentError as err:
        _fail(str(err))
        return
    corpus.table.add_places(find_places([plan.text, *(t.text for t in plan.tasks)]))
    me = file.resolve()
    same = next((d["name"] for d in corpus.documents if Path(d["name"]).resolve() == me), None)
    hits = corpus.query([t.text for t in plan.tasks], top=top, exclude_document=same)
    if fmt == "json":
        payload = {
            "schema": "trienkhai.similar/1",
            "file": str(file),
            "index": str(index_path),
            "tasks": [
                {
                    "index": t.index,
                    "section": t.section,
                    "text": t.text,
                    "similar": [h.to_json() for h in found],
                }
                for t, found in zip(plan.tasks, hits, strict=True)
            ],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    lines = [f"# Nhiệm vụ tương tự — {file.name}", ""]
    for task, found in zip(plan.tasks, hits, strict=True):
        lines += [f"## {task.index + 1}. ({task.section}) {_short(task.text)}", ""]
        lines += [
            f"- {h.similarity:.2f} · {h.document} #{h.task + 1}: {_short(h.text or '')}"
            for h in found
        ] or ["- (không có)"]
        lines.append("")
    click.echo("\n".join(lines))


def _short(text: str, n: int = 160) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"
