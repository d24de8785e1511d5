"""A build checks its inputs and output before it writes anything, never reads back what graphbuild wrote, and never
pastes a path into Cypher."""
import json
import shutil

import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.graph.build import BuildError, build_graph
from graphbuild.stores import EmbeddedStore

SEED = "004_dae1349a587e795b.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_missing_input_is_an_error_before_anything_is_written(tmp_path, data_dir):
    out = tmp_path / "g"
    with pytest.raises(BuildError, match="no such input: .*nowhere"):
        build_graph([data_dir / "seeds", tmp_path / "nowhere"], out)
    assert not out.exists()
    r = run("build", data_dir / "seeds", tmp_path / "nowhere", "--out", out)
    assert r.exit_code == 2 and "no such input" in r.stderr and not out.exists()


def test_nothing_to_read_is_an_error_not_an_empty_graph(tmp_path, data_dir):
    build_graph([data_dir / "seeds"], tmp_path / "graph")
    (tmp_path / "empty").mkdir()
    for given, message in ((tmp_path / "graph", "skipped as graphbuild's own output"), (tmp_path / "empty", "")):
        with pytest.raises(BuildError, match="nothing to read in .*" + message):
            build_graph([given], tmp_path / "out")
        assert not (tmp_path / "out").exists()


def test_out_must_be_a_folder_for_the_graph(tmp_path, data_dir):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    r = run("build", data_dir / "seeds", "--out", tmp_path / "file")
    assert r.exit_code == 2 and "is a file: --out takes a folder" in r.stderr and "FileExistsError" not in r.output
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("mine", encoding="utf-8")
    r = run("build", data_dir / "seeds", "--out", tmp_path / "mine")
    assert r.exit_code == 2 and "holds other files and no built graph" in r.stderr
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["notes.txt"]


def test_outputs_of_graphbuild_in_an_input_folder_are_skipped(tmp_path, data_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(data_dir / "seeds" / SEED, inputs / SEED)
    first = build_graph([inputs], inputs / "graph")             # the output inside the input folder
    assert first.inputs == 1
    r = run("brief", "--doc", "01-CT/TU", "--graph", inputs / "graph", "-o", inputs / "brief")
    assert r.exit_code == 0, r.output
    r = run("load", "--graph", inputs / "graph", "--admin-import", inputs / "import")
    assert r.exit_code == 0, r.output
    again = build_graph([inputs], tmp_path / "again")
    assert again.inputs == 1 and again.report["rejected"] == 0        # not documents.jsonl, nor the brief's page
    skipped = {p.split("/")[-1] for p in again.skipped}
    assert {"graph", "import"} <= skipped and any(name.startswith("brief-") for name in skipped)
    r = run("build", inputs, "--out", inputs / "graph")                # rebuilt in place: the same graph
    assert r.exit_code == 0 and "skipped" in r.stderr
    assert json.loads((inputs / "graph" / "report.json").read_text(encoding="utf-8"))["inputs"] == 1


@pytest.mark.parametrize("name", ["it's", 'say "graph"', "a'b\"c) RETURN 1 //"])
def test_a_path_with_quotes_is_data(tmp_path, data_dir, name):
    out = tmp_path / name / "graph"
    result = build_graph([data_dir / "seeds"], out)
    with EmbeddedStore(out) as store:
        assert store.run("MATCH (d:Document) RETURN count(d) AS n")[0]["n"] == result.report["documents"]
        assert store.run("MATCH ()-[r:IMPLEMENTS]->() RETURN count(r) AS n")[0]["n"] == \
            result.report["by_relation"]["IMPLEMENTS"]


def test_no_statement_of_the_store_load_holds_a_path(tmp_path, data_dir, monkeypatch):
    import ladybug
    sent = []
    execute = ladybug.Connection.execute

    def spy(self, query, *args, **kwargs):
        sent.append(query)
        return execute(self, query, *args, **kwargs)
    monkeypatch.setattr(ladybug.Connection, "execute", spy)
    build_graph([data_dir / "seeds"], tmp_path / "g")
    copies = [q for q in sent if q.startswith("COPY")]
    assert copies and all("FROM $rows" in q and str(tmp_path) not in q and "'/" not in q for q in copies)
