"""Typed records that flow between the pipeline steps, and the allowed values of their fields.

read -> ``Source``; normalize -> ``text.Text``; extract -> ``Extraction`` (a ``Document`` subject, cited ``Document``s and
``Edge``s, each edge with its ``Evidence``, and every ``MentionSpan`` with its offsets in the source); resolve -> the resolved records of ``graph.model`` (one node per real
document, one citation per pair of documents).

The allowed values of kind, level, system, relation and mode are ``Literal`` types here, each with the tuple of its
values (``KINDS``, ``LEVELS``, ``SYSTEMS``, ``RELATIONS``, ``MODES``): the one place that lists them.
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
# What a citing clause does (DESIGN.md "Mode"), in the order an edge prefers them: only an enacted clause gives a
# strong relation; the others keep their verb on a CITES edge.
Mode = Literal["enacted", "assigned", "reported", "negated", "conditional"]

# What a mention in a text is (``MentionSpan.kind``): a document cited by its number ("Kết luận số 44-KL/TW"), a law
# cited by its name ("Luật Bảo hiểm y tế"), a short form of an earlier mention ("Kết luận 44", "Chỉ thị nói trên"), the
# text naming itself ("Kế hoạch này", its own number in its header or body), and the date and the issuer phrase
# written after a cited document ("ngày 10/6/2022", "của Bộ Chính trị").
MentionKind = Literal["symbol", "law_name", "short_form", "self", "date", "issuer"]

EXTRACTION_KINDS: tuple[ExtractionKind, ...] = get_args(ExtractionKind)
MENTION_KINDS: tuple[MentionKind, ...] = get_args(MentionKind)
KINDS: tuple[Kind, ...] = get_args(Kind)
LEVELS: tuple[Level, ...] = get_args(Level)
SYSTEMS: tuple[System, ...] = get_args(System)
RELATIONS: tuple[Relation, ...] = get_args(Relation)
MODES: tuple[Mode, ...] = get_args(Mode)
# Queries that follow IMPLEMENTS follow CONTINUES too (DESIGN.md: a kind of IMPLEMENTS).
IMPLEMENTS_FAMILY: tuple[Relation, ...] = ("IMPLEMENTS", "CONTINUES")
# Strongest first: when a document relates to another in several places, the strongest statement wins.
# What a document can do only to documents issued before it (it cannot implement, rest on, amend … a later one),
# and only to acts of its own legal rank or below (a decree cannot amend a law, a province a central act).
ACTS_ON_EARLIER: tuple[Relation, ...] = ("IMPLEMENTS", "CONTINUES", "BASED_ON", "GUIDES", "AMENDS", "REPLACES",
                                         "REPEALS", "CORRECTS", "PROMULGATES", "REVIEWS")
# The changes one act makes to another's text; bounded by rank.
CHANGES: tuple[Relation, ...] = ("AMENDS", "REPLACES", "REPEALS")
BOUNDED_BY_RANK = CHANGES
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
    title_source: Optional[str] = None      # "citation": a cited-only document's title, quoted by a citing text
    type_mismatch: Optional[str] = None     # the type word a text wrote before a symbol whose code says otherwise

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
    mode: Mode = "enacted"               # what the citing clause does; only enacted clauses give strong relations
    verb: Optional[str] = None           # the phrase that says it

    def to_dict(self) -> dict[str, Any]:
        ev = self.evidence
        return {"source": self.source, "target": self.target, "source_symbol": self.source_symbol,
                "target_symbol": self.target_symbol, "relation": self.relation, "confidence": self.confidence,
                "mode": self.mode, "verb": self.verb,
                "evidence": {"file": ev.file, "text": ev.text, "start": ev.start, "end": ev.end}}


@dataclass
class MentionRole:
    """What the clause around a mention states about the document it names: ``source`` -> ``target`` by
    ``relation`` (document ids; for a passive "A được sửa đổi bởi B" the mention B is the source). ``edge``: this
    mention is the evidence of the extraction's edge between the two (else a stronger statement elsewhere, or an
    inference over several statements, gave that edge)."""
    relation: Relation
    source: Optional[str]
    target: Optional[str]
    mode: Optional[str] = None        # enacted | assigned | reported | negated | conditional, where known
    verb: Optional[str] = None        # the governing verb, where known
    edge: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"relation": self.relation, "source": self.source, "target": self.target, "mode": self.mode,
                "verb": self.verb, "edge": self.edge}


@dataclass
class MentionSpan:
    """One mention in the text, with its offsets in the SOURCE text (``Source.text``: the decoded text of a
    legacy-font file, the visible text of an HTML page): ``text`` is exactly ``source_text[start:end]``."""
    kind: MentionKind
    text: str
    start: int
    end: int
    document: Optional[str] = None    # the id of the document it names, when the extraction knows it
    symbol: Optional[str] = None      # canonical symbol of that document
    type: Optional[str] = None        # its type code
    date: Optional[str] = None        # a date mention: the ISO date (None when the text gives no year)
    of: Optional[int] = None          # a date or issuer mention: the index of the mention it belongs to
    roles: list[MentionRole] = field(default_factory=list)   # strongest first

    @property
    def role(self) -> Optional[MentionRole]:
        """The role shown for the mention: the first, the strongest the clause states."""
        return self.roles[0] if self.roles else None

    def to_dict(self) -> dict[str, Any]:
        role = self.role
        return {"kind": self.kind, "text": self.text, "start": self.start, "end": self.end,
                "document": self.document, "symbol": self.symbol, "type": self.type,
                "relation": role.relation if role else None, "source": role.source if role else None,
                "target": role.target if role else None, "mode": role.mode if role else None,
                "verb": role.verb if role else None, "date": self.date, "of": self.of,
                "roles": [r.to_dict() for r in self.roles]}


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
    mentions: list[MentionSpan] = field(default_factory=list)   # in the order of the text

    def to_dict(self, mentions: bool = True) -> dict[str, Any]:
        """The extract contract; ``mentions=False`` leaves the mentions out (a build's extractions.jsonl: the graph
        does not use them, and they triple the size of a gazette's line)."""
        return {
            "file": self.file,
            "kind": self.kind,
            "subject": self.subject.to_dict() if self.subject else None,
            "documents": [d.to_dict() for d in self.documents],
            "edges": [e.to_dict() for e in self.edges],
            "warnings": list(self.warnings),
            **({"article": self.article} if self.article else {}),
            **({"mentions": [m.to_dict() for m in self.mentions]} if mentions else {}),
        }
