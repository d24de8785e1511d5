"""extractions.jsonl and where each input's line is in it: the index on disk, not in memory.

A build writes one JSON line per input as the workers send them (in the order they finish), then rewrites the log
in sorted file order for resolution; ``--append`` merges an earlier log with the new lines (an input read again
replaces its earlier line). The index of which line is where (file name -> log, byte offset) is a SQLite table next
to the log, because at a million inputs a dict of it holds about 270 MB in the build's main process, and every
process forked from it (the resolution) would carry those pages too. SQLite orders names by ``BINARY`` collation,
the bytes of UTF-8, which is the order of code points: the order Python's ``sorted`` gives (graph/worktable.py).
The index file is private to one build: replaced when a killed build left one, deleted by ``close``.
"""
from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import IO, Iterable, Iterator

_BATCH = 10_000


class ExtractionLog:
    """One extraction log (``path``) and its index: file name -> (log holding its line, byte offset), read back in
    sorted file order by seeking, never by loading the log."""

    def __init__(self, path: Path):
        self.path = path
        self.index_path = path.with_name(f".{path.name}.index")
        self.index_path.unlink(missing_ok=True)       # left by a build that did not end: never read again
        self.db = sqlite3.connect(str(self.index_path), isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", "locking_mode = EXCLUSIVE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.execute("CREATE TABLE line (name TEXT PRIMARY KEY, log TEXT NOT NULL, pos INTEGER NOT NULL) "
                        "WITHOUT ROWID")
        self.db.execute("BEGIN")
        self._pending: list[tuple[str, str, int]] = []

    # --- writing ------------------------------------------------------------------------------------------------

    def note(self, name: str, log: Path, pos: int) -> None:
        """The line of ``name`` is at byte ``pos`` of ``log`` (a later note of the same name replaces it)."""
        self._pending.append((name, str(log), pos))
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self.db.executemany("INSERT OR REPLACE INTO line VALUES (?, ?, ?)", self._pending)
            self._pending.clear()

    def index(self, path: Path) -> None:
        """Learn the offsets of a log written earlier (an --append build) by reading it once."""
        with open(path, "rb") as f:
            pos = 0
            for line in f:
                if line.strip():
                    self.note(json.loads(line)["file"], path, pos)
                pos += len(line)

    def merge(self, fresh: "ExtractionLog", dropped: Iterable[str]) -> None:
        """Take every line of ``fresh`` (replacing this log's line of the same input) and forget the inputs of
        ``dropped`` (rejected this time)."""
        self._flush()
        fresh._flush()
        self.db.executemany("DELETE FROM line WHERE name = ?", ((name,) for name in dropped))
        # Rows are copied through Python in batches: the two indexes are two files, each with its own connection.
        rows = fresh.db.execute("SELECT name, log, pos FROM line")
        while batch := rows.fetchmany(_BATCH):
            self.db.executemany("INSERT OR REPLACE INTO line VALUES (?, ?, ?)", batch)

    # --- reading ------------------------------------------------------------------------------------------------

    def __len__(self) -> int:
        self._flush()
        return self.db.execute("SELECT count(*) FROM line").fetchone()[0]

    def __contains__(self, name: object) -> bool:
        self._flush()
        return self.db.execute("SELECT 1 FROM line WHERE name = ?", (name,)).fetchone() is not None

    def lines(self) -> Iterator[tuple[str, bytes]]:
        """(file, line) in sorted file order."""
        self._flush()
        handles: dict[str, IO[bytes]] = {}
        try:
            rows = self.db.execute("SELECT name, log, pos FROM line ORDER BY name")
            while batch := rows.fetchmany(_BATCH):
                for name, path, pos in batch:
                    f = handles.get(path) or handles.setdefault(path, open(path, "rb"))
                    f.seek(pos)
                    yield name, f.readline()
        finally:
            for f in handles.values():
                f.close()

    def rewrite(self, path: Path) -> "ExtractionLog":
        """Write every line in sorted order to ``path`` (through a temporary file) and return its log; this log's
        index is closed (its lines may be gone once ``path`` replaces them)."""
        tmp = path.with_name(path.name + ".tmp")
        out = ExtractionLog(path.with_name(path.name + ".sorted"))      # its index, under a name of its own
        with open(tmp, "wb") as f:
            for name, line in self.lines():
                out.note(name, path, f.tell())
                f.write(line if line.endswith(b"\n") else line + b"\n")
        self.close()
        os.replace(tmp, path)
        out.path = path
        return out

    def close(self) -> None:
        """Forget the index (its file is deleted)."""
        self._pending.clear()
        self.db.close()
        self.index_path.unlink(missing_ok=True)

