"""The coverage map: which units of a level implemented a document, drawn offline (no tiles, no server).

    coverage_map_svg(rows, level="district", era="legacy", within="L:P:31")  ->  a standalone SVG string
    coverage_map_image(rows, "map.png", level=…, era=…)                       ->  the same map as PNG (or SVG)

``rows`` are the rows of the ``coverage`` query (unit, unit_id, status 'implemented' | 'not seen', documents,
first_date), with ``lag_days`` where the caller knows it (then implemented units are shaded by lag). Each unit is
one ``<path>`` with ``data-unit-id`` and ``data-status`` and a ``<title>`` (name and status, escaped).

The shapes are approximate, and the legend says so: the package data has unit centres but no boundaries, so each
unit is the union of the Voronoi cells of its communes' centres, clipped to discs around all centres (there is no
country outline either); scripts/make_map_geometry.py computes them once into ``data/map_geometry.json.gz``.
"""
from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Union

from ..vocab import gazetteer
from .labels import text, vn_date

GEOMETRY = Path(__file__).parent / "data" / "map_geometry.json.gz"
ERA_LEVELS = {"legacy": ("province", "district", "commune"), "2025": ("province", "commune")}
STATUSES = ("implemented", "not seen")

# Colours (ColorBrewer): implemented in blue, shaded by lag when lags are given (dark = soon after the document);
# not seen in light orange, so that "no document" is never read as "no data"; the land around the units in grey.
IMPLEMENTED = "#3182bd"
NOT_SEEN = "#fdbe85"
LAG_BINS = ((30, "#08519c"), (90, "#3182bd"), (180, "#6baed6"))   # upper bound in days, colour
LAG_OVER = "#bdd7e7"
LAG_UNKNOWN = "#969696"
CONTEXT_FILL, CONTEXT_STROKE = "#ececec", "#c8c8c8"
BORDER = "#4d4d4d"

WIDTH = 860                 # px: the map's width at most
MAX_HEIGHT = 920            # px: the map's height at most (the country is taller than wide)
TITLE_HEIGHT = 34           # px above the map
LINE = 16                   # px: one line of the legend below the map
LABEL_PX = 11               # px: unit names, drawn only when they fit
MAX_LABELS = 120


@dataclass
class Shape:
    uid: str
    name: str
    status: str
    fill: str
    path: str
    tip: str
    documents: int
    first_date: Optional[str]
    lag_days: Optional[int]


@dataclass
class Label:
    x: float
    y: float
    text: str


@dataclass
class MapModel:
    """What the SVG and the PNG draw, in the projected units of the geometry file (y downward)."""
    title: str
    level: str
    era: str
    view_box: tuple[float, float, float, float]      # x, y, width, height
    width: int                                        # px of the map
    height: int
    shapes: list[Shape]
    context: list[str]                                # the provinces of the era, as grey land
    borders: list[str]                                # province borders over districts and communes
    focus: Optional[str]                              # the outline of the `within` unit
    labels: list[Label]
    legend: list[tuple[str, str]]                     # colour, text
    notes: list[str] = field(default_factory=list)
    font: float = 1.0                                 # LABEL_PX in projected units
    stroke_px: float = 0.5

    @property
    def legend_top(self) -> int:
        return TITLE_HEIGHT + self.height + 10

    @property
    def total_height(self) -> int:
        """The title, the map, then the legend: its entries, the counts, the era, the note on boundaries, notes."""
        return self.legend_top + LINE * (len(self.legend) + 3 + len(self.notes)) + 6


@lru_cache(maxsize=1)
def geometry() -> dict[str, Any]:
    """The precomputed shapes: {era: {level: {unit id: [path data, [x0, y0, x1, y1], [x, y] of a point inside]}}}."""
    with gzip.open(GEOMETRY, "rt", encoding="utf-8") as f:
        return json.load(f)


def _check(level: str, era: str) -> None:
    if era not in ERA_LEVELS:
        raise ValueError(f"era must be one of {', '.join(ERA_LEVELS)}, not '{era}'")
    if level not in ERA_LEVELS[era]:
        raise ValueError(f"level must be one of {', '.join(ERA_LEVELS[era])} in the {era} list, not '{level}'"
                         + (" (the 2025 list has no districts)" if level == "district" else ""))


def _within_unit(within: Optional[str], era: str) -> Optional[gazetteer.Unit]:
    if not within:
        return None
    try:
        found = gazetteer.place(within, era=era)
    except gazetteer.PlaceError as e:
        raise ValueError(f"within: {e}") from None
    return found[0]


def _lag_fill(lag: Optional[int]) -> str:
    if lag is None:
        return LAG_UNKNOWN
    return next((colour for bound, colour in LAG_BINS if lag <= bound), LAG_OVER)


def _tip(name: str, status: str, documents: int, first_date: Optional[str], lag: Optional[int]) -> str:
    parts = [text("map_tip", unit=name, status=text("map_implemented" if status == "implemented" else "map_not_seen"))]
    if documents:
        parts.append(text("map_tip_documents", count=documents, date=vn_date(first_date) or "?"))
    if lag is not None:
        parts.append(text("map_tip_lag", lag=lag))
    return " · ".join(parts)


def _union_box(boxes: Iterable[list]) -> Optional[list[float]]:
    boxes = list(boxes)
    if not boxes:
        return None
    return [min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes)]


def _labels(shapes: list[Shape], anchors: Mapping[str, list], font: float) -> list[Label]:
    """Unit names at a point inside each unit, greedily — implemented units first, then the largest — skipping any
    that would overlap one already placed (the tooltip still names every unit)."""
    if len(shapes) > MAX_LABELS:
        return []
    placed: list[tuple[float, float, float, float]] = []
    out = []
    for shape in sorted(shapes, key=lambda s: (s.status != "implemented", -_area(anchors[s.uid][1]), s.uid)):
        x, y = anchors[shape.uid][2]
        name = (gazetteer.unit(shape.uid).short if gazetteer.unit(shape.uid) else shape.name)
        half = 0.3 * font * len(name)
        box = (x - half, y - 0.7 * font, x + half, y + 0.3 * font)
        if any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in placed):
            continue
        placed.append(box)
        out.append(Label(x, y, name))
    return out


def _area(box: list) -> float:
    return (box[2] - box[0]) * (box[3] - box[1])


def map_model(rows: Iterable[Mapping[str, Any]], *, level: str, era: str, within: Optional[str] = None,
              title: str = "") -> MapModel:
    _check(level, era)
    shapes_of = geometry()[era]
    level_shapes = shapes_of[level]
    rows = list(rows)
    by_lag = any(row.get("lag_days") is not None for row in rows)
    shapes, unplaced = [], []
    for row in rows:
        status = row.get("status")
        if status not in STATUSES:
            raise ValueError(f"coverage row for {row.get('unit')!r}: status must be one of {', '.join(STATUSES)}, "
                             f"not {status!r}")
        uid = row.get("unit_id")
        name = row.get("unit") or (gazetteer.label(uid) if uid else None) or str(uid)
        if uid not in level_shapes:
            unplaced.append(name)
            continue
        lag = row.get("lag_days")
        documents = row.get("documents") or []
        count = len(documents) if isinstance(documents, (list, tuple)) else int(documents)
        fill = NOT_SEEN if status != "implemented" else _lag_fill(lag) if by_lag else IMPLEMENTED
        shapes.append(Shape(uid, name, status, fill, level_shapes[uid][0],
                            _tip(name, status, count, row.get("first_date"), lag), count, row.get("first_date"), lag))
    unit = _within_unit(within, era)
    if unit is not None:
        box = shapes_of[unit.level][unit.id][1] if unit.id in shapes_of.get(unit.level, {}) else None
    else:
        box = _union_box(level_shapes[s.uid][1] for s in shapes)
    box = box or shapes_of["bounds"]
    pad = max(box[2] - box[0], box[3] - box[1]) * 0.04 + 4
    x0, y0, x1, y1 = box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad
    scale = min(WIDTH / (x1 - x0), MAX_HEIGHT / (y1 - y0))
    width, height = round((x1 - x0) * scale), round((y1 - y0) * scale)
    font = LABEL_PX / scale
    provinces = shapes_of["province"]
    legend = ([(colour, text("map_lag_within", days=bound)) for bound, colour in LAG_BINS]
              + [(LAG_OVER, text("map_lag_over", days=LAG_BINS[-1][0])), (LAG_UNKNOWN, text("map_lag_unknown"))]
              if by_lag else [(IMPLEMENTED, text("map_implemented"))]) + [(NOT_SEEN, text("map_not_seen"))]
    notes = [text("map_unplaced", count=len(unplaced), names=", ".join(unplaced[:8]) + (" …" if len(unplaced) > 8
                                                                                        else ""))] if unplaced else []
    return MapModel(
        title=title, level=level, era=era, view_box=(x0, y0, x1 - x0, y1 - y0), width=width, height=height,
        shapes=shapes, context=[entry[0] for entry in provinces.values()],
        borders=[entry[0] for entry in provinces.values()] if level != "province" else [],
        focus=shapes_of[unit.level][unit.id][0] if unit is not None and unit.id in shapes_of[unit.level] else None,
        labels=_labels(shapes, level_shapes, font) if unit is not None or len(shapes) <= 40 else [],
        legend=legend, notes=notes, font=font)


def counts_text(model: MapModel) -> str:
    seen = sum(1 for shape in model.shapes if shape.status == "implemented")
    return text("map_counts", seen=seen, total=len(model.shapes))


def coverage_map_svg(rows: Iterable[Mapping[str, Any]], *, level: str, era: str, within: Optional[str] = None,
                     title: str = "") -> str:
    """A standalone SVG of the coverage rows: every unit of ``level`` in ``era`` a path coloured implemented / not
    seen (by lag when rows carry ``lag_days``), on the grey land of the era, zoomed to ``within`` (a province or
    district: name or gazetteer id) or to the units in the rows; a legend that says the boundaries are approximate."""
    from .html import environment
    model = map_model(rows, level=level, era=era, within=within, title=title)
    return environment().get_template("coverage_map.svg").render(
        map=model, counts=counts_text(model),
        era_label=text(f"map_era_{era}"), approximate=text("map_approximate"))


# --- the PNG -------------------------------------------------------------------------------------------------------

_COMMAND = re.compile(r"([Mlz])([^Mlz]*)")


def _rings(path: str) -> list[list[tuple[float, float]]]:
    """The rings of path data written by scripts/make_map_geometry.py (M x y, l dx dy …, z)."""
    rings: list[list[tuple[float, float]]] = []
    for command, args in _COMMAND.findall(path):
        numbers = [float(n) for n in args.split()]
        if command == "M":
            rings.append([(numbers[0], numbers[1])])
        elif command == "l":
            x, y = rings[-1][-1]
            for dx, dy in zip(numbers[0::2], numbers[1::2]):
                x, y = x + dx, y + dy
                rings[-1].append((x, y))
    return rings


def coverage_map_image(rows: Iterable[Mapping[str, Any]], path: Union[str, Path], *, level: str, era: str,
                       within: Optional[str] = None, title: str = "") -> Path:
    """The map as a PNG (matplotlib, no browser) or, for a .svg path, the SVG of ``coverage_map_svg``."""
    path = Path(path)
    if path.suffix.lower() == ".svg":
        path.write_text(coverage_map_svg(rows, level=level, era=era, within=within, title=title), encoding="utf-8")
        return path
    if path.suffix.lower() != ".png":
        raise ValueError(f"map image must be .png or .svg, not '{path.suffix}'")
    import matplotlib
    from matplotlib.collections import PathCollection
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle
    from matplotlib.path import Path as MplPath
    model = map_model(rows, level=level, era=era, within=within, title=title)

    def patches(paths: list[str]) -> list[MplPath]:
        out = []
        for d in paths:
            rings = _rings(d)
            vertices = [point for ring in rings for point in ring + [ring[0]]]
            codes = [code for ring in rings for code in
                     [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]]
            out.append(MplPath(vertices, codes))
        return out

    dpi = 100
    with matplotlib.rc_context({"font.family": "DejaVu Sans"}):
        figure = Figure(figsize=(model.width / dpi, model.total_height / dpi), dpi=dpi)
        total = model.total_height

        def top_down(px: float) -> float:          # figure fraction of a y in px from the top, as the SVG places it
            return 1 - px / total

        axes = figure.add_axes((0, top_down(TITLE_HEIGHT + model.height), 1, model.height / total))
        x, y, w, h = model.view_box
        axes.add_collection(PathCollection(patches(model.context), facecolors=CONTEXT_FILL, edgecolors=CONTEXT_STROKE,
                                           linewidths=0.4))
        axes.add_collection(PathCollection(patches([s.path for s in model.shapes]),
                                           facecolors=[s.fill for s in model.shapes], edgecolors="white",
                                           linewidths=model.stroke_px))
        if model.borders:
            axes.add_collection(PathCollection(patches(model.borders), facecolors="none", edgecolors=BORDER,
                                               linewidths=0.8))
        if model.focus:
            axes.add_collection(PathCollection(patches([model.focus]), facecolors="none", edgecolors="black",
                                               linewidths=1.6))
        for label in model.labels:
            axes.text(label.x, label.y, label.text, fontsize=LABEL_PX * 0.75, ha="center", va="center",
                      path_effects=_halo())
        axes.set_xlim(x, x + w)
        axes.set_ylim(y + h, y)
        axes.set_aspect("equal")
        axes.axis("off")
        figure.text(6 / model.width, top_down(17), model.title, fontsize=11, weight="bold", va="center")
        for k, (colour, entry) in enumerate(model.legend):
            row = model.legend_top + k * LINE
            figure.patches.append(Rectangle((8 / model.width, top_down(row + 12)), 12 / model.width, 12 / total,
                                            facecolor=colour, edgecolor="#999999", linewidth=0.5,
                                            transform=figure.transFigure, figure=figure))
            figure.text(26 / model.width, top_down(row + 6), entry, fontsize=9, va="center")
        below = model.legend_top + len(model.legend) * LINE
        lines = [(counts_text(model), "#000000"), (text(f"map_era_{model.era}"), "#555555"),
                 (text("map_approximate"), "#555555")] + [(note, "#a50f15") for note in model.notes]
        for k, (line, colour) in enumerate(lines):
            figure.text(8 / model.width, top_down(below + 8 + k * LINE), line, fontsize=8.5, color=colour,
                        va="center")
        figure.savefig(path, dpi=dpi)
    return path


def _halo() -> list:
    from matplotlib import patheffects
    return [patheffects.withStroke(linewidth=2.5, foreground="white")]
