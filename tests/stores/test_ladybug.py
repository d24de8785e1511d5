"""The embedded store holds exactly what the graph holds, whatever the text looks like."""
import pytest

from graphbuild.graph import Graph
from graphbuild.stores import ladybug as store

TRICKY = 'Thực hiện Kết luận số 44-KL/TW, "về tiếp tục", a\\b;\nnew line, [x] </script>'


def graph_with(n: int) -> Graph:
    g = Graph()
    for i in range(n + 1):
        g.documents[f"vn/x/{i}"] = {"id": f"vn/x/{i}", "symbol": f"{i}-KL/TW", "number": str(i), "type": "KL",
                                    "date": "2022-11-14", "title": TRICKY if i == n else "plain", "stub": True,
                                    "aliases": ["a, b"] if i == n else []}
    for i in range(n):
        text = TRICKY if i == n - 1 else "plain evidence"
        g.edges.append({"source": f"vn/x/{i}", "target": f"vn/x/{i + 1}", "relation": "IMPLEMENTS",
                        "confidence": 0.9, "lag_days": 1, "relations": ["IMPLEMENTS"], "asserted_in": ["a,b.txt"],
                        "evidence": [{"file": "a,b.txt", "text": text, "start": 0, "end": len(text)}]})
    return g


def test_quoted_text_late_in_a_large_table_loads_intact(tmp_path):
    n = 3000
    store.write(graph_with(n), tmp_path)
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": n + 1}]
        assert s.run("MATCH ()-[r:IMPLEMENTS]->() RETURN count(*) AS n") == [{"n": n}]
        (row,) = s.run("MATCH (a)-[r:IMPLEMENTS]->(b:Document {id: $id}) RETURN r.evidence_text AS t, "
                       "r.asserted_in AS f, b.title AS title, b.aliases AS aliases", {"id": f"vn/x/{n}"})
        assert row == {"t": TRICKY, "f": ["a,b.txt"], "title": TRICKY, "aliases": ["a, b"]}


def test_rewriting_replaces_the_store(tmp_path):
    store.write(graph_with(3), tmp_path)
    store.write(graph_with(5), tmp_path)
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": 6}]
    assert [p.name for p in tmp_path.iterdir()] == ["graph.lbug"]     # no temporary leftovers


def graph_over_tables(n: int) -> Graph:
    """n documents, each citing the next under one of three relations, in turn; links to an entity, to a missing
    node and from a missing node."""
    g = graph_with(n)
    relations = ["IMPLEMENTS", "GUIDES", "BASED_ON"]
    for i, edge in enumerate(g.edges):
        edge["relation"] = edge["relations"][0] = relations[i % 3]
    g.entities["org/x"] = {"id": "org/x", "label": "Organization", "name": "X"}
    g.links += [{"relation": "ISSUED_BY", "source": f"vn/x/{i}", "target": "org/x"} for i in range(n)]
    g.links += [{"relation": "ISSUED_BY", "source": "vn/x/0", "target": "org/missing"},
                {"relation": "ISSUED_BY", "source": "vn/missing", "target": "org/x"}]
    return g


def test_rows_waiting_for_a_copy_stay_within_one_batch_over_all_tables(tmp_path, monkeypatch):
    copies: list[tuple[str, int, int]] = []           # (table, rows copied, rows waiting in all tables before)
    batches: list[store._Batch] = []
    real_init, real_copy = store._Batch.__init__, store._Batch.copy

    def init(self, table):
        real_init(self, table)
        batches.append(self)

    def copy(self, conn):
        copies.append((self.name, self.rows, sum(b.rows for b in batches)))
        real_copy(self, conn)

    monkeypatch.setattr(store, "COPY_BATCH", 40)
    monkeypatch.setattr(store._Batch, "__init__", init)
    monkeypatch.setattr(store._Batch, "copy", copy)
    n = 300
    store.write(graph_over_tables(n), tmp_path)
    assert max(waiting for _, _, waiting in copies) <= 40
    assert {name for name, rows, _ in copies if rows} >= {"Document", "IMPLEMENTS", "GUIDES", "BASED_ON",
                                                          "ISSUED_BY"}
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": n + 1}]
        counts = s.run("MATCH ()-[r]->(:Document) RETURN label(r) AS rel, count(*) AS n ORDER BY rel")
        assert counts == [{"rel": "BASED_ON", "n": 100}, {"rel": "GUIDES", "n": 100}, {"rel": "IMPLEMENTS", "n": 100}]
        # the links whose ends are not nodes of the graph are left out, the others all there
        assert s.run("MATCH (:Document)-[r:ISSUED_BY]->(o:Organization) RETURN o.id AS o, count(*) AS n") == \
            [{"o": "org/x", "n": n}]


def test_a_buffer_pool_that_runs_out_is_doubled_and_the_load_begun_again(tmp_path, monkeypatch):
    pools: list[int] = []
    real_write = store._write

    def write(graph, out_dir, buffer_pool, progress):
        pools.append(buffer_pool)
        if len(pools) == 1:
            raise RuntimeError("Buffer manager exception: Unable to allocate memory! The buffer pool is full and "
                               "no memory could be freed!")
        return real_write(graph, out_dir, buffer_pool, progress)

    monkeypatch.setattr(store, "_write", write)
    store.write(graph_with(5), tmp_path)
    assert pools == [store.BUFFER_POOL_BYTES, 2 * store.BUFFER_POOL_BYTES]
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": 6}]


def test_another_failure_of_the_load_is_not_retried(tmp_path, monkeypatch):
    calls = []

    def write(graph, out_dir, buffer_pool, progress):
        calls.append(buffer_pool)
        raise RuntimeError("Binder exception: something else")

    monkeypatch.setattr(store, "_write", write)
    with pytest.raises(RuntimeError, match="something else"):
        store.write(graph_with(2), tmp_path)
    assert calls == [store.BUFFER_POOL_BYTES]


def test_a_load_closed_and_opened_again_between_batches_holds_every_row(tmp_path, monkeypatch):
    opened: list[int] = []
    real_open = store._Loader._open

    def counting_open(self):
        opened.append(self.cells)
        real_open(self)

    monkeypatch.setattr(store, "COPY_BATCH", 40)
    monkeypatch.setattr(store, "REOPEN_CELLS", 400)
    monkeypatch.setattr(store._Loader, "_open", counting_open)
    n = 300
    store.write(graph_over_tables(n), tmp_path)
    assert len(opened) > 10                   # opened again many times, in each stage of the load
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": n + 1}]
        assert s.run("MATCH (:Document)-[r]->(:Document) RETURN count(*) AS n") == [{"n": n}]
        assert s.run("MATCH (:Document)-[r:ISSUED_BY]->(:Organization) RETURN count(*) AS n") == [{"n": n}]
        (row,) = s.run("MATCH (a)-[r]->(b:Document {id: $id}) RETURN r.evidence_text AS t, b.title AS title",
                       {"id": f"vn/x/{n}"})
        assert row == {"t": TRICKY, "title": TRICKY}
    assert [p.name for p in tmp_path.iterdir()] == ["graph.lbug"]


def test_the_database_is_opened_again_after_every_relationship_copy(tmp_path, monkeypatch):
    """LadybugDB keeps what a COPY into a non-empty relationship table wrote until it is closed: each such COPY is
    followed by a reopen, whatever the number of values copied, and every row is there at the end."""
    events: list[str] = []
    real_open, real_execute = store._Loader._open, store._Loader.execute

    def noting_open(self):
        events.append("open")
        real_open(self)

    def noting_execute(self, statement, params=None):
        if statement.startswith("COPY"):
            events.append(statement.split()[1])
        real_execute(self, statement, params)

    monkeypatch.setattr(store, "COPY_BATCH", 40)
    monkeypatch.setattr(store, "REOPEN_CELLS", 10**9)          # never reopened for the number of values
    monkeypatch.setattr(store._Loader, "_open", noting_open)
    monkeypatch.setattr(store._Loader, "execute", noting_execute)
    n = 300
    store.write(graph_over_tables(n), tmp_path)
    copies = [i for i, e in enumerate(events) if e != "open"]
    node_tables = set(store.schema.NODES)
    for i in copies:
        if events[i] not in node_tables:                  # a relationship COPY: the next event opens the database
            assert events[i + 1] == "open", events[i]
    assert any(events[i] in node_tables and events[i + 1] != "open" for i in copies)     # node COPYs: not
    with store.EmbeddedStore(tmp_path) as s:
        assert s.run("MATCH (:Document)-[r]->(:Document) RETURN count(*) AS n") == [{"n": n}]
        assert s.run("MATCH (:Document)-[r:ISSUED_BY]->(:Organization) RETURN count(*) AS n") == [{"n": n}]
