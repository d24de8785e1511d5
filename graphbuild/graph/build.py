"""Build the graph: read -> extract (in parallel) -> resolve -> write files and the embedded store.

Workers read and extract whole inputs (a file, or a catalogue with its records) and send back JSON lines, which
go straight to ``DIR/extractions.jsonl``, rewritten in file order. Resolution reads that file once, in a process of
its own, and writes the graph's JSON lines; the embedded store is then loaded from those files. Memory holds the
graph once, never the corpus. ``--append`` adds documents to an earlier build (an input read again replaces its
earlier extraction). Every input ends either in the graph or in ``rejects.jsonl`` with its reason. The same
inputs give byte-identical outputs (``build.json``, when and from what it was built, aside).

Nothing is written before the inputs and the output folder are known to be usable (``BuildError`` says why not).
Folders and pages that graphbuild wrote are not read back as inputs (``ingest.read.iter_paths``). With several
workers a catalogue is split into one part per worker, each reading the file and extracting every ``jobs``-th record
(``work_items``), so that one large catalogue is extracted in parallel; in one process, progress is told record by
record.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import sys
import time
from array import array
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Optional, Union

from ..extract.extractor import extract_citations
from ..ingest.read import CATALOGUE_SUFFIXES, iter_paths, read_sources
from ..models import Reject
from ..query import word_index
from ..stores import ladybug as store
from ..vocab import gazetteer
from . import files
from .check import check_graph
from .extraction_log import ExtractionLog
from .locate import is_graph_dir, write_build_info
from .model import Graph, Report
from .resolve_files import IN_MEMORY_LOG_BYTES, resolve_to_files

EXTRACTIONS = "extractions.jsonl"
PathLike = Union[str, Path]
# What a worker sends back per input: (file, JSON line of its extraction | None, reject reason | None).
WorkResult = tuple[str, Optional[str], Optional[str]]
# What a worker is given: (path, part, parts): the records of the path whose index modulo ``parts`` is ``part``.
WorkItem = tuple[str, int, int]
CATALOGUE_PART_BYTES = 2_000_000       # a smaller catalogue is not worth splitting (each part reads the whole file)
# progress(stage, done, total): stage "extract" counts input bytes, "resolve" and "store" steps.
Progress = Callable[[str, int, int], None]


class BuildError(Exception):
    """The build cannot start: an input path does not exist, the output is a file or a folder of other files."""


@dataclass
class BuildResult:
    out_dir: Path
    inputs: int
    rejects: int
    seconds: dict[str, float] = field(default_factory=dict)     # per stage: extract, resolve, export, store
    peak_mib: dict[str, float] = field(default_factory=dict)    # "resolve": the resolution process's peak RSS
    skipped: list[str] = field(default_factory=list)            # folders and files graphbuild wrote: not read

    @cached_property
    def report(self) -> Report:
        """report.json, read when asked: at a million documents its lists hold hundreds of MB, which the build's
        own process does not keep while the store loads."""
        return files.GraphFiles(self.out_dir).report

    @cached_property
    def graph(self) -> Graph:
        """The resolved graph, read back from the files (the build does not keep it in memory)."""
        return files.load_graph(self.out_dir)


def _iter_work(work: WorkItem) -> Iterator[tuple[WorkResult, int, int]]:
    """Every input of one part of one path, extracted (or the reason it was not), with its index among the path's
    inputs and the number of lines of the path (how far into it the input is)."""
    path, part, parts = work
    lines = _line_count(path)
    for index, item in enumerate(read_sources([path])):
        if index % parts != part:
            continue
        if isinstance(item, Reject):
            yield (item.file, None, item.reason), index, lines
            continue
        try:
            record = extract_citations(item, with_mentions=False).to_dict(mentions=False)    # the graph needs none
            yield (item.file, json.dumps(record, ensure_ascii=False, sort_keys=True), None), index, lines
        except Exception as e:  # noqa: BLE001 - one bad input must not lose the batch
            yield (item.file, None, f"could not extract ({type(e).__name__}: {str(e)[:200]})"), index, lines


def _line_count(path: str) -> int:
    if Path(path).suffix.lower() not in CATALOGUE_SUFFIXES:
        return 1
    try:
        with open(path, "rb") as f:
            return max(1, sum(1 for _ in f))
    except OSError:
        return 1


def _work(work: WorkItem) -> list[WorkResult]:
    """Worker: every input of one part of one path."""
    return [result for result, _, _ in _iter_work(work)]


def check_paths(paths: list[Path], out: Path) -> None:
    """Raise BuildError, before anything is written, when an input is missing or the output cannot be a graph's
    folder: a file, or a folder that holds other files (they could be overwritten or read back as inputs)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise BuildError(f"no such input: {', '.join(missing)}")
    if not paths:
        raise BuildError("no input given")
    if out.exists() and not out.is_dir():
        raise BuildError(f"the output {out} is a file: --out takes a folder")
    if out.is_dir() and not is_graph_dir(out) and any(not c.name.startswith(".") for c in out.iterdir()):
        raise BuildError(f"the output folder {out} holds other files and no built graph: give a new or empty folder")


def work_items(files: Iterable[Path], jobs: int) -> Iterator[tuple[WorkItem, int]]:
    """(work item, its share of the input bytes), one file after another: a file is one item; with several workers
    a catalogue larger than CATALOGUE_PART_BYTES is one item per worker."""
    for path in files:
        size = path.stat().st_size if path.exists() else 0
        split = jobs > 1 and path.suffix.lower() in CATALOGUE_SUFFIXES and size > CATALOGUE_PART_BYTES
        parts = jobs if split else 1
        for part in range(parts):
            yield (str(path), part, parts), size // parts


def build_graph(paths: Iterable[PathLike], out_dir: PathLike, jobs: int = 1, append: bool = False,
                progress: Optional[Progress] = None) -> BuildResult:
    """Build the graph of ``paths`` into ``out_dir``; see the module docstring. ``progress(stage, done, total)`` is
    called as inputs are extracted (bytes), then as the graph is resolved and the store loaded (steps)."""
    started = time.perf_counter()
    seconds: dict[str, float] = {}
    inputs = [Path(p) for p in paths]
    out = Path(out_dir)
    check_paths(inputs, out)
    skipped: list[Path] = []
    resolved_out = out.resolve()

    def found(skipped: Optional[list[Path]] = None) -> Iterator[Path]:
        # Walked twice (sizes, then work), never held: a million paths would take hundreds of MB in this process
        # and in every process forked from it.
        return (f for f in iter_paths(inputs, skipped) if not f.resolve().is_relative_to(resolved_out))

    weights = array("q", (weight for _, weight in work_items(found(skipped), jobs)))
    if not weights:
        what = f" (skipped as graphbuild's own output: {', '.join(map(str, skipped))})" if skipped else ""
        raise BuildError(f"nothing to read in {', '.join(map(str, inputs))}{what}")
    total_bytes = sum(weights)
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
    done_bytes = array("q", [0, *accumulate(weights)])     # after n items

    def advance(done: int) -> None:
        if progress:
            progress("extract", done_bytes[min(done, len(weights))], total_bytes)     # a file added meanwhile

    with open(fresh_path, "wb") as fresh:
        if jobs > 1 and len(weights) > 1:
            gazetteer.units()        # load the tables once, before forking, rather than once per worker
            work = (item for item, _ in work_items(found(), jobs))
            with _context().Pool(jobs) as pool:
                # Small chunks: inputs differ a hundredfold in size.
                count = _collect(pool.imap(_work, work, chunksize=1 if len(weights) < 64 else 4), fresh, fresh_log,
                                 rejects, advance)
        else:
            count = _collect_one_by_one(work_items(found(), jobs), fresh, fresh_log, rejects, progress, total_bytes)
    log.merge(fresh_log, rejects)
    fresh_log.close()
    # Rewrite the log in sorted order, then resolve from it.
    log = log.rewrite(ext_path)
    fresh_path.unlink()
    extracted = len(log)
    all_rejects = [r for r in old_rejects if r["file"] not in rejects and r["file"] not in log] + \
        [{"file": f, "reason": reason} for f, reason in rejects.items()]
    log.close()
    all_rejects.sort(key=lambda r: r["file"])
    seconds["extract"] = time.perf_counter() - started
    # Resolution runs in a process of its own and leaves the graph in files: the memory it takes goes back to the
    # system when that process ends (a Python process keeps most of it), before the store's buffers are taken.
    if progress:
        progress("resolve", 0, 1)
    with _context().Pool(1) as pool:
        counts, stage_seconds, resolve_peak = pool.apply(_resolve_to_files, (str(out), all_rejects, extracted))
    seconds.update(stage_seconds)
    if progress:
        progress("resolve", 1, 1)
    started = time.perf_counter()
    word_index.remove_index(out)          # the old store's index, before that store is replaced
    store.write(files.GraphFiles(out), out,
                progress=(lambda done, total: progress("store", done, total)) if progress else None)
    word_index.write_index(out)
    seconds["store"] = time.perf_counter() - started
    write_build_info(out, [str(p) for p in inputs], counts)
    return BuildResult(out, count, len(all_rejects), seconds, {"resolve": resolve_peak} if resolve_peak else {},
                       [str(p) for p in skipped])


def _context() -> Any:
    """Fork where it is safe (Linux: the workers share the loaded tables); spawn elsewhere."""
    return mp.get_context("fork" if sys.platform.startswith("linux") else "spawn")


def _resolve_to_files(out: str, rejects: list[dict[str, str]], extracted: int) \
        -> tuple[dict[str, Any], dict[str, float], Optional[float]]:
    """Resolve the (sorted) extraction log of ``out`` and write the graph's files; (the report's numbers of
    documents and edges, seconds per stage:
    "resolve" up to the last file of the graph, "export" the check and the report; the peak RSS of this process in
    MiB where the system tells it)."""
    started = time.perf_counter()
    log = Path(out) / EXTRACTIONS
    with open(log, "rb") as f:
        report = resolve_to_files((json.loads(line) for line in f if line.strip()), out,
                                  in_memory=log.stat().st_size < IN_MEMORY_LOG_BYTES)
    report["inputs"] = extracted + len(rejects)
    report["rejected"] = len(rejects)
    seconds = {"resolve": time.perf_counter() - started}
    started = time.perf_counter()
    graph_files = files.GraphFiles(out)
    graph_files.report = report
    report["check"] = check_graph(graph_files)      # what cannot be true, with its evidence (graph/check.py)
    files.write_report(out, report, rejects)
    seconds["export"] = time.perf_counter() - started
    return {"documents": report.get("documents"), "edges": report.get("edges")}, seconds, _peak_mib()


def _peak_mib() -> Optional[float]:
    """This process's peak resident memory in MiB (Linux and macOS report it, in KiB and bytes)."""
    try:
        import resource
    except ImportError:          # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def _keep(result: WorkResult, fresh: IO[bytes], log: ExtractionLog, rejects: dict[str, str]) -> None:
    """One input's line appended to ``fresh`` (its offset noted in ``log``), or its reject to ``rejects``."""
    name, line, reason = result
    if line is None:
        rejects[name] = reason or ""
    else:
        log.note(name, log.path, fresh.tell())
        fresh.write(line.encode("utf-8") + b"\n")


def _collect(results: Iterable[list[WorkResult]], fresh: IO[bytes], log: ExtractionLog, rejects: dict[str, str],
             advance: Callable[[int], None]) -> int:
    """The workers' results kept (``_keep``); the number of inputs seen. ``advance(n)`` after the n-th work item."""
    count = 0
    for done, batch in enumerate(results, 1):
        for result in batch:
            count += 1
            _keep(result, fresh, log, rejects)
        advance(done)
    return count


def _collect_one_by_one(items: Iterable[tuple[WorkItem, int]], fresh: IO[bytes], log: ExtractionLog,
                        rejects: dict[str, str], progress: Optional[Progress], total_bytes: int) -> int:
    """In this process: each input kept as it is extracted, progress told input by input (within a catalogue, by
    the share of its lines read)."""
    count = done_bytes = 0
    for work, weight in items:
        for result, index, lines in _iter_work(work):
            count += 1
            _keep(result, fresh, log, rejects)
            if progress:
                progress("extract", done_bytes + weight * min(index + 1, lines) // lines, total_bytes)
        done_bytes += weight
        if progress:
            progress("extract", done_bytes, total_bytes)
    return count
