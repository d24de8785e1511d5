import unicodedata

from graphbuild.normalize import normalize


def test_cleaning_steps():
    src = "A- A A+ | Tăng tương phản\nKết luận số 44\u2013KL/TW của Ban Bí thư\ntrung ương  <i>Đảng</i> \u00d0ảng"
    t = normalize(src)
    assert "Tăng tương phản" not in t.text
    assert "44-KL/TW" in t.text
    assert "Bí thư trung ương Đảng Đảng" in t.text      # soft line break joined, tag removed, Ð -> Đ


def test_offsets_map_back_to_source():
    src = "Số: 12\n\n  Thực   hiện Kết luận   số 44-KL/TW\n" + unicodedata.normalize("NFD", "về Hội Chữ thập đỏ")
    t = normalize(src)
    i = t.text.index("Kết luận")
    j = t.text.index("44-KL/TW") + len("44-KL/TW")
    s, e = t.source_span(i, j)
    assert src[s:e] == "Kết luận   số 44-KL/TW"
    k = t.text.index("Chữ")
    s, e = t.source_span(k, k + 3)
    assert unicodedata.normalize("NFC", src[s:e]) == "Chữ"


def test_nfd_and_nfc_give_the_same_text():
    s = "Ủy ban nhân dân tỉnh Thái Nguyên thực hiện Chỉ thị số 47-CT/TW"
    assert normalize(unicodedata.normalize("NFD", s)).text == normalize(s).text
