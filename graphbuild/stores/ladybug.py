"""The embedded store (LadybugDB): written in bulk from a resolved graph, read by the query library.

The database is built in a temporary file next to the target and moved into place only when complete, so a killed
build never leaves a half-written store behind.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterable, NamedTuple, Optional, Union

from ..dates import to_date
from . import rows, schema
from .base import Row, StoreError
from .csv_files import CsvFiles

if TYPE_CHECKING:
    from ..graph.model import GraphSource

STORE_NAME = "graph.lbug"
INSERT_BATCH = 2000          # rows per parameterised insert (the rows a CSV cannot hold)
# What a bulk load needs to know of one key of its rows: (table, properties, (from label, to label) or None).
Table = tuple[str, schema.Props, Optional[tuple[str, str]]]

__all__ = ["EmbeddedStore", "StoreError", "STORE_NAME", "write"]


def _cell_maker(props: schema.Props) -> Callable[[Row], Optional[list[Any]]]:
    """row -> its CSV cells, or None when a list item holds a comma or bracket (a CSV list cannot hold it: such a
    row is loaded with parameters instead). Built once per table: the kinds are looked at once, not per cell."""
    def cell(prop: str, kind: str) -> Callable[[Row], Any]:
        if kind.endswith("[]"):
            return lambda row: "" if row.get(prop) is None else "[" + ",".join(str(x) for x in row[prop]) + "]"
        if kind == "BOOLEAN":
            return lambda row: "" if row.get(prop) is None else "true" if row[prop] else "false"
        return lambda row: "" if row.get(prop) is None else row[prop]
    cells = [cell(p, kind) for p, kind in props]
    lists = [p for p, kind in props if kind.endswith("[]")]

    def make(row: Row) -> Optional[list[Any]]:
        for prop in lists:
            if any(c in str(x) for x in row.get(prop) or () for c in ",[]"):
                return None
        return [to_cell(row) for to_cell in cells]
    return make


class _TableCsv(NamedTuple):
    """Where the rows of one key go: its table, its CSV and how a row becomes the CSV's cells."""
    table: str
    props: schema.Props
    ends: Optional[tuple[str, str]]
    path: Path
    header: list[str]
    cells: Callable[[Row], Optional[list[Any]]]


def _bulk_load(conn: Any, keyed_rows: Iterable[tuple[Hashable, Row]], table_of: Callable[[Any], Table],
               tmp: Path) -> None:
    """Load rows of several tables in one pass over them: ``keyed_rows`` gives (key, row), ``table_of(key)`` gives
    the key's ``Table``. Rows go to one CSV per key as they come (nothing is held), then each CSV is COPYed; rows a
    CSV cannot hold are inserted with parameters afterwards."""
    tables: dict[Hashable, _TableCsv] = {}
    aside: dict[Hashable, list[Row]] = {}
    with CsvFiles(lineterminator="\r\n") as files:      # the csv module's own dialect, as COPY is told below
        for key, row in keyed_rows:
            out = tables.get(key)
            if out is None:
                table, props, ends = table_of(key)
                path = tmp / f"{table}-{ends[0] if ends else 'n'}-{ends[1] if ends else 'n'}.csv"
                header = (["from", "to"] if ends else []) + [p for p, _ in props]
                out = tables[key] = _TableCsv(table, props, ends, path, header, _cell_maker(props))
            cells = out.cells(row)
            if cells is None:
                aside.setdefault(key, []).append(row)
            else:
                files.write(out.path, [row["source"], row["target"]] + cells if out.ends else cells, out.header)
    for out in tables.values():
        if files.count.get(out.path):
            # Say exactly how the CSV is written: Ladybug's sniffer, seeing no quotes in the first rows, would split
            # a later quoted field at its commas. parallel=false: evidence sentences hold quoted newlines.
            opts = "header=true, parallel=false, auto_detect=false, delim=',', quote='\"', escape='\"'"
            if out.ends:
                opts += f", from='{out.ends[0]}', to='{out.ends[1]}'"
            conn.execute(f"COPY {out.table} FROM '{out.path.as_posix()}' ({opts})")
            out.path.unlink()
    for key, rows_aside in aside.items():
        out = tables[key]
        _insert(conn, out.table, rows_aside, out.props, out.ends)


def _param(value: Any, kind: str) -> Any:
    return to_date(value) if kind == "DATE" else value


def _insert(conn: Any, table: str, rows_: list[Row], props: schema.Props, ends: Optional[tuple[str, str]]) -> None:
    sets = ", ".join(f"{p}: r.{p}" for p, _ in props)
    if ends:
        # Two MATCH clauses: a comma-joined pattern makes Ladybug plan a cross product (100x slower).
        statement = (f"UNWIND $rows AS r MATCH (a:{ends[0]} {{id: r.source}}) MATCH (b:{ends[1]} {{id: r.target}}) "
                     f"CREATE (a)-[:{table} {{{sets}}}]->(b)")
    else:
        statement = f"UNWIND $rows AS r CREATE (:{table} {{{sets}}})"
    for i in range(0, len(rows_), INSERT_BATCH):
        chunk = [{**({"source": r["source"], "target": r["target"]} if ends else {}),
                  **{p: _param(r.get(p), k) for p, k in props}} for r in rows_[i:i + INSERT_BATCH]]
        conn.execute(statement, {"rows": chunk})


def write(graph: GraphSource, out_dir: Union[str, Path]) -> Path:
    """Write the graph (a ``Graph``, or ``GraphFiles`` to stream a built one from its files) into
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
        _bulk_load(conn, rows.iter_node_rows(graph), lambda label: (label, schema.NODES[label], None), tmp_dir)
        _bulk_load(conn, rows.iter_citation_rows(graph),
                   lambda rel: (rel, schema.CITATION_PROPS, ("Document", "Document")), tmp_dir)
        _bulk_load(conn, rows.iter_link_rows(graph), lambda key: (key[0], schema.LINKS[key[0]][1], key[1:]), tmp_dir)
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
    """A built store, read-only unless asked; ``run`` returns plain rows. A ``Store``."""

    def __init__(self, graph_dir: Union[str, Path], read_only: bool = True):
        import ladybug
        path = Path(graph_dir) / STORE_NAME
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
