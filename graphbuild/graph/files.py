"""A resolved graph as files: documents.jsonl, edges.jsonl, entities.jsonl, links.jsonl, rejects.jsonl and
report.json, written on every build (nodes sorted by id, keys sorted, so the same inputs give the same bytes), and
read back, whole (``load_graph``) or one record at a time (``GraphFiles``)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Union

from .model import Citation, DocumentNode, Entity, Graph, Link, Report
from .spool import Spool

PathLike = Union[str, Path]
DOCUMENTS, EDGES, ENTITIES, LINKS, REJECTS, REPORT = ("documents.jsonl", "edges.jsonl", "entities.jsonl",
                                                      "links.jsonl", "rejects.jsonl", "report.json")


# ``json.dumps(row, ensure_ascii=False, sort_keys=True)`` is this encoder's ``encode``: one encoder for every row
# rather than one made per row (the rows of the country's units alone number tens of thousands in every build).
_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def json_line(row: Any) -> str:
    """A row of a graph file: keys sorted, non-ASCII as is, one line."""
    return _ENCODE(row) + "\n"


def _jsonl(path: Path, rows: Iterable[Any]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json_line(row))


# report.json: ``json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True)``
_PRETTY = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True).encode


def write_report(out: PathLike, report: Report, rejects: list[dict[str, str]]) -> None:
    """report.json and rejects.jsonl (one {file, reason} per input not used) into ``out``. The report's lists that
    are ``Spool``s are read from disk one item at a time, into the same bytes as ``json.dumps`` of the lists."""
    out = Path(out)
    _jsonl(out / REJECTS, rejects)
    with open(out / REPORT, "w", encoding="utf-8") as f:
        _write_pretty(f, report)
        f.write("\n")


def _write_pretty(f: Any, report: Report) -> None:
    """``json.dumps(report, ensure_ascii=False, indent=2, sort_keys=True)`` written piece by piece. A JSON string
    holds no raw line break, so a value's own lines are indented to its depth by indenting after each one."""
    if not report:
        f.write("{}")
        return
    values: dict[str, Any] = dict(report)
    for i, key in enumerate(sorted(values)):
        f.write(("," if i else "{") + "\n  " + _PRETTY(key) + ": ")
        value = values[key]
        if isinstance(value, Spool):
            empty = True
            for item in value:
                f.write(("[" if empty else ",") + "\n    " + _PRETTY(item).replace("\n", "\n    "))
                empty = False
            f.write("[]" if empty else "\n  ]")
        else:
            f.write(_PRETTY(value).replace("\n", "\n  "))
    f.write("\n}")


class GraphFiles:
    """A built graph read from its JSON lines one record at a time, in the order ``Graph.iter_*`` gives (the files
    are written sorted): a store is written from it after the graph itself has left memory. A ``GraphSource``."""

    def __init__(self, out: PathLike):
        self.out = Path(out)
        self._report: Optional[Report] = None

    @property
    def report(self) -> Report:
        """report.json, read each time it is asked for unless one was given: at a million inputs it takes 376 MiB
        as objects (90 MB of JSON), which a store load that only needs its unresolved ids must not hold."""
        if self._report is not None:
            return self._report
        report_path = self.out / "report.json"
        return json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}

    @report.setter
    def report(self, report: Report) -> None:
        self._report = report

    def _rows(self, name: str) -> Iterator[Any]:
        path = self.out / name
        if path.exists():
            with open(path, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        yield json.loads(line)

    def iter_documents(self) -> Iterator[DocumentNode]:
        return self._rows("documents.jsonl")

    def iter_entities(self) -> Iterator[Entity]:
        return self._rows("entities.jsonl")

    def iter_edges(self) -> Iterator[Citation]:
        return self._rows("edges.jsonl")

    def iter_links(self) -> Iterator[Link]:
        return self._rows("links.jsonl")


def load_graph(out: PathLike) -> Graph:
    """Read a built graph back from its files (for views and Neo4j loads without re-resolving)."""
    files = GraphFiles(out)
    return Graph(documents={d["id"]: d for d in files.iter_documents()}, edges=list(files.iter_edges()),
                 entities={e["id"]: e for e in files.iter_entities()}, links=list(files.iter_links()),
                 report=files.report)
