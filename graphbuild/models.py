"""Typed records that flow between the pipeline steps.

read -> ``Source``; normalize -> ``Text``; extract -> ``Extraction`` (a ``Document`` subject, cited ``Document``s and
``Edge``s, each edge with its ``Evidence``); resolve -> the same records with canonical ids.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Optional

RELATIONS = (
    "IMPLEMENTS", "CONTINUES", "BASED_ON", "GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS",
    "REVIEWS", "PROMULGATES", "CITES", "REPORTS",
)
# Queries that follow IMPLEMENTS follow CONTINUES too (DESIGN.md: a kind of IMPLEMENTS).
IMPLEMENTS_FAMILY = ("IMPLEMENTS", "CONTINUES")
# Strongest first: when a document relates to another in several places, the strongest statement wins.
PRIORITY = ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "PROMULGATES", "CONTINUES", "IMPLEMENTS",
            "BASED_ON", "REVIEWS", "REPORTS", "CITES")


@dataclass
class Source:
    """One input unit: a file, or one record of a catalogue file (``file`` is then ``PATH#ID``)."""
    file: str
    text: str
    kind_hint: Optional[str] = None          # "record" for catalogue rows
    meta: dict = field(default_factory=dict)  # catalogue fields: symbol, title, date, issuer, locality, url
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
    title: Optional[str] = None
    signer: Optional[str] = None
    stub: bool = True
    # Beyond the contract: what an analyst filters on.
    type_name: Optional[str] = None
    system: Optional[str] = None        # "party" | "state"
    level: Optional[str] = None         # central | province | district | commune
    province: Optional[str] = None
    term: Optional[str] = None          # Party congress term (khóa), Roman numeral
    date_inferred: bool = False
    signer_role: Optional[str] = None
    recipients: list = field(default_factory=list)
    kind: Optional[str] = None          # document | news | record, for documents read from text
    file: Optional[str] = None
    url: Optional[str] = None

    def to_dict(self) -> dict:
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
    relation: str
    confidence: float
    evidence: Evidence
    mode: str = "enacted"                # what the citing clause does: enacted | assigned | reported | negated |
    verb: Optional[str] = None           # conditional; only enacted clauses give the strong relations

    def to_dict(self) -> dict:
        ev = self.evidence
        return {"source": self.source, "target": self.target, "source_symbol": self.source_symbol,
                "target_symbol": self.target_symbol, "relation": self.relation, "confidence": self.confidence,
                "mode": self.mode, "verb": self.verb,
                "evidence": {"file": ev.file, "text": ev.text, "start": ev.start, "end": ev.end}}


@dataclass
class Extraction:
    """What one input says: what it is (``subject``), what it cites, and how."""
    file: str
    kind: str                                   # document | news | record
    subject: Optional[Document]
    documents: list = field(default_factory=list)   # every document mentioned, subject first when known
    edges: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    article: Optional[dict] = None              # a news article: its own title and date

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "kind": self.kind,
            "subject": self.subject.to_dict() if self.subject else None,
            "documents": [d.to_dict() for d in self.documents],
            "edges": [e.to_dict() for e in self.edges],
            "warnings": list(self.warnings),
            **({"article": self.article} if self.article else {}),
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Extraction":
        def doc(x):
            return Document(**x) if x else None
        return cls(
            file=d["file"], kind=d["kind"], subject=doc(d.get("subject")),
            documents=[doc(x) for x in d.get("documents", [])],
            edges=[Edge(**{**e, "evidence": Evidence(**e["evidence"])}) for e in d.get("edges", [])],
            warnings=list(d.get("warnings", [])), article=d.get("article"),
        )
