"""Step 4, graph: the resolved records and ``Graph`` (``model``); resolution of the extractions into one node per
real document (``resolve``: its passes, with ``entities`` and ``report``; ``resolve_files``: the passes over tables on
disk, ``worktable``, the graph's files written as they are produced); the graph's JSON lines, written and read back
(``files``); the build of a corpus into those files and the embedded store (``build``); which built graph a command
reads (``locate``); and what a built graph holds, in numbers (``stats``)."""
from .build import BuildResult, build_graph
from .files import GraphFiles, load_graph
from .locate import GraphNotFound, find_graph_dir
from .model import Graph, GraphSource
from .resolve_files import resolve_citations
from .stats import GraphStats, graph_stats

__all__ = ["resolve_citations", "build_graph", "load_graph", "find_graph_dir", "graph_stats", "Graph", "GraphFiles",
           "GraphSource", "GraphStats", "GraphNotFound", "BuildResult"]
