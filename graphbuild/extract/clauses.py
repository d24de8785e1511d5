"""What a citing clause does: its mode (DESIGN.md, "Mode").

- **enacted**: the text itself acts ("Bãi bỏ Quyết định số …", "Kế hoạch này thực hiện …", "Căn cứ …");
- **assigned**: a task the text gives someone ("Giao Sở Tư pháp chủ trì rà soát, sửa đổi Quyết định số …", a row
  of a table of tasks, an item under "NHIỆM VỤ, GIẢI PHÁP");
- **reported**: what others did or what happened ("UBND tỉnh đã ban hành Kế hoạch số …", "Sau 5 năm thực hiện Chỉ
  thị số …", the "TÌNH HÌNH, KẾT QUẢ" part of a plan or report);
- **negated**: "không thực hiện theo Kế hoạch số …";
- **conditional**: "Trường hợp Ủy ban nhân dân thành phố sửa đổi Quyết định số … thì …".

A clause is read from cue words around its governing verb (the relation phrase, or the document itself when no
phrase governs it) and from the part of the document it stands in (its section heading, a table of tasks). The cue
words are the table vocab/clause_cues.tsv. Only the subject's own clauses have a mode; what one cited document does
to another ("Kế hoạch 84 … về việc thực hiện Kết luận 44") is that document's own act.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from .. import vocab
from ..vocab.patterns import any_of
from .lines import ARTICLE
from .triggers import phrase_key, trigger_table

ENACTED = "enacted"
# When one clause shows cues of several modes, the most specific wins.
_PRECEDENCE = ("negated", "conditional", "reported", "assigned")
_WINDOW_WORDS = 4           # the words right before a verb that can negate it or put it in the past
_SENTENCE_END = re.compile(r"[.!?](?=\s)|;|\n\s*\n")
# The mark that opens an item of a list: '-', '+', '1.', '2.1.', 'a)', 'IV.'.
ITEM_MARK = re.compile(r"[\s\-+•*]*(?:(?:\d{1,3}|[a-zđ]|[IVXL]{1,6})(?:\.\d{1,3})*[.)/]\s*)?[\s\-+•*]*")


@dataclass(frozen=True)
class Reading:
    """What a clause does to the document it names, and the verb that says it."""
    mode: str
    verb: Optional[str] = None


def _cue_words(cue: str) -> dict[str, str]:
    """mode -> the cue words of kind ``cue`` of that mode, as one alternation (longest first)."""
    by_mode: dict[str, list[str]] = {}
    for row in vocab.clause_cues():
        if row.cue == cue:
            by_mode.setdefault(row.mode, []).append(row.pattern)
    return {mode: any_of(sorted(words, key=len, reverse=True)) for mode, words in by_mode.items()}


@lru_cache(maxsize=None)
def _cues(cue: str) -> dict[str, re.Pattern]:
    """mode -> one pattern of that mode's cue words of kind ``cue`` (whole words, any case)."""
    return {mode: re.compile(rf"(?i)(?<!\w){words}(?!\w)") for mode, words in _cue_words(cue).items()}


@lru_cache(maxsize=None)
def _unanchored(words: str) -> re.Pattern:
    return re.compile(rf"(?i){words}(?!\w)")


def _words_at_word_starts(words: str, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_cues``' whole-word search over a long text: the words first, then whether a word ends right before them (a
    pattern that starts with a look-behind is tried at every position)."""
    for match in _unanchored(words).finditer(text, start, end):
        if match.start() == 0 or not _WORD_END.match(text, match.start() - 1):
            yield match


_WORD_END = re.compile(r"\w")


@lru_cache(maxsize=None)
def _cue_scanner(cue: str) -> Optional[re.Pattern]:
    """The cue words of kind ``cue`` of every mode as one pattern, a named group per mode: one pass over a text where
    a pattern per mode would make one each (a pattern that starts with a look-behind is tried at every position)."""
    groups = "|".join(f"(?P<{mode}>{words})" for mode, words in _cue_words(cue).items())
    return re.compile(rf"(?i)(?<!\w)(?:{groups})(?!\w)") if groups else None


def _first_mode(cue: str, text: str, anchored: bool = False) -> Optional[str]:
    for mode in _PRECEDENCE:
        pattern = _cues(cue).get(mode)
        if pattern is None:
            continue
        match = pattern.match(text) if anchored else pattern.search(text)
        if match:
            return mode
    return None


# A section heading: 'PHẦN I', 'I. TÌNH HÌNH …', 'A. KẾT QUẢ', '1. Kết quả đạt được', or a line in capitals.
_HEADING = re.compile(r"(?m)^[ \t]*(?:(?P<part>(?i:phần)\s+(?:thứ\s+\w+|[IVXL]+|\d+)\b)|(?P<roman>[IVXL]{1,6})[ \t]*[.\-–)/]"
                      r"|(?P<letter>[A-ZĐ])[.)]|(?P<number>\d{1,2})[.)](?!\d))[ \t]*(?P<title>[^\n]*)$")
_CAPITALS = re.compile(rf"(?m)^[ \t]*(?P<title>[{vocab.UPPER}][{vocab.UPPER}0-9 ,;:\-–]{{6,120}})[ \t]*$")
_SHORT_SUBHEADING = 70      # a numbered line longer than this is an item of a list, not a heading


@dataclass(frozen=True)
class _Heading:
    start: int
    end: int
    level: int              # 0 part, 1 section (roman, letter, capitals, article), 2 numbered sub-section
    mode: Optional[str]


def is_upper(s: str) -> bool:
    """Whether a line is written in capitals (a heading): four letters in five or more."""
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)


_ARTICLE_WORDS = re.compile(ARTICLE.pattern.removeprefix("[ \\t]*"))


def _articles(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``ARTICLE.finditer(text, start, end)`` as spans: the pattern's words found first (a pattern that starts with
    ``[ \t]*`` is tried at every position), then the spaces before them."""
    out: list[tuple[int, int]] = []
    for match in _ARTICLE_WORDS.finditer(text, start, end):
        at, bound = match.start(), max(start, out[-1][1] if out else start)
        while at > bound and text[at - 1] in " \t":
            at -= 1
        out.append((at, match.end()))
    return out


def _headings(text: str, start: int, end: int, article_spans: list[tuple[int, int]]) -> list[_Heading]:
    """The headings of the body, in order. A numbered line inside an article ('Điều 4. … 1. Nhiệm vụ') is a clause
    of a rule, not a section of a plan: only headings outside articles open a section."""
    articles = [a for a, _ in article_spans]
    found: dict[int, _Heading] = {}
    for match in _HEADING.finditer(text, start, end):
        title = match.group("title").strip()
        if match.group("part"):
            level = 0
            below = _CAPITALS.match(text, match.end() + 1) if not title else None
            if below is not None:   # "Phần thứ nhất" / "KẾT QUẢ 5 NĂM THỰC HIỆN": the part's title on the next line
                found[below.start()] = _Heading(match.start(), below.end(), 0, _first_mode("heading", below.group("title")))
                continue
        elif match.group("roman") or match.group("letter"):
            if match.group("letter") and not is_upper(title[:30]):
                continue        # 'A. text' in a sentence, not a heading in capitals
            level = 1
        else:
            if len(title) > _SHORT_SUBHEADING or title.endswith((";", ",")) or \
                    _inside_article(match.start(), articles, found):
                continue
            level = 2
        found[match.start()] = _Heading(match.start(), match.end(), level, _first_mode("heading", title))
    for match in _CAPITALS.finditer(text, start, end):
        if match.start() not in found and len(match.group("title").split()) >= 2:
            found[match.start()] = _Heading(match.start(), match.end(), 1, _first_mode("heading", match.group("title")))
    for a, b in article_spans:
        if a not in found:      # an article closes a section without opening one of a mode
            found[a] = _Heading(a, b, 1, None)
    return [found[k] for k in sorted(found)]


def _inside_article(pos: int, articles: list[int], found: dict[int, _Heading]) -> bool:
    """Whether the last article heading before ``pos`` comes after the last section heading before it."""
    i = bisect.bisect_left(articles, pos) - 1
    if i < 0:
        return False
    return not any(articles[i] < k < pos and h.level <= 1 for k, h in found.items())


_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_ADDRESSEES = re.compile(rf"\s*{any_of(vocab.phrases('addressee_heading'))}")


def _opening_end(text: str, start: int, end: int) -> int:
    """The end of the body's first paragraph, past the lines it is addressed to ("Kính gửi: …")."""
    while True:
        start = len(text[start:end]) - len(text[start:end].lstrip()) + start
        blank = _BLANK_LINES.search(text, start, end)
        if blank is None or not _ADDRESSEES.match(text, start):
            return blank.end() if blank else end
        start = blank.end()
_TASK_HEAD_ROWS = 8          # the header row of a table of tasks, linearised by a PDF reader: a few short cells
_TASK_CELL = 45              # a cell of that row is short
_TASK_HEAD_CELLS = 3         # and it has a few (a sentence broken over two lines is no header row)


def _task_tables(text: str, start: int, end: int) -> list[int]:
    """Where tables of tasks start: a header row that names who leads ('Cơ quan chủ trì') and when it is due
    ('Thời hạn hoàn thành'), one line with '|' between cells or a few short lines (one cell each)."""
    lead, when = _cue_words("task_lead").get("assigned"), _cues("task_when").get("assigned")
    if lead is None or when is None:
        return []
    out = []
    for match in _words_at_word_starts(lead, text, start, end):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start:len(text) if line_end < 0 else line_end]
        if "|" in line:
            if when.search(line):
                out.append(line_start)
            continue
        cells = _short_lines_around(text, line_start, start, end)
        if len(cells) >= _TASK_HEAD_CELLS and when.search("\n".join(cells)):
            out.append(line_start)
    return out


def _short_lines_around(text: str, line_start: int, start: int, end: int) -> list[str]:
    """The run of short lines (one cell each, blank lines between them allowed) that holds the line at
    ``line_start``: a header row linearised by a PDF reader, between the table's title and its first row."""
    def cell(a: int) -> Optional[str]:
        b = text.find("\n", a, end)
        line = text[a:end if b < 0 else b].strip()
        return line if len(line) <= _TASK_CELL else None

    if not cell(line_start):
        return []
    cells = [cell(line_start)]
    a, seen = line_start, 0
    while a > start and seen < 2 * _TASK_HEAD_ROWS:
        a, seen = text.rfind("\n", start, a - 1) + 1, seen + 1
        above = cell(a)
        if above is None:
            break
        cells[:0] = [above] if above else []
    b, seen = text.find("\n", line_start, end), 0
    while 0 <= b and seen < 2 * _TASK_HEAD_ROWS:
        below, seen = cell(b + 1), seen + 1
        if below is None:
            break
        cells += [below] if below else []
        b = text.find("\n", b + 1, end)
    return cells


_HEADER_SPAN = 400           # a list header's words stand this close before its ':'
_HEADER_COLON = re.compile(r":[ \t]*\n")
_HEADER_BREAK = re.compile(r"[.;](?:\s|$)")
# Where a list ends, by the mark of the line its header opens: the next item of the header's level or above.
_LIST_ENDS = {"number": re.compile(r"\n[ \t]*(?:\d{1,3}[.)]\s|Điều\s+\d|Chương\s)"),
              "letter": re.compile(r"\n[ \t]*(?:[a-zđ]\)\s|\d{1,3}[.)]\s|Điều\s+\d|Chương\s)")}
_LINE_MARK = re.compile(r"[ \t]*(?:(?P<number>\d{1,3}[.)]\s)|(?P<letter>[a-zđ]\)\s))")


def _cued_lists(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Lists whose header gives their items a mode ('Thông tư này không áp dụng đối với …:'): (first item, end of
    the list, mode). A list ends at the next item of its header's level (or an article); a header on a line of
    its own kind ends at the next numbered clause or article."""
    out = []
    scanner = _cue_scanner("list_header")
    if scanner is None:
        return out
    for match in _before_colons(scanner, text, start, end):
        mode = next(mode for mode, said in match.groupdict().items() if said is not None)
        colon = _HEADER_COLON.search(text, match.end(), min(end, match.end() + _HEADER_SPAN))
        if colon is None or _HEADER_BREAK.search(text, match.end(), colon.start()):
            continue
        line = text.rfind("\n", start, match.start()) + 1
        while line > start and not _LINE_MARK.match(text, line) and match.start() - line < _HEADER_SPAN:
            line = text.rfind("\n", start, line - 1) + 1   # the header's first line carries its mark
        mark = _LINE_MARK.match(text, line)
        ends = _LIST_ENDS["letter" if mark and mark.group("letter") else "number"]
        stop = ends.search(text, colon.end(), end)
        out.append((colon.end(), stop.start() if stop else end, mode))
    return out


# A list under a body: "c) Ủy ban nhân dân các huyện, thị xã, thành phố" or "b) Đề nghị Ủy ban nhân dân các xã,
# phường:", then "- …" items (or "a) …" items under a numbered head: "2. Đảng ủy lãnh đạo Ủy ban nhân dân xã"): each
# item is a task of that body, named in the head and not again in the item.
_BODY_HEAD = re.compile(r"(?m)^[ \t]*(?:\d{1,2}|(?P<letter>[a-zđ]))[.)][ \t]+(?P<title>[^\n]{3,140}?)[ \t]*\n"
                        r"(?=[ \t]*(?:[-+•]|(?(letter)(?!)|[a-zđ]\)\s)))")


def _body_lists(text: str, start: int, end: int, headings: list[_Heading], articles: list[int]) -> \
        list[tuple[int, int, str]]:
    """Lists whose head names the body their items are for: (first item, end of the list, mode): assigned, or
    reported when the head says what the body did ('đã'). Not inside an article: a rule's clauses are the rule."""
    sections = {h.start: h for h in headings if h.start not in set(articles)}
    out = []
    for match in _BODY_HEAD.finditer(text, start, end):
        title = match.group("title")
        if _SENTENCE_END.search(title) or _inside_article(match.start(), articles, sections) or not (
                _first_mode("item", title, anchored=True) or _first_mode("agent", title, anchored=True)):
            continue
        stop = _LIST_ENDS["letter" if match.group("letter") else "number"].search(text, match.end(), end)
        mode = "reported" if _first_mode("before", title) == "reported" else "assigned"
        out.append((match.end(), stop.start() if stop else end, mode))
    return out


def _before_colons(pattern: re.Pattern, text: str, start: int, end: int):
    """``pattern.finditer(text, start, end)``, only where a list's header can end on a colon within _HEADER_SPAN
    characters: the text within that span before each colon, windows merged (a cue pattern starts with a look-behind
    and ``re`` tries it at every position it is given)."""
    windows: list[list[int]] = []
    for colon in _HEADER_COLON.finditer(text, start, end):
        lo = max(start, colon.start() - _HEADER_SPAN - _LONGEST_CUE)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = colon.start()
        else:
            windows.append([lo, colon.start()])
    for lo, hi in windows:
        yield from pattern.finditer(text, lo, hi)


_LONGEST_CUE = 60           # longer than any cue of a list's header


# A form the text attaches opens on its heading ("Mẫu số 01", "MẪU QUYẾT ĐỊNH", "Biểu số 001.H") and has a header
# left to fill in near its top: a blank date ("……, ngày…. tháng….. năm……") or number ("Số: …/QĐ-UBND"); it runs to
# the next form or annex.
_FORM_HEADING = re.compile(rf"(?m)^[ \t]*(?=[{vocab.UPPER}])(?i:{any_of(vocab.phrases('form_heading'))})\b")
_BLANK_FIELD = re.compile(r"(?i)ngày[ \t.…_]*(?:[.…_]{2}|[ \t]{3})[ \t.…_]*tháng|Số\s*:?\s*(?:[.…_]{2,}|[ \t]{2,})/")
_FORM_TOP = 1500            # how far into a form its blank header stands


def _forms(text: str, body_start: int) -> list[tuple[int, int]]:
    """The blank forms after the body's start, each from its heading to the next form or annex (or the end)."""
    headings = [m.start() for m in _FORM_HEADING.finditer(text, body_start)] + [len(text)]
    return [(start, stop) for start, stop in zip(headings, headings[1:])
            if _BLANK_FIELD.search(text, start, min(stop, start + _FORM_TOP))]


_CLAUSE_WORDS = re.compile(r"[^\W\d_]{2,}")      # a word of two letters or more (not an item's mark)


class ClauseReader:
    """Reads the mode of each citing clause of one clean text (``body_start``, ``body_end``: the body as the header
    reader found it; sections are looked for there)."""

    def __init__(self, text: str, body_start: int = 0, body_end: Optional[int] = None, type_code: Optional[str] = None):
        self.text = text
        end = len(text) if body_end is None else body_end
        article_spans = _articles(text, body_start, end)
        headings = _headings(text, body_start, end, article_spans)
        # a report tells what happened: after its opening paragraph ("Thực hiện Công văn số …, UBND huyện báo cáo như
        # sau:"), a clause no cue and no section reads is what it tells (the cue table's 'document' rows)
        self._told_mode = _first_mode("document", type_code, anchored=True) if type_code else None
        self._told_from = min([h.start for h in headings[:1]] + [_opening_end(text, body_start, end)])
        # Each heading of a mode governs up to the next heading of its level or above.
        regions: list[tuple[int, int, str]] = []
        for i, heading in enumerate(headings):
            if heading.mode is None:
                continue
            stop = next((h.start for h in headings[i + 1:] if h.level <= heading.level), end)
            regions.append((heading.end, stop, heading.mode))
        regions.extend(_cued_lists(text, body_start, end))
        for table in _task_tables(text, body_start, end):
            stop = next((h.start for h in headings if h.start > table and h.level <= 0), end)
            regions.append((table, stop, "assigned"))
        regions.sort()
        self._regions = regions
        self._starts = [r[0] for r in regions]
        self._body_lists = _body_lists(text, body_start, end, headings, [a for a, _ in article_spans])
        self._forms = _forms(text, body_start)
        self._first_article = article_spans[0][0] if article_spans else None

    def rests_on(self, clause_start: int, verb_at: int) -> bool:
        """Whether a 'Căn cứ' at ``verb_at`` states the text's own basis: it opens its clause, before the text's first
        article. Inside the articles, or after the words of its clause ("Ban Biên tập … căn cứ quy định tại Nghị định
        số …", "… được xác định căn cứ Quyết định số …"), it says on what someone is to act."""
        if self._first_article is not None and verb_at >= self._first_article:
            return False
        text = self.text
        part = max(clause_start, text.rfind(";", clause_start, verb_at) + 1, text.rfind("\n", clause_start, verb_at) + 1)
        return not _CLAUSE_WORDS.search(text, part, verb_at)      # "…; Căn cứ Luật …" opens a part of its own

    def in_form(self, pos: int) -> bool:
        """Whether ``pos`` is inside a blank form the text attaches ("Mẫu số 01 …", a header left to fill in: "……,
        ngày … tháng … năm …"): its "Căn cứ" lines are the bases of the documents to be written on it."""
        return any(start <= pos < stop for start, stop in self._forms)

    def section_mode(self, pos: int) -> Optional[str]:
        """The mode of the innermost section (or table of tasks) holding ``pos``."""
        i = bisect.bisect_right(self._starts, pos) - 1
        while i >= 0:
            start, stop, mode = self._regions[i]
            if start <= pos < stop:
                return mode
            i -= 1
        return None

    def _section_reading(self, pos: int, opening: str, verb: Optional[str]) -> Optional[str]:
        """The mode the section gives a clause no cue of its own reads: a section of tasks assigns, except the text's
        own continuing, no body named before its verb ("NHIỆM VỤ … 2. Tiếp tục lãnh đạo thực hiện Nghị quyết số
        26-NQ/TW": the programme continues it; "Các sở tiếp tục thực hiện …" is their task)."""
        mode = self.section_mode(pos)
        if mode == "assigned" and verb and _continues(verb) and _first_mode("item", opening, anchored=True) is None:
            return None
        if mode is None and self._told_mode is not None and pos >= self._told_from:
            return self._told_mode
        return mode

    def read(self, clause_start: int, verb_at: int, mention_start: int, mention_end: int,
             verb: Optional[str]) -> Reading:
        """The mode of the clause starting at ``clause_start`` that names a document at ``mention_start``, governed
        by the phrase at ``verb_at`` (``verb``: its words; ``verb_at`` < 0 when no phrase governs it)."""
        text = self.text
        at = verb_at if 0 <= verb_at <= mention_start else mention_start
        clause_start = _item_start(text, min(clause_start, at))
        before = text[clause_start:at]
        # the few words right before the governing verb, also when it is said of the document after it ("Khoản 5
        # Điều 4 của Nghị định số A đã được bãi bỏ …": what happened, not what the text does)
        # (not across a ';': "… tàu cá “3 không” trước ngày 31/10/2024; tiếp tục thực hiện …" denies nothing)
        near = text[mention_end:verb_at] if verb_at > mention_end else before
        window = " ".join(near[near.rfind(";") + 1:].split()[-_WINDOW_WORDS:])
        mark = ITEM_MARK.match(text, clause_start)
        opening = text[mark.end():at]
        sentence_end = _SENTENCE_END.search(text, mention_end)
        after = text[mention_end:sentence_end.start() if sentence_end else len(text)]
        if _THE_TEXT_ITSELF.match(opening):
            return Reading(ENACTED, verb)    # "Hướng dẫn này thay thế …": the text acts, in whatever section
        mode = (_first_mode("before", window) if window else None) or \
            _opener_mode(opening) or (_first_mode("clause", before) if verb is None else None) or \
            _task_item(mark.group(0), opening) or \
            ("conditional" if _cues("after").get("conditional", _NEVER).search(after) else None) or \
            _first_mode("post", _UP_TO_COMMA.match(after).group(0)) or \
            _agent_mode(before) or next((m for a, b, m in self._body_lists if a <= mention_start < b), None) or \
            self._section_reading(mention_start, opening, verb) or ENACTED
        if mode == "conditional" or verb is not None or mode == ENACTED:
            return Reading(mode, verb)
        return Reading(mode, _plain_verb(window))


_NEVER = re.compile(r"(?!)")
_MARKED_LINE = re.compile(r"[ \t]*(?:[\-+•*]|(?:\d{1,3}|[a-zđ])(?:\.\d{1,3})*[.)])\s")
_ITEM_LINES = 6             # how many lines up an item's mark may stand above a clause it goes on into


def _item_start(text: str, clause_start: int) -> int:
    """Where the item a clause goes on stands, when the clause opens a line after one that ended on ';' ("6. Thị ủy
    … lãnh đạo" / "… trước ngày 31/10/2024;" / "tiếp tục thực hiện Chỉ thị …": the item's body is the clause's, as
    when the item is one line); else ``clause_start``."""
    line = text.rfind("\n", 0, clause_start) + 1
    if text[line:clause_start].strip() or _MARKED_LINE.match(text, line) or \
            not text[:line].rstrip().endswith(";"):
        return clause_start
    for _ in range(_ITEM_LINES):
        if line == 0:
            return clause_start
        line = text.rfind("\n", 0, line - 1) + 1
        words = text[line:text.find("\n", line)].strip()
        if not words or words.endswith((".", ":")):
            return clause_start
        if _MARKED_LINE.match(text, line):
            return line
    return clause_start


_LEAD_IN = re.compile(r"[^,;:.\n]{1,40},\s*")


def _opener_mode(opening: str) -> Optional[str]:
    """The mode a cue opening the clause gives it. A negation reaches only to a ';' and may open the part after one
    ("Không được yêu cầu …; sử dụng thông tin … theo quy định của Luật …": the second part is not denied; "…; không
    sử dụng biểu mẫu theo Thông tư số …" is); a time or a condition reaches over it ("Thời gian qua, …; thực hiện …")."""
    mode = _first_mode("opener", opening, anchored=True)
    lead_in = _LEAD_IN.match(opening)
    if mode is None and lead_in is not None:
        # after a short adverbial of time or place ("Trong quá trình thực hiện, nếu có vướng mắc, …")
        mode = _first_mode("opener", opening[lead_in.end():], anchored=True)
    if mode == "negated" and ";" in opening:
        mode = None
    last = opening[opening.rfind(";") + 1:].lstrip()
    if mode is None and last != opening and _first_mode("opener", last, anchored=True) == "negated":
        return "negated"
    return mode


def _continues(verb: str) -> bool:
    """Whether a clause's verb goes on carrying out a document ('tiếp tục thực hiện': relations.tsv CONTINUES)."""
    trigger = trigger_table().get(phrase_key(verb))
    return trigger is not None and trigger.relation == "CONTINUES"
_UP_TO_COMMA = re.compile(r"[^,;]*")
_LIST_MARK = re.compile(r"[-+•*]|[a-zđ]\)")


def _task_item(mark: str, opening: str) -> Optional[str]:
    """An item of a list that opens on a body gives it a task (assigned), or says what it did ('đã', 'đang' before
    the verb: reported)."""
    if not _LIST_MARK.search(mark) or _first_mode("item", opening, anchored=True) is None:
        return None
    return "reported" if _first_mode("before", opening) == "reported" else "assigned"


_PAST_WORDS = 2             # "các cơ quan đã phối hợp triển khai …": a past marker this close before an agent's word


def _agent_mode(before: str) -> Optional[str]:
    """The mode an agent's word gives the clause (a task: 'giao', 'chủ trì', 'phối hợp' …), or what others did
    (reported) when a past marker stands right before that word."""
    for mode in _PRECEDENCE:
        pattern = _cues("agent").get(mode)
        match = pattern.search(before) if pattern is not None else None
        if match:
            past = " ".join(before[:match.start()].split()[-_PAST_WORDS:])
            return "reported" if past and _first_mode("before", past) == "reported" else mode
    return None


# The clause's subject is the text itself: a type word and "này" right before the verb ("Thông tư liên tịch này …").
_THE_TEXT_ITSELF = re.compile(rf"(?i)\s*(?:[^\W\d_]+\s+){{1,4}}{any_of(vocab.phrases('self_reference'))}\s*$")
_CUE_THEN_VERB = re.compile(r"(?i)(?:đã|vừa)\s+(?P<verb>(?:\w+\s+){0,2}\w+)\s*$")


def _plain_verb(window: str) -> Optional[str]:
    """The verb of a clause that no relation phrase governs, when a cue stands right before it: 'đã ban hành'."""
    match = _CUE_THEN_VERB.search(window)
    return match.group("verb").lower() if match else None
