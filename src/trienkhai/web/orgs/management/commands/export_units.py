"""Write the unit registry to a .csv or .xlsx file (the format the importer reads)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trienkhai.web.orgs.registry_io import export_csv, export_xlsx


class Command(BaseCommand):
    help = "Xuất danh mục đơn vị ra tệp .csv hoặc .xlsx."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        suffix = file.suffix.lower()
        if suffix not in {".csv", ".xlsx"}:
            raise CommandError("Tệp xuất phải là .csv hoặc .xlsx")
        file.write_bytes(export_csv() if suffix == ".csv" else export_xlsx())
        self.stdout.write(f"Đã ghi {file}")
