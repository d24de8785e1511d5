"""The embedded store's load alone, from a built graph's files: its time and peak memory.

    python benchmarks/store_memory.py GRAPH_DIR [--times N] [--work DIR] [--trace]

Loads ``GRAPH_DIR``'s documents.jsonl, edges.jsonl, entities.jsonl and links.jsonl into a new store (in ``--work``,
default GRAPH_DIR/../store-only; the graph's own store is not touched) in a process of its own running this
checkout's graphbuild, and prints one JSON line: seconds, peak RSS (MiB, ``ru_maxrss``) and the number of COPYs.
``--trace`` also prints, for each COPY, its table, rows and the process's RSS before and after it and its peak.

``--times N`` loads a graph N times as large made from the given one, for a store of a million documents without
extracting a million inputs: the documents, the citations and the documents' links are copied N times, their
document ids suffixed ``#k``; the entities and the links between entities (the country's units) once. It is what
the store load of a larger corpus does, not what a larger corpus resolves to. Prints numbers only.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = ("documents.jsonl", "edges.jsonl", "entities.jsonl", "links.jsonl", "report.json")

_CHILD = """
import json, resource, sys, time
from pathlib import Path
from graphbuild.graph import files
from graphbuild.stores import ladybug as store
out, trace = Path(sys.argv[1]), sys.argv[2] == "1"
def rss():
    with open("/proc/self/status") as f:
        return next(int(l.split()[1]) for l in f if l.startswith("VmRSS:")) // 1024
copies = [0]
real_copy = store._Batch.copy
def copy(self, conn):
    rows, before = self.rows, rss()
    real_copy(self, conn)
    if rows:
        copies[0] += 1
        if trace:
            print(f"{self.name:14s} {rows:6d} rss before {before} after {rss()} peak "
                  f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB", file=sys.stderr, flush=True)
store._Batch.copy = copy
started = time.perf_counter()
store.write(files.GraphFiles(out), out)
print(json.dumps({"seconds": time.perf_counter() - started, "copies": copies[0],
                  "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "buffer_pool_mib": store.BUFFER_POOL_BYTES / 2**20, "copy_batch": store.COPY_BATCH}))
"""


def scaled(graph: Path, out: Path, times: int) -> None:
    """The graph ``times`` as large, written into ``out`` (see the module docstring)."""
    out.mkdir(parents=True, exist_ok=True)
    for name in ("entities.jsonl", "report.json"):
        shutil.copyfile(graph / name, out / name)
    documents: set[str] = set()
    with open(out / "documents.jsonl", "w", encoding="utf-8") as f:
        for k in range(times):
            for line in open(graph / "documents.jsonl", encoding="utf-8"):
                doc = json.loads(line)
                if k == 0:
                    documents.add(doc["id"])
                doc["id"] = f"{doc['id']}#{k}"
                f.write(json.dumps(doc, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "edges.jsonl", "w", encoding="utf-8") as f:
        for k in range(times):
            for line in open(graph / "edges.jsonl", encoding="utf-8"):
                edge = json.loads(line)
                edge["source"], edge["target"] = f"{edge['source']}#{k}", f"{edge['target']}#{k}"
                f.write(json.dumps(edge, ensure_ascii=False, sort_keys=True) + "\n")
    with open(out / "links.jsonl", "w", encoding="utf-8") as f:
        for k in range(times):
            for line in open(graph / "links.jsonl", encoding="utf-8"):
                link = json.loads(line)
                if link["source"] in documents:
                    link["source"] = f"{link['source']}#{k}"
                elif k:
                    continue            # a link between entities: once
                f.write(json.dumps(link, ensure_ascii=False, sort_keys=True) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("graph_dir", type=Path)
    ap.add_argument("--times", type=int, default=1, help="load a graph this many times as large (default 1)")
    ap.add_argument("--work", type=Path, default=None, help="where the store goes (default GRAPH_DIR/../store-only)")
    ap.add_argument("--trace", action="store_true", help="print each COPY with the RSS around it (stderr)")
    a = ap.parse_args(argv)
    work = a.work or a.graph_dir.parent / "store-only"
    if work.exists():
        shutil.rmtree(work)
    if a.times > 1:
        scaled(a.graph_dir, work, a.times)
    else:
        work.mkdir(parents=True)
        for name in FILES:
            if (a.graph_dir / name).exists():
                (work / name).symlink_to((a.graph_dir / name).resolve())
    result = subprocess.run([sys.executable, "-c", _CHILD, str(work), "1" if a.trace else "0"], cwd=HERE.parent,
                            stdout=subprocess.PIPE, text=True)
    print(result.stdout.strip() or json.dumps({"error": f"exit {result.returncode}"}))
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
