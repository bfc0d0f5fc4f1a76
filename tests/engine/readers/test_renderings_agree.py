"""The same plan as .txt, .docx and .pdf gives the same extraction: the readers agree."""

from __future__ import annotations

import json
import re

import pytest

from trienkhai.documents import extract_path

pytestmark = pytest.mark.integration
STEMS = ["ubnd_2025_chuyen_doi_so", "ubnd_2025_tabs", "dang_uy_ket_luan"]


def _norm(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def essentials(result: dict) -> dict:
    return {
        "document": {k: _norm(str(v)) for k, v in result["document"].items() if k != "line"},
        "citations": sorted((c["kind"], c["number"], c["date"]) for c in result["citations"]),
        "targets": sorted((t["comparator"], str(t["value"]), t["unit"]) for t in result["targets"]),
        "reporting": sorted(
            (tuple(sorted(r["frequency"])), json.dumps(r["deadline"])) for r in result["reporting"]
        ),
        "tasks": [(t["section"], _norm(t["text"])) for t in result["tasks"]],
    }


@pytest.mark.parametrize("stem", STEMS)
@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_rendering_extracts_like_the_text(documents, stem, ext):
    text = essentials(extract_path(documents / f"{stem}.txt"))
    other = essentials(extract_path(documents / f"{stem}.{ext}"))
    for key in ("citations", "targets", "reporting", "tasks"):
        assert other[key] == text[key], key
    for field in ("kind", "number", "date", "title"):
        assert other["document"][field] == text["document"][field], field


@pytest.mark.parametrize("stem", STEMS)
def test_text_fixture_matches_its_expected_json(documents, stem):
    expected = json.loads((documents / f"{stem}.expected.json").read_text(encoding="utf-8"))
    assert essentials(extract_path(documents / f"{stem}.txt"))["citations"] == sorted(
        (c["kind"], c["number"], c["date"]) for c in expected["citations"]
    )


@pytest.mark.parametrize("stem", STEMS)
def test_text_fixture_implements_what_its_expected_json_says(documents, stem):
    expected = json.loads((documents / f"{stem}.expected.json").read_text(encoding="utf-8"))
    got = extract_path(documents / f"{stem}.txt")["implements"]
    assert [(x["kind"], x["number"], x["date"]) for x in got] == [
        (x["kind"], x["number"], x["date"]) for x in expected["implements"]
    ]
