"""An amending law named by the laws it amends, then its number: "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật
Thuế thu nhập cá nhân, Luật Thuế giá trị gia tăng … số 09/2026/QH16". The number is the amending law: the subject
takes the clause's lead phrase for it ('Căn cứ': it rests on it). The laws named inside its name are what it amends
(09/2026/QH16 AMENDS each), not documents the subject's own phrase governs."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .mentions import Mention
from .relations import Role
from .triggers import first_trigger, verb_text

_OPENER = re.compile(r"(?i)(?<!\w)(?:bộ\s+)?luật\s+(?P<verb>sửa\s+đổi(?:,\s*bổ\s+sung)?)(?:\s+một\s+số\s+điều)?"
                     r"(?:\s+và\s+phụ\s+lục)?\s+(?:của\s+)?")
_CLAUSE_END = re.compile(r";|\.\s|\n\s*\n|:\s*\n")
_CLAUSE_START = re.compile(r"[;\n]")
# Between the last law named and the number: more names of laws (that the law list may not know), then "số".
_BEFORE_NUMBER = re.compile(r"(?:[\s,]*(?:và\s+)?(?:Bộ\s+luật|Luật)\s[^;:.()\d]{3,120}?)*[\s,]*(?:và\s+)?(?i:số)?\s*:?\s*")
# The names of the laws amended, where the text names them without a number of their own: split before each law.
_NAME_SPLIT = re.compile(r"(?:\s*,\s*|\s+và\s+)(?=(?:Bộ\s+luật|Luật)\s)")
_NAME_END = re.compile(r"[\s,]*(?i:số)?\s*:?\s*$")
_NUMBERED_NAME = re.compile(r"((?:Bộ\s+luật|Luật)\s.+?)\s+(?i:số)\b")
_LIST_GAP = re.compile(r"[\s;,]*")


def amending_law_names(text: str, mentions: list[Mention], roles: list[list[Role]]) -> list[list[Role]]:
    """``roles`` with each such amending law given the clause's lead role and the laws in its name its chain."""
    if "sửa đổi" not in text:
        return roles
    out = list(roles)
    starts = [m.start for m in mentions]
    for opener in _OPENER.finditer(text):
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
        elif lead is None:
            listed = _list_item_role(text, mentions, out, opener.start())
            if listed is not None:
                out[last] = [listed]
        verb = " ".join(opener.group("verb").lower().split())
        for i in amended:
            out[i] = [Role(number.key, "AMENDS", "chain", verb=verb)]
        if not amended:     # "… của Luật X số N": X is the law this text cites under that name with its own number
            names = _NAME_SPLIT.split(_NAME_END.sub("", text[opener.end():number.start]))
            for j in _pinned(text, mentions, names, number):
                out[j] = out[j] + [Role(number.key, "AMENDS", "chain", verb=verb)]
    return out


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


def _pinned(text: str, mentions: list[Mention], names: list[str], number: Mention) -> list[int]:
    """The mentions that give each of ``names`` its number ("Luật X số A"), other than ``number`` itself."""
    wanted = {_fold(n) for n in names if n.strip()}
    out = []
    for j, m in enumerate(mentions):
        if m is number or m.symbol is None or not m.symbol.issuer_code.startswith("QH"):
            continue
        named = _NUMBERED_NAME.match(text, m.start, m.end)
        if named is not None and _fold(named.group(1)) in wanted and m.key != number.key:
            out.append(j)
    return out


def _list_item_role(text: str, mentions: list[Mention], roles: list[list[Role]], at: int) -> Optional[Role]:
    """The subject's role of the item before ``at`` in a list of the same clause ("Căn cứ Luật A số …; Luật sửa
    đổi … số N"): the amending law is the next item, resting on the same phrase."""
    before = bisect.bisect_left([m.start for m in mentions], at) - 1
    if before < 0 or not _LIST_GAP.fullmatch(text, mentions[before].tail_end, at):
        return None
    for role in roles[before]:
        if role.source == "subject" and role.how in ("trigger", "list") and role.relation == "BASED_ON":
            return Role("subject", role.relation, "list", verb=role.verb, verb_at=role.verb_at, clause_at=role.clause_at)
    return None
