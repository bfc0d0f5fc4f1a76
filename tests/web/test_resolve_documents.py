"""Bodies of realistic 2025 plans (the engine's fixture expectations) against the sample registry.

A provincial UBND plan with an appendix table and a central party conclusion: nearly every body
they name resolves, at the plan's date, to units of the issuer's territory; only vague phrases
("các cơ quan liên quan") are left for an officer.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from trienkhai.web.orgs.models import Unit
from trienkhai.web.orgs.resolve import Resolver

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
VAGUE = {
    "các cơ quan liên quan",
    "các cơ sở giáo dục đại học, giáo dục nghề nghiệp trên địa bàn tỉnh",
    "Báo và Phát thanh, Truyền hình tỉnh",
}


def _bodies(name: str) -> tuple[set[str], dt.date]:
    data = json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))
    bodies: set[str] = set()
    for task in data["tasks"]:
        for role in ("lead", "support", "requested"):
            bodies.update(task.get(role) or [])
    return bodies, dt.date.fromisoformat(data["document"]["date"])


@pytest.fixture
def registry(db):
    call_command("load_sample_data", "--no-plans", stdout=io.StringIO())


@pytest.mark.integration
@pytest.mark.parametrize(
    ("fixture", "issuer"),
    [
        ("ubnd_2025_chuyen_doi_so", "th-ubnd"),
        ("ubnd_2025_tabs", "lc-ubnd"),
        ("dang_uy_ket_luan", "tw-bch"),
    ],
)
def test_bodies_of_2025_plans_resolve(registry, fixture: str, issuer: str) -> None:
    if not (FIXTURES / f"{fixture}.expected.json").is_file():
        pytest.skip(f"fixture {fixture} not present")
    bodies, day = _bodies(fixture)
    issuer_unit = Unit.objects.get(code=issuer)
    resolver = Resolver(issuer_unit, day)
    unresolved = {b for b in bodies if not resolver.resolve(b).resolved}
    assert unresolved <= VAGUE, unresolved
    for body in bodies - unresolved:
        for unit in resolver.resolve(body).units:
            assert unit.is_valid_on(day), (body, unit.code)
            assert unit.path.startswith(issuer_unit.territory.path) or unit.level == "trung_uong"
