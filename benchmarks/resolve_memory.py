"""Resolution alone, on an extraction log a build left: its time and peak memory, and the files it writes.

    python benchmarks/resolve_memory.py GRAPH_DIR [--code ROOT] [--out DIR]

Copies ``GRAPH_DIR/extractions.jsonl`` into ``--out`` (a fresh folder), then, in a new process running the
graphbuild found in ``--code`` (default: this checkout; give another checkout to measure an older version on the
same log), runs what a build runs after extraction (``build._resolve_to_files``: resolution, the graph's files, the
check and the report) and prints one JSON line: seconds per stage, the process's peak RSS (MiB, ``ru_maxrss``),
the largest of its RSS samples taken every 50 ms and the largest of each pass of resolution (gather, rename,
nodes, pairs, edges, documents, links; "export" is the check and the report after them), and the largest size of
its work file on disk (``.resolve.sqlite``; none before the work tables). Compare the files of two runs with ``cmp`` to see that two versions
write the same bytes. It prints numbers only.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CHILD = """
import json, os, resource, sys, threading, time
from graphbuild.graph import build
out, extracted = sys.argv[1], int(sys.argv[2])
samples, work_bytes = [], [0]
passes, current = {}, {"name": "start", "peak": 0}     # the largest RSS sample of each pass of resolution
def sample():
    while True:
        with open("/proc/self/status") as f:
            samples.append(next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")))
        current["peak"] = max(current["peak"], samples[-1])
        try:
            work_bytes[0] = max(work_bytes[0], os.path.getsize(os.path.join(out, ".resolve.sqlite")))
        except OSError:
            pass
        time.sleep(0.05)
def stage(name):
    passes[current["name"]] = current["peak"] // 1024
    current.update(name=name, peak=samples[-1] if samples else 0)
resolve = build.resolve_to_files
build.resolve_to_files = lambda *args, **kwargs: resolve(*args, stage=stage, **kwargs)
threading.Thread(target=sample, daemon=True).start()
started = time.perf_counter()
result = build._resolve_to_files(out, [], extracted)
stage("end")
print(json.dumps({"seconds": result[1], "total_s": time.perf_counter() - started,
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "sampled_max_mib": max(samples) / 1024, "work_file_max_mb": work_bytes[0] / 1e6,
                  "documents": result[0]["documents"], "edges": result[0]["edges"],
                  "pass_peak_mib": {k: v for k, v in passes.items() if k != "start"}}))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph_dir", type=Path)
    ap.add_argument("--code", type=Path, default=HERE.parent, help="the checkout whose graphbuild resolves")
    ap.add_argument("--out", type=Path, default=None, help="where the files go (default GRAPH_DIR/../resolve-only)")
    a = ap.parse_args(argv)
    log = a.graph_dir / "extractions.jsonl"
    if not log.exists():
        ap.error(f"{log}: no extraction log (build the corpus first)")
    out = a.out or a.graph_dir.parent / "resolve-only"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    shutil.copy(log, out / "extractions.jsonl")
    with open(log, "rb") as f:
        extracted = sum(1 for line in f if line.strip())
    env = {**os.environ, "PYTHONPATH": str(a.code.resolve())}
    r = subprocess.run([sys.executable, "-c", _CHILD, str(out), str(extracted)], env=env, cwd=a.code,
                       capture_output=True, text=True)
    if r.returncode:
        print(r.stderr[-3000:], file=sys.stderr)
        return 1
    print(json.dumps({"code": str(a.code), "inputs": extracted, **json.loads(r.stdout.strip().splitlines()[-1])}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
