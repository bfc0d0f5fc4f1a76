"""Chart geometry for server-rendered SVG: plain numbers in, shapes out, no Django.

The templates draw what these functions compute (``dashboards/_*.svg.html``), so the page
needs no JavaScript chart library and renders the same in a screenshot or a print.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Colours by status / timeliness (WCAG AA against white text where text sits on them).
STATUS_COLOURS = {
    "done": "#2e7d32",
    "ongoing": "#5c8fd6",
    "in_progress": "#e0a100",
    "not_started": "#c62828",
}


@dataclass(frozen=True)
class Segment:
    key: str
    x: float
    width: float
    value: int
    colour: str


@dataclass(frozen=True)
class StackedBar:
    label: str
    y: float
    total: int
    segments: list[Segment] = field(default_factory=list)

    @property
    def done_share(self) -> float:
        done = sum(s.value for s in self.segments if s.key == "done")
        return round(100.0 * done / self.total, 1) if self.total else 0.0


def stacked_bars(
    rows: list[tuple[str, dict[str, int]]],
    keys: tuple[str, ...],
    *,
    width: float = 520,
    bar_height: float = 22,
    gap: float = 12,
) -> list[StackedBar]:
    """One 100 %-stacked bar per row; each segment's width is its share of the row total."""
    bars = []
    for index, (label, counts) in enumerate(rows):
        total = sum(counts.get(key, 0) for key in keys)
        x = 0.0
        segments = []
        for key in keys:
            value = counts.get(key, 0)
            share = width * value / total if total else 0.0
            if value:
                segments.append(
                    Segment(
                        key, round(x, 1), round(share, 1), value, STATUS_COLOURS.get(key, "#888")
                    )
                )
            x += share
        bars.append(StackedBar(label, index * (bar_height + gap), total, segments))
    return bars


@dataclass(frozen=True)
class TargetBar:
    label: str
    y: float
    planned: float
    reached: float | None
    planned_x: float
    reached_width: float
    met: bool | None


def target_bars(
    rows: list[tuple[str, float, float | None, str]],
    *,
    width: float = 420,
    bar_height: float = 18,
    gap: float = 30,
) -> list[TargetBar]:
    """Reached value as a bar, planned value as a tick, each row on its own scale.

    ``rows`` are (label, planned, reached or None, comparator); ``met`` follows the comparator
    ('>=' met when reached ≥ planned, '<=' when reached ≤ planned).
    """
    bars = []
    for index, (label, planned, reached, comparator) in enumerate(rows):
        # Each target on its own scale: a share (%) and a count of models do not compare.
        top = max(1e-9, planned, reached or 0) * 1.15
        met = None if reached is None else _met(reached, planned, comparator)
        bars.append(
            TargetBar(
                label=label,
                y=index * (bar_height + gap),
                planned=planned,
                reached=reached,
                planned_x=round(width * planned / top, 1),
                reached_width=round(width * (reached or 0) / top, 1),
                met=met,
            )
        )
    return bars


def _met(reached: float, planned: float, comparator: str) -> bool:
    if comparator in ("<=", "<"):
        return reached <= planned if comparator == "<=" else reached < planned
    if comparator == ">":
        return reached > planned
    if comparator == "=":
        return reached == planned
    return reached >= planned


@dataclass(frozen=True)
class HeatCell:
    x: float
    y: float
    expected: int
    received: int
    on_time: int
    colour: str

    @property
    def on_time_share(self) -> float:
        return round(100.0 * self.on_time / self.expected, 1) if self.expected else 0.0


def heat_colour(expected: int, received: int, on_time: int) -> str:
    """Green when every report came on time, amber when all came but some late, red when
    some are missing (darker the more are missing), grey when nothing was expected."""
    if not expected:
        return "#eceff3"
    if on_time == expected:
        return "#2e7d32"
    if received == expected:
        return "#f2b705"
    missing_share = (expected - received) / expected
    return "#e57373" if missing_share < 0.5 else "#b71c1c"


def heat_cells(
    grid: list[list[tuple[int, int, int]]], *, cell_w: float = 92, cell_h: float = 26
) -> list[list[HeatCell]]:
    """``grid[row][col]`` = (expected, received, on time) → positioned, coloured cells."""
    return [
        [
            HeatCell(col * cell_w, row * cell_h, e, r, o, heat_colour(e, r, o))
            for col, (e, r, o) in enumerate(cells)
        ]
        for row, cells in enumerate(grid)
    ]
