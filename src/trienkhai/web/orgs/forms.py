"""The officer's form for a body no unit matched: pick the units it means, or set it aside."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Unit


class ResolveBodyForm(forms.Form):
    """Units are offered from the body's territory (and the units valid on the plan's date)."""

    ACTIONS = [("resolve", _("Gán cho các đơn vị đã chọn")), ("ignore", _("Bỏ qua tên này"))]

    action = forms.ChoiceField(label=_("Xử lý"), choices=ACTIONS, initial="resolve")
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Giữ Ctrl (hoặc Cmd) để chọn nhiều đơn vị, ví dụ “các sở, ban, ngành”."),
    )

    def __init__(self, *args, **kwargs) -> None:
        queryset = kwargs.pop("queryset", Unit.objects.none())
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = queryset

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "resolve" and not data.get("units"):
            raise forms.ValidationError(
                _("Hãy chọn ít nhất một đơn vị, hoặc chọn “Bỏ qua tên này”.")
            )
        return data


class RegistryUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp danh mục đơn vị"),
        help_text=_("Tệp .csv (UTF-8) hoặc .xlsx theo mẫu của tệp xuất."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit_mb = settings.TRIENKHAI_MAX_UPLOAD_MB
        if upload.size > limit_mb * 1024 * 1024:
            raise forms.ValidationError(
                _("Tệp quá lớn (%(size).1f MB); giới hạn là %(mb)d MB.")
                % {"size": upload.size / 1024 / 1024, "mb": limit_mb}
            )
        return upload
