"""Step 6, query: the named Cypher files of ``queries/`` run on either store (``runner``), what a user types
resolved to document ids, and rows printed as a table, JSON or CSV (``output``)."""
from .runner import AmbiguousRef, QueryError, list_queries, load_query, resolve_ref, run_query

__all__ = ["run_query", "resolve_ref", "list_queries", "load_query", "QueryError", "AmbiguousRef"]
