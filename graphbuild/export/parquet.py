"""Parquet tables (pandas, polars, DuckDB): one file per node label and per relationship type, with the columns and
types the stores have (``stores.schema``; the rows of ``stores.rows``, as every store loads them): a DATE is a
date32, a list a list<string>. A relationship table has ``source`` and ``target`` ids, and ``source_label`` and
``target_label`` where the type joins more than one pair of labels (LOCATED_IN: documents and organisations).

    OUT/nodes/Document.parquet   OUT/relationships/IMPLEMENTS.parquet   …

Every table of the schema is written, empty ones included, so that a script finds the same files for every graph.
Rows are written in batches: memory holds one batch per table.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from ..dates import to_date
from ..ingest.read import OUTPUT_MARKER
from ..stores import rows, schema

if TYPE_CHECKING:
    import pyarrow as pa

    from ..graph.model import GraphSource

BATCH = 50_000


def _arrow(kind: str) -> pa.DataType:
    import pyarrow as pa
    return {"STRING": pa.string(), "INT64": pa.int64(), "DOUBLE": pa.float64(), "BOOLEAN": pa.bool_(),
            "DATE": pa.date32(), "STRING[]": pa.list_(pa.string())}[kind]


class _Table:
    def __init__(self, path: Path, columns: list[tuple[str, str]]):
        import pyarrow as pa
        import pyarrow.parquet as pq
        self.schema = pa.schema([pa.field(name, _arrow(kind)) for name, kind in columns])
        self.dates = {name for name, kind in columns if kind == "DATE"}
        self.rows: list[dict[str, Any]] = []
        self.writer = pq.ParquetWriter(path, self.schema)
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append({k: to_date(v) if k in self.dates else v for k, v in row.items()})
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa
        if self.rows:
            self.writer.write_table(pa.Table.from_pylist(self.rows, schema=self.schema))
            self.count += len(self.rows)
            self.rows = []

    def close(self) -> None:
        self.flush()
        if self.count == 0:
            import pyarrow as pa
            self.writer.write_table(pa.Table.from_pylist([], schema=self.schema))
        self.writer.close()


def write_parquet(graph: GraphSource, out: Union[str, Path]) -> dict[str, int]:
    """Write the tables into the folder ``out`` (made, or emptied of earlier tables); rows per table."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise FileExistsError(f"{out} is a file: parquet export writes a folder of tables")
    (out / "nodes").mkdir(parents=True, exist_ok=True)
    (out / "relationships").mkdir(parents=True, exist_ok=True)
    (out / OUTPUT_MARKER).write_text("written by graphbuild export parquet: not an input\n", encoding="utf-8")
    tables: dict[str, _Table] = {}
    try:
        for label, props in schema.NODES.items():
            tables[label] = _Table(out / "nodes" / f"{label}.parquet", props)
        for citation in schema.CITATIONS:
            tables[citation] = _Table(out / "relationships" / f"{citation}.parquet",
                                 [("source", "STRING"), ("target", "STRING"), *schema.CITATION_PROPS])
        for link, (pairs, props) in schema.LINKS.items():
            ends = [("source_label", "STRING"), ("target_label", "STRING")] if len(pairs) > 1 else []
            tables[link] = _Table(out / "relationships" / f"{link}.parquet",
                                 [("source", "STRING"), ("target", "STRING"), *ends, *props])
        for label, row in rows.iter_node_rows(graph):
            tables[label].add(row)
        for relation, row in rows.iter_citation_rows(graph):
            tables[relation].add({k: row.get(k) for k in tables[relation].schema.names})
        for (link_type, source_label, target_label), row in rows.iter_link_rows(graph):
            table = tables[link_type]
            labelled = {**row, "source_label": source_label, "target_label": target_label}
            table.add({k: labelled.get(k) for k in table.schema.names})
    finally:
        for table in tables.values():
            table.close()
    return {name: table.count for name, table in tables.items()}
