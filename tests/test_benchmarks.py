"""The benchmark runs end to end in its quick mode and prints its one table (numbers only; nothing is timed here)."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

# Minutes, not seconds: `pytest -m "not slow"` leaves them out while working; CI runs them.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_the_table(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--jobs", "1",
                        "--work", str(tmp_path)], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    header = next(line for line in r.stdout.splitlines() if line.startswith("| corpus"))
    for column in ("docs/s", "RSS", "lineage", "implementers", "coverage", "path", "scan", "build/scan"):
        assert column in header
    rows = [line for line in r.stdout.splitlines() if line.startswith("| synthetic")]
    assert rows and "failed" not in rows[0]


def test_spans_benchmark_prints_its_table():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "spans.py"), str(ROOT / "data" / "seeds"),
                        "--runs", "1"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    header = next(line for line in r.stdout.splitlines() if line.startswith("| corpus"))
    for column in ("mentions", "citation mentions", "extract MB/s", "annotate MB/s"):
        assert column in header
    row = next(line for line in r.stdout.splitlines() if line.startswith("| seeds"))
    assert row.split("|")[2].strip() == "5"        # inputs


@pytest.mark.neo4j
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to test")
def test_quick_benchmark_with_neo4j_prints_both_stores(tmp_path):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--jobs", "1", "--runs", "3",
                        "--scan-passes", "0", "--neo4j", "--work", str(tmp_path)],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    load_rows = [line for line in lines if line.startswith("| synthetic") and ("| create |" in line or "| merge |" in line)]
    assert len(load_rows) == 2 and all(line.rstrip().endswith("| yes |") for line in load_rows), r.stdout
    header = next(line for line in lines if line.startswith("| corpus | lineage"))
    assert "coverage p50/p95 ms embedded | coverage p50/p95 ms neo4j" in header
    both = next(line for line in lines if line.startswith("| synthetic") and line.count("|") == header.count("|"))
    assert " - |" not in both and "err" not in both, both


def test_views_benchmark_prints_its_table():
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "views.py"), "--size", "120", "--runs", "1"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    lines = r.stdout.splitlines()
    assert "| step | what | median ms | max ms |" in lines
    for step in ("coverage_map_svg", "coverage_map_image PNG", "write_html", "write_image PNG"):
        assert any(line.startswith(f"| {step} |") for line in lines), step
    assert any("legacy commune: 10035 units" in line for line in lines)


def test_serve_benchmark_prints_its_table(built):
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "serve.py"), "--graph", str(built), "--runs", "2"],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    assert "start-up, process to first page" in r.stdout
    rows = {line[:36].strip(): line for line in r.stdout.splitlines()[3:]}
    for page in ("search: symbol", "document", "lineage", "implementers (central)",
                 "coverage: districts of the country", "cypher: count"):
        assert rows[page].rstrip().endswith("[200]"), rows[page]


def test_store_memory_benchmark_loads_a_graph_scaled_up(tmp_path):
    import json

    from graphbuild.graph.build import build_graph
    build_graph([ROOT / "data" / "seeds"], tmp_path / "g")
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "store_memory.py"), str(tmp_path / "g"),
                        "--times", "3", "--work", str(tmp_path / "w")], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert result["copies"] > 0 and result["peak_rss_mib"] > 0
    documents = sum(1 for _ in open(tmp_path / "g" / "documents.jsonl", encoding="utf-8"))
    from graphbuild.stores.ladybug import EmbeddedStore
    with EmbeddedStore(tmp_path / "w") as s:
        assert s.run("MATCH (d:Document) RETURN count(*) AS n") == [{"n": 3 * documents}]


def test_resolve_memory_benchmark_resolves_a_log_again_and_tells_each_pass(tmp_path):
    import json

    from graphbuild.graph.build import build_graph
    build_graph([ROOT / "data" / "seeds"], tmp_path / "g")
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "resolve_memory.py"), str(tmp_path / "g"),
                        "--out", str(tmp_path / "again")], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    assert {"gather", "rename", "nodes", "pairs", "edges", "documents", "links"} <= set(result["pass_peak_mib"])
    for name in ("documents.jsonl", "edges.jsonl"):     # the same files as the build's
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "g" / name).read_bytes()


def test_nodes_memory_benchmark_makes_the_node_of_one_much_cited_document():
    import json
    r = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "nodes_memory.py"), "--mentions", "120",
                        "--code", str(ROOT)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    result = json.loads(r.stdout.strip().splitlines()[-1])
    # one date in 50 differs (the first read): its split, then the document, each listing its citing inputs
    assert result["conflicts"] == 1 and result["mentioned_in"] == [3, 117] and result["pass_peak_mib"] > 0
