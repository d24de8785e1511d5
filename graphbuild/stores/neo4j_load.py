"""How the Neo4j loader writes: the Cypher it sends, the rows it sends with it, and the workers that send them.

Every batch is one ``UNWIND $rows AS r …`` statement per label or relationship group, in a managed transaction of
its own (``session.execute_write``: transient errors such as a deadlock or a leader switch are retried by the
driver). A row is a list in the schema's property order, not a map: the driver packs no property names, and the
statement names each property once (``SET n.symbol = r[1], …``). Labels, types and property names come from
``schema`` through ``identifier``; every value is a parameter.

Two modes:
- ``merge`` (the default, idempotent): ``MERGE`` on the unique key, then ``SET`` every property, so a second load
  changes nothing and a load after an interruption finishes the job;
- ``create``: ``CREATE`` only, taken when the database held none of graphbuild's nodes at the start of the load (an
  empty database, or one just wiped): no lookup before each write. The rows are unique (``rows`` drops repeated
  relationships; node ids are unique in a graph), so the result is the one ``merge`` gives.

``Writers`` runs the batches on a few threads, each with its own session. Nodes of one label never conflict (one
id, one batch). Relationship batches are split by start node (``part``): two workers never write relationships of
the same start node at once. They can still meet on an end node (many documents implement one central document);
Neo4j then serialises them on its locks. The rows of a batch go in the order of their end node, so that two batches
take the locks of the end nodes they share in the same order (fewer deadlocks); a deadlock, should one happen, is
retried and counted (``retries``). The driver retries only an error it is given as such: one that reached the result
before it was read comes wrapped in ResultFailedError (a race between the RUN and PULL replies, seen in CI with 4
workers), so ``_write`` hands the driver the error inside.
"""
from __future__ import annotations

import queue
import threading
import time
import zlib
from contextlib import nullcontext
from typing import Any, Callable, Optional

from ..dates import to_date
from . import schema
from .base import Row
from .schema import identifier

Progress = Callable[[int, str], None]


# --- the Cypher sent ------------------------------------------------------------------------------------------------

def node_statement(label: str, mode: str = "merge", level: Optional[str] = None) -> str:
    """One batch of ``label`` nodes of one level label (``schema.LEVEL_LABELS``, None for none); each row is
    ``node_values(label, …)``. In merge mode the node keeps that level label only."""
    props = schema.NODES[label]
    key = identifier(props[0][0])
    labels = identifier(label) + (f":{identifier(level)}" if level else "")
    if mode == "create":
        body = ", ".join(f"{identifier(p)}: r[{i}]" for i, (p, _) in enumerate(props))
        return f"UNWIND $rows AS r CREATE (n:{labels} {{{body}}}) RETURN count(*) AS written"
    sets = ", ".join(f"n.{identifier(p)} = r[{i}]" for i, (p, _) in enumerate(props) if i)
    if level:
        sets += f", n:{identifier(level)}"
    others = [identifier(x) for x in schema.LEVEL_LABELS.values() if x != level]
    remove = f" REMOVE n:{':'.join(others)}" if any(p == "level" for p, _ in props) else ""
    return (f"UNWIND $rows AS r MERGE (n:{identifier(label)} {{{key}: r[0]}}) SET {sets}{remove} "
            f"RETURN count(*) AS written")


def relationship_statement(rel: str, start: str, end: str, mode: str = "merge") -> str:
    """One batch of ``rel`` relationships from ``start`` to ``end`` nodes (both found by their key with a labelled
    MATCH, so through the uniqueness constraint's index); each row is ``relationship_values(rel, …)``."""
    props = schema.relationship_props(rel)
    head = (f"UNWIND $rows AS r MATCH (a:{identifier(start)} {{id: r[0]}}) "
            f"MATCH (b:{identifier(end)} {{id: r[1]}}) ")
    if mode == "create":
        body = ", ".join(f"{identifier(p)}: r[{i + 2}]" for i, (p, _) in enumerate(props))
        return head + f"CREATE (a)-[x:{identifier(rel)}{' {' + body + '}' if body else ''}]->(b) " \
                      f"RETURN count(*) AS written"
    sets = ", ".join(f"x.{identifier(p)} = r[{i + 2}]" for i, (p, _) in enumerate(props))
    return head + f"MERGE (a)-[x:{identifier(rel)}]->(b) {'SET ' + sets + ' ' if sets else ''}RETURN count(*) AS written"


def wipe_relationships_statement(rel: str, start: str, scope_clause: bool) -> str:
    """Batched delete of one relationship type from one of graphbuild's labels, for an auto-commit transaction.

    ``CALL (r) { … }`` (variable scope clause) exists from Neo4j 5.23 and is the only form in Cypher 25; the
    importing-WITH form ``CALL { WITH r … }`` works on every 5.x (deprecated from 5.23, still accepted by Cypher 5).
    """
    body = "CALL (r) { DELETE r }" if scope_clause else "CALL { WITH r DELETE r }"
    return f"MATCH (:{identifier(start)})-[r:{identifier(rel)}]->() {body} IN TRANSACTIONS OF $batch ROWS"


def wipe_nodes_statement(label: str, scope_clause: bool, concurrency: int = 1) -> str:
    """Batched delete of one label's nodes (and any relationship left on them), for an auto-commit transaction;
    ``concurrency`` > 1: that many transactions at once (Neo4j 5.21+)."""
    body = "CALL (n) { DETACH DELETE n }" if scope_clause else "CALL { WITH n DETACH DELETE n }"
    at_once = f"{int(concurrency)} CONCURRENT " if concurrency > 1 else ""
    return f"MATCH (n:{identifier(label)}) {body} IN {at_once}TRANSACTIONS OF $batch ROWS"


def counts_statement() -> tuple[str, list[tuple[str, str]]]:
    """One statement that counts nodes per label and relationships per (type, start label), and what each of its
    columns c0, c1, … counts: ("nodes", label) or ("relationships", type). Each count is a subquery of its own
    over one label, or one label and one type, so Neo4j answers it from its count store without reading the graph
    (a UNION, or a projection next to the count, would make it scan)."""
    columns = [("nodes", label) for label in schema.NODES] + \
        [("relationships", rel) for rel, _ in relationship_starts()]
    parts = [f"CALL {{ MATCH (n:{identifier(label)}) RETURN count(n) AS c{i} }}"
             for i, label in enumerate(schema.NODES)]
    parts += [f"CALL {{ MATCH (:{identifier(start)})-[r:{identifier(rel)}]->() RETURN count(r) AS c{i} }}"
              for i, (rel, start) in enumerate(relationship_starts(), start=len(parts))]
    return " ".join(parts) + " RETURN " + ", ".join(f"c{i}" for i in range(len(columns))), columns


def relationship_starts() -> list[tuple[str, str]]:
    """(type, start label) for every relationship graphbuild stores: what the counts and the wipe go through."""
    out: list[tuple[str, str]] = [(rel, "Document") for rel in schema.CITATIONS]
    for rel, (pairs, _) in schema.LINKS.items():
        out += [(rel, start) for start in dict.fromkeys(a for a, _ in pairs)]
    return out


# --- the rows sent --------------------------------------------------------------------------------------------------

def node_values(label: str, row: Row, warnings: list[str]) -> list[Any]:
    """A node row as sent: the schema's properties in order, DATE properties as ``datetime.date`` (a date that is
    not ISO is sent as null, with a warning), an empty list as null."""
    out = []
    for p, kind in schema.NODES[label]:
        value = row.get(p)
        if kind.endswith("[]") and not value:
            value = None                    # no empty lists: neo4j-admin cannot store one (see neo4j_admin)
        elif kind == "DATE" and value is not None:
            try:
                value = to_date(value)
            except ValueError as e:
                warnings.append(f"{label} {row.get('id')}: bad {p} {value!r} ({e}); stored without it")
                value = None
        out.append(value)
    return out


def relationship_values(rel: str, row: Row) -> list[Any]:
    """A relationship row as sent: source, target, then the type's properties in the schema's order (an empty
    list as null)."""
    return [row["source"], row["target"]] + [None if kind.endswith("[]") and not row.get(p) else row.get(p)
                                             for p, kind in schema.relationship_props(rel)]


def start_part(workers: int) -> Callable[[Row], int]:
    """row -> the worker its start node belongs to (the same for every row of that node, in every run)."""
    return lambda row: zlib.crc32(row["source"].encode("utf-8")) % workers


# --- the workers ----------------------------------------------------------------------------------------------------

class Writers:
    """``workers`` threads, each with its own session from ``open_session``, running the batches ``send`` gives
    them in the order given. ``send(part, what, statement, rows)`` blocks while that worker has two batches
    waiting (so memory holds a few batches, not the graph); ``wait()`` returns when every batch sent so far is
    written. The first error stops the work: the next ``send`` or ``wait`` raises it. ``guard`` wraps each worker's
    work (it turns driver errors into the store's errors)."""

    def __init__(self, open_session: Callable[[], Any], workers: int, progress: Optional[Progress] = None,
                 guard: Optional[Callable[[], Any]] = None):
        self.written: dict[str, int] = {}
        self.seconds: dict[str, float] = {}       # per label or type: time in its transactions, all workers added
        self.batches = self.retries = self.done = 0
        self._progress = progress
        self._lock = threading.Lock()
        self._error: Optional[BaseException] = None
        self._queues: list[queue.Queue[Optional[tuple[str, str, list[Any]]]]] = [
            queue.Queue(maxsize=2) for _ in range(max(1, workers))]
        self._threads = [threading.Thread(target=self._work, args=(q, open_session, guard), daemon=True,
                                          name=f"graphbuild-neo4j-{i}") for i, q in enumerate(self._queues)]
        for thread in self._threads:
            thread.start()

    def _work(self, q: queue.Queue[Optional[tuple[str, str, list[Any]]]], open_session: Callable[[], Any],
              guard: Optional[Callable[[], Any]]) -> None:
        try:
            with (guard() if guard else nullcontext()), open_session() as session:
                while True:
                    item = q.get()
                    try:
                        if item is None:
                            return
                        if self._error is None:
                            self._write(session, *item)
                    finally:
                        q.task_done()
        except BaseException as e:  # noqa: BLE001 - handed to the thread that sends, which raises it
            with self._lock:
                self._error = self._error or e
            while True:                      # keep taking batches so that no sender blocks on a full queue
                item = q.get()
                q.task_done()
                if item is None:
                    return

    def _write(self, session: Any, what: str, statement: str, rows: list[Any]) -> None:
        from neo4j.exceptions import Neo4jError, ResultFailedError
        attempts = 0

        def work(tx: Any) -> int:
            nonlocal attempts
            attempts += 1
            try:
                record = tx.run(statement, {"rows": rows}).single()
            except ResultFailedError as e:
                cause = e.__cause__
                if isinstance(cause, Neo4jError) and cause.is_retryable():
                    raise cause from None
                raise
            return int(record["written"]) if record is not None else 0
        started = time.monotonic()
        written = session.execute_write(work)
        with self._lock:
            self.seconds[what] = self.seconds.get(what, 0.0) + time.monotonic() - started
            self.written[what] = self.written.get(what, 0) + written
            self.batches += 1
            self.retries += attempts - 1
            self.done += len(rows)
            if self._progress:
                self._progress(self.done, what)

    def _raise(self) -> None:
        if self._error is not None:
            raise self._error

    def send(self, part: int, what: str, statement: str, rows: list[Any]) -> None:
        self._raise()
        self._queues[part % len(self._queues)].put((what, statement, rows))

    def wait(self) -> None:
        for q in self._queues:
            q.join()
        self._raise()

    def close(self) -> None:
        """Stop the threads once their batches are done (also after an error)."""
        for q in self._queues:
            q.put(None)
        for thread in self._threads:
            thread.join()

