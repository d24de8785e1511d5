"""The Neo4j half of the benchmark: load a built graph into the server NEO4J_URI names, twice, and time it.

    python benchmarks/neo4j_bench.py GRAPH_DIR [--batch-size 2000] [--workers 2]     # one graph, one table

``run.py --neo4j`` calls ``run_load`` after each build and times the queries on Neo4j next to the embedded store.
The load runs in a subprocess of its own (``_load``), as ``graphbuild load --neo4j`` would: first with ``wipe``
(what was there before is deleted and timed as the wipe), then again (the idempotent second load). Each gives
its phases (wipe, schema, nodes, relationships, indexes, verify) and the subprocess's peak RSS (VmHWM) after it.

Rates: nodes/s = nodes / the nodes phase; relationships/s = relationships / the relationships phase; "end to end"
= the same counts over the whole ``load`` call (the wipe left out: a first load into an empty database has none).
WARNING: it wipes graphbuild's labels in that database.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent


def _hwm_mb() -> Optional[float]:
    try:
        with open("/proc/self/status") as f:
            return next((int(line.split()[1]) / 1024 for line in f if line.startswith("VmHWM:")), None)
    except OSError:
        return None


def _server_cpu_s() -> Optional[float]:
    """CPU seconds of the server process, when start.sh's run folder (NEO4J_RUN_DIR) says which it is."""
    try:
        pid = (Path(os.environ["NEO4J_RUN_DIR"]) / "run" / "neo4j.pid").read_text().strip()
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (KeyError, OSError, ValueError, IndexError):
        return None


def child_load(graph_dir: str, batch_size: int, workers: int) -> None:
    """In a subprocess: two loads of ``graph_dir`` (the first after a wipe), one JSON line with both reports, the
    CPU seconds of this process and of the server during each, and this process's peak RSS."""
    from graphbuild.graph.files import GraphFiles
    from graphbuild.stores.neo4j import Neo4jStore
    out = {}
    with Neo4jStore.from_env() as store:
        for name, wipe in (("first", True), ("second", False)):
            t, cpu, server = time.perf_counter(), time.process_time(), _server_cpu_s()
            report = store.load(GraphFiles(graph_dir), wipe=wipe, batch_size=batch_size, workers=workers)
            wall = time.perf_counter() - t
            keep = ("nodes", "relationships", "ok", "mismatches", "mode", "batches", "retries", "phases", "seconds",
                    "transaction_seconds")
            after = _server_cpu_s()
            out[name] = {**{k: report[k] for k in keep}, "wall_s": wall, "peak_rss_mb": _hwm_mb(),
                         "client_cpu_s": time.process_time() - cpu,
                         "server_cpu_s": after - server if after is not None and server is not None else None}
    print(json.dumps(out))


def run_load(graph_dir: Path, batch_size: int = 2000, workers: int = 2) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "_load", str(graph_dir), str(batch_size), str(workers)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    try:
        return json.loads(p.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {"error": f"the load exited with {p.returncode}: {p.stderr.strip()[-500:]}"}


def rates(run: dict) -> dict:
    """nodes/s and relationships/s of one load: in their own phase, and over the whole load call (wipe excluded)."""
    nodes, rels = sum(run["nodes"].values()), sum(run["relationships"].values())
    phases = run["phases"]
    whole = run["seconds"] - phases.get("wipe", 0)
    return {"nodes": nodes, "relationships": rels,
            "nodes_per_s": nodes / phases["nodes"] if phases.get("nodes") else None,
            "relationships_per_s": rels / phases["relationships"] if phases.get("relationships") else None,
            "nodes_per_s_end_to_end": nodes / whole if whole else None,
            "relationships_per_s_end_to_end": rels / whole if whole else None,
            "load_s": whole, "wipe_s": phases.get("wipe")}


def load_table(name: str, result: dict) -> str:
    head = ["graph", "load", "mode", "nodes", "rels", "nodes/s", "rels/s", "nodes/s e2e", "rels/s e2e", "load s",
            "wipe s", "schema s", "nodes s", "rels s", "indexes s", "verify s", "retries", "RSS MB",
            "CPU client/server s", "ok"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    if "error" in result:
        return "\n".join(lines + [f"| {name} | failed: {result['error'][:200]} |"])
    for which in ("first", "second"):
        run = result[which]
        r, ph = rates(run), run["phases"]
        cells = [name, which, run["mode"], str(r["nodes"]), str(r["relationships"])]
        cells += [f"{v:,.0f}" if v else "-" for v in (r["nodes_per_s"], r["relationships_per_s"],
                                                      r["nodes_per_s_end_to_end"], r["relationships_per_s_end_to_end"])]
        cells += [f"{r['load_s']:.1f}"] + [f"{ph[k]:.1f}" if k in ph else "-" for k in
                                           ("wipe", "schema", "nodes", "relationships", "indexes", "verify")]
        cpu = [run.get("client_cpu_s"), run.get("server_cpu_s")]
        cells += [str(run["retries"]), f"{run['peak_rss_mb']:.0f}" if run["peak_rss_mb"] else "-",
                  "/".join(f"{c:.0f}" if c is not None else "-" for c in cpu),
                  "yes" if run["ok"] else "NO: " + "; ".join(run["mismatches"])[:100]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def side_by_side(rows: list, queries: tuple, pct) -> str:
    """run.py --neo4j: per corpus, the Neo4j load (first and second) and each query's p50/p95 on both stores."""
    parts = []
    for r in rows:
        if "neo4j_load" in r:
            parts.append(load_table(r["corpus"], r["neo4j_load"]))
    head = ["corpus"] + [f"{q} p50/p95 ms {store}" for q in queries for store in ("embedded", "neo4j")]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        cells = [r["corpus"]]
        for q in queries:
            both = []
            for key in ("queries", "neo4j_queries"):
                res = (r.get(key) or {}).get(q) or {"ms": [], "errors": 0}
                ms = res["ms"]
                both.append((f"{pct(ms, 0.5):.1f}/{pct(ms, 0.95):.1f}" if ms else "-") +
                            (f" ({res['errors']} err)" if res["errors"] else ""))
            cells += both
        lines.append("| " + " | ".join(cells) + " |")
    return "\n\n".join(parts + ["\n".join(lines)])


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_load"]:
        child_load(argv[1], int(argv[2]), int(argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph_dir")
    ap.add_argument("--batch-size", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", default=None, help="write the measurements to this file")
    a = ap.parse_args(argv)
    result = run_load(Path(a.graph_dir), a.batch_size, a.workers)
    if a.json:
        Path(a.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    print(load_table(Path(a.graph_dir).name, result))
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
