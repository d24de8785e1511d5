"""Against a real Neo4j 5 server: runs only when NEO4J_URI is set (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE
as for the CLI), skipped otherwise. CI (.ci/run) starts one from ../shared/neo4j and sets them.

WARNING: it WIPES graphbuild's labels (Document, Organization, Locality, Person) in that database before loading the
seed graph. Point it at a scratch server or database, e.g.

    docker run --rm -p7687:7687 -e NEO4J_AUTH=neo4j/testpassword neo4j:5
    NEO4J_URI=bolt://localhost:7687 NEO4J_PASSWORD=testpassword pytest tests/stores/test_neo4j_integration.py

What the loader promises, checked on what the server holds: constraints before the first write, every batch within
the batch size, values only as parameters, a second load (or a re-run after an interruption) that changes nothing,
the same graph whatever the mode and the number of workers, stale data reported and removed by --wipe with nothing
else touched; every query file gives the same rows as the embedded store; the folding analyzer finds "chữ thập đỏ"
from "chu thap do"; notifications and the password stay out of the output.
"""
import os
import threading
import warnings

import pytest
from click.testing import CliRunner

pytestmark = [pytest.mark.neo4j,
              pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to test")]

from neo4j_snapshot import snapshot  # noqa: E402

from graphbuild.cli import main  # noqa: E402
from graphbuild.graph import GraphFiles, load_graph  # noqa: E402
from graphbuild.query import list_queries, load_query, run_query  # noqa: E402
from graphbuild.stores import EmbeddedStore, schema  # noqa: E402
from graphbuild.stores.neo4j import LABELS, Neo4jStore, Neo4jStoreError  # noqa: E402
from graphbuild.stores.schema import FULLTEXT_INDEX  # noqa: E402

PARAMS = {"path": {"to": "1416-CV/QU"}, "coverage": {"within": "Hải Phòng"}, "by_locality": {"locality": "Hải Phòng"}}
class Recorder:
    """The real driver, with every statement it is given recorded as (kind, query, parameters), in order; kind is
    "read" (execute_query), "auto" (session.run) or "write" (in a managed write transaction)."""

    def __init__(self, driver):
        self.driver, self.sent, self._lock = driver, [], threading.Lock()

    def __getattr__(self, name):
        return getattr(self.driver, name)

    def record(self, kind, query, parameters):
        with self._lock:
            self.sent.append((kind, query, parameters))

    def execute_query(self, query, parameters=None, **kwargs):
        self.record("read", query, parameters)
        return self.driver.execute_query(query, parameters, **kwargs)

    def session(self, **config):
        return RecordingSession(self.driver.session(**config), self)


class RecordingSession:
    def __init__(self, session, recorder):
        self.session, self.recorder = session, recorder

    def __enter__(self):
        self.session.__enter__()
        return self

    def __exit__(self, *exc):
        return self.session.__exit__(*exc)

    def run(self, query, parameters=None, **kwargs):
        self.recorder.record("auto", query, parameters)
        return self.session.run(query, parameters, **kwargs)

    def execute_write(self, work, *args, **kwargs):
        recorder = self.recorder

        class Tx:
            def __init__(self, tx):
                self.tx = tx

            def run(self, query, parameters=None, **kw):
                recorder.record("write", query, parameters)
                return self.tx.run(query, parameters, **kw)
        return self.session.execute_write(lambda tx: work(Tx(tx), *args, **kwargs))


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


@pytest.fixture(scope="module")
def neo(built):
    with Neo4jStore.from_env() as st:
        st.wipe()
        st.first_report = st.load(GraphFiles(built), batch_size=100)
        st.reference = snapshot(st)
        yield st


@pytest.fixture()
def recorded(neo):
    recorder = neo._driver = Recorder(neo._driver)
    yield recorder
    neo._driver = recorder.driver


@pytest.fixture(scope="module")
def embedded(built):
    with EmbeddedStore(built) as st:
        yield st


def _writes(recorder):
    return [(q, p) for kind, q, p in recorder.sent if kind in ("write", "auto")]


# --- loading --------------------------------------------------------------------------------------------------------

def test_first_load_counts_what_the_graph_holds(neo, graph):
    first = neo.first_report
    assert first["ok"], first["mismatches"]
    assert first["mode"] == "create"                                   # the database held none of our nodes
    labels = {d: "Document" for d in graph.documents} | {e["id"]: e["label"] for e in graph.entities.values()}
    assert first["database"]["nodes"] == {label: list(labels.values()).count(label) for label in LABELS}
    assert sum(first["database"]["relationships"].values()) == len(graph.edges) + sum(
        1 for x in graph.links if (labels.get(x["source"]), labels.get(x["target"])) in schema.LINKS[x["relation"]][0])
    assert first["written"]["Document"] == len(graph.documents)


def test_constraints_come_before_any_write_and_indexes_after_the_data(neo, built, recorded):
    neo.wipe()
    neo.load(GraphFiles(built), batch_size=50)
    writes = [q for q, _ in _writes(recorded)]
    first_data = next(i for i, q in enumerate(writes) if q.startswith("UNWIND"))
    head = writes[:first_data]
    for label in LABELS:
        assert any(q.startswith("CREATE CONSTRAINT") and f"(n:{label})" in q and "REQUIRE n.id IS UNIQUE" in q
                   for q in head), label
    last_data = max(i for i, q in enumerate(writes) if q.startswith("UNWIND"))
    assert not any(q.startswith("CREATE CONSTRAINT") for q in writes[first_data:])
    assert any(q.startswith("CREATE INDEX") for q in writes[last_data:])           # indexes once the data is in
    assert any(q.startswith("CREATE FULLTEXT INDEX") for q in writes[last_data:])
    cons = neo.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN labelsOrTypes, properties, type")
    for label in LABELS:
        assert any(c["labelsOrTypes"] == [label] and c["properties"] == ["id"] and "UNIQUE" in c["type"]
                   for c in cons), label
    idx = neo.run("SHOW FULLTEXT INDEXES YIELD name, options WHERE name = $name RETURN options", {"name": FULLTEXT_INDEX})
    assert idx and idx[0]["options"]["indexConfig"]["fulltext.analyzer"] == "standard-folding"
    assert snapshot(neo) == neo.reference


def test_second_load_changes_nothing(neo, built):
    report = neo.load(GraphFiles(built))
    assert report["ok"], report["mismatches"]
    assert report["mode"] == "merge"
    assert report["database"] == neo.first_report["database"]
    assert snapshot(neo) == neo.reference


# the seeds graph carries the country's units (thousands of rows): every batch size here makes hundreds of batches
@pytest.mark.parametrize("mode,workers,batch_size", [("merge", 1, 40), ("create", 3, 15), ("merge", 4, 25)])
def test_every_mode_and_number_of_workers_gives_the_same_graph(neo, built, mode, workers, batch_size):
    neo.wipe()
    report = neo.load(GraphFiles(built), batch_size=batch_size, workers=workers, mode=mode)
    assert report["ok"] and report["mode"] == mode, report["mismatches"]
    assert snapshot(neo) == neo.reference


def test_batches_respect_the_batch_size_and_values_stay_parameters(neo, built, graph, recorded):
    report = neo.load(GraphFiles(built), batch_size=30)
    batches = [(q, p["rows"]) for q, p in _writes(recorded) if p and "rows" in p]
    assert batches and all(1 <= len(r) <= 30 for _, r in batches)
    assert sum(len(r) == 30 for _, r in batches) > len(batches) / 2
    assert report["batches"] + report["retries"] == len(batches) and report["ok"]   # a retried batch is sent again
    assert sum(len(r) for q, r in batches if "(n:Document" in q) == len(graph.documents)
    values = set()
    for d in graph.documents.values():
        values |= {d.get("id"), d.get("symbol"), d.get("title"), d.get("issuer")}
    for e in graph.entities.values():
        values |= {e.get("id"), e.get("name")}
    values = {v for v in values if isinstance(v, str) and len(v) >= 4}
    assert len(values) > 50
    for _, q, _ in recorded.sent:
        assert not [v for v in values if v in q], q


def test_an_interrupted_load_is_finished_by_the_next(neo, built):
    class Stop(Exception):
        pass

    calls = []

    def progress(done, total, what):
        calls.append(done)
        if len(calls) == 3:
            raise Stop()

    neo.wipe()
    with pytest.raises(Stop):
        neo.load(GraphFiles(built), batch_size=5, progress=progress)
    report = neo.load(GraphFiles(built))
    assert report["ok"] and report["mode"] == "merge", report["mismatches"]
    assert snapshot(neo) == neo.reference


def test_stale_data_is_reported_and_wipe_removes_only_graphbuilds(neo, built):
    neo.load(GraphFiles(built))
    with neo._session() as session:
        session.run("MATCH (d:Document) WITH d LIMIT 1 CREATE (:Document {id: 'stale/doc'})-[:IMPLEMENTS]->(d) "
                    "CREATE (:Unrelated {id: 'keep'})-[:IMPLEMENTS]->(d)").consume()
    report = neo.load(GraphFiles(built))
    assert not report["ok"]
    assert any(m.startswith("Document:") and "--wipe" in m for m in report["mismatches"])
    assert any(m.startswith("IMPLEMENTS:") and "--wipe" in m for m in report["mismatches"])
    report = neo.load(GraphFiles(built), wipe=True)
    assert report["ok"], report["mismatches"]
    assert report["wiped"]["Document"] == neo.first_report["nodes"]["Document"] + 1
    assert snapshot(neo) == neo.reference
    assert neo.run("MATCH (n:Unrelated {id: 'keep'}) RETURN count(n) AS c") == [{"c": 1}]
    with neo._session() as session:
        session.run("MATCH (n:Unrelated) DETACH DELETE n").consume()


def test_dates_are_stored_as_dates(neo):
    got = neo.run("MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.date AS date LIMIT 1")
    assert got and type(got[0]["date"]).__name__ == "Date"          # neo4j.time.Date, not a string


# --- reading --------------------------------------------------------------------------------------------------------

def _normalise(rows_):
    """collect() order is unspecified in Cypher on both engines: compare list values as sorted lists."""
    return [{k: (sorted(v, key=repr) if isinstance(v, list) else v) for k, v in r.items()} for r in rows_]


@pytest.mark.parametrize("name", list_queries())
def test_every_query_gives_the_embedded_rows_with_values_as_parameters(neo, embedded, recorded, name):
    q = load_query(name, engine="neo4j")
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
    reads = [(query, params) for kind, query, params in recorded.sent if kind == "read"]
    assert reads[-1][0] == q.cypher and set(reads[-1][1]) == set(q.params)
    for query, _ in reads:                                                  # the user's text only as a parameter
        assert "44-KL/TW" not in query and "Hải Phòng" not in query and "1416-CV/QU" not in query


@pytest.mark.parametrize("level,within,era", [
    ("province", None, "legacy"), ("district", None, "legacy"), ("commune", None, "legacy"),
    ("district", "Hải Phòng", "legacy"), ("commune", "L:P:31", "legacy"), ("commune", "Kiến An", "legacy"),
    ("province", None, "2025"), ("commune", "Hải Phòng", "2025")])
def test_coverage_variant_gives_the_shared_querys_rows(neo, embedded, level, within, era):
    params = {"level": level, "within": within, "era": era}
    theirs = run_query(neo, "coverage", doc="44-KL/TW", params=params, engine="neo4j")
    assert theirs and theirs == run_query(embedded, "coverage", doc="44-KL/TW", params=params)
    assert theirs == run_query(neo, "coverage", doc="44-KL/TW", params=params)      # the shared form, on Neo4j


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


# --- the command line and the password ------------------------------------------------------------------------------

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


def test_search_reads_the_words_index_and_answers_as_without_it(neo, embedded, caplog):
    """Words go through Neo4j's full-text index on search_text (whitespace analyzer: no stop word lost), with the
    answers of the embedded store and of the scan; without the index (a database loaded by an older version) the
    scan answers, with a warning that says how to create it."""
    import logging

    from graphbuild.query import search_documents
    from graphbuild.query.refs import StoreDocuments, documents_of
    from graphbuild.query.word_index import Neo4jIndexedDocuments
    assert isinstance(documents_of(neo), Neo4jIndexedDocuments)
    scan = StoreDocuments(neo.run)
    for filters in ({}, {"types": ["KH", "CV"]}, {"since": "2023", "locality": "Hải Phòng"}):
        for text in ("44-KL", "Kết luận 44", "ke hoach thuc hien", "thực", "t", "to", "an", "Hải Phòng", "quan uy",
                     "Thủ tướng", "2023", "44", "xyzzy", '"44" OR kl*', "NEAR(a b)", "' OR 1=1 --", "a AND b"):
            indexed = search_documents(neo, text, limit=500, **filters)
            assert indexed == search_documents(embedded, text, limit=500, **filters), (text, filters)
            assert indexed == search_documents(scan, text, limit=500, **filters), (text, filters)
    with neo._session() as session:
        session.run(f"DROP INDEX {schema.WORDS_INDEX}").consume()
    try:
        with caplog.at_level(logging.WARNING, "graphbuild.search"):
            assert type(documents_of(neo)) is StoreDocuments
            assert search_documents(neo, "ket luan 44")[0].symbol == "44-KL/TW"
        assert "graphbuild load --neo4j" in caplog.text
    finally:
        neo._schema([s for s in schema.neo4j_indexes() if schema.WORDS_INDEX in s])
        neo.run("CALL db.awaitIndexes(60)")


def test_cli_load_verifies_and_never_prints_the_password(neo, built):
    password = os.environ.get("NEO4J_PASSWORD") or ""
    result = CliRunner().invoke(main, ["load", "--neo4j", "--graph", str(built), "--batch-size", "50"])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "relationships" in result.output
    assert not password or password not in result.output
    bad = "not-the-password-5e2a"
    result = CliRunner().invoke(main, ["load", "--neo4j", "--graph", str(built), "--password", bad])
    assert result.exit_code != 0 and bad not in result.output and "NEO4J_PASSWORD" in result.output
    assert snapshot(neo) == neo.reference


def test_every_node_with_a_level_has_its_level_label_only(neo, built, graph):
    central = sum(1 for d in graph.documents.values() if d.get("level") == "central")
    assert central and neo.run("MATCH (n:Document:Central) RETURN count(n) AS c") == [{"c": central}]
    with neo._session() as session:                    # a wrong level label, as an older load could have left
        session.run("MATCH (n:Document:Central) SET n:Commune").consume()
    neo.load(GraphFiles(built))
    assert neo.run("MATCH (n:Document:Central:Commune) RETURN count(n) AS c") == [{"c": 0}]
    assert snapshot(neo) == neo.reference
