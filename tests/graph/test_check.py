"""graphbuild check (graph/check.py): what cannot be true in a graph, found without any gold; and the real corpora
in data/ hold none of it."""
from pathlib import Path

import pytest

from graphbuild.graph.build import build_graph
from graphbuild.graph.check import check_graph
from graphbuild.graph.model import Graph

ROOT = Path(__file__).resolve().parent.parent.parent


def node(doc_id, symbol, date, type_code, issuer_code, system="state", level="central", **more):
    return {"id": doc_id, "symbol": symbol, "date": date, "year": int(date[:4]) if date else None, "type": type_code,
            "issuer_code": issuer_code, "system": system, "level": level, **more}


def edge(source, target, relation):
    return {"source": source, "target": target, "relation": relation, "source_symbol": source,
            "target_symbol": target, "evidence": [{"file": "x.txt", "text": f"{source} {relation} {target}",
                                                   "start": 0, "end": 10, "relation": relation}]}


@pytest.fixture
def graph():
    g = Graph()
    for n in (node("law", "10/2012/QH13", "2012-06-18", "Luật", "QH13"),
              node("decree", "05/2015/NĐ-CP", "2015-01-12", "NĐ", "CP"),
              node("circular", "08/2016/TT-BLĐTBXH", "2016-04-20", "TT", "BLĐTBXH"),
              node("local", "12/2017/QĐ-UBND", "2017-03-01", "QĐ", "UBND", level="province"),
              node("dup1", "27/2016/TT-BLĐTBXH", "2016-09-01", "TT", "BLĐTBXH"),
              node("dup2", "27/2016/TTBLĐTBXH", None, "TT", "TTBLĐTBXH", year=2016),
              node("std", "34:2022/QCVN", None, None, "QCVN"),
              node("typo", "06/2024/NĐ-CP", "2024-01-10", "NĐ", "CP", type_mismatch="Thông tư"),
              node("party", "18-NQ/TW", "2017-10-25", "NQ", "TW", system="party"),
              node("plan", "45/KH-UBND", "2018-05-02", "KH", "UBND", level="province")):
        g.documents[n["id"]] = n
    g.documents["dup2"]["year"] = 2016
    g.edges = [edge("law", "decree", "IMPLEMENTS"),        # a 2012 law implementing a 2015 decree: time
               edge("circular", "decree", "AMENDS"),       # a circular amending a decree: rank
               edge("local", "decree", "REPEALS"),         # a province repealing a central decree: rank
               edge("decree", "decree", "CITES"),          # itself
               edge("typo", "party", "AMENDS"),            # a decree amending a Party resolution: rank
               edge("typo", "party", "IMPLEMENTS"),        # fine
               edge("plan", "local", "AMENDS"),            # a plan amending a decision: only an act does
               edge("decree", "law", "GUIDES")]            # fine
    return g


def test_each_kind_of_violation_is_found_with_its_evidence(graph):
    report = check_graph(graph)
    kinds = sorted(v["kind"] for v in report["items"])
    assert kinds == ["near_duplicate", "not_a_document", "rank", "rank", "rank", "rank", "self", "time"]
    time = next(v for v in report["items"] if v["kind"] == "time")
    assert (time["source"], time["target"], time["evidence"]["text"]) == ("law", "decree", "law IMPLEMENTS decree")
    assert report["violations"] == 8 and report["by_kind"]["rank"] == 4
    plan = next(v for v in report["items"] if v.get("source") == "plan")
    assert plan["reason"] == "a Kế hoạch AMENDS an act (Quyết định)"
    assert [n["kind"] for n in report["notices"]] == ["type_word"]      # the text's slip, read by its code


def test_a_consistent_graph_has_no_violation(graph):
    graph.edges = [edge("decree", "law", "GUIDES"), edge("circular", "decree", "IMPLEMENTS")]
    for doc_id in ("dup2", "std", "plan"):
        del graph.documents[doc_id]
    assert check_graph(graph)["violations"] == 0


@pytest.mark.parametrize("inputs", [["seeds", "corpus"], ["eval"]], ids=["sample", "gold texts"])
def test_the_real_corpora_hold_no_violation(tmp_path, inputs):
    result = build_graph([ROOT / "data" / p for p in inputs], tmp_path / "g")
    check = result.report["check"]
    assert check["violations"] == 0, check["items"][:5]


def test_near_duplicates_are_grouped_by_spelling_in_the_order_of_their_first_node():
    g = Graph()
    spellings = [("a1", "5/2016/TT-BTC"), ("b1", "7/2016/QĐ-UBND"), ("a2", "5/2016/TTBTC"), ("c1", "9/2016/NĐ-CP"),
                 ("b2", "7/2016/QĐUBND"), ("a3", "5/2016/TT BTC"), ("c2", "9/2016/NĐ-CP"), ("d1", "5/2017/TT-BTC")]
    for doc_id, symbol in spellings:
        g.documents[doc_id] = node(doc_id, symbol, "2016-01-01" if doc_id != "d1" else "2017-01-01", "TT", "BTC")
    groups = [(v["ids"], v["symbols"]) for v in check_graph(g)["items"] if v["kind"] == "near_duplicate"]
    # c1 and c2 share one symbol (no duplicate of writing); d1 is another year
    assert groups == [(["a1", "a2", "a3"], ["5/2016/TT BTC", "5/2016/TT-BTC", "5/2016/TTBTC"]),
                      (["b1", "b2"], ["7/2016/QĐ-UBND", "7/2016/QĐUBND"])]
