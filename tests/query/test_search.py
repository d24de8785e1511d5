"""graphbuild.query.search_documents: ranked, accent- and case-insensitive, filtered; the same hits from the store
and from the graph in memory (and from Neo4j: tests/stores/test_neo4j_integration.py)."""
import pytest

from graphbuild.graph import load_graph
from graphbuild.query import ParameterError, search_documents


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


def test_exact_symbol_ranks_first_with_its_score_and_what_matched(store):
    hits = search_documents(store, "Kết luận số 44-KL/TW")
    assert hits[0].symbol == "44-KL/TW" and hits[0].score == 0.95 and hits[0].matched == ("symbol",)
    assert all(h.score < hits[0].score for h in hits[1:])
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("text", ["chữ thập đỏ", "chu thap do", "CHU THAP DO", "Chữ Thập Đỏ"])
def test_words_of_a_title_with_or_without_accents(store, text):
    hits = search_documents(store, text)
    found = {h.symbol: h for h in hits}
    assert "title" in found["01-CT/TU"].matched and found["01-CT/TU"].score == hits[0].score
    assert [h.id for h in hits] == [h.id for h in search_documents(store, "chữ thập đỏ")]


def test_issuer_and_locality_words_are_searched(store):
    assert "locality" in search_documents(store, "kien an")[0].matched
    assert search_documents(store, "kien an")[0].symbol == "1416-CV/QU"
    assert any("issuer" in h.matched for h in search_documents(store, "quan uy"))


def test_filters_narrow_and_are_checked(store):
    every = search_documents(store, "thuc hien", limit=100)
    plans = search_documents(store, "thuc hien", types=["Kế hoạch"], limit=100)
    assert plans and {h.type for h in plans} == {"KH"} and len(plans) < len(every)
    recent = search_documents(store, "thuc hien", since="2023", limit=100)
    assert recent and all(h.date and h.date >= "2023-01-01" for h in recent)
    hai_phong = search_documents(store, "thuc hien", locality="Hai Phong", limit=100)
    assert hai_phong and all("Hải Phòng" in (h.locality or "") for h in hai_phong)
    assert {h.symbol for h in search_documents(store, "thuc hien", locality="Kiến An", limit=100)} == {"1416-CV/QU"}
    with pytest.raises(ParameterError, match="no document type 'XYZ'"):
        search_documents(store, "thuc hien", types=["XYZ"])
    with pytest.raises(ParameterError, match="not a date"):
        search_documents(store, "thuc hien", since="last year")
    with pytest.raises(ParameterError, match="names 33 units"):
        search_documents(store, "thuc hien", locality="Phường 1")


def test_store_and_memory_rank_alike(graph, store):
    for text in ("thuc hien", "44-KL/TW", "Quyet dinh 895", "chu thap do", "ban bi thu", "1416", "xyzzy"):
        assert search_documents(graph, text, limit=50) == search_documents(store, text, limit=50), text
