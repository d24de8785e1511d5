"""graphbuild: a citation knowledge graph of Vietnamese Party and State documents.

The pipeline, one verb per step (the subpackages are the steps; the CLI mirrors the verbs)::

    read_sources -> normalize_text -> extract_citations -> resolve_citations -> build_graph
                 -> EmbeddedStore / Neo4jStore -> search_documents, match_document, run_query
                 -> make_view, write_brief, export_graph, graph_stats
    extract_citations -> annotate_citations (the source text with every mention wrapped, as HTML)

``build_graph`` runs the first steps over a corpus and writes the graph's files and store; ``load_graph`` reads a
built graph back. Verbs load their step on first use, so ``import graphbuild`` stays cheap.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import lazy_names
from .models import Document, Edge, Evidence, Extraction, Reject, Source

_VERBS = {
    "read_sources": "ingest", "normalize_text": "text", "extract_citations": "extract",
    "resolve_citations": "graph", "build_graph": "graph", "load_graph": "graph",
    "EmbeddedStore": "stores", "run_query": "query", "resolve_ref": "query", "search_documents": "query",
    "match_document": "query", "export_graph": "export", "graph_stats": "graph",
    "make_view": "views", "write_brief": "views", "score": "eval", "annotate_citations": "annotate",
}

__all__ = [*_VERBS, "Document", "Edge", "Evidence", "Extraction", "Reject", "Source"]

if TYPE_CHECKING:
    from .annotate import annotate_citations
    from .eval import score
    from .export import export_graph
    from .extract import extract_citations
    from .graph import build_graph, graph_stats, load_graph, resolve_citations
    from .ingest import read_sources
    from .query import match_document, resolve_ref, run_query, search_documents
    from .stores import EmbeddedStore
    from .text import normalize_text
    from .views import make_view, write_brief

__getattr__ = lazy_names(__name__, _VERBS)
