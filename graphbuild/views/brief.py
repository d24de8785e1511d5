"""A briefing page for one document: who implemented it, where, and how fast.

    write_brief(graph_dir, doc_id, out_dir)  ->  out_dir/brief-44-kl-tw.html  (+ .png and .svg next to it)

One self-contained HTML page (templates/brief.html: offline, every document text escaped) with: the cascade view
(the implementation tree below the document, levels top-down), a table of the documents in it (symbol, type,
issuer, locality, level, date, lag in days from the document each one implements and from the root), coverage
(which provinces, districts and communes are seen implementing it, and which provinces are not: the rows of the
``coverage`` query, run on the graph's store, so the page and ``graphbuild query coverage`` agree; at the levels
below the document's own and within its unit), a timeline
chart as inline SVG, the coverage map of the first level counted (``coverage_map``, inline), and the static image of
the view saved next to the page for slides.
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Optional, Protocol, TypedDict, Union

import networkx as nx
from markupsafe import Markup

from ..dates import days_between
from ..extract.identity import slug
from ..query import find_in_graph, run_query
from ..vocab import gazetteer
from .coverage_map import coverage_map_image, coverage_map_svg
from .html import network_context, render
from .image import write_image
from .labels import level_label, text, vn_date
from .select import LEVELS, PAGE_BUDGET, collapse, province_of, select_view
from .style import LEVEL_COLORS, short_name, summary_line

if TYPE_CHECKING:
    from ..graph.resolve import Graph

LOCAL_LEVELS = LEVELS[1:]          # province, district, commune: the levels the coverage query counts units of
MAP_UNITS = 800                    # a level with more units (10,000 communes) gets no map: 2.4 MB of SVG in a page


class Store(Protocol):
    def run(self, cypher: str, params: Optional[dict] = None) -> list: ...


class Parent(TypedDict):
    id: str
    symbol: str
    relation: Optional[str]
    lag_days: Optional[int]


class DocumentRow(TypedDict):
    """One document of the cascade, as the table shows it."""
    id: str
    root: bool
    symbol: Optional[str]
    type: Optional[str]
    title: Optional[str]
    issuer: Optional[str]
    locality: Optional[str]
    province: Optional[str]
    level: Optional[str]
    date: Optional[str]
    stub: bool
    parents: list[Parent]          # the documents it implements, with the lag from each
    lag_days: Optional[int]        # the shortest of those lags
    lag_root: Optional[int]        # days after the root
    depth: Optional[int]           # hops to the root


def document_rows(view: nx.MultiDiGraph, root: str) -> list[DocumentRow]:
    """One row per document of the cascade, the root first, then by level (top-down), date and symbol."""
    root_date = view.nodes[root].get("date")
    hops = dict(nx.single_target_shortest_path_length(view, root)) if root in view else {}
    rows = []
    for node, attrs in view.nodes(data=True):
        parents = [Parent(id=target, symbol=short_name(view, target), relation=edge.get("relation"),
                          lag_days=edge.get("lag_days"))
                   for _, target, _, edge in sorted(view.out_edges(node, keys=True, data=True),
                                                    key=lambda out: (out[1], out[2]))]
        lags = [parent["lag_days"] for parent in parents if parent["lag_days"] is not None]
        rows.append(DocumentRow(
            id=node, root=node == root, symbol=attrs.get("symbol"), type=attrs.get("type_name") or attrs.get("type"),
            title=attrs.get("title"), issuer=attrs.get("issuer"), locality=attrs.get("locality"),
            province=province_of(attrs), level=attrs.get("level"), date=attrs.get("date"),
            stub=bool(attrs.get("stub")), parents=parents, lag_days=min(lags) if lags else None,
            lag_root=days_between(attrs.get("date"), root_date) if node != root else None, depth=hops.get(node)))
    rows.sort(key=lambda row: (not row["root"], gazetteer.LEVEL_RANK.get(row["level"] or "", 9),
                               row["date"] or "9999", row["symbol"] or "", row["id"]))
    return rows


@dataclass
class Coverage:
    """The rows of the ``coverage`` query for one document, per level below its own (province, district, commune;
    no district in the 2025 list), in the administrative era of its date and within its own unit (a district's plan
    is measured against the communes of that district, not the 63 provinces)."""
    era: str
    rows: dict[str, list[dict]] = field(default_factory=dict)
    within: Optional[str] = None            # the unit the counts are within ("Kiến An, Hải Phòng"); None: the country
    within_id: Optional[str] = None         # its gazetteer id

    @property
    def levels(self) -> list[str]:
        return list(self.rows)

    def seen(self, level: str) -> list[str]:
        """The units seen implementing, named as the gazetteer labels them ("Kiến An, Hải Phòng")."""
        return [gazetteer.label(row["unit_id"]) or row["unit"] for row in self.rows.get(level, [])
                if row["status"] == "implemented"]

    def not_seen(self, level: str) -> list[str]:
        return [row["unit"] for row in self.rows.get(level, []) if row["status"] != "implemented"]

    def total(self, level: str) -> int:
        return len(self.rows.get(level, []))


def coverage(store: Store, doc_id: str, root_date: Optional[str] = None, root_level: Optional[str] = None,
             root_unit: Optional[str] = None) -> Coverage:
    """Run the ``coverage`` query for every local level below the document's (all three when it is central or of
    unknown level), in the era in force on ``root_date``, within the document's unit ``root_unit`` when it has one."""
    era = gazetteer.era_for(root_date)
    unit = gazetteer.unit(root_unit) if root_level in LOCAL_LEVELS else None
    if unit is not None and unit.era != era:
        unit = None                       # a unit of the other list cannot bound this era's units
    rank = gazetteer.LEVEL_RANK[unit.level] if unit else 0
    levels = [level for level in LOCAL_LEVELS if gazetteer.LEVEL_RANK[level] > rank
              and not (era == "2025" and level == "district")]
    params = {"id": doc_id, "era": era, "within": unit.id if unit else None}
    return Coverage(era, {level: run_query(store, "coverage", params={**params, "level": level}) for level in levels},
                    gazetteer.label(unit.id) if unit else None, unit.id if unit else None)


def with_lag(rows: list[dict], doc_date: Optional[str]) -> list[dict]:
    """Coverage rows with ``lag_days``: the days from the document's date to the unit's first implementing document
    (None for a unit not seen, or when either date is not known)."""
    return [row | {"lag_days": days_between(row.get("first_date"), doc_date)} for row in rows]


def coverage_maps(cover: Coverage, root_date: Optional[str], out_dir: Path, stem: str) -> list[dict[str, Any]]:
    """The coverage map of every level of ``cover`` with at most MAP_UNITS units, implemented units shaded by the
    days from the document to the unit's first implementing document: the inline SVG, and a PNG written next to the
    page for slides."""
    maps = []
    for level, rows in cover.rows.items():
        if not rows or len(rows) > MAP_UNITS:
            continue
        shaded = with_lag(rows, root_date)
        title = level_label(level) + (f" — {cover.within}" if cover.within else "")
        png = coverage_map_image(shaded, out_dir / f"{stem}-map-{level}.png", level=level, era=cover.era,
                                 within=cover.within_id, title=title)
        maps.append({"level": level, "png": png.name,
                     "svg": Markup(coverage_map_svg(shaded, level=level, era=cover.era, within=cover.within_id,
                                                    title=title))})
    return maps


def level_summary(rows: list[DocumentRow]) -> dict[str, Any]:
    """Implementing documents in all and by level, local ones of unknown locality, lags by level."""
    implementers = [row for row in rows if not row["root"]]
    lags: dict[str, list[int]] = defaultdict(list)
    for row in implementers:
        if row["lag_days"] is not None:
            lags[row["level"] or "unknown"].append(row["lag_days"])
    return {
        "implementers": len(implementers),
        "by_level": dict(Counter(row["level"] or "unknown" for row in implementers)),
        "unknown_locality": sum(1 for row in implementers if row["level"] in LOCAL_LEVELS and not row["locality"]),
        "lag_by_level": {level: {"count": len(values), "min": min(values), "median": sorted(values)[len(values) // 2],
                                 "max": max(values)} for level, values in lags.items()},
    }


def _short_title(row: Mapping[str, Any]) -> str:
    title = re.sub(r"\s+", " ", row.get("title") or "").strip()
    return (title[:60] + "…") if len(title) > 60 else (title or row["id"])


# --- the timeline --------------------------------------------------------------------------------------------------

def timeline(rows: list[DocumentRow], width: int = 1000) -> Optional[dict[str, Any]]:
    """The geometry of the timeline (templates/_timeline.html): one lane per level, year or month ticks, the root's
    date, a dot per dated document with a label where there is room. None when no document has a full date."""
    dated = [row for row in rows if row["date"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["date"])]
    if not dated:
        return None
    days = [Date.fromisoformat(row["date"] or "").toordinal() for row in dated]
    low, high = float(min(days)), float(max(days))
    if high - low < 30:
        low, high = low - 15, high + 15
    pad = (high - low) * 0.04
    low, high = low - pad, high + pad
    lanes = [level for level in LEVELS + ("unknown",) if any((row["level"] or "unknown") == level for row in dated)]
    left, right, top, lane_height = 130, 110, 28, 64
    axis_y = top + lane_height * len(lanes)

    def x_of(ordinal: float) -> float:
        return round(left + (ordinal - low) / (high - low) * (width - left - right), 1)

    out: dict[str, Any] = {
        "width": width, "height": axis_y + 40, "left": left, "right_x": width - right, "top": top, "axis_y": axis_y,
        "lanes": [{"label": level_label(level), "color": LEVEL_COLORS[level], "y": top + i * lane_height,
                   "height": lane_height, "fill": "#f1f4f8" if i % 2 == 0 else "#ffffff"}
                  for i, level in enumerate(lanes)],
        "ticks": [{"x": x_of(day.toordinal()), "label": label} for day, label in _ticks(low, high)],
        "root": None, "points": []}
    root = next((row for row in dated if row["root"]), None)
    if root:
        out["root"] = {"x": x_of(Date.fromisoformat(root["date"] or "").toordinal()), "symbol": root["symbol"] or "",
                       "date": vn_date(root["date"])}
    label_ends: dict[str, list[float]] = defaultdict(lambda: [-1e9] * 4)   # per lane, per slot: where a label ends
    for row, ordinal in sorted(zip(dated, days, strict=True), key=lambda pair: (pair[1], pair[0]["id"])):
        level = row["level"] or "unknown"
        x = x_of(ordinal)
        name = row["symbol"] or _short_title(row)[:18]
        slots = label_ends[level]
        slot = next((k for k in range(4) if slots[k] < x), None)
        labelled = slot is not None
        if slot is None:
            slot = min(range(4), key=lambda k: slots[k])
        if labelled:
            slots[slot] = x + 10 + 6.6 * len(name)
        out["points"].append({"x": x, "y": top + lanes.index(level) * lane_height + 12 + slot * 13, "name": name,
                              "fill": "#ffffff" if row["stub"] else LEVEL_COLORS[level], "stroke": LEVEL_COLORS[level],
                              "date": vn_date(row["date"]), "locality": row["locality"], "lag_days": row["lag_days"],
                              "labelled": labelled})
    return out


def _ticks(low: float, high: float) -> list[tuple[Date, str]]:
    """Years (at most about ten), or months when the span is under two years (at most twelve)."""
    first, last = Date.fromordinal(int(low)), Date.fromordinal(int(high))
    span_years = last.year - first.year
    if span_years >= 2:
        step = max(1, span_years // 10)
        return [(Date(year, 1, 1), str(year)) for year in range(first.year + 1, last.year + 1, step)]
    ticks = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = Date(year, month, 1)
        if day.toordinal() > high:
            break
        ticks.append((day, f"{month:02d}/{year}"))
    if len(ticks) > 12:
        ticks = ticks[::(len(ticks) + 11) // 12]
    return ticks


# --- the page ------------------------------------------------------------------------------------------------------

def write_brief(graph: Union["Graph", str, Path], doc_id: str, out_dir: Union[str, Path],
                title: Optional[str] = None, budget: Optional[int] = PAGE_BUDGET,
                store: Optional[Store] = None) -> Path:
    """Write the briefing page for ``doc_id`` into ``out_dir`` (with the cascade image next to it); return the page.

    ``graph`` is a built graph's folder (its store gives the coverage rows) or a graph in memory; for the latter,
    ``store`` is the store built from it, and without one the graph is written to a temporary embedded store, so
    that coverage always comes from the same query."""
    if isinstance(graph, (str, Path)):
        from ..graph.files import load_graph
        from ..stores.ladybug import EmbeddedStore
        graph_dir = Path(graph)
        with EmbeddedStore(graph_dir) as own_store:
            return write_brief(load_graph(graph_dir), doc_id, out_dir, title, budget, own_store)
    if store is None:
        from ..stores.ladybug import EmbeddedStore, write
        with tempfile.TemporaryDirectory(prefix="graphbuild-brief-") as scratch:
            write(graph, Path(scratch))
            with EmbeddedStore(Path(scratch)) as own_store:
                return write_brief(graph, doc_id, out_dir, title, budget, own_store)
    if doc_id not in graph.documents:
        doc_id = find_in_graph(graph, doc_id)
    view = select_view(graph, "cascade", doc_id)
    attrs = view.nodes[doc_id]
    name = attrs.get("symbol") or _short_title({"title": attrs.get("title"), "id": doc_id})
    title = title or text("brief_title", type=attrs.get("type_name") or "", name=name).replace("  ", " ").strip()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = "brief-" + (slug(name) or "document")
    png = write_image(view, out_dir / f"{stem}.png", title)
    svg = write_image(view, out_dir / f"{stem}.svg", title)
    rows = document_rows(view, doc_id)
    shown = collapse(view, budget)
    about = " · ".join(part for part in (attrs.get("type_name"), attrs.get("issuer"), vn_date(attrs.get("date")),
                                         level_label(attrs.get("level")) if attrs.get("level") else None) if part)
    cover = coverage(store, doc_id, attrs.get("date"), attrs.get("level"), attrs.get("locality_id"))
    page = render("brief.html", extra_css="brief.css", title=title, about=about, subject_title=attrs.get("title"),
                  summary=level_summary(rows), coverage=cover,
                  maps=coverage_maps(cover, attrs.get("date"), out_dir, stem),
                  levels=LEVELS + ("unknown",),
                  view_summary=summary_line(shown), images=[png.name, svg.name],
                  network=network_context(shown, doc_id, view), rows=rows, short_title=_short_title,
                  timeline=timeline(rows))
    path = out_dir / f"{stem}.html"
    path.write_text(page, encoding="utf-8")
    return path
