"""The passes of resolution: from per-document extractions to one node per real document and edges between them.

Identity (DESIGN.md): issuer with locality + type + number + year (state) or term (Party). The extraction already
gives each document a provisional id built from that key (``identity.document_id``); resolution then
- merges every mention of a document into one node, and a stub into the full document when its text is read;
- attaches an undated citation ("Kết luận 44-KL/TW" without a date) to the one dated document with that key, and
  reports it as ambiguous when there are several;
- keeps apart and reports conflicts (the same id cited with two different dates);
- adds the organisations, localities (with their parents) and signers as nodes (``entities``).

Each pass is a group-by or a join over records keyed by document id, read from tables on disk
(``worktable``: the mentions by provisional id, the statements in the order they were read); ``rename`` maps a
provisional id to the id it resolves to. ``resolve_files`` runs the passes in order and writes the graph's files.
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, Iterable, Iterator, Optional, Union, cast

from .. import vocab
from ..dates import days_between
from ..models import IMPLEMENTS_FAMILY, MODES, PRIORITY, Extraction, Mode, Relation
from .check import impossible
from .model import (
    Ambiguous,
    Citation,
    CitationEvidence,
    Conflict,
    DocumentNode,
    DocumentRecord,
    Graph,  # noqa: F401 - views and their tests import the graph's type from here
    Mention,
    Statement,
    is_undated,
)
from .spool import Sink, Spool
from .worktable import MentionTable, WorkTables

# The fields a node takes from the first mention that gives them (its own text first, then the citing files).
DOC_FIELDS = ("symbol", "type", "number", "issuer", "issuer_code", "date", "year", "locality", "title", "signer",
              "type_name", "system", "level", "province", "term", "signer_role", "url", "type_mismatch")
LAW_TYPES = ("Luật", "Bộ luật", "Pháp lệnh")

Renames = dict[str, str]                    # provisional id -> the id it resolves to
ExtractionLike = Union[Extraction, dict[str, Any]]
Group = tuple[str, "NodeParts"]             # a resolved id and its mentions, aggregated
Said = tuple[str, str, CitationEvidence]    # one statement with its ends resolved: (source, target, evidence)


# --- 1. gather ------------------------------------------------------------------------------------------------------

_EMPTY: tuple[object, ...] = (None, "", [])


def _compact(record: dict[str, Any]) -> DocumentRecord:
    """A mention's record without its empty fields."""
    return {k: v for k, v in record.items() if v not in _EMPTY and v is not False}


def gather_records(extractions: Iterable[ExtractionLike], tables: WorkTables) -> None:
    """Every document record, by provisional id (``tables.mentions``), with who said what; a news article is a
    record of its own. Citing statements wait as ``Statement``s until the nodes are known; one whose source or
    target has no id (a document the extraction could not identify) is left out."""
    records = tables.mentions
    for extraction in extractions:
        ext = extraction if isinstance(extraction, dict) else extraction.to_dict(mentions=False)
        file = ext["file"]
        docs = ext.get("documents") or []
        for i, doc in enumerate(docs):
            is_subject = ext.get("subject") is not None and i == 0
            records.add(doc["id"], Mention(_compact(doc), file, is_subject))
        article = ext.get("article")
        if ext["kind"] == "news" and article:
            records.add(article["id"], Mention({"id": article["id"], "title": article.get("title"), "type": "Tin",
                                                "type_name": "Tin tức", "kind": "news", "file": file}, file, True))
        dates = {doc["id"]: doc.get("date") for doc in docs}
        subject_id = docs[0]["id"] if ext.get("subject") is not None and docs else None
        for edge in ext.get("edges") or []:
            source, target, evidence = edge.get("source"), edge.get("target"), edge["evidence"]
            if source is None or target is None:
                continue
            tables.add_statement(Statement(
                source, source in dates, dates.get(source), target, dates.get(target),
                cast(Relation, edge["relation"]), edge["confidence"], file, evidence["text"], evidence["start"],
                evidence["end"], edge.get("mode") or "enacted", edge.get("verb") or None,
                source == subject_id or source not in dates))


# --- 2. which document a citation means ------------------------------------------------------------------------------

def _base_key(doc_id: str) -> str:
    """The id without its period: 'vn/tw/kl/2022/44' -> 'vn/tw/kl/*/44'."""
    parts = doc_id.split("/")
    return "/".join(parts[:-2] + ["*", parts[-1]])


def attach_undated(records: MentionTable) -> tuple[Renames, Spool[Ambiguous]]:
    """An undated citation ("Kết luận 44-KL/TW" without a date) is the one dated document with the same key (issuer,
    type, number); with several such documents it stays as it is and is reported as ambiguous. A document read from
    its own undated text keeps its id, and the dated citations of it join it instead. The ids are compared one key
    at a time (``MentionTable.grouped_ids``); the ambiguous wait in the work tables, to be reported in first-seen
    order: a list on disk (``WorkTables.spool``), written once as they are found and read back in that order."""
    rename: Renames = {}
    reported: Spool[Ambiguous] = records.tables.spool()
    ranks = array("q")                          # the first-seen rank of each id reported, as they were found
    records.group_ids(_base_key, _local_tail)   # one read of the ids for this pass and ``enclosing_scope``
    for members in records.grouped_ids(_base_key):
        dated = sorted(doc_id for doc_id, _, _ in members if not is_undated(doc_id))
        if not dated:
            continue
        read = {doc_id: own for doc_id, own, _ in members}
        for doc_id, own, rank in members:
            if not is_undated(doc_id):
                continue
            if len(dated) == 1 and own:
                # A document read from its own undated text keeps the id its text gives; the citations that date
                # it join it, and its date is then marked inferred (an id never changes once built).
                if not read[dated[0]]:
                    rename[dated[0]] = doc_id
            elif len(dated) == 1:
                rename[doc_id] = dated[0]
            else:
                mentions = records[doc_id]
                reported.append({"id": doc_id, "symbol": mentions[0].record.get("symbol"), "candidates": dated,
                                 "cited_in": sorted({m.file for m in mentions}),
                                 "reason": "cited without a date; several dated documents share the symbol"})
                ranks.append(rank)
    reported.reorder(sorted(range(len(ranks)), key=ranks.__getitem__))
    return rename, reported


def _split(doc_id: str) -> tuple[list[str], tuple[str, str, str], str]:
    """'vn/an-giang/an-phu/ubnd/cv/2021/4926' -> (['vn','an-giang','an-phu'], ('ubnd','cv','4926'), '2021')."""
    parts = doc_id.split("~")[0].split("/")
    return parts[:-4], (parts[-4], parts[-3], parts[-1]), parts[-2]


def _local_tail(doc_id: str) -> Optional[str]:
    """The issuer, type and number of a local document's id ('ubnd/cv/4926'); None for any other id (news ids)."""
    if not doc_id.startswith("vn/") or doc_id.count("/") < 5:
        return None
    return "/".join(_split(doc_id)[1])


def enclosing_scope(records: MentionTable, rename: Renames) -> Renames:
    """A local citation that named no issuer was scoped to the citing text's own unit; the document with that number
    in an enclosing unit (district, province) is the one meant when it is the only one there. Only documents that are
    cited, never read, below province level, and not already renamed; several candidates: left as they are. The ids
    are compared one issuer, type and number at a time."""
    out: Renames = {}
    for members in records.grouped_ids(_local_tail):
        split = [(doc_id, own, *_split(doc_id)) for doc_id, own, _ in members]
        in_unit: dict[str, list[tuple[str, str]]] = defaultdict(list)      # unit -> (period, id) of the group
        for doc_id, _, scope, _, period in split:
            in_unit["/".join(scope)].append((period, doc_id))
        for doc_id, own, scope, _, period in split:
            if doc_id in rename or own or len(scope) < 3 or scope[1].startswith("unknown@"):
                continue
            for k in range(len(scope) - 1, 1, -1):
                found = {i for per, i in in_unit.get("/".join(scope[:k]), ())
                         if per == period or period == "undated" or per == "undated"}
                if len(found) == 1:
                    target = found.pop()
                    out[doc_id] = rename.get(target, target)
                    break
                if found:
                    break
    return out


def laws_by_name_in_corpus(records: MentionTable, rename: Renames) -> Renames:
    """'Luật Điện lực' cited by name, which the list of laws does not know -> the law whose full text (title 'ĐIỆN
    LỰC') is in the corpus; the year, when the citation gives one, must agree. Several candidates: left alone (the
    report lists it as unresolved)."""
    by_name: dict[str, set[tuple[str, Optional[int]]]] = {}
    for doc_id, record in records.subject_records():
        title = record.get("title") or ""
        if record.get("type") in LAW_TYPES and record.get("symbol") and 0 < len(title) <= 80 and title.isupper():
            by_name.setdefault(vocab.fold(f"{record['type']} {title}"), set()).add((doc_id, record.get("year")))
    out: Renames = {}
    for doc_id, record in records.first_records():
        if record.get("symbol") or record.get("type") not in LAW_TYPES or not record.get("title") or doc_id in rename:
            continue
        found = {i for i, year in by_name.get(vocab.fold(record["title"]), ())
                 if not record.get("year") or year == record["year"]}
        if len(found) == 1:
            out[doc_id] = found.pop()
    return out


# --- 3. conflicts ----------------------------------------------------------------------------------------------------

def split_date_conflicts(records: MentionTable, rename: Renames, conflicts: Sink[Conflict]) -> Iterator[Group]:
    """The mentions grouped by resolved id, sorted by it, each group as the ``NodeParts`` of its node. One id cited
    with several dates (a typo in one citation, or two documents) is kept apart: the date of the document's own
    text, else the most cited date (then the earliest), keeps the id and the undated mentions; each other date gets
    ``id~date``, in the order the dates were first read. Each split is reported in ``conflicts``. A group's
    mentions are aggregated as they come (one ``NodeParts`` per date cited), never held as a list."""
    for doc_id, rows in records.grouped(rename):
        parts: dict[Any, NodeParts] = {}            # a mention's date (None: none) -> its parts
        for pos, (order, mention) in enumerate(rows):
            date = mention.record.get("date")
            part = parts.get(date)
            if part is None:
                part = parts[date] = NodeParts()
            part.add(pos, order, mention)
        dated = [date for date in parts if date]
        if len(dated) <= 1:
            yield doc_id, NodeParts.merged(parts.values())
            continue
        dated.sort(key=lambda d: parts[d].earliest_order())      # first read first, as a Counter of them keeps
        own = [date for date in dated if parts[date].earliest_subject is not None]
        primary = min(own, key=lambda d: cast(tuple, parts[d].earliest_subject)) if own else \
            sorted(dated, key=lambda d: (-parts[d].count, d))[0]
        earliest = min(parts.values(), key=NodeParts.earliest_order)
        conflicts.append({"id": doc_id, "symbol": earliest.first_record().get("symbol"),
                          "dates": sorted(dated), "kept": primary,
                          "cited_in": sorted(set().union(*(p.files() for p in parts.values()))),
                          "reason": "the same document cited with different dates: kept apart"})
        for date in dated:
            target = doc_id if date == primary else f"{doc_id}~{date}"
            joined = parts.get(None) if date == primary else parts.get("-") if date != "-" else None
            yield target, NodeParts.merged([parts[date]] + ([joined] if joined is not None else []))


def _party_key(doc_id: str, record: DocumentRecord) -> Optional[str]:
    """Party numbers run through a congress term: 'vn/tw/kl/XIII/44'."""
    if record.get("system") != "party" or not record.get("term"):
        return None
    parts = doc_id.split("/")
    return "/".join(parts[:-2] + [record["term"], parts[-1]])


class PartyTerms:
    """Party documents of one issuer, type and number in one congress term but with different years are the same
    number cited with a wrong date, or a mistake: kept apart, and reported. Fed the groups one at a time; the Party
    documents' symbols and dates wait in the work tables (``party_term``), compared one term key at a time."""

    def __init__(self, tables: WorkTables) -> None:
        self._tables = tables

    def add(self, doc_id: str, parts: "NodeParts") -> None:
        record = parts.first_record()
        key = _party_key(doc_id.split("~")[0], record)
        if key:
            self._tables.add_party_term(key, doc_id, record.get("symbol"), sorted(parts.dates))

    def conflicts(self) -> Iterator[Conflict]:
        for ids in self._tables.party_terms_shared():
            first = min(ids)
            yield {"id": first, "symbol": ids[first][0],
                   "dates": sorted(set().union(*(dates for _, dates in ids.values()))),
                   "ids": sorted(ids), "reason": "one Party number in one term with different years: kept apart"}


# --- 4. nodes and edges ----------------------------------------------------------------------------------------------

class NodeParts:
    """The mentions of one node, aggregated one at a time as they come in the order ``make_node`` reads them (the
    document's own text first, then the citing files by name; the mentions of one file in the order they were
    read), without a list of them. Each field is the first mention's that gives it, kept with that mention's place
    in the group (``pos``) so that two parts of one group merge into what their mentions together give; the title
    is the own text's, else the longest a citation quotes (the first of the longest); the aliases, files and dates
    are sets (the node's own lists). ``order`` is a mention's place in the order read (id first seen, then mention):
    the group's first mention in that order gives the Party key, and the first of the document's own texts its date
    when a split must choose."""

    __slots__ = ("count", "first", "fields", "placed", "own_title", "quoted", "kind", "file", "recipients",
                 "symbols", "citing", "subject_files", "inferred", "dates", "earliest", "earliest_subject")

    def __init__(self) -> None:
        self.count = 0
        self.first: Optional[tuple[int, bool, Any]] = None      # (pos, is_subject, date) of the first mention
        self.fields: dict[str, tuple[int, Any]] = {}            # field -> (pos, value) of the first giving it
        self.placed: Any = None                                 # the locality_id of the mention giving "locality"
        self.own_title: Optional[tuple[int, str]] = None        # a title not quoted by a citation: the first
        self.quoted: Optional[tuple[int, str]] = None           # a title a citation quotes: the first longest
        self.kind: Optional[tuple[int, Any]] = None
        self.file: Optional[tuple[int, str]] = None             # the first of the document's own texts
        self.recipients: Optional[tuple[int, Any]] = None
        self.symbols: set[str] = set()
        self.citing: set[str] = set()                           # files of the mentions that are not the document
        self.subject_files: set[str] = set()
        self.inferred: set[Any] = set()                         # the dates of the mentions whose date is inferred
        self.dates: set[str] = set()                            # each mention's date, "" for none (Party terms)
        self.earliest: Optional[tuple[tuple[int, int], DocumentRecord]] = None    # (order, record), first read
        self.earliest_subject: Optional[tuple[int, int]] = None                   # order of the first own text

    @classmethod
    def of(cls, mentions: Iterable[Mention]) -> "NodeParts":
        """The parts of a list of mentions in the order read (tests, and a few documents)."""
        listed = list(enumerate(mentions))
        parts = cls()
        for pos, (i, mention) in enumerate(sorted(listed, key=lambda im: (not im[1].is_subject, im[1].file))):
            parts.add(pos, (0, i), mention)
        return parts

    def add(self, pos: int, order: tuple[int, int], mention: Mention) -> None:
        """One mention, ``pos`` after those added before it (in ``make_node``'s order)."""
        record, file, subject = mention
        self.count += 1
        if self.first is None:
            self.first = (pos, subject, record.get("date"))
        fields = self.fields
        if len(fields) < len(DOC_FIELDS):
            for key in DOC_FIELDS:
                if key not in fields:
                    value = record.get(key)
                    if value not in _EMPTY:
                        fields[key] = (pos, value)
                        if key == "locality":
                            self.placed = record.get("locality_id")
        if record.get("title_source") == "citation":
            title = record["title"]
            if self.quoted is None or len(title) > len(self.quoted[1]):
                self.quoted = (pos, title)
        elif self.own_title is None and record.get("title"):
            self.own_title = (pos, record["title"])
        if self.kind is None and record.get("kind"):
            self.kind = (pos, record["kind"])
        symbol = record.get("symbol")
        if symbol:
            self.symbols.add(symbol)
        if subject:
            self.subject_files.add(file)
            if self.file is None:
                self.file = (pos, file)
            if self.recipients is None and record.get("recipients"):
                self.recipients = (pos, record["recipients"])
            if self.earliest_subject is None or order < self.earliest_subject:
                self.earliest_subject = order
        else:
            self.citing.add(file)
        if record.get("date_inferred"):
            self.inferred.add(record.get("date"))
        self.dates.add(record.get("date") or "")
        if self.earliest is None or order < self.earliest[0]:
            self.earliest = (order, record)

    @staticmethod
    def merged(parts: Iterable["NodeParts"]) -> "NodeParts":
        """The parts of the mentions of all ``parts`` (of one group) together; one part is returned as it is."""
        parts = list(parts)
        if len(parts) == 1:
            return parts[0]
        out = NodeParts()

        def first(values: Iterable[Optional[tuple[Any, ...]]]) -> Any:
            return min((v for v in values if v is not None), key=lambda v: v[0], default=None)

        out.count = sum(p.count for p in parts)
        out.first = first(p.first for p in parts)
        for key in DOC_FIELDS:
            value = first(p.fields.get(key) for p in parts)
            if value is not None:
                out.fields[key] = value
        located = first((p.fields["locality"][0], p.placed) if "locality" in p.fields else None for p in parts)
        out.placed = located[1] if located else None
        out.own_title = first(p.own_title for p in parts)
        quoted = [p.quoted for p in parts if p.quoted is not None]
        out.quoted = min(quoted, key=lambda q: (-len(q[1]), q[0])) if quoted else None
        out.kind = first(p.kind for p in parts)
        out.file = first(p.file for p in parts)
        out.recipients = first(p.recipients for p in parts)
        out.earliest = first(p.earliest for p in parts)
        subjects = [p.earliest_subject for p in parts if p.earliest_subject is not None]
        out.earliest_subject = min(subjects) if subjects else None
        for name in ("symbols", "citing", "subject_files", "inferred", "dates"):
            setattr(out, name, set().union(*(getattr(p, name) for p in parts)))
        return out

    def earliest_order(self) -> tuple[int, int]:
        return cast(tuple, self.earliest)[0]

    def first_record(self) -> DocumentRecord:
        """The record of the first mention in the order read."""
        return cast(tuple, self.earliest)[1]

    def files(self) -> set[str]:
        return self.citing | self.subject_files

    def node(self, doc_id: str) -> DocumentNode:
        """The node of ``doc_id``, as ``make_node`` gives it from the same mentions."""
        fields = self.fields
        node: dict[str, Any] = {"id": doc_id}
        for key in DOC_FIELDS:
            node[key] = fields[key][1] if key in fields else None
        stub = self.file is None
        node["stub"] = stub
        own = self.own_title[1] if self.own_title is not None else None
        node["title"] = own or (self.quoted[1] if self.quoted is not None else None)
        node["title_source"] = "citation" if node["title"] and not own else None
        node["kind"] = (self.kind[1] if self.kind is not None else None) or ("document" if not stub else "stub")
        node["file"] = self.file[1] if self.file is not None else None
        first = cast(tuple, self.first)
        node["date_inferred"] = node["date"] in self.inferred or bool(node["date"] and first[1] and not first[2])
        node["recipients"] = self.recipients[1] if self.recipients is not None else []
        node["aliases"] = sorted(self.symbols - {node["symbol"]})
        node["mentioned_in"] = sorted(self.citing)
        node["locality_id"] = self.placed
        return cast(DocumentNode, node)      # cited_by_count comes with the edges


def make_node(doc_id: str, mentions: list[Mention]) -> DocumentNode:
    """The node of one id. Each field comes from the document's own text when it was read, else from the first
    citing file (by name) that gives it; the node is a stub when no input is the document itself. (Resolution feeds
    ``NodeParts`` the mentions in this order as they come: the same rules, without the list.)"""
    return NodeParts.of(mentions).node(doc_id)


# What pairing statements and making edges read of a node (``check.impossible`` and the edge's ends).
PAIR_FIELDS = ("symbol", "date", "year", "type", "system", "issuer_code", "level")


def _strength(mode: Mode, relation: Relation) -> tuple[int, int]:
    """Lower is stronger: an enacted statement before any other (a task or a report states no strong relation),
    then by relation."""
    return MODES.index(mode), PRIORITY.index(relation)


def pair_statements(statements: Iterable[Statement], documents: Mapping[str, DocumentNode], rename: Renames,
                    corrected: Sink[dict[str, Any]]) -> Iterator[Said]:
    """Each statement's ends as nodes (a split conflict: the node of the date cited), with its evidence. A
    statement from a document to itself, or to a document that is no node, is left out; one that cannot be true
    once the dates of both ends are known is corrected or dropped, and reported in ``corrected``."""
    def node_id(provisional: str, date: Optional[str]) -> str:
        base = rename.get(provisional, provisional)
        if date and f"{base}~{date}" in documents:
            return f"{base}~{date}"
        return base

    for st in statements:
        source = node_id(st.source, st.source_date) if st.source_in_text else st.source
        target = node_id(st.target, st.target_date)
        if source == target or source not in documents or target not in documents:
            continue
        found = impossible(st.relation, documents[source], documents[target])
        if found is not None:
            # with the dates of both documents known, the statement cannot be true as read: the text's own
            # statement stays a citation, one about two documents it cites is dropped (both reported)
            corrected.append({"kind": found[0], "reason": found[1], "source": source, "target": target,
                              "relation": st.relation, "action": "cited" if st.by_subject else "dropped",
                              "evidence": {"file": st.file, "text": st.text, "start": st.start, "end": st.end}})
            if not st.by_subject:
                continue
            st = st._replace(relation="CITES")
        yield source, target, {"file": st.file, "text": st.text, "start": st.start, "end": st.end,
                               "relation": st.relation, "confidence": st.confidence, "mode": st.mode, "verb": st.verb}


def make_edges(said: Iterable[tuple[tuple[str, str], list[CitationEvidence]]],
               documents: Mapping[str, DocumentNode]) -> Iterator[Citation]:
    """One citation per (source, target), in the order ``said`` gives the pairs (sorted), each with every
    statement of it as evidence: the strongest relation stated wins, with the highest confidence; with its ends'
    symbols and, for IMPLEMENTS and CONTINUES, the lag in days."""
    for (source, target), evidence in said:
        first = evidence[0]
        relation, confidence, mode, verb = first["relation"], first["confidence"], first["mode"], first["verb"]
        for ev in evidence[1:]:
            if _strength(ev["mode"], ev["relation"]) < _strength(mode, relation):
                relation, mode, verb = ev["relation"], ev["mode"], ev["verb"]
            confidence = max(confidence, ev["confidence"])
        source_node, target_node = documents[source], documents[target]
        yield {
            "source": source, "target": target, "relation": relation, "confidence": confidence,
            "evidence": evidence,
            "relations": sorted({ev["relation"] for ev in evidence}, key=PRIORITY.index),
            "asserted_in": sorted({ev["file"] for ev in evidence}),
            "source_symbol": source_node["symbol"], "target_symbol": target_node["symbol"],
            "lag_days": days_between(source_node.get("date"), target_node.get("date"))
            if relation in IMPLEMENTS_FAMILY else None,
            "mode": mode, "verb": verb,
        }
