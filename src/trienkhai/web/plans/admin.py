"""Django admin for plans, versions and assignments (published versions are read-only)."""

from __future__ import annotations

from django.contrib import admin

from .models import Assignment, DocumentLink, Plan, PlanVersion, ReportingDuty, Target, Task


class VersionInline(admin.TabularInline):
    model = PlanVersion
    fields = ["number", "status", "source_name", "created_at", "published_at", "published_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


class LinkInline(admin.TabularInline):
    model = DocumentLink
    fk_name = "plan"
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ["__str__", "issuing_unit", "date", "status"]
    list_filter = ["status", "kind"]
    search_fields = ["number", "title", "issuing_unit__name"]
    autocomplete_fields = ["issuing_unit", "followed_by"]
    inlines = [VersionInline, LinkInline]
    date_hierarchy = "date"


class FrozenAfterPublish:
    """Rows of a published version cannot be edited in the admin either."""

    def _frozen(self, obj) -> bool:
        version = obj if isinstance(obj, PlanVersion) else getattr(obj, "version", None)
        return version is not None and version.is_frozen

    def has_change_permission(self, request, obj=None) -> bool:
        return super().has_change_permission(request, obj) and not (obj and self._frozen(obj))

    def has_delete_permission(self, request, obj=None) -> bool:
        return super().has_delete_permission(request, obj) and not (obj and self._frozen(obj))


class TaskInline(FrozenAfterPublish, admin.StackedInline):
    model = Task
    extra = 0
    fields = ["order", "section", "text", "group", "due_text", "lead", "support", "requested"]


class TargetInline(FrozenAfterPublish, admin.TabularInline):
    model = Target
    extra = 0


class DutyInline(FrozenAfterPublish, admin.TabularInline):
    model = ReportingDuty
    extra = 0
    exclude = ["recipient_unit", "via_unit"]


@admin.register(PlanVersion)
class PlanVersionAdmin(FrozenAfterPublish, admin.ModelAdmin):
    list_display = ["__str__", "status", "created_at", "published_at"]
    list_filter = ["status"]
    search_fields = ["plan__number", "plan__title"]
    readonly_fields = [
        "plan",
        "number",
        "status",
        "extraction",
        "content_hash",
        "created_by",
        "published_at",
        "published_by",
    ]
    inlines = [TaskInline, TargetInline, DutyInline]


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["task", "unit", "role", "due_date", "state"]
    list_filter = ["role", "state"]
    search_fields = ["unit__name", "task__text"]
    autocomplete_fields = ["unit"]
    raw_id_fields = ["task", "handed_over_from"]
