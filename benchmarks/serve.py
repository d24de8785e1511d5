"""Benchmark graphbuild serve on a built graph: start-up, and p50/p95 page times.

    python benchmarks/serve.py --graph DIR [--runs 50] [--json FILE] [--only search …]

- start-up: ``graphbuild serve --graph DIR --port P`` started as a subprocess, until it answers ``/`` with 200
  (interpreter start, imports, opening the store, first page), three times, the median;
- pages: each page rendered in-process through Starlette's TestClient (no network; the time the app takes) for
  random documents of the graph: ``search`` (a symbol, a type and number without accents, words of a title),
  ``document`` (a document with text: the record, its citations, its text read again, extracted and annotated),
  ``lineage`` and ``implementers`` (query rows + the view drawn from them), ``coverage`` (every district of the
  country for a central document; every commune of a province for a province's document, with the map when
  ``views.coverage_map`` is installed), ``cypher`` (a count). Each page is fetched once before timing (caches warm,
  as for a user who clicks around).

It prints numbers only and never asserts on them. Progress goes to stderr.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Callable


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def startup(graph: Path) -> float:
    """Seconds from launching ``graphbuild serve`` to its first 200 on /."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "graphbuild", "serve", "--graph", str(graph), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                    if answer.status == 200:
                        return time.perf_counter() - started
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("graphbuild serve exited before answering") from None
                time.sleep(0.02)
    finally:
        server.terminate()
        server.wait(timeout=20)


def sample_documents(graph: Path, count: int, seed: int = 1) -> dict[str, list[dict]]:
    """Random documents of the built graph by kind: with text, central, province."""
    docs = [json.loads(line) for line in (graph / "documents.jsonl").open(encoding="utf-8")]
    rng = random.Random(seed)
    with_text = [d for d in docs if not d["stub"] and d.get("symbol") and d.get("file") and "#" not in d["file"]]
    central = [d for d in docs if d.get("level") == "central" and d.get("symbol")]
    province = [d for d in docs if d.get("level") == "province" and d.get("locality_id") and d.get("symbol")]
    return {name: rng.sample(group, min(count, len(group)))
            for name, group in (("text", with_text), ("central", central), ("province", province))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graph", required=True, help="a built graph folder (graphbuild build --out)")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--json", help="also write the measurements here")
    ap.add_argument("--only", action="append", default=[],
                    help="time only the pages whose name contains this (repeatable), and no start-up")
    args = ap.parse_args()
    graph = Path(args.graph).resolve()
    os.chdir(graph.parent)           # the documents' files are relative to where the build ran: try its parent

    from starlette.testclient import TestClient

    from graphbuild.serve import Explorer, create_app
    from graphbuild.stores import EmbeddedStore

    starts = [] if args.only else [startup(graph) for _ in range(3)]
    print(f"start-up (process to first page): {', '.join(f'{s:.2f}' for s in starts)} s", file=sys.stderr)
    explorer = Explorer(EmbeddedStore(graph), "ladybug", str(graph), graph)
    client = TestClient(create_app(explorer))
    picked = sample_documents(graph, args.runs)
    rng = random.Random(2)
    pages: dict[str, Callable[[int], str]] = {
        "search: symbol": lambda i: f"/search?q={picked['text'][i]['symbol']}",
        "search: type and number": lambda i: "/search?q=" + f"ket luan {rng.randint(1, 140)}",
        "search: title words": lambda i: "/search?q=" + "+".join((picked["text"][i].get("title") or "ke hoach")
                                                                  .split()[:3]),
        "document": lambda i: f"/doc/{picked['text'][i]['id']}",
        "lineage": lambda i: f"/lineage/{picked['text'][i]['id']}",
        "implementers (central)": lambda i: f"/implementers/{picked['central'][i % len(picked['central'])]['id']}",
        "coverage: districts of the country": lambda i: f"/coverage/{picked['central'][i % len(picked['central'])]['id']}"
                                                       "?level=district",
        "coverage: communes of a province": lambda i: f"/coverage/{picked['province'][i]['id']}?level=commune",
        "cypher: count": lambda i: "/cypher?q=MATCH+(d:Document)+RETURN+d.level+AS+level,+count(d)+AS+n",
    }
    results = {}
    for name, url_of in pages.items():
        if args.only and not any(part in name for part in args.only):
            continue
        times, sizes, statuses = [], [], set()
        for i in range(args.runs):
            url = url_of(i % max(1, min(len(v) for v in picked.values())))
            client.get(url) if i == 0 else None                   # warm: imports, template compilation
            started = time.perf_counter()
            answer = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            sizes.append(len(answer.content))
            statuses.add(answer.status_code)
        results[name] = {"p50_ms": round(statistics.median(times), 1), "p95_ms": round(percentile(times, 0.95), 1),
                         "max_ms": round(max(times), 1), "kb": round(statistics.median(sizes) / 1024, 1),
                         "statuses": sorted(statuses)}
        print(f"{name}: p95 {results[name]['p95_ms']} ms", file=sys.stderr)
    explorer.close()
    report = json.loads((graph / "report.json").read_text(encoding="utf-8"))
    print(f"graph: {graph} ({report.get('documents')} documents, {report.get('edges')} citations); "
          f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    if starts:
        print(f"start-up, process to first page: median {statistics.median(starts):.2f} s "
              f"({', '.join(f'{s:.2f}' for s in starts)})")
    print(f"{'page':<36} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'KB':>7}  status")
    for name, r in results.items():
        print(f"{name:<36} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8} {r['kb']:>7}  {r['statuses']}")
    if args.json:
        Path(args.json).write_text(json.dumps({"startup_s": starts, "pages": results}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
