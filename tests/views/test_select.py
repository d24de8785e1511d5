"""Choosing a view's documents (graphbuild.views.select): walks, filters, the document reference, collapsing."""
import networkx as nx
import pytest

import graphbuild.views.select as views_select
from graphbuild.query.runner import QueryError, find_in_graph
from graphbuild.views.select import LINEAGE_RELATIONS, collapse, select_view

from .helpers import doc_id, symbols, synthetic


def test_lineage_follows_implements_continues_based_on_up_to_the_roots(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    view = select_view(seeds, "lineage", start)
    assert {"1416-CV/QU", "44-KL/TW", "43-CT/TW"} <= symbols(view)
    # closure: every lineage relation leaving a document of the view ends in the view
    for edge in seeds.edges:
        if edge["source"] in view and edge["relation"] in LINEAGE_RELATIONS:
            assert edge["target"] in view, edge
    # and nothing else: every document is reachable from the start along lineage relations
    for node in view:
        assert nx.has_path(view, start, node)
    assert all(attrs.get("relation") in LINEAGE_RELATIONS for _, _, attrs in view.edges(data=True))
    # 809-CV/TU is in the lineage exactly when the extraction says 1416 implements (or rests on) it
    edge = next((edge for edge in seeds.edges
                 if edge["source"] == start and edge["target"] == doc_id(seeds, "809-CV/TU")), None)
    assert ("809-CV/TU" in symbols(view)) == (edge is not None and edge["relation"] in LINEAGE_RELATIONS)
    assert view.graph["view"] == "lineage" and view.graph["root"] == start


def test_lineage_depth_and_relations(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    assert set(select_view(seeds, "lineage", start, depth=0)) == {start}
    cites = select_view(seeds, "lineage", start, relations="CITES")
    assert symbols(cites) <= {"1416-CV/QU", "809-CV/TU"}
    with pytest.raises(ValueError):
        select_view(seeds, "lineage", start, relations="IMPLEMENTZ")


def test_locality_and_ego_views(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    view = select_view(seeds, "locality", start)                         # Kiến An, Hải Phòng by default
    assert "1416-CV/QU" in symbols(view) and "44-KL/TW" in symbols(view)
    by_name = select_view(seeds, "locality", start, locality="Hai Phong")  # without accents
    assert {"809-CV/TU", "1416-CV/QU"} <= symbols(by_name)
    with pytest.raises(ValueError):
        select_view(seeds, "locality", doc_id(seeds, "44-KL/TW"))   # a central document has no locality
    ego = select_view(seeds, "ego", doc_id(seeds, "44-KL/TW"))
    one = select_view(seeds, "ego", doc_id(seeds, "44-KL/TW"), depth=1)
    assert set(one) < set(ego)
    assert "43-CT/TW" in symbols(one) and "1416-CV/QU" in symbols(one)


def test_filters_keep_the_root(seeds):
    root = doc_id(seeds, "43-CT/TW")
    view = select_view(seeds, "cascade", root, since="2023-01-01")
    assert root in view
    assert all((attrs.get("date") or "9999") >= "2023-01-01" for node, attrs in view.nodes(data=True) if node != root)
    view = select_view(seeds, "cascade", root, until="2022")
    assert symbols(view) <= {"43-CT/TW", "44-KL/TW", "88-KH/TU", None} | {
        attrs.get("symbol") for _, attrs in view.nodes(data=True) if not attrs.get("date")}
    view = select_view(seeds, "cascade", root, locality="Hải Phòng")
    for node, attrs in view.nodes(data=True):
        assert node == root or attrs.get("level") == "central" or "Hải Phòng" in (attrs.get("locality") or "")


def test_a_view_takes_what_a_user_types_through_the_query_package(seeds):
    # views have no resolver of their own: select_view() resolves with query.runner.find_in_graph
    assert not hasattr(views_select, "find_doc")
    root = find_in_graph(seeds, "44-KL/TW")
    assert select_view(seeds, "cascade", "Kết luận 44").graph["root"] == root
    assert select_view(seeds, "cascade", "44- KL/TW").graph["root"] == root
    with pytest.raises(QueryError):
        select_view(seeds, "cascade", "9999-KL/TW")


def test_views_follow_the_implements_family_of_the_models():
    from graphbuild.models import IMPLEMENTS_FAMILY
    from graphbuild.vocab.gazetteer import LEVEL_RANK
    assert views_select.VIEW_RELATIONS["cascade"] == IMPLEMENTS_FAMILY
    assert views_select.LINEAGE_RELATIONS[:2] == IMPLEMENTS_FAMILY
    assert [LEVEL_RANK[level] for level in views_select.LEVELS] == sorted(LEVEL_RANK.values())


def test_node_budget_collapses_big_graphs():
    view = select_view(synthetic(), "cascade", "vn/tw/kl/2022/44")
    assert view.number_of_nodes() > 3000
    collapsed = collapse(view, 1500)
    assert collapsed.number_of_nodes() <= 1500
    what = collapsed.graph["collapsed"]
    assert what["original_nodes"] == view.number_of_nodes() and what["by"] in ("locality", "province", "level")
    groups = [attrs for _, attrs in collapsed.nodes(data=True) if attrs.get("kind") == "group"]
    singles = [node for node, attrs in collapsed.nodes(data=True) if attrs.get("kind") != "group"]
    assert sum(attrs["count"] for attrs in groups) + len(singles) == view.number_of_nodes()
    assert "vn/tw/kl/2022/44" in collapsed
    assert sum(attrs.get("count", 1) for _, _, attrs in collapsed.edges(data=True)) + \
        sum(attrs.get("internal_edges", 0) for attrs in groups) == view.number_of_edges()
    assert collapse(view, 5000) is view                 # under the budget: untouched
    assert what["by"] == "province"                     # every district document has its own district here
    shared = select_view(synthetic(districts=10), "cascade", "vn/tw/kl/2022/44")
    by_district = collapse(shared, 1500)                # ten districts a province: grouped by district
    assert by_district.graph["collapsed"]["by"] == "locality"
    assert by_district.number_of_nodes() == 1 + 63 + 63 * 10


def test_the_locality_view_keys_on_the_unit_not_its_label():
    """Two wards named Phường 1 in Hồ Chí Minh (Quận 6, Gò Vấp) share the label "Phường 1, Hồ Chí Minh"."""
    from graphbuild.graph.model import Graph
    docs = {i: {"id": i, "symbol": s, "locality": "Phường 1, Hồ Chí Minh", "locality_id": u, "level": "commune",
                "date": "2023-01-01", "stub": False, "kind": "document"}
            for i, s, u in (("q6", "1-KH/ĐU", "L:W:27373"), ("gv", "2-KH/ĐU", "L:W:26890"))}
    graph = Graph(documents=docs)
    assert set(select_view(graph, "locality", "q6").nodes) == {"q6"}
    assert set(select_view(graph, "locality", "q6", locality="Quận 6").nodes) == {"q6"}
    assert set(select_view(graph, "locality", "q6", locality="Hồ Chí Minh").nodes) == {"q6", "gv"}
    with pytest.raises(ValueError, match="names 33 units"):
        select_view(graph, "locality", "q6", locality="Phường 1")
