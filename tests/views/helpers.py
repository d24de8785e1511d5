"""What the view tests share: hostile graphs made by hand, and checks on a written page."""
import json
import re

from graphbuild.graph.resolve import Graph
from graphbuild.query.runner import find_in_graph

REMOTE = re.compile(r"""(?:\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//)"""
                    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|(?:@import)""", re.I)
EVIL = "</script><script>alert(1)</script>"


def symbols(view):
    return {attrs.get("symbol") for _, attrs in view.nodes(data=True)}


def doc_id(graph, symbol):
    return find_in_graph(graph, symbol)


def payload(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="gb-data">(.*?)</script>', page, re.S)
    assert match, "the page carries its data"
    return json.loads(match.group(1))


def assert_offline(page: str):
    assert not REMOTE.search(page), REMOTE.search(page).group(0)
    assert "<link" not in page.lower()
    assert not re.search(r"<script[^>]*\bsrc=", page, re.I)
    assert not re.search(r"<(img|iframe)[^>]*\bsrc=[\"']?(https?:)?//", page, re.I)
    assert not re.search(r"""\b(?:src|href)\s*=\s*["']?\s*https?:""", page, re.I)     # no http(s) link at all


def malicious_graph() -> Graph:
    graph = Graph()
    graph.documents["vn/tw/kl/2022/44"] = {
        "id": "vn/tw/kl/2022/44", "symbol": "44-KL/TW", "type": "KL", "type_name": "Kết luận", "level": "central",
        "system": "party", "kind": "stub", "stub": True, "date": "2022-11-14", "title": EVIL,
        "issuer": "<b>Ban Bí thư</b> & co", "cited_by_count": 1}
    graph.documents["vn/hp/tu/kh/2023/84"] = {
        "id": "vn/hp/tu/kh/2023/84", "symbol": "84-KH/TU", "type": "KH", "type_name": "Kế hoạch",
        "level": "province", "system": "party", "kind": "document", "stub": False, "date": "2023-02-17",
        "locality": "Hải <i>Phòng</i>", "title": "<script>alert(1)</script>", "issuer": "Tỉnh ủy",
        "cited_by_count": 0, "url": "https://example.org/x"}
    graph.edges.append({"source": "vn/hp/tu/kh/2023/84", "target": "vn/tw/kl/2022/44", "relation": "IMPLEMENTS",
                        "lag_days": 95, "confidence": 0.9,
                        "evidence": [{"file": "x.txt", "text": "Thực hiện <img src=x onerror=alert(1)> 44-KL/TW",
                                      "start": 0, "end": 10}]})
    return graph


HOSTILE = "</script><script>alert(1)</script><img src=x onerror=alert(2)> \"q\" 'a' & href=\u2028\u2029"
TEXT_FIELDS = ("symbol", "type", "type_name", "title", "issuer", "issuer_code", "locality", "province", "term",
               "signer", "signer_role", "file", "url", "number")
LIST_FIELDS = ("aliases", "recipients", "mentioned_in")


def hostile_graph() -> Graph:
    """Two documents whose every text field, list and evidence (text and file) carries hostile text."""
    graph = Graph()
    for key, level, date in (("vn/tw/kl/2022/44", "central", "2022-11-14"), ("vn/x/kh/2023/1", "district",
                                                                           "2023-02-17")):
        doc = {"id": key, "level": level, "system": "party", "kind": "document", "stub": False, "date": date,
               "cited_by_count": 1, "unknown_field": HOSTILE}
        doc.update({name: f"{name} {HOSTILE}" for name in TEXT_FIELDS})
        doc.update({name: [f"{name} {HOSTILE}"] for name in LIST_FIELDS})
        graph.documents[key] = doc
    graph.edges.append({"source": "vn/x/kh/2023/1", "target": "vn/tw/kl/2022/44", "relation": "IMPLEMENTS",
                        "lag_days": 95, "confidence": 0.9,
                        "evidence": [{"file": f"file {HOSTILE}", "text": f"evidence {HOSTILE}", "start": 0,
                                      "end": 10}]})
    return graph


def assert_no_hostile_markup(page: str):
    for bad in ("<script>alert", "</script><script>", "<img src=x", "<b>Ban", "<i>Phòng"):
        assert bad not in page, bad
    data = re.search(r'id="gb-data">(.*?)</script>', page, re.S)
    if data:
        assert "\u2028" not in data.group(1) and "\u2029" not in data.group(1)
        assert "<" not in data.group(1) and ">" not in data.group(1) and "&" not in data.group(1)


def synthetic(n_prov=63, per_prov=47, districts=None) -> Graph:
    """A central conclusion, a plan in each province, district documents implementing the plans (3,025 nodes)."""
    graph = Graph()
    root = "vn/tw/kl/2022/44"
    graph.documents[root] = {"id": root, "symbol": "44-KL/TW", "type": "KL", "level": "central", "system": "party",
                             "kind": "stub", "stub": True, "date": "2022-11-14", "cited_by_count": n_prov}
    for p in range(n_prov):
        pid, prov = f"vn/p{p:02d}/tu/kh/2023/{p + 1}", f"Tỉnh {p:02d}"
        graph.documents[pid] = {"id": pid, "symbol": f"{p + 1}-KH/TU", "type": "KH", "level": "province",
                                "system": "party", "kind": "document", "stub": False,
                                "date": f"2023-{1 + p % 12:02d}-15", "locality": prov, "province": prov,
                                "cited_by_count": per_prov}
        graph.edges.append({"source": pid, "target": root, "relation": "IMPLEMENTS", "lag_days": 60 + p,
                            "evidence": []})
        for d in range(per_prov):
            did = f"vn/p{p:02d}/d{d:02d}/hu/cv/2023/{d + 1}"
            graph.documents[did] = {"id": did, "symbol": f"{d + 1}-CV/HU", "type": "CV", "level": "district",
                                    "system": "party", "kind": "document", "stub": False,
                                    "date": f"2023-{1 + (p + d) % 12:02d}-20",
                                    "locality": f"Huyện {d % (districts or per_prov):02d}, {prov}",
                                    "province": prov, "cited_by_count": 0}
            graph.edges.append({"source": did, "target": pid, "relation": "IMPLEMENTS", "lag_days": d,
                                "evidence": []})
    return graph
