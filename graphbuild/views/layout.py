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
    layers: list[tuple[str, list[str]]] = []            # (band, the documents of one row before wrapping)
    for band in BANDS:
        members = by_band.get(band)
        if not members:
            continue
        row_of = _rows_of_band(view, members)
        for row_index in sorted(set(row_of.values())):
            layers.append((band, sorted((node for node in members if row_of[node] == row_index),
                                        key=lambda node: _row_order(view, node))))
    ordered = order_layers(view, [layer for _, layer in layers])
    # one width for every band, so that wrapped rows keep their columns: the k-th province and the k-th group of
    # districts (ordered under it) fall in the same column
    width = wrap or max([6] + [min(30, math.ceil(math.sqrt(len(members)) * 2.2)) for members in by_band.values()])
    rows: list[tuple[float, list[str]]] = []
    stagger: dict[str, float] = {}                       # wrapped rows: chunk r of R shifted right by r/R
    bands: list[Band] = []
    y = 0.0
    for k, (band, _) in enumerate(layers):
        if k == 0 or layers[k - 1][0] != band:
            if bands or k:
                bands[-1] = bands[-1]._replace(bottom=y - 0.5)
                y += 0.5
            bands.append(Band(band, y - 0.5, y - 0.5))
        row = ordered[k]
        chunks = math.ceil(len(row) / width)
        for start in range(0, len(row), width):
            rows.append((y, row[start:start + width]))
            for node in row[start:start + width]:
                stagger[node] = (start // width) / chunks if chunks > 1 else 0.0
            y += 1
    if bands:
        bands[-1] = bands[-1]._replace(bottom=y - 0.5)
    positions: dict[str, Position] = {}
    undirected = view.to_undirected(as_view=True)
    for row_y, row in rows:
        for node, x in zip(row, _row_xs(row, positions, undirected), strict=True):
            positions[node] = (x, row_y)
    # then bottom-up, over the documents below: a province moves over its districts (the first pass could only
    # look up, and put every province under the root)
    for row_y, row in reversed(rows):
        for node, x in zip(row, _row_xs(row, positions, undirected, below=row_y), strict=True):
            positions[node] = (x, row_y)
    # the k-th documents of two wrapped layers share a column and a shift: the straight edge between them passes
    # between the documents of the rows it crosses, not through them
    return {node: (round(x + stagger.get(node, 0.0), 3), y) for node, (x, y) in positions.items()}, bands


def _neighbours(view: nx.MultiDiGraph) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for source, target in view.edges():
        if source != target:
            out[source].add(target)
            out[target].add(source)
    return out


def order_layers(view: nx.MultiDiGraph, layers: list[list[str]], sweeps: int = 6) -> list[list[str]]:
    """The documents of each layer (row before wrapping) reordered to reduce edge crossings: barycenter sweeps
    (Sugiyama), down then up, each document moved to the mean position of its neighbours in the layers above
    (down) or below (up), positions taken as fractions of their layer's width so that layers of different sizes
    compare; a document with no neighbour on that side keeps its place, ties keep the order given (by date). The
    ordering with the fewest crossings wins, the given one included."""
    neighbours = _neighbours(view)
    layer_of = {node: i for i, layer in enumerate(layers) for node in layer}
    order = [list(layer) for layer in layers]
    best, best_crossings = [list(layer) for layer in order], crossings(view, order)

    def place() -> dict[str, float]:
        return {node: (k + 0.5) / len(layer) for layer in order for k, node in enumerate(layer)}

    def reorder(i: int, side: int) -> None:
        where = place()
        keys = {}
        for node in order[i]:
            near = [where[other] for other in neighbours[node] if (layer_of[other] - i) * side > 0]
            keys[node] = sum(near) / len(near) if near else where[node]
        order[i] = sorted(order[i], key=lambda node: (keys[node], where[node]))

    for _ in range(sweeps):
        for i in range(1, len(order)):
            reorder(i, -1)
        for i in range(len(order) - 2, -1, -1):
            reorder(i, +1)
        count = crossings(view, order)
        if count < best_crossings:
            best, best_crossings = [list(layer) for layer in order], count
        if count == 0:
            break
    return best


def crossings(view: nx.MultiDiGraph, layers: list[list[str]]) -> int:
    """Pairs of edges that cross, for edges between the same two layers (positions as fractions of the width)."""
    where = {node: ((k + 0.5) / len(layer), i) for i, layer in enumerate(layers) for k, node in enumerate(layer)}
    by_pair: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for source, target in set(view.edges()):
        if source in where and target in where and where[source][1] != where[target][1]:
            (x1, l1), (x2, l2) = where[source], where[target]
            if l1 > l2:
                (x1, l1), (x2, l2) = (x2, l2), (x1, l1)
            by_pair[(l1, l2)].append((x1, x2))
    count = 0
    for edges in by_pair.values():
        edges.sort()
        for a in range(len(edges)):
            for b in range(a + 1, len(edges)):
                if (edges[a][0] - edges[b][0]) * (edges[a][1] - edges[b][1]) < 0:
                    count += 1
    return count


def _row_xs(row: list[str], placed: dict[str, Position], undirected: nx.MultiGraph,
            below: Optional[float] = None) -> list[float]:
    """The x of each document of a row: under the mean x of its neighbours already placed (with ``below``, over the
    mean of its neighbours below that y, when it has any), one unit apart at least, in row order; in the first
    pass the row is compacted and centred when that would spread it too far."""
    desired: list[Optional[float]] = []
    for node in row:
        neighbour_xs = sorted(placed[other][0] for other in undirected.neighbors(node) if other in placed)
        if below is not None:
            under = sorted(placed[other][0] for other in undirected.neighbors(node)
                           if other in placed and placed[other][1] > below)
            neighbour_xs = under or neighbour_xs
        desired.append(sum(neighbour_xs) / len(neighbour_xs) if neighbour_xs else None)
    xs: list[float] = []
    for i, wish in enumerate(desired):
        if wish is None:
            following = next((later for later in desired[i:] if later is not None), None)
            wish = xs[-1] + 1 if xs else (following - 1 if following is not None else 0.0)
        xs.append(max(wish, xs[-1] + 1) if xs else wish)
    pairs = [(wish, x) for wish, x in zip(desired, xs, strict=True) if wish is not None]
    if below is None and xs[-1] - xs[0] > 1.25 * (len(xs) - 1) + 2:     # the links pull apart: keep it compact
        centre = sum(wish for wish, _ in pairs) / len(pairs)
        xs = [i - (len(xs) - 1) / 2 + centre for i in range(len(xs))]
        pairs = []
    shift = (sum(wish - x for wish, x in pairs) / len(pairs)) if pairs else 0.0
    if not any(wish is not None for wish in desired):
        shift = -(xs[0] + xs[-1]) / 2
    return [round(x + shift, 3) for x in xs]


def _blocked(positions: dict[str, Position], start: Position, end: Position, clearance: float = 0.2) -> bool:
    """Whether a document between the rows of ``start`` and ``end`` lies within ``clearance`` of the straight line."""
    (x1, y1), (x2, y2) = start, end
    low, high = min(y1, y2), max(y1, y2)
    for x, y in positions.values():
        if low < y < high:
            along = x1 + (x2 - x1) * (y - y1) / (y2 - y1)       # the line's x at the document's row
            if abs(x - along) < clearance:
                return True
    return False


def edge_bend(positions: dict[str, Position], source: str, target: str) -> float:
    """How much an edge bows sideways, signed (positive: clockwise from source to target, as vis "curvedCW"; the
    matplotlib arc takes the opposite sign). Straight between neighbouring rows; curved when it skips rows, so that
    it would run through a document in between (straight when its way is clear), bowing outwards (away from the
    column of its target), and curved upwards when it stays in one row."""
    (x1, y1), (x2, y2) = positions[source], positions[target]
    span = abs(y1 - y2)
    if span == 0:
        return 0.3 if x1 < x2 else -0.3
    if span <= 1.51 or not _blocked(positions, (x1, y1), (x2, y2)):     # adjacent rows, or nothing in the way
        return 0.0
    bend = round(min(0.45, 0.12 * span), 3)
    upward = y1 > y2
    right = x1 > x2                  # the source lies right of the target: bow to the right
    return -bend if right == upward else bend
