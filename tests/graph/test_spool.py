"""The report's lists on disk (``spool.Spool``) and the entities in the work tables: the same report.json and the same
entities, byte for byte, as lists and dicts in memory give."""
import json

import pytest

from graphbuild.graph import entities as entities_module
from graphbuild.graph import files
from graphbuild.graph.resolve_files import resolve_citations, resolve_to_files
from graphbuild.graph.spool import Spool, materialised
from graphbuild.graph.worktable import WorkTables


def test_a_spool_reads_back_what_was_appended_in_order_and_equals_that_list(tmp_path):
    spool: Spool = Spool(tmp_path)
    items = [{"id": f"vn/đ/{i}", "n": i, "reasons": ["x" * (i % 3000)], "none": None, "flag": i % 2 == 0}
             for i in range(2000)]            # ~3 MB: read back in several blocks
    for item in items:
        spool.append(item)
    assert len(spool) == 2000 and list(spool) == items and spool == items and items == spool
    assert spool[0] == items[0] and spool[-1] == items[-1] and spool[10:13] == items[10:13]
    with pytest.raises(IndexError):
        spool[2000]
    spool.append({"late": True})              # appended after a read
    assert list(spool)[-2:] == [items[-1], {"late": True}] and spool != items
    assert not list(tmp_path.iterdir())       # an anonymous file: nothing left in the folder
    assert materialised(spool) == items + [{"late": True}] and materialised([1]) == [1]
    assert Spool() == [] and not Spool()


def test_a_report_with_spooled_lists_is_written_as_json_dumps_writes_the_lists(tmp_path):
    rows = [{"id": "b", "cited_in": ["x.txt", "y.txt"], "title": "Nghị quyết \"số\" 1\n2", "candidates": []},
            {"id": "a", "reasons": [], "nested": {"z": 1, "a": [1, {"k": None}]}}]
    full, empty = Spool(), Spool()
    full.extend(rows)
    report = {"unresolved": full, "conflicts": empty, "documents": 3, "by_type": {"Luật": 2, "CV": 1},
              "check": {"items": [], "notices": [{"kind": "x"}]}, "entities": {}}
    files.write_report(tmp_path, report, [])
    expected = {**report, "unresolved": rows, "conflicts": []}
    assert (tmp_path / "report.json").read_text(encoding="utf-8") == \
        json.dumps(expected, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    files.write_report(tmp_path, {}, [])
    assert (tmp_path / "report.json").read_text() == "{}\n"


def _records(data_dir):
    from graphbuild.extract.extractor import extract_citations
    from graphbuild.ingest.read import read_sources
    from graphbuild.models import Reject
    return sorted((extract_citations(s, with_mentions=False).to_dict(mentions=False)
                   for s in read_sources([data_dir / "seeds", data_dir / "corpus"]) if not isinstance(s, Reject)),
                  key=lambda r: r["file"])


def test_entities_past_the_cache_and_spooled_lists_give_the_files_of_memory(data_dir, tmp_path, monkeypatch):
    """With one organisation in memory at a time every issuer is written to the table and read back as the
    documents name it better: the same entities.jsonl; report.json is json.dumps of the lists read back."""
    records = _records(data_dir)
    outs = {}
    for cache in (entities_module.ORG_CACHE, 1):
        monkeypatch.setattr(entities_module, "ORG_CACHE", cache)
        out = outs[cache] = tmp_path / str(cache)
        out.mkdir()
        report = resolve_to_files(records, out)
        assert isinstance(report["unresolved"], Spool) and isinstance(report["corrected"], Spool)
        files.write_report(out, report, [])
        as_lists = {key: materialised(value) for key, value in report.items()}
        assert (out / "report.json").read_text(encoding="utf-8") == \
            json.dumps(as_lists, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        assert as_lists["unresolved"]         # the list was written, not left empty
    for name in ("entities.jsonl", "links.jsonl", "report.json", "documents.jsonl"):
        assert (outs[1] / name).read_bytes() == (outs[entities_module.ORG_CACHE] / name).read_bytes(), name
    entities = [json.loads(line) for line in open(outs[1] / "entities.jsonl", encoding="utf-8")]
    assert [e["id"] for e in entities] == sorted(e["id"] for e in entities)
    assert report["entities"] == dict(sorted(
        (label, sum(1 for e in entities if e["label"] == label)) for label in {e["label"] for e in entities}))
    graph = resolve_citations(records)
    assert type(graph.report["unresolved"]) is list and graph.report["unresolved"] == as_lists["unresolved"]


def test_an_organisation_is_named_by_its_own_document_and_the_first_signer_name_stays(monkeypatch):
    from graphbuild.graph.entities import Entities
    monkeypatch.setattr(entities_module, "ORG_CACHE", 1)
    monkeypatch.setattr(entities_module, "NAMED_CACHE", 1)      # a signer met again after it was forgotten
    tables = WorkTables()
    found = Entities(tables)

    def doc(doc_id, stub, issuer, signer=None, **more):
        return {"id": doc_id, "stub": stub, "issuer": issuer, "issuer_code": "ubnd", "level": "province",
                "locality": None, "locality_id": None, "signer": signer, "signer_role": None, "recipients": [],
                **more}

    found.add_document(doc("vn/a/ubnd/qd/2020/1", True, "UBND cited", "Nguyễn Văn A"))
    found.add_document(doc("vn/b/ubnd/qd/2020/1", True, "other", "Trần B"))       # the first issuer leaves memory
    found.add_document(doc("vn/a/ubnd/qd/2020/2", False, "UBND tỉnh A", "nguyễn văn a"))
    found.add_document(doc("vn/a/ubnd/qd/2020/3", True, "UBND cited again", "NGUYỄN VĂN A"))   # remembered
    found.add_country()
    by_id = {e["id"]: e for e in tables.entities()}
    assert by_id["org/vn/a/ubnd"]["name"] == "UBND tỉnh A" and by_id["org/vn/b/ubnd"]["name"] == "other"
    assert [e["name"] for i, e in by_id.items() if i.startswith("person/")] == ["Nguyễn Văn A", "Trần B"]
    assert tables.entity_labels()["Organization"] == 2 and tables.entity_labels()["Locality"] > 10000
    tables.close()


def test_a_reordered_spool_reads_its_items_in_the_order_given():
    spool = Spool()
    for item in ["c", {"b": 1}, "a"]:
        spool.append(item)
    spool.reorder([2, 1, 0])
    assert list(spool) == ["a", {"b": 1}, "c"] and spool[0] == "a" and spool[-1] == "c" and spool[1:] == [{"b": 1}, "c"]
    with pytest.raises(ValueError):
        spool.append("d")
    with pytest.raises(ValueError):
        Spool().reorder([0])
