"""The grammar of a citing clause in a ministry's circular (extract/relations.py, clauses.py, mentions.py): where a
clause starts and ends, what a phrase written after its documents governs, a list whose header takes documents out
of scope, a document named as another's amender, laws named by name, and joint symbols. Each case is a body written
into one circular and names the edges it must give (source, target) -> (relation, mode)."""
import pytest

from graphbuild import extract_citations
from graphbuild.models import Source

S = "05/2026/TT-BLĐTBXH"
HEADER = """BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
Số: 05/2026/TT-BLĐTBXH
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Quy định về đào tạo nghề cho người lao động

"""
LONG = ("bảo đảm người học được hoàn thành chương trình đào tạo theo kế hoạch đã được phê duyệt và tạo điều kiện "
        "để người học tiếp tục học tập ở trình độ cao hơn phù hợp với nhu cầu của thị trường lao động trong nước "
        "và quốc tế, gắn với việc làm bền vững của người lao động ở mọi vùng miền")

CASES = [
    ("a preamble line that opens on a document right after a 'Căn cứ …;' line goes on with its bases",
     "Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008;\nLuật sửa đổi, bổ sung một số điều của "
     "Luật Bảo hiểm y tế số 46/2014/QH13 ngày 13 tháng 6 năm 2014 và Luật sửa đổi, bổ sung một số điều của Luật Bảo "
     "hiểm y tế số 51/2024/QH15 ngày 27 tháng 11 năm 2024;\nCăn cứ Nghị định số 29/2025/NĐ-CP ngày 24 tháng 02 năm "
     "2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ;\nNghị định số 166/2025/NĐ-CP ngày 30 tháng 6 năm 2025 "
     "sửa đổi, bổ sung một số điều của Nghị định số 29/2025/NĐ-CP;\nTheo đề nghị của Vụ trưởng Vụ Pháp chế;",
     {(S, "46/2014/QH13"): ("BASED_ON", "enacted"), (S, "51/2024/QH15"): ("BASED_ON", "enacted"),
      (S, "166/2025/NĐ-CP"): ("BASED_ON", "enacted"), ("166/2025/NĐ-CP", "29/2025/NĐ-CP"): ("AMENDS", "enacted")}),
    ("a law cited by its name alone, whose number no text and no table gives, is identified by that name",
     "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, "
     "khen thưởng ngày 14 tháng 6 năm 2005;",
     {(S, "15/2003/QH11"): ("BASED_ON", "enacted"),
      (S, "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng"): ("BASED_ON", "enacted")}),
    ("a purpose clause before several bodies' issues is each issued document's, a body's name holding '(cũ)'",
     "Thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ, Ủy ban nhân dân tỉnh An Giang (cũ) đã ban hành "
     "Kế hoạch số 215/KH-UBND ngày 10/3/2025, Ủy ban nhân dân tỉnh Kiên Giang (cũ) đã ban hành Kế hoạch số "
     "68/KH-UBND ngày 17/3/2025 để triển khai trên địa bàn.",
     {("215/KH-UBND", "03/NQ-CP"): ("IMPLEMENTS", "enacted"), ("68/KH-UBND", "03/NQ-CP"): ("IMPLEMENTS", "enacted"),
      (S, "03/NQ-CP"): ("CITES", "reported")}),
    ("a title's horizon after a comma is the title's: a purpose after it is the titled document's",
     "Ủy ban nhân dân tỉnh ban hành Quyết định số 1850/QĐ-UBND ngày 12/8/2021 phê duyệt Đề án chuyển đổi số tỉnh "
     "giai đoạn 2021 - 2025, định hướng đến năm 2030 nhằm cụ thể hóa Quyết định số 749/QĐ-TTg trên địa bàn.",
     {("1850/QĐ-UBND", "749/QĐ-TTg"): ("IMPLEMENTS", "enacted")}),
    ("a document joined to a phrase by 'với' alone does not do what the phrase says; the sentence does",
     "Gắn việc thực hiện Nghị quyết 72-NQ/TW với tiếp tục thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 của Ban "
     "Chấp hành Trung ương.",
     {(S, "21-NQ/TW"): ("CONTINUES", "enacted")}),
    ("a central document does not rest on what a province issued: the phrase after it is not said of it",
     "Xây dựng kế hoạch thực hiện Nghị quyết 72-NQ/TW của Ủy ban nhân dân xã trên cơ sở Kế hoạch số 512/KH-UBND "
     "ngày 05/12/2025 của Ủy ban nhân dân tỉnh.",
     {(S, "512/KH-UBND"): ("CITES", "enacted"), ("72-NQ/TW", "512/KH-UBND"): None}),
    ("'A … có hiệu lực từ ngày … và thay thế B' is the sentence's predicate: the text cites B too",
     "Nghị định số 166/2013/NĐ-CP ngày 12/11/2013 của Chính phủ quy định về cưỡng chế thi hành quyết định xử phạt "
     "có hiệu lực từ ngày 30/12/2013 và thay thế Nghị định số 37/2005/NĐ-CP ngày 18/3/2005 của Chính phủ.",
     {("166/2013/NĐ-CP", "37/2005/NĐ-CP"): ("REPLACES", "enacted"), (S, "37/2005/NĐ-CP"): ("CITES", "enacted")}),
    ("what a body will do is a commitment, not the text's act",
     "Trong năm 2026, Ủy ban nhân dân tỉnh sẽ sửa đổi Quyết định số 12/2020/QĐ-UBND ngày 5/6/2020.",
     {(S, "12/2020/QĐ-UBND"): ("CITES", "assigned")}),
    ("a draft that replaces a document does not make the text replace it",
     "Dự thảo Quyết định thay thế Quyết định số 12/2020/QĐ-UBND ngày 5/6/2020 đã được Sở Tư pháp thẩm định.",
     {(S, "12/2020/QĐ-UBND"): ("CITES", "enacted")}),
    ("a condition after a short adverbial ('Trong quá trình thực hiện, nếu …') makes the clause conditional",
     "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan phản ánh về Sở Tài chính để tổng hợp, báo cáo Bộ "
     "trưởng xem xét, sửa đổi Thông tư số 12/2020/TT-BLĐTBXH cho phù hợp.",
     {(S, "12/2020/TT-BLĐTBXH"): ("CITES", "conditional")}),
    ("'Căn cứ' after the words of its clause says on what someone acts; opening a part after ';' it is the text's",
     "Căn cứ Luật Thống kê số 89/2015/QH13; Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính "
     "phủ;\nTheo đề nghị của Vụ trưởng Vụ Pháp chế;\n\nĐiều 1. Phạm vi điều chỉnh\nBan Biên tập căn cứ quy định "
     "tại Nghị định số 51/2016/NĐ-CP ngày 13 tháng 6 năm 2016 của Chính phủ để xác định quỹ tiền lương.\n"
     "Căn cứ Quyết định số 28/2025/QĐ-TTg ngày 24 tháng 8 năm 2025 của Thủ tướng Chính phủ, Bộ Công an xác định "
     "mức chi hỗ trợ.",
     {(S, "89/2015/QH13"): ("BASED_ON", "enacted"), (S, "62/2022/NĐ-CP"): ("BASED_ON", "enacted"),
      (S, "51/2016/NĐ-CP"): ("CITES", "enacted"), (S, "28/2025/QĐ-TTg"): ("CITES", "enacted")}),
    ("provisions of a document named before it, then 'hết hiệu lực': the text ends that part of the document",
     "Điều 16. Hiệu lực thi hành\n2. Các quy định tại khoản 1, khoản 2 Điều 1, Điều 4 và khoản 2 Điều 5\nThông tư số "
     "37/2021/TT-BLĐTBXH ngày 31 tháng 12 năm 2021 của Bộ trưởng\nBộ Lao động - Thương binh và Xã hội hướng dẫn "
     "điều chỉnh lương hưu hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.\n3. Các quy định trái "
     "với Thông tư này hết hiệu lực.",
     {(S, "37/2021/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("the provisions on a matter in a document, then 'hết hiệu lực': the text ends that part of the document",
     "Điều 16. Hiệu lực thi hành\nNhững quy định về đào tạo nghề trong Thông tư số 42/2015/TT-BLĐTBXH ngày 20 tháng "
     "10 năm 2015 hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.",
     {(S, "42/2015/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("what an act issues with it is an attachment, never a numbered document named in the attachment's title",
     "Căn cứ Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình "
     "hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị ban hành kèm "
     "theo Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ;",
     {("03/NQ-CP", "57-NQ/TW"): None, ("03/NQ-CP", "71/NQ-CP"): None}),
    ("an act on a phrase of a document amends it; it neither repeals nor replaces the document",
     "Điều 12. Sửa đổi các thông tư có liên quan\n1. Bỏ cụm từ “phí tuyển sinh” tại Điều 5 của Thông tư số "
     "12/2019/TT-BLĐTBXH ngày 02 tháng 8 năm 2019 của Bộ trưởng.\n2. Thay thế cụm từ “Tổng cục” bằng cụm từ “Cục” "
     "tại khoản 2 Điều 3 của Thông tư số 15/2020/TT-BLĐTBXH ngày 10 tháng 9 năm 2020 của Bộ trưởng.",
     {(S, "12/2019/TT-BLĐTBXH"): ("AMENDS", "enacted"), (S, "15/2020/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("a sentence ends right before the document a later phrase repeals",
     "Điều 13. Hiệu lực thi hành\n1. Thông tư này có hiệu lực kể từ ngày 05 tháng 5 năm 2026. Thông tư số "
     "03/2017/TT-BLĐTBXH ngày 01 tháng 3 năm 2017 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội quy định về quy "
     "trình xây dựng chương trình; tổ chức biên soạn giáo trình đào tạo hết hiệu lực kể từ ngày Thông tư này có "
     "hiệu lực thi hành.",
     {(S, "03/2017/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("a time said before the documents does not hide them from the phrase after them",
     "Điều 13. Hiệu lực thi hành\n2. Kể từ ngày Thông tư này có hiệu lực thi hành, Thông tư số 06/2021/TT-BLĐTBXH "
     "ngày 30 tháng 9 năm 2021 của Bộ trưởng quy định chi tiết việc thu phí hết hiệu lực thi hành.",
     {(S, "06/2021/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("a part after ';' with a subject of its own takes the phrase for itself",
     "Điều 13. Hiệu lực thi hành\nThông tư này có hiệu lực kể từ ngày 05 tháng 5 năm 2026; các quy định trái với "
     "Thông tư số 07/2019/TT-BLĐTBXH ngày 07 tháng 3 năm 2019 hết hiệu lực kể từ ngày Thông tư này có hiệu lực.",
     {(S, "07/2019/TT-BLĐTBXH"): ("CITES", "enacted")}),
    ("'chấm dứt hiệu lực kể từ ngày' after the documents repeals them",
     "Điều 14. Điều khoản thi hành\nKhoản 4 Điều 12 Nghị định số 75/2021/NĐ-CP ngày 24 tháng 7 năm 2021 của Chính "
     "phủ chấm dứt hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.",
     {(S, "75/2021/NĐ-CP"): ("REPEALS", "enacted")}),
    ("the items of a list that its header takes out of scope are negated; the next clause is not",
     "Điều 1. Phạm vi điều chỉnh\n1. Thông tư này quy định về đào tạo nghề.\n2. Thông tư này không áp dụng đối "
     "với kinh phí do ngân sách địa phương bảo đảm:\na) Kinh phí chi trả trợ cấp một lần theo Quyết định số "
     "24/2016/QĐ-TTg ngày 14 tháng 6 năm 2016 của Thủ tướng Chính phủ;\nb) Kinh phí đào tạo theo quy định tại "
     "Nghị định số 61/2015/NĐ-CP ngày 09 tháng 7 năm 2015 của Chính phủ.\n3. Kinh phí đào tạo nghề thực hiện theo "
     "quy định tại Thông tư số 152/2016/TT-BTC ngày 17 tháng 10 năm 2016 của Bộ Tài chính.",
     {(S, "24/2016/QĐ-TTg"): ("CITES", "negated"), (S, "61/2015/NĐ-CP"): ("CITES", "negated"),
      (S, "152/2016/TT-BTC"): ("CITES", "enacted")}),
    ("a document named as the amender of the one amended is cited in the clause's own mode",
     "Điều 1. Sửa đổi, bổ sung Điều 5 Thông tư số 10/2021/TT-BLĐTBXH ngày 10 tháng 8 năm 2021 đã được sửa đổi, bổ "
     "sung một số điều bởi Thông tư số 12/2024/TT-BLĐTBXH ngày 30 tháng 10 năm 2024 như sau:",
     {(S, "10/2021/TT-BLĐTBXH"): ("AMENDS", "enacted"), (S, "12/2024/TT-BLĐTBXH"): ("CITES", "enacted"),
      ("12/2024/TT-BLĐTBXH", "10/2021/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("a law's known name may hold 'theo' before its number",
     "Căn cứ Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14 ngày 13 tháng 11 "
     "năm 2020;",
     {(S, "69/2020/QH14"): ("BASED_ON", "enacted")}),
    ("a known law name broken by a line is read whole (the text pins it by number, so the chain holds)",
     "Căn cứ Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng số 69/2020/QH14;\n"
     "Căn cứ Nghị định số 112/2021/NĐ-CP ngày 10 tháng 12 năm 2021 của Chính phủ quy định chi tiết một số điều và "
     "biện pháp thi hành Luật Người lao động Việt\nNam đi làm việc ở nước ngoài theo hợp đồng;",
     {("112/2021/NĐ-CP", "69/2020/QH14"): ("GUIDES", "enacted")}),
    ("'năm 2005' after a law's name is its year",
     "Điều 3. Xử lý vi phạm\nNgười vi phạm bị xử lý theo quy định của Luật Phòng, chống tham nhũng năm 2005.",
     {(S, "55/2005/QH11"): ("CITES", "enacted")}),
    ("a law name written in lower case is read with its date",
     "Căn cứ Luật tổ chức Chính phủ ngày 19 tháng 6 năm 2015;",
     {(S, "76/2015/QH13"): ("BASED_ON", "enacted")}),
    ("a law's name written without the comma between its two verbs is the same law",
     "Căn cứ Luật Phòng chống thiên tai ngày 19 tháng 6 năm 2013;",
     {(S, "33/2013/QH13"): ("BASED_ON", "enacted")}),
    ("a law named with its date before a list that ends on a number is still found by its name (the text after its "
     "name fills the 160 characters read and ends on a space)",
     "Điều 3. Áp dụng\nThực hiện theo Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013, Luật sửa đổi, bổ sung "
     "một số điều của Luật Phòng, chống thiên tai và Luật Đê điều số 60/2020/QH14 và Nghị định số 66/2021/NĐ-CP.",
     {(S, "33/2013/QH13"): ("CITES", "enacted"), (S, "60/2020/QH14"): ("CITES", "enacted"),
      (S, "66/2021/NĐ-CP"): ("CITES", "enacted")}),
    ("a name an aside gives a law ('sau đây gọi là Luật BHXH năm 2024') is that law, there and when used again",
     "Điều 3. Áp dụng\nLuật Bảo hiểm xã hội số 41/2024/QH15 ngày 29/6/2024 (sau đây gọi là Luật BHXH năm 2024) thay "
     "thế Luật Bảo hiểm xã hội số 58/2014/QH13. Việc đóng bảo hiểm thực hiện theo Luật BHXH năm 2024.",
     {("41/2024/QH15", "58/2014/QH13"): ("REPLACES", "enacted"), (S, "41/2024/QH15"): ("CITES", "enacted")}),
    ("a list of what the text amends carried across ';' goes on after an item with its own amenders",
     "Điều 5. Sửa đổi, bổ sung một số điều của Thông tư số 10/2020/TT-BLĐTBXH; Thông tư số 11/2021/TT-BLĐTBXH "
     "đã được sửa đổi, bổ sung một số điều theo Thông tư số 12/2023/TT-BLĐTBXH và Thông tư số 13/2024/TT-BLĐTBXH; "
     "Thông tư số 14/2022/TT-BLĐTBXH như sau:",
     {(S, "10/2020/TT-BLĐTBXH"): ("AMENDS", "enacted"), (S, "11/2021/TT-BLĐTBXH"): ("AMENDS", "enacted"),
      ("12/2023/TT-BLĐTBXH", "11/2021/TT-BLĐTBXH"): ("AMENDS", "enacted"),
      (S, "14/2022/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("two documents joined by 'và' before one title share its phrase; one joined by a comma does not",
     "Căn cứ Nghị định số 53/2013/NĐ-CP ngày 18 tháng 5 năm 2013 của Chính phủ; Nghị định số 34/2015/NĐ-CP ngày 31 "
     "tháng 3 năm 2015 và Nghị định số 18/2016/NĐ-CP ngày 18 tháng 3 năm 2016 của Chính phủ sửa đổi, bổ sung một số "
     "điều của Nghị định số 53/2013/NĐ-CP;\nĐiều 4. Bãi bỏ Quyết định số 12/2019/QĐ-TTg, Quyết định số "
     "20/2020/QĐ-TTg sửa đổi Quyết định số 11/2018/QĐ-TTg.",
     {("34/2015/NĐ-CP", "53/2013/NĐ-CP"): ("AMENDS", "enacted"), ("18/2016/NĐ-CP", "53/2013/NĐ-CP"): ("AMENDS", "enacted"),
      ("20/2020/QĐ-TTg", "11/2018/QĐ-TTg"): ("AMENDS", "enacted"), ("12/2019/QĐ-TTg", "11/2018/QĐ-TTg"): None}),
    ("provisions named before their document, as the opening of the sentence or as the next item of a list, end "
     "with it ('Những quy định … tại Chương V của Luật A …, Chương V của Luật B … hết hiệu lực')",
     "Điều 35. Hiệu lực thi hành\nThông tư này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\nNhững quy định về "
     "đào tạo nghề tại Chương V của Thông tư số 09/2019/TT-BLĐTBXH đã được sửa đổi, bổ sung theo Thông tư số "
     "26/2020/TT-BLĐTBXH, Chương II của Thông tư số 02/2021/TT-BLĐTBXH hết hiệu lực thi hành kể từ ngày Thông tư này "
     "có hiệu lực.",
     {(S, "09/2019/TT-BLĐTBXH"): ("REPLACES", "enacted"), (S, "02/2021/TT-BLĐTBXH"): ("REPLACES", "enacted"),
      ("26/2020/TT-BLĐTBXH", "09/2019/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("the agent of a passive written between 'được' and the verb acts on the document before it",
     "Điều 3. Áp dụng\nMức lương cơ sở quy định tại Nghị định số 24/2023/NĐ-CP ngày 14/5/2023 của Chính phủ (đã được "
     "Nghị định số 73/2024/NĐ-CP thay thế kể từ ngày 01/7/2024) không được áp dụng.",
     {("73/2024/NĐ-CP", "24/2023/NĐ-CP"): ("REPLACES", "enacted")}),
    ("a passive with no agent ('A đã được sửa đổi, bổ sung và B') makes B no object of A's",
     "Điều 3. Áp dụng\nHồ sơ được tiếp nhận theo quy định tại Nghị định số 61/2018/NĐ-CP đã được sửa đổi, bổ sung và "
     "Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ.",
     {(S, "01/2018/TT-VPCP"): ("CITES", "enacted"), ("61/2018/NĐ-CP", "01/2018/TT-VPCP"): None}),
    ("an ordinance (Pháp lệnh) cited by name and date is found by its number",
     "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 09 tháng 12 năm 2020;",
     {(S, "02/2020/UBTVQH14"): ("BASED_ON", "enacted")}),
    ("a joint circular names up to six issuers, with '&' inside one",
     "Điều 2. Áp dụng\nViệc xử lý vật chứng thực hiện theo quy định của Thông tư liên tịch số "
     "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC ngày 29 tháng 12 năm 2017.",
     {(S, "01/2017/TTLT-BCA-BQP-BTC-BNN&PTNT-VKSNDTC"): ("CITES", "enacted")}),
    ("a list of amenders ends at ';': the next law is amended, not an amender",
     "Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15 đã được sửa đổi, bổ sung một số điều theo Luật số "
     "90/2025/QH15 và Luật số 149/2025/QH15; Luật Thuế thu nhập doanh nghiệp số 67/2025/QH15 đã được sửa đổi, bổ "
     "sung một số điều theo Luật số 116/2025/QH15;",
     {("90/2025/QH15", "48/2024/QH15"): ("AMENDS", "enacted"), ("149/2025/QH15", "48/2024/QH15"): ("AMENDS", "enacted"),
      ("116/2025/QH15", "67/2025/QH15"): ("AMENDS", "enacted"), ("67/2025/QH15", "48/2024/QH15"): None}),
    ("a list whose header says its items end ('Các văn bản sau đây hết hiệu lực …:') replaces them",
     "Điều 20. Hiệu lực thi hành\nCác văn bản sau đây hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực:\n"
     "1. Thông tư số 11/2016/TT-BLĐTBXH ngày 03 tháng 02 năm 2016 của Bộ trưởng quy định chi tiết;\n"
     "2. Quyết định số 60/2008/QĐ-BLĐTBXH ngày 26 tháng 9 năm 2008 của Bộ trưởng quy định về đào tạo.",
     {(S, "11/2016/TT-BLĐTBXH"): ("REPLACES", "enacted"), (S, "60/2008/QĐ-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("the documents that open the rows of an annex of repeals are repealed, in either table layout",
     "Điều 1. Bãi bỏ toàn bộ các văn bản tại Phụ lục ban hành kèm theo Thông tư này.\n\nPhụ lục\nDANH MỤC VĂN BẢN "
     "QUY PHẠM PHÁP LUẬT BỊ BÃI BỎ TOÀN BỘ\n(Kèm theo Thông tư số 05/2026/TT-BLĐTBXH)\nSTT\nTên loại văn bản\n"
     "Số, ký hiệu\nTrích yếu\n1\nThông tư\n12/2015/TT-BLĐTBXH\nHướng dẫn thực hiện chế độ\n"
     "2 | Quyết định | 25/2017/QĐ-BLĐTBXH | Về đào tạo nghề theo Nghị định số 61/2015/NĐ-CP",
     {(S, "12/2015/TT-BLĐTBXH"): ("REPEALS", "enacted"), (S, "25/2017/QĐ-BLĐTBXH"): ("REPEALS", "enacted"),
      (S, "61/2015/NĐ-CP"): ("CITES", "enacted")}),
    ("an annex of documents proposed for amendment assigns, it amends nothing",
     "Điều 2. Các bộ rà soát các văn bản tại Phụ lục.\n\nPhụ lục\nDANH MỤC VĂN BẢN ĐƯỢC ĐỀ XUẤT SỬA ĐỔI, BỔ SUNG\n"
     "STT\nTên văn bản\n1\nNghị định số 113/2025/NĐ-CP\n2\nThông tư số 02/2023/TT-BLĐTBXH",
     {(S, "113/2025/NĐ-CP"): ("CITES", "assigned"), (S, "02/2023/TT-BLĐTBXH"): ("CITES", "assigned")}),
    ("an amending law named by the laws it amends is the basis; the laws in its name are what it amends",
     "Căn cứ Luật Thuế giá trị gia tăng số 48/2024/QH15;\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Thuế thu "
     "nhập cá nhân,\nLuật Thuế giá trị gia tăng, Luật Thuế thu nhập doanh nghiệp và Luật Thuế tiêu thụ đặc biệt số "
     "09/2026/QH16;",
     {(S, "09/2026/QH16"): ("BASED_ON", "enacted"), ("09/2026/QH16", "48/2024/QH15"): ("AMENDS", "enacted"),
      (S, "48/2024/QH15"): ("BASED_ON", "enacted")}),
    ("a cell that says what happened to its row's document acts on the document named on the lines above",
     "Điều 2. Danh mục văn bản hết hiệu lực một phần:\n\nThông tư\nSố 27/2018/TT-BLĐTBXH ngày 14/12/2018\n"
     "Quy định về thống kê lao động\nĐiều 5, Điều 6 được sửa đổi, bổ sung bởi Thông tư số 08/2024/TT-BLĐTBXH ngày "
     "31/7/2024\n01/8/2024\n\nThông tư\nSố 33/2017/TT-BLĐTBXH ngày 29/9/2017\nQuy định chi tiết về đào tạo\n"
     "Được bãi bỏ bởi\nThông tư số 10/2024/TT-BLĐTBXH ngày 31/7/2024\n01/8/2024",
     {("08/2024/TT-BLĐTBXH", "27/2018/TT-BLĐTBXH"): ("AMENDS", "enacted"),
      ("10/2024/TT-BLĐTBXH", "33/2017/TT-BLĐTBXH"): ("REPEALS", "enacted"),
      ("08/2024/TT-BLĐTBXH", "33/2017/TT-BLĐTBXH"): None}),
    ("a document cannot act on, nor cite, a later one: the later one is the text's own citation",
     "Điều 4. Áp dụng\nChế độ thực hiện theo quy định tại Nghị định số 150/2006/NĐ-CP ngày 12 tháng 12 năm 2006 của "
     "Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều Pháp lệnh Cựu chiến binh và Nghị định số "
     "157/2016/NĐ-CP ngày 24 tháng 11 năm 2016 của Chính phủ sửa đổi, bổ sung Nghị định số 150/2006/NĐ-CP.",
     {("150/2006/NĐ-CP", "157/2016/NĐ-CP"): None, (S, "157/2016/NĐ-CP"): ("CITES", "enacted"),
      ("157/2016/NĐ-CP", "150/2006/NĐ-CP"): ("AMENDS", "enacted")}),
    ("a passive phrase after ';' and a verb of a new clause does not reach back into the clause before",
     "Điều 5. Nhiệm vụ\nTuyên truyền Quyết định số 15/2020/QĐ-TTg ngày 10 tháng 3 năm 2020 đến cán bộ, công chức; "
     "triển khai có hiệu quả Chiến lược quốc gia về bình đẳng giới ban hành kèm theo Nghị quyết số 28/NQ-CP ngày "
     "03/3/2021 của Chính phủ.",
     {("28/NQ-CP", "15/2020/QĐ-TTg"): None, (S, "28/NQ-CP"): ("CITES", "enacted")}),
    ("two long lines that mention a lead and a deadline are no table of tasks",
     f"Điều 10. Trách nhiệm của cơ sở đào tạo\n1. Cơ sở đào tạo {LONG}.\n2. Chủ trì, phối hợp với các cơ quan, "
     f"tổ chức có liên quan {LONG}.\nĐiều 11. Hiệu lực thi hành\nThông tư số 43/2015/TT-BLĐTBXH ngày 20 tháng 10 "
     "năm 2015 hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.",
     {(S, "43/2015/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("an amending law listed after its base in a 'Căn cứ' line rests on the same phrase and amends that base",
     "Căn cứ Luật Tiêu chuẩn và quy chuẩn kỹ thuật số 68/2006/QH11; Luật\nsửa đổi, bổ sung một số điều của Luật "
     "Tiêu chuẩn và quy chuẩn kỹ thuật số\n70/2025/QH15;",
     {(S, "70/2025/QH15"): ("BASED_ON", "enacted"), ("70/2025/QH15", "68/2006/QH11"): ("AMENDS", "enacted"),
      (S, "68/2006/QH11"): ("BASED_ON", "enacted")}),
    ("two laws named with their dates on one line are both the basis",
     "Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật Việc làm ngày 16 tháng 11 năm 2013;",
     {(S, "25/2008/QH12"): ("BASED_ON", "enacted"), (S, "38/2013/QH13"): ("BASED_ON", "enacted")}),
    ("an amending law named whole by its name and date is the basis, and amends the law its name holds",
     "Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008 và Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm "
     "y tế ngày 13 tháng 6 năm 2014;",
     {(S, "25/2008/QH12"): ("BASED_ON", "enacted"), (S, "46/2014/QH13"): ("BASED_ON", "enacted"),
      ("46/2014/QH13", "25/2008/QH12"): ("AMENDS", "enacted")}),
    ("the number after an amending law's name is the amended law's when the law list knows it so",
     "Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12;",
     {(S, "25/2008/QH12"): ("BASED_ON", "enacted"), (S, "46/2014/QH13"): None, (S, "51/2024/QH15"): None}),
    ("a document to be drafted, named without a number, is what replaces: not the law its description names",
     "Điều 3. Nhiệm vụ\n- Xây dựng Nghị định quy định chi tiết thi hành một số điều của Luật Việc làm, thay thế "
     "Nghị định số 61/2015/NĐ-CP ngày 09 tháng 7 năm 2015 của Chính phủ.\n- Thông tư số 11/2016/TT-BLĐTBXH ngày 15 "
     "tháng 6 năm 2016 của Bộ trưởng, thay thế Thông tư số 45/2015/TT-BLĐTBXH.",
     {("38/2013/QH13", "61/2015/NĐ-CP"): None, ("74/2025/QH15", "61/2015/NĐ-CP"): None,
      ("11/2016/TT-BLĐTBXH", "45/2015/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("a decree guides laws, not a circular: a circular listed after the law in a decree's title is the text's own",
     "Điều 5. Chi làm thêm giờ theo quy định của Bộ luật Lao động, Nghị định số 145/2020/NĐ-CP ngày 14 tháng 12 năm "
     "2020 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Bộ luật Lao động về điều kiện lao "
     "động và quan hệ lao động và Thông tư liên tịch số 08/2005/TTLT-BNV-BTC ngày 05 tháng 01 năm 2005 của Bộ Nội "
     "vụ, Bộ Tài chính.",
     {("145/2020/NĐ-CP", "08/2005/TTLT-BNV-BTC"): None, (S, "08/2005/TTLT-BNV-BTC"): ("CITES", "enacted")}),
    ("the Government implements what the Party's centre issued, not a Tỉnh ủy's plan listed after it",
     "Điều 6. Các cơ sở đào tạo thực hiện Nghị quyết số 03/NQ-CP ngày 09/01/2025 của Chính phủ ban hành Chương "
     "trình hành động thực hiện Nghị quyết số 57-NQ/TW và Kế hoạch số 45-KH/TU ngày 10/02/2025 của Tỉnh ủy.",
     {("03/NQ-CP", "57-NQ/TW"): ("IMPLEMENTS", "enacted"), ("03/NQ-CP", "45-KH/TU"): None}),
    ("a catalogue row: what its document does to a regulation issued with another, it does to that other; a note "
     "cell names the document that repealed part of the row's",
     "Điều 1. Công bố Danh mục văn bản còn hiệu lực.\n\nQuyết định của TTCP\n38/2012/QĐ-TTg\nngày 02/10/2012\n"
     "Sửa đổi, bổ sung Khoản 2 Điều 2\nquy chế hoạt động khu kinh tế ban hành\nkèm\ntheo\nQuyết\nđịnh\nsố\n"
     "25/2010/QĐ-TTg ngày 03 tháng 3\nnăm 2010 của Thủ tướng Chính phủ\n01/12/2012\n\nLuật\n39/2019/QH14 ngày\n"
     "13/6/2019\nĐầu tư công\n01/01/2020\n- Hết hiệu lực một phần.\n- Văn bản bãi bỏ một phần:\nLuật số "
     "03/2022/QH15 ngày\n11/01/2022.\n",
     {("38/2012/QĐ-TTg", "25/2010/QĐ-TTg"): ("AMENDS", "enacted"), (S, "25/2010/QĐ-TTg"): ("CITES", "enacted"),
      ("03/2022/QH15", "39/2019/QH14"): ("REPEALS", "enacted"), (S, "03/2022/QH15"): ("CITES", "enacted")}),
    ("a phrase coordinated after a replaced document's title is the text's own act, not the title's; the items "
     "of that document's own title are not repealed",
     "Điều 15. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01/3/2026, thay thế Thông tư số "
     "18/2020/TT-BLĐTBXH ngày 31/3/2020 của Bộ trưởng về việc hướng dẫn đăng ký lao động và bãi bỏ Điều 2 Thông tư "
     "số 41/2025/TT-BLĐTBXH ngày 16/6/2025 của Bộ trưởng sửa đổi, bổ sung một số điều của Thông tư số "
     "12/2014/TT-BLĐTBXH ngày 27/8/2014 của Bộ trưởng; Thông tư số 24/2016/TT-BLĐTBXH ngày 21/12/2016 của Bộ "
     "trưởng.",
     {(S, "18/2020/TT-BLĐTBXH"): ("REPLACES", "enacted"), (S, "41/2025/TT-BLĐTBXH"): ("REPEALS", "enacted"),
      ("41/2025/TT-BLĐTBXH", "12/2014/TT-BLĐTBXH"): ("AMENDS", "enacted"), (S, "24/2016/TT-BLĐTBXH"): ("CITES", "enacted")}),
    ("a procedure done 'theo (các) quy định' of a decree cites it, it does not implement it",
     "Điều 13. Thủ tục\nTrình tự, thủ tục cấp giấy chứng nhận được thực hiện theo quy định Nghị định số "
     "22/2026/NĐ-CP ngày 16 tháng 01 năm 2026 của Chính phủ. Việc kiểm tra được thực hiện theo các quy định tại "
     "Nghị định số 217/2025/NĐ-CP ngày 05 tháng 8 năm 2025 của Chính phủ.",
     {(S, "22/2026/NĐ-CP"): ("CITES", "enacted"), (S, "217/2025/NĐ-CP"): ("CITES", "enacted")}),
    ("provisions named before their document ('Chương IV, bao gồm các điều … của') end with it",
     "Điều 36. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 09 tháng 4 năm 2026.\n2. Chương IV, bao gồm "
     "các điều 11, 12, 13 của Nghị định số\n116/2026/NĐ-CP ngày 02 tháng 4 năm 2026 của Chính phủ sửa đổi, bổ "
     "sung một số điều của các Nghị định có quy định thủ tục hành chính hết hiệu lực thi hành kể từ ngày Thông tư "
     "này có hiệu lực thi hành.",
     {(S, "116/2026/NĐ-CP"): ("REPLACES", "enacted")}),
    ("repealing what a document issued as its attachment repeals part of that document",
     "Điều 10. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2026.\n2. Bãi bỏ các quy định "
     "sau trong Quy chế bệnh viện ban hành kèm theo Quyết định số 1895/1997/QĐ-BYT ngày 19 tháng 9 năm 1997 của "
     "Bộ trưởng Bộ Y tế.",
     {(S, "1895/1997/QĐ-BYT"): ("REPEALS", "enacted")}),
    ("the header row of a task table linearised one cell per line, after the signature, makes its rows tasks",
     "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.\nĐiều 2. Quyết định này có hiệu lực từ "
     "ngày ký./.\n\nNơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nBỘ TRƯỞNG\n\nNguyễn Văn An\n\nPHỤ LỤC\n"
     "DANH MỤC VĂN BẢN TRÌNH NĂM 2026 (Kèm theo Chương trình hành động của Bộ)\n\nSTT\nNhiệm vụ\nCơ quan chủ "
     "trì\nCơ quan phối hợp\nThời gian hoàn thành\nSản phẩm\n1\nXây dựng Nghị định sửa đổi, bổ sung Nghị định "
     "số 126/2020/NĐ-CP\nTổng cục Thuế\nVụ Pháp chế\nTháng 12/2026\nNghị định",
     {(S, "126/2020/NĐ-CP"): ("CITES", "assigned")}),
    ("done 'theo' a document ('thực hiện theo Quyết định …') cites it: the phrase has no object of its own",
     "Điều 5. Hỗ trợ\nViệc hỗ trợ cho người chăn nuôi thực hiện theo Quyết định số 1442/QĐ-UBND ngày 08/7/2019 của "
     "Ủy ban nhân dân tỉnh. Các cơ sở thực hiện Nghị quyết số 42/NQ-CP ngày 09/6/2019 của Chính phủ.",
     {(S, "1442/QĐ-UBND"): ("CITES", "enacted"), (S, "42/NQ-CP"): ("IMPLEMENTS", "enacted")}),
    ("items marked '•' under a header are the header's list",
     "Điều 6. Thực hiện\nCác cơ sở đào tạo tiếp tục thực hiện các văn bản sau:\n• Chỉ thị số 04/CT-TTg ngày "
     "20/02/2019 của Thủ tướng Chính phủ;\n• Nghị quyết số 42/NQ-CP ngày 09/6/2019 của Chính phủ.",
     {(S, "04/CT-TTg"): ("IMPLEMENTS", "enacted"), (S, "42/NQ-CP"): ("IMPLEMENTS", "enacted")}),
    ("a document named in the 'Nơi nhận' list is no citation",
     "Điều 7. Hiệu lực\nThông tư này có hiệu lực từ ngày ký./.\n\nNơi nhận:\n- Như trên (để t/h Kế hoạch số "
     "85/KH-UBND);\n- Trạm Thú y (để t/h Quyết định số 512/QĐ-UBND);\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ "
     "TRƯỞNG\n\nLê Văn Hòa",
     {(S, "85/KH-UBND"): None, (S, "512/QĐ-UBND"): None}),
    ("a law named without number or date that the text does not pin gives no chain: which law, the text does not say",
     "Căn cứ Nghị định số 25/2020/NĐ-CP ngày 28 tháng 02 năm 2020 của Chính phủ quy định chi tiết thi hành một số "
     "điều của Luật Đấu thầu về lựa chọn nhà đầu tư;",
     {(S, "25/2020/NĐ-CP"): ("BASED_ON", "enacted"), ("25/2020/NĐ-CP", "43/2013/QH13"): None}),
    ("'sơ kết 5 năm thực hiện' a document reviews it: the implementation is what is reviewed",
     "Thực hiện Hướng dẫn số 87-HD/BTGTU ngày 10/3/2023 của Ban Tuyên giáo Tỉnh ủy về sơ kết 5 năm thực hiện Nghị "
     "quyết số 09-NQ/TU ngày 12/4/2018 của Ban Chấp hành Đảng bộ tỉnh, Bộ hướng dẫn như sau:",
     {("87-HD/BTGTU", "09-NQ/TU"): ("REVIEWS", "enacted")}),
    ("'hướng dẫn một số nội dung thực hiện' a document guides it",
     "Căn cứ Hướng dẫn số 25-HD/BTCTW của Ban Tổ chức Trung ương hướng dẫn một số nội dung thực hiện Quy định số "
     "124-QĐ/TW ngày 04/10/2023 của Bộ Chính trị;",
     {("25-HD/BTCTW", "124-QĐ/TW"): ("GUIDES", "enacted")}),
    ("the text itself as the subject of a clause acts, even in the section on carrying it out",
     "IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ngành xây dựng kế hoạch triển khai.\n2. Thông tư này thay thế Thông tư số "
     "09/2022/TT-BLĐTBXH ngày 15/11/2022 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội.",
     {(S, "09/2022/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("an item broken after ';' does not end the list its header governs",
     "Điều 3. Hiệu lực thi hành\n1. Thông tư này có hiệu lực từ ngày 15 tháng 9 năm 2026. Kể từ ngày Thông tư này "
     "có hiệu lực thi hành, bãi bỏ các quy định sau:\na) Khoản 3 Điều 3 Thông tư số 26/2016/TT-BLĐTBXH.\nb) Điều 24 "
     "và một số nội dung quy định tại Thông tư số 27/2016/TT-BLĐTBXH, gồm: cụm từ “chỉ tiêu” tại khoản 2 Điều 11;\n"
     "cụm từ “(hoặc Bộ Tài chính)” tại khoản 3 Điều 20.\nc) Thông tư số 31/2016/TT-BLĐTBXH ngày 25 tháng 10 năm 2016 "
     "của Bộ trưởng Bộ Lao động - Thương binh và Xã hội.",
     {(S, "31/2016/TT-BLĐTBXH"): ("REPEALS", "enacted")}),
    ("a phrase whose object is a document named by name ('thi hành Điều lệ Đảng') does not reach the list after it",
     "Việc chuẩn bị nhân sự thực hiện theo đúng quy định tại Quy định số 29-QĐ/TW ngày 25/7/2016 của Ban Chấp hành "
     "Trung ương thi hành Điều lệ Đảng, Hướng dẫn số 01-HD/TW ngày 20/9/2016 của Ban Bí thư.",
     {("29-QĐ/TW", "01-HD/TW"): ("CITES", "enacted")}),
    ("an amending law named whole by name and date amends the law its name holds that the text pins by its date",
     "Căn cứ Luật Thống kê ngày 23 tháng 11 năm 2015; Luật sửa đổi, bổ sung một số điều và Phụ lục Danh mục chỉ "
     "tiêu thống kê quốc gia của Luật Thống kê ngày 12 tháng 11 năm 2021;",
     {(S, "01/2021/QH15"): ("BASED_ON", "enacted"), ("01/2021/QH15", "89/2015/QH13"): ("AMENDS", "enacted")}),
    ("an amending law amends each law of its name the text numbers, never a later law of that name",
     "Căn cứ Luật Kế toán số 88/2015/QH13;\nCăn cứ Luật Quản lý thuế số 108/2025/QH15;\nCăn cứ Luật sửa đổi, bổ "
     "sung một số điều của Luật Chứng khoán, Luật Kế toán, Luật Quản lý thuế số 56/2024/QH15 ngày 29 tháng 11 năm "
     "2024;",
     {("56/2024/QH15", "88/2015/QH13"): ("AMENDS", "enacted"), ("56/2024/QH15", "108/2025/QH15"): None,
      (S, "56/2024/QH15"): ("BASED_ON", "enacted")}),
    ("the activities a cited document's title lists before its phrase ('về học tập, quán triệt và triển khai "
     "thực hiện') are its description: it implements what follows",
     "Căn cứ Hướng dẫn số 28-HD/BTGTW của Ban Tuyên giáo Trung ương về nghiên cứu, học tập, quán triệt Kết luận số "
     "01-KL/TW của Bộ Chính trị; thực hiện Kế hoạch số 38-KH/TU ngày 15/7/2021 của Ban Thường vụ Tỉnh ủy về học "
     "tập, quán triệt và triển khai thực hiện Kết luận số 01-KL/TW, Ban Tuyên giáo Tỉnh ủy hướng dẫn thực hiện "
     "Hướng dẫn số 28-HD/BTGTW trên địa bàn tỉnh như sau:",
     {("28-HD/BTGTW", "01-KL/TW"): ("IMPLEMENTS", "enacted"), ("38-KH/TU", "01-KL/TW"): ("IMPLEMENTS", "enacted"),
      # a body named after the comma that closes a document acts, not that document
      ("01-KL/TW", "28-HD/BTGTW"): None, (S, "28-HD/BTGTW"): ("GUIDES", "enacted")}),
    ("a title that lists the activities in a clause of the text's own (more than two words each) is not one",
     "Căn cứ Quyết định số 12/2020/QĐ-UBND của Ủy ban nhân dân tỉnh về ban hành quy chế làm việc, thực hiện Kế "
     "hoạch số 45/KH-UBND ngày 02/3/2026 của Ủy ban nhân dân tỉnh;",
     {("12/2020/QĐ-UBND", "45/KH-UBND"): None}),
    ("commas after 'của' list a joint document's issuers: the phrase after them is still its title",
     "Thực hiện theo hướng dẫn tại Thông tư liên tịch số 144/2008/TTLT-BQP-BLĐTBXH-BTC ngày 27 tháng 11 năm 2008 "
     "của Bộ Quốc phòng, Bộ Lao động - Thương binh và Xã hội, Bộ Tài chính hướng dẫn thực hiện Quyết định số "
     "142/2008/QĐ-TTg.",
     {("144/2008/TTLT-BQP-BLĐTBXH-BTC", "142/2008/QĐ-TTg"): ("GUIDES", "enacted")}),
    ("two numbered rows of a table are two lines: a phrase in one does not chain from the document of the other",
     "Bảng tổng hợp nhiệm vụ\nSTT Nhiệm vụ Đơn vị chủ trì Thời hạn\n3 Rà soát Nghị định 19/2020/NĐ-CP Cục Kiểm tra "
     "06/2026\n4 Dự thảo Nghị định thay thế Nghị định 20/2016/NĐ-CP Cục Kiểm tra 12/2026\n",
     {("19/2020/NĐ-CP", "20/2016/NĐ-CP"): None}),
    ("a task row that opens on a document still to be written ('Thông tư quy định …, thay thế X'): it replaces X, "
     "the text does not; 'Thông tư này thay thế' is the text's own",
     "Điều 4. Văn bản ban hành kèm theo\n2. Thông tư quy định về bản đồ địa chính, thay thế Thông tư số "
     "25/2014/TT-BTNMT ngày 19/5/2014.\n\nĐiều 5. Thông tư này thay thế Thông tư số 09/2022/TT-BLĐTBXH ngày "
     "15/11/2022.",
     {(S, "25/2014/TT-BTNMT"): ("CITES", "enacted"), (S, "09/2022/TT-BLĐTBXH"): ("REPLACES", "enacted")}),
    ("a parenthesis opened on a phrase after a document's title says what that document does, and a list inside "
     "it stays inside it; the text's own plain citation of a document its lineage reaches stays",
     "Thực hiện Nghị quyết số 06-NQ/TU ngày 20/12/2021 của Ban Chấp hành Đảng bộ thành phố về phát triển du lịch "
     "bền vững, tầm nhìn đến năm 2030 (thực hiện Chương trình hành động số 21-CTr/TU ngày 05/6/2017 của Tỉnh ủy "
     "và Nghị quyết số 08-NQ/TW ngày 16/01/2017 của Bộ Chính trị), Ban Chấp hành ban hành Nghị quyết như sau:\n"
     "1. Quan điểm\nPhát triển du lịch phù hợp với định hướng của Nghị quyết số 08-NQ/TW và Nghị quyết số "
     "06-NQ/TU.",
     {("06-NQ/TU", "21-CTr/TU"): ("IMPLEMENTS", "enacted"), ("06-NQ/TU", "08-NQ/TW"): ("IMPLEMENTS", "enacted"),
      (S, "08-NQ/TW"): ("CITES", "enacted"), (S, "06-NQ/TU"): ("IMPLEMENTS", "enacted")}),
    ("a document of the type of the one a title belongs to joins that one, not the title's phrase",
     "Trước khi sắp xếp, Ủy ban nhân dân huyện đã ban hành Kế hoạch số 35/KH-UBND ngày 14/02/2025 về triển khai Đề "
     "án 06 năm 2025 và Kế hoạch số 58/KH-UBND ngày 12/3/2025 về chuyển đổi số năm 2025.",
     {("35/KH-UBND", "58/KH-UBND"): None}),
    ("'ban hành kèm theo X' after an attachment named in the clause ('Quy chế …', 'Phương án …'): X issues that, "
     "not the document named before it",
     "Việc tiếp nhận hồ sơ thực hiện theo Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ và Quy chế phối "
     "hợp ban hành kèm theo Quyết định số 2150/QĐ-UBND ngày 15/7/2020 của Ủy ban nhân dân tỉnh.",
     {("2150/QĐ-UBND", "61/2018/NĐ-CP"): None}),
    ("a passive phrase after the comma that closes a list of one type acts on each; without the comma, on the "
     "nearest",
     "Các Nghị quyết nêu trên được ban hành theo Thông tư liên tịch số 14/2014/TTLT-BTC-BTP và Thông tư liên tịch "
     "số 100/2014/TTLT-BTC-BTP, nay đã được thay thế bởi Thông tư số 56/2023/TT-BTC. Việc chi thực hiện theo Thông "
     "tư số 40/2017/TT-BTC và Thông tư số 12/2019/TT-BTC được sửa đổi, bổ sung bởi Thông tư số 31/2022/TT-BTC.",
     {("56/2023/TT-BTC", "14/2014/TTLT-BTC-BTP"): ("REPLACES", "enacted"),
      ("56/2023/TT-BTC", "100/2014/TTLT-BTC-BTP"): ("REPLACES", "enacted"),
      ("31/2022/TT-BTC", "12/2019/TT-BTC"): ("AMENDS", "enacted"), ("31/2022/TT-BTC", "40/2017/TT-BTC"): None}),
    ("a modal after a document makes the phrase the sentence's own demand, not that document's title; a title's "
     "'về một số chủ trương, giải pháp tiếp tục thực hiện B' is its description",
     "Việc học tập, quán triệt Quy định số 69-QĐ/TW phải gắn với tiếp tục thực hiện Quy định số 22-QĐ/TW ngày "
     "28/7/2021 của Ban Chấp hành Trung ương. Sau 10 năm thực hiện Kết luận số 97-KL/TW ngày 15/5/2014 của Bộ Chính "
     "trị về một số chủ trương, giải pháp tiếp tục thực hiện Nghị quyết số 26-NQ/TW, ngành nông nghiệp phát triển.",
     {("69-QĐ/TW", "22-QĐ/TW"): None, ("97-KL/TW", "26-NQ/TW"): ("CONTINUES", "enacted")}),
    ("an item of a list under a repealing header may open on several provisions ('Các khoản 1, 4 và 8 Điều 44')",
     "Điều 3. Hiệu lực thi hành\n1. Bãi bỏ các nội dung quy định tại các điều, khoản của các văn bản sau đây:\na) Khoản 2 "
     "Điều 7 của Thông tư số 06/2012/TT-BLĐTBXH;\nb) Các khoản 1, 4, 5 và 8 Điều 44, Điều 45 của Thông tư số "
     "80/2016/TT-BLĐTBXH;",
     {(S, "06/2012/TT-BLĐTBXH"): ("REPEALS", "enacted"), (S, "80/2016/TT-BLĐTBXH"): ("REPEALS", "enacted")}),
    ("'Các Nghị định số A …, B … và C … hết hiệu lực': a phrase after a list the plural opens is said of each "
     "item, whatever the items' titles say",
     "Điều 49. Hiệu lực thi hành\n1. Thông tư này có hiệu lực thi hành từ ngày 05 tháng 06 năm 2026.\n2. Các Thông tư "
     "số 15/2020/TT-BLĐTBXH ngày 31 tháng 12 năm 2020 quy định về đào tạo, Thông tư số 06/2022/TT-BLĐTBXH ngày 16 "
     "tháng 9 năm 2022 sửa đổi, bổ sung một số điều của Thông tư số 15/2020/TT-BLĐTBXH và Thông tư số "
     "08/2023/TT-BLĐTBXH ngày 05 tháng 3 năm 2023 sửa đổi, bổ sung một số điều tại các Thông tư về đào tạo hết hiệu "
     "lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.",
     {(S, "15/2020/TT-BLĐTBXH"): ("REPLACES", "enacted"), (S, "06/2022/TT-BLĐTBXH"): ("REPLACES", "enacted"),
      (S, "08/2023/TT-BLĐTBXH"): ("REPLACES", "enacted"),
      ("06/2022/TT-BLĐTBXH", "15/2020/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("'… theo Luật số A và theo Luật số B': the preposition said again still joins the list of amenders",
     "Căn cứ Luật Doanh nghiệp số 59/2020/QH14 được sửa đổi, bổ sung một số điều theo Luật số 76/2025/QH15 và theo "
     "Luật số 03/2022/QH15;",
     {("76/2025/QH15", "59/2020/QH14"): ("AMENDS", "enacted"), ("03/2022/QH15", "59/2020/QH14"): ("AMENDS", "enacted"),
      (S, "03/2022/QH15"): ("BASED_ON", "enacted")}),
    ("'đã được bãi bỏ' after a document says what happened to it; the act named after the date it took effect did it",
     "Khoản 5 Điều 4 của Nghị định số 74/2025/NĐ-CP nêu trên đã được bãi bỏ kể từ ngày 01 tháng 7 năm 2025 theo quy "
     "định tại điểm c khoản 4 Điều 70 của Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ.",
     {(S, "74/2025/NĐ-CP"): ("CITES", "reported"), ("188/2025/NĐ-CP", "74/2025/NĐ-CP"): ("REPEALS", "enacted")}),
    ("a change phrase that names a procedure or changes a paper changes no document; one that changes a rule does",
     "1. Thời hạn sửa đổi, bổ sung, cấp lại Giấy chứng nhận quy định tại khoản 2 Điều 9 Thông tư số 15/2019/TT-BLĐTBXH "
     "là 10 ngày làm việc.\n2. Các biểu mẫu liên quan đến cấp, cấp lại, cấp điều chỉnh Giấy phép được quy định tại Phụ "
     "lục VII ban hành kèm theo Thông tư số 10/2022/TT-BLĐTBXH.\n3. Sửa đổi, bổ sung Điều 5 của Thông tư số "
     "11/2020/TT-BLĐTBXH như sau:",
     {(S, "15/2019/TT-BLĐTBXH"): ("CITES", "enacted"), (S, "10/2022/TT-BLĐTBXH"): ("CITES", "enacted"),
      (S, "11/2020/TT-BLĐTBXH"): ("AMENDS", "enacted")}),
    ("a phrase said after documents that names its source act: the source ends them, the text reports it",
     "a) Kể từ ngày 01/7/2025, Thông tư số 15/2019/TT-BLĐTBXH ngày 18/9/2019 của Bộ trưởng và Thông tư số "
     "02/2020/TT-BLĐTBXH ngày 20/02/2020 của Bộ trưởng hết hiệu lực thi hành (khoản 2 Điều 44 Thông tư số "
     "12/2025/TT-BLĐTBXH).",
     {(S, "15/2019/TT-BLĐTBXH"): ("CITES", "reported"), ("12/2025/TT-BLĐTBXH", "15/2019/TT-BLĐTBXH"): ("REPLACES", "enacted"),
      ("12/2025/TT-BLĐTBXH", "02/2020/TT-BLĐTBXH"): ("REPLACES", "enacted"), (S, "12/2025/TT-BLĐTBXH"): ("CITES", "enacted")}),
    ("a document of no amender's type or rank after 'và' is one more document the clause cites, not an amender",
     "Quỹ loại trừ các yếu tố khách quan theo quy định tại Điều 13 Thông tư số 27/2016/TT-BLĐTBXH đã được sửa đổi, bổ "
     "sung tại khoản 13 Điều 2 Thông tư số 06/2024/TT-BLĐTBXH và khoản 3 Điều 55 Nghị định số 39/2019/NĐ-CP.",
     {("06/2024/TT-BLĐTBXH", "27/2016/TT-BLĐTBXH"): ("AMENDS", "enacted"), ("39/2019/NĐ-CP", "27/2016/TT-BLĐTBXH"): None,
      (S, "39/2019/NĐ-CP"): ("CITES", "enacted")}),
    ("a list of amenders closed with 'và': the item after the next comma is one of the list above it",
     "Căn cứ Luật Nhà ở số 56/2005/QH11 đã được sửa đổi, bổ sung một số điều theo Luật số 34/2009/QH12 và Luật số "
     "38/2009/QH12, Nghị quyết số 19/2008/QH12 của Quốc hội;",
     {("34/2009/QH12", "56/2005/QH11"): ("AMENDS", "enacted"), ("38/2009/QH12", "56/2005/QH11"): ("AMENDS", "enacted"),
      ("19/2008/QH12", "56/2005/QH11"): None, (S, "19/2008/QH12"): ("BASED_ON", "enacted")}),
    ("a line break between a phrase that must stand right before its document and the document is a blank",
     "Các cơ sở đào tạo tiếp tục thực hiện\nThông tư số 15/2019/TT-BLĐTBXH ngày 18/9/2019 của Bộ trưởng.",
     {(S, "15/2019/TT-BLĐTBXH"): ("CONTINUES", "enacted")}),
    ("a document whose own title changes another act is a sibling of the amender before it, not one more object",
     "Quyết định số 372/QĐ-BTC ngày 27 tháng 02 năm 2026 của Bộ trưởng Bộ Tài chính về việc đính chính Thông tư số "
     "138/2025/TT-BTC sửa đổi, bổ sung một số điều của Thông tư 95/2020/TT-BTC ngày 16 tháng 11 năm 2020 của Bộ trưởng "
     "Bộ Tài chính hướng dẫn giám sát giao dịch chứng khoán và Thông tư số 06/2022/TT-BTC ngày 08 tháng 02 năm 2022 của "
     "Bộ trưởng Bộ Tài chính hướng dẫn công tác giám sát tuân thủ và Thông tư số 139/2025/TT-BTC sửa đổi, bổ sung một số "
     "điều của Thông tư số 57/2021/TT-BTC ngày 12 tháng 7 năm 2021.",
     {("138/2025/TT-BTC", "06/2022/TT-BTC"): ("AMENDS", "enacted"), ("138/2025/TT-BTC", "139/2025/TT-BTC"): None,
      ("372/QĐ-BTC", "139/2025/TT-BTC"): ("CORRECTS", "enacted"),
      ("139/2025/TT-BTC", "57/2021/TT-BTC"): ("AMENDS", "enacted")}),
    ("… unless that act is the clause's agent: what it replaces, it replaces, whatever the objects' own titles say",
     "Nghị định số 118/2021/NĐ-CP có hiệu lực thi hành từ ngày 01 tháng 01 năm 2022, thay thế Nghị định số "
     "81/2013/NĐ-CP ngày 19 tháng 7 năm 2013 của Chính phủ quy định chi tiết một số điều và biện pháp thi hành Luật Xử "
     "lý vi phạm hành chính và Nghị định số 97/2017/NĐ-CP ngày 18 tháng 8 năm 2017 của Chính phủ sửa đổi, bổ sung một "
     "số điều của Nghị định số 81/2013/NĐ-CP.",
     {("118/2021/NĐ-CP", "81/2013/NĐ-CP"): ("REPLACES", "enacted"),
      ("118/2021/NĐ-CP", "97/2017/NĐ-CP"): ("REPLACES", "enacted")}),
    ("a law named with '(sửa đổi)' is a draft, not a law passed: no citation",
     "Thực hiện Nghị quyết số 60-NQ/TW ngày 12/4/2025 của Ban Chấp hành Trung ương; kết thúc hoạt động của đơn vị "
     "hành chính cấp huyện sau khi Luật Tổ chức chính quyền địa phương năm 2025 (sửa đổi) có hiệu lực thi hành.",
     {(S, "72/2025/QH15"): None, (S, "60-NQ/TW"): ("IMPLEMENTS", "enacted")}),
]


def edges_of(body: str) -> dict:
    extraction = extract_citations(Source(file="circular.txt", text=HEADER + body))
    assert extraction.subject is not None and extraction.subject.symbol == S
    return {(e.source_symbol, e.target_symbol): (e.relation, e.mode) for e in extraction.edges}


@pytest.mark.parametrize("case,body,expected", CASES, ids=[c[0] for c in CASES])
def test_citing_clause_grammar(case, body, expected):
    found = edges_of(body)
    for pair, want in expected.items():
        assert found.get(pair) == want, f"{case}: {pair} is {found.get(pair)}, want {want}; all: {found}"


def test_a_report_on_results_over_time_reviews_what_was_implemented():
    """"Báo cáo kết quả 03 năm thực hiện Chỉ thị X": the report reviews X (stronger than what it says others did
    to carry X out), and a công văn asking for that report reviews it too."""
    text = ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN\nSỞ KẾ HOẠCH VÀ ĐẦU TƯ\nSố: 1052/BC-SKHĐT\nThái Nguyên, ngày 12 tháng 5 "
            "năm 2022\n\nBÁO CÁO\nKết quả 03 năm thực hiện Chỉ thị số 10/CT-TTg ngày 22/4/2019 của Thủ tướng Chính phủ\n\n"
            "Thực hiện Công văn số 1245/UBND-NC ngày 05/4/2022 của Ủy ban nhân dân tỉnh về việc báo cáo kết quả 03 "
            "năm thực hiện Chỉ thị số 10/CT-TTg, Sở báo cáo như sau:\n1. Sở đã ban hành Kế hoạch triển khai thực hiện "
            "Chỉ thị số 10/CT-TTg ngày 22/4/2019 của Thủ tướng Chính phủ.\n")
    extraction = extract_citations(Source(file="bc.txt", text=text))
    edges = {(e.source_symbol, e.target_symbol): (e.relation, e.mode) for e in extraction.edges}
    assert edges[("1052/BC-SKHĐT", "10/CT-TTg")] == ("REVIEWS", "enacted"), edges
    assert edges[("1245/UBND-NC", "10/CT-TTg")] == ("REVIEWS", "enacted"), edges


def test_lettered_items_under_a_numbered_head_that_names_a_body_are_its_tasks():
    """"2. Đảng ủy lãnh đạo Ủy ban nhân dân xã" then "a) …", "b) …": each item is a task of that body (assigned),
    not the plan's own act."""
    text = ("ĐẢNG BỘ TỈNH THANH HÓA\nĐẢNG ỦY XÃ HẬU LỘC\n*\nSố 19-KH/ĐU\nHậu Lộc, ngày 22 tháng 12 năm 2025\n\n"
            "KẾ HOẠCH\nthực hiện Nghị quyết số 72-NQ/TW\n\nII. NỘI DUNG\n\n2. Đảng ủy lãnh đạo Ủy ban nhân dân xã\n"
            "a) Chuẩn bị các điều kiện để triển khai Luật Phòng bệnh số 114/2025/QH15 từ ngày 01/7/2026.\n"
            "b) Rà soát, thay thế Quyết định số 58/QĐ-UBND ngày 14/7/2025 của Ủy ban nhân dân xã.\n")
    edges = {(e.target_symbol): (e.relation, e.mode) for e in extract_citations(Source(file="x.txt", text=text)).edges}
    assert edges["114/2025/QH15"] == ("CITES", "assigned")
    assert edges["58/QĐ-UBND"] == ("CITES", "assigned")


def test_the_bases_of_a_blank_form_are_not_the_texts():
    """A form the circular attaches ('Mẫu số 01', a header left to fill in) has 'Căn cứ' lines of its own: the bases
    of the decisions to be written on it. The circular cites them; its own preamble stays its basis."""
    body = ("Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n\nĐiều 1. Phạm vi điều chỉnh\n"
            "Thông tư này quy định mẫu quyết định.\n\nMẫu số 01\nUBND TỈNH, (TP)......\n\nSố: /QĐ-UBND\n"
            "......., ngày... tháng... năm......\n\nQUYẾT ĐỊNH\nVề việc giải quyết chế độ trợ cấp\n\n"
            "Căn cứ Quyết định số 40/2011/QĐ-TTg ngày 27 tháng 7 năm 2011 của Thủ tướng Chính phủ;\n"
            "Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n")
    found = edges_of(body)
    assert found[(S, "40/2011/QĐ-TTg")] == ("CITES", "enacted")
    assert found[(S, "62/2022/NĐ-CP")] == ("BASED_ON", "enacted")
