"""The built graph in other tools' formats, on request (``graphbuild export``): GraphML and GEXF (Gephi, yEd),
node-link JSON (networkx, d3) and Parquet tables (pandas, polars, DuckDB), all streamed from a ``GraphSource``; and
``to_networkx`` for algorithms in memory."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Union

from .gexf import write_gexf
from .graphml import write_graphml
from .items import to_networkx
from .nodelink import write_node_link
from .parquet import write_parquet

if TYPE_CHECKING:
    from ..graph.model import GraphSource

# ``graphbuild export FORMAT``: format name -> writer(graph, path)
EXPORTS: dict[str, Callable[..., Any]] = {"graphml": write_graphml, "gexf": write_gexf, "json": write_node_link, "parquet": write_parquet}



def export_graph(graph: GraphSource, fmt: str, path: Union[str, Path]) -> Any:
    """Write ``graph`` (a ``Graph``, or ``GraphFiles`` to stream a built one) as ``fmt`` (one of ``EXPORTS``) to
    ``path``; what the writer returns (parquet: rows per table)."""
    if fmt not in EXPORTS:
        raise ValueError(f"no export format '{fmt}' (the formats: {', '.join(EXPORTS)})")
    return EXPORTS[fmt](graph, path)


__all__ = ["EXPORTS", "export_graph", "to_networkx", "write_gexf", "write_graphml", "write_node_link", "write_parquet"]
