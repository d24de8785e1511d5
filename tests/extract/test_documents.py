"""The subject's own identity, from its header (number, date, signer) and its consolidation block."""
import pytest

from graphbuild import extract_citations
from graphbuild.models import Source

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

# A ministry's consolidated text whose own header carries its number and date; its XÁC THỰC block only the signer.
CONSOLIDATED_OWN_HEADER = CONSOLIDATED.replace(
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n\n",
    "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\nSố: 462/VBHN-BLĐTBXH     Hà Nội, ngày 10 tháng 02 năm 2025\n\n", 1).replace(
    "Số: 462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025\n\nKT.", "KT.")
# The base document's header reproduced with its own number and date: neither is the consolidated text's.
CONSOLIDATED_BASE_HEADER = CONSOLIDATED_OWN_HEADER.replace(
    "Số: 462/VBHN-BLĐTBXH     Hà Nội, ngày 10 tháng 02 năm 2025", "Số: 32/2016/TT-BLĐTBXH     Hà Nội, ngày 25 tháng 10 năm 2016")

# The recipients and the signature run into one column: the role on the 'Nơi nhận:' line, the name after the list.
FLAT_SIGNATURE = """HỘI ĐỒNG NHÂN DÂN TỈNH ĐẮK LẮK
Số: 21/2024/NQ-HĐND
Đắk Lắk, ngày 10 tháng 12 năm 2024
NGHỊ QUYẾT
Quy định mức hỗ trợ đóng bảo hiểm xã hội tự nguyện

Căn cứ Luật Bảo hiểm xã hội số 41/2024/QH15;
Điều 1. Nghị quyết này có hiệu lực từ ngày 01 tháng 01 năm 2025./.
Nơi nhận: CHỦ TỊCH
- Ủy ban Thường vụ Quốc hội;
- Chính phủ;
- Lưu: VT, Ct HĐND.
Lê Minh Trường
"""

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

# A gazette decree: its annexes and forms follow the signature with no "./." and no "Nơi nhận" to mark the body's end.
ANNEXED = """CHÍNH PHỦ

Số: 127/2026/NĐ-CP

Hà Nội, ngày 06 tháng 4 năm 2026

NGHỊ ĐỊNH
Quy định chính sách phát triển sản phẩm, dịch vụ Halal

Căn cứ Luật Tổ chức Chính phủ số 63/2025/QH15;
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chính sách phát triển sản phẩm, dịch vụ Halal.
Điều 2. Trách nhiệm thi hành
Các Bộ trưởng chịu trách nhiệm thi hành Nghị định này

TM. CHÍNH PHỦ
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG[ky]


Nguyễn Chí Dũng

Phụ lục
CÁC BIỂU MẪU
""" + "Nội dung biểu mẫu, bảng kê, hồ sơ đề nghị cấp giấy chứng nhận.\n" * 120 + """ĐẠI DIỆN TỔ CHỨC
(Ký, ghi rõ họ tên)
""" + "Nội dung biểu mẫu tiếp theo.\n" * 40

# A consolidated text whose last footnote quotes the amending act's effect article across a page break.
QUOTING_FOOTNOTE = CONSOLIDATED.split("Điều 1. Phạm vi")[0] + """Điều 8. Hiệu lực thi hành2

2 Các điều 10, 11 của Thông tư số 12/2024/TT-BLĐTBXH có hiệu lực kể từ ngày 29 tháng 12 năm 2024 quy định như sau:
"Điều 10. Hiệu lực thi hành.
1. Thông tư này có hiệu lực thi hành kể từ ngày 29 tháng 12 năm 2024.
2. Bãi bỏ Điều 5 của Thông tư số 28/2014/TT-BLĐTBXH ngày 14 tháng 8 năm 2014 của Bộ trưởng.

3. Bãi bỏ Điều 6 của Thông tư số 40/2014/TT-BLĐTBXH ngày 17 tháng 11 năm 2014 của Bộ trưởng."

Điều 9. Hiệu lực của Thông tư được hợp nhất
Thông tư số 19/2013/TT-BLĐTBXH ngày 09 tháng 9 năm 2013 hết hiệu lực kể từ ngày Thông tư này có hiệu lực.
""" + CONSOLIDATED[CONSOLIDATED.index("Trong quá trình"):]

# A footnote that quotes the effect articles of two amending acts, one paragraph each.
TWO_ACTS_FOOTNOTE = CONSOLIDATED.replace(
    "Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có\n"
    "hiệu lực từ ngày 29 tháng 12 năm 2024.",
    "Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng Bộ Lao động - Thương binh và Xã hội, có\n"
    "hiệu lực từ ngày 29 tháng 12 năm 2024.\nThông tư số 15/2024/TT-BLĐTBXH ngày 20 tháng 12 năm 2024 của Bộ trưởng.",
).split("Điều 1. Phạm vi")[0] + """Điều 8. Hiệu lực thi hành3

3 Điều 2 Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng quy định như sau:
"Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 29 tháng 12 năm 2024 và bãi bỏ Điều 5 của Thông tư số
28/2014/TT-BLĐTBXH ngày 14 tháng 8 năm 2014 của Bộ trưởng."
Điều 3 Thông tư số 15/2024/TT-BLĐTBXH ngày 20 tháng 12 năm 2024 của Bộ trưởng quy định như sau:
"Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 02 năm 2025 và bãi bỏ Điều 6 của Thông tư số 40/2014/TT-BLĐTBXH
ngày 17 tháng 11 năm 2014 của Bộ trưởng."
""" + CONSOLIDATED[CONSOLIDATED.index("Trong quá trình"):]

# A footnote that quotes two amending acts' preambles: the first is cut by a page break and goes on under the next
# page's body; the second act's paragraph wraps its name over two lines.
QUOTED_PREAMBLES = TWO_ACTS_FOOTNOTE.split("Điều 8. Hiệu lực")[0] + """Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn việc quản lý lao động.1

1 Thông tư số 12/2024/TT-BLĐTBXH ngày 14 tháng 11 năm 2024 của Bộ trưởng có căn cứ ban hành như sau:
“Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;

Điều 2. Đối tượng áp dụng
Người lao động làm việc tại Bảo hiểm tiền gửi Việt Nam.

Căn cứ Nghị định số 21/2015/NĐ-CP ngày 14 tháng 02 năm 2015 của Chính phủ;
Bộ trưởng ban hành Thông tư.”.
Thông tư số 15/2024/TT-BLĐTBXH ngày 20 tháng 12 năm 2024 của Bộ trưởng Bộ Lao động -
Thương binh và Xã hội có căn cứ ban hành như sau:
“Căn cứ Nghị định số 31/2014/NĐ-CP ngày 18 tháng 4 năm 2014 của Chính phủ;
Bộ trưởng ban hành Thông tư.”.

""" + CONSOLIDATED[CONSOLIDATED.index("Trong quá trình"):]

# A consolidated law whose footnote quotes its amending laws' enacting formulas and effect articles: a blank line
# (a page break) after "… như sau:" and between acts, a list of the laws an amending law amends, provisions of an act
# named before it, lines wrapped inside an item (one that starts with a number is no footnote: footnotes go in order),
# and a law numbered before 2002 named by its year.
CONSOLIDATED_LAW = """VĂN PHÒNG QUỐC HỘI

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

LUẬT
BẢO HIỂM Y TẾ

Luật Bảo hiểm y tế số 25/2008/QH12 ngày 14 tháng 11 năm 2008 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm
2009, được sửa đổi, bổ sung bởi:
1. Luật số 35/2018/QH14 ngày 20 tháng 11 năm 2018 của Quốc hội sửa đổi, bổ sung một số điều của 37 luật có liên
quan đến quy hoạch, có hiệu lực kể từ ngày 01 tháng 01 năm 2019;
2. Luật Phí và lệ phí số 97/2015/QH13 ngày 25 tháng 11 năm 2015 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 01
năm 2017.

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam năm 1992;
Quốc hội ban hành Luật Bảo hiểm y tế14.

14 Luật số 35/2018/QH14 sửa đổi, bổ sung một số điều của 37 luật có liên quan đến quy hoạch có căn cứ ban hành như sau:

“Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật sửa đổi, bổ sung một số điều có liên quan đến quy hoạch của
Luật Giao thông đường bộ số 23/2008/QH12, Bộ luật Hàng hải Việt Nam số 95/2015/QH13, Luật Tài nguyên nước số
17/2012/QH13 đã được sửa đổi, bổ sung một số điều theo Luật số 08/2017/QH14, Luật Dầu khí năm 1993 đã được sửa đổi,
bổ sung một số điều theo Luật số 19/2000/QH10.”.

Các điều 23 và 24 của Luật Phí và lệ phí số 97/2015/QH13, có hiệu lực kể từ ngày 01 tháng 01 năm 2017 quy định như
sau:
“Điều 23. Hiệu lực thi hành
1. Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2017, trừ quy định tại khoản
2 Điều này.
2. Bỏ cụm từ “lệ phí tuyển sinh” tại Điều 101 của Luật Giáo dục số 38/2005/QH11, Điều 64 và
Điều 65 của Luật Giáo dục đại học số 08/2012/QH13;
3. Pháp lệnh Phí và lệ phí số 38/2001/PL-UBTVQH10 hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành.”.

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Luật này quy định về bảo hiểm y tế.

VĂN PHÒNG QUỐC HỘI
XÁC THỰC VĂN BẢN HỢP NHẤT
Số: 40/VBHN-VPQH
Hà Nội, ngày 16 tháng 3 năm 2026
CHỦ NHIỆM
Lê Quang Mạnh
"""

PARTY_SLASHED_DATE = """ĐẢNG CỘNG SẢN VIỆT NAM
Bình Định, 02/12/2024
TỈNH ỦY BÌNH ĐỊNH
BAN TỔ CHỨC
*
Số 18-HD/BTCTU

HƯỚNG DẪN
kiểm điểm, đánh giá, xếp loại chất lượng năm 2024

Ban Tổ chức Tỉnh ủy hướng dẫn như sau.
"""

SUBJECTS = [
    ("consolidated text: number, date and signer from the XÁC THỰC block", CONSOLIDATED,
     {"symbol": "462/VBHN-BLĐTBXH", "type": "VBHN", "date": "2025-02-10", "signer": "Lê Văn Thanh"},
     {("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS")}),
    ("consolidated text numbered in its own header: that number and date, the signer from the block",
     CONSOLIDATED_OWN_HEADER, {"symbol": "462/VBHN-BLĐTBXH", "type": "VBHN", "date": "2025-02-10",
                               "signer": "Lê Văn Thanh"}, {("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS")}),
    ("consolidated text: the XÁC THỰC block's 'Số:' alone above its number, after a long body",
     CONSOLIDATED.replace("Trong quá trình", "Điều này quy định nội dung quản lý.\n" * 150 + "Trong quá trình").replace(
         "VÀ XÃ HỘI\nXÁC THỰC VĂN BẢN HỢP NHẤT\nSố: 462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02 năm 2025\n",
         "VÀ XÃ HỘI XÁC THỰC VĂN BẢN HỢP NHẤT\nSố:\n462/VBHN-BLĐTBXH\nHà Nội, ngày 10 tháng 02\nnăm 2025\n"),
     {"symbol": "462/VBHN-BLĐTBXH", "type": "VBHN", "date": "2025-02-10", "signer": "Lê Văn Thanh"},
     {("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH", "AMENDS")}),
    ("a role on the 'Nơi nhận:' line, the name after the list", FLAT_SIGNATURE,
     {"symbol": "21/2024/NQ-HĐND", "signer": "Lê Minh Trường", "signer_role": "CHỦ TỊCH"}, set()),
    ("a law's date is the day it was adopted", LAW,
     {"symbol": "51/2024/QH15", "date": "2024-11-27", "signer": "Trần Thanh Mẫn"},
     {("51/2024/QH15", "25/2008/QH12", "AMENDS")}),
    ("a signature laid out in a table beside 'Nơi nhận'", TABLE_SIGNATURE,
     {"symbol": "60-NQ/TW", "date": "2025-04-12", "signer": "Tô Lâm"}, set()),
    ("a place and a date written with slashes ('Bình Định, 02/12/2024')", PARTY_SLASHED_DATE,
     {"symbol": "18-HD/BTCTU", "date": "2024-12-02"}, set()),
    ("annexes after an unmarked signature: the first role block with a name, the e-signature mark dropped", ANNEXED,
     {"symbol": "127/2026/NĐ-CP", "signer": "Nguyễn Chí Dũng", "signer_role": "TM. CHÍNH PHỦ, KT. THỦ TƯỚNG, "
      "PHÓ THỦ TƯỚNG"}, set()),
    ("a footnote quoting an amending act's provisions is that act's, across a page break", QUOTING_FOOTNOTE,
     {"symbol": "462/VBHN-BLĐTBXH"},
     {("12/2024/TT-BLĐTBXH", "28/2014/TT-BLĐTBXH", "REPEALS"), ("12/2024/TT-BLĐTBXH", "40/2014/TT-BLĐTBXH",
                                                               "REPEALS"),
      ("32/2016/TT-BLĐTBXH", "19/2013/TT-BLĐTBXH", "REPLACES")}),     # the body goes on after the footnote
    ("a footnote quoting the articles of two acts: each paragraph is its own act's", TWO_ACTS_FOOTNOTE,
     {"symbol": "462/VBHN-BLĐTBXH"},
     {("12/2024/TT-BLĐTBXH", "28/2014/TT-BLĐTBXH", "REPEALS"), ("15/2024/TT-BLĐTBXH", "40/2014/TT-BLĐTBXH",
                                                               "REPEALS")}),
]


@pytest.mark.parametrize("rule,text,fields,edges", SUBJECTS, ids=[s[0][:50] for s in SUBJECTS])
def test_subject_rules(rule, text, fields, edges):
    ex = extract_citations(Source(file="doc.txt", text=text))
    assert {k: getattr(ex.subject, k) for k in fields} == fields
    assert edges <= {(e.source_symbol, e.target_symbol, e.relation) for e in ex.edges}


def test_a_consolidated_text_under_its_bases_header_is_never_taken_for_its_base():
    """Its block gives no number and the header's is the base's: the text has no identity of its own (a build
    rejects it with the reason) rather than the base's."""
    assert extract_citations(Source(file="doc.txt", text=CONSOLIDATED_BASE_HEADER)).subject is None


def test_a_consolidated_text_cites_only_what_its_header_names():
    """Its own words are the header (the base and its amending acts); a footnote that names no act is no one's
    clause the text can tell, and states nothing (a wrong speaker is worse than none)."""
    text = CONSOLIDATED.replace("Thông tư này hướng dẫn việc quản lý lao động.",
                                "Thông tư này hướng dẫn việc quản lý lao động.3\n\n3 Nội dung này được hướng dẫn "
                                "tại Thông tư số 77/2019/TT-BTC ngày 11 tháng 11 năm 2019 của Bộ Tài chính.\n")
    ex = extract_citations(Source(file="doc.txt", text=text))
    pairs = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges}
    assert pairs[("462/VBHN-BLĐTBXH", "32/2016/TT-BLĐTBXH")] == "CITES"
    assert pairs[("12/2024/TT-BLĐTBXH", "32/2016/TT-BLĐTBXH")] == "AMENDS"
    assert not any(t == "77/2019/TT-BTC" for _, t in pairs)


def test_a_footnote_quoting_preambles_is_each_act_s_across_a_page_break():
    """The base's preamble ends where its first article begins: a "Căn cứ …;" line after it is the rest of a
    footnote's quotation that the page break cut, printed under the next page's body; a paragraph naming another act
    and opening a quotation of its words starts that act's."""
    ex = extract_citations(Source(file="doc.txt", text=QUOTED_PREAMBLES))
    pairs = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges}
    assert pairs[("12/2024/TT-BLĐTBXH", "62/2022/NĐ-CP")] == "BASED_ON"
    assert pairs[("12/2024/TT-BLĐTBXH", "21/2015/NĐ-CP")] == "BASED_ON"
    assert pairs[("15/2024/TT-BLĐTBXH", "31/2014/NĐ-CP")] == "BASED_ON"
    assert ("32/2016/TT-BLĐTBXH", "21/2015/NĐ-CP") not in pairs
    assert ("12/2024/TT-BLĐTBXH", "31/2014/NĐ-CP") not in pairs
    assert pairs[("32/2016/TT-BLĐTBXH", "106/2012/NĐ-CP")] == "BASED_ON"       # the base's own preamble stays its own


def test_the_rest_of_a_footnote_line_a_page_break_cut_changes_nothing_of_the_base():
    """A page break cuts a quoted "Căn cứ" line; its rest ("… nhiệm vụ, được sửa đổi, bổ sung bởi Nghị định số B;")
    opens the footnote's part under the next page's body: B changed the decree named on the page before, not the
    base, and the lines after it stay the quoted act's."""
    text = QUOTED_PREAMBLES.replace(
        "“Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n",
        "“Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng\n").replace(
        "Người lao động làm việc tại Bảo hiểm tiền gửi Việt Nam.\n\n",
        "Người lao động làm việc tại Bảo hiểm tiền gửi Việt Nam.\n…\n\nnhiệm vụ, được sửa đổi, bổ sung bởi Nghị định "
        "số 99/2024/NĐ-CP ngày 01 tháng 8 năm 2024;\n")
    pairs = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="doc.txt", text=text)).edges}
    assert ("99/2024/NĐ-CP", "32/2016/TT-BLĐTBXH") not in pairs
    assert pairs[("12/2024/TT-BLĐTBXH", "21/2015/NĐ-CP")] == "BASED_ON"


def test_a_footnote_quoting_two_preambles_without_quote_marks_gives_each_act_its_own():
    """The second act's paragraph ends "… có căn cứ ban hành như sau:" with its "Căn cứ" lines under it, no quote
    marks: those lines are that act's, not the first one's."""
    second = QUOTED_PREAMBLES.index("có căn cứ ban hành như sau:\n“Căn cứ Nghị định số 31/2014")
    text = QUOTED_PREAMBLES[:second] + QUOTED_PREAMBLES[second:].replace("“", "", 1).replace("”", "", 1)
    pairs = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="doc.txt", text=text)).edges}
    assert pairs[("15/2024/TT-BLĐTBXH", "31/2014/NĐ-CP")] == "BASED_ON"
    assert ("12/2024/TT-BLĐTBXH", "31/2014/NĐ-CP") not in pairs


def test_a_quotation_a_page_break_cut_ends_where_the_next_act_is_announced():
    """The page break cuts the first act's quotation in its enacting formula; under the next page's body its rest
    ("Đào tạo …”", opening on a capital) is followed by the line announcing the second act's preamble: the "Căn cứ"
    lines after that line are the second act's, not the first one's."""
    text = QUOTED_PREAMBLES.replace(
        "“Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n",
        "“Căn cứ Nghị định số 62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\nCăn cứ Nghị định số "
        "21/2015/NĐ-CP ngày 14 tháng 02 năm 2015 của Chính phủ;\nBộ trưởng Bộ Giáo dục và\n").replace(
        "Căn cứ Nghị định số 21/2015/NĐ-CP ngày 14 tháng 02 năm 2015 của Chính phủ;\nBộ trưởng ban hành Thông tư.”.\n",
        "Đào tạo ban hành Thông tư.”\n").replace(
        "Thông tư số 15/2024/TT-BLĐTBXH ngày 20 tháng 12 năm 2024 của Bộ trưởng Bộ Lao động -\nThương binh và Xã hội "
        "có căn cứ ban hành như sau:",
        "Thông tư số 15/2024/TT-BLĐTBXH ngày 20 tháng 12 năm 2024 của Bộ trưởng có căn cứ ban hành như sau:")
    pairs = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="doc.txt", text=text)).edges}
    assert pairs[("15/2024/TT-BLĐTBXH", "31/2014/NĐ-CP")] == "BASED_ON"
    assert ("12/2024/TT-BLĐTBXH", "31/2014/NĐ-CP") not in pairs
    assert pairs[("12/2024/TT-BLĐTBXH", "21/2015/NĐ-CP")] == "BASED_ON"


_BODY_START = "Chương I\nNHỮNG QUY ĐỊNH CHUNG\n\nĐiều 1. Phạm vi điều chỉnh\nLuật này quy định về bảo hiểm y tế.\n"
# a footnote quoting an act's effect article that a page break cut (the base's body goes on on the next page)
CUT_FOOTNOTES = [
    ("announced on a line of its own without quote marks and ending mid-sentence; a paragraph under the next page's "
     "body quotes another act's article",
     "15 Điều 3 của Luật số 51/2024/QH15 sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế, có hiệu lực kể từ "
     "ngày 01 tháng 7 năm 2025 quy định như sau:\nĐiều 3. Điều khoản thi hành\n1. Luật này có hiệu lực thi hành "
     "từ ngày 01 tháng 7 năm 2025.\n2. Đối với số tiền bảo hiểm y tế đóng theo quy định của Luật Bảo hiểm y tế "
     "đã được sửa đổi, bổ sung một số điều theo\n\n" + _BODY_START + "\nLuật số 32/2013/QH13 thì được xử lý theo quy "
     "định của Luật này.”.\nĐiều 45 của Luật Phòng bệnh số 114/2025/QH15, có hiệu lực thi hành từ ngày 01 tháng 7 "
     "năm 2026 quy định như sau:\n“Điều 45. Hiệu lực thi hành\n1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 "
     "năm 2026.\n2. Luật Phòng, chống bệnh truyền nhiễm số 03/2007/QH12 hết hiệu lực từ ngày Luật này có hiệu lực "
     "thi hành.”.\n",
     ("114/2025/QH15", "03/2007/QH12")),
    ("its quotation left open: it ends in the first paragraph under the next page's body that closes more "
     "quotations than it opens",
     "15 Điều 33 của Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở số 30/2023/QH15, có hiệu lực kể từ "
     "ngày 01 tháng 7 năm 2024 quy định như sau:\n“Điều 33. Hiệu lực thi hành\n\n1. Luật này có hiệu lực thi hành "
     "từ ngày 01 tháng 7 năm 2024.\n\n" + _BODY_START.replace("bảo hiểm y tế.", "bảo hiểm y tế theo “nguyên tắc "
     "chung”.") + "\n2. Pháp lệnh Công an xã số 06/2008/PL-UBTVQH12 hết hiệu lực kể từ ngày Luật này có hiệu lực "
     "thi hành.”.\n",
     ("30/2023/QH15", "06/2008/PL-UBTVQH12")),
]


@pytest.mark.parametrize("case,footnote,replacing", CUT_FOOTNOTES, ids=[c[0][:50] for c in CUT_FOOTNOTES])
def test_a_footnote_cut_by_a_page_break_is_its_act_s_under_the_next_page(case, footnote, replacing):
    """The rest of a footnote a page break cut is the quoted act's words, not the base's."""
    cut = CONSOLIDATED_LAW.replace(_BODY_START, footnote)
    assert cut != CONSOLIDATED_LAW
    ex = extract_citations(Source(file="doc.txt", text=cut))
    pairs = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges}
    assert pairs[replacing] == "REPLACES", case
    assert not any(source == "25/2008/QH12" for source, _ in pairs), case


def test_a_footnote_paragraph_quoting_several_provisions_of_an_act_is_that_act_s():
    """"Khoản 2 Điều 23 và Điều 24 của Luật Phí và lệ phí số …, quy định như sau:" on the line after another act's
    quotation: the act is named after more than one provision, and what follows is its words."""
    text = CONSOLIDATED_LAW.replace("19/2000/QH10.”.\n\nCác điều 23 và 24 của", "19/2000/QH10.”.\nKhoản 2 Điều 23 và "
                                    "Điều 24 của")
    assert text != CONSOLIDATED_LAW
    pairs = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="doc.txt", text=text)).edges}
    assert pairs[("97/2015/QH13", "38/2001/PL-UBTVQH10")] == "REPLACES"
    assert ("35/2018/QH14", "38/2001/PL-UBTVQH10") not in pairs


CONSOLIDATED_DECREE = """BỘ QUỐC PHÒNG
Số: 17/VBHN-BQP
Hà Nội, ngày 22 tháng 9 năm 2025

NGHỊ ĐỊNH
Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế

Nghị định số 70/2015/NĐ-CP ngày 01 tháng 9 năm 2015 của Chính phủ, có hiệu lực kể từ ngày 15 tháng 10 năm 2015, được
sửa đổi, bổ sung bởi:
Nghị định số 74/2025/NĐ-CP ngày 31 tháng 3 năm 2025 của Chính phủ, có hiệu lực kể từ ngày 01 tháng 7 năm 2025.

Điều 1. Phạm vi điều chỉnh
…

17 Điều 4 của Nghị định số 74/2025/NĐ-CP, có hiệu lực kể từ ngày 01 tháng 7 năm 2025, quy định như sau:
“Điều 4. Hiệu lực thi hành
1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2025.
3. Thông tư liên tịch số 85/2016/TTLT-BQP-BYT-BTC ngày 20 tháng 6 năm 2016 hết hiệu lực kể từ ngày Nghị định này có
hiệu lực.”
Khoản 5 Điều 4 của Nghị định số 74/2025/NĐ-CP nêu trên đã được bãi bỏ kể từ ngày 01 tháng 7 năm 2025 theo quy định tại
điểm c khoản 4 Điều 70 của Nghị định số 188/2025/NĐ-CP ngày 01 tháng 7 năm 2025 của Chính phủ.
"""


def test_lines_after_a_footnote_s_quotation_closed_are_the_consolidating_body_s():
    """After the quoted article closes, the consolidating office's own note on the act it quoted is no act's words:
    the quoted decree does not cite what later repealed a part of it; that act's repeal stays a chain."""
    pairs = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="doc.txt", text=CONSOLIDATED_DECREE)).edges}
    assert pairs[("74/2025/NĐ-CP", "85/2016/TTLT-BQP-BYT-BTC")] == "REPLACES"
    assert pairs[("188/2025/NĐ-CP", "74/2025/NĐ-CP")] == "REPEALS"
    assert ("74/2025/NĐ-CP", "188/2025/NĐ-CP") not in pairs


def test_a_consolidated_law_s_footnote_is_each_amending_law_s():
    """The enacting formula a footnote quotes is the amending law's: it amends each law it lists (a consolidated
    text's rank is not the speaker's); the effect articles quoted after a page break are their own law's, and a line
    wrapped inside a list item opens no new speaker."""
    ex = extract_citations(Source(file="doc.txt", text=CONSOLIDATED_LAW))
    pairs = {(e.source_symbol, e.target_symbol): e.relation for e in ex.edges}
    for amended in ("23/2008/QH12", "95/2015/QH13", "17/2012/QH13", "18-L/CTN"):
        assert pairs[("35/2018/QH14", amended)] == "AMENDS"
    assert pairs[("08/2017/QH14", "17/2012/QH13")] == "AMENDS"
    assert pairs[("19/2000/QH10", "18-L/CTN")] == "AMENDS"      # "Luật Dầu khí năm 1993", numbered the old way
    assert pairs[("97/2015/QH13", "38/2001/PL-UBTVQH10")] == "REPLACES"
    assert pairs[("97/2015/QH13", "08/2012/QH13")] in ("AMENDS", "CITES")
    assert not any(source in ("25/2008/QH12", "08/2012/QH13") for source, _ in pairs)
    law = next(d for d in ex.documents if d.symbol == "18-L/CTN")
    assert (law.date, law.id) == ("1993-07-06", "vn/qh/luat/1993/18")
