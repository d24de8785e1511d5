"""Any view as a ``pyvis.network.Network``, for notebooks: the same nodes and edges as the HTML view (labels,
colours, shapes, sizes, tooltips, fixed positions, options), in pyvis's notebook mode with vis-network inlined.

    net = to_pyvis(select_view(graph, "lineage", "1416-CV/QU"))
    page = net.generate_html(notebook=True)        # show it in an <iframe srcdoc=…>, or net.show("lineage.html")

The record panel, the level bands' shading and the search box belong to the graphbuild page (``html.write_html``);
pyvis's own template draws the rest. Note that pyvis's template links Bootstrap from a CDN for its menus (unused
here): the network itself draws offline.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import networkx as nx

from .html import network_payload
from .select import DEFAULT_BUDGET, collapse

if TYPE_CHECKING:
    from pyvis.network import Network


def _plain_tooltip(tooltip: str) -> str:
    # pyvis switches to a popup that sets innerHTML when a node's title contains "href"; a zero-width space keeps a
    # document's text shown as text
    return tooltip.replace("href", "hre\u200bf")


def to_pyvis(view: nx.MultiDiGraph, root: Optional[str] = None, budget: Optional[int] = DEFAULT_BUDGET,
             height: str = "720px", notebook: bool = True) -> "Network":
    """The view (collapsed past ``budget`` nodes, as the HTML view is) as a directed pyvis Network."""
    from pyvis.network import Network
    payload = network_payload(collapse(view, budget), root)
    net = Network(height=height, width="100%", directed=True, notebook=notebook, cdn_resources="in_line")
    for vis_node in payload["nodes"]:
        options = dict(vis_node)
        if "title" in options:
            options["title"] = _plain_tooltip(options["title"])
        net.add_node(options.pop("id"), label=options.pop("label"), shape=options.pop("shape"), **options)
    for vis_edge in payload["edges"]:
        options = dict(vis_edge)
        net.add_edge(options.pop("from"), options.pop("to"), **options)
    # a dict, not set_options(): that one strips every space from the JSON, font names included
    net.options = payload["options"]
    return net
