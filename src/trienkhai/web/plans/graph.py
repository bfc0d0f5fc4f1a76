"""The document graph: which plan implements or cites which, resolved across the registry.

A link is resolved by number (case-insensitive) and, when both sides print one, date. When a
plan arrives later than the plans that cite it, :func:`attach_incoming` resolves their links.
A document nobody uploaded (a central resolution) is still a node: :class:`DocumentRef`, named
by the number and date the plans that implement it print, so a cascade can start from it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from trienkhai.web.orgs.names import name_key

from .models import DocumentKind, DocumentLink, LinkRelation, Plan

#: how far down a cascade is followed (resolution → province → district → commune → cell …)
MAX_DEPTH = 8


def _candidates(number: str, date) -> QuerySet[Plan]:
    plans = Plan.objects.filter(number__iexact=number.strip())
    if date is not None:
        plans = plans.filter(Q(date=date) | Q(date__isnull=True))
    return plans


def link_document(link: DocumentLink) -> Plan | None:
    """Point ``link`` at the registry's plan it names, if exactly one matches."""
    if not link.number:
        return None
    matches = list(_candidates(link.number, link.date).exclude(pk=link.plan_id)[:10])
    if len(matches) > 1 and link.issuer_text:
        # The same number from two bodies: keep the one whose issuer the citation names.
        issuer = name_key(link.issuer_text)
        matches = [p for p in matches if issuer in p.issuing_unit.match_keys()]
    if len(matches) == 1 and link.target_id != matches[0].pk:
        link.target = matches[0]
        link.save(update_fields=["target"])
    return link.target


def attach_incoming(plan: Plan) -> int:
    """Resolve other plans' open links that name ``plan``; returns how many were set."""
    if not plan.number:
        return 0
    links = DocumentLink.objects.filter(target__isnull=True, number__iexact=plan.number).exclude(
        plan=plan
    )
    if plan.date is not None:
        links = links.filter(Q(date=plan.date) | Q(date__isnull=True))
    count = 0
    for link in links:
        link.target = plan
        link.save(update_fields=["target"])
        count += 1
    return count


def children(plan: Plan) -> QuerySet[Plan]:
    """Plans that say they implement ``plan``."""
    return Plan.objects.filter(
        links__target=plan, links__relation=LinkRelation.IMPLEMENTS
    ).distinct()


def cascade(plan: Plan, *, depth: int = 6) -> list[tuple[int, Plan]]:
    """``plan`` and every plan below it that carries it out, as (depth, plan), depth first."""
    out: list[tuple[int, Plan]] = []
    seen: set[int] = set()

    def walk(node: Plan, level: int) -> None:
        if node.pk in seen or level > depth:
            return
        seen.add(node.pk)
        out.append((level, node))
        for child in children(node).order_by("date", "pk"):
            walk(child, level + 1)

    walk(plan, 0)
    return out


def parents(plan: Plan) -> QuerySet[Plan]:
    """Plans in the registry that ``plan`` implements."""
    return Plan.objects.filter(
        linked_from__plan=plan, linked_from__relation=LinkRelation.IMPLEMENTS
    ).distinct()


@dataclass(frozen=True)
class DocumentRef:
    """A document that plans in the registry implement but that is not itself in the registry
    (a central resolution nobody uploaded): named by number and, when printed, date."""

    number: str
    date: dt.date | None = None
    kind: str = ""
    issuer_text: str = ""

    @property
    def kind_label(self) -> str:
        return str(DocumentKind(self.kind).label) if self.kind in DocumentKind.values else ""

    @classmethod
    def of(cls, link: DocumentLink) -> DocumentRef:
        return cls(link.number, link.date, link.kind, link.issuer_text)


def _ref_links(ref: DocumentRef) -> QuerySet[DocumentLink]:
    """Open ``implements`` links naming ``ref`` (a link with a blank date matches any date)."""
    links = DocumentLink.objects.filter(
        relation=LinkRelation.IMPLEMENTS, target__isnull=True, number__iexact=ref.number.strip()
    )
    if ref.date is not None:
        links = links.filter(Q(date=ref.date) | Q(date__isnull=True))
    return links


def describe_ref(number: str, date: dt.date | None) -> DocumentRef | None:
    """The document a number (and date) names, as the links that implement it print it."""
    if not number.strip():
        return None
    links = list(_ref_links(DocumentRef(number, date)).order_by("-date", "pk")[:50])
    if not links:
        return None
    dated = next((link for link in links if link.date), links[0])
    issuer = next((link.issuer_text for link in links if link.issuer_text), "")
    if not issuer:  # an ``implements`` line rarely names the issuer; a citation of it does
        cited = DocumentLink.objects.filter(number__iexact=number.strip()).exclude(issuer_text="")
        if dated.date is not None:
            cited = cited.filter(Q(date=dated.date) | Q(date__isnull=True))
        issuer = cited.values_list("issuer_text", flat=True).order_by("-date").first() or ""
    kind = next((link.kind for link in links if link.kind != "other"), dated.kind)
    return DocumentRef(dated.number, date or dated.date, kind, issuer)


def implementers(node: Plan | DocumentRef) -> QuerySet[Plan]:
    """Plans that say they carry out ``node`` (a plan of the registry or a document outside)."""
    if isinstance(node, Plan):
        return children(node)
    return Plan.objects.filter(pk__in=_ref_links(node).values("plan_id"))


def descendants(plan_ids: Iterable[int], *, depth: int = MAX_DEPTH) -> set[int]:
    """Ids of every plan carrying out (directly or down the chain) one of ``plan_ids``."""
    found: set[int] = set()
    frontier = set(plan_ids)
    for _level in range(depth):
        if not frontier:
            break
        below = set(
            DocumentLink.objects.filter(
                relation=LinkRelation.IMPLEMENTS, target_id__in=frontier
            ).values_list("plan_id", flat=True)
        )
        frontier = below - found - set(plan_ids)
        found |= frontier
    return found


@dataclass
class CascadeNode:
    """One box of the cascade: a plan (or the outside document at the root) and the plans that
    carry it out. ``compare_url`` is the edge to the parent: the comparison report, when both
    ends are plans the viewer may open."""

    plan: Plan | None
    ref: DocumentRef | None = None
    children: list[CascadeNode] = field(default_factory=list)
    compare_url: str | None = None
    through_hidden: bool = False  # the parent on the chain is a plan the viewer may not see

    @property
    def size(self) -> int:
        return 1 + sum(child.size for child in self.children)


def cascade_tree(
    root: Plan | DocumentRef,
    visible: set[int] | None,
    compare_url: Callable[[Plan, Plan], str],
    *,
    depth: int = MAX_DEPTH,
) -> CascadeNode:
    """The tree below ``root`` as the viewer sees it (``visible`` plan ids; ``None``: all).

    A plan the viewer may not see is left out; what carries it out and is visible hangs from
    the nearest visible ancestor, marked ``through_hidden`` and without a comparison.
    """
    seen: set[int] = set()
    if isinstance(root, Plan):
        top = CascadeNode(plan=root)
        seen.add(root.pk)
    else:
        top = CascadeNode(plan=None, ref=root)

    def grow(holder: CascadeNode, node: Plan | DocumentRef, hidden: bool, level: int) -> None:
        if level > depth:
            return
        kids = implementers(node).select_related("issuing_unit").order_by("date", "number", "pk")
        for kid in kids:
            if kid.pk in seen:
                continue
            seen.add(kid.pk)
            if visible is None or kid.pk in visible:
                child = CascadeNode(plan=kid, through_hidden=hidden)
                if not hidden and isinstance(node, Plan):
                    child.compare_url = compare_url(node, kid)
                holder.children.append(child)
                grow(child, kid, False, level + 1)
            else:
                grow(holder, kid, True, level + 1)

    grow(top, root, False, 1)
    return top
