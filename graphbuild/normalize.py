"""Clean document text while keeping a map from every clean offset back to the source text.

Each cleaning step is a regex substitution; a step records the spans it replaced, so an offset in the clean text
maps back through the steps to the exact character of the source (evidence offsets point into the source).
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from typing import Callable, Union

from . import vocab

Repl = Union[str, Callable[[re.Match], str]]

_LOWER_START = "a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"


class Text:
    """Clean text plus the offset map back to ``source``."""

    def __init__(self, source: str):
        self.source = source
        self.text = source
        self._steps: list = []   # per step: (out_starts, spans) with spans (out_start, out_end, in_start, in_end)

    def sub(self, pattern: re.Pattern, repl: Repl) -> "Text":
        spans = []
        out = []
        pos = 0
        out_len = 0
        for m in pattern.finditer(self.text):
            new = repl(m) if callable(repl) else m.expand(repl)
            if new == m.group(0):
                continue
            out.append(self.text[pos:m.start()])
            out_len += m.start() - pos
            spans.append((out_len, out_len + len(new), m.start(), m.end()))
            out.append(new)
            out_len += len(new)
            pos = m.end()
        if spans:
            out.append(self.text[pos:])
            self.text = "".join(out)
            self._steps.append(([s[0] for s in spans], spans))
        return self

    def to_source(self, offset: int, end: bool = False) -> int:
        """Map an offset in the clean text to the source text (``end`` for the end of a span)."""
        for starts, spans in reversed(self._steps):
            i = bisect_right(starts, offset) - 1
            if i < 0:
                continue
            o_start, o_end, i_start, i_end = spans[i]
            if offset >= o_end and offset > o_start:
                offset = i_end + (offset - o_end)
            elif offset == o_start:
                offset = i_start
            else:   # inside a replacement: widen to the whole replaced source span
                offset = i_end if end else i_start
        return offset

    def source_span(self, start: int, end: int) -> tuple:
        s, e = self.to_source(start), self.to_source(end, end=True)
        return s, max(s, e)


_COMBINING = re.compile(r"[^\W\d_]?[\u0300-\u036f]+")
_ETH = re.compile("[\u00d0\u00f0\u0189]")
_CONTROL = re.compile(r"[\u200b\u200c\u200d\ufeff\u00ad\x00-\x08\x0b\x0c\x0e-\x1f]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_SPACES = re.compile("[ \t\u00a0\u2002\u2003\u2009\u202f]+")
_CR = re.compile(r"\r\n?")
_HTML_TAG = re.compile(r"</?(?:i|b|u|em|strong|span|sup|sub|br|p|div|font)\b[^>]{0,200}>", re.I)
_MARKDOWN = re.compile(r"\*{1,3}|\\(?=[\s\-\\*_\[\]()])|(?<=\s)_{1,2}|_{1,2}(?=\s)|^\s*#{1,6}\s|^\s*>\s?", re.M)
_PANDOC_RULE = re.compile(r"^[ \t]*-{3,}(?:[ \t]+-{3,})*[ \t]*$", re.M)
_LINE_SPACES = re.compile(r"[ ]+\n|\n[ ]+")
_SOFT_BREAK = re.compile(r"(?<=[^\n.:;!?])\n(?=[" + _LOWER_START + r"(])")
_NUMBER_BREAK = re.compile(r"(?:(?<=số)|(?<=Số)|(?<=ngày)|(?<=tháng)|(?<=năm))\n(?=\d)")
_BLANK_LINES = re.compile(r"\n{3,}")


def _nfc(m: re.Match) -> str:
    return unicodedata.normalize("NFC", m.group(0))


def _eth(m: re.Match) -> str:
    return "đ" if m.group(0) == "\u00f0" else "Đ"


def normalize(source: str) -> Text:
    """Source text -> ``Text`` with NFC letters, one kind of dash and space, no web chrome, page headers or
    markup remnants, and PDF line breaks inside phrases joined."""
    t = Text(source)
    t.sub(_CR, "\n").sub(_CONTROL, "")
    if not unicodedata.is_normalized("NFC", t.text):
        t.sub(_COMBINING, _nfc)
    t.sub(_ETH, _eth)
    t.sub(_HTML_TAG, "").sub(_PANDOC_RULE, "").sub(_MARKDOWN, "")
    t.sub(_DASHES, "-").sub(_SPACES, " ")
    t.sub(vocab.web_chrome(), "")
    t.sub(_LINE_SPACES, "\n")
    t.sub(_SOFT_BREAK, " ").sub(_NUMBER_BREAK, " ")
    t.sub(_BLANK_LINES, "\n\n")
    return t


def clean(source: str) -> str:
    """Just the clean text."""
    return normalize(source).text
