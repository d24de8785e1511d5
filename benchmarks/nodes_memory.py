"""The nodes pass of resolution on one document cited N times (the most cited law of the generated million has
15,749 citing inputs at 407,930): the RSS before the pass and the peak during it, in MiB.

    python benchmarks/nodes_memory.py [--mentions N] [--code ROOT]

The mentions (about 2 KB a record, one date in 50 different, so that the document is split) go into a work file in
a temporary folder, every mention written and indexed before the pass; the peak is the process's VmHWM (Linux),
reset as the pass starts. ``--code``: the checkout whose graphbuild runs (default: this one), to compare two
versions. It prints one JSON line.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _status(key: str) -> float:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith(key + ":")) / 1024


def measure(n: int) -> dict:
    from graphbuild.graph.model import Mention
    from graphbuild.graph.resolve import make_node, split_date_conflicts
    from graphbuild.graph.worktable import WorkTables
    base = {"symbol": "77/2015/QH13", "type": "Luật", "number": "77", "issuer": "Quốc hội", "issuer_code": "qh",
            "year": 2015, "title": "Luật Tổ chức chính quyền địa phương", "title_source": "citation",
            "type_name": "Luật", "system": "state", "level": "central",
            "note": "căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; " * 20}
    with tempfile.TemporaryDirectory() as tmp:
        tables = WorkTables(Path(tmp) / "work.sqlite")
        records = tables.mentions
        for i in range(n):
            records.add("vn/qh/luat/2015/77", Mention({**base, "date": "2015-06-19" if i % 50 else "2015-06-20",
                                                       "title": base["title"] + " " * (i % 7)},
                                                      f"docs/{i:07d}.txt", False))
        list(records.first_records())               # every mention written and indexed
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")                            # VmHWM from the current RSS
        before = _status("VmRSS")
        started = time.perf_counter()
        conflicts: list = []
        nodes = []
        for doc_id, group in split_date_conflicts(records, {}, conflicts):
            node = make_node(doc_id, group) if isinstance(group, list) else group.node(doc_id)   # main before 749ffb3
            nodes.append(len(node["mentioned_in"]))
        seconds = time.perf_counter() - started
        tables.close()
    return {"mentions": n, "nodes": len(nodes), "mentioned_in": nodes, "conflicts": len(conflicts),
            "rss_before_mib": round(before, 1), "pass_peak_mib": round(_status("VmHWM"), 1),
            "seconds": round(seconds, 2)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--code", type=Path, default=None, help="the checkout whose graphbuild runs")
    a = ap.parse_args(argv)
    if a.code is not None:
        env = {**os.environ, "PYTHONPATH": str(a.code.resolve())}
        return subprocess.run([sys.executable, __file__, "--mentions", str(a.mentions)], env=env, cwd=a.code).returncode
    print(json.dumps({"code": os.environ.get("PYTHONPATH", str(HERE.parent)), **measure(a.mentions)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
