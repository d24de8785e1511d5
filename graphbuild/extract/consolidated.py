"""Whose words a consolidated text (văn bản hợp nhất, VBHN) carries.

A VBHN reproduces a base document as amended: its header names the base and the amending acts ("Thông tư số A …,
được sửa đổi, bổ sung bởi: Thông tư số B …"), its preamble is the base's own "Căn cứ" lines, its body the base's
rules, and its footnotes say which act changed what ("Điều này được sửa đổi theo … Thông tư số B") and quote each
amending act's own preamble ("Thông tư số B … có căn cứ ban hành như sau: 'Căn cứ …'"). So the consolidated text
itself rests on, implements or repeals nothing: the base's clauses belong to the base, a footnote's to the act it
is about, and a change written against "this article" is the amending act's change of the base.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Optional

from .. import vocab
from ..vocab import patterns
from ..vocab.patterns import any_of
from .lines import ELISION
from .mentions import Mention

_CONSOLIDATION_HEADER = re.compile(f"(?i){any_of(vocab.phrases('consolidation_header'))}")
# A footnote of a gazette PDF: its number at the start of a line, then its text ("1 Thông tư số 08/2023/…",
# "2 Chương này được bãi bỏ theo …"); it runs to a blank line or the next footnote.
_FOOTNOTE = re.compile(rf"(?m)^[ \t]*(\d{{1,3}})[ \t]+(?=[{vocab.UPPER}“\"])")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Footnotes are numbered in order through the text: a line that starts with a smaller number, or one far ahead, is
# a line of the text ("… trừ quy định tại khoản\n2 Điều này", a table's rows), not the next footnote.
_FOOTNOTE_STEP = 5
# A footnote about an act names it within its first characters ("1 Thông tư số …"), or after the provisions of it that
# it quotes ("2 Các điều 10, 11, 12 của Thông tư số 50/2017/TT-BYT …", patterns.provisions_of_re).
_OPENING = 12
_HEADER_END = re.compile(rf"(?m)^[ \t]*{any_of(o.opener for o in vocab.section_openers() if o.line)}")
_BODY_PART = re.compile(r"[ \t]*(?:Điều\s+\d+[a-zđ]?\s*[.:]|Chương\s+[IVXLC\d]+\b|Mục\s+\d)")
# A paragraph that quotes provisions of an act: "Điều 2 Nghị định số …", "Các điều 23, 24 và 25 của Luật …" (up to
# the act's name, which starts with a capital and is not one more provision: "Khoản 4 Điều 75 và Điều 76 của Luật …");
# not a line wrapped inside a sentence ("…, Điều 64 và\nĐiều 65 của …").
_QUOTED_PROVISIONS = re.compile(rf"(?m)(?:^(?<=[.;:”\"\n]\n)|\A)[ \t]*(?:(?i:các)\s+)?(?i:{any_of(vocab.phrases('provision'))})\s+[\w, ]{{1,40}}?\s"
                                rf"(?:(?:của|tại)\s+)?(?=[{vocab.UPPER}])(?!(?i:{any_of(vocab.phrases('provision'))})\b)")
# A paragraph that names an act and opens a quotation of its words on the next line ("Nghị định số 04/2023/NĐ-CP …
# có căn cứ ban hành như sau:" + newline + "“Căn cứ …", the quote marks sometimes left out), or ends the footnote's
# text on its page with that colon;
# matched up to the act's name, the line's start. A paragraph starts after a blank line or a line that ends a sentence
# (a line after a comma is a title wrapped) and may run on several lines.
_ANNOUNCING = re.compile(r"[ \t]*(?=[^“\"]{0,600}?:[ \t]*(?:\n[ \t]*(?:[“\"]|"
                        rf"(?:{any_of(vocab.phrases('preamble_line'))})\b)|\Z))")
_QUOTING_ACT = re.compile(r"(?<=[.;:”\"\n]\n)" + _ANNOUNCING.pattern)
_FIRST_ARTICLE = re.compile(rf"(?m)^{_BODY_PART.pattern}")
_PREAMBLE_LINE = re.compile(rf"(?m)^[ \t]*[“\"]?(?:{any_of(vocab.phrases('preamble_line'))})\b[^\n]*;[ \t]*$")
# a quotation announced on a line of its own ("… quy định như sau:" + newline), quote marks or not: a footnote that
# has one and ends in the middle of a sentence was cut by a page break
_QUOTE_OPENED = re.compile(r":[ \t]*\n")
_QUOTE_SPAN = 30000  # how far a quotation a footnote opens may run on past blank lines (page breaks)


class _FootnoteStarts:
    """Where the footnotes of a text start (their lines, in order of their numbers) and where paragraphs end."""

    def __init__(self, text: str):
        self.text = text
        self.matches: list[re.Match[str]] = []
        for match in _FOOTNOTE.finditer(text):
            number = int(match.group(1))
            if not self.matches or int(self.matches[-1].group(1)) < number <= int(self.matches[-1].group(1)) + \
                    _FOOTNOTE_STEP:
                self.matches.append(match)
        self.positions = [m.start() for m in self.matches]

    def at(self, pos: int) -> bool:
        i = bisect.bisect_left(self.positions, pos)
        return i < len(self.positions) and self.positions[i] == pos

    def next_after(self, pos: int) -> int:
        i = bisect.bisect_right(self.positions, pos)
        return self.positions[i] if i < len(self.positions) else len(self.text)

    def paragraph_end(self, pos: int) -> int:
        """The end of the paragraph at ``pos``: a blank line, or the next footnote's line."""
        blank = _BLANK_LINE.search(self.text, pos)
        return min(blank.start() if blank else len(self.text), self.next_after(pos))


@dataclass(frozen=True)
class Footnote:
    start: int
    end: int
    act: Optional[str]      # the key of the document the footnote opens with, when it opens with one


class Consolidation:
    """The base document of a VBHN and its footnotes, read from the clean text and its mentions."""

    def __init__(self, text: str, mentions: list[Mention]):
        self.base: Optional[Mention] = None
        self.header_span = (0, 0)       # the statement of the base and its amending acts: the VBHN's own words
        header = _CONSOLIDATION_HEADER.search(text)     # the header reader's body starts after it
        if header is not None:
            # the statement "Thông tư số A … (its title, which may name other documents) …, được sửa đổi, bổ sung
            # bởi:" opens its own paragraph: the base is the first document it names
            paragraph = text.rfind("\n\n", 0, header.start()) + 1
            named = [x for x in mentions if paragraph <= x.start < header.start()]
            self.base = named[0] if named else None
            # the amending acts listed after it, up to the base's own preamble ("Căn cứ …") or first article
            opener = _HEADER_END.search(text, header.end())
            self.header_span = (paragraph, opener.start() if opener else len(text))
        # the rest of a footnote's line a page break cut, opening the footnote's part on the next page: what its
        # words say of a document they do not name ("… hải quan, được sửa đổi, bổ sung bởi B") is not the base's
        self.cut_lines: list[tuple[int, int]] = []
        self.footnotes = list(self._footnotes(text, mentions, self.header_span[1], self.cut_lines))
        self._starts = [f.start for f in self.footnotes]

    @staticmethod
    def _footnotes(text: str, mentions: list[Mention], after: int, cut_lines: list[tuple[int, int]]):
        starts = [x.start for x in mentions]
        first_article = _FIRST_ARTICLE.search(text, after)
        body = first_article.start() if first_article else len(text)
        notes = _FootnoteStarts(text)
        for match in notes.matches:
            stop = _quotation_end(text, match.end(), notes.paragraph_end(match.end()), starts, notes)
            i = bisect.bisect_left(starts, match.end())
            opens = i < len(mentions) and mentions[i].start < stop and \
                (mentions[i].start - match.end() <= _OPENING or
                 patterns.provisions_of_re().fullmatch(text, match.end(), mentions[i].start) is not None)
            act = yield from _parts(text, mentions, starts, match.start(), stop, mentions[i].key if opens else None)
            words = text[match.end():stop]
            still_open = _open_quotes(words) > 0
            if still_open or _announces(words) or (_QUOTE_OPENED.search(words) and words.rstrip()[-1:].isalnum()):
                # The quotation a page break cut off goes on under the next page's body; only a preamble line tells
                # it from that body: the base's own preamble is over once its first article has begun.
                limit = min(notes.next_after(stop), stop + _QUOTE_SPAN)
                line = _PREAMBLE_LINE.search(text, max(stop, body), limit)
                if line is not None:
                    begin = _cut_line_before(text, max(stop, body), line.start())
                    if begin < line.start():
                        cut_lines.append((begin, line.start()))
                    yield from _parts(text, mentions, starts, begin, notes.paragraph_end(line.end()), act)
                else:
                    closing = _closing_paragraph(text, notes, stop, limit) if still_open else None
                    if closing is not None:
                        yield from _parts(text, mentions, starts, closing, notes.paragraph_end(closing), act)
                        stop = notes.paragraph_end(closing)
                    yield from _quotations_after(text, mentions, starts, notes, stop, limit)


    def footnote_at(self, pos: int) -> Optional[Footnote]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.footnotes[i].start <= pos < self.footnotes[i].end:
            return self.footnotes[i]
        return None

    def in_cut_line(self, mention: Mention) -> bool:
        return any(start <= mention.start < end for start, end in self.cut_lines)

    def own_words(self, mention: Mention) -> bool:
        """Whether the consolidated text itself names ``mention``: its header naming the base and the amending acts."""
        return self.header_span[0] <= mention.start < self.header_span[1]

    def speaker(self, mention: Mention) -> Optional[str]:
        """Whose clause names ``mention``: the act a footnote is about, else the base document (None: the
        consolidated text's own words, e.g. its header naming the base)."""
        footnote = self.footnote_at(mention.start)
        if footnote is not None:
            return footnote.act if footnote.act != mention.key else None
        if self.base is None or mention.key == self.base.key or self.base.start <= mention.start <= self.base.end:
            return None
        return self.base.key        # its preamble and body, and its title above the statement


def _parts(text: str, mentions: list[Mention], starts: list[int], start: int, stop: int, act: Optional[str]):
    """The parts of a footnote from ``start`` to ``stop`` that begins with the words of ``act``: a paragraph that
    quotes another act starts its words ("Điều 2 Nghị định số 82/2021/NĐ-CP … quy định như sau: …", "Nghị định số
    04/2023/NĐ-CP … có căn cứ ban hành như sau: “Căn cứ …"). Returns the act whose words it ends with."""
    for quoted in _quoting_paragraphs(text, start, stop):
        j = _named_at(starts, quoted.end())
        if j is not None and mentions[j].key != act:
            yield from _quotation_and_after(text, start, quoted.start(), act)
            start, act = quoted.start(), mentions[j].key
    yield from _quotation_and_after(text, start, stop, act)
    return act


def _quotation_and_after(text: str, start: int, stop: int, act: Optional[str]):
    """A part of a footnote that quotes ``act``, and after its quotation closed, the lines that go on: the
    consolidating body's own note ("… Điều 5 …./.”" + newline + "Khoản 5 Điều 4 của Nghị định số A nêu trên đã được
    bãi bỏ …"), which no act says."""
    after = _after_quotation(text, start, stop) if act is not None else None
    if after is None:
        yield Footnote(start, stop, act)
        return
    yield Footnote(start, after, act)
    yield Footnote(after, stop, None)


def _after_quotation(text: str, start: int, stop: int) -> Optional[int]:
    """Where the line after the quotation a part opens on its own line ("… như sau:" + newline + "“…") starts once the
    quotation has closed, when text follows it before ``stop``."""
    opened = _QUOTE_OPENED.search(text, start, stop)
    if opened is None or not text.startswith("“", opened.end()):
        return None
    depth = 0
    for k in range(opened.end(), stop):
        if text[k] == "“":
            depth += 1
        elif text[k] == "”":
            depth -= 1
            if depth == 0:
                line_end = text.find("\n", k, stop)
                if line_end < 0 or not text[line_end:stop].strip():
                    return None
                return line_end + 1
    return None


def _named_at(starts: list[int], pos: int) -> Optional[int]:
    """The mention (its index) that names an act right where a paragraph's opening ends, if one does."""
    j = bisect.bisect_left(starts, pos)
    return j if j < len(starts) and starts[j] - pos <= 2 else None


def _cut_line_before(text: str, start: int, line: int) -> int:
    """Where the rest of a quotation a page break cut starts, given its first preamble line at ``line``: the line
    before it when that line opens on the rest of the line the break cut, a word in lower case after the page's last
    elision mark at most ("… hải quan, được sửa đổi, bổ sung bởi Nghị định số B …;" + newline + "Căn cứ …"); the rest
    of the cut quotation, closed, and the line that announces the next act's preamble ("Đào tạo quy định … công
    lập.”" + newline + "Thông tư số B … có căn cứ ban hành như sau:" + newline + "“Căn cứ …"); else ``line``."""
    begin = line
    above = text.rfind("\n", start, line - 1) + 1
    if above > start and _ANNOUNCING_LINE.fullmatch(text, above, line):
        begin = above
    before = text.rfind("\n", start, begin - 1) + 1
    if before <= start:
        return begin
    rest = _ELIDED_OPENING.match(text, before, begin)
    if rest and (text[rest.end():rest.end() + 1].islower() or
                 begin < line and text[before:begin].rstrip().endswith(("”", '"'))):
        return rest.end()
    return begin


# a line that names an act and announces its words on the next line ("Thông tư số B … có căn cứ ban hành như sau:")
_ANNOUNCING_LINE = re.compile(r"[^\n“\"]{10,400}:[ \t]*\n")


_ELIDED_OPENING = re.compile(rf"[ \t]*(?:{ELISION.pattern}[ \t]*)?")


def _closing_paragraph(text: str, notes: _FootnoteStarts, start: int, stop: int) -> Optional[int]:
    """Where the rest of a quotation a page break cut starts, under the next page's body: the first paragraph that
    closes more quotations than it opens ("2. Pháp lệnh Công an xã số 06/2008/PL-UBTVQH12 hết hiệu lực …”.")."""
    for blank in _BLANK_LINE.finditer(text, start, stop):
        end = notes.paragraph_end(blank.end())
        if _open_quotes(text[blank.end():end]) < 0:
            return blank.end()
    return None


def _quotations_after(text: str, mentions: list[Mention], starts: list[int], notes: _FootnoteStarts, start: int,
                      stop: int):
    """The footnote a page break cut goes on under the next page's body: after the end of its quotation, each
    paragraph that opens on an act and quotes it ("Điều 45 của Luật Phòng bệnh số 114/2025/QH15, có hiệu lực … quy
    định như sau:" + newline + "“Điều 45. …") is a part of it whose words are that act's."""
    for quoted in _quoting_paragraphs(text, start, stop):
        if quoted.start() < start:
            continue        # inside the part before
        end = notes.paragraph_end(quoted.start())
        j = _named_at(starts, quoted.end())
        if j is None or not _quotes_an_act(text, quoted.start(), end, starts):
            continue
        end = _quotation_end(text, quoted.start(), end, starts, notes)
        yield from _parts(text, mentions, starts, quoted.start(), end, mentions[j].key)
        start = end


def _quoting_paragraphs(text: str, start: int, stop: int) -> list[re.Match[str]]:
    """The paragraphs between ``start`` and ``stop`` that open on an act's provisions, or on an act whose words a
    quotation opened on the next line gives, each matched up to where the act is named."""
    found = list(_QUOTED_PROVISIONS.finditer(text, start, stop)) + \
        [m for m in _QUOTING_ACT.finditer(text, start, stop) if m.start() > start]
    return sorted(found, key=lambda m: m.start())


def _open_quotes(text: str) -> int:
    """How many quotations the text opens and does not close ('“…”' nest; a straight '"' opens or closes)."""
    return text.count("“") - text.count("”") + text.count('"') % 2


def _announces(text: str, start: int = 0, stop: Optional[int] = None) -> bool:
    """Whether the text (from ``start`` to ``stop``) ends announcing a quotation it has not opened yet ("… có căn cứ
    ban hành như sau:")."""
    i = len(text) if stop is None else stop
    while i > start and text[i - 1].isspace():
        i -= 1
    return i > start and text[i - 1] == ":"


def _quotation_end(text: str, start: int, stop: int, starts: list[int], notes: _FootnoteStarts) -> int:
    """Where a footnote that ends at ``stop`` really ends. A blank line there may be a page break of the PDF: the
    footnote runs on to the next paragraph when its quotation is still open ("… quy định như sau: “Điều 10. …"), when
    it announced one that the next paragraph opens, or when the next paragraph names another act whose words it
    announces (a footnote quoting several acts' preambles) — unless another footnote or the body starts first."""
    limit = min(len(text), start + _QUOTE_SPAN)
    curly, straight, counted = 0, 0, start       # the quotes of text[start:stop], counted as stop moves on
    while stop < limit and text.startswith("\n", stop):
        blank = _BLANK_LINE.match(text, stop)
        if blank is None or notes.at(blank.end()) or _BODY_PART.match(text, blank.end()):
            break       # another footnote, or the body going on on the next page ("Điều 25. Hiệu lực thi hành")
        end = notes.paragraph_end(blank.end())
        curly += text.count("“", counted, stop) - text.count("”", counted, stop)
        straight += text.count('"', counted, stop)
        counted = stop
        if _announces(text, start, stop):
            goes_on = text.startswith(("“", '"'), blank.end())
        else:
            goes_on = curly + straight % 2 > 0 or _quotes_an_act(text, blank.end(), end, starts)
        if not goes_on:
            break
        stop = end
    return stop


def _quotes_an_act(text: str, start: int, stop: int, starts: list[int]) -> bool:
    """Whether the paragraph from ``start`` to ``stop`` opens on an act (or provisions of it) and announces a
    quotation of its words."""
    announcing = _ANNOUNCING.match(text, start, stop)
    if announcing is None:
        return False
    provisions = _QUOTED_PROVISIONS.match(text, start, stop)
    return _named_at(starts, provisions.end() if provisions else announcing.end()) is not None
