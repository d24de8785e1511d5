"""Where documents sit (graphbuild.views.layout): bands by level top-down, the root on top, rows by date."""
from graphbuild.views.layout import edge_bend, layered_layout
from graphbuild.views.select import select_view

from .helpers import doc_id, symbols


def test_cascade_of_44_has_its_implementers_levels_top_down(seeds):
    root = doc_id(seeds, "44-KL/TW")
    view = select_view(seeds, "cascade", root)
    assert {"44-KL/TW", "809-CV/TU", "84-KH/TU", "706/UBND-KGVX", "1416-CV/QU", "895/QĐ-TTg"} <= symbols(view)
    assert "43-CT/TW" not in symbols(view)            # what 44 continues is above it, not below
    import networkx as nx
    for node in view:
        if node != root:
            assert nx.has_path(view, node, root)
    positions, bands = layered_layout(view)
    order = [name for name, _, _ in bands]
    assert order[:3] == ["central", "province", "district"]
    rank = {"central": 0, "province": 1, "district": 2, "commune": 3}
    by_level = {}
    for node, attrs in view.nodes(data=True):
        if attrs.get("level") in rank:
            by_level.setdefault(attrs["level"], []).append(positions[node][1])
    levels = sorted(by_level, key=rank.get)
    for upper, lower in zip(levels, levels[1:]):
        assert max(by_level[upper]) < min(by_level[lower]), (upper, lower)
    assert positions[root][1] == min(y for _, y in positions.values())     # the root at the top
    # inside a row, by date
    rows = {}
    for node, (x, y) in positions.items():
        rows.setdefault(y, []).append((x, view.nodes[node].get("date") or "9999"))
    for row in rows.values():
        dates = [date for _, date in sorted(row)]
        assert dates == sorted(dates)


def test_edges_bend_only_when_they_skip_rows_or_stay_in_one():
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0), "d": (3.0, 3.0)}
    assert edge_bend(positions, "c", "a") == 0.0                   # neighbouring rows: straight
    assert edge_bend(positions, "a", "b") == 0.3 and edge_bend(positions, "b", "a") == -0.3
    assert edge_bend(positions, "d", "a") == -0.36                 # three rows up, source on the right
