"""What is written right after a mention (its date and issuer) belongs to it only within its sentence."""
from graphbuild import extract_citations
from graphbuild.models import Source


def test_a_date_opening_the_next_paragraph_is_not_a_tail():
    """Title "thực hiện Kế hoạch số 39-KH/HU", then a paragraph "Ngày 09/05/2016, … ban hành Kế hoạch số 44-KH/TU":
    the date belongs to the next sentence, not to 39-KH/HU (whose own date comes later)."""
    text = ("ĐẢNG ỦY XÃ VĨNH CHÁNH\n*\nSố 20-KH/ĐU\nVĩnh Chánh, ngày 21 tháng 08 năm 2016\n\nKẾ HOẠCH\n"
            "thực hiện Kế hoạch số 39-KH/HU\n\nNgày 09/05/2016, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 44-KH/TU; "
            "Kế hoạch số 39-KH/HU, ngày 04 tháng 08 năm 2016 của Ban Thường vụ Huyện ủy về thực hiện Kế hoạch số "
            "44-KH/TU.\n")
    ext = extract_citations(Source(file="x.txt", text=text))
    dates = {d.symbol: d.date for d in ext.documents}
    assert dates["39-KH/HU"] == "2016-08-04"


def test_a_law_name_that_ends_its_sentence_is_read_whole():
    """'… của Luật Đầu tư công.' names the public investment law, not 'Luật Đầu tư' (the investment law) with a word
    after it: the name may end at the sentence's full stop, not only at a space or a comma."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 25/2025/QĐ-UBND\nBắc Ninh, ngày 5 tháng 3 năm 2025\nQUYẾT ĐỊNH\n"
            "Ban hành Quy định\n\nViệc điều chỉnh thực hiện theo Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính "
            "phủ quy định chi tiết thi hành một số điều của Luật Đầu tư công.\n")
    mentions = extract_citations(Source(file="x.txt", text=text)).to_dict()["mentions"]
    laws = {m["symbol"] for m in mentions if m["kind"] == "law_name"}
    assert laws == {"39/2019/QH14"}


def test_a_date_after_the_issuer_and_a_comma_opens_the_next_clause():
    """"… Nghị quyết số 281/NQ-CP của Chính phủ, ngày 10/10/2025 UBND tỉnh đã ban hành Kế hoạch số 845/KH-UBND": the
    date is the plan's, not the resolution's (a date written before the issuer, or right after it, stays the
    citation's own)."""
    text = ("CỔNG THÔNG TIN ĐIỆN TỬ\n\nNghệ An triển khai\n\nThực hiện Kế hoạch số 68-KH/TU của Ban Thường vụ Tỉnh ủy và "
            "Nghị quyết số 281/NQ-CP của Chính phủ, ngày 10/10/2025 UBND tỉnh đã ban hành Kế hoạch số 845/KH-UBND; "
            "Quyết định số 12/QĐ-UBND, ngày 05/3/2025 của UBND tỉnh được thực hiện.\n")
    dates = {d.symbol: d.date for d in extract_citations(Source(file="x.txt", text=text)).documents}
    assert dates["281/NQ-CP"] is None and dates["845/KH-UBND"] == "2025-10-10" and dates["12/QĐ-UBND"] == "2025-03-05"


def test_a_dated_law_name_the_table_does_not_know_is_the_law_the_text_numbers_in_that_year():
    """"Căn cứ Luật Giá ngày 19 tháng 6 năm 2023" (the table knows only the 2012 law) and later "Luật Giá số
    16/2023/QH15": the dated name is that law, not a law known only by its name; a name dated in another year is not."""
    text = ("BỘ Y TẾ\nSố: 05/2025/TT-BYT\nHà Nội, ngày 14 tháng 2 năm 2025\n\nTHÔNG TƯ\nQuy định về giá dịch vụ\n\n"
            "Căn cứ Luật Giá ngày 19 tháng 6 năm 2023;\nCăn cứ Luật Giá ngày 20 tháng 6 năm 2012;\n\n"
            "Điều 1. Việc định giá thực hiện theo quy định của Luật Giá số 16/2023/QH15.\n")
    edges = {(e.source_symbol, e.target_symbol): e.relation
             for e in extract_citations(Source(file="x.txt", text=text)).edges}
    assert edges[("05/2025/TT-BYT", "16/2023/QH15")] == "BASED_ON"
    assert edges[("05/2025/TT-BYT", "11/2012/QH13")] == "BASED_ON"
    assert not any(target.startswith("LUẬT") for _, target in edges)


def _edges(text: str) -> set:
    ext = extract_citations(Source(file="x.txt", text=text))
    return {(e.source_symbol, e.target_symbol, e.relation) for e in ext.edges}


def test_an_amending_law_named_by_several_laws_is_one_law_with_its_number():
    """'Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều số 60/2020/QH14': the name
    runs over both amended laws, and the number (neither law's own) is the amending law's; a decree's title naming
    the amending law again by name alone guides that law."""
    text = ("HUYỆN ỦY LONG HỒ\n*\nSố 215-BC/HU\nLong Hồ, ngày 10 tháng 5 năm 2024\n\nBÁO CÁO\nsơ kết công tác\n\n"
            "Các văn bản được triển khai đến cơ sở, nhất là Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013, Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống "
            "thiên tai và Luật Đê điều số 60/2020/QH14 và Nghị định số 66/2021/NĐ-CP ngày 06/7/2021 của Chính phủ quy "
            "định chi tiết thi hành một số điều của Luật Phòng, chống thiên tai và Luật sửa đổi, bổ sung một số điều "
            "của Luật Phòng, chống thiên tai và Luật Đê điều.\n")
    edges = _edges(text)
    assert ("66/2021/NĐ-CP", "60/2020/QH14", "GUIDES") in edges
    assert ("60/2020/QH14", "33/2013/QH13", "AMENDS") in edges
    assert not any(t and t.startswith("Luật") for _, t, _ in edges)


def test_an_amending_law_numbered_before_its_name_is_that_law_named_alone():
    """'Luật số 60/2020/QH14 ngày 17 tháng 6 năm 2020 sửa đổi, bổ sung một số điều của Luật X và Luật Y', then
    'Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y' alone: the same law."""
    text = ("ỦY BAN NHÂN DÂN\nHUYỆN LONG HỒ\nSố: 1186/QĐ-UBND\nLong Hồ, ngày 22 tháng 4 năm 2024\n\nQUYẾT ĐỊNH\n"
            "Phê duyệt Phương án ứng phó thiên tai\n\nCăn cứ Luật Phòng, chống thiên tai ngày 19 tháng 6 năm 2013; "
            "Luật số 60/2020/QH14 ngày 17 tháng 6 năm 2020 sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên "
            "tai và Luật Đê điều;\n\nCăn cứ Nghị định số 66/2021/NĐ-CP ngày 06 tháng 7 năm 2021 của Chính phủ quy định "
            "chi tiết thi hành một số điều của Luật Phòng, chống thiên tai và Luật sửa đổi, bổ sung một số điều của "
            "Luật Phòng, chống thiên tai và Luật Đê điều;\n")
    edges = _edges(text)
    assert ("66/2021/NĐ-CP", "60/2020/QH14", "GUIDES") in edges
    assert ("1186/QĐ-UBND", "60/2020/QH14", "BASED_ON") in edges


def test_a_number_after_an_amending_name_that_is_the_amended_laws_own_stays_that_laws():
    """'Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai số 33/2013/QH13': 33/2013/QH13 is the
    disaster law's own number, so the number is that law's, not a name for the amending law."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH VĨNH LONG\nSố: 12/KH-UBND\nVĩnh Long, ngày 2 tháng 4 năm 2021\n\nKẾ HOẠCH\n"
            "Triển khai thực hiện\n\nCăn cứ Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai số "
            "33/2013/QH13;\n")
    assert _edges(text) == {("12/KH-UBND", "33/2013/QH13", "BASED_ON")}


def test_a_title_that_details_two_laws_guides_each_law_the_text_pins():
    """'Nghị định số 143/2018/NĐ-CP … quy định chi tiết Luật Bảo hiểm xã hội và Luật An toàn, vệ sinh lao động …': the
    decree guides both laws (the text numbers each elsewhere), not only the first of the list."""
    text = ("SỞ NỘI VỤ\nTỈNH CÀ MAU\nSố: 1872/SNV-LĐTL\nCà Mau, ngày 2 tháng 8 năm 2025\n\nV/v hướng dẫn\n\n"
            "Kể từ ngày 01/7/2025, Nghị định số 143/2018/NĐ-CP ngày 15/10/2018 của Chính phủ quy định chi tiết Luật "
            "Bảo hiểm xã hội và Luật An toàn, vệ sinh lao động về bảo hiểm xã hội bắt buộc hết hiệu lực.\n\n"
            "Việc khai báo thực hiện theo quy định tại Luật An toàn, vệ sinh lao động số 84/2015/QH13 và Luật Bảo hiểm "
            "xã hội số 58/2014/QH13.\n")
    edges = _edges(text)
    assert {("143/2018/NĐ-CP", "58/2014/QH13", "GUIDES"), ("143/2018/NĐ-CP", "84/2015/QH13", "GUIDES")} <= edges


def test_a_short_form_takes_the_date_the_text_gives_its_document_anywhere():
    """The title names Chỉ thị 42-CT/TW without its date, the body with it, then 'Chỉ thị 42' in an aside: the short
    form is the 2020 directive, which cannot implement the 2025 conclusion named after it."""
    text = ("TỈNH ỦY KHÁNH HÒA\n*\nSố 486-TB/TU\nKhánh Hòa, ngày 09 tháng 6 năm 2026\n\nTHÔNG BÁO KẾT LUẬN\nvề kết quả "
            "thực hiện Chỉ thị số 42-CT/TW của Ban Bí thư\n\nXét báo cáo kết quả 06 năm thực hiện Chỉ thị số 42-CT/TW "
            "ngày 24/3/2020 của Ban Bí thư về công tác phòng ngừa thiên tai (sau đây gọi là Chỉ thị 42) và 06 tháng "
            "triển khai Kết luận số 213-KL/TW ngày 21/11/2025 của Ban Bí thư về tiếp tục thực hiện Chỉ thị 42, "
            "Thường trực Tỉnh ủy kết luận như sau:\n")
    edges = _edges(text)
    assert ("42-CT/TW", "213-KL/TW", "IMPLEMENTS") not in edges
    assert ("213-KL/TW", "42-CT/TW", "CONTINUES") in edges
