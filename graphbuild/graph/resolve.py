"""Turn per-document extractions into one graph: one node per real document, edges between them.

Identity (DESIGN.md): issuer with locality + type + number + year (state) or term (Party). The extraction already
gives each document a provisional id built from that key (``identity.document_id``); resolution then
- merges every mention of a document into one node, and a stub into the full document when its text is read;
- attaches an undated citation ("Kết luận 44-KL/TW" without a date) to the one dated document with that key, and
  reports it as ambiguous when there are several;
- keeps apart and reports conflicts (the same id cited with two different dates);
- adds the organisations, localities (with their parents) and signers as nodes.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date as Date
from typing import Callable, Iterable, Iterator, Optional, Union

from ..vocab import gazetteer

from ..extract import identity

from .. import vocab
from ..models import IMPLEMENTS_FAMILY, PRIORITY

DOC_FIELDS = ("symbol", "type", "number", "issuer", "issuer_code", "date", "year", "locality", "title", "signer",
              "type_name", "system", "level", "province", "term", "signer_role", "url")


@dataclass
class Graph:
    documents: dict = field(default_factory=dict)      # id -> dict
    edges: list = field(default_factory=list)          # dicts: source, target, relation, …
    entities: dict = field(default_factory=dict)       # id -> dict (Organization, Locality, Person)
    links: list = field(default_factory=list)          # dicts: source, target, relation (ISSUED_BY, …)
    report: dict = field(default_factory=dict)

    # The same records one at a time, nodes sorted by id, as ``export.GraphFiles`` reads them from a built graph's
    # files: what writes a store or CSVs takes either.
    def iter_documents(self) -> Iterator[dict]:
        return (self.documents[k] for k in sorted(self.documents))

    def iter_entities(self) -> Iterator[dict]:
        return (self.entities[k] for k in sorted(self.entities))

    def iter_edges(self) -> Iterator[dict]:
        return iter(self.edges)

    def iter_links(self) -> Iterator[dict]:
        return iter(self.links)


def _undated(doc_id: str) -> bool:
    return "/undated/" in doc_id


def _base_key(doc_id: str) -> str:
    """The id without its period: 'vn/tw/kl/2022/44' -> 'vn/tw/kl/*/44'."""
    parts = doc_id.split("/")
    return "/".join(parts[:-2] + ["*", parts[-1]])


def _party_key(d: dict) -> Optional[str]:
    """Party numbers run through a congress term: 'vn/tw/kl/XIII/44'."""
    if d.get("system") != "party" or not d.get("term"):
        return None
    parts = d["id"].split("/")
    return "/".join(parts[:-2] + [d["term"], parts[-1]])


_EMPTY = (None, "", [])


def _compact(d: dict, strings: dict) -> dict:
    """A mention's record without its empty fields, its strings shared with every other mention's: a corpus of
    100,000 texts holds about a million mentions until they are merged."""
    return {k: strings.setdefault(v, v) if type(v) is str else v for k, v in d.items()
            if v not in _EMPTY and v is not False}


def resolve_citations(extractions: Union[Iterable, Callable[[], Iterable]]) -> Graph:
    """``extractions``: ``Extraction`` records or their dicts (the lines of extractions.jsonl); a list or tuple is
    sorted by file here, any other iterable (or a function returning one) must come in file order, and is read once,
    so that a large corpus streams from disk instead of being held in memory (``build`` does that)."""
    if callable(extractions):
        extractions = extractions()
    if isinstance(extractions, (list, tuple)):
        extractions = sorted(extractions, key=lambda e: e["file"] if isinstance(e, dict) else e.file)
    g = Graph()
    strings: dict = {}
    # 1. Every document record, grouped by provisional id; remember who said what. Edges wait, as tuples, until
    #    the nodes are known.
    records: dict = defaultdict(list)          # id -> [(doc dict, file, is_subject)]
    raw_edges: list = []
    for ext in extractions:
        if not isinstance(ext, dict):
            ext = ext.to_dict()
        file = strings.setdefault(ext["file"], ext["file"])
        docs = ext.get("documents") or []
        for i, d in enumerate(docs):
            is_subject = ext.get("subject") is not None and i == 0
            records[strings.setdefault(d["id"], d["id"])].append((_compact(d, strings), file, is_subject))
        article = ext.get("article")
        if ext["kind"] == "news" and article:
            records[article["id"]].append(({"id": article["id"], "title": article.get("title"), "type": "Tin",
                                            "type_name": "Tin tức", "kind": "news", "file": file}, file, True))
        dates = {d["id"]: d.get("date") for d in docs}
        for e in ext.get("edges") or []:
            src, tgt, ev = e.get("source"), e.get("target"), e["evidence"]
            if src is None or tgt is None:
                continue
            raw_edges.append((strings.setdefault(src, src), src in dates, dates.get(src), strings.setdefault(tgt, tgt),
                              dates.get(tgt), strings.setdefault(e["relation"], e["relation"]), e["confidence"],
                              file, ev["text"], ev["start"], ev["end"]))
    # 2. Undated citations -> the one dated document with the same key (else ambiguous); Party documents of the
    #    same term with two different years are the same number cited with a wrong date: a conflict.
    rename: dict = {}
    by_base: dict = defaultdict(set)
    for doc_id in records:
        if not _undated(doc_id):
            by_base[_base_key(doc_id)].add(doc_id)
    ambiguous = []
    for doc_id in list(records):
        if _undated(doc_id):
            dated = sorted(by_base.get(_base_key(doc_id), ()))
            if len(dated) == 1 and any(r[2] for r in records[doc_id]):
                # A document read from its own undated text keeps the id its text gives; the citations that date
                # it join it, and its date is then marked inferred (an id never changes once built).
                if not any(r[2] for r in records[dated[0]]):
                    rename[dated[0]] = doc_id
            elif len(dated) == 1:
                rename[doc_id] = dated[0]
            elif len(dated) > 1:
                ambiguous.append({"id": doc_id, "symbol": records[doc_id][0][0].get("symbol"),
                                  "candidates": dated, "cited_in": sorted({f for _, f, _ in records[doc_id]}),
                                  "reason": "cited without a date; several dated documents share the symbol"})
    # A local citation that named no issuer was scoped to the citing text's own unit; the document with that
    # number in an enclosing unit (district, province) is the one meant when it is the only one.
    rename.update(_enclosing_scope(records, rename))
    # Laws cited by name (and year) that the law list does not know: the corpus may hold their text.
    rename.update(_laws_by_name_in_corpus(records, rename))
    # 3. Conflicts: one id, several dates (a typo in one citation, or two documents): keep apart, report.
    conflicts = []
    merged: dict = defaultdict(list)
    for doc_id, recs in records.items():
        merged[rename.get(doc_id, doc_id)].extend(recs)
    final: dict = {}
    for doc_id, recs in sorted(merged.items()):
        dates = Counter(r[0].get("date") for r in recs if r[0].get("date"))
        if len(dates) > 1:
            own = [r[0]["date"] for r in recs if r[2] and r[0].get("date")]
            primary = own[0] if own else sorted(dates, key=lambda d: (-dates[d], d))[0]
            conflicts.append({"id": doc_id, "symbol": recs[0][0].get("symbol"), "dates": sorted(dates),
                              "kept": primary, "cited_in": sorted({f for _, f, _ in recs}),
                              "reason": "the same document cited with different dates: kept apart"})
            for d in dates:
                target = doc_id if d == primary else f"{doc_id}~{d}"
                final[target] = [r for r in recs if r[0].get("date") in (d, None if d == primary else "-")]
        else:
            final[doc_id] = recs
    # Party: same term, same number, two years.
    party_groups: dict = defaultdict(set)
    for doc_id, recs in final.items():
        k = _party_key({**recs[0][0], "id": doc_id.split("~")[0]})
        if k:
            party_groups[k].add(doc_id)
    for k, ids in party_groups.items():
        if len(ids) > 1:
            conflicts.append({"id": sorted(ids)[0], "symbol": final[sorted(ids)[0]][0][0].get("symbol"),
                              "dates": sorted({r[0].get("date") or "" for i in ids for r in final[i]}),
                              "ids": sorted(ids), "reason": "one Party number in one term with different years: "
                                                            "kept apart"})
    # 4. One node per id: the document's own text wins over what citations say about it.
    def node_id(provisional: str, d: Optional[str]) -> str:
        base = rename.get(provisional, provisional)
        if d and f"{base}~{d}" in g.documents:
            return f"{base}~{d}"
        return base

    cited_by: dict = defaultdict(set)
    del records, merged          # the mention records are let go as their nodes are made
    for doc_id in list(final):
        recs = sorted(final.pop(doc_id), key=lambda r: (not r[2], r[1]))
        node = {"id": doc_id}
        for key in DOC_FIELDS:
            node[key] = next((r[0].get(key) for r in recs if r[0].get(key) not in (None, "", [])), None)
        node["stub"] = not any(r[2] for r in recs)
        node["kind"] = next((r[0].get("kind") for r in recs if r[0].get("kind")), None) or \
            ("document" if not node["stub"] else "stub")
        node["file"] = next((r[1] for r in recs if r[2]), None)
        node["date_inferred"] = any(r[0].get("date_inferred") for r in recs if r[0].get("date") == node["date"]) \
            or bool(node["date"] and recs[0][2] and not recs[0][0].get("date"))    # its own text gives no date
        node["recipients"] = next((r[0].get("recipients") for r in recs if r[2] and r[0].get("recipients")), [])
        node["aliases"] = sorted({r[0]["symbol"] for r in recs if r[0].get("symbol")} - {node["symbol"]})
        node["mentioned_in"] = sorted({r[1] for r in recs if not r[2]})
        g.documents[doc_id] = node
    # 5. Edges: one per (source, target); the strongest relation stated wins, every statement is kept as evidence.
    pairs: dict = {}
    for src, src_here, src_date, tgt, tgt_date, relation, confidence, file, text, start, end in raw_edges:
        s = node_id(src, src_date) if src_here else src
        t = node_id(tgt, tgt_date)
        if s == t or s not in g.documents or t not in g.documents:
            continue
        ev = {"file": file, "text": text, "start": start, "end": end, "relation": relation, "confidence": confidence}
        cur = pairs.get((s, t))
        if cur is None:
            pairs[(s, t)] = {"source": s, "target": t, "relation": relation, "confidence": confidence,
                             "evidence": [ev]}
        else:
            cur["evidence"].append(ev)
            if PRIORITY.index(relation) < PRIORITY.index(cur["relation"]):
                cur["relation"] = relation
            cur["confidence"] = max(cur["confidence"], confidence)
        cited_by[t].add(s)
    del raw_edges
    for (s, t), e in sorted(pairs.items()):
        e["relations"] = sorted({ev["relation"] for ev in e["evidence"]}, key=PRIORITY.index)
        e["asserted_in"] = sorted({ev["file"] for ev in e["evidence"]})
        e["source_symbol"] = g.documents[s]["symbol"]
        e["target_symbol"] = g.documents[t]["symbol"]
        e["lag_days"] = _lag(g.documents[s].get("date"), g.documents[t].get("date")) \
            if e["relation"] in IMPLEMENTS_FAMILY else None
        g.edges.append(e)
    for doc_id, node in g.documents.items():
        node["cited_by_count"] = len(cited_by.get(doc_id, ()))
    _entities(g)
    g.report = _report(g, ambiguous, conflicts)
    return g


def _split(doc_id: str) -> tuple:
    """'vn/an-giang/an-phu/ubnd/cv/2021/4926' -> (['vn','an-giang','an-phu'], ('ubnd','cv','4926'), '2021')."""
    parts = doc_id.split("~")[0].split("/")
    return parts[:-4], (parts[-4], parts[-3], parts[-1]), parts[-2]


def _enclosing_scope(records: dict, rename: dict) -> dict:
    by_tail: dict = defaultdict(list)
    records = {i: r for i, r in records.items() if i.startswith("vn/") and i.count("/") >= 5}   # not news ids
    for doc_id in records:
        scope, tail, period = _split(doc_id)
        by_tail[tail].append(("/".join(scope), period, doc_id))
    out = {}
    for doc_id, recs in records.items():
        scope, tail, period = _split(doc_id)
        if doc_id in rename or any(r[2] for r in recs) or len(scope) < 3 or scope[1].startswith("unknown@"):
            continue     # only cited-only local documents below province level
        for k in range(len(scope) - 1, 1, -1):
            outer = "/".join(scope[:k])
            found = {i for sc, per, i in by_tail[tail]
                     if sc == outer and (per == period or period == "undated" or per == "undated")}
            if len(found) == 1:
                target = found.pop()
                out[doc_id] = rename.get(target, target)
                break
            if found:
                break    # several: ambiguous, left as it is
    return out


LAW_TYPES = ("Luật", "Bộ luật", "Pháp lệnh")


def _laws_by_name_in_corpus(records: dict, rename: dict) -> dict:
    """'Luật Điện lực' cited by name -> the law whose full text (title 'ĐIỆN LỰC') is in the corpus; the year, when
    the citation gives one, must agree. Several candidates: left alone (reported as unresolved)."""
    by_name: dict = {}
    for doc_id, recs in records.items():
        for d, _, is_subject in recs:
            title = d.get("title") or ""
            if is_subject and d.get("type") in LAW_TYPES and d.get("symbol") and 0 < len(title) <= 80 \
                    and title.isupper():
                by_name.setdefault(vocab.fold(f"{d['type']} {title}"), set()).add((doc_id, d.get("year")))
    out = {}
    for doc_id, recs in records.items():
        d = recs[0][0]
        if d.get("symbol") or d.get("type") not in LAW_TYPES or not d.get("title") or doc_id in rename:
            continue
        found = {i for i, y in by_name.get(vocab.fold(d["title"]), ()) if not d.get("year") or y == d["year"]}
        if len(found) == 1:
            out[doc_id] = found.pop()
    return out


def _lag(source_date: Optional[str], target_date: Optional[str]) -> Optional[int]:
    if not source_date or not target_date:
        return None
    try:
        return (Date.fromisoformat(source_date) - Date.fromisoformat(target_date)).days
    except ValueError:
        return None


def _locality_unit(node: dict) -> Optional[gazetteer.Unit]:
    loc = node.get("locality")
    if not loc:
        return None
    parts = [p.strip() for p in loc.split(",")]
    era = gazetteer.era_for(node.get("date"))
    prov = gazetteer.lookup(parts[-1], level="province", era=era)
    if not prov:
        return None
    if len(parts) == 1:
        return prov[0]
    inner = gazetteer.lookup(parts[0], within=prov[0].id, era=era)
    return inner[0] if inner else prov[0]


def _entities(g: Graph) -> None:
    """Organisations (ISSUED_BY), localities (LOCATED_IN, PART_OF), signers (SIGNED_BY), recipients
    (ADDRESSED_TO) and news articles (REPORTS, already an edge between documents)."""
    provinces_seen = set()

    def add_locality(u: gazetteer.Unit) -> str:
        while u is not None and u.id not in g.entities:
            g.entities[u.id] = {"id": u.id, "label": "Locality", "name": u.short, "full_name": u.name,
                                "level": u.level, "era": u.era, "parent": u.parent,
                                "successor": gazetteer.successor(u.id) if u.era == "legacy" else None}
            if u.parent:
                g.links.append({"source": u.id, "target": u.parent, "relation": "PART_OF"})
            u = gazetteer.unit(u.parent)
        return u.id if u else None

    for doc_id, node in sorted(g.documents.items()):
        unit = _locality_unit(node)
        node["locality_id"] = unit.id if unit else None
        if unit:
            add_locality(unit)
            provinces_seen.add((unit.province_id, unit.era))
        if node.get("issuer_code") or node.get("issuer"):
            scope = doc_id.rsplit("/", 3)[0]         # vn/…/<issuer>
            org_id = "org/" + scope
            org = g.entities.setdefault(org_id, {"id": org_id, "label": "Organization",
                                                 "name": node.get("issuer") or node.get("issuer_code"),
                                                 "code": node.get("issuer_code"), "level": node.get("level"),
                                                 "locality": node.get("locality"), "locality_id": None})
            if not node["stub"] and node.get("issuer"):
                org["name"] = node["issuer"]       # the document's own header names its issuer best
            g.links.append({"source": doc_id, "target": org_id, "relation": "ISSUED_BY"})
            if unit and not org["locality_id"]:
                org["locality_id"] = unit.id
                g.links.append({"source": org_id, "target": unit.id, "relation": "LOCATED_IN"})
        if unit:
            g.links.append({"source": doc_id, "target": unit.id, "relation": "LOCATED_IN"})
        if node.get("signer"):
            pid = "person/" + identity.slug(node["signer"])
            g.entities.setdefault(pid, {"id": pid, "label": "Person", "name": node["signer"]})
            g.links.append({"source": doc_id, "target": pid, "relation": "SIGNED_BY",
                            "role": node.get("signer_role")})
        for r in node.get("recipients") or []:
            rid = "recipient/" + identity.slug(r)[:80]
            g.entities.setdefault(rid, {"id": rid, "label": "Organization", "name": r, "code": None,
                                        "level": None, "locality": None, "locality_id": None})
            g.links.append({"source": doc_id, "target": rid, "relation": "ADDRESSED_TO"})
    # Coverage asks which units did *not* act: every province, and every unit of the provinces seen.
    for era in ("legacy", "2025"):
        for u in gazetteer.provinces(era):
            add_locality(u)
    for prov_id, era in sorted(provinces_seen):
        for level in ("district", "commune"):
            for u in gazetteer.children(prov_id, level):
                add_locality(u)
    g.links.sort(key=lambda x: (x["relation"], x["source"], x["target"]))
    seen = set()
    g.links = [x for x in g.links if not ((k := (x["relation"], x["source"], x["target"])) in seen or seen.add(k))]


def _report(g: Graph, ambiguous: list, conflicts: list) -> dict:
    docs = g.documents.values()
    unresolved = []
    for d in sorted(docs, key=lambda d: d["id"]):
        if not d["stub"]:
            continue
        reasons, candidates = [], []
        if "/unknown@" in d["id"]:
            if vocab.issuer_info(d.get("issuer_code")) is None and d.get("symbol"):
                reasons.append("the issuer code is not a known issuing body: level and locality unknown")
            else:
                reasons.append("local document whose locality the citing text does not give: kept apart from "
                               "every other locality's document")
        if _undated(d["id"]) and d.get("symbol"):
            reasons.append("cited without a date or year, and no dated document with this symbol is known")
        if not d.get("symbol"):
            versions = vocab.laws_by_name().get(vocab.fold(d.get("title") or ""), [])
            if len(versions) > 1 and not d.get("year"):
                reasons.append("cited by name only, without a date; several laws of that name are known")
                candidates = sorted(v.symbol for v in versions)
            else:
                reasons.append("cited by name" + (" and date" if d.get("date") else "") +
                               " only; neither the list of laws nor the corpus has a law of that name" +
                               (" and year" if d.get("year") else ""))
        if reasons:
            unresolved.append({"id": d["id"], "symbol": d.get("symbol"), "issuer_code": d.get("issuer_code"),
                               "title": d.get("title"), **({"candidates": candidates} if candidates else {}),
                               "cited_in": d.get("mentioned_in", []), "reasons": reasons})
    return {
        "documents": len(g.documents),
        "full_text": sum(not d["stub"] for d in docs),
        "stubs": sum(d["stub"] for d in docs),
        "edges": len(g.edges),
        "by_type": dict(sorted(Counter(d.get("type") or "?" for d in docs).items())),
        "by_level": dict(sorted(Counter(d.get("level") or "?" for d in docs).items())),
        "by_relation": dict(sorted(Counter(e["relation"] for e in g.edges).items())),
        "entities": dict(sorted(Counter(x["label"] for x in g.entities.values()).items())),
        "unresolved_by_reason": dict(Counter(r for u in unresolved for r in u["reasons"]).most_common()),
        "unresolved": unresolved,
        "ambiguous": ambiguous,
        "conflicts": conflicts,
    }
