"""The HTML page (graphbuild.views.html): offline, deterministic, with a legend; every text escaped."""
import ast
import json
from pathlib import Path

from graphbuild.views import html as views_html
from graphbuild.views.html import json_for_script, write_html
from graphbuild.views.select import select_view

from .helpers import (
    HOSTILE,
    LIST_FIELDS,
    TEXT_FIELDS,
    assert_no_hostile_markup,
    assert_offline,
    doc_id,
    hostile_graph,
    malicious_graph,
    payload,
    synthetic,
)

STATIC = Path(views_html.__file__).parent / "static"


def test_html_offline_deterministic_with_legend(seeds, tmp_path):
    view = select_view(seeds, "cascade", doc_id(seeds, "44-KL/TW"))
    first = write_html(view, tmp_path / "a.html", "Cây thực hiện 44-KL/TW")
    second = write_html(select_view(seeds, "cascade", doc_id(seeds, "44-KL/TW")), tmp_path / "b.html",
                        "Cây thực hiện 44-KL/TW")
    assert first.read_bytes() == second.read_bytes()
    page = first.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert_offline(page)
    assert "vis.Network" in page and "DataSet" in page               # vis-network inlined
    assert 'id="gb-legend"' in page
    for label in ("Trung ương", "Tỉnh/Thành phố", "Huyện/Quận", "Xã/Phường", "thực hiện"):
        assert label in page
    data = payload(page)
    nodes = {node["id"]: node for node in data["nodes"]}
    root = doc_id(seeds, "44-KL/TW")
    assert data["root"] == root and root in nodes
    assert "44-KL/TW" in nodes[root]["title"] and "Ban Bí thư" in nodes[root]["title"]
    assert {edge["hover_label"] for edge in data["edges"]} == {"thực hiện"}       # drawn on hover only
    assert not any(edge.get("label") for edge in data["edges"])
    assert data["options"]["physics"]["enabled"] is False
    # the full record of every document is there for the side panel
    assert set(data["records"]) == set(view.nodes)
    # an evidence sentence in the tooltip of an implementer
    assert "“" in nodes[doc_id(seeds, "809-CV/TU")]["title"]


def test_the_page_inlines_the_vis_network_shipped_in_the_package(seeds, tmp_path):
    view = select_view(seeds, "lineage", doc_id(seeds, "1416-CV/QU"))
    page = write_html(view, tmp_path / "l.html").read_text(encoding="utf-8")
    shipped = (STATIC / "vis-network" / "vis-network.min.js").read_text(encoding="utf-8")
    assert "@version 9.1.2" in shipped and shipped in page
    for name in ("LICENSE-MIT", "LICENSE-APACHE-2.0", "README.txt"):
        assert (STATIC / "vis-network" / name).stat().st_size > 500, name
    assert "Apache" in (STATIC / "vis-network" / "README.txt").read_text(encoding="utf-8")
    assert (STATIC / "view.js").read_text(encoding="utf-8").strip() in page


def test_html_escapes_document_text(tmp_path):
    view = select_view(malicious_graph(), "cascade", "vn/tw/kl/2022/44")
    page = write_html(view, tmp_path / "evil.html", "<script>alert('title')</script>").read_text(encoding="utf-8")
    for bad in ("<script>alert(1)", "</script><script>alert", "<b>Ban Bí thư</b>", "<i>Phòng</i>",
                "<img src=x", "<script>alert('title')"):
        assert bad not in page, bad
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in page
    assert_offline(page)                   # a document's url is shown as text, never linked
    data = payload(page)                   # and the text survives the round trip unchanged
    rows = dict(map(tuple, data["records"]["vn/tw/kl/2022/44"]["rows"]))
    assert rows["Trích yếu / tiêu đề"] == "</script><script>alert(1)</script>"
    assert rows["Cơ quan ban hành"] == "<b>Ban Bí thư</b> & co"


def test_hostile_text_in_every_field_stays_text(tmp_path):
    view = select_view(hostile_graph(), "ego", "vn/tw/kl/2022/44")
    page = write_html(view, tmp_path / "hostile.html", f"title {HOSTILE}").read_text(encoding="utf-8")
    assert_no_hostile_markup(page)
    assert_offline(page)
    data = payload(page)
    shown = " ".join(_strings(data))                # every field reaches the page, unchanged
    for name in TEXT_FIELDS + LIST_FIELDS:
        assert f"{name} {HOSTILE}" in shown, name
    record = {label: value for label, value in data["records"]["vn/x/kh/2023/1"]["rows"]}
    assert record["Trích yếu / tiêu đề"] == f"title {HOSTILE}"
    assert record["unknown_field"] == HOSTILE
    links = data["records"]["vn/x/kh/2023/1"]["links"]
    assert any("evidence </script><script>alert(1)</script>" in line for link in links for line in link["evidence"])
    assert "&lt;/script&gt;" in page and "title &lt;/script&gt;" in page      # the <title> and <h1>, escaped


def _strings(value) -> list:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    return [text for item in value for text in _strings(item)] if isinstance(value, list) else []


def test_json_for_script_keeps_its_guarantees():
    value = {"b": "</script><!-- & \u2028 \u2029 >", "a": "Hải Phòng"}
    dumped = str(json_for_script(value))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in dumped
    assert dumped.startswith('{"a":"Hải Phòng"')                     # sorted keys, compact, not ASCII-escaped
    assert json.loads(dumped) == value


def test_a_collapsed_view_says_so(tmp_path):
    view = select_view(synthetic(), "cascade", "vn/tw/kl/2022/44")
    page = write_html(view, tmp_path / "big.html", "Lớn").read_text(encoding="utf-8")
    assert 'id="gb-collapsed"' in page and "gộp" in page
    assert len(payload(page)["records"]) <= 1500
    assert_offline(page)


def _string_literals(path: Path) -> list:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                  and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_no_html_css_or_js_left_in_python_strings():
    for path in Path(views_html.__file__).parent.glob("*.py"):
        for literal in _string_literals(path):
            for marker in ("<div", "<table", "<svg", "<script", "<style", "<p ", "<tr", "<td", "<h1", "<h2",
                           "function(", "{margin", "{display"):
                assert marker not in literal, (path.name, literal)


def test_a_600_document_cascade_is_grouped_and_every_document_can_be_found_and_opened(tmp_path):
    """Issue 17: past PAGE_BUDGET documents the page groups them (by place), and loses none: the search index
    holds all 600, a group's documents come with their nodes and records, and every edge of the full view joins
    documents the page can show."""
    from graphbuild.views.select import PAGE_BUDGET
    from graphbuild.views.synthetic import generated_cascade
    view = generated_cascade(600)
    data = payload(write_html(view, tmp_path / "big.html").read_text(encoding="utf-8"))
    shown = {node["id"] for node in data["nodes"] if not node["id"].startswith("band:")}
    assert len(shown) <= PAGE_BUDGET and len(shown) < 600
    assert {entry[0] for entry in data["search"]} == set(view.nodes)
    expand = data["expand"]
    hidden = set(view.nodes) - shown
    assert set(expand["member_of"]) == hidden and set(expand["nodes"]) == hidden == set(expand["records"])
    assert {group for group in expand["groups"]} <= shown
    assert all(member in hidden for members in expand["groups"].values() for member in members)
    assert len(expand["edges"]) == view.number_of_edges()
    assert all(edge["from"] in view and edge["to"] in view for edge in expand["edges"])
    kien_an = [entry for entry in data["search"] if "kien an" in entry[2]]
    assert kien_an and all("Kiến An" in entry[1] for entry in kien_an)      # found without accents, shown with


def test_a_small_view_is_not_grouped(seeds, tmp_path):
    view = select_view(seeds, "cascade", doc_id(seeds, "44-KL/TW"))
    data = payload(write_html(view, tmp_path / "small.html").read_text(encoding="utf-8"))
    assert data["expand"] is None and {entry[0] for entry in data["search"]} == set(view.nodes)
