"""Where documents sit (graphbuild.views.layout): bands by level top-down, the root on top, rows ordered to
cross as few edges as they can."""
import networkx as nx

from graphbuild.views.layout import crossings, edge_bend, layered_layout, order_layers
from graphbuild.views.select import select_view

from .helpers import doc_id, symbols


def test_cascade_of_44_has_its_implementers_levels_top_down(seeds):
    root = doc_id(seeds, "44-KL/TW")
    view = select_view(seeds, "cascade", root)
    assert {"44-KL/TW", "809-CV/TU", "84-KH/TU", "706/UBND-KGVX", "1416-CV/QU", "895/QĐ-TTg"} <= symbols(view)
    assert "43-CT/TW" not in symbols(view)            # what 44 continues is above it, not below
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
    # inside a row, under what each document implements: the undated draft plan of Hải Phòng implements 809 (left),
    # 706 implements 84 (right), so date order (706 first) would cross them
    assert crossing_pairs(view, positions) == 0
    x = {symbol: positions[node][0] for node, symbol in ((n, view.nodes[n].get("symbol")) for n in view)}
    draft = next(positions[n][0] for n in view if "draft@" in n)
    assert x["809-CV/TU"] < x["84-KH/TU"] and draft < x["706/UBND-KGVX"]


def crossing_pairs(view, positions) -> int:
    """Pairs of edges, drawn straight, that cross between the same two rows."""
    spans = {}
    for source, target in set(view.edges()):
        (x1, y1), (x2, y2) = positions[source], positions[target]
        if y1 != y2:
            (x1, y1), (x2, y2) = sorted([(x1, y1), (x2, y2)], key=lambda p: p[1])
            spans.setdefault((y1, y2), []).append((x1, x2))
    return sum(1 for edges in spans.values() for i, a in enumerate(edges) for b in edges[i + 1:]
               if (a[0] - b[0]) * (a[1] - b[1]) < 0)


def cascade(provinces: int, districts: int, reverse_dates: bool) -> nx.MultiDiGraph:
    """A generated cascade: a root, provinces implementing it, districts implementing their province; with
    ``reverse_dates`` the districts of the first province are dated last, so that date order crosses every edge."""
    view = nx.MultiDiGraph(root="root", view="cascade")
    view.add_node("root", level="central", symbol="1-KL/TW", date="2022-01-01", kind="document")
    for p in range(provinces):
        province = f"p{p}"
        view.add_node(province, level="province", symbol=f"{p}-KH/TU", date=f"2022-02-{p + 1:02d}",
                      locality=f"Tỉnh {p}", kind="document")
        view.add_edge(province, "root", relation="IMPLEMENTS")
        for d in range(districts):
            day = (provinces - p) * districts + d if reverse_dates else p * districts + d
            district = f"d{p}.{d}"
            view.add_node(district, level="district", symbol=f"{day}-KH/HU", date=f"2023-{1 + day // 28:02d}-"
                          f"{1 + day % 28:02d}", locality=f"Huyện {p}.{d}", kind="document")
            view.add_edge(district, province, relation="IMPLEMENTS")
    return view


def test_crossings_are_reduced_where_date_order_would_cross():
    view = cascade(4, 3, reverse_dates=True)
    layers = [["root"], sorted(n for n in view if n.startswith("p")),
              sorted((n for n in view if n.startswith("d")), key=lambda n: view.nodes[n]["date"])]
    assert crossings(view, layers) > 10                                    # date order: districts reversed
    assert crossings(view, order_layers(view, layers)) == 0
    positions, _ = layered_layout(view, wrap=100)
    assert crossing_pairs(view, positions) == 0
    for p in range(4):                                                     # each province above its districts
        xs = [positions[f"d{p}.{d}"][0] for d in range(3)]
        assert min(xs) - 1 <= positions[f"p{p}"][0] <= max(xs) + 1


def test_edges_bend_only_when_a_document_is_in_the_way_or_they_stay_in_one_row():
    positions = {"a": (0.0, 0.0), "b": (1.0, 0.0), "c": (0.0, 1.0), "d": (3.0, 3.0), "e": (2.0, 2.0)}
    assert edge_bend(positions, "c", "a") == 0.0                   # neighbouring rows: straight
    assert edge_bend(positions, "a", "b") == 0.3 and edge_bend(positions, "b", "a") == -0.3
    assert edge_bend(positions, "d", "a") == -0.36                 # three rows up through e: bent, source on the right
    del positions["e"]
    assert edge_bend(positions, "d", "a") == 0.0                   # the same edge with its way clear: straight
    positions["f"] = (2.15, 2.0)                                   # beside the line, within the clearance
    assert edge_bend(positions, "d", "a") != 0.0
