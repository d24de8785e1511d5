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

from . import rows, schema
from .base import Row, StoreError
from .schema import identifier

if TYPE_CHECKING:
    from ..graph.model import GraphSource

SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
LABELS = list(schema.NODES)                     # graphbuild's own labels: the only ones wipe() touches
_T = TypeVar("_T")
# (type, from label, to label, [rows with source, target, props]), as ``rows.relationship_groups`` gives them.
Group = tuple[str, str, str, list[Row]]


class Neo4jStoreError(StoreError):
    """Neo4j unreachable, credentials refused, database missing, or a statement failed; the message says which."""


class Neo4jConfigError(Neo4jStoreError):
    """The connection settings are missing or malformed (NEO4J_URI not set, unsupported URI scheme)."""


def silence_notifications() -> None:
    """Keep server notifications out of the user's terminal even when the server ignores the filter (< 5.7)."""
    logging.getLogger("neo4j.notifications").setLevel(logging.CRITICAL + 1)


# --- the Cypher sent (pure functions, unit-tested) ----------------------------------------------------------------

def node_merge(label: str) -> str:
    return (f"UNWIND $rows AS r MERGE (n:{identifier(label)} {{id: r.id}}) SET n += r.props "
            f"RETURN count(n) AS written")


def relationship_merge(rel: str, start: str, end: str) -> str:
    return (f"UNWIND $rows AS r MATCH (a:{identifier(start)} {{id: r.source}}) "
            f"MATCH (b:{identifier(end)} {{id: r.target}}) "
            f"MERGE (a)-[x:{identifier(rel)}]->(b) SET x += r.props RETURN count(x) AS written")


def wipe_statement(label: str, scope_clause: bool) -> str:
    """Batched delete of one label, for an auto-commit transaction (``session.run``).

    ``CALL (n) { … }`` (variable scope clause) exists from Neo4j 5.23 and is the only form in Cypher 25; the
    importing-WITH form ``CALL { WITH n … }`` works on every 5.x (deprecated from 5.23, still accepted by Cypher 5).
    ``wipe`` picks the scope clause when the server says it is 5.23 or later, the importing WITH otherwise.
    """
    body = "CALL (n) { DETACH DELETE n }" if scope_clause else "CALL { WITH n DETACH DELETE n }"
    return f"MATCH (n:{identifier(label)}) {body} IN TRANSACTIONS OF $batch ROWS"


def count_nodes(label: str) -> str:
    return f"MATCH (n:{identifier(label)}) RETURN count(n) AS c"


def count_relationships(rel: str, start: str, end: str) -> str:
    return f"MATCH (:{identifier(start)})-[r:{identifier(rel)}]->(:{identifier(end)}) RETURN count(r) AS c"


def _server_version(agent: str) -> tuple[int, int]:
    match = re.search(r"(\d+)\.(\d+)", agent or "")
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _chunks(seq: list[_T], size: int) -> Iterator[list[_T]]:
    for i in range(0, len(seq), size):
        yield seq[i:i + size]


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

    def _count(self, cypher: str) -> int:
        got = self.run(cypher)
        return int(got[0]["c"]) if got else 0

    def counts(self) -> dict[str, dict[str, int]]:
        """Nodes per graphbuild label and relationships per graphbuild type, as the database has them now."""
        groups: list[tuple[str, str, str]] = [(rel, "Document", "Document") for rel in schema.CITATIONS]
        groups += [(rel, start, end) for rel, (pairs, _) in schema.LINKS.items() for start, end in pairs]
        out: dict[str, dict[str, int]] = {"nodes": {label: self._count(count_nodes(label)) for label in LABELS},
                                          "relationships": {}}
        for rel, start, end in groups:
            out["relationships"][rel] = out["relationships"].get(rel, 0) + \
                self._count(count_relationships(rel, start, end))
        return out

    # -- writing -------------------------------------------------------------------------------------------------------

    def _write(self, session: Any, cypher: str, params: dict[str, Any]) -> int:
        def work(tx: Any) -> int:
            record = tx.run(cypher, params).single()
            return int(record["written"]) if record is not None else 0
        return session.execute_write(work)

    def _schema(self, session: Any) -> None:
        for stmt in schema.neo4j_statements():
            session.execute_write(lambda tx, statement=stmt: tx.run(statement).consume())

    def load(self, graph: GraphSource, wipe: bool = False, batch_size: int = 10000,
             progress: Optional[Callable[[int, int, str], None]] = None) -> dict[str, Any]:
        """Load ``graph`` (a resolved ``Graph``, e.g. ``load_graph(dir)``) idempotently and verify it.

        Returns ``{"nodes": {label: n}, "relationships": {type: n}, "database": {"nodes": …, "relationships": …},
        "mismatches": [text…], "ok": bool, "wiped": {label: n} | None, "batches": n, "warnings": [...], "seconds": s}``.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        started = time.monotonic()
        self._connect()
        warnings: list[str] = []
        node_sets: dict[str, list[Row]] = {}
        for label, node_list in rows.node_rows(graph).items():
            batch_rows = []
            for row in node_list:
                try:
                    props = rows.node_props(label, row)
                except ValueError as e:
                    warnings.append(f"{label} {row['id']}: bad date {row.get('date')!r} ({e}); stored without it")
                    props = rows.node_props(label, {**row, "date": None})
                batch_rows.append({"id": row["id"], "props": props})
            node_sets[label] = batch_rows
        groups = list(rows.relationship_groups(graph))
        total = sum(len(v) for v in node_sets.values()) + sum(len(group[3]) for group in groups)
        report: dict[str, Any] = {"nodes": {k: len(v) for k, v in node_sets.items()}, "relationships": {},
                                  "wiped": None, "batches": 0, "warnings": warnings}
        for rel, _, _, group_rows in groups:
            report["relationships"][rel] = report["relationships"].get(rel, 0) + len(group_rows)

        self._attempt(lambda: self._load(node_sets, groups, wipe, batch_size, progress, total, report))

        db = self.counts()
        report["database"] = db
        mismatches = []
        for label, expected in report["nodes"].items():
            found = db["nodes"].get(label, 0)
            if found != expected:
                mismatches.append(f"{label}: {expected} in the graph, {found} in Neo4j" +
                                  (" (older data: load with --wipe to replace it)" if found > expected else ""))
        for rel in db["relationships"]:
            expected, found = report["relationships"].get(rel, 0), db["relationships"][rel]
            if found != expected:
                mismatches.append(f"{rel}: {expected} in the graph, {found} in Neo4j" +
                                  (" (older data: load with --wipe to replace it)" if found > expected else ""))
        report["mismatches"] = mismatches
        report["ok"] = not mismatches
        report["seconds"] = round(time.monotonic() - started, 3)
        return report

    def _load(self, node_sets: dict[str, list[Row]], groups: list[Group], wipe: bool, batch_size: int,
              progress: Optional[Callable[[int, int, str], None]], total: int, report: dict[str, Any]) -> None:
        if wipe:
            report["wiped"] = self.wipe(batch_size)
        report["batches"] = done = 0
        written: dict[str, int] = {}
        with self._guard("loading the graph"), self._session() as session:
            self._schema(session)                             # constraints before any MERGE
            steps = [(label, node_merge(label), batch_rows) for label, batch_rows in node_sets.items()] + \
                [(rel, relationship_merge(rel, a, b), group_rows) for rel, a, b, group_rows in groups]
            for what, statement, step_rows in steps:          # nodes first, then relationships between them
                for chunk in _chunks(step_rows, batch_size):
                    written[what] = written.get(what, 0) + self._write(session, statement, {"rows": chunk})
                    report["batches"] += 1
                    done += len(chunk)
                    if progress:
                        progress(done, total, what)
            try:
                session.run("CALL db.awaitIndexes($seconds)", {"seconds": 300}).consume()
            except Exception as e:  # noqa: BLE001 - the data is in; a slow index is worth a warning, not a failure
                report["warnings"].append(f"indexes still populating: {self._scrub(e)}")
        report["written"] = written

    def wipe(self, batch_size: int = 10000) -> dict[str, int]:
        """Delete graphbuild's nodes (Document, Organization, Locality, Person) and their relationships, in batches of
        ``batch_size`` rows per transaction; nothing else in the database is touched. Returns the counts removed."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        before = {label: self._count(count_nodes(label)) for label in LABELS}
        scope = self._scope()
        with self._guard("wiping graphbuild's nodes"), self._session() as session:
            for label in LABELS:
                if before[label]:
                    # CALL … IN TRANSACTIONS commits its own transactions: only an auto-commit session.run may
                    # send it (execute_query / execute_write would wrap it in a transaction and fail).
                    session.run(wipe_statement(label, scope), {"batch": int(batch_size)}).consume()
        return before

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
