"""Every mention of an extraction as a ``MentionSpan``: where it is written in the SOURCE text, the document it names,
and what its clause states about that document.

``mention_spans(...)`` is called once at the end of ``extract_citations``, from what the extraction already found:
the mentions (``mentions``), the roles of each (``relations``), the documents and the edges. It adds

- the text's references to itself ("Kế hoạch này", its own number in the header and the body) and to the document of
  a type named last before ("Chỉ thị nói trên"): the words are the groups ``self_reference`` and
  ``earlier_reference`` of vocab/phrases.tsv; these are mentions only, never edges;
- the date and the issuer phrase written after a cited document, each pointing at its mention (``of``).

Offsets go through the offset map of the clean text (``Text.source_span``, markup deleted at a mention's edges left
out), so ``source_text[start:end]`` is the mention as written, whatever normalisation did (NFD letters, dashes,
spaces, HTML or markdown remnants). The source is ``Source.text``: the decoded text of a legacy-font file (TCVN3,
VNI), the visible text of an HTML page, the text layer of a PDF.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from typing import Callable, Optional, Sequence

from .. import vocab
from ..models import PRIORITY, Document, Edge, MentionKind, MentionRole, MentionSpan
from ..text.normalize import Text
from ..vocab import patterns
from ..vocab.patterns import Date, any_of
from .mentions import Mention
from .relations import Role

SUBJECT = "subject"     # the key of the text itself in the statements of ``extractor``
# What one role of a mention states, as the extractor records it: {(source key, target key): statement}, a statement
# holding ``relation`` and ``mention`` (and ``mode`` and ``verb`` where the extractor reads them).
StateFn = Callable[[dict, Mention, Role], None]


@lru_cache(maxsize=None)
def _pointer_re() -> re.Pattern:
    """The words after a type word that point at a document without its number: 'này' (group ``self``), 'nói trên'
    (group ``earlier``). Searched first: far rarer in a text than the positions a type word could start at."""
    own = any_of(vocab.phrases("self_reference"), group=False)
    earlier = any_of(vocab.phrases("earlier_reference"), group=False)
    return re.compile(rf"(?<=[ \t])(?:(?P<self>{own})|(?P<earlier>{earlier}))(?!\w)")


@lru_cache(maxsize=None)
def _type_word_before() -> re.Pattern:
    """A type word ending right before the pointer word ('Kế hoạch' + blanks)."""
    return re.compile(rf"(?<!\w)(?P<word>(?i:{patterns.type_words()}))[ \t]+\Z")


def _reference_matches(text: str):
    """(start, end, type word, is_self) of 'Kế hoạch này', 'Chỉ thị nói trên' in ``text``, in order."""
    before = _type_word_before()
    for pointer in _pointer_re().finditer(text):
        word = before.search(text, max(0, pointer.start() - 40), pointer.start())
        if word is not None:
            yield word.start(), pointer.end(), word.group("word"), pointer.group("self") is not None


class _Found:
    """A mention being assembled, in clean-text offsets."""
    __slots__ = ("kind", "start", "end", "doc", "type", "date", "parent", "roles")

    def __init__(self, kind: MentionKind, start: int, end: int, doc: Optional[Document], type_code: Optional[str],
                 roles: Optional[list[MentionRole]] = None, date: Optional[str] = None,
                 parent: Optional["_Found"] = None):
        self.kind, self.start, self.end, self.doc, self.type = kind, start, end, doc, type_code
        self.roles, self.date, self.parent = roles or [], date, parent


def mention_spans(clean: Text, source_text: str, *, found: Sequence[Mention], cited: Sequence[Mention],
                  cited_roles: Sequence[list[Role]], state: StateFn, statements: dict, docs: dict[str, Document],
                  subject: Optional[Document], edges: Sequence[Edge], header_symbol: Optional[tuple[int, int]],
                  header_date: Optional[Date], article: Optional[dict]) -> list[MentionSpan]:
    """Every mention of the text, in order. ``found``: all the mentions found (the subject's own number included);
    ``cited``: those the extraction cites, with ``cited_roles`` (the roles of ``relations.roles``); ``state``: the
    extractor's function that records what a role states; ``statements``: what it kept per pair of documents."""
    text = clean.text
    # Two keys of one document ('86/TT-BTC', '86/2024/TT-BTC') can give two edges between the same ids: one per
    # relation, and a statement's edge is the one of its relation.
    emitted = {(e.source, e.target, e.relation): e for e in edges}

    def doc_of(key: str) -> Optional[Document]:
        return subject if key == SUBJECT or (subject is not None and key == subject.symbol) else docs.get(key)

    roles_of = {id(m): _stated_roles(m, mine, state, statements, doc_of, emitted, subject, article)
                for m, mine in zip(cited, cited_roles)}
    items: list[_Found] = []
    for mention in found:
        own = subject is not None and mention.key == subject.symbol    # the text's own number, or in news the
        reported = own and article is not None                          # document it reports being issued
        if own and header_symbol is not None and mention.start < header_symbol[1] and header_symbol[0] < mention.end:
            continue    # the number line as the header reads it ("Số: 12-KH/HU"), not with the heading above it
        doc = subject if own else docs.get(mention.key)
        kind: MentionKind = "self" if own and not reported else "law_name" if mention.by_name else \
            "short_form" if _is_short(text, mention) else "symbol"
        item = _Found(kind, mention.start, mention.end, doc, mention.type_code or (doc.type if doc else None),
                      roles_of.get(id(mention)) or (_reported(subject, article) if reported else []))
        items.append(item)
        if mention.date is not None:
            items.append(_Found("date", mention.date.start, mention.date.end, doc, item.type, date=mention.date.iso,
                                parent=item))
        if mention.issuer_span is not None:
            items.append(_Found("issuer", *mention.issuer_span, doc, item.type, parent=item))
    if header_symbol is not None and subject is not None:
        head = _Found("self", *header_symbol, subject, subject.type)
        items.append(head)
        if header_date is not None:
            items.append(_Found("date", header_date.start, header_date.end, subject, subject.type,
                                date=header_date.iso, parent=head))
    items += _references(text, sorted(items, key=lambda x: x.start), subject)
    return _to_spans(clean, source_text, items)


def _is_short(text: str, mention: Mention) -> bool:
    """A short form ('Kết luận 44', from ``mentions.short_forms``) holds a number without its code: no '/'."""
    return mention.symbol is not None and mention.word is None and "/" not in text[mention.start:mention.end]


def _reported(subject: Optional[Document], article: Optional[dict]) -> list[MentionRole]:
    """The document a news article reports being issued: the REPORTS edge from the article."""
    if subject is None or article is None:
        return []
    return [MentionRole("REPORTS", article.get("id"), subject.id, edge=True)]


def _stated_roles(mention: Mention, mine: list[Role], state: StateFn, statements: dict,
                  doc_of: Callable[[str], Optional[Document]], emitted: dict, subject: Optional[Document],
                  article: Optional[dict]) -> list[MentionRole]:
    """What each role of a mention states (the extractor's own ``state`` on an empty record: the same rules, so the
    same relation), strongest first; a role that becomes the extraction's edge takes the edge's relation, mode and
    verb (a later pass may have made a plain citation IMPLEMENTS)."""
    out: list[MentionRole] = []
    for role in mine:
        probe: dict = {}
        state(probe, mention, role)
        for (source_key, target_key), statement in probe.items():
            source_doc, target_doc = doc_of(source_key), doc_of(target_key)
            source_id = source_doc.id if source_doc else \
                (article or {}).get("id") if source_key == SUBJECT and subject is None else None
            target_id = target_doc.id if target_doc else None
            kept = statements.get((source_key, target_key))
            edge = emitted.get((source_id, target_id, kept.relation)) if kept is not None and \
                kept.mention is mention else None
            if edge is not None:
                out.append(MentionRole(edge.relation, source_id, target_id, getattr(edge, "mode", None),
                                       getattr(edge, "verb", None), True))
            else:
                out.append(MentionRole(statement.relation, source_id, target_id, getattr(statement, "mode", None),
                                       getattr(statement, "verb", None), False))
    out.sort(key=lambda r: (not r.edge, PRIORITY.index(r.relation)))
    return out


def _references(text: str, items: list[_Found], subject: Optional[Document]) -> list[_Found]:
    """'Kế hoạch này' (the text itself, when it is of that type) and 'Chỉ thị nói trên' (the document of that type
    named last before it), outside the mentions already found."""
    out: list[_Found] = []
    starts = [x.start for x in items]                # items sorted by start
    reach = list(itertools.accumulate((x.end for x in items), max))     # the furthest end so far
    type_of = vocab.type_by_word()
    last_of_type: dict[str, _Found] = {}
    k = 0
    for start, end, word, is_self in _reference_matches(text):
        while k < len(items) and items[k].start < start:
            if items[k].kind != "date" and items[k].kind != "issuer" and items[k].type:
                last_of_type[items[k].type] = items[k]
            k += 1
        i = bisect.bisect_left(starts, end)
        if i and reach[i - 1] > start:
            continue        # overlaps a mention found before
        doc_type = type_of.get(vocab.fold(word))
        code = doc_type.code if doc_type else None
        if is_self:
            own = subject is not None and code is not None and \
                (code == subject.type or (doc_type is not None and doc_type.name == subject.type_name))
            out.append(_Found("self", start, end, subject if own else None, code))
        else:
            earlier = last_of_type.get(code) if code else None
            out.append(_Found("short_form", start, end, earlier.doc if earlier else None, code))
    return out


def _to_spans(clean: Text, source_text: str, items: list[_Found]) -> list[MentionSpan]:
    """The mentions in source offsets, in order, without overlaps: the mentions first (a date or an issuer phrase
    that runs into the next mention, "của Chính phủ và Quyết định số …", is dropped, never the mention), then each
    date and issuer after the mention it belongs to."""
    items.sort(key=lambda x: (x.start, -x.end))
    kept: list[_Found] = []
    for item in items:
        if item.parent is None and not (kept and item.start < kept[-1].end):
            kept.append(item)
    starts = [x.start for x in kept]
    kept_ids = {id(x) for x in kept}
    for item in items:
        if item.parent is None or id(item.parent) not in kept_ids:
            continue
        i = bisect.bisect_left(starts, item.start)
        if (i == 0 or kept[i - 1].end <= item.start) and (i == len(kept) or item.end <= kept[i].start):
            kept.insert(i, item)
            starts.insert(i, item.start)
    index = {id(x): i for i, x in enumerate(kept)}
    out: list[MentionSpan] = []
    for item in kept:
        start, end = clean.source_span(item.start, item.end, inner=True)
        doc = item.doc
        out.append(MentionSpan(kind=item.kind, text=source_text[start:end], start=start, end=end,
                               document=doc.id if doc else None, symbol=doc.symbol if doc else None,
                               type=item.type, date=item.date,
                               of=index.get(id(item.parent)) if item.parent is not None else None,
                               roles=item.roles))
    return out
