"""The one place that loads the Vietnamese lexicons (``data/*.yaml``).

Extractor code holds no Vietnamese word lists: document kinds and symbols, bodies and their
abbreviations, target groups, frequencies, comparators, plan parts, task verbs all live in the
data files beside this module. Each file is loaded once and cached.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

DATA_PACKAGE = "trienkhai.documents.lexicon"


@cache
def load(name: str) -> Any:
    """Return the parsed content of ``data/<name>.yaml``."""
    ref = resources.files(DATA_PACKAGE).joinpath("data", f"{name}.yaml")
    with ref.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def names() -> list[str]:
    """Names of every lexicon file shipped with the engine."""
    folder = resources.files(DATA_PACKAGE).joinpath("data")
    return sorted(p.name[: -len(".yaml")] for p in folder.iterdir() if p.name.endswith(".yaml"))
