"""The pages of graphbuild serve through Starlette's TestClient, on the seeds' graph: 1416-CV/QU (Quận ủy Kiến An)
implements 809-CV/TU (Thành ủy Hải Phòng, cited only) which implements 44-KL/TW, which continues 43-CT/TW."""
import csv
import io
import re

import pytest
from openpyxl import load_workbook

from graphbuild.serve import Explorer, create_app

KL44 = "vn/tw/kl/2022/44"
CV809 = "vn/hai-phong/tu/cv/2023/809"
CV1416 = "vn/hai-phong/kien-an/qu/cv/2023/1416"
INJECTION = "<script>alert('x')</script>\"' OR 1=1 --"


def hit_ids(page: str) -> list[str]:
    return re.findall(r'class="sv-hit-name" href="/doc/([^"]+)"', page)


@pytest.mark.parametrize("text", ["Kết luận 44", "ket luan 44", "KET LUAN 44", "44-KL/TW", "44- KL/TW"])
def test_search_finds_kl44_with_or_without_accents(client, text):
    page = client.get("/search", params={"q": text})
    assert page.status_code == 200
    assert hit_ids(page.text)[0] == KL44


def test_search_facets_count_and_filter(client):
    page = client.get("/search", params={"q": "Hải Phòng"}).text
    facets = page[page.index('id="sv-facets"'):page.index('id="sv-hits"')]
    assert 'data-facet="type"' in facets and 'data-facet="level"' in facets and 'data-facet="year"' in facets
    assert 'data-facet="relation"' in facets
    ids = hit_ids(page)
    assert CV1416 in ids and CV809 in ids
    district = client.get("/search", params={"q": "Hải Phòng", "level": "district"}).text
    assert CV1416 in hit_ids(district)
    assert "=%3F" not in page                     # "not known" is counted, not offered as a filter
    assert CV809 not in hit_ids(district)            # a province's document is not a district's
    implementing = client.get("/search", params={"q": "Hải Phòng", "relation": "IMPLEMENTS"}).text
    assert CV1416 in hit_ids(implementing)


def test_search_downloads_its_table(client):
    answer = client.get("/search", params={"q": "ket luan 44", "format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    assert answer.text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(answer.text.lstrip("\ufeff"))))
    assert rows[0]["id"] == KL44 and rows[0]["symbol"] == "44-KL/TW"


def test_document_page_marks_and_links_the_citations_of_its_text(client):
    page = client.get(f"/doc/{CV1416}")
    assert page.status_code == 200
    text = page.text[page.text.index('id="sv-text"'):]
    assert re.search(rf'<a class="gb-m[^"]*" href="/doc/{CV809}"', text)        # the citation, linked to its page
    assert re.search(rf'href="/doc/{KL44}"', text)
    citations = page.text[page.text.index('id="sv-citations"'):page.text.index('id="sv-text"')]
    assert 'data-direction="out" data-relation="IMPLEMENTS"' in citations
    assert "Công văn số 809-CV/TU" in citations                                 # the evidence sentence


def test_document_by_what_a_user_knows(client):
    assert client.get("/doc/1416-CV/QU").text.count("Quận ủy Kiến An") >= 1
    missing = client.get("/doc/1416-CV/Q")          # a typo: never matched by its parts, suggested
    assert missing.status_code == 404 and "1416-CV/QU" in missing.text           # did you mean


def test_a_mention_of_a_document_the_graph_does_not_hold_is_not_a_link(client, explorer):
    assert explorer.known({CV809, "vn/no/such/document"}) == {CV809}


def test_a_stub_says_cited_only_and_who_cites_it(client):
    page = client.get(f"/doc/{CV809}").text
    stub = page[page.index('id="sv-stub"'):]
    assert "cited only" in stub and f'href="/doc/{CV1416}"' in stub[:stub.index("</p>")]
    assert 'id="sv-text"' not in page


@pytest.mark.parametrize("kind,expected", [("lineage", "43-CT/TW"), ("implementers", "1416-CV/QU"),
                                           ("cascade", "1416-CV/QU")])
def test_graph_pages_draw_the_view_and_list_the_rows(client, kind, expected):
    doc = CV1416 if kind == "lineage" else KL44
    page = client.get(f"/{kind}/{doc}")
    assert page.status_code == 200
    data = re.search(r'<script type="application/json" id="gb-data">(.*?)</script>', page.text, re.S).group(1)
    assert expected in data                                                     # in the network
    table = page.text[page.text.index('id="sv-table-rows"'):]
    assert expected in table                                                    # and in the table
    assert '/static/views/vis-network/vis-network.min.js' in page.text and 'id="sv-png"' in page.text


def test_graph_pages_take_the_views_filters(client):
    early = client.get(f"/cascade/{KL44}", params={"until": "2022"}).text
    data = re.search(r'id="gb-data">(.*?)</script>', early, re.S).group(1)
    assert "1416-CV/QU" not in data                                             # dated 2023
    assert client.get(f"/cascade/{KL44}", params={"depth": "x"}).status_code == 400


@pytest.mark.parametrize("fmt,magic", [("svg", b"<?xml"), ("png", b"\x89PNG")])
def test_images_of_a_view(client, fmt, magic):
    image = client.get(f"/image/lineage/{CV1416}", params={"format": fmt})
    assert image.status_code == 200 and image.content.startswith(magic)


def test_coverage_lists_units_with_lag_and_downloads(client):
    page = client.get(f"/coverage/{KL44}", params={"level": "district", "within": "Hải Phòng"})
    assert page.status_code == 200
    row = re.search(r'<tr class="sv-yes" data-unit-id="L:D:307">(.*?)</tr>', page.text).group(1)
    assert "Kiến An" in row and "1416-CV/QU" in row and ">112<" in row          # 2022-11-14 -> 2023-03-06
    assert page.text.count('class="sv-no"') >= 10                               # the other districts: not seen
    drawn = re.search(r'<path[^>]*data-unit-id="L:D:307"[^>]*>', page.text).group(0)   # on the map too
    assert 'data-status="implemented"' in drawn
    assert "approximate" in page.text or "gần đúng" in page.text
    book = load_workbook(io.BytesIO(client.get(f"/coverage/{KL44}", params={
        "level": "district", "within": "Hải Phòng", "format": "xlsx"}).content))
    rows = list(book.active.values)
    assert rows[0][:3] == ("unit", "unit_id", "status") and ("Kiến An", "L:D:307", "implemented") in \
        [r[:3] for r in rows]


@pytest.mark.parametrize("fmt,magic", [("svg", b"<svg"), ("png", b"\x89PNG")])
def test_coverage_map_as_a_file(client, fmt, magic):
    image = client.get(f"/map/{KL44}", params={"level": "district", "within": "Hải Phòng", "image": fmt})
    assert image.status_code == 200 and magic in image.content[:200]


def test_coverage_of_a_central_document_defaults_to_the_provinces_of_its_era(client):
    page = client.get(f"/coverage/{KL44}").text                  # 2022: the 63 provinces before July 2025
    assert len(re.findall(r'<tr class="sv-(?:yes|no)" data-unit-id="L:P:', page)) == 63
    assert len(re.findall(r'<path[^>]*data-unit-id="L:P:', page)) == 63


def test_coverage_says_when_a_place_names_nothing(client):
    page = client.get(f"/coverage/{KL44}", params={"level": "district", "within": "Atlantis"})
    assert page.status_code == 400 and "Atlantis" in page.text


def test_briefing_is_the_brief_page_with_its_images(client):
    page = client.get(f"/brief/{KL44}/")
    assert page.status_code == 200 and 'id="gb-coverage"' in page.text
    image = re.search(r'href="(brief-[^"]+\.png)"', page.text).group(1)
    assert client.get(f"/brief/{KL44}/{image}").content.startswith(b"\x89PNG")
    coverage_map = page.text[page.text.index('id="gb-map-province"'):]
    assert re.search(r'<path[^>]*data-unit-id="L:P:31"[^>]*data-status="implemented"', coverage_map)  # Hải Phòng
    assert client.get(f"/brief/{KL44}", follow_redirects=False).status_code == 307


def test_cypher_box_reads(client):
    page = client.get("/cypher", params={"q": "MATCH (d:Document {symbol: $s}) RETURN d.id AS id", "p.s": "44-KL/TW"})
    assert page.status_code == 200 and KL44 in page.text[page.text.index('id="sv-cypher-rows"'):]
    assert 'data-name="coverage"' in page.text                                  # the query files as examples
    assert re.search(r'<nav.*name="q" value=""', page.text, re.S)               # not the statement: a search box
    rows = client.get("/cypher", params={"q": "MATCH (d:Document) RETURN d.symbol AS s ORDER BY s LIMIT 3",
                                         "format": "csv"}).text
    assert rows.lstrip("\ufeff").splitlines()[0] == "s" and len(rows.splitlines()) == 4


@pytest.mark.parametrize("statement", ["MATCH (d:Document) DETACH DELETE d", "CREATE (:Document {id: 'x'})",
                                       "MATCH (d) WITH d COPY (MATCH (x:Document) RETURN x) TO '/tmp/x.csv'"])
def test_cypher_box_refuses_writes_and_the_graph_is_unchanged(client, tmp_path, statement):
    count = {"q": "MATCH (d:Document) RETURN count(d) AS n", "format": "csv"}
    before = client.get("/cypher", params=count).text
    page = client.get("/cypher", params={"q": statement})
    assert page.status_code == 400 and "only read" in page.text and "Traceback" not in page.text
    assert client.get("/cypher", params=count).text == before


def test_cypher_box_bounds_time(explorer, client):
    seconds = explorer.seconds
    explorer.store.conn.set_query_timeout(1)                     # 1 ms, for a statement that takes seconds
    try:
        page = client.get("/cypher", params={"q": "UNWIND range(1, 20000000) AS x RETURN sum(x) AS n"})
    finally:
        explorer.store.conn.set_query_timeout(seconds * 1000)
    assert page.status_code == 504 and "stopped" in page.text


def test_a_statement_the_store_cannot_run_says_why_without_a_trace(client):
    page = client.get("/cypher", params={"q": "MATCH (d:NoSuchLabel) RETURN d"})
    assert page.status_code == 400 and "NoSuchLabel does not exist" in page.text and "Traceback" not in page.text


@pytest.mark.parametrize("url", ["/search?q={x}", "/search?q=44&type={x}", "/search?q=44&year={x}",
                                 "/search?q=44&locality={x}", "/doc/{x}", "/lineage/{x}", "/coverage/{x}",
                                 f"/coverage/{KL44}?within={{x}}", f"/coverage/{KL44}?level={{x}}",
                                 f"/cascade/{KL44}?since={{x}}", f"/cascade/{KL44}?locality={{x}}",
                                 "/cypher?q={x}", "/search?q=44&format={x}", "/search?q=44&format=csv&table={x}"])
def test_injection_strings_are_escaped_everywhere(client, url):
    page = client.get(url.format(x=INJECTION))
    assert page.status_code < 500
    assert "<script>alert(" not in page.text and "Traceback" not in page.text


def test_formula_cells_are_written_as_text(client):
    page = client.get("/cypher", params={"q": "RETURN '=HYPERLINK(\"http://x\")' AS f, -5 AS n", "format": "csv"})
    assert page.text.splitlines()[1].startswith("\"'=HYPERLINK") and page.text.splitlines()[1].endswith(",-5")


def test_security_headers_and_hosts(client):
    page = client.get("/")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400   # DNS rebinding


def test_unknown_page(client):
    page = client.get("/nothing/here")
    assert page.status_code == 404 and "No page at /nothing/here" in page.text


def test_the_server_leaves_no_scratch_folder_behind(built):
    from starlette.testclient import TestClient
    from graphbuild.stores import EmbeddedStore
    with Explorer(EmbeddedStore(built), "ladybug", str(built), built) as ex:
        assert ex._scratch is None                        # reading pages writes nothing
        TestClient(create_app(ex)).get(f"/brief/{KL44}/")
        folder = ex.scratch
        assert (folder / "brief").is_dir()
    assert not folder.exists()
