"""The keys a document is found by, written on each document at build time so that either store finds it with plain
Cypher (``CONTAINS``, ``IN``) and parameters: what a user types is folded the same way before it is compared.

- ``fold_search``: lower case, no accents (``đ`` -> ``d``), every run of other characters one space:
  "Kết luận 44-KL/TW" -> "ket luan 44 kl tw".
- ``symbol_key``: a symbol without accents, case and spaces, its dashes made one: "44- KL/TW", "44-kl/tw" and
  "44–KL/TW" -> "44-kl/tw"; "895/QD-TTg" and "895/QĐ-TTg" -> "895/qd-ttg".
- ``search_text``: the folded symbol, other symbols it was cited by, type name, title, issuer and locality of a
  document between single spaces (" 44 kl tw ket luan … "), so that " word" finds a word start and " 44 " a number.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterable, Mapping, Optional

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")

# The fields of a document that search looks at, in the order of how much a match there says (best first).
SEARCH_FIELDS = ("symbol", "aliases", "type_name", "title", "issuer", "locality")


def strip_marks(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold_search(text: Optional[str]) -> str:
    """'Kết luận 44-KL/TW' -> 'ket luan 44 kl tw'."""
    return " ".join(_NOT_WORD.sub(" ", strip_marks(text or "").lower()).split())


def symbol_key(symbol: Optional[str]) -> str:
    """'44- KL/TW' -> '44-kl/tw'."""
    return "".join(_DASHES.sub("-", strip_marks(symbol or "").lower()).split())


def words(text: Optional[str]) -> list[str]:
    return fold_search(text).split()


def _values(doc: Mapping[str, Any], field: str) -> Iterable[str]:
    value = doc.get(field)
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


def search_text(doc: Mapping[str, Any]) -> str:
    folded = (fold_search(v) for field in SEARCH_FIELDS for v in _values(doc, field))
    return " " + " ".join(f for f in folded if f) + " "


def search_keys(doc: Mapping[str, Any]) -> list[str]:
    """The symbol keys of a document: its symbol's and those of the other symbols it was cited by."""
    return sorted({symbol_key(v) for field in ("symbol", "aliases") for v in _values(doc, field)})
