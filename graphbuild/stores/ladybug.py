"""The embedded store (LadybugDB): written in bulk from a resolved graph, read by the query library.

The database is built in a temporary file next to the target and moved into place only when complete, so a killed
build never leaves a half-written store behind.
"""
from __future__ import annotations

import csv
import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Optional

from . import rows, schema

STORE_NAME = "graph.lbug"


class StoreError(Exception):
    """The embedded store is missing, locked or unreadable; the message says which and what to do."""


def _cell_maker(props: list) -> Callable[[dict], Optional[list]]:
    """row -> its CSV cells, or None when a list item holds a comma or bracket (a CSV list cannot hold it: such a
    row is loaded with parameters instead). Built once per table: the kinds are looked at once, not per cell."""
    def cell(p, kind):
        if kind.endswith("[]"):
            return lambda r: "" if r.get(p) is None else "[" + ",".join(str(x) for x in r[p]) + "]"
        if kind == "BOOLEAN":
            return lambda r: "" if r.get(p) is None else "true" if r[p] else "false"
        return lambda r: "" if r.get(p) is None else r[p]
    cells = [cell(p, kind) for p, kind in props]
    lists = [p for p, kind in props if kind.endswith("[]")]

    def make(row: dict) -> Optional[list]:
        for p in lists:
            if any(c in str(x) for x in row.get(p) or () for c in ",[]"):
                return None
        return [c(row) for c in cells]
    return make


class _Csv:
    """One table's CSV, written row by row."""

    def __init__(self, path: Path, props: list, ends: Optional[tuple]):
        self.path, self.ends, self.rows = path, ends, 0
        self.file = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.file)
        self.cells = _cell_maker(props)
        self.writer.writerow((["from", "to"] if ends else []) + [p for p, _ in props])

    def add(self, row: dict) -> bool:
        cells = self.cells(row)
        if cells is None:
            return False
        self.writer.writerow([row["source"], row["target"]] + cells if self.ends else cells)
        self.rows += 1
        return True


def _bulk_load(conn, keyed_rows: Iterable[tuple], table_of: Callable, tmp: Path) -> None:
    """Load rows of several tables in one pass over them: ``keyed_rows`` gives (key, row), ``table_of(key)`` gives
    (table, props, ends). Rows go to one CSV per key as they come (nothing is held), then each CSV is COPYed; rows a
    CSV cannot hold are inserted with parameters afterwards."""
    files: dict = {}
    aside: dict = {}
    try:
        for key, row in keyed_rows:
            out = files.get(key)
            if out is None:
                table, props, ends = table_of(key)
                out = files[key] = _Csv(tmp / f"{table}-{ends[0] if ends else 'n'}-{ends[1] if ends else 'n'}.csv",
                                        props, ends)
            if not out.add(row):
                aside.setdefault(key, []).append(row)
    finally:
        for out in files.values():
            out.file.close()
    for key, out in files.items():
        if out.rows:
            table, _, ends = table_of(key)
            # Say exactly how the CSV is written: Ladybug's sniffer, seeing no quotes in the first rows, would split
            # a later quoted field at its commas. parallel=false: evidence sentences hold quoted newlines.
            opts = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
            if ends:
                opts += f", from='{ends[0]}', to='{ends[1]}'"
            conn.execute(f"COPY {table} FROM '{out.path.as_posix()}' ({opts})")
        out.path.unlink()
    for key, rows_ in aside.items():
        table, props, ends = table_of(key)
        _insert(conn, table, rows_, props, ends)


def _param(v, kind: str):
    if v is not None and kind == "DATE":
        return dt.date.fromisoformat(v)
    return v


def _insert(conn, table: str, rows_: list, props: list, ends: Optional[tuple], batch: int = 2000) -> None:
    sets = ", ".join(f"{p}: r.{p}" for p, _ in props)
    if ends:
        # Two MATCH clauses: a comma-joined pattern makes Ladybug plan a cross product (100x slower).
        q = (f"UNWIND $rows AS r MATCH (a:{ends[0]} {{id: r.source}}) MATCH (b:{ends[1]} {{id: r.target}}) "
             f"CREATE (a)-[:{table} {{{sets}}}]->(b)")
    else:
        q = f"UNWIND $rows AS r CREATE (:{table} {{{sets}}})"
    for i in range(0, len(rows_), batch):
        chunk = [{**({"source": r["source"], "target": r["target"]} if ends else {}),
                  **{p: _param(r.get(p), k) for p, k in props}} for r in rows_[i:i + batch]]
        conn.execute(q, {"rows": chunk})


def write(g, out_dir: Path) -> Path:
    """Write the graph (a ``Graph``, or ``export.GraphFiles`` to stream a built one from its files) into
    ``out_dir/graph.lbug``, replacing it atomically, and return its path."""
    import ladybug
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / STORE_NAME
    tmp_dir = Path(tempfile.mkdtemp(prefix=".graphbuild-", dir=out_dir))
    try:
        db_path = tmp_dir / STORE_NAME
        db = ladybug.Database(str(db_path))
        conn = ladybug.Connection(db)
        for stmt in schema.ddl():
            conn.execute(stmt)
        # Nodes first (relationships look their ends up), then citations, then the other links.
        _bulk_load(conn, rows.iter_node_rows(g), lambda label: (label, schema.NODES[label], None), tmp_dir)
        _bulk_load(conn, rows.iter_citation_rows(g),
                   lambda rel: (rel, schema.CITATION_PROPS, ("Document", "Document")), tmp_dir)
        _bulk_load(conn, rows.iter_link_rows(g), lambda key: (key[0], schema.LINKS[key[0]][1], key[1:]), tmp_dir)
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


class EmbeddedStore:
    """Read-only access to a built store; ``run`` returns plain rows."""

    def __init__(self, graph_dir: Path, read_only: bool = True):
        import ladybug
        path = Path(graph_dir) / STORE_NAME
        if not path.exists():
            raise StoreError(f"no graph store at {path}: run 'graphbuild build PATH… --out {graph_dir}' first")
        try:
            self.db = ladybug.Database(str(path), read_only=read_only)
            self.conn = ladybug.Connection(self.db)
        except RuntimeError as e:
            raise StoreError(f"cannot open {path}: {e}") from None

    def run(self, cypher: str, params: Optional[dict] = None) -> list:
        result = self.conn.execute(cypher, params or {})
        cols = result.get_column_names()
        out = []
        while result.has_next():
            out.append(dict(zip(cols, result.get_next())))
        return out

    def close(self) -> None:
        self.conn.close()
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
