"""Every query file runs on the embedded store; the analysts' questions on the seeds."""
import shutil

import pytest

from graphbuild.query import AmbiguousRef, QueryError, list_queries, load_query, run_query
from graphbuild.stores import EmbeddedStore

PARAMS = {"path": {"to": "1416-CV/QU"}, "coverage": {"within": "Hải Phòng"}, "by_locality": {"locality": "Hải Phòng"}}


@pytest.fixture
def writable(built, tmp_path):
    """A copy of the built store opened for writing: what a query sends could change it."""
    shutil.copytree(built, tmp_path / "graph")
    with EmbeddedStore(tmp_path / "graph", read_only=False) as s:
        yield s


def fingerprint(store):
    """What a damaged store would show: its counts, every document, and the answer to a query."""
    return (store.run("MATCH (n) RETURN count(*) AS n"), store.run("MATCH ()-[r]->() RETURN count(*) AS n"),
            store.run("MATCH (d:Document) RETURN d.id AS id, d.symbol AS symbol, d.title AS title ORDER BY id"),
            run_query(store, "lineage", doc="1416-CV/QU"))


def symbols(rows):
    return {r["symbol"] for r in rows}


@pytest.mark.parametrize("name", list_queries())
def test_every_query_has_a_header_and_runs(store, name):
    q = load_query(name)
    assert q.purpose and q.example.startswith("graphbuild query")
    doc = "44-KL/TW" if "id" in q.required or name == "lag" else None
    rows = run_query(store, name, doc=doc, params=PARAMS.get(name, {}))
    assert isinstance(rows, list) and rows, name
    for r in rows:
        assert all(not hasattr(v, "isoformat") for v in r.values())       # plain values only


def test_lineage_of_1416_runs_up_to_the_root(store):
    rows = run_query(store, "lineage", doc="1416-CV/QU")
    depth = {r["symbol"]: r["depth"] for r in rows}
    assert set(depth) == {"809-CV/TU", "44-KL/TW", "43-CT/TW"}
    via = {r["symbol"]: r["via"] for r in rows}
    assert "809-CV/TU" in via["44-KL/TW"] and "44-KL/TW" in via["43-CT/TW"]      # 1416 -> 809 -> 44 -> 43


def test_implementers_of_kl44(store):
    rows = run_query(store, "implementers", doc="Kết luận 44")
    found = symbols(rows)
    assert {"84-KH/TU", "809-CV/TU", "1416-CV/QU", "895/QĐ-TTg", "706/UBND-KGVX"} <= found
    assert any(r["symbol"] is None and r["locality"] == "Hải Phòng" and r["type"] == "KH" for r in rows)
    via84 = next(r for r in rows if r["symbol"] == "706/UBND-KGVX")
    assert via84["depth"] == 2 and via84["parents"] == ["84-KH/TU"] and via84["lag_days"] == 27


def test_coverage_of_kl44_in_hai_phong_districts(store):
    rows = run_query(store, "coverage", doc="44-KL/TW", params={"level": "district", "within": "Hải Phòng"})
    status = {r["unit"]: r["status"] for r in rows}
    assert status["Kiến An"] == "implemented"
    assert status["Lê Chân"] == "not seen" and len(status) == 15


def test_coverage_by_province_across_the_country(store):
    rows = run_query(store, "coverage", doc="44-KL/TW", params={"level": "province"})     # within = null
    assert len(rows) == 63
    done = {r["unit"] for r in rows if r["status"] == "implemented"}
    assert done == {"Hải Phòng"}          # 84-KH/TU's province is unknown: it counts for no province
    rows = run_query(store, "coverage", doc="44-KL/TW", params={"level": "province", "era": "2025"})
    assert len(rows) == 34


def test_path_from_district_to_root(store):
    rows = run_query(store, "path", doc="1416-CV/QU", params={"to": "43-CT/TW"})
    assert rows[0]["symbol"] == "1416-CV/QU" and rows[-1]["symbol"] == "43-CT/TW"


@pytest.mark.parametrize("ref", ["'", '"', "}", "//", "MATCH (n) DETACH DELETE n", "44-KL/TW' OR 1=1 //", "}'); MATCH (n) DETACH DELETE n //"])
def test_user_values_are_parameters(writable, ref):
    before = fingerprint(writable)
    try:        # no document, or the one symbol the text holds (44-KL/TW): never what a string-built query would do
        rows = run_query(writable, "lineage", doc=ref)
        assert "44-KL/TW" in ref and {r["symbol"] for r in rows} == {"43-CT/TW"}
    except QueryError:
        pass
    assert run_query(writable, "most_cited", params={"limit": 1})
    assert fingerprint(writable) == before                          # the store is intact


def test_the_intact_check_sees_a_change(writable):
    before = fingerprint(writable)
    writable.run("MATCH (p:Person) DETACH DELETE p")
    assert fingerprint(writable) != before


def test_unknown_parameter_and_missing_doc(store):
    with pytest.raises(QueryError, match="no parameter"):
        run_query(store, "lineage", doc="44-KL/TW", params={"bogus": 1})
    with pytest.raises(QueryError, match="needs id"):
        run_query(store, "lineage")


def test_ambiguous_reference_lists_candidates():
    rows = [{"id": "vn/a/tu/ct/2020/1", "symbol": "01-CT/TU"}, {"id": "vn/b/tu/ct/2021/1", "symbol": "01-CT/TU"}]

    class Fake:
        def run(self, cypher, params):
            return rows if "$k0" in cypher else []

    with pytest.raises(AmbiguousRef) as e:
        run_query(Fake(), "lineage", doc="01-CT/TU")
    assert "vn/a/tu/ct/2020/1" in str(e.value) and "vn/b/tu/ct/2021/1" in str(e.value)


def test_collected_lists_come_back_sorted():
    """collect() has no order: the columns a query's header lists under 'sorted:' are returned sorted, so the same
    graph gives the same rows from either store and from one run to the next; other lists are left as they are."""
    assert load_query("lineage").sorted_columns == ("via", "relations")

    class Fake:
        def run(self, cypher, params):
            if "$ref" in cypher:                        # the reference: an id
                return [{"id": "vn/x", "symbol": "1-CT/TW"}]
            return [{"id": "vn/a", "via": ["809-CV/TU", None, "1416-CV/QU"], "relations": ["IMPLEMENTS", "BASED_ON"],
                     "other": ["b", "a"]}]

    (row,) = run_query(Fake(), "lineage", doc="vn/x")
    assert row["via"] == ["1416-CV/QU", "809-CV/TU", None] and row["relations"] == ["BASED_ON", "IMPLEMENTS"]
    assert row["other"] == ["b", "a"]
