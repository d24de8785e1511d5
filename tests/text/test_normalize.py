import unicodedata

from graphbuild.text.normalize import normalize_text


def test_cleaning_steps():
    src = "A- A A+ | Tăng tương phản\nKết luận số 44\u2013KL/TW của Ban Bí thư\ntrung ương  <i>Đảng</i> \u00d0ảng"
    t = normalize_text(src)
    assert "Tăng tương phản" not in t.text
    assert "44-KL/TW" in t.text
    assert "Bí thư trung ương Đảng Đảng" in t.text      # soft line break joined, tag removed, Ð -> Đ


def test_offsets_map_back_to_source():
    src = "Số: 12\n\n  Thực   hiện Kết luận   số 44-KL/TW\n" + unicodedata.normalize("NFD", "về Hội Chữ thập đỏ")
    t = normalize_text(src)
    i = t.text.index("Kết luận")
    j = t.text.index("44-KL/TW") + len("44-KL/TW")
    s, e = t.source_span(i, j)
    assert src[s:e] == "Kết luận   số 44-KL/TW"
    k = t.text.index("Chữ")
    s, e = t.source_span(k, k + 3)
    assert unicodedata.normalize("NFC", src[s:e]) == "Chữ"


def test_nfd_and_nfc_give_the_same_text():
    s = "Ủy ban nhân dân tỉnh Thái Nguyên thực hiện Chỉ thị số 47-CT/TW"
    assert normalize_text(unicodedata.normalize("NFD", s)).text == normalize_text(s).text


import pytest  # noqa: E402

CLEANING = [
    # a symbol wrapped at its hyphen is joined
    ("Thông tư số 152/2016/TT-\nBTC ngày 17", "Thông tư số 152/2016/TT-BTC ngày 17"),
    # … wrapped twice in a narrow table cell, with a space before the break
    ("số 08/2009/TTLT-\nBXD-BTC-BKHĐT- \nBNNPTNT-NHNN ngày", "số 08/2009/TTLT-BXD-BTC-BKHĐT-BNNPTNT-NHNN ngày"),
    ("phát triển kinh tế - \nXã hội", "phát triển kinh tế -\nXã hội"),
    # … or after a slash, over a page break too; a date's slash is no symbol's
    ("Kế hoạch số 12-KH/\nTU ngày 20/8/2025", "Kế hoạch số 12-KH/TU ngày 20/8/2025"),
    ("Thông tư số 152/2016/\n\nTT-BTC ngày 17", "Thông tư số 152/2016/TT-BTC ngày 17"),
    ("Quyết định số 1875/\nQĐ-UBND", "Quyết định số 1875/QĐ-UBND"),
    ("ngày 20/\nTháng này", "ngày 20/\nTháng này"),
    # … before the year: "số 15/" then "2018/NĐ-CP" on the next line; a ratio before a year is no symbol
    ("Nghị định số 15/\n2018/NĐ-CP theo hướng", "Nghị định số 15/2018/NĐ-CP theo hướng"),
    ("tỷ lệ 15/\n2018 hộ", "tỷ lệ 15/\n2018 hộ"),
    # … or at a Party symbol's hyphen, after its number: "số 45-" then "KH/TU"; not before a word
    ("Kế hoạch số 45-\nKH/TU ngày 25", "Kế hoạch số 45-KH/TU ngày 25"),
    ("đạt số 45-\nKhá tốt", "đạt số 45-\nKhá tốt"),
    # Cyrillic letters typed inside a Latin code
    ("Thông tư số 06/2022/TT-B\u0422\u0421 ngày", "Thông tư số 06/2022/TT-BTC ngày"),
    # a symbol glued to the next word
    ("Đề án số 381/ĐA-CPngày 09 tháng 5", "Đề án số 381/ĐA-CP ngày 09 tháng 5"),
    # a page break inside a sentence: page number and signature stamp lines go, the sentence is joined
    ("của Chính \n\n94\nNgười ký: CỔNG THÔNG TIN\nThời gian ký: 19.03.2025\n\nphủ quy định", "của Chính phủ quy định"),
    # … or after a comma, whatever the case of the next word; not before a list item or a footnote's number
    ("Luật số 97/2015/QH13,\n\n3\nNgười ký: CỔNG THÔNG TIN\n\nLuật số 35/2018/QH14 và",
     "Luật số 97/2015/QH13, Luật số 35/2018/QH14 và"),
    ("như sau,\n\nb) Thông tư", "như sau,\n\nb) Thông tư"),
    # … or after a word that never ends a sentence, whatever the case of the next word
    ("Nghị định số 362/2025/NĐ-CP của\n\nChính phủ quy định", "Nghị định số 362/2025/NĐ-CP của Chính phủ quy định"),
    ("trách nhiệm của\n\n1. Mục đích", "trách nhiệm của\n\n1. Mục đích"),
    ("Ưu tiên hàng\n\nHai", "Ưu tiên hàng\n\nHai"),
    ("khoản 2,\n\n12 Điều này được sửa đổi", "khoản 2,\n\n12 Điều này được sửa đổi"),
    # but not after the end of a sentence or a list header
    ("sau đây:\n\n1. Thông tư", "sau đây:\n\n1. Thông tư"),
    # pandoc simple table: the column gap becomes a cell border
    ("  ----------- --------\n  Nơi nhận:      TỔNG BÍ THƯ\n  - Lưu.        Tô Lâm\n  ----------- --------",
     "\nNơi nhận: | TỔNG BÍ THƯ\n- Lưu. | Tô Lâm\n"),
]


@pytest.mark.parametrize("src,clean", CLEANING)
def test_cleaning_table(src, clean):
    assert normalize_text(src).text == clean


def test_new_steps_keep_offsets():
    src = "Căn cứ Thông tư số 152/2016/TT-\nBTC và Đề án số 381/ĐA-CPngày 09/5/2025 của Chính \n\n12\n\nphủ"
    t = normalize_text(src)
    for needle in ("Căn cứ", "Đề án", "phủ"):
        i = t.text.index(needle)
        s, e = t.source_span(i, i + len(needle))
        assert src[s:e] == needle


def test_markdown_jump_search_equals_the_regex():
    import importlib
    import random
    n = importlib.import_module("graphbuild.text.normalize")
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(" \n\t*_\\#>ab-()") for _ in range(rnd.randint(0, 24)))
        assert [m.span() for m in n._markdown_matches(text)] == [m.span() for m in n._MARKDOWN.finditer(text)]


def test_blank_runs_found_as_the_first_pattern_found():
    """_SPACES begins with one character class now (docs/patterns.md), and _DOUBLE_SPACES stands for it in a text
    whose only blank is the plain space: both find exactly the runs the first, three-branch pattern found."""
    import random
    import re

    from graphbuild.text import normalize as n
    first = re.compile("[\t\u00a0\u2002\u2003\u2009\u202f][ \t\u00a0\u2002\u2003\u2009\u202f]*|"
                       "  [ \t\u00a0\u2002\u2003\u2009\u202f]*|"
                       " [\t\u00a0\u2002\u2003\u2009\u202f][ \t\u00a0\u2002\u2003\u2009\u202f]*")
    rnd = random.Random(18)
    for _ in range(3000):
        text = "".join(rnd.choice("  \t\u00a0\u2009ab\n") for _ in range(rnd.randint(0, 24)))
        assert [m.span() for m in n._SPACES.finditer(text)] == [m.span() for m in first.finditer(text)]
        plain = text.replace("\t", "x").replace("\u00a0", "y").replace("\u2009", "z")
        assert [m.span() for m in n._DOUBLE_SPACES.finditer(plain)] == [m.span() for m in first.finditer(plain)]


@pytest.mark.parametrize("src", [
    "Số: 12/QĐ-UBND          Hà Nội, ngày 5 tháng 6 năm 2020\r\n\r\nKẾT LUẬN\t\tcủa  Bộ <i>Chính</i> trị \n  về\n"
    "việc **thực hiện** Chỉ thị 43 –  năm  2020\u00a0\u00a0 và\n\n\nhướng dẫn",
    "CÔNG BÁO/Số 977 + 978/Ngày 25-7-2025\nA- A A+ | Tăng tương phản\nNơi nhận:\n- Như trên;      GIÁM ĐỐC\n- Lưu: VT.",
    "Ð\u0110 e\u0301 \u200b x \n\n y",
    "",
])
def test_offsets_mapped_together_equal_each_mapped_alone(src):
    """``to_source_many`` (the layout reader maps every blank of a zone at once) gives ``to_source`` of each offset,
    for the whole text and for any stretch of it."""
    t = normalize_text(src)
    offsets = list(range(len(t.text) + 1))
    assert t.to_source_many(offsets) == [t.to_source(o) for o in offsets]
    for a in range(0, len(offsets), 5):
        part = offsets[a:a + 9]
        assert t.to_source_many(part) == [t.to_source(o) for o in part]


def test_web_chrome_found_from_the_newlines_as_its_pattern_finds_it():
    """``_chrome_lines`` tries the table's whole-line pattern only after the newlines a literal search finds: the
    same matches as its ``finditer`` (a line of chrome at the start, lines of it in a row, one across lines), a page's
    furniture (two lines or more, one under the other) with its newlines."""
    import random

    from graphbuild import vocab
    from graphbuild.text import normalize as n
    chrome = vocab.web_chrome()
    assert chrome.fullmatch("") is None
    rnd = random.Random(18)
    bits = ["A- A A+", "A-\nA\nA+", "Tăng tương phản", "Print this", "Chia sẻ", "\n", " ", "\t", "x", "Bản in"]
    for _ in range(3000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randint(0, 12)))
        assert [m.span() for m in n._chrome_lines(text)] == _furniture(text, [m.span() for m in chrome.finditer(text)])
    assert len(list(n._chrome_lines("Chia sẻ\nA- A A+\nvăn bản\n  Bản in  "))) == 3


def _furniture(text: str, spans: list) -> list:
    """The spans, those of a run of lines one under the other (or of one match over two lines) with their newline."""
    runs: list = []
    for a, b in spans:
        if runs and runs[-1][-1][1] + 1 == a and text[a - 1] == "\n":
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    out = []
    for run in runs:
        whole = len(run) > 1 or "\n" in text[run[0][0]:run[0][1]]
        out += [(a, b + 1 if whole and text.startswith("\n", b) else b) for a, b in run]
    return out


def test_a_page_break_inside_a_sentence_reads_on():
    """A gazette's running head and page number between two lines of one 'Căn cứ' clause: the clause goes on; a
    lone number (a page's, or a table row's) leaves a break."""
    page = "…của Bộ Tài chính;\n2\nCÔNG BÁO/Số 201 + 202/Ngày 15-3-2024\nNghị định số 166/2025/NĐ-CP ngày …"
    assert normalize_text(page).text == "…của Bộ Tài chính;\nNghị định số 166/2025/NĐ-CP ngày …"
    assert normalize_text("| 2 | Sở Tư pháp |\n3\n| 4 | Sở Nội vụ |").text == "| 2 | Sở Tư pháp |\n\n| 4 | Sở Nội vụ |"


def test_straight_quotes_read_as_the_curly_ones_they_stand_for():
    """A footnote quoting an act with straight quotes reads as one with curly quotes (consolidated texts count them)."""
    text = 'Điều 11 quy định như sau:\n"Điều 11. Bãi bỏ Thông tư số 27/2016/TT-BLĐTBXH (“cũ”)".'
    assert normalize_text(text).text == 'Điều 11 quy định như sau:\n“Điều 11. Bãi bỏ Thông tư số 27/2016/TT-BLĐTBXH (“cũ”)”.'


def test_a_row_of_a_table_typed_with_tabs_keeps_its_cells_apart():
    """Three cells or more typed with tabs are a table row: its cells stay apart (' | '); two (a header's columns
    typed with tabs) run into one line as before."""
    row = "1\tKế hoạch thực hiện Nghị quyết số 41-NQ/TW\tSở Kế hoạch và Đầu tư\tTháng 3/2024\n"
    assert normalize_text(row).text == "1 | Kế hoạch thực hiện Nghị quyết số 41-NQ/TW | Sở Kế hoạch và Đầu tư | Tháng 3/2024\n"
    assert normalize_text("ĐẢNG BỘ TỈNH NGHỆ AN\t\t\tĐẢNG CỘNG SẢN VIỆT NAM\n").text == \
        "ĐẢNG BỘ TỈNH NGHỆ AN ĐẢNG CỘNG SẢN VIỆT NAM\n"
