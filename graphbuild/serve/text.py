"""A document's own text on its page: the input it was read from, read again (``ingest.read_sources``), its
citations found again (``extract_citations``: the same extraction the build made) and marked up by
``annotate.annotate_citations``, each mention linked to the document page of what it names when the graph holds it.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from markupsafe import Markup

from ..annotate import annotate_citations
from ..extract.extractor import extract_citations
from ..ingest.read import read_sources
from ..models import Extraction, MentionSpan, Reject


@lru_cache(maxsize=64)
def _extraction(path: str, record: Optional[str], mtime: float) -> Optional[tuple[str, Extraction]]:
    """(source text, extraction) of the input at ``path`` (one record of a catalogue); ``mtime`` keys the cache."""
    for item in read_sources([path]):
        if isinstance(item, Reject):
            continue
        if record is None or item.file.endswith(f"#{record}"):
            return item.text, extract_citations(item)
    return None


def annotated_text(path: Path, file: str, link: Callable[[set[str]], Callable[[MentionSpan], Optional[str]]]
                   ) -> Optional[tuple[Markup, int]]:
    """The text of ``file`` (a document's ``file``: a path, or PATH#ID for a catalogue record) read from ``path``,
    escaped, every mention wrapped; ``link(ids)`` gives the link of a mention knowing the ids the mentions name.
    Returns (HTML, number of mentions), or None when the input holds no such text (a record without text)."""
    record = file.split("#", 1)[1] if "#" in file else None
    found = _extraction(str(path), record, path.stat().st_mtime)
    if found is None or not found[0].strip():
        return None
    text, extraction = found
    ids = {m.document for m in extraction.mentions if m.document}
    return annotate_citations(text, extraction, href=link(ids)), len(extraction.mentions)
