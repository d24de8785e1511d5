"""The embedded store (LadybugDB): written in bulk from a resolved graph, read by the query library.

The rows go to the store as Arrow tables passed as a parameter of ``COPY … FROM $rows``, in batches: no path and no
value is ever part of a statement's text (a folder named ``it's`` is as good as any), lists and quoted text need no
CSV escaping, and memory holds one batch per table. The database is built in a temporary folder next to the target
and moved into place only when complete, so a killed build never leaves a half-written store behind.
"""
from __future__ import annotations

import ctypes
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Optional, Union

from ..dates import to_date
from . import rows, schema
from .base import Row, StoreError

if TYPE_CHECKING:
    from ..graph.model import GraphSource

STORE_NAME = "graph.lbug"
# Rows per COPY, and at most that many rows waiting for a COPY in all tables together. A COPY of 50,000 documents
# took 270 MB above what the load held before it (the Arrow table and LadybugDB's own copy of it), one of 25,000
# took 90 MB (100,000-input graph).
COPY_BATCH = 25_000
# LadybugDB's buffer pool. Its default is 80 % of the machine's RAM, and a load takes what it is given (2.6 GiB
# at a million documents); too small a pool fails the load ("The buffer pool is full"), in a COPY appending to a
# table or in the checkpoint after it. What it needs grows with the rows a COPY appends and their width: measured
# on the 100,000-input graph (Document is the widest table: 30 columns, about 1.1 KB a row in its file), COPYs of
# 50,000 documents failed with 128 MiB and passed with 256, COPYs of 25,000 passed with 244; and with the number of
# COPYs appending to one table (COPYs of 2,500 rows, 577 of them, failed with 244 MiB and passed with 488). So:
# eight batches of the widest rows, doubled by ``write`` (and the load begun again) when a load needs more.
WIDEST_ROW_BYTES = 1280
BUFFER_POOL_BYTES = 8 * COPY_BATCH * WIDEST_ROW_BYTES
BUFFER_POOL_TRIES = 4        # 244 MiB, 488 MiB, 976 MiB, 1.9 GiB
# Values (rows times columns) copied before the database is closed and opened again (``_Loader``): two batches of
# documents (about 60 MB of their rows), seventeen of the three-column links.
REOPEN_CELLS = 2 * COPY_BATCH * 30
# What a bulk load needs to know of one key of its rows: (table, properties, (from label, to label) or None).
Table = tuple[str, schema.Props, Optional[tuple[str, str]]]

log = logging.getLogger(__name__)
__all__ = ["EmbeddedStore", "StoreError", "STORE_NAME", "write"]


def _arrow_type(kind: str) -> Any:
    import pyarrow as pa
    return {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
            "DATE": pa.date32(), "STRING[]": pa.list_(pa.string())}[kind]


class _Batch:
    """The rows of one table waiting for their COPY, column by column."""

    def __init__(self, table: Table):
        self.name, self.props, self.ends = table
        self.columns: dict[str, list[Any]] = {c: [] for c in (["from", "to"] if self.ends else [])}
        self.columns.update({p: [] for p, _ in self.props})
        self.dates = [p for p, kind in self.props if kind == "DATE"]
        self.rows = 0

    def add(self, row: Row) -> None:
        self.rows += 1
        if self.ends:
            self.columns["from"].append(row["source"])
            self.columns["to"].append(row["target"])
        for p, _ in self.props:
            self.columns[p].append(to_date(row.get(p)) if p in self.dates else row.get(p))

    def copy(self, conn: "_Loader") -> None:
        import pyarrow as pa
        fields = [pa.field(c, pa.string()) for c in ("from", "to")] if self.ends else []
        fields += [pa.field(p, _arrow_type(kind)) for p, kind in self.props]
        table = pa.table({f.name: pa.array(self.columns[f.name], f.type) for f in fields},
                         schema=pa.schema(fields))
        if table.num_rows:
            # The table name and end labels come from the schema (``identifier``); the rows are a parameter.
            ends = f" (from='{schema.identifier(self.ends[0])}', to='{schema.identifier(self.ends[1])}')" \
                if self.ends else ""
            conn.execute(f"COPY {schema.identifier(self.name)} FROM $rows{ends}", {"rows": table})
            conn.copied(table.num_rows * table.num_columns, relationship=bool(self.ends))
        for column in self.columns.values():
            column.clear()
        self.rows = 0
        del table
        _give_back_freed_memory()


def _give_back_freed_memory() -> None:
    """Return to the system what the batch just copied took and freed: Arrow's allocator keeps freed blocks for
    reuse, and glibc's malloc keeps freed heap unless trimmed, so the memory a load held grew with every batch
    (measured at 100,000 inputs: 502 MiB held after the second batch of documents, 371 once given back)."""
    import pyarrow as pa
    pa.default_memory_pool().release_unused()
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _glibc() -> Any:
    """glibc, for ``malloc_trim``; None elsewhere (macOS, Windows, musl)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


_LIBC = _glibc()


class _Loader:
    """The database being loaded, closed and opened again once ``REOPEN_CELLS`` values have been copied into it
    since it was opened, and after every COPY into a relationship table: LadybugDB keeps about 2.6 times what a COPY
    wrote in memory outside its buffer pool until the database is closed (measured with 64 and 256 MiB pools,
    checkpoint or not: 20,000 rows of 520 bytes took 26-30 MB each, and closing gave it all back), so a load that
    never closes grows with the graph. A COPY into a relationship table that already holds rows kept more, growing
    with the table (the 100k graph three times over: 60 citation COPYs of 6,000-16,000 rows took the process from
    301 to 456 MiB between reopens by values; reopened after each, it stayed at 230-292 MiB)."""

    def __init__(self, path: Path, buffer_pool: int):
        self.path, self.buffer_pool = path, buffer_pool
        self.cells = 0
        self._open()

    def _open(self) -> None:
        import ladybug
        self.db = ladybug.Database(str(self.path), buffer_pool_size=self.buffer_pool)
        self.conn = ladybug.Connection(self.db)

    def execute(self, statement: str, params: Optional[dict[str, Any]] = None) -> None:
        self.conn.execute(statement, params or {})

    def copied(self, cells: int, relationship: bool = False) -> None:
        self.cells += cells
        if relationship or self.cells >= REOPEN_CELLS:
            self.close()
            self._open()
            self.cells = 0

    def close(self) -> None:
        self.conn.close()
        self.db.close()


def _bulk_load(conn: "_Loader", keyed_rows: Iterable[tuple[Hashable, Row]], table_of: Callable[[Any], Table]) -> None:
    """Load rows of several tables in one pass over them: ``keyed_rows`` gives (key, row), ``table_of(key)`` gives
    the key's ``Table``. Once ``COPY_BATCH`` rows wait in all tables together, the table with the most is copied:
    memory holds one batch's worth of rows however many tables the rows are spread over (the citations go to a
    dozen relation tables at once)."""
    batches: dict[Hashable, _Batch] = {}
    waiting = 0
    for key, row in keyed_rows:
        batch = batches.get(key)
        if batch is None:
            batch = batches[key] = _Batch(table_of(key))
        batch.add(row)
        waiting += 1
        if waiting >= COPY_BATCH:
            fullest = max(batches.values(), key=lambda b: b.rows)
            waiting -= fullest.rows
            fullest.copy(conn)
    for batch in batches.values():
        batch.copy(conn)


def write(graph: GraphSource, out_dir: Union[str, Path],
          progress: Optional[Callable[[int, int], None]] = None) -> Path:
    """Write the graph (a ``Graph``, or ``GraphFiles`` to stream a built one from its files) into
    ``out_dir/graph.lbug``, replacing it atomically, and return its path. ``progress(done, 3)`` after the nodes,
    the citations and the other links. The buffer pool is ``BUFFER_POOL_BYTES``, doubled and the load begun again
    when LadybugDB says it is full (``BUFFER_POOL_TRIES`` times at most)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for attempt in range(BUFFER_POOL_TRIES):
        try:
            return _write(graph, out_dir, BUFFER_POOL_BYTES << attempt, progress)
        except RuntimeError as e:
            if not _pool_ran_out(e) or attempt == BUFFER_POOL_TRIES - 1:
                raise
            log.warning("the store's buffer pool of %d MiB ran out; loading again with %d MiB",
                        (BUFFER_POOL_BYTES << attempt) >> 20, (BUFFER_POOL_BYTES << (attempt + 1)) >> 20)
    raise AssertionError("unreachable")


def _pool_ran_out(error: Exception) -> bool:
    """LadybugDB's words when the buffer pool cannot hold what a COPY (or the checkpoint after it) needs."""
    return "buffer pool is full" in str(error) or "Unable to allocate memory" in str(error)


def _write(graph: GraphSource, out_dir: Path, buffer_pool: int,
           progress: Optional[Callable[[int, int], None]]) -> Path:
    target = out_dir / STORE_NAME
    tmp_dir = Path(tempfile.mkdtemp(prefix=".graphbuild-", dir=out_dir))
    try:
        db_path = tmp_dir / STORE_NAME
        loader = _Loader(db_path, buffer_pool)
        try:
            _load(loader, graph, progress)
        finally:
            loader.close()
        for suffix in ("", ".wal", ".shadow"):
            old = Path(str(target) + suffix)
            if old.exists():
                old.unlink()
        os.replace(db_path, target)
        wal = Path(str(db_path) + ".wal")
        if wal.exists():
            os.replace(wal, Path(str(target) + ".wal"))
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    return target


def _load(conn: _Loader, graph: GraphSource, progress: Optional[Callable[[int, int], None]]) -> None:
    """The schema, then every row of the graph: nodes first (relationships look their ends up), then citations,
    then the other links."""
    for stmt in schema.ddl():
        conn.execute(stmt)
    stages: list[tuple[Iterable[tuple[Any, Row]], Callable[[Any], Table]]] = [
        (rows.iter_node_rows(graph), lambda label: (label, schema.NODES[label], None)),
        (rows.iter_citation_rows(graph), lambda rel: (rel, schema.CITATION_PROPS, ("Document", "Document"))),
        (rows.iter_link_rows(graph), lambda key: (key[0], schema.LINKS[key[0]][1], key[1:]))]
    for done, (keyed_rows, table_of) in enumerate(stages, 1):
        _bulk_load(conn, keyed_rows, table_of)
        if progress:
            progress(done, len(stages))


class EmbeddedStore:
    """A built store, read-only unless asked; ``run`` returns plain rows. A ``Store``."""

    def __init__(self, graph_dir: Union[str, Path], read_only: bool = True, buffer_pool_size: int = 0):
        """``buffer_pool_size`` in bytes; 0: LadybugDB's default (80 % of the machine's RAM, taken as reads fill it)."""
        import ladybug
        self.graph_dir = Path(graph_dir)          # where its word index is (query.word_index)
        path = self.graph_dir / STORE_NAME
        if not path.exists():
            raise StoreError(f"no graph store at {path}: run 'graphbuild build PATH… --out {graph_dir}' first")
        try:
            self.db = ladybug.Database(str(path), read_only=read_only, buffer_pool_size=buffer_pool_size)
            # Any: ``execute`` is typed to return a list too, for several statements in one string, which ``run``
            # does not take apart (it fails on them, as it always has).
            self.conn: Any = ladybug.Connection(self.db)
        except RuntimeError as e:
            raise StoreError(f"cannot open {path}: {e}") from None

    def run(self, cypher: str, params: Optional[dict[str, Any]] = None) -> list[Row]:
        result = self.conn.execute(cypher, params or {})
        cols = result.get_column_names()
        out = []
        while result.has_next():
            out.append(dict(zip(cols, result.get_next())))
        return out

    def close(self) -> None:
        self.conn.close()
        self.db.close()

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
