"""Typed records that flow between the pipeline steps, and the allowed values of their fields.

read -> ``Source``; normalize -> ``text.Text``; extract -> ``Extraction`` (a ``Document`` subject, cited ``Document``s and
``Edge``s, each edge with its ``Evidence``); resolve -> the resolved records of ``graph.model`` (one node per real
document, one citation per pair of documents).

The allowed values of kind, level, system and relation are ``Literal`` types here, each with the tuple of its values
(``KINDS``, ``LEVELS``, ``SYSTEMS``, ``RELATIONS``): the one place that lists them.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any, Literal, Optional, get_args

# What an input is: an official document, a news article about documents, a catalogue record.
ExtractionKind = Literal["document", "news", "record"]
# A resolved node's kind: the same, or "stub" for a document only cited, never read.
Kind = Literal["document", "news", "record", "stub"]
# Administrative level of an issuer or a locality, from the top down.
Level = Literal["central", "province", "district", "commune"]
# Which numbering system a symbol follows (DESIGN.md: Party "44-KL/TW", State "895/QĐ-TTg").
System = Literal["party", "state"]
# Relations between documents, stored once in the active direction.
Relation = Literal["IMPLEMENTS", "CONTINUES", "BASED_ON", "GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS",
                   "REVIEWS", "PROMULGATES", "CITES", "REPORTS"]

EXTRACTION_KINDS: tuple[ExtractionKind, ...] = get_args(ExtractionKind)
KINDS: tuple[Kind, ...] = get_args(Kind)
LEVELS: tuple[Level, ...] = get_args(Level)
SYSTEMS: tuple[System, ...] = get_args(System)
RELATIONS: tuple[Relation, ...] = get_args(Relation)
# Queries that follow IMPLEMENTS follow CONTINUES too (DESIGN.md: a kind of IMPLEMENTS).
IMPLEMENTS_FAMILY: tuple[Relation, ...] = ("IMPLEMENTS", "CONTINUES")
# Strongest first: when a document relates to another in several places, the strongest statement wins.
PRIORITY: tuple[Relation, ...] = ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "PROMULGATES", "CONTINUES",
                                  "IMPLEMENTS", "BASED_ON", "REVIEWS", "REPORTS", "CITES")


@dataclass
class Source:
    """One input unit: a file, or one record of a catalogue file (``file`` is then ``PATH#ID``)."""
    file: str
    text: str
    kind_hint: Optional[str] = None          # "record" for catalogue rows
    meta: dict[str, Any] = field(default_factory=dict)  # catalogue fields: symbol, title, date, issuer, locality, url
    encoding: Optional[str] = None


@dataclass
class Reject:
    file: str
    reason: str


@dataclass
class Evidence:
    file: str
    text: str     # exactly ``source_text[start:end]``
    start: int
    end: int


@dataclass
class Document:
    id: Optional[str] = None
    symbol: Optional[str] = None
    type: Optional[str] = None
    number: Optional[str] = None
    issuer: Optional[str] = None
    issuer_code: Optional[str] = None
    date: Optional[str] = None          # ISO yyyy-mm-dd
    year: Optional[int] = None
    locality: Optional[str] = None      # "Kiến An, Hải Phòng"; None when the text does not say
    locality_id: Optional[str] = None   # the gazetteer unit of ``locality`` ("L:D:307"): what the graph keys on
    title: Optional[str] = None
    signer: Optional[str] = None
    stub: bool = True
    # Beyond the contract: what an analyst filters on.
    type_name: Optional[str] = None
    system: Optional[System] = None
    level: Optional[Level] = None
    province: Optional[str] = None
    term: Optional[str] = None          # Party congress term (khóa), Roman numeral
    date_inferred: bool = False
    signer_role: Optional[str] = None
    recipients: list[str] = field(default_factory=list)
    kind: Optional[ExtractionKind] = None   # for documents read from text
    file: Optional[str] = None
    url: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        # By hand, not dataclasses.asdict: that deep-copies every value and was 13% of a build's time.
        d = {name: getattr(self, name) for name in _DOC_FIELDS}
        d["recipients"] = list(self.recipients)
        return d


_DOC_FIELDS = tuple(f.name for f in fields(Document))


@dataclass
class Edge:
    source: Optional[str]
    target: Optional[str]
    source_symbol: Optional[str]
    target_symbol: Optional[str]
    relation: Relation
    confidence: float
    evidence: Evidence

    def to_dict(self) -> dict[str, Any]:
        ev = self.evidence
        return {"source": self.source, "target": self.target, "source_symbol": self.source_symbol,
                "target_symbol": self.target_symbol, "relation": self.relation, "confidence": self.confidence,
                "evidence": {"file": ev.file, "text": ev.text, "start": ev.start, "end": ev.end}}


@dataclass
class Extraction:
    """What one input says: what it is (``subject``), what it cites, and how."""
    file: str
    kind: ExtractionKind
    subject: Optional[Document]
    documents: list[Document] = field(default_factory=list)   # every document mentioned, subject first when known
    edges: list[Edge] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    article: Optional[dict[str, Any]] = None    # a news article: its own id, title and date

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "kind": self.kind,
            "subject": self.subject.to_dict() if self.subject else None,
            "documents": [d.to_dict() for d in self.documents],
            "edges": [e.to_dict() for e in self.edges],
            "warnings": list(self.warnings),
            **({"article": self.article} if self.article else {}),
        }
