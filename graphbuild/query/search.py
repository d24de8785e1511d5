"""Find documents by what a user knows of them, in a store or a graph in memory: ``search_documents`` (ranked hits,
with a score and what matched; ``graphbuild search``) and ``match_document`` (exactly one document, or an error that
lists the candidates or the nearest documents; every ``--doc``).

A reference is read once (``read_reference``) into what it can say: symbols ("44-KL/TW", "Kết luận số 44-KL/TW",
"895/QD-TTg"), a type and a number ("Kết luận 44", "Quyet dinh 895"), and words. Everything is compared folded
(``text.search_keys``: no case, no accents), so "Ket luan 44" is "Kết luận 44". Score, best first:

    1.00  the id itself                       0.95  a symbol the document has (or was cited by: "alias")
    0.90  its type and number                 0.30 … 0.89  words: every word (but ``search_skip``) found at the
                                              start of a word of the symbol, type, title, issuer or locality
                                              (weights in WORD_WEIGHTS), more for the whole phrase in one field

Ties go to the most cited, then to the id. ``match_document`` takes an id or symbol as it is, and a type and number
or words only when exactly one document has them; a symbol, or a type and number, that names no document never falls
back to words (a typo "1416-CV/Q" must not match by its parts): it raises ``NoMatch`` with "did you mean".
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Optional, Sequence, Union

from .. import vocab
from ..dates import to_date
from ..text.normalize import clean
from ..text.search_keys import fold_search, symbol_key, words
from ..vocab import gazetteer, patterns
from .errors import AmbiguousRef, NoMatch, ParameterError
from .plain import Row
from .refs import Condition, Documents, Test, documents_of

MAX_CANDIDATES = 20          # what an ambiguous reference lists
RETRIEVE = 1000              # the documents a word search ranks (the most cited first)
SUGGESTIONS = 5
WORD_WEIGHTS = {"symbol": 1.0, "title": 0.8, "issuer": 0.7, "locality": 0.7, "type": 0.6}


@dataclass(frozen=True)
class SearchHit:
    """One document found: what it is, how well it matched (``score``, 0 … 1) and by what (``matched``: "id",
    "symbol", "alias", "type and number", or the fields the words were found in)."""
    id: str
    symbol: Optional[str]
    type: Optional[str]
    type_name: Optional[str]
    title: Optional[str]
    issuer: Optional[str]
    locality: Optional[str]
    level: Optional[str]
    date: Optional[str]
    stub: bool
    cited_by_count: int
    score: float
    matched: tuple[str, ...]

    def as_row(self) -> Row:
        return {"id": self.id, "symbol": self.symbol, "type": self.type, "title": self.title, "issuer": self.issuer,
                "locality": self.locality, "date": self.date, "stub": self.stub, "score": self.score,
                "matched": list(self.matched)}


@dataclass(frozen=True)
class Reading:
    """What a reference says: symbol keys, type codes with a number, content words."""
    text: str
    symbols: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    number: Optional[int] = None
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Filters:
    """What a search is narrowed to, as tests on the stored documents."""
    types: tuple[str, ...] = ()
    since: Optional[date] = None
    until: Optional[date] = None
    locality_ids: tuple[str, ...] = ()
    tests: tuple[Test, ...] = field(default=(), compare=False)
    params: dict[str, Any] = field(default_factory=dict, compare=False)


# --- reading a reference ---------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _types_by_word() -> dict[str, tuple[str, ...]]:
    """Folded type word or code -> the type codes it may mean ('quy dinh' -> QĐ, QyĐ; 'kl' -> KL)."""
    out: dict[str, set[str]] = {}
    for doc_type in vocab.doc_types():
        for word in (*doc_type.words, doc_type.name, doc_type.code):
            out.setdefault(fold_search(word), set()).add(doc_type.code)
    return {k: tuple(sorted(v)) for k, v in out.items() if k}


@lru_cache(maxsize=None)
def _skip_words() -> frozenset[str]:
    return frozenset(vocab.phrases("search_skip"))


def read_reference(text: str) -> Reading:
    cleaned = clean(text).strip()
    symbols = []
    for m in patterns.SYMBOL_RE.finditer(cleaned):
        sym = patterns.parse_symbol(m)
        symbols.append(symbol_key(sym.text if sym else m.group(0)))
    folded = fold_search(cleaned)
    number_form = re.fullmatch(r"(?P<word>[a-z ]+?) (?:so )?(?P<num>\d{1,5})", folded)
    types = _types_by_word().get(number_form.group("word"), ()) if number_form else ()
    if not types:                              # the type word before a symbol: "Kết luận số 44-KL/TW"
        head = re.match(r"(?P<word>[a-z ]+?) (?:so )?\d", folded)
        types = _types_by_word().get(head.group("word"), ()) if head and symbols else ()
    content = tuple(w for w in words(cleaned) if w not in _skip_words())
    return Reading(cleaned, tuple(dict.fromkeys(symbols)), types,
                   int(number_form.group("num")) if number_form and types else None, content)


# --- filters -----------------------------------------------------------------------------------------------------------

def _type_codes(types: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for name in types:
        codes = _types_by_word().get(fold_search(name))
        if not codes:
            known = sorted({t.code for t in vocab.doc_types()})
            raise ParameterError(f"no document type '{name}' (the types: {', '.join(known)})")
        out += codes
    return tuple(dict.fromkeys(out))


def _day(value: Union[str, date, None], end: bool = False) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31) if end else date(int(text), 1, 1)
        return to_date(text)
    except ValueError:
        raise ParameterError(f"not a date: '{value}' (give YYYY or YYYY-MM-DD)") from None


def make_filters(types: Sequence[str] = (), since: Union[str, date, None] = None, until: Union[str, date, None] = None,
                 locality: Optional[str] = None) -> Filters:
    """Validated filters: type codes or names ("KL", "Kết luận"), dates (YYYY or YYYY-MM-DD) and a place that
    names one unit (its documents and those of every unit inside it, in both lists)."""
    codes = _type_codes(types)
    first, last = _day(since), _day(until, end=True)
    unit_ids: tuple[str, ...] = ()
    if locality:
        try:
            units = gazetteer.place(locality)
        except gazetteer.PlaceError as e:
            raise ParameterError(str(e)) from None
        unit_ids = tuple(sorted({i for u in units for i in gazetteer.inside(u.id)}))
    tests: list[Test] = []
    params: dict[str, Any] = {}
    for test, name, value in ((Test("type", "one of", "f_types"), "f_types", list(codes) or None),
                              (Test("date", "at least", "f_since"), "f_since", first),
                              (Test("date", "at most", "f_until"), "f_until", last),
                              (Test("locality_id", "one of", "f_units"), "f_units", list(unit_ids) or None)):
        if value is not None:
            tests.append(test)
            params[name] = value
    return Filters(codes, first, last, unit_ids, tuple(tests), params)


# --- ranking -----------------------------------------------------------------------------------------------------------

# Folding is most of what ranking a thousand documents takes, and issuers, places and type names repeat.
_fold = lru_cache(maxsize=1 << 16)(fold_search)


def _fields(row: Row) -> dict[str, list[str]]:
    return {"symbol": [_fold(s) for s in [row.get("symbol"), *(row.get("aliases") or [])] if s],
            "title": [_fold(row.get("title"))], "issuer": [_fold(row.get("issuer"))],
            "locality": [_fold(row.get("locality"))], "type": [_fold(row.get("type_name"))]}


def _has_word(text: str, word: str) -> bool:
    """``word`` at the start of a word of ``text`` (a number: the whole word)."""
    padded = f" {text} "
    return f" {word} " in padded if word.isdigit() else f" {word}" in padded


def word_score(row: Row, reading: Reading) -> tuple[float, tuple[str, ...]]:
    fields = _fields(row)
    best: list[float] = []
    matched: set[str] = set()
    for word in reading.words:
        hits = [(WORD_WEIGHTS[name], name) for name, texts in fields.items() if any(_has_word(t, word) for t in texts)]
        if not hits:
            return 0.0, ()
        weight, name = max(hits)
        best.append(weight)
        matched.update(n for _, n in hits)
    phrase = " ".join(reading.words)
    whole = any(f" {phrase} " in f" {t} " for texts in fields.values() for t in texts)
    score = 0.3 + 0.5 * sum(best) / len(best) + (0.09 if whole else 0.0)
    return round(min(score, 0.89), 3), tuple(sorted(matched))


def _hit(row: Row, score: float, matched: Iterable[str]) -> SearchHit:
    return SearchHit(id=row["id"], symbol=row.get("symbol"), type=row.get("type"), type_name=row.get("type_name"),
                     title=row.get("title"), issuer=row.get("issuer"), locality=row.get("locality"),
                     level=row.get("level"), date=row.get("date"), stub=bool(row.get("stub")),
                     cited_by_count=row.get("cited_by_count") or 0, score=score, matched=tuple(matched))


def _ranked(hits: Iterable[SearchHit]) -> list[SearchHit]:
    best: dict[str, SearchHit] = {}
    for hit in hits:
        if hit.id not in best or hit.score > best[hit.id].score:
            best[hit.id] = hit
    return sorted(best.values(), key=lambda h: (-h.score, -h.cited_by_count, h.id))


# --- the stages ----------------------------------------------------------------------------------------------------------

def _by_symbol(docs: Documents, reading: Reading, filters: Filters, limit: int) -> list[SearchHit]:
    params = {f"k{i}": key for i, key in enumerate(reading.symbols)}
    condition = Condition(tuple((Test("search_keys", "listed in", name),) for name in params), params)
    rows = docs.find(condition.also(filters.tests, filters.params), limit)
    hits = [_hit(r, 0.95, ("symbol" if symbol_key(r.get("symbol")) in reading.symbols else "alias",)) for r in rows]
    if reading.types and len(hits) > 1:         # "Kết luận số 44-KL/TW": the type word narrows the symbol
        typed = [h for h in hits if h.type in reading.types]
        hits = typed or hits
    return hits


def _by_type_and_number(docs: Documents, reading: Reading, filters: Filters, limit: int) -> list[SearchHit]:
    condition = Condition(((Test("num", "equals", "n"), Test("type", "one of", "types")),),
                          {"n": reading.number, "types": list(reading.types)})
    return [_hit(r, 0.9, ("type and number",)) for r in docs.find(condition.also(filters.tests, filters.params), limit)]


def _by_words(docs: Documents, reading: Reading, filters: Filters) -> list[SearchHit]:
    if not reading.words:
        return []
    params = {f"w{i}": (f" {w} " if w.isdigit() else f" {w}") for i, w in enumerate(reading.words)}
    condition = Condition((tuple(Test("search_text", "contains", name) for name in params),), params)
    rows = docs.find(condition.also(filters.tests, filters.params), RETRIEVE)
    hits = []
    for row in rows:
        score, matched = word_score(row, reading)
        if score:
            hits.append(_hit(row, score, matched))
    return hits


def search_documents(where: Any, text: str, *, types: Sequence[str] = (), since: Union[str, date, None] = None,
                     until: Union[str, date, None] = None, locality: Optional[str] = None,
                     limit: int = MAX_CANDIDATES) -> list[SearchHit]:
    """The documents ``text`` may name, best first, at most ``limit``: by id, symbol, type and number, and words of
    the symbol, type, title, issuer or locality (see the module docstring). ``where``: a store (Ladybug or Neo4j) or
    a graph in memory. ``types``, ``since``, ``until``, ``locality`` narrow it (``ParameterError`` when one is not
    valid)."""
    docs = documents_of(where)
    filters = make_filters(types, since, until, locality)
    reading = read_reference(text)
    hits: list[SearchHit] = []
    row = docs.with_id(text.strip())
    if row and docs.find(Condition(((Test("id", "equals", "i"),),), {"i": row["id"]})
                         .also(filters.tests, filters.params), 1):
        hits.append(_hit(row, 1.0, ("id",)))
    if reading.symbols:
        hits += _by_symbol(docs, reading, filters, RETRIEVE)
    if reading.number is not None:
        hits += _by_type_and_number(docs, reading, filters, RETRIEVE)
    hits += _by_words(docs, reading, filters)
    return _ranked(hits)[:limit]


# --- one document -------------------------------------------------------------------------------------------------------

def _one(ref: str, hits: list[SearchHit]) -> Optional[SearchHit]:
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        ranked = _ranked(hits)
        raise AmbiguousRef(ref, [h.as_row() | {"type_name": h.type_name} for h in ranked[:MAX_CANDIDATES]],
                           more=len(ranked) > MAX_CANDIDATES)
    return None


def _suggest(docs: Documents, reading: Reading) -> list[Row]:
    """The nearest documents to a reference that named none: the same number (a typo in the rest of a symbol or in
    the type), else any of its words, ranked by how alike they read."""
    numbers = re.findall(r"\d{1,5}", reading.symbols[0] if reading.symbols else "") or \
        ([str(reading.number)] if reading.number is not None else [])
    if numbers:
        rows = docs.find(Condition(((Test("num", "equals", "n"),),), {"n": int(numbers[0])}), RETRIEVE)
        target = reading.symbols[0] if reading.symbols else reading.text
        key = lambda r: symbol_key(r.get("symbol") or "")    # noqa: E731
    else:
        tests = tuple((Test("search_text", "contains", f"w{i}"),) for i, _ in enumerate(reading.words[:5]))
        rows = docs.find(Condition(tests, {f"w{i}": f" {w[:4]}" for i, w in enumerate(reading.words[:5])}),
                         RETRIEVE) if tests else []
        target = " ".join(reading.words)
        key = lambda r: fold_search(" ".join(str(r.get(k) or "") for k in ("symbol", "title")))   # noqa: E731
    alike = sorted(((difflib.SequenceMatcher(None, target, key(r)).ratio(), r) for r in rows),
                   key=lambda pair: (-pair[0], -(pair[1].get("cited_by_count") or 0), pair[1]["id"]))
    return [r for ratio, r in alike[:SUGGESTIONS] if ratio >= 0.4]


def match_document(where: Any, ref: str) -> SearchHit:
    """The one document ``ref`` names (an id, a symbol, a type and number, words). Raises ``AmbiguousRef`` (the
    candidates, best first) or ``NoMatch`` (with the nearest documents as "did you mean")."""
    docs = documents_of(where)
    ref = (ref or "").strip()
    if not ref:
        raise NoMatch(ref)
    row = docs.with_id(ref)
    if row:
        return _hit(row, 1.0, ("id",))
    reading = read_reference(ref)
    no_filters = Filters()
    if reading.symbols:
        found = _one(ref, _by_symbol(docs, reading, no_filters, MAX_CANDIDATES + 1))
    elif reading.number is not None:
        found = _one(ref, _by_type_and_number(docs, reading, no_filters, MAX_CANDIDATES + 1))
    else:
        found = _one(ref, _by_words(docs, reading, no_filters))
    if found is None:
        raise NoMatch(ref, _suggest(docs, reading))
    return found
