"""Registry import/export (CSV, XLSX): round trips, row-numbered refusals, all or nothing."""

from __future__ import annotations

import pytest

from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.registry_io import (
    RegistryImportError,
    export_csv,
    export_xlsx,
    import_units,
)

HEADER = "code,name,abbreviation,kind,level,parent,aliases,valid_from,valid_to,successor\n"
GOOD = HEADER + (
    "ht,Tỉnh Thử,,dia_ban,tinh,,,,,\n"
    "ht-snv,Sở Nội vụ tỉnh Thử,SNV,so,tinh,ht-ubnd,Sở Nội vụ; SNV tỉnh,,,\n"
    "ht-ubnd,Ủy ban nhân dân tỉnh Thử,UBND tỉnh,ubnd,tinh,ht,,,,\n"
    "ht-a,Huyện A,,dia_ban,huyen,ht,,01/01/2020,30/06/2025,ht-b\n"
    "ht-b,Phường B,,dia_ban,xa,ht,,2025-07-01,,\n"
)


def test_csv_import_orders_parents_and_sets_successors(db) -> None:
    summary = import_units(GOOD.encode(), "dv.csv")
    assert (summary.created, summary.updated) == (5, 0)
    dept = Unit.objects.get(code="ht-snv")
    assert dept.parent.code == "ht-ubnd" and dept.territory.code == "ht"
    assert dept.aliases == ["Sở Nội vụ", "SNV tỉnh"]
    district = Unit.objects.get(code="ht-a")
    assert district.successor.code == "ht-b" and district.valid_to.isoformat() == "2025-06-30"
    again = import_units(GOOD.encode(), "dv.csv")
    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_csv_and_xlsx_exports_load_back_identically(db) -> None:
    import_units(GOOD.encode(), "dv.csv")
    csv_bytes, xlsx_bytes = export_csv(), export_xlsx()
    assert csv_bytes.decode("utf-8-sig").splitlines()[0] == HEADER.strip()
    Unit.objects.update(successor=None)
    for unit in Unit.objects.order_by("-path"):
        unit.delete()
    assert import_units(xlsx_bytes, "dv.xlsx").created == 5
    assert sorted(export_csv().splitlines()) == sorted(csv_bytes.splitlines())
    assert import_units(csv_bytes, "dv.csv").unchanged == 5


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("ht,Tỉnh Thử,,dia_ban,tinh,,,,,\nht,Lặp,,so,tinh,,,,,\n", "Dòng 4: mã “ht” lặp lại"),
        ("ht,Tỉnh Thử,,vung,tinh,,,,,\n", "loại “vung”"),
        ("ht,Tỉnh Thử,,dia_ban,tinh,khong-co,,,,\n", "không có đơn vị mã “khong-co”"),
        ("ht,Tỉnh Thử,,dia_ban,tinh,,,31/02/2024,,\n", "không phải ngày"),
        ("ht,,,dia_ban,tinh,,,,,\n", "thiếu name"),
        ("ht,Tỉnh Thử,,dia_ban,tinh,,,01/01/2025,01/01/2024,\n", "hiệu lực đến trước"),
        ("a,A,,dia_ban,tinh,b,,,,\nb,B,,dia_ban,tinh,a,,,,\n", "vòng"),
    ],
)
def test_bad_rows_are_refused_and_nothing_is_saved(db, body: str, message: str) -> None:
    with pytest.raises(RegistryImportError) as err:
        import_units((HEADER + "ok,Được,,dia_ban,tinh,,,,,\n" + body).encode(), "dv.csv")
    assert any(message in e for e in err.value.errors), err.value.errors
    assert not Unit.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b"code,name\nx,y\n", "dv.csv", "Thiếu cột"),
        ("code,name,kind,level\n".encode("utf-16"), "dv.csv", "UTF-8"),
        (b"PK\x03\x04junk", "dv.xlsx", "Excel"),
        (b"...", "dv.json", ".csv"),
    ],
)
def test_unreadable_files_are_refused_with_a_message(db, data, name, message) -> None:
    with pytest.raises(RegistryImportError) as err:
        import_units(data, name)
    assert message in str(err.value)
