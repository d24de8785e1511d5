"""Step 3, extract: one ``Source`` -> one ``Extraction``: what the text is (its subject), every document it cites
(``mentions``, ``documents``), how (``relations``), and the edges with their evidence (``extractor``).
``identity`` makes the readable document ids that resolution merges on."""
from .extractor import extract_citations

__all__ = ["extract_citations"]
