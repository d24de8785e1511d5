"""Serve: the graph as a local, read-only web app (``graphbuild serve``), a thin layer over the Python API.

    explorer      what the pages ask of the graph: one read-only store, statements serialised and time-bounded
    cypher_guard  the Cypher box reads only
    pages         the pages at their stable URLs (search, document, lineage / implementers / cascade, coverage,
                  briefing, Cypher, images)
    coverage      the coverage page: rows, lag in days, the map
    text          a document's text with its citations marked (annotate)
    tables        every table as CSV or XLSX
    app           the Starlette app: templates (autoescaped), static files, errors as pages, security headers
"""
from __future__ import annotations

from .app import create_app
from .explorer import Explorer

__all__ = ["create_app", "Explorer", "serve"]


def serve(explorer: Explorer, host: str = "127.0.0.1", port: int = 8000, log_level: str = "warning") -> None:
    """Run the app with uvicorn until interrupted; the store is closed on the way out."""
    import uvicorn
    hosts = None if host in ("127.0.0.1", "localhost", "::1") else ["*"]
    try:
        uvicorn.run(create_app(explorer, allowed_hosts=hosts), host=host, port=port, log_level=log_level)
    finally:
        explorer.close()
