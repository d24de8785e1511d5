"""Every table of a page as a file: CSV (UTF-8 with a byte order mark, so Excel reads the accents) or an XLSX
workbook, written by the same helpers as ``graphbuild query --format csv|xlsx`` (``query.output``).

A cell that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return: a title or a Cypher answer can hold anything) is written with a leading apostrophe, as OWASP advises for
CSV injection; numbers stay numbers.
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any, Optional

from starlette.responses import Response

from ..query.output import format_rows, write_xlsx

TABLE_FORMATS = ("csv", "xlsx")
_FORMULA = re.compile(r"^[=+\-@\t\r]")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DownloadError(ValueError):
    """A download that names no format or table of the page."""


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with text a spreadsheet would evaluate as a formula made plain text ("'=1+1")."""
    if isinstance(value, str):
        return "'" + value if _FORMULA.match(value) else value
    if isinstance(value, list):
        return [spreadsheet_safe(v) for v in value]
    return value


def file_stem(path: str, table: str) -> str:
    """A file name from the page's path and the table's name: /coverage/vn/tw/kl/2022/44 -> coverage-vn-tw-…"""
    stem = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "graphbuild"
    return f"{stem}-{table}"[:150]


def download(tables: dict[str, list[dict[str, Any]]], fmt: str, table: Optional[str], path: str) -> Response:
    """One table of a page as a CSV or XLSX response (the first table when ``table`` is None)."""
    if fmt not in TABLE_FORMATS:
        raise DownloadError(f"format must be one of {', '.join(TABLE_FORMATS)}, not '{fmt}'")
    if not tables:
        raise DownloadError("this page has no table to download")
    name = table or next(iter(tables))
    if name not in tables:
        raise DownloadError(f"this page has no table '{name}' (its tables: {', '.join(tables)})")
    rows = [{k: spreadsheet_safe(v) for k, v in row.items()} for row in tables[name]]
    filename = file_stem(path, name) + "." + fmt
    disposition = {"Content-Disposition": f'attachment; filename="{filename}"'}
    if fmt == "csv":
        return Response("\ufeff" + format_rows(rows, "csv") + "\n", media_type="text/csv; charset=utf-8",
                        headers=disposition)
    with tempfile.TemporaryDirectory(prefix="graphbuild-xlsx-") as scratch:
        out = Path(scratch) / filename
        write_xlsx(rows, out)
        return Response(out.read_bytes(), media_type=XLSX_TYPE, headers=disposition)
