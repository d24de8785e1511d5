"""Resolution's heaviest reads on disk, SQLite (stdlib) against DuckDB: load time, query times, file size, peak RSS.

    python benchmarks/worktable_engines.py EXTRACTIONS.jsonl [--dir DIR] [--engines python,sqlite,duckdb1,duckdb2]
                                           [--memory-limit 256MB] [--no-insertion-order]

Issue 18 ("group-bys and joins on disk: SQLite, or DuckDB if it earns its place, measure both"). From an extraction
log (one extraction a line, as a build writes ``extractions.jsonl``) each engine, in a fresh process of its own (so
that its peak RSS is its own), loads the rows ``graph.worktable`` holds:

- ``mention`` (seq, key, file, subject, record): one row per document of an extraction, the record ``marshal``led
  (its empty fields dropped, as ``resolve._compact`` does), key = the provisional id's first-seen rank;
- ``ident`` (key, id, subject, resolved): one row per provisional id;
- ``said`` (seq, source, target, evidence): one row per edge, the evidence dict of ``resolve.pair_statements``
  ``marshal``led (its ends as extracted: no resolution is run here);

then runs the three heaviest reads of resolution, streaming every row through Python (``fetchmany`` of 5,000 rows,
each row counted, each blob unmarshalled):

1. ``grouped``: ``resolved`` set for every id and renamed for 5% of them (every twentieth key onto the id before it),
   then ``SELECT i.resolved, m.file, m.subject, m.record FROM mention m JOIN ident i ON i.key = m.key
   ORDER BY i.resolved, m.key, m.seq``, grouped by resolved id;
2. ``said_by_pair``: ``SELECT source, target, evidence FROM said ORDER BY source, target, seq``, grouped by pair;
3. ``cited_counts``: ``SELECT target, count(*) FROM (SELECT DISTINCT source, target FROM said) GROUP BY target
   ORDER BY target``.

Engines: ``python`` (the log parsed and the rows made, nothing stored: the floor every engine pays), ``sqlite``
(the pragmas of ``worktable.WorkTables``, ``executemany`` in batches of 5,000, the index ``mention (key, seq)`` made
before the reads as ``MentionTable._ready`` does, the rename as ``MentionTable.grouped`` does it), ``duckdb1`` and
``duckdb2`` (a file database, ``memory_limit`` ``--memory-limit``, a ``temp_directory`` under ``--dir``, 1 or 2
threads; rows inserted 5,000 at a time as lists ``unnest``ed, DuckDB's ``executemany`` being some 300 rows a second;
the rename as one ``UPDATE ... FROM`` a table of the renames). The provisional id -> key map is a Python dict in every
engine (graphbuild keeps the last 65,536 in memory and looks the others up on disk), dropped before the reads.

Prints, per engine, one JSON line then a table: seconds to load (parse included), per read, in all; the database's
size on disk once closed after the reads (MB, 10^6 bytes; DuckDB's temp directory's largest size sampled every
0.2 s as well); peak RSS (MiB, ``VmHWM``) over the whole process, over the load, and over the reads alone (the
high-water mark reset through ``/proc/self/clear_refs`` after the load); the load average before and after. It
prints numbers only and asserts nothing (an engine that fails prints its error and the others go on). DuckDB is not
a dependency of graphbuild: run it with a Python where ``duckdb`` is installed.
"""
from __future__ import annotations

import argparse
import gc
import json
import marshal
import os
import shutil
import subprocess
import sys
import threading
import time
from itertools import groupby
from pathlib import Path
from typing import Any, Iterator

BATCH = 5000
FETCH = 5000
_EMPTY: tuple[object, ...] = (None, "", [])


def _status(field: str) -> float:
    """A field of /proc/self/status in MiB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def _reset_peak() -> None:
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return 0


# --- the rows ---------------------------------------------------------------------------------------------------------

def rows(log: Path, ids: dict[str, list[int]]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """("mention" | "said", row) in the order resolution makes them; ``ids`` fills with id -> [key, subject]."""
    seq = said = 0
    with open(log, encoding="utf-8") as f:
        for line in f:
            ext = json.loads(line)
            file = ext["file"]
            docs = ext.get("documents") or []
            for i, doc in enumerate(docs):
                subject = int(ext.get("subject") is not None and i == 0)
                entry = ids.get(doc["id"])
                if entry is None:
                    entry = ids[doc["id"]] = [len(ids), subject]
                elif subject:
                    entry[1] = 1
                seq += 1
                record = {k: v for k, v in doc.items() if v not in _EMPTY and v is not False}
                yield "mention", (seq, entry[0], file, subject, marshal.dumps(record))
            for edge in ext.get("edges") or []:
                source, target, ev = edge.get("source"), edge.get("target"), edge["evidence"]
                if source is None or target is None:
                    continue
                said += 1
                evidence = {"file": file, "text": ev["text"], "start": ev["start"], "end": ev["end"],
                            "relation": edge["relation"], "confidence": edge["confidence"],
                            "mode": edge.get("mode") or "enacted", "verb": edge.get("verb") or None}
                yield "said", (said, source, target, marshal.dumps(evidence))


def ident_rows(ids: dict[str, list[int]]) -> Iterator[tuple[int, str, int]]:
    for doc_id, (key, subject) in ids.items():      # insertion order: key order
        yield key, doc_id, subject


def renames(ids: dict[str, list[int]]) -> dict[str, str]:
    """5% of the ids renamed: every twentieth key onto the id of the key before it."""
    previous = None
    out = {}
    for doc_id, (key, _) in ids.items():
        if key % 20 == 1 and previous is not None:
            out[doc_id] = previous
        previous = doc_id
    return out


# --- the engines ------------------------------------------------------------------------------------------------------

SCHEMA = {
    "sqlite": """
CREATE TABLE mention (seq INTEGER PRIMARY KEY, key INTEGER NOT NULL, file TEXT NOT NULL, subject INTEGER NOT NULL,
                      record BLOB NOT NULL);
CREATE TABLE ident (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, subject INTEGER NOT NULL, resolved TEXT);
CREATE TABLE said (seq INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, evidence BLOB NOT NULL);
""",
    "duckdb": """
CREATE TABLE mention (seq BIGINT NOT NULL, key BIGINT NOT NULL, file VARCHAR NOT NULL, subject INTEGER NOT NULL,
                      record BLOB NOT NULL);
CREATE TABLE ident (key BIGINT NOT NULL, id VARCHAR NOT NULL, subject INTEGER NOT NULL, resolved VARCHAR);
CREATE TABLE said (seq BIGINT NOT NULL, source VARCHAR NOT NULL, target VARCHAR NOT NULL, evidence BLOB NOT NULL);
CREATE TABLE rename (id VARCHAR NOT NULL, to_id VARCHAR NOT NULL);
"""}

_TYPES = {"mention": ("BIGINT", "BIGINT", "VARCHAR", "INTEGER", "BLOB"), "ident": ("BIGINT", "VARCHAR", "INTEGER"),
          "said": ("BIGINT", "VARCHAR", "VARCHAR", "BLOB"), "rename": ("VARCHAR", "VARCHAR")}
_COLUMNS = {"ident": "(key, id, subject)"}


class Engine:
    name = "python"

    def __init__(self, path: Path, args: argparse.Namespace):
        self.path = path

    def insert(self, table: str, batch: list[tuple[Any, ...]]) -> None:
        pass

    def finish_load(self) -> None:
        pass

    def rename(self, rename: dict[str, str]) -> None:
        pass

    def query(self, sql: str) -> Iterator[list[tuple[Any, ...]]]:
        """The rows of ``sql``, FETCH at a time (a sqlite3 and a duckdb connection read alike); none without a
        database."""
        db = getattr(self, "db", None)
        if db is None:
            return
        result = db.execute(sql)
        while batch := result.fetchmany(FETCH):
            yield batch

    def files(self) -> list[Path]:
        return []

    def close(self) -> None:
        pass


class SQLite(Engine):
    name = "sqlite"

    def __init__(self, path: Path, args: argparse.Namespace):
        import sqlite3
        super().__init__(path, args)
        self.version = sqlite3.sqlite_version
        self.db = sqlite3.connect(str(path), isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", "cache_size = -65536",
                       "locking_mode = EXCLUSIVE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(SCHEMA["sqlite"])
        self.db.execute("BEGIN")

    def insert(self, table: str, batch: list[tuple[Any, ...]]) -> None:
        cols = _COLUMNS.get(table, "")
        self.db.executemany(f"INSERT INTO {table} {cols} VALUES ({', '.join('?' * len(batch[0]))})", batch)

    def finish_load(self) -> None:
        self.db.execute("CREATE INDEX mention_by_key ON mention (key, seq)")      # MentionTable._ready

    def rename(self, rename: dict[str, str]) -> None:                             # MentionTable.grouped
        self.db.execute("UPDATE ident SET resolved = id")
        self.db.executemany("UPDATE ident SET resolved = ? WHERE id = ?", ((to, i) for i, to in rename.items()))

    def files(self) -> list[Path]:
        return [self.path]

    def close(self) -> None:
        self.db.execute("COMMIT")
        self.db.close()


class DuckDB(Engine):
    name = "duckdb"

    def __init__(self, path: Path, args: argparse.Namespace):
        import duckdb
        super().__init__(path, args)
        self.version = duckdb.__version__
        self.temp = path.with_suffix(".tmp")
        shutil.rmtree(self.temp, ignore_errors=True)
        self.db = duckdb.connect(str(path), config={"memory_limit": args.memory_limit, "threads": args.threads,
                                                    "temp_directory": str(self.temp),
                                                    "preserve_insertion_order": args.insertion_order})
        self.db.execute(SCHEMA["duckdb"])

    def insert(self, table: str, batch: list[tuple[Any, ...]]) -> None:
        types = _TYPES[table]
        cols = ", ".join(f"unnest(?::{t}[])" for t in types)
        self.db.execute(f"INSERT INTO {table} {_COLUMNS.get(table, '')} SELECT {cols}",
                        [list(column) for column in zip(*batch)])

    def finish_load(self) -> None:
        self.db.execute("CHECKPOINT")

    def rename(self, rename: dict[str, str]) -> None:
        items = list(rename.items())
        for start in range(0, len(items), BATCH):
            self.insert("rename", items[start:start + BATCH])
        self.db.execute("UPDATE ident SET resolved = id")
        self.db.execute("UPDATE ident SET resolved = r.to_id FROM rename r WHERE ident.id = r.id")

    def files(self) -> list[Path]:
        return [self.path, Path(str(self.path) + ".wal")]

    def close(self) -> None:
        self.db.close()


# --- one engine, in its own process -----------------------------------------------------------------------------------

GROUPED = ("SELECT i.resolved, m.file, m.subject, m.record FROM mention m JOIN ident i ON i.key = m.key "
           "ORDER BY i.resolved, m.key, m.seq")
SAID = "SELECT source, target, evidence FROM said ORDER BY source, target, seq"
CITED = ("SELECT target, count(*) FROM (SELECT DISTINCT source, target FROM said) GROUP BY target "
         "ORDER BY target")


def _flat(batches: Iterator[list[tuple[Any, ...]]]) -> Iterator[tuple[Any, ...]]:
    for batch in batches:
        yield from batch


def child(args: argparse.Namespace) -> dict[str, Any]:
    kind = args.child
    engine_class = {"python": Engine, "sqlite": SQLite, "duckdb": DuckDB}[kind.rstrip("0123456789")]
    args.threads = int(kind[len("duckdb"):] or 1) if kind.startswith("duckdb") else 1
    path = args.dir / f"{kind}.db"
    path.unlink(missing_ok=True)
    Path(str(path) + ".wal").unlink(missing_ok=True)
    out: dict[str, Any] = {"engine": kind, "rss_start_mib": _status("VmRSS")}
    engine = engine_class(path, args)
    out["version"] = getattr(engine, "version", None)
    out["rss_open_mib"] = _status("VmRSS")
    temp_peak = [0]
    if isinstance(engine, DuckDB):
        def sample() -> None:
            while True:
                temp_peak[0] = max(temp_peak[0], _size(engine.temp))
                time.sleep(0.2)
        threading.Thread(target=sample, daemon=True).start()

    started = time.perf_counter()
    ids: dict[str, list[int]] = {}
    pending: dict[str, list[tuple[Any, ...]]] = {"mention": [], "said": []}
    counts = {"mention": 0, "said": 0}
    for table, row in rows(args.log, ids):
        batch = pending[table]
        batch.append(row)
        if len(batch) >= BATCH:
            engine.insert(table, batch)
            counts[table] += len(batch)
            pending[table] = []
    for table, batch in pending.items():
        if batch:
            engine.insert(table, batch)
            counts[table] += len(batch)
    batch = []
    for row in ident_rows(ids):
        batch.append(row)
        if len(batch) >= BATCH:
            engine.insert("ident", batch)
            batch = []
    if batch:
        engine.insert("ident", batch)
    rename = renames(ids)
    out.update(mentions=counts["mention"], said=counts["said"], ids=len(ids), renamed=len(rename))
    del ids, pending, batch
    engine.finish_load()
    gc.collect()
    out["load_s"] = time.perf_counter() - started
    out["load_peak_rss_mib"] = _status("VmHWM")
    _reset_peak()

    started = time.perf_counter()
    engine.rename(rename)
    del rename
    out["rename_s"] = time.perf_counter() - started
    n = groups = 0
    for _, group in groupby(_flat(engine.query(GROUPED)), key=lambda r: r[0]):
        groups += 1
        for r in group:
            marshal.loads(r[3])
            n += 1
    out["grouped_s"] = time.perf_counter() - started           # the rename included
    out["grouped_rows"], out["grouped_groups"] = n, groups

    started = time.perf_counter()
    n = groups = 0
    for _, group in groupby(_flat(engine.query(SAID)), key=lambda r: (r[0], r[1])):
        groups += 1
        for r in group:
            marshal.loads(r[2])
            n += 1
    out["said_by_pair_s"] = time.perf_counter() - started
    out["said_rows"], out["said_pairs"] = n, groups

    started = time.perf_counter()
    n = total = 0
    for _, count in _flat(engine.query(CITED)):
        n += 1
        total += count
    out["cited_counts_s"] = time.perf_counter() - started
    out["cited_targets"], out["cited_pairs"] = n, total

    out["query_peak_rss_mib"] = _status("VmHWM")
    out["temp_peak_mb"] = temp_peak[0] / 1e6
    engine.close()
    out["disk_mb"] = sum(_size(p) for p in engine.files()) / 1e6        # closed: SQLite's pages all written
    out["peak_rss_mib"] = max(out["load_peak_rss_mib"], out["query_peak_rss_mib"])
    for p in engine.files():
        p.unlink(missing_ok=True)
    if isinstance(engine, DuckDB):
        shutil.rmtree(engine.temp, ignore_errors=True)
    return out


# --- the parent: one process per engine, then the table ---------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("log", type=Path)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/worktable-engines"), help="where the databases go")
    ap.add_argument("--engines", default="python,sqlite,duckdb1,duckdb2")
    ap.add_argument("--memory-limit", default="256MB", help="DuckDB's memory_limit")
    ap.add_argument("--no-insertion-order", dest="insertion_order", action="store_false",
                    help="DuckDB's preserve_insertion_order off (every read here has its ORDER BY)")
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    a.dir.mkdir(parents=True, exist_ok=True)
    if a.child:
        print(json.dumps(child(a)), flush=True)
        return 0
    env = dict(os.environ, SQLITE_TMPDIR=str(a.dir))
    print(json.dumps({"python": sys.version.split()[0], "log": str(a.log), "log_mb": a.log.stat().st_size / 1e6,
                      "memory_limit": a.memory_limit, "preserve_insertion_order": a.insertion_order}), flush=True)
    results = []
    for kind in a.engines.split(","):
        before = os.getloadavg()
        command = [sys.executable, __file__, str(a.log), "--dir", str(a.dir), "--memory-limit", a.memory_limit,
                   "--child", kind] + ([] if a.insertion_order else ["--no-insertion-order"])
        proc = subprocess.run(command, env=env, capture_output=True, text=True)
        if proc.returncode:
            print(json.dumps({"engine": kind, "error": proc.stderr[-2000:]}), flush=True)
            continue
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["loadavg_before"], result["loadavg_after"] = before, os.getloadavg()
        results.append(result)
        print(json.dumps(result), flush=True)
    cols = ("engine", "load_s", "grouped_s", "said_by_pair_s", "cited_counts_s", "total_s", "disk_mb", "temp_peak_mb",
            "peak_rss_mib", "load_peak_rss_mib", "query_peak_rss_mib")
    print("\n| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in results:
        r["total_s"] = r["load_s"] + r["grouped_s"] + r["said_by_pair_s"] + r["cited_counts_s"]
        print("| " + " | ".join(r[c] if isinstance(r[c], str) else f"{r[c]:.1f}" for c in cols) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
