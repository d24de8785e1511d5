"""What a query raises when it cannot run as asked; the message says why (the CLI prints it as it is, and exits
with the code of its kind: ``ParameterError`` a usage error, ``NoMatch`` and ``AmbiguousRef`` codes of their own)."""
from __future__ import annotations

from typing import Any, Mapping, Sequence


class QueryError(Exception):
    """A query that cannot run as asked (unknown name, missing parameter); the message says why."""


class ParameterError(QueryError):
    """A parameter value that is not one the query takes (an unknown level, a place that names no unit or several)."""


def _candidate_line(c: Mapping[str, Any]) -> str:
    parts = [c.get("symbol") or "", c.get("type_name") or c.get("type") or "", c.get("issuer") or "",
             c.get("locality") or "", c.get("date") or "", "(cited only)" if c.get("stub") else ""]
    return f"  {c['id']}  " + "  ".join(p for p in parts if p)


class NoMatch(QueryError):
    """A reference that names no document; ``suggestions``: the nearest documents, best first."""

    def __init__(self, ref: str, suggestions: Sequence[Mapping[str, Any]] = ()):
        self.ref, self.suggestions = ref, list(suggestions)
        hint = ("; did you mean:\n" + "\n".join(_candidate_line(c) for c in self.suggestions)) if self.suggestions \
            else ""
        super().__init__(f"no document matches '{ref}'{hint}")


class AmbiguousRef(QueryError):
    """A reference that matches several documents; the message lists them, one id per line, best first."""

    def __init__(self, ref: str, candidates: Sequence[Mapping[str, Any]], more: bool = False):
        self.ref, self.candidates = ref, list(candidates)
        lines = "\n".join(_candidate_line(c) for c in self.candidates)
        count = f"at least {len(self.candidates)}" if more else str(len(self.candidates))
        super().__init__(f"'{ref}' matches {count} documents; give one of these ids with --doc:\n{lines}")
