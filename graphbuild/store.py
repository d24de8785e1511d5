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
from typing import Optional

from . import rows, schema
from .resolve import Graph

STORE_NAME = "graph.lbug"


class StoreError(Exception):
    """The embedded store is missing, locked or unreadable; the message says which and what to do."""


def _csv_value(v, kind: str):
    if v is None:
        return ""
    if kind.endswith("[]"):
        return "[" + ",".join(str(x) for x in v) + "]"
    if kind == "BOOLEAN":
        return "true" if v else "false"
    return v


def _copyable(rows_: list, props: list) -> bool:
    """CSV lists cannot hold an item with a comma or bracket; such tables are loaded with parameters instead."""
    for p, kind in props:
        if kind.endswith("[]"):
            for r in rows_:
                if any(any(c in str(x) for c in ",[]") for x in (r.get(p) or [])):
                    return False
    return True


def _copy(conn, table: str, rows_: list, props: list, tmp: Path, ends: Optional[tuple] = None) -> None:
    if not rows_:
        return
    cols = [p for p, _ in props]
    if not _copyable(rows_, props):
        _insert(conn, table, rows_, props, ends)
        return
    path = tmp / f"{table}-{ends[0] if ends else 'n'}-{ends[1] if ends else 'n'}.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        head = (["from", "to"] if ends else []) + cols
        w.writerow(head)
        for r in rows_:
            lead = [r["source"], r["target"]] if ends else []
            w.writerow(lead + [_csv_value(r.get(p), k) for p, k in props])
    # Say exactly how the CSV is written: Ladybug's sniffer, seeing no quotes in the first rows, would split a later
    # quoted field at its commas. parallel=false: evidence sentences hold quoted newlines.
    opts = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
    if ends:
        opts += f", from='{ends[0]}', to='{ends[1]}'"
    conn.execute(f"COPY {table} FROM '{path.as_posix()}' ({opts})")


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


def write(g: Graph, out_dir: Path) -> Path:
    """Write the graph into ``out_dir/graph.lbug`` (replacing it atomically) and return its path."""
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
        for label, node_list in rows.node_rows(g).items():
            _copy(conn, label, node_list, schema.NODES[label], tmp_dir)
        for rel, rel_rows in rows.citation_rows(g).items():
            _copy(conn, rel, rel_rows, schema.CITATION_PROPS, tmp_dir, ("Document", "Document"))
        for rel, a, b, link_rows in rows.link_rows(g):
            _copy(conn, rel, link_rows, schema.LINKS[rel][1], tmp_dir, (a, b))
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
