"""Step 4, graph: resolve the extractions into one node per real document (``resolve``), build the graph of a corpus
into a folder of JSON lines and the embedded store (``build``), and read a built graph back (``files``)."""
from .build import BuildResult, build_graph
from .files import GraphFiles, load_graph
from .resolve import Graph, resolve_citations

__all__ = ["resolve_citations", "build_graph", "load_graph", "Graph", "GraphFiles", "BuildResult"]
