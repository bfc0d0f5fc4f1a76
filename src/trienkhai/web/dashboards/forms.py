"""The dashboard's filters: plan, task group, unit (the roll-up root) and period."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.web.orgs.models import Unit
from trienkhai.web.plans.models import Plan, Task
from trienkhai.web.reporting.models import Period

from .data import group_label
from .queries import group_expression


class FilterForm(forms.Form):
    plan = forms.ModelChoiceField(queryset=None, required=False, label=_("Kế hoạch"))
    group = forms.ChoiceField(required=False, label=_("Nhóm nhiệm vụ"))
    unit = forms.ModelChoiceField(queryset=None, required=False, label=_("Đơn vị"))
    period = forms.ModelChoiceField(queryset=None, required=False, label=_("Kỳ báo cáo"))

    def __init__(
        self, roots: list[Unit], plan_ids: list[int] | None, *args: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        plans = Plan.objects.all() if plan_ids is None else Plan.objects.filter(pk__in=plan_ids)
        self.fields["plan"].queryset = plans
        self.fields["plan"].empty_label = _("Tất cả kế hoạch")
        root_ids = [r.pk for r in roots]
        units = Unit.objects.filter(pk__in=root_ids) | Unit.objects.filter(parent_id__in=root_ids)
        self.fields["unit"].queryset = units.order_by("path")
        self.fields["unit"].empty_label = None
        self.fields["period"].queryset = (
            Period.objects.filter(obligations__plan__in=plans).distinct().order_by("start", "end")
        )
        self.fields["period"].empty_label = _("Tất cả các kỳ")
        groups = (
            Task.objects.filter(version__plan__in=plans)
            .annotate(g=group_expression("section"))
            .values_list("g", flat=True)
            .distinct()
        )
        self.fields["group"].choices = [("", _("Tất cả nhóm"))] + [
            (key, group_label(key)) for key in sorted(set(groups))
        ]
