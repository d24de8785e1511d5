"""Against a real Neo4j 5 server: runs only when NEO4J_URI is set (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE
as for the CLI), skipped otherwise.

WARNING: it WIPES graphbuild's labels (Document, Organization, Locality, Person) in that database before loading the
seed graph. Point it at a scratch server or database, e.g.

    docker run --rm -p7687:7687 -e NEO4J_AUTH=neo4j/testpassword neo4j:5
    NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=testpassword pytest tests/stores/test_neo4j_integration.py

What it shows that the fake-driver tests cannot: the Cypher is accepted by the server (constraints, fulltext index
options, CALL … IN TRANSACTIONS), loading twice leaves the same counts, every query file gives the same rows as the
embedded store for the same graph, the folding analyzer finds "chữ thập đỏ" from "chu thap do", and server
notifications stay out of the output.
"""
import os
import warnings

import pytest

pytestmark = pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to test")

from graphbuild.graph import load_graph  # noqa: E402
from graphbuild.graph.build import build_graph as build  # noqa: E402
from graphbuild.query import list_queries, load_query, run_query  # noqa: E402
from graphbuild.stores import EmbeddedStore, rows  # noqa: E402
from graphbuild.stores.neo4j import LABELS, Neo4jStore, Neo4jStoreError  # noqa: E402
from graphbuild.stores.schema import FULLTEXT_INDEX  # noqa: E402

PARAMS = {"path": {"to": "1416-CV/QU"}, "coverage": {"within": "Hải Phòng"}, "by_locality": {"locality": "Hải Phòng"}}


@pytest.fixture(scope="module")
def built(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("graph")
    build([data_dir / "seeds"], out)
    return out


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


@pytest.fixture(scope="module")
def neo(graph):
    with Neo4jStore.from_env() as st:
        st.wipe()
        first = st.load(graph, batch_size=100)
        st.first_report = first
        yield st


@pytest.fixture(scope="module")
def embedded(built):
    with EmbeddedStore(built) as st:
        yield st


def test_load_twice_gives_the_same_counts(neo, graph):
    first = neo.first_report
    assert first["ok"], first["mismatches"]
    second = neo.load(graph, batch_size=7)
    assert second["ok"], second["mismatches"]
    assert second["database"] == first["database"]
    assert first["database"]["nodes"] == {k: len(v) for k, v in rows.node_rows(graph).items()}


def test_constraints_and_fulltext_index_exist(neo):
    cons = neo.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes, properties, type")
    for label in LABELS:
        assert any(c["labelsOrTypes"] == [label] and c["properties"] == ["id"] and "UNIQUE" in c["type"]
                   for c in cons), label
    idx = neo.run("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options", {"name": FULLTEXT_INDEX})
    assert idx and idx[0]["options"]["indexConfig"]["fulltext.analyzer"] == "standard-folding"


def test_dates_are_stored_as_dates(neo):
    got = neo.run("MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.date AS date LIMIT 1")
    assert got and type(got[0]["date"]).__name__ == "Date"          # neo4j.time.Date, not a string


def _normalise(rows_):
    """collect() order is unspecified in Cypher on both engines: compare list values as sorted lists."""
    return [{k: (sorted(v, key=repr) if isinstance(v, list) else v) for k, v in r.items()} for r in rows_]


@pytest.mark.parametrize("name", list_queries())
def test_every_query_gives_the_embedded_rows(neo, embedded, name):
    q = load_query(name)
    doc = "44-KL/TW" if "id" in q.required or name == "lag" else None
    theirs = run_query(neo, name, doc=doc, params=PARAMS.get(name, {}), engine="neo4j")
    ours = run_query(embedded, name, doc=doc, params=PARAMS.get(name, {}))
    assert ours, name
    assert [list(r) for r in theirs] == [list(r) for r in ours]            # same columns, same order
    if name == "path":                                                      # equal-length paths may tie
        assert len(theirs) == len(ours)
        assert (theirs[0], theirs[-1]) == (ours[0], ours[-1])
    else:
        assert _normalise(theirs) == _normalise(ours)


def test_fulltext_folds_vietnamese_diacritics(neo):
    got = neo.run(f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $q) YIELD node, score "
                  f"RETURN node.id AS id, node.title AS title ORDER BY score DESC", {"q": "chu thap do"})
    assert any("chữ thập đỏ" in (r["title"] or "").lower() for r in got), got[:3]


def test_notifications_stay_out_of_the_output(neo, capfd, caplog):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        assert neo.run("MATCH (n:NoSuchLabelAnywhere)-[:NO_SUCH_TYPE]->(m) RETURN n, m") == []
    out, err = capfd.readouterr()
    assert not out and not err
    assert not [r for r in caplog.records if r.name.startswith("neo4j.notifications")]
    assert not [x for x in w if "neo4j" in str(x.filename) or "notification" in str(x.message).lower()]


def test_wrong_password_is_not_echoed():
    bad = "definitely-not-the-password-7c1f"
    st = Neo4jStore.from_env(password=bad)
    try:
        st.run("RETURN 1 AS x")
    except Neo4jStoreError as e:
        assert bad not in str(e) and "NEO4J_PASSWORD" in str(e)
    else:
        pytest.skip("the server does not check passwords (NEO4J_AUTH=none)")
    finally:
        st.close()


VARIANTS = [("coverage", "44-KL/TW", {"level": "province", "era": "2025"}),
            ("coverage", "44-KL/TW", {"level": "commune", "within": "hai phong"}),
            ("coverage", "1416-CV/QU", {"level": "commune", "within": "L:D:307"}),
            ("lag", "44-KL/TW", {"continues": "true"}), ("lag", "43-CT/TW", {}),
            ("by_locality", None, {"locality": "Kien An"})]


@pytest.mark.parametrize("name,doc,params", VARIANTS)
def test_typed_parameters_give_the_embedded_rows(neo, embedded, name, doc, params):
    theirs = run_query(neo, name, doc=doc, params=params, engine="neo4j")
    ours = run_query(embedded, name, doc=doc, params=params)
    assert theirs == ours and ours, (name, params)


@pytest.mark.parametrize("text", ["44-KL/TW", "Kết luận số 44-KL/TW", "ket luan 44", "Quyet dinh 895", "chu thap do",
                                  "thuc hien", "1416-CV/Q", "kien an"])
def test_search_and_the_matcher_give_the_embedded_answers(neo, embedded, text):
    from graphbuild.query import QueryError, match_document, search_documents
    assert search_documents(neo, text, limit=50) == search_documents(embedded, text, limit=50)
    assert search_documents(neo, text, since="2023", locality="Hải Phòng") == \
        search_documents(embedded, text, since="2023", locality="Hải Phòng")

    def outcome(where):
        try:
            return match_document(where, text)
        except QueryError as e:
            return f"{type(e).__name__}: {e}"
    assert outcome(neo) == outcome(embedded)
