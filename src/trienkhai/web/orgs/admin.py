"""Django admin for the organisation registry (labels in Vietnamese from the models)."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from trienkhai.web.core.templatetags.trienkhai import ngay

from .models import Unit, UnitAlias, UnresolvedBody


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "code",
        "abbreviation",
        "kind",
        "level",
        "parent_unit",
        "validity",
    ]
    list_select_related = ["parent", "successor"]
    list_filter = ["kind", "level", ("valid_to", admin.EmptyFieldListFilter)]
    search_fields = ["name", "code", "abbreviation", "aliases"]
    autocomplete_fields = ["parent", "successor"]
    readonly_fields = ["path", "territory"]
    fieldsets = [
        (None, {"fields": ["code", "name", "abbreviation", "aliases"]}),
        (_("Vị trí"), {"fields": ["kind", "level", "parent", "territory", "path"]}),
        (_("Hiệu lực"), {"fields": ["valid_from", "valid_to", "successor"]}),
    ]

    @admin.display(description=_("đơn vị cấp trên"), ordering="parent__name")
    def parent_unit(self, unit: Unit) -> str:
        """The parent's name; a plain column wraps (Django keeps a foreign key on one line)."""
        return unit.parent.name if unit.parent_id else "—"

    @admin.display(description=_("hiệu lực"), ordering="valid_to")
    def validity(self, unit: Unit) -> str:
        """Validity dates and successor in one short column, so the list fits a laptop screen."""
        parts = []
        if unit.valid_from:
            parts.append(_("từ %(d)s") % {"d": ngay(unit.valid_from)})
        if unit.valid_to:
            parts.append(_("đến %(d)s") % {"d": ngay(unit.valid_to)})
        if unit.successor_id:
            parts.append(f"→ {unit.successor.name}")
        return " ".join(str(p) for p in parts) or "—"


@admin.register(UnitAlias)
class UnitAliasAdmin(admin.ModelAdmin):
    list_display = ["text", "territory", "created_by", "created_at"]
    search_fields = ["text"]
    autocomplete_fields = ["territory", "units"]
    readonly_fields = ["created_by", "created_at"]

    def save_model(self, request, obj, form, change) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(UnresolvedBody)
class UnresolvedBodyAdmin(admin.ModelAdmin):
    list_display = ["text", "territory", "as_of", "occurrences", "status", "resolved_by"]
    list_filter = ["status"]
    search_fields = ["text"]
    autocomplete_fields = ["territory", "resolved_units"]
    readonly_fields = ["plan_version", "occurrences", "resolved_by", "resolved_at", "created_at"]
