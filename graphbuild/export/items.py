"""What a node and an edge carry in every export, read one record at a time from a ``GraphSource``; and the graph
as a networkx ``MultiDiGraph`` (for algorithms, not as a query engine).

A node's ``label`` is what a viewer shows (a document's symbol, else its title; an entity's name), its
``node_type`` the node label of the stores (Document, Organization, Locality, Person). An edge's key is unique in
the graph: ``RELATION:source->target`` (one citation per pair of documents, one link per relation and pair).
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx

if TYPE_CHECKING:
    from ..graph.model import GraphSource

Attributes = dict[str, Any]


def _shown(record: Any, *names: str) -> str:
    for name in names:
        value = record.get(name)
        if value:
            text = " ".join(str(value).split())
            return text if len(text) <= 80 else text[:79] + "…"
    return str(record["id"])


def nodes(graph: GraphSource, entities: bool = True) -> Iterator[tuple[str, Attributes]]:
    """(id, attributes) of every node, documents first, then the entities."""
    for doc in graph.iter_documents():
        yield doc["id"], {"label": _shown(doc, "symbol", "title"), "node_type": "Document",
                          **{k: v for k, v in doc.items() if k != "id"}}
    if entities:
        for entity in graph.iter_entities():
            yield entity["id"], {"node_type": entity["label"], **{k: v for k, v in entity.items() if k != "id"},
                                 "label": _shown(entity, "name", "full_name")}


def edge_key(relation: str, source: str, target: str) -> str:
    return f"{relation}:{source}->{target}"


def edges(graph: GraphSource, entities: bool = True) -> Iterator[tuple[str, str, str, Attributes]]:
    """(source, target, key, attributes) of every edge: citations, then the links to organisations, localities,
    signers and recipients."""
    for edge in graph.iter_edges():
        yield edge["source"], edge["target"], edge_key(edge["relation"], edge["source"], edge["target"]), \
            {k: v for k, v in edge.items() if k not in ("source", "target")}
    if entities:
        for link in graph.iter_links():
            yield link["source"], link["target"], edge_key(link["relation"], link["source"], link["target"]), \
                {k: v for k, v in link.items() if k not in ("source", "target")}


def to_networkx(graph: GraphSource, entities: bool = True) -> nx.MultiDiGraph:
    """The graph in memory as networkx, for algorithms; document edges keep relation, lag and evidence."""
    multigraph = nx.MultiDiGraph()
    multigraph.add_nodes_from(nodes(graph, entities))
    multigraph.add_edges_from(edges(graph, entities))
    return multigraph
