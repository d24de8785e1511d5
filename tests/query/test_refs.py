"""What a user types for a document, resolved in the store and in the graph held in memory: the same answers."""
import pytest

from graphbuild.graph import Graph, load_graph
from graphbuild.query import AmbiguousRef, QueryError, find_in_graph, resolve_ref
from graphbuild.query.refs import parse_ref


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


def outcome(resolve, where, ref):
    try:
        return resolve(where, ref)
    except QueryError as e:
        return f"{type(e).__name__}: {e}"


@pytest.mark.parametrize("ref,where", [
    ("44-KL/TW", "d.symbol = $s OR $s IN d.aliases"),
    ("Kết luận 44", "d.num = $n AND d.type IN $types"),
    ("Kế hoạch số 84", "d.num = $n AND d.type IN $types"),
    ("tiếp tục thực hiện", "toLower(d.title) CONTAINS $t"),
])
def test_a_reference_is_read_as_one_condition(ref, where):
    assert parse_ref(ref).condition().cypher() == where


def test_store_and_memory_find_the_same_documents(graph, store):
    refs = {"44- KL/TW", "Kết luận 44", "kết luận số 44", "01-CT/TU", "Chỉ thị 43", "Công văn 809", "nothing-like-this",
            "thực hiện", "'", ""}
    for d in graph.documents.values():
        refs |= {d["id"], d.get("symbol") or "", (d.get("title") or "")[:25]} | set(d.get("aliases") or [])
    for ref in sorted(refs):
        assert outcome(find_in_graph, graph, ref) == outcome(lambda st, r: resolve_ref(st.run, r), store, ref), ref


def test_ambiguous_and_unknown_references(graph):
    with pytest.raises(QueryError, match="no document matches '9999-KL/TW'"):
        find_in_graph(graph, "9999-KL/TW")
    assert find_in_graph(graph, "vn/tw/kl/2022/44") == find_in_graph(graph, "Kết luận 44") == "vn/tw/kl/2022/44"
    with pytest.raises(AmbiguousRef) as e:
        find_in_graph(graph, "thực hiện")
    ids = [c["id"] for c in e.value.candidates]
    assert len(ids) > 1 and ids == sorted(ids) and all(i in str(e.value) for i in ids)


def test_at_most_twenty_candidates_in_id_order():
    g = Graph(documents={f"vn/x/{i:02d}": {"id": f"vn/x/{i:02d}", "title": "Kế hoạch thực hiện"} for i in range(25)})
    with pytest.raises(AmbiguousRef) as e:
        find_in_graph(g, "kế hoạch")
    assert [c["id"] for c in e.value.candidates] == [f"vn/x/{i:02d}" for i in range(20)]
