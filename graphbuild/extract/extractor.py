"""Find what a document is, every document it cites, and how (typed edges with evidence).

``extract_citations(source) -> Extraction``. Steps: normalize the text, read the header (``segment``), find mentions and their
tails (``mentions``), make the subject and the cited ``Document``s (``documents``), assign every mention its roles
(``relations``), and keep the strongest statement per pair of documents as an ``Edge`` with its sentence.

Also here: the subject of a news article (the document it reports being issued) and its REPORTS edge; a law named
without its date is never a version later than the document citing it; a plain citation of a document that the
subject's own stated lineage already reaches adds nothing, and one of a higher body's document implementing what
the subject implements becomes IMPLEMENTS (the district follows the city's instruction).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional

from ..vocab import gazetteer

from . import identity

from ..vocab import patterns

from ..text import segment
from .documents import cited_document, subject_document
from .mentions import Mention, find_mentions, short_forms
from ..models import IMPLEMENTS_FAMILY, PRIORITY, Document, Edge, Evidence, Extraction, Source
from ..text.normalize import Text, normalize_text
from ..vocab.patterns import Date
from .relations import Lines, Role, roles, sentence_span, subject_mention

CONFIDENCE = {"trigger": 0.9, "chain": 0.85, "list": 0.8, "plain": 0.5}
LAW_BY_NAME = 0.85   # factor: a law cited by name was matched against the law list, not read from its number

NEWS_SUBJECT = re.compile(r"(?i)(?:ký |vừa |đã )?ban hành\s*$")


def _news_subject(text: str, mentions: list, file: str) -> Optional[tuple]:
    """In a news article, the document it reports being issued: '…, UBND tỉnh ban hành Công văn số 706/…'."""
    for x in mentions:
        if not x.symbol:
            continue
        before = text[max(0, x.start - 40):x.start]
        if NEWS_SUBJECT.search(before):
            sent_start = max(text.rfind(". ", 0, x.start), text.rfind("\n", 0, x.start), text.rfind(";", 0, x.start))
            clause = text[sent_start + 1:x.start]
            im = re.search(r"([A-ZĐƯỦ][^,;.]{1,60}?)\s+(?:ký |vừa |đã )?ban hành\s*$", clause)
            issuer = im.group(1).strip() if im else None
            dm = list(patterns.DATE_RE.finditer(text, sent_start + 1, x.start))
            return x, issuer, (patterns.parse_date(dm[-1]) if dm else None)
    return None


def _infer_year(d: Date, text: str, latest: str) -> Date:
    """'ngày 16 tháng 3' in a text whose latest full date is 2023-02-17 -> 2023-03-16 (the first such day on or
    after the latest date it cites), marked inferred."""
    month, day = patterns.month_day(patterns.DATE_RE.match(text, d.start))
    y = int(latest[:4])
    iso = f"{y:04d}-{month:02d}-{day:02d}"
    if iso < latest:
        iso = f"{y + 1:04d}-{month:02d}-{day:02d}"
    return Date(iso, int(iso[:4]), d.start, d.end, True)


def extract_citations(source: Source) -> Extraction:
    """What one input is, what it cites and how."""
    t: Text = normalize_text(source.text)
    text = t.text
    warnings: list = []
    is_record = source.kind_hint == "record"
    h = segment.parse_header(text) if not is_record else segment.Header(body_end=len(text))
    subject = subject_document(h, source, text) if (h.is_document or is_record or source.meta.get("symbol")) \
        else None
    kind = "record" if is_record else ("document" if subject else "news")
    skip_spans = [h.symbol_span] if h.symbol_span else []
    mentions = [x for x in find_mentions(text) if not any(s <= x.start < e for s, e in skip_spans)]
    mentions += short_forms(text, mentions, 0)
    mentions.sort(key=lambda x: x.start)
    article = None
    if kind == "news":
        found = _news_subject(text, mentions, source.file)
        known = sorted(x.date.iso for x in mentions if x.date and x.date.iso)
        if found:
            x, issuer, d = found
            if d and d.inferred_year and known:
                d = _infer_year(d, text, known[-1])
                warnings.append(f"date of {x.key} has no year in the text; inferred {d.iso} from the dates it cites")
            subject = cited_document(x, None, source.file, issuer_text=issuer, date=d)
            subject.stub = False
            subject.file = source.file
            mentions = [m for m in mentions if m.key != x.key]
        article = {"id": "news/" + identity.slug(Path(source.file).name), "title": _first_line(text)}
    if subject and subject.symbol:
        mentions = [m for m in mentions if m.key != subject.symbol]
    # Cited documents, one per key; the first mention with a date or issuer tells the most.
    docs: dict = {}
    for x in mentions:
        if x.key not in docs or (x.date and not docs[x.key].date) or (x.issuer_phrase and not docs[x.key].issuer):
            docs[x.key] = cited_document(x, subject, source.file)
    # Relations.
    lines = Lines(text)
    mention_roles = roles(text, mentions, lines, subject_mention(subject))
    subj_key = "subject"
    subj_year = subject.year if subject else None
    edges: dict = {}
    for x, mine in zip(mentions, mention_roles):
        for role in mine:
            _edge_for(edges, x, role, kind, subject, subj_year, docs, text)
    _follows_instruction(edges, subj_key, subject, docs)
    # A plain mention of a document already reached through the subject's own stated lineage adds nothing.
    strong = {(s, g) for (s, g), e in edges.items() if e[0] != "CITES"}
    reach = _reachable(strong, subj_key)
    for (s, g) in list(edges):
        if s == subj_key and edges[(s, g)][0] == "CITES" and g in reach:
            del edges[(s, g)]
    out_edges = []
    for (s, g), (relation, conf, x) in sorted(edges.items(), key=lambda kv: kv[1][2].start):
        sd = subject if s == subj_key else docs.get(s)
        td = subject if g == subj_key else docs.get(g)
        if td is None or (sd is None and not (kind == "news" and s == subj_key)):
            continue
        if sd is not None and td is not None and sd.id == td.id:
            continue
        a, b = sentence_span(text, x.start, x.end, lines)
        sa, sb = t.source_span(a, b)
        ev = Evidence(file=source.file, text=source.text[sa:sb], start=sa, end=sb)
        out_edges.append(Edge(source=sd.id if sd else (article or {}).get("id"), target=td.id,
                              source_symbol=sd.symbol if sd else None, target_symbol=td.symbol,
                              relation=relation, confidence=round(conf, 2), evidence=ev))
    if kind == "news" and subject is not None:
        out_edges.insert(0, Edge(source=article["id"], target=subject.id, source_symbol=None,
                                 target_symbol=subject.symbol, relation="REPORTS", confidence=0.9,
                                 evidence=_evidence_for(t, source, 0, min(len(text), 300))))
    documents = ([subject] if subject else []) + [d for k, d in docs.items()]
    if subject is None and kind != "news":
        warnings.append("no document identity found in the text")
    return Extraction(file=source.file, kind=kind, subject=subject, documents=documents, edges=out_edges,
                      warnings=warnings, article=article)


def _edge_for(edges: dict, x: Mention, role: Role, kind: str, subject: Optional[Document], subj_year, docs: dict,
              text: str) -> None:
    if x.by_name and not x.law and (not x.date or role.relation != "BASED_ON" and role.how != "chain"):
        return   # a law by name that the list does not know, without its date or outside a legal basis: too vague
    if x.by_name and not x.date and role.how not in ("chain",) and role.relation not in ("BASED_ON",) \
            and not role.passive:
        return   # "Luật Hoạt động chữ thập đỏ" in a body sentence: a topic, not a dated citation
    src_key, tgt_key = (role.source, x.key) if not role.passive else (x.key, role.source)
    if role.passive and role.source == "subject":
        src_key, tgt_key = x.key, "subject"
    relation = role.relation
    if x.by_name and x.law and not x.date and x.law.date:
        # a law named without its date is the version in force for the citing document, never a later one
        src = subject if src_key == "subject" else docs.get(src_key)
        src_year = (src.year if src is not None else None) if src_key != x.key else None
        if src_year and src_year < int(x.law.date[:4]):
            return
    if kind == "news" and subject is None:
        relation = "REPORTS"
    elif relation == "REVIEWS" and (subject is None or subject.type != "BC") and role.how != "chain":
        relation = "CITES"   # "định kỳ sơ kết, tổng kết …" in a plan is an instruction, not a report
    conf = CONFIDENCE[role.how] * (LAW_BY_NAME if x.by_name else 1.0)
    _add_edge(edges, src_key, tgt_key, relation, conf, x, text)


def _evidence_for(t: Text, source: Source, a: int, b: int) -> Evidence:
    sa, sb = t.source_span(a, b)
    return Evidence(file=source.file, text=source.text[sa:sb], start=sa, end=sb)


def _first_line(text: str) -> Optional[str]:
    for line in text.split("\n"):
        if len(line.strip()) > 20:
            return line.strip()[:300]
    return None


def _add_edge(edges: dict, s: str, g: str, relation: str, conf: float, x: Mention, text: str) -> None:
    if s == g:
        return
    old = edges.get((s, g))
    if old is None or PRIORITY.index(relation) < PRIORITY.index(old[0]) or \
            (relation == old[0] and conf > old[1]):
        edges[(s, g)] = (relation, conf, x)


def _follows_instruction(edges: dict, subj_key: str, subject: Optional[Document], docs: dict) -> None:
    """A text that implements Y and plainly cites X, where X (issued at the same or a higher level) implements Y
    too, is following X's instruction: "Kết luận 44 …; Công văn 809-CV/TU của Thành ủy về thực hiện Kết luận 44.
    Để tổ chức thực hiện Kết luận 44, Quận ủy yêu cầu …" -> the district's letter implements 809 as well."""
    if subject is None:
        return
    implemented = {g for (s, g), e in edges.items() if s == subj_key and e[0] in IMPLEMENTS_FAMILY}
    rank = gazetteer.LEVEL_RANK
    for (s, x), (relation, conf, m) in list(edges.items()):
        if s != subj_key or relation != "CITES" or x not in docs:
            continue
        higher = rank.get(docs[x].level or "", 9) <= rank.get(subject.level or "", 9)
        if higher and any(edges.get((x, y), ("",))[0] in IMPLEMENTS_FAMILY for y in implemented):
            edges[(s, x)] = ("IMPLEMENTS", conf, m)


def _reachable(pairs: set, start: str) -> set:
    seen, todo = set(), [start]
    while todo:
        n = todo.pop()
        for s, g in pairs:
            if s == n and g not in seen:
                seen.add(g)
                todo.append(g)
    return seen

