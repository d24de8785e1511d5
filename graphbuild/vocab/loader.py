"""The one reader of the vocabulary tables (``graphbuild/vocab/*.tsv``).

A table declares its columns (name, type, allowed values, whether the cell is a regular expression that must
compile); every row is checked as it is read, and a bad row raises ``VocabError`` naming the file, the line and the
reason. Rows come back as the table's frozen record type, read once per process.

File format: UTF-8, one row per line, cells separated by a tab; blank lines and lines starting with '#' are
comments. A row that repeats the column names is a header and is skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Generic, Literal, Optional, TypeVar

VOCAB_DIR = Path(__file__).parent

ColumnType = Literal["text", "int", "float", "yes/no", "date", "regex"]
Record = TypeVar("Record")


class VocabError(ValueError):
    """A vocabulary table that cannot be used: ``file:line: reason``."""

    def __init__(self, file: str, line: int, reason: str):
        super().__init__(f"{file}:{line}: {reason}")
        self.file, self.line, self.reason = file, line, reason


@dataclass(frozen=True)
class Column:
    name: str
    type: ColumnType = "text"
    allowed: tuple[str, ...] = ()     # the only values the cell may hold (each value, for a list)
    optional: bool = False            # an empty cell reads as None (a missing last cell too)
    many: bool = False                # '|'-separated values, read as a tuple


@dataclass(frozen=True)
class Table(Generic[Record]):
    file: str
    columns: tuple[Column, ...]
    record: Callable[..., Record]     # a frozen dataclass whose fields are the columns, in order
    key: tuple[str, ...] = ()         # columns whose values together no two rows may share


def _value(column: Column, cell: str) -> Any:
    """One cell as its column's type; ValueError with the reason when it is not one."""
    if column.allowed and cell not in column.allowed:
        raise ValueError(f"{column.name} {cell!r} is not one of {', '.join(column.allowed)}")
    if column.type == "int":
        return int(cell)
    if column.type == "float":
        return float(cell)
    if column.type == "yes/no":
        if cell not in ("yes", "no"):
            raise ValueError(f"{column.name} must be 'yes' or 'no', not {cell!r}")
        return cell == "yes"
    if column.type == "date":
        date.fromisoformat(cell)
        return cell
    if column.type == "regex":
        try:
            re.compile(cell)
        except re.error as e:
            raise ValueError(f"{column.name} {cell!r} is not a regular expression ({e})") from None
    return cell


def _cells(table: Table, line: str) -> Optional[list]:
    cells = line.split("\t")
    width = len(table.columns)
    if len(cells) == width - 1 and table.columns[-1].optional:
        cells.append("")
    if len(cells) != width:
        raise ValueError(f"{width} cells expected ({', '.join(c.name for c in table.columns)}), {len(cells)} found")
    if cells == [c.name for c in table.columns]:
        return None
    return cells


def _record(table: Table[Record], cells: list) -> Record:
    values = []
    for column, cell in zip(table.columns, cells, strict=True):
        if cell != cell.strip():
            raise ValueError(f"{column.name} {cell!r} starts or ends with a blank")
        if not cell:
            if not column.optional:
                raise ValueError(f"{column.name} is empty")
            values.append(() if column.many else None)
        elif column.many:
            values.append(tuple(_value(column, part) for part in cell.split("|")))
        else:
            values.append(_value(column, cell))
    return table.record(*values)


@lru_cache(maxsize=None)
def read(table: Table[Record]) -> tuple[Record, ...]:
    """Every row of ``table`` as a record, checked; VocabError on the first bad row."""
    if [f.name for f in fields(table.record)] != [c.name for c in table.columns]:   # type: ignore[arg-type]
        raise TypeError(f"{table.file}: the fields of {table.record} are not its columns")
    rows: list = []
    seen: dict = {}
    with open(VOCAB_DIR / table.file, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                cells = _cells(table, line)
                if cells is None:
                    continue
                record = _record(table, cells)
            except ValueError as e:
                raise VocabError(table.file, number, str(e)) from None
            if table.key:
                key = tuple(getattr(record, name) for name in table.key)
                if key in seen:
                    raise VocabError(table.file, number, f"{', '.join(table.key)} {key} already on line {seen[key]}")
                seen[key] = number
            rows.append(record)
    if not rows:
        raise VocabError(table.file, 0, "no rows")
    return tuple(rows)
