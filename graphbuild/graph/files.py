"""Write a resolved graph as files: documents.jsonl, edges.jsonl, entities.jsonl, links.jsonl, rejects.jsonl and
report.json on every build; GraphML (Gephi, yEd) and node-link JSON (networkx, d3) on request (``graphbuild
export``): they repeat the JSON lines in another form, took a fifth of a build and doubled its disk use."""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx

from .resolve import Graph


def _jsonl(path: Path, rows) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")


def _nodes(g, entities: bool = True):
    """(id, attributes) of every node, documents first; the one place that says what a node carries. ``g``: a
    ``Graph`` or ``GraphFiles``, read one record at a time."""
    for d in g.iter_documents():
        yield d["id"], {"label": "Document", **{k: v for k, v in d.items() if k != "id"}}
    if entities:
        for x in g.iter_entities():
            yield x["id"], {k: v for k, v in x.items() if k != "id"}


def _edges(g, entities: bool = True):
    """(source, target, key, attributes) of every edge: citations, then organisation/locality/signer links."""
    for e in g.iter_edges():
        yield e["source"], e["target"], e["relation"], {k: v for k, v in e.items() if k not in ("source", "target")}
    if entities:
        for x in g.iter_links():
            yield x["source"], x["target"], x["relation"], {k: v for k, v in x.items() if k not in ("source", "target")}


def to_networkx(g: Graph, entities: bool = True) -> nx.MultiDiGraph:
    """The graph in memory as networkx, for algorithms; document edges keep relation, lag and evidence."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(_nodes(g, entities))
    G.add_edges_from(_edges(g, entities))
    return G


def write_node_link(g, path: Path) -> None:
    """node-link JSON (networkx.node_link_graph(..., edges="links") reads it back), streamed item by item."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"directed": true, "graph": {}, "multigraph": true, "nodes": [')
        for i, (n, a) in enumerate(_nodes(g)):
            f.write(("," if i else "") + json.dumps({**a, "id": n}, ensure_ascii=False, sort_keys=True))
        f.write('], "links": [')
        for i, (u, v, k, a) in enumerate(_edges(g)):
            f.write(("," if i else "") + json.dumps({**a, "source": u, "target": v, "key": k}, ensure_ascii=False,
                                                    sort_keys=True))
        f.write("]}\n")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # PDF form feeds and the like


def _graphml_value(v):
    if isinstance(v, (list, dict)):
        return "string", _NOT_XML.sub("", json.dumps(v, ensure_ascii=False))
    if isinstance(v, bool):
        return "boolean", "true" if v else "false"
    if isinstance(v, int):
        return "long", str(v)
    if isinstance(v, float):
        return "double", repr(v)
    return "string", _NOT_XML.sub("", str(v))


def write_graphml(g, path: Path) -> None:
    """GraphML (Gephi, yEd) written straight from the graph: scalars as typed keys, lists and dicts as JSON strings,
    None left out. networkx's writer builds a copy and the whole XML tree first (12% of a build)."""
    from xml.sax.saxutils import escape, quoteattr
    items = {"node": _nodes(g), "edge": (((u, v, k), a) for u, v, k, a in _edges(g))}
    keys: dict = {}
    for domain, rows in (("node", _nodes(g)), ("edge", (((u, v, k), a) for u, v, k, a in _edges(g)))):
        for _, a in rows:
            for name, v in a.items():
                if v is not None:
                    kind = _graphml_value(v)[0]
                    old = keys.get((domain, name))
                    keys[(domain, name)] = kind if old in (None, kind) else "string"
    ids = {k: f"d{i}" for i, k in enumerate(sorted(keys))}
    with open(path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
        for (domain, name), kid in ids.items():
            f.write(f'  <key id="{kid}" for="{domain}" attr.name={quoteattr(name)} '
                    f'attr.type="{keys[(domain, name)]}" />\n')
        f.write('  <graph edgedefault="directed">\n')
        for domain, rows in items.items():
            for ident, a in rows:
                if domain == "node":
                    f.write(f"    <node id={quoteattr(str(ident))}>")
                else:
                    u, v, k = ident
                    f.write(f"    <edge source={quoteattr(str(u))} target={quoteattr(str(v))} id={quoteattr(str(k))}>")
                for name, v in a.items():
                    if v is not None:
                        f.write(f'<data key="{ids[(domain, name)]}">{escape(_graphml_value(v)[1])}</data>')
                f.write(f"</{domain}>\n")
        f.write("  </graph>\n</graphml>\n")


def write_files(g: Graph, out: Path, rejects: list) -> None:
    out = Path(out)
    _jsonl(out / "documents.jsonl", (g.documents[k] for k in sorted(g.documents)))
    _jsonl(out / "edges.jsonl", g.edges)
    _jsonl(out / "entities.jsonl", (g.entities[k] for k in sorted(g.entities)))
    _jsonl(out / "links.jsonl", g.links)
    _jsonl(out / "rejects.jsonl", rejects)
    (out / "report.json").write_text(json.dumps(g.report, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                     encoding="utf-8")


EXPORTS = {"graphml": write_graphml, "json": write_node_link}


class GraphFiles:
    """A built graph read from its JSON lines one record at a time, in the order ``Graph.iter_*`` gives (the files
    are written sorted): a store is written from it after the graph itself has left memory."""

    def __init__(self, out: Path):
        self.out = Path(out)
        rp = self.out / "report.json"
        self.report = json.loads(rp.read_text(encoding="utf-8")) if rp.exists() else {}

    def _rows(self, name: str):
        p = self.out / name
        if p.exists():
            with open(p, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)

    def iter_documents(self):
        return self._rows("documents.jsonl")

    def iter_entities(self):
        return self._rows("entities.jsonl")

    def iter_edges(self):
        return self._rows("edges.jsonl")

    def iter_links(self):
        return self._rows("links.jsonl")


def load_graph(out: Path) -> Graph:
    """Read a built graph back from its files (for views and Neo4j loads without re-resolving)."""
    files = GraphFiles(out)
    g = Graph(report=files.report)
    g.documents = {d["id"]: d for d in files.iter_documents()}
    g.edges = list(files.iter_edges())
    g.entities = {e["id"]: e for e in files.iter_entities()}
    g.links = list(files.iter_links())
    return g
