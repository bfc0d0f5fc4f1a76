"""The change log in the admin: readable by administrators, never editable."""

from __future__ import annotations

from django.contrib import admin

from .models import ChangeLog


@admin.register(ChangeLog)
class ChangeLogAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "model", "object_repr"]
    list_filter = ["action", "model"]
    search_fields = ["object_repr", "actor__username", "note"]
    date_hierarchy = "at"
    readonly_fields = [
        "at",
        "actor",
        "action",
        "model",
        "object_pk",
        "object_repr",
        "unit_path",
        "changes",
        "note",
    ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
