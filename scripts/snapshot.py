#!/usr/bin/env python3
"""Snapshot what graphbuild produces, to compare two versions of the code byte for byte.

    python scripts/snapshot.py OUT [--corpus NAME=PATH ...]     # build, extract, query, view -> OUT/
    python scripts/snapshot.py --compare REF NEW                 # every file of REF against NEW

A snapshot holds, for the sample in data/ and for each --corpus: the build's files (JSON lines and report; the
binary store is left out), `extract --format jsonl`, and for the sample the rows of every query in the library and
the HTML views. Run it before and after a change that must not change behaviour; --compare prints each file that
differs with its first differing line and exits 1 when any does.
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ["data/seeds", "data/corpus"]
# Queries of the sample graph: (name, --doc, params)
QUERIES = [
    ("lineage", "1416-CV/QU", []),
    ("implementers", "44-KL/TW", []),
    ("descendants", "43-CT/TW", []),
    ("coverage", "44-KL/TW", ["level=district", "within=Hải Phòng"]),
    ("coverage", "44-KL/TW", ["level=province"]),
    ("lag", "43-CT/TW", []),
    ("path", "1416-CV/QU", ["to=43-CT/TW"]),
    ("most_cited", None, []),
    ("by_locality", None, ["locality=Hải Phòng"]),
    ("by_locality", None, ["locality=Kiến An"]),
    ("lag", "44-KL/TW", ["continues=true"]),
    ("timeline", "44-KL/TW", []),
    ("unresolved", None, []),
]
VIEWS = [("cascade", "44-KL/TW"), ("lineage", "1416-CV/QU"), ("locality", "1416-CV/QU"), ("ego", "809-CV/TU")]
GRAPH_FILES = ("documents.jsonl", "edges.jsonl", "entities.jsonl", "links.jsonl", "rejects.jsonl", "report.json",
               "extractions.jsonl")


def graphbuild(*args: str, out: Path | None = None) -> None:
    cmd = [sys.executable, "-m", "graphbuild", *args]
    with open(out, "wb") if out else open(os.devnull, "wb") as f:
        r = subprocess.run(cmd, cwd=ROOT, stdout=f, stderr=subprocess.PIPE)
    if r.returncode not in (0, 3):
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr.decode(errors='replace')[-2000:]}")


def snapshot(out: Path, corpora: dict) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    sets = {"sample": SAMPLE, **{k: [v] for k, v in corpora.items()}}
    for name, paths in sets.items():
        d = out / name
        work = d / "graph"
        graphbuild("build", *paths, "--out", str(work), "--quiet")
        for f in GRAPH_FILES:
            if (work / f).exists():
                shutil.copy(work / f, d / f)
        graphbuild("extract", *paths, "--format", "jsonl", out=d / "extract.jsonl")
        if name == "sample":
            for i, (q, doc, params) in enumerate(QUERIES):
                args = ["query", q, "--graph", str(work), "--format", "json"]
                args += ["--doc", doc] if doc else []
                for p in params:
                    args += ["--param", p]
                graphbuild(*args, out=d / f"query-{i:02d}-{q}.json")
            for view, doc in VIEWS:
                graphbuild("viz", view, "--doc", doc, "--graph", str(work), "-o", str(d / f"view-{view}.html"))
        shutil.rmtree(work)


def first_difference(a: Path, b: Path) -> str:
    la, lb = a.read_bytes().splitlines(), b.read_bytes().splitlines()
    for i, (x, y) in enumerate(zip(la, lb), 1):
        if x != y:
            return f"line {i}:\n    - {x[:300]!r}\n    + {y[:300]!r}"
    return f"{len(la)} lines against {len(lb)}"


def compare(ref: Path, new: Path) -> int:
    bad = 0
    for a in sorted(p for p in ref.rglob("*") if p.is_file()):
        rel = a.relative_to(ref)
        b = new / rel
        if not b.exists():
            print(f"missing in {new}: {rel}")
            bad += 1
        elif not filecmp.cmp(a, b, shallow=False):
            print(f"differs: {rel}: {first_difference(a, b)}")
            bad += 1
    for b in sorted(p for p in new.rglob("*") if p.is_file()):
        if not (ref / b.relative_to(new)).exists():
            print(f"only in {new}: {b.relative_to(new)}")
            bad += 1
    print(json.dumps({"compared": str(ref), "with": str(new), "differences": bad}))
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", nargs="?", type=Path)
    ap.add_argument("--corpus", action="append", default=[], help="NAME=PATH of a corpus to build as well")
    ap.add_argument("--compare", nargs=2, type=Path, metavar=("REF", "NEW"))
    a = ap.parse_args()
    if a.compare:
        sys.exit(compare(*a.compare))
    if not a.out:
        ap.error("give OUT, or --compare REF NEW")
    corpora = dict(c.split("=", 1) for c in a.corpus)
    missing = [p for p in corpora.values() if not Path(p).exists()]
    if missing:
        ap.error(f"no such corpus: {', '.join(missing)}")
    snapshot(a.out.resolve(), {k: str(Path(v).resolve()) for k, v in corpora.items()})


if __name__ == "__main__":
    main()
