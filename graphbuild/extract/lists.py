"""Lists and the phrases said after documents: an item of a list takes the roles of the document it is listed with
("A; B", "A và B"), a list's header ending in ':' governs the items under it ("Bãi bỏ các văn bản sau đây:"), and a
phrase written after documents ("… hết hiệu lực kể từ ngày …") governs the documents its sentence lists before it."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Optional

from .. import vocab
from ..models import CHANGES
from ..vocab import patterns
from ..vocab.patterns import any_of
from .feasibility import possible, possible_system, rank
from .grammar import CLAUSE_SEMICOLON, COORDINATED, LIST_GAP, SENTENCE_END, Context, Role
from .lines import ARTICLE, ELISION
from .mentions import Mention, is_amending_name
from .triggers import first_trigger, last_trigger, post_re, post_relation, verb_text

_FOLLOWING = patterns.words_re("following")
# "Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số X … hết hiệu lực": a time said before the documents
# (after an item's mark: "a) Kể từ ngày 01/7/2025, …").
_TIME_ADVERBIAL = re.compile(r"(?i)\s*(?:(?:\d{1,3}[.)]|[a-zđ]\))\s+)?(?:kể\s+)?từ\s+ngày\s[^,;.]{0,100},\s*")
# "2. Các Nghị định số A …, Nghị định số B … và Nghị định số C … hết hiệu lực": a list the plural opens
_PLURAL_OPENING = re.compile(rf"(?i)[\s\d.)]*(?:{any_of(vocab.phrases('plural_word'))})\s+")
# "2. Các quy định tại khoản 1, khoản 2 Điều 1 và Điều 4 " before a document: the part names provisions of it (each a
# provision word and its number: "các quy định trái với" names none)
_NUMBERED_PROVISION = rf"(?:{any_of(p for p in vocab.phrases('provision') if 'quy định' not in p)})\s+" \
                      r"(?:\d{1,3}[a-zđ]?|[IVXL]{1,6}|[a-zđ])\b"
_PROVISIONS_OPENING = re.compile(
    rf"(?i)[\s\d.)]*(?:(?:(?:các\s+)?(?:quy\s+định|nội\s+dung)\s+(?:tại|của)\s+)?(?:các\s+)?{_NUMBERED_PROVISION}"
    rf"(?:[\s,]+(?:(?:và|của|tại)\s+)?(?:{_NUMBERED_PROVISION}|\d{{1,3}}[a-zđ]?\b)){{0,12}}\s+(?:(?:của|tại)\s+)?"
    # "Những quy định về khiếu nại và giải quyết khiếu nại trong Luật …": the provisions on a matter in it
    rf"|(?:các|những)\s+quy\s+định\s+(?:về|liên\s+quan\s+đến)\s+[^;:.]{{1,120}}?\s+(?:trong|tại|của)\s+)")
# ", Chương V của " before a document: the next item of a list names provisions of it
_LISTED_PROVISIONS = re.compile(r"\s*[,;]\s*(?:và\s+)?" + patterns.provisions_of_re().pattern.removeprefix("(?i)"), re.I)
_OWN_SUBJECT = re.compile(rf"(?i)\s*(?:{any_of(vocab.phrases('own_subject'))})\b")


_COMMA_ONLY = re.compile(r"\s*,\s*")
_AND = re.compile(rf"(?i)(?<!\w){any_of(vocab.phrases('coordinator'))}(?!\w)")
_ITEM_KINDS = (("number", re.compile(r"[ \t]*\d{1,3}[.)]\s")), ("letter", re.compile(r"[ \t]*[a-zđ]\)\s")),
               ("bullet", re.compile(r"[ \t]*[-+•]\s")))


def _item_kind(line: str) -> Optional[str]:
    """How a list item is marked ('1.', 'a)', '-'): the items of one list share it; a nested list's header is an
    item of the list above ('d) … theo quy định tại các văn bản:' over '- Nghị định số …')."""
    return next((kind for kind, mark in _ITEM_KINDS if mark.match(line)), None)


def continue_list(ctx: Context, i: int, gap: str) -> list[Role]:
    """'A; B', 'A và B', 'A <title>, B': B takes the roles of the document it is listed with: the one before it when
    of its type or rank, else the nearest of its type, then of its rank (a Nghị định joins a Nghị định, not the
    Luật named in the first one's title), else the one before."""
    mentions, mention = ctx.mentions, ctx.mentions[i]
    j = i - 1
    semicolon = CLAUSE_SEMICOLON.search(gap) is not None
    unlike = False
    paren = ctx.text.rfind("(", ctx.line_of[i], mentions[j].start)
    closed = ")" in gap and paren >= 0 and ")" not in ctx.text[paren:mentions[j].start] and \
        not any(m.key == mentions[j].key for m in mentions[:j])
    if closed:
        # "A … (được sửa đổi bởi B) và C": the parenthesis is closed; C joins A's list, not B's (an aside naming A
        # again, "(sau đây gọi là NĐ 27)", has A's roles already)
        j = next((k for k in range(j - 1, -1, -1) if ctx.line_of[k] == ctx.line_of[i] and mentions[k].start < paren),
                 j)
    if semicolon:
        # "… của Luật A số 1; Luật B số 2 đã được sửa đổi … theo Luật số 3; Luật C số 4": a list already carried
        # across ';' goes on from the item that opened the part before, not from a document inside that item
        h = _part_head(ctx, i - 1)
        lead = ctx.roles[h][0] if ctx.roles[h] else None
        if h < i - 1 and lead is not None and lead.source == "subject" and lead.how == "list" and \
                mentions[h].type_code == mention.type_code:
            return [role for role in ctx.roles[h] if role.source == "subject"]
    elif not closed and mentions[j].type_code != mention.type_code and \
            (rank(mention) is None or rank(mentions[j]) != rank(mention)):
        # "A … (thực hiện B … và C)": a list inside a parenthesis stays inside it
        opened = ctx.text.rfind("(", ctx.line_of[i], mention.start)
        inside = opened if opened >= 0 and ")" not in ctx.text[opened:mention.start] else -1
        same = [k for k in range(i - 1, -1, -1)
                if ctx.line_of[k] == ctx.line_of[i] and ctx.clauses[k] is ctx.clauses[i] and mentions[k].start > inside]
        found = next((k for k in same if mentions[k].type_code == mention.type_code), None)
        if found is None:
            found = next((k for k in same if rank(mention) is not None and rank(mentions[k]) == rank(mention)), None)
        j = i - 1 if found is None else found
        # "theo … Thông tư số A đã được sửa đổi tại … Thông tư số B và khoản 3 Điều 55 Nghị định số C": C, of no
        # amender's type or rank, is one more document the clause cites, not one more amender of A
        unlike = found is None
    # "… theo Luật số B và Luật số C, Luật D số …": the list of amenders closed with 'và'; D, after a comma, is an item
    # of the list above it, not one more amender
    closed_list = not semicolon and j == i - 1 and j > 0 and _COMMA_ONLY.fullmatch(gap) is not None and \
        _AND.search(ctx.text, mentions[j - 1].tail_end, mentions[j].start) is not None and \
        ctx.line_of[j - 1] == ctx.line_of[i]
    amender = _sibling_of_amender(ctx, i, j)
    if amender is not None:
        # "… đính chính Thông tư số A sửa đổi … Thông tư X … và Thông tư Y … và Thông tư số B sửa đổi … Thông tư Z":
        # B, whose own title changes another act, is one more item of the list A stands in, not one more of A's objects
        j = amender
    out = []
    for role in ctx.roles[j]:
        if closed_list and role.passive and role.source != "subject":
            role = ctx.clauses[i].lead_role(ctx.text, mention.start, "list")
        if semicolon and role.source != "subject":  # "… bởi Luật số A và Luật số B; Luật Y số C": C is no amender
            role = next((q for earlier in reversed(ctx.roles[:i]) for q in earlier if q.source == "subject"),
                        Role("subject", "CITES", "plain", clause_at=ctx.clauses[i].start))
            if role.relation in CHANGES:
                # "bãi bỏ Điều 2 Thông tư số B … sửa đổi … Thông tư số A; Thông tư số C": C may be one more of
                # B's objects as well as one more of the text's; that the text repeals it, it does not say
                role = Role("subject", "CITES", "plain", clause_at=ctx.clauses[i].start)
            if any(r.source == "subject" for r in ctx.roles[j]):
                continue        # the subject's own role of the item before is taken below
        if role.source != "subject":
            source = ctx.by_key[role.source]        # an earlier mention
            ok = possible(mention, source, role.relation) if role.passive else possible(source, mention, role.relation)
            # "X được sửa đổi theo Luật số A, Luật giáo dục đại học số B": a law cited under a name of its own that
            # is no amending law's is the next law the clause cites, not one more amender of X
            if not ok or (role.passive and mention.name and not is_amending_name(mention.name)) or \
                    (role.passive and unlike):
                role = ctx.clauses[i].lead_role(ctx.text, mention.start, "list")
        out.append(replace(role, how="list" if role.how != "plain" else "plain"))
    return out


_OWN_TITLE_REACH = 3         # characters between a document (its date and issuer) and its own title's phrase


def _sibling_of_amender(ctx: Context, i: int, j: int) -> Optional[int]:
    """The mention (its index) of the act whose title changes the document before ``i`` (``j``), when the i-th
    document's own title changes another act and that act is itself an object of the clause: the i-th is that act's
    sibling, not its object."""
    changed_by = next((role.source for role in ctx.roles[j] if role.how in ("chain", "list") and not role.passive and
                       role.relation in CHANGES and role.source != "subject"), None)
    mention = ctx.mentions[i]
    if changed_by is None:
        return None
    hit = first_trigger(ctx.text[mention.tail_end:mention.tail_end + 60])
    if hit is None or hit[0].passive or hit[0].relation not in CHANGES or hit[1].start() > _OWN_TITLE_REACH:
        return None
    k = next((k for k in range(j - 1, -1, -1) if ctx.mentions[k].key == changed_by), None)
    # only when that act is itself an object of the clause ("đính chính Thông tư số A sửa đổi …"): an act that is the
    # clause's agent ("Nghị định số A … thay thế Nghị định X và Nghị định B sửa đổi … X") lists B among its objects
    return k if k is not None and any(role.relation != "CITES" for role in ctx.roles[k]) else None


def _part_head(ctx: Context, k: int) -> int:
    """The first mention of the part (between ';') of its logical line that holds the k-th mention."""
    while k > 0 and ctx.line_of[k - 1] == ctx.line_of[k] and \
            not CLAUSE_SEMICOLON.search(ctx.text, ctx.mentions[k - 1].end, ctx.mentions[k].start):
        k -= 1
    return k


# Vietnamese lettered items run a, b, c, d, đ, e, g, h, i, k …
_LETTERS = "abcdđeghiklmnopqrstuvxy"
_INTERRUPTION = 4000        # how far back a list's item before a page's footnotes and furniture may stand
_ITEM_NUMBER = re.compile(r"[ \t]*(?:(?P<letter>[a-zđ])\)|(?P<number>\d{1,3})(?P<close>[.)]))\s")
_ITEM_LINE = re.compile(r"(?m)^" + _ITEM_NUMBER.pattern)


def list_header(ctx: Context, line_start: int, mention: Mention) -> Optional[Role]:
    """A list item's first document takes its relation from the list's header: a line ending with ':' whose last
    phrase is a trigger ('Bãi bỏ … các văn bản sau đây:', 'X …, được sửa đổi, bổ sung bởi:'), or an article heading
    that repeals, replaces, amends or corrects ('Điều 1. Bãi bỏ toàn bộ 15 văn bản'), followed by numbered items."""
    if not LIST_GAP.match(ctx.text[line_start:mention.start]):
        return None     # the header governs items that name a document, not sentences that mention one
    header, first_item = _header_line(ctx, line_start)
    role = _header_role(ctx, header, mention) if header is not None else None
    if role is None and (before := _item_before(ctx.text, first_item)) is not None:
        # a page's footnotes and furniture between two items ("d) Quyết định số …;" / footnotes / page number /
        # "đ) Quyết định số …"): the list goes on from its item before
        header, _ = _header_line(ctx, before)
        role = _header_role(ctx, header, mention) if header is not None else None
    return role


def _item_before(text: str, line_start: int) -> Optional[int]:
    """Where the item just before a lettered or numbered item stands ("d)" before "đ)", "3." before "4."), when it is
    not the line right above and stands within _INTERRUPTION characters."""
    mark = _ITEM_NUMBER.match(text, line_start)
    if mark is None:
        return None
    if mark.group("letter"):
        i = _LETTERS.find(mark.group("letter"))
        if i <= 0:
            return None
        wanted = _LETTERS[i - 1] + ")"
    else:
        if int(mark.group("number")) <= 1:
            return None
        wanted = f"{int(mark.group('number')) - 1}{mark.group('close')}"
    found = None
    for match in _ITEM_LINE.finditer(text, max(0, line_start - _INTERRUPTION), line_start):
        if match.group(0).strip() == wanted:
            found = match.start()
    if found is None or text.rfind("\n", 0, line_start - 1) + 1 == found:
        return None
    return found


def _header_line(ctx: Context, line_start: int) -> tuple[Optional[tuple[int, int]], int]:
    """The line that heads the list holding the item at ``line_start`` (a line of text above its run of items: a
    candidate, not yet read), and where that run of items starts."""
    text = ctx.text
    kind = _item_kind(text[line_start:line_start + 8])
    is_item = kind is not None
    first = True
    cur = line_start
    for _ in range(60):
        previous = ctx.lines.previous(cur)
        if previous is None:
            return None, cur
        header_start, header_end = previous
        line = text[header_start:header_end]
        if ELISION.fullmatch(line.strip()):
            cur = header_start          # items left out of a quotation ("…" on its own line) keep the list going
            continue
        line_kind = _item_kind(line)
        if line_kind is not None and not is_item and first:
            return None, cur
        if line_kind is not None and line_kind == kind:
            cur = header_start          # an item of the same list: its header is further up
            first = False
            continue
        if is_item and line_kind is None and text[:header_start].rstrip().endswith(";"):
            cur = header_start          # an item broken after ';' ("… tại khoản 2 Điều 11; cụm từ … tại Điều 20.")
            continue
        if not is_item and not first:
            return None, cur
        return previous, cur
    return None, cur


def _header_role(ctx: Context, header: tuple[int, int], mention: Mention) -> Optional[Role]:
    """The role a list's header line gives the item that names ``mention``, if the line is a header."""
    text, mentions = ctx.text, ctx.mentions
    header_start, header_end = header
    line = text[header_start:header_end]
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


class _NextMatch:
    """``pattern.search(text, pos, end)`` for positions that only grow: the match found last answers again while it
    lies ahead of ``pos`` (the same first match; none stays none), so one long line of many documents is read once,
    not once a document."""

    def __init__(self, pattern: re.Pattern, text: str):
        self.pattern, self.text = pattern, text
        self.since, self.end, self.found = -1, -1, None

    def search(self, pos: int, end: int) -> Optional[re.Match]:
        if end != self.end or pos < self.since or (self.found is not None and self.found.start() < pos):
            self.since, self.end, self.found = pos, end, self.pattern.search(self.text, pos, end)
        return self.found


def post_triggers(ctx: Context, subject: Optional[Mention] = None) -> None:
    """'Nghị định số 75/2024/NĐ-CP … hết hiệu lực kể từ ngày …': a phrase written after documents gives the
    subject's relation to the documents its sentence lists before it: the first document of each part between ';'
    ('Thông tư A …; Thông tư B sửa đổi … Thông tư A hết hiệu lực': A and B, not the A named in B's title), and the
    documents joined to one by 'và'. A part that starts with something else ('…; các quy định trái với … hết hiệu
    lực') takes the phrase for itself. Only a plain citation gives way to it. A ``subject`` that is no act (a
    letter, a plan: "Nghị định số A … hết hiệu lực" in a letter) ends nothing; it cites. (An act of lower rank may:
    a circular ends a decree's article "kể từ ngày Thông tư này có hiệu lực" where the decree so provides.)"""
    pattern = post_re()
    if pattern is None:
        return
    text, mentions = ctx.text, ctx.mentions
    starts = [x.start for x in mentions]
    sentence_ends, phrases = _NextMatch(SENTENCE_END, text), _NextMatch(pattern, text)
    done_until = -1
    for i, mention in enumerate(mentions):
        if mention.start < done_until:
            continue
        end = ctx.lines.end(mention.start)
        stop = sentence_ends.search(mention.tail_end, end)
        end = stop.start() + 1 if stop else end
        match = phrases.search(mention.tail_end, end)
        if match is None:
            continue
        done_until = match.end()
        sentence = ctx.clauses[i].start
        heads = _part_heads(ctx, sentence, match.start(), starts)
        role = Role("subject", post_relation(match), "trigger", verb=verb_text(match),
                    verb_at=match.start(), clause_at=sentence)
        opens = bool(heads) and _gives_way(ctx.roles[heads[0]][0])
        for k in heads:
            first = ctx.roles[k][0]
            # a plain citation gives way; so does the subject's role of an item of a list that opened on one ("Các
            # Nghị định số A …, Nghị định số B sửa đổi … A và Nghị định số C … hết hiệu lực": C took the lead of
            # B's title, not the list's)
            # and a role a list's header gave ("… đã được sửa đổi, thay thế …:" / "- Khoản 2 … của Nghị định số A hết
            # hiệu lực kể từ ngày …"): the item's own predicate says more
            if _gives_way(first) or (opens and first.source == "subject") or \
                    (first.source == "subject" and 0 <= first.verb_at < ctx.line_of[k]):
                mine = role if k == heads[-1] else replace(role, how="list")
                if not possible_system(subject, mentions[k], role.relation):
                    mine = replace(mine, relation="CITES")
                ctx.roles[k] = [mine]
        source = _source_act(ctx, match.end(), end, starts)
        if source is not None and role.relation in CHANGES:
            # "A … hết hiệu lực thi hành (khoản 2 Điều 44 Nghị định số B)": B is what ends A; the text says so
            for k in heads:
                if mentions[k].key != mentions[source].key and possible(mentions[source], mentions[k], role.relation) \
                        and ctx.roles[k][0].verb_at == match.start():
                    ctx.roles[k] = [replace(ctx.roles[k][0], relation="CITES", mode="reported"),
                                    Role(mentions[source].key, role.relation, "chain", verb=verb_text(match))]


# What stands between a phrase said after documents and the act it names as its source: "(khoản 2 Điều 44 Nghị định
# số B)", "theo quy định tại điểm c khoản 4 Điều 70 của Nghị định số B".
_SOURCE_GAP = re.compile(rf"(?i)[\s,]*\(?\s*(?:theo\s+(?:quy\s+định\s+(?:tại|của)\s+)?|tại\s+)?"
                         rf"(?:(?:các\s+)?{any_of(vocab.phrases('provision'))}\s+[\w\s,]{{0,60}}?\s+(?:(?:của|tại)\s+)?)?")


def _source_act(ctx: Context, start: int, end: int, starts: list[int]) -> Optional[int]:
    """The mention (its index) of the act a phrase said after documents names as its source, right after it."""
    j = bisect.bisect_left(starts, start)
    if j >= len(starts) or starts[j] >= end or _SOURCE_GAP.fullmatch(ctx.text, start, starts[j]) is None:
        return None
    return j


def _gives_way(role: Role) -> bool:
    return role.how == "plain" or (role.source == "subject" and role.relation == "CITES")


def _part_heads(ctx: Context, start: int, end: int, starts: list[int]) -> list[int]:
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
                     _PLURAL_OPENING.fullmatch(text, part_start, mentions[k].start) or
                     patterns.provisions_of_re().fullmatch(text, part_start, mentions[k].start) or
                     _PROVISIONS_OPENING.fullmatch(text, part_start, mentions[k].start)):
            if n == len(bounds) - 1 and (not heads or _OWN_SUBJECT.match(text, part_start)):
                return []       # the phrase is said of what the last part opens with
            continue            # a part of the title of the document before it
        heads.append(k)
        while k + 1 < len(mentions) and mentions[k + 1].start < part_end:
            k += 1
            gap = text[mentions[k - 1].tail_end:mentions[k].start]
            # 'A và B'; 'A <its title> và B' when nothing else made B part of A's title (a plain citation); 'A …,
            # Chương V của B' (provisions of B listed after A)
            if LIST_GAP.match(gap) or (COORDINATED.search(gap) and ctx.roles[k][0].how == "plain") or \
                    _LISTED_PROVISIONS.fullmatch(gap):
                heads.append(k)
    return heads
