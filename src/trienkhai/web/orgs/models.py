"""Organisation units, learnt aliases, and the queue of bodies no unit matched.

Units form a tree of any depth. A unit of kind ``dia_ban`` (a territory: a province, a district,
a commune) anchors the bodies of that place; every unit knows its territory and a materialised
``path`` of ancestor ids so that "this unit and its subtree" is one indexed prefix query.
Units are never deleted when the administration changes: they get ``valid_to`` and a
``successor``, so a 2023 plan still resolves to the units of its time.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .names import name_key


class UnitKind(models.TextChoices):
    TERRITORY = "dia_ban", _("Địa bàn (tỉnh, huyện, xã)")
    PARTY_COMMITTEE = "cap_uy", _("Cấp ủy")
    PARTY_BOARD = "ban_dang", _("Ban đảng, văn phòng cấp ủy")
    PARTY_CELL = "chi_bo", _("Chi bộ, đảng bộ cơ sở")
    COUNCIL = "hdnd", _("Hội đồng nhân dân")
    PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
    DEPARTMENT = "so", _("Sở, ngành, phòng chuyên môn")
    FRONT = "mttq", _("Mặt trận Tổ quốc")
    MASS_ORG = "doan_the", _("Đoàn thể chính trị - xã hội")
    AGENCY = "co_quan", _("Cơ quan, đơn vị khác")


class UnitLevel(models.TextChoices):
    CENTRAL = "trung_uong", _("Trung ương")
    PROVINCE = "tinh", _("Tỉnh, thành phố trực thuộc trung ương")
    DISTRICT = "huyen", _("Huyện, thị xã, thành phố thuộc tỉnh")
    COMMUNE = "xa", _("Xã, phường, thị trấn")
    GRASSROOTS = "co_so", _("Cơ sở (chi bộ, cơ quan)")


class UnitQuerySet(models.QuerySet["Unit"]):
    def valid_on(self, day: dt.date | None) -> UnitQuerySet:
        """Units in existence on ``day`` (all of them when the day is unknown)."""
        if day is None:
            return self
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=day),
            Q(valid_to__isnull=True) | Q(valid_to__gte=day),
        )

    def subtree_of(self, unit: Unit) -> UnitQuerySet:
        """``unit`` and every unit below it, at any depth."""
        return self.filter(path__startswith=unit.path)

    def rebuild_tree(self) -> int:
        """Recompute ``path`` and ``territory`` of every unit, e.g. after a bulk insert.

        ``bulk_create`` skips ``Unit.save``; this puts the derived columns right in one pass
        (parents first) and returns how many rows changed.
        """
        rows = {
            r["pk"]: r
            for r in Unit.objects.values("pk", "parent_id", "kind", "path", "territory_id")
        }
        derived: dict[int, tuple[str, int | None]] = {}

        def derive(pk: int, seen: frozenset[int] = frozenset()) -> tuple[str, int | None]:
            if pk in derived:
                return derived[pk]
            row = rows[pk]
            parent = row["parent_id"]
            if parent is None or parent in seen:
                base, territory = "/", None
            else:
                base, territory = derive(parent, seen | {pk})
            territory = pk if row["kind"] == UnitKind.TERRITORY else territory
            derived[pk] = (f"{base}{pk}/", territory)
            return derived[pk]

        changed = []
        for pk, row in rows.items():
            path, territory = derive(pk)
            if (path, territory) != (row["path"], row["territory_id"]):
                changed.append(Unit(pk=pk, path=path, territory_id=territory))
        Unit.objects.bulk_update(changed, ["path", "territory"], batch_size=1000)
        return len(changed)


class Unit(models.Model):
    code = models.SlugField(_("mã"), max_length=64, unique=True)
    name = models.CharField(_("tên chính thức"), max_length=255)
    abbreviation = models.CharField(_("tên viết tắt"), max_length=64, blank=True)
    kind = models.CharField(_("loại"), max_length=16, choices=UnitKind.choices)
    level = models.CharField(_("cấp"), max_length=16, choices=UnitLevel.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    aliases = models.JSONField(
        _("tên gọi khác"),
        default=list,
        blank=True,
        help_text=_("Các cách gọi khác trong văn bản, ví dụ “Ban Dân vận Thành ủy”."),
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị kế thừa"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="predecessors",
    )
    # Derived on save: ids from the root, "/1/7/42/", and the nearest territory at or above.
    path = models.CharField(max_length=512, editable=False, db_index=True, default="")
    territory = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="territory_units",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        indexes = [models.Index(fields=["territory", "kind", "level"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_to__isnull=True)
                | Q(valid_from__isnull=True)
                | Q(valid_to__gte=models.F("valid_from")),
                name="unit_valid_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        node = self.parent
        while node is not None:
            if node.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("Đơn vị cấp trên không được là chính nó.")})
            node = node.parent
        if self.successor_id is not None and self.successor_id == self.pk:
            raise ValidationError({"successor": _("Đơn vị kế thừa phải là đơn vị khác.")})

    def save(self, *args, **kwargs) -> None:
        """Save, then keep ``path`` and ``territory`` right for this unit and its subtree."""
        with transaction.atomic():
            old_path = self.path
            super().save(*args, **kwargs)
            self._refresh_derived()
            if old_path and old_path != self.path:
                for child in Unit.objects.filter(parent=self):
                    child.save(update_fields=["updated_at"])

    def _refresh_derived(self) -> None:
        parent = self.parent
        path = f"{parent.path if parent else '/'}{self.pk}/"
        if self.kind == UnitKind.TERRITORY:
            territory_id = self.pk
        else:
            territory_id = parent.territory_id if parent else None
        if (path, territory_id) != (self.path, self.territory_id):
            self.path, self.territory_id = path, territory_id
            Unit.objects.filter(pk=self.pk).update(path=path, territory_id=territory_id)

    @property
    def depth(self) -> int:
        return self.path.count("/") - 1

    def is_valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or self.valid_to >= day
        )

    def ancestors(self) -> QuerySet[Unit]:
        """This unit's ancestors, root first (not the unit itself)."""
        ids = [int(part) for part in self.path.strip("/").split("/")[:-1] if part]
        return Unit.objects.filter(pk__in=ids).order_by("path")

    def contains(self, other: Unit) -> bool:
        """Whether ``other`` is this unit or below it."""
        return bool(self.path) and other.path.startswith(self.path)

    def final_successor(self) -> Unit:
        """Follow the successor chain to the unit that carries this one's work today."""
        unit, seen = self, {self.pk}
        while unit.successor_id is not None and unit.successor_id not in seen:
            seen.add(unit.successor_id)
            unit = unit.successor
        return unit

    def match_keys(self) -> set[str]:
        """Normalised names this unit answers to: name, abbreviation and aliases."""
        names = [self.name, self.abbreviation, *(self.aliases or [])]
        return {name_key(n) for n in names if n and name_key(n)}


class UnitAlias(models.Model):
    """A body's name as printed in plans, mapped to a unit or a group of units by an officer.

    Scoped to a territory: "Sở Nội vụ" means a different unit in each province.
    """

    territory = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="learnt_aliases",
    )
    text = models.CharField(_("tên trong văn bản"), max_length=500)
    key = models.CharField(max_length=500, editable=False, db_index=True)
    units = models.ManyToManyField(Unit, verbose_name=_("đơn vị"), related_name="aliased_by")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tên gọi đã học")
        verbose_name_plural = _("tên gọi đã học")
        constraints = [
            models.UniqueConstraint(fields=["territory", "key"], name="unitalias_unique_key")
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.text)
        super().save(*args, **kwargs)


class UnresolvedStatus(models.TextChoices):
    OPEN = "open", _("Chờ xử lý")
    RESOLVED = "resolved", _("Đã xác định")
    IGNORED = "ignored", _("Bỏ qua")


class UnresolvedBody(models.Model):
    """A body named in a plan that no unit or alias matched, waiting for an officer."""

    territory = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="unresolved_bodies",
    )
    text = models.CharField(_("tên trong văn bản"), max_length=500)
    key = models.CharField(max_length=500, editable=False, db_index=True)
    as_of = models.DateField(_("ngày văn bản"), null=True, blank=True)
    plan_version = models.ForeignKey(
        "plans.PlanVersion",
        verbose_name=_("phiên bản kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="unresolved_bodies",
    )
    occurrences = models.PositiveIntegerField(_("số lần xuất hiện"), default=1)
    status = models.CharField(
        _("trạng thái"),
        max_length=16,
        choices=UnresolvedStatus.choices,
        default=UnresolvedStatus.OPEN,
        db_index=True,
    )
    resolved_units = models.ManyToManyField(
        Unit, verbose_name=_("đơn vị đã chọn"), blank=True, related_name="+"
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tên cơ quan chưa xác định")
        verbose_name_plural = _("tên cơ quan chưa xác định")
        ordering = ["status", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan_version", "key"], name="unresolved_unique_per_version"
            )
        ]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs) -> None:
        self.key = name_key(self.text)
        super().save(*args, **kwargs)
