"""What a node and an edge carry in every export, read one record at a time from a ``GraphSource``; and the graph
as a networkx ``MultiDiGraph`` (for algorithms, not as a query engine)."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx

if TYPE_CHECKING:
    from ..graph.model import GraphSource

Attributes = dict[str, Any]


def nodes(graph: GraphSource, entities: bool = True) -> Iterator[tuple[str, Attributes]]:
    """(id, attributes) of every node, documents first (labelled ``Document``), then the entities."""
    for doc in graph.iter_documents():
        yield doc["id"], {"label": "Document", **{k: v for k, v in doc.items() if k != "id"}}
    if entities:
        for entity in graph.iter_entities():
            yield entity["id"], {k: v for k, v in entity.items() if k != "id"}


def edges(graph: GraphSource, entities: bool = True) -> Iterator[tuple[str, str, str, Attributes]]:
    """(source, target, key, attributes) of every edge, the key being its relation: citations, then the links to
    organisations, localities, signers and recipients."""
    for edge in graph.iter_edges():
        yield edge["source"], edge["target"], edge["relation"], \
            {k: v for k, v in edge.items() if k not in ("source", "target")}
    if entities:
        for link in graph.iter_links():
            yield link["source"], link["target"], link["relation"], \
                {k: v for k, v in link.items() if k not in ("source", "target")}


def to_networkx(graph: GraphSource, entities: bool = True) -> nx.MultiDiGraph:
    """The graph in memory as networkx, for algorithms; document edges keep relation, lag and evidence."""
    multigraph = nx.MultiDiGraph()
    multigraph.add_nodes_from(nodes(graph, entities))
    multigraph.add_edges_from(edges(graph, entities))
    return multigraph
