"""What a user types for a document, resolved in the store and in the graph held in memory: the same answers, by
the one matcher (query.search.match_document), whatever the accents, case or typing."""
import pytest

from graphbuild.graph import Graph, load_graph
from graphbuild.query import AmbiguousRef, NoMatch, QueryError, find_in_graph, resolve_ref
from graphbuild.query.search import read_reference


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


def outcome(resolve, where, ref):
    try:
        return resolve(where, ref)
    except QueryError as e:
        return f"{type(e).__name__}: {e}"


@pytest.mark.parametrize("ref,symbols,types,number,words", [
    ("44-KL/TW", ("44-kl/tw",), (), None, ("44", "kl", "tw")),
    ("Kết luận số 44-KL/TW", ("44-kl/tw",), ("KL",), None, ("ket", "luan", "44", "kl", "tw")),
    ("Ket luan 44", (), ("KL",), 44, ("ket", "luan", "44")),
    ("Quyet dinh 895", (), ("QĐ",), 895, ("quyet", "dinh", "895")),
    ("895/QD-TTg", ("895/qd-ttg",), (), None, ("895", "qd", "ttg")),
    ("chữ thập đỏ", (), (), None, ("chu", "thap", "do")),
])
def test_a_reference_is_read_once_folded(ref, symbols, types, number, words):
    reading = read_reference(ref)
    assert (reading.symbols, reading.types, reading.number, reading.words) == (symbols, types, number, words)


@pytest.mark.parametrize("ref,symbol", [
    ("44-KL/TW", "44-KL/TW"), ("44- KL/TW", "44-KL/TW"), ("44-kl/tw", "44-KL/TW"),
    ("Kết luận 44", "44-KL/TW"), ("Ket luan 44", "44-KL/TW"), ("KET LUAN SO 44", "44-KL/TW"),
    # as documents cite it: the symbol inside wins over the words around it (they matched 1416-CV/QU before)
    ("Kết luận số 44-KL/TW", "44-KL/TW"),
    ("895/QĐ-TTg", "895/QĐ-TTg"), ("895/QD-TTg", "895/QĐ-TTg"), ("Quyet dinh 895", "895/QĐ-TTg"),
    ("Quyết định số 895", "895/QĐ-TTg"),
    ("1416-CV/QU", "1416-CV/QU"), ("Công văn 1416", "1416-CV/QU"), ("cong van 1416", "1416-CV/QU"),
])
def test_accents_case_and_spacing_do_not_matter(graph, store, ref, symbol):
    doc_id = find_in_graph(graph, ref)
    assert graph.documents[doc_id]["symbol"] == symbol
    assert resolve_ref(store.run, ref) == doc_id


def test_a_typo_gets_did_you_mean_never_a_match_by_its_parts(graph):
    with pytest.raises(NoMatch) as e:
        find_in_graph(graph, "1416-CV/Q")
    assert [s["symbol"] for s in e.value.suggestions][:1] == ["1416-CV/QU"]
    assert "did you mean" in str(e.value) and "vn/hai-phong/kien-an/qu/cv/2023/1416" in str(e.value)
    with pytest.raises(NoMatch) as e:
        find_in_graph(graph, "Kết luận 45")         # a type and number that names nothing: no word fallback
    assert "did you mean" not in str(e.value) or "44-KL/TW" not in str(e.value)
    with pytest.raises(NoMatch, match="no document matches '9999-KL/TW'"):
        find_in_graph(graph, "9999-KL/TW")


def test_store_and_memory_find_the_same_documents(graph, store):
    refs = {"44- KL/TW", "Kết luận 44", "kết luận số 44", "01-CT/TU", "Chỉ thị 43", "Công văn 809", "nothing-like-this",
            "thực hiện", "'", "", "ket luan", "1416-CV/Q", "chu thap do", "Ban Bi thu"}
    for d in graph.documents.values():
        refs |= {d["id"], d.get("symbol") or "", (d.get("title") or "")[:25]} | set(d.get("aliases") or [])
    for ref in sorted(refs):
        assert outcome(find_in_graph, graph, ref) == outcome(lambda st, r: resolve_ref(st.run, r), store, ref), ref


def test_ambiguous_references_list_their_candidates(graph):
    assert find_in_graph(graph, "vn/tw/kl/2022/44") == "vn/tw/kl/2022/44"
    with pytest.raises(AmbiguousRef) as e:
        find_in_graph(graph, "thực hiện")
    ids = [c["id"] for c in e.value.candidates]
    assert len(ids) > 1 and all(i in str(e.value) for i in ids)


def test_at_most_twenty_candidates_best_then_id_order():
    g = Graph(documents={f"vn/x/{i:02d}": {"id": f"vn/x/{i:02d}", "title": "Kế hoạch thực hiện"} for i in range(25)})
    with pytest.raises(AmbiguousRef) as e:
        find_in_graph(g, "kế hoạch")
    assert [c["id"] for c in e.value.candidates] == [f"vn/x/{i:02d}" for i in range(20)]
    assert "at least 20" in str(e.value)
