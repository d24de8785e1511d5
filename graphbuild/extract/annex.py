"""Documents listed in an annex whose heading says what the text does to them ("DANH MỤC VĂN BẢN QUY PHẠM PHÁP
LUẬT BỊ BÃI BỎ TOÀN BỘ", "… HẾT HIỆU LỰC", "… ĐƯỢC SỬA ĐỔI"): each document that opens a row of the annex's table
takes that relation, as if the article pointing at the annex ("Bãi bỏ các văn bản tại Phụ lục I …") named it."""
from __future__ import annotations

import re
from typing import Optional

from ..models import CHANGES
from .clauses import is_upper
from .mentions import Mention
from .relations import Role
from .triggers import phrase_key, post_re, post_relation, trigger_re, trigger_table, verb_text

_HEADING = re.compile(r"(?m)^[ \t]*DANH MỤC\b[^\n]*")
_NEXT_PART = re.compile(r"(?m)^[ \t]*(?:PHỤ LỤC|Phụ lục|DANH MỤC)\b")
_HEADING_LINES = 4          # a heading in capitals wraps over a few lines
# A document opens its row: nothing but a row number, cell bars or blanks before it on its line (or in its cell).
_ROW_OPENING = re.compile(r"[\s\d.|]*")


def _heading_relation(heading: str) -> Optional[tuple[str, str, int]]:
    """What the heading says is done to the listed documents: (relation, verb, where the verb starts), a change
    only. The words before the verb still say the mode ("… ĐƯỢC ĐỀ XUẤT SỬA ĐỔI": a proposal, clauses.py)."""
    text = heading.lower()
    post = post_re().search(text) if post_re() else None
    if post is not None and post_relation(post) in CHANGES:
        return post_relation(post), verb_text(post), post.start()
    for match in trigger_re().finditer(text):
        trigger = trigger_table().get(phrase_key(match.group(0)))
        if trigger is not None and trigger.relation in CHANGES:
            return trigger.relation, verb_text(match), match.start()
    return None


def _annexes(text: str) -> list[tuple[int, int, int, str, str, int]]:
    """(heading start, table start, table end, relation, verb, verb start) of each annex whose heading names a
    change."""
    out = []
    for match in _HEADING.finditer(text):
        if not is_upper(match.group(0).split("(")[0]):
            continue        # "(Kèm theo Nghị định số …)" may follow on the heading's line
        end = match.end()
        for _ in range(_HEADING_LINES - 1):        # the heading's other lines in capitals
            nxt = text.find("\n", end + 1)
            line = text[end + 1:len(text) if nxt < 0 else nxt]
            if not line.strip() or not is_upper(line):
                break
            end = len(text) if nxt < 0 else nxt
        said = _heading_relation(text[match.start():end])
        if said is None:
            continue
        stop = _NEXT_PART.search(text, end)
        relation, verb, at = said
        out.append((match.start(), end, stop.start() if stop else len(text), relation, verb, match.start() + at))
    return out


def annex_roles(text: str, mentions: list[Mention], roles: list[list[Role]]) -> list[list[Role]]:
    """``roles`` with the plain citations that open a row of a changing annex given the annex's relation."""
    annexes = _annexes(text) if "DANH MỤC" in text else []
    if not annexes:
        return roles
    out = list(roles)
    for i, mention in enumerate(mentions):
        mine = roles[i]
        if len(mine) != 1 or mine[0].source != "subject" or mine[0].how != "plain":
            continue
        for heading, start, stop, relation, verb, verb_at in annexes:
            if start <= mention.start < stop:
                cell = max(text.rfind("\n", start, mention.start), text.rfind("|", start, mention.start)) + 1
                if _ROW_OPENING.fullmatch(text, cell, mention.start):
                    out[i] = [Role("subject", relation, "trigger", verb=verb, verb_at=verb_at, clause_at=heading)]
                break
    return out
