"""node-link JSON (networkx, d3), its edges under "edges": ``networkx.node_link_graph(data)`` reads it back with no
argument from networkx 3.6 on (older versions: ``node_link_graph(data, edges="edges")``); d3 takes
``data.edges`` as its links."""
from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Union

from .items import edges, nodes

if TYPE_CHECKING:
    from ..graph.model import GraphSource


def write_node_link(graph: GraphSource, path: Union[str, Path]) -> None:
    """Streamed item by item, never the whole document in memory."""
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"directed": true, "graph": {}, "multigraph": true, "nodes": [')
        for i, (node_id, attributes) in enumerate(nodes(graph)):
            f.write(("," if i else "") + json.dumps({**attributes, "id": node_id}, ensure_ascii=False, sort_keys=True))
        f.write('], "edges": [')
        for i, (source, target, key, attributes) in enumerate(edges(graph)):
            f.write(("," if i else "") + json.dumps({**attributes, "source": source, "target": target, "key": key},
                                                    ensure_ascii=False, sort_keys=True))
        f.write("]}\n")
