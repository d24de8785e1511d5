"""How a node or an edge looks: colour (by level), shape (by kind), size (by citations), label, tooltip, the record
shown on click, and the vis-network node and edge objects built from them, the same for the HTML page and for the
pyvis network of a notebook. The words come from ``labels``."""
from __future__ import annotations

import json
import math
import textwrap
from typing import Any, NamedTuple, Optional

import networkx as nx

from ..models import RELATIONS
from .labels import band_label, clean, labels, level_label, relation_label, text, vn_date
from .layout import Band, Position, edge_bend
from .select import band_of

LEVEL_COLORS = {"central": "#c62828", "province": "#1565c0", "district": "#2e7d32", "commune": "#8e24aa",
                "unknown": "#757575", "news": "#ef6c00"}
STUB_FILL = "#ffffff"
NEUTRAL = "#607d8b"           # the colour of the legend's shape samples
KIND_SHAPES = {"party": "dot", "state": "square", "news": "diamond", "group": "hexagon", "other": "triangle"}
FONT_FACE = "DejaVu Sans, Noto Sans, Arial, sans-serif"
DX, DY = 200, 150            # pixels between columns / rows in the HTML view


class EdgeStyle(NamedTuple):
    color: str
    dashed: bool
    width: float


RELATION_STYLE = {
    "IMPLEMENTS": EdgeStyle("#37474f", False, 2.0), "CONTINUES": EdgeStyle("#00796b", False, 2.0),
    "BASED_ON": EdgeStyle("#1e88e5", False, 1.5), "GUIDES": EdgeStyle("#00acc1", False, 1.5),
    "AMENDS": EdgeStyle("#6a1b9a", False, 1.5), "REPLACES": EdgeStyle("#6a1b9a", False, 1.5),
    "REPEALS": EdgeStyle("#6a1b9a", False, 1.5), "CORRECTS": EdgeStyle("#6a1b9a", True, 1.2),
    "REVIEWS": EdgeStyle("#7cb342", False, 1.5), "PROMULGATES": EdgeStyle("#6d4c41", False, 1.5),
    "CITES": EdgeStyle("#9e9e9e", True, 1.0), "REPORTS": EdgeStyle("#ef6c00", True, 1.0),
}
OTHER_RELATION = EdgeStyle("#9e9e9e", True, 1.0)


def edge_style(relation: Optional[str]) -> EdgeStyle:
    return RELATION_STYLE.get(relation or "", OTHER_RELATION)


def relations_in(view: nx.MultiDiGraph) -> list[str]:
    """The relations of the view's edges, in the order of ``RELATIONS``."""
    return sorted({attrs.get("relation") for _, _, attrs in view.edges(data=True)} - {None},
                  key=lambda relation: RELATIONS.index(relation) if relation in RELATIONS else 99)


# --- nodes ---------------------------------------------------------------------------------------------------------

def node_kind(attrs: dict) -> str:
    """party | state | news | group | other (the shape); stubs are drawn with a dashed border."""
    for look, field in (("news", "kind"), ("group", "kind"), ("party", "system"), ("state", "system")):
        if attrs.get(field) == look:
            return look
    return "other"


def node_label(attrs: dict, node: str) -> str:
    """Symbol (or a short title) and date, on two lines; a group says its place and size."""
    if attrs.get("kind") == "group":
        place = attrs.get("locality") or level_label(attrs.get("level"))
        return f"{place}\n{text('documents', count=attrs.get('count', 0))}"
    if attrs.get("symbol"):
        name = attrs["symbol"]
    elif attrs.get("kind") == "news":
        name = text("news_label", title=clean(attrs.get("title"), 26))
    else:
        name = clean(" ".join(part for part in (attrs.get("type_name") or attrs.get("type"), attrs.get("title"))
                              if part), 30) or node
    date = vn_date(attrs.get("date"))
    return f"{name}\n{date}" if date else name


def short_name(view: nx.MultiDiGraph, node: str) -> str:
    """The symbol, else the first line of the node's label."""
    attrs = view.nodes[node]
    return attrs.get("symbol") or node_label(attrs, node).split("\n")[0]


def wrap_label(label: str, width: int = 20) -> str:
    return "\n".join(piece for line in label.split("\n") for piece in (textwrap.wrap(line, width) or [""]))


def node_size(attrs: dict) -> float:
    if attrs.get("kind") == "group":
        return round(14 + 5 * math.sqrt(attrs.get("count") or 1), 1)
    return round(min(42.0, 12 + 5 * math.sqrt(attrs.get("cited_by_count") or 0)), 1)


def node_colors(attrs: dict) -> dict:
    color = LEVEL_COLORS[band_of(attrs)]
    fill = STUB_FILL if attrs.get("stub") else color
    return {"background": fill, "border": color, "highlight": {"background": fill, "border": "#000000"},
            "hover": {"background": fill, "border": "#000000"}}


def _evidence_for(view: nx.MultiDiGraph, node: str) -> Optional[dict]:
    """The sentence that ties the node into the view: its own statement about what it acts on, else what cites it."""
    for _, _, _, attrs in sorted(view.out_edges(node, keys=True, data=True), key=lambda edge: (edge[2], edge[1])):
        if attrs.get("evidence"):
            return attrs["evidence"][0]
    for _, _, _, attrs in sorted(view.in_edges(node, keys=True, data=True), key=lambda edge: (edge[2], edge[0])):
        if attrs.get("evidence"):
            return attrs["evidence"][0]
    return None


def tooltip(view: nx.MultiDiGraph, node: str) -> str:
    attrs = view.nodes[node]
    if attrs.get("kind") == "group":
        lines = [f"{attrs.get('locality') or text('group')} · {level_label(attrs.get('level'))}",
                 text("group_counts", count=attrs.get("count"), stubs=attrs.get("stubs", 0))]
        if attrs.get("date"):
            lines.append(text("group_dates", first=vn_date(attrs["date"]), last=vn_date(attrs.get("date_last"))))
        lines.append(text("group_members", members=clean(", ".join(attrs.get("members") or []), 240)))
        return "\n".join(lines)
    head = attrs.get("symbol") or text("news" if attrs.get("kind") == "news" else "no_symbol")
    lines = [head, " · ".join(part for part in (attrs.get("type_name") or attrs.get("type"),
                                                 level_label(attrs.get("level")) if attrs.get("level") else None)
                              if part)]
    if attrs.get("title"):
        lines.append(text("tip_title", title=clean(attrs["title"], 220)))
    if attrs.get("issuer"):
        lines.append(text("tip_issuer", issuer=clean(attrs["issuer"], 120)))
    if attrs.get("date"):
        lines.append(text("tip_date_inferred" if attrs.get("date_inferred") else "tip_date",
                          date=vn_date(attrs["date"])))
    if attrs.get("locality"):
        lines.append(text("tip_locality", locality=attrs["locality"]))
    if attrs.get("stub"):
        lines.append(text("tip_stub"))
    evidence = _evidence_for(view, node)
    if evidence and evidence.get("text"):
        lines.append(text("tip_evidence", text=clean(evidence["text"], 300)))
    return "\n".join(line for line in lines if line)


# --- edges ---------------------------------------------------------------------------------------------------------

def edge_label(attrs: dict) -> str:
    count = attrs.get("count", 1)
    return relation_label(attrs.get("relation")) + (f" ×{count}" if count > 1 else "")


def edge_tooltip(view: nx.MultiDiGraph, source: str, target: str, attrs: dict) -> str:
    relation = attrs.get("relation")
    lines = [f"{short_name(view, source)} {relation_label(relation)} {short_name(view, target)} ({relation})"]
    if attrs.get("count", 1) > 1:
        lines.append(text("edge_count", count=attrs["count"]))
    if attrs.get("lag_days") is not None:
        lag = f"{attrs['lag_days']}"
        if attrs.get("lag_max") not in (None, attrs["lag_days"]):
            lag += f"–{attrs['lag_max']}"
        lines.append(text("edge_lag", lag=lag))
    if attrs.get("confidence") is not None:
        lines.append(text("edge_confidence", confidence=attrs["confidence"]))
    for evidence in (attrs.get("evidence") or [])[:2]:
        if evidence.get("text"):
            lines.append("“" + clean(evidence["text"], 300) + "”")
    return "\n".join(lines)


# --- the record shown in the side panel ----------------------------------------------------------------------------

def _shown(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return labels()["yes_no"]["yes" if value else "no"]
    if key == "level":
        return level_label(value)
    if key == "system":
        return labels()["system"].get(value, str(value))
    if key in ("date", "date_last"):
        return f"{vn_date(value)} ({value})"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _link(view: nx.MultiDiGraph, arrow: str, other: str, attrs: dict) -> dict:
    head = f"{arrow} {short_name(view, other)}: {relation_label(attrs.get('relation'))}"
    if attrs.get("count", 1) > 1:
        head += f" ×{attrs['count']}"
    if attrs.get("lag_days") is not None:
        head = text("link_lag", head=head, lag=attrs["lag_days"])
    return {"head": head, "node": other,
            "evidence": [clean(evidence.get("text")) + (f" [{evidence.get('file')}]" if evidence.get("file") else "")
                         for evidence in (attrs.get("evidence") or []) if evidence.get("text")]}


def record(view: nx.MultiDiGraph, node: str) -> dict:
    """{"rows": [[field label, value]…], "links": [{"head", "node", "evidence"}…]}: every field of the node (the
    known ones first, in the table's order), then its edges in the view."""
    attrs = view.nodes[node]
    field_labels = {key: label for key, label in labels()["field"].items() if key != "id"}
    empty: tuple = (None, "", [], {})
    rows = [[label, _shown(key, attrs[key])] for key, label in field_labels.items()
            if attrs.get(key) not in empty and not (key == "stub" and attrs.get("kind") == "group")]
    rows += [[key, _shown(key, value)] for key, value in sorted(attrs.items())
             if key not in field_labels and value not in empty]
    rows.append([labels()["field"]["id"], node])
    links = [_link(view, "→", target, attrs)
             for _, target, _, attrs in sorted(view.out_edges(node, keys=True, data=True),
                                               key=lambda edge: (edge[1], edge[2]))]
    links += [_link(view, "←", source, attrs)
              for source, _, _, attrs in sorted(view.in_edges(node, keys=True, data=True),
                                                key=lambda edge: (edge[0], edge[2]))]
    return {"rows": rows, "links": links}


# --- vis-network objects -------------------------------------------------------------------------------------------

def vis_node(view: nx.MultiDiGraph, node: str, position: Position, root: Optional[str]) -> dict:
    """The vis-network node: label, shape, colours, size, tooltip, fixed position (pixels)."""
    attrs = view.nodes[node]
    out = {"id": node, "label": node_label(attrs, node), "shape": KIND_SHAPES[node_kind(attrs)],
           "title": tooltip(view, node), "x": round(position[0] * DX, 1), "y": round(position[1] * DY, 1),
           "size": node_size(attrs), "color": node_colors(attrs), "borderWidth": 4 if node == root else 2,
           "font": {"size": 15 if node == root else 13, "color": "#1f2328", "strokeWidth": 3,
                    "strokeColor": "#ffffff"}}
    if attrs.get("stub"):
        out["shapeProperties"] = {"borderDashes": [5, 4]}
    return out


def vis_edges(view: nx.MultiDiGraph, positions: dict[str, Position], prefix: str = "e") -> list[dict]:
    """The vis-network edges (ids e0, e1 … in a stable order), bent as ``layout.edge_bend`` says."""
    many = view.number_of_edges() > 400
    out = []
    for i, (source, target, _, attrs) in enumerate(sorted(view.edges(keys=True, data=True),
                                                          key=lambda edge: (edge[0], edge[1], edge[2]))):
        style = edge_style(attrs.get("relation"))
        bend = edge_bend(positions, source, target)
        smooth = ({"enabled": True, "type": "curvedCW" if bend > 0 else "curvedCCW", "roundness": abs(bend)} if bend
                  else {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.35})
        count = attrs.get("count", 1)
        # the label is drawn on hover only (static/view.js): fifty "thực hiện" over one another read as none
        out.append({"id": f"{prefix}{i}", "from": source, "to": target, "arrows": "to",
                    "hover_label": edge_label(attrs), "relation": attrs.get("relation"),
                    "title": edge_tooltip(view, source, target, attrs), "dashes": style.dashed,
                    "smooth": False if many else smooth,
                    "width": round(style.width + (math.log(count, 2) if count > 1 else 0), 2),
                    "color": {"color": style.color, "highlight": "#000000", "hover": "#000000"}})
    return out


def band_nodes(bands: list[Band], node_xs: list[float]) -> tuple[list[dict], float]:
    """The bands' names as fixed text nodes left of the documents (so "fit" shows them too), and the left edge of
    the drawing in pixels."""
    font_size = max(24, round((max(node_xs) - min(node_xs)) / 45))
    left_edge = min(node_xs)
    out = []
    for band in bands:
        name = band_label(band.name)
        half = 0.31 * font_size * len(name)          # about half the text's width
        x = min(node_xs) - 0.7 * DX - half
        left_edge = min(left_edge, x - half - 30)
        out.append({"id": f"band:{band.name}", "label": name, "shape": "text", "fixed": True, "chosen": False,
                    "x": round(x, 1), "y": round((band.top + 0.5) * DY, 1),
                    "font": {"size": font_size, "color": "#44505c", "strokeWidth": 0}})
    return out, left_edge


def vis_options(view: nx.MultiDiGraph) -> dict:
    """vis-network options: no physics (positions are fixed), hover tooltips, straight edges past 400 of them."""
    many = view.number_of_edges() > 400
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": many, "dragNodes": True},
        "nodes": {"borderWidth": 2, "font": {"face": FONT_FACE}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": False if many else {"type": "cubicBezier", "forceDirection": "vertical",
                                                "roundness": 0.35},
                  "font": {"size": 11, "align": "horizontal", "strokeWidth": 4, "strokeColor": "#ffffff",
                           "color": "#37474f", "face": FONT_FACE}},
    }


# --- what the view is ----------------------------------------------------------------------------------------------

def default_title(view: nx.MultiDiGraph) -> str:
    name_of_view = view.graph.get("view")
    root = view.graph.get("root")
    attrs = view.nodes[root] if root in view else {}
    name = attrs.get("symbol") or clean(attrs.get("title"), 60) or root or ""
    head = labels()["view"].get(name_of_view, name_of_view or text("graph"))
    if name_of_view == "locality" and view.graph.get("locality"):
        return f"{head}: {view.graph['locality']}"
    return f"{head}: {name}" if name else head


def summary_line(view: nx.MultiDiGraph) -> str:
    """What the view holds and how it was chosen, one line: counts, relations, depth, dates, locality."""
    info = view.graph
    name_of_view = info.get("view")
    bits = [labels()["view"].get(name_of_view, name_of_view or "")] if name_of_view else []
    collapsed = info.get("collapsed")
    bits.append(text("summary_counts",
                     documents=collapsed["original_nodes"] if collapsed else view.number_of_nodes(),
                     relations=collapsed["original_edges"] if collapsed else view.number_of_edges()))
    if info.get("relations") and name_of_view:
        bits.append(text("summary_relations", relations=", ".join(relation_label(r) for r in info["relations"])))
    if info.get("depth") is not None:
        bits.append(text("summary_depth", depth=info["depth"]))
    if info.get("since") or info.get("until"):
        bits.append(text("summary_dates", since=vn_date(info.get("since")) or "…",
                         until=vn_date(info.get("until")) or "…"))
    if info.get("locality"):
        bits.append(text("summary_locality", locality=info["locality"]))
    return " · ".join(bits)
