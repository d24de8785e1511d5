"""Identity: the merges and non-merges DESIGN.md asks for, determinism, conflicts, stubs that become documents."""
import json
from pathlib import Path

import pytest

from graphbuild import extract_citations, read_sources
from graphbuild.graph import resolve_citations as resolve
from graphbuild.graph.build import build_graph as build


@pytest.fixture(scope="module")
def seed_graph(data_dir):
    return resolve(extract_citations(s) for s in read_sources([data_dir / "seeds"]))


def by_symbol(g, symbol):
    return [d for d in g.documents.values() if d["symbol"] == symbol]


def test_one_node_per_central_document(seed_graph):
    (kl44,) = by_symbol(seed_graph, "44-KL/TW")
    assert kl44["id"] == "vn/tw/kl/2022/44" and kl44["cited_by_count"] == 4
    (ct43,) = by_symbol(seed_graph, "43-CT/TW")
    assert ct43["date"] == "2010-06-08"


def test_same_locality_merges(seed_graph):
    (cv809,) = by_symbol(seed_graph, "809-CV/TU")      # cited by Kiến An's 1416 and by the Hải Phòng plan
    assert cv809["locality"] == "Hải Phòng" and cv809["stub"]
    assert len(cv809["mentioned_in"]) == 2


def test_unknown_locality_never_merges(seed_graph):
    for symbol in ("84-KH/TU", "88-KH/TU"):
        (d,) = by_symbol(seed_graph, symbol)
        assert d["locality"] is None and "/unknown@" in d["id"]
    unresolved = {u["symbol"] for u in seed_graph.report["unresolved"]}
    assert {"84-KH/TU", "88-KH/TU"} <= unresolved


def test_local_symbol_belongs_to_its_province(seed_graph):
    (ct01,) = by_symbol(seed_graph, "01-CT/TU")
    assert ct01["id"].startswith("vn/thai-nguyen/") and ct01["level"] == "province" and not ct01["stub"]


def test_lag_days_on_implements(seed_graph):
    e = next(e for e in seed_graph.edges if e["source_symbol"] == "809-CV/TU" and e["target_symbol"] == "44-KL/TW")
    assert e["relation"] == "IMPLEMENTS" and e["lag_days"] == 84      # 2023-02-06 - 2022-11-14
    assert len(e["evidence"]) == 2                                      # stated in two files


def _write(p: Path, text: str) -> Path:
    p.write_text(text, encoding="utf-8")
    return p


def test_conflicting_dates_are_kept_apart_and_reported(tmp_path):
    _write(tmp_path / "a.txt", "Số: 5/QĐ-UBND\nHà Nội, ngày 01 tháng 02 năm 2024\nQUYẾT ĐỊNH\nVề việc A\n"
           "Căn cứ Nghị định số 99/2023/NĐ-CP ngày 10 tháng 3 năm 2023 của Chính phủ;\n")
    _write(tmp_path / "b.txt", "Số: 6/QĐ-UBND\nHà Nội, ngày 01 tháng 03 năm 2024\nQUYẾT ĐỊNH\nVề việc B\n"
           "Căn cứ Nghị định số 99/2023/NĐ-CP ngày 11 tháng 3 năm 2023 của Chính phủ;\n")
    g = resolve(extract_citations(s) for s in read_sources([tmp_path]))
    nd = by_symbol(g, "99/2023/NĐ-CP")
    assert len(nd) == 2
    (conflict,) = g.report["conflicts"]
    assert conflict["dates"] == ["2023-03-10", "2023-03-11"]


def test_undated_citation_attaches_to_the_dated_document(tmp_path):
    _write(tmp_path / "a.txt", "Số: 5-KH/TU\nThái Nguyên, ngày 01 tháng 02 năm 2024\nKẾ HOẠCH\nthực hiện Kết luận\n"
           "Thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư.\n")
    _write(tmp_path / "b.txt", "Số: 7-KH/TU\nThái Nguyên, ngày 01 tháng 03 năm 2024\nKẾ HOẠCH\nthực hiện\n"
           "Thực hiện Kết luận số 44-KL/TW của Ban Bí thư.\n")
    g = resolve(extract_citations(s) for s in read_sources([tmp_path]))
    (kl,) = by_symbol(g, "44-KL/TW")
    assert kl["id"] == "vn/tw/kl/2022/44" and kl["cited_by_count"] == 2


def test_an_undated_document_keeps_its_id_and_gains_the_date_inferred(tmp_path):
    """A document whose own text gives no date keeps the id its text gives ('…/undated/…') when another document
    cites it with its date: the id never changes once built; the date joins it, marked inferred."""
    _write(tmp_path / "a.txt", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 1520/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc phê duyệt\n"
           "Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ;\n")
    alone = resolve(extract_citations(s) for s in read_sources([tmp_path]))
    (qd,) = by_symbol(alone, "1520/QĐ-UBND")
    assert qd["id"] == "vn/nghe-an/ubnd/qd/undated/1520" and qd["date"] is None
    _write(tmp_path / "b.txt", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 77/KH-UBND\nNghệ An, ngày 01 tháng 6 năm 2023\n"
           "KẾ HOẠCH\nthực hiện\nThực hiện Quyết định số 1520/QĐ-UBND ngày 12/5/2023 của UBND tỉnh Nghệ An.\n")
    g = resolve(extract_citations(s) for s in read_sources([tmp_path]))
    (qd,) = by_symbol(g, "1520/QĐ-UBND")
    assert qd["id"] == "vn/nghe-an/ubnd/qd/undated/1520" and not qd["stub"]
    assert qd["date"] == "2023-05-12" and qd["date_inferred"]
    assert any(e["target"] == qd["id"] and e["relation"] == "IMPLEMENTS" for e in g.edges)


def test_build_is_deterministic_and_append_turns_a_stub_into_a_document(tmp_path, data_dir):
    a, b = tmp_path / "a", tmp_path / "b"
    build([data_dir / "seeds"], a)
    build([data_dir / "seeds"], b)
    for name in ("documents.jsonl", "edges.jsonl", "report.json", "entities.jsonl", "links.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes(), name
    full = _write(tmp_path / "809.txt",
                  "ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nTHÀNH ỦY\n*\nSố 809-CV/TU\n"
                  "V/v thực hiện Kết luận số 44-KL/TW\nHải Phòng, ngày 06 tháng 02 năm 2023\n"
                  "Thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư, Ban Thường vụ Thành ủy yêu cầu …\n")
    result = build([full], a, append=True)
    docs = [json.loads(line) for line in open(a / "documents.jsonl", encoding="utf-8")]
    (cv,) = [d for d in docs if d["symbol"] == "809-CV/TU"]
    assert not cv["stub"] and cv["id"] == "vn/hai-phong/tu/cv/2023/809"
    edges = [json.loads(line) for line in open(a / "edges.jsonl", encoding="utf-8")]
    assert any(e["source"] == cv["id"] for e in edges) and any(e["target"] == cv["id"] for e in edges)
    assert result.report["full_text"] == 7


def test_a_citation_without_issuer_finds_the_document_of_an_enclosing_unit(tmp_path):
    """A commune's plan cites "Công văn số 4926/UBND-KGVX" naming no issuer; the province's 4926/UBND-KGVX is in
    the corpus and is the only one in the units that contain the commune: one node."""
    _write(tmp_path / "tinh.txt", "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 4926/UBND-KGVX\nV/v tăng cường công tác\n"
           "An Giang, ngày 05 tháng 01 năm 2021\nThực hiện Chỉ thị số 47-CT/TW ngày 03/11/2020 của Ban Bí thư.\n")
    _write(tmp_path / "xa.txt", "ĐẢNG BỘ HUYỆN AN PHÚ\nĐẢNG ỦY XÃ QUỐC THÁI\n*\nSố 3-KH/ĐU\n"
           "Quốc Thái, ngày 20 tháng 01 năm 2021\nKẾ HOẠCH\nthực hiện Công văn\n"
           "Để tổ chức thực hiện hiệu quả Công văn số 4926/UBND-KGVX, Đảng ủy xã yêu cầu …\n")
    g = resolve(extract_citations(s) for s in read_sources([tmp_path]))
    (cv,) = by_symbol(g, "4926/UBND-KGVX")
    assert not cv["stub"] and cv["locality"] == "An Giang"
    assert any(e["target"] == cv["id"] and e["source_symbol"] == "3-KH/ĐU" for e in g.edges)


def test_resolving_records_or_their_json_lines_gives_the_same_graph(data_dir, seed_graph):
    """build() resolves the lines of extractions.jsonl as dicts, a notebook passes Extraction records."""
    lines = [json.loads(json.dumps(extract_citations(s).to_dict())) for s in read_sources([data_dir / "seeds"])]
    g = resolve(iter(lines))        # an iterator, read once, in the order read() gave
    assert (g.documents, g.edges, g.entities, g.links) == \
        (seed_graph.documents, seed_graph.edges, seed_graph.entities, seed_graph.links)


def test_every_kind_level_system_and_relation_is_an_allowed_value(seed_graph):
    from graphbuild.models import KINDS, LEVELS, RELATIONS, SYSTEMS
    docs = seed_graph.documents.values()
    assert {d["kind"] for d in docs} <= set(KINDS)
    assert {d["level"] for d in docs} - {None} <= set(LEVELS)
    assert {d["system"] for d in docs} - {None} <= set(SYSTEMS)
    assert {r for e in seed_graph.edges for r in e["relations"]} <= set(RELATIONS)
    assert {x["level"] for x in seed_graph.entities.values() if x["label"] != "Person"} - {None} <= set(LEVELS)
