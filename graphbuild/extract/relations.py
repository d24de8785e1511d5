"""How each mention relates, and to what: its roles (a source and a relation), within its logical line.

``roles(text, mentions, Lines(text))`` (a PDF line break inside a sentence does not end a ``Lines`` line):

- the last trigger phrase before a mention in its clause governs it ("Căn cứ", "thực hiện", "bãi bỏ" …); a phrase
  in the description of the document before it chains from that document ("Kế hoạch 84 … về việc thực hiện Kết
  luận 44": 84 -> 44; "Thông tư 08 … hướng dẫn Nghị định 46": 08 -> 46);
- a passive phrase ("A … được sửa đổi, bổ sung bởi B") makes B act on A, the nearest document before it that B can
  act on (not a later one, not a higher-ranked act: ``feasibility``); without one it never points at the subject;
  in a "Căn cứ" clause the amending act is a basis too;
- a list continues its first item's roles ("A; B", "A và B", "A <title>, B"), joining the nearest document of its
  type or rank; a line ending with a trigger and ':' (or an article heading that repeals, amends …) governs the
  numbered items under it; a phrase written after a document ("… hết hiệu lực") governs it.

The phrases, their relations and directions are the table vocab/relations.tsv; the words between documents
(linkers, list words) are in vocab/phrases.tsv.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Optional

from .. import vocab
from ..models import CHANGES
from ..vocab import patterns
from ..vocab.patterns import any_of
from .feasibility import later, possible, possible_rank, rank
from .lines import ARTICLE, HARD_NEXT, Lines
from .mentions import Mention
from .triggers import (
    TriggerHit,
    first_trigger,
    governs,
    last_trigger,
    post_re,
    post_relation,
    verb_text,
)

BETWEEN_DOCUMENTS = ("GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS")
LINKER = re.compile(rf"(?i)^[\s,:(\-\"“”']*(?:{any_of(vocab.phrases('linker'))}[\s,]*)*$")
LIST_GAP = re.compile(rf"(?i)^[\s,;:(\-+•\"“”')]*(?:(?:{any_of(vocab.phrases('list_word'), group=False)}|"
                      r"\d{1,2}\.|[a-zđ]\)|-|\+|•)[\s,;:]*)*$")
SENTENCE_END = re.compile(rf"[.!?]\s+(?=[{vocab.UPPER}\d])|:\s*\n| \| ")     # ' | ': a table cell ends
# A list continues after a title: "A quy định … và B", "A về …, B".
COORDINATED = re.compile(rf"(?:\s{any_of(vocab.phrases('coordinator'))}|,)\s*$")
CLAUSE_SEMICOLON = re.compile(";")
# "(sau đây gọi tắt là …": what follows names again a document already named
ASIDE = re.compile(rf"(?i){any_of(vocab.phrases('aside'))}\s*$")
ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[a-zđ]\)|[-+•])\s")


@dataclass
class Role:
    """How a mention relates: ``source`` is 'subject' or the key of the mention it hangs on; ``verb`` is the phrase
    that says it, at ``verb_at`` in the text (-1: none), in the clause starting at ``clause_at``."""
    source: str
    relation: str
    how: str                 # trigger | chain | list | plain
    passive: bool = False
    verb: Optional[str] = None
    verb_at: int = -1
    clause_at: int = -1
    unnamed_object: Optional[str] = None    # a passive phrase's relation when it acts on nothing named before it
    mode: Optional[str] = None              # what the clause does, when the grammar alone says it (clauses.py)


@dataclass
class _Clause:
    start: int
    lead: Optional[TriggerHit] = None      # the first trigger in the clause, computed on demand
    lead_done: bool = False

    def lead_role(self, text: str, upto: int, how: str = "trigger") -> Role:
        """The subject's role given by the clause's first trigger ('Căn cứ …'), else a plain citation."""
        if not self.lead_done:
            self.lead, self.lead_done = first_trigger(text[self.start:upto]), True
        if self.lead and not self.lead[0].passive:
            trigger, match = self.lead
            opens = not text[self.start:self.start + match.start()].strip(" \t\n*-+•;:")
            if not opens and not governs(trigger, text[self.start + match.end():upto]):
                return Role("subject", "CITES", "plain", verb=verb_text(match), clause_at=self.start)
            return Role("subject", trigger.relation, how, verb=verb_text(match), verb_at=self.start + match.start(),
                        clause_at=self.start)
        return Role("subject", "CITES", "plain", clause_at=self.start)


@dataclass
class _Context:
    """What the role of each mention is read against: the text, its mentions, and what was found so far."""
    text: str
    mentions: list[Mention]
    lines: Lines
    line_of: list[int]                      # the logical line start of each mention
    clauses: list[_Clause]
    roles: list[list[Role]]
    by_key: dict[str, Mention]


def roles(text: str, mentions: list[Mention], lines: Lines, subject: Optional[Mention] = None) -> list[list[Role]]:
    """Every mention's roles (a list per mention): the relations the text states for it, with their sources.
    ``subject``: the document itself as a mention (its rank bounds what it can amend, replace or repeal)."""
    ctx = _Context(text, mentions, lines, [lines.start(x.start) for x in mentions], [], [], {})
    for i, mention in enumerate(mentions):
        line_start = ctx.line_of[i]
        prev = mentions[i - 1] if i and ctx.line_of[i - 1] == line_start else None
        gap_start = min(prev.tail_end, mention.start) if prev else line_start
        gap = text[gap_start:mention.start]
        cut = 0
        # one character past the gap: a sentence that ends right before the mention ('… năm 2024. Thông tư số …')
        for sentence_end in SENTENCE_END.finditer(text, gap_start, mention.start + 1):
            cut = min(sentence_end.end(), mention.start) - gap_start
        clause_gap = gap[cut:]
        clause = ctx.clauses[i - 1] if prev is not None and not cut else _Clause(gap_start + cut)
        ctx.clauses.append(clause)
        hit = last_trigger(clause_gap, at_clause_start=prev is None or cut > 0)
        if hit and CLAUSE_SEMICOLON.search(clause_gap, hit[1].end()):
            hit = None      # a phrase does not reach across ';' ("… về thi hành Điều lệ Đảng; Quy định số 22")
        if hit and prev is not None and not hit[0].passive and _coordinated_past(clause_gap[hit[1].end():]):
            hit = None      # "A hướng dẫn giám sát … và B": the phrase belongs to A's title, B joins A
        mine: list[Role] = []
        named = _named_before(ctx, i) if ASIDE.search(text, max(0, mention.start - 40), mention.start) else None
        if named is not None:
            # "Quyết định số 290/2005/QĐ-TTg … (sau đây viết tắt là Quyết định số 290/2005/QĐ-TTg) và …": the
            # document named again in an aside says nothing new; a list goes on from it with its roles
            hit = None
            mine = list(ctx.roles[named])
        elif hit and not hit[0].passive:
            mine = [_active_role(hit, prev, mention, subject, gap, clause_gap, cut, clause.start)]
        elif hit:       # passive: "A … được sửa đổi, bổ sung bởi B" -> B acts on A
            relation = hit[0].relation
            ante = _antecedent(ctx, i, relation) or _row_document(ctx, i, relation, gap_start + cut + hit[1].start())
            lead = clause.lead_role(text, mention.start)
            if ante is not None:
                mine = [Role(ante.key, relation, "chain", True, verb=verb_text(hit[1]))]
                basis = lead if lead.relation == "BASED_ON" else _basis_of(ctx, ante)
                if basis is not None:
                    mine.append(basis)  # the basis is the act as amended
                else:                   # B named as what acted on A: a citation in whatever the clause does
                    mine.append(Role("subject", "CITES", "plain", verb=verb_text(hit[1]), clause_at=clause.start))
            elif lead.relation == "BASED_ON":
                mine = [lead]           # "Căn cứ Quy chế … ban hành kèm theo Quyết định số X": the basis is X's
            elif lead.relation in CHANGES and relation == "PROMULGATES":
                mine = [lead]           # "Bãi bỏ … Quy chế … ban hành kèm theo Quyết định số X": a part of X
            elif _UNNUMBERED.search(clause_gap, 0, hit[1].start()):
                mine = [Role("subject", "CITES", "plain", clause_at=clause.start)]    # "Hiến pháp … được sửa đổi theo X"
            else:
                # "thực hiện theo … Phụ lục kèm theo Thông tư số X": what the clause acts on is unnamed; X is cited
                mine = [Role("subject", "CITES", "plain", clause_at=clause.start, unnamed_object=relation)]
        elif prev is None:
            header = _list_header(ctx, line_start, mention)
            if header is not None:
                mine = [header]
        semicolon = CLAUSE_SEMICOLON.search(gap) is not None
        if not mine and prev is not None and (LIST_GAP.match(CLAUSE_SEMICOLON.split(clause_gap)[-1] if semicolon
                                                             else gap) or
                                              (not cut and not semicolon and COORDINATED.search(gap))):
            mine = _continue_list(ctx, i, gap)
        if not mine:
            mine = [Role("subject", "CITES", "plain", clause_at=clause.start)]
        ctx.roles.append(mine)
        ctx.by_key.setdefault(mention.key, mention)
    _post_triggers(ctx)
    return ctx.roles


def _named_before(ctx: _Context, i: int) -> Optional[int]:
    """The earlier mention of the same document in the same logical line, if any."""
    key = ctx.mentions[i].key
    return next((j for j in range(i - 1, -1, -1)
                 if ctx.line_of[j] == ctx.line_of[i] and ctx.mentions[j].key == key), None)


def _active_role(hit: TriggerHit, prev: Optional[Mention], mention: Mention, subject: Optional[Mention], gap: str,
                 clause_gap: str, cut: int, clause_at: int) -> Role:
    trigger, match = hit
    said = {"verb": verb_text(match), "verb_at": clause_at + match.start(), "clause_at": clause_at}
    if prev is not None and not cut and not CLAUSE_SEMICOLON.search(gap) and (
            len(gap.strip()) <= 90 and LINKER.match(clause_gap[:match.start()]) or
            len(gap) <= 250 and (trigger.relation in BETWEEN_DOCUMENTS or "," not in clause_gap[:match.start()])):
        # "A … về việc thực hiện B"; "A … hướng dẫn thực hiện một số điều về … quy định tại B": a phrase in A's own
        # description (no comma before it), or what documents do to documents (guide, amend, repeal), is said of A;
        # what A cannot do to B (amend a higher act, a later one) leaves a citation
        if later(mention, prev):
            # "Nghị định 150/2006 … hướng dẫn … Pháp lệnh X và Nghị định số 157/2016 …": a document cannot act on,
            # nor cite, a later one; the later one is the text's own citation
            return Role("subject", "CITES", "plain", clause_at=clause_at)
        return Role(prev.key, trigger.relation if possible(prev, mention, trigger.relation) else "CITES", "chain",
                    **said)
    if not possible_rank(subject, mention, trigger.relation):
        return Role("subject", "CITES", "trigger", **said)     # a circular does not amend a decree
    return Role("subject", trigger.relation, "trigger", **said)


@lru_cache(maxsize=None)
def _type_start_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{any_of(vocab.phrases('plural_word'))}\s+)?(?i:{patterns.type_words()})\b")


def _coordinated_past(filler: str) -> bool:
    """Whether the words between a phrase and a document end a list the document joins, past the phrase's own
    object ('hướng dẫn giám sát giao dịch … và B'), rather than adding to the phrase's objects ('thực hiện Nghị
    quyết Đại hội Đảng lần thứ X, Nghị quyết số 25/2006/NQ-CP')."""
    return bool(COORDINATED.search(filler)) and len(filler.split()) > 3 and not _type_start_re().match(filler)


def _antecedent(ctx: _Context, i: int, relation: str) -> Optional[Mention]:
    """The document a passive phrase before mention i acts on: the nearest one before it in its clause that it can
    act on ('Nghị định 78 hướng dẫn Luật BHVB được sửa đổi bởi Nghị định 187': 187 amends 78, not the law)."""
    mention = ctx.mentions[i]
    row = _table_row(ctx.text, mention.start)
    for j in range(i - 1, -1, -1):
        earlier = ctx.mentions[j]
        same_clause = ctx.line_of[j] == ctx.line_of[i] and ctx.clauses[j] is ctx.clauses[i]
        if not same_clause and not (row is not None and earlier.start >= row) and \
                not _same_sentence(ctx.text, earlier, mention):
            break       # in a table, the row is the clause: "18/2016/QĐ-UBND | … | Được thay thế bởi Quyết định …"
        if _new_clause_between(ctx.text, earlier.tail_end, mention.start):
            break       # "A …; triển khai Chiến lược … ban hành kèm theo B": the phrase's object is in the new clause
        if possible(mention, earlier, relation) and earlier.key != mention.key:
            return earlier
    return None


def _new_clause_between(text: str, start: int, end: int) -> bool:
    """Whether a part after a ';' between ``start`` and ``end`` opens with a relation phrase: a clause of its own."""
    cut = text.rfind(";", start, end)
    if cut < 0:
        return False
    hit = first_trigger(text[cut + 1:end])
    return hit is not None and not text[cut + 1:cut + 1 + hit[1].start()].strip()


# (a line that ends with ':' opens a list or a quotation: "… có căn cứ ban hành như sau:\n“Căn cứ Hiến pháp …")
_SENTENCE_OR_OPENER = re.compile(rf"\.\s|\n\s*\n|:[ \t]*\n|\n(?={HARD_NEXT.pattern})")
_ANTECEDENT_REACH = 600


def _basis_of(ctx: _Context, ante: Mention) -> Optional[Role]:
    """The subject's 'Căn cứ' role for a document it rests on (the amending act of a basis is a basis too)."""
    for mention, mine in zip(ctx.mentions, ctx.roles):
        if mention is ante:
            return next((r for r in mine if r.source == "subject" and r.relation == "BASED_ON"), None)
    return None


# A cell that says what happened to its row's document, or to some of its articles, by a passive phrase: "Được bãi
# bỏ bởi …", "Điều 5, Điều 6 được sửa đổi, bổ sung bởi …" (a table linearised one cell per line).
_ROW_CELL = re.compile(r"(?i)[ \t]*(?:(?:điều|khoản|điểm|mục|chương|phụ lục)\s+[\w.]+(?:\s*(?:,|và)\s*)?)*[ \t]*")
_ROW_LINES = 4              # the row's document is named this many lines up at most


def _row_document(ctx: _Context, i: int, relation: str, phrase_at: int) -> Optional[Mention]:
    """The row's document a passive phrase that opens its cell acts on: the nearest document named on the lines just
    above (within the row: no blank line between), that it can act on."""
    text = ctx.text
    line_start = text.rfind("\n", 0, phrase_at) + 1
    if relation not in CHANGES or not _ROW_CELL.fullmatch(text, line_start, phrase_at):
        return None
    top = line_start
    for _ in range(_ROW_LINES):
        above = text.rfind("\n", 0, max(0, top - 1)) + 1
        if top == 0 or not text[above:top].strip():
            break           # a blank line ends the row
        top = above
    mention = ctx.mentions[i]
    for j in range(i - 1, -1, -1):
        earlier = ctx.mentions[j]
        if earlier.start < top:
            return None
        if earlier.start < line_start and possible(mention, earlier, relation) and earlier.key != mention.key:
            return earlier
    return None


def _same_sentence(text: str, earlier: Mention, mention: Mention) -> bool:
    """Whether a passive phrase before ``mention`` can reach back to ``earlier`` across a ';' that goes on with a
    title ("Căn cứ Nghị định số 63/2019 … trong lĩnh vực quản lý tài sản công; thực hành tiết kiệm …; kho bạc nhà
    nước được sửa đổi, bổ sung bởi Nghị định số 102/2021"): no sentence end and no new line of its own between."""
    return mention.start - earlier.end <= _ANTECEDENT_REACH and \
        _SENTENCE_OR_OPENER.search(text, earlier.end, mention.start) is None


def _table_row(text: str, pos: int) -> Optional[int]:
    """Where the table row holding ``pos`` starts, when its line is a row of cells (' | ')."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    return line_start if " | " in text[line_start:len(text) if line_end < 0 else line_end] else None


def _continue_list(ctx: _Context, i: int, gap: str) -> list[Role]:
    """'A; B', 'A và B', 'A <title>, B': B takes the roles of the document it is listed with: the one before it when
    of its type or rank, else the nearest of its type, then of its rank (a Nghị định joins a Nghị định, not the
    Luật named in the first one's title), else the one before."""
    mentions, mention = ctx.mentions, ctx.mentions[i]
    j = i - 1
    semicolon = CLAUSE_SEMICOLON.search(gap) is not None
    if not semicolon and mentions[j].type_code != mention.type_code and \
            (rank(mention) is None or rank(mentions[j]) != rank(mention)):
        same = [k for k in range(i - 1, -1, -1)
                if ctx.line_of[k] == ctx.line_of[i] and ctx.clauses[k] is ctx.clauses[i]]
        j = next((k for k in same if mentions[k].type_code == mention.type_code), None) or \
            next((k for k in same if rank(mention) is not None and rank(mentions[k]) == rank(mention)), i - 1)
    out = []
    for role in ctx.roles[j]:
        if semicolon and role.source != "subject":  # "… bởi Luật số A và Luật số B; Luật Y số C": C is no amender
            role = next((q for earlier in reversed(ctx.roles[:i]) for q in earlier if q.source == "subject"),
                        Role("subject", "CITES", "plain", clause_at=ctx.clauses[i].start))
            if any(r.source == "subject" for r in ctx.roles[j]):
                continue        # the subject's own role of the item before is taken below
        if role.source != "subject":
            source = ctx.by_key[role.source]        # an earlier mention
            ok = possible(mention, source, role.relation) if role.passive else possible(source, mention, role.relation)
            if not ok:
                role = ctx.clauses[i].lead_role(ctx.text, mention.start, "list")
        out.append(replace(role, how="list" if role.how != "plain" else "plain"))
    return out


def _list_header(ctx: _Context, line_start: int, mention: Mention) -> Optional[Role]:
    """A list item's first document takes its relation from the list's header: a line ending with ':' whose last
    phrase is a trigger ('Bãi bỏ … các văn bản sau đây:', 'X …, được sửa đổi, bổ sung bởi:'), or an article heading
    that repeals, replaces, amends or corrects ('Điều 1. Bãi bỏ toàn bộ 15 văn bản'), followed by numbered items."""
    text, mentions = ctx.text, ctx.mentions
    kind = _item_kind(text[line_start:line_start + 8])
    is_item = kind is not None
    if not LIST_GAP.match(text[line_start:mention.start]):
        return None     # the header governs items that name a document, not sentences that mention one
    first = True
    cur = line_start
    for _ in range(60):
        previous = ctx.lines.previous(cur)
        if previous is None:
            return None
        header_start, header_end = previous
        line = text[header_start:header_end]
        line_kind = _item_kind(line)
        if line_kind is not None and not is_item and first:
            return None
        if line_kind is not None and line_kind == kind:
            cur = header_start          # an item of the same list: its header is further up
            first = False
            continue
        if not is_item and not first:
            return None
        break
    else:
        return None
    colon = line.rstrip(" \"”'*").endswith(":")
    article = ARTICLE.match(line)
    if not (colon or article):
        return None
    # the last trigger after the last document named in the header line
    k = bisect.bisect_left([x.start for x in mentions], header_end) - 1
    after = header_start
    if k >= 0 and mentions[k].start >= header_start:
        after = max(header_start, mentions[k].tail_end)
    following = _FOLLOWING.search(text, after, header_end)
    post = post_re().search(text, following.end(), header_end) if following and post_re() else None
    if post is not None:    # "Các văn bản sau đây hết hiệu lực kể từ ngày …:": the phrase is said of the items
        return Role("subject", post_relation(post), "trigger", verb=verb_text(post), verb_at=post.start(),
                    clause_at=header_start)
    hit = last_trigger(text[after:header_end])
    if not hit:
        return None
    trigger, match = hit
    # a passive header acts on the header's document it can act on: the base text, not a decision in its title
    ante = next((mentions[j] for j in range(k, -1, -1) if mentions[j].start >= header_start and
                 possible(mention, mentions[j], trigger.relation)), None)
    rest = text[after + match.end():header_end]
    if len(rest.split()) > 40 or ";" in rest or SENTENCE_END.search(rest):
        return None
    if article and not colon and trigger.relation not in ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "CITES"):
        return None
    if trigger.passive:
        return Role(ante.key, trigger.relation, "chain", True, verb=verb_text(match)) if ante is not None else None
    return Role("subject", trigger.relation, "trigger", verb=verb_text(match), verb_at=after + match.start(),
                clause_at=header_start)


# After ';', a new subject (a plural word, a capital) rather than the rest of a title ("…; tổ chức biên soạn …").
_NEW_SUBJECT = re.compile(rf"\s*(?:{any_of(vocab.phrases('plural_word'))}\b|[{vocab.UPPER}])")


_ITEM_KINDS = (("number", re.compile(r"[ \t]*\d{1,3}[.)]\s")), ("letter", re.compile(r"[ \t]*[a-zđ]\)\s")),
               ("bullet", re.compile(r"[ \t]*[-+•]\s")))


def _item_kind(line: str) -> Optional[str]:
    """How a list item is marked ('1.', 'a)', '-'): the items of one list share it; a nested list's header is an
    item of the list above ('d) … theo quy định tại các văn bản:' over '- Nghị định số …')."""
    return next((kind for kind, mark in _ITEM_KINDS if mark.match(line)), None)


def _post_triggers(ctx: _Context) -> None:
    """'Nghị định số 75/2024/NĐ-CP … hết hiệu lực kể từ ngày …': a phrase written after documents gives the
    subject's relation to the documents its sentence lists before it: the first document of each part between ';'
    ('Thông tư A …; Thông tư B sửa đổi … Thông tư A hết hiệu lực': A and B, not the A named in B's title), and the
    documents joined to one by 'và'. A part that starts with something else ('…; các quy định trái với … hết hiệu
    lực') takes the phrase for itself. Only a plain citation gives way to it."""
    pattern = post_re()
    if pattern is None:
        return
    text, mentions = ctx.text, ctx.mentions
    starts = [x.start for x in mentions]
    done_until = -1
    for i, mention in enumerate(mentions):
        if mention.start < done_until:
            continue
        end = ctx.lines.end(mention.start)
        stop = SENTENCE_END.search(text, mention.tail_end, end)
        end = stop.start() + 1 if stop else end
        match = pattern.search(text, mention.tail_end, end)
        if match is None:
            continue
        done_until = match.end()
        sentence = ctx.clauses[i].start
        heads = _part_heads(ctx, sentence, match.start(), starts)
        role = Role("subject", post_relation(match), "trigger", verb=verb_text(match),
                    verb_at=match.start(), clause_at=sentence)
        for k in heads:
            first = ctx.roles[k][0]
            if first.how == "plain" or (first.source == "subject" and first.relation == "CITES"):
                ctx.roles[k] = [role if k == heads[-1] else replace(role, how="list")]


_FOLLOWING = patterns.words_re("following")
# "Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số X … hết hiệu lực": a time said before the documents.
_TIME_ADVERBIAL = re.compile(r"(?i)\s*(?:kể\s+)?từ\s+ngày\s[^,;.]{0,100},\s*")
# "Chương IV, bao gồm các điều 11, 12 của Nghị định số X … hết hiệu lực": provisions of the document, before it.
_PROVISIONS_OF = re.compile(r"(?i)\s*(?:chương|mục|điều|khoản|điểm|phụ\s+lục|các\s+(?:điều|khoản|chương))\s"
                            r"[^;:.]{0,150}?\s(?:của|tại)\s+")
_UNNUMBERED = patterns.words_re("unnumbered_document")
_OWN_SUBJECT = re.compile(rf"(?i)\s*(?:{any_of(vocab.phrases('own_subject'))})\b")


def _part_heads(ctx: _Context, start: int, end: int, starts: list[int]) -> list[int]:
    """The mentions that open the parts (between ';') of the text from ``start`` to ``end``, with those joined to
    them by list words ('A và B'); none when the last part opens with something else."""
    text, mentions = ctx.text, ctx.mentions
    bounds = [start] + [m.end() for m in re.finditer(";", text[start:end])]
    bounds = [start] + [start + b for b in bounds[1:]]
    heads: list[int] = []
    for n, part_start in enumerate(bounds):
        part_end = bounds[n + 1] if n + 1 < len(bounds) else end
        k = bisect.bisect_left(starts, part_start)
        if k >= len(mentions) or mentions[k].start >= part_end or \
                not (LIST_GAP.match(text[part_start:mentions[k].start]) or
                     _TIME_ADVERBIAL.fullmatch(text, part_start, mentions[k].start) or
                     _PROVISIONS_OF.fullmatch(text, part_start, mentions[k].start)):
            if n == len(bounds) - 1 and (not heads or _OWN_SUBJECT.match(text, part_start)):
                return []       # the phrase is said of what the last part opens with
            continue            # a part of the title of the document before it
        heads.append(k)
        while k + 1 < len(mentions) and mentions[k + 1].start < part_end:
            k += 1
            gap = text[mentions[k - 1].tail_end:mentions[k].start]
            # 'A và B'; 'A <its title> và B' when nothing else made B part of A's title (a plain citation)
            if LIST_GAP.match(gap) or (COORDINATED.search(gap) and ctx.roles[k][0].how == "plain"):
                heads.append(k)
    return heads
