"""Which graph a command reads: the folder given, else ./graph, else $GRAPHBUILD_GRAPH, else a clear error; never a
graph built elsewhere by an earlier run. Every command that reads a graph says which on stderr."""
import json

import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.graph.locate import GraphNotFound, find_graph_dir


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def two_graphs(tmp_path_factory, data_dir):
    """A: the seeds, in a/graph; B, built after it elsewhere: the Bình Dương catalogue, in b/graph."""
    root = tmp_path_factory.mktemp("two")
    for name, source in (("a", data_dir / "seeds"), ("b", data_dir / "corpus" / "binhduong-dev.jsonl")):
        (root / name).mkdir()
        r = run("build", source, "--out", root / name / "graph", "-q")
        assert r.exit_code == 0, r.output
    return root


def count_documents(stdout):
    return json.loads(stdout)[0]["n"]


def test_a_query_in_a_folder_reads_that_folders_graph_not_the_last_build(two_graphs, monkeypatch):
    a_docs = json.loads((two_graphs / "a" / "graph" / "report.json").read_text(encoding="utf-8"))["documents"]
    b_docs = json.loads((two_graphs / "b" / "graph" / "report.json").read_text(encoding="utf-8"))["documents"]
    assert a_docs != b_docs
    monkeypatch.chdir(two_graphs / "a")              # B was built last, elsewhere
    r = run("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json")
    assert r.exit_code == 0 and count_documents(r.stdout) == a_docs
    assert f"graph: {(two_graphs / 'a' / 'graph').resolve()} (built " in r.stderr and f"{a_docs} documents" in r.stderr
    r = run("query", "lineage", "--doc", "1416-CV/QU", "--format", "json")
    assert r.exit_code == 0 and {row["symbol"] for row in json.loads(r.stdout)} >= {"44-KL/TW", "43-CT/TW"}
    monkeypatch.chdir(two_graphs / "b")
    r = run("query", "lineage", "--doc", "1416-CV/QU")
    assert r.exit_code == 5 and str((two_graphs / "b" / "graph").resolve()) in r.stderr


def test_without_a_graph_here_the_environment_names_one_or_the_error_says_what_to_do(two_graphs, tmp_path,
                                                                                     monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json")
    assert r.exit_code == 1 and "no graph to read" in r.stderr and "GRAPHBUILD_GRAPH" in r.stderr
    r = run("cypher", "MATCH (d:Document) RETURN count(d) AS n", "--format", "json",
            env={"GRAPHBUILD_GRAPH": str(two_graphs / "b" / "graph")})
    assert r.exit_code == 0 and str((two_graphs / "b" / "graph").resolve()) in r.stderr
    (tmp_path / "graph").mkdir()                     # ./graph exists but holds no graph: said, not skipped
    r = run("search", "ket luan", env={"GRAPHBUILD_GRAPH": str(two_graphs / "b" / "graph")})
    assert r.exit_code == 1 and "holds no built graph" in r.stderr
    with pytest.raises(GraphNotFound, match="the default ./graph"):
        find_graph_dir()


@pytest.mark.parametrize("command", [
    ["query", "lineage", "--doc", "1416-CV/QU"], ["search", "ket luan 44"], ["cypher", "RETURN 1 AS one"],
    ["stats"], ["viz", "lineage", "--doc", "1416-CV/QU", "-o", "{tmp}/v.html"], ["brief", "--doc", "44-KL/TW", "-o",
                                                                                   "{tmp}/brief"],
    ["export", "json", "-o", "{tmp}/g.json"], ["load", "--admin-import", "{tmp}/imp"]])
def test_every_command_that_reads_a_graph_says_which(two_graphs, tmp_path, monkeypatch, command):
    monkeypatch.chdir(two_graphs / "a")
    r = run(*[c.replace("{tmp}", str(tmp_path)) for c in command])
    assert r.exit_code == 0, r.output
    line = next(line for line in r.stderr.splitlines() if line.startswith("graph: "))
    assert str((two_graphs / "a" / "graph").resolve()) in line and "built 20" in line and " documents, " in line
    assert line not in r.stdout
