"""Benchmark graphbuild: build throughput, memory, store load, query latency, and a bare regex scan as the floor.

    python benchmarks/run.py [--quick] [--docs 10000] [--dev ../shared/corpus] [--work DIR] [--json FILE]

For each corpus (a synthetic one from ``benchmarks/generate.py``, plus every item of the ``--dev`` folder when it
exists) it measures, and prints as one table:
- size (MB = 10^6 bytes of input files) and inputs (documents + catalogue records, as the build counts them);
- ``graphbuild.build_graph`` with ``jobs=1`` and ``jobs=2``, each in its own subprocess: MB/s and docs/s of the
  build call (interpreter start-up and imports excluded), and the peak RSS of the largest single process of
  the build (the main one: its VmHWM; a pool worker: its ``ru_maxrss``). The child's ``ru_maxrss`` from
  ``os.wait4`` is kept in the JSON too, but on Linux exec() folds the launcher's own peak into it;
- the embedded store load: the time ``graphbuild.stores.ladybug.write`` takes inside the build;
- Neo4j bulk CSVs: after the build, ``neo4j_import.write_admin_import`` streamed from the built files (what
  ``graphbuild load --admin-import`` runs), as input MB per second of writing, to compare with the build's rate;
- p50/p95 latency of the ``lineage``, ``implementers``, ``coverage`` (level=district, whole country) and ``path``
  (from a document to the farthest ancestor its lineage found) queries through ``graphbuild.run_query``
  on the built store, over random documents (50 runs each, 20 with --quick), reference resolution included;
- over the same files, a bare scan: read, decode and ``finditer`` one compiled symbol pattern (the project's
  Party/State symbol regex) — the practical floor of a text pass — and the ratios build time / scan time, with
  jobs=1 and jobs=2 (the same run: scan and builds one after the other);
- per build, the seconds and peak RSS of each stage (extract, resolve, export, store), in a second table.

It prints numbers only and never asserts on them. Progress goes to stderr; ``--json`` keeps every measurement.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import neo4j_bench  # noqa: E402  (benchmarks/ is not a package)

# The project's symbol pattern (graphbuild/vocab/patterns.py SYMBOL), kept here so that the floor does not move when the
# extractor's pattern changes: Party "43-CT/TW", "05-QC/BTCTU-BDVTU"; State "895/QĐ-TTg", "03/2011/NĐ-CP".
_L = r"A-Za-zĐđ"
_SP = r"[ ]{0,2}"
SCAN_PATTERN = (
    rf"(?:(?P<pnum>\d{{1,5}}){_SP}-{_SP}(?P<ptype>[{_L}]{{1,5}}){_SP}/{_SP}"
    rf"(?P<pissuer>[{_L}]{{1,12}}\d{{0,2}}(?:{_SP}-{_SP}[{_L}]{{1,12}}\d{{0,2}}){{0,3}})"
    rf"|(?P<snum>\d{{1,5}})(?:{_SP}/{_SP}(?P<syear>(?:19|20)\d{{2}}))?{_SP}/{_SP}"
    rf"(?P<scode>[{_L}][{_L}0-9]{{0,14}}(?:{_SP}-{_SP}[{_L}][{_L}0-9]{{0,14}}){{0,4}}))(?![\w/])")
SCAN_RE = re.compile(SCAN_PATTERN)

QUERIES = ("lineage", "implementers", "coverage", "path")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- the build child ---------------------------------------------------------------------------------------------

def child_build(out: str, jobs: int, paths: list) -> None:
    """Run in a subprocess: build, time the call and its stages, print one JSON line."""
    import resource

    import graphbuild.graph.build as gb
    stage_peaks = StagePeaks()
    t = time.perf_counter()
    try:
        res = gb.build_graph(paths, out, jobs=jobs, progress=stage_peaks.progress)
    except Exception as e:           # noqa: BLE001 - report the failure and the stages reached, as numbers
        print(json.dumps({"error": f"{type(e).__name__}: {str(e)[:300]}", "failed_after_s": time.perf_counter() - t,
                          "self_hwm_kb": _hwm_kb(),
                          "self_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                          "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
        return
    total = time.perf_counter() - t
    times = {f"{stage}_s": s for stage, s in res.seconds.items()}
    peaks = stage_peaks.finish()
    if res.peak_mib.get("resolve"):
        peaks["resolve_mib"] = res.peak_mib["resolve"]
    hwm = _hwm_kb()                     # the build's own peak, before the CSV step below adds to it
    # Neo4j bulk CSVs (neo4j-admin import), streamed from the built files as `graphbuild load --admin-import` does.
    from graphbuild.graph.files import GraphFiles
    from graphbuild.stores.neo4j_admin import write_admin_import
    t = time.perf_counter()
    write_admin_import(GraphFiles(out), Path(out) / "neo4j-import")
    times["neo4j_csv_s"] = time.perf_counter() - t
    shutil.rmtree(Path(out) / "neo4j-import", ignore_errors=True)
    report = json.loads((Path(out) / "report.json").read_text(encoding="utf-8"))
    print(json.dumps({"build_s": total, **times, "inputs": res.inputs, "rejects": res.rejects,
                      "documents": report.get("documents"), "edges": report.get("edges"),
                      "stage_peaks": peaks, "self_hwm_kb": hwm,
                      "self_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                      "children_maxrss_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))


class StagePeaks:
    """Peak RSS per stage of a build, from its progress calls: at each change of stage, this process's VmHWM is
    noted and reset (Linux ``/proc/self/clear_refs``), and the largest ``ru_maxrss`` of its waited-for children
    (after "extract": the pool workers). The resolution process's own peak comes from ``BuildResult.peak_mib``."""

    def __init__(self):
        self.stage = None
        self.peaks: dict = {}

    def _close(self):
        import resource
        if self.stage is None:
            return
        self.peaks[f"{self.stage}_main_mib"] = (_hwm_kb() or 0) / 1024
        if self.stage == "extract":
            self.peaks["extract_workers_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        try:
            with open("/proc/self/clear_refs", "w") as f:
                f.write("5")                # reset VmHWM to the current RSS
        except OSError:
            pass

    def progress(self, stage, done, total):
        if stage != self.stage:
            self._close()
            self.stage = stage

    def finish(self) -> dict:
        self._close()
        return self.peaks


def _hwm_kb():
    """This process's peak RSS since exec (Linux VmHWM, KiB); None elsewhere."""
    try:
        with open("/proc/self/status") as f:
            return next((int(line.split()[1]) for line in f if line.startswith("VmHWM:")), None)
    except OSError:
        return None


def run_build(paths: list, out: Path, jobs: int) -> dict:
    if out.exists():
        shutil.rmtree(out)
    env = dict(os.environ)
    cmd = [sys.executable, str(Path(__file__).resolve()), "_build", str(out), str(jobs), *map(str, paths)]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, env=env, text=True)
    stdout = p.stdout.read()
    p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t
    try:
        d = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        d = {"error": f"the build process exited with {p.returncode} and no report"}
    if "error" in d:
        log(f"  build failed: {d['error']}")
    d["wall_s"] = wall
    # ru_maxrss of the child as wait4 reports it (Linux: KiB). On Linux, exec() records the launching process's
    # high-water RSS into the child's ru_maxrss (the vfork-shared mm is the "old mm"), so once this runner has grown
    # that number is the runner's, not the build's. The child's own peak is VmHWM (its mm since exec); its pool
    # workers are forked without exec, so their ru_maxrss (RUSAGE_CHILDREN in the child) is their own.
    d["wait4_maxrss_mb"] = ru.ru_maxrss / 1024
    own = d.get("self_hwm_kb") or d.get("self_maxrss_kb") or 0
    d["peak_rss_mb"] = max(own, d.get("children_maxrss_kb") or 0) / 1024
    return d


# --- scan, queries -----------------------------------------------------------------------------------------------

def input_files(paths: list) -> list:
    from graphbuild.ingest.read import iter_paths
    return list(iter_paths(paths))


def scan(files: list, repeat: int) -> tuple:
    """Best time of ``repeat`` passes reading, decoding and finditer-ing every file; and the number of hits."""
    best, hits = math.inf, 0
    for _ in range(repeat):
        t = time.perf_counter()
        n = 0
        for f in files:
            text = f.read_bytes().decode("utf-8", "replace")
            for _m in SCAN_RE.finditer(text):
                n += 1
        best = min(best, time.perf_counter() - t)
        hits = n
    return best, hits


def pct(values: list, q: float):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(q * len(v)) - 1))]


def time_queries(graph_dir: Path, runs: int, seed: int, coverage_runs: Optional[int] = None,
                 engine: str = "ladybug") -> dict:
    """The queries on the embedded store of ``graph_dir``, or (engine "neo4j") on the server NEO4J_URI names, which
    must hold the same graph: the same seed picks the same documents on both."""
    from graphbuild.query.runner import run_query
    from graphbuild.stores.ladybug import EmbeddedStore
    from graphbuild.stores.neo4j import Neo4jStore
    rng = random.Random(seed)
    out = {q: {"ms": [], "errors": 0, "rows": 0} for q in QUERIES}
    with (Neo4jStore.from_env() if engine == "neo4j" else EmbeddedStore(graph_dir)) as store:
        def ids(cypher):
            return [r["id"] for r in store.run(cypher)]
        citing = ids("MATCH (d:Document)-[:IMPLEMENTS|CONTINUES|BASED_ON]->(:Document) RETURN DISTINCT d.id AS id "
                     "ORDER BY id")
        cited = ids("MATCH (:Document)-[:IMPLEMENTS|CONTINUES]->(t:Document) RETURN DISTINCT t.id AS id ORDER BY id")
        central = ids("MATCH (:Document)-[:IMPLEMENTS|CONTINUES]->(t:Document) WHERE t.level = 'central' "
                      "RETURN DISTINCT t.id AS id ORDER BY id") or cited
        plan = {"lineage": [(d, {}) for d in _pick(rng, citing, runs)],
                "implementers": [(d, {}) for d in _pick(rng, cited, runs)],
                "coverage": [(d, {"level": "district"}) for d in _pick(rng, central, coverage_runs or runs)]}
        pairs = []

        def one(name, doc, params):
            t = time.perf_counter()
            try:
                rows = run_query(store, name, doc=doc, params=params, engine=engine)
            except Exception:          # noqa: BLE001 - a failing query is counted, not fatal
                out[name]["errors"] += 1
                return None
            out[name]["ms"].append((time.perf_counter() - t) * 1000)
            out[name]["rows"] += len(rows)
            return rows

        for name in ("lineage", "implementers", "coverage"):
            if plan[name]:
                run_query(store, name, doc=plan[name][0][0], params=plan[name][0][1], engine=engine)   # warm-up
            for doc, params in plan[name]:
                rows = one(name, doc, params)
                if name == "lineage" and rows:
                    far = max(rows, key=lambda r: (r.get("depth") or 0, r.get("id") or ""))
                    pairs.append((doc, far["id"]))
        for doc, to in pairs[:runs]:
            one("path", doc, {"to": to})
    return out


def _pick(rng: random.Random, population: list, k: int) -> list:
    if not population:
        return []
    return rng.sample(population, k) if len(population) >= k else [rng.choice(population) for _ in range(k)]


# --- one corpus --------------------------------------------------------------------------------------------------

def measure(name: str, paths: list, work: Path, runs: int, scan_repeat: int, seed: int,
            jobs_list: tuple = (1, 2), coverage_runs: Optional[int] = None, neo4j: bool = False) -> dict:
    files = input_files(paths)
    size = sum(f.stat().st_size for f in files)
    for f in files:                 # warm the page cache so that every pass reads from memory
        f.read_bytes()
    log(f"[{name}] {len(files)} files, {size / 1e6:.1f} MB: scan")
    scan_s, hits = scan(files, scan_repeat) if scan_repeat else (None, None)
    row = {"corpus": name, "bytes": size, "files": len(files), "scan_s": scan_s, "scan_hits": hits, "builds": {}}
    slug = re.sub(r"[^\w.-]+", "_", name)
    graph_dir = None
    for jobs in jobs_list:
        log(f"[{name}] build jobs={jobs}")
        out = work / f"out-{slug}-j{jobs}"
        row["builds"][jobs] = run_build(paths, out, jobs)
        log(f"[{name}] build jobs={jobs}: {json.dumps(row['builds'][jobs])}")     # kept even if queries are cut short
        if graph_dir is None and "error" not in row["builds"][jobs]:
            graph_dir = out                  # queries run on the first store that was built
        else:
            shutil.rmtree(out, ignore_errors=True)
    row["queries"] = {}
    row["graph_dir"] = str(graph_dir) if graph_dir else None
    if graph_dir is not None:
        log(f"[{name}] queries")
        row["queries"] = time_queries(graph_dir, runs, seed, coverage_runs)
        if neo4j:                            # the same graph into the server, twice, then the same queries there
            log(f"[{name}] neo4j load")
            row["neo4j_load"] = neo4j_bench.run_load(graph_dir)
            log(f"[{name}] neo4j load: {json.dumps(row['neo4j_load'])}")
            if "error" not in row["neo4j_load"]:
                log(f"[{name}] neo4j queries")
                row["neo4j_queries"] = time_queries(graph_dir, runs, seed, coverage_runs, engine="neo4j")
    return row


def synthetic(work: Path, docs: int, seed: int) -> Path:
    """The generated corpus, reused from ``work`` when one with the same size and seed is already there."""
    d = work / f"synthetic-{docs}-s{seed}"
    man = d / ".manifest.json"
    if man.exists():
        m = json.loads(man.read_text(encoding="utf-8"))
        if m.get("docs") == docs and m.get("seed") == seed:
            return d
    if d.exists():
        shutil.rmtree(d)
    sys.path.insert(0, str(HERE))
    import generate
    t = time.perf_counter()
    generate.generate(docs, d, seed)
    log(f"generated {docs} inputs in {time.perf_counter() - t:.1f} s")
    return d


def dev_items(folder: Path) -> list:
    from graphbuild.ingest.read import SUFFIXES
    items = []
    for p in sorted(folder.iterdir()):
        if p.name.startswith("."):
            continue
        if p.is_dir() and any(c.is_file() for c in p.rglob("*")):
            items.append(p)
        elif p.is_file() and p.suffix.lower() in SUFFIXES:
            items.append(p)
    return items


# --- the table ---------------------------------------------------------------------------------------------------

def label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 and n >= 1000 else str(n)


def fmt(v, nd=1) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        if v >= 100:
            return f"{v:.0f}"
        return f"{v:.{nd}f}" if v >= 1 else f"{v:.{max(nd, 2)}f}"
    return str(v)


def table(rows: list) -> str:
    head = ["corpus", "MB", "docs", "j1 MB/s", "j1 docs/s", "j2 MB/s", "j2 docs/s", "RSS j1 MB", "RSS j2 MB",
            "store load s", "neo4j CSV MB/s"] + [f"{q} p50/p95 ms" for q in QUERIES] + ["scan MB/s", "build/scan",
                                                                                     "j2 build/scan"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        mb = r["bytes"] / 1e6
        b1, b2 = r["builds"].get(1, {}), r["builds"].get(2, {})
        docs = next((b["inputs"] for b in (b1, b2) if "inputs" in b), None)

        def rate(b, amount, nd):
            if "error" in b:
                return f"failed after {b['failed_after_s']:.0f} s" if "failed_after_s" in b else "failed"
            return fmt(amount / b["build_s"], nd) if b and amount is not None else "-"
        cells = [r["corpus"], fmt(mb), fmt(docs), rate(b1, mb, 2), rate(b1, docs, 1), rate(b2, mb, 2),
                 rate(b2, docs, 1), fmt(b1.get("peak_rss_mb"), 0), fmt(b2.get("peak_rss_mb"), 0),
                 fmt(next((b["store_s"] for b in (b1, b2) if "store_s" in b and "error" not in b), None), 2),
                 fmt(next((mb / b["neo4j_csv_s"] for b in (b1, b2) if b.get("neo4j_csv_s")), None), 2)]
        for q in QUERIES:
            res = r["queries"].get(q) or {"ms": [], "errors": 0}
            ms, err = res["ms"], res["errors"]
            cell = f"{fmt(pct(ms, 0.5))}/{fmt(pct(ms, 0.95))}" if ms else "-"
            cells.append(cell + (f" ({err} err)" if err else ""))
        ratio = b1["build_s"] / r["scan_s"] if "build_s" in b1 and r["scan_s"] else None
        ratio2 = b2["build_s"] / r["scan_s"] if "build_s" in b2 and r["scan_s"] else None
        cells += [fmt(mb / r["scan_s"]) if r["scan_s"] else "-", fmt(ratio, 0), fmt(ratio2, 1)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def stage_table(rows: list) -> str:
    """Seconds and peak RSS (MiB) per stage of each build: extraction (the main process; the largest pool worker),
    resolution (its own process, the graph's files included), the check and report ("export"), the store (the main
    process from the end of extraction on: it waits while resolution runs, and opens the store before the store's
    first progress call)."""
    head = ["corpus", "jobs", "extract s", "resolve s", "export s", "store s", "RSS extract main/workers MiB",
            "RSS resolve MiB", "RSS store MiB"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for r in rows:
        for jobs, b in sorted(r["builds"].items()):
            if "error" in b:
                continue
            p = b.get("stage_peaks") or {}
            lines.append("| " + " | ".join([
                r["corpus"], str(jobs), *(fmt(b.get(f"{st}_s"), 2) for st in ("extract", "resolve", "export", "store")),
                f"{fmt(p.get('extract_main_mib'), 0)}/{fmt(p.get('extract_workers_mib') or None, 0)}",
                fmt(p.get("resolve_mib"), 0), fmt(max(p.get("resolve_main_mib") or 0, p.get("store_main_mib") or 0)
                                                  or None, 0)]) + " |")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_build"]:
        child_build(argv[1], int(argv[2]), argv[3:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="~500 generated documents, 20 runs per query")
    ap.add_argument("--docs", type=int, default=None, help="size of the synthetic corpus (default 10000)")
    ap.add_argument("--dev", default=None, help="a folder of real corpora; each item is measured on its own")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=None, help="runs per query (default 50, 20 with --quick)")
    ap.add_argument("--work", default=None, help="working folder (kept; generated corpora are reused from it)")
    ap.add_argument("--json", default=None, help="write every measurement to this file (after each corpus)")
    ap.add_argument("--jobs", default="1,2", help="the --jobs values to build with (default 1,2)")
    ap.add_argument("--scan-passes", type=int, default=None, help="bare scan passes, the best kept (default 3, "
                                                                 "1 with --quick; 0: no scan)")
    ap.add_argument("--keep", action="store_true", help="keep the built graphs in --work (out-*) for inspection")
    ap.add_argument("--coverage-runs", type=int, default=None, help="runs of the coverage query (default: --runs)")
    ap.add_argument("--neo4j", action="store_true", help="also load each graph into the Neo4j server of NEO4J_URI "
                    "(WIPES graphbuild's labels there) and run the queries on it; a second table compares them")
    a = ap.parse_args(argv)
    docs = a.docs or (500 if a.quick else 10000)
    runs = a.runs or (20 if a.quick else 50)
    scan_repeat = a.scan_passes if a.scan_passes is not None else (1 if a.quick else 3)
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="graphbuild-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    rows: list = []
    try:
        corpora = [(f"synthetic-{label(docs)}", [synthetic(work, docs, a.seed)])]
        if a.dev and Path(a.dev).is_dir():
            corpora += [(f"dev:{p.name}", [p]) for p in dev_items(Path(a.dev))]
        jobs_list = tuple(int(j) for j in a.jobs.split(","))
        for name, paths in corpora:
            rows.append(measure(name, paths, work, runs, scan_repeat, a.seed, jobs_list, a.coverage_runs, a.neo4j))
            if a.json:
                Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str),
                                        encoding="utf-8")
    finally:
        for r in ([] if a.keep else rows):       # this run's graphs only: another run's may share --work
            if (r.get("graph_dir") or "").endswith("-j2"):
                shutil.rmtree(r["graph_dir"], ignore_errors=True)
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    print()
    print(stage_table(rows))
    if a.neo4j:
        print()
        print(neo4j_bench.side_by_side(rows, QUERIES, pct))
    return 0


if __name__ == "__main__":
    sys.exit(main())
