"""The benchmark runs end to end in its quick mode and prints its one table (numbers only; nothing is timed here)."""
import subprocess
import sys
from pathlib import Path

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
