"""What the review page shows about a draft's bodies before it is published.

For each body named on a task or a reporting duty, the units it resolves to at the plan's
date (or none), so the officer sees what publishing will assign and what will be queued.
"""

from __future__ import annotations

from trienkhai.web.orgs.resolve import Resolution, Resolver

from .models import PlanVersion
from .publish import as_of


def body_resolutions(version: PlanVersion) -> dict[str, Resolution]:
    """Every body text of the version, mapped to its resolution (first-seen order)."""
    resolver = Resolver(version.plan.issuing_unit, as_of(version))
    out: dict[str, Resolution] = {}
    texts: list[str] = []
    for task in version.tasks.all():
        texts += [text for _role, text in task.bodies()]
    for duty in version.reporting_duties.all():
        texts += [t for t in (duty.recipient_text, duty.via_text) if t]
    for text in texts:
        if text not in out:
            out[text] = resolver.resolve(text)
    return out
