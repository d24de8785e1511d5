"""Step 6, query: the named Cypher files of ``queries/`` run on either store (``runner``), their parameters checked
against the types the files declare (``params``); documents found by what a user knows of them, ranked
(``search.search_documents``) or exactly one (``search.match_document``, behind every ``--doc``), in a store or a
graph in memory (``refs``); store values made plain rows (``plain``) and printed as a table, JSON, CSV or a
workbook (``output``); ``errors``: what they raise."""
from .errors import AmbiguousRef, NoMatch, ParameterError, QueryError
from .refs import find_in_graph, resolve_ref
from .runner import list_queries, load_query, run_query
from .search import SearchHit, match_document, search_documents

__all__ = ["run_query", "search_documents", "match_document", "SearchHit", "resolve_ref", "find_in_graph",
           "list_queries", "load_query", "QueryError", "ParameterError", "NoMatch", "AmbiguousRef"]
