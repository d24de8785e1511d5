"""What the web app asks of a graph, each answer from the Python API the CLI uses: ``search_documents``,
``match_document``, the query files (``run_query``), ``views.select_view``, ``views.write_brief``, ``annotate``.

``Explorer`` holds one read-only store (the embedded store of a built graph, or Neo4j) for the life of the server,
serialises the calls to it (one connection, many request threads) and bounds the time of each statement. It never
loads the whole graph: a view is drawn from the rows of ``queries/lineage_graph`` or ``cascade_graph`` made into a
small graph in memory (``view_graph``), so a server starts in the time it takes to open the store, and the same
pages run on Neo4j.
"""
from __future__ import annotations

import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from ..query import match_document, run_query, search_documents
from ..query.plain import Row, to_rows
from ..query.search import SearchHit
from .cypher_guard import check_read_only

if TYPE_CHECKING:                   # imported where a view is drawn: a search page does not need them
    import networkx as nx

    from ..graph.model import Graph

QUERY_SECONDS = 10           # what one statement may take (the store stops it after that)
MAX_ROWS = 2000              # rows a Cypher box answer shows and downloads (the rest counted, not kept)
SEARCH_RETRIEVE = 200        # hits a search page ranks and counts facets over

# The view a graph page draws, and the query file whose rows it is drawn from.
VIEW_QUERIES = {"lineage": "lineage_graph", "cascade": "cascade_graph"}
EDGE_KEYS = ("target", "relation", "mode", "verb", "confidence", "lag_days", "evidence", "evidence_file",
             "evidence_start", "evidence_end")


class QueryTimeout(Exception):
    """A statement that ran past ``QUERY_SECONDS``."""


class CypherError(ValueError):
    """A statement of the Cypher box that the store could not run (a syntax error, an unknown label): its message."""


@dataclass
class CypherAnswer:
    rows: list[Row]
    total: int               # rows the statement returned (``rows`` holds at most MAX_ROWS of them)


class Explorer:
    """A read-only graph for the web app: ``store`` (``stores.Store``), ``engine`` (ladybug | neo4j), ``where`` (what
    to show as the graph's name), ``graph_dir`` (the built graph's folder, for the document texts; None on Neo4j)."""

    def __init__(self, store: Any, engine: str, where: str, graph_dir: Optional[Path] = None,
                 seconds: int = QUERY_SECONDS):
        self.store, self.engine, self.where, self.graph_dir = store, engine, where, graph_dir
        self.seconds = seconds
        self._lock = threading.Lock()
        self._scratch: Optional[Path] = None
        if engine == "ladybug":
            store.conn.set_query_timeout(seconds * 1000)

    # -- the store, one statement at a time ---------------------------------------------------------------------------

    def run(self, cypher: Any, params: Optional[dict[str, Any]] = None) -> list[Row]:
        """``store.run`` under the lock, within the time bound (``QueryTimeout`` past it)."""
        if self.engine == "neo4j":
            from neo4j import Query
            cypher = Query(cypher, timeout=self.seconds)
        from ..stores.base import StoreError
        with self._lock:
            try:
                return self.store.run(cypher, params)
            except (RuntimeError, StoreError) as e:
                if re.search(r"interrupt|timeout|timed out|terminated", str(e), re.I):
                    raise QueryTimeout(f"the statement ran longer than {self.seconds} s and was stopped") from None
                raise

    def query(self, name: str, doc_id: Optional[str] = None, **params: Any) -> list[Row]:
        """``queries/NAME.cypher`` with its parameters checked (``run_query``)."""
        return run_query(self, name, doc=doc_id, params=params, engine=self.engine)

    # -- documents --------------------------------------------------------------------------------------------------

    def search(self, text: str, **filters: Any) -> list[SearchHit]:
        return search_documents(self, text, limit=SEARCH_RETRIEVE, **filters)

    def find(self, ref: str) -> SearchHit:
        """The one document ``ref`` names (``NoMatch``, ``AmbiguousRef`` otherwise)."""
        return match_document(self, ref)

    def document(self, doc_id: str) -> Optional[Row]:
        rows = self.query("document", doc_id)
        return rows[0] if rows else None

    def known(self, doc_ids: set[str]) -> set[str]:
        """Which of ``doc_ids`` are documents of the graph (a mention's id that resolution merged is not)."""
        from ..query.refs import StoreDocuments
        documents = StoreDocuments(self.run)
        return {doc_id for doc_id in doc_ids if documents.with_id(doc_id)}

    def relations_of(self, doc_ids: list[str]) -> dict[str, list[str]]:
        """The relations each of ``doc_ids`` states (its citations out): the search page's relation facet. From the
        word index when the store has one (100k documents: 200 ids in ~2 ms; the store takes ~100 ms, a scan of the
        relationship tables whatever the number of ids)."""
        from ..query.refs import documents_of
        from ..query.word_index import IndexedDocuments
        documents = documents_of(self)
        if isinstance(documents, IndexedDocuments):
            return documents.relations_out(list(doc_ids))
        # note: UNWIND then a lookup by id, not `d.id IN $ids`, which scans every document (100k: 556 -> 216 ms)
        rows = self.run("UNWIND $ids AS i MATCH (d:Document {id: i})-[r]->(:Document) "
                        "RETURN d.id AS id, collect(DISTINCT r.relation) AS relations", {"ids": list(doc_ids)})
        return {row["id"]: sorted(row["relations"]) for row in rows}

    def source_path(self, file: Optional[str]) -> Optional[Path]:
        """The input a document's text came from (``file`` as the build saw it: relative to where it ran, which is
        tried as the working folder, then the graph folder's parent); None when it is not on this machine."""
        if not file:
            return None
        path = Path(file.split("#", 1)[0])
        candidates = [path] if path.is_absolute() else \
            [Path.cwd() / path] + ([self.graph_dir.parent / path] if self.graph_dir else [])
        return next((p for p in candidates if p.is_file()), None)

    # -- views --------------------------------------------------------------------------------------------------------

    def view_graph(self, view: str, doc_id: str) -> Graph:
        """The documents and citations of one view of ``doc_id`` as a small ``Graph`` (what ``select_view`` reads)."""
        from ..graph.model import Graph
        rows = self.query(VIEW_QUERIES[view], doc_id)
        graph = Graph()
        for row in rows:
            if row["id"] not in graph.documents:
                graph.documents[row["id"]] = {k: v for k, v in row.items() if k not in EDGE_KEYS}  # type: ignore
            if row.get("target"):
                evidence = [{"file": row.get("evidence_file"), "text": row.get("evidence") or "",
                             "start": row.get("evidence_start"), "end": row.get("evidence_end"),
                             "relation": row["relation"], "confidence": row.get("confidence"),
                             "mode": row.get("mode"), "verb": row.get("verb")}] if row.get("evidence") else []
                graph.edges.append({"source": row["id"], "target": row["target"],  # type: ignore[typeddict-item]
                                    "relation": row["relation"], "confidence": row.get("confidence"),
                                    "lag_days": row.get("lag_days"), "evidence": evidence,
                                    "relations": [row["relation"]]})
        return graph

    def view(self, view: str, doc_id: str, **select_args: Any) -> nx.MultiDiGraph:
        """The view as ``views.select_view`` makes it (filters: depth, since, until, locality)."""
        from ..views.select import select_view
        return select_view(self.view_graph(view, doc_id), view, doc_id, **select_args)

    # -- ad-hoc Cypher ----------------------------------------------------------------------------------------------

    def cypher(self, statement: str, params: Optional[dict[str, Any]] = None) -> CypherAnswer:
        """A statement that only reads (``cypher_guard``), run on the read-only store, within the time bound; at
        most ``MAX_ROWS`` rows kept."""
        from ..stores.base import StoreError
        check_read_only(statement)
        try:
            rows = to_rows(self.run(statement, params or {}))
        except (RuntimeError, StoreError) as e:
            message = str(e).splitlines()[0] if str(e) else type(e).__name__
            if re.search(r"read[- ]only|read access mode", message, re.I):
                message = f"the graph is open read-only: {message}"
            raise CypherError(message) from None
        return CypherAnswer(rows[:MAX_ROWS], len(rows))

    @property
    def scratch(self) -> Path:
        """A folder for the briefings this server writes, made on the first one and removed by ``close``."""
        if self._scratch is None:
            self._scratch = Path(tempfile.mkdtemp(prefix="graphbuild-serve-"))
        return self._scratch

    def close(self) -> None:
        self.store.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    def __enter__(self) -> Explorer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
