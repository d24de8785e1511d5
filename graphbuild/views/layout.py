"""Where each document sits: bands by level top-down, rows inside a band by who acts on whom, each row by date; and
how much an edge bends so that it does not run through the documents between its ends. Positions are computed here
(not by a physics simulation), so the same view gives the same picture every time."""
from __future__ import annotations

import math
from collections import defaultdict
from typing import NamedTuple, Optional

import networkx as nx

from .select import BANDS, band_of

Position = tuple[float, float]      # (x, y) in grid units, y growing downwards


class Band(NamedTuple):
    """One band of the layout: a level (or ``unknown``, ``news``) and the y range its rows take."""
    name: str
    top: float
    bottom: float


def _row_order(view: nx.MultiDiGraph, node: str) -> tuple:
    attrs = view.nodes[node]
    return (attrs.get("date") or "9999-99-99", attrs.get("symbol") or attrs.get("locality") or "", node)


def _rows_of_band(view: nx.MultiDiGraph, members: list[str]) -> dict[str, int]:
    """Row index inside the band: 0 for documents acting on nothing in the band, else one below the lowest of
    the documents of the band they act on (cycles share a row)."""
    member_set = set(members)
    inside = nx.DiGraph()
    inside.add_nodes_from(sorted(members))
    inside.add_edges_from((source, target) for source, target in view.edges()
                          if source in member_set and target in member_set and source != target)
    condensed = nx.condensation(inside)
    depth_of: dict[int, int] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        below = list(condensed.successors(component))
        depth_of[component] = 1 + max(depth_of[other] for other in below) if below else 0
    return {node: depth_of[condensed.graph["mapping"][node]] for node in members}


def layered_layout(view: nx.MultiDiGraph,
                   wrap: Optional[int] = None) -> tuple[dict[str, Position], list[Band]]:
    """Positions in grid units: bands central → province → district → commune (→ unknown level → news) from the top;
    inside a band a document sits below the documents of the same band it acts on; each row is ordered by date
    (wrapped when long) and placed under the documents it is linked to above it. Returns ({node: (x, y)},
    [Band(name, top, bottom)]), y growing downwards."""
    by_band: dict[str, list[str]] = defaultdict(list)
    for node, attrs in view.nodes(data=True):
        by_band[band_of(attrs)].append(node)
    rows: list[tuple[float, list[str]]] = []
    bands: list[Band] = []
    y = 0.0
    for band in BANDS:
        members = by_band.get(band)
        if not members:
            continue
        row_of = _rows_of_band(view, members)
        width = wrap or max(6, min(30, math.ceil(math.sqrt(len(members)) * 2.2)))
        top = y
        for row_index in sorted(set(row_of.values())):
            row = sorted((node for node in members if row_of[node] == row_index),
                         key=lambda node: _row_order(view, node))
            for start in range(0, len(row), width):
                rows.append((y, row[start:start + width]))
                y += 1
        bands.append(Band(band, top - 0.5, y - 0.5))
        y += 0.5
    positions: dict[str, Position] = {}
    undirected = view.to_undirected(as_view=True)
    for row_y, row in rows:
        for node, x in zip(row, _row_xs(row, positions, undirected), strict=True):
            positions[node] = (x, row_y)
    return positions, bands


def _row_xs(row: list[str], placed: dict[str, Position], undirected: nx.MultiGraph) -> list[float]:
    """The x of each document of a row: under the mean x of its neighbours already placed, one unit apart at least,
    in row order; the row is compacted and centred when that would spread it too far."""
    desired: list[Optional[float]] = []
    for node in row:
        neighbour_xs = sorted(placed[other][0] for other in undirected.neighbors(node) if other in placed)
        desired.append(sum(neighbour_xs) / len(neighbour_xs) if neighbour_xs else None)
    xs: list[float] = []
    for i, wish in enumerate(desired):
        if wish is None:
            following = next((later for later in desired[i:] if later is not None), None)
            wish = xs[-1] + 1 if xs else (following - 1 if following is not None else 0.0)
        xs.append(max(wish, xs[-1] + 1) if xs else wish)
    pairs = [(wish, x) for wish, x in zip(desired, xs, strict=True) if wish is not None]
    if xs[-1] - xs[0] > 1.25 * (len(xs) - 1) + 2:      # date order fights the links: keep the row compact
        centre = sum(wish for wish, _ in pairs) / len(pairs)
        xs = [i - (len(xs) - 1) / 2 + centre for i in range(len(xs))]
        pairs = []
    shift = (sum(wish - x for wish, x in pairs) / len(pairs)) if pairs else 0.0
    if not any(wish is not None for wish in desired):
        shift = -(xs[0] + xs[-1]) / 2
    return [round(x + shift, 3) for x in xs]


def edge_bend(positions: dict[str, Position], source: str, target: str) -> float:
    """How much an edge bows sideways, signed (positive: clockwise from source to target, as vis "curvedCW"; the
    matplotlib arc takes the opposite sign). Straight between neighbouring rows; curved when it skips rows, so that
    it does not run through the documents in between, bowing outwards (away from the column of its target), and
    curved upwards when it stays in one row."""
    (x1, y1), (x2, y2) = positions[source], positions[target]
    span = abs(y1 - y2)
    if span == 0:
        return 0.3 if x1 < x2 else -0.3
    if span <= 1.51:                 # adjacent rows, possibly across the gap between two bands
        return 0.0
    bend = round(min(0.45, 0.12 * span), 3)
    upward = y1 > y2
    right = x1 > x2                  # the source lies right of the target: bow to the right
    return -bend if right == upward else bend
