"""A word index of the embedded store, so that a search does not scan every document: ``search.sqlite`` in the graph
folder, written at build time (``write_index``; ``graphbuild index`` writes it again), read by ``IndexedDocuments``.
On Neo4j, the same through its full-text index ``schema.WORDS_INDEX`` (``Neo4jIndexedDocuments``).

A search is a ``Condition`` with tests ``search_text CONTAINS " word"`` (a word start) or ``" 44 "`` (a whole
number), ``$key IN search_keys`` or ``num = $n``: the store answers it by reading every document, 0.5–1 s for the
words on a 100k-document graph. The index holds, for every document, the words of its ``search_text`` in an SQLite
FTS5 table (standard library, no server; ``"word"*`` is exactly "a word that starts with word", a number is a whole
word), its symbol keys, its number (``num``, for "Kết luận 44") and the relations it states (the search page's
facet) in tables of their own. It only names candidates: the store still checks the whole condition on them (looked
up by id, a few thousand at a time, in id order), so an index can make a search faster, never give a document that
does not meet it, and the answers are those of the scan (tests/query/test_word_index.py).

An index belongs to one store: it keeps the store's file sizes and times and its number of documents, and a store
that was written again, or a folder without an index (built before it existed), is searched by the scan, with one
warning that says how to write the index. A condition with an alternative the index cannot narrow goes to the store.
"""
from __future__ import annotations

import logging
import os
import re
import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any, Generator, Iterable, Optional, Union

from .plain import Row, plain
from .refs import Condition, StoreDocuments, Test

INDEX_NAME = "search.sqlite"
FORMAT = "3"                  # the tables' layout: an index of another layout is not read
STORE_FILES = ("graph.lbug", "graph.lbug.wal")     # what a store is: a change to either makes the index stale
_WORD = re.compile(r"[0-9a-z]+")
# The relations each document states (its citations out), as the store holds them.
RELATIONS_OUT = "MATCH (d:Document)-[r]->(:Document) RETURN d.id AS id, collect(DISTINCT r.relation) AS relations"

log = logging.getLogger("graphbuild.search")
_warned: set[str] = set()


def index_path(graph_dir: Union[str, Path]) -> Path:
    return Path(graph_dir) / INDEX_NAME


def _store_stamp(graph_dir: Path) -> str:
    """The sizes and modification times of the store's files ("-" for one that is not there)."""
    parts = []
    for name in STORE_FILES:
        try:
            st = (graph_dir / name).stat()
            parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        except FileNotFoundError:
            parts.append(f"{name}:-")
    return " ".join(parts)


def _count(run: Any) -> int:
    return int(run("MATCH (d:Document) RETURN count(d) AS n", {})[0]["n"])


# --- writing ---------------------------------------------------------------------------------------------------------

# Documents read from the store per query while the index is written: a million documents' words and keys as
# Python rows took several GB when read at once.
_PAGE = 50_000
_PAGE_QUERY = ("MATCH (d:Document) {where} RETURN d.id AS id, d.search_text AS text, d.search_keys AS keys, "
               "d.num AS num ORDER BY d.id LIMIT $n")
_FIRST_PAGE, _NEXT_PAGE = _PAGE_QUERY.format(where=""), _PAGE_QUERY.format(where="WHERE d.id > $after")
_PAGE_RELATIONS = ("MATCH (d:Document)-[r]->(:Document) WHERE d.id >= $first AND d.id <= $last "
                   "RETURN d.id AS id, collect(DISTINCT r.relation) AS relations")


def write_index(graph_dir: Union[str, Path]) -> Path:
    """Write ``graph_dir/search.sqlite`` from the embedded store in ``graph_dir`` (what it holds, not the graph's
    files: the index is the store's), replacing any older one only when complete; its path. The documents are read
    ``_PAGE`` at a time in id order, with the relations each states, and the store opened with the load's buffer
    pool, so that memory does not grow with the graph."""
    from ..stores.ladybug import BUFFER_POOL_BYTES, EmbeddedStore
    graph_dir = Path(graph_dir)
    target = index_path(graph_dir)
    fd, tmp = tempfile.mkstemp(prefix=".search-", suffix=".sqlite", dir=graph_dir)
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        with db, EmbeddedStore(graph_dir, buffer_pool_size=BUFFER_POOL_BYTES) as store:
            db.executescript(
                "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                # rowid = the document's place in id order, so that candidates come in the order the store sorts
                "CREATE TABLE docs(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, num INTEGER);"
                "CREATE TABLE keys(key TEXT NOT NULL, doc INTEGER NOT NULL);"
                # the relations a document states (its citations out): the search page's relation facet
                "CREATE TABLE relations(doc INTEGER NOT NULL, relation TEXT NOT NULL);"
                # no content and no positions: it answers which documents have a word (start), nothing else
                "CREATE VIRTUAL TABLE words USING fts5(text, content='', columnsize=0, detail='none', "
                "prefix='1 2 3', tokenize='unicode61 remove_diacritics 0');")
            placed = 0
            page = sorted(store.run(_FIRST_PAGE, {"n": _PAGE}), key=lambda r: r["id"])
            while page:
                place = {r["id"]: n for n, r in enumerate(page, placed + 1)}
                db.executemany("INSERT INTO docs(rowid, id, num) VALUES (?, ?, ?)",
                               ((place[r["id"]], r["id"], r["num"]) for r in page))
                db.executemany("INSERT INTO words(rowid, text) VALUES (?, ?)",
                               ((place[r["id"]], r["text"] or "") for r in page))
                db.executemany("INSERT INTO keys(key, doc) VALUES (?, ?)",
                               ((key, place[r["id"]]) for r in page for key in (r["keys"] or [])))
                relations = store.run(_PAGE_RELATIONS, {"first": page[0]["id"], "last": page[-1]["id"]})
                db.executemany("INSERT INTO relations(doc, relation) VALUES (?, ?)",
                               ((place[r["id"]], rel) for r in relations for rel in r["relations"]))
                placed += len(page)
                page = sorted(store.run(_NEXT_PAGE, {"after": page[-1]["id"], "n": _PAGE}), key=lambda r: r["id"])
            count = _count(store.run)
            db.execute("CREATE INDEX keys_key ON keys(key)")
            db.execute("CREATE INDEX relations_doc ON relations(doc)")
            db.execute("CREATE UNIQUE INDEX docs_id ON docs(id)")
            db.execute("CREATE INDEX docs_num ON docs(num)")
        stamp = _store_stamp(graph_dir)            # after the store was closed: what a reader will see
        with db:
            db.executemany("INSERT INTO meta VALUES (?, ?)",
                           [("format", FORMAT), ("store", stamp), ("documents", str(count))])
        db.close()
        os.chmod(tmp, 0o644)                   # mkstemp makes it private; the graph's other files are not
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def remove_index(graph_dir: Union[str, Path]) -> None:
    """Remove the index of a store about to be written again (a build that fails after that leaves no stale one)."""
    index_path(graph_dir).unlink(missing_ok=True)


# --- reading -----------------------------------------------------------------------------------------------------------

def _why_not_usable(path: Path, graph_dir: Path, run: Any) -> Optional[str]:
    """None when the index at ``path`` is the store's, else why not."""
    if not path.exists():
        return "it has no search index"
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
        finally:
            db.close()
    except sqlite3.Error as e:
        return f"its search index cannot be read ({e})"
    if meta.get("format") != FORMAT:
        return "its search index was written by another version"
    if meta.get("store") != _store_stamp(graph_dir) or meta.get("documents") != str(_count(run)):
        return "its search index is older than the store"
    return None


def documents_with_index(run: Any, graph_dir: Optional[Union[str, Path]]) -> StoreDocuments:
    """The store's documents, found through its word index when the store folder has one that is the store's,
    else by the scan (with a warning, once per folder, that says how to write the index)."""
    if graph_dir is None:
        return StoreDocuments(run)
    graph_dir = Path(graph_dir)
    path = index_path(graph_dir)
    why = _why_not_usable(path, graph_dir, run)
    if why is None:
        return IndexedDocuments(run, path)
    if str(graph_dir) not in _warned:
        _warned.add(str(graph_dir))
        log.warning("%s: %s, so a search reads every document (slow on a big graph); "
                    "'graphbuild index --graph %s' writes it", graph_dir, why, graph_dir)
    return StoreDocuments(run)


def indexed_documents(where: Any) -> StoreDocuments:
    """The documents of a store (``EmbeddedStore``, ``Neo4jStore``, or what holds one, as the web app's ``Explorer``:
    ``store``, ``engine``, ``graph_dir``), through its index when it has one."""
    store = getattr(where, "store", where)
    neo4j = sys.modules.get("graphbuild.stores.neo4j")      # loaded when a Neo4jStore exists
    if getattr(where, "engine", None) == "neo4j" or (neo4j is not None and isinstance(store, neo4j.Neo4jStore)):
        return neo4j_documents(where.run, store.describe() if hasattr(store, "describe") else "database")
    return documents_with_index(where.run, getattr(where, "graph_dir", None))


def _fts_term(test: Test, params: dict[str, Any]) -> Optional[str]:
    """The FTS5 term for a word test (``" word"``: a word start, ``" 44 "``: the whole word), None if not one."""
    value = params.get(test.param)
    if test.prop != "search_text" or test.operator != "contains" or not isinstance(value, str):
        return None
    word = value.strip(" ")
    if not value.startswith(" ") or not _WORD.fullmatch(word) or value.rstrip(" ") != " " + word:
        return None
    return f'"{word}"' if value.endswith(" ") else f'"{word}"*'


def _narrowing(tests: Iterable[Test], params: dict[str, Any]) -> Optional[tuple[str, list[Any]]]:
    """SQL giving the rowids of the documents that may meet all of ``tests`` (with its arguments), from the tests
    the index answers; None when there is none of them."""
    terms, parts, args = [], [], []
    for test in tests:
        term = _fts_term(test, params)
        if term:
            terms.append(term)
        elif test.prop == "search_keys" and test.operator == "listed in" and isinstance(params.get(test.param), str):
            parts.append("SELECT doc FROM keys WHERE key = ?")
            args.append(params[test.param])
        elif test.prop == "num" and test.operator == "equals" and type(params.get(test.param)) is int:
            parts.append("SELECT rowid FROM docs WHERE num = ?")
            args.append(params[test.param])
    if terms:
        parts.insert(0, "SELECT rowid FROM words WHERE words MATCH ?")
        args.insert(0, " AND ".join(terms))
    return (" INTERSECT ".join(parts), args) if parts else None


class IndexedDocuments(StoreDocuments):
    """A store's documents, with the candidates of word and symbol conditions named by its index."""

    FIRST_BATCH = 1000
    MAX_BATCH = 20_000

    def __init__(self, run: Any, path: Path):
        super().__init__(run)
        self.path = path

    def candidates(self, condition: Condition) -> Optional[Generator[list[str], None, None]]:
        """The ids of every document that may meet ``condition``, in id order, in batches (the first of
        ``FIRST_BATCH``, then larger); None when some alternative of it has no test the index answers (then only
        the store can)."""
        queries = [_narrowing(tests, condition.params) for tests in condition.alternatives]
        if not queries or any(q is None for q in queries):
            return None
        sql = " UNION ".join(f"SELECT * FROM ({q[0]})" for q in queries if q)
        args = [a for q in queries if q for a in q[1]]
        if len(queries) == 1 and "words MATCH" in sql and " INTERSECT " not in sql:
            # words alone: read in the order FTS5 gives (rowids, in order), not gathered first
            return self._batches(f"SELECT d.id FROM ({sql}) AS c JOIN docs AS d ON d.rowid = c.rowid "
                                 f"ORDER BY c.rowid", args)
        return self._batches(f"SELECT id FROM docs WHERE rowid IN ({sql}) ORDER BY rowid", args)

    def _batches(self, sql: str, args: list[Any]) -> Generator[list[str], None, None]:
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            cursor, size = db.execute(sql, args), self.FIRST_BATCH
            while batch := cursor.fetchmany(size):
                yield [doc_id for (doc_id,) in batch]
                size = min(size * 4, self.MAX_BATCH)
        finally:
            db.close()

    def relations_out(self, ids: list[str]) -> dict[str, list[str]]:
        """The relations each of ``ids`` states (its citations out), sorted; ids that state none are left out."""
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        try:
            out: dict[str, set[str]] = {}
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                for doc_id, relation in db.execute(
                        "SELECT d.id, r.relation FROM docs AS d JOIN relations AS r ON r.doc = d.rowid "
                        f"WHERE d.id IN ({', '.join('?' * len(part))})", part):
                    out.setdefault(doc_id, set()).add(relation)
        finally:
            db.close()
        return {doc_id: sorted(relations) for doc_id, relations in out.items()}

    def find(self, condition: Condition, limit: int) -> list[Row]:
        batches = self.candidates(condition)
        if batches is None:
            return super().find(condition, limit)
        found: list[Row] = []
        try:
            for ids in batches:
                # The store checks the whole condition on each batch: a candidate of the index is only a candidate.
                found += self.among(ids, condition, limit - len(found))
                if len(found) >= limit:
                    break
        finally:
            batches.close()
        return found


# --- Neo4j: its full-text index on search_text ---------------------------------------------------------------------

def _lucene_terms(tests: Iterable[Test], params: dict[str, Any]) -> Optional[str]:
    """The Lucene query of the word tests of one alternative (``ket*``, ``44``), None when it has none."""
    terms = [term.strip('"').replace('"*', "*") for term in (_fts_term(t, params) for t in tests) if term]
    return "(" + " AND ".join(terms) + ")" if terms else None


class Neo4jIndexedDocuments(StoreDocuments):
    """The documents of a Neo4j database, words found through its full-text index ``schema.WORDS_INDEX`` (created
    by ``graphbuild load``): Neo4j checks the whole condition on the nodes the index gives."""

    def find(self, condition: Condition, limit: int) -> list[Row]:
        from ..stores.schema import WORDS_INDEX
        from .refs import FOUND_FIELDS
        terms = [_lucene_terms(tests, condition.params) for tests in condition.alternatives]
        if not terms or any(t is None for t in terms):
            return super().find(condition, limit)
        hits = self.run(f"CALL db.index.fulltext.queryNodes('{WORDS_INDEX}', $lucene_query) YIELD node AS d "
                        f"WHERE {condition.cypher()} RETURN {FOUND_FIELDS} ORDER BY d.id LIMIT {int(limit)}",
                        {**condition.params, "lucene_query": " OR ".join(t for t in terms if t)})
        return [plain(h) for h in hits]


def neo4j_documents(run: Any, where: str) -> StoreDocuments:
    """A Neo4j database's documents, through ``schema.WORDS_INDEX`` when it is there, online, on ``search_text``
    with the whitespace analyzer; else by the scan, with a warning that says how to create it."""
    from ..stores.schema import WORDS_ANALYZER, WORDS_INDEX
    rows = run("SHOW FULLTEXT INDEXES YIELD name, state, properties, options WHERE name = $name "
               "RETURN state, properties, options", {"name": WORDS_INDEX})
    if rows and rows[0]["state"] == "ONLINE" and list(rows[0]["properties"]) == ["search_text"] and \
            (rows[0]["options"] or {}).get("indexConfig", {}).get("fulltext.analyzer") == WORDS_ANALYZER:
        return Neo4jIndexedDocuments(run)
    why = f"its full-text index {WORDS_INDEX} is {rows[0]['state'].lower()}" if rows and \
        rows[0]["state"] != "ONLINE" else f"it has no full-text index {WORDS_INDEX} on search_text"
    if where not in _warned:
        _warned.add(where)
        log.warning("Neo4j %s: %s, so a search reads every document (slow on a big graph); "
                    "'graphbuild load --neo4j' creates it", where, why)
    return StoreDocuments(run)
