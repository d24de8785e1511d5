"""The CLI as a user drives it (click's CliRunner): build, query, cypher, extract, exit codes, errors."""
import json

import pytest
from click.testing import CliRunner

from graphbuild import cli
from graphbuild.cli import main
from graphbuild.stores import EmbeddedStore


@pytest.fixture(scope="module")
def built(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("cli") / "graph"
    r = CliRunner().invoke(main, ["build", str(data_dir / "seeds"), "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    return out


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_build_reports_counts(built):
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert report["inputs"] == 5 and report["rejected"] == 0
    assert (built / "graph.lbug").exists() and (built / "edges.jsonl").exists()


def test_export_writes_graphml_and_node_link_on_request(built, tmp_path):
    import networkx as nx
    r = run("export", "graphml", "--graph", built, "-o", tmp_path / "g.graphml")
    assert r.exit_code == 0, r.output
    G = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert G.nodes["vn/tw/kl/2022/44"]["symbol"] == "44-KL/TW"
    r = run("export", "json", "--graph", built, "-o", tmp_path / "g.json")
    assert r.exit_code == 0, r.output
    J = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")), edges="links")
    assert (J.number_of_nodes(), J.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())


def test_query_json_rows_carry_symbols(built):
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.output)
    assert rows and all("symbol" in row for row in rows)


def test_query_table_and_csv(built):
    r = run("query", "lineage", "--doc", "Kết luận 44", "--graph", built)
    assert r.exit_code == 0 and "43-CT/TW" in r.output and "(1 row)" in r.output
    r = run("query", "most_cited", "--param", "limit=2", "--graph", built, "--format", "csv")
    assert r.output.splitlines()[0].startswith("id,symbol") and len(r.output.splitlines()) == 3


def test_unknown_document_is_a_clear_error(built):
    r = run("query", "lineage", "--doc", "999-XX/TW", "--graph", built)
    assert r.exit_code == 2 and "no document matches" in r.output and "Traceback" not in r.output


def test_cypher_is_read_only_unless_write(built):
    r = run("cypher", "MATCH (d:Document {symbol: $s}) RETURN d.id AS id", "--param", "s=44-KL/TW", "--graph", built)
    assert r.exit_code == 0 and "vn/tw/kl/2022/44" in r.output
    r = run("cypher", "MATCH (d:Document) DETACH DELETE d", "--graph", built)
    assert r.exit_code == 2 and "read-only" in r.output
    r = run("cypher", "MATCH (d:Document) RETURN count(*) AS n", "--graph", built, "--format", "json")
    assert json.loads(r.output)[0]["n"] > 0


def test_build_with_rejects_keeps_the_rest(tmp_path, data_dir):
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.pdf").write_bytes(b"%PDF-1.4 garbage \x00\x01")
    (bad / "image.png").write_bytes(b"\x89PNG")
    (bad / "ok.txt").write_text((data_dir / "seeds" / "004_dae1349a587e795b.txt").read_text(encoding="utf-8"),
                                encoding="utf-8")
    out = tmp_path / "g"
    r = run("build", bad, "--out", out, "-q")
    assert r.exit_code == 3, r.output
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {x["file"].split("/")[-1] for x in rejects} == {"empty.txt", "binary.pdf", "image.png"}
    assert all(x["reason"] for x in rejects)
    docs = (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "01-CT/TU" in docs


def test_extract_prints_one_object_per_input(data_dir):
    r = run("extract", data_dir / "seeds" / "002_10111d2bd8fff1df.txt", "--format", "jsonl")
    (rec,) = [json.loads(line) for line in r.output.splitlines()]
    assert rec["subject"]["symbol"] == "1416-CV/QU"


def test_load_without_a_server_fails_cleanly_and_hides_the_password(built, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    r = run("load", "--neo4j", "--graph", built)
    assert r.exit_code == 2 and "cannot reach Neo4j" in r.output and "s3cret-pw" not in r.output
    r = run("query", "lineage", "--neo4j", "--doc", "44-KL/TW")
    assert r.exit_code == 2 and "s3cret-pw" not in r.output and "Traceback" not in r.output
    monkeypatch.delenv("NEO4J_URI")
    r = run("load", "--neo4j", "--graph", built)
    assert r.exit_code == 2 and "NEO4J_URI" in r.output


def test_load_admin_import_writes_csvs_and_the_command(built, tmp_path):
    r = run("load", "--graph", built, "--admin-import", tmp_path / "imp")
    assert r.exit_code == 0, r.output
    assert "neo4j-admin database import full" in r.output
    assert (tmp_path / "imp" / "nodes_Document_header.csv").exists()


def test_viz_and_brief_write_offline_files(built, tmp_path):
    html, png = tmp_path / "c.html", tmp_path / "c.png"
    r = run("viz", "cascade", "--doc", "44-KL/TW", "--graph", built, "-o", html, "--png", png)
    assert r.exit_code == 0, r.output
    page = html.read_text(encoding="utf-8")
    assert "809-CV/TU" in page and 'src="http' not in page and png.stat().st_size > 0
    r = run("brief", "--doc", "Kết luận 44", "--graph", built, "-o", tmp_path / "brief")
    assert r.exit_code == 0, r.output
    assert list((tmp_path / "brief").glob("*.html"))
    r = run("viz", "lineage", "--doc", "nothing-like-this", "--graph", built, "-o", html)
    assert r.exit_code == 2 and "no document matches" in r.output


INJECTIONS = ["'", '"', "}", "//", "MATCH (n) DETACH DELETE n", "x' OR 1=1 //", "}) RETURN 1 //", "Hải Phòng\u0000",
              "Kiến An\" OR \"1\"=\"1", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢"]


def fingerprint(graph_dir):
    """What a damaged store would show: its counts and every document."""
    with EmbeddedStore(graph_dir) as s:
        return (s.run("MATCH (n) RETURN count(*) AS n"), s.run("MATCH ()-[r]->() RETURN count(*) AS n"),
                s.run("MATCH (d:Document) RETURN d.id AS id, d.symbol AS symbol, d.title AS title ORDER BY id"))


@pytest.mark.parametrize("value", INJECTIONS)
def test_doc_and_param_values_are_data_not_cypher(built, value, monkeypatch):
    # `query` opens the store read-only, which alone would keep it intact: here it opens it writable, so that only
    # the values being parameters does.
    open_store = cli._store
    monkeypatch.setattr(cli, "_store", lambda graph_dir, read_only=True: open_store(graph_dir, read_only=False))
    before = fingerprint(built)
    r = run("query", "lineage", "--doc", value, "--graph", built)
    # no match (2), or a title a citation quotes that holds the character (0): never a crash
    assert r.exit_code in (0, 2) and "Traceback" not in r.output
    r = run("query", "by_locality", "--param", f"locality={value}", "--graph", built, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.output) == []
    r = run("query", "most_cited", "--graph", built, "--format", "json")
    assert json.loads(r.output)[0]["symbol"] == "44-KL/TW"
    assert fingerprint(built) == before                             # nothing was changed or deleted
