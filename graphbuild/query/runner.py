"""The query library: named ``queries/NAME.cypher`` files run on the embedded store or Neo4j, returning plain rows.

User values reach Cypher only as parameters. ``resolve_ref`` turns what a user types ("44-KL/TW", "Kết luận 44",
"1416-CV/QU", an id) into document ids, and says when it is ambiguous.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..vocab import patterns

from .. import vocab

QUERY_DIRS = [Path(__file__).resolve().parent / "queries"]
PARAM_LINE = re.compile(r"^//\s*param:\s*(?P<name>\w+)(?:\s*=\s*(?P<default>\S+))?\s*(?:—|-)?\s*(?P<doc>.*)$")


class QueryError(Exception):
    """A query that cannot run as asked (unknown name, missing parameter); the message says why."""


class AmbiguousRef(QueryError):
    def __init__(self, ref: str, candidates: list):
        self.ref, self.candidates = ref, candidates
        lines = "\n".join(f"  {c['id']}  {c.get('symbol') or ''}  {c.get('issuer') or ''}  "
                          f"{c.get('locality') or ''}  {c.get('date') or ''}" for c in candidates)
        super().__init__(f"'{ref}' matches {len(candidates)} documents; give one of these ids with --doc:\n{lines}")


@dataclass
class Query:
    name: str
    cypher: str
    purpose: str = ""
    params: dict = field(default_factory=dict)      # name -> default (None when required or null)
    required: list = field(default_factory=list)
    example: str = ""
    sorted_columns: tuple = ()     # lists made by collect(), which has no order: returned sorted


def query_dirs() -> list:
    extra = os.environ.get("GRAPHBUILD_QUERIES")
    return ([Path(extra)] if extra else []) + [d for d in QUERY_DIRS if d.is_dir()]


def _parse_default(s: Optional[str]):
    if s is None or s == "null":
        return None
    return int(s) if re.fullmatch(r"-?\d+", s) else s


def load_query(name: str, engine: str = "ladybug") -> Query:
    if not re.fullmatch(r"[A-Za-z_][\w]*", name):
        raise QueryError(f"not a query name: {name!r}")
    for d in query_dirs():
        variant = d / f"{name}.{engine}.cypher"
        path = variant if variant.exists() else d / f"{name}.cypher"
        if path.exists():
            break
    else:
        raise QueryError(f"no query named '{name}' (available: {', '.join(list_queries())})")
    text = path.read_text(encoding="utf-8")
    q = Query(name=name, cypher="\n".join(line for line in text.splitlines() if not line.startswith("//")))
    purpose = []
    for line in text.splitlines():
        m = PARAM_LINE.match(line)
        if m:
            if m.group("default") is None:
                q.required.append(m.group("name"))
                q.params[m.group("name")] = None
            else:
                q.params[m.group("name")] = _parse_default(m.group("default"))
        elif line.startswith("// purpose:") or (purpose and line.startswith("//   ")):
            purpose.append(line.split(":", 1)[1].strip() if line.startswith("// purpose:") else line[2:].strip())
        elif line.startswith("// example:"):
            q.example = line.split(":", 1)[1].strip()
        elif line.startswith("// sorted:"):
            q.sorted_columns = tuple(c.strip() for c in line.split(":", 1)[1].split(",") if c.strip())
    q.purpose = " ".join(purpose)
    return q


def list_queries() -> list:
    names = set()
    for d in query_dirs():
        names |= {p.name.split(".")[0] for p in d.glob("*.cypher")}
    return sorted(names)


def plain(value: Any) -> Any:
    """Store values -> JSON-ready values: dates as ISO strings, nodes and relationships as property dicts."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "to_native"):                    # neo4j.time.Date
        return plain(value.to_native())
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_") and v is not None}
    if hasattr(value, "items") and hasattr(value, "element_id"):   # neo4j Node / Relationship
        return {k: plain(v) for k, v in dict(value.items()).items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


PATH_KEYS = ("id", "symbol", "type", "issuer", "date", "locality", "level")


def to_rows(raw: list) -> list:
    """Plain rows; a result of ``nodes``/``rels`` columns (a path) becomes one row per step."""
    rows = [{k: plain(v) for k, v in r.items()} for r in raw]
    if rows and set(rows[0]) == {"nodes", "rels"}:
        out = []
        for r in rows[:1]:
            for i, node in enumerate(r["nodes"]):
                rel = r["rels"][i - 1] if i else {}
                out.append({"step": i, **{k: node.get(k) for k in PATH_KEYS},
                            "relation": rel.get("relation") if i else None})
        return out
    return rows


# --- what the user typed -> document ids -------------------------------------------------------------------------

REF_FIELDS = "d.id AS id, d.symbol AS symbol, d.issuer AS issuer, d.locality AS locality, d.date AS date, d.stub AS stub"
REF_KEYS = ("id", "symbol", "issuer", "locality", "date", "stub")


@dataclass(frozen=True)
class Ref:
    """What a user typed, read as one way of naming a document."""
    symbol: Optional[str] = None           # "44-KL/TW"
    types: tuple = ()                      # ("KL",) with number, for "Kết luận 44"
    number: Optional[int] = None
    words: Optional[str] = None            # anything else: words of a title

    def matches(self, d: dict) -> bool:
        """The same test as ``cypher`` below, on a document dict (for graphs held in memory)."""
        if self.symbol:
            return d.get("symbol") == self.symbol or self.symbol in (d.get("aliases") or [])
        if self.types:
            num = d.get("num") if d.get("num") is not None else d.get("number")
            return d.get("type") in self.types and str(num or "").lstrip("0") == str(self.number)
        return bool(self.words) and self.words in vocab.fold(d.get("title") or "")

    def cypher(self) -> tuple:
        if self.symbol:
            return "d.symbol = $s OR $s IN d.aliases", {"s": self.symbol}
        if self.types:
            return "d.num = $n AND d.type IN $types", {"n": self.number, "types": list(self.types)}
        return "toLower(d.title) CONTAINS $t", {"t": self.words}


def parse_ref(ref: str) -> Ref:
    sym = patterns.canonical_symbol(ref)
    if sym:
        return Ref(symbol=sym)
    m = re.fullmatch(r"(?P<word>.+?)\s+(?:số\s+)?(?P<num>\d{1,5})", ref, re.I)
    t = vocab.type_by_word().get(vocab.fold(m.group("word"))) if m else None
    if t:
        codes = tuple(sorted({x.code for x in vocab.doc_types() if x.name == t.name} | {t.code}))
        return Ref(types=codes, number=int(m.group("num")))
    return Ref(words=vocab.fold(ref))


def _one(ref: str, hits: list) -> str:
    if not hits:
        raise QueryError(f"no document matches '{ref}'")
    if len(hits) > 1:
        raise AmbiguousRef(ref, hits)
    return hits[0]["id"]


def resolve_ref(run, ref: str) -> str:
    """One document id for ``ref`` ("44-KL/TW", "Kết luận 44", "1416-CV/QU", an id, words of a title); raises
    AmbiguousRef listing the candidates, QueryError when none matches. ``run(cypher, params)`` is the store's runner."""
    ref = ref.strip()
    hit = run(f"MATCH (d:Document) WHERE d.id = $ref RETURN {REF_FIELDS}", {"ref": ref})
    if hit:
        return hit[0]["id"]
    where, params = parse_ref(ref).cypher()
    hits = run(f"MATCH (d:Document) WHERE {where} RETURN {REF_FIELDS} ORDER BY d.id LIMIT 20", params)
    return _one(ref, [plain(h) for h in hits])


def find_in_graph(graph, ref: str) -> str:
    """``resolve_ref`` for a graph held in memory (``export.load_graph``)."""
    ref = (ref or "").strip()
    if ref in graph.documents:
        return ref
    r = parse_ref(ref)
    hits = [{k: d.get(k) for k in REF_KEYS} for _, d in sorted(graph.documents.items()) if r.matches(d)][:20]
    return _one(ref, hits)


def run_query(store, name: str, doc: Optional[str] = None, params: Optional[dict] = None,
              engine: str = "ladybug") -> list:
    """Run ``queries/NAME.cypher`` on ``store`` (anything with ``run(cypher, params) -> [dict]``)."""
    q = load_query(name, engine)
    values = dict(q.params)
    for k, v in (params or {}).items():
        if k not in values:
            raise QueryError(f"query '{name}' has no parameter '{k}' (it takes: {', '.join(values) or 'none'})")
        values[k] = v
    if doc is not None:
        values["id"] = resolve_ref(store.run, doc)
    if "to" in values and isinstance(values["to"], str):
        values["to"] = resolve_ref(store.run, values["to"])
    missing = [k for k in q.required if values.get(k) is None]
    if missing:
        hint = " (use --doc REF)" if "id" in missing else ""
        raise QueryError(f"query '{name}' needs {', '.join(missing)}{hint}")
    rows = to_rows(store.run(q.cypher, values))
    for row in rows:     # the same rows from either store and from run to run
        for col in q.sorted_columns:
            if isinstance(row.get(col), list):
                row[col] = sorted(row[col], key=lambda v: (v is None, str(v)))
    return rows
