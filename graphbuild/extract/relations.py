"""How each mention relates, and to what: its roles (a source and a relation), within its logical line.

``roles(text, mentions, Lines(text))`` (a PDF line break inside a sentence does not end a ``Lines`` line):

- the last trigger phrase before a mention in its clause governs it ("Căn cứ", "thực hiện", "bãi bỏ" …); a phrase
  in the description of the document before it chains from that document ("Kế hoạch 84 … về việc thực hiện Kết
  luận 44": 84 -> 44; "Thông tư 08 … hướng dẫn Nghị định 46": 08 -> 46);
- a passive phrase ("A … được sửa đổi, bổ sung bởi B") makes B act on A, the nearest document before it that B can
  act on (not a later one, not a higher-ranked act); without one it never points at the subject; in a "Căn cứ"
  clause the amending act is a basis too;
- a list continues its first item's roles ("A; B", "A và B", "A <title>, B"), joining the nearest document of its
  type or rank; a line ending with a trigger and ':' (or an article heading that repeals, amends …) governs the
  numbered items under it; a phrase written after a document ("… hết hiệu lực") governs it.

The phrases and their relations are the table vocab/relations.tsv.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..vocab import patterns

from .. import vocab
from .mentions import Mention
from ..models import Document

ADJACENT_FILLERS = ("", "việc", "các", "những", "toàn bộ")
BETWEEN_DOCUMENTS = ("GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS")
LINKER = re.compile(r"(?i)^[\s,:(\-\"“”']*(?:(?:về|việc|v/v|ban hành|kế hoạch|chương trình|hướng dẫn|để|nhằm|đã|được|và|"
                    r"một số điều|của|nội dung|tổ chức|công tác|tiếp tục|liên quan đến|đối với)[\s,]*)*$")
LIST_GAP = re.compile(r"(?i)^[\s,;:(\-+\"“”')]*(?:(?:và|hoặc|cùng|với|\d{1,2}\.|[a-zđ]\)|-|\+)[\s,;:]*)*$")
SENTENCE_END = re.compile(rf"[.!?]\s+(?=[{vocab.UPPER}\d])|:\s*\n")
# A list continues after a title: "A quy định … và B", "A về …, B".
COORDINATED = re.compile(r"(?:\s(?:và|hoặc)|,)\s*$")
ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[a-zđ]\)|[-+•])\s")
ARTICLE = re.compile(r"[ \t]*Điều\s+\d+[a-zđ]?\s*[.:]")
HARD_NEXT = re.compile(r"(?:\d{1,3}[.)]|[a-zđ]\)|[-+•*])\s|(?:Căn cứ|Xét|Theo đề nghị|Sau khi|Trên cơ sở|Điều\s+\d|"
                       r"Chương\s|Mục\s+\d|Phần\s|Nơi nhận|Kính gửi)")
_fold = vocab.fold


@dataclass
class Role:
    """How a mention relates: ``source`` is 'subject' or the key of the mention it hangs on."""
    source: str
    relation: str
    how: str                 # trigger | chain | list | plain
    passive: bool = False


def _phrase_key(s: str) -> str:
    return _fold(s.replace(",", " "))


@lru_cache(maxsize=None)
def _trigger_re() -> re.Pattern:
    post = {_phrase_key(p) for _, p in _post_phrases()}
    phrases = sorted((t for t in vocab.triggers() if _phrase_key(t.phrase) not in post), key=lambda t: len(t.phrase),
                     reverse=True)
    return re.compile(rf"(?i)(?<!\w){patterns.phrase_trie(t.phrase for t in phrases)}")


@lru_cache(maxsize=None)
def _trigger_table() -> dict:
    post = {_phrase_key(p) for _, p in _post_phrases()}
    return {_phrase_key(t.phrase): t for t in vocab.triggers() if _phrase_key(t.phrase) not in post}


def _last_trigger(gap: str):
    best = None
    for m in _trigger_re().finditer(gap):
        best = m
    if not best:
        return None
    t = _trigger_table()[_phrase_key(best.group(0))]
    filler = gap[best.end():]
    if t.adjacent and filler.strip(" ,:") not in ADJACENT_FILLERS:
        # not right before the document: a continuation is still an implementation, anything else a citation
        # ("diện tích thu hồi tại Quyết định số …" does not revoke the decision)
        return vocab.Trigger("IMPLEMENTS" if t.relation == "CONTINUES" else "CITES", t.phrase, False, False), best
    return t, best


def _first_trigger(gap: str):
    m = _trigger_re().search(gap)
    return (_trigger_table()[_phrase_key(m.group(0))], m) if m else None


class Lines:
    """Logical lines of a clean text: a line break inside a sentence (a PDF or table wrapping it) does not end the
    line. A break is hard after . ; : ! ?, around a blank line, before a list item or a preamble/article opening
    ('Căn cứ', 'Điều 2.'), next to a heading written in capitals, and after an article heading."""

    def __init__(self, text: str):
        self.text = text
        self._soft: dict = {}

    def soft(self, i: int) -> bool:
        r = self._soft.get(i)
        if r is None:
            r = self._soft[i] = self._is_soft(i)
        return r

    def _is_soft(self, i: int) -> bool:
        t = self.text
        a = t.rfind("\n", 0, i) + 1
        b = t.find("\n", i + 1)
        prev, nxt = t[a:i].strip(), t[i + 1:len(t) if b < 0 else b].strip()
        if not prev or not nxt or prev.rstrip("\"”'*)")[-1:] in (".", ";", ":", "!", "?", ""):
            return False
        if HARD_NEXT.match(nxt) or prev == prev.upper() or nxt == nxt.upper():
            return False
        return not (ARTICLE.match(prev) and nxt[:1].isupper())

    def start(self, pos: int) -> int:
        i = self.text.rfind("\n", 0, pos)
        while i >= 0 and self.soft(i):
            i = self.text.rfind("\n", 0, i)
        return i + 1

    def end(self, pos: int) -> int:
        i = self.text.find("\n", pos)
        while i >= 0 and self.soft(i):
            i = self.text.find("\n", i + 1)
        return len(self.text) if i < 0 else i

    def previous(self, start: int) -> Optional[tuple]:
        """The non-blank logical line before the one starting at ``start``, as (start, end)."""
        end = start - 1
        while end > 0:
            s = self.start(end)
            if self.text[s:end].strip():
                return s, end
            end = s - 1
        return None


# State documents by rank (Luật 2013 on the legal system; Luật Ban hành văn bản QPPL): an act can amend, replace
# or repeal only acts of its own rank or below. Party documents and unknown types have no rank.
_RANK_BY_TYPE = {"Hiến pháp": 0, "Luật": 1, "Bộ luật": 1, "Pháp lệnh": 2, "Lệnh": 2, "NĐ": 3, "TT": 5, "TTLT": 5}
_RANK_BY_ISSUER = {"QH": 1, "UBTVQH": 2, "CTN": 2, "CP": 3, "TTg": 4, "HĐND": 6, "UBND": 7}
_ACTS_ON_OLDER = {"AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "IMPLEMENTS", "CONTINUES", "PROMULGATES",
                  "REVIEWS"}


def _rank(x: "Mention") -> Optional[int]:
    sym = x.symbol
    if sym is not None and sym.system != "state":
        return None
    if x.type_code in _RANK_BY_TYPE:
        return _RANK_BY_TYPE[x.type_code]
    if sym is None:
        return None
    head = re.sub(r"\d+$", "", sym.issuer_code.split("-")[0])
    if head in _RANK_BY_ISSUER:
        return _RANK_BY_ISSUER[head]
    info = vocab.issuer_info(head)
    return 5 if info and info.system == "state" and info.level == "central" else None


def _year(x: "Mention") -> Optional[int]:
    if x.date and x.date.year:
        return x.date.year
    if x.symbol and x.symbol.year:
        return x.symbol.year
    if x.law and x.law.date:
        return int(x.law.date[:4])
    return None


def _possible(source: Optional["Mention"], target: "Mention", relation: str) -> bool:
    """Whether ``source`` can act on ``target``: not on a later document, not (amending) on a higher-ranked act."""
    if source is None or relation not in _ACTS_ON_OLDER:
        return True
    ys, yt = _year(source), _year(target)
    if ys and yt and ys < yt:
        return False
    if relation in ("AMENDS", "REPLACES", "REPEALS"):
        rs, rt = _rank(source), _rank(target)
        if rs is not None and rt is not None and rs > rt:
            return False
    return True


@dataclass
class _Clause:
    start: int
    lead: object = None          # (Trigger, match) of the first trigger in the clause, computed on demand
    lead_done: bool = False


def roles(text: str, mentions: list, lines: Lines, subject: Optional[Mention] = None) -> list:
    """Every mention's roles (a list per mention): the relations the text states for it, with their sources.
    ``subject``: the document itself as a mention (its rank bounds what it can amend, replace or repeal)."""
    roles: list = []
    line_of = [lines.start(x.start) for x in mentions]
    clauses: list = []
    by_key = {}

    def lead_of(c: _Clause, upto: int):
        if not c.lead_done:
            c.lead, c.lead_done = _first_trigger(text[c.start:upto]), True
        return c.lead

    def lead_role(c: _Clause, upto: int, how: str = "trigger") -> Role:
        lead = lead_of(c, upto)
        if lead and not lead[0].passive:
            return Role("subject", lead[0].relation, how)
        return Role("subject", "CITES", "plain")

    for i, x in enumerate(mentions):
        L = line_of[i]
        prev = mentions[i - 1] if i and line_of[i - 1] == L else None
        gap_start = min(prev.tail_end, x.start) if prev else L
        gap = text[gap_start:x.start]
        cut = 0
        for b in SENTENCE_END.finditer(gap):
            cut = b.end()
        clause_gap = gap[cut:]
        clause = clauses[i - 1] if prev is not None and not cut else _Clause(gap_start + cut)
        clauses.append(clause)
        hit = _last_trigger(clause_gap)
        if hit and ";" in clause_gap[hit[1].end():]:
            hit = None      # a phrase does not reach across ';' ("… về thi hành Điều lệ Đảng; Quy định số 22")
        if hit and prev is not None and not hit[0].passive and _coordinated_past(clause_gap[hit[1].end():]):
            hit = None      # "A hướng dẫn giám sát … và B": the phrase belongs to A's title, B joins A
        mine: list = []
        if hit and not hit[0].passive:
            trig, m = hit
            if prev is not None and not cut and ";" not in gap and (
                    len(gap.strip()) <= 90 and LINKER.match(clause_gap[:m.start()]) or
                    len(gap) <= 250 and (trig.relation in BETWEEN_DOCUMENTS or "," not in clause_gap[:m.start()])):
                # "A … về việc thực hiện B"; "A … hướng dẫn thực hiện một số điều về … quy định tại B": a phrase
                # in A's own description (no comma before it), or what documents do to documents (guide, amend,
                # repeal), is said of A; what A cannot do to B (amend a higher act, a later one) leaves a citation
                mine = [Role(prev.key, trig.relation if _possible(prev, x, trig.relation) else "CITES", "chain")]
            elif not _possible_rank(subject, x, trig.relation):
                mine = [Role("subject", "CITES", "trigger")]     # a circular does not amend a decree
            else:
                mine = [Role("subject", trig.relation, "trigger")]
        elif hit:       # passive: "A … được sửa đổi, bổ sung bởi B" -> B acts on A
            trig, _ = hit
            ante = _antecedent(mentions, i, line_of, clauses, trig.relation)
            if ante is not None:
                mine = [Role(ante.key, trig.relation, "chain", True)]
                if lead_role(clause, x.start).relation == "BASED_ON":
                    mine.append(Role("subject", "BASED_ON", "trigger"))   # the basis is the act as amended
            else:
                mine = [lead_role(clause, x.start)]
        elif prev is None:
            header = _list_header(text, mentions, lines, L, x)
            if header is not None:
                mine = [header]
        if not mine and prev is not None and (LIST_GAP.match(clause_gap.split(";")[-1] if ";" in gap else gap) or
                                              (not cut and ";" not in gap and COORDINATED.search(gap))):
            mine = _continue_list(mentions, i, line_of, roles, clauses, gap, x, lead_role, by_key)
        if not mine:
            mine = [Role("subject", "CITES", "plain")]
        roles.append(mine)
        by_key.setdefault(x.key, x)
    _post_triggers(text, mentions, line_of, roles, lines)
    return roles


@lru_cache(maxsize=None)
def _type_start_re() -> re.Pattern:
    return re.compile(rf"\s*(?:(?:các|những)\s+)?(?i:{patterns.type_words()})\b")


def _coordinated_past(filler: str) -> bool:
    """Whether the words between a phrase and a document end a list the document joins, past the phrase's own
    object ('hướng dẫn giám sát giao dịch … và B'), rather than adding to the phrase's objects ('thực hiện Nghị
    quyết Đại hội Đảng lần thứ X, Nghị quyết số 25/2006/NQ-CP')."""
    return bool(COORDINATED.search(filler)) and len(filler.split()) > 3 and not _type_start_re().match(filler)


def subject_mention(doc: Optional[Document]) -> Optional[Mention]:
    """The subject as a mention, for the rank checks (no date: a wrong header date must not drop an edge)."""
    if doc is None or not doc.symbol:
        return None
    m = patterns.mention_re().fullmatch(doc.symbol)
    sym = patterns.parse_symbol(m) if m else None
    return Mention(-1, -1, "subject", symbol=sym, type_code=doc.type) if sym else None


def _possible_rank(source: Optional[Mention], target: Mention, relation: str) -> bool:
    if source is None or relation not in ("AMENDS", "REPLACES", "REPEALS"):
        return True
    rs, rt = _rank(source), _rank(target)
    return rs is None or rt is None or rs <= rt


def _antecedent(mentions: list, i: int, line_of: list, clauses: list, relation: str):
    """The document a passive phrase before mention i acts on: the nearest one before it in its clause that it can
    act on ('Nghị định 78 hướng dẫn Luật BHVB được sửa đổi bởi Nghị định 187': 187 amends 78, not the law)."""
    x = mentions[i]
    for j in range(i - 1, -1, -1):
        if line_of[j] != line_of[i] or clauses[j] is not clauses[i]:
            break
        if _possible(x, mentions[j], relation) and mentions[j].key != x.key:
            return mentions[j]
    return None


def _continue_list(mentions: list, i: int, line_of: list, roles: list, clauses: list, gap: str, x, lead_role,
                   by_key) -> list:
    """'A; B', 'A và B', 'A <title>, B': B takes the roles of the document it is listed with: the one before it when
    of its type or rank, else the nearest of its type, then of its rank (a Nghị định joins a Nghị định, not the
    Luật named in the first one's title), else the one before."""
    j = i - 1
    if ";" not in gap and mentions[j].type_code != x.type_code and (_rank(x) is None or _rank(mentions[j]) != _rank(x)):
        same = [k for k in range(i - 1, -1, -1) if line_of[k] == line_of[i] and clauses[k] is clauses[i]]
        j = next((k for k in same if mentions[k].type_code == x.type_code), None) or \
            next((k for k in same if _rank(x) is not None and _rank(mentions[k]) == _rank(x)), i - 1)
    out = []
    for r in roles[j]:
        if ";" in gap and r.how == "chain" and not r.passive:
            r = next((q for rs in reversed(roles[:i]) for q in rs if q.how != "chain"), Role("subject", "CITES", "plain"))
        if r.source != "subject":
            src = by_key.get(r.source)
            ok = _possible(x, src, r.relation) if r.passive else _possible(src, x, r.relation)
            if not ok:
                r = lead_role(clauses[i], x.start, "list")
        out.append(Role(r.source, r.relation, "list" if r.how != "plain" else "plain", r.passive))
    return out


def _list_header(text: str, mentions: list, lines: Lines, L: int, x: Mention) -> Optional[Role]:
    """A list item's first document takes its relation from the list's header: a line ending with ':' whose last
    phrase is a trigger ('Bãi bỏ … các văn bản sau đây:', 'X …, được sửa đổi, bổ sung bởi:'), or an article heading
    that repeals, replaces, amends or corrects ('Điều 1. Bãi bỏ toàn bộ 15 văn bản'), followed by numbered items."""
    first = True
    cur = L
    for _ in range(60):
        p = lines.previous(cur)
        if p is None:
            return None
        s, e = p
        line = text[s:e]
        if ITEM_MARK.match(line) and not ITEM_MARK.match(text[L:L + 8]) and first:
            return None
        if ITEM_MARK.match(line) and ITEM_MARK.match(text[L:L + 8]):
            cur = s
            first = False
            continue
        if not ITEM_MARK.match(text[L:L + 8]) and not first:
            return None
        break
    else:
        return None
    colon = line.rstrip(" \"”'*").endswith(":")
    article = ARTICLE.match(line)
    if not (colon or article):
        return None
    # the last trigger after the last document named in the header line
    k = bisect.bisect_left([m.start for m in mentions], e) - 1
    after = s
    if k >= 0 and mentions[k].start >= s:
        after = max(s, mentions[k].tail_end)
    hit = _last_trigger(text[after:e])
    if not hit:
        return None
    trig, m = hit
    # a passive header acts on the header's document it can act on: the base text, not a decision in its title
    ante = next((mentions[j] for j in range(k, -1, -1) if mentions[j].start >= s and
                 _possible(x, mentions[j], trig.relation)), None)
    rest = text[after + m.end():e]
    if len(rest.split()) > 40 or ";" in rest or SENTENCE_END.search(rest):
        return None
    if article and not colon and trig.relation not in ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "CITES"):
        return None
    if trig.passive:
        return Role(ante.key, trig.relation, "chain", True) if ante is not None else None
    return Role("subject", trig.relation, "trigger")


@lru_cache(maxsize=None)
def _post_phrases() -> tuple:
    """Phrases written after the document they govern ('Thông tư số X … hết hiệu lực'): direction 'post'."""
    return tuple((r, p) for r, p, _a, d in vocab._rows("relations.tsv") if d == "post")


@lru_cache(maxsize=None)
def _post_re() -> Optional[re.Pattern]:
    phrases = sorted(_post_phrases(), key=lambda rp: len(rp[1]), reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?i)(?<!\w)" + patterns.phrase_trie(p for _, p in phrases))


def _post_triggers(text: str, mentions: list, line_of: list, roles: list, lines: Lines) -> None:
    """'Nghị định số 75/2024/NĐ-CP … hết hiệu lực kể từ ngày …': the phrase after a document (before the next one
    and the clause end) gives the subject's relation to it, and to the documents listed with it."""
    pat = _post_re()
    if pat is None:
        return
    table = {_phrase_key(p): r for r, p in _post_phrases()}
    for i, x in enumerate(mentions):
        if roles[i][0].how != "plain":
            continue
        end = lines.end(x.start)
        if i + 1 < len(mentions) and mentions[i + 1].start < end:
            end = mentions[i + 1].start
        stop = SENTENCE_END.search(text, x.tail_end, end)
        if stop:
            end = stop.start() + 1
        semi = text.find(";", x.tail_end, end)
        if semi >= 0:
            end = semi
        m = pat.search(text, x.tail_end, end)
        if not m:
            continue
        role = Role("subject", table[_phrase_key(m.group(0))], "trigger")
        roles[i] = [role]
        j = i - 1       # "Thông tư A và Thông tư B hết hiệu lực"
        while j >= 0 and line_of[j] == line_of[i] and roles[j][0].how == "plain" and \
                LIST_GAP.match(text[mentions[j].tail_end:mentions[j + 1].start]):
            roles[j] = [Role("subject", role.relation, "list")]
            j -= 1


def sentence_span(text: str, start: int, end: int, lines: Optional[Lines] = None) -> tuple:
    """The sentence around a mention, within its logical line (at most 400 characters on either side)."""
    lo = lines.start(start) - 1 if lines else text.rfind("\n", 0, start)
    hi = lines.end(end) if lines else text.find("\n", end)
    a = max(lo, text.rfind(". ", 0, start) + 1, text.rfind("; ", 0, start) + 1, 0)
    b_candidates = [i for i in (hi, text.find(". ", end), text.find("; ", end)) if 0 <= i < len(text)]
    b = min(b_candidates) + (1 if b_candidates and text[min(b_candidates)] == "." else 0) if b_candidates else len(text)
    a = max(a, start - 400)
    b = min(b, end + 400)
    while a < start and text[a] in " \n;.":
        a += 1
    return a, b

