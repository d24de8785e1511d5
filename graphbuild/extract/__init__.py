"""Step 3, extract: one ``Source`` -> one ``Extraction``: what the text is (its subject), every document it cites
(``mentions``, ``documents``), how (``relations``, within the logical ``lines`` of the text, bounded by what one
document can do to another: ``feasibility``), and the edges with their evidence (``extractor``). ``identity`` makes
the readable document ids that resolution merges on. The words come from the tables of ``graphbuild.vocab``."""
from .extractor import extract_citations

__all__ = ["extract_citations"]
