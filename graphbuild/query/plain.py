"""Store values to plain rows (dicts of strings, numbers and lists), the same from either store."""
from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]
# What a row of a path result says about each of its documents.
PATH_KEYS = ("id", "symbol", "type", "issuer", "date", "locality", "level")


def plain(value: Any) -> Any:
    """Store values -> JSON-ready values: dates as ISO strings, nodes and relationships as property dicts (None
    properties left out), floats to six decimals."""
    if value is None or type(value) in (str, int, bool):   # most values: nothing to do (a search plains 13k)
        return value
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


def to_rows(raw: list[Row]) -> list[Row]:
    """Plain rows; a result of ``nodes``/``rels`` columns (a path) becomes one row per step."""
    rows = [{k: plain(v) for k, v in r.items()} for r in raw]
    if rows and set(rows[0]) == {"nodes", "rels"}:
        path = rows[0]                 # the first path: a path query asks for the shortest
        out = []
        for i, node in enumerate(path["nodes"]):
            rel = path["rels"][i - 1] if i else {}
            out.append({"step": i, **{k: node.get(k) for k in PATH_KEYS},
                        "relation": rel.get("relation") if i else None})
        return out
    return rows
