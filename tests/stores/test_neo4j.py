"""The Neo4j store without a server: the Cypher it builds (pure functions), the batching of rows, the connection
settings, and the errors it raises with the password scrubbed; the admin-import CSVs are parsed back. What the
server does with the statements — constraints, idempotence, wipe, the rows of every query — is tested on a real
server in test_neo4j_integration.py."""
import csv
import datetime as dt
import logging
import re
import shlex
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

from graphbuild.graph import Graph, GraphFiles, load_graph
from graphbuild.stores import StoreError, rows, schema
from graphbuild.stores import neo4j_load as load
from graphbuild.stores.neo4j import Neo4jConfigError, Neo4jStore, Neo4jStoreError
from graphbuild.stores.neo4j_admin import write_admin_import
from graphbuild.stores.schema import neo4j_statements as schema_statements

SECRET = "s3cr3t-Pässwörd"


class FailingDriver:
    """A driver whose every call raises ``fail``: how the store reports driver errors, without a server."""

    def __init__(self, fail, agent="Neo4j/5.26.0"):
        self.fail, self.agent, self.closed = fail, agent, False

    def execute_query(self, *args, **kwargs):
        raise self.fail

    def session(self, **config):
        raise self.fail

    def get_server_info(self):
        if isinstance(self.fail, ConfigurationError):
            return type("ServerInfo", (), {"agent": self.agent})()
        raise self.fail

    def close(self):
        self.closed = True


class AnsweringDriver(FailingDriver):
    """A driver that answers every read with one row {"c": 0}."""

    def __init__(self):
        super().__init__(fail=None)

    def get_server_info(self):
        return type("ServerInfo", (), {"agent": self.agent})()

    def execute_query(self, *args, **kwargs):
        return type("Result", (), {"records": [{"c": 0}]})()


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


def store_with(driver, database="graphs"):
    return Neo4jStore("bolt://localhost:7687", "neo4j", SECRET, database, driver=driver)


def expected_counts(g):
    """Nodes per label and relationships per type, counted from the graph itself (not from the rows the loaders
    send): one relationship per (type, source, target) whose ends are of the labels the schema allows."""
    labels = {d["id"]: "Document" for d in g.documents.values()}
    labels.update({e["id"]: e["label"] for e in g.entities.values()})
    nodes = {label: 0 for label in schema.NODES}
    for label in labels.values():
        nodes[label] += 1
    unique = {(e["relation"], e["source"], e["target"]) for e in g.edges}
    unique |= {(x["relation"], x["source"], x["target"]) for x in g.links
               if (labels.get(x["source"]), labels.get(x["target"])) in schema.LINKS[x["relation"]][0]}
    rels = {}
    for rel, _, _ in unique:
        rels[rel] = rels.get(rel, 0) + 1
    return nodes, rels


# --- the Cypher sent ------------------------------------------------------------------------------------------------

def test_schema_statements_are_neo4j5_syntax():
    stmts = schema_statements()
    assert all(" IF NOT EXISTS " in s for s in stmts)
    assert not any("ASSERT" in s or "ON :" in s for s in stmts)          # Neo4j 4 syntax is gone in 5
    for p in ("symbol", "type", "date", "level", "locality_id"):
        assert f"CREATE INDEX document_{p} IF NOT EXISTS FOR (n:Document) ON (n.{p})" in stmts
    ft = [s for s in stmts if s.startswith("CREATE FULLTEXT INDEX")]
    assert ft == ["CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (n:Document) ON EACH "
                  "[n.title, n.symbol, n.issuer] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}",
                  "CREATE FULLTEXT INDEX document_words IF NOT EXISTS FOR (n:Document) ON EACH "
                  "[n.search_text] OPTIONS {indexConfig: {`fulltext.analyzer`: 'whitespace'}}"]
    first_index = next(i for i, s in enumerate(stmts) if not s.startswith("CREATE CONSTRAINT"))
    assert all(not s.startswith("CREATE CONSTRAINT") for s in stmts[first_index:])     # constraints first


def test_statements_name_each_property_once_and_take_rows_as_lists():
    merge = load.node_statement("Person")
    assert merge == ("UNWIND $rows AS r MERGE (n:Person {id: r[0]}) SET n.name = r[1] RETURN count(*) AS written")
    assert load.node_statement("Person", "create") == \
        "UNWIND $rows AS r CREATE (n:Person {id: r[0], name: r[1]}) RETURN count(*) AS written"
    rel = load.relationship_statement("SIGNED_BY", "Document", "Person")
    assert rel == ("UNWIND $rows AS r MATCH (a:Document {id: r[0]}) MATCH (b:Person {id: r[1]}) "
                   "MERGE (a)-[x:SIGNED_BY]->(b) SET x.role = r[2] RETURN count(*) AS written")
    assert load.relationship_statement("PART_OF", "Locality", "Locality", "create").endswith(
        "CREATE (a)-[x:PART_OF]->(b) RETURN count(*) AS written")
    assert load.node_statement("Locality", "merge", "District").endswith(
        "SET n.name = r[1], n.full_name = r[2], n.level = r[3], n.era = r[4], n.parent = r[5], n.province = r[6], "
        "n.successor = r[7], n:District REMOVE n:Central:Province:Commune RETURN count(*) AS written")
    assert load.node_statement("Document", "create", "Central").startswith("UNWIND $rows AS r CREATE (n:Document:Central {")
    doc = load.node_statement("Document")
    assert doc.count("r[") == len(schema.NODES["Document"])
    assert [int(i) for i in re.findall(r"r\[(\d+)\]", doc)] == list(range(len(schema.NODES["Document"])))


def test_row_values_follow_the_schema_order_and_dates_are_dates():
    warnings = []
    row = {"id": "vn/x/1", "symbol": "1-CT/TW", "date": "2020-05-01", "aliases": ["a"], "stub": False}
    values = load.node_values("Document", row, warnings)
    names = [p for p, _ in schema.NODES["Document"]]
    assert values[names.index("id")] == "vn/x/1" and values[names.index("date")] == dt.date(2020, 5, 1)
    assert values[names.index("aliases")] == ["a"] and values[names.index("title")] is None
    assert not warnings
    bad = load.node_values("Document", {**row, "date": "2020-13-45"}, warnings)
    assert bad[names.index("date")] is None and warnings and "vn/x/1" in warnings[0]
    rel = load.relationship_values("SIGNED_BY", {"source": "d", "target": "p", "role": "Bí thư"})
    assert rel == ["d", "p", "Bí thư"]


def test_wipe_statement_forms():
    assert load.wipe_nodes_statement("Document", True) == \
        "MATCH (n:Document) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS"
    assert load.wipe_nodes_statement("Person", False) == \
        "MATCH (n:Person) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS"
    assert load.wipe_nodes_statement("Person", True, 2) == \
        "MATCH (n:Person) CALL (n) { DETACH DELETE n } IN 2 CONCURRENT TRANSACTIONS OF $batch ROWS"
    assert load.wipe_relationships_statement("IMPLEMENTS", "Document", True) == \
        "MATCH (:Document)-[r:IMPLEMENTS]->() CALL (r) { DELETE r } IN TRANSACTIONS OF $batch ROWS"
    with pytest.raises(ValueError):
        load.wipe_nodes_statement("Document) DETACH DELETE (m", True)
    with pytest.raises(KeyError):                       # only the schema's labels have statements
        load.node_statement("Document {id: 1}) //")


def test_counts_cover_every_label_and_type_from_its_start_labels():
    statement, columns = load.counts_statement()
    assert {name for kind, name in columns if kind == "nodes"} == set(schema.NODES)
    assert {name for kind, name in columns if kind == "relationships"} == set(schema.CITATIONS) | set(schema.LINKS)
    assert statement.count("CALL {") == len(columns)
    assert "MATCH (:Organization)-[r:LOCATED_IN]->()" in statement and "UNION" not in statement


# --- rows in batches ------------------------------------------------------------------------------------------------

def test_batches_hold_at_most_size_rows_per_key_and_part_and_lose_none():
    keyed = [("A" if i % 3 else "B", {"source": f"s{i % 7}", "n": i}) for i in range(100)]
    part = load.start_part(3)
    got = list(rows.batched(iter(keyed), 4, part))
    assert all(1 <= len(batch) <= 4 for _, _, batch in got)
    assert sorted(r["n"] for _, _, batch in got for r in batch) == list(range(100))
    for key, index, batch in got:
        assert all(part(r) == index for r in batch)
        assert {("A" if r["n"] % 3 else "B") for r in batch} == {key}
    starts = {}
    for _, index, batch in got:                      # one start node, one part: no two workers share it
        for r in batch:
            assert starts.setdefault(r["source"], index) == index


def test_batches_are_given_while_the_rows_are_read():
    seen = []

    def stream():
        for i in range(10):
            seen.append(i)
            yield "A", {"n": i}
    first = next(rows.batched(stream(), 3))
    assert [r["n"] for r in first[2]] == [0, 1, 2] and seen == [0, 1, 2]


class RetryingSession:
    """A session whose execute_write retries as the driver's does: again while the error says it is retryable."""

    def __init__(self, failures):
        self.failures, self.attempts = list(failures), 0

    def execute_write(self, work):
        while True:
            self.attempts += 1
            try:
                return work(self)
            except (neo4j.exceptions.DriverError, neo4j.exceptions.Neo4jError) as e:
                if not e.is_retryable():
                    raise

    def run(self, statement, parameters):
        if self.failures:
            raise self.failures.pop(0)
        return type("Result", (), {"single": lambda _: {"written": len(parameters["rows"])}})()


def _failed_result(cause):
    try:
        raise neo4j.exceptions.ResultFailedError(None, "The result has failed.") from cause
    except neo4j.exceptions.ResultFailedError as e:
        return e


def test_a_deadlock_that_reached_the_result_first_is_retried_and_counted():
    deadlock = neo4j.exceptions.Neo4jError._hydrate_neo4j(code="Neo.TransientError.Transaction.DeadlockDetected",
                                                          message="deadlock")
    session = RetryingSession([_failed_result(deadlock)])
    writers = load.Writers(lambda: None, 1)
    writers._write(session, "IMPLEMENTS", "UNWIND $rows AS r …", [["a", "b"], ["c", "d"]])
    writers.close()
    assert session.attempts == 2 and writers.retries == 1 and writers.written == {"IMPLEMENTS": 2}
    syntax = neo4j.exceptions.Neo4jError._hydrate_neo4j(code="Neo.ClientError.Statement.SyntaxError", message="bad")
    writers = load.Writers(lambda: None, 1)
    with pytest.raises(neo4j.exceptions.ResultFailedError):             # not retryable: raised as it came
        writers._write(RetryingSession([_failed_result(syntax)]), "IMPLEMENTS", "…", [["a"]])
    writers.close()


def test_repeated_relationships_are_sent_once(graph):
    g = Graph(documents=graph.documents, edges=graph.edges + graph.edges[:3], entities=graph.entities,
              links=graph.links + graph.links[-2:], report=graph.report)
    once = list(rows.unique_relationship_rows(g))
    assert len(once) == len(list(rows.unique_relationship_rows(graph)))
    assert sum(expected_counts(graph)[1].values()) == len(once)


# --- configuration and secrets ---------------------------------------------------------------------------------------

def test_from_env_requires_uri(monkeypatch):
    for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD", "NEO4J_DATABASE"):
        monkeypatch.delenv(k, raising=False)
    with pytest.raises(Neo4jConfigError, match="NEO4J_URI") as e:
        Neo4jStore.from_env()
    assert isinstance(e.value, StoreError)
    monkeypatch.setenv("NEO4J_URI", "")
    with pytest.raises(Neo4jConfigError, match="NEO4J_URI"):
        Neo4jStore.from_env(password=SECRET)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt+routing://x:7687"])
def test_from_env_rejects_non_bolt_uris(monkeypatch, uri):
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    with pytest.raises(Neo4jConfigError, match="bolt://") as e:
        Neo4jStore.from_env(uri=uri)
    assert SECRET not in str(e.value)


def test_from_env_values_and_overrides(monkeypatch):
    captured = {}

    def fake_driver(uri, auth=None, **config):
        captured.update(uri=uri, auth=auth, config=config)
        return AnsweringDriver()

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", fake_driver)
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://abc.databases.neo4j.io")
    monkeypatch.setenv("NEO4J_USERNAME", "alice")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.setenv("NEO4J_DATABASE", "laws")
    st = Neo4jStore.from_env()
    assert (st.uri, st.user, st.database) == ("neo4j+s://abc.databases.neo4j.io", "alice", "laws")
    assert captured["auth"] == ("alice", SECRET)
    assert captured["config"]["notifications_min_severity"] == "OFF"
    assert logging.getLogger("neo4j.notifications").getEffectiveLevel() > logging.CRITICAL
    assert SECRET not in repr(st) and SECRET not in str(st)
    st2 = Neo4jStore.from_env(uri="bolt://other:7687", user="bob", password="pw2", database="x")
    assert (st2.uri, st2.user, st2.database) == ("bolt://other:7687", "bob", "x")
    monkeypatch.delenv("NEO4J_USERNAME")
    monkeypatch.delenv("NEO4J_DATABASE")
    st3 = Neo4jStore.from_env()
    assert st3.user == "neo4j" and st3.database is None


def test_real_driver_is_built_without_connecting(monkeypatch):
    st = Neo4jStore.from_env(uri="bolt://127.0.0.1:1", password=SECRET)
    assert SECRET not in repr(st)
    st.close()


def test_unreachable_server_fails_at_once_with_a_clear_message(monkeypatch):
    st = Neo4jStore.from_env(uri="bolt://127.0.0.1:1", password=SECRET)
    queries = []
    # At once: the connection check fails before any query is sent (execute_query would retry for 30 s first).
    monkeypatch.setattr(st._driver, "execute_query", lambda *a, **kw: queries.append(a))
    with pytest.raises(Neo4jStoreError, match="cannot reach Neo4j at bolt://127.0.0.1:1") as e:
        st.run("MATCH (n:Document) RETURN count(n) AS c")
    assert not queries and SECRET not in str(e.value)
    st.close()


def test_password_in_uri_is_not_shown():
    st = Neo4jStore("bolt://neo4j:hunter2@localhost:7687", "neo4j", SECRET, driver=AnsweringDriver())
    assert "hunter2" not in repr(st) and SECRET not in repr(st)


@pytest.mark.parametrize("error,words", [
    (AuthError(f"The client is unauthorized due to authentication failure ({SECRET})"), "NEO4J_PASSWORD"),
    (ServiceUnavailable(f"Couldn't connect to localhost:7687 with {SECRET}"), "cannot reach"),
    (ConfigurationError(f"bad option {SECRET}"), "driver error"),
])
def test_driver_errors_are_wrapped_and_scrubbed(graph, error, words):
    st = store_with(FailingDriver(fail=error))
    for call in (lambda: st.run("MATCH (n:Document) RETURN n"), lambda: st.load(graph), lambda: st.wipe()):
        with pytest.raises(Neo4jStoreError) as e:
            call()
        assert words in str(e.value) and SECRET not in str(e.value) and SECRET not in repr(e.value)
        assert e.value.__cause__ is None and e.value.__suppress_context__


def test_old_server_without_notification_filters_gets_a_driver_without_them(monkeypatch):
    made = []
    old = FailingDriver(fail=ConfigurationError("Notification filtering is not supported for the Bolt Protocol "
                                             "Version(5, 0). Server Agent 'Neo4j/5.5.0'"))
    new = AnsweringDriver()

    def fake_driver(uri, auth=None, **config):
        made.append(config)
        return old if len(made) == 1 else new

    monkeypatch.setattr(neo4j.GraphDatabase, "driver", fake_driver)
    st = Neo4jStore.from_env(uri="bolt://localhost:7687", password=SECRET)
    assert st.run("MATCH (n:Document) RETURN count(n) AS c") == [{"c": 0}]
    assert "notifications_min_severity" in made[0] and "notifications_min_severity" not in made[1]
    assert old.closed


# --- neo4j-admin import ----------------------------------------------------------------------------------------------

DOCUMENT_HEADER = ("id:ID(Document),symbol,type,type_name,number,num:long,issuer,issuer_code,date:date,year:long,"
                   "date_inferred:boolean,locality,locality_id,province,level,system,term,title,signer,stub:boolean,"
                   "kind,file,url,aliases:string[],cited_by_count:long,unresolved,title_source,search_text,"
                   "search_keys:string[],day_number:long,:LABEL")
CITATION_HEADER = (":START_ID(Document),:END_ID(Document),relation,confidence:double,lag_days:long,"
                   "relations:string[],evidence_text,evidence_file,evidence_start:long,evidence_end:long,"
                   "asserted_in:string[],mode,verb,:TYPE")


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_admin_import_files_headers_and_command(graph, tmp_path):
    res = write_admin_import(graph, tmp_path / "import")
    files = [Path(f) for f in res["files"]]
    assert all(f.exists() for f in files)
    d = tmp_path / "import"
    assert read_csv(d / "nodes_Document_header.csv") == [DOCUMENT_HEADER.split(",")]
    assert read_csv(d / "nodes_Organization_header.csv") == [
        "id:ID(Organization),name,code,level,locality,locality_id,:LABEL".split(",")]
    assert read_csv(d / "nodes_Locality_header.csv") == [
        "id:ID(Locality),name,full_name,level,era,parent,province,successor,:LABEL".split(",")]
    assert read_csv(d / "nodes_Person_header.csv") == [["id:ID(Person)", "name", ":LABEL"]]
    assert read_csv(d / "rels_IMPLEMENTS_Document_Document_header.csv") == [CITATION_HEADER.split(",")]
    assert read_csv(d / "rels_ISSUED_BY_Document_Organization_header.csv") == [
        [":START_ID(Document)", ":END_ID(Organization)", ":TYPE"]]
    assert read_csv(d / "rels_LOCATED_IN_Organization_Locality_header.csv") == [
        [":START_ID(Organization)", ":END_ID(Locality)", ":TYPE"]]
    assert read_csv(d / "rels_SIGNED_BY_Document_Person_header.csv") == [
        [":START_ID(Document)", ":END_ID(Person)", "role", ":TYPE"]]

    nodes, rels = expected_counts(graph)
    for f in files:
        if f.suffix != ".csv" or f.name.endswith("_header.csv"):
            continue
        header = read_csv(f.with_name(f.stem + "_header.csv"))[0]
        data = read_csv(f)
        assert data and all(len(r) == len(header) for r in data), f
        if f.name.startswith("nodes_"):
            label = f.stem.split("_", 1)[1]
            assert len(data) == nodes[label] and {r[-1].split(res["array_delimiter"])[0] for r in data} == {label}
            extra = {tuple(r[-1].split(res["array_delimiter"])[1:]) for r in data}      # the level label, if any
            assert all(len(x) <= 1 and set(x) <= set(schema.LEVEL_LABELS.values()) for x in extra), extra
            if label in ("Document", "Locality"):
                assert any(extra)
            for i, col in enumerate(header):
                if col.endswith(":date"):
                    assert all(r[i] == "" or dt.date.fromisoformat(r[i]) for r in data)
                if col.endswith(":boolean"):
                    assert {r[i] for r in data} <= {"true", "false"}
                if col.endswith(":long"):
                    assert all(r[i] == "" or re.fullmatch(r"-?\d+", r[i]) for r in data)
    assert res["nodes"] == {k: v for k, v in nodes.items() if v}
    assert res["relationships"] == rels

    # multi-line evidence survives the round trip
    imp = read_csv(d / "rels_IMPLEMENTS_Document_Document.csv")
    texts = {(r[0], r[1]): r[6] for r in imp}
    first = next(e for e in graph.edges if e["relation"] == "IMPLEMENTS")
    assert texts[(first["source"], first["target"])] == first["evidence"][0]["text"]

    cmd = res["command"]
    assert cmd.startswith("neo4j-admin database import full neo4j --nodes=")
    assert f"--array-delimiter={res['array_delimiter']}" in cmd and "--multiline-fields=true" in cmd
    assert "--overwrite-destination" not in cmd
    args = shlex.split(cmd)
    node_args = [a for a in args if a.startswith("--nodes=")]
    rel_args = [a for a in args if a.startswith("--relationships=")]
    assert len(node_args) == 4 and len(rel_args) == sum(1 for f in files if f.name.startswith("rels_")) // 2
    for a in node_args + rel_args:
        head, data = a.split("=", 1)[1].split(",")
        assert Path(head).name.endswith("_header.csv") and Path(data).exists() and Path(head).is_absolute()
    assert (d / "schema.cypher").read_text(encoding="utf-8").count("IF NOT EXISTS") == len(schema_statements())


def test_admin_import_arrays_use_the_delimiter(graph, tmp_path):
    g = Graph()
    g.documents = {k: dict(v) for k, v in graph.documents.items()}
    g.edges, g.entities, g.links, g.report = graph.edges, graph.entities, graph.links, graph.report
    some = sorted(g.documents)[0]
    g.documents[some]["aliases"] = ["A;1", "B"]
    res = write_admin_import(g, tmp_path, database="laws", overwrite=True)
    assert res["array_delimiter"] == "|"
    assert "--array-delimiter='|'" in res["command"] or "--array-delimiter=|" in res["command"]
    assert res["command"].startswith("neo4j-admin database import full laws ")
    assert "--overwrite-destination=true" in res["command"]
    header = read_csv(tmp_path / "nodes_Document_header.csv")[0]
    i = header.index("aliases:string[]")
    row = next(r for r in read_csv(tmp_path / "nodes_Document.csv") if r[0] == some)
    assert row[i].split("|") == ["A;1", "B"]


def test_admin_import_streamed_from_the_files_matches_the_graph(tmp_path, built):
    """`load --admin-import` streams the built files instead of loading them: the CSVs are the same."""
    out = built
    from_graph = write_admin_import(load_graph(out), tmp_path / "a")
    from_files = write_admin_import(GraphFiles(out), tmp_path / "b")
    assert from_graph["nodes"] == from_files["nodes"] and from_graph["relationships"] == from_files["relationships"]
    names = sorted(Path(f).name for f in from_graph["files"])
    assert names == sorted(Path(f).name for f in from_files["files"])
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
