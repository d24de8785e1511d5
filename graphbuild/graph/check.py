"""Check a built graph for what cannot be true, without any gold: every violation with its evidence.

- **time**: a document cannot implement, rest on, guide, amend, replace or repeal one issued after it;
- **rank**: an act cannot amend, replace or repeal an act of higher legal rank (a decree a law, a circular a
  decree), nor a local document a central one, nor an act of one system (State, Party) a document of the other;
- **self**: a document citing itself;
- **near duplicate**: two nodes whose symbols differ only in how they are written ("27/2016/TTBLĐTBXH" and
  "27/2016/TT-BLĐTBXH") in the same year;
- **not a document**: a node whose symbol names no document (a technical standard, a blank form number).

Notices are what the texts themselves get wrong and how the build read them: a type word the symbol's code
contradicts ("Thông tư số 06/2024/NĐ-CP": the code is kept), and the statements resolution corrected because they
could not be true once the documents' dates were known (``resolve.pair_statements``).

``check_graph`` runs on any ``GraphSource`` (a graph in memory or its files); a build writes the result into
report.json ("check"), and ``graphbuild check DIR`` prints it.
"""
from __future__ import annotations

import re
import sqlite3
from itertools import groupby
from operator import itemgetter
from typing import Iterable, Iterator, Mapping, Optional, TypedDict

from .. import vocab
from ..models import ACTS_ON_EARLIER, BOUNDED_BY_RANK
from .model import Citation, DocumentNode, GraphSource, NodeFields

KINDS = ("time", "rank", "self", "near_duplicate", "not_a_document")
_LEVEL_ORDER = {"central": 0, "province": 1, "district": 2, "commune": 3}
_SPELLING = re.compile(r"[\s\-–/.]")


class Violation(TypedDict, total=False):
    kind: str
    reason: str
    source: str
    target: str
    relation: str
    ids: list[str]
    symbols: list[Optional[str]]
    evidence: dict


class CheckReport(TypedDict):
    violations: int
    by_kind: dict[str, int]
    items: list[Violation]
    notices: list[Violation]        # what the texts themselves get wrong, and how the build read it


def _when(node: DocumentNode) -> Optional[str]:
    """A comparable point in time: the ISO date, else the year (compared only with another year)."""
    return node.get("date") or (str(node["year"]) if node.get("year") else None)


def _earlier(a: Optional[str], b: Optional[str]) -> bool:
    """Whether ``a`` is surely before ``b`` (dates compare as dates, anything with only a year as years)."""
    if not a or not b:
        return False
    if len(a) == 10 and len(b) == 10:
        return a < b
    return a[:4] < b[:4]


def _rank(node: DocumentNode) -> Optional[int]:
    return vocab.legal_rank(node.get("type"), node.get("system"), node.get("issuer_code"))


def _evidence(edge: Citation) -> dict:
    best = next((ev for ev in edge["evidence"] if ev.get("relation") == edge["relation"]), edge["evidence"][0])
    return {"file": best["file"], "text": best["text"], "start": best["start"], "end": best["end"]}


def impossible(relation: str, source: DocumentNode, target: DocumentNode) -> Optional[tuple[str, str]]:
    """(kind, reason) when ``source`` cannot stand in ``relation`` to ``target``: acting on a later document, or
    amending, replacing or repealing an act of higher rank (or, from a locality, a central one; or from a plan, a
    report, a letter: ``vocab.changes_acts``; or of the other system); else None."""
    if relation in ACTS_ON_EARLIER and _earlier(_when(source), _when(target)):
        return "time", f"{relation} a document issued after it ({_when(source)} < {_when(target)})"
    if relation in BOUNDED_BY_RANK:
        source_rank, target_rank = _rank(source), _rank(target)
        if source_rank is not None and target_rank is not None and source_rank > target_rank:
            return "rank", f"{relation} an act of higher legal rank ({source_rank} > {target_rank})"
        if _LEVEL_ORDER.get(source.get("level") or "", 0) > 0 and target.get("level") == "central":
            return "rank", f"a {source.get('level')} document {relation} a central one"
        if not vocab.changes_acts(source.get("type"), target.get("type")):
            return "rank", f"a {vocab.type_name(source.get('type')) or source.get('type')} {relation} an act " \
                           f"({vocab.type_name(target.get('type')) or target.get('type')})"
        source_system = vocab.issuer_system(source.get("issuer_code"))
        target_system = vocab.issuer_system(target.get("issuer_code"))
        if source_system and target_system and source_system != target_system:
            return "rank", f"a {source_system} act {relation} a {target_system} document"
    return None


def edge_violations(edge: Citation, nodes: Mapping[str, DocumentNode]) -> Iterable[Violation]:
    source, target = nodes.get(edge["source"]), nodes.get(edge["target"])

    def violation(kind: str, reason: str) -> Violation:
        return Violation(kind=kind, reason=reason, source=edge["source"], target=edge["target"],
                         relation=edge["relation"], symbols=[edge.get("source_symbol"), edge.get("target_symbol")],
                         evidence=_evidence(edge))
    if edge["source"] == edge["target"]:
        yield violation("self", "a document cites itself")
    if source is None or target is None:
        return
    found = impossible(edge["relation"], source, target)
    if found is not None:
        yield violation(*found)


def node_violations(node: DocumentNode) -> Iterable[Violation]:
    symbol = node.get("symbol")
    if symbol and vocab.not_a_document(symbol):
        yield Violation(kind="not_a_document", ids=[node["id"]], symbols=[symbol],
                        reason="the symbol names no document (a standard, a form number)")


def _spelling_key(node: DocumentNode) -> Optional[tuple[str, str]]:
    symbol = node.get("symbol")
    if not symbol:
        return None
    return _SPELLING.sub("", symbol).upper(), str(node.get("year") or "")


# What the checks read of a node: only these are kept, as a tuple, so that a million nodes fit in memory.
_CHECKED = ("symbol", "date", "year", "type", "system", "issuer_code", "level")


class _Spellings:
    """The nodes by spelling key, in a private SQLite database (temporary past its cache: a million keys took
    about 280 MB as a dict): the groups of one key written with more than one symbol, by first node seen."""

    _BATCH = 5000

    def __init__(self) -> None:
        self.db = sqlite3.connect("")
        self.db.execute("CREATE TABLE spelling (seq INTEGER PRIMARY KEY, key TEXT NOT NULL, id TEXT NOT NULL, "
                        "symbol TEXT NOT NULL)")
        self._pending: list[tuple[str, str, str]] = []

    def add(self, key: str, node_id: str, symbol: str) -> None:
        self._pending.append((key, node_id, symbol))
        if len(self._pending) >= self._BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO spelling (key, id, symbol) VALUES (?, ?, ?)", self._pending)
        self._pending.clear()

    def written_two_ways(self) -> Iterator[tuple[list[str], list[Optional[str]]]]:
        """(ids sorted, symbols sorted) of each key with two symbols or more, in the order of its first node."""
        self._flush()
        self.db.execute("CREATE INDEX spelling_key ON spelling (key)")
        rows = self.db.execute(
            "SELECT s.key, s.id, s.symbol FROM spelling s JOIN (SELECT key, min(seq) AS first FROM spelling "
            "GROUP BY key HAVING count(DISTINCT symbol) > 1) g ON s.key = g.key ORDER BY g.first, s.seq")
        for _, group in groupby(rows, key=itemgetter(0)):
            entries = list(group)
            symbols: list[Optional[str]] = sorted({symbol for _, _, symbol in entries})
            yield sorted(node_id for _, node_id, _ in entries), symbols

    def close(self) -> None:
        self.db.close()


def check_graph(graph: GraphSource) -> CheckReport:
    """Every violation, in this order: the nodes' own (sorted by id), the near duplicates (by first spelling seen),
    the edges' (in edge order); and the notices. The documents are read once."""
    nodes = NodeFields(_CHECKED)
    items: list[Violation] = []
    spellings = _Spellings()
    notices: list[Violation] = []
    for node in graph.iter_documents():
        nodes.add(node)
        items.extend(node_violations(node))
        key = _spelling_key(node)
        if key is not None:
            spellings.add("\0".join(key), node["id"], node.get("symbol") or "")
        if node.get("type_mismatch"):
            notices.append(Violation(kind="type_word", ids=[node["id"]], symbols=[node.get("symbol")],
                                     reason=f"cited as '{node['type_mismatch']}' while its code says "
                                            f"{node.get('type')}: the code is kept"))
    for ids, symbols in spellings.written_two_ways():
        items.append(Violation(kind="near_duplicate", ids=ids, symbols=symbols,
                               reason="one document written two ways"))
    spellings.close()
    for edge in graph.iter_edges():
        items.extend(edge_violations(edge, nodes))
    nodes.close()
    by_kind = {kind: sum(1 for v in items if v["kind"] == kind) for kind in KINDS}
    notices += list(graph.report.get("corrected", []))
    return CheckReport(violations=len(items), by_kind=by_kind, items=items, notices=notices)


def summary(report: CheckReport) -> str:
    kinds = ", ".join(f"{n} {kind}" for kind, n in report["by_kind"].items() if n)
    return f"{report['violations']} violations" + (f" ({kinds})" if kinds else "")
