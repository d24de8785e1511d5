"""Choosing what a view shows: the documents reached from one document along some relations, filtered by date and
locality, and past a node budget collapsed into group nodes.

Views (edges point from a document to the one it acts on: "706/UBND-KGVX thực hiện 84-KH/TU"):
- ``lineage``: what the document implements or rests on, up to the roots (IMPLEMENTS, CONTINUES, BASED_ON outwards).
- ``cascade``: the implementation tree below it (IMPLEMENTS, CONTINUES inwards), the document included.
- ``locality``: what one locality issued (the documents of the unit it names and of the units inside it, by unit id;
  default the document's own unit)
  and what those documents implement (IMPLEMENTS, CONTINUES outwards, up to the roots).
- ``ego``: ``depth`` hops (default 2) around the document, both directions, every relation.
``relations`` replaces the relations a view follows; ``since``/``until`` drop documents dated outside the range
(undated ones stay); ``locality`` (for the other views) keeps documents of that locality and central ones.
The chosen document is always kept.
"""
from __future__ import annotations

import re
from collections import defaultdict, deque
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Literal, Optional, TypedDict, Union

import networkx as nx

from ..models import IMPLEMENTS_FAMILY, RELATIONS
from ..query import find_in_graph
from ..vocab import gazetteer
from ..vocab.gazetteer import LEVEL_RANK
from .labels import text

if TYPE_CHECKING:
    from ..graph.resolve import Graph

ViewName = Literal["lineage", "cascade", "locality", "ego"]
VIEWS: tuple[ViewName, ...] = ("lineage", "cascade", "locality", "ego")
LINEAGE_RELATIONS = (*IMPLEMENTS_FAMILY, "BASED_ON")
VIEW_RELATIONS: dict[str, tuple[str, ...]] = {"lineage": LINEAGE_RELATIONS, "cascade": IMPLEMENTS_FAMILY,
                                              "locality": IMPLEMENTS_FAMILY, "ego": RELATIONS}
LEVELS: tuple[str, ...] = tuple(sorted(LEVEL_RANK, key=LEVEL_RANK.__getitem__))   # central … commune
# The bands of the layout, top-down: the levels, then documents of no known level, then news.
BANDS: tuple[str, ...] = LEVELS + ("unknown", "news")
DEFAULT_BUDGET = 1500
# The interactive pages (views.html, the briefing) collapse past this many documents: there a click opens a group
# and the search box looks inside groups, so collapsing hides nothing, and 600 documents drawn at once are a hairball.
PAGE_BUDGET = 300


class Collapsed(TypedDict):
    """What ``collapse`` did, kept in ``graph["collapsed"]`` of the collapsed view."""
    by: Literal["locality", "province", "level"]
    budget: int
    original_nodes: int
    original_edges: int
    nodes: int
    groups: int


def band_of(attrs: dict) -> str:
    """The band a node is drawn in: its level, ``news`` for news, ``unknown`` otherwise."""
    if attrs.get("kind") == "news":
        return "news"
    level = attrs.get("level")
    return level if level in LEVELS else "unknown"


def province_of(attrs: dict) -> Optional[str]:
    """The node's province: its own field, else the last part of its locality ("Kiến An, Hải Phòng")."""
    if attrs.get("province"):
        return attrs["province"]
    locality = attrs.get("locality")
    return locality.split(",")[-1].strip() if locality else None


def parse_relations(relations: Union[None, str, Iterable[str]], default: Iterable[str]) -> tuple[str, ...]:
    """The relations to follow: ``default`` when None, else the names given ("IMPLEMENTS,CONTINUES" or a list)."""
    if relations is None:
        return tuple(default)
    if isinstance(relations, str):
        relations = [name for name in re.split(r"[,\s|]+", relations) if name]
    out = []
    for name in relations:
        name = name.strip().upper()
        if name not in RELATIONS:
            raise ValueError(f"unknown relation '{name}' (known: {', '.join(RELATIONS)})")
        out.append(name)
    return tuple(dict.fromkeys(out))


def locality_units(name: str) -> frozenset[str]:
    """The gazetteer units a place name given by the user covers: the one place it names (``gazetteer.place``, in
    both lists) and every unit inside it. ValueError, listing the candidates, when it names none or several."""
    try:
        units = gazetteer.place(name)
    except gazetteer.PlaceError as e:
        raise ValueError(str(e)) from None
    return frozenset(i for u in units for i in gazetteer.inside(u.id))


def locality_matches(doc: dict, units: frozenset[str]) -> bool:
    """The document lies in one of ``units``, by the unit its extraction found (its label is ambiguous: "Phường 1,
    Hồ Chí Minh" is a ward of Quận 6 and one of Gò Vấp)."""
    return doc.get("locality_id") in units


def date_bound(value: object, upper: bool) -> Optional[str]:
    """An ISO date bound from YYYY, YYYY-MM or YYYY-MM-DD (or a date); an upper bound covers the whole year/month."""
    if value is None or value == "":
        return None
    bound = value.isoformat() if hasattr(value, "isoformat") else str(value).strip()
    bound = bound[:10]
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", bound):
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    if upper and len(bound) == 4:
        bound += "-12-31"
    elif upper and len(bound) == 7:
        bound += "-31"
    return bound


def _walk(seeds: Iterable[str], step: Callable[[str], Iterable[str]], depth: Optional[int]) -> set[str]:
    """Everything reached from ``seeds`` by ``step``, at most ``depth`` steps away (None: no limit)."""
    seen = set(seeds)
    frontier = deque((seed, 0) for seed in sorted(seen))
    while frontier:
        node, hops = frontier.popleft()
        if depth is not None and hops >= depth:
            continue
        for neighbour in step(node):
            if neighbour not in seen:
                seen.add(neighbour)
                frontier.append((neighbour, hops + 1))
    return seen


def select_view(graph: Union["Graph", str, Path], view: str, doc_id: str, depth: Optional[int] = None,
                relations: Union[None, str, Iterable[str]] = None, since: object = None, until: object = None,
                locality: Optional[str] = None) -> nx.MultiDiGraph:
    """The subgraph of one view (see the module docstring) as a MultiDiGraph: nodes carry the document fields,
    edges (key = relation) carry relation, lag_days and evidence; ``graph`` of the result says view, root and
    filters. ``doc_id`` may be anything ``query.find_in_graph`` resolves ("Kết luận 44")."""
    if isinstance(graph, (str, Path)):
        from ..graph.files import load_graph
        graph = load_graph(Path(graph))
    if view not in VIEWS:
        raise ValueError(f"unknown view '{view}' (views: {', '.join(VIEWS)})")
    if doc_id not in graph.documents:
        doc_id = find_in_graph(graph, doc_id)
    if depth is not None and depth < 0:
        raise ValueError("depth must be 0 or more")
    followed = parse_relations(relations, VIEW_RELATIONS[view])
    cites: dict[str, set[str]] = defaultdict(set)       # document -> documents it acts on
    cited_by: dict[str, set[str]] = defaultdict(set)
    for edge in graph.edges:
        if edge.get("relation") in followed and edge["source"] in graph.documents \
                and edge["target"] in graph.documents:
            cites[edge["source"]].add(edge["target"])
            cited_by[edge["target"]].add(edge["source"])
    root = graph.documents[doc_id]
    place = None
    if view == "lineage":
        reached = _walk([doc_id], lambda node: cites.get(node, ()), depth)
    elif view == "cascade":
        reached = _walk([doc_id], lambda node: cited_by.get(node, ()), depth)
    elif view == "ego":
        reached = _walk([doc_id], lambda node: cites.get(node, set()) | cited_by.get(node, set()),
                        2 if depth is None else depth)
    else:
        place = locality or root.get("locality")
        if not place:
            raise ValueError(f"{root.get('symbol') or doc_id} has no known locality: give locality=NAME")
        units = locality_units(locality) if locality else frozenset({root.get("locality_id")})
        seeds = {key for key, doc in graph.documents.items() if locality_matches(doc, units)} | {doc_id}
        reached = _walk(seeds, lambda node: cites.get(node, ()), depth)
    low, high = date_bound(since, False), date_bound(until, True)

    kept_units = locality_units(locality) if locality and view != "locality" else frozenset()

    def keep(node: str) -> bool:
        if node == doc_id:
            return True
        doc = graph.documents[node]
        date = doc.get("date")
        if date and ((low and date < low) or (high and date > high)):
            return False
        if locality and view != "locality":
            return doc.get("level") == "central" or locality_matches(doc, kept_units)
        return True

    kept = sorted(node for node in reached if keep(node))
    subgraph = nx.MultiDiGraph(view=view, root=doc_id, relations=list(followed), depth=depth, since=low, until=high,
                               locality=place or locality)
    for node in kept:
        subgraph.add_node(node, **{key: value for key, value in graph.documents[node].items() if key != "id"})
    kept_set = set(kept)
    for edge in sorted(graph.edges, key=lambda edge: (edge["source"], edge["target"], edge.get("relation") or "")):
        if edge.get("relation") in followed and edge["source"] in kept_set and edge["target"] in kept_set:
            subgraph.add_edge(edge["source"], edge["target"], key=edge["relation"],
                              **{key: value for key, value in edge.items() if key not in ("source", "target")})
    return subgraph


def _group_members(view: nx.MultiDiGraph, keep: set[str],
                   key_of: Callable[[dict], tuple[str, str]]) -> dict[tuple[str, str], list[str]]:
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node, attrs in view.nodes(data=True):
        if node not in keep:
            groups[key_of(attrs)].append(node)
    return groups


def collapse(view: nx.MultiDiGraph, budget: Optional[int] = DEFAULT_BUDGET) -> nx.MultiDiGraph:
    """``view`` itself when it has at most ``budget`` nodes; otherwise a graph where documents other than the root
    (and central ones, when few) are grouped by level and locality, else by level and province, else by level,
    whichever first fits the budget. Group nodes carry ``count`` and ``members``; edges between groups carry
    ``count``; ``graph["collapsed"]`` (a ``Collapsed``) says what was done."""
    size = view.number_of_nodes()
    if not budget or size <= budget:
        return view
    root = view.graph.get("root")
    keep = {root} if root in view else set()
    central = sorted(node for node, attrs in view.nodes(data=True)
                     if attrs.get("level") == "central" and attrs.get("kind") != "group")
    if len(central) + len(keep) <= budget // 2:
        keep |= set(central)
    groupings: tuple[tuple[Literal["locality", "province", "level"], Callable[[dict], tuple[str, str]]], ...] = (
        ("locality", lambda attrs: (band_of(attrs), attrs.get("locality") or "")),
        ("province", lambda attrs: (band_of(attrs), province_of(attrs) or "")),
        ("level", lambda attrs: (band_of(attrs), "")))
    for by, key_of in groupings:  # noqa: B007 -- the grouping that fits is used after the loop
        groups = _group_members(view, keep, key_of)
        if len(keep) + len(groups) <= budget:
            break
    if len(keep) + len(groups) > budget:           # even one group per level does not fit: keep only the root
        keep = {root} if root in view else set()
        groups = _group_members(view, keep, lambda attrs: (band_of(attrs), ""))
        by = "level"
    for key in [key for key, members in groups.items() if len(members) == 1]:     # a group of one stays itself
        keep.add(groups.pop(key)[0])
    collapsed = nx.MultiDiGraph(**view.graph)
    member_of = {}
    for node in sorted(keep):
        collapsed.add_node(node, **view.nodes[node])
        member_of[node] = node
    for (band, place), members in sorted(groups.items()):
        group_id = f"group:{band}:{place}" if place else f"group:{band}"
        members = sorted(members, key=lambda member: (view.nodes[member].get("date") or "9999",
                                                      view.nodes[member].get("symbol") or "", member))
        dates = [view.nodes[member].get("date") for member in members if view.nodes[member].get("date")]
        for member in members:
            member_of[member] = group_id
        collapsed.add_node(group_id, kind="group", level=band if band in LEVELS else None, locality=place or None,
                           province=None, symbol=None, count=len(members), date=min(dates) if dates else None,
                           date_last=max(dates) if dates else None, stub=False,
                           stubs=sum(1 for member in members if view.nodes[member].get("stub")),
                           members=[view.nodes[member].get("symbol") or view.nodes[member].get("title") or member
                                    for member in members[:200]],
                           cited_by_count=0, title=text("documents", count=len(members)))
    merged: dict[tuple[str, str, str], dict] = {}
    for source, target, relation, attrs in view.edges(keys=True, data=True):
        source_group, target_group = member_of[source], member_of[target]
        if source_group == target_group and source_group not in keep:
            node = collapsed.nodes[source_group]
            node["internal_edges"] = node.get("internal_edges", 0) + 1
            continue
        record = merged.setdefault((source_group, target_group, relation),
                                   {"relation": attrs.get("relation") or relation, "count": 0, "lags": []})
        record["count"] += 1
        if attrs.get("lag_days") is not None:
            record["lags"].append(attrs["lag_days"])
        if record["count"] == 1:
            record["evidence"] = attrs.get("evidence") or []
    for (source_group, target_group, relation), record in sorted(merged.items()):
        lags = record.pop("lags")
        evidence = record.pop("evidence", [])
        collapsed.add_edge(source_group, target_group, key=relation, evidence=evidence if record["count"] == 1 else [],
                           lag_days=min(lags) if lags else None, lag_max=max(lags) if lags else None, **record)
    collapsed.graph["member_of"] = member_of        # every document of ``view`` -> its node here (itself or a group)
    collapsed.graph["collapsed"] = Collapsed(by=by, budget=budget, original_nodes=size,
                                             original_edges=view.number_of_edges(),
                                             nodes=collapsed.number_of_nodes(), groups=len(groups))
    return collapsed
