"""Load a unit registry file (.csv or .xlsx); nothing is saved if any row is wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trienkhai.web.orgs.registry_io import RegistryImportError, import_units


class Command(BaseCommand):
    help = "Nhập danh mục đơn vị từ tệp .csv hoặc .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        if not file.is_file():
            raise CommandError(f"Không thấy tệp {file}")
        try:
            summary = import_units(file.read_bytes(), file.name)
        except RegistryImportError as err:
            raise CommandError("\n".join(err.errors)) from err
        self.stdout.write(
            f"{summary.created} mới, {summary.updated} cập nhật, {summary.unchanged} giữ nguyên."
        )
