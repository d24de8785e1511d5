"""The header reader: the two header columns seen through the offset map, the number, the date on the number line,
the issuing body with its parent, and what is never part of them (the motto, a preamble line, a draft's blanks)."""
import re

import pytest

from graphbuild import Source, extract_citations
from graphbuild.text import layout
from graphbuild.text.normalize import normalize_text
from graphbuild.text.segment import parse_header


def header_of(source: str):
    return parse_header(normalize_text(source))


TYPED = (
    "          ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "            TỈNH NGHỆ AN                        Độc lập - Tự do - Hạnh phúc\n"
    "              -------                                 ---------------\n"
    "          Số: 1520/QĐ-UBND                   Nghệ An, ngày 12 tháng 5 năm 2023\n\n"
    "                                       QUYẾT ĐỊNH\n"
    "          Về việc phê duyệt Kế hoạch xây dựng nông thôn mới năm 2023\n"
    "                                         -----\n"
    "Căn cứ Quyết định số 263/QĐ-TTg ngày 22/02/2022 của Thủ tướng Chính phủ;\n"
)


def test_columns_are_cut_at_the_source_gaps_and_keep_exact_offsets():
    clean = normalize_text(TYPED)
    assert "  " not in clean.text                       # cleaning collapsed the gaps ...
    rows = layout.rows(clean, 0, len(clean.text))
    (number,) = [r for r in rows if r.cells[0].text.startswith("Số")]
    assert [c.text for c in number.cells] == ["Số: 1520/QĐ-UBND", "Nghệ An, ngày 12 tháng 5 năm 2023"]
    for row in rows:                                    # ... the cells still map to the source exactly
        for cell in row.cells:
            s, e = clean.source_span(cell.start, cell.end)
            assert TYPED[s:e] == cell.text
    cols = layout.columns(rows[:3])
    assert cols.side(rows[1].cells[0]) == "left" and cols.side(rows[1].cells[1]) == "right"


def test_tabs_part_columns_too_and_a_drafts_blanks_do_not():
    clean = normalize_text("ĐẢNG BỘ TỈNH NGHỆ AN\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\n"
                           "Số       -KH/HU\t\t\t\tNghi Lộc, ngày      tháng      năm 2023\n")
    rows = layout.rows(clean)
    assert [c.text for c in rows[0].cells] == ["ĐẢNG BỘ TỈNH NGHỆ AN", "ĐẢNG CỘNG SẢN VIỆT NAM"]
    assert [c.text for c in rows[1].cells] == ["Số -KH/HU", "Nghi Lộc, ngày tháng năm 2023"]


def test_date_on_the_number_line_and_the_motto_never_the_issuer():
    h = header_of(TYPED)
    assert h.symbol.text == "1520/QĐ-UBND" and h.date.iso == "2023-05-12" and h.place == "Nghệ An"
    assert h.issuer_lines == ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"]
    assert h.type_code == "QĐ" and h.title == "Về việc phê duyệt Kế hoạch xây dựng nông thôn mới năm 2023"


@pytest.mark.parametrize("layout_name, text", [
    ("raw order", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                  "Độc lập - Tự do - Hạnh phúc\n---------------\nSố: 1520/QĐ-UBND Nghệ An, ngày 12 tháng 5 năm 2023\n"
                  "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\n-----\n"),
    ("pdftotext plain", "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n------Số: 1520/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                        "Độc lập - Tự do - Hạnh phúc\n--------------Nghệ An, ngày 12 tháng 5 năm 2023\n\n"
                        "QUYẾT ĐỊNH\nVề việc phê duyệt Kế hoạch\n-----\n"),
])
def test_columns_one_after_the_other(layout_name, text):
    h = header_of(text)
    assert (h.symbol.text, h.date.iso, h.issuer_lines) == ("1520/QĐ-UBND", "2023-05-12", ["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"])
    assert h.title == "Về việc phê duyệt Kế hoạch"


def test_parent_body_above_and_locality_inside_it():
    """A commune named Cộng Hòa exists in six provinces; the one under ĐẢNG BỘ HUYỆN VỤ BẢN is meant."""
    text = ("ĐẢNG BỘ HUYỆN VỤ BẢN            ĐẢNG CỘNG SẢN VIỆT NAM\n"
            "ĐẢNG ỦY XÃ CỘNG HÒA\n         *\n    Số 36-KH/ĐU      Cộng Hòa, ngày 18 tháng 7 năm 2022\n\n"
            "KẾ HOẠCH\nhọc tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2022\n-----\n"
            "Thực hiện Kế hoạch số 82-KH/HU ngày 05/7/2022 của Ban Thường vụ Huyện ủy Vụ Bản.\n")
    subject = extract_citations(Source(file="kh.txt", text=text)).subject
    assert subject.issuer == "Đảng ủy xã Cộng Hòa" and subject.locality.startswith("Cộng Hòa")
    assert subject.locality.endswith("Nam Định") and subject.level == "commune"
    assert subject.id.startswith("vn/nam-dinh/vu-ban/cong-hoa/")


def test_a_department_takes_the_place_of_its_parent():
    text = ("UBND TỈNH NGHỆ AN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "  SỞ TÀI CHÍNH             Độc lập - Tự do - Hạnh phúc\n"
            "Số: 215/QĐ-STC          Nghệ An, ngày 05 tháng 6 năm 2024\n\nQUYẾT ĐỊNH\nVề việc ban hành Quy chế\n")
    subject = extract_citations(Source(file="qd.txt", text=text)).subject
    assert (subject.issuer, subject.locality, subject.level) == ("Sở Tài chính tỉnh Nghệ An", "Nghệ An", "province")


@pytest.mark.parametrize("lines, code, issuer", [
    ("BỘ NÔNG NGHIỆP\nVÀ PHÁT TRIỂN NÔNG THÔN", "TT-BNNPTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),  # "BỘ NÔNG
    ("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI", "TT-BLĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),   # NGHIỆP" is a
    ("BỘ VĂN HÓA,\nTHỂ THAO VÀ DU LỊCH", "TT-BVHTTDL", "Bộ Văn hóa, Thể thao và Du lịch"),            # name too
    ("ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG", "KH-SNNMT", "Sở nông nghiệp và môi trường tỉnh An Giang"),
])
def test_a_name_broken_where_its_parts_join_is_one_name(lines, code, issuer):
    """A body's name wrapped at 'VÀ' or after a comma or dash: the second line is never a body of its own."""
    text = (f"{lines}\n\nSố: 18/2021/{code}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Hà Nội, ngày 27 tháng 12 năm 2021\n\nTHÔNG TƯ\nBãi bỏ một số văn bản\n\n"
            "Căn cứ Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ;\n")
    assert extract_citations(Source(file="tt.txt", text=text)).subject.issuer == issuer


@pytest.mark.parametrize("head, issuer", [
    # the gazette's part heading run into the body's line
    ("VĂN BẢN HỢP NHẤT - BỘ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 04/VBHN-BYT   "
     "Hà Nội, ngày 10 tháng 4 năm 2018", "Bộ Y tế"),
    # the parent and the committee on one line, before the Party's name
    ("ĐẢNG BỘ TỈNH HÀ GIANG TỈNH ỦY ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố\n09-NQ/TU\nHà Giang, ngày 20 tháng 7 năm 2022",
     "Tỉnh ủy Hà Giang"),
    # a place whose name holds a department's word ('HẢI PHÒNG'), in a column and run into one line
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG\nTHÀNH ỦY\n*\nSố 809-CV/TU\nHải Phòng, ngày 06 tháng 02 năm 2023", "Thành ủy Hải Phòng"),
    ("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG THÀNH ỦY ĐẢNG CỘNG SẢN VIỆT NAM * Số 809-CV/TU Hải Phòng, ngày 06 tháng 02 năm 2023",
     "Thành ủy Hải Phòng"),
    # the two columns run together row by row on one line
    ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM HUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc Số: "
     "1456/UBND-NN Đức Trọng, ngày 12 tháng 7 năm 2019", "Ủy ban nhân dân huyện Đức Trọng"),
    # the parent and the department run into the motto on one line, the number on the next
    ("UBND TỈNH PHÚ THỌ SỞ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
     "Số: 2416/KH-SKHĐT Phú Thọ, ngày 14 tháng 10 năm 2024", "Sở kế hoạch và đầu tư tỉnh Phú Thọ"),
    # the motto run into the issuer's line and wrapped after "Tự do -"
    ("ỦY BAN NHÂN DÂN TỈNH HẬU GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - \nHạnh phúc\nSố:\n"
     "05/CĐ-UBND\nVị Thanh, ngày 20 tháng 01\nnăm 2025", "Ủy ban nhân dân tỉnh Hậu Giang"),
    ("UBND TỈNH PHÚ THỌ SỞ KẾ HOẠCH VÀ ĐẦU TƯ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự \ndo - Hạnh phúc\n"
     "Số: 2416/KH-SKHĐT Phú Thọ, ngày 14 tháng 10 năm 2024", "Sở kế hoạch và đầu tư tỉnh Phú Thọ"),
    # the committee's row run into the Party's name in the right column
    ("ĐẢNG BỘ TỈNH NAM ĐỊNH                    ĐẢNG CỘNG SẢN VIỆT NAM HUYỆN ỦY HẢI HẬU *                              "
     "Hải Hậu, ngày 22 tháng 5 năm 2023\nSố 412-BC/HU", "Huyện ủy Hải Hậu"),
])
def test_the_issuer_of_headers_as_extraction_leaves_them(head, issuer):
    text = f"{head}\n\nBÁO CÁO\nsơ kết\n\nThực hiện Nghị định số 34/2016/NĐ-CP ngày 14 tháng 5 năm 2016 của Chính phủ.\n"
    assert extract_citations(Source(file="doc.txt", text=text)).subject.issuer == issuer


def test_a_preamble_line_is_never_the_documents_number():
    """A wrapped 'Căn cứ' clause puts 'Luật số 56/2024/QH15;' at the start of a line, below the header."""
    text = ("CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNGHỊ ĐỊNH\nQuy định chi tiết\n-----\n"
            "Căn cứ Luật Ngân sách nhà nước số 83/2015/QH13 được sửa đổi, bổ sung bởi\nLuật số 56/2024/QH15;\n"
            "Số: 85/2025/NĐ-CP Hà Nội, ngày 08 tháng 4 năm 2025\n")
    h = header_of(text)
    assert h.symbol.text == "85/2025/NĐ-CP" and h.date.iso == "2025-04-08"


def test_a_consolidated_text_under_the_gazette_s_part_heading_with_its_number_below_so():
    """The gazette's part ("VĂN BẢN HỢP NHẤT") above a header whose columns ran into one line, "Số:" apart from its
    number, the date split, and a signer named after his rank."""
    text = ("CÔNG BÁO/Số 1461 + 1462/Ngày 08-10-2025 41\n\nVĂN BẢN HỢP NHẤT\n\n"
            "BỘ QUỐC PHÒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\nSố:\n17/VBHN-BQP\n"
            "Hà Nội, ngày 22 tháng 9\nnăm 2025\n\nNGHỊ ĐỊNH\nQuy định chi tiết một số điều của Luật Bảo hiểm y tế\n\n"
            "Nghị định số 70/2015/NĐ-CP ngày 01 tháng 9 năm 2015 của Chính phủ, có hiệu lực kể từ ngày 15 tháng 10 năm "
            "2015, được sửa đổi, bổ sung bởi:\nNghị định số 74/2025/NĐ-CP ngày 31 tháng 3 năm 2025 của Chính phủ.\n\n"
            "Điều 1. Phạm vi điều chỉnh\n…\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nThượng tướng Phạm Đức Minh\n")
    subject = extract_citations(Source(file="vbhn.txt", text=text)).subject
    assert (subject.symbol, subject.date, subject.issuer) == ("17/VBHN-BQP", "2025-09-22", "Bộ Quốc phòng")
    assert subject.title.startswith("Quy định chi tiết")
    assert subject.signer == "Phạm Đức Minh"


def test_a_drafts_party_number_and_blank_date():
    h = header_of("ĐẢNG BỘ TỈNH NGHỆ AN\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\nHUYỆN ỦY NGHI LỘC\n*\n"
                  "Số       -KH/HU\t\t\t\tNghi Lộc, ngày      tháng      năm 2023\n\nKẾ HOẠCH\nthực hiện Kết luận\n")
    assert h.symbol is None and h.blank_code == "KH-HU" and h.date.iso is None and h.date.year == 2023
    assert h.issuer_lines == ["ĐẢNG BỘ TỈNH NGHỆ AN", "HUYỆN ỦY NGHI LỘC"]


def test_recipients_beside_the_signature_without_the_archive_copy():
    text = ("Điều 3. Thi hành./.\n\n"
            "Nơi nhận:                                           TM. ỦY BAN NHÂN DÂN\n"
            "- Như Điều 3;                                           KT. CHỦ TỊCH\n"
            "- Các huyện ủy, thị ủy, thành ủy,                       PHÓ CHỦ TỊCH\n"
            "  đảng ủy trực thuộc Tỉnh ủy;\n"
            "- Lưu: VT, NN (Th).                                    Bùi Thanh Hải\n")
    h = header_of(text)
    assert h.recipients == ["Như Điều 3", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy"]
    assert h.signer == "Bùi Thanh Hải" and h.signer_role == "TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"


def test_a_document_with_a_header_and_no_citation_is_a_document():
    text = TYPED.split("Căn cứ")[0] + "Chủ tịch Ủy ban nhân dân huyện thông báo lịch tiếp công dân.\n"
    ext = extract_citations(Source(file="tb.txt", text=text))
    assert ext.kind == "document" and ext.subject.symbol == "1520/QĐ-UBND" and not ext.edges


def test_a_verb_after_the_issuer_is_not_part_of_its_name():
    text = TYPED.replace("của Thủ tướng Chính phủ;", "của\nThủ tướng Chính phủ phê duyệt Quy hoạch tỉnh Nghệ An;")
    cited = {d.symbol: d for d in extract_citations(Source(file="qd.txt", text=text)).documents}
    assert cited["263/QĐ-TTg"].issuer == "Thủ tướng Chính phủ"



def test_a_signature_beside_the_recipients_with_an_annex_table_after_it(data_dir):
    """The annex's table rows (three cells and more) are no column of the signature block beside 'Nơi nhận'."""
    path = data_dir / "eval" / "tune" / "w15_qd-ubnd-quang-nam-cong-bo-het-hieu-luc.txt"
    header = parse_header(normalize_text(path.read_text(encoding="utf-8")))
    assert (header.signer, header.recipients[:2]) == ("Trần Anh Tuấn", ["Như Điều 2", "Cục Kiểm tra VBQPPL - Bộ Tư pháp"])


@pytest.mark.parametrize("line, symbol, place", [
    ("TỈNH ỦY NGHỆ AN ĐẢNG CỘNG SẢN VIỆT NAM * Số 312-KH/TU Nghệ An, ngày 18 tháng 02 năm 2025",
     "312-KH/TU", "Nghệ An"),
    ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "--------------- Số: 2718/QĐ-UBND Thái Bình, ngày 20 tháng 11 năm 2015", "2718/QĐ-UBND", "Thái Bình"),
    ("THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: 1342/QĐ-TTg "
     "Hà Nội, ngày 08 tháng 11 năm 2024", "1342/QĐ-TTg", "Hà Nội"),
    # a table's cells read one after the other: the right column's date before the left column's number
    ("ĐẢNG CỘNG SẢN VIỆT NAM Bình Định, 02/12/2024 TỈNH ỦY BÌNH ĐỊNH BAN TỔ CHỨC * Số 18-HD/BTCTU",
     "18-HD/BTCTU", "Bình Định")])
def test_a_header_run_into_one_line(line, symbol, place):
    """A web page's or an extraction's header with its columns run into one line: the number after other words."""
    header = parse_header(normalize_text(line + "\n\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\n\nCăn cứ Luật số 1/2020/QH14;\n"))
    year = re.findall(r"(?:19|20)\d\d", line)[-1]
    assert (header.symbol.text, header.place, header.date.iso[:4]) == (symbol, place, year)


@pytest.mark.parametrize("line, issuer", [
    ("UBND TỈNH PHÚ THỌ SỞ TƯ PHÁP ------- Số: 1052/STP-XLVPHC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
     "Hạnh phúc Phú Thọ, ngày 10 tháng 12 năm 2013", ["UBND TỈNH PHÚ THỌ", "SỞ TƯ PHÁP"]),
    ("ĐẢNG BỘ HUYỆN NAM SÁCH ĐẢNG ỦY XÃ NAM HƯNG * Số 28-KH/ĐU ĐẢNG CỘNG SẢN VIỆT NAM Nam Hưng, ngày 05 tháng 4 năm "
     "2019", ["ĐẢNG BỘ HUYỆN NAM SÁCH", "ĐẢNG ỦY XÃ NAM HƯNG"]),
    # a gazette's part heading above the header, and the body written twice by the PDF's text layer
    ("VĂN BẢN QUY PHẠM PHÁP LUẬT CHÍNH PHỦ CHÍNH PHỦ Số: 188/2025/NĐ-CP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
     "Tự do - Hạnh phúc Hà Nội, ngày 01 tháng 7 năm 2025", ["CHÍNH PHỦ"]),
    ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc "
     "lập - Tự do - Hạnh phúc Số: 04/2025/TT-BLĐTBXH Hà Nội, ngày 20 tháng 02 năm 2025",
     ["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]),
    ("ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH -------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc "
     "--------------- Số: 2718/QĐ-UBND Thái Bình, ngày 20 tháng 11 năm 2015", ["ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH"])])
def test_the_issuer_of_a_header_run_into_one_line(line, issuer):
    """The parent body's line and the body's own line, parted where the body's line starts; not the gazette's part
    heading, and a body written twice once."""
    header = parse_header(normalize_text(line + "\n\nTHÔNG TƯ\nQuy định về quản lý\n\nCăn cứ Luật số 1/2020/QH14;\n"))
    assert header.issuer_lines == issuer


def test_a_heading_that_opens_on_the_type_its_number_names_keeps_that_type():
    """'THÔNG BÁO KẾT LUẬN' reads as a Kết luận, but numbered '1248-TB/TU' it is a Thông báo, as the heading's first
    words say too; '318-KL/TU' under the same heading stays a Kết luận."""
    def type_of(number: str) -> str:
        text = (f"ĐẢNG BỘ TỈNH BÌNH THUẬN\nTỈNH ỦY\n*\nSố {number}\nPhan Thiết, ngày 18 tháng 9 năm 2024\n\n"
                "THÔNG BÁO KẾT LUẬN\ncủa Thường trực Tỉnh ủy\n\nThực hiện Chỉ thị số 32-CT/TW ngày 10/4/2024.\n")
        return extract_citations(Source(file="tb.txt", text=text)).subject.type
    assert type_of("1248-TB/TU") == "TB" and type_of("318-KL/TU") == "KL"
