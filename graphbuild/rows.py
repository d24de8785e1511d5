"""Flatten a resolved ``Graph`` into rows per node label and relationship type, as both stores load them."""
from __future__ import annotations

from typing import Iterator

from . import schema
from .resolve import Graph


def _unresolved(report: dict) -> dict:
    out = {}
    for u in report.get("unresolved", []):
        out[u["id"]] = "; ".join(u["reasons"])
    for a in report.get("ambiguous", []):
        out[a["id"]] = a["reason"]
    return out


def node_rows(g: Graph) -> dict:
    """label -> list of property dicts (exactly the schema's properties)."""
    unresolved = _unresolved(g.report)
    out: dict = {label: [] for label in schema.NODES}
    for d in sorted(g.documents.values(), key=lambda d: d["id"]):
        row = {p: d.get(p) for p, _ in schema.NODES["Document"]}
        row["num"] = int(d["number"]) if (d.get("number") or "").isdigit() else None
        row["aliases"] = d.get("aliases") or []
        row["stub"] = bool(d.get("stub"))
        row["date_inferred"] = bool(d.get("date_inferred"))
        row["unresolved"] = unresolved.get(d["id"])
        out["Document"].append(row)
    for e in sorted(g.entities.values(), key=lambda e: e["id"]):
        out[e["label"]].append({p: e.get(p) for p, _ in schema.NODES[e["label"]]})
    return out


def citation_rows(g: Graph) -> dict:
    """relation -> list of dicts with source, target and the citation properties."""
    out: dict = {r: [] for r in schema.CITATIONS}
    for e in g.edges:
        best = e["evidence"][0]
        out[e["relation"]].append({
            "source": e["source"], "target": e["target"], "relation": e["relation"],
            "confidence": e["confidence"], "lag_days": e.get("lag_days"), "relations": e.get("relations", []),
            "evidence_text": best["text"], "evidence_file": best["file"], "evidence_start": best["start"],
            "evidence_end": best["end"], "asserted_in": e.get("asserted_in", []),
        })
    return out


def link_rows(g: Graph) -> Iterator[tuple]:
    """(relation, from label, to label, rows)."""
    labels = {d: "Document" for d in g.documents}
    labels.update({e["id"]: e["label"] for e in g.entities.values()})
    groups: dict = {}
    for x in g.links:
        a, b = labels.get(x["source"]), labels.get(x["target"])
        if not a or not b:
            continue
        row = {"source": x["source"], "target": x["target"]}
        for p, _ in schema.LINKS[x["relation"]][1]:
            row[p] = x.get(p)
        groups.setdefault((x["relation"], a, b), []).append(row)
    for (rel, a, b), rows in sorted(groups.items()):
        yield rel, a, b, rows
