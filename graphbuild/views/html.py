"""The interactive page: Jinja2 templates (``templates/*.html``, autoescaped) filled with the view's data, with
vis-network and the page's own CSS and JS (``static/``) inlined, so that one file opens offline and refers to
nothing outside itself.

Every text of a document reaches the page either escaped by the template or inside the page's JSON data, which
``json_for_script`` writes so that it cannot close its ``<script>`` element. The layout is computed in Python
(``layout``), so the same view gives byte-identical pages.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple, Optional, Union

import networkx as nx
from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..vocab import strip_accents
from .labels import band_label, clean, kind_label, level_label, relation_label, vn_date
from .layout import layered_layout
from .select import LEVELS, PAGE_BUDGET, collapse
from .style import (
    DX,
    DY,
    LEVEL_COLORS,
    NEUTRAL,
    STUB_FILL,
    EdgeStyle,
    band_nodes,
    default_title,
    edge_style,
    record,
    relations_in,
    summary_line,
    vis_edges,
    vis_node,
    vis_options,
)

EXPAND_COLUMNS = 8               # the documents of an expanded group: rows of at most this many, under its place
VIS_NETWORK = "vis-network"      # static/vis-network/: vis-network 9.1.2 and its licences (see README.txt there)


def json_for_script(value: Any) -> Markup:
    """JSON that is safe inside <script>: '<', '>', '&' and the JS line separators written as \\u escapes."""
    dumped = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(dumped.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                  .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([PackageLoader("graphbuild.views"), PackageLoader("graphbuild")]),
                      autoescape=select_autoescape(["html", "svg"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["json_for_script"] = json_for_script
    env.globals.update(level_label=level_label, relation_label=relation_label, vn_date=vn_date)
    return env


def static_text(name: str) -> str:
    """A file of ``static/``, checked to be safe to inline (it cannot close the element it is inlined in)."""
    content = resources.files("graphbuild.views").joinpath("static", *name.split("/")).read_text(encoding="utf-8")
    if re.search(r"</(script|style)", content, re.I):
        raise RuntimeError(f"static/{name} cannot be inlined safely")
    return content


@lru_cache(maxsize=None)
def assets(extra_css: Optional[str] = None) -> dict[str, Markup]:
    """The inlined parts of every page: vis-network's CSS (without its rules that embed images: the views use no
    navigation buttons) and JS, the page's CSS (and ``extra_css``, a file of ``static/``) and its script."""
    vis_css = static_text(f"{VIS_NETWORK}/vis-network.min.css")
    rules = re.findall(r"[^{}]+\{[^{}]*\}", vis_css)
    vis_css = "\n".join(rule.strip() for rule in rules if "data:" not in rule and "url(" not in rule)
    return {"vis_css": Markup(vis_css), "vis_js": Markup(static_text(f"{VIS_NETWORK}/vis-network.min.js")),
            "page_css": Markup(static_text("page.css")),
            "extra_css": Markup(static_text(extra_css) if extra_css else ""),
            "view_js": Markup(static_text("view.js"))}


def render(template: str, extra_css: Optional[str] = None, **context: Any) -> str:
    """A complete offline page from ``templates/TEMPLATE`` (which extends base.html)."""
    return environment().get_template(template).render(**assets(extra_css), **context)


# --- the view's data and legend ------------------------------------------------------------------------------------

def network_payload(view: nx.MultiDiGraph, root: Optional[str] = None,
                    full: Optional[nx.MultiDiGraph] = None) -> dict:
    """Everything the page script needs: vis-network nodes (the documents, then the bands' names) and edges,
    options, the record of every document, the bands and the horizontal extent of the drawing, the search index;
    when ``view`` is ``full`` collapsed, what expanding each group shows (``expansion``)."""
    root = root if root is not None else view.graph.get("root")
    positions, bands = layered_layout(view)
    order = sorted(view.nodes, key=lambda node: (positions[node][1], positions[node][0], node))
    node_xs = [position[0] * DX for position in positions.values()] or [0]
    labels_of_bands, left_edge = band_nodes(bands, node_xs)
    expand = expansion(view, full, positions, root) if full is not None and "member_of" in view.graph else None
    return {
        "nodes": [vis_node(view, node, positions[node], root) for node in order] + labels_of_bands,
        "edges": vis_edges(view, positions), "options": vis_options(view), "root": root if root in view else None,
        "records": {node: record(view, node) for node in order},
        "bands": [{"label": band_label(band.name), "top": round(band.top * DY, 1),
                   "bottom": round(band.bottom * DY, 1)} for band in bands],
        "extent": [round(left_edge, 1), max(node_xs)],
        "search": search_index(full if expand else view),
        "expand": expand,
    }


def search_index(view: nx.MultiDiGraph) -> list[list[str]]:
    """[[id, what is shown in a result, the text searched]…] of every document: symbol, title, issuer, locality,
    lower-cased and without accents (the page folds the query the same way: "hai phong" finds Hải Phòng)."""
    out = []
    for node, attrs in sorted(view.nodes(data=True)):
        if attrs.get("kind") == "group":
            continue
        shown = " · ".join(clean(part, 80) for part in (attrs.get("symbol") or attrs.get("title"),
                                                        attrs.get("locality"), vn_date(attrs.get("date"))) if part)
        searched = " ".join(str(attrs.get(key) or "") for key in ("symbol", "title", "issuer", "locality", "province"))
        out.append([node, shown or node, strip_accents(searched).lower()])
    return out


def expansion(shown: nx.MultiDiGraph, full: nx.MultiDiGraph, positions: dict, root: Optional[str]) -> dict:
    """What clicking a group shows in its place: its documents (vis nodes set in a grid under the group's place,
    their records) and every edge of the full view (ids f0, f1 …), which the page maps onto what is visible (a
    document, or the group it is still in)."""
    member_of = shown.graph["member_of"]
    groups: dict[str, list[str]] = {}
    for node in sorted(full.nodes, key=lambda n: (full.nodes[n].get("date") or "9999", full.nodes[n].get("symbol")
                                                  or "", n)):
        if member_of.get(node, node) != node:
            groups.setdefault(member_of[node], []).append(node)
    places = {node: positions[node] for node in shown.nodes}
    for group, members in groups.items():
        gx, gy = positions[group]
        columns = min(EXPAND_COLUMNS, len(members))
        for i, member in enumerate(members):
            places[member] = (gx + (i % columns - (columns - 1) / 2) * 0.9, gy + 0.55 * (i // columns))
    return {"groups": groups, "member_of": {m: g for g, members in groups.items() for m in members},
            "nodes": {m: vis_node(full, m, places[m], root) for members in groups.values() for m in members},
            "records": {m: record(full, m) for members in groups.values() for m in members},
            "edges": vis_edges(full, {n: places.get(n, (0.0, 0.0)) for n in full.nodes}, prefix="f")}


class LegendEntry(NamedTuple):
    label: str
    shape: str          # dot | square | diamond | hexagon | triangle
    fill: str
    stroke: str
    dashed: bool = False


def legend(view: nx.MultiDiGraph) -> dict[str, list]:
    """The legend's rows: colours by level, shapes by kind, the relations drawn (label and ``EdgeStyle``)."""
    levels = [LegendEntry(level_label(level), "dot", LEVEL_COLORS[level], LEVEL_COLORS[level])
              for level in LEVELS + ("unknown",)]
    kinds = [LegendEntry(kind_label("party"), "dot", NEUTRAL, NEUTRAL),
             LegendEntry(kind_label("state"), "square", NEUTRAL, NEUTRAL),
             LegendEntry(kind_label("news"), "diamond", LEVEL_COLORS["news"], LEVEL_COLORS["news"]),
             LegendEntry(kind_label("stub"), "dot", STUB_FILL, NEUTRAL, True),
             LegendEntry(kind_label("other"), "triangle", NEUTRAL, NEUTRAL)]
    if any(attrs.get("kind") == "group" for _, attrs in view.nodes(data=True)):
        kinds.append(LegendEntry(kind_label("group"), "hexagon", NEUTRAL, NEUTRAL))
    relations: list[tuple[str, EdgeStyle]] = [(relation_label(relation), edge_style(relation))
                                              for relation in relations_in(view)]
    return {"levels": levels, "kinds": kinds, "relations": relations}


def network_context(view: nx.MultiDiGraph, root: Optional[str] = None,
                    full: Optional[nx.MultiDiGraph] = None) -> dict[str, Any]:
    """What templates/_network.html draws: the data, the legend, what collapsing did (``full``: the view before,
    whose documents a click on a group shows)."""
    return {"payload": network_payload(view, root, full), "legend": legend(view),
            "collapsed": view.graph.get("collapsed")}


def write_html(view: nx.MultiDiGraph, path: Union[str, Path], title: Optional[str] = None,
               root: Optional[str] = None, budget: Optional[int] = PAGE_BUDGET) -> Path:
    """Write the view as one self-contained, offline HTML file (UTF-8) and return its path."""
    path = Path(path)
    title = title or default_title(view)
    shown = collapse(view, budget)
    page = render("view.html", title=title, summary=summary_line(shown), network=network_context(shown, root, view))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    return path
