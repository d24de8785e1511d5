"""An amending law named by the laws it amends, then its number: "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật
Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng … số 09/2026/QH16". The number is the amending law: the subject
takes the clause's lead phrase for it ('Căn cứ': it rests on it). The laws named inside its name are what it amends
(09/2026/QH16 AMENDS each), not documents the subject's own phrase governs."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .. import vocab
from ..vocab.patterns import any_of
from .feasibility import possible
from .mentions import Mention
from .relations import Role
from .triggers import first_trigger, verb_text

_OPENER = re.compile(r"(?i)(?<!\w)(?:bộ\s+)?luật\s+(?P<verb>sửa\s+đổi(?:,\s*bổ\s+sung)?)(?:\s+một\s+số\s+điều)?"
                     r"(?:\s+và\s+phụ\s+lục)?\s+(?:của\s+)?")
_CLAUSE_END = re.compile(r";|\.\s|\n\s*\n|:\s*\n")
_CLAUSE_START = re.compile(r"[;\n]")
# Between the last law named and the number: more names of laws (that the law list may not know), then "số".
_BEFORE_NUMBER = re.compile(r"(?:[\s,]*(?:và\s+)?(?:Bộ\s+luật|Luật)\s[^;:.()\d]{3,120}?)*[\s,]*(?:và\s+)?(?i:số)?\s*:?\s*")
# The names of the laws amended, where the text names them without a number of their own: each "Luật …" up to the
# next one, a comma or the end ("của Luật Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng và Luật …").
_LAW_NAMES = re.compile(r"(?:Bộ\s+luật|Luật)\s.+?(?=\s*,\s*(?:Bộ\s+luật|Luật)\s|\s+và\s+(?:Bộ\s+luật|Luật)\s"
                        r"|[\s,]*(?i:số)?\s*:?\s*$)")
_NUMBERED_NAME = re.compile(r"((?:Bộ\s+luật|Luật)\s.+?)\s+(?i:số)\b")
_LIST_GAP = re.compile(rf"(?:[\s;,]|{any_of(vocab.phrases('coordinator'))}(?!\w))*")


def amending_law_names(text: str, mentions: list[Mention], roles: list[list[Role]]) -> list[list[Role]]:
    """``roles`` with each such amending law given the clause's lead role and the laws in its name its chain."""
    if "sửa đổi" not in text:
        return roles
    out = list(roles)
    starts = [m.start for m in mentions]
    for opener in _OPENER.finditer(text):
        at = bisect.bisect_left(starts, opener.start())
        named, name_end = _named_whole(text, mentions[at]) if at < len(mentions) and starts[at] == opener.start() \
            else (None, 0)
        if named is not None:
            # the amending law named whole, by its name and date ("Luật sửa đổi … của Luật Thống kê ngày 12 tháng 11
            # năm 2021") or by a name the law list knows and its number: it amends the laws its name holds that the
            # text pins
            names = _LAW_NAMES.findall(text, opener.end(), name_end)
            verb = " ".join(opener.group("verb").lower().split())
            for j in _pinned(text, mentions, names, named):
                if possible(named, mentions[j], "AMENDS"):
                    out[j] = out[j] + [Role(named.key, "AMENDS", "chain", verb=verb)]
            continue
        end = _CLAUSE_END.search(text, opener.end())
        stop = end.start() if end else len(text)
        inside = list(range(bisect.bisect_left(starts, opener.end()), bisect.bisect_left(starts, stop)))
        if not inside:
            continue
        *amended, last = inside
        number = mentions[last]
        if number.symbol is None or not number.symbol.issuer_code.startswith("QH") or \
                not _BEFORE_NUMBER.fullmatch(text, mentions[amended[-1]].tail_end if amended else opener.end(),
                                             number.start) or \
                any(mentions[i].symbol is not None and mentions[i].name is None for i in amended):
            continue    # a number that does not close the name, or a numbered document that is no law's name
        clause = max((m.end() for m in _CLAUSE_START.finditer(text, max(0, opener.start() - 200), opener.start())),
                     default=max(0, opener.start() - 200))
        lead = first_trigger(text[clause:opener.start()])
        if lead is not None and not lead[0].passive and not text[clause:clause + lead[1].start()].strip(" \t*-+•"):
            trigger, match = lead
            out[last] = [Role("subject", trigger.relation, "trigger", verb=verb_text(match),
                              verb_at=clause + match.start(), clause_at=clause)]
        else:       # no phrase opens the clause (a "sửa đổi" inside a name before it opens nothing)
            listed = _list_item_role(text, mentions, starts, out, opener.start())
            if listed is not None:
                out[last] = [listed]
        verb = " ".join(opener.group("verb").lower().split())
        for i in amended:
            out[i] = [Role(number.key, "AMENDS", "chain", verb=verb)]
        # "… của Luật X, Luật Y số N": X is also the law this text cites under that name with its own number
        names = _LAW_NAMES.findall(text, opener.end(), number.start)
        for j in _pinned(text, mentions, names, number):
            if j not in amended and possible(number, mentions[j], "AMENDS"):    # never a later law of that name
                out[j] = out[j] + [Role(number.key, "AMENDS", "chain", verb=verb)]
    return out


def _named_whole(text: str, mention: Mention) -> tuple[Optional[Mention], int]:
    """``mention`` and where its name ends, when it is an amending law cited by its whole name: by name and date,
    or with its number after a name the law list knows (the mention then spans name and number)."""
    if mention.by_name and mention.law is not None:
        return mention, mention.end
    if mention.symbol is not None and mention.symbol.issuer_code.startswith("QH") and mention.name:
        number_word = [m.start() for m in _NUMBER_WORD.finditer(text, mention.start, mention.end)]
        if len(number_word) > 1:        # "một số điều", then the "số" of the number
            return mention, number_word[-1]
    return None, 0


_NUMBER_WORD = re.compile(r"(?i)(?<!\w)số(?!\w)")


def _pinned(text: str, mentions: list[Mention], names: list[str], number: Mention) -> list[int]:
    """The mentions that pin each of ``names`` ("Luật X số A", "Luật X ngày …"), other than ``number`` itself."""
    wanted = {vocab.fold(n) for n in names if n.strip()}
    out = []
    for j, m in enumerate(mentions):
        if m is number or m.key == number.key:
            continue
        if m.by_name and m.law is not None and m.date is not None:     # "Luật Thống kê ngày 23 tháng 11 năm 2015"
            if vocab.fold(text[m.start:m.end]) in wanted:
                out.append(j)
            continue
        if m.symbol is None or not m.symbol.issuer_code.startswith("QH"):
            continue
        named = _NUMBERED_NAME.match(text, m.start, m.end)
        if named is not None and vocab.fold(named.group(1)) in wanted:
            out.append(j)
    return out


def _list_item_role(text: str, mentions: list[Mention], starts: list[int], roles: list[list[Role]],
                    at: int) -> Optional[Role]:
    """The subject's role of the item before ``at`` in a list of the same clause ("Căn cứ Luật A số …; Luật sửa
    đổi … số N"): the amending law is the next item, resting on the same phrase."""
    before = bisect.bisect_left(starts, at) - 1
    if before < 0 or not _LIST_GAP.fullmatch(text, mentions[before].tail_end, at):
        return None
    for role in roles[before]:
        if role.source == "subject" and role.how in ("trigger", "list") and role.relation == "BASED_ON":
            return Role("subject", role.relation, "list", verb=role.verb, verb_at=role.verb_at, clause_at=role.clause_at)
    return None
