"""Whether one cited document can act on another: not on a later document, (amending, replacing, repealing) not
on an act of higher legal rank nor of the other system (Party, State), (guiding) not on one of lower rank, and
(implementing, continuing, resting on) not on what a body of a lower level issued.

Ranks are data: the ``rank`` columns of vocab/doc_types.tsv (by type) and vocab/issuers.tsv (by issuer, when the
type gives none). Party documents and unknown types have no rank.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import vocab
from ..models import ACTS_ON_EARLIER, BOUNDED_BY_RANK, Document
from ..vocab import patterns
from .mentions import Mention

# While extracting, a 'Căn cứ' is kept whatever the dates say: a wrong date in a header must not drop it.
ACTS_ON_OLDER = tuple(r for r in ACTS_ON_EARLIER if r != "BASED_ON")


def rank(mention: Mention) -> Optional[int]:
    """The legal rank of the act a mention names (``vocab.legal_rank``)."""
    symbol = mention.symbol
    if symbol is None and mention.type_code not in vocab.type_ranks():
        return None
    return vocab.legal_rank(mention.type_code, symbol.system if symbol else "state",
                            symbol.issuer_code if symbol else None)


def year(mention: Mention) -> Optional[int]:
    if mention.date and mention.date.year:
        return mention.date.year
    if mention.symbol and mention.symbol.year:
        return mention.symbol.year
    if mention.law and mention.law.date:
        return int(mention.law.date[:4])
    return None


def later(mention: Mention, than: Mention) -> bool:
    """Whether ``mention`` names a document issued in a later year than ``than``'s: nothing acts on, rests on or
    cites a later act."""
    a, b = year(mention), year(than)
    return bool(a and b and a > b)


def possible(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` can act on ``target``: not on a later document, not (amending) on a higher-ranked act;
    what an act issues with it ('ban hành kèm theo') is an attachment without a number of its own, never a numbered
    document (one named before the phrase is in the attachment's title: "Chương trình … thực hiện Nghị quyết số
    57-NQ/TW … ban hành kèm theo Nghị quyết số 03/NQ-CP")."""
    if relation == "PROMULGATES" and source is not None and (target.symbol is not None or target.law is not None):
        return False
    if source is None or relation not in ACTS_ON_EARLIER:
        return True
    source_year, target_year = year(source), year(target)
    if relation in ACTS_ON_OLDER and source_year and target_year and source_year < target_year:
        return False
    return possible_rank(source, target, relation) and possible_level(source, target, relation) and \
        possible_system(source, target, relation)


def possible_system(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` can amend, replace, repeal or correct ``target``: only an act of its own system (a
    Government resolution does not amend a Party resolution, nor a Party body a decree), and an act only an act
    (``vocab.changes_acts``: a plan does not amend a decision; a letter may correct one)."""
    if source is None or (relation not in BOUNDED_BY_RANK and relation != "CORRECTS"):
        return True
    if relation in BOUNDED_BY_RANK and not vocab.changes_acts(source.type_code, target.type_code):
        return False        # (a correction is issued as a letter as often as a decision)
    systems = {vocab.issuer_system(m.symbol.issuer_code) if m is not None and m.symbol else None
               for m in (source, target)}
    return None in systems or len(systems) == 1


_LEVELS = ("central", "province", "district", "commune")


_CITED_UNITS = [(re.compile(rf"(?i)(?<!\w){w.word}(?!\w)"), w.level) for w in vocab.place_words() if w.level and w.cited]


def level(mention: Mention) -> Optional[int]:
    """How far from the centre the body that issued the mentioned document sits (0 central … 3 commune); for a
    UBND's or HĐND's, the unit its issuer phrase names ("của Ủy ban nhân dân tỉnh"); else None."""
    info = vocab.issuer_info(mention.symbol.issuer_code) if mention.symbol else None
    if info and info.level in _LEVELS:
        return _LEVELS.index(info.level)
    if info and mention.issuer_phrase:
        unit = next((lvl for word, lvl in _CITED_UNITS if word.search(mention.issuer_phrase)), None)
        return _LEVELS.index(unit) if unit in _LEVELS else None
    return None


def possible_level(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` can implement, continue or rest on ``target``: a body implements what its own level or a
    higher one issued, never a lower one's (the Government does not implement a Tỉnh ủy's plan, nor a Politburo
    resolution rest on a province's plan)."""
    if source is None or relation not in ("IMPLEMENTS", "CONTINUES", "BASED_ON"):
        return True
    source_level, target_level = level(source), level(target)
    return source_level is None or target_level is None or source_level >= target_level


def possible_rank(source: Optional[Mention], target: Mention, relation: str) -> bool:
    """Whether ``source`` ranks high enough to amend, replace or repeal ``target``, and low enough to guide it (a
    decree details a law, a circular a decree; no decree details a circular); always, for other relations."""
    if source is None or (relation not in BOUNDED_BY_RANK and relation != "GUIDES"):
        return True
    source_rank, target_rank = rank(source), rank(target)
    if source_rank is None or target_rank is None:
        return True
    return source_rank >= target_rank if relation == "GUIDES" else source_rank <= target_rank


def subject_mention(doc: Optional[Document]) -> Optional[Mention]:
    """The subject as a mention, for the rank checks (no date: a wrong header date must not drop an edge)."""
    if doc is None or not doc.symbol:
        return None
    match = patterns.mention_re().fullmatch(doc.symbol)
    symbol = patterns.parse_symbol(match) if match else None
    return Mention(-1, -1, "subject", symbol=symbol, type_code=doc.type) if symbol else None
