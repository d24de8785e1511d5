"""Whether one cited document can act on another: not on a later document, and (amending, replacing, repealing)
not on an act of higher legal rank.

Ranks are data: the ``rank`` columns of vocab/doc_types.tsv (by type) and vocab/issuers.tsv (by issuer, when the
type gives none). Party documents and unknown types have no rank.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import vocab
from ..models import Document
from ..vocab import patterns
from .mentions import Mention

# What a document can do only to documents issued before it.
ACTS_ON_OLDER = {"AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "IMPLEMENTS", "CONTINUES", "PROMULGATES",
                 "REVIEWS"}
# What a document can do only to acts of its own rank or below (Luật Ban hành văn bản quy phạm pháp luật).
BOUNDED_BY_RANK = ("AMENDS", "REPLACES", "REPEALS")


def rank(mention: Mention) -> Optional[int]:
    """The legal rank of a state act (0 the constitution, 1 a law … 7 a UBND decision); None for a Party document,
    or when neither its type nor its issuer has one."""
    symbol = mention.symbol
    if symbol is not None and symbol.system != "state":
        return None
    by_type = vocab.type_ranks().get(mention.type_code or "")
    if by_type is not None:
        return by_type
    if symbol is None:
        return None
    info = vocab.issuer_info(re.sub(r"\d+$", "", symbol.issuer_code.split("-")[0]))
    return info.rank if info else None


def year(mention: Mention) -> Optional[int]:
    if mention.date and mention.date.year:
        return mention.date.year
    if mention.symbol and mention.symbol.year:
        return mention.symbol.year
    if mention.law and mention.law.date:
        return int(mention.law.date[:4])
    return None


def possible(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` can act on ``target``: not on a later document, not (amending) on a higher-ranked act."""
    if source is None or relation not in ACTS_ON_OLDER:
        return True
    source_year, target_year = year(source), year(target)
    if source_year and target_year and source_year < target_year:
        return False
    return possible_rank(source, target, relation)


def possible_rank(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` ranks high enough to amend, replace or repeal ``target`` (always, for other relations)."""
    if source is None or relation not in BOUNDED_BY_RANK:
        return True
    source_rank, target_rank = rank(source), rank(target)
    return source_rank is None or target_rank is None or source_rank <= target_rank


def subject_mention(doc: Optional[Document]) -> Optional[Mention]:
    """The subject as a mention, for the rank checks (no date: a wrong header date must not drop an edge)."""
    if doc is None or not doc.symbol:
        return None
    match = patterns.mention_re().fullmatch(doc.symbol)
    symbol = patterns.parse_symbol(match) if match else None
    return Mention(-1, -1, "subject", symbol=symbol, type_code=doc.type) if symbol else None
