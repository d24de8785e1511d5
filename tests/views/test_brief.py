"""The briefing page (graphbuild.views.brief): the table, coverage from the coverage query, escapes."""
import re

from graphbuild.query.runner import run_query
from graphbuild.stores.ladybug import EmbeddedStore
from graphbuild.views.brief import coverage, document_rows, level_summary, write_brief
from graphbuild.views.select import select_view

from .helpers import HOSTILE, assert_no_hostile_markup, assert_offline, doc_id, hostile_graph, malicious_graph


def test_brief_page(seeds, seed_build, tmp_path):
    root = doc_id(seeds, "44-KL/TW")
    page = write_brief(seeds, root, tmp_path / "brief")
    assert page.name == "brief-44-kl-tw.html"
    html = page.read_text(encoding="utf-8")
    assert_offline(html)
    view = select_view(seeds, "cascade", root)
    body = html[html.index('id="gb-documents"'):]
    body = body[:body.index("</table>")]
    trs = re.findall(r"<tr[ >].*?</tr>", body, re.S)
    assert len(trs) == 1 + view.number_of_nodes()                     # header + one row per document
    for symbol in ("44-KL/TW", "809-CV/TU", "84-KH/TU", "706/UBND-KGVX", "1416-CV/QU", "895/QĐ-TTg"):
        assert re.search(r"<td>" + re.escape(symbol) + r"( \*)?</td>", body), symbol
    row_1416 = next(tr for tr in trs if "1416-CV/QU" in tr)
    assert "Kiến An, Hải Phòng" in row_1416 and "Huyện/Quận" in row_1416 and ">112<" in row_1416
    assert 'id="gb-coverage"' in html and "tỉnh/thành phố có văn bản thực hiện" in html
    assert "<svg" in html and "Diễn biến theo thời gian" in html
    assert 'id="gb-data"' in html                                  # the cascade view is embedded
    for suffix in (".png", ".svg"):
        image = page.with_suffix(suffix)
        assert image.exists() and image.stat().st_size > 0
    rows = document_rows(view, root)
    assert level_summary(rows)["implementers"] == view.number_of_nodes() - 1
    with EmbeddedStore(seed_build.out_dir) as store:
        cov = coverage(store, root, "2022-11-14")
    assert cov.seen("province") == ["Hải Phòng"] and cov.seen("district") == ["Kiến An, Hải Phòng"]
    assert cov.total("province") == 63 and "Hải Phòng" not in cov.not_seen("province")
    facts = html[html.index('id="gb-coverage"'):html.index('id="gb-by-level"')]
    assert "<b>1/63</b>" in facts


def test_brief_coverage_is_the_coverage_query(seeds, seed_build, tmp_path):
    """The page reports the rows `graphbuild query coverage` gives, for every level, in the root's era."""
    root = doc_id(seeds, "44-KL/TW")
    with EmbeddedStore(seed_build.out_dir) as store:
        cov = coverage(store, root, seeds.documents[root]["date"])
        for level in ("province", "district", "commune"):
            rows = run_query(store, "coverage", doc="44-KL/TW", params={"level": level})
            assert cov.rows[level] == rows, level
            implemented = [row for row in rows if row["status"] == "implemented"]
            assert len(cov.seen(level)) == len(implemented)
            assert cov.not_seen(level) == [row["unit"] for row in rows if row["status"] == "not seen"]
        page = write_brief(seeds, root, tmp_path, store=store).read_text(encoding="utf-8")
    not_seen = cov.not_seen("province")
    assert f"Chưa thấy văn bản thực hiện: {len(not_seen)} tỉnh/thành phố" in page
    assert ", ".join(not_seen) in page
    # a graph folder gives the same page as the graph and its store
    again = write_brief(seed_build.out_dir, root, tmp_path / "from-folder").read_text(encoding="utf-8")
    assert again == page


def test_brief_escapes(tmp_path):
    html = write_brief(malicious_graph(), "vn/tw/kl/2022/44", tmp_path).read_text(encoding="utf-8")
    for bad in ("<script>alert(1)", "</script><script>alert", "<b>Ban Bí thư</b>", "<i>Phòng</i>", "<img src=x"):
        assert bad not in html, bad
    assert "&lt;b&gt;Ban Bí thư&lt;/b&gt; &amp; co" in html
    assert_offline(html)


def test_brief_escapes_hostile_text_in_every_field(tmp_path):
    page = write_brief(hostile_graph(), "vn/tw/kl/2022/44", tmp_path, title=f"title {HOSTILE}")
    html = page.read_text(encoding="utf-8")
    assert_no_hostile_markup(html)
    assert_offline(html)
    assert page.parent == tmp_path and page.name.startswith("brief-symbol-script-script-alert-1")
    timeline = html[html.index('<svg role="img"'):]
    assert "<title>symbol &lt;/script&gt;" in timeline and "locality &lt;/script&gt;" in timeline


def test_a_district_plan_is_measured_against_its_own_communes(seeds, seed_build, tmp_path):
    """Not "0/63 provinces": a district's plan is implemented (or not) by the communes of that district."""
    root = doc_id(seeds, "1416-CV/QU")
    with EmbeddedStore(seed_build.out_dir) as store:
        cov = coverage(store, root, "2023-03-06", "district", "L:D:307")
        assert cov.levels == ["commune"] and cov.within == "Kiến An, Hải Phòng"
        rows = run_query(store, "coverage", doc="1416-CV/QU", params={"level": "commune", "within": "L:D:307"})
        assert cov.rows["commune"] == rows and cov.total("commune") == 7
        page = write_brief(seeds, root, tmp_path, store=store).read_text(encoding="utf-8")
    facts = page[page.index('id="gb-coverage"'):page.index('id="gb-by-level"')]
    assert "/63" not in facts and "tỉnh/thành phố" not in facts
    assert "<b>0/7</b><span>xã/phường có văn bản thực hiện (trong Kiến An, Hải Phòng)" in facts
    assert "Chưa thấy văn bản thực hiện: 7 xã/phường trong Kiến An, Hải Phòng" in page


def test_a_2025_document_is_measured_without_districts(seeds, seed_build):
    with EmbeddedStore(seed_build.out_dir) as store:
        cov = coverage(store, doc_id(seeds, "44-KL/TW"), "2025-09-01", "central")
    assert cov.era == "2025" and cov.levels == ["province", "commune"] and cov.total("province") == 34
    assert cov.seen("province") == ["Hải Phòng"]           # a 2023 Hải Phòng letter counts for the 2025 city


def test_brief_draws_the_coverage_maps(seeds, seed_build, tmp_path):
    """A map per level of at most MAP_UNITS units (provinces, districts; not the 10,035 communes), inline and as a
    PNG next to the page; the implemented unit shaded by the days from the document to its first implementation."""
    page = write_brief(seed_build.out_dir, doc_id(seeds, "44-KL/TW"), tmp_path)
    html = page.read_text(encoding="utf-8")
    assert 'id="gb-map-province"' in html and 'id="gb-map-district"' in html and 'id="gb-map-commune"' not in html
    province_map = html[html.index('id="gb-map-province"'):html.index('id="gb-map-district"')]
    assert province_map.count("data-unit-id=") == 63
    hai_phong = re.search(r'<path class="gb-unit"[^>]*data-unit-id="L:P:31"[^>]*>', province_map).group(0)
    assert 'data-status="implemented"' in hai_phong and re.search(r'data-lag-days="\d+"', hai_phong)
    assert re.search(r'data-unit-id="L:D:307" data-status="implemented"', html)
    for level in ("province", "district"):
        assert (tmp_path / f"brief-44-kl-tw-map-{level}.png").stat().st_size > 10_000
    assert_offline(html)


def test_a_district_plan_maps_the_communes_of_its_district(seeds, seed_build, tmp_path):
    html = write_brief(seed_build.out_dir, doc_id(seeds, "1416-CV/QU"), tmp_path).read_text(encoding="utf-8")
    commune_map = html[html.index('id="gb-map-commune"'):]
    commune_map = commune_map[:commune_map.index("</figure>")]
    assert commune_map.count("data-unit-id=") == 7 and 'data-status="implemented"' not in commune_map
    assert 'class="gb-focus"' in commune_map                  # the district's outline
