"""Vocabularies as data: document types, issuer codes, relation triggers, laws, web chrome.

The tables live in ``graphbuild/vocab/*.tsv``; this module only loads them (once) and exposes lookups.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCAB_DIR = Path(__file__).parent

# Vietnamese letters as regex class contents (precomposed, NFC): lower case, and capitals (a range covers them).
LOWER = "a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
UPPER = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ"


def _rows(name: str):
    with open(VOCAB_DIR / name, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower-case, NFC, single spaces: the key used to compare names written in different cases."""
    return " ".join(unicodedata.normalize("NFC", s).split()).lower()


def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


@dataclass(frozen=True)
class DocType:
    code: str
    system: str
    name: str
    words: tuple


@dataclass(frozen=True)
class Issuer:
    code: str
    system: str
    level: str
    name: str


@dataclass(frozen=True)
class Trigger:
    relation: str
    phrase: str
    adjacent: bool
    passive: bool


@dataclass(frozen=True)
class Law:
    symbol: str
    name: str
    date: str


@lru_cache(maxsize=None)
def doc_types() -> tuple:
    return tuple(DocType(c, s, n, tuple(w.split("|"))) for c, s, n, w in _rows("doc_types.tsv"))


@lru_cache(maxsize=None)
def type_by_word() -> dict:
    """'kế hoạch' -> DocType; for words shared by two systems (Quy định) the first row wins."""
    out = {}
    for t in doc_types():
        for w in t.words:
            out.setdefault(fold(w), t)
    return out


@lru_cache(maxsize=None)
def type_codes() -> dict:
    """Upper-cased code -> canonical code ('QĐ' for 'qđ', 'CTr' for 'CTR')."""
    return {t.code.upper(): t.code for t in doc_types()}


def type_name(code: str | None, system: str | None = None) -> str | None:
    if not code:
        return None
    rows = [t for t in doc_types() if t.code == code]
    for t in rows:
        if system and t.system == system:
            return t.name
    return rows[0].name if rows else None


@lru_cache(maxsize=None)
def issuers() -> dict:
    return {c: Issuer(c, s, l, n) for c, s, l, n in _rows("issuers.tsv")}


@lru_cache(maxsize=None)
def issuer_codes_upper() -> dict:
    return {c.upper(): c for c in issuers()}


def issuer_info(code: str | None) -> Issuer | None:
    """Issuer row for a code, also for codes carrying a term (QH15, UBTVQH14) or a drafting unit (UBND-KGVX)."""
    if not code:
        return None
    head = code.split("-")[0]
    table = issuers()
    if head in table:
        return table[head]
    bare = re.sub(r"\d+$", "", head)
    return table.get(bare)


@lru_cache(maxsize=None)
def triggers() -> tuple:
    return tuple(Trigger(r, p, a == "yes", d == "passive") for r, p, a, d in _rows("relations.tsv"))


@lru_cache(maxsize=None)
def laws() -> tuple:
    return tuple(Law(s, n, d) for s, n, d in _rows("laws.tsv") if s != "symbol")


@lru_cache(maxsize=None)
def laws_by_name() -> dict:
    """folded name without the leading 'luật'/'bộ luật' -> [Law, …] (several versions may share a name)."""
    out: dict = {}
    for law in laws():
        out.setdefault(fold(law.name), []).append(law)
    return out


@lru_cache(maxsize=None)
def web_chrome() -> re.Pattern:
    parts = [r[0] for r in _rows("web_chrome.tsv")]
    return re.compile(r"^[ \t]*(?:" + "|".join(parts) + r")[ \t]*$", re.M)
