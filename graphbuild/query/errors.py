"""What a query raises when it cannot run as asked; the message says why (the CLI prints it as it is)."""
from __future__ import annotations

from typing import Any


class QueryError(Exception):
    """A query that cannot run as asked (unknown name, missing parameter, no such document); the message says why."""


class AmbiguousRef(QueryError):
    """A reference that matches several documents; the message lists them, one id per line."""

    def __init__(self, ref: str, candidates: list[dict[str, Any]]):
        self.ref, self.candidates = ref, candidates
        lines = "\n".join(f"  {c['id']}  {c.get('symbol') or ''}  {c.get('issuer') or ''}  "
                          f"{c.get('locality') or ''}  {c.get('date') or ''}" for c in candidates)
        super().__init__(f"'{ref}' matches {len(candidates)} documents; give one of these ids with --doc:\n{lines}")
