"""The document graph: which plan implements or cites which, resolved across the registry.

A link is resolved by number (case-insensitive) and, when both sides print one, date. When a
plan arrives later than the plans that cite it, :func:`attach_incoming` resolves their links.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from trienkhai.web.orgs.names import name_key

from .models import DocumentLink, LinkRelation, Plan


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
