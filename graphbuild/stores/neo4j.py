"""Neo4j 5 store through the official ``neo4j`` driver: the same query library as the embedded store, plus an
idempotent batched loader.

    with Neo4jStore.from_env() as st:              # NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE
        report = st.load(load_graph("graph"))          # constraints first, UNWIND … MERGE in batches, verified
        rows = run_query(st, "lineage", doc="1416-CV/QU", engine="neo4j")

- Reads: ``driver.execute_query(…, routing_=RoutingControl.READ, database_=…)`` (a retried managed transaction,
  routed to a reader in a cluster).
- Writes: every batch is ``UNWIND $rows AS r MERGE (n:Label {id: r.id}) SET n += r.props`` (nodes) or two labelled
  MATCHes and a MERGE (relationships) in a managed transaction (``session.execute_write``), so transient errors
  (leader switch, deadlock) are retried by the driver and a re-run after an interruption finishes the job: MERGE on
  the unique key never duplicates. Labels and types come from ``schema``, rows from ``rows`` (as for the embedded
  store and the neo4j-admin CSVs); every value is a parameter.
- Server notifications (deprecations, unknown labels on an empty database) are switched off at the source
  (``notifications_min_severity="OFF"``) and the ``neo4j.notifications`` logger is silenced.
- The password is never part of a message, repr or exception raised from here (driver errors are re-raised as
  ``Neo4jStoreError`` with the password scrubbed and the original chain suppressed).
"""
from __future__ import annotations

import logging
import os
import re
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, TypeVar
from urllib.parse import urlsplit, urlunsplit

from . import neo4j_load as load
from . import rows, schema
from .base import Row, StoreError

if TYPE_CHECKING:
    from ..graph.model import GraphSource

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
LABELS = list(schema.NODES)                     # graphbuild's own labels: the only ones wipe() touches
_T = TypeVar("_T")


class Neo4jStoreError(StoreError):
    """Neo4j unreachable, credentials refused, database missing, or a statement failed; the message says which."""


class Neo4jConfigError(Neo4jStoreError):
    """The connection settings are missing or malformed (NEO4J_URI not set, unsupported URI scheme)."""


def silence_notifications() -> None:
    """Keep server notifications out of the user's terminal even when the server ignores the filter (< 5.7)."""
    logging.getLogger("neo4j.notifications").setLevel(logging.CRITICAL + 1)


def _server_version(agent: str) -> tuple[int, int]:
    match = re.search(r"(\d+)\.(\d+)", agent or "")
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


# --- the store ------------------------------------------------------------------------------------------------------

class Neo4jStore:
    """A Neo4j database reached through the official driver; ``run`` returns rows like ``EmbeddedStore.run``."""

    def __init__(self, uri: str, user: Optional[str] = "neo4j", password: Optional[str] = None,
                 database: Optional[str] = None, driver: Any = None):
        self.uri = uri
        self.user = user or "neo4j"
        self.database = database or None
        self.__secret = password or ""
        self._unfiltered = False
        silence_notifications()
        if driver is not None:
            self._driver = driver
        else:
            self._check_uri(uri)
            self._driver = self._make_driver(filters=True)
        self._agent: Optional[str] = None

    @classmethod
    def from_env(cls, uri: Optional[str] = None, user: Optional[str] = None, password: Optional[str] = None,
                 database: Optional[str] = None) -> "Neo4jStore":
        """Arguments first, then NEO4J_URI, NEO4J_USERNAME (default neo4j), NEO4J_PASSWORD, NEO4J_DATABASE (default:
        the server's default database)."""
        env = os.environ
        uri = uri or env.get("NEO4J_URI") or None
        if not uri:
            raise Neo4jConfigError("NEO4J_URI is not set: export NEO4J_URI=bolt://localhost:7687 (or neo4j+s://… for "
                                   "Aura), or pass --uri")
        return cls(uri, user or env.get("NEO4J_USERNAME") or "neo4j",
                   password if password is not None else env.get("NEO4J_PASSWORD"),
                   database or env.get("NEO4J_DATABASE") or None)

    # -- connection ------------------------------------------------------------------------------------------------

    def _check_uri(self, uri: str) -> None:
        scheme = urlsplit(uri).scheme.lower() if "://" in uri else ""
        if scheme not in SCHEMES:
            raise Neo4jConfigError(
                f"NEO4J_URI {self._safe_uri()!r} is not a Bolt URI: use bolt://HOST:7687 (one server), neo4j://HOST:7687 "
                f"(routing, clusters), or their +s (TLS) / +ssc (TLS, self-signed) forms such as neo4j+s://… for "
                f"Aura; port 7474 (http) is the browser, not the driver")

    def _make_driver(self, filters: bool) -> Any:
        from neo4j import GraphDatabase
        from neo4j.exceptions import ConfigurationError
        auth = (self.user, self.__secret) if self.__secret else None
        config: dict[str, Any] = {"user_agent": "graphbuild"}
        if filters:
            config["notifications_min_severity"] = "OFF"
            config["warn_notification_severity"] = "OFF"
        try:
            try:
                return GraphDatabase.driver(self.uri, auth=auth, **config)
            except (ConfigurationError, TypeError) as e:
                if "warn_notification_severity" not in str(e):
                    raise
                config.pop("warn_notification_severity")         # driver older than 5.21
                return GraphDatabase.driver(self.uri, auth=auth, **config)
        except (ConfigurationError, ValueError) as e:
            raise Neo4jConfigError(f"cannot use NEO4J_URI {self._safe_uri()!r}: {self._scrub(str(e))}") from None

    def describe(self) -> str:
        """Where the store is, for the user: the URI (without credentials) and the database."""
        return self._safe_uri() + (f" database {self.database}" if self.database else " (default database)")

    def _safe_uri(self) -> str:
        parts = urlsplit(self.uri)
        if parts.username or parts.password:
            host = parts.hostname or ""
            netloc = host + (f":{parts.port}" if parts.port else "")
            return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
        return self._scrub(self.uri)

    def _scrub(self, text: object, oneline: bool = False) -> str:
        text = str(text)
        if self.__secret:
            text = text.replace(self.__secret, "***")
        return " ".join(text.split()) if oneline else text

    @contextmanager
    def _guard(self, action: str) -> Iterator[None]:
        """Driver exceptions -> Neo4jStoreError with a message that says what to do, password scrubbed."""
        from neo4j import exceptions as ex
        try:
            yield
        except Neo4jStoreError:
            raise
        except ex.AuthError:
            hint = "" if self.__secret else " (NEO4J_PASSWORD is not set)"
            raise Neo4jStoreError(f"Neo4j at {self._safe_uri()} refused user '{self.user}' while {action}: check "
                                  f"NEO4J_USERNAME / NEO4J_PASSWORD{hint}") from None
        except ex.ServiceUnavailable as e:
            raise Neo4jStoreError(f"cannot reach Neo4j at {self._safe_uri()} while {action}: {self._scrub(e, True)} — is the "
                                  f"server running and NEO4J_URI right?") from None
        except ex.Neo4jError as e:
            code = getattr(e, "code", None) or ""
            if code.endswith("DatabaseNotFound"):
                raise Neo4jStoreError(f"no database '{self.database}' on {self._safe_uri()} (NEO4J_DATABASE)") from None
            msg = self._scrub(getattr(e, "message", None) or e)
            raise Neo4jStoreError(f"Neo4j error while {action}: {code + ': ' if code else ''}{msg}") from None
        except ex.ConfigurationError as e:
            if "otification" in str(e) and not self._unfiltered:
                raise                                  # _attempt() rebuilds the driver without filters and retries
            raise Neo4jStoreError(f"Neo4j driver error while {action}: {type(e).__name__}: {self._scrub(e)}") from None
        except (ex.DriverError, OSError, ValueError) as e:
            raise Neo4jStoreError(f"Neo4j driver error while {action}: {type(e).__name__}: {self._scrub(e)}") from None

    def _attempt(self, fn: Callable[[], _T]) -> _T:
        """Run ``fn``; servers before 5.7 (Bolt < 5.2) reject notification filters: then rebuild the driver once
        without them (the silenced logger still keeps notifications quiet) and run ``fn`` again."""
        from neo4j.exceptions import ConfigurationError
        try:
            return fn()
        except ConfigurationError:
            self._unfiltered = True
            self._driver.close()
            self._driver = self._make_driver(filters=False)
            return fn()

    def _session(self) -> Any:
        kwargs: dict[str, Any] = {"database": self.database}
        bm = getattr(self._driver, "execute_query_bookmark_manager", None)
        if bm is not None:
            kwargs["bookmark_manager"] = bm       # reads through execute_query see these writes (causal chaining)
        return self._driver.session(**kwargs)

    def _connect(self) -> None:
        """One round trip before the first statement: a server that is down or refuses the credentials fails here at
        once (execute_query / execute_write would retry for up to 30 s first), and its version picks the wipe form."""
        if self._agent is not None:
            return
        with self._guard("connecting"):
            info = self._driver.get_server_info()
        self._agent = str(getattr(info, "agent", "") or "")

    def _scope(self) -> bool:
        """Whether the server takes ``CALL (n) { … }`` (Neo4j 5.23+, 2025.x)."""
        self._connect()
        return _server_version(self._agent or "") >= (5, 23)

    # -- reading -------------------------------------------------------------------------------------------------------

    def run(self, cypher: str, params: Optional[dict[str, Any]] = None) -> list[Row]:
        """A read query; one dict per record (values as the driver returns them: Node, Relationship, Date …)."""
        from neo4j import RoutingControl
        self._connect()

        def go() -> Any:
            with self._guard("running a query"):
                return self._driver.execute_query(cypher, params or {}, routing_=RoutingControl.READ,
                                                  database_=self.database)
        result = self._attempt(go)
        return [dict(r.items()) for r in result.records]

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per graphbuild label and relationships per graphbuild type (from graphbuild's labels), as the
        database has them now, in one query answered from Neo4j's count store."""
        statement, columns = load.counts_statement()
        got = self.run(statement)[0]
        out: dict[str, dict[str, int]] = {"nodes": {}, "relationships": {}}
        for i, (kind, name) in enumerate(columns):
            out[kind][name] = out[kind].get(name, 0) + int(got[f"c{i}"])
        return out

    # -- writing -------------------------------------------------------------------------------------------------------

    def load(self, graph: GraphSource, wipe: bool = False, batch_size: int = 2000,
             progress: Optional[Callable[[int, int, str], None]] = None, workers: int = 2,
             mode: Optional[str] = None) -> dict[str, Any]:
        """Load ``graph`` (a ``Graph``, or ``GraphFiles`` to stream a built graph from its files) idempotently and
        verify it. The rows are read as they are sent, a few batches at a time on ``workers`` threads (nodes, then
        relationships split by start node). ``mode``: "merge" or "create" (see ``neo4j_load``); by default
        "create" when the database holds none of graphbuild's nodes once wiped, "merge" otherwise.

        Returns ``{"nodes": {label: n}, "relationships": {type: n}, "database": {"nodes": …, "relationships": …},
        "mismatches": [text…], "ok": bool, "wiped": {label: n} | None, "mode": m, "batches": n, "retries": n,
        "transaction_seconds": {label or type: s},
        "warnings": [...], "seconds": s, "phases": {"wipe"|"schema"|"nodes"|"relationships"|"indexes"|"verify": s}}``.
        ``progress(done, total, what)``: rows written so far; ``total`` from the graph's report, 0 when it does not
        say.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if mode not in (None, "merge", "create"):
            raise ValueError(f"mode must be 'merge' or 'create', not {mode!r}")
        started = time.monotonic()
        self._connect()
        report: dict[str, Any] = {"nodes": {label: 0 for label in LABELS}, "relationships": {}, "wiped": None,
                                  "warnings": [], "phases": {}}

        def phase(name: str, since: float) -> float:
            now = time.monotonic()
            report["phases"][name] = round(now - since, 3)
            return now

        clock = started
        if wipe:
            report["wiped"] = self.wipe()              # its own batches: a delete is lighter per row
            clock = phase("wipe", clock)
        empty = not any(self.counts()["nodes"].values())
        mode = mode or ("create" if empty else "merge")
        report["mode"] = mode
        if empty:                                           # its indexes are empty: build them once, after the data
            with self._guard("dropping empty indexes"), self._session() as session:
                self._drop_indexes(session)
        self._schema(schema.neo4j_constraints())            # before any write: MERGE and MATCH go through them
        clock = phase("schema", clock)
        total = _expected_total(graph.report)

        def tick(done: int, what: str) -> None:
            if progress:
                progress(done, total, what)

        writers = load.Writers(self._session, workers, tick, guard=lambda: self._guard("loading the graph"))
        try:
            by_level = (((label, schema.level_label(label, row)), row) for label, row in rows.iter_node_rows(graph))
            for i, ((label, level), _, batch) in enumerate(rows.batched(by_level, batch_size)):
                report["nodes"][label] += len(batch)
                writers.send(i, label, load.node_statement(label, mode, level),
                             [load.node_values(label, row, report["warnings"]) for row in batch])
            writers.wait()                                   # every node is in before a relationship looks it up
            clock = phase("nodes", clock)
            for (rel, a, b), part, batch in rows.batched(rows.unique_relationship_rows(graph), batch_size,
                                                         load.start_part(workers)):
                report["relationships"][rel] = report["relationships"].get(rel, 0) + len(batch)
                writers.send(part, rel, load.relationship_statement(rel, a, b, mode),
                             sorted((load.relationship_values(rel, row) for row in batch), key=lambda v: v[1]))
            writers.wait()
            clock = phase("relationships", clock)
        finally:
            writers.close()
        report.update(written=writers.written, batches=writers.batches, retries=writers.retries,
                      transaction_seconds={k: round(v, 3) for k, v in writers.seconds.items()})
        self._schema(schema.neo4j_indexes())
        with self._guard("waiting for the indexes"), self._session() as session:
            try:
                session.run("CALL db.awaitIndexes($seconds)", {"seconds": 300}).consume()
            except Exception as e:  # noqa: BLE001 - the data is in; a slow index is worth a warning, not a failure
                report["warnings"].append(f"indexes still populating: {self._scrub(e)}")
        clock = phase("indexes", clock)
        report["database"] = db = self.counts()
        report["mismatches"] = _mismatches(report["nodes"], report["relationships"], db)
        report["ok"] = not report["mismatches"]
        phase("verify", clock)
        report["seconds"] = round(time.monotonic() - started, 3)
        return report

    def _schema(self, statements: list[str]) -> None:
        with self._guard("creating the constraints and indexes"), self._session() as session:
            for stmt in statements:
                session.execute_write(lambda tx, statement=stmt: tx.run(statement).consume())

    def _drop_indexes(self, session: Any) -> None:
        """Drop graphbuild's range and fulltext indexes (not the constraints): before a wipe, so that deleting a node
        updates no index, and before a load into a database without graphbuild's nodes, where they are empty. A
        load creates them again once its data is in."""
        for name in schema.neo4j_index_names():
            session.run(f"DROP INDEX {name} IF EXISTS").consume()

    def wipe(self, batch_size: int = 10000, concurrency: int = 2) -> dict[str, int]:
        """Delete graphbuild's nodes (Document, Organization, Locality, Person) and their relationships, in batches of
        ``batch_size`` rows per transaction; nothing else in the database is touched. Returns the nodes removed per
        label. graphbuild's own indexes go first (see ``_drop_indexes``), then the relationships, one type at a
        time (a batch of nodes with all their relationships would be as large as the nodes' degrees), then the
        nodes, without relationships by then, ``concurrency`` transactions at once (they share nothing; Neo4j 5.21+
        takes ``IN n CONCURRENT TRANSACTIONS``). At 100,000 documents this took 35 s against 89 s for the same
        statements with the indexes in place and one transaction at a time."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        before = self.counts()
        scope = self._scope()
        concurrent = concurrency if _server_version(self._agent or "") >= (5, 21) else 1
        with self._guard("wiping graphbuild's nodes"), self._session() as session:
            # CALL … IN TRANSACTIONS commits its own transactions: only an auto-commit session.run may send it
            # (execute_query / execute_write would wrap it in a transaction and fail).
            self._drop_indexes(session)
            for rel, start in load.relationship_starts():
                if before["relationships"].get(rel):
                    session.run(load.wipe_relationships_statement(rel, start, scope), {"batch": batch_size}).consume()
            for label in LABELS:
                if before["nodes"][label]:
                    session.run(load.wipe_nodes_statement(label, scope, concurrent),
                                {"batch": batch_size}).consume()
        return before["nodes"]

    # -- lifetime --------------------------------------------------------------------------------------------------

    def close(self) -> None:
        drv, self._driver = getattr(self, "_driver", None), None
        if drv is not None:
            drv.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Neo4jStore(uri={self._safe_uri()!r}, user={self.user!r}, database={self.database!r})"

    __str__ = __repr__


def _expected_total(report: Any) -> int:
    """Rows a load will send, as the graph's report counts them (documents, entities, citations, links); 0 when it
    does not say."""
    try:
        return int(report["documents"]) + sum(report["entities"].values()) + int(report["edges"]) + \
            int(report["links"])
    except (KeyError, TypeError, ValueError, AttributeError):
        return 0


def _mismatches(nodes: dict[str, int], relationships: dict[str, int], db: dict[str, dict[str, int]]) -> list[str]:
    """What differs between the rows sent and what the database counts, each with what to do about it."""
    out = []
    for kind, expected_counts in (("nodes", nodes), ("relationships", relationships)):
        for name in dict.fromkeys([*expected_counts, *db[kind]]):
            expected, found = expected_counts.get(name, 0), db[kind].get(name, 0)
            if found != expected:
                out.append(f"{name}: {expected} in the graph, {found} in Neo4j" +
                           (" (older data: load with --wipe to replace it)" if found > expected else ""))
    return out
