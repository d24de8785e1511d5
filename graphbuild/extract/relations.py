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
from dataclasses import replace
from functools import lru_cache
from typing import Optional

from .. import vocab
from ..models import CHANGES
from ..vocab import patterns
from ..vocab.patterns import any_of
from .clauses import ITEM_MARK
from .feasibility import later, possible, possible_level, possible_rank, possible_system
from .grammar import (
    ASIDE,
    BETWEEN_DOCUMENTS,
    CLAUSE_SEMICOLON,
    COORDINATED,
    LINKER,
    LIST_GAP,
    SENTENCE_END,
    Clause,
    Context,
    Role,
)
from .lines import HARD_NEXT, Lines
from .lists import continue_list, list_header, post_triggers
from .mentions import EFFECTIVE, Mention
from .triggers import UNNUMBERED, TriggerHit, first_trigger, last_trigger, verb_text

__all__ = ["Role", "roles"]


def roles(text: str, mentions: list[Mention], lines: Lines, subject: Optional[Mention] = None) -> list[list[Role]]:
    """Every mention's roles (a list per mention): the relations the text states for it, with their sources.
    ``subject``: the document itself as a mention (its rank bounds what it can amend, replace or repeal)."""
    ctx = Context(text, mentions, lines, [lines.start(x.start) for x in mentions], [], [], {})
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
        clause = ctx.clauses[i - 1] if prev is not None and not cut else Clause(gap_start + cut)
        ctx.clauses.append(clause)
        hit = last_trigger(clause_gap, at_clause_start=prev is None or cut > 0)
        if hit and CLAUSE_SEMICOLON.search(clause_gap, hit[1].end()) and not _opens_basis_line(clause_gap, hit):
            hit = None      # a phrase does not reach across ';' ("… về thi hành Điều lệ Đảng; Quy định số 22")
        if hit and not hit[0].passive and _PASSIVE_BEFORE_AGENT.search(clause_gap, 0, hit[1].start()):
            hit = None      # "A đã được sửa đổi, bổ sung và B": a passive with no agent; B is no object of A's
        if hit and prev is not None and not hit[0].passive and \
                _coordinated_past(clause_gap[hit[1].end():], prev.type_code == mention.type_code):
            hit = None      # "A hướng dẫn giám sát … và B": the phrase belongs to A's title, B joins A
        mine: list[Role] = []
        named = _named_before(ctx, i) if ASIDE.search(text, max(0, mention.start - 40), mention.start) else None
        if named is not None:
            # "Quyết định số 290/2005/QĐ-TTg … (sau đây viết tắt là Quyết định số 290/2005/QĐ-TTg) và …": the
            # document named again in an aside says nothing new; a list goes on from it with its roles
            hit = None
            mine = list(ctx.roles[named])
        elif hit and not hit[0].passive:
            mine = [_active_role(text, hit, prev, mention, subject, gap, clause_gap, cut, clause.start)]
            if prev is not None and mine[0].source == prev.key and mine[0].how == "chain":
                mine += _coordinated_sources(ctx, i, mine[0])
                phrase_at = mention.start - len(clause_gap) + hit[1].start()
                said_of_prev = _ACTIVITIES.sub("", text[prev.tail_end:phrase_at])
                if "," in said_of_prev and not _MORE_ISSUERS.fullmatch(said_of_prev) or \
                        EFFECTIVE.search(text, prev.end, phrase_at):
                    # "A … có hiệu lực từ ngày …, thay thế B", "A … có hiệu lực từ ngày … và thay thế B": the
                    # sentence's own predicate, not A's title (whose documents the text does not cite itself): the
                    # text names B too
                    mine.append(Role("subject", "CITES", "plain", verb=mine[0].verb, clause_at=clause.start))
        elif hit:       # passive: "A … được sửa đổi, bổ sung bởi B" -> B acts on A
            relation = hit[0].relation
            phrase_at = gap_start + cut + hit[1].start()
            names_attachment = relation == "PROMULGATES" and (
                _ATTACHMENT.search(clause_gap, 0, hit[1].start()) is not None or
                prev is not None and _COORDINATED_ATTACHMENT.search(text, prev.end, phrase_at) is not None)
            ante = None if names_attachment else \
                _antecedent(ctx, i, relation) or _row_document(ctx, i, relation, phrase_at)
            lead = clause.lead_role(text, mention.start)
            if ante is not None:
                mine = [Role(acted_on.key, relation, "chain", True, verb=verb_text(hit[1]))
                        for acted_on in _listed_before(ctx, i, ante, relation, phrase_at)] + \
                    [Role(ante.key, relation, "chain", True, verb=verb_text(hit[1]))]
                basis = lead if lead.relation == "BASED_ON" else _basis_of(ctx, ante)
                if basis is not None:
                    mine.append(basis)  # the basis is the act as amended
                else:                   # B named as what acted on A: a citation in whatever the clause does
                    mine.append(Role("subject", "CITES", "plain", verb=verb_text(hit[1]), clause_at=clause.start))
            elif lead.relation == "BASED_ON":
                mine = [lead]           # "Căn cứ Quy chế … ban hành kèm theo Quyết định số X": the basis is X's
            elif relation == "PROMULGATES" and (acted := _acts_on_attachment(text, prev, mention, subject, gap,
                                                                              clause_gap, cut, clause.start, hit)):
                # "38/2012/QĐ-TTg … Sửa đổi, bổ sung Khoản 2 Điều 2 quy chế … ban hành kèm theo Quyết định số X":
                # what a document named before does to the attachment, it does to X; the text cites X
                mine = [acted, Role("subject", "CITES", "plain", clause_at=clause.start)]
            elif lead.relation in CHANGES and relation == "PROMULGATES":
                mine = [lead]           # "Bãi bỏ … Quy chế … ban hành kèm theo Quyết định số X": a part of X
            elif UNNUMBERED.search(clause_gap, 0, hit[1].start()):
                mine = [Role("subject", "CITES", "plain", clause_at=clause.start)]    # "Hiến pháp … được sửa đổi theo X"
            else:
                # "thực hiện theo … Phụ lục kèm theo Thông tư số X": what the clause acts on is unnamed; X is cited
                mine = [Role("subject", "CITES", "plain", clause_at=clause.start, unnamed_object=relation)]
        elif prev is None:
            mine = _note_cell(ctx, i, line_start) or _continued_basis(ctx, i) or []
            if not mine:
                header = list_header(ctx, line_start, mention)
                mine = [header] if header is not None else []
        semicolon = CLAUSE_SEMICOLON.search(gap) is not None
        if not mine and prev is not None and (LIST_GAP.match(CLAUSE_SEMICOLON.split(clause_gap)[-1] if semicolon
                                                             else gap) or
                                              (not cut and not semicolon and COORDINATED.search(gap))):
            mine = continue_list(ctx, i, gap)
        if not mine:
            mine = [Role("subject", "CITES", "plain", clause_at=clause.start)]
        ctx.roles.append(mine)
        ctx.by_key.setdefault(mention.key, mention)
    post_triggers(ctx, subject)
    _agents_of_passives(ctx)
    _purposes_of_issues(ctx, subject)
    return ctx.roles


# "B (đã được A thay thế …)": a passive whose agent stands between 'được' (or 'bị') and the verb
_PASSIVE_BEFORE_AGENT = re.compile(r"(?i)(?<!\w)(?:được|bị)\s*$")
_AGENT_VERB_REACH = 3       # characters between the agent's citation and its verb (spaces)


def _agents_of_passives(ctx: Context) -> None:
    """"Nghị định số B (đã được Nghị định 73 thay thế kể từ …)": A, the agent of the passive, acts on B (a chain),
    when what A does to documents follows A right away."""
    text, mentions = ctx.text, ctx.mentions
    for i in range(1, len(mentions)):
        b, a = mentions[i - 1], mentions[i]
        gap = text[b.tail_end:a.start]
        if ctx.line_of[i] != ctx.line_of[i - 1] or len(gap) > 40 or SENTENCE_END.search(gap) or \
                not _PASSIVE_BEFORE_AGENT.search(gap):
            continue
        after = text[a.tail_end:a.tail_end + 80]
        hit = first_trigger(after)
        if hit is None or hit[0].passive or hit[1].start() > _AGENT_VERB_REACH or \
                hit[0].relation not in BETWEEN_DOCUMENTS or a.key == b.key or later(b, a):
            continue
        relation = hit[0].relation if possible(a, b, hit[0].relation) else "CITES"
        ctx.roles[i - 1] = ctx.roles[i - 1] + [Role(a.key, relation, "chain", verb=verb_text(hit[1]))]


# "…, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số …": the main clause after a purpose clause, a body issuing a
# document (the past marker kept: the statement is then a report); the body's name may hold a short aside ("Ủy ban
# nhân dân tỉnh Kiên Giang (cũ)")
_ISSUED_AFTER = re.compile(
    rf"(?i)(?:,|\svà)\s*(?:[^,;.:()]|\([^,;.:()]{{1,20}}\)){{2,80}}?\s(?P<past>{any_of(vocab.phrases('news_issued_prefix'))}\s+)?"
    rf"(?P<verb>{any_of(vocab.phrases('news_issued'))})\s*$")


# Before a purpose clause's verb: an item's mark, and a short adverbial of time ("Thời gian qua, thực hiện X, …").
_PURPOSE_OPENING = re.compile(ITEM_MARK.pattern + r"(?:[^,;.\n]{1,40},\s*)?")


def _purposes_of_issues(ctx: Context, subject: Optional[Mention]) -> None:
    """"Thực hiện X …, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số Y …": the purpose clause is the issuing body's:
    Y implements X (a chain), and the text states what that body did (with a past marker: reported), it does not
    implement X itself; "Căn cứ X …, UBND tỉnh đã ban hành Y" likewise gives Y's basis. Every document the clause
    lists is Y's ("Thực hiện X1 và X2 về thực hiện X3, …": X1 and X2; X3 is in X2's title). A text issued that way
    itself (Y is the subject) keeps its purpose."""
    text, mentions = ctx.text, ctx.mentions
    # the purposes of the document issued last: "Thực hiện X, UBND tỉnh A đã ban hành Y1 …, UBND tỉnh B đã ban hành
    # Y2 …" gives Y2 the purposes of Y1
    last_issue, last_purposes = -1, []
    for j in range(1, len(mentions)):
        x, y = mentions[j - 1], mentions[j]
        if y.symbol is None or (subject is not None and subject.symbol and y.symbol.text == subject.symbol.text):
            continue    # a law by name after "Quốc hội ban hành" is the enacting formula's: the text itself
        between = text[x.tail_end:y.start]
        issued = _ISSUED_AFTER.search(between)
        if issued is None or SENTENCE_END.search(between) or CLAUSE_SEMICOLON.search(between):
            continue
        purposes = []
        if last_issue == j - 1:
            for i, purpose in last_purposes:
                if mentions[i].key != y.key and not later(mentions[i], y):
                    ctx.roles[i] = ctx.roles[i] + [Role(y.key, purpose.relation, "chain", verb=purpose.verb)]
                    purposes.append((i, purpose))
        for i, k in _purpose_members(ctx, j):
            purpose = ctx.roles[i][k]
            if mentions[i].key == y.key or later(mentions[i], y):
                continue
            chain = Role(y.key, purpose.relation, "chain", verb=purpose.verb)
            told = replace(purpose, relation="CITES", mode="reported" if issued.group("past") else purpose.mode)
            ctx.roles[i] = ctx.roles[i][:k] + [told, chain] + ctx.roles[i][k + 1:]
            purposes.append((i, purpose))
        last_issue, last_purposes = j, purposes
        # Y is what the body issued: a phrase before the body's verb (in X's title: "… đặc thù thực hiện các chương
        # trình …, HĐND tỉnh đã ban hành Nghị quyết số Y") does not reach it
        verb_at = x.tail_end + issued.start("verb")
        ctx.roles[j] = [Role("subject", "CITES", "plain", verb=" ".join(issued.group("verb").lower().split()),
                             verb_at=verb_at, clause_at=role.clause_at,
                             mode="reported" if issued.group("past") else None)
                        if role.source == "subject" and role.relation != "CITES" and 0 <= role.verb_at < verb_at
                        else role for role in ctx.roles[j]]


_PURPOSES = ("IMPLEMENTS", "CONTINUES", "BASED_ON")


def _purpose_members(ctx: Context, j: int) -> list[tuple[int, int]]:
    """The mentions before the j-th that a purpose clause opening its sentence lists ("Thực hiện X1, X2 …, ", "Căn
    cứ X1; X2 …, "), each with the index of its role that the clause states: the text's IMPLEMENTS, CONTINUES or
    BASED_ON, by one verb that opens the clause (a basis list goes on across ';'). A mention whose lead role is not the
    text's (one named in a listed document's title, or its amender) is passed over, unless the clause's verb gives it
    a role too (an amender of a basis: the basis as amended); any other ends the search."""
    text, mentions = ctx.text, ctx.mentions
    members: list[tuple[int, int]] = []
    verb_at = None
    for i in range(j - 1, -1, -1):
        semicolon = False
        if i < j - 1:
            if SENTENCE_END.search(text, mentions[i].tail_end, mentions[i + 1].start):
                break
            semicolon = CLAUSE_SEMICOLON.search(text, mentions[i].tail_end, mentions[i + 1].start) is not None
        lead = ctx.roles[i][0] if ctx.roles[i] else None
        if lead is None or lead.source != "subject":
            if semicolon and not members:
                break
            k = next((k for k, role in enumerate(ctx.roles[i]) if role.source == "subject" and
                      role.relation in _PURPOSES and verb_at is not None and role.verb_at == verb_at), None)
            if k is not None:
                members.append((i, k))
            continue        # named in a listed document's title, or its amender ("X (được sửa đổi bởi Y) và Z")
        if lead.relation not in _PURPOSES or lead.how not in ("trigger", "list") or \
                not 0 <= lead.clause_at <= lead.verb_at or verb_at not in (None, lead.verb_at) or \
                (semicolon and lead.relation != "BASED_ON"):
            break
        verb_at = lead.verb_at
        members.append((i, 0))
    if verb_at is None:
        return []
    clause_at = next(ctx.roles[i][k].clause_at for i, k in reversed(members) if k == 0)
    opens = text.rfind(";", clause_at, verb_at) + 1 or clause_at      # "…; thực hiện X, …": after the ';'
    if not _PURPOSE_OPENING.fullmatch(text, opens, verb_at):
        return []       # only a clause that opens on its verb ("Thực hiện X, …") is a purpose clause
    return members


_LINE_OPENS_ON_DOCUMENT = re.compile(r";[ \t]*\n[ \t]*\Z")


def _continued_basis(ctx: Context, i: int) -> Optional[list[Role]]:
    """A line of a preamble that opens on a document, right after a "Căn cứ …;" line, goes on with its bases ("Căn
    cứ Luật Bảo hiểm y tế số 25/2008/QH12 …;" + newline + "Luật sửa đổi, bổ sung … số 46/2014/QH13 …;"): the lead
    of the line before is its."""
    start = ctx.mentions[i].start
    if i == 0 or not _LINE_OPENS_ON_DOCUMENT.search(ctx.text, max(ctx.mentions[i - 1].tail_end, start - 20), start):
        return None
    lead = ctx.clauses[i - 1].lead_role(ctx.text, ctx.mentions[i - 1].start)
    return [replace(lead, clause_at=ctx.line_of[i])] if lead.relation == "BASED_ON" else None


# "Nghị định số A ngày … và Nghị định số B ngày … của Chính phủ sửa đổi … C": A, with no title of its own, is joined
# to B and shares its predicate
_BARE_COORDINATION = re.compile(r"\s+và\s+")


def _coordinated_sources(ctx: Context, i: int, chain: Role) -> list[Role]:
    """The same chain from each document joined bare to the one that acts ('A và B … sửa đổi C': A amends C too)."""
    out: list[Role] = []
    mention, k = ctx.mentions[i], i - 1
    while k > 0 and ctx.line_of[k - 1] == ctx.line_of[i] and \
            _BARE_COORDINATION.fullmatch(ctx.text, ctx.mentions[k - 1].tail_end, ctx.mentions[k].start):
        k -= 1
        source = ctx.mentions[k]
        if source.type_code != ctx.mentions[i - 1].type_code or source.key == mention.key or later(mention, source):
            break
        out.append(replace(chain, source=source.key, relation=chain.relation if possible(source, mention, chain.relation)
                           else "CITES"))
    return out


def _named_before(ctx: Context, i: int) -> Optional[int]:
    """The earlier mention of the same document in the same logical line, if any."""
    key = ctx.mentions[i].key
    return next((j for j in range(i - 1, -1, -1)
                 if ctx.line_of[j] == ctx.line_of[i] and ctx.mentions[j].key == key), None)


def _opens_basis_line(clause_gap: str, hit: TriggerHit) -> bool:
    """'Căn cứ' opening its line governs every item after it, ';' between them ("- Căn cứ Điều lệ Đảng; Quy định số
    232-QĐ/TW …; Hướng dẫn số 01-HD/TW …": the first item a name without a number)."""
    return hit[0].relation == "BASED_ON" and not clause_gap[:hit[1].start()].strip(" \t*-+•") and \
        "\n" not in clause_gap[hit[1].end():]


def _active_role(text: str, hit: TriggerHit, prev: Optional[Mention], mention: Mention, subject: Optional[Mention],
                 gap: str, clause_gap: str, cut: int, clause_at: int) -> Role:
    trigger, match = hit
    phrase_at = mention.start - len(clause_gap) + match.start()     # the match is in the gap's clause part
    said = {"verb": verb_text(match), "verb_at": phrase_at, "clause_at": clause_at}
    before = clause_gap[:match.start()]
    if prev is not None and not cut and not CLAUSE_SEMICOLON.search(gap) and (
            len(gap.strip()) <= 90 and LINKER.match(before) or
            len(gap) <= 250 and (trigger.relation in BETWEEN_DOCUMENTS or
                                 "," not in _ACTIVITIES.sub("", _HORIZON.sub("", before))) or
            len(gap) <= 400 and _OPEN_PARENTHESIS.search(before)) and \
            not _new_actor(text, prev.start, phrase_at) and not _MODAL.search(before) and \
            not _JOINED_WITH.fullmatch(before) and \
            not _described_by_unnumbered(text, clause_at, prev):
        # "A … về việc thực hiện B"; "A … hướng dẫn thực hiện một số điều về … quy định tại B": a phrase in A's own
        # description (no comma before it), or what documents do to documents (guide, amend, repeal), is said of A;
        # what A cannot do to B (amend a higher act, a later one) leaves a citation
        if not later(mention, prev) and possible_level(prev, mention, trigger.relation):
            return Role(prev.key, trigger.relation if possible(prev, mention, trigger.relation) else "CITES", "chain",
                        **said)
        # "Nghị định 150/2006 … hướng dẫn … Pháp lệnh X và Nghị định số 157/2016 …": a document cannot act on, nor
        # cite, a later one, nor rest on what a lower level issued (a Politburo resolution on a province's plan); the
        # other one is the text's own citation, and a phrase coordinated right before it
        # ("… thay thế Thông tư số A … và bãi bỏ Điều 2 Thông tư số B") is the text's own act
        if not COORDINATED.search(clause_gap, 0, match.start()):
            return Role("subject", "CITES", "plain", clause_at=clause_at)
    if not (possible_rank(subject, mention, trigger.relation) and possible_system(subject, mention, trigger.relation)):
        return Role("subject", "CITES", "trigger", **said)     # a circular does not amend a decree, a plan a decision
    if _plural_unnumbered_re().search(before):
        # "… sửa đổi … các Nghị định quy định chi tiết Bộ luật Lao động": those decrees detail the law, not the text
        return Role("subject", "CITES", "trigger", **said)
    if trigger.relation in CHANGES and _opens_on_unnumbered(text, clause_at, phrase_at, subject):
        # "2 | Thông tư quy định về bản đồ địa chính, thay thế Thông tư số 25/2014/TT-BTNMT": a document still to be
        # written replaces it, not the text
        return Role("subject", "CITES", "trigger", **said)
    return Role("subject", trigger.relation, "trigger", **said)


# "A … về nghiên cứu, học tập, quán triệt và triển khai thực hiện B", "… về một số chủ trương, giải pháp tiếp tục thực
# hiện B": the activities or means (a word or two each) a title lists before its phrase are one description; their
# commas do not start a clause of the text's own
_ACTIVITIES = re.compile(r"(?i)\bvề\s+(?:(?:một\s+số|các|những)\s+)?(?:\w+(?:\s+\w+)?\s*(?:,|\bvà\b)\s*)+"
                         r"(?:\w+(?:\s+\w+)?\s*)?$")
# "… giai đoạn 2021 - 2025, định hướng đến năm 2030": the horizon a title names after a comma is the title's
_HORIZON = re.compile(rf"(?i),\s*{any_of(vocab.phrases('title_horizon'))}\s+(?:năm\s+)?(?:19|20)\d\d\b")
# "Gắn việc thực hiện Nghị quyết 72 với tiếp tục thực hiện Nghị quyết số 21-NQ/TW": A, with no title of its own, is
# joined to the phrase by a preposition; the phrase is the sentence's, not said of A
_JOINED_WITH = re.compile(rf"(?i)[\s,]*{any_of(vocab.phrases('joining_preposition'))}\s*")
# "A … phải gắn với tiếp tục thực hiện B": a modal makes the phrase the sentence's predicate, not A's title
_MODAL = patterns.words_re("modal")
# "A … và Quy chế phối hợp ban hành kèm theo Quyết định số X": X issues the regulation named before the phrase, not A
# (after the document before it, or joined to that document's title: "A … của Chính phủ và Quy chế phối hợp …")
_ATTACHMENT = patterns.words_re("attachment")
_COORDINATED_ATTACHMENT = re.compile(rf"(?i)(?:\bvà|[,;])\s+(?:các\s+)?{any_of(vocab.phrases('attachment'))}(?!\w)"
                                     r"[^;]*$")
# "A … về … (thực hiện B và C)": a parenthesis opened on the phrase after A's title says what A does
_OPEN_PARENTHESIS = re.compile(r"\(\s*$")
# "A, Ban Tuyên giáo Tỉnh ủy hướng dẫn thực hiện B": a body named after a comma that closes A acts, not A (commas
# after "của" list A's issuers: "A … của Bộ Quốc phòng, Bộ Tài chính hướng dẫn thực hiện B" is A's title)
_NEW_ACTOR = re.compile(rf",\s*[{vocab.UPPER}][^,;:()]{{0,60}}$")
# ", Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính " after "… của Bộ Quốc phòng" (the citation's tail): more issuers
_MORE_ISSUERS = re.compile(rf"(?:\s*,\s*[{vocab.UPPER}][^,;:()]{{0,60}})+\s*")
_ISSUER_LIST = re.compile(rf"\bcủa\s+[{vocab.UPPER}][^,;:()]{{0,60}}(?:,\s*[{vocab.UPPER}][^,;:()]{{0,60}})*$")


def _new_actor(text: str, start: int, phrase_at: int) -> bool:
    """Whether a body named after the last comma before the phrase (from A's start) acts ("A … về …, sàng lọc đảng
    viên, Ban Tổ chức Trung ương hướng dẫn thực hiện B"), not one of A's issuers listed after "của"."""
    actor = _NEW_ACTOR.search(text, start, phrase_at)
    return actor is not None and not _ISSUER_LIST.search(text, start, actor.start())


def _described_by_unnumbered(text: str, clause_at: int, prev: Mention) -> bool:
    """Whether ``prev`` is what a document named without a number is about: "Nghị định quy định chi tiết thi hành
    một số điều của Luật Đất đai, thay thế Nghị định số 43/2014/NĐ-CP" (a decree to be drafted replaces 43/2014,
    the law does not). The phrase after it is said of that document."""
    if not _OF_BEFORE.search(text, max(clause_at, prev.start - 12), prev.start):     # only the words just before
        return False
    # the last type written as a name ('Nghị định …', not the common noun in '… quy định chi tiết …'): no number
    last = None
    for word in _type_word_re().finditer(text, clause_at, prev.end):     # prev's own type word too
        if text[word.start()].isupper():
            last = word
    return last is not None and not _NUMBER_NEXT.match(text, last.end())


def _opens_on_unnumbered(text: str, clause_at: int, phrase_at: int, subject: Optional[Mention] = None) -> bool:
    """Whether the clause before a phrase opens on a document named by its type alone, neither numbered nor the
    text itself ("Thông tư quy định về …, thay thế …"; not "Thông tư này thay thế …", nor a catalogue title, which
    describes its record: "Quyết định bãi bỏ Quyết định số …", "Quy định hạn mức …; thay thế QĐ số …")."""
    opening = _opening_re().match(text, clause_at, phrase_at)
    if opening is None or not text[opening.start("type")].isupper() or _NUMBER_NEXT.match(text, opening.end()) or \
            _SELF_NEXT.match(text, opening.end()):
        return False
    return subject is None or bool(text[:opening.start("type")].strip())     # at the very start: a record's title


_OF_BEFORE = re.compile(r"(?i)\bcủa\s*$")
_NUMBER_NEXT = re.compile(r"(?i)\s*(?:số\b|\d)")
_SELF_NEXT = re.compile(rf"(?i)\s*(?:{any_of(vocab.phrases('self_reference'), group=False)})\b")


@lru_cache(maxsize=None)
def _plural_unnumbered_re() -> re.Pattern:
    """Documents named by a plural type word right before the phrase ("các Nghị định", "những Thông tư")."""
    return re.compile(rf"(?i)(?<!\w)(?:các|những)\s+(?:{patterns.type_words()})\s*$")


@lru_cache(maxsize=None)
def _opening_re() -> re.Pattern:
    """The type word a clause opens on, after a table row's number ("2 Thông tư quy định …") or a draft's word
    ("Dự thảo Quyết định thay thế …")."""
    return re.compile(rf"[\s\d.)|*+•-]*(?:(?i:dự\s+thảo)\s+)?(?P<type>(?i:{patterns.type_words()}))(?!\w)")


@lru_cache(maxsize=None)
def _type_word_re() -> re.Pattern:
    return re.compile(rf"(?<!\w)(?i:{patterns.type_words()})(?!\w)")


@lru_cache(maxsize=None)
def _type_start_re() -> re.Pattern:
    return re.compile(rf"\s*(?:{any_of(vocab.phrases('plural_word'))}\s+)?(?i:{patterns.type_words()})\b")


def _coordinated_past(filler: str, same_type: bool = False) -> bool:
    """Whether the words between a phrase and a document end a list the document joins, past the phrase's own
    object ('hướng dẫn giám sát giao dịch … và B'), rather than adding to the phrase's objects ('thực hiện Nghị
    quyết Đại hội Đảng lần thứ X, Nghị quyết số 25/2006/NQ-CP'). A document of the type of the one the phrase's
    title belongs to joins that one ("Kế hoạch số 35 … về triển khai Đề án 06 và Kế hoạch số 58 …")."""
    return bool(COORDINATED.search(filler)) and len(filler.split()) > 3 and \
        (same_type or not _type_start_re().match(filler))


# ", nay đã được thay thế bởi": a passive phrase after a comma that closes a list
_COMMA_BEFORE = re.compile(r",\s*(?:\w+\s+){0,3}$")
_AND = re.compile(r"(?i)\s*và\s*$")


def _listed_before(ctx: Context, i: int, ante: Mention, relation: str, phrase_at: int) -> list[Mention]:
    """The documents the passive phrase before mention i acts on besides ``ante`` when they are one list: "Thông tư
    liên tịch số A và Thông tư liên tịch số B, nay đã được thay thế bởi Thông tư số C" (documents of one type joined
    by "và", the phrase after a comma that closes the list); without the comma the phrase is said of the nearest."""
    if not _COMMA_BEFORE.search(ctx.text, ante.tail_end, phrase_at):
        return []
    j = next(k for k in range(i - 1, -1, -1) if ctx.mentions[k] is ante)
    if j == 0:
        return []
    mention, earlier = ctx.mentions[i], ctx.mentions[j - 1]
    if earlier.type_code != ante.type_code or not _AND.match(ctx.text, earlier.tail_end, ante.start) or \
            not possible(mention, earlier, relation):
        return []
    return [earlier]


def _antecedent(ctx: Context, i: int, relation: str) -> Optional[Mention]:
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


def _basis_of(ctx: Context, ante: Mention) -> Optional[Role]:
    """The subject's 'Căn cứ' role for a document it rests on (the amending act of a basis is a basis too)."""
    for mention, mine in zip(ctx.mentions, ctx.roles):
        if mention is ante:
            return next((r for r in mine if r.source == "subject" and r.relation == "BASED_ON"), None)
    return None


# A cell that says what happened to its row's document, or to some of its articles, by a passive phrase: "Được bãi
# bỏ bởi …", "Điều 5, Điều 6 được sửa đổi, bổ sung bởi …" (a table linearised one cell per line).
_ROW_CELL = re.compile(r"(?i)[ \t]*(?:(?:điều|khoản|điểm|mục|chương|phụ lục)\s+[\w.]+(?:\s*(?:,|và)\s*)?)*[ \t]*")
_ROW_LINES = 4              # the row's document is named this many lines up at most


def _row_document(ctx: Context, i: int, relation: str, phrase_at: int) -> Optional[Mention]:
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


def _acts_on_attachment(text: str, prev: Optional[Mention], mention: Mention, subject: Optional[Mention], gap: str,
                        clause_gap: str, cut: int, clause_at: int, promulgated: TriggerHit) -> Optional[Role]:
    """The chain of a document named before a phrase that changes or guides what ``mention`` issued as its
    attachment ('38/2012 … Sửa đổi … quy chế … ban hành kèm theo', '12/2010 … Quy định chi tiết … Quy chế …
    ban hành kèm theo'); None when no earlier document is the one acting."""
    end = promulgated[1].start()
    while (hit := last_trigger(clause_gap[:end])) is not None:
        if not hit[0].passive and (hit[0].relation in CHANGES or hit[0].relation == "GUIDES"):
            role = _active_role(text, hit, prev, mention, subject, gap, clause_gap, cut, clause_at)
            return role if role.source != "subject" else None
        end = hit[1].start()        # a verb inside the attachment's name ('Quy chế chuyên gia thực hiện …')
    return None


def _note_cell(ctx: Context, i: int, line_start: int) -> Optional[list[Role]]:
    """A catalogue's note cell that names, on the line below it, the document that acted on the row's document:
    "Luật / 39/2019/QH14 ngày 13/6/2019 / Đầu tư công / 01/01/2020 / - Văn bản bãi bỏ một phần: / Luật số
    03/2022/QH15" (one cell a line, rows apart by a blank line): 03/2022 repeals 39/2019, the row's first document."""
    text = ctx.text
    cell_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    cell = text[cell_start:line_start]
    hit = last_trigger(cell)
    if hit is None or not hit[0].passive or not hit[1].group(0).endswith(":") or cell[hit[1].end():].strip():
        return None
    blank = text.rfind("\n\n", 0, cell_start)
    row_start = blank + 2 if blank >= 0 else 0
    mention = ctx.mentions[i]
    first = bisect.bisect_left(ctx.mentions, row_start, hi=i, key=lambda m: m.start)
    row = ctx.mentions[first] if first < i else None
    if row is None or row.start >= cell_start or row.key == mention.key or \
            not possible(mention, row, hit[0].relation):
        return None
    return [Role(row.key, hit[0].relation, "chain", True, verb=verb_text(hit[1]).rstrip(":")),
            Role("subject", "CITES", "plain", clause_at=line_start)]


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


