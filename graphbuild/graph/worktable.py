"""The tables resolution works on, on disk: SQLite from the standard library, so that memory stays bounded whatever
the corpus size (a million inputs hold about five million mentions and a million and a half citing statements).

Every step of resolution is a group-by or a join on a key; here each is one ordered read of a table, streamed:
- ``MentionTable`` (provisional id -> its mentions, in the order they were read): what each input says about each
  document, read back by id, the ids grouped by a key of theirs, or the mentions grouped by resolved id;
- statements (one citing sentence each) in the order they were read;
- ``said``: each statement with its ends resolved, read back grouped by (source, target);
- ``node``: the resolved documents, read back sorted by id;
- ``link``: the links to entities, read back sorted by (relation, source, target);
- ``entity``: the entities by id, each the first added (an organisation replaced as its documents name it better),
  read back sorted by id.

Rows are ``marshal``led tuples and dicts (the fastest round trip of plain values the standard library has; the
file is private to one run and deleted after it). SQLite sorts by ``BINARY`` collation, the bytes of UTF-8, which is
the order of code points: the order Python's ``sorted`` gives to the same strings. The sorts spill to SQLite's
temporary files (in ``SQLITE_TMPDIR`` or ``TMPDIR``, else ``/var/tmp``) once they outgrow ``CACHE_KIB``.
"""
from __future__ import annotations

import marshal
import sqlite3
from array import array
from collections.abc import Mapping
from itertools import groupby
from pathlib import Path
from typing import Any, Callable, Generator, Iterable, Iterator, Optional

from .model import DocumentRecord, Mention, Statement
from .spool import Spool

_SCHEMA = """
CREATE TABLE mention (seq INTEGER PRIMARY KEY, key INTEGER NOT NULL, file TEXT NOT NULL, subject INTEGER NOT NULL,
                      record BLOB NOT NULL);
CREATE TABLE ident (key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, subject INTEGER NOT NULL, resolved TEXT);
CREATE TABLE id_group (grouping INTEGER NOT NULL, grp TEXT NOT NULL, key INTEGER NOT NULL);
CREATE TABLE party_term (seq INTEGER PRIMARY KEY, term_key TEXT NOT NULL, id TEXT NOT NULL, symbol TEXT,
                         dates BLOB NOT NULL);
CREATE TABLE statement (seq INTEGER PRIMARY KEY, row BLOB NOT NULL);
CREATE TABLE said (seq INTEGER PRIMARY KEY, source TEXT NOT NULL, target TEXT NOT NULL, evidence BLOB NOT NULL);
CREATE TABLE node (id TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE link (seq INTEGER PRIMARY KEY, relation TEXT NOT NULL, source TEXT NOT NULL, target TEXT NOT NULL,
                   data BLOB NOT NULL);
CREATE TABLE entity (id TEXT PRIMARY KEY, label TEXT NOT NULL, data BLOB NOT NULL) WITHOUT ROWID;
"""
_BATCH = 5000
CACHE_KIB = 65536           # SQLite's page cache (and its sorter's memory before it spills to temporary files)
ID_CACHE = 65536            # provisional ids whose keys ``MentionTable`` keeps in memory (the recently added)


class WorkTables:
    """The SQLite file of one resolution (``path``; ``None``: in memory, for a handful of records)."""

    def __init__(self, path: Optional[Path] = None):
        self.path = path
        if path is not None:
            path.unlink(missing_ok=True)         # left by a resolution that did not end: never read again
        self.db = sqlite3.connect(str(path) if path else ":memory:", isolation_level=None)
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", f"cache_size = -{CACHE_KIB}",
                       "locking_mode = EXCLUSIVE"):
            self.db.execute(f"PRAGMA {pragma}")
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self.mentions = MentionTable(self)
        self._pending: dict[str, list[tuple[Any, ...]]] = {}
        self._statements = self._said = self._links = self._party_terms = 0

    # --- writing, in batches ------------------------------------------------------------------------------------

    _INSERT = {"mention": "INSERT INTO mention VALUES (?, ?, ?, ?, ?)", "statement": "INSERT INTO statement VALUES (?, ?)",
               "ident": "INSERT INTO ident (key, id, subject) VALUES (?, ?, ?)",
               "id_group": "INSERT INTO id_group VALUES (?, ?, ?)",
               "party_term": "INSERT INTO party_term VALUES (?, ?, ?, ?, ?)",
               "said": "INSERT INTO said VALUES (?, ?, ?, ?)", "node": "INSERT INTO node VALUES (?, ?)",
               "link": "INSERT INTO link VALUES (?, ?, ?, ?, ?)",
               "entity": "INSERT OR IGNORE INTO entity VALUES (?, ?, ?)"}

    def _add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self._pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= _BATCH:
            self._flush(table)

    def _flush(self, table: Optional[str] = None) -> None:
        for name in [table] if table else list(self._pending):
            rows = self._pending.pop(name, [])
            if rows:
                self.db.executemany(self._INSERT[name], rows)

    def add_statement(self, statement: Statement) -> None:
        self._statements += 1
        self._add("statement", (self._statements, marshal.dumps(tuple(statement))))

    def statements(self) -> Iterator[Statement]:
        """Every statement, in the order it was read."""
        self._flush("statement")
        for (row,) in self.db.execute("SELECT row FROM statement ORDER BY seq"):
            yield Statement(*marshal.loads(row))

    def add_said(self, source: str, target: str, evidence: Any) -> None:
        self._said += 1
        self._add("said", (self._said, source, target, marshal.dumps(evidence)))

    def said_by_pair(self) -> Iterator[tuple[tuple[str, str], list[Any]]]:
        """((source, target), its evidence in the order it was said), pairs sorted."""
        self._flush("said")
        rows = self.db.execute("SELECT source, target, evidence FROM said ORDER BY source, target, seq")
        for pair, group in groupby(rows, key=lambda r: (r[0], r[1])):
            yield pair, [marshal.loads(r[2]) for r in group]

    def cited_counts(self) -> Generator[tuple[str, int], None, None]:
        """(target, the number of documents citing it: its distinct sources), targets sorted: what a Counter of
        the edges' targets would hold, without holding it (one edge is made per pair said)."""
        self._flush("said")
        yield from self.db.execute("SELECT target, count(*) FROM (SELECT DISTINCT source, target FROM said) "
                                   "GROUP BY target ORDER BY target")

    def add_party_term(self, term_key: str, doc_id: str, symbol: Optional[str], dates: list[str]) -> None:
        self._party_terms += 1
        self._add("party_term", (self._party_terms, term_key, doc_id, symbol, marshal.dumps(dates)))

    def party_terms_shared(self) -> Iterator[dict[str, tuple[Optional[str], set[str]]]]:
        """For each term key that more than one document has, in the order the keys were first added: id -> (its
        symbol, its dates)."""
        self._flush("party_term")
        self.db.execute("CREATE INDEX IF NOT EXISTS party_term_by_key ON party_term (term_key, seq)")
        rows = self.db.execute("SELECT p.term_key, p.id, p.symbol, p.dates FROM party_term p JOIN "
                               "(SELECT term_key, min(seq) AS first FROM party_term GROUP BY term_key "
                               "HAVING count(*) > 1) k ON k.term_key = p.term_key ORDER BY k.first, p.seq")
        for _, group in groupby(rows, key=lambda r: r[0]):
            yield {doc_id: (symbol, set(marshal.loads(dates))) for _, doc_id, symbol, dates in group}

    def add_node(self, node: Any) -> None:
        self._add("node", (node["id"], marshal.dumps(node)))

    def nodes(self) -> Iterator[Any]:
        """The nodes sorted by id."""
        self._flush("node")
        for (data,) in self.db.execute("SELECT data FROM node ORDER BY id"):
            yield marshal.loads(data)

    def add_link(self, link: Any) -> None:
        self._links += 1
        self._add("link", (self._links, link["relation"], link["source"], link["target"], marshal.dumps(link)))

    def links(self) -> Iterator[Any]:
        """The links sorted by (relation, source, target), each key once: the first added."""
        self._flush("link")
        rows = self.db.execute("SELECT relation, source, target, data FROM link ORDER BY relation, source, target, seq")
        for _, group in groupby(rows, key=lambda r: r[:3]):
            yield marshal.loads(next(group)[3])

    def add_entity(self, entity: Any) -> None:
        """An entity, unless one of its id is there already (the first added stays)."""
        self._add("entity", (entity["id"], entity["label"], marshal.dumps(entity)))

    def put_entities(self, entities: Iterable[Any]) -> None:
        """Entities written over any of the same id."""
        self._flush("entity")
        self.db.executemany("INSERT OR REPLACE INTO entity VALUES (?, ?, ?)",
                            ((e["id"], e["label"], marshal.dumps(e)) for e in entities))

    def entity(self, entity_id: str) -> Optional[Any]:
        self._flush("entity")
        row = self.db.execute("SELECT data FROM entity WHERE id = ?", (entity_id,)).fetchone()
        return marshal.loads(row[0]) if row else None

    def entities(self) -> Iterator[Any]:
        """The entities sorted by id."""
        self._flush("entity")
        for (data,) in self.db.execute("SELECT data FROM entity ORDER BY id"):
            yield marshal.loads(data)

    def entity_labels(self) -> dict[str, int]:
        """The number of entities of each label, labels sorted."""
        self._flush("entity")
        return dict(self.db.execute("SELECT label, count(*) FROM entity GROUP BY label ORDER BY label").fetchall())

    def spool(self) -> "Spool[Any]":
        """A list on disk: next to the work file (the system's temporary folder for tables in memory)."""
        return Spool(self.path.parent if self.path is not None else None)

    def close(self) -> None:
        self.db.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)


class MentionTable:
    """Provisional id -> its mentions in the order they were read. The ids are on disk too (table ``ident``: key in
    first-seen order, id, whether any input is the document itself); the keys of the last ``ID_CACHE`` ids added
    stay in memory."""

    def __init__(self, tables: WorkTables):
        self._tables = tables
        self._db = tables.db
        self._recent: dict[str, int] = {}        # id -> key, of ids added lately (those not yet written among them)
        self._late_subjects = array("q")        # keys of ids whose own text came after their first mention
        self._count = 0
        self._seq = 0
        self._indexed = False
        self._groupings: list[Callable[[str], Optional[str]]] = []      # those whose groups are in ``id_group``

    @classmethod
    def of(cls, records: Mapping[str, Iterable[Mention]]) -> "MentionTable":
        """A table in memory holding ``records`` (id -> mentions): the passes' tests build theirs this way."""
        table = WorkTables().mentions
        for doc_id, mentions in records.items():
            for mention in mentions:
                table.add(doc_id, mention)
        return table

    @property
    def tables(self) -> WorkTables:
        """The work tables this table is one of."""
        return self._tables

    def _key(self, doc_id: str) -> Optional[int]:
        key = self._recent.get(doc_id)
        if key is None:
            row = self._db.execute("SELECT key FROM ident WHERE id = ?", (doc_id,)).fetchone()
            key = row[0] if row else None
            if key is not None and len(self._recent) < ID_CACHE:
                self._recent[doc_id] = key      # a much-cited id is looked up on disk once (it is written already)
        return key

    def add(self, doc_id: str, mention: Mention) -> None:
        key = self._key(doc_id)
        if key is None:
            if len(self._recent) >= ID_CACHE:
                self._tables._flush("ident")        # the ids forgotten here must be found on disk
                self._recent.clear()
            key = self._recent[doc_id] = self._count
            self._count += 1
            self._tables._add("ident", (key, doc_id, int(mention.is_subject)))
        elif mention.is_subject:
            self._late_subjects.append(key)     # set on disk with the others before the flag is next read (_sync)
        self._seq += 1
        self._tables._add("mention", (self._seq, key, mention.file, int(mention.is_subject),
                                      marshal.dumps(mention.record)))

    def _sync(self) -> None:
        """The ids on disk, with the flag of every id whose own text was read."""
        self._tables._flush("ident")
        if self._late_subjects:
            self._db.executemany("UPDATE ident SET subject = 1 WHERE key = ?", ((k,) for k in self._late_subjects))
            self._late_subjects = array("q")

    def _ready(self) -> None:
        self._sync()
        self._tables._flush("mention")
        if not self._indexed:
            self._db.execute("CREATE INDEX mention_by_key ON mention (key, seq)")
            self._indexed = True

    def __getitem__(self, doc_id: str) -> list[Mention]:
        self._ready()
        key = self._key(doc_id)
        if key is None:
            raise KeyError(doc_id)
        rows = self._db.execute("SELECT file, subject, record FROM mention WHERE key = ? ORDER BY seq", (key,))
        return [Mention(marshal.loads(record), file, bool(subject)) for file, subject, record in rows]

    def subject_records(self) -> Iterator[tuple[str, DocumentRecord]]:
        """(id, record) of every mention that is the document's own text, in no particular order."""
        self._ready()
        rows = self._db.execute("SELECT i.id, m.record FROM mention m JOIN ident i ON i.key = m.key WHERE m.subject = 1")
        for doc_id, record in rows:
            yield doc_id, marshal.loads(record)

    def first_records(self) -> Iterator[tuple[str, DocumentRecord]]:
        """(id, the record of its first mention) in first-seen order."""
        self._ready()
        rows = self._db.execute("SELECT i.id, m.record FROM mention m JOIN ident i ON i.key = m.key WHERE m.seq IN "
                                "(SELECT min(seq) FROM mention GROUP BY key) ORDER BY m.key")
        for doc_id, record in rows:
            yield doc_id, marshal.loads(record)

    def group_ids(self, *groupings: Callable[[str], Optional[str]]) -> None:
        """One read of the ids names each id's group under every one of ``groupings`` (None: in no group), for
        ``grouped_ids`` to read back one grouping at a time."""
        self._ready()
        db = self._db
        db.execute("DELETE FROM id_group")
        self._groupings = list(groupings)
        for key, doc_id in db.cursor().execute("SELECT key, id FROM ident ORDER BY key"):
            for n, group in enumerate(groupings):
                name = group(doc_id)
                if name is not None:
                    self._tables._add("id_group", (n, name, key))
        self._tables._flush("id_group")

    def grouped_ids(self, group: Callable[[str], Optional[str]]) -> Iterator[list[tuple[str, bool, int]]]:
        """The ids that ``group`` names a group, one group at a time (groups sorted by name), each as [(id, whether an
        input is the document itself, its first-seen rank)] in first-seen order: a pass that compares the ids of
        one key (an undated citation and the dated documents of its symbol) holds one group, not every id. The
        groups are those ``group_ids`` named, when ``group`` was one of its groupings; else the ids are read now."""
        if group not in self._groupings:
            self.group_ids(group)
        rows = self._db.execute("SELECT g.grp, i.id, i.subject, i.key FROM id_group g JOIN ident i ON i.key = g.key "
                                "WHERE g.grouping = ? ORDER BY g.grp, g.key", (self._groupings.index(group),))
        for _, members in groupby(rows, key=lambda r: r[0]):
            yield [(doc_id, bool(subject), key) for _, doc_id, subject, key in members]

    def grouped(self, rename: Mapping[str, str]) -> Iterator[tuple[str, Iterator[tuple[tuple[int, int], Mention]]]]:
        """(resolved id, the mentions of the ids that resolve to it) sorted by resolved id; within a group the
        mentions come as ``resolve.make_node`` reads them: the document's own texts first, then by file, then in the
        order read (first-seen order of the ids, each id's in the order its mentions were read), each with that
        order as (id's rank, mention's). A group's mentions are streamed: read them before the next group."""
        self._ready()
        db = self._db
        db.execute("UPDATE ident SET resolved = id")
        db.executemany("UPDATE ident SET resolved = ? WHERE id = ?", ((to, doc_id) for doc_id, to in rename.items()))
        rows = db.execute("SELECT i.resolved, m.key, m.seq, m.file, m.subject, m.record FROM mention m "
                          "JOIN ident i ON i.key = m.key ORDER BY i.resolved, m.subject DESC, m.file, m.key, m.seq")
        for resolved, group in groupby(rows, key=lambda r: r[0]):
            yield resolved, (((r[1], r[2]), Mention(marshal.loads(r[5]), r[3], bool(r[4]))) for r in group)
