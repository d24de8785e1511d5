"""graphbuild stats: counts by type, level, relation, mode and locality; unresolved by reason; the check's
violations when the build ran one."""
import json
import shutil

from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.graph import graph_stats, load_graph


def test_counts_agree_with_the_graph(built):
    stats = graph_stats(built)
    graph = load_graph(built)
    assert stats.documents == len(graph.documents) and stats.citations == len(graph.edges)
    assert stats.by_relation == dict(sorted(graph.report["by_relation"].items(), key=lambda kv: (-kv[1], kv[0])))
    assert sum(stats.by_type.values()) == sum(stats.by_level.values()) == stats.documents
    assert stats.by_province["Hải Phòng"] == sum(d.get("province") == "Hải Phòng" for d in graph.documents.values())
    assert stats.unresolved_by_reason == graph.report["unresolved_by_reason"]
    modes: dict = {}
    for edge in graph.edges:
        modes[edge["mode"]] = modes.get(edge["mode"], 0) + 1
    assert stats.by_mode == dict(sorted(modes.items(), key=lambda kv: (-kv[1], kv[0])))
    assert stats.check is not None and stats.check["violations"] == 0      # every build runs the check


def test_modes_and_check_violations_when_present(built, tmp_path):
    folder = tmp_path / "g"
    shutil.copytree(built, folder)
    edges = [json.loads(line) for line in (folder / "edges.jsonl").read_text(encoding="utf-8").splitlines()]
    for i, edge in enumerate(edges):
        edge["mode"] = "enacted" if i % 3 else "reported"
    (folder / "edges.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in edges),
                                        encoding="utf-8")
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    report["check"] = {"violations": 1, "by_kind": {"time": 1, "rank": 0},
                       "items": [{"kind": "time", "source": "a", "target": "b", "reason": "date-order"}], "notices": []}
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    stats = graph_stats(folder)
    assert stats.by_mode == {"enacted": len(edges) - len(edges[::3]), "reported": len(edges[::3])}
    r = CliRunner().invoke(main, ["stats", "--graph", str(folder)])
    assert r.exit_code == 0, r.output
    assert "citations by mode:" in r.stdout and "reported" in r.stdout
    assert "check:\n  violations: 1" in r.stdout and "date-order" in r.stdout
    r = CliRunner().invoke(main, ["stats", "--graph", str(folder), "--format", "json"])
    assert json.loads(r.stdout)["check"]["by_kind"] == {"time": 1, "rank": 0}


def test_the_table_names_every_section(built):
    r = CliRunner().invoke(main, ["stats", "--graph", str(built)])
    for section in ("documents by type:", "documents by level:", "documents by locality:", "citations by relation:",
                    "citations by mode:", "unresolved, by reason:", "check:\n  violations: 0"):
        assert section in r.stdout, section


def test_a_graph_read_from_its_files_reads_its_report_when_asked(built, tmp_path):
    """GraphFiles does not hold report.json (at a million inputs 376 MiB as objects, beside the store load): each
    ask reads the file as it is now; a report given to it (the build's, before the file is written) is kept."""
    from graphbuild.graph.files import GraphFiles
    out = tmp_path / "g"
    shutil.copytree(built, out)
    files = GraphFiles(out)
    assert files.report["documents"] == json.loads((out / "report.json").read_text(encoding="utf-8"))["documents"]
    (out / "report.json").write_text(json.dumps({"documents": 7}), encoding="utf-8")
    assert files.report == {"documents": 7}
    files.report = {"documents": 8}
    assert files.report == {"documents": 8}
    (out / "report.json").unlink()
    assert GraphFiles(out).report == {}
