"""Clean document text while keeping a map from every clean offset back to the source text.

Each cleaning step is a regex substitution; a step records the spans it replaced, so an offset in the clean text
maps back through the steps to the exact character of the source (evidence offsets point into the source).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate
from typing import Callable, NamedTuple, Optional, Union

from .. import vocab

Repl = Union[str, Callable[[re.Match], str]]

_LOWER_START = vocab.LOWER


class Text:
    """Clean text plus the offset map back to ``source``."""

    def __init__(self, source: str):
        self.source = source
        self.text = source
        # per step, the replaced spans as four parallel lists: out_starts, out_ends, in_starts, in_ends
        self._steps: list = []

    def sub(self, pattern: re.Pattern, repl: Repl, many: bool = False) -> "Text":
        """Replace every match of ``pattern``; ``many``: a step with a match on most lines, done without a Python
        step per match (the regex engine is slower on the pattern in a group, so only worth it for such steps)."""
        if many and not callable(repl) and "\\" not in repl and self._sub_literal(pattern, repl):
            return self
        return self.sub_matches(pattern.finditer(self.text), repl)

    def _sub_literal(self, pattern: re.Pattern, repl: str) -> bool:
        """A literal replacement without a Python step per match (hundreds of thousands of line-end blanks in a
        gazette): ``split`` on the pattern in one capturing group returns the pieces and the matches, and the
        spans are running sums of their lengths. False when it cannot apply (then ``sub_matches`` loops)."""
        wrapped = _captured(pattern)
        if wrapped is None:
            return False
        parts = wrapped.split(self.text)
        if len(parts) == 1:
            return True
        stride = wrapped.groups + 1
        pieces, matches = parts[::stride], parts[1::stride]
        if repl in matches:     # a match equal to its replacement must leave no span
            return False
        n = len(matches)
        lengths = [0] * (2 * n + 1)
        lengths[0::2] = map(len, pieces)
        lengths[1::2] = map(len, matches)
        ins = list(accumulate(lengths))
        lengths[1::2] = [len(repl)] * n
        outs = list(accumulate(lengths))
        self._steps.append((outs[0:-1:2], outs[1::2], ins[0:-1:2], ins[1::2]))
        self.text = repl.join(pieces)
        return True

    def sub_matches(self, matches, repl: Repl) -> "Text":
        """Replace the given matches (in order, not overlapping, found in the current text) and record them."""
        text = self.text
        literal = None if callable(repl) or "\\" in repl else repl
        spans = []
        out = []
        pos = 0
        shift = 0    # length of the output so far minus the input consumed so far
        for m in matches:
            a, b = m.span()
            new = literal if literal is not None else repl(m) if callable(repl) else m.expand(repl)
            if b - a == len(new) and text[a:b] == new:
                continue    # a match equal to its replacement changes nothing and needs no span
            out.append(text[pos:a])
            out.append(new)
            spans.append((a + shift, a + shift + len(new), a, b))
            shift += len(new) - (b - a)
            pos = b
        if spans:
            out.append(text[pos:])
            self.text = "".join(out)
            self._steps.append(tuple(list(x) for x in zip(*spans)))
        return self

    def to_source(self, offset: int, end: bool = False, inner: bool = False) -> int:
        """Map an offset in the clean text to the source text (``end`` for the end of a span). ``inner``: what a
        step deleted right at the offset (an HTML tag, a markdown star) stays outside the span: a start maps past
        it, an end before it."""
        for o_starts, o_ends, i_starts, i_ends in reversed(self._steps):
            if inner and end:
                k = bisect_left(o_starts, offset)
                if k < len(o_starts) and o_starts[k] == offset:     # the first replacement starting here
                    offset = i_starts[k]
                    continue
            i = bisect_right(o_starts, offset) - 1
            if i < 0:
                continue
            o_start, o_end, i_start, i_end = o_starts[i], o_ends[i], i_starts[i], i_ends[i]
            if offset >= o_end and offset > o_start:
                offset = i_end + (offset - o_end)
            elif offset == o_start:
                offset = i_end if inner and o_end == o_start else i_start    # past the last deletion here
            else:   # inside a replacement: widen to the whole replaced source span
                offset = i_end if end else i_start
        return offset

    def as_written(self, piece: str) -> str:
        """``piece`` (the last place the clean text holds it) as the source writes it, when the two differ only
        where a vowel pair's tone was moved to the tables' placement; else ``piece``."""
        at = self.text.rfind(piece)
        if at < 0 or self.text == self.source:
            return piece
        start, end = self.source_span(at, at + len(piece))
        written = self.source[start:end]
        return written if vocab.canonical_tones(written) == piece else piece

    def to_source_many(self, offsets: list[int]) -> list[int]:
        """``[to_source(o) for o in offsets]`` for an ascending list (starts: no ``end``, no ``inner``), step by step
        over the whole list: a step moves every offset between two of its replacements by the same amount, and puts
        those at or inside a replacement at its source start, so each stretch of the list is shifted at once (a
        step keeps the list in order). The layout reader maps every blank of the header and the tail so."""
        out = list(offsets)
        for o_starts, o_ends, i_starts, i_ends in reversed(self._steps):
            if not out:
                break
            first, last = bisect_right(o_starts, out[0]) - 1, bisect_right(o_starts, out[-1]) - 1
            mapped: list[int] = []
            lo = 0
            for k in range(first, last + 1):
                # out[lo:hi]: the offsets from this replacement's start to the next one's
                hi = bisect_left(out, o_starts[k + 1], lo) if k < last else len(out)
                if k < 0:
                    mapped += out[lo:hi]        # before the step's first replacement: unchanged
                else:
                    o_start, o_end = o_starts[k], o_ends[k]
                    at = bisect_left(out, max(o_end, o_start + 1), lo, hi)     # at it or inside it up to here
                    mapped += [i_starts[k]] * (at - lo)
                    shift = i_ends[k] - o_end
                    mapped += [x + shift for x in out[at:hi]] if shift else out[at:hi]
                lo = hi
            out = mapped
        return out

    def source_span(self, start: int, end: int, inner: bool = False) -> tuple:
        """The source span behind a clean span; ``inner``: without the deleted markup at its edges (a mention),
        else with it (a sentence of evidence)."""
        s, e = self.to_source(start, inner=inner), self.to_source(end, end=True, inner=inner)
        return s, max(s, e)


@lru_cache(maxsize=None)
def _captured(pattern: re.Pattern) -> Optional[re.Pattern]:
    try:
        return re.compile("(" + pattern.pattern + ")", pattern.flags)
    except re.error:       # a pattern with global flags inside: loop instead
        return None


_COMBINING = re.compile(r"[^\W\d_]?[\u0300-\u036f]+")
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")
_ETH = re.compile("[\u00d0\u00f0\u0189]")
_CONTROL = re.compile(r"[\u200b\u200c\u200d\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
# Only runs that change: a single ordinary space is left alone (matching it would cost a replacement per word).
_ODD_CHARS = re.compile("[\u200b\u200c\u200d\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f\u00d0\u00f0\u0189"
                        "\u2010-\u2015\u2212]")
# A run of two blanks or more, or one blank that is not a plain space: one character class first, so ``re`` skips
# to the next blank in C (docs/patterns.md), and the whole run from its first blank.
_SPACES = re.compile("[ \t\u00a0\u2002\u2003\u2009\u202f]"
                     "(?:[ \t\u00a0\u2002\u2003\u2009\u202f]+|(?<=[\t\u00a0\u2002\u2003\u2009\u202f]))")
# A straight double quote, read as the curly one it stands for: opening after a blank, a bracket or a dash (or at the
# start), closing elsewhere (a text typed or extracted without curly quotes quotes the same way).
_STRAIGHT_QUOTE = re.compile('"')


def _curly(m: re.Match) -> str:
    before = m.string[m.start() - 1] if m.start() else " "
    return "“" if before.isspace() or before in "([{-:" else "”"


_DOUBLE_SPACES = re.compile("  +")      # the same matches in a text whose only blank is the plain space: a literal
_ODD_SPACE = re.compile("[\t\u00a0\u2002\u2003\u2009\u202f]")
_CR = re.compile(r"\r\n?")
_HTML_TAG = re.compile(r"</?(?:i|b|u|em|strong|span|sup|sub|br|p|div|font)\b[^>]{0,200}>", re.I)
_MARKDOWN = re.compile(r"(?:\*{1,3}|\\(?=[\s\-\\*_\[\]()])|(?<=\s)_{1,2}|_{1,2}(?=\s)|^\s*#{1,6}\s|^\s*>\s?)", re.M)
_MARKDOWN_SPAN = 8      # a markdown match ends within this many characters after its first marker character
_MARKDOWN_CHARS = re.compile(r"[*\\_#>]")
_PANDOC_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*$", re.M)
_LINE_SPACES = re.compile(r" (?: *\n)|\n +")      # '[ ]+\n|\n[ ]+', written to fail fast on a lone space
# (not before a lettered item, nor after a line that ends on '…', what a quotation leaves out: "…" + newline + "b) …")
_SOFT_BREAK = re.compile(r"\n(?<=[^\n.:;!?…]\n)(?=[" + _LOWER_START + r"(])(?![a-zđ]\)\s)")
_NUMBER_BREAK = re.compile(r"\n(?=\d)(?:(?<=số\n)|(?<=Số\n)|(?<=ngày\n)|(?<=tháng\n)|(?<=năm\n))")
# A page break (blank lines left by page furniture) inside a sentence: the next line goes on in lower case.
_PAGE_BREAK = re.compile(r"\n(?<=[^\n.:;!?]\n)(?:[ ]*\n)+(?=[" + _LOWER_START + r"(])(?![a-zđ]\)\s)")
# … or after a comma, whatever the case of the next word: "… Luật số 97/2015/QH13," + page furniture + "Luật số
# 35/2018/QH14, …" (not before a list item or a footnote's number).
_PAGE_BREAK_AFTER_COMMA = re.compile(r",\n(?:[ ]*\n)+(?=[" + vocab.UPPER + r"][a-zà-ỹđ])")
# A symbol wrapped at its hyphen: "152/2016/TT-\nBTC".
_SYMBOL_WRAP = re.compile(r"-[ \t]*\n(?:[ \t]*\n)*(?=[A-ZĐ])")     # over a page break too
# … wrapped again in a narrow table cell: "08/2009/TTLT-\nBXD-BTC-BKHĐT- \nBNNPTNT-NHNN".
_SYMBOL_HEAD = re.compile(r"\d{1,5}(?:\.\d{1,3})?(?:/\d{4})?/(?:[A-Za-zĐđ&]{1,14}\d{0,2}-[ \t]*\n?){0,5}"
                          r"[A-Za-zĐđ&]{1,14}\d{0,2}-\Z")
# A symbol wrapped after a slash: "Kế hoạch số 12-KH/\nTU", "Thông tư số 152/2016/\nTT-BTC", "Nghị định số 15/\n2018/NĐ-CP".
_SLASH_WRAP = re.compile(r"/\n(?:[ \t]*\n)*(?=[A-ZĐ]|(?:19|20)\d\d/[A-ZĐ])")
_SLASH_HEAD = re.compile(r"(?:\d{1,5}(?:\.\d{1,3})?(?:-[A-Za-zĐđ]{1,14}\d{0,2}(?:-[A-Za-zĐđ&]{1,14}\d{0,2}){0,4}|/\d{4})"
                         r"|(?i:số)\s*:?\s*\d{1,5})/\Z")
# "381/ĐA-CPngày": a symbol glued to the next word.
_GLUED_DATE = re.compile(r"ngày(?<=[A-ZĐ0-9]ngày)\b")
_SYMBOL_END = re.compile(r"\d/[A-Za-zĐđ0-9-]*[A-ZĐ0-9]\Z")
# Cyrillic capitals that look like Latin ones, inside a Latin word or code ("BТС" typed with Т and С).
_CYRILLIC = re.compile("(?<=[A-ZĐ/-])[АВЕКМНОРСТХ]+|[АВЕКМНОРСТХ]+(?=[A-ZĐ/-])")
_CYRILLIC_ANY = re.compile("[\u0400-\u04ff]")
_CYRILLIC_LATIN = str.maketrans("АВЕКМНОРСТХ", "ABEKMHOPCTX")
_BLANK_LINES = re.compile(r"\n\n\n+")    # a literal start: the engine searches for it fast
# … or after a word that never ends a sentence ("… của" + page furniture + "Chính phủ quy định …").
_OPEN_ENDINGS = vocab.phrases("open_ending")
_BREAK_TO_WORD = re.compile(r"\n(?:[ \t]*\n)+(?=[^\W\d_])")


def _breaks_after_open_endings(text: str) -> list[_Span]:
    """The page breaks after a word that never ends a sentence, found from the words with ``str.find`` (a pattern
    that starts with an alternation of words, or a look-behind, leaves ``re``'s fast path)."""
    spans = []
    for word in _OPEN_ENDINGS:
        at = text.find(word + "\n")
        while at >= 0:
            gap = _BREAK_TO_WORD.match(text, at + len(word))
            if gap is not None and (at == 0 or not text[at - 1].isalnum()):
                spans.append(_Span(gap.span()))
            at = text.find(word + "\n", at + 1)
    return sorted(spans, key=lambda span: span.at)


def _nfc(m: re.Match) -> str:
    return unicodedata.normalize("NFC", m.group(0))


def _eth(m: re.Match) -> str:
    return "đ" if m.group(0) == "\u00f0" else "Đ"


def _markdown_matches(text: str):
    """The matches of ``_MARKDOWN`` (exactly those of its ``finditer``), found by jumping from one marker character
    (* \\ _ # >) to the next: every match holds one, at most a run of blanks after its start, so the regex only
    runs from the blanks before each marker instead of at every position of the text."""
    prev_end = cur = 0
    find = _MARKDOWN_CHARS.search
    while True:
        cm = find(text, cur)
        if cm is None:
            return
        c = s = cm.start()
        while s > prev_end and text[s - 1].isspace():
            s -= 1
        m = _MARKDOWN.search(text, s, c + _MARKDOWN_SPAN)
        if m is not None and m.start() <= c:
            yield m
            prev_end = cur = m.end()
        else:
            cur = c + 1


@lru_cache(maxsize=None)
def _chrome_after_newline() -> re.Pattern:
    """A newline before a line of web chrome: ``vocab.web_chrome()`` (a whole line: ``^…$``) behind a literal '\\n',
    which ``re`` searches for fast, where the ``^`` that begins the table's pattern is tried at every position."""
    chrome = vocab.web_chrome()
    return re.compile("\n(?=" + chrome.pattern.removeprefix("^") + ")", chrome.flags)


def _chrome_lines(text: str):
    """The spans of ``vocab.web_chrome()``'s matches in ``text`` (exactly those of its ``finditer``, a page's
    furniture with its newlines): tried at the start of the text, after each newline that ``_chrome_after_newline``
    finds and on the line under a match, never inside one."""
    chrome = vocab.web_chrome()
    prev_end = 0

    def run(pos: int):
        """The chrome lines from ``pos`` on, one right under the other. A page's furniture (a running head and a
        page number: two lines or more) goes with its newlines, so the text reads on across the page break; a
        single line (a lone number may be a table row's) leaves its newline, a break, as before."""
        nonlocal prev_end
        lines = []
        while pos < len(text) and (m := chrome.match(text, pos)) is not None:
            lines.append(m.span())
            prev_end = m.end()
            if not text.startswith("\n", prev_end):
                break
            pos = prev_end + 1
        if len(lines) > 1 or lines and "\n" in text[lines[0][0]:lines[0][1]]:    # "3 CÔNG BÁO/…" over two lines
            lines = [(a, b + 1 if text.startswith("\n", b) else b) for a, b in lines]
            prev_end = lines[-1][1]
        yield from (_Span(span) for span in lines)

    yield from run(0)
    for nl in _chrome_after_newline().finditer(text, prev_end):
        if nl.start() + 1 >= prev_end:
            yield from run(nl.start() + 1)


class _Span(NamedTuple):
    """A span to delete, as ``Text.sub_matches`` takes it (a match's ``span()``)."""
    at: tuple[int, int]

    def span(self) -> tuple[int, int]:
        return self.at


def _unwrapper(head: re.Pattern, mark: str) -> Callable[[re.Match], str]:
    """A wrap at ``mark`` joined when what stands before it is the head of a symbol (``head``), else kept."""
    def unwrap(m: re.Match) -> str:
        return mark if head.search(m.string, max(0, m.start() - 40), m.start() + 1) else m.group(0)
    return unwrap


_unwrap_slash = _unwrapper(_SLASH_HEAD, "/")
# A Party symbol wrapped at its hyphen, after its number: "Kế hoạch số 45-" + newline + "KH/TU".
_PARTY_HEAD = re.compile(r"(?i:số)\s*:?\s*\d{1,5}-\Z")
_PARTY_TAIL = re.compile(r"[A-ZĐ]{1,8}/")


def _unwrap_symbol(m: re.Match) -> str:
    """A wrap at a symbol's hyphen joined when a symbol's head stands before it."""
    before = m.string[max(0, m.start() - 40):m.start() + 1]
    if _SYMBOL_HEAD.search(before) or _PARTY_HEAD.search(before) and _PARTY_TAIL.match(m.string, m.end()):
        return "-"
    return m.group(0)


def _unglue_date(m: re.Match) -> str:
    return " ngày" if _SYMBOL_END.search(m.string, max(0, m.start() - 30), m.start()) else m.group(0)


def _latin(m: re.Match) -> str:
    return m.group(0).translate(_CYRILLIC_LATIN)


_COLUMN_RULE = re.compile(r"(?m)^[ \t]*-{3,}(?:[ \t]+-{3,})+[ \t]*$")
_DASH_GROUP = re.compile(r"-{3,}")
_GAP = re.compile(r"[ ]+")


_TAB_RUN = re.compile(r"[ ]*\t+[ ]*")
_TABBED_ROW = re.compile(r"(?m)^[^\t\n]*\S[^\t\n]*\t[^\n]*\S[^\n]*\t[^\n]*\S")     # quick: two tabs between words


def _tab_cells(text: str):
    """In a row of a table typed with tabs (three cells or more on the line: "1⇥Kế hoạch thực hiện Nghị quyết số …⇥Sở
    Nội vụ⇥Quý II"), the tab runs between its cells: made ' | ' as the cells of any other table, so that a cell does
    not run into its neighbour once blanks are collapsed. Two cells (a header's columns typed with tabs) stay."""
    for row in _TABBED_ROW.finditer(text):
        line_start = text.rfind("\n", 0, row.start()) + 1
        line_end = text.find("\n", row.end())
        line_end = len(text) if line_end < 0 else line_end
        gaps = [g for g in _TAB_RUN.finditer(text, line_start, line_end)
                if text[line_start:g.start()].strip() and text[g.end():line_end].strip()]
        if len(gaps) >= 2:
            yield from gaps


def _column_gaps(text: str):
    """In a pandoc simple table (rows between rules of dash groups, '----- -----'), the blank runs that separate
    the columns: made ' | ' so that a cell does not run into its neighbour once blanks are collapsed (the role and
    name of a signature laid out beside 'Nơi nhận')."""
    rules = list(_COLUMN_RULE.finditer(text))
    for n, rule in enumerate(rules):
        bounds = [g.start() for g in _DASH_GROUP.finditer(rule.group(0))][1:]
        end = rules[n + 1].start() if n + 1 < len(rules) else min(len(text), rule.end() + 6000)
        pos = rule.end() + 1
        while pos < end:
            eol = text.find("\n", pos)
            eol = end if eol < 0 or eol > end else eol
            for b in bounds:
                at = pos + b
                if at < eol and text[at - 1] == " " and (text[at] == " " or text[at - 2:at] == "  "):
                    start = at - 1
                    while start > pos and text[start - 1] == " ":
                        start -= 1
                    if start > pos and text[pos:start].strip():
                        gap = _GAP.match(text, start)
                        if gap is not None and gap.end() < eol:
                            yield gap
            pos = eol + 1


def normalize_text(source: str) -> Text:
    """Source text -> ``Text`` with NFC letters, one kind of dash and space, no web chrome, page headers or
    markup remnants, and PDF line breaks inside phrases joined."""
    t = Text(source)
    if "\r" in t.text:
        t.sub(_CR, "\n")
    odd = _ODD_CHARS.search(t.text) is not None     # no step below makes a control character, Ð or a dash
    if odd:
        t.sub(_CONTROL, "")
    if not unicodedata.is_normalized("NFC", t.text):
        t.sub(_COMBINING, _nfc)        # Latin letters and their marks: the exact characters
        if not unicodedata.is_normalized("NFC", t.text):
            t.sub(_NON_ASCII_RUN, _nfc)    # anything else (Hangul jamo, '=' + U+0338): the runs around them
    if odd:
        t.sub(_ETH, _eth)
    if vocab.tone_pattern().search(t.text):    # "Uỷ ban", "Khánh Hoà": read as the tables write them
        t.sub(vocab.tone_pattern(), vocab.canonical_pair)
    if "---" in t.text and _COLUMN_RULE.search(t.text):
        t.sub_matches(_column_gaps(t.text), " | ")
    # Cheap substring tests skip the steps that cannot match (most texts have no markup).
    if "<" in t.text:
        t.sub(_HTML_TAG, "")
    if "---" in t.text:
        t.sub(_PANDOC_RULE, "")
    t.sub_matches(_markdown_matches(t.text), "")
    if odd:
        t.sub(_DASHES, "-")
    if "\t" in t.text:
        t.sub_matches(_tab_cells(t.text), " | ")
    if _ODD_SPACE.search(t.text):
        t.sub(_SPACES, " ")
    elif "  " in t.text:
        t.sub(_DOUBLE_SPACES, " ")
    t.sub_matches(_chrome_lines(t.text), "")
    if '"' in t.text:
        t.sub(_STRAIGHT_QUOTE, _curly)
    if " \n" in t.text or "\n " in t.text:
        t.sub(_LINE_SPACES, "\n", many=True)
    if _CYRILLIC_ANY.search(t.text):
        t.sub(_CYRILLIC, _latin)
    if "-\n" in t.text or "- \n" in t.text:
        t.sub(_SYMBOL_WRAP, _unwrap_symbol)
    if "/\n" in t.text:
        t.sub(_SLASH_WRAP, _unwrap_slash)
    if "ngày" in t.text:
        t.sub(_GLUED_DATE, _unglue_date)
    if "\n\n" in t.text:
        t.sub(_PAGE_BREAK, " ")
        if ",\n\n" in t.text:
            t.sub(_PAGE_BREAK_AFTER_COMMA, ", ")
        t.sub_matches(_breaks_after_open_endings(t.text), " ")
    t.sub(_SOFT_BREAK, " ", many=True).sub(_NUMBER_BREAK, " ")
    t.sub(_BLANK_LINES, "\n\n")
    return t


def clean(source: str) -> str:
    """Just the clean text."""
    return normalize_text(source).text
