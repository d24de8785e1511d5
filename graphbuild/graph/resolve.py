"""Turn per-document extractions into one graph: one node per real document, edges between them.

Identity (DESIGN.md): issuer with locality + type + number + year (state) or term (Party). The extraction already
gives each document a provisional id built from that key (``identity.document_id``); resolution then
- merges every mention of a document into one node, and a stub into the full document when its text is read;
- attaches an undated citation ("Kết luận 44-KL/TW" without a date) to the one dated document with that key, and
  reports it as ambiguous when there are several;
- keeps apart and reports conflicts (the same id cited with two different dates);
- adds the organisations, localities (with their parents) and signers as nodes (``entities``).

``resolve_citations`` runs named passes, in order. Each is a group-by or a join over records keyed by document id
(``records``: id -> the mentions of that id; ``rename``: provisional id -> the id it resolves to), so that each can
later run over sorted files instead of dicts in memory.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Optional, Union, cast

from .. import vocab
from ..dates import days_between
from ..models import IMPLEMENTS_FAMILY, MODES, PRIORITY, Extraction, Mode, Relation
from .entities import add_entities
from .check import impossible
from .model import (Ambiguous, Citation, CitationEvidence, Conflict, DocumentNode, DocumentRecord, Graph, Mention,
                    Statement, is_undated)
from .report import make_report

# The fields a node takes from the first mention that gives them (its own text first, then the citing files).
DOC_FIELDS = ("symbol", "type", "number", "issuer", "issuer_code", "date", "year", "locality", "title", "signer",
              "type_name", "system", "level", "province", "term", "signer_role", "url", "type_mismatch")
LAW_TYPES = ("Luật", "Bộ luật", "Pháp lệnh")

Records = dict[str, list[Mention]]          # provisional id -> every mention of it
Renames = dict[str, str]                    # provisional id -> the id it resolves to
ExtractionLike = Union[Extraction, dict[str, Any]]


def resolve_citations(extractions: Union[Iterable[ExtractionLike], Callable[[], Iterable[ExtractionLike]]]) -> Graph:
    """``extractions``: ``Extraction`` records or their dicts (the lines of extractions.jsonl); a list or tuple is
    sorted by file here, any other iterable (or a function returning one) must come in file order, and is read once,
    so that a large corpus streams from disk instead of being held in memory (``build`` does that)."""
    if callable(extractions):
        extractions = extractions()
    if isinstance(extractions, (list, tuple)):
        extractions = sorted(extractions, key=lambda e: e["file"] if isinstance(e, dict) else e.file)
    records, statements = gather_records(extractions)
    rename, ambiguous = attach_undated(records)
    rename.update(enclosing_scope(records, rename))
    rename.update(laws_by_name_in_corpus(records, rename))
    groups, conflicts = split_date_conflicts(records, rename)
    conflicts += party_term_conflicts(groups)
    del records                  # the mention records are let go as their nodes are made
    graph = Graph(documents=make_nodes(groups))
    corrected: list[dict[str, Any]] = []
    pairs = pair_statements(statements, graph.documents, rename, corrected)
    del statements
    graph.edges = make_edges(pairs, graph.documents)
    add_entities(graph)
    graph.report = make_report(graph, ambiguous, conflicts)
    graph.report["corrected"] = corrected
    return graph


# --- 1. gather ------------------------------------------------------------------------------------------------------

_EMPTY: tuple[object, ...] = (None, "", [])


def _compact(record: dict[str, Any], strings: dict[str, str]) -> DocumentRecord:
    """A mention's record without its empty fields, its strings shared with every other mention's: a corpus of
    100,000 texts holds about a million mentions until they are merged."""
    return {k: strings.setdefault(v, v) if type(v) is str else v for k, v in record.items()
            if v not in _EMPTY and v is not False}


def gather_records(extractions: Iterable[ExtractionLike]) -> tuple[Records, list[Statement]]:
    """Every document record, grouped by provisional id, with who said what; a news article is a record of its own.
    Citing statements wait as ``Statement``s until the nodes are known; one whose source or target has no id (a
    document the extraction could not identify) is left out."""
    strings: dict[str, str] = {}
    records: Records = defaultdict(list)
    statements: list[Statement] = []
    for extraction in extractions:
        ext = extraction if isinstance(extraction, dict) else extraction.to_dict(mentions=False)
        file = strings.setdefault(ext["file"], ext["file"])
        docs = ext.get("documents") or []
        for i, doc in enumerate(docs):
            is_subject = ext.get("subject") is not None and i == 0
            records[strings.setdefault(doc["id"], doc["id"])].append(Mention(_compact(doc, strings), file, is_subject))
        article = ext.get("article")
        if ext["kind"] == "news" and article:
            records[article["id"]].append(Mention({"id": article["id"], "title": article.get("title"), "type": "Tin",
                                                   "type_name": "Tin tức", "kind": "news", "file": file}, file, True))
        dates = {doc["id"]: doc.get("date") for doc in docs}
        subject_id = docs[0]["id"] if ext.get("subject") is not None and docs else None
        for edge in ext.get("edges") or []:
            source, target, evidence = edge.get("source"), edge.get("target"), edge["evidence"]
            if source is None or target is None:
                continue
            statements.append(Statement(
                strings.setdefault(source, source), source in dates, dates.get(source),
                strings.setdefault(target, target), dates.get(target),
                cast(Relation, strings.setdefault(edge["relation"], edge["relation"])), edge["confidence"],
                file, evidence["text"], evidence["start"], evidence["end"], edge.get("mode") or "enacted",
                strings.setdefault(edge["verb"], edge["verb"]) if edge.get("verb") else None,
                source == subject_id or not (source in dates)))
    return records, statements


# --- 2. which document a citation means ------------------------------------------------------------------------------

def _base_key(doc_id: str) -> str:
    """The id without its period: 'vn/tw/kl/2022/44' -> 'vn/tw/kl/*/44'."""
    parts = doc_id.split("/")
    return "/".join(parts[:-2] + ["*", parts[-1]])


def attach_undated(records: Records) -> tuple[Renames, list[Ambiguous]]:
    """An undated citation ("Kết luận 44-KL/TW" without a date) is the one dated document with the same key (issuer,
    type, number); with several such documents it stays as it is and is reported as ambiguous. A document read from
    its own undated text keeps its id, and the dated citations of it join it instead."""
    rename: Renames = {}
    by_base: dict[str, set[str]] = defaultdict(set)
    for doc_id in records:
        if not is_undated(doc_id):
            by_base[_base_key(doc_id)].add(doc_id)
    ambiguous: list[Ambiguous] = []
    for doc_id in list(records):
        if is_undated(doc_id):
            dated = sorted(by_base.get(_base_key(doc_id), ()))
            if len(dated) == 1 and any(m.is_subject for m in records[doc_id]):
                # A document read from its own undated text keeps the id its text gives; the citations that date
                # it join it, and its date is then marked inferred (an id never changes once built).
                if not any(m.is_subject for m in records[dated[0]]):
                    rename[dated[0]] = doc_id
            elif len(dated) == 1:
                rename[doc_id] = dated[0]
            elif len(dated) > 1:
                ambiguous.append({"id": doc_id, "symbol": records[doc_id][0].record.get("symbol"),
                                  "candidates": dated, "cited_in": sorted({m.file for m in records[doc_id]}),
                                  "reason": "cited without a date; several dated documents share the symbol"})
    return rename, ambiguous


def _split(doc_id: str) -> tuple[list[str], tuple[str, str, str], str]:
    """'vn/an-giang/an-phu/ubnd/cv/2021/4926' -> (['vn','an-giang','an-phu'], ('ubnd','cv','4926'), '2021')."""
    parts = doc_id.split("~")[0].split("/")
    return parts[:-4], (parts[-4], parts[-3], parts[-1]), parts[-2]


def enclosing_scope(records: Records, rename: Renames) -> Renames:
    """A local citation that named no issuer was scoped to the citing text's own unit; the document with that number
    in an enclosing unit (district, province) is the one meant when it is the only one there. Only documents that are
    cited, never read, below province level, and not already renamed; several candidates: left as they are."""
    local = {i: r for i, r in records.items() if i.startswith("vn/") and i.count("/") >= 5}   # not news ids
    by_tail: dict[tuple[str, str, str], list[tuple[str, str, str]]] = defaultdict(list)
    for doc_id in local:
        scope, tail, period = _split(doc_id)
        by_tail[tail].append(("/".join(scope), period, doc_id))
    out: Renames = {}
    for doc_id, mentions in local.items():
        scope, tail, period = _split(doc_id)
        if doc_id in rename or any(m.is_subject for m in mentions) or len(scope) < 3 or \
                scope[1].startswith("unknown@"):
            continue
        for k in range(len(scope) - 1, 1, -1):
            outer = "/".join(scope[:k])
            found = {i for unit, per, i in by_tail[tail]
                     if unit == outer and (per == period or period == "undated" or per == "undated")}
            if len(found) == 1:
                target = found.pop()
                out[doc_id] = rename.get(target, target)
                break
            if found:
                break
    return out


def laws_by_name_in_corpus(records: Records, rename: Renames) -> Renames:
    """'Luật Điện lực' cited by name, which the list of laws does not know -> the law whose full text (title 'ĐIỆN
    LỰC') is in the corpus; the year, when the citation gives one, must agree. Several candidates: left alone (the
    report lists it as unresolved)."""
    by_name: dict[str, set[tuple[str, Optional[int]]]] = {}
    for doc_id, mentions in records.items():
        for record, _, is_subject in mentions:
            title = record.get("title") or ""
            if is_subject and record.get("type") in LAW_TYPES and record.get("symbol") and 0 < len(title) <= 80 \
                    and title.isupper():
                by_name.setdefault(vocab.fold(f"{record['type']} {title}"), set()).add((doc_id, record.get("year")))
    out: Renames = {}
    for doc_id, mentions in records.items():
        record = mentions[0].record
        if record.get("symbol") or record.get("type") not in LAW_TYPES or not record.get("title") or doc_id in rename:
            continue
        found = {i for i, year in by_name.get(vocab.fold(record["title"]), ())
                 if not record.get("year") or year == record["year"]}
        if len(found) == 1:
            out[doc_id] = found.pop()
    return out


# --- 3. conflicts ----------------------------------------------------------------------------------------------------

def split_date_conflicts(records: Records, rename: Renames) -> tuple[Records, list[Conflict]]:
    """The mentions grouped by resolved id. One id cited with several dates (a typo in one citation, or two
    documents) is kept apart: the date of the document's own text, else the most cited date (then the earliest),
    keeps the id and the undated mentions; each other date gets ``id~date``. Each split is reported."""
    merged: Records = defaultdict(list)
    for doc_id, mentions in records.items():
        merged[rename.get(doc_id, doc_id)].extend(mentions)
    groups: Records = {}
    conflicts: list[Conflict] = []
    for doc_id, mentions in sorted(merged.items()):
        dates: Counter[str] = Counter(m.record["date"] for m in mentions if m.record.get("date"))
        if len(dates) > 1:
            own = [m.record["date"] for m in mentions if m.is_subject and m.record.get("date")]
            primary = own[0] if own else sorted(dates, key=lambda d: (-dates[d], d))[0]
            conflicts.append({"id": doc_id, "symbol": mentions[0].record.get("symbol"), "dates": sorted(dates),
                              "kept": primary, "cited_in": sorted({m.file for m in mentions}),
                              "reason": "the same document cited with different dates: kept apart"})
            for date in dates:
                target = doc_id if date == primary else f"{doc_id}~{date}"
                groups[target] = [m for m in mentions
                                  if m.record.get("date") in (date, None if date == primary else "-")]
        else:
            groups[doc_id] = mentions
    return groups, conflicts


def _party_key(doc_id: str, record: DocumentRecord) -> Optional[str]:
    """Party numbers run through a congress term: 'vn/tw/kl/XIII/44'."""
    if record.get("system") != "party" or not record.get("term"):
        return None
    parts = doc_id.split("/")
    return "/".join(parts[:-2] + [record["term"], parts[-1]])


def party_term_conflicts(groups: Records) -> list[Conflict]:
    """Party documents of one issuer, type and number in one congress term but with different years are the same
    number cited with a wrong date, or a mistake: kept apart, and reported."""
    by_term: dict[str, set[str]] = defaultdict(set)
    for doc_id, mentions in groups.items():
        key = _party_key(doc_id.split("~")[0], mentions[0].record)
        if key:
            by_term[key].add(doc_id)
    conflicts: list[Conflict] = []
    for ids in by_term.values():
        if len(ids) > 1:
            first = sorted(ids)[0]
            conflicts.append({"id": first, "symbol": groups[first][0].record.get("symbol"),
                              "dates": sorted({m.record.get("date") or "" for i in ids for m in groups[i]}),
                              "ids": sorted(ids), "reason": "one Party number in one term with different years: "
                                                            "kept apart"})
    return conflicts


# --- 4. nodes and edges ----------------------------------------------------------------------------------------------

def make_nodes(groups: Records) -> dict[str, DocumentNode]:
    """One node per id. Each field comes from the document's own text when it was read, else from the first citing
    file (by name) that gives it; the node is a stub when no input is the document itself. ``groups`` is emptied as
    the nodes are made."""
    documents: dict[str, DocumentNode] = {}
    for doc_id in list(groups):
        mentions = sorted(groups.pop(doc_id), key=lambda m: (not m.is_subject, m.file))
        node: dict[str, Any] = {"id": doc_id}
        for key in DOC_FIELDS:
            node[key] = next((m.record.get(key) for m in mentions if m.record.get(key) not in _EMPTY), None)
        stub = not any(m.is_subject for m in mentions)
        node["stub"] = stub
        # a title the document's own text gives wins; else the fullest a citation quotes
        quoted = [m.record["title"] for m in mentions if m.record.get("title_source") == "citation"]
        own = next((m.record.get("title") for m in mentions
                    if m.record.get("title") and m.record.get("title_source") != "citation"), None)
        node["title"] = own or (max(quoted, key=len) if quoted else None)
        node["title_source"] = "citation" if node["title"] and not own else None
        node["kind"] = next((m.record.get("kind") for m in mentions if m.record.get("kind")), None) or \
            ("document" if not stub else "stub")
        node["file"] = next((m.file for m in mentions if m.is_subject), None)
        node["date_inferred"] = any(m.record.get("date_inferred") for m in mentions
                                    if m.record.get("date") == node["date"]) \
            or bool(node["date"] and mentions[0].is_subject and not mentions[0].record.get("date"))  # no date of its own
        node["recipients"] = next((m.record.get("recipients") for m in mentions
                                   if m.is_subject and m.record.get("recipients")), [])
        node["aliases"] = sorted({m.record["symbol"] for m in mentions if m.record.get("symbol")} - {node["symbol"]})
        node["mentioned_in"] = sorted({m.file for m in mentions if not m.is_subject})
        # The unit goes with the label it was read with: both from the mention that gives the locality.
        placed = next((m.record for m in mentions if m.record.get("locality") not in _EMPTY), {})
        node["locality_id"] = placed.get("locality_id")
        documents[doc_id] = cast(DocumentNode, node)      # cited_by_count comes later
    return documents


@dataclass
class _Pair:
    """The statements from one document to another, while they are gathered."""
    relation: Relation
    confidence: float
    evidence: list[CitationEvidence]
    mode: Mode
    verb: Optional[str]

    def strength(self) -> tuple[int, int]:
        return _strength(self.mode, self.relation)


def _strength(mode: Mode, relation: Relation) -> tuple[int, int]:
    """Lower is stronger: an enacted statement before any other (a task or a report states no strong relation),
    then by relation."""
    return MODES.index(mode), PRIORITY.index(relation)


def pair_statements(statements: Iterable[Statement], documents: dict[str, DocumentNode], rename: Renames,
                    corrected: list[dict[str, Any]]) -> dict[tuple[str, str], _Pair]:
    """Each statement's ends as nodes (a split conflict: the node of the date cited), grouped by (source, target);
    the strongest relation stated wins, with the highest confidence, and every statement is kept as evidence. A
    statement from a document to itself, or to a document that is no node, is left out."""
    def node_id(provisional: str, date: Optional[str]) -> str:
        base = rename.get(provisional, provisional)
        if date and f"{base}~{date}" in documents:
            return f"{base}~{date}"
        return base

    pairs: dict[tuple[str, str], _Pair] = {}
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
        evidence: CitationEvidence = {"file": st.file, "text": st.text, "start": st.start, "end": st.end,
                                      "relation": st.relation, "confidence": st.confidence, "mode": st.mode,
                                      "verb": st.verb}
        pair = pairs.get((source, target))
        if pair is None:
            pairs[(source, target)] = _Pair(st.relation, st.confidence, [evidence], st.mode, st.verb)
        else:
            pair.evidence.append(evidence)
            if _strength(st.mode, st.relation) < pair.strength():
                pair.relation, pair.mode, pair.verb = st.relation, st.mode, st.verb
            pair.confidence = max(pair.confidence, st.confidence)
    return pairs


def make_edges(pairs: dict[tuple[str, str], _Pair], documents: dict[str, DocumentNode]) -> list[Citation]:
    """One citation per pair, sorted by (source, target), with its ends' symbols and, for IMPLEMENTS and CONTINUES,
    the lag in days; each node counts the documents that cite it."""
    edges: list[Citation] = []
    cited_by: dict[str, int] = Counter(target for _, target in pairs)
    for (source, target), pair in sorted(pairs.items()):
        edges.append({
            "source": source, "target": target, "relation": pair.relation, "confidence": pair.confidence,
            "evidence": pair.evidence,
            "relations": sorted({ev["relation"] for ev in pair.evidence}, key=PRIORITY.index),
            "asserted_in": sorted({ev["file"] for ev in pair.evidence}),
            "source_symbol": documents[source]["symbol"], "target_symbol": documents[target]["symbol"],
            "lag_days": days_between(documents[source].get("date"), documents[target].get("date"))
            if pair.relation in IMPLEMENTS_FAMILY else None,
            "mode": pair.mode, "verb": pair.verb,
        })
    for doc_id, node in documents.items():
        node["cited_by_count"] = cited_by.get(doc_id, 0)
    return edges
