"""Deterministic, human-readable document ids (ELI-like paths) and the identity key behind them.

Identity (DESIGN.md): issuer with its locality + type + number + year (state) or congress term (Party).
``vn/tw/kl/2022/44`` (Kết luận 44-KL/TW, 2022), ``vn/cp/nd/2011/3`` (03/2011/NĐ-CP),
``vn/hai-phong/kien-an/qu/cv/2023/1416``, ``vn/unknown@000-2ce9f0066d8cfaa2/tu/kh/2023/84`` (a provincial plan
whose province the citing text does not name: scoped to that text so it never merges with another province's).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import vocab
from ..vocab import strip_accents


@lru_cache(maxsize=65536)     # the same names (localities, issuers) come back in every document
def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(s).lower()).strip("-")


def term_for(date: Optional[str], year: Optional[int] = None) -> Optional[str]:
    """The Party congress term (khóa) in force on ``date`` (or 1 July of ``year``): vocab/party_terms.tsv."""
    key = date or (f"{year}-07-01" if year else None)
    if not key:
        return None
    term = None
    for row in vocab.terms():
        if key >= row.start:
            term = row.term
    return term


def scope(level: Optional[str], locality_path: Optional[list], unknown_in: Optional[str]) -> str:
    """'vn' for central documents; 'vn/<province>/<district>…' for local ones; 'vn/unknown@<file>' otherwise."""
    if level == "central":
        return "vn"
    if locality_path:
        return "vn/" + "/".join(slug(p) for p in locality_path)
    return f"vn/unknown@{slug(unknown_in or 'text')}"


def document_id(*, scope_path: str, issuer_code: Optional[str], type_code: Optional[str], number: Optional[str],
                year: Optional[int], unit: Optional[str] = None, name: Optional[str] = None,
                draft_of: Optional[str] = None) -> str:
    # "QH12", "UBTVQH15": the legislature's term is not part of the issuer's identity (11/2008/QH12 is one law
    # whether cited by number or by name).
    issuer = slug(re.sub(r"^([A-Za-zĐđ]+)\d+(?=$|-)", r"\1", issuer_code or "x"))
    if unit:
        issuer = f"{issuer}-{slug(unit)}"
    period = str(year) if year else "undated"
    if number:
        num = str(int(number)) if number.isdigit() else slug(number)
    elif name:
        num = slug(name)[:80]
    else:
        num = f"draft@{slug(draft_of or 'text')}"
    return "/".join([scope_path, issuer, slug(type_code or "vb"), period, num])
