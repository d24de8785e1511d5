"""Relation rules: a sentence (the body of a record whose subject is S) -> the edges it states."""
import pytest

from graphbuild import extract_citations
from graphbuild.models import Source

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
    ("items a quotation leaves out ('…' on a line of its own) do not end the list",
     "4. Bãi bỏ các nội dung quy định về thuế tại các điều, khoản của các văn bản sau đây:\n…\n"
     "b) Khoản 2 Điều 4 của Thông tư số 08/2013/TT-BLĐTBXH;\n…\nd) Điều 34 của Quyết định số 01/2006/QĐ-BLĐTBXH.",
     {(S, "08/2013/TT-BLĐTBXH", "REPEALS"), (S, "01/2006/QĐ-BLĐTBXH", "REPEALS")}),
    ("a page's footnotes between two items do not end the list: the item goes on from the one before",
     "2. Các văn bản sau đây hết hiệu lực thi hành:\n"
     "c) Thông tư số 22/2013/TT-BLĐTBXH ngày 15 tháng 10 năm 2013 của Bộ trưởng;\n"
     "d) Quyết định số 18/2007/QĐ-BLĐTBXH ngày 18 tháng 7 năm 2007 của Bộ trưởng;\n\n"
     "Điều 4 Thông tư số 02/2024/TT-BLĐTBXH ngày 23 tháng 02 năm 2024 của Bộ trưởng quy định như sau:\n"
     "“Điều 4. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 5 năm 2024./.”\n\n"
     "CÔNG BÁO/Số 677 + 678/Ngày 30-5-2024\n35\n\n"
     "đ) Quyết định số 20/2007/QĐ-BLĐTBXH ngày 02 tháng 8 năm 2007 của Bộ trưởng;\n"
     "e) Quyết định số 61/2008/QĐ-BLĐTBXH ngày 12 tháng 8 năm 2008 của Bộ trưởng.",
     {(S, "22/2013/TT-BLĐTBXH", "REPLACES"), (S, "18/2007/QĐ-BLĐTBXH", "REPLACES"), (S, "02/2024/TT-BLĐTBXH", "CITES"),
      (S, "20/2007/QĐ-BLĐTBXH", "REPLACES"), (S, "61/2008/QĐ-BLĐTBXH", "REPLACES")}),
    ("'được điều chỉnh tại' names the act that amended the document before it",
     "Quyết định số 742/QĐ-UBND ngày 28/7/2022 được điều chỉnh tại Quyết định số 318/QĐ-UBND ngày 20/3/2023 của UBND "
     "tỉnh.",
     {(S, "742/QĐ-UBND", "CITES"), ("318/QĐ-UBND", "742/QĐ-UBND", "AMENDS"), (S, "318/QĐ-UBND", "CITES")}),
    ("the provisions a passive phrase changed may stand between its verb and its preposition",
     "Thực hiện theo Thông tư số 09/2022/TT-BLĐTBXH ngày 25/5/2022 của Bộ trưởng, được sửa đổi, bổ sung Điều 1 tại "
     "Thông tư số 02/2023/TT-BLĐTBXH ngày 12/4/2023.",
     {(S, "09/2022/TT-BLĐTBXH", "CITES"), ("02/2023/TT-BLĐTBXH", "09/2022/TT-BLĐTBXH", "AMENDS"),
      (S, "02/2023/TT-BLĐTBXH", "CITES")}),
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
    # (78/2025/NĐ-CP of April 2025 details the law as passed in February 2025: 64/2025/QH15)
    ("an act amends only an act of its rank or below: the decree amends the decree, not the law in its title",
     "Căn cứ Nghị định số 78/2025/NĐ-CP ngày 01 tháng 4 năm 2025 của Chính phủ quy định chi tiết một số điều và "
     "biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản quy phạm pháp luật được sửa đổi, bổ sung bởi "
     "Nghị định số 187/2025/NĐ-CP ngày 01 tháng 7 năm 2025;",
     {(S, "78/2025/NĐ-CP", "BASED_ON"), (S, "187/2025/NĐ-CP", "BASED_ON"),
      ("187/2025/NĐ-CP", "78/2025/NĐ-CP", "AMENDS")}),      # the law it guides is not pinned by the text: no chain
    ("a law named again without its number is the one numbered before",
     "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;\nCăn cứ Nghị định số 78/2025/NĐ-CP của "
     "Chính phủ quy định chi tiết một số điều và biện pháp để tổ chức, hướng dẫn thi hành Luật Ban hành văn bản "
     "quy phạm pháp luật;",
     {(S, "64/2025/QH15", "BASED_ON"), (S, "78/2025/NĐ-CP", "BASED_ON"), ("78/2025/NĐ-CP", "64/2025/QH15", "GUIDES")}),
    ("a law named without a date is never a version newer than the act citing it",
     "Căn cứ Bộ luật Lao động số 45/2019/QH14;\nThực hiện Nghị định số 46/2013/NĐ-CP ngày 10/5/2013 của Chính phủ quy "
     "định chi tiết thi hành một số điều của Bộ luật Lao động về tranh chấp lao động.",
     # the decree of 2013 guides the Code of 2012 (10/2012/QH13), not the one this text pins (45/2019/QH14): as the
     # text does not pin 10/2012/QH13, there is no chain at all
     {(S, "45/2019/QH14", "BASED_ON"), (S, "46/2013/NĐ-CP", "IMPLEMENTS")}),
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
     "Cơ bản thống nhất nội dung sửa đổi, bổ sung Thông tư số 32/2025/TT-BTC, ngày 20/01/2025 của Bộ trưởng Bộ Tài "
     "chính về quản lý phí; Thông tư số 22/2021/TT-BTC, ngày 28/7/2021 của Bộ trưởng Bộ Tài chính.",
     {(S, "32/2025/TT-BTC", "AMENDS"), (S, "22/2021/TT-BTC", "AMENDS")}),
    # (the subject is a circular: it could not amend a Party rule)
    ("extending the time of carrying out a decision amends it",
     "Gia hạn thời gian thực hiện Quyết định số 700/QĐ-UBND ngày 02/02/2024 của UBND tỉnh.",
     {(S, "700/QĐ-UBND", "AMENDS")}),
    ("a type written as its code before the number is the type word",
     "Bãi bỏ QĐ số 20/2019/QĐ-UBND ngày 12/3/2019 của UBND tỉnh; thay thế TT 45/2019/TT-BTC ngày 10/7/2019.",
     {(S, "20/2019/QĐ-UBND", "REPEALS"), (S, "45/2019/TT-BTC", "REPLACES")}),
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
    ("more verbs in one passive; a State act amends no Party document (the programme's resolution is amended)",
     "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị; Nghị quyết số 03/NQ-CP ngày 09/01/2025 của "
     "Chính phủ ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW (được sửa đổi, bổ sung, cập nhật "
     "tại Nghị quyết số 71/NQ-CP ngày 01/4/2025).",
     {(S, "57-NQ/TW", "BASED_ON"), (S, "03/NQ-CP", "BASED_ON"), (S, "71/NQ-CP", "BASED_ON"),
      ("03/NQ-CP", "57-NQ/TW", "IMPLEMENTS"), ("71/NQ-CP", "03/NQ-CP", "AMENDS")}),
    ("a short form keeps its document's date: a 2024 resolution rests on no 2025 plan",
     "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị. Các xã xây dựng kế hoạch thực hiện Nghị "
     "quyết 57 của Ủy ban nhân dân xã trên cơ sở Kế hoạch số 112/KH-UBND ngày 05/9/2025 của Ủy ban nhân dân tỉnh.",
     {(S, "57-NQ/TW", "IMPLEMENTS"), (S, "112/KH-UBND", "CITES")}),
    ("a body named after the last comma of a title acts, not the titled document",
     "Thực hiện Chỉ thị số 28-CT/TW ngày 21/9/2023 của Ban Bí thư về nâng cao chất lượng kết nạp đảng viên và rà "
     "soát, sàng lọc, đưa những đảng viên không còn đủ tư cách ra khỏi Đảng, Ban Tổ chức Trung ương hướng dẫn thực "
     "hiện một số điều của Quy định số 232-QĐ/TW ngày 20/01/2025 như sau:",
     {(S, "28-CT/TW", "IMPLEMENTS"), (S, "232-QĐ/TW", "GUIDES")}),
    ("… but bodies listed after 'của' are the titled document's issuers",
     "Thông tư liên tịch số 144/2008/TTLT-BQP-BLĐTBXH-BTC ngày 27 tháng 11 năm 2008 của Bộ Quốc phòng, Bộ Lao động "
     "- Thương binh và Xã hội, Bộ Tài chính hướng dẫn thực hiện Quyết định số 142/2008/QĐ-TTg.",
     {("144/2008/TTLT-BQP-BLĐTBXH-BTC", "142/2008/QĐ-TTg", "GUIDES"), (S, "144/2008/TTLT-BQP-BLĐTBXH-BTC", "CITES")}),
    ("'Căn cứ' opening a line governs each item after ';', the first a name without a number",
     "- Căn cứ Điều lệ Đảng; Quy định số 232-QĐ/TW ngày 20/01/2025 của Ban Chấp hành Trung ương về thi hành Điều lệ "
     "Đảng; Hướng dẫn số 01-HD/TW ngày 28/9/2021 của Ban Bí thư một số vấn đề cụ thể thi hành Điều lệ Đảng;",
     {(S, "232-QĐ/TW", "BASED_ON"), (S, "01-HD/TW", "BASED_ON")}),
    ("'Thực hiện theo' opening a clause is done according to the documents, not implementing them",
     "1.1. Thực hiện theo Điều 1 Điều lệ Đảng, Quy định số 232-QĐ/TW ngày 20/01/2025 và Hướng dẫn số 01-HD/TW ngày "
     "28/9/2021. Chi bộ phải xem xét kỹ động cơ vào Đảng.",
     {(S, "232-QĐ/TW", "CITES"), (S, "01-HD/TW", "CITES")}),
    ("a phrase after a plural type word is said of those unnamed documents",
     "Sửa đổi, bổ sung một số điều của các Nghị định quy định chi tiết Bộ luật Lao động số 45/2019/QH14.",
     {(S, "45/2019/QH14", "CITES")}),
    ("'theo quy định tại' in a body cites",
     "Hồ sơ được giải quyết theo quy định tại Nghị định số 15/2018/NĐ-CP ngày 02 tháng 02 năm 2018.",
     {(S, "15/2018/NĐ-CP", "CITES")}),
]


def edges_of(text: str, subject: str = S) -> set:
    src = Source(file="case.jsonl#1", text=text, kind_hint="record", meta={"symbol": subject, "date": "2026-03-01"})
    return {(e.source_symbol, e.target_symbol, e.relation) for e in extract_citations(src).edges}


def test_a_letter_corrects_a_decision():
    """A correction is issued as a letter as often as a decision: only amending, replacing, repealing need an act."""
    text = "Đính chính Quyết định số 291/QĐ-UBND ngày 01/02/2019 của UBND tỉnh như sau: …"
    assert edges_of(text, "1125/UBND-KSTT") == {("1125/UBND-KSTT", "291/QĐ-UBND", "CORRECTS")}


@pytest.mark.parametrize("subject,relation", [("12-KH/TU", "CITES"), ("12/KH-UBND", "CITES"), ("15-NQ/TU", "CITES"),
                                              ("30/2026/QĐ-UBND", "AMENDS")])
def test_only_an_act_of_its_system_amends_an_act(subject, relation):
    """A plan's "Sửa đổi Quyết định số …" is a task, and a Party resolution does not amend a State decision: only a
    State act amends one (vocab/doc_types.tsv, ``act``)."""
    text = "2. Sửa đổi Quyết định số 20/2018/QĐ-UBND ngày 01/02/2018 của UBND tỉnh cho phù hợp."
    assert edges_of(text, subject) == {(subject, "20/2018/QĐ-UBND", relation)}


@pytest.mark.parametrize("subject", ["65/TB-UBND", "62/BC-UBND", "1362/KH-UBND"])
def test_the_state_of_an_implementation_is_reviewed_not_implemented(subject):
    """A catalogue title "tình hình (triển khai) thực hiện Nghị quyết số …" says what its record does: a report, a
    notice or a plan on the state of an implementation reviews it; none implements it."""
    text = "tình hình triển khai thực hiện nghị quyết số 35/nq-cp ngày 04/06/2019 của chính phủ"
    assert edges_of(text, subject) == {(subject, "35/NQ-CP", "REVIEWS")}


def test_an_act_named_as_the_source_of_an_expiry_ends_what_expires_and_is_not_implemented():
    """A department's letter: "A … hết hiệu lực thi hành (khoản 2 Điều 44 Nghị định số B)": B replaces A (the letter
    reports it); the 'thi hành' of 'hiệu lực thi hành' implements nothing."""
    text = ("UBND TỈNH CÀ MAU\nSỞ NỘI VỤ\nSố: 1872/SNV-LĐTL\nV/v hướng dẫn thực hiện chế độ bảo hiểm xã hội\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCà Mau, ngày 21 tháng 7 năm 2025\n\nKính gửi: Các cơ quan, đơn vị.\n\n"
            "a) Kể từ ngày 01/7/2025, Nghị định số 115/2015/NĐ-CP ngày 11/11/2015 của Chính phủ quy định chi tiết một số "
            "điều của Luật Bảo hiểm xã hội hết hiệu lực thi hành (khoản 2 Điều 44 Nghị định số 158/2025/NĐ-CP).\n")
    edges = {(e.source_symbol, e.target_symbol): (e.relation, e.mode)
             for e in extract_citations(Source(file="cv.txt", text=text)).edges}
    assert edges[("158/2025/NĐ-CP", "115/2015/NĐ-CP")] == ("REPLACES", "enacted")
    assert edges[("1872/SNV-LĐTL", "115/2015/NĐ-CP")] == ("CITES", "reported")
    assert edges[("1872/SNV-LĐTL", "158/2025/NĐ-CP")] == ("CITES", "enacted")


@pytest.mark.parametrize("rule,text,expected", RULES, ids=[r[0][:60] for r in RULES])
def test_relation_rules(rule, text, expected):
    assert edges_of(text) == expected


