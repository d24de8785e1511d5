"""Write a resolved graph as files: documents.jsonl, edges.jsonl, entities.jsonl, links.jsonl, rejects.jsonl,
report.json, GraphML (Gephi, yEd) and node-link JSON (networkx, d3)."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .resolve import Graph


def _jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def to_networkx(g: Graph, entities: bool = True) -> nx.MultiDiGraph:
    """The graph in memory, for algorithms and exports; document edges keep relation, lag and evidence."""
    G = nx.MultiDiGraph()
    for d in g.documents.values():
        G.add_node(d["id"], label="Document", **{k: v for k, v in d.items() if k != "id"})
    for e in g.edges:
        G.add_edge(e["source"], e["target"], key=e["relation"], **{k: v for k, v in e.items()
                                                                   if k not in ("source", "target")})
    if entities:
        for x in g.entities.values():
            G.add_node(x["id"], **{k: v for k, v in x.items() if k != "id"})
        for x in g.links:
            G.add_edge(x["source"], x["target"], key=x["relation"], relation=x["relation"],
                       **{k: v for k, v in x.items() if k not in ("source", "target", "relation")})
    return G


def _graphml_safe(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML holds scalars only: lists and dicts become JSON strings, None is left out."""
    H = nx.MultiDiGraph()
    def clean(attrs):
        return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                for k, v in attrs.items() if v is not None}
    for n, a in G.nodes(data=True):
        H.add_node(n, **clean(a))
    for u, v, k, a in G.edges(keys=True, data=True):
        H.add_edge(u, v, key=k, **clean(a))
    return H


def write_files(g: Graph, out: Path, rejects: list) -> None:
    out = Path(out)
    _jsonl(out / "documents.jsonl", (g.documents[k] for k in sorted(g.documents)))
    _jsonl(out / "edges.jsonl", g.edges)
    _jsonl(out / "entities.jsonl", (g.entities[k] for k in sorted(g.entities)))
    _jsonl(out / "links.jsonl", g.links)
    _jsonl(out / "rejects.jsonl", rejects)
    (out / "report.json").write_text(json.dumps(g.report, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")
    G = to_networkx(g)
    nx.write_graphml(_graphml_safe(G), out / "graph.graphml")
    data = nx.node_link_data(G, edges="links")
    (out / "graph.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")


def load_graph(out: Path) -> Graph:
    """Read a built graph back from its files (for views and Neo4j loads without re-resolving)."""
    out = Path(out)
    def rows(name):
        p = out / name
        if not p.exists():
            return []
        with open(p, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    g = Graph()
    g.documents = {d["id"]: d for d in rows("documents.jsonl")}
    g.edges = rows("edges.jsonl")
    g.entities = {e["id"]: e for e in rows("entities.jsonl")}
    g.links = rows("links.jsonl")
    rp = out / "report.json"
    g.report = json.loads(rp.read_text(encoding="utf-8")) if rp.exists() else {}
    return g
