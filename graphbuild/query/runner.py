"""The query library: named ``queries/NAME.cypher`` files run on the embedded store or Neo4j, returning plain rows.

A file's header comment says what it is for (``// purpose:``), its parameters with their types and defaults
(``// param: NAME: TYPE = DEFAULT — what it is``, ``params``), an example and which collected columns come back
sorted. User values reach Cypher only as parameters, checked and converted to their declared type first;
``--doc`` and ``document`` parameters are references resolved to document ids (``search.match_document``).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

from . import params as param_types
from .errors import QueryError
from .plain import Row, to_rows
from .refs import (
    find_in_graph,  # noqa: F401  (views.viz imports it from here)
    resolve_ref,
)

if TYPE_CHECKING:
    from ..stores.base import Store

QUERY_DIRS = [Path(__file__).resolve().parent / "queries"]
PARAM_LINE = re.compile(r"^//\s*param:\s*(?P<name>\w+)(?:\s*:\s*(?P<type>\w+))?(?:\s*=\s*(?P<default>\S+))?"
                        r"\s*(?:—|-)?\s*(?P<doc>.*)$")
ParamValue = Union[str, int, None]


@dataclass
class Query:
    name: str
    cypher: str
    purpose: str = ""
    params: dict[str, ParamValue] = field(default_factory=dict)   # name -> default (None when required or null)
    types: dict[str, str] = field(default_factory=dict)           # name -> declared type (params.TYPES)
    required: list[str] = field(default_factory=list)
    example: str = ""
    sorted_columns: tuple[str, ...] = ()     # lists made by collect(), which has no order: returned sorted


def query_dirs() -> list[Path]:
    extra = os.environ.get("GRAPHBUILD_QUERIES")
    return ([Path(extra)] if extra else []) + [d for d in QUERY_DIRS if d.is_dir()]


def _parse_default(text: Optional[str]) -> ParamValue:
    """The default as written; it is converted to the parameter's type with the values given."""
    return None if text is None or text == "null" else text


def load_query(name: str, engine: str = "ladybug") -> Query:
    """``queries/NAME.cypher`` (or its ``NAME.ENGINE.cypher`` variant) with what its header comment says."""
    if not re.fullmatch(r"[A-Za-z_][\w]*", name):
        raise QueryError(f"not a query name: {name!r}")
    for folder in query_dirs():
        variant = folder / f"{name}.{engine}.cypher"
        path = variant if variant.exists() else folder / f"{name}.cypher"
        if path.exists():
            break
    else:
        raise QueryError(f"no query named '{name}' (available: {', '.join(list_queries())})")
    text = path.read_text(encoding="utf-8")
    query = Query(name=name, cypher="\n".join(line for line in text.splitlines() if not line.startswith("//")))
    purpose: list[str] = []
    for line in text.splitlines():
        param = PARAM_LINE.match(line)
        if param:
            kind = param.group("type") or ("document" if param.group("name") in ("id", "to") else "string")
            if kind not in param_types.TYPES:
                raise QueryError(f"{path}: parameter {param.group('name')} has an unknown type '{kind}' "
                                 f"(the types: {', '.join(param_types.TYPES)})")
            query.types[param.group("name")] = kind
            if param.group("default") is None:
                query.required.append(param.group("name"))
                query.params[param.group("name")] = None
            else:
                query.params[param.group("name")] = _parse_default(param.group("default"))
        elif line.startswith("// purpose:") or (purpose and line.startswith("//   ")):
            purpose.append(line.split(":", 1)[1].strip() if line.startswith("// purpose:") else line[2:].strip())
        elif line.startswith("// example:"):
            query.example = line.split(":", 1)[1].strip()
        elif line.startswith("// sorted:"):
            query.sorted_columns = tuple(c.strip() for c in line.split(":", 1)[1].split(",") if c.strip())
    query.purpose = " ".join(purpose)
    return query


def list_queries() -> list[str]:
    names: set[str] = set()
    for folder in query_dirs():
        names |= {p.name.split(".")[0] for p in folder.glob("*.cypher")}
    return sorted(names)


def run_query(store: Store, name: str, doc: Optional[str] = None, params: Optional[dict[str, Any]] = None,
              engine: str = "ladybug") -> list[Row]:
    """Run ``queries/NAME.cypher`` on ``store`` (anything with ``run(cypher, params) -> [dict]``). ``params``
    values may be strings (as typed on a command line) or values of the declared type; each is checked
    (``params``: ``ParameterError``), ``doc`` and document parameters resolved (``NoMatch``, ``AmbiguousRef``)."""
    query = load_query(name, engine)
    values = dict(query.params)
    for k, v in (params or {}).items():
        if k not in values:
            raise QueryError(f"query '{name}' has no parameter '{k}' (it takes: {', '.join(values) or 'none'})")
        values[k] = v
    if doc is not None:
        if "id" not in values:
            raise QueryError(f"query '{name}' is not about one document: it takes no --doc")
        values["id"] = doc
    missing = [k for k in query.required if values.get(k) is None]
    if missing:
        hint = " (use --doc REF)" if "id" in missing else ""
        raise QueryError(f"query '{name}' needs {', '.join(missing)}{hint}")
    values = param_types.convert_all(values, query.types, lambda ref: resolve_ref(store.run, ref))
    rows = to_rows(store.run(query.cypher, values))
    for row in rows:     # the same rows from either store and from run to run
        for col in query.sorted_columns:
            if isinstance(row.get(col), list):
                row[col] = sorted(row[col], key=lambda v: (v is None, str(v)))
    return rows
