"""Where documents are looked up by what a user typed: a store (``StoreDocuments``) or a graph held in memory
(``GraphDocuments``), behind one interface (``Documents``), and the one matcher both use (``search.match_document``).

What is looked for is a ``Condition``: tests on the properties of a stored Document (``stores.rows.document_row``:
the folded ``search_text`` and ``search_keys`` written at build time among them). A store gets the condition as the
WHERE clause of a Cypher query that both engines accept, every value a parameter; a graph in memory has it checked
on the rows a store would hold: one statement of the test, so both find the same documents.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Literal, Optional, Protocol

from ..stores.rows import document_row
from .plain import Row, plain

if TYPE_CHECKING:
    from ..graph.model import Graph

Runner = Callable[[str, dict[str, Any]], list[Row]]    # a store's ``run``
# What a found document shows, and what ranking reads.
FOUND_KEYS = ("id", "symbol", "aliases", "type", "type_name", "title", "issuer", "locality", "locality_id", "level",
              "date", "stub", "cited_by_count")
FOUND_FIELDS = ", ".join(f"d.{k} AS {k}" for k in FOUND_KEYS)

# How a test compares a document's property with a parameter, in Cypher.
Operator = Literal["equals", "listed in", "one of", "contains", "at least", "at most"]
_CYPHER = {"equals": "d.{prop} = ${param}", "listed in": "${param} IN d.{prop}", "one of": "d.{prop} IN ${param}",
           "contains": "d.{prop} CONTAINS ${param}", "at least": "d.{prop} >= ${param}",
           "at most": "d.{prop} <= ${param}"}


@dataclass(frozen=True)
class Test:
    """One test on a property of a stored document."""
    prop: str
    operator: Operator
    param: str

    def cypher(self) -> str:
        return _CYPHER[self.operator].format(prop=self.prop, param=self.param)

    def holds(self, row: Row, params: dict[str, Any]) -> bool:
        """The test on a row in memory, as Cypher evaluates it (a missing property or value: not true)."""
        value, wanted = plain(row.get(self.prop)), plain(params[self.param])
        if value is None or wanted is None:
            return False
        if self.operator == "equals":
            return bool(value == wanted)
        if self.operator == "listed in":
            return wanted in value
        if self.operator == "one of":
            return value in wanted
        if self.operator == "contains":
            return wanted in value
        if self.operator == "at least":
            return bool(value >= wanted)
        return bool(value <= wanted)


@dataclass(frozen=True)
class Condition:
    """Any of ``alternatives`` holds, each alternative being tests that all hold; ``params``: the values tested."""
    alternatives: tuple[tuple[Test, ...], ...]
    params: dict[str, Any]

    def cypher(self) -> str:
        return " OR ".join("(" + " AND ".join(test.cypher() for test in tests) + ")" for tests in self.alternatives)

    def holds(self, row: Row) -> bool:
        return any(all(test.holds(row, self.params) for test in tests) for tests in self.alternatives)

    def also(self, tests: tuple[Test, ...], params: dict[str, Any]) -> Condition:
        """This condition and ``tests`` (filters) too."""
        if not tests:
            return self
        return Condition(tuple(alt + tests for alt in self.alternatives), {**self.params, **params})


class Documents(Protocol):
    """Where references are looked up."""

    def with_id(self, doc_id: str) -> Optional[Row]:
        """The document with id ``doc_id`` (``FOUND_KEYS``), if there is one."""
        ...

    def find(self, condition: Condition, limit: int) -> list[Row]:
        """The documents (``FOUND_KEYS``, plain values) that meet ``condition``, in id order, at most ``limit``."""
        ...


class StoreDocuments:
    """The documents of a store, through its ``run``."""

    def __init__(self, run: Runner):
        self.run = run

    def with_id(self, doc_id: str) -> Optional[Row]:
        hit = self.run(f"MATCH (d:Document) WHERE d.id = $ref RETURN {FOUND_FIELDS}", {"ref": doc_id})
        return plain(hit[0]) if hit else None

    def find(self, condition: Condition, limit: int) -> list[Row]:
        hits = self.run(f"MATCH (d:Document) WHERE {condition.cypher()} RETURN {FOUND_FIELDS} ORDER BY d.id "
                        f"LIMIT {int(limit)}", condition.params)
        return [plain(h) for h in hits]

    def among(self, ids: list[str], condition: Condition, limit: int) -> list[Row]:
        """``find`` among the documents ``ids`` only (each looked up by its key, not a scan)."""
        hits = self.run(f"UNWIND $candidate_ids AS i MATCH (d:Document {{id: i}}) WHERE {condition.cypher()} "
                        f"RETURN {FOUND_FIELDS} ORDER BY d.id LIMIT {int(limit)}",
                        {**condition.params, "candidate_ids": ids})
        return [plain(h) for h in hits]


class GraphDocuments:
    """The documents of a graph held in memory, seen as a store holds them."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def with_id(self, doc_id: str) -> Optional[Row]:
        doc = self.graph.documents.get(doc_id)
        return self._found(document_row(doc)) if doc else None

    def find(self, condition: Condition, limit: int) -> list[Row]:
        hits = []
        for doc_id in sorted(self.graph.documents):
            row = document_row(self.graph.documents[doc_id])
            if condition.holds(row):
                hits.append(self._found(row))
                if len(hits) == limit:
                    break
        return hits

    @staticmethod
    def _found(row: Row) -> Row:
        return {k: plain(row.get(k)) for k in FOUND_KEYS}


def documents_of(where: Any) -> Documents:
    """A store (anything with ``run``: the embedded store through the word index of its folder, Neo4j through its
    full-text index, when they have one: ``word_index``), a graph in memory (``documents``) or a ``Documents`` as
    ``Documents``."""
    if isinstance(where, (StoreDocuments, GraphDocuments)):
        return where
    if hasattr(where, "documents") and isinstance(where.documents, dict):
        return GraphDocuments(where)
    if hasattr(where, "run"):
        from .word_index import indexed_documents
        return indexed_documents(where)
    if callable(where):
        return StoreDocuments(where)
    raise TypeError(f"cannot look documents up in {type(where).__name__}")


def resolve_ref(run: Runner, ref: str) -> str:
    """The one document id ``ref`` names in a store (``run(cypher, params)`` is the store's runner); raises
    ``AmbiguousRef`` listing the candidates, ``NoMatch`` with suggestions (``search.match_document``)."""
    from .search import match_document
    return match_document(StoreDocuments(run), ref).id


def find_in_graph(graph: Graph, ref: Optional[str]) -> str:
    """The same, in a graph held in memory (``load_graph``)."""
    from .search import match_document
    return match_document(GraphDocuments(graph), ref or "").id
