"""Neo4j bulk first load: ``neo4j-admin database import full`` CSV files written from a resolved graph.

``write_admin_import(graph, out_dir)`` writes one header file and one data file per node label and per relationship
type (per pair of end labels, since every label is its own ID space), and returns the files and the exact command to
run on the Neo4j server (database stopped or absent). Afterwards ``graphbuild load --neo4j`` adds the constraints and
indexes and checks the counts (its MERGEs change nothing on an imported graph).

The row preparation here (``rows.iter_*``, ``relationship_groups``) is shared with the transactional loader in
``neo4j_store`` so both routes give the same graph: same properties, dates as DATE, relationships unique per
(start, end, type) — MERGE collapses duplicates, so the CSVs drop them too (first one kept).

Header syntax (Neo4j Operations Manual, "Import" → "CSV header format"): ``id:ID(Document)`` stores the key as the
string property ``id`` in the ID space ``Document``; ``:START_ID(Document)`` / ``:END_ID(Organization)`` name the
ID space of each end; ``:LABEL`` / ``:TYPE`` columns; typed properties ``name:long``, ``:double``, ``:boolean``,
``:date``, ``:string[]`` (array items split on ``--array-delimiter``). An empty unquoted field means "no property".
"""
from __future__ import annotations

import csv
import datetime as dt
import shlex
from pathlib import Path
from typing import Iterator, Optional

from . import rows, schema

# ladybug type -> neo4j-admin import header type ("" = string, the default)
IMPORT_TYPES = {"STRING": "", "INT64": "long", "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "date",
                "STRING[]": "string[]"}
# Array delimiters tried in order: the first that occurs in no list item is used.
ARRAY_DELIMITERS = [";", "|", "\u001f"]


# --- rows shared with the transactional loader ------------------------------------------------------------------

def to_date(v) -> Optional[dt.date]:
    if v is None or isinstance(v, dt.date):
        return v
    return dt.date.fromisoformat(str(v)[:10])


def node_props(label: str, row: dict) -> dict:
    """The schema's properties of one node row except the key, DATE properties as ``datetime.date``."""
    out = {}
    for p, kind in schema.NODES[label][1:]:
        v = row.get(p)
        out[p] = to_date(v) if kind == "DATE" else v
    return out


def _relationship_rows(g) -> Iterator[tuple]:
    """((type, from label, to label), row): citations, then the other links."""
    for rel, r in rows.iter_citation_rows(g):
        yield (rel, "Document", "Document"), r
    yield from rows.iter_link_rows(g)


def _group_order(key: tuple) -> tuple:
    """(type, from label, to label) -> sort key: citations in the schema's order, then the other links by name."""
    rel, a, b = key
    citation = rel in schema.CITATIONS
    return (schema.CITATIONS.index(rel) if citation else len(schema.CITATIONS), "" if citation else rel, a, b)


def relationship_groups(g) -> Iterator[tuple]:
    """(type, from label, to label, [rows with source, target, props]) for every relationship group that has rows,
    citations first, each group unique per (source, target) (first occurrence kept)."""
    groups: dict = {}
    seen: set = set()
    for key, r in _relationship_rows(g):
        if (key, r["source"], r["target"]) in seen:
            continue
        seen.add((key, r["source"], r["target"]))
        groups.setdefault(key, []).append({"source": r["source"], "target": r["target"],
                                           "props": {p: r.get(p) for p, _ in relationship_props(key[0])}})
    for key in sorted(groups, key=_group_order):
        yield (*key, groups[key])


def relationship_props(rel: str) -> list:
    return schema.CITATION_PROPS if rel in schema.CITATIONS else schema.LINKS[rel][1]


# --- neo4j-admin CSVs ---------------------------------------------------------------------------------------------

def _column(p: str, kind: str) -> str:
    t = IMPORT_TYPES[kind]
    return f"{p}:{t}" if t else p


def node_header(label: str) -> list:
    key = schema.NODES[label][0][0]
    return [f"{key}:ID({label})"] + [_column(p, k) for p, k in schema.NODES[label][1:]] + [":LABEL"]


def relationship_header(rel: str, a: str, b: str) -> list:
    return [f":START_ID({a})", f":END_ID({b})"] + [_column(p, k) for p, k in relationship_props(rel)] + [":TYPE"]


def _cell(v, kind: str, array_delimiter: str):
    if v is None:
        return ""
    if kind == "STRING[]":
        return array_delimiter.join(str(x) for x in v) if v else ""
    if kind == "BOOLEAN":
        return "true" if v else "false"
    if kind == "DATE":
        return to_date(v).isoformat()
    if kind == "DOUBLE":
        return repr(float(v))
    return v


def _pick_delimiter(taken: set) -> str:
    for d in ARRAY_DELIMITERS:
        if d not in taken:
            return d
    raise ValueError("every array delimiter candidate occurs in a list value; cannot write admin-import CSVs")


def _delimiters_in(row: dict, props: list, taken: set) -> None:
    for p, kind in props:
        if kind == "STRING[]":
            for x in row.get(p) or []:
                taken.update(d for d in ARRAY_DELIMITERS if d in str(x))


def _cli_char(c: str) -> str:
    """How neo4j-admin takes a delimiter character on the command line (it accepts 'U+XXXX')."""
    return c if c.isprintable() and c not in " \"'" else f"U+{ord(c):04X}"


def _write(path: Path, lines: list) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(lines)


class _CsvFiles:
    """Several CSV files written at once, one line at a time, each opened at its first line; ``count`` says how
    many lines each got, in the order the files were opened."""

    def __init__(self):
        self.open: dict = {}
        self.count: dict = {}

    def write(self, path: Path, line: list) -> None:
        if path not in self.open:
            f = open(path, "w", encoding="utf-8", newline="")
            self.open[path] = (f, csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator="\n"))
            self.count[path] = 0
        self.open[path][1].writerow(line)
        self.count[path] += 1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for f, _ in self.open.values():
            f.close()


def write_admin_import(g, out_dir, database: str = "neo4j", overwrite: bool = False) -> dict:
    """Write ``neo4j-admin database import full`` CSVs for graph ``g`` (a ``Graph``, or ``export.GraphFiles`` to
    stream a built graph from its files) into ``out_dir``. Two passes over the rows, none held: the first learns the
    node ids and which array delimiters occur, the second writes.

    Returns ``{"files": [paths], "command": "neo4j-admin database import full neo4j --nodes=… …",
    "array_delimiter": c, "nodes": {label: n}, "relationships": {type: n}, "schema": path}``.
    """
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)
    ids: dict = {label: set() for label in schema.NODES}
    taken: set = set()
    for label, r in rows.iter_node_rows(g):
        ids[label].add(r["id"])
        _delimiters_in(r, schema.NODES[label], taken)
    for key, r in _relationship_rows(g):
        _delimiters_in(r, relationship_props(key[0]), taken)
    delim = _pick_delimiter(taken)
    files, node_args, rel_args = [], [], []
    counts: dict = {"nodes": {}, "relationships": {}, "skipped": {}}

    with _CsvFiles() as data:
        for label, r in rows.iter_node_rows(g):
            data.write(out / f"nodes_{label}.csv",
                       [_cell(r.get(p), k, delim) for p, k in schema.NODES[label]] + [label])
    for label in schema.NODES:
        if ids[label]:
            head, body = out / f"nodes_{label}_header.csv", out / f"nodes_{label}.csv"
            _write(head, [node_header(label)])
            files += [head, body]
            node_args.append(f"--nodes={head},{body}")
            counts["nodes"][label] = data.count[body]

    seen: set = set()
    skipped: dict = {}
    groups: dict = {}        # file -> (type, from label, to label)
    with _CsvFiles() as data:
        for (rel, a, b), r in _relationship_rows(g):
            if (rel, a, b, r["source"], r["target"]) in seen:
                continue            # MERGE would make one relationship of them
            seen.add((rel, a, b, r["source"], r["target"]))
            if r["source"] not in ids[a] or r["target"] not in ids[b]:
                skipped[f"{rel}({a}->{b})"] = skipped.get(f"{rel}({a}->{b})", 0) + 1
                continue
            body = out / f"rels_{rel}_{a}_{b}.csv"
            groups.setdefault(body, (rel, a, b))
            data.write(body, [r["source"], r["target"]] +
                       [_cell(r.get(p), k, delim) for p, k in relationship_props(rel)] + [rel])
    for body in sorted(data.count, key=lambda body: _group_order(groups[body])):
        n = data.count[body]
        rel, a, b = groups[body]
        head = out / f"rels_{rel}_{a}_{b}_header.csv"
        _write(head, [relationship_header(rel, a, b)])
        files += [head, body]
        rel_args.append(f"--relationships={head},{body}")
        counts["relationships"][rel] = counts["relationships"].get(rel, 0) + n
    counts["skipped"] = skipped

    # Constraints and indexes cannot be part of a full import on Neo4j 5; run them afterwards (cypher-shell -f), or
    # simply run `graphbuild load --neo4j`, which creates them and verifies the counts.
    from .neo4j import schema_statements
    schema_file = out / "schema.cypher"
    schema_file.write_text("".join(s + ";\n" for s in schema_statements()), encoding="utf-8")
    files.append(schema_file)

    # The database name goes right after `full`: since Neo4j 5.19 --nodes/--relationships take several values, so a
    # trailing database name is read as one more file ("File 'neo4j' doesn't exist").
    parts = ["neo4j-admin", "database", "import", "full", database] + node_args + rel_args + [
        f"--array-delimiter={_cli_char(delim)}", "--multiline-fields=true"]
    if overwrite:
        parts.append("--overwrite-destination=true")
    return {
        "files": [str(f) for f in files],
        "command": " ".join(shlex.quote(p) for p in parts),
        "array_delimiter": delim,
        "nodes": counts["nodes"],
        "relationships": counts["relationships"],
        "skipped": counts["skipped"],
        "schema": str(schema_file),
    }
