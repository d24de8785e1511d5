"""Extraction on the seed documents and the dev gold (data/gold), plus the contract's field names."""
import functools
import importlib.util
import json
from pathlib import Path

import pytest

from graphbuild import extract_citations, read_sources
from graphbuild.eval.score import score
from graphbuild.models import Reject, Source

DOC_FIELDS = {"id", "symbol", "type", "number", "issuer", "issuer_code", "date", "year", "locality", "title", "signer",
              "stub"}
EDGE_FIELDS = {"source", "target", "source_symbol", "target_symbol", "relation", "confidence", "evidence"}


def run(paths):
    out = {}
    for src in read_sources(paths):
        assert not isinstance(src, Reject), src
        rec = extract_citations(src).to_dict()
        path, sep, rid = rec["file"].partition("#")
        out[Path(path).name + sep + rid] = rec
    return out


@pytest.fixture(scope="module")
def seeds(data_dir):
    return run([data_dir / "seeds"])


def test_seed_gold(seeds, data_dir):
    gold = json.loads((data_dir / "gold" / "seeds.json").read_text(encoding="utf-8"))["files"]
    s = score(seeds, gold)
    assert s["f1"] >= 0.95, s["problems"]
    assert s["relation_accuracy"] >= 0.9, s["problems"]
    assert s["subject_ok"] == s["subject_checks"], s["problems"]


def test_contract_fields_and_evidence_offsets(seeds, data_dir):
    for rec in seeds.values():
        assert set(rec) >= {"file", "kind", "subject", "documents", "edges", "warnings"}
        for d in rec["documents"]:
            assert DOC_FIELDS <= set(d)
        source = Path(rec["file"]).read_text(encoding="utf-8")
        for e in rec["edges"]:
            assert EDGE_FIELDS <= set(e)
            ev = e["evidence"]
            assert source[ev["start"]:ev["end"]] == ev["text"]


def test_seed_traps(seeds):
    news = seeds["000_2ce9f0066d8cfaa2.txt"]
    assert news["kind"] == "news"
    assert news["subject"]["symbol"] == "706/UBND-KGVX" and news["subject"]["locality"] is None
    assert news["subject"]["date"] == "2023-03-16" and news["subject"]["date_inferred"]
    ct = seeds["004_dae1349a587e795b.txt"]
    symbols = {d["symbol"] for d in ct["documents"]}
    assert "066" not in " ".join(filter(None, symbols))          # the incoming-mail stamp is not a document
    assert ct["subject"]["locality"] == "Thái Nguyên"
    draft = seeds["003_8ad9cffe283f5018.txt"]["subject"]
    assert draft["symbol"] is None and draft["year"] == 2023 and draft["type"] == "KH"


NEWS = ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH NGHỆ AN\n\nNghệ An quán triệt, triển khai Nghị quyết 71-NQ/TW của Bộ Chính trị\n\n"
        "(nghean.gov.vn) - Chiều 16/10, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị quán triệt Nghị quyết số 71-NQ/TW ngày "
        "22/8/2025 của Bộ Chính trị.\nNgay sau khi Bộ Chính trị ban hành Nghị quyết 71, ngày 30/9/2025, Ban Thường vụ "
        "Tỉnh ủy đã ban hành Kế hoạch số 68-KH/TU thực hiện Nghị quyết số 71-NQ/TW; ngày 10/10/2025 UBND tỉnh đã ban "
        "hành Kế hoạch số 845/KH-UBND triển khai Kế hoạch số 68-KH/TU.\n")


def test_a_news_article_about_no_one_document_reports_and_keeps_the_facts_it_states():
    """A conference report that tells of two plans issued (and, as background, of the resolution issued before them:
    "Sau khi … ban hành Nghị quyết 71") is about none of them: no subject; what it says of two documents (68
    implements 71, 845 implements 68) keeps its relation, its own citations report."""
    ex = extract_citations(Source(file="tin.txt", text=NEWS))
    assert ex.kind == "news" and ex.subject is None
    chains = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges if e.source_symbol}
    assert chains == {("68-KH/TU", "71-NQ/TW"): "IMPLEMENTS", ("845/KH-UBND", "68-KH/TU"): "IMPLEMENTS"}
    assert {e.relation for e in ex.edges if not e.source_symbol} == {"REPORTS"}


def test_dev_gold(data_dir):
    """The hand-made gold for 58 real records of the dev corpora; a floor that should only go up."""
    out = run(sorted((data_dir / "corpus").glob("*.jsonl")))
    gold = json.loads((data_dir / "gold" / "dev.json").read_text(encoding="utf-8"))["files"]
    s = score(out, gold)
    assert s["f1"] >= 0.99 and s["relation_accuracy"] >= 0.985, (s["f1"], s["relation_accuracy"], s["problems"])
    assert s["subject_ok"] >= s["subject_checks"] - 1, s["problems"]


# The second gold (data/gold/GUIDELINES.md): "tune" is what the rules were tuned on, "check" is only ever scored
# (its floor is what the rules are measured to reach on text they were not tuned to; it should only go up, except
# when the half grows: round 9 added VBHN 47/VBHN-VPQH, 81 required edges the rules found half of, and took the
# check half from F1 0.949 to 0.917 with the same code; rounds 10 and 11, consolidated texts, took it to 0.892; round
# 13 brought a resolution of tasks and non-applications, 89 of whose 109 modes the rules read, the check half's mode
# from 0.957 to 0.945; written round 8, Party reports and plans, took the modes to 0.964 (tune) and 0.938 (check);
# written round 10, a conclusion notice, a letter and a review among them, took the check half's mode to 0.921 (67 of
# its 89 modes read) and its relation accuracy to 0.966 with the same code; written rounds 11 and 12 (12 documents
# and three catalogues of other provinces) left both halves' F1 where they were and took the tune mode to 0.955;
# rounds 24-27 left the check half at F1 0.957, relation 0.970 with the code before them, 0.960 / 0.977 after).
SECOND_GOLD_FLOORS = {"tune": (0.985, 0.99, 0.94), "check": (0.955, 0.972, 0.92)}   # tune mode 0.945 with round 16


@pytest.mark.parametrize("half", sorted(SECOND_GOLD_FLOORS))
def test_second_gold(data_dir, half):
    out = run([data_dir / "eval" / half])
    gold = json.loads((data_dir / "gold" / f"{half}.json").read_text(encoding="utf-8"))["files"]
    s = score(out, gold)
    f1, relation, mode = SECOND_GOLD_FLOORS[half]
    assert s["f1"] >= f1 and s["relation_accuracy"] >= relation, (s["f1"], s["relation_accuracy"])
    assert s["mode_ok"] >= mode * s["mode_checks"], (s["mode_ok"], s["mode_checks"])


def test_catalogue_record_title(tmp_path):
    p = tmp_path / "cat.jsonl"
    p.write_text(json.dumps({"id": "r1", "symbol": "3445/UBND-KT", "date": "2022-07-08",
                             "issuer": "UBND tỉnh Bình Dương",
                             "title": "thực hiện công văn số 3652/byt-dp ngày 10/7/2022 của bộ y tế"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = run([p]).values()
    assert rec["file"].endswith("cat.jsonl#r1") and rec["kind"] == "record"
    assert rec["subject"]["locality"] == "Bình Dương"
    (edge,) = rec["edges"]
    assert (edge["source_symbol"], edge["target_symbol"], edge["relation"]) == \
        ("3445/UBND-KT", "3652/BYT-DP", "IMPLEMENTS")


@functools.cache
def _rewrites():
    spec = importlib.util.spec_from_file_location("rewrites", Path(__file__).parents[2] / "scripts" / "rewrites.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _new_style(text: str) -> str:
    """The other placement of a syllable-final tone ("hòa" -> "hoà"), as scripts/rewrites.py writes it."""
    return _rewrites().tone(text)


def test_tone_placement_does_not_change_the_reading(data_dir, tmp_path):
    """'Uỷ ban nhân dân tỉnh Khánh Hoà', 'Luật Hoà giải ở cơ sở': the same document, edges and subject as with
    'Ủy ban … Khánh Hòa'; the signer's name as the text writes it."""
    written = [data_dir / "eval" / "tune" / name for name in ("w52_nq-hdnd-phu-yen-muc-chi-pbgdpl.txt",
                                                              "w31_cv-ubnd-huyen-duc-trong-dtlcp.txt")]
    for src in [*(data_dir / "seeds").iterdir(), *written]:
        text = src.read_text(encoding="utf-8")
        assert _new_style(text) != text, src
        (tmp_path / src.name).write_text(_new_style(text), encoding="utf-8")
    before = run([data_dir / "seeds", *written])
    after = run([tmp_path])
    assert before.keys() == after.keys()
    for name, rec in before.items():
        edges = [(e["source_symbol"], e["target_symbol"], e["relation"], e["mode"]) for e in rec["edges"]]
        assert edges == [(e["source_symbol"], e["target_symbol"], e["relation"], e["mode"])
                         for e in after[name]["edges"]], name
        subject, subject_after = rec["subject"] or {}, after[name]["subject"] or {}
        for field in ("symbol", "type", "date", "issuer", "locality", "level"):
            assert subject.get(field) == subject_after.get(field), (name, field)
        signer = subject.get("signer")
        assert subject_after.get("signer") == (_new_style(signer) if signer else None), name
    assert any(_new_style(s) != s for s in (r["subject"] and r["subject"]["signer"] for r in before.values()) if s)


@pytest.mark.parametrize("written", ["05/07/2022", "5-7-2022", "05.07.2022", "2022-07-05T00:00:00", "2022-07-05"])
def test_catalogue_date_as_offices_write_it(tmp_path, written):
    """Another province's catalogue: its own column names, the date day first."""
    p = tmp_path / "cat.jsonl"
    p.write_text(json.dumps({"ma": "r1", "so_ky_hieu": "1605/QĐ-UBND", "ngay_ban_hanh": written,
                             "co_quan_ban_hanh": "UBND tỉnh Bình Dương",
                             "trich_yeu": "Về việc thực hiện Công văn số 3652/BYT-DP ngày 10/7/2022 của Bộ Y tế"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = run([p]).values()
    assert (rec["subject"]["symbol"], rec["subject"]["date"]) == ("1605/QĐ-UBND", "2022-07-05")


def test_catalogue_date_that_is_no_date(tmp_path):
    p = tmp_path / "cat.jsonl"
    p.write_text(json.dumps({"id": "r1", "symbol": "1605/QĐ-UBND", "date": "31/02/2022", "title": "về việc x"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = run([p]).values()
    assert rec["subject"]["date"] is None


@pytest.mark.parametrize("title, relation", [
    ("Quyết định bãi bỏ Quyết định số 120/QĐ-UBND ngày 12/3/2020 của UBND huyện", "REPEALS"),
    ("Quyết định về việc sửa đổi, bổ sung Quyết định số 120/QĐ-UBND ngày 12/3/2020 của UBND huyện", "AMENDS"),
    ("QUYẾT ĐỊNH THAY THẾ QUYẾT ĐỊNH SỐ 120/QĐ-UBND NGÀY 12/3/2020 CỦA UBND HUYỆN", "REPLACES"),
    # the type written as its code between a phrase and the number
    ("Thu hồi QĐ số 120/QĐ-UBND ngày 12/3/2020 của UBND huyện về việc cho thuê đất", "REPEALS"),
    # 'Quy định' opening a title is what the record lays down (also the type word of a Party rule)
    ("Quy định hạn mức giao đất ở trên địa bàn huyện; thay thế QĐ số 120/QĐ-UBND ngày 12/3/2020 của UBND huyện",
     "REPLACES")])
def test_catalogue_title_that_opens_on_its_own_type(tmp_path, title, relation):
    """A catalogue that keeps the type word in its titles (or opens them on 'Quy định'): the record acts."""
    p = tmp_path / "cat.jsonl"
    p.write_text(json.dumps({"id": "r1", "symbol": "345/QĐ-UBND", "date": "2025-03-10", "title": title,
                             "issuer": "UBND huyện Quỳnh Lưu"}, ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = run([p]).values()
    assert [(e["source_symbol"], e["target_symbol"], e["relation"]) for e in rec["edges"]] == \
        [("345/QĐ-UBND", "120/QĐ-UBND", relation)]


def test_a_record_that_replaces_an_announcing_decisions_annex_replaces_it(tmp_path):
    """'Thay thế Phụ lục ban hành kèm theo QĐ số 2310/QĐ-UBND … về công bố danh mục …': the record replaces; it is the
    cited decision, not the record, that announces a list (an announcing decision only cites what it lists)."""
    p = tmp_path / "cat.jsonl"
    p.write_text(json.dumps({"id": "r1", "symbol": "862/QĐ-UBND", "date": "2025-03-01", "issuer": "UBND tỉnh Lạng Sơn",
                             "title": "Thay thế Phụ lục ban hành kèm theo QĐ số 2310/QĐ-UBND ngày 28/11/2024 của Chủ "
                                      "tịch UBND tỉnh về công bố danh mục thủ tục hành chính"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (rec,) = run([p]).values()
    assert [(e["target_symbol"], e["relation"]) for e in rec["edges"]] == [("2310/QĐ-UBND", "REPLACES")]


def test_what_a_news_article_says_was_issued_before_its_document_is_not_that_documents_citation():
    """The article reports Kế hoạch 215-KH/TU; "Trước đó, UBND tỉnh đã ban hành Quyết định số 120 …" is background:
    the plan does not cite 120, while 120's own replacement of 88 stays a fact the article states."""
    text = ("Hà Tĩnh triển khai Nghị quyết 57 về chuyển đổi số\nCập nhật: 10/03/2026\n\nNgày 9/3, Ban Thường vụ Tỉnh "
            "ủy Hà Tĩnh ban hành Kế hoạch số 215-KH/TU thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính "
            "trị.\n\nTheo kế hoạch, các cấp ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW. Trước đó, UBND tỉnh đã ban hành "
            "Quyết định số 120/QĐ-UBND thay thế Quyết định số 88/QĐ-UBND.\n")
    ex = extract_citations(Source(file="news.txt", text=text))
    pairs = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges}
    assert ex.kind == "news" and ex.subject.symbol == "215-KH/TU"
    assert pairs[("215-KH/TU", "57-NQ/TW")] == "IMPLEMENTS"
    assert ("215-KH/TU", "120/QĐ-UBND") not in pairs
    assert pairs[("120/QĐ-UBND", "88/QĐ-UBND")] == "REPLACES"


def test_a_gazette_record_whose_text_holds_no_header_is_named_by_its_address():
    """A scanned gazette record's text layer holds only the running headers; its address
    ('thong-tu-so-90-2025-tt-bqp-45890', kept as the record's symbol) names the circular."""
    text = "CÔNG BÁO/Số 1117 + 1118/Ngày 01-9-2025\n18\n\nBỘ QUỐC PHÒNG\n\nCÔNG BÁO/Số 1117 + 1118/Ngày 01-9-2025\n19\n"
    ex = extract_citations(Source(file="congbao.jsonl#thong-tu-so-90-2025-tt-bqp-45890", text=text,
                                  meta={"symbol": "thong-tu-so-90-2025-tt-bqp-45890", "type": "Thông tư"}))
    assert ex.kind == "document"
    assert (ex.subject.symbol, ex.subject.type) == ("90/2025/TT-BQP", "TT")
    by_url = extract_citations(Source(file="page.txt", text=text, meta={
        "url": "https://congbao.chinhphu.vn/van-ban/thong-tu-so-90-2025-tt-bqp-45890.htm"}))
    assert by_url.subject is not None and by_url.subject.symbol == "90/2025/TT-BQP"
