"""Flatten a graph into rows per node label and relationship type, as both stores load them.

The graph is a resolved ``Graph`` or ``export.GraphFiles`` (a built graph read from its files record by record).
The ``iter_*`` functions read it once each and make one row at a time, keyed by the table it goes to, so that a
store is written without a second copy of the graph in memory; ``node_rows``, ``citation_rows`` and ``link_rows``
gather them into lists for the transactional Neo4j loader.
"""
from __future__ import annotations

from typing import Iterator

from . import schema


def _unresolved(report: dict) -> dict:
    out = {}
    for u in report.get("unresolved", []):
        out[u["id"]] = "; ".join(u["reasons"])
    for a in report.get("ambiguous", []):
        out[a["id"]] = a["reason"]
    return out


def iter_node_rows(g) -> Iterator[tuple]:
    """(label, row with exactly the schema's properties): documents, then entities, each sorted by id."""
    unresolved = _unresolved(g.report)
    props = schema.NODES["Document"]
    for d in g.iter_documents():
        row = {p: d.get(p) for p, _ in props}
        row["num"] = int(d["number"]) if (d.get("number") or "").isdigit() else None
        row["aliases"] = d.get("aliases") or []
        row["stub"] = bool(d.get("stub"))
        row["date_inferred"] = bool(d.get("date_inferred"))
        row["unresolved"] = unresolved.get(d["id"])
        yield "Document", row
    for e in g.iter_entities():
        yield e["label"], {p: e.get(p) for p, _ in schema.NODES[e["label"]]}


def iter_citation_rows(g) -> Iterator[tuple]:
    """(relation, row with source, target and the citation properties, the first evidence standing for all)."""
    for e in g.iter_edges():
        best = e["evidence"][0]
        yield e["relation"], {
            "source": e["source"], "target": e["target"], "relation": e["relation"],
            "confidence": e["confidence"], "lag_days": e.get("lag_days"), "relations": e.get("relations", []),
            "evidence_text": best["text"], "evidence_file": best["file"], "evidence_start": best["start"],
            "evidence_end": best["end"], "asserted_in": e.get("asserted_in", []),
        }


def iter_link_rows(g) -> Iterator[tuple]:
    """((relation, from label, to label), row with source, target and the link's properties), for the links whose
    ends are nodes of the labels the schema allows."""
    labels = {d["id"]: "Document" for d in g.iter_documents()}
    labels.update({e["id"]: e["label"] for e in g.iter_entities()})
    for x in g.iter_links():
        rel = x["relation"]
        key = (rel, labels.get(x["source"]), labels.get(x["target"]))
        if key[1:] not in schema.LINKS[rel][0]:
            continue
        row = {"source": x["source"], "target": x["target"]}
        for p, _ in schema.LINKS[rel][1]:
            row[p] = x.get(p)
        yield key, row


def _gather(keyed) -> dict:
    out: dict = {}
    for key, row in keyed:
        out.setdefault(key, []).append(row)
    return out


def node_rows(g) -> dict:
    """label -> list of rows, for every label of the schema."""
    return {label: [] for label in schema.NODES} | _gather(iter_node_rows(g))


def citation_rows(g) -> dict:
    """relation -> list of rows, for every citation relation."""
    return {r: [] for r in schema.CITATIONS} | _gather(iter_citation_rows(g))


def link_rows(g) -> Iterator[tuple]:
    """(relation, from label, to label, rows) for each group that has rows, sorted."""
    for (rel, a, b), rows_ in sorted(_gather(iter_link_rows(g)).items()):
        yield rel, a, b, rows_
