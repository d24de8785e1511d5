"""Build the graph: read -> extract (in parallel) -> resolve -> write files and the embedded store.

Workers read and extract whole inputs (a file, or a catalogue with its records) and send back JSON lines, which
go straight to ``DIR/extractions.jsonl``, rewritten in file order. Resolution reads that file once, in a process of
its own, and writes the graph's JSON lines; the embedded store is then loaded from those files. Memory holds the
graph once, never the corpus. ``--append`` adds documents to an earlier build (an input read again replaces its
earlier extraction). Every input ends either in the graph or in ``rejects.jsonl`` with its reason. The same
inputs give byte-identical outputs.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import sys
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Union

from ..extract.extractor import extract_citations
from ..ingest.read import iter_paths, read_sources
from ..models import Reject
from ..stores import ladybug as store
from ..vocab import gazetteer
from . import files
from .model import Graph, Report
from .check import check_graph
from .resolve import resolve_citations

EXTRACTIONS = "extractions.jsonl"
PathLike = Union[str, Path]
# What a worker sends back per input: (file, JSON line of its extraction | None, reject reason | None).
WorkResult = tuple[str, Optional[str], Optional[str]]


@dataclass
class BuildResult:
    out_dir: Path
    report: Report
    inputs: int
    rejects: int
    seconds: dict[str, float] = field(default_factory=dict)     # per stage: extract, resolve, export, store

    @cached_property
    def graph(self) -> Graph:
        """The resolved graph, read back from the files (the build does not keep it in memory)."""
        return files.load_graph(self.out_dir)


def _work(path: str) -> list[WorkResult]:
    """Worker: every input in one path, extracted (or the reason it was not)."""
    out: list[WorkResult] = []
    for item in read_sources([path]):
        if isinstance(item, Reject):
            out.append((item.file, None, item.reason))
            continue
        try:
            record = extract_citations(item, with_mentions=False).to_dict(mentions=False)    # the graph needs none
            out.append((item.file, json.dumps(record, ensure_ascii=False, sort_keys=True), None))
        except Exception as e:  # noqa: BLE001 - one bad input must not lose the batch
            out.append((item.file, None, f"could not extract ({type(e).__name__}: {str(e)[:200]})"))
    return out


class ExtractionLog:
    """extractions.jsonl: one line per input, read back by file name in sorted order (by seeking, not loading)."""

    def __init__(self, path: Path):
        self.path = path
        self.offsets: dict[str, tuple[Path, int]] = {}      # file -> (path of the log holding its line, byte offset)

    def index(self, path: Path) -> None:
        """Learn the offsets of a log written earlier (an --append build) by reading it once."""
        with open(path, "rb") as f:
            pos = 0
            for line in f:
                if line.strip():
                    self.offsets[json.loads(line)["file"]] = (path, pos)
                pos += len(line)

    def lines(self) -> Iterator[tuple[str, bytes]]:
        """(file, line) in sorted file order."""
        handles: dict[Path, IO[bytes]] = {}
        try:
            for name in sorted(self.offsets):
                path, pos = self.offsets[name]
                f = handles.get(path) or handles.setdefault(path, open(path, "rb"))
                f.seek(pos)
                yield name, f.readline()
        finally:
            for f in handles.values():
                f.close()

    def rewrite(self, path: Path) -> "ExtractionLog":
        """Write every line in sorted order to ``path`` (through a temporary file) and return its log."""
        out = ExtractionLog(path)
        tmp = path.with_name(path.name + ".tmp")
        with open(tmp, "wb") as f:
            for name, line in self.lines():
                out.offsets[name] = (path, f.tell())
                f.write(line if line.endswith(b"\n") else line + b"\n")
        os.replace(tmp, path)
        return out


def build_graph(paths: Iterable[PathLike], out_dir: PathLike, jobs: int = 1, append: bool = False,
                progress: Optional[Callable[[int, str], None]] = None) -> BuildResult:
    """Build the graph of ``paths`` into ``out_dir``; see the module docstring. ``progress(n, name)`` is called
    after each input, then with "(resolving)" and "(loading the store)" as the later stages start."""
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    ext_path, rej_path = out / EXTRACTIONS, out / "rejects.jsonl"
    log = ExtractionLog(ext_path)
    old_rejects: list[dict[str, str]] = []
    if append and ext_path.exists():
        log.index(ext_path)
        if rej_path.exists():
            old_rejects = [json.loads(line) for line in open(rej_path, encoding="utf-8") if line.strip()]
    fresh_path = out / (EXTRACTIONS + ".new")
    fresh_log = ExtractionLog(fresh_path)
    rejects: dict[str, str] = {}        # file -> reason
    count = 0
    work = (str(p) for p in iter_paths(paths))
    with open(fresh_path, "wb") as fresh:
        if jobs > 1:
            gazetteer.units()        # load the tables once, before forking, rather than once per worker
            with _context().Pool(jobs) as pool:
                # Small chunks: inputs differ a hundredfold in size, and a catalogue is one path.
                count = _collect(pool.imap(_work, work, chunksize=8), fresh, fresh_log, rejects, progress)
        else:
            count = _collect(map(_work, work), fresh, fresh_log, rejects, progress)
    for name in set(fresh_log.offsets) | set(rejects):
        log.offsets.pop(name, None)
    log.offsets.update(fresh_log.offsets)
    # Rewrite the log in sorted order, then resolve from it.
    log = log.rewrite(ext_path)
    fresh_path.unlink()
    all_rejects = [r for r in old_rejects if r["file"] not in rejects and r["file"] not in log.offsets] + \
        [{"file": f, "reason": reason} for f, reason in rejects.items()]
    all_rejects.sort(key=lambda r: r["file"])
    seconds["extract"] = time.perf_counter() - started
    # Resolution runs in a process of its own and leaves the graph in files: the memory it takes goes back to the
    # system when that process ends (a Python process keeps most of it), before the store's buffers are taken.
    if progress:
        progress(count, "(resolving)")
    with _context().Pool(1) as pool:
        report, stage_seconds = pool.apply(_resolve_to_files, (str(out), all_rejects, len(log.offsets)))
    seconds.update(stage_seconds)
    started = time.perf_counter()
    if progress:
        progress(count, "(loading the store)")
    store.write(files.GraphFiles(out), out)
    seconds["store"] = time.perf_counter() - started
    remember_graph_dir(out)
    return BuildResult(out, report, count, len(all_rejects), seconds)


def _context() -> Any:
    """Fork where it is safe (Linux: the workers share the loaded tables); spawn elsewhere."""
    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _resolve_to_files(out: str, rejects: list[dict[str, str]], extracted: int) -> tuple[Report, dict[str, float]]:
    """Resolve the (sorted) extraction log of ``out`` and write the graph's files; (report, seconds per stage)."""
    started = time.perf_counter()
    with open(Path(out) / EXTRACTIONS, "rb") as f:
        graph = resolve_citations(json.loads(line) for line in f if line.strip())
    graph.report["inputs"] = extracted + len(rejects)
    graph.report["rejected"] = len(rejects)
    graph.report["check"] = check_graph(graph)      # what cannot be true, with its evidence (graph/check.py)
    seconds = {"resolve": time.perf_counter() - started}
    started = time.perf_counter()
    files.write_files(graph, Path(out), rejects)
    seconds["export"] = time.perf_counter() - started
    return graph.report, seconds


def _collect(results: Iterable[list[WorkResult]], fresh: IO[bytes], log: ExtractionLog, rejects: dict[str, str],
             progress: Optional[Callable[[int, str], None]]) -> int:
    """Append the workers' lines to ``fresh`` (noting their offsets in ``log``) and their rejects to ``rejects``;
    the number of inputs seen."""
    count = 0
    for batch in results:
        for name, line, reason in batch:
            count += 1
            if line is None:
                rejects[name] = reason or ""
            else:
                log.offsets[name] = (log.path, fresh.tell())
                fresh.write(line.encode("utf-8") + b"\n")
            if progress:
                progress(count, name)
    return count


# --- where the last build went ----------------------------------------------------------------------------------

def _state_file() -> Path:
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "graphbuild" / "last_graph"


def remember_graph_dir(path: PathLike) -> None:
    try:
        state = _state_file()
        state.parent.mkdir(parents=True, exist_ok=True)
        state.write_text(str(Path(path).resolve()), encoding="utf-8")
    except OSError:
        pass   # a read-only home only loses the default


def default_graph_dir() -> Path:
    try:
        last = Path(_state_file().read_text(encoding="utf-8").strip())
        if (last / store.STORE_NAME).exists():
            return last
    except OSError:
        pass
    return Path("graph")
