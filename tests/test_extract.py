"""Extraction on the seed documents and the dev gold (data/gold), plus the contract's field names."""
import json
from pathlib import Path

import pytest

from graphbuild import extract_citations, read_sources
from graphbuild.models import Reject, Source
from graphbuild.eval.score import score

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


def test_dev_gold(data_dir):
    """The hand-made gold for 58 real records of the dev corpora; a floor that should only go up."""
    out = run(sorted((data_dir / "corpus").glob("*.jsonl")))
    gold = json.loads((data_dir / "gold" / "dev.json").read_text(encoding="utf-8"))["files"]
    s = score(out, gold)
    assert s["f1"] >= 0.99 and s["relation_accuracy"] >= 0.985, (s["f1"], s["relation_accuracy"], s["problems"])
    assert s["subject_ok"] >= s["subject_checks"] - 1, s["problems"]


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


# --- relation rules: a sentence (the body of a record whose subject is S) -> the edges it states ---------------------

S = "99/2026/TT-BTC"
RULES = [
    # a trigger phrase before a document governs it
    ("amendment header: each listed act amends the base text",
     "Thông tư số 32/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng, có hiệu lực từ ngày 10 tháng 12 năm "
     "2016, được sửa đổi, bổ sung bởi:\n1. Thông tư số 04/2018/TT-BLĐTBXH ngày 22 tháng 6 năm 2018 của Bộ trưởng;\n"
     "2. Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng.",
     {(S, "32/2016/TT-BLĐTBXH", "CITES"), ("04/2018/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS"),
      ("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS")}),
    ("a colon list takes the header's relation; a title inside an item chains",
     "Bãi bỏ toàn bộ 2 văn bản quy phạm pháp luật sau đây:\n"
     "1. Thông tư số 08/2013/TT-BLĐTBXH ngày 10/6/2013 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội hướng dẫn "
     "Nghị định số 46/2013/NĐ-CP ngày 10/5/2013 của Chính phủ.\n"
     "2. Quyết định số 01/2006/QĐ-BLĐTBXH ngày 01/3/2006 của Bộ trưởng.",
     {(S, "08/2013/TT-BLĐTBXH", "REPEALS"), ("08/2013/TT-BLĐTBXH", "46/2013/NĐ-CP", "GUIDES"),
      (S, "01/2006/QĐ-BLĐTBXH", "REPEALS")}),
    ("an article heading that repeals governs its numbered items",
     "Điều 1. Bãi bỏ toàn bộ 2 văn bản quy phạm pháp luật\n"
     "1. Chỉ thị số 03/2005/CT-BTS ngày 07/3/2005 của Bộ trưởng Bộ Thủy sản.\n"
     "2. Quyết định số 54/2003/QĐ-BNN ngày 07/4/2003 của Bộ trưởng.",
     {(S, "03/2005/CT-BTS", "REPEALS"), (S, "54/2003/QĐ-BNN", "REPEALS")}),
    ("Căn cứ an act as amended: the basis is each of them; a PDF line break does not end the clause",
     "Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15 được sửa đổi, bổ sung bởi\nLuật số 73/2025/QH15 và Luật số "
     "84/2025/QH15;",
     {(S, "41/2024/QH15", "BASED_ON"), (S, "73/2025/QH15", "BASED_ON"), (S, "84/2025/QH15", "BASED_ON"),
      ("73/2025/QH15", "41/2024/QH15", "AMENDS"), ("84/2025/QH15", "41/2024/QH15", "AMENDS")}),
    ("a passive phrase with no document before it never points at the subject",
     "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam đã được sửa đổi, bổ sung một số điều theo Nghị "
     "quyết số 203/2025/QH15;",
     {(S, "203/2025/QH15", "BASED_ON")}),
    ("an act amends only an act of its rank or below: the decree amends the decree, not the law in its title",
     "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và "
     "biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi "
     "Nghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025;",
     {(S, "78/2025/NĐ-CP", "BASED_ON"), (S, "187/2025/NĐ-CP", "BASED_ON"),
      ("187/2025/NĐ-CP", "78/2025/NĐ-CP", "AMENDS"), ("78/2025/NĐ-CP", "80/2015/QH13", "GUIDES")}),
    ("a law named again without its number is the one numbered before",
     "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\nCăn cứ Nghị định số 78/2025/NĐ-CP của "
     "Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản "
     "quy phạm pháp luật;",
     {(S, "64/2025/QH15", "BASED_ON"), (S, "78/2025/NĐ-CP", "BASED_ON"), ("78/2025/NĐ-CP", "64/2025/QH15", "GUIDES")}),
    ("a law named without a date is never a version newer than the act citing it",
     "Thực hiện Nghị định số 46/2013/NĐ-CP ngày 10/5/2013 của Chính phủ quy định chi tiết thi hành một số điều của "
     "Bộ luật Lao động về tranh chấp lao động.",
     {(S, "46/2013/NĐ-CP", "IMPLEMENTS")}),
    ("a phrase after the document: 'hết hiệu lực' is a replacement by the subject",
     "Nghị định số 75/2024/NĐ-CP ngày 24 tháng 6 năm 2024 của Chính phủ điều chỉnh lương hưu hết hiệu lực thi hành "
     "kể từ ngày Nghị định này có hiệu lực.",
     {(S, "75/2024/NĐ-CP", "REPLACES")}),
    ("'Xét đề nghị … Tờ trình' cites; a symbol glued to 'ngày' is cut",
     "Xét đề nghị của Chính phủ tại Tờ trình số 380/TTr-CP và Đề án số 381/ĐA-CPngày 09 tháng 5 năm 2025;",
     {(S, "380/TTr-CP", "CITES"), (S, "381/ĐA-CP", "CITES")}),
    ("postponing is not implementing",
     "tạm hoãn việc triển khai thực hiện công văn số 4395/ubnd-nc ngày 03/9/2021 của ubnd tỉnh.",
     {(S, "4395/UBND-NC", "CITES")}),
    ("'thu hồi' revokes only the document right after it",
     "thu hồi quyết định số 346/qđ-ubnd ngày 06/02/2020; điều chỉnh diện tích thu hồi tại quyết định số "
     "3000/qđ-ubnd ngày 01/11/2016.",
     {(S, "346/QĐ-UBND", "REPEALS"), (S, "3000/QĐ-UBND", "CITES")}),
    ("'A <title with a phrase> và B': B joins A, the phrase stays in A's title",
     "Căn cứ Thông tư số 138/2025/TT-BTC ngày 30 tháng 12 năm 2025 của Bộ trưởng Bộ Tài chính sửa đổi, bổ sung một "
     "số điều của Thông tư 95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng Bộ Tài chính hướng dẫn giám sát "
     "giao dịch chứng khoán trên thị trường chứng khoán và Thông tư số 06/2022/TT-BTC ngày 08 tháng 02 năm 2022;",
     {(S, "138/2025/TT-BTC", "BASED_ON"), ("138/2025/TT-BTC", "95/2020/TT-BTC", "AMENDS"),
      ("138/2025/TT-BTC", "06/2022/TT-BTC", "AMENDS")}),
    ("an older act cannot amend a newer one: the later decree joins the clause's basis",
     "Căn cứ Nghị định số 154/2020/NĐ-CP ngày 31/12/2020 của Chính phủ sửa đổi, bổ sung một số điều của Nghị định "
     "số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ và Nghị định số 59/2024/NĐ-CP ngày 25 tháng 5 năm "
     "2024 của Chính phủ;",
     {(S, "154/2020/NĐ-CP", "BASED_ON"), ("154/2020/NĐ-CP", "34/2016/NĐ-CP", "AMENDS"),
      (S, "59/2024/NĐ-CP", "BASED_ON")}),
    ("a phrase does not reach across ';'",
     "Cơ bản thống nhất nội dung sửa đổi, bổ sung Quy định số 232-QĐ/TW, ngày 20/01/2025 của Ban Chấp hành Trung "
     "ương Đảng về thi hành Điều lệ Đảng; Quy định số 22-QĐ/TW, ngày 28/7/2021 của Ban Chấp hành Trung ương Đảng.",
     {(S, "232-QĐ/TW", "AMENDS"), (S, "22-QĐ/TW", "AMENDS")}),
    ("a phrase in a document's own description chains from it",
     "9. Quyết định số 02/2007/QĐ-BTS ngày 08/3/2007 của Bộ trưởng Bộ Thủy sản về việc ban hành Chương trình hành "
     "động của Bộ Thủy sản thực hiện Nghị quyết Đại hội Đảng lần thứ X, Nghị quyết số 25/2006/NQ-CP ngày "
     "09/10/2006 của Chính phủ.",
     {(S, "02/2007/QĐ-BTS", "CITES"), ("02/2007/QĐ-BTS", "25/2006/NQ-CP", "IMPLEMENTS")}),
    ("an act cannot amend a higher-ranked one: a circular's description only cites the resolution",
     "Bãi bỏ Điều 3 Thông tư số 22/2011/TT-BNNPTNT ngày 06/4/2011 của Bộ trưởng sửa đổi, bổ sung một số quy định về "
     "thủ tục hành chính theo Nghị quyết số 57/NQ-CP ngày 15/12/2010; sửa đổi Nghị định số 05/2020/NĐ-CP.",
     {(S, "22/2011/TT-BNNPTNT", "REPEALS"), ("22/2011/TT-BNNPTNT", "57/NQ-CP", "CITES"),
      (S, "05/2020/NĐ-CP", "CITES")}),
    ("'theo quy định tại' in a body cites",
     "Hồ sơ được giải quyết theo quy định tại Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018.",
     {(S, "15/2018/NĐ-CP", "CITES")}),
]


def edges_of(text: str) -> set:
    src = Source(file="case.jsonl#1", text=text, kind_hint="record", meta={"symbol": S, "date": "2026-03-01"})
    return {(e.source_symbol, e.target_symbol, e.relation) for e in extract_citations(src).edges}


@pytest.mark.parametrize("rule,text,expected", RULES, ids=[r[0][:60] for r in RULES])
def test_relation_rules(rule, text, expected):
    assert edges_of(text) == expected


# --- the subject's own identity ---------------------------------------------------------------------------------

CONSOLIDATED = """BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

THÔNG TƯ
Hướng dẫn quản lý lao động, tiền lương đối với Bảo hiểm tiền gửi Việt Nam

Thông tư số 32/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có
hiệu lực từ ngày 10 tháng 12 năm 2016, được sửa đổi, bổ sung bởi:
Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có
hiệu lực từ ngày 29 tháng 12 năm 2024.
Căn cứ Nghị định số 106/2012/NĐ-CP ngày 20 tháng 12 năm 2012 của Chính phủ;
Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc quản lý lao động.
Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh về Bộ để hướng dẫn bổ sung kịp thời./.

BỘ LAO ĐỘNG - THƯƠNG BINH
VÀ XÃ HỘI
XÁC THỰC VĂN BẢN HỢP NHẤT
Số: 462/VBHN-BLĐTBXH
Hà Nội, ngày 10 tháng 02 năm 2025

KT. BỘ TRƯỞNG
THỨ TRƯỞNG

Lê Văn Thanh

PHỤ LỤC
Mẫu số 01 … (Ký, ghi rõ họ tên)
""" + "Nội dung phụ lục.\n" * 200

LAW = """QUỐC HỘI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Luật số: 51/2024/QH15

LUẬT
SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT BẢO HIỂM Y TẾ

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Điều 1. Sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12.
Luật này được Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XV, kỳ họp thứ 8 thông qua ngày 27 tháng 11 năm
2024.

CHỦ TỊCH QUỐC HỘI

Trần Thanh Mẫn
"""

TABLE_SIGNATURE = """BAN CHẤP HÀNH TRUNG ƯƠNG

Số 60-NQ/TW

Hà Nội, ngày 12 tháng 4 năm 2025

NGHỊ QUYẾT

HỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII

Ban Chấp hành Trung ương Đảng kêu gọi toàn Đảng thực hiện thắng lợi nhiệm vụ.

  ----------------------------------- -----------------------------------
  ***Nơi nhận:\\***                     **T/M BAN CHẤP HÀNH TRUNG ƯƠNG\\**
  - Các tỉnh ủy, thành ủy,\\                       TỔNG BÍ THƯ\\
  - Lưu Văn phòng Trung ương Đảng.                 Tô Lâm**

  ----------------------------------- -----------------------------------

**DANH SÁCH CÁC TỈNH**
""" + "Tỉnh A, tỉnh B.\n" * 200

SUBJECTS = [
    ("consolidated text: number, date and signer from the XÁC THỰC block", CONSOLIDATED,
     {"symbol": "462/VBHN-BLĐTBXH", "type": "VBHN", "date": "2025-02-10", "signer": "Lê Văn Thanh"},
     {("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS")}),
    ("a law's date is the day it was adopted", LAW,
     {"symbol": "51/2024/QH15", "date": "2024-11-27", "signer": "Trần Thanh Mẫn"},
     {("51/2024/QH15", "25/2008/QH12", "AMENDS")}),
    ("a signature laid out in a table beside 'Nơi nhận'", TABLE_SIGNATURE,
     {"symbol": "60-NQ/TW", "date": "2025-04-12", "signer": "Tô Lâm"}, set()),
]


@pytest.mark.parametrize("rule,text,fields,edges", SUBJECTS, ids=[s[0][:50] for s in SUBJECTS])
def test_subject_rules(rule, text, fields, edges):
    ex = extract_citations(Source(file="doc.txt", text=text))
    assert {k: getattr(ex.subject, k) for k in fields} == fields
    assert edges <= {(e.source_symbol, e.target_symbol, e.relation) for e in ex.edges}


def test_a_date_opening_the_next_paragraph_is_not_a_tail():
    """Title "thực hiện Kế hoạch số 39-KH/HU", then a paragraph "Ngày 09/05/2016, … ban hành Kế hoạch số 44-KH/TU":
    the date belongs to the next sentence, not to 39-KH/HU (whose own date comes later)."""
    from graphbuild.models import Source
    text = ("ĐẢNG ỦY XÃ VĨNH CHÁNH\n*\nSố 20-KH/ĐU\nVĩnh Chánh, ngày 21 tháng 08 năm 2016\n\nKẾ HOẠCH\n"
            "thực hiện Kế hoạch số 39-KH/HU\n\nNgày 09/05/2016, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 44-KH/TU; "
            "Kế hoạch số 39-KH/HU, ngày 04 tháng 08 năm 2016 của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch số "
            "44-KH/TU.\n")
    ext = extract_citations(Source(file="x.txt", text=text))
    dates = {d.symbol: d.date for d in ext.documents}
    assert dates["39-KH/HU"] == "2016-08-04"
