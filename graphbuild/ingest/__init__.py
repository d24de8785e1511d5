"""Step 1, ingest: files and catalogue records -> ``Source`` (or ``Reject`` with the reason).

``read``: text, Markdown, HTML, DOCX (in reading order, tables where they stand), PDF text layers (``pdf``: through
pypdfium2, laid out by glyph position; a garbled layer is rejected with the reason) and catalogue files (JSON lines,
CSV; columns named in English or Vietnamese, vocab/catalogue_columns.tsv), decoded from UTF-8/16, Windows-1258 or
the legacy TCVN3 and VNI fonts (``legacy``).
"""
from .read import iter_paths, read_sources

__all__ = ["read_sources", "iter_paths"]
