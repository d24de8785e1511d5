"""Neo4j bulk first load: ``neo4j-admin database import full`` CSV files written from a resolved graph.

``write_admin_import(graph, out_dir)`` writes one header file and one data file per node label and per relationship
type (per pair of end labels, since every label is its own ID space), and returns the files and the exact command to
run on the Neo4j server (database stopped or absent). Afterwards ``graphbuild load --neo4j`` adds the constraints and
indexes and checks the counts (its MERGEs change nothing on an imported graph).

The rows are ``rows.iter_*``'s, as for the transactional loader in ``neo4j`` and the embedded store, so every route
gives the same graph: same properties, dates as DATE, relationships unique per (start, end, type) — MERGE
collapses duplicates, so the CSVs drop them too (first one kept).

Header syntax (Neo4j Operations Manual, "Import" → "CSV header format"): ``id:ID(Document)`` stores the key as the
string property ``id`` in the ID space ``Document``; ``:START_ID(Document)`` / ``:END_ID(Organization)`` name the
ID space of each end; ``:LABEL`` / ``:TYPE`` columns; typed properties ``name:long``, ``:double``, ``:boolean``,
``:date``, ``:string[]`` (array items split on ``--array-delimiter``). An empty unquoted field means "no property".
"""
from __future__ import annotations

import shlex
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from ..dates import to_date
from ..ingest.read import OUTPUT_MARKER
from . import rows, schema
from .base import Row
from .csv_files import CsvFiles, write_csv

if TYPE_CHECKING:
    from ..graph.model import GraphSource

# ladybug type -> neo4j-admin import header type ("" = string, the default)
IMPORT_TYPES = {"STRING": "", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "date",
                "STRING[]": "string[]"}
# Array delimiters tried in order: the first that occurs in no list item is used.
ARRAY_DELIMITERS = [";", "|", "\u001f"]


def _column(prop: str, kind: str) -> str:
    import_type = IMPORT_TYPES[kind]
    return f"{prop}:{import_type}" if import_type else prop


def node_header(label: str) -> list[str]:
    key = schema.NODES[label][0][0]
    return [f"{key}:ID({label})"] + [_column(p, k) for p, k in schema.NODES[label][1:]] + [":LABEL"]


def relationship_header(rel: str, start: str, end: str) -> list[str]:
    return [f":START_ID({start})", f":END_ID({end})"] + [_column(p, k) for p, k in schema.relationship_props(rel)] + \
        [":TYPE"]


def _cell(value: Any, kind: str, array_delimiter: str) -> Any:
    """A property as its CSV cell: None where the node or relationship has no such property (None, or an empty
    list: neo4j-admin cannot make an empty array, so the transactional loader stores none either), else text."""
    if value is None or (kind == "STRING[]" and not value):
        return None
    if kind == "STRING[]":
        return array_delimiter.join(str(x) for x in value)
    if kind == "BOOLEAN":
        return "true" if value else "false"
    if kind == "DATE":
        date = to_date(value)
        return date.isoformat() if date else None
    if kind == "DOUBLE":
        return repr(float(value))
    return value


def _pick_delimiter(taken: set[str]) -> str:
    for delimiter in ARRAY_DELIMITERS:
        if delimiter not in taken:
            return delimiter
    raise ValueError("every array delimiter candidate occurs in a list value; cannot write admin-import CSVs")


def _delimiters_in(row: Row, props: schema.Props, taken: set[str]) -> None:
    for prop, kind in props:
        if kind == "STRING[]":
            for x in row.get(prop) or []:
                taken.update(d for d in ARRAY_DELIMITERS if d in str(x))


def _cli_char(char: str) -> str:
    """How neo4j-admin takes a delimiter character on the command line (it accepts 'U+XXXX')."""
    return char if char.isprintable() and char not in " \"'" else f"U+{ord(char):04X}"


def write_admin_import(graph: GraphSource, out_dir: Union[str, Path], database: str = "neo4j",
                       overwrite: bool = False) -> dict[str, Any]:
    """Write ``neo4j-admin database import full`` CSVs for ``graph`` (a ``Graph``, or ``GraphFiles`` to stream a
    built graph from its files) into ``out_dir``. Two passes over the rows, none held: the first learns the node ids
    and which array delimiters occur, the second writes.

    Returns ``{"files": [paths], "command": "neo4j-admin database import full neo4j --nodes=… …",
    "array_delimiter": c, "nodes": {label: n}, "relationships": {type: n}, "skipped": {group: n}, "schema": path}``.
    """
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    (out / OUTPUT_MARKER).write_text("written by graphbuild load --admin-import: not an input\n", encoding="utf-8")
    ids: dict[str, set[str]] = {label: set() for label in schema.NODES}
    taken: set[str] = set()
    for label, row in rows.iter_node_rows(graph):
        ids[label].add(row["id"])
        _delimiters_in(row, schema.NODES[label], taken)
    for key, row in rows.relationship_rows(graph):
        _delimiters_in(row, schema.relationship_props(key[0]), taken)
    delimiter = _pick_delimiter(taken)
    files: list[Path] = []
    node_args: list[str] = []
    rel_args: list[str] = []
    node_counts: dict[str, int] = {}
    rel_counts: dict[str, int] = {}

    with CsvFiles(nulls_bare=True) as data:
        for label, row in rows.iter_node_rows(graph):
            level = schema.level_label(label, row)           # several labels: split on the array delimiter
            data.write(out / f"nodes_{label}.csv",
                       [_cell(row.get(p), k, delimiter) for p, k in schema.NODES[label]] +
                       [label + (delimiter + level if level else "")])
    for label in schema.NODES:
        if ids[label]:
            head, body = out / f"nodes_{label}_header.csv", out / f"nodes_{label}.csv"
            write_csv(head, [node_header(label)])
            files += [head, body]
            node_args.append(f"--nodes={head},{body}")
            node_counts[label] = data.count[body]

    skipped: dict[str, int] = {}
    groups: dict[Path, rows.GroupKey] = {}        # file -> (type, from label, to label)
    with CsvFiles(nulls_bare=True) as data:
        for (rel, a, b), row in rows.unique_relationship_rows(graph):    # MERGE would make one of repeats
            if row["source"] not in ids[a] or row["target"] not in ids[b]:
                skipped[f"{rel}({a}->{b})"] = skipped.get(f"{rel}({a}->{b})", 0) + 1
                continue
            body = out / f"rels_{rel}_{a}_{b}.csv"
            groups.setdefault(body, (rel, a, b))
            data.write(body, [row["source"], row["target"]] +
                       [_cell(row.get(p), k, delimiter) for p, k in schema.relationship_props(rel)] + [rel])
    for body in sorted(data.count, key=lambda path: rows.group_order(groups[path])):
        rel, a, b = groups[body]
        head = out / f"rels_{rel}_{a}_{b}_header.csv"
        write_csv(head, [relationship_header(rel, a, b)])
        files += [head, body]
        rel_args.append(f"--relationships={head},{body}")
        rel_counts[rel] = rel_counts.get(rel, 0) + data.count[body]

    # Constraints and indexes cannot be part of a full import on Neo4j 5; run them afterwards (cypher-shell -f), or
    # simply run `graphbuild load --neo4j`, which creates them and verifies the counts.
    schema_file = out / "schema.cypher"
    schema_file.write_text("".join(s + ";\n" for s in schema.neo4j_statements()), encoding="utf-8")
    files.append(schema_file)

    # The database name goes right after `full`: since Neo4j 5.19 --nodes/--relationships take several values, so a
    # trailing database name is read as one more file ("File 'neo4j' doesn't exist").
    parts = ["neo4j-admin", "database", "import", "full", database] + node_args + rel_args + [
        f"--array-delimiter={_cli_char(delimiter)}", "--multiline-fields=true",
        f"--report-file={out / 'import.report'}"]     # next to the CSVs, not wherever it is run from
    if overwrite:
        parts.append("--overwrite-destination=true")
    return {
        "files": [str(f) for f in files],
        "command": " ".join(shlex.quote(p) for p in parts),
        "array_delimiter": delimiter,
        "nodes": node_counts,
        "relationships": rel_counts,
        "skipped": skipped,
        "schema": str(schema_file),
    }
