"""The built graph in other tools' formats, on request (``graphbuild export``): GraphML (Gephi, yEd) and node-link
JSON (networkx, d3), both streamed from a ``GraphSource``; and ``to_networkx`` for algorithms in memory."""
from .graphml import write_graphml
from .items import to_networkx
from .nodelink import write_node_link

# ``graphbuild export FORMAT``: format name -> writer(graph, path)
EXPORTS = {"graphml": write_graphml, "json": write_node_link}

__all__ = ["EXPORTS", "to_networkx", "write_graphml", "write_node_link"]
