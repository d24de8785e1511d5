"""The resolved graph's records, and ``Graph``, which holds them in memory.

Rows that are written as JSON lines stay dicts (``TypedDict``: the files are the dicts, byte for byte):
``DocumentNode`` (documents.jsonl), ``Citation`` with its ``CitationEvidence`` list (edges.jsonl), the entities
``LocalityEntity``, ``OrganizationEntity`` and ``PersonEntity`` (entities.jsonl), ``Link`` (links.jsonl) and the
``Report`` (report.json). What lives only while resolving is a ``NamedTuple``: a ``Mention`` (what one input says
about one document) and a ``Statement`` (one citing sentence, before its ends are known as nodes).

``GraphSource`` is what the stores, the exporters and the CSV writers read: the records one at a time, nodes sorted
by id. ``Graph`` (in memory) and ``files.GraphFiles`` (a built graph streamed from its files) both are one.
"""
from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterator, Literal, NamedTuple, Optional, Protocol, TypedDict, Union, cast

from ..models import Kind, Level, Mode, Relation, System

# Relations from a document or an organisation to an entity (the citations between documents are ``Relation``s).
LinkRelation = Literal["ISSUED_BY", "LOCATED_IN", "PART_OF", "SUCCEEDED_BY", "SIGNED_BY", "ADDRESSED_TO"]

# What an extraction says about one document (DESIGN.md's DOC and the fields beyond it), its empty fields left out.
DocumentRecord = dict[str, Any]


class DocumentNode(TypedDict):
    """One real document (documents.jsonl): what its own text says, else what the citations say."""
    id: str
    symbol: Optional[str]
    type: Optional[str]
    number: Optional[str]
    issuer: Optional[str]
    issuer_code: Optional[str]
    date: Optional[str]
    year: Optional[int]
    locality: Optional[str]
    title: Optional[str]
    signer: Optional[str]
    type_name: Optional[str]
    system: Optional[System]
    level: Optional[Level]
    province: Optional[str]
    term: Optional[str]
    signer_role: Optional[str]
    url: Optional[str]
    stub: bool                      # only cited, its text never read
    kind: Kind
    file: Optional[str]             # the input holding its text
    date_inferred: bool
    recipients: list[str]
    aliases: list[str]              # other symbols it was cited by
    mentioned_in: list[str]         # the inputs that cite it
    cited_by_count: int
    locality_id: Optional[str]      # the gazetteer unit of ``locality``
    title_source: Optional[str]     # "citation": the title a citing text quotes (a document only cited)
    type_mismatch: Optional[str]    # a type word a citation wrote that the symbol's code contradicts


class CitationEvidence(TypedDict):
    """One statement of a citation: where it is said, and what it says."""
    file: str
    text: str
    start: int
    end: int
    relation: Relation
    confidence: float
    mode: Mode                      # what the citing clause does (DESIGN.md "Mode")
    verb: Optional[str]             # the phrase that says it, as written


class Citation(TypedDict):
    """One edge per (source, target) document (edges.jsonl): the strongest relation stated, every statement kept."""
    source: str
    target: str
    relation: Relation
    confidence: float
    evidence: list[CitationEvidence]
    relations: list[Relation]       # every relation stated, strongest first
    asserted_in: list[str]
    source_symbol: Optional[str]
    target_symbol: Optional[str]
    lag_days: Optional[int]         # IMPLEMENTS and CONTINUES: days from the target's date to the source's
    mode: Mode                      # of the statement that gives ``relation``: only an enacted one gives a strong one
    verb: Optional[str]


class LocalityEntity(TypedDict):
    """An administrative unit of the gazetteer (its parents are localities too)."""
    id: str
    label: Literal["Locality"]
    name: str
    full_name: str
    level: Level
    era: str                        # "legacy" (before July 2025) or "2025"
    parent: Optional[str]
    province: str                   # the province it lies in (itself for a province): "within" without a path
    successor: Optional[str]        # a legacy unit's 2025 unit


class OrganizationEntity(TypedDict):
    """An issuing body (``org/…``) or a recipient named in a document (``recipient/…``)."""
    id: str
    label: Literal["Organization"]
    name: Optional[str]
    code: Optional[str]
    level: Optional[Level]
    locality: Optional[str]
    locality_id: Optional[str]


class PersonEntity(TypedDict):
    """A signer."""
    id: str
    label: Literal["Person"]
    name: str


Entity = Union[LocalityEntity, OrganizationEntity, PersonEntity]


class _LinkEnds(TypedDict):
    source: str
    target: str
    relation: LinkRelation


class Link(_LinkEnds, total=False):
    """A document or organisation to an entity (links.jsonl); SIGNED_BY carries the signer's role."""
    role: Optional[str]


class Ambiguous(TypedDict):
    """An undated citation that several dated documents could be."""
    id: str
    symbol: Optional[str]
    candidates: list[str]
    cited_in: list[str]
    reason: str


class Conflict(TypedDict, total=False):
    """One id cited with different dates (``kept``: the date the node keeps; ``cited_in``), or one Party number in
    one term with different years (``ids``)."""
    id: str
    symbol: Optional[str]
    dates: list[str]
    kept: str
    ids: list[str]
    cited_in: list[str]
    reason: str


class Unresolved(TypedDict, total=False):
    """A cited document the graph could not pin down, with why."""
    id: str
    symbol: Optional[str]
    issuer_code: Optional[str]
    title: Optional[str]
    candidates: list[str]
    cited_in: list[str]
    reasons: list[str]


class Report(TypedDict, total=False):
    """report.json: counts, and every document the build could not resolve, with the reason. A build adds
    ``inputs`` and ``rejected``; a graph read back without its report has an empty one."""
    documents: int
    full_text: int
    stubs: int
    edges: int
    by_type: dict[str, int]
    by_level: dict[str, int]
    by_relation: dict[str, int]
    entities: dict[str, int]
    unresolved_by_reason: dict[str, int]
    unresolved: Sequence[Unresolved]         # a list, or while a build writes report.json a ``spool.Spool`` on disk
    ambiguous: Sequence[Ambiguous]
    conflicts: Sequence[Conflict]
    inputs: int
    rejected: int
    check: Any                      # graph/check.py CheckReport: violations of time, rank, … with evidence
    corrected: Sequence[Any]        # statements that could not be true once the documents' dates were known


class Mention(NamedTuple):
    """What one input says about one document: its record, the input, and whether the input is that document."""
    record: DocumentRecord
    file: str
    is_subject: bool


class Statement(NamedTuple):
    """One citing statement as extracted, its ends still provisional ids (a tuple: a corpus holds millions)."""
    source: str
    source_in_text: bool            # the source is a document of the citing text (else a news article)
    source_date: Optional[str]
    target: str
    target_date: Optional[str]
    relation: Relation
    confidence: float
    file: str
    text: str
    start: int
    end: int
    mode: Mode = "enacted"
    verb: Optional[str] = None
    by_subject: bool = True         # the citing text's own statement (else one about two documents it cites)


class NodeFields(Mapping[str, DocumentNode]):
    """Every node's id with a few of its fields (``fields``), for lookups by id while statements are paired and
    the graph is checked. Kept in a private SQLite database (in memory while small, in a temporary file past
    ``CACHE_KIB``), one marshalled tuple per id: a million nodes would take about 500 MB as tuples in a dict, the
    largest thing a resolution held. The last ``RECENT`` ids looked up are remembered (a text's statements share
    their source, and many cite the same few documents). A looked-up node is a dict of its id and those fields
    (the others are absent)."""

    CACHE_KIB = 16384
    RECENT = 32768
    _BATCH = 5000

    def __init__(self, fields: tuple[str, ...]):
        self.fields = fields
        self.db = sqlite3.connect("")        # "": private, temporary, removed when closed
        self.db.execute(f"PRAGMA cache_size = -{self.CACHE_KIB}")
        self.db.execute("CREATE TABLE node (id TEXT PRIMARY KEY, row BLOB NOT NULL) WITHOUT ROWID")
        self._pending: list[tuple[str, bytes]] = []
        self._row = lru_cache(maxsize=self.RECENT)(self._lookup)

    def add(self, node: DocumentNode) -> None:
        values: tuple[Any, ...] = tuple(node.get(k) for k in self.fields)
        self._pending.append((node["id"], marshal.dumps(values)))
        if len(self._pending) >= self._BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.db.executemany("INSERT OR REPLACE INTO node VALUES (?, ?)", self._pending)
            self._pending.clear()
            self._row.cache_clear()

    def _lookup(self, doc_id: str) -> Optional[tuple[Any, ...]]:
        found = self.db.execute("SELECT row FROM node WHERE id = ?", (doc_id,)).fetchone()
        return marshal.loads(found[0]) if found else None

    def _get_row(self, doc_id: object) -> Optional[tuple[Any, ...]]:
        if not isinstance(doc_id, str):
            return None
        self._flush()
        return self._row(doc_id)

    def __getitem__(self, doc_id: str) -> DocumentNode:
        row = self._get_row(doc_id)
        if row is None:
            raise KeyError(doc_id)
        return cast(DocumentNode, {"id": doc_id, **dict(zip(self.fields, row))})

    def __contains__(self, doc_id: object) -> bool:
        return self._get_row(doc_id) is not None

    def __iter__(self) -> Iterator[str]:
        self._flush()
        return (doc_id for doc_id, in self.db.execute("SELECT id FROM node ORDER BY id"))

    def __len__(self) -> int:
        self._flush()
        return self.db.execute("SELECT count(*) FROM node").fetchone()[0]

    def close(self) -> None:
        self._row.cache_clear()
        self.db.close()


def is_undated(doc_id: str) -> bool:
    """Whether a document id has no year ('vn/tw/kl/undated/44'): an undated citation."""
    return "/undated/" in doc_id


class GraphSource(Protocol):
    """A resolved graph read one record at a time, nodes sorted by id: what a store or an export is written from."""

    @property
    def report(self) -> Report: ...

    def iter_documents(self) -> Iterator[DocumentNode]: ...

    def iter_entities(self) -> Iterator[Entity]: ...

    def iter_edges(self) -> Iterator[Citation]: ...

    def iter_links(self) -> Iterator[Link]: ...


@dataclass
class Graph:
    """A resolved graph in memory: nodes by id, edges and links in the order they are written."""
    documents: dict[str, DocumentNode] = field(default_factory=dict)
    edges: list[Citation] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    links: list[Link] = field(default_factory=list)
    report: Report = field(default_factory=lambda: Report())

    def iter_documents(self) -> Iterator[DocumentNode]:
        return (self.documents[k] for k in sorted(self.documents))

    def iter_entities(self) -> Iterator[Entity]:
        return (self.entities[k] for k in sorted(self.entities))

    def iter_edges(self) -> Iterator[Citation]:
        return iter(self.edges)

    def iter_links(self) -> Iterator[Link]:
        return iter(self.links)
