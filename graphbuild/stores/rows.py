"""Flatten a graph into rows per node label and relationship type, as every store loads them.

The graph is a ``GraphSource``: a resolved ``Graph``, or ``GraphFiles`` (a built graph read from its files record
by record). The ``iter_*`` functions read it once each and make one row at a time, keyed by the table it goes to,
so that a store is written without a second copy of the graph in memory; ``node_rows`` and
``relationship_groups`` gather them for the transactional Neo4j loader. The embedded store, the Neo4j loader and
the neo4j-admin CSVs all take their rows from here, so every route stores the same graph.
"""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Optional, TypeVar

from ..dates import to_date
from ..text.search_keys import search_keys, search_text
from . import schema
from .base import Row

if TYPE_CHECKING:
    from ..graph.model import DocumentNode, GraphSource, Report

_K = TypeVar("_K")
EPOCH = date(1970, 1, 1)
# (type, from label, to label): a relationship group, one per pair of end labels (each label is its own ID space).
GroupKey = tuple[str, str, str]


def _unresolved(report: Report) -> dict[str, str]:
    """Document id -> why it is unresolved or ambiguous (the report's reasons, joined)."""
    out = {}
    for unresolved in report.get("unresolved", []):
        out[unresolved["id"]] = "; ".join(unresolved["reasons"])
    for ambiguous in report.get("ambiguous", []):
        out[ambiguous["id"]] = ambiguous["reason"]
    return out


def document_row(doc: DocumentNode, unresolved: Optional[str] = None) -> Row:
    """A document as the stores hold it: exactly the schema's properties, with ``num`` (the number as an integer,
    for "Kết luận 44"), ``aliases`` a list, ``stub`` and ``date_inferred`` booleans, the search keys and the day
    number of its date."""
    row: Row = {p: doc.get(p) for p, _ in schema.NODES["Document"]}
    number = doc.get("number") or ""
    row["num"] = int(number) if number.isdigit() else None
    row["aliases"] = doc.get("aliases") or []
    row["stub"] = bool(doc.get("stub"))
    row["date_inferred"] = bool(doc.get("date_inferred"))
    row["unresolved"] = unresolved
    row["search_text"] = search_text(doc)
    row["search_keys"] = search_keys(doc)
    try:
        day = to_date(doc.get("date"))
    except ValueError:
        day = None
    row["day_number"] = (day - EPOCH).days if day else None
    return row


def iter_node_rows(graph: GraphSource) -> Iterator[tuple[str, Row]]:
    """(label, row with exactly the schema's properties): documents, then entities, each sorted by id."""
    unresolved = _unresolved(graph.report)
    for doc in graph.iter_documents():
        yield "Document", document_row(doc, unresolved.get(doc["id"]))
    for entity in graph.iter_entities():
        yield entity["label"], {p: entity.get(p) for p, _ in schema.NODES[entity["label"]]}


def iter_citation_rows(graph: GraphSource) -> Iterator[tuple[str, Row]]:
    """(relation, row with source, target and the citation properties, the first evidence standing for all)."""
    for edge in graph.iter_edges():
        # the statement that gives the edge its relation stands for all
        best = next((ev for ev in edge["evidence"] if ev.get("relation") == edge["relation"]
                     and ev.get("mode", "enacted") == edge.get("mode", "enacted")), edge["evidence"][0])
        yield edge["relation"], {
            "source": edge["source"], "target": edge["target"], "relation": edge["relation"],
            "confidence": edge["confidence"], "lag_days": edge.get("lag_days"), "relations": edge.get("relations", []),
            "evidence_text": best["text"], "evidence_file": best["file"], "evidence_start": best["start"],
            "evidence_end": best["end"], "asserted_in": edge.get("asserted_in", []),
            "mode": edge.get("mode", "enacted"), "verb": edge.get("verb"),
        }


def iter_link_rows(graph: GraphSource) -> Iterator[tuple[GroupKey, Row]]:
    """((relation, from label, to label), row with source, target and the link's properties), for the links whose
    ends are nodes of the labels the schema allows."""
    labels = {doc["id"]: "Document" for doc in graph.iter_documents()}
    labels.update({entity["id"]: entity["label"] for entity in graph.iter_entities()})
    for link in graph.iter_links():
        rel = link["relation"]
        source_label, target_label = labels.get(link["source"]), labels.get(link["target"])
        if source_label is None or target_label is None or (source_label, target_label) not in schema.LINKS[rel][0]:
            continue
        row: Row = {"source": link["source"], "target": link["target"]}
        for p, _ in schema.LINKS[rel][1]:
            row[p] = link.get(p)
        yield (rel, source_label, target_label), row


def relationship_rows(graph: GraphSource) -> Iterator[tuple[GroupKey, Row]]:
    """(group, row): citations (Document to Document), then the other links."""
    for rel, row in iter_citation_rows(graph):
        yield (rel, "Document", "Document"), row
    yield from iter_link_rows(graph)


def _gather(keyed: Iterable[tuple[_K, Row]]) -> dict[_K, list[Row]]:
    out: dict[_K, list[Row]] = {}
    for key, row in keyed:
        out.setdefault(key, []).append(row)
    return out


def node_rows(graph: GraphSource) -> dict[str, list[Row]]:
    """label -> list of rows, for every label of the schema."""
    return {label: [] for label in schema.NODES} | _gather(iter_node_rows(graph))


def node_props(label: str, row: Row) -> dict[str, Any]:
    """The schema's properties of one node row except the key, DATE properties as ``datetime.date`` (ValueError
    for a date that is not ISO)."""
    out = {}
    for p, kind in schema.NODES[label][1:]:
        value = row.get(p)
        out[p] = to_date(value) if kind == "DATE" else value
    return out


def group_order(key: GroupKey) -> tuple[int, str, str, str]:
    """Sort key of a relationship group: citations in the schema's order, then the other links by name."""
    rel, a, b = key
    citation = rel in schema.CITATIONS
    return schema.CITATIONS.index(rel) if citation else len(schema.CITATIONS), "" if citation else rel, a, b


def relationship_groups(graph: GraphSource) -> Iterator[tuple[str, str, str, list[Row]]]:
    """(type, from label, to label, [rows with source, target, props]) for every relationship group that has rows,
    citations first, each group unique per (source, target) (first occurrence kept: MERGE would make one of them)."""
    groups: dict[GroupKey, list[Row]] = {}
    seen: set[tuple[GroupKey, str, str]] = set()
    for key, row in relationship_rows(graph):
        if (key, row["source"], row["target"]) in seen:
            continue
        seen.add((key, row["source"], row["target"]))
        groups.setdefault(key, []).append({"source": row["source"], "target": row["target"],
                                           "props": {p: row.get(p) for p, _ in schema.relationship_props(key[0])}})
    for key in sorted(groups, key=group_order):
        yield (*key, groups[key])
