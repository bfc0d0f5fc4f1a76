"""`trienkhai extract` and `trienkhai lint` (provisional: single-file, JSON only)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ..documents import extract_path
from ..documents.errors import DocumentError
from . import main


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["json", "md"]), default="json")
def extract(files: tuple[Path, ...], out_dir: Path | None, fmt: str) -> None:
    """Trích xuất cấu trúc, nhiệm vụ, chỉ tiêu… từ văn bản (.txt/.md/.docx/.pdf)."""
    failed = 0
    for path in files:
        try:
            result = extract_path(path)
        except DocumentError as err:
            failed += 1
            click.echo(f"lỗi: {path}: {err.message}", err=True)
            continue
        text = json.dumps(result, ensure_ascii=False, indent=2)
        if out_dir:
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / f"{path.stem}.json").write_text(text, encoding="utf-8")
        else:
            click.echo(text)
    if failed:
        sys.exit(1)
