"""Step 4, graph: the resolved records and ``Graph`` (``model``); resolution of the extractions into one node per
real document (``resolve``: its passes, with ``entities`` and ``report``; ``resolve_files``: the passes over tables on
disk, ``worktable``, the graph's files written as they are produced); the graph's JSON lines, written and read back
(``files``); the build of a corpus into those files and the embedded store (``build``); which built graph a command
reads (``locate``); and what a built graph holds, in numbers (``stats``)."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

# Loaded on first use: a command that only finds a built graph (graph.locate) does not import the build.
_NAMES = {"BuildResult": "build", "build_graph": "build", "GraphFiles": "files", "load_graph": "files",
          "GraphNotFound": "locate", "find_graph_dir": "locate", "Graph": "model", "GraphSource": "model",
          "resolve_citations": "resolve_files", "GraphStats": "stats", "graph_stats": "stats"}
__getattr__ = lazy_names(__name__, _NAMES)

if TYPE_CHECKING:
    from .build import BuildResult, build_graph
    from .files import GraphFiles, load_graph
    from .locate import GraphNotFound, find_graph_dir
    from .model import Graph, GraphSource
    from .resolve_files import resolve_citations
    from .stats import GraphStats, graph_stats

__all__ = ["resolve_citations", "build_graph", "load_graph", "find_graph_dir", "graph_stats", "Graph", "GraphFiles",
           "GraphSource", "GraphStats", "GraphNotFound", "BuildResult"]
