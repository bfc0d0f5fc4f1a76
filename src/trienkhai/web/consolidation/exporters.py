"""Render one consolidated report (data + the officer's text) as .docx or .xlsx.

A registry, not an if-chain: a new format is one function and one entry in ``EXPORTERS``.
Both renderers read a :class:`~.content.Consolidation` and a :class:`~.content.DraftText`
and nothing else, so the page, the Word file and the workbook always agree.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from .content import LATE, MISSING, ON_TIME, STATUSES, Consolidation, DraftText
from .docx_layout import OfficialDocument, Section, Signature, TableBlock
from .docx_layout import render_docx as layout_docx


def status_labels() -> dict[str, str]:
    return {
        "not_started": _("Chưa triển khai"),
        "in_progress": _("Đang triển khai"),
        "done": _("Hoàn thành"),
        "ongoing": _("Thường xuyên"),
    }


def timeliness_labels() -> dict[str, str]:
    return {ON_TIME: _("Đúng hạn"), LATE: _("Trễ hạn"), MISSING: _("Chưa gửi")}


def _paragraphs(text: str) -> list[str | TableBlock]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _shorten(text: str, words: int = 30) -> str:
    """A task's first words for a table cell; the full text stays in the .xlsx."""
    parts = text.split()
    return text if len(parts) <= words else " ".join(parts[:words]) + " …"


def _dmy(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


# --- Word -----------------------------------------------------------------------------------


def official_document(content: Consolidation, draft: DraftText) -> OfficialDocument:
    """The consolidated report as an official document in its body's layout."""
    labels = status_labels()
    sections = [Section(_("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ"), _paragraphs(draft.introduction))]
    for index, group in enumerate(content.groups, start=1):
        results = _paragraphs(draft.group_texts.get(group.key, ""))
        rows = [
            [str(task.order), _shorten(task.text), *(str(task.count(code)) for code in STATUSES)]
            for task in group.tasks
            if task.entries
        ]
        if rows:
            results.append(
                TableBlock(
                    [_("STT"), _("Nhiệm vụ"), *(labels[code] for code in STATUSES)],
                    rows,
                    widths_cm=[1.3, 6.8, 2.1, 2.1, 2.1, 2.1],
                )
            )
        sections.append(Section(f"{index}. {group.name}", results))
    sections.append(Section(_("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"), _target_blocks(content)))
    sections.append(
        Section(_("III. TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ"), _timeliness_blocks(content))
    )
    sections.append(Section(_("IV. ĐÁNH GIÁ CHUNG"), _paragraphs(draft.assessment)))
    if draft.proposals.strip():
        sections.append(Section(_("V. KIẾN NGHỊ, ĐỀ XUẤT"), _paragraphs(draft.proposals)))
    return OfficialDocument(
        style="party" if content.style == "party" else "state",
        parent_body=content.parent_body,
        issuing_body=content.focal_body,
        number=draft.number,
        place=content.place,
        date=draft.issued_on or dt.date.today(),
        kind=_("BÁO CÁO"),
        title=draft.title,
        sections=sections,
        recipients=draft.recipients,
        signature=Signature(draft.signer_authority, draft.signer_position, draft.signer_name),
    )


def _target_blocks(content: Consolidation) -> list[str | TableBlock]:
    if not content.targets:
        return [_("Kế hoạch không đặt chỉ tiêu định lượng.")]
    rows = [
        [
            str(index),
            _shorten(target.text, 40),
            target.planned,
            target.reached or "—",
            str(len({value.unit for value in target.values})),
        ]
        for index, target in enumerate(content.targets, start=1)
    ]
    header = [_("STT"), _("Chỉ tiêu"), _("Kế hoạch"), _("Kết quả đạt"), _("Số đơn vị báo cáo")]
    note = _("Giá trị của từng đơn vị: xem bảng tính kèm theo (.xlsx).")
    return [TableBlock(header, rows, widths_cm=[1.3, 7.2, 2.4, 3.4, 2.2]), note]


def _timeliness_blocks(content: Consolidation) -> list[str | TableBlock]:
    summary = _(
        "Có %(received)s/%(expected)s báo cáo đã gửi (đạt %(share)s%%), trong đó "
        "%(on_time)s báo cáo đúng hạn (%(on_time_share)s%%)."
    ) % {
        "received": content.received,
        "expected": content.expected,
        "share": _number(content.share(content.received)),
        "on_time": content.on_time,
        "on_time_share": _number(content.share(content.on_time)),
    }
    blocks: list[str | TableBlock] = [summary]
    late = content.late_or_missing()
    if not late:
        blocks.append(_("Tất cả các đơn vị đều gửi báo cáo đúng hạn."))
        return blocks
    labels = timeliness_labels()
    rows = [
        [
            str(index),
            row.unit,
            row.period,
            _dmy(row.due),
            labels[row.state] + (f" ({row.days_late} {_('ngày')})" if row.days_late else ""),
        ]
        for index, row in enumerate(late, start=1)
    ]
    header = [_("STT"), _("Đơn vị"), _("Kỳ báo cáo"), _("Hạn gửi"), _("Tình trạng")]
    blocks.append(
        TableBlock(
            header,
            rows,
            caption=_("Các đơn vị gửi báo cáo trễ hạn hoặc chưa gửi"),
            widths_cm=[1.3, 5.8, 3.4, 2.6, 3.4],
        )
    )
    return blocks


def _number(value: float) -> str:
    """Vietnamese decimal comma: 87,5."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def render_docx(content: Consolidation, draft: DraftText) -> bytes:
    """An official document is written in Vietnamese whatever the reader's UI language."""
    with override("vi"):
        return layout_docx(official_document(content, draft))


# --- Excel ----------------------------------------------------------------------------------

_BOLD = Font(name="Times New Roman", bold=True, size=12)
_PLAIN = Font(name="Times New Roman", size=12)
_HEAD_FILL = PatternFill("solid", fgColor="DCE6F1")
_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_STATE_FILL = {
    ON_TIME: PatternFill("solid", fgColor="D8EFD3"),
    LATE: PatternFill("solid", fgColor="FCE8B2"),
    MISSING: PatternFill("solid", fgColor="F4C7C3"),
}


def _sheet(book: Workbook, title: str, header: list[str], widths: list[int]):  # type: ignore[no-untyped-def]
    sheet = book.create_sheet(title[:31])
    sheet.append(header)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        cell = sheet.cell(row=1, column=column)
        cell.font, cell.fill, cell.border = _BOLD, _HEAD_FILL, _BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    return sheet


def _finish(sheet) -> None:  # type: ignore[no-untyped-def]
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.font, cell.border = _PLAIN, _BOX
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    if sheet.max_row > 1:
        sheet.auto_filter.ref = sheet.dimensions


def render_xlsx(content: Consolidation, draft: DraftText) -> bytes:
    """Three sheets: task status by unit, targets vs reached, timeliness of the reports
    (with a summary sheet first), in Vietnamese like the report they accompany."""
    with override("vi"):
        return _workbook(content, draft)


def _workbook(content: Consolidation, draft: DraftText) -> bytes:
    book = Workbook()
    book.remove(book.active)
    labels = status_labels()
    tasks = _sheet(
        book,
        _("Nhiệm vụ"),
        [
            _("Nhóm nhiệm vụ"),
            _("STT"),
            _("Nhiệm vụ"),
            _("Đơn vị"),
            _("Kỳ"),
            _("Trạng thái"),
            _("Kết quả thực hiện"),
        ],
        [28, 6, 60, 30, 16, 18, 70],
    )
    for group in content.groups:
        for task in group.tasks:
            if not task.entries:
                tasks.append([group.name, task.order, task.text, "", "", "", ""])
            for entry in task.entries:
                label = labels.get(entry.status, entry.status_label)
                tasks.append(
                    [
                        group.name,
                        task.order,
                        task.text,
                        entry.unit,
                        entry.period,
                        label,
                        entry.narrative,
                    ]
                )
    _finish(tasks)

    targets = _sheet(
        book,
        _("Chỉ tiêu"),
        [
            _("STT"),
            _("Chỉ tiêu"),
            _("Kế hoạch"),
            _("Đơn vị"),
            _("Kỳ"),
            _("Giá trị đạt"),
            _("Tổng hợp"),
        ],
        [6, 60, 16, 30, 16, 16, 16],
    )
    for index, target in enumerate(content.targets, start=1):
        if not target.values:
            targets.append([index, target.text, target.planned, "", "", "", target.reached])
        for value in target.values:
            targets.append(
                [
                    index,
                    target.text,
                    target.planned,
                    value.unit,
                    value.period,
                    value.value,
                    target.reached,
                ]
            )
    _finish(targets)

    timely = _sheet(
        book,
        _("Tính kịp thời"),
        [
            _("Đơn vị"),
            _("Kỳ báo cáo"),
            _("Hạn gửi"),
            _("Ngày gửi"),
            _("Tình trạng"),
            _("Số ngày trễ"),
        ],
        [34, 18, 14, 14, 16, 12],
    )
    state_labels = timeliness_labels()
    for row in content.timeliness:
        timely.append(
            [row.unit, row.period, row.due, row.submitted, state_labels[row.state], row.days_late]
        )
    _finish(timely)
    for row_cells in timely.iter_rows(min_row=2):
        state = content.timeliness[row_cells[0].row - 2].state
        row_cells[4].fill = _STATE_FILL[state]
        for cell in row_cells[2:4]:
            cell.number_format = "DD/MM/YYYY"

    summary = book.create_sheet(_("Tổng quan"), 0)
    summary.column_dimensions["A"].width = 40
    summary.column_dimensions["B"].width = 70
    facts = [
        (_("Cơ quan tổng hợp"), content.focal_body),
        (_("Kế hoạch"), content.plan_reference),
        (_("Kỳ báo cáo"), content.period_title),
        (_("Số hiệu báo cáo"), draft.number),
        (_("Báo cáo phải gửi"), content.expected),
        (_("Báo cáo đã gửi"), content.received),
        (_("Báo cáo đúng hạn"), content.on_time),
        (_("Tỷ lệ đã gửi (%)"), content.share(content.received)),
        (_("Tỷ lệ đúng hạn (%)"), content.share(content.on_time)),
    ]
    for key, value in facts:
        summary.append([key, value])
        summary.cell(row=summary.max_row, column=1).font = _BOLD
        summary.cell(row=summary.max_row, column=2).font = _PLAIN
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class Exporter:
    extension: str
    content_type: str
    render: Callable[[Consolidation, DraftText], bytes]


EXPORTERS: dict[str, Exporter] = {
    "docx": Exporter(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        render_docx,
    ),
    "xlsx": Exporter(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        render_xlsx,
    ),
}
