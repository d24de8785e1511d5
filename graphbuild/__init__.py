"""graphbuild: a citation knowledge graph of Vietnamese Party and State documents.

The pipeline, one verb per step (the CLI mirrors it command for command)::

    read -> normalize -> extract -> resolve -> build -> load / query -> view
"""
from .extract import extract
from .models import Document, Edge, Evidence, Extraction, Reject, Source
from .normalize import normalize
from .read import read

__all__ = ["read", "normalize", "extract", "Document", "Edge", "Evidence", "Extraction", "Reject", "Source"]
