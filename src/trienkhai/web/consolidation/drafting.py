"""The officer's starting text for a new consolidated report, written from the data.

Everything here is a proposal the officer edits in the browser before export.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.utils.translation import gettext as _

from .content import Consolidation, DraftText


def default_draft(content: Consolidation, issued_on: dt.date, *, review: str = "") -> DraftText:
    """A complete first draft: title, introduction, compiled narratives, signature lines."""
    title = review_title(content, review)
    introduction = _(
        "Thực hiện %(plan)s, %(body)s tổng hợp kết quả thực hiện %(period)s như sau:"
    ) % {"plan": content.plan_reference, "body": content.focal_body, "period": content.period_title}
    assessment = _(
        "Trong kỳ, %(received)s/%(expected)s báo cáo của các đơn vị đã được gửi; "
        "%(on_time)s báo cáo đúng hạn."
    ) % {"received": content.received, "expected": content.expected, "on_time": content.on_time}
    return DraftText(
        number="",
        title=title,
        introduction=introduction,
        group_texts={group.key: group.compiled_narrative() for group in content.groups},
        assessment=assessment,
        proposals="",
        recipients=[_("Lưu: VT")],
        signer_authority="",
        signer_position="",
        signer_name="",
        issued_on=issued_on,
    )


def review_title(content: Consolidation, review: str = "") -> str:
    """'Kết quả thực hiện … Quý I/2025' or, for a review, 'Sơ kết … từ … đến …'."""
    if review:
        return _("%(review)s việc thực hiện %(plan)s (%(period)s)") % {
            "review": review,
            "plan": content.plan_reference,
            "period": content.period_title,
        }
    return _("Kết quả thực hiện %(plan)s, %(period)s") % {
        "plan": content.plan_reference,
        "period": content.period_title,
    }


def merge_rebuilt(old: DraftText, content: Consolidation) -> DraftText:
    """After the data is rebuilt, keep the officer's text; new groups get compiled text."""
    texts = dict(old.group_texts)
    for group in content.groups:
        texts.setdefault(group.key, group.compiled_narrative())
    return dataclasses.replace(old, group_texts=texts)
