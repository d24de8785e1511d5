"""Find what a document is, every document it cites, and how (typed edges with evidence).

``extract_citations(source) -> Extraction``. Steps: normalize the text, read the header (``segment``), find
mentions and their tails (``mentions``), make the subject and the cited ``Document``s (``documents``), assign every
mention its roles (``relations``), and keep the strongest statement per pair of documents as an ``Edge`` with its
sentence (``lines``).

Also here: the subject of a news article (the document it reports being issued) and its REPORTS edge; a law named
without its date is never a version later than the document citing it; a plain citation of a document that the
subject's own stated lineage already reaches adds nothing, and one of a higher body's document implementing what
the subject implements becomes IMPLEMENTS (the district follows the city's instruction).
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple, Optional

from .. import vocab
from ..models import CHANGES, IMPLEMENTS_FAMILY, MODES, PRIORITY, Document, Edge, Evidence, Extraction, Source
from ..text import segment
from ..text.normalize import Text, normalize_text
from ..vocab import gazetteer, patterns
from ..vocab.patterns import Date, any_of
from . import identity
from .amending_names import amending_law_names
from .annex import annex_roles
from .clauses import ENACTED, ClauseReader
from .consolidated import Consolidation
from .documents import cited_document, record_symbol, subject_document
from .feasibility import later, possible, subject_mention
from .lines import Lines, sentence_span
from .mentions import Mention, defined_names, find_mentions, short_forms
from .relations import Role, roles
from .spans import mention_spans
from .triggers import phrase_key, trigger_table

# Which statement about a pair of documents the edge keeps: an enacted one first (models.MODES order).
MODE_ORDER = MODES
# Edge confidence by how the relation was read, and the factor for a law cited by name (vocab/confidence.tsv).
CONFIDENCE = vocab.confidence()
LAW_BY_NAME = CONFIDENCE["law_by_name"]

# "… UBND tỉnh vừa ban hành Công văn số …": the words before the document a news article reports being issued.
_ISSUED = rf"(?:{any_of(vocab.phrases('news_issued_prefix'))} )?{any_of(vocab.phrases('news_issued'))}\s*$"
NEWS_SUBJECT = re.compile(f"(?i){_ISSUED}")
ANNOUNCING = re.compile(f"(?i){any_of(vocab.phrases('announcing_title'))}")
NEWS_ISSUER = re.compile(rf"([A-ZĐƯỦ][^,;.]{{1,60}}?)\s+{_ISSUED}")
NEWS_BACKGROUND = patterns.words_re("news_background")
NEWS_ISSUED_WORD = patterns.words_re("news_issued")


class _Statement(NamedTuple):
    """The strongest relation the text states between two documents, the mention that states it, and what the
    clause does (``clauses``)."""
    relation: str
    confidence: float
    mention: Mention
    mode: str = ENACTED
    verb: Optional[str] = None

    def strength(self) -> tuple[int, float]:
        """Lower is stronger: any enacted statement before the others, then by relation (PRIORITY; a report that
        reviews X reviews it, whatever else it says X's implementers did); among the others the most specific
        mode."""
        return (MODE_ORDER.index(self.mode), _REVIEW_RANK if self.relation == "REVIEWS" else PRIORITY.index(self.relation))


_REVIEW_RANK = PRIORITY.index("CONTINUES") - 0.5    # REVIEWS is kept from the subject only in a report (BC)
Statements = dict[tuple[str, str], _Statement]      # (source key, target key) -> statement; 'subject' for the text
SUBJECT = "subject"


def _in_background(text: str, clause_start: int, at: int) -> bool:
    """Whether a news article's clause issues the document at ``at`` before what it reports ("Trước đó, Tỉnh ủy đã
    ban hành …", "Sau khi Bộ Chính trị ban hành Nghị quyết 71, …"): the marker governs this issue, not one named
    between them."""
    clause = text[clause_start:at]
    background = list(NEWS_BACKGROUND.finditer(clause))
    return bool(background) and len(NEWS_ISSUED_WORD.findall(clause, background[-1].end())) == 1


def _news_subject(text: str, mentions: list[Mention]) -> Optional[tuple[Mention, Optional[str], Optional[Date]]]:
    """In a news article, the document it reports being issued: '…, UBND tỉnh ban hành Công văn số 706/…', with
    the issuer and the date written before it in its sentence. Only when the article reports one document issued
    (besides what was issued before it: "Sau khi Bộ Chính trị ban hành Nghị quyết 71, …", "Trước đó, Tỉnh ủy đã ban
    hành …"): an article on a conference that tells of several plans issued is about none of them."""
    found = None
    for mention in mentions:
        if not mention.symbol:
            continue
        before = text[max(0, mention.start - 40):mention.start]
        if not NEWS_SUBJECT.search(before):
            continue
        sentence_start = max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start),
                             text.rfind(";", 0, mention.start))
        if _in_background(text, sentence_start + 1, mention.start):
            continue
        clause = text[sentence_start + 1:mention.start]
        if found is not None:
            if found[0].key != mention.key:
                return None
            continue
        issuer_match = NEWS_ISSUER.search(clause)
        issuer = issuer_match.group(1).strip() if issuer_match else None
        dates = list(patterns.DATE_RE.finditer(text, sentence_start + 1, mention.start))
        found = mention, issuer, (patterns.parse_date(dates[-1]) if dates else None)
    return found


def _own_words(title: str) -> str:
    """A title up to the first document it names: its own words, not the title of a document it cites ("Thay thế Phụ
    lục ban hành kèm theo QĐ số 2310/QĐ-UBND … về công bố danh mục …" does not announce a list itself)."""
    first = patterns.mention_re().search(title)
    return title[:first.start()] if first else title


def _infer_year(date: Date, text: str, latest: str) -> Date:
    """'ngày 16 tháng 3' in a text whose latest full date is 2023-02-17 -> 2023-03-16 (the first such day on or
    after the latest date it cites), marked inferred."""
    written = patterns.DATE_RE.match(text, date.start)        # the date as written: it was found there
    if written is None:
        return date
    month, day = patterns.month_day(written)
    year = int(latest[:4])
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if iso < latest:
        iso = f"{year + 1:04d}-{month:02d}-{day:02d}"
    return Date(iso, int(iso[:4]), date.start, date.end, True)


def extract_citations(source: Source, with_mentions: bool = True) -> Extraction:
    """What one input is, what it cites and how; ``with_mentions=False`` leaves ``Extraction.mentions`` empty (a
    build: the graph does not use them, and they cost a fifth of the extraction of a gazette)."""
    clean: Text = normalize_text(source.text)
    text = clean.text
    warnings: list[str] = []
    is_record = source.kind_hint == "record"
    header = segment.parse_header(clean) if not is_record else segment.Header(body_end=len(text))
    subject = subject_document(header, source) if (header.is_document or is_record or source.meta.get("symbol") or
                                                   record_symbol(source.meta)) \
        else None
    kind = "record" if is_record else ("document" if subject else "news")
    skip_spans = ([header.symbol_span] if header.symbol_span else []) + header.copies_spans
    mentions = [x for x in find_mentions(text, year=subject.year if subject else None)
                if not any(s <= x.start < e for s, e in skip_spans)]
    mentions += short_forms(text, mentions, 0)
    mentions.sort(key=lambda x: x.start)
    mentions = defined_names(text, mentions)
    all_mentions = list(mentions)     # the subject's own number included: a mention too (Extraction.mentions)
    article = None
    if kind == "news":
        found = _news_subject(text, mentions)
        known = sorted(x.date.iso for x in mentions if x.date and x.date.iso)
        if found:
            reported, issuer, issued_on = found
            if issued_on and issued_on.inferred_year and known:
                issued_on = _infer_year(issued_on, text, known[-1])
                warnings.append(f"date of {reported.key} has no year in the text; inferred {issued_on.iso} from the "
                                f"dates it cites")
            subject = cited_document(reported, None, source.file, issuer_text=issuer, date=issued_on)
            subject.stub = False
            subject.file = source.file
            mentions = [x for x in mentions if x.key != reported.key]
        article = {"id": "news/" + identity.slug(Path(source.file).name), "title": _first_line(text)}
    if subject and subject.symbol:
        mentions = [x for x in mentions if x.key != subject.symbol]
    # Cited documents, one per key; the first mention with a date or issuer tells the most.
    docs: dict[str, Document] = {}
    for mention in mentions:
        first = docs.get(mention.key)
        if first is None or (mention.date and not first.date) or (mention.issuer_phrase and not first.issuer):
            docs[mention.key] = cited_document(mention, subject, source.file)
    _quoted_titles(docs, mentions, warnings)
    lines = Lines(text)
    reader = ClauseReader(text, header.body_start, type_code=subject.type if subject else None)
    consolidation = Consolidation(text, mentions) if subject and subject.type == "VBHN" else None
    announces = bool(subject and subject.title and ANNOUNCING.search(_own_words(subject.title)))
    statements: Statements = {}

    def state(record: Statements, mention: Mention, role: Role) -> None:
        """What one role of a mention states, said by whom the text's kind says (a consolidated text, a list)."""
        if consolidation is not None:
            attributed = _attribute(role, mention, consolidation, mentions)
            if attributed is None:
                return
            role = attributed
        if kind == "news" and subject is not None and role.source == SUBJECT and \
                _in_background(text, max(text.rfind(". ", 0, mention.start), text.rfind("\n", 0, mention.start),
                                         text.rfind(";", 0, mention.start)) + 1, mention.start):
            return      # what was issued before the reported document: the article's background, not its citation
        if announces and role.source == SUBJECT and role.relation not in ("BASED_ON", "CITES"):
            role = replace(role, relation="CITES", verb="công bố")   # it lists what others did
        elif announces and role.source == SUBJECT and role.how == "plain" and role.verb and role.mode is None:
            role = replace(role, mode="reported")   # "được thay thế bởi B" in its list: B's act, reported
        _state(record, mention, role, kind, subject, docs, reader, pinned)

    # the laws this text names with their number or their date: an undated name elsewhere is one of these
    pinned = {m.key for m in mentions if not m.by_name or m.date}
    # a consolidated text's clauses are its base's or an amending act's: whether the speaker ranks high enough is
    # checked once it is known (``_attribute``), not against the consolidated text itself
    mention_roles = roles(text, mentions, lines, subject_mention(subject) if consolidation is None else None)
    mention_roles = annex_roles(text, mentions, amending_law_names(text, mentions, mention_roles))
    for mention, mine in zip(mentions, mention_roles, strict=True):
        for role in mine:
            state(statements, mention, role)
    _follows_instruction(statements, subject, docs)
    # A task to review or report on a document already reached through the subject's own stated lineage adds nothing
    # ("định kỳ báo cáo kết quả thực hiện Kết luận 44" in a plan implementing the decision that implements 44); a task
    # to carry it out, a report of it and the text's own plain citation of it stay ("tiếp tục quán triệt, thực hiện
    # Nghị quyết số 20-NQ/TW" in a report on the provincial resolution that implements it).
    reach = _reachable({pair for pair, st in statements.items() if st.relation != "CITES"}, SUBJECT)
    for pair in list(statements):
        statement = statements[pair]
        if pair[0] == SUBJECT and statement.relation == "CITES" and statement.mode != ENACTED and pair[1] in reach \
                and _reviews(statement.verb):
            del statements[pair]
    edges = []
    for (source_key, target_key), statement in sorted(statements.items(), key=lambda kv: kv[1].mention.start):
        relation, confidence, mention = statement.relation, statement.confidence, statement.mention
        source_doc = subject if source_key == SUBJECT else docs.get(source_key)
        target_doc = subject if target_key == SUBJECT else docs.get(target_key)
        if target_doc is None or (source_doc is None and not (kind == "news" and source_key == SUBJECT)):
            continue
        if source_doc is not None and source_doc.id == target_doc.id:
            continue
        evidence = _evidence_for(clean, source, *sentence_span(text, mention.start, mention.end, lines))
        edges.append(Edge(source=source_doc.id if source_doc else (article or {}).get("id"), target=target_doc.id,
                          source_symbol=source_doc.symbol if source_doc else None, target_symbol=_cited_as(target_doc),
                          relation=relation, confidence=round(confidence, 2), evidence=evidence,
                          mode=statement.mode, verb=statement.verb))
    if kind == "news" and subject is not None and article is not None:
        edges.insert(0, Edge(source=article["id"], target=subject.id, source_symbol=None,
                             target_symbol=subject.symbol, relation="REPORTS", confidence=0.9,
                             evidence=_evidence_for(clean, source, 0, min(len(text), 300))))
    documents = ([subject] if subject else []) + list(docs.values())
    if subject is None and kind != "news":
        warnings.append("no document identity found in the text")
    spans = mention_spans(clean, source.text, found=all_mentions, cited=mentions, cited_roles=mention_roles,
                          state=state,
                          statements=statements, docs=docs, subject=subject, edges=edges,
                          header_symbol=header.symbol_span, header_date=header.date,
                          article=article) if with_mentions else []
    return Extraction(file=source.file, kind=kind, subject=subject, documents=documents, edges=edges,
                      warnings=warnings, article=article, mentions=spans)


def _state(statements: Statements, mention: Mention, role: Role, kind: str, subject: Optional[Document],
           docs: dict[str, Document], reader: ClauseReader, pinned: set[str]) -> None:
    """Record what one role of a mention states, unless it says too little (a law by name without its date)."""
    # a chain between two cited documents, stated of this one or of the item it is listed with ("A quy định chi tiết
    # Luật X và Luật Y")
    chain = role.how == "chain" or role.how == "list" and role.source != SUBJECT
    if mention.by_name and not mention.law and \
            (not mention.date or role.relation != "BASED_ON" and role.how != "chain"):
        return   # a law by name that the list does not know, without its date or outside a legal basis: too vague
    if mention.by_name and not mention.date and chain and mention.key not in pinned:
        return   # "Nghị định A quy định chi tiết Luật X": which law X is, only the text's own numbered X would say
    if mention.by_name and not mention.date and not chain and role.relation not in ("BASED_ON",) \
            and not role.passive:
        return   # "Luật Hoạt động chữ thập đỏ" in a body sentence: a topic, not a dated citation
    source_key, target_key = (role.source, mention.key) if not role.passive else (mention.key, role.source)
    if role.passive and role.source == SUBJECT:
        source_key, target_key = mention.key, SUBJECT
    relation = role.relation
    if mention.by_name and mention.law and not mention.date and mention.law.date:
        # a law named without its date is the version in force for the citing document, never a later one
        source_doc = subject if source_key == SUBJECT else docs.get(source_key)
        source_year = (source_doc.year if source_doc is not None else None) if source_key != mention.key else None
        if source_year and source_year < int(mention.law.date[:4]):
            return
    if kind == "news" and subject is None and source_key == SUBJECT:
        relation = "REPORTS"        # the article's own: it reports; what it says of two documents stays a fact
    elif relation == "REVIEWS" and (subject is None or subject.type != "BC") and role.how != "chain" and \
            kind != "record":
        # "định kỳ sơ kết, tổng kết …" in a plan is an instruction, not a report; a catalogue title says what its
        # record does ("Kế hoạch … tình hình triển khai thực hiện Nghị quyết số …" organises the review)
        relation = "CITES"
    elif relation == "BASED_ON" and source_key == SUBJECT and (
            reader.in_form(mention.start) or
            role.how == "trigger" and 0 <= role.clause_at <= role.verb_at and
            not reader.rests_on(role.clause_at, role.verb_at)):
        # the 'Căn cứ' of a blank form (the basis of what will be written on it), or one in a rule or after the
        # words of its clause (on what someone is to act): the text cites the document, it does not rest on it
        relation = "CITES"
    confidence = CONFIDENCE[role.how] * (LAW_BY_NAME if mention.by_name else 1.0)
    if source_key == target_key:
        return
    mode = ENACTED
    if source_key == SUBJECT and not role.passive and kind == "document":    # a title says what its record does
        reading = reader.read(role.clause_at, role.verb_at, mention.start, mention.end, role.verb)
        mode = role.mode or reading.mode
        if mode != ENACTED:
            relation = "CITES"      # a task, a report, a negation or a condition: the text itself does not act
        verb = reading.verb
    else:
        verb = role.verb
    statement = _Statement(relation, confidence, mention, mode, verb)
    old = statements.get((source_key, target_key))
    if old is None or statement.strength() < old.strength() or \
            (statement.strength() == old.strength() and confidence > old.confidence):
        statements[(source_key, target_key)] = statement




def _reviews(verb: Optional[str]) -> bool:
    """Whether a clause's verb is a review or a report of results ('sơ kết', 'báo cáo kết quả thực hiện')."""
    trigger = trigger_table().get(phrase_key(verb)) if verb else None
    return trigger is not None and trigger.relation == "REVIEWS"


def _attribute(role: Role, mention: Mention, consolidation: Consolidation, mentions: list[Mention]) -> Optional[Role]:
    """A consolidated text's clause is the base document's, or the act a footnote is about (``consolidated``):
    the role's source becomes that document. A change written against 'this article' ('Điều này được sửa đổi theo
    Thông tư số B') is B's change of the base. The consolidated text's own words are only its header (the base and
    its amending acts): a clause whose speaker cannot be told, or who could not have said it (an act cannot rest on,
    amend or implement a later one), states nothing (None)."""
    if role.source != SUBJECT:
        return role
    base = consolidation.base
    if role.unnamed_object in CHANGES and consolidation.in_cut_line(mention):
        role = replace(role, relation="CITES", unnamed_object=None)     # what it changed was named on the page before
    elif role.unnamed_object in CHANGES and base is not None and mention.key != base.key:
        return replace(role, source=base.key, relation="AMENDS", how="chain", passive=True, unnamed_object=None)
    if role.passive:
        return role
    speaker_key = consolidation.speaker(mention)
    speaker = next((x for x in mentions if x.key == speaker_key), None) if speaker_key else None
    if speaker is None or not possible(speaker, mention, role.relation) or later(mention, speaker):
        # the header's own words, or words no one in the text can be said to have written
        return replace(role, relation="CITES") if consolidation.own_words(mention) else None
    return replace(role, source=speaker.key, how="chain" if role.how != "plain" else "plain")


def _cited_as(doc: Document) -> Optional[str]:
    """How a cited document is identified: its symbol; a law cited by its name alone, which has no number the text
    or the law table knows, by that name (the gold convention: "the name as written")."""
    return doc.symbol or (doc.title if doc.title_source == "law" else None)


def _quoted_titles(docs: dict[str, Document], mentions: list[Mention], warnings: list[str]) -> None:
    """What the citations say of each cited document beyond its number: the fullest trích yếu they quote (a cited
    document has no title of its own), and a type word its code contradicts (flagged: the code wins)."""
    for mention in mentions:
        doc = docs.get(mention.key)
        if doc is None:
            continue
        if mention.description and doc.title_source != "law" and \
                (doc.title is None or (doc.title_source == "citation" and len(mention.description) > len(doc.title))):
            doc.title, doc.title_source = mention.description, "citation"
        if mention.type_mismatch and not doc.type_mismatch:
            doc.type_mismatch = mention.type_mismatch
            warnings.append(f"{mention.key} is written '{mention.type_mismatch}', its code says {doc.type}")


def _evidence_for(clean: Text, source: Source, start: int, end: int) -> Evidence:
    """The source text behind a span of the clean text."""
    source_start, source_end = clean.source_span(start, end)
    return Evidence(file=source.file, text=source.text[source_start:source_end], start=source_start, end=source_end)


def _first_line(text: str) -> Optional[str]:
    for line in text.split("\n"):
        if len(line.strip()) > 20:
            return line.strip()[:300]
    return None


def _follows_instruction(statements: Statements, subject: Optional[Document], docs: dict[str, Document]) -> None:
    """A text that implements Y and plainly cites X, where X (issued at the same or a higher level) implements Y
    too, is following X's instruction: "Kết luận 44 …; Công văn 809-CV/TU của Thành ủy về thực hiện Kết luận 44.
    Để tổ chức thực hiện Kết luận 44, Quận ủy yêu cầu …" -> the district's letter implements 809 as well."""
    if subject is None:
        return
    implemented = {target for (source, target), st in statements.items()
                   if source == SUBJECT and st.relation in IMPLEMENTS_FAMILY}
    rank = gazetteer.LEVEL_RANK
    for (source, cited), statement in list(statements.items()):
        if source != SUBJECT or statement.relation != "CITES" or statement.mode != ENACTED or cited not in docs:
            continue
        higher = rank.get(docs[cited].level or "", 9) <= rank.get(subject.level or "", 9)
        if higher and any(statements[(cited, y)].relation in IMPLEMENTS_FAMILY
                          for y in implemented if (cited, y) in statements):
            statements[(source, cited)] = statement._replace(relation="IMPLEMENTS")


def _reachable(pairs: set[tuple[str, str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        node = todo.pop()
        for source, target in pairs:
            if source == node and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen
