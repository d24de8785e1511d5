"""One helper for every command that prints rows: ``table``, ``json`` or ``csv`` text, or an Excel workbook.

A table never shortens an id, a symbol or any value that can be pasted back into a command: only the prose columns
(titles, evidence, reasons) are clipped to a width, with "…".
"""
from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from pathlib import Path
from typing import Any, Sequence

# Columns of running text, clipped in a table (everything else is shown whole).
PROSE_COLUMNS = frozenset({"title", "reason", "evidence", "evidence_text", "text", "full_name", "issuer"})
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")      # characters a workbook cannot hold


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(x) for x in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _width(text: str) -> int:
    """Columns on a terminal: wide characters take two, combining marks none."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in text)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_rows(rows: list[dict[str, Any]], fmt: str = "table", max_width: int = 48) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    cols = list(dict.fromkeys(k for r in rows for k in r))
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in cols})
        return buf.getvalue().rstrip("\n")
    if not rows:
        return "(no rows)"
    cells = [[_clip(_cell(r.get(k)), max_width) if k in PROSE_COLUMNS else " ".join(_cell(r.get(k)).split())
              for k in cols] for r in rows]
    widths = [max(_width(c) for c in [k] + [row[i] for row in cells]) for i, k in enumerate(cols)]

    def line(vals: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()
    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return _NOT_XML.sub("", _cell(value)) if value is not None else None


def write_xlsx(rows: list[dict[str, Any]], path: Path, sheet: str = "rows") -> None:
    """One sheet: a header row, then the rows (numbers as numbers, lists joined with ", ")."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    cols = list(dict.fromkeys(k for r in rows for k in r))
    book = Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(cols)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append([_xlsx_value(row.get(k)) for k in cols])
    ws.freeze_panes = "A2"
    book.save(path)
