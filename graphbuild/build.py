"""Build the graph: read -> extract (in parallel) -> resolve -> write files and the embedded store.

Extractions stream to ``DIR/extractions.jsonl`` as they arrive, so memory holds the graph, not the corpus, and
``--append`` can add documents to an earlier build. Every input ends either in the graph or in ``rejects.jsonl``
with its reason. The same inputs give byte-identical outputs.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import export, store
from .extract import extract
from .models import Extraction, Reject, Source
from .read import read
from .resolve import Graph, resolve

EXTRACTIONS = "extractions.jsonl"


@dataclass
class BuildResult:
    out_dir: Path
    graph: Graph
    inputs: int
    rejects: int


def _extract_safely(source: Source):
    """Worker: one input -> Extraction dict, or a Reject when the extractor itself fails (reported, not raised)."""
    try:
        return extract(source).to_dict()
    except Exception as e:  # noqa: BLE001 - one bad input must not lose the batch
        return {"reject": source.file, "reason": f"could not extract ({type(e).__name__}: {str(e)[:200]})"}


def _sources_and_rejects(paths, rejects: list) -> Iterable[Source]:
    for item in read(paths):
        if isinstance(item, Reject):
            rejects.append(item)
        else:
            yield item


def build(paths: Iterable, out_dir, jobs: int = 1, append: bool = False,
          progress: Optional[Callable[[int, str], None]] = None) -> BuildResult:
    """Build the graph of ``paths`` into ``out_dir``; see the module docstring."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ext_path = out / EXTRACTIONS
    previous: dict = {}
    old_rejects: list = []
    if append and ext_path.exists():
        with open(ext_path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                previous[d["file"]] = d
        rej_path = out / "rejects.jsonl"
        if rej_path.exists():
            old_rejects = [json.loads(line) for line in open(rej_path, encoding="utf-8") if line.strip()]
    rejects: list = []
    tmp_path = out / (EXTRACTIONS + ".tmp")
    count = 0
    fresh: dict = {}
    sources = _sources_and_rejects(paths, rejects)
    with open(tmp_path, "w", encoding="utf-8") as tmp:
        if jobs > 1:
            ctx = mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")
            with ctx.Pool(jobs) as pool:
                results = pool.imap(_extract_safely, sources, chunksize=8)
                count = _collect(results, tmp, fresh, rejects, progress)
        else:
            count = _collect(map(_extract_safely, sources), tmp, fresh, rejects, progress)
    # Merge with an earlier build (appended files replace their earlier extraction), sorted for determinism.
    merged = {**previous, **fresh}
    with open(tmp_path, "w", encoding="utf-8") as f:
        for name in sorted(merged):
            f.write(json.dumps(merged[name], ensure_ascii=False, sort_keys=True) + "\n")
    os.replace(tmp_path, ext_path)
    extractions = [Extraction.from_dict(d) for _, d in sorted(merged.items())]
    graph = resolve(extractions)
    new_files = {r.file for r in rejects} | set(fresh)
    all_rejects = [r for r in old_rejects if r["file"] not in new_files] + \
        [{"file": r.file, "reason": r.reason} for r in rejects]
    graph.report["inputs"] = len(merged) + len(all_rejects)
    graph.report["rejected"] = len(all_rejects)
    export.write_files(graph, out, sorted(all_rejects, key=lambda r: r["file"]))
    store.write(graph, out)
    remember_graph_dir(out)
    return BuildResult(out, graph, count + len(rejects), len(all_rejects))


def _collect(results, tmp, fresh: dict, rejects: list, progress) -> int:
    n = 0
    for d in results:
        n += 1
        if "reject" in d:
            rejects.append(Reject(d["reject"], d["reason"]))
            name = d["reject"]
        else:
            fresh[d["file"]] = d
            tmp.write(json.dumps(d, ensure_ascii=False) + "\n")
            name = d["file"]
        if progress:
            progress(n, name)
    return n


# --- where the last build went ----------------------------------------------------------------------------------

def _state_file() -> Path:
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "graphbuild" / "last_graph"


def remember_graph_dir(path: Path) -> None:
    try:
        f = _state_file()
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(str(Path(path).resolve()), encoding="utf-8")
    except OSError:
        pass   # a read-only home only loses the default


def default_graph_dir() -> Path:
    try:
        p = Path(_state_file().read_text(encoding="utf-8").strip())
        if (p / store.STORE_NAME).exists():
            return p
    except OSError:
        pass
    return Path("graph")
