"""Import and export of the unit registry as CSV or XLSX, all or nothing.

One row per unit, columns ``COLUMNS``; a unit's parent and successor are named by code, so a
file can be edited in a spreadsheet and loaded back. Dates are dd/mm/yyyy (ISO also read);
aliases are separated by ";". Rows are matched by code: existing units are updated, new ones
created. Every problem is reported with its row number and nothing is saved.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook

from .models import Unit, UnitKind, UnitLevel

COLUMNS = [
    "code",
    "name",
    "abbreviation",
    "kind",
    "level",
    "parent",
    "aliases",
    "valid_from",
    "valid_to",
    "successor",
]
REQUIRED = ("code", "name", "kind", "level")


class RegistryImportError(Exception):
    """The file was refused; ``errors`` lists one message per problem, with its row."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("; ".join(errors[:5]) + (" …" if len(errors) > 5 else ""))
        self.errors = errors


@dataclass
class ImportSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


def _date(text: Any, row: int, column: str, errors: list[str]) -> dt.date | None:
    if isinstance(text, dt.datetime):
        return text.date()
    if isinstance(text, dt.date):
        return text
    text = str(text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    errors.append(
        _("Dòng %(row)d: “%(value)s” ở cột %(col)s không phải ngày dd/mm/yyyy.")
        % {"row": row, "value": text, "col": column}
    )
    return None


def read_rows(data: bytes, name: str) -> list[dict[str, Any]]:
    """The file's rows as dicts keyed by column; the format is chosen by the file name."""
    lower = name.lower()
    if lower.endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        except Exception as err:  # openpyxl raises many kinds on a broken file
            raise RegistryImportError([_("Không đọc được tệp Excel: %s") % err]) from err
        rows = list(sheet.iter_rows(values_only=True))
        header = [str(c or "").strip().lower() for c in (rows[0] if rows else [])]
        body = rows[1:]
    elif lower.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as err:
            raise RegistryImportError([_("Tệp CSV phải được mã hóa UTF-8.")]) from err
        reader = list(csv.reader(io.StringIO(text)))
        header = [c.strip().lower() for c in (reader[0] if reader else [])]
        body = reader[1:]
    else:
        raise RegistryImportError([_("Chỉ nhận tệp .csv hoặc .xlsx.")])
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise RegistryImportError([_("Thiếu cột: %s.") % ", ".join(missing)])
    out = []
    for values in body:
        if not any(v not in (None, "") for v in values):
            continue
        out.append({h: v for h, v in zip(header, values, strict=False) if h in COLUMNS})
    return out


def _clean(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[str]]:
    errors: list[str] = []
    cleaned = []
    seen: set[str] = set()
    known = set(Unit.objects.values_list("code", flat=True))
    codes = {str(r.get("code") or "").strip() for r in rows}
    for number, raw in enumerate(rows, start=2):
        row = {k: ("" if v is None else v) for k, v in raw.items()}
        text = {k: str(v).strip() for k, v in row.items() if k not in {"valid_from", "valid_to"}}
        code = text.get("code", "")
        for column in REQUIRED:
            if not text.get(column):
                errors.append(_("Dòng %(row)d: thiếu %(col)s.") % {"row": number, "col": column})
        if code in seen:
            errors.append(_("Dòng %(row)d: mã “%(code)s” lặp lại.") % {"row": number, "code": code})
        seen.add(code)
        if text.get("kind") and text["kind"] not in UnitKind.values:
            errors.append(
                _("Dòng %(row)d: loại “%(v)s” không hợp lệ.") % {"row": number, "v": text["kind"]}
            )
        if text.get("level") and text["level"] not in UnitLevel.values:
            errors.append(
                _("Dòng %(row)d: cấp “%(v)s” không hợp lệ.") % {"row": number, "v": text["level"]}
            )
        for ref in ("parent", "successor"):
            target = text.get(ref, "")
            if target and target not in codes and target not in known:
                errors.append(
                    _("Dòng %(row)d: không có đơn vị mã “%(code)s” (%(col)s).")
                    % {"row": number, "code": target, "col": ref}
                )
        valid_from = _date(row.get("valid_from"), number, "valid_from", errors)
        valid_to = _date(row.get("valid_to"), number, "valid_to", errors)
        if valid_from and valid_to and valid_to < valid_from:
            errors.append(_("Dòng %(row)d: hiệu lực đến trước ngày hiệu lực từ.") % {"row": number})
        cleaned.append(
            {
                "row": number,
                "code": code,
                "name": text.get("name", ""),
                "abbreviation": text.get("abbreviation", ""),
                "kind": text.get("kind", ""),
                "level": text.get("level", ""),
                "parent": text.get("parent", ""),
                "successor": text.get("successor", ""),
                "aliases": [a.strip() for a in text.get("aliases", "").split(";") if a.strip()],
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
        )
    return cleaned, errors


def _parent_first(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows ordered so each parent in the file comes before its children (cycles refused)."""
    by_code = {r["code"]: r for r in rows}
    ordered, placed, visiting = [], set(), set()

    def place(row: dict[str, Any]) -> None:
        if row["code"] in placed:
            return
        if row["code"] in visiting:
            raise RegistryImportError(
                [_("Dòng %(row)d: quan hệ cấp trên tạo thành vòng.") % {"row": row["row"]}]
            )
        visiting.add(row["code"])
        parent = by_code.get(row["parent"])
        if parent is not None:
            place(parent)
        placed.add(row["code"])
        ordered.append(row)

    for row in rows:
        place(row)
    return ordered


def import_units(data: bytes, name: str) -> ImportSummary:
    """Load a registry file; raises ``RegistryImportError`` (saving nothing) on any problem."""
    rows, errors = _clean(read_rows(data, name))
    if errors:
        raise RegistryImportError(errors)
    summary = ImportSummary()
    fields = ("name", "abbreviation", "kind", "level", "aliases", "valid_from", "valid_to")
    with transaction.atomic():
        units = {u.code: u for u in Unit.objects.select_for_update()}
        for row in _parent_first(rows):
            unit = units.get(row["code"])
            parent = units[row["parent"]] if row["parent"] else None
            if parent is not None and unit is not None and parent.path.startswith(unit.path):
                raise RegistryImportError(
                    [_("Dòng %(row)d: quan hệ cấp trên tạo thành vòng.") % {"row": row["row"]}]
                )
            values = {f: row[f] for f in fields}
            if unit is None:
                units[row["code"]] = Unit.objects.create(code=row["code"], parent=parent, **values)
                summary.created += 1
            elif any(getattr(unit, f) != v for f, v in values.items()) or unit.parent_id != (
                parent.pk if parent else None
            ):
                for f, v in values.items():
                    setattr(unit, f, v)
                unit.parent = parent
                unit.save()
                summary.updated += 1
            else:
                summary.unchanged += 1
            summary.codes.append(row["code"])
        for row in rows:
            unit = units[row["code"]]
            successor = units[row["successor"]] if row["successor"] else None
            if unit.successor_id != (successor.pk if successor else None):
                unit.successor = successor
                unit.save(update_fields=["successor", "updated_at"])
    return summary


def _fmt(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def export_rows(units=None) -> list[list[str]]:
    """The registry as rows (header first), parents before children."""
    units = (
        (units if units is not None else Unit.objects.all())
        .select_related("parent", "successor")
        .order_by("path")
    )
    rows = [list(COLUMNS)]
    for u in units:
        rows.append(
            [
                u.code,
                u.name,
                u.abbreviation,
                u.kind,
                u.level,
                u.parent.code if u.parent else "",
                "; ".join(u.aliases or []),
                _fmt(u.valid_from),
                _fmt(u.valid_to),
                u.successor.code if u.successor else "",
            ]
        )
    return rows


def export_csv(units=None) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(export_rows(units))
    return buffer.getvalue().encode("utf-8-sig")


def export_xlsx(units=None) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "don_vi"
    for row in export_rows(units):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for column, width in zip("ABCDEFGHIJ", (22, 48, 14, 10, 10, 22, 40, 12, 12, 22), strict=True):
        sheet.column_dimensions[column].width = width
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
