"""Step 1, ingest: files and catalogue records -> ``Source`` (or ``Reject`` with the reason).

``read``: text, Markdown, HTML, DOCX, PDF text layers and catalogue files (JSON lines, CSV), decoded from UTF-8/16,
Windows-1258 or the legacy TCVN3 and VNI fonts (``legacy``).
"""
from .read import iter_paths, read_sources

__all__ = ["read_sources", "iter_paths"]
