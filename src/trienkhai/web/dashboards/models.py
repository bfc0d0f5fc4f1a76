"""Pre-aggregated tables so dashboards never scan every report entry.

``ProgressFact``: one row per received report (obligation) and task group — how many of that
unit's task entries are done, ongoing, in progress or not started. ``ProgressSummary`` and
``TargetSummary`` sum the facts and the reached target values for every unit on the path
above the reporting unit, so a dashboard rooted anywhere (the country, a province, a commune)
reads a few hundred rows. All three are refreshed for one obligation whenever its report
moves (``rollup.py``, on every report event) and rebuilt by ``manage.py rebuild_rollup``
(after units are re-parented, or a bulk load). Being derived, they carry no database-level
foreign keys (``db_constraint=False``): a rebuild writes millions of rows without a deferred
check per row, and Django still deletes them with their obligation, plan or unit.
A summary row of ``node`` counts the units strictly below it; the node's own reports are read
from the facts (see ``queries.py``), so leaves have no summaries. ``TimelinessSummary``
counts the obligations of a node and everything below it (the heatmap reads a root's
children), refreshed when obligations are generated or received.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressFact(models.Model):
    obligation = models.ForeignKey(
        "reporting.Obligation",
        on_delete=models.CASCADE,
        related_name="progress_facts",
        db_constraint=False,
    )
    # Denormalised from the obligation so the dashboard filters without joins.
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
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


class ProgressSummary(models.Model):
    """Progress facts summed for every unit above (and at) the reporting unit.

    ``node`` is a strict ancestor of the reporting units counted, so a dashboard rooted at any
    unit reads a handful of rows (one per plan, period and group) instead of its subtree.
    """

    node = models.ForeignKey(
        "orgs.Unit", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    group = models.CharField(_("nhóm nhiệm vụ"), max_length=64)
    done = models.PositiveIntegerField(default=0)
    ongoing = models.PositiveIntegerField(default=0)
    in_progress = models.PositiveIntegerField(default=0)
    not_started = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tiến độ tổng hợp theo đơn vị")
        verbose_name_plural = _("tiến độ tổng hợp theo đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["node", "plan", "period", "group"], name="progresssummary_unique"
            )
        ]
        indexes = [models.Index(fields=["plan", "period"], name="progresssummary_plan_idx")]


class TargetSummary(models.Model):
    """Reached values of one target summed for every unit above the reporting units."""

    node = models.ForeignKey(
        "orgs.Unit", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    target = models.ForeignKey(
        "plans.Target", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    total = models.DecimalField(max_digits=24, decimal_places=4)
    values = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("chỉ tiêu tổng hợp theo đơn vị")
        verbose_name_plural = _("chỉ tiêu tổng hợp theo đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["node", "plan", "period", "target"], name="targetsummary_unique"
            )
        ]
        indexes = [models.Index(fields=["plan", "period"], name="targetsummary_plan_idx")]


class TimelinessSummary(models.Model):
    """Owed, received and on-time reports of the units at and below ``node``, per plan, period
    and deadline, so the heatmap of a root reads one row per child, plan and period instead of
    scanning every obligation of its subtree.

    Kept per deadline because "expected" depends on the moment the page looks: an obligation
    counts once due, or once received; a row whose ``due_at`` is still ahead counts only its
    received reports (see ``queries.timeliness_heatmap``).
    """

    node = models.ForeignKey(
        "orgs.Unit", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    period = models.ForeignKey(
        "reporting.Period", on_delete=models.CASCADE, related_name="+", db_constraint=False
    )
    due_at = models.DateTimeField()
    owed = models.PositiveIntegerField(default=0)
    received = models.PositiveIntegerField(default=0)
    on_time = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("tính kịp thời tổng hợp theo đơn vị")
        verbose_name_plural = _("tính kịp thời tổng hợp theo đơn vị")
        constraints = [
            models.UniqueConstraint(
                fields=["node", "plan", "period", "due_at"], name="timelinesssummary_unique"
            )
        ]
        indexes = [models.Index(fields=["plan", "period"], name="timelinesssummary_plan_idx")]
