"""The pipeline produces an object of the contract's shape for every seed."""

from __future__ import annotations

from trienkhai.documents import SCHEMA, extract_path


def test_every_seed_gives_the_contract_shape(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        result = extract_path(path)
        assert result["schema"] == SCHEMA
        assert result["source"] == path.name
        for key in ("document", "implements", "citations", "targets", "reporting", "tasks"):
            assert key in result
