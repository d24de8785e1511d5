"""The embedded store holds exactly what the graph holds, whatever the text looks like."""
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
