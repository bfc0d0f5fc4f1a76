"""Forms of the reporting pages: the report editor is built from the report's own rows."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from trienkhai.lib import filetypes

from .models import ReportEntry
from .services import ReportChanges, parse_value
from .templatetags.reporting import so


class ReportForm(forms.Form):
    """Summary, one status + narrative per assignment, one value + note per target."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    summary = forms.CharField(
        label=_("Đánh giá chung"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args: Any, entries=(), targets=(), **kwargs: Any) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.entry_rows = []
        for entry in entries:
            status = forms.ChoiceField(
                label=_("Tình hình"), choices=ReportEntry.Status.choices, initial=entry.status
            )
            narrative = forms.CharField(
                label=_("Kết quả thực hiện"),
                required=False,
                initial=entry.narrative,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.fields[f"status_{entry.assignment_id}"] = status
            self.fields[f"narrative_{entry.assignment_id}"] = narrative
            self.entry_rows.append(entry)
        self.target_rows = []
        for target, current in targets:
            self.fields[f"value_{target.pk}"] = forms.CharField(
                label=_("Đạt được"),
                required=False,
                initial="" if current is None or current.value is None else so(current.value),
            )
            self.fields[f"note_{target.pk}"] = forms.CharField(
                label=_("Ghi chú"),
                required=False,
                max_length=500,
                initial="" if current is None else current.note,
            )
            self.target_rows.append(target)

    def entry_fields(self):  # type: ignore[no-untyped-def]
        """(entry, status field, narrative field) for the template."""
        for entry in self.entry_rows:
            yield (
                entry,
                self[f"status_{entry.assignment_id}"],
                self[f"narrative_{entry.assignment_id}"],
            )

    def target_fields(self):  # type: ignore[no-untyped-def]
        for target in self.target_rows:
            yield target, self[f"value_{target.pk}"], self[f"note_{target.pk}"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for target in self.target_rows:
            name = f"value_{target.pk}"
            try:
                data[name] = parse_value(data.get(name))
            except Exception as err:  # ReportingError: one message per field
                self.add_error(name, getattr(err, "message", str(err)))
        return data

    def changes(self) -> ReportChanges:
        """The validated content, ready for :func:`services.save_report`."""
        data = self.cleaned_data
        return ReportChanges(
            summary=data.get("summary", ""),
            entries={
                e.assignment_id: (
                    data[f"status_{e.assignment_id}"],
                    data.get(f"narrative_{e.assignment_id}", ""),
                )
                for e in self.entry_rows
            },
            targets={
                t.pk: (data.get(f"value_{t.pk}"), data.get(f"note_{t.pk}", ""))
                for t in self.target_rows
            },
        )


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("Lý do trả lại"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp minh chứng"),
        help_text=_("PDF, Word, Excel, OpenDocument hoặc ảnh (JPG, PNG, TIFF…)."),
        # a hint for the browser's picker only: the server checks the content itself
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ",".join(
                    dict.fromkeys("." + e for k in filetypes.KINDS for e in k.extensions)
                )
            }
        ),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp CSV hoặc XLSX"),
        help_text=_(
            "Cột: số thứ tự chỉ tiêu (STT, như trên trang báo cáo), giá trị đạt được, ghi chú."
        ),
    )
