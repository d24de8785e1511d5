"""Views as pyvis networks (graphbuild.views.notebook): the same nodes and edges as the HTML view."""
from pyvis.network import Network

from graphbuild.views.html import network_payload
from graphbuild.views.notebook import to_pyvis
from graphbuild.views.select import collapse, select_view

from .helpers import assert_no_hostile_markup, doc_id, hostile_graph, synthetic


def test_pyvis_network_has_the_nodes_and_edges_of_the_view(seeds):
    view = select_view(seeds, "cascade", doc_id(seeds, "44-KL/TW"))
    net = to_pyvis(view)
    assert isinstance(net, Network) and net.directed
    data = network_payload(view)
    assert net.nodes[:len(view)] == data["nodes"][:len(view)]          # documents: label, colour, shape, tooltip …
    assert [node["id"] for node in net.nodes] == [node["id"] for node in data["nodes"]]
    assert net.edges == data["edges"]
    assert net.options == data["options"] and net.options["physics"]["enabled"] is False
    page = net.generate_html(notebook=True)
    assert "vis.Network" in page and "44-KL/TW" in page                 # vis-network inlined by pyvis


def test_pyvis_network_of_a_big_view_is_collapsed_like_the_page():
    view = select_view(synthetic(), "cascade", "vn/tw/kl/2022/44")
    net = to_pyvis(view)
    assert {node["id"] for node in net.nodes} == {node["id"] for node in network_payload(collapse(view))["nodes"]}


def test_pyvis_network_keeps_hostile_text_as_text():
    net = to_pyvis(select_view(hostile_graph(), "ego", "vn/tw/kl/2022/44"))
    page = net.generate_html(notebook=True)
    assert "popup.innerHTML" not in page              # pyvis's HTML popup is not switched on by a tooltip
    data = page[page.index("nodes = new vis.DataSet("):page.index("var options")]
    assert_no_hostile_markup(data)
