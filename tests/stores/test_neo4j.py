"""The Neo4j store without a server: a fake driver records every (query, parameters) sent and keeps a tiny in-memory
graph, so the loader's statements, batching, idempotence, wipe and verification are checked here; the admin-import
CSVs are parsed back. What only a real server can show lives in test_neo4j_integration.py."""
import csv
import datetime as dt
import logging
import math
import re
import shlex
from pathlib import Path

import neo4j
import pytest
from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

from graphbuild.graph import Graph, GraphFiles, load_graph
from graphbuild.graph.build import build_graph as build
from graphbuild.query import list_queries, load_query, run_query
from graphbuild.stores import StoreError, schema
from graphbuild.stores.neo4j import LABELS, Neo4jConfigError, Neo4jStore, Neo4jStoreError, wipe_statement
from graphbuild.stores.neo4j_admin import write_admin_import
from graphbuild.stores.schema import neo4j_statements as schema_statements

SECRET = "s3cr3t-Pässwörd"
PARAMS = {"path": {"to": "43-CT/TW"}, "coverage": {"within": "Hải Phòng"}, "by_locality": {"locality": "Hải Phòng"}}


# --- a fake driver: records what is sent and keeps just enough state to count -------------------------------------

class FakeRecord(dict):
    pass


class FakeResult:
    def __init__(self, records):
        self.records = [FakeRecord(r) for r in records]

    def single(self):
        return self.records[0] if self.records else None

    def consume(self):
        return None


class FakeDB:
    def __init__(self):
        self.nodes = {}          # label -> {id: props}
        self.rels = {}           # (type, a, b) -> {(source, target): props}

    def execute(self, query, params):
        params = params or {}
        m = re.match(r"UNWIND \$rows AS r MERGE \(n:(\w+) \{id: r\.id\}\)", query)
        if m:
            table = self.nodes.setdefault(m.group(1), {})
            for r in params["rows"]:
                table.setdefault(r["id"], {}).update(r["props"])
            return [{"written": len(params["rows"])}]
        m = re.match(r"UNWIND \$rows AS r MATCH \(a:(\w+) \{id: r\.source\}\) MATCH \(b:(\w+) \{id: r\.target\}\) "
                     r"MERGE \(a\)-\[x:(\w+)\]->\(b\)", query)
        if m:
            a, b, rel = m.groups()
            table = self.rels.setdefault((rel, a, b), {})
            n = 0
            for r in params["rows"]:
                if r["source"] in self.nodes.get(a, {}) and r["target"] in self.nodes.get(b, {}):
                    table.setdefault((r["source"], r["target"]), {}).update(r["props"])
                    n += 1
            return [{"written": n}]
        m = re.fullmatch(r"MATCH \(n:(\w+)\) RETURN count\(n\) AS c", query)
        if m:
            return [{"c": len(self.nodes.get(m.group(1), {}))}]
        m = re.fullmatch(r"MATCH \(:(\w+)\)-\[r:(\w+)\]->\(:(\w+)\) RETURN count\(r\) AS c", query)
        if m:
            a, rel, b = m.groups()
            return [{"c": len(self.rels.get((rel, a, b), {}))}]
        m = re.match(r"MATCH \(n:(\w+)\) CALL .*DETACH DELETE n \} IN TRANSACTIONS OF \$batch ROWS$", query)
        if m:
            label = m.group(1)
            self.nodes.pop(label, None)
            for key in list(self.rels):
                if label in (key[1], key[2]):
                    del self.rels[key]
            return []
        if query.startswith(("CREATE CONSTRAINT", "CREATE INDEX", "CREATE FULLTEXT INDEX", "CALL db.awaitIndexes")):
            return []
        if "RETURN d.id AS id, d.symbol AS symbol" in query:          # resolve_ref: one hit
            return [{"id": "vn/x/1", "symbol": "1-X/Y", "issuer": None, "locality": None, "date": None, "stub": False}]
        return []


class FakeTx:
    def __init__(self, driver):
        self.driver = driver

    def run(self, query, parameters=None, **kw):
        self.driver.sent.append(("tx", query, parameters))
        return FakeResult(self.driver.db.execute(query, parameters))


class FakeSession:
    def __init__(self, driver, **config):
        self.driver, self.config = driver, config

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def execute_write(self, work, *args, **kwargs):
        self.driver.sent.append(("begin-write", None, None))
        return work(FakeTx(self.driver), *args, **kwargs)

    def run(self, query, parameters=None, **kw):
        self.driver.sent.append(("auto", query, parameters))
        return FakeResult(self.driver.db.execute(query, parameters))

    def close(self):
        pass


class ServerInfo:
    def __init__(self, agent):
        self.agent = agent


class FakeDriver:
    execute_query_bookmark_manager = object()

    def __init__(self, agent="Neo4j/5.26.0", fail=None):
        self.sent, self.reads, self.sessions = [], [], []
        self.db = FakeDB()
        self.agent, self.fail, self.closed = agent, fail, False

    def execute_query(self, query, parameters=None, routing_=None, database_=None, **kw):
        if self.fail:
            raise self.fail
        self.reads.append({"query": query, "parameters": parameters, "routing": routing_, "database": database_})
        self.sent.append(("read", query, parameters))
        return FakeResult(self.db.execute(query, parameters))

    def session(self, **config):
        if self.fail:
            raise self.fail
        self.sessions.append(config)
        return FakeSession(self, **config)

    def get_server_info(self):
        if self.fail and not isinstance(self.fail, ConfigurationError):
            raise self.fail
        return ServerInfo(self.agent)

    def close(self):
        self.closed = True

    def writes(self):
        return [(q, p) for kind, q, p in self.sent if kind in ("tx", "auto")]


@pytest.fixture(scope="module")
def graph(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("graph")
    build([data_dir / "seeds"], out)
    return load_graph(out)


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


# --- loading ---------------------------------------------------------------------------------------------------------

def test_load_counts_and_verifies(graph):
    drv = FakeDriver()
    with store_with(drv) as st:
        report = st.load(graph)
    nodes, rels = expected_counts(graph)
    assert report["nodes"] == nodes and report["relationships"] == rels
    assert report["ok"] and report["mismatches"] == []
    assert report["database"]["nodes"] == nodes
    assert {k: v for k, v in report["database"]["relationships"].items() if v} == rels
    assert report["written"]["Document"] == nodes["Document"]
    assert drv.closed
    # writes go through sessions on the configured database, chained to execute_query's bookmarks
    assert drv.sessions and all(s["database"] == "graphs" for s in drv.sessions)
    assert all(s["bookmark_manager"] is FakeDriver.execute_query_bookmark_manager for s in drv.sessions)
    assert all(r["database"] == "graphs" and r["routing"] == neo4j.RoutingControl.READ for r in drv.reads)


def test_constraints_and_indexes_come_before_any_merge(graph):
    drv = FakeDriver()
    store_with(drv).load(graph)
    queries = [q for q, _ in drv.writes()]
    first_merge = next(i for i, q in enumerate(queries) if "MERGE" in q)
    head = queries[:first_merge]
    for label in LABELS:
        assert any(q.startswith("CREATE CONSTRAINT") and f"(n:{label})" in q and "REQUIRE n.id IS UNIQUE" in q
                   for q in head), label
    assert any("FULLTEXT" in q for q in head)
    assert not any(q.startswith("CREATE") for q in queries[first_merge:])


def test_schema_statements_are_neo4j5_syntax():
    stmts = schema_statements()
    assert all(" IF NOT EXISTS " in s for s in stmts)
    assert not any("ASSERT" in s or "ON :" in s for s in stmts)          # Neo4j 4 syntax is gone in 5
    for p in ("symbol", "type", "date", "level", "locality_id"):
        assert f"CREATE INDEX document_{p} IF NOT EXISTS FOR (n:Document) ON (n.{p})" in stmts
    ft = [s for s in stmts if s.startswith("CREATE FULLTEXT INDEX")]
    assert ft == ["CREATE FULLTEXT INDEX document_text IF NOT EXISTS FOR (n:Document) ON EACH "
                  "[n.title, n.symbol, n.issuer] OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}"]


NODE_PATTERN = re.compile(r"\((\w*)(:\w+)?")


def test_every_match_and_merge_uses_labels_and_never_create(graph):
    drv = FakeDriver()
    st = store_with(drv)
    st.load(graph, wipe=True)
    sent = [q for kind, q, _ in drv.sent if q]
    data_statements = [q for q in sent if not q.startswith(("CREATE CONSTRAINT", "CREATE INDEX", "CREATE FULLTEXT"))]
    assert data_statements
    for q in data_statements:
        assert "CREATE" not in q, q                                        # MERGE, never CREATE
        bound = set()
        for clause in re.findall(r"(?:MATCH|MERGE) (.*?)(?= MATCH | MERGE | SET | RETURN | CALL |$)", q):
            for var, label in NODE_PATTERN.findall(clause):
                if label:
                    bound.add(var)
                else:
                    assert var in bound, f"unlabelled node ({var}) in: {q}"
            for rel in re.findall(r"\[(\w*)(:?\w*)\]", clause):
                assert rel[1].startswith(":"), f"untyped relationship in: {q}"


def test_user_values_only_in_parameters(graph):
    drv = FakeDriver()
    store_with(drv).load(graph)
    values = set()
    for d in graph.documents.values():
        values |= {d.get("id"), d.get("symbol"), d.get("title"), d.get("issuer")}
    for e in graph.entities.values():
        values |= {e.get("id"), e.get("name")}
    values = {v for v in values if isinstance(v, str) and len(v) >= 4}
    assert len(values) > 50
    queries = [q for _, q, _ in drv.sent if q]
    for q in queries:
        leaked = [v for v in values if v in q]
        assert not leaked, (q, leaked[:3])
    sent_ids = {r["id"] for kind, q, p in drv.sent if p and "rows" in p and "MERGE (n:" in q for r in p["rows"]}
    assert set(graph.documents) <= sent_ids


def test_batches_respect_batch_size(graph):
    drv = FakeDriver()
    report = store_with(drv).load(graph, batch_size=7)
    batches = [(q, p["rows"]) for q, p in drv.writes() if p and "rows" in p]
    assert batches and all(1 <= len(r) <= 7 for _, r in batches)
    nodes, rels = expected_counts(graph)
    per_label = {}
    for q, r in batches:
        m = re.search(r"MERGE \(n:(\w+)", q)
        if m:
            per_label.setdefault(m.group(1), []).append(len(r))
    for label, sizes in per_label.items():
        assert sum(sizes) == nodes[label] and len(sizes) == math.ceil(nodes[label] / 7)
    assert report["batches"] == len(batches)
    assert report["ok"]
    # each batch is its own managed transaction
    assert sum(1 for k, _, _ in drv.sent if k == "begin-write") == len(batches) + len(schema_statements())


def test_second_load_sends_the_same_statements_and_changes_nothing(graph):
    drv = FakeDriver()
    st = store_with(drv)
    first = st.load(graph)
    sent_first = list(drv.writes())
    drv.sent.clear()
    second = st.load(graph)
    assert drv.writes() == sent_first
    assert first["database"] == second["database"] and second["ok"]


def test_interrupted_load_can_be_rerun(graph):
    drv = FakeDriver()

    class Boom(Exception):
        pass

    calls = {"n": 0}

    def progress(done, total, what):
        calls["n"] += 1
        if calls["n"] == 3:
            raise Boom()

    st = store_with(drv)
    with pytest.raises(Boom):
        st.load(graph, batch_size=5, progress=progress)
    report = st.load(graph, batch_size=5)
    assert report["ok"], report["mismatches"]


def test_dates_are_sent_as_dates(graph):
    drv = FakeDriver()
    store_with(drv).load(graph)
    docs = [r for q, p in drv.writes() if p and "MERGE (n:Document" in q for r in p["rows"]]
    dates = [r["props"]["date"] for r in docs]
    assert any(isinstance(d, dt.date) for d in dates)
    assert all(d is None or type(d) is dt.date for d in dates)
    assert all("id" not in r["props"] for r in docs)
    assert set(docs[0]["props"]) == {p for p, _ in schema.NODES["Document"][1:]}


def test_progress_reaches_total(graph):
    seen = []
    store_with(FakeDriver()).load(graph, batch_size=50, progress=lambda d, t, w: seen.append((d, t, w)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    assert {w for _, _, w in seen} >= {"Document", "IMPLEMENTS", "PART_OF"}


def test_stale_data_is_reported(graph):
    drv = FakeDriver()
    drv.db.nodes["Document"] = {"old/doc": {}}
    report = store_with(drv).load(graph)
    assert not report["ok"]
    assert any(m.startswith("Document:") and "--wipe" in m for m in report["mismatches"])
    report = store_with(drv).load(graph, wipe=True)
    assert report["ok"] and report["wiped"]["Document"] == len(graph.documents) + 1


# --- wipe ------------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("agent,form", [("Neo4j/5.26.0", "CALL (n) { DETACH DELETE n }"),
                                        ("Neo4j/2025.01.0", "CALL (n) { DETACH DELETE n }"),
                                        ("Neo4j/5.20.0", "CALL { WITH n DETACH DELETE n }"),
                                        ("", "CALL { WITH n DETACH DELETE n }")])
def test_wipe_touches_only_graphbuild_labels_in_batches(graph, agent, form):
    drv = FakeDriver(agent=agent)
    st = store_with(drv)
    st.load(graph)
    drv.db.nodes["Other"] = {"x": {}}
    drv.sent.clear()
    removed = st.wipe(batch_size=500)
    assert removed == expected_counts(graph)[0]
    deletes = [(kind, q, p) for kind, q, p in drv.sent if q and "DELETE" in q]
    assert {re.match(r"MATCH \(n:(\w+)\)", q).group(1) for _, q, _ in deletes} == set(LABELS) == set(schema.NODES)
    for kind, q, p in deletes:
        assert kind == "auto"                                  # CALL … IN TRANSACTIONS needs an auto-commit tx
        assert form in q and q.endswith("IN TRANSACTIONS OF $batch ROWS") and p == {"batch": 500}
    assert drv.db.nodes["Other"] == {"x": {}} and not drv.db.nodes.get("Document")


def test_wipe_statement_forms():
    assert wipe_statement("Document", True) == \
        "MATCH (n:Document) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS"
    assert wipe_statement("Person", False) == \
        "MATCH (n:Person) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF $batch ROWS"
    with pytest.raises(ValueError):
        wipe_statement("Document) DETACH DELETE (m", True)


# --- reading ---------------------------------------------------------------------------------------------------------

def test_run_reads_with_read_routing_and_returns_dicts():
    drv = FakeDriver()
    st = store_with(drv, database=None)
    got = st.run("MATCH (n:Document) RETURN count(n) AS c", {"x": 1})
    assert got == [{"c": 0}] and type(got[0]) is dict
    assert drv.reads[-1] == {"query": "MATCH (n:Document) RETURN count(n) AS c", "parameters": {"x": 1},
                             "routing": neo4j.RoutingControl.READ, "database": None}


@pytest.mark.parametrize("name", list_queries())
def test_every_query_file_is_sent_unchanged_with_parameters(name):
    drv = FakeDriver()
    st = store_with(drv)
    q = load_query(name, engine="neo4j")
    doc = "44-KL/TW" if "id" in q.required or name == "lag" else None
    run_query(st, name, doc=doc, params=PARAMS.get(name, {}), engine="neo4j")
    last = drv.reads[-1]
    assert last["query"] == q.cypher
    assert last["routing"] == neo4j.RoutingControl.READ and last["database"] == "graphs"
    assert set(last["parameters"]) == set(q.params)
    if doc:
        assert last["parameters"]["id"] == "vn/x/1"
    if name == "path":
        assert "shortestPath" in last["query"] and last["parameters"]["to"] == "vn/x/1"
    for r in drv.reads:                                       # the user's text only ever as a parameter
        assert "44-KL/TW" not in r["query"] and "Hải Phòng" not in r["query"]


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
        return FakeDriver()

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
    st = Neo4jStore("bolt://neo4j:hunter2@localhost:7687", "neo4j", SECRET, driver=FakeDriver())
    assert "hunter2" not in repr(st) and SECRET not in repr(st)


@pytest.mark.parametrize("error,words", [
    (AuthError(f"The client is unauthorized due to authentication failure ({SECRET})"), "NEO4J_PASSWORD"),
    (ServiceUnavailable(f"Couldn't connect to localhost:7687 with {SECRET}"), "cannot reach"),
    (ConfigurationError(f"bad option {SECRET}"), "driver error"),
])
def test_driver_errors_are_wrapped_and_scrubbed(graph, error, words):
    st = store_with(FakeDriver(fail=error))
    for call in (lambda: st.run("MATCH (n:Document) RETURN n"), lambda: st.load(graph), lambda: st.wipe()):
        with pytest.raises(Neo4jStoreError) as e:
            call()
        assert words in str(e.value) and SECRET not in str(e.value) and SECRET not in repr(e.value)
        assert e.value.__cause__ is None and e.value.__suppress_context__


def test_old_server_without_notification_filters_gets_a_driver_without_them(monkeypatch):
    made = []
    old = FakeDriver(fail=ConfigurationError("Notification filtering is not supported for the Bolt Protocol "
                                             "Version(5, 0). Server Agent 'Neo4j/5.5.0'"))
    new = FakeDriver()

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
            assert len(data) == nodes[label] and {r[-1] for r in data} == {label}
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


def test_admin_import_streamed_from_the_files_matches_the_graph(tmp_path, data_dir):
    """`load --admin-import` streams the built files instead of loading them: the CSVs are the same."""
    out = tmp_path / "built"
    build([data_dir / "seeds"], out)
    from_graph = write_admin_import(load_graph(out), tmp_path / "a")
    from_files = write_admin_import(GraphFiles(out), tmp_path / "b")
    assert from_graph["nodes"] == from_files["nodes"] and from_graph["relationships"] == from_files["relationships"]
    names = sorted(Path(f).name for f in from_graph["files"])
    assert names == sorted(Path(f).name for f in from_files["files"])
    for name in names:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name
