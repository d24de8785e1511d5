"""Regular expressions for symbols, dates and mentions, and their canonical forms.

The words come from the vocabulary tables (``vocab``); this module only assembles them into patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from . import vocab

L = r"A-Za-zĐđ"          # letters of type and issuer codes
_SP = r"[ ]{0,2}"           # stray spaces inside a symbol: "44- KL/TW", "809 - CV/TU"

PARTY_SYMBOL = (rf"(?P<pnum>\d{{1,5}}){_SP}-{_SP}(?P<ptype>[{L}]{{1,5}}){_SP}/{_SP}"
                rf"(?P<pissuer>[{L}]{{1,12}}\d{{0,2}}(?:{_SP}-{_SP}[{L}]{{1,12}}\d{{0,2}}){{0,3}})")
STATE_SYMBOL = (rf"(?P<snum>\d{{1,5}})(?:{_SP}/{_SP}(?P<syear>(?:19|20)\d{{2}}))?{_SP}/{_SP}"
                rf"(?P<scode>[{L}][{L}0-9]{{0,14}}(?:{_SP}-{_SP}[{L}][{L}0-9]{{0,14}}){{0,4}})")
SYMBOL = rf"(?:{PARTY_SYMBOL}|{STATE_SYMBOL})(?![\w/])"
SYMBOL_RE = re.compile(SYMBOL)

_D = r"(?P<{0}d>\d{{1,2}})"
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


def parse_symbol(m: re.Match) -> Optional[Symbol]:
    """The canonical symbol for a SYMBOL_RE match, or None when the match is not a document number
    ('978/Ngày' in a gazette page header, '2/3 số phiếu')."""
    g = m.groupdict()
    if g.get("pnum"):
        issuer_parts = [re.sub(r"\s", "", p) for p in re.split(r"\s*-\s*", g["pissuer"])]
        type_code = canonical_code(g["ptype"])
        if not type_code and not g["ptype"].isupper():
            return None
        if not all(_known(p) or (p.isupper() and len(p) >= 2) for p in issuer_parts):
            return None
        issuer = "-".join(canonical_code(p) or p.upper() for p in issuer_parts)
        tc = type_code or g["ptype"].upper()
        return Symbol(f"{g['pnum']}-{tc}/{issuer}", g["pnum"], None, tc, issuer, "party")
    parts = [re.sub(r"\s", "", p) for p in re.split(r"\s*-\s*", g["scode"])]
    # A real code is known, or written in capitals; an ordinary word ("Ngày", "năm") is neither. Lower-cased
    # catalogues ("3652/byt-dp") are accepted when the code starts with a known part.
    lower = all(p.islower() for p in parts if not p.isdigit())
    if not _known(parts[0]) and not parts[0].isupper():
        return None
    if not lower and not all(_known(p) or (p.isupper() and len(p) >= 2) or p.isdigit() for p in parts):
        return None
    canon = [canonical_code(p) or p.upper() for p in parts]
    type_code = canon[0] if canon[0] in vocab.type_codes().values() and len(canon) > 1 else None
    # "706/UBND-KGVX": a công văn names its issuer then the drafting unit; "12/TTLT-BTC-BNV": joint issuers.
    issuer, unit = ("-".join(canon[1:]), None) if type_code else (canon[0], "-".join(canon[1:]) or None)
    year = int(g["syear"]) if g.get("syear") else None
    text = f"{g['snum']}/{year}/{'-'.join(canon)}" if year else f"{g['snum']}/{'-'.join(canon)}"
    return Symbol(text, g["snum"], year, type_code, issuer, "state", unit)


def canonical_symbol(s: str) -> Optional[str]:
    """'44- KL/TW' -> '44-KL/TW'; '3652/byt-dp' -> '3652/BYT-DP'; None when ``s`` is not a symbol."""
    from .normalize import clean
    m = SYMBOL_RE.fullmatch(clean(s).strip())
    sym = parse_symbol(m) if m else None
    return sym.text if sym else None


# --- mentions ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def type_words() -> str:
    words = sorted({w for t in vocab.doc_types() for w in t.words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@lru_cache(maxsize=None)
def mention_re() -> re.Pattern:
    """A full mention: optional type word, optional 'số', a symbol."""
    return re.compile(rf"(?:(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s*:?\s*)?|(?i:số)\s*:?\s*)?{SYMBOL}")


@lru_cache(maxsize=None)
def short_mention_re() -> re.Pattern:
    """'Kết luận 44', 'Chỉ thị số 43' (a number without its code, after a first full mention)."""
    return re.compile(rf"(?P<word>(?i:{type_words()}))\s+(?:(?i:số)\s+)?(?P<num>\d{{1,5}})\b(?![ ]?[-/.,]?[ ]?[\d{L}])")


@lru_cache(maxsize=None)
def self_ref_re() -> re.Pattern:
    """'Kế hoạch này', 'Chỉ thị nói trên'."""
    return re.compile(rf"(?P<word>(?i:{type_words()}))\s+(?P<which>này|nói trên|trên)\b")


LAW_RE = re.compile(r"(?P<word>(?i:bộ luật|luật))\s+(?P<name>[^\n;:()\"“”]{3,160})")
LAW_NAME_STOP = re.compile(r"\s+(?:ngày|số|năm|đã|được|và các|của Quốc hội|có hiệu lực|quy định|thì|để|nhằm|"
                           r"theo|tại|gồm)\b|[,.;]")
