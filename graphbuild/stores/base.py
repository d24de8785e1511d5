"""What every store is: ``Store``, which runs Cypher and returns plain rows (the embedded LadybugDB store and Neo4j
both are one), and ``StoreError``, what a store raises when it cannot do what was asked."""
from __future__ import annotations

from typing import Any, Optional, Protocol, TypeVar

Row = dict[str, Any]
_S = TypeVar("_S", bound="Store")


class StoreError(Exception):
    """A store is missing, locked, unreadable or unreachable, or refused a statement; the message says which and
    what to do."""


class Store(Protocol):
    """``run(cypher, params)`` -> one dict per record; ``close``; usable in a ``with`` block that closes it."""

    def run(self, cypher: str, params: Optional[dict[str, Any]] = None) -> list[Row]: ...

    def close(self) -> None: ...

    def __enter__(self: _S) -> _S: ...

    def __exit__(self, *exc: object) -> None: ...
