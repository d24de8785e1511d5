"""The trigger phrases of vocab/relations.tsv as the clause reader uses them: which phrase before a document governs
it ("Căn cứ", "thực hiện", "bãi bỏ" …), and when a phrase does not reach the document after it (an adjunct after an
object of the phrase's own, a shielded phrase, a phrase that must stand right before its document)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import vocab
from ..models import CHANGES
from ..vocab import patterns

_fold = vocab.fold
Trigger = vocab.Trigger
TriggerHit = tuple[Trigger, re.Match]
ADJACENT_FILLERS = frozenset(vocab.phrases("adjacent_filler"))


def verb_text(match: re.Match) -> str:
    """A relation phrase as written, in lower case and single spaces: the verb an edge keeps."""
    return " ".join(match.group(0).lower().split())


def phrase_key(phrase: str) -> str:
    return _fold(phrase.replace(",", " "))


def governing(direction: str) -> list[Trigger]:
    """The triggers written in ``direction`` ('post': after their document; else before it), longest first."""
    chosen = [t for t in vocab.triggers() if (t.direction == "post") == (direction == "post")]
    return sorted(chosen, key=lambda t: len(t.phrase), reverse=True)


@lru_cache(maxsize=None)
def trigger_re() -> re.Pattern:
    return re.compile(rf"(?i)(?<!\w){patterns.phrase_trie(t.phrase for t in governing('before'))}")


@lru_cache(maxsize=None)
def trigger_table() -> dict[str, Trigger]:
    return {phrase_key(t.phrase): t for t in vocab.triggers() if t.direction != "post"}


# "thực hiện chế độ … theo Quyết định số …": an adjunct after an object of the phrase's own (extract/relations).
ADJUNCT = patterns.words_re("adjunct")
OBJECT_WORDS = frozenset(vocab.phrases("object_word"))
NOT_A_TRIGGER = patterns.words_re("not_a_trigger")
_PRONOUN_OBJECT = re.compile(rf"(?i)\s+{patterns.any_of(vocab.phrases('pronoun_object'))}(?!\w)")
UNNUMBERED = patterns.words_re("unnumbered_document")
_WORD = re.compile(r"[^\W\d_]+")
# Relations whose phrase must have the document as its object: implementing or resting on something else, written
# before the document, is not implementing or resting on the document.
_NEEDS_OBJECT = ("IMPLEMENTS", "CONTINUES", "BASED_ON")
_PROCEDURE_HEAD = re.compile(rf"(?i)(?<!\w){patterns.any_of(vocab.phrases('procedure_head'))}\s+$")
# the paper, after other verbs of the phrase's list ("sửa đổi, bổ sung, cấp lại Giấy chứng nhận …")
_PAPER_OBJECT = re.compile(rf"(?i)(?:(?:,\s*)?(?:cấp\s+lại|cấp|gia\s+hạn|thu\s+hồi|và|hoặc)\s+)*"
                           rf"{patterns.any_of(vocab.phrases('paper_object'))}(?!\w)")


def governs(trigger: Trigger, filler: str, preceding: str = "") -> bool:
    """Whether a phrase reaches the document after ``filler`` (the words between them): not when an adjunct
    ('theo', 'tại' …) follows an object of the phrase's own ('thực hiện chế độ trợ cấp theo Quyết định số …'), nor
    when a change phrase (``preceding``: the words before it) names a procedure or changes a paper ("thủ tục cấp điều
    chỉnh Giấy phép … quy định tại Thông tư số …")."""
    if trigger.relation in CHANGES and (_PROCEDURE_HEAD.search(preceding) or
                                        _PAPER_OBJECT.match(filler.lstrip(" \t\n,:"))):
        return False
    if UNNUMBERED.search(filler):
        return False    # "… thi hành Điều lệ Đảng, Hướng dẫn số …": the phrase's object is the document named by name
    if trigger.relation not in _NEEDS_OBJECT:
        return True
    if ADJUNCT.search(filler) is None:
        return True
    if ADJUNCT.match(filler):
        return False    # "thực hiện theo Quyết định số …": done according to it, no object of the phrase's own
    # with an adjunct in between, every other word must be manner or content ('thực hiện các nhiệm vụ, giải pháp tại
    # Nghị quyết …'); any other noun is what the document qualifies ('thực hiện theo chế độ công tác phí quy định
    # tại Thông tư …')
    return all(w.lower() in OBJECT_WORDS for w in _WORD.findall(ADJUNCT.sub(" ", filler)))


# "sơ kết 5 năm thực hiện Nghị quyết …", "hướng dẫn một số nội dung thực hiện Quy định …": the implementation is what
# is reviewed or guided; the review or the guidance governs the document.
_IMPLEMENTATION_SPAN = re.compile(
    rf"(?i)(?:\s+(?:{patterns.any_of(vocab.phrases('implementation_span'), group=False)}))*\s+")
_ABOUT_IMPLEMENTATION = ("REVIEWS", "GUIDES", "AMENDS")     # "gia hạn thời gian thực hiện Quyết định số …" amends it
# "kết quả 03 năm thực hiện Chỉ thị …": results over a span of time review the implementation (a span is required:
# "kết quả thực hiện" is in the relation table, and "kết quả" alone reviews nothing)
_RESULTS_OVER_TIME = re.compile(
    rf"(?i)(?<!\w)(?:{patterns.any_of(vocab.phrases('review_head'), group=False)})"
    rf"(?:\s+(?:{patterns.any_of(vocab.phrases('implementation_span'), group=False)}))+\s+$")


# "được bãi bỏ kể từ ngày 01 tháng 7 năm 2025 theo …": a date the change takes effect, between a phrase's words; read
# as blanks of the same length (the phrase's words may stand any blank apart)
_EFFECT_DATE_INSIDE = re.compile(rf"(?i)\s+(?:kể\s+)?từ\s+ngày\s*(?:{patterns.DATE_NUMERIC}|{patterns.DATE_WORDS})"
                                 r"(?=\s+(?:theo|bởi|tại)(?!\w))")


# "được sửa đổi, bổ sung Điều 1 tại Thông tư số B": the provisions a passive phrase changed, between its verb and its
# preposition, read as blanks too
_PROVISIONS_INSIDE = re.compile(
    r"(?i)(?:được\s+(?:sửa\s+đổi(?:,\s*bổ\s+sung)?|bổ\s+sung|bãi\s+bỏ|thay\s+thế))"
    rf"(?P<provisions>(?:\s+{patterns.any_of(vocab.phrases('provision'))}\s+[\w.]{{1,8}}(?:\s*,|\s+và)?)+)"
    r"(?=\s+(?:tại|bởi|theo)(?!\w))")


def _blank(match: re.Match, group: int | str = 0) -> str:
    """The match with ``group`` read as blanks of the same length."""
    whole, start, end = match.group(0), match.start(group) - match.start(), match.end(group) - match.start()
    return whole[:start] + " " * (end - start) + whole[end:]


def last_trigger(gap: str, at_clause_start: bool = False) -> Optional[TriggerHit]:
    gap = _EFFECT_DATE_INSIDE.sub(_blank, gap)
    gap = _PROVISIONS_INSIDE.sub(lambda m: _blank(m, "provisions"), gap)
    best = before = None
    shields: Optional[list] = None      # where phrases that hold a relation phrase's words stand, found when needed
    for match in trigger_re().finditer(gap):
        if shields is None:
            shields = [m.span() for m in NOT_A_TRIGGER.finditer(gap)]
        if not any(a <= match.start() < b for a, b in shields) and not _PRONOUN_OBJECT.match(gap, match.end()):
            best, before = match, best
    if not best:
        return None
    trigger = trigger_table()[phrase_key(best.group(0))]
    object_at = best.end()      # where the phrase's object starts: after the implementation a phrase is about
    if trigger.relation in ("IMPLEMENTS", "CONTINUES") and before is not None and \
            trigger_table()[phrase_key(before.group(0))].relation in _ABOUT_IMPLEMENTATION and \
            _IMPLEMENTATION_SPAN.fullmatch(gap, before.end(), best.start()):
        best, trigger = before, trigger_table()[phrase_key(before.group(0))]
    elif trigger.relation == "IMPLEMENTS" and (results := _RESULTS_OVER_TIME.search(gap, 0, best.start())):
        return Trigger("REVIEWS", results.group(0).strip(), False, "active"), best
    filler = gap[object_at:].strip(" \t\n,:")   # a line break between phrase and document is a blank
    # The preamble's 'Căn cứ' opens its clause and governs whatever follows; elsewhere a phrase governs only its object.
    opens = at_clause_start and not gap[:best.start()].strip(" \t\n*-+•;:")
    # … except that "Thực hiện theo Quy định số …" opening a clause is still done according to it: no object
    if (not opens or (trigger.relation != "BASED_ON" and ADJUNCT.match(filler))) and \
            not governs(trigger, filler, gap[:best.start()]):
        return Trigger("CITES", trigger.phrase, False, "active"), best
    if trigger.adjacent and filler and filler not in ADJACENT_FILLERS and not abbreviated_type().fullmatch(filler):
        # not right before the document: a continuation is still an implementation, anything else a citation
        # ("diện tích thu hồi tại Quyết định số …" does not revoke the decision)
        relation = "IMPLEMENTS" if trigger.relation == "CONTINUES" else "CITES"
        return Trigger(relation, trigger.phrase, False, "active"), best
    return trigger, best


@lru_cache(maxsize=None)
def abbreviated_type() -> re.Pattern:
    """A type written as its code before the number ("thay thế QĐ số 18/2020/QĐ-UBND", "thu hồi CV 56/UBND"): the
    type word itself, which a phrase that must stand right before its document may have between them."""
    codes = sorted(vocab.type_by_abbreviation(), key=lambda code: (-len(code), code))
    return re.compile(rf"(?:{'|'.join(map(re.escape, codes))})(?:\s+(?i:số))?")


def first_trigger(gap: str) -> Optional[TriggerHit]:
    """The first phrase of ``gap``; none when that phrase's object is a pronoun ("Trên cơ sở đó, …": it governs what
    came before, not the documents after it)."""
    match = trigger_re().search(gap)
    if match is None or _PRONOUN_OBJECT.match(gap, match.end()):
        return None
    return trigger_table()[phrase_key(match.group(0))], match


@lru_cache(maxsize=None)
def post_re() -> Optional[re.Pattern]:
    """Phrases written after the document they govern ('Thông tư số X … hết hiệu lực'): direction 'post'."""
    post = governing("post")
    if not post:
        return None
    return re.compile(r"(?i)(?<!\w)" + patterns.phrase_trie(t.phrase for t in post))


@lru_cache(maxsize=None)
def _post_relations() -> dict[str, str]:
    return {phrase_key(t.phrase): t.relation for t in vocab.triggers() if t.direction == "post"}


def post_relation(match: re.Match) -> str:
    """The relation a phrase of direction 'post' gives (``post_re``'s match)."""
    return _post_relations()[phrase_key(match.group(0))]
