"""Loads ``data/localise.yaml`` once and compiles the patterns the comparison needs.

Every Vietnamese word the comparison relies on (levels, level-bound committees, provinces,
synonyms, tone placement, document symbols) lives in that data file, never in the code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

DATA_PACKAGE = "trienkhai.compare"
LEVEL_TOKEN = "‹cấp›"
PLACE_TOKEN = "‹nơi›"


@dataclass(frozen=True)
class Localise:
    """The compiled lexicon: phrase maps are case-folded, regexes ready to run."""

    phrases: dict[str, str]  # case-folded phrase -> replacement in match keys
    phrase_re: re.Pattern[str]
    tone_re: re.Pattern[str]
    tones: dict[str, str]
    introducers: tuple[str, ...]
    not_places: frozenset[str]
    provinces: tuple[str, ...]
    doc_symbol_re: re.Pattern[str]
    implements_words: tuple[str, ...]
    stopwords: frozenset[str]
    groups: dict[str, str]


def _alternation(words: list[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


@cache
def load() -> Localise:
    """Parse and compile the lexicon (cached: the file is read once per process)."""
    ref = resources.files(DATA_PACKAGE).joinpath("data", "localise.yaml")
    with ref.open("r", encoding="utf-8") as fh:
        raw = yaml.safe_load(fh)
    phrases: dict[str, str] = {}
    for word in raw["levels"]:
        phrases[word.casefold()] = LEVEL_TOKEN
    for word, repl in raw["level_bodies"].items():
        phrases[word.casefold()] = repl
    for word, repl in raw["synonyms"].items():
        phrases[word.casefold()] = repl
    tones = {k: v for k, v in raw["tone_placement"].items()}
    phrase_re = re.compile(r"(?<!\w)(?:" + _alternation(list(phrases)) + r")(?!\w)")
    return Localise(
        phrases=phrases,
        phrase_re=phrase_re,
        tone_re=re.compile("(?:" + _alternation(list(tones)) + r")(?!\w)"),
        tones=tones,
        introducers=tuple(w.casefold() for w in raw["place_introducers"]),
        not_places=frozenset(raw["not_places"]),
        provinces=tuple(raw["provinces"]),
        doc_symbol_re=re.compile(raw["doc_symbol"]),
        implements_words=tuple(raw["implements_words"]),
        stopwords=frozenset(w.casefold() for w in raw["explain_stopwords"]),
        groups=dict(raw["groups"]),
    )
