"""Graph views (graphbuild.viz) and the briefing page (graphbuild.brief)."""
import json
import os
import re
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.views import brief, viz
from graphbuild.graph.resolve import Graph

ROOT = Path(__file__).resolve().parent.parent
REMOTE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)


@pytest.fixture(scope="session")
def seeds(tmp_path_factory):
    """The seeds built once (with the 'last build' pointer kept out of the user's home)."""
    from graphbuild.graph.build import build_graph as build
    state = tmp_path_factory.mktemp("state")
    old = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(state)
    try:
        return build([str(ROOT / "data" / "seeds")], tmp_path_factory.mktemp("seedgraph")).graph
    finally:
        if old is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = old


def symbols(G):
    return {a.get("symbol") for _, a in G.nodes(data=True)}


def doc_id(g, symbol):
    return viz.find_doc(g, symbol)


def payload(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="gb-data">(.*?)</script>', html, re.S)
    assert m, "the page carries its data"
    return json.loads(m.group(1))


def assert_offline(html: str):
    assert not REMOTE.search(html), REMOTE.search(html).group(0)
    assert "<link" not in html.lower()
    assert not re.search(r"<script[^>]*\bsrc=", html, re.I)
    assert not re.search(r"<(img|iframe)[^>]*\bsrc=[\"']?(https?:)?//", html, re.I)


# --- selection -----------------------------------------------------------------------------------------------------

def test_lineage_follows_implements_continues_based_on_up_to_the_roots(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    G = viz.select(seeds, "lineage", start)
    assert {"1416-CV/QU", "44-KL/TW", "43-CT/TW"} <= symbols(G)
    # closure: every lineage relation leaving a document of the view ends in the view
    for e in seeds.edges:
        if e["source"] in G and e["relation"] in viz.LINEAGE_RELATIONS:
            assert e["target"] in G, e
    # and nothing else: every document is reachable from the start along lineage relations
    for n in G:
        assert nx.has_path(G, start, n)
    assert all(a.get("relation") in viz.LINEAGE_RELATIONS for _, _, a in G.edges(data=True))
    # 809-CV/TU is in the lineage exactly when the extraction says 1416 implements (or rests on) it
    e = next((e for e in seeds.edges if e["source"] == start and e["target"] == doc_id(seeds, "809-CV/TU")), None)
    assert ("809-CV/TU" in symbols(G)) == (e is not None and e["relation"] in viz.LINEAGE_RELATIONS)
    assert G.graph["view"] == "lineage" and G.graph["root"] == start


def test_lineage_depth_and_relations(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    assert set(viz.select(seeds, "lineage", start, depth=0)) == {start}
    cites = viz.select(seeds, "lineage", start, relations="CITES")
    assert symbols(cites) <= {"1416-CV/QU", "809-CV/TU"}
    with pytest.raises(ValueError):
        viz.select(seeds, "lineage", start, relations="IMPLEMENTZ")


def test_cascade_of_44_has_its_implementers_levels_top_down(seeds):
    root = doc_id(seeds, "44-KL/TW")
    G = viz.select(seeds, "cascade", root)
    assert {"44-KL/TW", "809-CV/TU", "84-KH/TU", "706/UBND-KGVX", "1416-CV/QU", "895/QĐ-TTg"} <= symbols(G)
    assert "43-CT/TW" not in symbols(G)            # what 44 continues is above it, not below
    for n in G:
        if n != root:
            assert nx.has_path(G, n, root)
    pos, bands = viz.layered_layout(G)
    order = [b for b, _, _ in bands]
    assert order[:3] == ["central", "province", "district"]
    rank = {"central": 0, "province": 1, "district": 2, "commune": 3}
    by_level = {}
    for n, a in G.nodes(data=True):
        if a.get("level") in rank:
            by_level.setdefault(a["level"], []).append(pos[n][1])
    levels = sorted(by_level, key=rank.get)
    for upper, lower in zip(levels, levels[1:]):
        assert max(by_level[upper]) < min(by_level[lower]), (upper, lower)
    assert pos[root][1] == min(y for _, y in pos.values())     # the root at the top
    # inside a row, by date
    rows = {}
    for n, (x, y) in pos.items():
        rows.setdefault(y, []).append((x, G.nodes[n].get("date") or "9999"))
    for row in rows.values():
        dates = [d for _, d in sorted(row)]
        assert dates == sorted(dates)


def test_locality_and_ego_views(seeds):
    start = doc_id(seeds, "1416-CV/QU")
    G = viz.select(seeds, "locality", start)                         # Kiến An, Hải Phòng by default
    assert "1416-CV/QU" in symbols(G) and "44-KL/TW" in symbols(G)
    H = viz.select(seeds, "locality", start, locality="Hai Phong")  # without accents
    assert {"809-CV/TU", "1416-CV/QU"} <= symbols(H)
    with pytest.raises(ValueError):
        viz.select(seeds, "locality", doc_id(seeds, "44-KL/TW"))   # a central document has no locality
    ego = viz.select(seeds, "ego", doc_id(seeds, "44-KL/TW"))
    one = viz.select(seeds, "ego", doc_id(seeds, "44-KL/TW"), depth=1)
    assert set(one) < set(ego)
    assert "43-CT/TW" in symbols(one) and "1416-CV/QU" in symbols(one)


def test_filters_keep_the_root(seeds):
    root = doc_id(seeds, "43-CT/TW")
    G = viz.select(seeds, "cascade", root, since="2023-01-01")
    assert root in G
    assert all((a.get("date") or "9999") >= "2023-01-01" for n, a in G.nodes(data=True) if n != root)
    G = viz.select(seeds, "cascade", root, until="2022")
    assert symbols(G) <= {"43-CT/TW", "44-KL/TW", "88-KH/TU", None} | {
        a.get("symbol") for _, a in G.nodes(data=True) if not a.get("date")}
    G = viz.select(seeds, "cascade", root, locality="Hải Phòng")
    for n, a in G.nodes(data=True):
        assert n == root or a.get("level") == "central" or "Hải Phòng" in (a.get("locality") or "")


def test_find_doc(seeds):
    assert viz.find_doc(seeds, "Kết luận 44") == viz.find_doc(seeds, "44-KL/TW")
    assert viz.find_doc(seeds, "44- KL/TW") == viz.find_doc(seeds, "44-KL/TW")
    from graphbuild.query.runner import QueryError
    with pytest.raises(QueryError):
        viz.find_doc(seeds, "9999-KL/TW")


# --- HTML ----------------------------------------------------------------------------------------------------------

def test_html_offline_deterministic_with_legend(seeds, tmp_path):
    G = viz.select(seeds, "cascade", doc_id(seeds, "44-KL/TW"))
    a = viz.write_html(G, tmp_path / "a.html", "Cây thực hiện 44-KL/TW")
    b = viz.write_html(viz.select(seeds, "cascade", doc_id(seeds, "44-KL/TW")), tmp_path / "b.html",
                       "Cây thực hiện 44-KL/TW")
    assert a.read_bytes() == b.read_bytes()
    html = a.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert_offline(html)
    assert "vis.Network" in html and "DataSet" in html               # vis-network inlined
    assert 'id="gb-legend"' in html
    for label in ("Trung ương", "Tỉnh/Thành phố", "Huyện/Quận", "Xã/Phường", "thực hiện"):
        assert label in html
    data = payload(html)
    nodes = {n["id"]: n for n in data["nodes"]}
    root = doc_id(seeds, "44-KL/TW")
    assert data["root"] == root and root in nodes
    assert "44-KL/TW" in nodes[root]["title"] and "Ban Bí thư" in nodes[root]["title"]
    assert {e["label"] for e in data["edges"]} == {"thực hiện"}
    assert data["options"]["physics"]["enabled"] is False
    # the full record of every document is there for the side panel
    assert set(data["records"]) == set(G.nodes)
    # an evidence sentence in the tooltip of an implementer
    n809 = doc_id(seeds, "809-CV/TU")
    assert "“" in nodes[n809]["title"]


def malicious_graph() -> Graph:
    g = Graph()
    evil = "</script><script>alert(1)</script>"
    g.documents["vn/tw/kl/2022/44"] = {"id": "vn/tw/kl/2022/44", "symbol": "44-KL/TW", "type": "KL",
                                       "type_name": "Kết luận", "level": "central", "system": "party",
                                       "kind": "stub", "stub": True, "date": "2022-11-14", "title": evil,
                                       "issuer": "<b>Ban Bí thư</b> & co", "cited_by_count": 1}
    g.documents["vn/hp/tu/kh/2023/84"] = {"id": "vn/hp/tu/kh/2023/84", "symbol": "84-KH/TU", "type": "KH",
                                          "type_name": "Kế hoạch", "level": "province", "system": "party",
                                          "kind": "document", "stub": False, "date": "2023-02-17",
                                          "locality": "Hải <i>Phòng</i>", "title": "<script>alert(1)</script>",
                                          "issuer": "Tỉnh ủy", "cited_by_count": 0, "url": "https://example.org/x"}
    g.edges.append({"source": "vn/hp/tu/kh/2023/84", "target": "vn/tw/kl/2022/44", "relation": "IMPLEMENTS",
                    "lag_days": 95, "confidence": 0.9,
                    "evidence": [{"file": "x.txt", "text": "Thực hiện <img src=x onerror=alert(1)> 44-KL/TW",
                                  "start": 0, "end": 10}]})
    return g


def test_html_escapes_document_text(tmp_path):
    g = malicious_graph()
    G = viz.select(g, "cascade", "vn/tw/kl/2022/44")
    html = viz.write_html(G, tmp_path / "evil.html", "<script>alert('title')</script>").read_text(encoding="utf-8")
    for bad in ("<script>alert(1)", "</script><script>alert", "<b>Ban Bí thư</b>", "<i>Phòng</i>",
                "<img src=x", "<script>alert('title')"):
        assert bad not in html, bad
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in html
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in html
    assert_offline(html)                   # a document's url is shown as text, never linked
    data = payload(html)                   # and the text survives the round trip unchanged
    rows = dict(map(tuple, data["records"]["vn/tw/kl/2022/44"]["rows"]))
    assert rows["Trích yếu / tiêu đề"] == "</script><script>alert(1)</script>"
    assert rows["Cơ quan ban hành"] == "<b>Ban Bí thư</b> & co"


def synthetic(n_prov=63, per_prov=47, districts=None) -> Graph:
    """A central conclusion, a plan in each province, district documents implementing the plans (3,025 nodes)."""
    g = Graph()
    root = "vn/tw/kl/2022/44"
    g.documents[root] = {"id": root, "symbol": "44-KL/TW", "type": "KL", "level": "central", "system": "party",
                         "kind": "stub", "stub": True, "date": "2022-11-14", "cited_by_count": n_prov}
    for p in range(n_prov):
        pid, prov = f"vn/p{p:02d}/tu/kh/2023/{p + 1}", f"Tỉnh {p:02d}"
        g.documents[pid] = {"id": pid, "symbol": f"{p + 1}-KH/TU", "type": "KH", "level": "province",
                            "system": "party", "kind": "document", "stub": False, "date": f"2023-{1 + p % 12:02d}-15",
                            "locality": prov, "province": prov, "cited_by_count": per_prov}
        g.edges.append({"source": pid, "target": root, "relation": "IMPLEMENTS", "lag_days": 60 + p, "evidence": []})
        for d in range(per_prov):
            did = f"vn/p{p:02d}/d{d:02d}/hu/cv/2023/{d + 1}"
            g.documents[did] = {"id": did, "symbol": f"{d + 1}-CV/HU", "type": "CV", "level": "district",
                                "system": "party", "kind": "document", "stub": False,
                                "date": f"2023-{1 + (p + d) % 12:02d}-20",
                                "locality": f"Huyện {d % (districts or per_prov):02d}, {prov}",
                                "province": prov, "cited_by_count": 0}
            g.edges.append({"source": did, "target": pid, "relation": "IMPLEMENTS", "lag_days": d, "evidence": []})
    return g


def test_node_budget_collapses_big_graphs(tmp_path):
    g = synthetic()
    G = viz.select(g, "cascade", "vn/tw/kl/2022/44")
    assert G.number_of_nodes() > 3000
    H = viz.collapse(G, 1500)
    assert H.number_of_nodes() <= 1500
    c = H.graph["collapsed"]
    assert c["original_nodes"] == G.number_of_nodes() and c["by"] in ("locality", "province", "level")
    groups = [a for _, a in H.nodes(data=True) if a.get("kind") == "group"]
    singles = [n for n, a in H.nodes(data=True) if a.get("kind") != "group"]
    assert sum(a["count"] for a in groups) + len(singles) == G.number_of_nodes()
    assert "vn/tw/kl/2022/44" in H
    assert sum(a.get("count", 1) for _, _, a in H.edges(data=True)) + \
        sum(a.get("internal_edges", 0) for a in groups) == G.number_of_edges()
    html = viz.write_html(G, tmp_path / "big.html", "Lớn").read_text(encoding="utf-8")
    assert 'id="gb-collapsed"' in html and "gộp" in html
    data = payload(html)
    assert len(data["records"]) <= 1500
    assert_offline(html)
    small = viz.collapse(G, 5000)                      # under the budget: untouched
    assert small is G
    assert c["by"] == "province"                      # every district document has its own district here
    shared = viz.select(synthetic(districts=10), "cascade", "vn/tw/kl/2022/44")
    by_district = viz.collapse(shared, 1500)           # ten districts a province: grouped by district
    assert by_district.graph["collapsed"]["by"] == "locality"
    assert by_district.number_of_nodes() == 1 + 63 + 63 * 10


def test_static_images(seeds, tmp_path):
    G = viz.select(seeds, "cascade", doc_id(seeds, "43-CT/TW"))
    png = viz.write_image(G, tmp_path / "c.png", "Cây thực hiện 43-CT/TW")
    svg = viz.write_image(G, tmp_path / "c.svg", "Cây thực hiện 43-CT/TW")
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.stat().st_size > 10_000 and b"<svg" in svg.read_bytes()[:2000]
    again = viz.write_image(G, tmp_path / "d.svg", "Cây thực hiện 43-CT/TW")
    assert again.read_bytes() == svg.read_bytes()
    with pytest.raises(ValueError):
        viz.write_image(G, tmp_path / "c.gif", "x")
    big = viz.write_image(viz.select(synthetic(10, 60), "cascade", "vn/tw/kl/2022/44"), tmp_path / "big.png")
    assert big.stat().st_size > 10_000


# --- the briefing page ---------------------------------------------------------------------------------------------

def test_brief_page(seeds, tmp_path):
    root = doc_id(seeds, "44-KL/TW")
    page = brief.write_brief(seeds, root, tmp_path / "brief")
    html = page.read_text(encoding="utf-8")
    assert_offline(html)
    G = viz.select(seeds, "cascade", root)
    body = html[html.index('id="gb-documents"'):]
    body = body[:body.index("</table>")]
    trs = re.findall(r"<tr[ >].*?</tr>", body, re.S)
    assert len(trs) == 1 + G.number_of_nodes()                     # header + one row per document
    for sym in ("44-KL/TW", "809-CV/TU", "84-KH/TU", "706/UBND-KGVX", "1416-CV/QU", "895/QĐ-TTg"):
        assert re.search(r"<td>" + re.escape(sym) + r"( \*)?</td>", body), sym
    row_1416 = next(t for t in trs if "1416-CV/QU" in t)
    assert "Kiến An, Hải Phòng" in row_1416 and "Huyện/Quận" in row_1416 and ">112<" in row_1416
    assert 'id="gb-coverage"' in html and "tỉnh/thành phố có văn bản thực hiện" in html
    assert "<svg" in html and "Diễn biến theo thời gian" in html
    assert 'id="gb-data"' in html                                  # the cascade view is embedded
    for suffix in (".png", ".svg"):
        img = page.with_suffix(suffix)
        assert img.exists() and img.stat().st_size > 0
    rows = brief.document_rows(G, root)
    cov = brief.coverage(rows, "2022-11-14")
    assert cov["provinces"] == ["Hải Phòng"] and cov["districts"] == ["Kiến An, Hải Phòng"]
    assert cov["province_total"] == 63 and "Hải Phòng" not in cov["provinces_not_seen"]


def test_brief_escapes(tmp_path):
    html = brief.write_brief(malicious_graph(), "vn/tw/kl/2022/44", tmp_path).read_text(encoding="utf-8")
    for bad in ("<script>alert(1)", "</script><script>alert", "<b>Ban Bí thư</b>", "<i>Phòng</i>", "<img src=x"):
        assert bad not in html, bad
    assert "&lt;b&gt;Ban Bí thư&lt;/b&gt; &amp; co" in html
    assert_offline(html)
