"""Flatten a graph into rows per node label and relationship type, as every store loads them.

The graph is a ``GraphSource``: a resolved ``Graph``, or ``GraphFiles`` (a built graph read from its files record
by record). The ``iter_*`` functions read it once each and make one row at a time, keyed by the table it goes to,
so that a store is written without a second copy of the graph in memory; ``batched`` gathers them into batches
for the transactional Neo4j loader, one batch per table at a time. The embedded store, the Neo4j loader and the
neo4j-admin CSVs all take their rows from here, so every route stores the same graph.
"""
from __future__ import annotations

import sqlite3
from datetime import date
from hashlib import blake2b
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Optional, TypeVar

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
    labels = NodeLabels(graph)
    try:
        for link in graph.iter_links():
            rel = link["relation"]
            source_label, target_label = labels.get(link["source"]), labels.get(link["target"])
            if source_label is None or target_label is None or \
                    (source_label, target_label) not in schema.LINKS[rel][0]:
                continue
            row: Row = {"source": link["source"], "target": link["target"]}
            for p, _ in schema.LINKS[rel][1]:
                row[p] = link.get(p)
            yield (rel, source_label, target_label), row
    finally:
        labels.close()


class NodeLabels:
    """The label of every node of a graph by id, for its links: the entities in a dict (tens of thousands: the
    country's units, organisations, people), the documents' ids in a temporary SQLite table (a million of them
    would take about 200 MB as a dict). A link's source is looked up once for a run of links from it (the links
    come sorted by relation and source)."""

    _BATCH = 10_000

    def __init__(self, graph: GraphSource):
        self.entities = {entity["id"]: entity["label"] for entity in graph.iter_entities()}
        self.db = sqlite3.connect("")       # "": a private temporary database, on disk past its page cache
        self.db.execute("CREATE TABLE document (id TEXT PRIMARY KEY) WITHOUT ROWID")
        batch: list[tuple[str]] = []
        for doc in graph.iter_documents():
            batch.append((doc["id"],))
            if len(batch) >= self._BATCH:
                self.db.executemany("INSERT OR IGNORE INTO document VALUES (?)", batch)
                batch.clear()
        self.db.executemany("INSERT OR IGNORE INTO document VALUES (?)", batch)
        self._last: tuple[Optional[str], Optional[str]] = (None, None)

    def get(self, node_id: str) -> Optional[str]:
        """The node's label; None when the graph has no node of that id."""
        label = self.entities.get(node_id)
        if label is not None:
            return label
        if self._last[0] != node_id:
            found = self.db.execute("SELECT 1 FROM document WHERE id = ?", (node_id,)).fetchone()
            self._last = (node_id, "Document" if found else None)
        return self._last[1]

    def close(self) -> None:
        self.db.close()


def relationship_rows(graph: GraphSource) -> Iterator[tuple[GroupKey, Row]]:
    """(group, row): citations (Document to Document), then the other links."""
    for rel, row in iter_citation_rows(graph):
        yield (rel, "Document", "Document"), row
    yield from iter_link_rows(graph)


def unique_relationship_rows(graph: GraphSource) -> Iterator[tuple[GroupKey, Row]]:
    """``relationship_rows`` without repeats of a (group, source, target): the first is kept, as MERGE would keep
    one relationship of them. Each pair is remembered as a 16-byte digest (a set of 800k of them takes ~70 MB, the
    pairs themselves twice that)."""
    seen: set[bytes] = set()
    for key, row in relationship_rows(graph):
        digest = blake2b("\x1f".join((*key, row["source"], row["target"])).encode("utf-8"), digest_size=16).digest()
        if digest not in seen:
            seen.add(digest)
            yield key, row


def batched(keyed: Iterable[tuple[_K, Row]], size: int,
            part: Optional[Callable[[Row], int]] = None) -> Iterator[tuple[_K, int, list[Row]]]:
    """Keyed rows gathered into batches of up to ``size`` rows per (key, part) as they come: (key, part, rows) is
    given as soon as a batch is full, the partial ones at the end. ``part(row)`` splits a key's rows (e.g. by start
    node, so that two parts never share one); without it every row is part 0. Holds at most one batch per (key,
    part), never the whole stream."""
    buffers: dict[tuple[_K, int], list[Row]] = {}
    for key, row in keyed:
        slot = (key, part(row) if part else 0)
        buffer = buffers.setdefault(slot, [])
        buffer.append(row)
        if len(buffer) >= size:
            yield key, slot[1], buffer
            buffers[slot] = []
    for (key, index), buffer in buffers.items():
        if buffer:
            yield key, index, buffer


def group_order(key: GroupKey) -> tuple[int, str, str, str]:
    """Sort key of a relationship group: citations in the schema's order, then the other links by name."""
    rel, a, b = key
    citation = rel in schema.CITATIONS
    return schema.CITATIONS.index(rel) if citation else len(schema.CITATIONS), "" if citation else rel, a, b
