"""Resolve a corpus's extractions into the graph's files, in bounded memory: ``resolve_to_files`` runs the passes of
``resolve`` over tables on disk (``worktable``) and writes documents.jsonl, edges.jsonl, entities.jsonl and
links.jsonl as their rows are produced, each sorted as ``Graph.iter_*`` gives them. ``resolve_citations`` does the
same for a few extractions and returns the ``Graph`` in memory.

What stays in memory: the provisional ids last added (``worktable.ID_CACHE``), the renames, the ids of the country's
units in the graph, the organisations of the issuers met last (``entities.ORG_CACHE``) and the report's counts. The
mentions, statements, nodes, edges, entities and links are on disk, and so are the seven fields of each node that
pairing and edges look up (``model.NodeFields``, a SQLite table of its own), the number of citations of each node
(counted by the ``said`` table, merged with the nodes in id order) and the report's lists (unresolved stubs,
ambiguous citations, conflicts, corrections: ``spool.Spool``s next to the work file, which ``files.write_report``
streams into report.json).
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Optional, Union, cast

from . import files
from .entities import Entities
from .model import Conflict, Graph, NodeFields, Report
from .report import ReportCounts
from .resolve import (
    PAIR_FIELDS,
    ExtractionLike,
    PartyTerms,
    attach_undated,
    enclosing_scope,
    gather_records,
    laws_by_name_in_corpus,
    make_edges,
    pair_statements,
    split_date_conflicts,
)
from .spool import Spool, materialised
from .worktable import WorkTables

WORK_FILE = ".resolve.sqlite"           # the work tables, next to the graph's files while it is resolved
# An extraction log smaller than this is resolved with its work tables in memory: they hold about as much as the log
# (tens of MB at most here), and a small corpus is resolved without a file written and read back.
IN_MEMORY_LOG_BYTES = 32_000_000
# stage(name): called as each pass starts ("gather", "rename", "nodes", "pairs", "edges", "documents", "links")
Stage = Callable[[str], None]


def _line(f: IO[str], row: Any) -> None:
    f.write(files.json_line(row))


def resolve_to_files(extractions: Iterable[ExtractionLike], out: Union[str, Path], work: Optional[Path] = None,
                     stage: Optional[Stage] = None, in_memory: bool = False) -> Report:
    """Resolve ``extractions`` (in file order, read once) and write the graph's JSON lines into ``out``; the
    report (without the build's counts of inputs and its check), its lists on disk (``spool.Spool``: read them as
    sequences, or write the report with ``files.write_report``). ``work``: the SQLite file of the work tables
    (``out/.resolve.sqlite`` by default), deleted at the end; ``in_memory``: no file, for a small corpus (the same
    tables, the same outputs)."""
    out = Path(out)
    tell = stage or (lambda name: None)
    tables = WorkTables(None if in_memory else work or out / WORK_FILE)
    try:
        tell("gather")
        gather_records(extractions, tables)
        records = tables.mentions
        tell("rename")
        rename, ambiguous = attach_undated(records)
        rename.update(enclosing_scope(records, rename))
        rename.update(laws_by_name_in_corpus(records, rename))
        tell("nodes")
        conflicts: Spool[Conflict] = tables.spool()
        party = PartyTerms(tables)
        index = NodeFields(PAIR_FIELDS)
        for doc_id, parts in split_date_conflicts(records, rename, conflicts):
            party.add(doc_id, parts)
            node = parts.node(doc_id)
            tables.add_node(node)
            index.add(node)
        conflicts.extend(party.conflicts())
        del party
        tell("pairs")
        corrected: Spool[dict[str, Any]] = tables.spool()
        for source, target, evidence in pair_statements(tables.statements(), index, rename, corrected):
            tables.add_said(source, target, evidence)
        del rename
        tell("edges")
        counts = ReportCounts(tables.spool())
        with open(out / files.EDGES, "w", encoding="utf-8") as f:
            for edge in make_edges(tables.said_by_pair(), index):
                _line(f, edge)
                counts.add_edge(edge)
        index.close()
        del index
        tell("documents")
        entities = Entities(tables)
        cited = tables.cited_counts()           # sorted by target as the nodes are by id: merged as they come
        next_cited = next(cited, None)
        with open(out / files.DOCUMENTS, "w", encoding="utf-8") as f:
            for node in tables.nodes():
                while next_cited is not None and next_cited[0] < node["id"]:
                    next_cited = next(cited, None)
                node["cited_by_count"] = next_cited[1] if next_cited is not None and next_cited[0] == node["id"] else 0
                _line(f, node)
                entities.add_document(node)
                counts.add_document(node)
        cited.close()       # its statement may still be open (the last row read): end it before the tables close
        entities.add_country()
        tell("links")
        with open(out / files.ENTITIES, "w", encoding="utf-8") as f:
            for entity in tables.entities():
                _line(f, entity)
        with open(out / files.LINKS, "w", encoding="utf-8") as f:
            for link in tables.links():
                _line(f, link)
        return counts.report(tables.entity_labels(), ambiguous, conflicts, corrected)
    finally:
        tables.close()


def resolve_citations(extractions: Iterable[ExtractionLike]) -> Graph:
    """The graph of ``extractions`` (``Extraction`` records or their dicts) in memory: for a few documents, tests
    and notebooks. A list or tuple is sorted by file here; any other iterable must come in file order."""
    if isinstance(extractions, (list, tuple)):
        extractions = sorted(extractions, key=lambda e: e["file"] if isinstance(e, dict) else e.file)
    with tempfile.TemporaryDirectory(prefix="graphbuild-resolve-") as tmp:
        report = resolve_to_files(extractions, tmp, in_memory=True)
        graph = files.load_graph(tmp)
    graph.report = cast(Report, {key: materialised(value) for key, value in report.items()})   # lists in memory
    return graph
