"""What a user types for a document ("44-KL/TW", "Kết luận 44", "1416-CV/QU", an id, words of a title) resolved to
one document id, in a store (``resolve_ref``) or in a graph held in memory (``find_in_graph``).

A reference is read once (``parse_ref``) into a ``Ref``, whose ``condition`` says what a document named that way
is, as tests on the properties of a stored Document. A store gets the condition as the WHERE clause of a Cypher
query; a graph in memory has it checked on the rows a store would hold (``stores.rows.document_row``): one
statement of the test, so both find the same documents, in id order, at most 20.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Literal, Optional, Protocol

from .. import vocab
from ..stores.rows import document_row
from ..vocab import patterns
from .errors import AmbiguousRef, QueryError
from .plain import Row, plain

if TYPE_CHECKING:
    from ..graph.model import Graph

Runner = Callable[[str, dict[str, Any]], list[Row]]    # a store's ``run``
REF_KEYS = ("id", "symbol", "issuer", "locality", "date", "stub")     # what a candidate shows
REF_FIELDS = ", ".join(f"d.{k} AS {k}" for k in REF_KEYS)
MAX_CANDIDATES = 20

# How a test compares a document's property with a parameter, in Cypher.
Operator = Literal["equals", "listed in", "one of", "in lower case contains"]
_CYPHER = {"equals": "d.{prop} = ${param}", "listed in": "${param} IN d.{prop}", "one of": "d.{prop} IN ${param}",
           "in lower case contains": "toLower(d.{prop}) CONTAINS ${param}"}


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
        value, wanted = row.get(self.prop), params[self.param]
        if value is None or wanted is None:
            return False
        if self.operator == "equals":
            return bool(value == wanted)
        if self.operator == "listed in":
            return wanted in value
        if self.operator == "one of":
            return value in wanted
        return bool(wanted) and wanted in value.lower()     # as the embedded store has it: "" is in no string


@dataclass(frozen=True)
class Condition:
    """Any of ``alternatives`` holds, each alternative being tests that all hold; ``params``: the values tested."""
    alternatives: tuple[tuple[Test, ...], ...]
    params: dict[str, Any]

    def cypher(self) -> str:
        return " OR ".join(" AND ".join(test.cypher() for test in tests) for tests in self.alternatives)

    def holds(self, row: Row) -> bool:
        return any(all(test.holds(row, self.params) for test in tests) for tests in self.alternatives)


@dataclass(frozen=True)
class Ref:
    """What a user typed, read as one way of naming a document."""
    symbol: Optional[str] = None           # "44-KL/TW"
    types: tuple[str, ...] = ()            # ("KL",) with number, for "Kết luận 44"
    number: Optional[int] = None
    words: Optional[str] = None            # anything else: words of a title

    def condition(self) -> Condition:
        if self.symbol:
            return Condition(((Test("symbol", "equals", "s"),), (Test("aliases", "listed in", "s"),)),
                             {"s": self.symbol})
        if self.types:
            return Condition(((Test("num", "equals", "n"), Test("type", "one of", "types")),),
                             {"n": self.number, "types": list(self.types)})
        return Condition(((Test("title", "in lower case contains", "t"),),), {"t": self.words})


def parse_ref(ref: str) -> Ref:
    sym = patterns.canonical_symbol(ref)
    if sym:
        return Ref(symbol=sym)
    match = re.fullmatch(r"(?P<word>.+?)\s+(?:số\s+)?(?P<num>\d{1,5})", ref, re.I)
    doc_type = vocab.type_by_word().get(vocab.fold(match.group("word"))) if match else None
    if match and doc_type:
        codes = tuple(sorted({x.code for x in vocab.doc_types() if x.name == doc_type.name} | {doc_type.code}))
        return Ref(types=codes, number=int(match.group("num")))
    return Ref(words=vocab.fold(ref))


class Documents(Protocol):
    """Where references are looked up."""

    def with_id(self, doc_id: str) -> Optional[str]:
        """The id of the document with id ``doc_id``, if there is one."""
        ...

    def find(self, condition: Condition) -> list[Row]:
        """The candidates (``REF_KEYS``, plain values) that meet ``condition``, in id order, at most 20."""
        ...


class StoreDocuments:
    """The documents of a store, through its ``run``."""

    def __init__(self, run: Runner):
        self.run = run

    def with_id(self, doc_id: str) -> Optional[str]:
        hit = self.run(f"MATCH (d:Document) WHERE d.id = $ref RETURN {REF_FIELDS}", {"ref": doc_id})
        return hit[0]["id"] if hit else None

    def find(self, condition: Condition) -> list[Row]:
        hits = self.run(f"MATCH (d:Document) WHERE {condition.cypher()} RETURN {REF_FIELDS} ORDER BY d.id "
                        f"LIMIT {MAX_CANDIDATES}", condition.params)
        return [plain(h) for h in hits]


class GraphDocuments:
    """The documents of a graph held in memory, seen as a store holds them."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def with_id(self, doc_id: str) -> Optional[str]:
        return doc_id if doc_id in self.graph.documents else None

    def find(self, condition: Condition) -> list[Row]:
        hits = []
        for doc_id in sorted(self.graph.documents):
            row = document_row(self.graph.documents[doc_id])
            if condition.holds(row):
                hits.append(plain({k: row[k] for k in REF_KEYS}))
                if len(hits) == MAX_CANDIDATES:
                    break
        return hits


def resolve_in(documents: Documents, ref: str) -> str:
    """One document id for ``ref``: an id as it is, else what ``parse_ref`` reads; raises AmbiguousRef listing the
    candidates, QueryError when none matches."""
    ref = ref.strip()
    found = documents.with_id(ref)
    if found is not None:
        return found
    hits = documents.find(parse_ref(ref).condition())
    if not hits:
        raise QueryError(f"no document matches '{ref}'")
    if len(hits) > 1:
        raise AmbiguousRef(ref, hits)
    return str(hits[0]["id"])


def resolve_ref(run: Runner, ref: str) -> str:
    """``resolve_in`` a store; ``run(cypher, params)`` is the store's runner."""
    return resolve_in(StoreDocuments(run), ref)


def find_in_graph(graph: Graph, ref: Optional[str]) -> str:
    """``resolve_in`` a graph held in memory (``load_graph``)."""
    return resolve_in(GraphDocuments(graph), ref or "")
