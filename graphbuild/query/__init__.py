"""Step 6, query: the named Cypher files of ``queries/`` run on either store (``runner``); what a user types for a
document resolved to its id, in a store or in a graph in memory (``refs``); store values made plain rows
(``plain``) and printed as a table, JSON or CSV (``output``); ``errors``: what they raise."""
from .errors import AmbiguousRef, QueryError
from .refs import find_in_graph, resolve_ref
from .runner import list_queries, load_query, run_query

__all__ = ["run_query", "resolve_ref", "find_in_graph", "list_queries", "load_query", "QueryError", "AmbiguousRef"]
