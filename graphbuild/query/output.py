"""One helper for every command that prints rows: ``table``, ``json`` or ``csv``."""
from __future__ import annotations

import csv
import io
import json
import unicodedata
from typing import Any, Sequence


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
    cells = [[_clip(_cell(r.get(k)), max_width) for k in cols] for r in rows]
    widths = [max(_width(c) for c in [k] + [row[i] for row in cells]) for i, k in enumerate(cols)]
    def line(vals: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(vals, widths)).rstrip()
    out = [line(cols), line(["-" * w for w in widths])] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
