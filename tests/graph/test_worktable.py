"""The work tables resolution runs on: each read gives the order the passes rely on (as dicts and ``sorted`` would)."""
from graphbuild.graph.model import Mention, Statement
from graphbuild.graph.worktable import MentionTable, WorkTables


def m(file, subject=False, **record):
    return Mention(record, file, subject)


def test_ids_come_in_first_seen_order_and_each_ids_mentions_in_the_order_read():
    table = WorkTables().mentions
    for doc_id, mention in [("b", m("1.txt", date="2020-01-01")), ("a", m("1.txt")), ("b", m("2.txt", True)),
                            ("c", m("3.txt", title="T"))]:
        table.add(doc_id, mention)
    assert table["b"] == [m("1.txt", date="2020-01-01"), m("2.txt", True)] and table["a"] == [m("1.txt")]
    assert list(table.first_records()) == [("b", {"date": "2020-01-01"}), ("a", {}), ("c", {"title": "T"})]
    assert list(table.grouped_ids(lambda i: "all")) == [[("b", True, 0), ("a", False, 1), ("c", False, 2)]]
    assert list(table.subject_records()) == [("b", {})]


def test_grouped_by_resolved_id_sorts_as_python_sorts_and_keeps_the_order_of_ids_within_a_group():
    # code points past ASCII, '~' (a split conflict's id) and digits: SQLite's order must be sorted()'s
    ids = ["vn/x/2023/44~2023-01-02", "vn/đ/1", "vn/x/2023/440", "vn/x/2023/44", "vn/d/1", "vn/x/undated/44"]
    records = {doc_id: [m(f"{i}.txt")] for i, doc_id in enumerate(ids)}
    table = MentionTable.of(records)
    groups = [(g, list(rows)) for g, rows in table.grouped({"vn/x/undated/44": "vn/x/2023/44"})]
    assert [g for g, _ in groups] == sorted(set(ids) - {"vn/x/undated/44"})
    # the renamed id's mention joins its target after the target's own (first seen earlier)
    assert dict(groups)["vn/x/2023/44"] == [((3, 4), m("3.txt")), ((5, 6), m("5.txt"))]


def test_a_groups_mentions_come_as_make_node_reads_them_own_texts_first_then_by_file_then_as_read():
    records = {"vn/x/2023/44": [m("b.txt"), m("a.txt"), m("z.txt", True), m("a.txt", title="second")],
               "vn/x/undated/44": [m("a.txt", title="third"), m("c.txt", True)]}
    resolved, rows = next(MentionTable.of(records).grouped({"vn/x/undated/44": "vn/x/2023/44"}))
    assert resolved == "vn/x/2023/44"
    assert [(order, x.file, x.record.get("title")) for order, x in rows] == [
        ((1, 6), "c.txt", None), ((0, 3), "z.txt", None), ((0, 2), "a.txt", None), ((0, 4), "a.txt", "second"),
        ((1, 5), "a.txt", "third"), ((0, 1), "b.txt", None)]


def test_statements_pairs_nodes_and_links_come_back_in_the_order_the_graph_files_use():
    tables = WorkTables()
    st = Statement("s", True, None, "t", "2020-01-01", "CITES", 0.5, "a.txt", "text", 0, 4)
    tables.add_statement(st)
    tables.add_statement(st._replace(target="r", verb="căn cứ"))
    assert list(tables.statements()) == [st, st._replace(target="r", verb="căn cứ")]
    for source, target, n in [("s", "t", 1), ("s", "r", 2), ("s", "t", 3), ("a", "z", 4)]:
        tables.add_said(source, target, {"n": n})
    assert list(tables.said_by_pair()) == [(("a", "z"), [{"n": 4}]), (("s", "r"), [{"n": 2}]),
                                           (("s", "t"), [{"n": 1}, {"n": 3}])]
    for node_id in ("b", "a~2020", "a"):
        tables.add_node({"id": node_id, "year": 2020, "aliases": []})
    assert [n["id"] for n in tables.nodes()] == ["a", "a~2020", "b"]
    for link in [{"source": "d", "target": "u", "relation": "LOCATED_IN"},
                 {"source": "d", "target": "p", "relation": "SIGNED_BY", "role": "Bí thư"},
                 {"source": "d", "target": "u", "relation": "LOCATED_IN"},
                 {"source": "c", "target": "u", "relation": "LOCATED_IN"}]:
        tables.add_link(link)
    assert [(x["relation"], x["source"]) for x in tables.links()] == [("LOCATED_IN", "c"), ("LOCATED_IN", "d"),
                                                                     ("SIGNED_BY", "d")]
    tables.close()


def test_the_work_file_is_deleted_when_resolution_ends(tmp_path):
    tables = WorkTables(tmp_path / "work.sqlite")
    tables.mentions.add("a", m("1.txt"))
    assert tables.mentions["a"] == [m("1.txt")]
    tables.close()
    assert not (tmp_path / "work.sqlite").exists()


def test_a_build_leaves_no_work_file_and_tells_the_peak_memory_of_resolution(data_dir, tmp_path):
    from graphbuild.graph.build import build_graph
    from graphbuild.graph.resolve_files import WORK_FILE
    result = build_graph([data_dir / "seeds"], tmp_path / "g")
    assert not (tmp_path / "g" / WORK_FILE).exists()
    assert result.report["documents"] > 0 and result.peak_mib["resolve"] > 0


def test_a_work_file_left_by_a_resolution_that_did_not_end_is_started_afresh(tmp_path):
    left = WorkTables(tmp_path / "work.sqlite")
    left.mentions.add("a", m("1.txt"))
    left._flush()
    left.db.close()                       # as if the process had died: the file stays
    assert (tmp_path / "work.sqlite").exists()
    tables = WorkTables(tmp_path / "work.sqlite")
    assert list(tables.mentions.first_records()) == [] and list(tables.nodes()) == []
    tables.close()


def test_work_tables_in_memory_give_the_files_a_work_file_gives(data_dir, tmp_path):
    """A small corpus is resolved with its work tables in memory (build: IN_MEMORY_LOG_BYTES): the same graph files,
    byte for byte, as through the work file a large one uses."""
    import json

    from graphbuild.extract.extractor import extract_citations
    from graphbuild.graph.resolve_files import WORK_FILE, resolve_to_files
    from graphbuild.ingest.read import read_sources
    from graphbuild.models import Reject
    records = sorted((extract_citations(s, with_mentions=False).to_dict(mentions=False)
                      for s in read_sources([data_dir / "seeds", data_dir / "corpus"]) if not isinstance(s, Reject)),
                     key=lambda r: r["file"])
    on_disk, in_memory = tmp_path / "disk", tmp_path / "memory"
    on_disk.mkdir()
    in_memory.mkdir()
    assert resolve_to_files(records, on_disk) == resolve_to_files(records, in_memory, in_memory=True)
    assert not (in_memory / WORK_FILE).exists()
    names = ("documents.jsonl", "edges.jsonl", "entities.jsonl", "links.jsonl")
    for name in names:
        assert (on_disk / name).read_bytes() == (in_memory / name).read_bytes(), name
    assert sum(1 for _ in open(on_disk / "edges.jsonl")) > 10
    assert json.loads((on_disk / "documents.jsonl").open().readline())["id"]


def test_node_fields_on_disk_answer_as_a_dict_of_tuples_would():
    from graphbuild.graph.model import NodeFields
    fields = NodeFields(("symbol", "date", "year"))
    nodes = [{"id": f"vn/đ/{i}", "symbol": f"{i}-KL/TW", "date": None if i % 3 else "2020-01-02", "year": 2020,
              "title": "not kept"} for i in range(12_000)]          # more than one insert batch, and the cache
    for node in nodes:
        fields.add(node)
    assert fields["vn/đ/7"] == {"id": "vn/đ/7", "symbol": "7-KL/TW", "date": None, "year": 2020}
    assert "vn/đ/11999" in fields and "vn/đ/12000" not in fields and 5 not in fields
    assert fields.get("vn/x") is None and len(fields) == 12_000
    assert list(fields) == sorted(n["id"] for n in nodes)
    fields.add({"id": "vn/đ/7", "symbol": "7-KL/TW", "date": "2021-05-05", "year": 2021})    # added again: replaced
    assert fields["vn/đ/7"]["date"] == "2021-05-05" and len(fields) == 12_000
    fields.close()


def test_cited_counts_are_the_distinct_sources_of_each_target_in_id_order():
    from collections import Counter
    tables = WorkTables()
    said = [("b", "t", 1), ("a", "t", 2), ("b", "t", 3), ("a", "đ", 4), ("c", "a", 5)]
    for source, target, n in said:
        tables.add_said(source, target, {"n": n})
    expected = Counter(target for _, target in {(s, t) for s, t, _ in said})
    assert list(tables.cited_counts()) == sorted(expected.items())
    tables.close()


def test_ids_held_on_disk_past_the_cache_answer_as_in_memory(monkeypatch):
    """The provisional ids live in the work tables; only the last ``ID_CACHE`` added stay in memory. An id met again
    after it was forgotten keeps its key (its first-seen rank) and gains its subject flag."""
    from graphbuild.graph import worktable
    monkeypatch.setattr(worktable, "ID_CACHE", 2)
    table = WorkTables().mentions
    for doc_id, mention in [("a", m("1.txt")), ("b", m("1.txt")), ("c", m("2.txt")), ("a", m("3.txt", True)),
                            ("d", m("4.txt")), ("b", m("5.txt"))]:
        table.add(doc_id, mention)
    assert list(table.grouped_ids(lambda i: "all")) == [[("a", True, 0), ("b", False, 1), ("c", False, 2),
                                                          ("d", False, 3)]]
    assert [x.file for x in table["b"]] == ["1.txt", "5.txt"]
    assert [(i, len(list(ms))) for i, ms in table.grouped({})] == [("a", 2), ("b", 2), ("c", 1), ("d", 1)]


def test_ids_come_grouped_one_key_at_a_time_in_first_seen_order_within_a_group():
    table = MentionTable.of({"vn/x/2023/44": [m("1.txt")], "vn/y/1": [m("2.txt", True)],
                             "vn/x/undated/44": [m("3.txt", True)], "news/1": [m("4.txt")]})
    def by_issuer(doc_id):
        return doc_id.split("/")[1] if doc_id.startswith("vn/") else None

    def by_period(doc_id):
        return doc_id.split("/")[2] if doc_id.count("/") > 2 else None

    table.group_ids(by_issuer, by_period)           # both groupings named in one read of the ids
    assert list(table.grouped_ids(by_issuer)) == [[("vn/x/2023/44", False, 0), ("vn/x/undated/44", True, 2)],
                                                  [("vn/y/1", True, 1)]]
    assert list(table.grouped_ids(by_period)) == [[("vn/x/2023/44", False, 0)], [("vn/x/undated/44", True, 2)]]
    assert list(table.grouped_ids(by_issuer)) == [[("vn/x/2023/44", False, 0), ("vn/x/undated/44", True, 2)],
                                                  [("vn/y/1", True, 1)]]
