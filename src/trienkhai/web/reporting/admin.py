"""Django admin for the reporting registries (read-mostly: history is never edited)."""

from __future__ import annotations

from django.contrib import admin

from .models import Obligation, Period, Report, ReportEvent


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ("label", "kind", "start", "end")
    list_filter = ("kind", "year")


@admin.register(Obligation)
class ObligationAdmin(admin.ModelAdmin):
    list_display = ("unit", "period", "plan", "due_date", "state", "received_at")
    list_filter = ("state", "period__kind")
    search_fields = ("unit__name", "plan__number")
    raw_id_fields = ("plan", "duty", "unit", "period", "recipient", "via")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("obligation", "state", "version", "updated_at")
    list_filter = ("state",)
    raw_id_fields = ("obligation", "created_by", "updated_by")


@admin.register(ReportEvent)
class ReportEventAdmin(admin.ModelAdmin):
    list_display = ("at", "kind", "obligation", "actor")
    list_filter = ("kind",)
    raw_id_fields = ("obligation", "report", "actor")

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False
