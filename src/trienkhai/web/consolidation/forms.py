"""Forms at the edge: what to consolidate, and the officer's edits to the draft."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.web.plans.models import Plan
from trienkhai.web.reporting.models import Period

from .access import focal_units, plans_followed_by
from .content import Consolidation, DraftText
from .models import ConsolidatedReport


class NewReportForm(forms.Form):
    focal_unit = forms.ModelChoiceField(queryset=None, label=_("Cơ quan tổng hợp"))
    plan = forms.ModelChoiceField(queryset=None, label=_("Kế hoạch"))
    periods = forms.ModelMultipleChoiceField(
        queryset=None,
        label=_("Kỳ báo cáo"),
        help_text=_("Chọn một kỳ cho báo cáo định kỳ, nhiều kỳ cho sơ kết, tổng kết."),
    )
    scope = forms.ChoiceField(
        choices=ConsolidatedReport.Scope.choices,
        label=_("Loại báo cáo"),
        initial=ConsolidatedReport.Scope.PERIOD,
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        units = focal_units(user)
        self.fields["focal_unit"].queryset = units
        plan_ids: set[int] = set()
        for unit in units:
            plan_ids.update(plans_followed_by(unit).values_list("pk", flat=True))
        self.fields["plan"].queryset = Plan.objects.filter(pk__in=plan_ids)
        self.fields["periods"].queryset = Period.objects.filter(
            obligations__plan__in=plan_ids
        ).distinct()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        unit, plan = data.get("focal_unit"), data.get("plan")
        if unit and plan and not plans_followed_by(unit).filter(pk=plan.pk).exists():
            raise forms.ValidationError(_("Cơ quan này không theo dõi kế hoạch đã chọn."))
        periods = data.get("periods")
        scope = data.get("scope")
        if periods is not None and scope == ConsolidatedReport.Scope.PERIOD and len(periods) > 1:
            raise forms.ValidationError(
                _("Báo cáo định kỳ chỉ gồm một kỳ; chọn “Sơ kết” hoặc “Tổng kết” cho nhiều kỳ.")
            )
        return data


class DraftForm(forms.Form):
    base_version = forms.IntegerField(widget=forms.HiddenInput)
    number = forms.CharField(label=_("Số, ký hiệu"), max_length=60, required=False)
    issued_on = forms.DateField(label=_("Ngày ban hành (dd/mm/yyyy)"))
    title = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    introduction = forms.CharField(
        label=_("Mở đầu"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    assessment = forms.CharField(
        label=_("Đánh giá chung"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    proposals = forms.CharField(
        label=_("Kiến nghị, đề xuất"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    recipients = forms.CharField(
        label=_("Nơi nhận (mỗi dòng một nơi)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    signer_authority = forms.CharField(
        label=_("Thẩm quyền ký (ví dụ KT. GIÁM ĐỐC)"), max_length=100, required=False
    )
    signer_position = forms.CharField(label=_("Chức vụ người ký"), max_length=100, required=False)
    signer_name = forms.CharField(label=_("Họ và tên người ký"), max_length=100, required=False)

    def __init__(self, content: Consolidation, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.groups = content.groups
        for group in content.groups:
            self.fields[f"group_{group.key}"] = forms.CharField(
                label=group.name, widget=forms.Textarea(attrs={"rows": 6}), required=False
            )

    @classmethod
    def initial_from(cls, draft: DraftText, version: int) -> dict[str, Any]:
        initial: dict[str, Any] = {
            "base_version": version,
            "number": draft.number,
            "issued_on": draft.issued_on,
            "title": draft.title,
            "introduction": draft.introduction,
            "assessment": draft.assessment,
            "proposals": draft.proposals,
            "recipients": "\n".join(draft.recipients),
            "signer_authority": draft.signer_authority,
            "signer_position": draft.signer_position,
            "signer_name": draft.signer_name,
        }
        for key, text in draft.group_texts.items():
            initial[f"group_{key}"] = text
        return initial

    def group_fields(self) -> list[forms.BoundField]:
        return [self[f"group_{group.key}"] for group in self.groups]

    def draft(self) -> DraftText:
        data = self.cleaned_data
        return DraftText(
            number=data["number"].strip(),
            title=data["title"].strip(),
            introduction=data["introduction"].strip(),
            group_texts={g.key: data.get(f"group_{g.key}", "").strip() for g in self.groups},
            assessment=data["assessment"].strip(),
            proposals=data["proposals"].strip(),
            recipients=[line.strip() for line in data["recipients"].splitlines() if line.strip()],
            signer_authority=data["signer_authority"].strip(),
            signer_position=data["signer_position"].strip(),
            signer_name=data["signer_name"].strip(),
            issued_on=data["issued_on"],
        )
