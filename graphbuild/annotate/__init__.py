"""Annotate: the source text of a document with every mention the extraction found wrapped in a link or a span, in
the manner of eyecite's ``annotate_citations``: ``annotate_citations(text, extraction)`` returns the HTML fragment
(escaped text, one element per mention: class by kind, relation and mode, title with the resolved id),
``annotated_page`` a whole page that opens offline, ``write_annotated`` writes it. The offsets come from the
extraction (``Extraction.mentions``), mapped back to the source through the offset map of the clean text, so the
markup goes around exactly what is written, whatever normalisation did."""
from .html import annotate_citations, annotated_page, annotation_css, write_annotated

__all__ = ["annotate_citations", "annotated_page", "annotation_css", "write_annotated"]
