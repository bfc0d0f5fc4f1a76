"""Read target values reached from a CSV or XLSX sheet (one row per target).

Columns: the target's number in the plan (STT, as listed on the report page), the value
reached, an optional note. A first row whose value cell is not a number is a header and is
skipped. Bad files and bad rows give one clear message each; nothing is saved unless every
row is good (the caller saves through :func:`services.save_report`).
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from .models import ReportingError
from .services import parse_value

MAX_ROWS = 5000


def read_rows(name: str, data: bytes) -> list[list[Any]]:
    """The sheet's rows as lists of cells, from .csv (UTF-8, ; or ,) or .xlsx."""
    lower = (name or "").lower()
    if lower.endswith(".xlsx"):
        return _xlsx_rows(data)
    if lower.endswith(".csv") or lower.endswith(".txt"):
        return _csv_rows(data)
    raise ReportingError(_("Chỉ nhận tệp .csv hoặc .xlsx."))


def _csv_rows(data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReportingError(_("Tệp CSV phải được lưu theo mã UTF-8.")) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect) if any(c.strip() for c in row)]


def _xlsx_rows(data: bytes) -> list[list[Any]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds on a broken file
        raise ReportingError(_("Không đọc được tệp Excel (.xlsx).")) from None
    sheet = book.worksheets[0]
    rows = [
        list(row)
        for row in sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 1)
        if any(c not in (None, "") for c in row)
    ]
    book.close()
    return rows


def _is_number(cell: Any) -> bool:
    try:
        return parse_value(cell) is not None
    except ReportingError:
        return False


def target_values(
    rows: list[list[Any]], targets: list[Any]
) -> dict[int, tuple[Decimal | None, str]]:
    """Map rows onto ``targets`` (in plan order, numbered from 1): target id → (value, note)."""
    if rows and len(rows[0]) > 1 and not _is_number(rows[0][1]):
        rows = rows[1:]
    if len(rows) > MAX_ROWS:
        raise ReportingError(_("Tệp có quá nhiều dòng (tối đa %d).") % MAX_ROWS)
    found: dict[int, tuple[Decimal | None, str]] = {}
    for line, row in enumerate(rows, start=1):
        cells = [*row, None, None, None][:3]
        try:
            number = int(str(cells[0]).strip().rstrip("."))
        except ValueError:
            raise ReportingError(
                _("Dòng %(line)d: “%(cell)s” không phải số thứ tự chỉ tiêu.")
                % {"line": line, "cell": cells[0]}
            ) from None
        if not 1 <= number <= len(targets):
            raise ReportingError(
                _("Dòng %(line)d: kế hoạch không có chỉ tiêu số %(n)d.")
                % {"line": line, "n": number}
            )
        try:
            value = parse_value(cells[1])
        except ReportingError as err:
            raise ReportingError(
                _("Dòng %(line)d: %(err)s") % {"line": line, "err": err.message}
            ) from None
        note = "" if cells[2] is None else str(cells[2]).strip()
        found[targets[number - 1].pk] = (value, note)
    if not found:
        raise ReportingError(_("Tệp không có dòng số liệu nào."))
    return found
