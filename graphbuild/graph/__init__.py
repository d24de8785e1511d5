"""Step 4, graph: the resolved records and ``Graph`` (``model``); resolution of the extractions into one node per
real document (``resolve``, with ``entities`` and ``report``); the graph's JSON lines, written and read back
(``files``); and the build of a corpus into those files and the embedded store (``build``)."""
from .build import BuildResult, build_graph
from .files import GraphFiles, load_graph
from .model import Graph, GraphSource
from .resolve import resolve_citations

__all__ = ["resolve_citations", "build_graph", "load_graph", "Graph", "GraphFiles", "GraphSource", "BuildResult"]
