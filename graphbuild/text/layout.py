"""The columns of a text laid out side by side: the two header columns of an official document, and the
recipients beside the signature at its end.

Cleaning (``normalize``) collapses every run of blanks into one space, which loses the gap between two columns
("Số: 1520/QĐ-UBND          Nghệ An, ngày …" typed with spaces or tabs, or given so by ``pdftotext -layout`` and by
the PDF reader). The gap is still in the source text: each space of the clean text is looked up through the offset
map, and where it stands for a run of at least ``COLUMN_GAP`` blanks or a tab, the line is cut into cells. Each cell
keeps its offsets in the clean text (so evidence offsets into the source stay exact) and its column in the source
line (tabs every 8 characters), which tells on which side of the page a cell stands when its row has only one.

A text with no such row (a .docx or web page read cell after cell, ``pdftotext -raw``) has one column: its cells
come one after the other in reading order, and the readers take them so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median
from typing import Optional

from .. import vocab
from .normalize import Text

_BLANK = re.compile("[ \n]")
COLUMN_GAP = 3          # blanks in a row that part two columns (a tab always does)
TAB = 8


@dataclass(frozen=True)
class Cell:
    start: int          # offsets in the clean text
    end: int
    x: int              # column of its first character in the source line
    text: str

    @property
    def centre(self) -> float:
        return self.x + len(self.text) / 2


@dataclass(frozen=True)
class Row:
    start: int
    end: int
    cells: tuple[Cell, ...]


def _x(source: str, pos: int) -> int:
    line_start = source.rfind("\n", 0, pos) + 1
    return len(source[line_start:pos].expandtabs(TAB))


def rows(clean: Text, start: int = 0, end: Optional[int] = None) -> list[Row]:
    """The rows of ``clean.text[start:end]``: its lines (a line that cleaning joined is cut again where the source
    broke it), each cut into cells at its column gaps. Blank lines give no row."""
    text, source = clean.text, clean.source
    end = len(text) if end is None else end
    out: list[Row] = []
    # The source offsets of every blank, of the character after it and of every line start, mapped at once.
    wanted = sorted({start} | {q for m in _BLANK.finditer(text, start, end) for q in (m.start(), m.end())})
    mapped = dict(zip(wanted, clean.to_source_many(wanted)))
    pos = start
    while pos < end:
        eol = text.find("\n", pos, end)
        eol = end if eol < 0 else eol
        out.extend(_line_rows(clean, text, source, pos, eol, mapped))
        pos = eol + 1
    return out


def _line_rows(clean: Text, text: str, source: str, start: int, end: int, mapped: dict[int, int]) -> list[Row]:
    rows_: list[Row] = []

    def to_source(offset: int) -> int:
        found = mapped.get(offset)
        return clean.to_source(offset) if found is None else found

    cells: list[Cell] = []
    cell_start = start

    def close(cut: int) -> None:
        s, e = cell_start, cut
        while s < e and text[s] in " |":
            s += 1
        while e > s and text[e - 1] in " |":
            e -= 1
        if e > s:
            cells.append(Cell(s, e, _x(source, to_source(s)), text[s:e]))

    i = text.find(" ", start, end)
    while i >= 0:
        if text.startswith(" | ", i) or text.startswith(" |", i) and i + 2 == end:
            close(i)                   # a table's cell border ('| a | b |', or a gap ``normalize`` marked so)
            cell_start = i + 2
            i = text.find(" ", i + 2, end)
            continue
        s0, s1 = to_source(i), to_source(i + 1)
        gap = source[s0:s1]
        if "\n" in gap:
            close(i)
            if cells:
                rows_.append(Row(cells[0].start, cells[-1].end, tuple(cells)))
            cells = []
            cell_start = i + 1
        elif ("\t" in gap or len(gap) >= COLUMN_GAP and not gap.strip()) and not _fill_in(text, cell_start, i):
            close(i)
            cell_start = i + 1
        i = text.find(" ", i + 1, end)
    close(end)
    if cells:
        rows_.append(Row(cells[0].start, cells[-1].end, tuple(cells)))
    return rows_


def _fill_in(text: str, start: int, gap: int) -> bool:
    """Whether the blank at ``gap`` is one a draft leaves to be filled in ('Số       /KH-UBND', 'ngày      tháng')."""
    word = text[max(start, text.rfind(" ", start, gap) + 1):gap].lower()
    return word in _FILL_IN_WORDS


_FILL_IN_WORDS = frozenset(vocab.phrases("fill_in_word"))


@dataclass(frozen=True)
class Columns:
    """Where the left and the right column stand (the centres of their cells in the rows that have both)."""
    left: float
    right: float

    def side(self, cell: Cell) -> str:
        return "left" if abs(cell.centre - self.left) <= abs(cell.centre - self.right) else "right"


def columns(rows_: list[Row]) -> Optional[Columns]:
    """The two columns of these rows, or None when no row has two cells (a text read in one column)."""
    both = [r for r in rows_ if len(r.cells) >= 2]
    if not both:
        return None
    return Columns(median(r.cells[0].centre for r in both), median(r.cells[-1].centre for r in both))


def stream(rows_: list[Row], cols: Optional[Columns], side: Optional[str] = None) -> list[Cell]:
    """The cells in reading order: all of them, or only those of one side when the rows have columns."""
    cells = [c for r in rows_ for c in r.cells]
    if cols is None or side is None:
        return cells
    return [c for c in cells if cols.side(c) == side]
