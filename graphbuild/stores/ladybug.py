"""The embedded store (LadybugDB): written in bulk from a resolved graph, read by the query library.

The rows go to the store as Arrow tables passed as a parameter of ``COPY … FROM $rows``, in batches: no path and no
value is ever part of a statement's text (a folder named ``it's`` is as good as any), lists and quoted text need no
CSV escaping, and memory holds one batch per table. The database is built in a temporary folder next to the target
and moved into place only when complete, so a killed build never leaves a half-written store behind.
"""
from __future__ import annotations

import logging
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, Optional, Union

from ..dates import to_date
from . import rows, schema
from .base import Row, StoreError

if TYPE_CHECKING:
    from ..graph.model import GraphSource

STORE_NAME = "graph.lbug"
COPY_BATCH = 50_000          # rows per COPY, and at most that many rows waiting for a COPY in all tables together
# LadybugDB's buffer pool. Its default is 80 % of the machine's RAM, and a load takes what it is given (2.6 GiB
# at a million documents); too small a pool fails the load ("The buffer pool is full"). What a COPY needs grows
# with the rows it appends and their width, not with the table: measured on the 100,000-input graph (Document, the
# widest table: 30 columns, about 1.1 KB a row in its file), a second COPY of 50,000 documents failed with 128 MiB
# and passed with 256. So: four batches of the widest rows, and twice that again for a corpus of wider rows
# (``write`` retries with a doubled pool when the pool runs out).
WIDEST_ROW_BYTES = 1280
BUFFER_POOL_BYTES = 4 * COPY_BATCH * WIDEST_ROW_BYTES
BUFFER_POOL_TRIES = 4        # 256 MiB, 512 MiB, 1 GiB, 2 GiB
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

    def copy(self, conn: Any) -> None:
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
        for column in self.columns.values():
            column.clear()
        self.rows = 0


def _bulk_load(conn: Any, keyed_rows: Iterable[tuple[Hashable, Row]], table_of: Callable[[Any], Table]) -> None:
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
    import ladybug
    target = out_dir / STORE_NAME
    tmp_dir = Path(tempfile.mkdtemp(prefix=".graphbuild-", dir=out_dir))
    try:
        db_path = tmp_dir / STORE_NAME
        db = ladybug.Database(str(db_path), buffer_pool_size=buffer_pool)
        conn = ladybug.Connection(db)
        try:
            _load(conn, graph, progress)
        finally:
            conn.close()
            db.close()
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


def _load(conn: Any, graph: GraphSource, progress: Optional[Callable[[int, int], None]]) -> None:
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

    def __init__(self, graph_dir: Union[str, Path], read_only: bool = True):
        import ladybug
        self.graph_dir = Path(graph_dir)          # where its word index is (query.word_index)
        path = self.graph_dir / STORE_NAME
        if not path.exists():
            raise StoreError(f"no graph store at {path}: run 'graphbuild build PATH… --out {graph_dir}' first")
        try:
            self.db = ladybug.Database(str(path), read_only=read_only)
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
