"""Forms at the edge of the plans app: upload, and the officer's corrections before publishing.

Every check a user can fail gives a plain Vietnamese message on the form (STYLE §12).
"""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from trienkhai.web.orgs.models import Unit

from .models import Comparator, Frequency, ReportingDuty, Target, Task

ACCEPTED_SUFFIXES = (".txt", ".docx", ".pdf")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp văn bản"),
        help_text=_("Tệp .txt, .docx hoặc .pdf (có lớp chữ), tối đa %(mb)d MB.")
        % {"mb": settings.TRIENKHAI_MAX_UPLOAD_MB},
    )
    unit_code = forms.CharField(
        label=_("Mã cơ quan ban hành"),
        max_length=64,
        help_text=_("Mã đơn vị trong danh mục, ví dụ “binhthuan-ubnd”."),
    )

    def __init__(self, *args, editable_units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.editable_units = editable_units if editable_units is not None else Unit.objects.none()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.TRIENKHAI_MAX_UPLOAD_MB * 1024 * 1024
        if upload.size > limit:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size).1f MB); giới hạn là %(mb)d MB.")
                % {"size": upload.size / 1024 / 1024, "mb": settings.TRIENKHAI_MAX_UPLOAD_MB}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("Tệp rỗng."))
        if Path(upload.name).suffix.lower() not in ACCEPTED_SUFFIXES:
            raise forms.ValidationError(
                _("Chỉ nhận tệp .txt, .docx hoặc .pdf; tệp “%(name)s” không thuộc các loại này.")
                % {"name": upload.name}
            )
        return upload

    def clean_unit_code(self) -> Unit:
        code = self.cleaned_data["unit_code"].strip()
        unit = Unit.objects.filter(code__iexact=code).first()
        if unit is None:
            raise forms.ValidationError(
                _("Không có đơn vị nào mang mã “%(code)s” trong danh mục.") % {"code": code}
            )
        if not self.editable_units.filter(pk=unit.pk).exists():
            raise forms.ValidationError(
                _("Bạn không được nhập văn bản cho “%(name)s”.") % {"name": unit.name}
            )
        return unit


class BodiesField(forms.CharField):
    """A list of body names, one per line, as printed in the plan."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value) -> list[str]:
        return _lines(super().to_python(value) or "")


class TaskForm(forms.ModelForm):
    lead = BodiesField(
        label=_("Cơ quan chủ trì"), required=False, help_text=_("Mỗi dòng một cơ quan.")
    )
    support = BodiesField(label=_("Cơ quan phối hợp"), required=False)
    requested = BodiesField(label=_("Cơ quan được đề nghị"), required=False)

    class Meta:
        model = Task
        fields = ["section", "text", "lead", "support", "requested", "due_text", "output", "group"]
        widgets = {"text": forms.Textarea(attrs={"rows": 5}), "output": forms.TextInput()}


class TargetForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["text", "comparator", "value", "value_high", "unit", "year"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}

    def clean(self):
        data = super().clean()
        if data.get("comparator") == Comparator.BETWEEN and data.get("value_high") is None:
            self.add_error("value_high", _("Chỉ tiêu “trong khoảng” cần giá trị cận trên."))
        return data


class ReportingDutyForm(forms.ModelForm):
    frequencies = forms.MultipleChoiceField(
        label=_("Tần suất"),
        choices=Frequency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deadlines = forms.CharField(
        label=_("Hạn báo cáo"),
        required=False,
        help_text=_("Ngày/tháng hằng năm, cách nhau bởi dấu phẩy, ví dụ “10/12, 15/6”."),
    )

    class Meta:
        model = ReportingDuty
        fields = [
            "frequencies",
            "deadlines",
            "days_after_period_end",
            "reporter_text",
            "recipient_text",
            "via_text",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        stored = self.instance.deadlines if self.instance and self.instance.pk else []
        self.initial["deadlines"] = ", ".join(f"{d[3:5]}/{d[:2]}" for d in stored or [])

    def clean_deadlines(self) -> list[str]:
        out = []
        for part in (self.cleaned_data.get("deadlines") or "").replace(";", ",").split(","):
            part = part.strip()
            if not part:
                continue
            pieces = part.replace("-", "/").split("/")
            try:
                day, month = int(pieces[0]), int(pieces[1])
                if len(pieces) != 2 or not (1 <= month <= 12 and 1 <= day <= 31):
                    raise ValueError
            except (ValueError, IndexError):
                raise forms.ValidationError(
                    _("“%(part)s” không phải ngày/tháng (dd/mm).") % {"part": part}
                ) from None
            out.append(f"{month:02d}-{day:02d}")
        return out
