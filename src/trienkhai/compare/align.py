"""Align a child plan's tasks with its parent's: one-to-one, split (many-to-one) and merge.

1. Every child task is scored against every parent task (TF-IDF cosine over neutralised
   syllable n-grams, plus how much of each task's weight the other contains).
2. One-to-one pairs: the assignment that maximises total cosine (Hungarian method), keeping
   pairs whose cosine reaches ``min_cosine``.
3. Splits: a child task left over whose content lies mostly inside one parent task
   (``min_cover``) joins that parent — a parent bullet carried out as several child bullets.
4. Merges: a parent task left over whose content lies mostly inside one child task joins that
   child — two parent bullets carried out as one.
Child tasks still alone are ``new``; parent tasks still alone are ``omitted``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from .features import FeatureSpace


@dataclass(frozen=True)
class AlignParams:
    """Thresholds of the aligner (chosen on the seeds' gold alignment, see docs/compare.md)."""

    min_cosine: float = 0.40
    min_cover: float = 0.60
    min_cover_cosine: float = 0.15


@dataclass(frozen=True)
class Link:
    """One pairing, with the figures that justify it."""

    child: int
    parent: int
    kind: str  # "one_to_one" | "split" | "merge"
    cosine: float
    cover_child: float  # share of the child task's weight found in the parent task
    cover_parent: float  # share of the parent task's weight found in the child task


@dataclass
class Alignment:
    """The links, and the child tasks left new and the parent tasks left omitted."""

    links: list[Link]
    new: list[int]
    omitted: list[int]
    space: FeatureSpace | None = field(default=None, repr=False)


def align_tasks(
    child_tokens: list[list[str]],
    parent_tokens: list[list[str]],
    params: AlignParams | None = None,
) -> Alignment:
    """Align tasks given as match-token lists (child first, parent second)."""
    if not child_tokens or not parent_tokens:
        return Alignment([], list(range(len(child_tokens))), list(range(len(parent_tokens))))
    return align_space(FeatureSpace.build(child_tokens, parent_tokens), params)


def align_space(space: FeatureSpace, params: AlignParams | None = None) -> Alignment:
    """Align the tasks of a feature space (its ``a`` side is the child, ``b`` the parent)."""
    params = params or AlignParams()
    n_c, n_p = space.n_a, space.matrix.shape[0] - space.n_a
    if n_c == 0 or n_p == 0:
        return Alignment(links=[], new=list(range(n_c)), omitted=list(range(n_p)))
    cos, cover_c, cover_p = space.similarity()

    def link(i: int, j: int, kind: str) -> Link:
        return Link(i, j, kind, float(cos[i, j]), float(cover_c[i, j]), float(cover_p[j, i]))

    links: list[Link] = []
    rows, cols = linear_sum_assignment(-cos)
    for i, j in zip(rows, cols, strict=True):
        if cos[i, j] >= params.min_cosine:
            links.append(link(int(i), int(j), "one_to_one"))
    paired_c = {lk.child for lk in links}
    paired_p = {lk.parent for lk in links}

    for i in range(n_c):
        if i in paired_c:
            continue
        j = int(np.argmax(cover_c[i]))
        if cover_c[i, j] >= params.min_cover and cos[i, j] >= params.min_cover_cosine:
            links.append(link(i, j, "split"))
            paired_c.add(i)
            paired_p.add(j)
    for j in range(n_p):
        if j in paired_p:
            continue
        i = int(np.argmax(cover_p[j]))
        if cover_p[j, i] >= params.min_cover and cos[i, j] >= params.min_cover_cosine:
            links.append(link(i, j, "merge"))
            paired_c.add(i)
            paired_p.add(j)

    links.sort(key=lambda lk: (lk.child, lk.parent))
    return Alignment(
        links=links,
        new=[i for i in range(n_c) if i not in paired_c],
        omitted=[j for j in range(n_p) if j not in paired_p],
        space=space,
    )
