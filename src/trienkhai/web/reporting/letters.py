"""The reminder letter (công văn đôn đốc) to units late with their reports, as .docx.

The letter is built as plain data (an ``OfficialDocument``) and laid out by the shared
official-layout module, so it follows Nghị định 30/2020 (state bodies) or Hướng dẫn 36 (party
bodies) like the consolidated report does. Generating it is recorded on each late obligation.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from trienkhai.web.consolidation.docx_layout import (
    OfficialDocument,
    Section,
    Signature,
    TableBlock,
    render_docx,
)

from .models import Obligation, ReportEvent

_PARTY_KINDS = {"cap_uy", "ban_dang", "chi_bo"}


def _place(unit: Any) -> str:
    """The place line: the territory's name as officers write it ("Mẫu" for "Tỉnh Mẫu")."""
    territory = getattr(unit, "territory", None)
    name = territory.name if territory is not None else unit.name
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0] in {"Tỉnh", "Huyện", "Xã"} else name


def build_letter(late: list[Obligation], sender: Any) -> OfficialDocument:
    """The letter's content for ``late`` obligations of one plan and period."""
    first = late[0]
    body = first.via or first.recipient or first.plan.issuing_unit
    style = "party" if body.kind in _PARTY_KINDS else "state"
    period, plan = first.period, first.plan
    today = timezone.localdate()
    with override("vi"):
        rows = [
            [
                str(i),
                ob.unit.name,
                ob.due_date.strftime("%d/%m/%Y"),
                str((today - ob.due_date).days),
            ]
            for i, ob in enumerate(late, start=1)
        ]
        text = _(
            "Thực hiện %(plan)s, các cơ quan, đơn vị có trách nhiệm báo cáo kết quả thực hiện "
            "kỳ %(period)s. Đến nay, các đơn vị có tên dưới đây chưa gửi báo cáo theo quy định."
        ) % {"plan": str(plan), "period": period.label}
        ask = _(
            "Đề nghị các đồng chí lãnh đạo các cơ quan, đơn vị quan tâm chỉ đạo, khẩn trương "
            "hoàn thành báo cáo và gửi về %(body)s trước ngày %(date)s để tổng hợp, báo cáo "
            "theo quy định."
        ) % {"body": body.name, "date": (today + dt.timedelta(days=5)).strftime("%d/%m/%Y")}
        table = TableBlock(
            header=[_("STT"), _("Cơ quan, đơn vị"), _("Hạn báo cáo"), _("Số ngày chậm")],
            rows=rows,
            widths_cm=[1.2, 9.0, 3.0, 2.8],
        )
        return OfficialDocument(
            issuing_body=body.name,
            parent_body=body.parent.name if body.parent_id and body.parent else "",
            number=(
                f"-CV/{body.abbreviation or 'VP'}"
                if style == "party"
                else f"/{body.abbreviation or 'VP'}-TH"
            ),
            place=_place(body),
            date=today,
            title=_("V/v đôn đốc báo cáo kết quả thực hiện kỳ %s") % period.label,
            style=style,
            kind="",
            addressees=[ob.unit.name for ob in late],
            sections=[Section(blocks=[text, table, ask])],
            recipients=[*(_("Như trên") + ";",), _("Lưu: VT") + "."],
            signature=Signature(
                authority=_("K/T TRƯỞNG BAN") if style == "party" else _("KT. THỦ TRƯỞNG"),
                position=_("PHÓ TRƯỞNG BAN") if style == "party" else _("PHÓ THỦ TRƯỞNG"),
                name=sender.get_full_name() or sender.get_username(),
            ),
        )


def reminder_letter(late: list[Obligation], sender: Any) -> bytes:
    """Render the letter and record it on each late obligation's timeline."""
    data = render_docx(build_letter(late, sender))
    now = timezone.now()
    ReportEvent.objects.bulk_create(
        ReportEvent(
            obligation=ob,
            kind=ReportEvent.Kind.LETTER,
            at=now,
            actor=sender,
            comment=_("Công văn đôn đốc"),
        )
        for ob in late
    )
    return data
