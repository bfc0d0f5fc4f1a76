"""`trienkhai extract` and `trienkhai lint`: the engine over many files, one at a time.

Results are written as they are produced (never all held in memory). One bad file prints one
line ``lỗi: FILE: message`` and the batch goes on (``--strict`` stops at the first); the exit
code is 1 when any file failed, 2 for a usage error. A progress bar shows on a terminal when
there are several files.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
from tqdm import tqdm

from ..documents import extract_path
from ..documents.errors import DocumentError
from ..documents.render import render_markdown
from . import main

DEBUG_ENV = "TRIENKHAI_DEBUG"  # set to 1 to see the traceback of an internal error


class Batch:
    """Runs the engine over files, reporting failures and counting results."""

    def __init__(self, files: tuple[Path, ...], strict: bool, label: str) -> None:
        self.files = files
        self.strict = strict
        self.failed = 0
        self.done = 0
        self._bar = tqdm(
            total=len(files),
            file=sys.stderr,
            unit="tệp",
            desc=label,
            disable=len(files) < 2 or not sys.stderr.isatty(),
            leave=False,
        )

    def results(self) -> Iterator[tuple[Path, dict[str, Any]]]:
        """Yield (path, result) for each file that could be read; report the others."""
        try:
            for path in self.files:
                result = self._extract(path)
                self._bar.update(1)
                if result is not None:
                    self.done += 1
                    yield path, result
                elif self.strict:
                    break
        finally:
            self._bar.close()

    def _extract(self, path: Path) -> dict[str, Any] | None:
        try:
            return extract_path(path)
        except DocumentError as err:
            self.fail(path, err.message)
        except Exception as exc:  # a bug must not kill the batch nor show a traceback
            if os.environ.get(DEBUG_ENV):
                raise
            self.fail(path, f"lỗi nội bộ khi xử lý tệp ({type(exc).__name__}: {exc})")
        return None

    def fail(self, path: Path, message: str) -> None:
        self.failed += 1
        tqdm.write(f"lỗi: {path}: {message}", file=sys.stderr)

    def summary(self) -> None:
        if len(self.files) > 1:
            total = len(self.files)
            line = f"{total} tệp: {self.done} thành công, {self.failed} lỗi"
            skipped = total - self.done - self.failed
            if skipped > 0:
                line += f", {skipped} chưa xử lý (--strict)"
            click.echo(line, err=True)

    def exit(self) -> None:
        self.summary()
        if self.failed:
            sys.exit(1)


def _serialise(result: dict[str, Any], fmt: str, lang: str, pretty: bool) -> str:
    if fmt == "md":
        return render_markdown(result, lang=lang)
    if pretty:
        return json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    return json.dumps(result, ensure_ascii=False) + "\n"


def _write_atomic(target: Path, text: str) -> None:
    """Write to a temporary file beside the target, then rename: never a half-written file."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_stems(files: tuple[Path, ...], ext: str) -> None:
    seen: dict[str, Path] = {}
    for path in files:
        if path.stem in seen and seen[path.stem] != path:
            raise click.UsageError(
                f"hai tệp cùng tên {path.stem}{ext} trong thư mục đích: {seen[path.stem]} và {path}"
            )
        seen[path.stem] = path


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Thư mục ghi kết quả: DIR/<tên tệp>.json (hoặc .md).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "md"]),
    default="json",
    show_default=True,
    help="json theo hợp đồng trienkhai.extract/1, hoặc md để đọc.",
)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", help="Ngôn ngữ của bản md.")
@click.option("--strict", is_flag=True, help="Dừng ở tệp lỗi đầu tiên.")
def extract(
    files: tuple[Path, ...], out_dir: Path | None, fmt: str, lang: str, strict: bool
) -> None:
    """Trích xuất cấu trúc, nhiệm vụ, chỉ tiêu… từ văn bản (.txt/.md/.docx/.pdf).

    Không có --out: in ra màn hình (nhiều tệp JSON: mỗi tệp một dòng JSON).
    """
    ext = f".{fmt}"
    if out_dir is not None:
        _check_stems(files, ext)
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(f"không tạo được thư mục {out_dir}: {exc.strerror}") from exc
    batch = Batch(files, strict, "Trích xuất")
    pretty = out_dir is not None or len(files) == 1 or fmt == "md"
    for path, result in batch.results():
        text = _serialise(result, fmt, lang, pretty)
        if out_dir is None:
            click.echo(text, nl=False)
            continue
        try:
            _write_atomic(out_dir / f"{path.stem}{ext}", text)
        except OSError as exc:
            batch.done -= 1
            batch.fail(path, f"không ghi được kết quả: {exc.strerror or exc}")
            if strict:
                break
    batch.exit()


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Dừng ở tệp lỗi đầu tiên.")
def lint(files: tuple[Path, ...], strict: bool) -> None:
    """Kiểm tra văn bản: in mỗi cảnh báo thành một dòng TỆP:DÒNG: mã: nội dung."""
    batch = Batch(files, strict, "Kiểm tra")
    for path, result in batch.results():
        for warning in result.get("warnings") or []:
            line = warning.get("line")
            where = f"{path}:{line}" if line else f"{path}"
            click.echo(f"{where}: {warning.get('code')}: {warning.get('message')}")
    batch.exit()
