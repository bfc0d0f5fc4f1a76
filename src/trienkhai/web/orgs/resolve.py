"""Resolving the bodies a plan names to units of the issuer's territory, valid at its date.

"Sở Nội vụ" in a Thanh Hóa plan is Thanh Hóa's department; "UBND các huyện, thị xã, thành
phố" is every district People's Committee of the province that existed on the plan's date.
The order of trust: an alias an officer has chosen, a unit's own names, a group phrase from
``data/bodies.yaml``, then the territories above the issuer's. What none matches is queued as
an ``UnresolvedBody``; when an officer settles it, the choice is remembered as a ``UnitAlias``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from .models import Unit, UnitAlias, UnresolvedBody, UnresolvedStatus
from .names import name_key

DATA = Path(__file__).with_name("data") / "bodies.yaml"


@dataclass(frozen=True)
class Group:
    name: str
    keys: frozenset[str]
    kinds: tuple[str, ...]
    levels: tuple[str, ...]
    scope: str
    example: str
    name_starts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    place_words: tuple[str, ...]
    groups: tuple[Group, ...]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The group phrases and place words, loaded once and checked."""
    raw = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    groups = []
    for entry in raw["groups"]:
        if entry["scope"] not in {"territory", "below", "subtree", "central"}:
            raise ValueError(f"bodies.yaml: bad scope in group {entry['name']!r}")
        groups.append(
            Group(
                name=entry["name"],
                keys=frozenset(name_key(p) for p in entry["phrases"]),
                kinds=tuple(entry["kinds"]),
                levels=tuple(entry["levels"]),
                scope=entry["scope"],
                example=entry["example"],
                name_starts=tuple(entry.get("name_starts") or ()),
            )
        )
    place_words = tuple(sorted((name_key(w) for w in raw["place_words"]), key=len, reverse=True))
    return Lexicon(place_words=place_words, groups=tuple(groups))


@dataclass
class Resolution:
    text: str
    units: list[Unit] = field(default_factory=list)
    how: str = ""  # "alias", "name", "group:<name>", or "" when unresolved

    @property
    def resolved(self) -> bool:
        return bool(self.units)


def _territory_chain(issuer: Unit) -> list[Unit]:
    """The issuer's territory, then each territory above it."""
    territory = issuer.territory or (issuer if issuer.kind == "dia_ban" else None)
    chain: list[Unit] = []
    if territory is None:
        return chain
    ancestors = {
        u.pk: u
        for u in Unit.objects.filter(kind="dia_ban").filter(
            pk__in=[int(p) for p in territory.path.strip("/").split("/") if p]
        )
    }
    ids = [int(p) for p in territory.path.strip("/").split("/") if p]
    return [ancestors[i] for i in reversed(ids) if i in ancestors]


class Resolver:
    """Resolves body names for one issuer at one date; build one per plan."""

    def __init__(self, issuer: Unit, as_of: dt.date | None) -> None:
        self.issuer = issuer
        self.as_of = as_of
        self.chain = _territory_chain(issuer)
        self.territory = self.chain[0] if self.chain else None
        self._index: dict[int | None, dict[str, list[Unit]]] = {}

    def _place_suffixes(self, territory: Unit) -> list[str]:
        key = name_key(territory.name)
        suffixes = [key]
        for word in lexicon().place_words:
            if key.startswith(word + " "):
                # "Tỉnh Mẫu": "Sở Nội vụ tỉnh Mẫu", "Sở Nội vụ Mẫu" and "Sở Nội vụ tỉnh".
                suffixes += [key[len(word) + 1 :], word]
                break
        words = lexicon().place_words
        return suffixes + [f"{w} {s}" for s in suffixes[1:2] for w in words]

    def _strip_place(self, key: str, territory: Unit | None) -> str:
        if territory is None:
            return key
        for suffix in sorted(self._place_suffixes(territory), key=len, reverse=True):
            if key.endswith(" " + suffix):
                return key[: -len(suffix) - 1]
        return key

    def _names_in(self, territory: Unit | None) -> dict[str, list[Unit]]:
        tid = territory.pk if territory else None
        if tid not in self._index:
            units = Unit.objects.valid_on(self.as_of)
            units = (
                units.filter(territory=territory)
                if territory
                else units.filter(territory__isnull=True)
            )
            index: dict[str, list[Unit]] = {}
            for unit in units:
                for key in unit.match_keys():
                    for variant in {key, self._strip_place(key, territory)}:
                        bucket = index.setdefault(variant, [])
                        if unit not in bucket:
                            bucket.append(unit)
            self._index[tid] = index
        return self._index[tid]

    def _alias(self, key: str) -> list[Unit] | None:
        scopes = [t.pk for t in self.chain]
        aliases = UnitAlias.objects.filter(key=key, territory_id__in=scopes).prefetch_related(
            "units"
        )
        by_territory = {a.territory_id: a for a in aliases}
        for tid in scopes:
            if tid in by_territory:
                return [u for u in by_territory[tid].units.all() if u.is_valid_on(self.as_of)] or [
                    u.final_successor() for u in by_territory[tid].units.all()
                ]
        glob = UnitAlias.objects.filter(key=key, territory__isnull=True).first()
        return list(glob.units.all()) if glob else None

    def _group(self, key: str) -> tuple[Group, list[Unit]] | None:
        stripped = self._strip_place(key, self.territory)
        for group in lexicon().groups:
            if key not in group.keys and stripped not in group.keys:
                continue
            units = Unit.objects.valid_on(self.as_of).filter(
                kind__in=group.kinds, level__in=group.levels
            )
            if group.name_starts:
                starts = Q(pk__in=[])
                for prefix in group.name_starts:
                    starts |= Q(name__istartswith=prefix)
                units = units.filter(starts)
            if group.scope == "central":
                return group, list(units.order_by("path"))
            if self.territory is None:
                return group, []
            if group.scope == "territory":
                units = units.filter(territory=self.territory)
            elif group.scope == "below":
                units = units.filter(path__startswith=self.territory.path).exclude(
                    territory=self.territory
                )
            else:
                units = units.filter(path__startswith=self.territory.path)
            return group, list(units.order_by("path"))
        return None

    def resolve(self, text: str) -> Resolution:
        key = name_key(text)
        result = Resolution(text=text)
        if not key:
            return result
        aliased = self._alias(key)
        if aliased:
            result.units, result.how = aliased, "alias"
            return result
        for territory in [*self.chain, None]:
            names = self._names_in(territory)
            found = names.get(key) or names.get(self._strip_place(key, territory))
            if found:
                result.units, result.how = list(found), "name"
                return result
            if territory is self.territory:
                grouped = self._group(key)
                if grouped and grouped[1]:
                    result.units, result.how = grouped[1], f"group:{grouped[0].name}"
                    return result
        return result


def queue_unresolved(
    text: str, issuer: Unit, as_of: dt.date | None, plan_version=None
) -> UnresolvedBody:
    """Put a body nobody could match in the officers' queue (once per plan version)."""
    resolver_territory = _territory_chain(issuer)
    territory = resolver_territory[0] if resolver_territory else None
    key = name_key(text)
    body = UnresolvedBody.objects.filter(plan_version=plan_version, key=key).first()
    if body is not None:
        UnresolvedBody.objects.filter(pk=body.pk).update(occurrences=F("occurrences") + 1)
        return body
    return UnresolvedBody.objects.create(
        text=text, territory=territory, as_of=as_of, plan_version=plan_version
    )


@transaction.atomic
def settle(
    body: UnresolvedBody, units: list[Unit], user: AbstractBaseUser | None = None
) -> UnitAlias:
    """Record an officer's choice for a queued body and remember it as an alias.

    Every other open queue entry with the same name in the same territory is settled too.
    """
    if not units:
        raise ValueError("chọn ít nhất một đơn vị")
    alias, _ = UnitAlias.objects.get_or_create(
        territory=body.territory,
        key=name_key(body.text),
        defaults={"text": body.text, "created_by": user},
    )
    alias.units.set(units)
    same = UnresolvedBody.objects.filter(
        territory=body.territory, key=name_key(body.text), status=UnresolvedStatus.OPEN
    )
    for entry in same:
        entry.status = UnresolvedStatus.RESOLVED
        entry.resolved_by = user
        entry.resolved_at = timezone.now()
        entry.save()
        entry.resolved_units.set(units)
    return alias


def find_unit(text: str, near: Unit, as_of: dt.date | None = None) -> Unit | None:
    """The one unit ``text`` names, seen from ``near`` (e.g. a document's printed issuer)."""
    found = Resolver(near, as_of).resolve(text)
    return found.units[0] if len(found.units) == 1 else None
