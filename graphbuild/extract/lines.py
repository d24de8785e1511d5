"""Logical lines and sentences of a clean text: where a relation phrase can reach, and the evidence of an edge.

A line break inside a sentence (a PDF or a table wrapping it) does not end a logical line; a break before a
section opener (vocab/section_openers.tsv: 'Căn cứ', 'Điều 2', 'Nơi nhận' …) or a list item always does.
"""
from __future__ import annotations

import re
from typing import Optional

from .. import vocab
from ..vocab.patterns import any_of

# A line that starts a new logical line: a list item, or a section opener.
HARD_NEXT = re.compile(r"(?:\d{1,3}[.)]|[a-zđ]\)|[-+•*])\s|" +
                       any_of(o.opener for o in vocab.section_openers() if o.line))
_ROW_NUMBER = re.compile(r"(\d{1,3})\s")
_HEADING_MARK = re.compile(r"(?:\d{1,2}|[a-zđ]|[IVX]{1,5})[.)]\s")
_SHORT_HEADING = 60
_DIGIT = re.compile(r"\d")


def _is_heading(line: str) -> bool:
    mark = _HEADING_MARK.match(line)
    return mark is not None and len(line) <= _SHORT_HEADING and not _DIGIT.search(line, mark.end())
ARTICLE = re.compile(r"[ \t]*Điều\s+\d+[a-zđ]?\s*[.:]")
# a line that only marks what a quotation leaves out ("…"): a line of its own, not part of a sentence
ELISION = re.compile(r"(?:…|\.{3,}|\[…\]|\(…\))")


class Lines:
    """Logical lines of a clean text: a line break inside a sentence (a PDF or table wrapping it) does not end the
    line. A break is hard after . ; : ! ?, around a blank line, before a list item or a preamble/article opening
    ('Căn cứ', 'Điều 2.'), next to a heading written in capitals, after an article heading, and between two
    numbered rows of a table."""

    def __init__(self, text: str):
        self.text = text
        self._soft: dict[int, bool] = {}

    def soft(self, newline: int) -> bool:
        """Whether the line break at offset ``newline`` continues the logical line."""
        known = self._soft.get(newline)
        if known is None:
            known = self._soft[newline] = self._is_soft(newline)
        return known

    def _is_soft(self, newline: int) -> bool:
        text = self.text
        before = text.rfind("\n", 0, newline) + 1
        after = text.find("\n", newline + 1)
        prev, nxt = text[before:newline].strip(), text[newline + 1:len(text) if after < 0 else after].strip()
        if not prev or not nxt or prev.rstrip("\"”'*)")[-1:] in (".", ";", ":", "!", "?", ""):
            return False
        if HARD_NEXT.match(nxt) or prev == prev.upper() or nxt == nxt.upper() or ELISION.fullmatch(prev) or \
                ELISION.fullmatch(nxt):
            return False
        row = _ROW_NUMBER.match(nxt)
        if row and (above := _ROW_NUMBER.match(prev)) and int(row.group(1)) == int(above.group(1)) + 1:
            return False        # "3 Rà soát …" then "4 Dự thảo …": two numbered rows of a table
        # an article heading, or a short numbered heading ("1. Các văn bản của Trung ương, của tỉnh": no number in
        # its words, unlike an item wrapped before an issuer's name, "2. Nghị định số 25/2017/NĐ-CP … của" / "Chính
        # phủ …"), then a sentence
        return not ((ARTICLE.match(prev) or _is_heading(prev)) and nxt[:1].isupper())

    def start(self, pos: int) -> int:
        newline = self.text.rfind("\n", 0, pos)
        while newline >= 0 and self.soft(newline):
            newline = self.text.rfind("\n", 0, newline)
        return newline + 1

    def end(self, pos: int) -> int:
        newline = self.text.find("\n", pos)
        while newline >= 0 and self.soft(newline):
            newline = self.text.find("\n", newline + 1)
        return len(self.text) if newline < 0 else newline

    def previous(self, start: int) -> Optional[tuple[int, int]]:
        """The non-blank logical line before the one starting at ``start``, as (start, end)."""
        end = start - 1
        while end > 0:
            line_start = self.start(end)
            if self.text[line_start:end].strip():
                return line_start, end
            end = line_start - 1
        return None


def sentence_span(text: str, start: int, end: int, lines: Optional[Lines] = None) -> tuple[int, int]:
    """The sentence around a mention, within its logical line (at most 400 characters on either side)."""
    line_start = lines.start(start) - 1 if lines else text.rfind("\n", 0, start)
    line_end = lines.end(end) if lines else text.find("\n", end)
    lo = max(line_start, text.rfind(". ", 0, start) + 1, text.rfind("; ", 0, start) + 1, 0)
    ends = [i for i in (line_end, text.find(". ", end), text.find("; ", end)) if 0 <= i < len(text)]
    hi = min(ends) + (1 if ends and text[min(ends)] == "." else 0) if ends else len(text)
    lo = max(lo, start - 400)
    hi = min(hi, end + 400)
    while lo < start and text[lo] in " \n;.":
        lo += 1
    return lo, hi
