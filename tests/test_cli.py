"""The CLI as a user drives it (click's CliRunner): build, query, search, cypher, extract; which graph is read and
that it is said; exit codes and errors; output formats."""
import json

import pytest
from click.testing import CliRunner

from graphbuild import cli
from graphbuild.cli import main
from graphbuild.cli_support import EXIT_AMBIGUOUS, EXIT_NO_MATCH, EXIT_REJECTS, EXIT_USAGE
from graphbuild.stores import EmbeddedStore


@pytest.fixture(scope="module")
def built(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("cli") / "graph"
    r = CliRunner().invoke(main, ["build", str(data_dir / "seeds"), "--out", str(out), "-q"])
    assert r.exit_code == 0, r.output
    return out


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def test_build_reports_counts(built):
    report = json.loads((built / "report.json").read_text(encoding="utf-8"))
    assert report["inputs"] == 5 and report["rejected"] == 0
    assert (built / "graph.lbug").exists() and (built / "edges.jsonl").exists()
    info = json.loads((built / "build.json").read_text(encoding="utf-8"))
    assert info["built_at"] and info["documents"] == report["documents"] and info["inputs"][0].endswith("seeds")


def test_export_writes_graphml_and_node_link_on_request(built, tmp_path):
    import networkx as nx
    r = run("export", "graphml", "--graph", built, "-o", tmp_path / "g.graphml")
    assert r.exit_code == 0, r.output
    G = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert G.nodes["vn/tw/kl/2022/44"]["symbol"] == "44-KL/TW"
    r = run("export", "json", "--graph", built, "-o", tmp_path / "g.json")
    assert r.exit_code == 0, r.output
    J = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")))
    assert (J.number_of_nodes(), J.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    for fmt, out in (("gexf", tmp_path / "g.gexf"), ("parquet", tmp_path / "tables")):
        r = run("export", fmt, "--graph", built, "-o", out)
        assert r.exit_code == 0 and out.exists(), r.output
        assert f"graph: {built.resolve()}" in r.stderr


def test_query_json_rows_carry_symbols(built):
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert rows and all("symbol" in row for row in rows)


def test_query_table_and_csv(built):
    r = run("query", "lineage", "--doc", "Kết luận 44", "--graph", built)
    assert r.exit_code == 0 and "43-CT/TW" in r.stdout and "(1 row)" in r.stdout
    assert "document: 44-KL/TW  vn/tw/kl/2022/44  (matched by type and number)" in r.stderr
    r = run("query", "most_cited", "--param", "limit=2", "--graph", built, "--format", "csv")
    assert r.stdout.splitlines()[0].startswith("id,symbol") and len(r.stdout.splitlines()) == 3


def test_table_output_never_shortens_an_id(built):
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built)
    long_ids = [row["id"] for row in json.loads(run("query", "implementers", "--doc", "44-KL/TW", "--graph", built,
                                                      "--format", "json").stdout) if len(row["id"]) > 48]
    assert long_ids and all(i in r.stdout for i in long_ids)
    assert "…" not in "".join(line.split()[0] for line in r.stdout.splitlines()[2:-1])


def test_csv_with_a_byte_order_mark_and_an_excel_workbook(built, tmp_path):
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "csv", "--bom")
    assert r.stdout.startswith("\ufeffid,symbol")
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "csv", "--bom",
            "-o", tmp_path / "rows.csv")
    assert (tmp_path / "rows.csv").read_bytes().startswith(b"\xef\xbb\xbfid,symbol")
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "xlsx")
    assert r.exit_code == EXIT_USAGE and "-o FILE.xlsx" in r.stderr
    r = run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "xlsx", "-o",
            tmp_path / "rows.xlsx")
    assert r.exit_code == 0, r.output
    from openpyxl import load_workbook
    sheet = load_workbook(tmp_path / "rows.xlsx").active
    rows = json.loads(run("query", "implementers", "--doc", "44-KL/TW", "--graph", built, "--format", "json").stdout)
    values = list(sheet.values)
    assert list(values[0]) == list(rows[0]) and len(values) == len(rows) + 1
    assert {v[1] for v in values[1:]} == {row["symbol"] for row in rows}     # Vietnamese symbols intact
    assert any(isinstance(v[list(rows[0]).index("depth")], int) for v in values[1:])


def test_exit_codes_are_distinct_and_say_why(built):
    r = run("query", "lineage", "--doc", "999-XX/TW", "--graph", built)
    assert r.exit_code == EXIT_NO_MATCH and "no document matches" in r.stderr and "Traceback" not in r.output
    r = run("query", "lineage", "--doc", "thực hiện", "--graph", built)
    assert r.exit_code == EXIT_AMBIGUOUS and "give one of these ids" in r.stderr
    r = run("query", "coverage", "--doc", "44-KL/TW", "--param", "level=distric", "--graph", built)
    assert r.exit_code == EXIT_USAGE and "level takes one of province, district, commune" in r.stderr
    r = run("query", "nosuchquery", "--graph", built)
    assert r.exit_code == EXIT_USAGE and "no query named" in r.stderr
    assert len({EXIT_USAGE, EXIT_REJECTS, EXIT_AMBIGUOUS, EXIT_NO_MATCH, 1}) == 5


def test_cypher_is_read_only_unless_write_and_says_so(built):
    r = run("cypher", "MATCH (d:Document {symbol: $s}) RETURN d.id AS id", "--param", "s=44-KL/TW", "--graph", built)
    assert r.exit_code == 0 and "vn/tw/kl/2022/44" in r.stdout
    r = run("cypher", "MATCH (d:Document) DETACH DELETE d", "--graph", built)
    assert r.exit_code == EXIT_USAGE and "add --write" in r.stderr and "read-only" in r.stderr
    r = run("cypher", "MATCH (d:Document) RETURN count(*) AS n", "--graph", built, "--format", "json")
    assert json.loads(r.stdout)[0]["n"] > 0
    r = run("cypher", "MATCH (d:Document) RETURN d.id AS id ORDER BY id LIMIT $n", "--param", "n:int=2",
            "--graph", built, "--format", "json")
    assert len(json.loads(r.stdout)) == 2
    r = run("cypher", "RETURN $n AS n", "--param", "n=0012", "--graph", built, "--format", "json")
    assert json.loads(r.stdout) == [{"n": "0012"}]               # a digit string stays a string


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
    assert r.exit_code == EXIT_REJECTS, r.output
    rejects = [json.loads(line) for line in (out / "rejects.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {x["file"].split("/")[-1] for x in rejects} == {"empty.txt", "binary.pdf", "image.png"}
    assert all(x["reason"] for x in rejects)
    docs = (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "01-CT/TU" in docs


def test_extract_prints_one_object_per_input(data_dir):
    r = run("extract", data_dir / "seeds" / "002_10111d2bd8fff1df.txt", "--format", "jsonl")
    (rec,) = [json.loads(line) for line in r.stdout.splitlines()]
    assert rec["subject"]["symbol"] == "1416-CV/QU" and rec["subject"]["locality_id"] == "L:D:307"


def test_load_without_a_server_fails_cleanly_and_hides_the_password(built, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:9")
    monkeypatch.setenv("NEO4J_PASSWORD", "s3cret-pw")
    r = run("load", "--neo4j", "--graph", built)
    assert r.exit_code == 1 and "cannot reach Neo4j" in r.output and "s3cret-pw" not in r.output
    for command in (["query", "lineage", "--doc", "44-KL/TW"], ["search", "ket luan"], ["cypher", "RETURN 1"]):
        r = run(*command, "--neo4j", "--uri", "bolt://127.0.0.1:9", "--password", "flag-pw")
        assert r.exit_code == 1 and "cannot reach Neo4j" in r.output, command
        assert "s3cret-pw" not in r.output and "flag-pw" not in r.output and "Traceback" not in r.output
    monkeypatch.delenv("NEO4J_URI")
    r = run("load", "--neo4j", "--graph", built)
    assert r.exit_code == 1 and "NEO4J_URI" in r.output


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
    assert r.exit_code == EXIT_NO_MATCH and "no document matches" in r.stderr


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
    from graphbuild import cli_support
    open_store = cli_support.open_store
    monkeypatch.setattr(cli, "open_store", lambda graph_dir, neo4j=None, read_only=True:
                        open_store(graph_dir, neo4j or cli_support.Neo4jSettings(), read_only=False))
    before = fingerprint(built)
    r = run("query", "lineage", "--doc", value, "--graph", built)
    assert r.exit_code in (EXIT_NO_MATCH, EXIT_AMBIGUOUS) and "Traceback" not in r.output
    r = run("query", "by_locality", "--param", f"locality={value}", "--graph", built, "--format", "json")
    assert r.exit_code == EXIT_USAGE and "administrative unit" in r.stderr         # no unit by that name
    r = run("query", "most_cited", "--graph", built, "--format", "json")
    assert json.loads(r.stdout)[0]["symbol"] == "44-KL/TW"
    assert fingerprint(built) == before                             # nothing was changed or deleted
