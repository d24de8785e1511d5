"""query.word_index: the search index of a built graph gives the answers of the scan it replaces, on every document of
data/, and is never read when it is not the store's (missing, older than the store, another layout)."""
import logging
import random
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.graph.build import build_graph
from graphbuild.query import search_documents
from graphbuild.query.refs import Condition, StoreDocuments, documents_of
from graphbuild.query.refs import Test as PropertyTest
from graphbuild.query.word_index import INDEX_NAME, IndexedDocuments, documents_with_index, write_index
from graphbuild.stores import EmbeddedStore
from graphbuild.stores.ladybug import write as write_store

# What people type: symbols whole and in part, type and number, words with and without accents, issuers, places,
# a word start, a whole number, words that are nowhere, characters that mean something to FTS5 or to Cypher.
QUERIES = [
    "44-KL/TW", "Kết luận số 44-KL/TW", "44-KL", "44 KL", "43-CT/TW", "1416-CV/QU", "809 - CV/TU", "895/QĐ-TTg",
    "895/QD-TTg", "Kết luận 44", "ket luan 44", "KET LUAN 44", "Chỉ thị 43", "Quyết định 895", "Kế hoạch",
    "ke hoach", "kế hoạch thực hiện", "thuc hien", "thực", "th", "t", "chữ thập đỏ", "chu thap do", "Hải Phòng",
    "hai phong", "Kiến An", "kien an", "Bình Dương", "binh duong", "Ủy ban nhân dân", "uy ban nhan dan tinh",
    "Quận ủy", "Ban Bí thư", "Thủ tướng Chính phủ", "Bộ Y tế", "tỉnh ủy", "Nghị định", "2023", "14/11/2022",
    "44", "1", "Luật", "bảo hiểm y tế", "phòng chống", "xyzzy", "ket luan 99999", '"44" OR kl*', "NEAR(a b)",
    "' OR 1=1 --", "a AND b", "not", "and",
]
FILTERS = [{}, {"types": ["KH"]}, {"since": "2023"}, {"until": "2022-12-31"}, {"locality": "Hải Phòng"},
           {"types": ["Công văn", "KL"], "since": "2020", "until": "2024"}]


@pytest.fixture(scope="module")
def graph_of_data(tmp_path_factory, data_dir):
    """Every text of data/ built into one graph (a build writes the index)."""
    out = tmp_path_factory.mktemp("data-graph")
    build_graph([data_dir / "seeds", data_dir / "corpus", data_dir / "eval"], out)
    return out


@pytest.fixture(scope="module")
def data_store(graph_of_data):
    with EmbeddedStore(graph_of_data) as s:
        yield s


def _rows(hits):
    return [h.as_row() for h in hits]


def test_a_build_writes_the_index_and_a_store_is_searched_through_it(data_store):
    assert (data_store.graph_dir / INDEX_NAME).is_file()
    assert isinstance(documents_of(data_store), IndexedDocuments)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "no filter")
def test_search_answers_equal_the_scan(data_store, filters):
    indexed, scan = documents_of(data_store), StoreDocuments(data_store.run)
    for text in QUERIES:
        assert _rows(search_documents(indexed, text, limit=500, **filters)) == \
            _rows(search_documents(scan, text, limit=500, **filters)), (text, filters)


@pytest.mark.parametrize("text", ["ket luan 44-KL/TW hai phong", "Kết luận 44", "44-KL", "chu thap", "Hải Phòng"])
def test_no_stage_scans(data_store, monkeypatch, text):
    """Words, symbols and a type with a number are found through the index: the store's scan
    (``StoreDocuments.find``) is not asked."""
    indexed = documents_of(data_store)
    expected = _rows(search_documents(indexed, text, types=["KL", "KH", "CV"], since="2020"))

    def no_scan(self, condition, limit):
        raise AssertionError(f"scanned for {condition.cypher()}")
    monkeypatch.setattr(StoreDocuments, "find", no_scan)
    assert expected and _rows(search_documents(indexed, text, types=["KL", "KH", "CV"], since="2020")) == expected


def test_every_word_start_of_every_document_finds_what_the_scan_finds(data_store):
    """Each word of data/ (whole, and its first one to four letters), alone and with another, one at a time and
    together with symbol keys: the documents the index gives are those the store's CONTAINS gives, in id order."""
    texts = [r["t"] for r in data_store.run("MATCH (d:Document) RETURN d.search_text AS t")]
    keys = sorted({k for r in data_store.run("MATCH (d:Document) RETURN d.search_keys AS k") for k in r["k"]})
    words = sorted({w for t in texts for w in t.split()})
    terms = sorted({f" {w} " if w.isdigit() else f" {w[:n]}" for w in words for n in (1, 2, 3, 4, len(w))})
    rng = random.Random(17)
    pairs = [rng.sample(terms, 2) for _ in range(150)]
    indexed, scan = documents_of(data_store), StoreDocuments(data_store.run)
    assert len(terms) > 1000 and len(keys) > 100
    conditions = [Condition(((PropertyTest("search_text", "contains", "w"),),), {"w": t}) for t in terms]
    word_a, word_b = PropertyTest("search_text", "contains", "a"), PropertyTest("search_text", "contains", "b")
    conditions += [Condition(((word_a, word_b),), {"a": a, "b": b}) for a, b in pairs]
    has_key, word = PropertyTest("search_keys", "listed in", "k"), PropertyTest("search_text", "contains", "w")
    conditions += [Condition(((has_key,), (word,)), {"k": key, "w": rng.choice(terms)}) for key in keys[::3]]
    for condition in conditions:
        assert indexed.find(condition, 50) == scan.find(condition, 50), condition.params


def test_candidates_are_checked_by_the_store(graph_of_data, tmp_path):
    """A word the index has wrongly for a document (as a damaged index would) gives no document that lacks it."""
    import shutil
    folder = tmp_path / "g"
    shutil.copytree(graph_of_data, folder, copy_function=shutil.copy2)     # same file times: the index is valid
    db = sqlite3.connect(folder / INDEX_NAME)
    with db:
        db.execute("INSERT INTO words(rowid, text) VALUES (1, 'zqxw')")
    db.close()
    with EmbeddedStore(folder) as store:
        assert isinstance(documents_of(store), IndexedDocuments)
        assert search_documents(store, "zqxw") == []


def test_a_folder_without_an_index_is_searched_by_the_scan_and_says_how_to_write_one(graph_of_data, tmp_path,
                                                                                      caplog):
    import shutil
    folder = tmp_path / "old"
    shutil.copytree(graph_of_data, folder, copy_function=shutil.copy2)
    (folder / INDEX_NAME).unlink()
    with EmbeddedStore(folder) as store, caplog.at_level(logging.WARNING, "graphbuild.search"):
        assert type(documents_of(store)) is StoreDocuments
        hits = search_documents(store, "ket luan 44")
    assert hits and hits[0].symbol == "44-KL/TW"
    assert "no search index" in caplog.text and f"graphbuild index --graph {folder}" in caplog.text
    result = CliRunner().invoke(main, ["index", "--graph", str(folder)])
    assert result.exit_code == 0, result.output
    with EmbeddedStore(folder) as store:
        assert isinstance(documents_of(store), IndexedDocuments)


def test_an_index_older_than_its_store_is_not_read(graph_of_data, data_dir, tmp_path, caplog):
    """A store written again (here: from the seeds only) after its index: the scan answers, from the new store."""
    import shutil

    from graphbuild.graph import load_graph
    folder = tmp_path / "rewritten"
    shutil.copytree(graph_of_data, folder, copy_function=shutil.copy2)
    seeds = tmp_path / "seeds"
    build_graph([data_dir / "seeds"], seeds)
    write_store(load_graph(seeds), folder)
    with EmbeddedStore(folder) as store, caplog.at_level(logging.WARNING, "graphbuild.search"):
        assert type(documents_with_index(store.run, folder)) is StoreDocuments
        assert "older than the store" in caplog.text
        assert {h.id for h in search_documents(store, "ke hoach", limit=500)} == \
            {h.id for h in search_documents(load_graph(seeds), "ke hoach", limit=500)}
    write_index(folder)
    with EmbeddedStore(folder) as store:
        assert isinstance(documents_of(store), IndexedDocuments)


def test_an_index_of_another_layout_is_not_read(graph_of_data, tmp_path, caplog):
    import shutil
    folder = tmp_path / "other"
    shutil.copytree(graph_of_data, folder, copy_function=shutil.copy2)
    db = sqlite3.connect(folder / INDEX_NAME)
    with db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'format'")
    db.close()
    with EmbeddedStore(folder) as store, caplog.at_level(logging.WARNING, "graphbuild.search"):
        assert type(documents_of(store)) is StoreDocuments
    assert "another version" in caplog.text


def test_the_relations_a_document_states_are_those_of_the_store(graph_of_data, data_store):
    """The search page's relation facet, from the index, is what the store's relationships say, document by
    document (and a graph folder without an index asks the store)."""
    from graphbuild.serve import Explorer
    ids = [r["id"] for r in data_store.run("MATCH (d:Document) RETURN d.id AS id ORDER BY d.id")]
    from_store = {r["id"]: sorted(r["relations"]) for r in data_store.run(
        "MATCH (d:Document)-[r]->(:Document) RETURN d.id AS id, collect(DISTINCT r.relation) AS relations")}
    assert len(from_store) > 50 and len({rel for rels in from_store.values() for rel in rels}) >= 5
    assert documents_of(data_store).relations_out(ids) == from_store
    explorer = Explorer(EmbeddedStore(graph_of_data), "ladybug", "data", graph_of_data)
    try:
        assert explorer.relations_of(ids) == from_store
        scan_only = Explorer(explorer.store, "ladybug", "data", None)        # no folder: no index, the store asks
        assert scan_only.relations_of(ids[:300]) == {k: v for k, v in from_store.items() if k in ids[:300]}
    finally:
        explorer.close()
        shutil.rmtree(scan_only.scratch, ignore_errors=True)


def test_an_index_written_a_few_documents_at_a_time_holds_what_one_written_at_once_holds(graph_of_data, tmp_path,
                                                                                         monkeypatch):
    from graphbuild.query import word_index

    def tables(folder):
        db = sqlite3.connect(folder / INDEX_NAME)
        try:
            return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall()) for t in ("docs", "keys", "relations")}
        finally:
            db.close()

    folder = tmp_path / "g"
    shutil.copytree(graph_of_data, folder)
    monkeypatch.setattr(word_index, "_PAGE", 1_000_000)
    write_index(folder)
    at_once = tables(folder)
    monkeypatch.setattr(word_index, "_PAGE", 7)           # pages of 7 documents, ending anywhere
    write_index(folder)
    assert tables(folder) == at_once
    assert [doc_id for _, doc_id, _ in at_once["docs"]] == sorted(doc_id for _, doc_id, _ in at_once["docs"])
    assert len(at_once["docs"]) > 7 * 5 and at_once["relations"]
