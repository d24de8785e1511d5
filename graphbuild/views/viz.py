"""Graph views: a bounded subgraph around one document, drawn as one offline HTML file or a static image.

    G = select(graph, "cascade", doc_id)          # lineage | cascade | locality | ego
    write_html(G, "cascade.html", "Cây thực hiện 44-KL/TW")
    write_image(G, "cascade.png", "Cây thực hiện 44-KL/TW")      # .png or .svg, no browser needed

Views (edges point from a document to the one it acts on: "706/UBND-KGVX thực hiện 84-KH/TU"):
- ``lineage``: what the document implements or rests on, up to the roots (IMPLEMENTS, CONTINUES, BASED_ON outwards).
- ``cascade``: the implementation tree below it (IMPLEMENTS, CONTINUES inwards), the document included.
- ``locality``: what one locality issued (documents whose locality contains the name; default the document's own)
  and what those documents implement (IMPLEMENTS, CONTINUES outwards, up to the roots).
- ``ego``: ``depth`` hops (default 2) around the document, both directions, every relation.
``relations`` replaces the relations a view follows; ``since``/``until`` drop documents dated outside the range
(undated ones stay); ``locality`` (for the other views) keeps documents of that locality and central ones.
The chosen document is always kept.

The HTML is one self-contained file: vis-network (shipped with pyvis) inlined, no link to any remote resource,
all document text escaped (inside inlined JSON too), positions computed here (levels top-down, then by date), so
the same input gives byte-identical output. Past ``budget`` nodes (default 1500) documents are collapsed into
group nodes by locality (or province, or level), and the page says so.
"""
from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict, deque
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

import networkx as nx

from ..models import RELATIONS

VIEWS = ("lineage", "cascade", "locality", "ego")
LINEAGE_RELATIONS = ("IMPLEMENTS", "CONTINUES", "BASED_ON")
CASCADE_RELATIONS = ("IMPLEMENTS", "CONTINUES")
VIEW_RELATIONS = {"lineage": LINEAGE_RELATIONS, "cascade": CASCADE_RELATIONS, "locality": CASCADE_RELATIONS,
                  "ego": RELATIONS}
LEVELS = ("central", "province", "district", "commune")
BANDS = LEVELS + ("unknown", "news")
DEFAULT_BUDGET = 1500

LEVEL_COLORS = {"central": "#c62828", "province": "#1565c0", "district": "#2e7d32", "commune": "#8e24aa",
                "unknown": "#757575", "news": "#ef6c00"}
STUB_FILL = "#ffffff"
KIND_SHAPES = {"party": "dot", "state": "square", "news": "diamond", "group": "hexagon", "other": "triangle"}
MPL_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "hexagon": "h", "triangle": "^"}
RELATION_STYLE = {   # colour, dashes (vis), width
    "IMPLEMENTS": ("#37474f", False, 2.0), "CONTINUES": ("#00796b", False, 2.0),
    "BASED_ON": ("#1e88e5", False, 1.5), "GUIDES": ("#00acc1", False, 1.5),
    "AMENDS": ("#6a1b9a", False, 1.5), "REPLACES": ("#6a1b9a", False, 1.5), "REPEALS": ("#6a1b9a", False, 1.5),
    "CORRECTS": ("#6a1b9a", True, 1.2), "REVIEWS": ("#7cb342", False, 1.5),
    "PROMULGATES": ("#6d4c41", False, 1.5), "CITES": ("#9e9e9e", True, 1.0), "REPORTS": ("#ef6c00", True, 1.0),
}
DX, DY = 200, 150            # pixels between columns / rows in the HTML view


# --- labels --------------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def labels() -> dict:
    """{"relation": {...}, "level": {...}, "kind": {...}, "view": {...}} from vocab/relation_labels.tsv."""
    out: dict = defaultdict(dict)
    path = Path(__file__).parent.parent / "vocab" / "relation_labels.tsv"
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            group, key, label = line.split("\t")[:3]
            out[group][key] = label
    return dict(out)


def relation_label(rel: Optional[str]) -> str:
    return labels()["relation"].get(rel or "", (rel or "").lower())


def level_label(level: Optional[str]) -> str:
    return labels()["level"].get(level or "unknown", labels()["level"]["unknown"])


def vn_date(d: Optional[str]) -> str:
    """'2022-11-14' -> '14/11/2022'."""
    if not d:
        return ""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(d)[:10])
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else str(d)


def _clean(s, limit: Optional[int] = None) -> str:
    s = re.sub(r"\s+", " ", str(s or "")).strip()
    if limit and len(s) > limit:
        s = s[:limit - 1].rstrip() + "…"
    return s


# --- finding the document ------------------------------------------------------------------------------------------

def find_doc(graph, ref: str) -> str:
    """One document id for ``ref`` in an in-memory graph (see ``query.find_in_graph``)."""
    from ..query.runner import find_in_graph
    return find_in_graph(graph, ref)


# --- selection -----------------------------------------------------------------------------------------------------

def _relations(relations, default) -> tuple:
    if relations is None:
        return tuple(default)
    if isinstance(relations, str):
        relations = [r for r in re.split(r"[,\s|]+", relations) if r]
    out = []
    for r in relations:
        r = r.strip().upper()
        if r not in RELATIONS:
            raise ValueError(f"unknown relation '{r}' (known: {', '.join(RELATIONS)})")
        out.append(r)
    return tuple(dict.fromkeys(out))


def _fold_plain(s: str) -> str:
    from ..vocab import fold, strip_accents
    return strip_accents(fold(s or ""))


def locality_matches(doc: dict, name: str) -> bool:
    """The document's locality string contains ``name`` (any case, with or without accents)."""
    loc = doc.get("locality") or ""
    return bool(name) and bool(loc) and _fold_plain(name) in _fold_plain(loc)


def _date_bound(value, upper: bool) -> Optional[str]:
    if value is None or value == "":
        return None
    s = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    s = s[:10]
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", s):
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if upper and len(s) == 4:
        s += "-12-31"
    elif upper and len(s) == 7:
        s += "-31"
    return s


def _walk(seeds: Iterable[str], step, depth: Optional[int]) -> set:
    seen = set(seeds)
    frontier = deque((s, 0) for s in sorted(seen))
    while frontier:
        node, d = frontier.popleft()
        if depth is not None and d >= depth:
            continue
        for nxt in step(node):
            if nxt not in seen:
                seen.add(nxt)
                frontier.append((nxt, d + 1))
    return seen


def select(graph, view: str, doc_id: str, depth: Optional[int] = None, relations=None, since=None, until=None,
           locality: Optional[str] = None) -> nx.MultiDiGraph:
    """The subgraph of one view (see the module docstring) as a MultiDiGraph: nodes carry the document fields,
    edges (key = relation) carry relation, lag_days and evidence; ``G.graph`` says view, root and filters."""
    if isinstance(graph, (str, Path)):
        from ..graph.files import load_graph
        graph = load_graph(graph)
    if view not in VIEWS:
        raise ValueError(f"unknown view '{view}' (views: {', '.join(VIEWS)})")
    if doc_id not in graph.documents:
        doc_id = find_doc(graph, doc_id)
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    rels = _relations(relations, VIEW_RELATIONS[view])
    out_adj: dict = defaultdict(set)
    in_adj: dict = defaultdict(set)
    for e in graph.edges:
        if e.get("relation") in rels and e["source"] in graph.documents and e["target"] in graph.documents:
            out_adj[e["source"]].add(e["target"])
            in_adj[e["target"]].add(e["source"])
    root = graph.documents[doc_id]
    place = None
    if view == "lineage":
        nodes = _walk([doc_id], lambda n: out_adj.get(n, ()), depth)
    elif view == "cascade":
        nodes = _walk([doc_id], lambda n: in_adj.get(n, ()), depth)
    elif view == "ego":
        nodes = _walk([doc_id], lambda n: out_adj.get(n, set()) | in_adj.get(n, set()), 2 if depth is None else depth)
    else:
        place = locality or root.get("locality")
        if not place:
            raise ValueError(f"{root.get('symbol') or doc_id} has no known locality: give locality=NAME")
        seeds = {k for k, d in graph.documents.items() if locality_matches(d, place)} | {doc_id}
        nodes = _walk(seeds, lambda n: out_adj.get(n, ()), depth)
    lo, hi = _date_bound(since, False), _date_bound(until, True)

    def keep(n: str) -> bool:
        if n == doc_id:
            return True
        d = graph.documents[n]
        date = d.get("date")
        if date and ((lo and date < lo) or (hi and date > hi)):
            return False
        if locality and view != "locality":
            return d.get("level") == "central" or locality_matches(d, locality)
        return True

    kept = sorted(n for n in nodes if keep(n))
    G = nx.MultiDiGraph(view=view, root=doc_id, relations=list(rels), depth=depth, since=lo, until=hi,
                        locality=place or locality)
    for n in kept:
        G.add_node(n, **{k: v for k, v in graph.documents[n].items() if k != "id"})
    kset = set(kept)
    for e in sorted(graph.edges, key=lambda e: (e["source"], e["target"], e.get("relation") or "")):
        if e.get("relation") in rels and e["source"] in kset and e["target"] in kset:
            G.add_edge(e["source"], e["target"], key=e["relation"],
                       **{k: v for k, v in e.items() if k not in ("source", "target")})
    return G


def default_title(G: nx.MultiDiGraph) -> str:
    view = G.graph.get("view")
    root = G.graph.get("root")
    a = G.nodes[root] if root in G else {}
    name = a.get("symbol") or _clean(a.get("title"), 60) or root or ""
    head = labels()["view"].get(view, view or "Đồ thị")
    if view == "locality" and G.graph.get("locality"):
        return f"{head}: {G.graph['locality']}"
    return f"{head}: {name}" if name else head


# --- collapsing big graphs -----------------------------------------------------------------------------------------

def _band(a: dict) -> str:
    if a.get("kind") == "news":
        return "news"
    lvl = a.get("level")
    return lvl if lvl in LEVELS else "unknown"


def _province(a: dict) -> Optional[str]:
    if a.get("province"):
        return a["province"]
    loc = a.get("locality")
    return loc.split(",")[-1].strip() if loc else None


def collapse(G: nx.MultiDiGraph, budget: Optional[int] = DEFAULT_BUDGET) -> nx.MultiDiGraph:
    """``G`` itself when it has at most ``budget`` nodes; otherwise a graph where documents other than the root
    (and central ones, when few) are grouped by level and locality, else by level and province, else by level,
    whichever first fits the budget. Group nodes carry ``count`` and ``members``; edges between groups carry
    ``count``; ``graph["collapsed"]`` says what was done."""
    n = G.number_of_nodes()
    if not budget or n <= budget:
        return G
    root = G.graph.get("root")
    keep = {root} if root in G else set()
    central = sorted(x for x, a in G.nodes(data=True) if a.get("level") == "central" and a.get("kind") != "group")
    if len(central) + len(keep) <= budget // 2:
        keep |= set(central)
    keyers = (("locality", lambda a: (_band(a), a.get("locality") or "")),
              ("province", lambda a: (_band(a), _province(a) or "")),
              ("level", lambda a: (_band(a), "")))
    for by, keyer in keyers:
        groups: dict = defaultdict(list)
        for x, a in G.nodes(data=True):
            if x not in keep:
                groups[keyer(a)].append(x)
        if len(keep) + len(groups) <= budget:
            break
    if len(keep) + len(groups) > budget:           # even one group per level does not fit: keep only the root
        keep = {root} if root in G else set()
        groups = defaultdict(list)
        for x, a in G.nodes(data=True):
            if x not in keep:
                groups[(_band(a), "")].append(x)
        by = "level"
    for key in [k for k, members in groups.items() if len(members) == 1]:     # a group of one stays itself
        keep.add(groups.pop(key)[0])
    H = nx.MultiDiGraph(**G.graph)
    member_of = {}
    for x in sorted(keep):
        H.add_node(x, **G.nodes[x])
        member_of[x] = x
    for (band, place), members in sorted(groups.items()):
        gid = f"group:{band}:{place}" if place else f"group:{band}"
        members = sorted(members, key=lambda m: (G.nodes[m].get("date") or "9999", G.nodes[m].get("symbol") or "", m))
        dates = [G.nodes[m].get("date") for m in members if G.nodes[m].get("date")]
        for m in members:
            member_of[m] = gid
        H.add_node(gid, kind="group", level=band if band in LEVELS else None, locality=place or None,
                   province=None, symbol=None, count=len(members), date=min(dates) if dates else None,
                   date_last=max(dates) if dates else None, stub=False,
                   stubs=sum(1 for m in members if G.nodes[m].get("stub")),
                   members=[G.nodes[m].get("symbol") or G.nodes[m].get("title") or m for m in members[:200]],
                   cited_by_count=0, title=f"{len(members)} văn bản")
    agg: dict = {}
    for u, v, k, a in G.edges(keys=True, data=True):
        gu, gv = member_of[u], member_of[v]
        if gu == gv and gu not in keep:
            H.nodes[gu]["internal_edges"] = H.nodes[gu].get("internal_edges", 0) + 1
            continue
        rec = agg.setdefault((gu, gv, k), {"relation": a.get("relation") or k, "count": 0, "lags": []})
        rec["count"] += 1
        if a.get("lag_days") is not None:
            rec["lags"].append(a["lag_days"])
        if rec["count"] == 1:
            rec["evidence"] = a.get("evidence") or []
    for (gu, gv, k), rec in sorted(agg.items()):
        lags = rec.pop("lags")
        ev = rec.pop("evidence", [])
        ev = ev if rec["count"] == 1 else []
        H.add_edge(gu, gv, key=k, evidence=ev, lag_days=min(lags) if lags else None,
                   lag_max=max(lags) if lags else None, **rec)
    H.graph["collapsed"] = {"by": by, "budget": budget, "original_nodes": n, "original_edges": G.number_of_edges(),
                            "nodes": H.number_of_nodes(), "groups": len(groups)}
    return H


# --- layout: levels top-down, then by date -------------------------------------------------------------------------

def _sort_key(G, n):
    a = G.nodes[n]
    return (a.get("date") or "9999-99-99", a.get("symbol") or a.get("locality") or "", n)


def layered_layout(G: nx.MultiDiGraph, wrap: Optional[int] = None):
    """Positions in grid units: bands central → province → district → commune (→ unknown level → news) from the top;
    inside a band a document sits below the documents of the same band it acts on; each row is ordered by date
    (wrapped when long) and placed under the documents it is linked to above it. Returns ({node: (x, y)},
    [(band, y_top, y_bottom)]), y growing downwards."""
    by_band: dict = defaultdict(list)
    for n, a in G.nodes(data=True):
        by_band[_band(a)].append(n)
    rows = []
    bands = []
    y = 0.0
    for band in BANDS:
        members = by_band.get(band)
        if not members:
            continue
        mset = set(members)
        D = nx.DiGraph()
        D.add_nodes_from(sorted(members))
        D.add_edges_from((u, v) for u, v in G.edges() if u in mset and v in mset and u != v)
        C = nx.condensation(D)
        sub_c: dict = {}
        for c in reversed(list(nx.topological_sort(C))):
            succ = list(C.successors(c))
            sub_c[c] = 1 + max(sub_c[s] for s in succ) if succ else 0
        sub = {n: sub_c[C.graph["mapping"][n]] for n in members}
        width = wrap or max(6, min(30, math.ceil(math.sqrt(len(members)) * 2.2)))
        top = y
        for level in sorted(set(sub.values())):
            row = sorted((n for n in members if sub[n] == level), key=lambda n: _sort_key(G, n))
            for i in range(0, len(row), width):
                rows.append((y, row[i:i + width]))
                y += 1
        bands.append((band, top - 0.5, y - 0.5))
        y += 0.5
    pos: dict = {}
    U = G.to_undirected(as_view=True)
    for ry, row in rows:
        desired = []
        for n in row:
            nb = sorted(pos[m][0] for m in U.neighbors(n) if m in pos)
            desired.append(sum(nb) / len(nb) if nb else None)
        xs: list = []
        for i, d in enumerate(desired):
            if d is None:
                nxt = next((e for e in desired[i:] if e is not None), None)
                d = xs[-1] + 1 if xs else (nxt - 1 if nxt is not None else 0.0)
            xs.append(max(d, xs[-1] + 1) if xs else d)
        pairs = [(d, x) for d, x in zip(desired, xs) if d is not None]
        if xs[-1] - xs[0] > 1.25 * (len(xs) - 1) + 2:      # date order fights the links: keep the row compact
            centre = sum(d for d, _ in pairs) / len(pairs)
            xs = [i - (len(xs) - 1) / 2 + centre for i in range(len(xs))]
            pairs = []
        shift = (sum(d - x for d, x in pairs) / len(pairs)) if pairs else 0.0
        if not any(d is not None for d in desired):
            shift = -(xs[0] + xs[-1]) / 2
        for n, x in zip(row, xs):
            pos[n] = (round(x + shift, 3), ry)
    return pos, bands


def edge_bend(pos: dict, u, v) -> float:
    """How much an edge bows sideways, signed (positive: clockwise from source to target, as vis "curvedCW"; the
    matplotlib arc takes the opposite sign). Straight between neighbouring rows; curved when it skips rows, so that
    it does not run through the documents in between, bowing outwards (away from the column of its target), and
    curved upwards when it stays in one row."""
    (x1, y1), (x2, y2) = pos[u], pos[v]
    span = abs(y1 - y2)
    if span == 0:
        return 0.3 if x1 < x2 else -0.3
    if span <= 1.51:                 # adjacent rows, possibly across the gap between two bands
        return 0.0
    bend = round(min(0.45, 0.12 * span), 3)
    upward = y1 > y2
    right = x1 > x2                  # the source lies right of the target: bow to the right
    return -bend if right == upward else bend


# --- node and edge styles ------------------------------------------------------------------------------------------

def node_kind(a: dict) -> str:
    """party | state | news | group | other (the shape); stubs are drawn with a dashed border."""
    if a.get("kind") in ("news", "group"):
        return a["kind"]
    return a.get("system") if a.get("system") in ("party", "state") else "other"


def node_label(a: dict, n: str) -> str:
    if a.get("kind") == "group":
        place = a.get("locality") or level_label(a.get("level"))
        return f"{place}\n{a.get('count', 0)} văn bản"
    if a.get("symbol"):
        main = a["symbol"]
    elif a.get("kind") == "news":
        main = "Tin: " + _clean(a.get("title"), 26)
    else:
        main = _clean(" ".join(x for x in (a.get("type_name") or a.get("type"), a.get("title")) if x), 30) or n
    d = vn_date(a.get("date"))
    return f"{main}\n{d}" if d else main


def _wrap_label(label: str, width: int = 20) -> str:
    import textwrap
    return "\n".join(w for line in label.split("\n") for w in (textwrap.wrap(line, width) or [""]))


def node_size(a: dict) -> float:
    if a.get("kind") == "group":
        return round(14 + 5 * math.sqrt(a.get("count") or 1), 1)
    return round(min(42.0, 12 + 5 * math.sqrt(a.get("cited_by_count") or 0)), 1)


def _evidence_for(G, n) -> Optional[dict]:
    """The sentence that ties the node into the view: its own statement about what it acts on, else what cites it."""
    for u, v, k, a in sorted(G.out_edges(n, keys=True, data=True), key=lambda x: (x[2], x[1])):
        if a.get("evidence"):
            return a["evidence"][0]
    for u, v, k, a in sorted(G.in_edges(n, keys=True, data=True), key=lambda x: (x[2], x[0])):
        if a.get("evidence"):
            return a["evidence"][0]
    return None


def tooltip(G, n) -> str:
    a = G.nodes[n]
    if a.get("kind") == "group":
        lines = [f"{a.get('locality') or 'Nhóm'} · {level_label(a.get('level'))}",
                 f"{a.get('count')} văn bản (gộp), {a.get('stubs', 0)} chỉ được dẫn chiếu"]
        if a.get("date"):
            lines.append(f"Từ {vn_date(a['date'])} đến {vn_date(a.get('date_last'))}")
        lines.append("Gồm: " + _clean(", ".join(a.get("members") or []), 240))
        return "\n".join(lines)
    head = a.get("symbol") or ("Tin tức" if a.get("kind") == "news" else "(không rõ số hiệu)")
    lines = [head]
    kind_bits = [a.get("type_name") or a.get("type"), level_label(a.get("level")) if a.get("level") else None]
    lines.append(" · ".join(x for x in kind_bits if x))
    if a.get("title"):
        lines.append("Trích yếu: " + _clean(a["title"], 220))
    if a.get("issuer"):
        lines.append("Cơ quan ban hành: " + _clean(a["issuer"], 120))
    if a.get("date"):
        lines.append("Ngày: " + vn_date(a["date"]) + (" (suy ra)" if a.get("date_inferred") else ""))
    if a.get("locality"):
        lines.append("Địa phương: " + a["locality"])
    if a.get("stub"):
        lines.append("Chỉ được dẫn chiếu: chưa có văn bản trong kho")
    ev = _evidence_for(G, n)
    if ev and ev.get("text"):
        lines.append("Căn cứ trích dẫn: “" + _clean(ev["text"], 300) + "”")
    return "\n".join(x for x in lines if x)


def edge_tooltip(G, u, v, a) -> str:
    su = G.nodes[u].get("symbol") or node_label(G.nodes[u], u).split("\n")[0]
    sv = G.nodes[v].get("symbol") or node_label(G.nodes[v], v).split("\n")[0]
    rel = a.get("relation")
    lines = [f"{su} {relation_label(rel)} {sv} ({rel})"]
    if a.get("count", 1) > 1:
        lines.append(f"{a['count']} quan hệ")
    if a.get("lag_days") is not None:
        lag = f"{a['lag_days']}" + (f"–{a['lag_max']}" if a.get("lag_max") not in (None, a["lag_days"]) else "")
        lines.append(f"Độ trễ: {lag} ngày")
    if a.get("confidence") is not None:
        lines.append(f"Độ tin cậy: {a['confidence']}")
    for ev in (a.get("evidence") or [])[:2]:
        if ev.get("text"):
            lines.append("“" + _clean(ev["text"], 300) + "”")
    return "\n".join(lines)


def _colors(a: dict) -> dict:
    col = LEVEL_COLORS[_band(a)]
    bg = STUB_FILL if a.get("stub") else col
    return {"background": bg, "border": col, "highlight": {"background": bg, "border": "#000000"},
            "hover": {"background": bg, "border": "#000000"}}


# --- the record shown in the side panel ----------------------------------------------------------------------------

FIELD_LABELS = (
    ("symbol", "Số hiệu"), ("type_name", "Loại văn bản"), ("type", "Mã loại"), ("title", "Trích yếu / tiêu đề"),
    ("issuer", "Cơ quan ban hành"), ("issuer_code", "Mã cơ quan"), ("date", "Ngày ban hành"),
    ("locality", "Địa phương"), ("province", "Tỉnh/Thành phố"), ("level", "Cấp"), ("system", "Hệ thống"),
    ("term", "Khóa"), ("number", "Số"), ("year", "Năm"), ("signer", "Người ký"), ("signer_role", "Chức vụ người ký"),
    ("kind", "Loại nút"), ("stub", "Chỉ được dẫn chiếu"), ("cited_by_count", "Số văn bản dẫn chiếu đến"),
    ("count", "Số văn bản trong nhóm"), ("stubs", "Trong đó chỉ được dẫn chiếu"), ("members", "Gồm"),
    ("internal_edges", "Quan hệ bên trong nhóm"), ("date_last", "Văn bản muộn nhất"),
    ("aliases", "Số hiệu khác"), ("recipients", "Nơi nhận"), ("file", "Tệp nguồn"), ("url", "Địa chỉ gốc"),
    ("mentioned_in", "Được nhắc trong"), ("locality_id", "Mã đơn vị hành chính"), ("date_inferred", "Ngày suy ra"),
)


def _show(key: str, v) -> str:
    if isinstance(v, bool):
        return "có" if v else "không"
    if key == "level":
        return level_label(v)
    if key == "system":
        return {"party": "Đảng", "state": "Nhà nước"}.get(v, str(v))
    if key in ("date", "date_last"):
        return f"{vn_date(v)} ({v})"
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False, sort_keys=True)
    return str(v)


def record(G, n) -> dict:
    a = G.nodes[n]
    known = dict(FIELD_LABELS)
    rows = [[label, _show(k, a[k])] for k, label in FIELD_LABELS
            if a.get(k) not in (None, "", [], {}) and not (k == "stub" and a.get("kind") == "group")]
    rows += [[k, _show(k, v)] for k, v in sorted(a.items()) if k not in known and v not in (None, "", [], {})]
    rows.append(["Mã (id)", n])
    links = []
    for u, v, k, e in sorted(G.out_edges(n, keys=True, data=True), key=lambda x: (x[1], x[2])):
        links.append(_link(G, "→", v, e))
    for u, v, k, e in sorted(G.in_edges(n, keys=True, data=True), key=lambda x: (x[0], x[2])):
        links.append(_link(G, "←", u, e))
    return {"rows": rows, "links": links}


def _link(G, arrow, other, e) -> dict:
    o = G.nodes[other]
    name = o.get("symbol") or node_label(o, other).split("\n")[0]
    head = f"{arrow} {name}: {relation_label(e.get('relation'))}"
    if e.get("count", 1) > 1:
        head += f" ×{e['count']}"
    if e.get("lag_days") is not None:
        head += f", {e['lag_days']} ngày"
    return {"head": head, "node": other,
            "evidence": [_clean(ev.get("text")) + (f" [{ev.get('file')}]" if ev.get("file") else "")
                         for ev in (e.get("evidence") or []) if ev.get("text")]}


# --- HTML ----------------------------------------------------------------------------------------------------------

def json_for_script(obj) -> str:
    """JSON that is safe inside <script>: '<', '>', '&' and the JS line separators written as \\u escapes."""
    s = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def esc(s) -> str:
    return html.escape("" if s is None else str(s), quote=True)


def _lib_dir() -> Path:
    import pyvis
    return Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"


@lru_cache(maxsize=None)
def vis_assets() -> tuple:
    """(css, js) of vis-network 9.1.2 as shipped by pyvis; the CSS without its embedded button images (the views
    use no navigation buttons), both safe to inline."""
    d = _lib_dir()
    js = (d / "vis-network.min.js").read_text(encoding="utf-8")
    css = (d / "vis-network.css").read_text(encoding="utf-8")
    rules = re.findall(r"[^{}]+\{[^{}]*\}", css)
    css = "\n".join(r.strip() for r in rules if "data:" not in r and "url(" not in r)
    for text in (js, css):
        if re.search(r"</(script|style)", text, re.I):
            raise RuntimeError("vis-network asset cannot be inlined safely")
    return css, js


PAGE_CSS = """
html,body{margin:0;padding:0;font-family:"DejaVu Sans","Noto Sans",Arial,sans-serif;color:#1f2328;background:#fff}
header.gb-head{padding:10px 16px 8px;border-bottom:1px solid #d0d7de}
header.gb-head h1{font-size:20px;margin:0 0 4px;font-weight:700}
.gb-sub{color:#57606a;font-size:13px}
.gb-notice{background:#fff4e5;border:1px solid #f0b429;padding:6px 10px;margin:8px 16px;font-size:13px}
.gb-view{display:flex;height:calc(100vh - 80px);min-height:520px;border-bottom:1px solid #d0d7de}
.gb-embed .gb-view{height:680px;border:1px solid #d0d7de}
.gb-canvas{flex:1;position:relative;min-width:0}
.gb-net{position:absolute;top:0;left:0;right:0;bottom:0}
.gb-tools{position:absolute;top:8px;right:8px;z-index:4;display:flex;gap:6px}
.gb-tools input,.gb-tools button{font:inherit;font-size:12px;padding:3px 6px;border:1px solid #afb8c1;border-radius:4px;background:#fff}
.gb-panel{width:350px;flex:none;overflow:auto;padding:10px 12px;font-size:12.5px;border-left:1px solid #d0d7de;background:#fbfcfd}
.gb-panel h2{font-size:14px;margin:6px 0 6px}
.gb-legend table{border-collapse:collapse}.gb-legend td{padding:1px 4px;vertical-align:middle}
.gb-legend .gb-note{color:#57606a;margin:4px 0}
.gb-rec{border-collapse:collapse;width:100%}.gb-rec th{text-align:left;color:#57606a;font-weight:400;padding:2px 6px 2px 0;vertical-align:top;width:38%}
.gb-rec td{padding:2px 0;word-break:break-word}
.gb-links{margin:6px 0 0;padding-left:0;list-style:none}.gb-links li{margin:0 0 6px}
.gb-links .gb-ev{color:#57606a;font-style:italic;display:block;margin-top:2px}
.gb-hint{color:#57606a}
div.vis-tooltip{white-space:pre-wrap !important;max-width:460px;font-family:inherit !important;font-size:12px !important;line-height:1.35}
"""

PAGE_JS = r"""
(function(){
  function el(tag, text, cls){var e=document.createElement(tag); if(text!==undefined&&text!==null){e.textContent=String(text);} if(cls){e.className=cls;} return e;}
  var data = JSON.parse(document.getElementById("gb-data").textContent);
  var nodes = new vis.DataSet(data.nodes), edges = new vis.DataSet(data.edges);
  var box = document.getElementById("gb-net");
  var network = new vis.Network(box, {nodes: nodes, edges: edges}, data.options);
  network.on("beforeDrawing", function(ctx){
    var x0 = data.extent[0], w = data.extent[1] - data.extent[0] + 5000;
    data.bands.forEach(function(b, i){
      ctx.fillStyle = (i % 2) ? "#ffffff" : "#f1f4f8"; ctx.fillRect(x0, b.top, w, b.bottom - b.top);
    });
  });
  var details = document.getElementById("gb-details");
  function show(id){
    var rec = data.records[id]; if(!rec){return;}
    while(details.firstChild){details.removeChild(details.firstChild);}
    details.appendChild(el("h2", rec.rows.length ? rec.rows[0][1] : id));
    var t = el("table", null, "gb-rec");
    rec.rows.forEach(function(r){var tr=el("tr"); tr.appendChild(el("th", r[0])); tr.appendChild(el("td", r[1])); t.appendChild(tr);});
    details.appendChild(t);
    if(rec.links.length){
      details.appendChild(el("h2", "Quan hệ trong hình"));
      var ul = el("ul", null, "gb-links");
      rec.links.forEach(function(l){
        var li = el("li"); var a = el("a", l.head); a.href = "#"; a.onclick = function(ev){ev.preventDefault(); network.selectNodes([l.node]); network.focus(l.node, {scale: 1.1}); show(l.node);};
        li.appendChild(a); l.evidence.forEach(function(s){li.appendChild(el("span", "“" + s + "”", "gb-ev"));}); ul.appendChild(li);
      });
      details.appendChild(ul);
    }
  }
  function fitAll(){ network.fit(); network.moveTo({scale: network.getScale() * 0.94}); }
  network.once("afterDrawing", fitAll);
  network.on("click", function(p){ if(p.nodes.length){show(p.nodes[0]);} });
  var search = document.getElementById("gb-search");
  if(search){
    search.addEventListener("change", function(){
      var q = search.value.trim().toLowerCase(); if(!q){return;}
      var hit = data.nodes.filter(function(n){return data.records[n.id] && String(n.label).toLowerCase().indexOf(q) >= 0;})[0];
      if(hit){network.selectNodes([hit.id]); network.focus(hit.id, {scale: 1.2}); show(hit.id);}
    });
  }
  var fit = document.getElementById("gb-fit"); if(fit){fit.onclick = fitAll;}
  if(data.root && data.records[data.root]){show(data.root);}
})();
"""


def network_payload(G: nx.MultiDiGraph, root: Optional[str] = None) -> dict:
    """Everything the page script needs, built with pyvis (nodes, edges) plus records, bands and options."""
    from pyvis.network import Network
    root = root if root is not None else G.graph.get("root")
    pos, bands = layered_layout(G)
    net = Network(directed=True)
    order = sorted(G.nodes, key=lambda n: (pos[n][1], pos[n][0], n))
    for n in order:
        a = G.nodes[n]
        kind = node_kind(a)
        opts = dict(title=tooltip(G, n), x=round(pos[n][0] * DX, 1), y=round(pos[n][1] * DY, 1),
                    size=node_size(a), color=_colors(a), borderWidth=4 if n == root else 2,
                    font={"size": 15 if n == root else 13, "color": "#1f2328", "strokeWidth": 3,
                          "strokeColor": "#ffffff"})
        if a.get("stub"):
            opts["shapeProperties"] = {"borderDashes": [5, 4]}
        net.add_node(n, label=node_label(a, n), shape=KIND_SHAPES[kind], **opts)
    many = G.number_of_edges() > 400
    for i, (u, v, k, a) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda x: (x[0], x[1], x[2]))):
        color, dashes, width = RELATION_STYLE.get(a.get("relation"), ("#9e9e9e", True, 1.0))
        label = relation_label(a.get("relation")) + (f" ×{a['count']}" if a.get("count", 1) > 1 else "")
        bend = edge_bend(pos, u, v)
        curved = {"enabled": True, "type": "curvedCW" if bend > 0 else "curvedCCW", "roundness": abs(bend)}
        smooth = (curved if bend else
                  {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical", "roundness": 0.35})
        net.add_edge(u, v, id=f"e{i}", label=label, title=edge_tooltip(G, u, v, a), dashes=dashes,
                     smooth=False if many else smooth,
                     width=round(width + (math.log(a.get("count", 1), 2) if a.get("count", 1) > 1 else 0), 2),
                     color={"color": color, "highlight": "#000000", "hover": "#000000"})
    xs = [p[0] * DX for p in pos.values()] or [0]
    band_names = {b: level_label(b) if b != "news" else labels()["kind"]["news"] for b, _, _ in bands}
    band_font = max(24, round((max(xs) - min(xs)) / 45))
    left_edge = min(xs)
    for b, top, bottom in bands:      # the band's name, as a fixed text node left of it (so "fit" shows it too)
        half = 0.31 * band_font * len(band_names[b])          # about half the text's width
        x = min(xs) - 0.7 * DX - half
        left_edge = min(left_edge, x - half - 30)
        net.nodes.append({"id": f"band:{b}", "label": band_names[b], "shape": "text", "fixed": True,
                          "chosen": False, "x": round(x, 1), "y": round((top + 0.5) * DY, 1),
                          "font": {"size": band_font, "color": "#44505c", "strokeWidth": 0}})
    options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": many, "dragNodes": True},
        "nodes": {"borderWidth": 2, "font": {"face": "DejaVu Sans, Noto Sans, Arial, sans-serif"}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "smooth": False if many else {"type": "cubicBezier", "forceDirection": "vertical",
                                                "roundness": 0.35},
                  "font": {"size": 11, "align": "horizontal", "strokeWidth": 4, "strokeColor": "#ffffff",
                           "color": "#37474f", "face": "DejaVu Sans, Noto Sans, Arial, sans-serif"}},
    }
    return {
        "nodes": net.nodes, "edges": net.edges, "options": options, "root": root if root in G else None,
        "records": {n: record(G, n) for n in order},
        "bands": [{"label": band_names[b], "top": round(t * DY, 1), "bottom": round(bt * DY, 1)}
                  for b, t, bt in bands],
        "extent": [round(left_edge, 1), max(xs)],
    }


def legend_html(G: nx.MultiDiGraph) -> str:
    L = labels()

    def sym(shape: str, fill: str, stroke: str, dashed: bool = False) -> str:
        dash = ' stroke-dasharray="3,2"' if dashed else ""
        attrs = f'fill="{fill}" stroke="{stroke}" stroke-width="1.6"{dash}'
        body = {"dot": f'<circle cx="9" cy="9" r="6" {attrs}/>',
                "square": f'<rect x="3" y="3" width="12" height="12" {attrs}/>',
                "diamond": f'<polygon points="9,2 16,9 9,16 2,9" {attrs}/>',
                "hexagon": f'<polygon points="5,3 13,3 17,9 13,15 5,15 1,9" {attrs}/>',
                "triangle": f'<polygon points="9,2 16,15 2,15" {attrs}/>'}[shape]
        return f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{body}</svg>'

    rows = ['<div class="gb-legend" id="gb-legend"><h2>Chú giải</h2><table>']
    rows.append('<tr><td colspan="2"><b>Màu: cấp ban hành</b></td></tr>')
    for lvl in LEVELS + ("unknown",):
        swatch = sym("dot", LEVEL_COLORS[lvl], LEVEL_COLORS[lvl])
        rows.append(f'<tr><td>{swatch}</td><td>{esc(level_label(lvl))}</td></tr>')
    rows.append('<tr><td colspan="2"><b>Hình: loại văn bản</b></td></tr>')
    kinds = [("party", "dot", "#607d8b", "#607d8b", False), ("state", "square", "#607d8b", "#607d8b", False),
             ("news", "diamond", LEVEL_COLORS["news"], LEVEL_COLORS["news"], False),
             ("stub", "dot", STUB_FILL, "#607d8b", True), ("other", "triangle", "#607d8b", "#607d8b", False)]
    if any(a.get("kind") == "group" for _, a in G.nodes(data=True)):
        kinds.append(("group", "hexagon", "#607d8b", "#607d8b", False))
    for key, shape, fill, stroke, dashed in kinds:
        rows.append(f'<tr><td>{sym(shape, fill, stroke, dashed)}</td><td>{esc(L["kind"][key])}</td></tr>')
    rels = sorted({a.get("relation") for _, _, a in G.edges(data=True)} - {None},
                  key=lambda r: RELATIONS.index(r) if r in RELATIONS else 99)
    if rels:
        rows.append('<tr><td colspan="2"><b>Đường nối: quan hệ</b></td></tr>')
    for r in rels:
        color, dashes, width = RELATION_STYLE.get(r, ("#9e9e9e", True, 1.0))
        dash = ' stroke-dasharray="4,3"' if dashes else ""
        line = (f'<svg width="30" height="10" aria-hidden="true"><line x1="1" y1="5" x2="23" y2="5" stroke="{color}" '
                f'stroke-width="{width}"{dash}/><polygon points="23,1 29,5 23,9" fill="{color}"/></svg>')
        rows.append(f'<tr><td>{line}</td><td>{esc(relation_label(r))}</td></tr>')
    rows.append("</table>")
    rows.append('<p class="gb-note">Mũi tên đi từ văn bản đến văn bản mà nó thực hiện, căn cứ hoặc dẫn chiếu. '
                'Kích thước nút: số văn bản dẫn chiếu đến nó. Nút viền đứt: chỉ được dẫn chiếu, chưa có văn bản. '
                'Nhấp vào một nút để xem đầy đủ thông tin.</p></div>')
    return "".join(rows)


def collapse_notice(G: nx.MultiDiGraph) -> str:
    c = G.graph.get("collapsed")
    if not c:
        return ""
    by = {"locality": "địa phương", "province": "tỉnh/thành phố", "level": "cấp"}[c["by"]]
    return (f'<div class="gb-notice" id="gb-collapsed" data-collapsed="{esc(c["by"])}">Đồ thị có '
            f'{c["original_nodes"]} văn bản, vượt ngưỡng {c["budget"]} nút: các văn bản đã được gộp theo {esc(by)} '
            f'thành {c["groups"]} nhóm (số văn bản ghi trên mỗi nhóm; nhấp vào nhóm để xem danh sách). '
            f'Collapsed: {c["original_nodes"]} documents shown as {c["nodes"]} nodes.</div>')


def network_block(G: nx.MultiDiGraph, root: Optional[str] = None) -> str:
    """The view (canvas, tools, legend, side panel) and its data as an HTML fragment; needs ``page`` around it."""
    payload = network_payload(G, root)
    return (
        f'{collapse_notice(G)}'
        '<div class="gb-view"><div class="gb-canvas"><div class="gb-tools">'
        '<input id="gb-search" type="search" placeholder="Tìm số hiệu…" aria-label="Tìm số hiệu">'
        '<button id="gb-fit" type="button">Vừa khung</button></div><div class="gb-net" id="gb-net"></div></div>'
        f'<aside class="gb-panel">{legend_html(G)}<div id="gb-details"><p class="gb-hint">Nhấp vào một nút để xem '
        'đầy đủ thông tin văn bản.</p></div></aside></div>'
        f'<script type="application/json" id="gb-data">{json_for_script(payload)}</script>'
    )


def page(title: str, body: str, extra_css: str = "", with_network: bool = True) -> str:
    """A complete offline page: vis-network inlined when ``with_network``, no remote resource."""
    css, js = vis_assets() if with_network else ("", "")
    parts = ['<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n',
             '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
             '<meta name="generator" content="graphbuild">\n',
             f"<title>{esc(title)}</title>\n<style>\n{css}\n{PAGE_CSS}\n{extra_css}\n</style>\n"]
    if with_network:
        parts.append(f"<script>\n{js}\n</script>\n")
    parts.append(f"</head>\n<body>\n{body}\n")
    if with_network:
        parts.append(f"<script>\n{PAGE_JS}\n</script>\n")
    parts.append("</body>\n</html>\n")
    return "".join(parts)


def summary_line(G: nx.MultiDiGraph) -> str:
    view = G.graph.get("view")
    bits = [labels()["view"].get(view, view or "")] if view else []
    c = G.graph.get("collapsed")
    n_docs = c["original_nodes"] if c else G.number_of_nodes()
    bits.append(f"{n_docs} văn bản, {c['original_edges'] if c else G.number_of_edges()} quan hệ")
    if G.graph.get("relations") and view:
        bits.append("theo: " + ", ".join(relation_label(r) for r in G.graph["relations"]))
    if G.graph.get("depth") is not None:
        bits.append(f"độ sâu {G.graph['depth']}")
    if G.graph.get("since") or G.graph.get("until"):
        bits.append(f"thời gian {vn_date(G.graph.get('since')) or '…'} – {vn_date(G.graph.get('until')) or '…'}")
    if G.graph.get("locality"):
        bits.append(f"địa phương: {G.graph['locality']}")
    return " · ".join(bits)


def write_html(G: nx.MultiDiGraph, path, title: Optional[str] = None, root: Optional[str] = None,
               budget: Optional[int] = DEFAULT_BUDGET) -> Path:
    """Write the view as one self-contained, offline HTML file (UTF-8) and return its path."""
    path = Path(path)
    title = title or default_title(G)
    H = collapse(G, budget)
    body = (f'<header class="gb-head"><h1>{esc(title)}</h1><div class="gb-sub">{esc(summary_line(H))}</div>'
            f'</header>\n{network_block(H, root)}')
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page(title, body), encoding="utf-8")
    return path


# --- static image --------------------------------------------------------------------------------------------------

def write_image(G: nx.MultiDiGraph, path, title: Optional[str] = None, root: Optional[str] = None,
                budget: Optional[int] = 400) -> Path:
    """A static PNG or SVG (by suffix) drawn with matplotlib (no browser): the same colours and layout, Vietnamese
    labels (DejaVu Sans), a legend. Graphs past ``budget`` nodes are collapsed first."""
    import matplotlib
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"image must be .png or .svg, not '{path.suffix}'")
    title = title or default_title(G)
    H = collapse(G, budget)
    root = root if root is not None else H.graph.get("root")
    pos, bands = layered_layout(H)
    n = H.number_of_nodes()
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    width = max(7.5, min(60.0, (max(xs) - min(xs) + 2.8) * 1.6))
    height = max(5.0, min(80.0, (max(ys) - min(ys) + 1.4) * 1.45))
    show_labels = n <= 300
    font = 8 if n <= 60 else 6.5 if n <= 150 else 5
    rc = {"font.family": "DejaVu Sans", "svg.hashsalt": "graphbuild", "svg.fonttype": "path"}
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(width, height), dpi=150)
        ax = fig.add_subplot(1, 1, 1)
        x_lo, x_hi = min(xs) - 2.0, max(xs) + 0.8
        for i, (band, top, bottom) in enumerate(bands):
            ax.axhspan(top, bottom, color="#f1f4f8" if i % 2 == 0 else "#ffffff", zorder=0, lw=0)
            label = labels()["kind"]["news"] if band == "news" else level_label(band)
            ax.text(x_lo + 0.1, top + 0.08, label, fontsize=10, fontweight="bold", color="#44505c", va="top",
                    ha="left", zorder=1)
        edges = sorted(H.edges(keys=True, data=True), key=lambda x: (x[0], x[1], x[2]))
        edge_labels = len(edges) <= 80
        for u, v, k, a in edges:
            color, dashes, lw = RELATION_STYLE.get(a.get("relation"), ("#9e9e9e", True, 1.0))
            (x1, y1), (x2, y2) = pos[u], pos[v]
            rad = -edge_bend(pos, u, v)
            ax.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=2,
                        arrowprops=dict(arrowstyle="-|>", color=color, lw=lw * 0.8, linestyle="--" if dashes else "-",
                                        shrinkA=9, shrinkB=9, mutation_scale=9,
                                        connectionstyle=f"arc3,rad={rad}"))
            if edge_labels:
                text = relation_label(a.get("relation")) + (f" ×{a['count']}" if a.get("count", 1) > 1 else "")
                # a point of the arc 45 % of the way from the source, away from the target's own label
                t = 0.45
                cx = (x1 + x2) / 2 - rad * (y2 - y1)
                cy = (y1 + y2) / 2 + rad * (x2 - x1)
                mx = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t * t * x2
                my = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t * t * y2
                ax.text(mx, my, text, fontsize=font - 1, color=color, ha="center",
                        va="center", zorder=3, bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85))
        groups: dict = defaultdict(list)
        for x in sorted(H.nodes):
            a = H.nodes[x]
            groups[(KIND_SHAPES[node_kind(a)], bool(a.get("stub")))].append(x)
        for (shape, stub), members in sorted(groups.items()):
            cols = [LEVEL_COLORS[_band(H.nodes[m])] for m in members]
            ax.scatter([pos[m][0] for m in members], [pos[m][1] for m in members],
                       s=[(node_size(H.nodes[m]) * 1.25) ** 2 / 4 for m in members], marker=MPL_MARKERS[shape],
                       c=[STUB_FILL if stub else c for c in cols], edgecolors=cols,
                       linewidths=[2.4 if m == root else 1.3 for m in members],
                       linestyles="--" if stub else "-", zorder=4)
        if show_labels:
            for x in sorted(H.nodes):
                a = H.nodes[x]
                ax.text(pos[x][0], pos[x][1] + 0.2, _wrap_label(node_label(a, x)),
                        fontsize=font + (1 if x == root else 0),
                        fontweight="bold" if x == root else "normal", ha="center", va="top", zorder=5,
                        color="#1f2328", linespacing=1.1,
                        bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.75))
        ax.set_xlim(x_lo, x_hi)
        ax.set_ylim(max(ys) + 0.8, min(ys) - 0.6)
        ax.axis("off")
        handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=LEVEL_COLORS[lvl],
                          markeredgecolor=LEVEL_COLORS[lvl], label=level_label(lvl)) for lvl in LEVELS]
        for key, marker, fill, dashed in (("party", "o", "#607d8b", False), ("state", "s", "#607d8b", False),
                                          ("news", "D", LEVEL_COLORS["news"], False), ("stub", "o", STUB_FILL, True)):
            handles.append(Line2D([], [], marker=marker, linestyle="", markersize=8, markerfacecolor=fill,
                                  markeredgecolor="#607d8b", label=labels()["kind"][key]))
        if any(H.nodes[x].get("kind") == "group" for x in H.nodes):
            handles.append(Line2D([], [], marker="h", linestyle="", markersize=9, markerfacecolor="#607d8b",
                                  markeredgecolor="#607d8b", label=labels()["kind"]["group"]))
        for r in sorted({a.get("relation") for _, _, a in H.edges(data=True)} - {None},
                        key=lambda r: RELATIONS.index(r) if r in RELATIONS else 99):
            color, dashes, lw = RELATION_STYLE.get(r, ("#9e9e9e", True, 1.0))
            handles.append(Line2D([], [], color=color, lw=lw, linestyle="--" if dashes else "-",
                                  label=relation_label(r)))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False,
                  title="Chú giải", title_fontsize=9, alignment="left")
        sub = summary_line(H)
        c = H.graph.get("collapsed")
        if c:
            sub += f" · đã gộp thành {c['nodes']} nút"
        ax.text(0.0, 1.0, title + "\n", transform=ax.transAxes, fontsize=13, fontweight="bold", ha="left",
                va="bottom")
        ax.text(0.0, 1.0, sub, transform=ax.transAxes, fontsize=9, color="#57606a", ha="left", va="bottom")
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"Date": None} if fmt == "svg" else {"Software": None}
        fig.savefig(path, format=fmt, bbox_inches="tight", metadata=meta, facecolor="white")
    return path


# --- one call for the command line ---------------------------------------------------------------------------------

def make_view(graph, view: str, doc_id: str, html_path=None, png=None, svg=None, title: Optional[str] = None,
              budget: Optional[int] = DEFAULT_BUDGET, **select_args) -> nx.MultiDiGraph:
    """select + write_html (+ PNG/SVG): what ``graphbuild viz`` does. Returns the selected graph."""
    G = select(graph, view, doc_id, **select_args)
    title = title or default_title(G)
    if html_path:
        write_html(G, html_path, title, budget=budget)
    for p in (png, svg):
        if p:
            write_image(G, p, title)
    return G
