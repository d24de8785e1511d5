"""Regular expressions for symbols, dates and mentions, and their canonical forms.

The words come from the vocabulary tables (``vocab``); this module only assembles them into patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from .. import vocab

CODE_LETTERS = r"A-Za-zĐđƯư"     # letters of type and issuer codes ('UBTƯMTTQVN': Ư of Trung ương)
_SP = r"[ ]{0,2}"           # stray spaces inside a symbol: "44- KL/TW", "809 - CV/TU"

PARTY_SYMBOL = (rf"(?P<pnum>\d{{1,5}}[a-z]?){_SP}-{_SP}(?P<ptype>[{CODE_LETTERS}]{{1,5}}){_SP}/{_SP}"
                rf"(?P<pissuer>[{CODE_LETTERS}]{{1,12}}\d{{0,2}}(?:{_SP}-{_SP}[{CODE_LETTERS}]{{1,12}}\d{{0,2}}){{0,3}})")
STATE_SYMBOL = (rf"(?P<snum>\d{{1,5}}[a-z]?(?:\.\d{{1,3}})?)(?:{_SP}/{_SP}(?P<syear>(?:19|20)\d{{2}}))?{_SP}/{_SP}"
                rf"(?P<scode>[{CODE_LETTERS}][{CODE_LETTERS}0-9]{{0,14}}(?:{_SP}-{_SP}[{CODE_LETTERS}][{CODE_LETTERS}0-9&]{{0,14}}){{0,6}})")
# (a joint circular names up to six issuers, each as it abbreviates itself: "01/2022/TTLT-VKSNDTC-TANDTC-BCA-BQP-BLĐTBXH",
# "…-BNN&PTNT-…")
# A whole token: not inside a longer number, nor after '/' (a blank form's "…/2025/TT-BCT", "64//2023" name nothing).
SYMBOL = rf"(?<![\d/])(?<!\d:)(?:{PARTY_SYMBOL}|{STATE_SYMBOL})(?![\w/])"     # not "QCVN 34:2022/BTTTT" either
SYMBOL_RE = re.compile(SYMBOL)

DATE_NUMERIC = r"(?P<nd>\d{1,2})\s?[/.-]\s?(?P<nm>\d{1,2})\s?[/.-]\s?(?P<ny>(?:19|20)\d{2})"
DATE_WORDS = (r"(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<wy>(?:19|20)\d{2}))?")
DATE_BLANK = r"(?:[.…_ ]*)tháng(?:[.…_ ]*)năm\s+(?P<by>(?:19|20)\d{2})"
DATE_RE = re.compile(rf"(?i:ngày)\s*(?:{DATE_NUMERIC}|{DATE_WORDS}|{DATE_BLANK})|\b{DATE_NUMERIC.replace('?P<n', '?P<x')}\b")


@dataclass(frozen=True)
class Date:
    iso: Optional[str]       # None when only the year is known
    year: Optional[int]
    start: int
    end: int
    inferred_year: bool = False   # "ngày 16 tháng 3": the year must come from context


def _valid(y: int, m: int, d: int) -> bool:
    import calendar
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def parse_date(m: re.Match) -> Optional[Date]:
    g = m.groupdict()
    for d, mo, y in (("nd", "nm", "ny"), ("wd", "wm", "wy"), ("xd", "xm", "xy")):
        if g.get(d):
            if not g.get(y):
                return Date(None, None, m.start(), m.end(), inferred_year=True) if _valid(2000, int(g[mo]), int(g[d])) \
                    else None
            yy, mm, dd = int(g[y]), int(g[mo]), int(g[d])
            if not _valid(yy, mm, dd):
                return None
            return Date(f"{yy:04d}-{mm:02d}-{dd:02d}", yy, m.start(), m.end())
    if g.get("by"):
        return Date(None, int(g["by"]), m.start(), m.end())
    return None


# A date as a catalogue's column gives it: ISO ("2022-07-05", with a time after it or not) or as offices write it,
# day first ("05/07/2022", "5-7-2022", "05.07.2022"), or the text's own "ngày 05 tháng 7 năm 2022".
_ISO_VALUE = re.compile(r"(?P<xy>(?:19|20)\d{2})[-/.](?P<xm>\d{1,2})[-/.](?P<xd>\d{1,2})(?:[T ][\d:.+Z -]*)?")
_DAY_FIRST_VALUE = re.compile(rf"(?:(?i:ngày)\s*)?(?:{DATE_NUMERIC}|{DATE_WORDS})(?:[T ][\d:.+Z -]*)?")


def date_value(value: str) -> Optional[Date]:
    """The date a metadata field gives, None when it is not a whole valid date."""
    value = " ".join(value.split())
    m = _ISO_VALUE.fullmatch(value) or _DAY_FIRST_VALUE.fullmatch(value)
    date = parse_date(m) if m else None
    return Date(date.iso, date.year, 0, 0) if date and date.iso else None


def month_day(m: re.Match) -> tuple:
    g = m.groupdict()
    return int(g.get("wm") or g.get("nm") or 0), int(g.get("wd") or g.get("nd") or 0)


def dates(text: str) -> list:
    return [d for d in (parse_date(m) for m in DATE_RE.finditer(text)) if d]


# --- symbols ----------------------------------------------------------------------------------------------------

def canonical_code(token: str) -> Optional[str]:
    """One hyphen-separated part of a symbol in its official case ('qđ' -> 'QĐ', 'ttg' -> 'TTg', 'qh12' -> 'QH12')."""
    up = token.upper()
    for table in (vocab.type_codes(), vocab.issuer_codes_upper()):
        if up in table:
            return table[up]
    bare = up.rstrip("0123456789")
    if bare != up and bare in vocab.issuer_codes_upper():
        return vocab.issuer_codes_upper()[bare] + up[len(bare):]
    return None


def _known(token: str) -> bool:
    return canonical_code(token) is not None


@dataclass(frozen=True)
class Symbol:
    text: str                 # canonical: "44-KL/TW", "03/2011/NĐ-CP", "706/UBND-KGVX"
    number: str               # as written, leading zeros kept: "03"
    year: Optional[int]       # the year inside a legal-normative symbol
    type_code: Optional[str]  # "KL", "NĐ"; None for a công văn written "706/UBND-KGVX"
    issuer_code: str          # "TW", "CP", "UBND-KGVX", "BTCTU-BDVTU"
    system: str               # party | state
    unit: Optional[str] = None  # drafting unit of a công văn: "KGVX" in 706/UBND-KGVX


_SYMBOL_GROUPS = ("pnum", "ptype", "pissuer", "snum", "syear", "scode")


def _symbol_groups(m: re.Match) -> tuple:
    g = m.groupdict()
    return tuple(g.get(k) for k in _SYMBOL_GROUPS)


def parse_symbol(m: re.Match) -> Optional[Symbol]:
    """The canonical symbol for a SYMBOL_RE match, or None when the match is not a document number
    ('978/Ngày' in a gazette page header, '2/3 số phiếu')."""
    return _parse_symbol(_symbol_groups(m))


@lru_cache(maxsize=65536)      # the same symbols come back in text after text; a Symbol is immutable
def _parse_symbol(groups: tuple) -> Optional[Symbol]:
    pnum, ptype, pissuer, snum, syear, scode = groups
    if pnum:
        issuer_parts = [re.sub(r"\s", "", p) for p in re.split(r"\s*-\s*", pissuer)]
        # no Party body's code ends in a number: a digit glued to it is a footnote's mark ("66-NQ/TW1"; an old
        # law's "21-LCT/HĐNN8" keeps its term)
        bare = issuer_parts[-1].rstrip("0123456789")
        if bare != issuer_parts[-1] and vocab.issuer_system(canonical_code(bare) or bare) == "party":
            issuer_parts[-1] = bare
        type_code = canonical_code(ptype)
        if not type_code and not ptype.isupper():
            return None
        if not all(_known(p) or (p.isupper() and len(p) >= 2) for p in issuer_parts):
            return None
        issuer = "-".join(canonical_code(p) or p.upper() for p in issuer_parts)
        tc = type_code or ptype.upper()
        return Symbol(f"{pnum}-{tc}/{issuer}", pnum, None, tc, issuer, "party")
    parts = [re.sub(r"\s", "", p) for p in re.split(r"\s*-\s*", scode)]
    # A real code is known, or written in capitals; an ordinary word ("Ngày", "năm") is neither. Lower-cased
    # catalogues ("3652/byt-dp") are accepted when the code starts with a known part.
    lower = all(p.islower() for p in parts if not p.isdigit())
    if not _known(parts[0]) and not parts[0].isupper():
        return None
    if not lower and not all(_known(p) or (p.isupper() and len(p) >= 2) or p.isdigit() or (i and _unit_code(p))
                             for i, p in enumerate(parts)):
        return None
    return _state_symbol(snum, syear, parts)


def _unit_code(part: str) -> bool:
    """A drafting unit's code written in mixed case after the issuer's ("412/SGDĐT-GDTrH": Giáo dục Trung học):
    capitals but one small letter, not a word ("Ngày")."""
    return part[:1].isupper() and sum(c.isupper() for c in part) >= 3 and sum(c.islower() for c in part) == 1


def _state_symbol(snum: str, syear: Optional[str], parts: list) -> Symbol:
    canon = [canonical_code(p) or p.upper() for p in parts]
    type_code = canon[0] if canon[0] in vocab.type_codes().values() and len(canon) > 1 else None
    # "706/UBND-KGVX": a công văn names its issuer then the drafting unit; "12/TTLT-BTC-BNV": joint issuers.
    issuer, unit = ("-".join(canon[1:]), None) if type_code else (canon[0], "-".join(canon[1:]) or None)
    year = int(syear) if syear else None
    text = f"{snum}/{year}/{'-'.join(canon)}" if year else f"{snum}/{'-'.join(canon)}"
    return Symbol(text, snum, year, type_code, issuer, "state", unit)


_ACRONYM = re.compile(r"[A-Za-zĐđ]{2,10}")


def parse_numbered_symbol(m: re.Match) -> Optional[Symbol]:
    """``parse_symbol`` for a match written after 'số' ('văn bản số 1386/bcđqg'): the word 'số' says it is a
    number, so a code that no table knows is accepted in a lower-cased catalogue too (not a lone lower-case word
    of a party symbol, nor a year-less 'số 2/3')."""
    groups = _symbol_groups(m)
    sym = _parse_symbol(groups)
    if sym is not None:
        return sym
    pnum, _, _, snum, syear, scode = groups
    if pnum or not scode:
        return None
    parts = [re.sub(r"\s", "", p) for p in re.split(r"\s*-\s*", scode)]
    if not all(_ACRONYM.fullmatch(p) and (p.islower() or p.isupper()) and
               sum(c in "aeiouyAEIOUY" for c in p) * 2 < len(p) for p in parts):
        return None     # an acronym: plain letters, mostly consonants ('bcđqg', 'ctph'), not a word ('năm', 'theo')
    return _state_symbol(snum, syear, parts)


# A gazette record's address names its document: "thong-tu-so-90-2025-tt-bqp-45890", "van-ban-hop-nhat-so-19-vbhn-vpqh-30971"
# (type words, 'so', number, year, code, the gazette's own id), written without tone marks.
_SLUG = re.compile(r"[a-z]+(?:-[a-z]+)*-so-(?P<number>\d{1,5})(?:-(?P<year>(?:19|20)\d\d))?-(?P<code>[a-z][a-z0-9-]*?)-\d{3,}")


@lru_cache(maxsize=None)
def _codes_without_marks() -> dict[str, str]:
    """Every code the tables know (types, issuers), written without tone marks and in lower case -> as written."""
    out: dict[str, str] = {}
    for table in (vocab.type_codes(), vocab.issuer_codes_upper()):
        for code in table.values():
            out.setdefault(vocab.strip_accents(code).lower(), code)
    return out


def symbol_from_slug(slug: str) -> Optional[str]:
    """The symbol a gazette record's address spells ('thong-tu-so-90-2025-tt-bqp-45890' -> '90/2025/TT-BQP'), each
    part of its code restored from the tables ('bldtbxh' -> 'BLĐTBXH'); None when a part is no known code."""
    m = _SLUG.fullmatch(slug.strip().lower())
    if m is None:
        return None
    known = _codes_without_marks()
    parts = []
    for part in m.group("code").split("-"):
        bare = part.rstrip("0123456789")
        if bare not in known:
            return None
        parts.append(known[bare] + part[len(bare):])
    year = f"/{m.group('year')}" if m.group("year") else ""
    return canonical_symbol(f"{m.group('number')}{year}/{'-'.join(parts)}")


def canonical_symbol(s: str) -> Optional[str]:
    """'44- KL/TW' -> '44-KL/TW'; '3652/byt-dp' -> '3652/BYT-DP'; None when ``s`` is not a symbol."""
    from ..text.normalize import clean
    m = SYMBOL_RE.fullmatch(clean(s).strip())
    sym = parse_symbol(m) if m else None
    return sym.text if sym else None


# --- patterns from the tables ----------------------------------------------------------------------------------

def words_re(group: str) -> re.Pattern:
    """The phrases of one group of phrases.tsv as whole words, in any case."""
    return re.compile(rf"(?i)(?<!\w){any_of(vocab.phrases(group))}(?!\w)")


@lru_cache(maxsize=None)
def provisions_of_re() -> re.Pattern:
    """Provisions named before the document they belong to: "Chương IV, bao gồm các điều 11, 12 của ", "Các điều
    10, 11 của " (the document follows)."""
    return re.compile(rf"(?i)\s*(?:các\s+)?{any_of(vocab.phrases('provision'))}\b[^;:.]{{0,150}}?\s(?:của|tại)\s+")


def any_of(alternatives: Iterable[str], group: bool = True) -> str:
    """Regular expressions (rows of a table) as one alternation, in their order: '(?:a|b)', or 'a|b' with
    ``group=False`` where the alternation is the whole pattern."""
    body = "|".join(alternatives)
    return f"(?:{body})" if group else body


# --- mentions ---------------------------------------------------------------------------------------------------

def _trie(words) -> str:
    """An alternation of literal words as a prefix tree ('kế(?: hoạch|t luận)'): the engine tests one character
    where a flat list would try every word at every position. Longer words come first at each branch."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w.lower():
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(k) + build(sub) for k, sub in node.items() if k]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(tree)


def phrase_trie(phrases) -> str:
    """The phrases as one pattern, a prefix tree of words: any blank between words, the commas optional ('được sửa
    đổi bổ sung tại'); the same matches as the phrases tried longest first, but the engine tests a word where a
    flat list tries every phrase at every position."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for token in phrase.split():
            node = node.setdefault((token.rstrip(",").lower(), token.endswith(",")), {})
        node[None] = {}

    def build(node: dict) -> str:
        # a comma variant before the bare word (it is the longer phrase), longer continuations before an end
        keys = sorted((k for k in node if k is not None), key=lambda k: (k[0], not k[1]))
        alts = []
        for word, comma in keys:
            sub = node[(word, comma)]
            rest = build(sub)
            sep = r",?\s+" if comma else r"\s+"
            branches = ([sep + rest] if any(k is not None for k in sub) else []) + \
                       ([r"(?!\w)"] if None in sub else [])
            alts.append(re.escape(word) + ("(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(tree)


@lru_cache(maxsize=None)
def type_words() -> str:
    """The type words written before a number, as one (case-folded) alternation to use inside ``(?i:…)``; the codes
    written as type words ("QĐ số", "NQ 57": ``vocab.type_by_abbreviation``) only in their own case, apart from a
    symbol before them, and before 'số' or a number (the end of a prefix searched for before one)."""
    # sorted in full (not only by length): the same pattern in every process, whatever the hash seed
    words = _trie(sorted({w for t in vocab.doc_types() for w in t.words}, key=lambda w: (-len(w), w)))
    codes = "|".join(map(re.escape, sorted(vocab.type_by_abbreviation(), key=lambda w: (-len(w), w))))
    return f"{words}|(?<![\\w/-])(?-i:{codes})(?=\\s+(?:(?i:số)\\b|\\d|\\Z))" if codes else words


@lru_cache(maxsize=None)
def mention_re() -> re.Pattern:
    """A full mention: optional type word, optional 'số', a symbol."""
    return re.compile(rf"(?:(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s*:?\s*)?|(?i:số)\s*:?\s*)?{SYMBOL}")


# Every symbol holds a '/' at most this many characters after its first digit: a party symbol's number, letter and
# blanks, '-', blanks, type code and blanks (5+1+2+1+2+5+2 = 18; PARTY_SYMBOL), a state symbol's number before its
# first '/' fewer (STATE_SYMBOL). The symbol scan starts from the slashes, far fewer than the digits of a text.
_SLASH_REACH = 18
_DIGIT = re.compile(r"\d")
_PREFIX_WINDOW = 40     # longer than any type word + 'số' with ordinary spacing
_LONG_SPACE = re.compile(r"\s{4}")


@lru_cache(maxsize=None)
def _prefix_at_end() -> re.Pattern:
    return re.compile(rf"(?:(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s*:?\s*)?|(?i:số)\s*:?\s*)\Z")


def symbol_matches(text: str, start: int = 0):
    """The matches of ``SYMBOL_RE.finditer(text, start)``, found fast: SYMBOL_RE begins with look-behinds, so ``re``
    would enter it at every position of the text (docs/patterns.md); it is tried only at the digits within
    ``_SLASH_REACH`` characters before each '/' (where every symbol begins), in order and never inside the previous
    match."""
    match = SYMBOL_RE.match
    digits = _DIGIT.finditer
    prev_end = tried = start        # every position before ``tried`` has been tried
    slash = text.find("/", start)
    while slash >= 0:
        for dm in digits(text, max(tried, prev_end, slash - _SLASH_REACH), slash):
            sm = match(text, dm.start())
            if sm is not None and sm.start() >= prev_end:
                yield sm
                prev_end = sm.end()
        tried = slash
        slash = text.find("/", max(slash + 1, prev_end))


def iter_mentions(text: str, start: int = 0):
    """The matches of ``mention_re()`` in ``text`` from ``start``, as (start, end, type word or None, symbol match),
    found fast: symbols first, then the type word and 'số' in a short window before each (the window widens to the
    previous match when long blank runs could hide a longer prefix, so the result is exactly mention_re's)."""
    prev_end = start
    prefix = _prefix_at_end()
    for sm in symbol_matches(text, start):
        s = sm.start()
        lo = max(prev_end, s - _PREFIX_WINDOW)
        if lo > prev_end and _LONG_SPACE.search(text, lo, s):
            lo = prev_end
        pm = prefix.search(text, lo, s) if s > lo else None
        if pm:
            yield pm.start(), sm.end(), pm.group("word"), sm
        else:
            yield s, sm.end(), None, sm
        prev_end = sm.end()


# After the number of a short form: not the rest of a symbol ("44-KL", "44 - KL", "12/QĐ"), a decimal ("44,5"), a
# longer number or a glued word; a word after a space ("Kết luận 44 nêu rõ", "Kết luận 44, Ban …") is the sentence.
_NOT_A_SHORT_FORM = rf"[\d{CODE_LETTERS}]|[ ]?[-/][ ]?[\d{CODE_LETTERS}]|[.,]\d"


@lru_cache(maxsize=None)
def short_mention_re() -> re.Pattern:
    """'Kết luận 44', 'Chỉ thị số 43' (a number without its code, after a first full mention)."""
    return re.compile(rf"(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s+)?(?P<num>\d{{1,5}})\b"
                      rf"(?!{_NOT_A_SHORT_FORM})")


# A number after a blank: begins with one character class (a digit), the blank checked behind it (docs/patterns.md).
_SHORT_NUMBER = re.compile(rf"(?P<num>\d(?<=\s\d)\d{{0,4}})\b(?!{_NOT_A_SHORT_FORM})")


@lru_cache(maxsize=None)
def _short_prefix_at_end() -> re.Pattern:
    return re.compile(rf"(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s+)?\Z")


@lru_cache(maxsize=None)
def _word_endings() -> tuple:
    return tuple({w.lower() for t in vocab.doc_types() for w in t.words} | {"số"} |
                 {code.lower() for code in vocab.type_by_abbreviation()})


def _number_matches(text: str, start: int, numbers: Optional[set]):
    """The matches of _SHORT_NUMBER from ``start`` (only those of ``numbers``), in order. Numbers of two digits or
    more are looked up where their digits occur (a text has far fewer of them than digits)."""
    if numbers is None or any(n < 10 for n in numbers):
        for nm in _SHORT_NUMBER.finditer(text, start):
            if numbers is None or int(nm.group("num")) in numbers:
                yield nm
        return
    found = {}
    for n in numbers:
        digits = str(n)
        i = text.find(digits, start)
        while i >= 0:
            q = i
            while q > start and text[q - 1] == "0":
                q -= 1
            if q not in found:
                number_match = _SHORT_NUMBER.match(text, q)
                if number_match and int(number_match.group("num")) == n:
                    found[q] = number_match
            i = text.find(digits, i + 1)
    for q in sorted(found):
        yield found[q]


def iter_short_mentions(text: str, start: int = 0, numbers: Optional[set] = None):
    """The matches of ``short_mention_re()`` from ``start`` as (start, end, word, number), found fast: numbers
    first, then the type word in a short window before each (see ``iter_mentions``). With ``numbers``, only the
    matches whose number is one of them (the others could not overlap these: a type word holds no digit)."""
    prev_end = start
    prefix = _short_prefix_at_end()
    endings = _word_endings()
    for nm in _number_matches(text, start, numbers):
        q = nm.start()
        lo = max(prev_end, q - _PREFIX_WINDOW)
        if not text[lo:q].rstrip().lower().endswith(endings):
            continue
        if lo > prev_end and _LONG_SPACE.search(text, lo, q):
            lo = prev_end
        pm = prefix.search(text, lo, q)
        if pm:
            yield pm.start(), nm.end(), pm.group("word"), nm.group("num")
            prev_end = nm.end()


# 'Bộ luật', 'Luật', in any case: one character class first (docs/patterns.md), the rest of the word after it.
# 'Pháp lệnh' (an ordinance of the National Assembly's Standing Committee) is cited by name the same way.
LAW_RE = re.compile(r"(?P<word>[bBlLP](?:(?<=[bB])(?i:ộ luật)|(?<=[lL])(?i:uật)|(?<=P)háp lệnh))\s+"
                    r"(?P<name>[^\n;:()\"“”]{3,160})")
# Where the name of a law cited by name alone ends (the words of vocab/law_name_stops.tsv, or punctuation).
LAW_NAME_STOP = re.compile(rf"\s+{any_of(w.word for w in vocab.law_name_stops() if w.by_name)}\b|[,.;]")
