"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI) decoded back to Unicode: graphbuild/ingest/legacy.py."""
import unicodedata
from pathlib import Path

import pytest

from graphbuild import vocab
from graphbuild.ingest import legacy
from graphbuild.vocab.loader import VOCAB_DIR

SEEDS = sorted((Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))

VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
TONED_CAPITALS = set(VIETNAMESE.upper()) - set("ĂÂĐÊÔƠƯ")


# --- the tables --------------------------------------------------------------------------------------------------

def test_tcvn3_table_is_single_byte_and_complete():
    t = legacy.table("TCVN3")
    assert all(len(k) == 1 and k.encode("cp1252") for k in t)
    # every lower-case letter, and of the capitals only those without a tone (the rest are .VnTimeH codes)
    assert set(t.values()) == set(VIETNAMESE) | set("ĂÂĐÊÔƠƯ")
    assert len(t) == len(set(t.values())) == 74


def test_vni_table_is_base_plus_mark_and_complete():
    t = legacy.table("VNI")
    assert all(1 <= len(k) <= 2 and k.encode("cp1252") for k in t)
    assert set(t.values()) == set(VIETNAMESE) | set(VIETNAMESE.upper())
    assert len(t) == 134
    assert t["ñ"] == "đ" and t["Ñ"] == "Đ" and t["aø"] == "à" and t["eä"] == "ệ" and t["oâ"] == "ô"


@pytest.mark.parametrize("font", legacy.FONTS)
def test_table_targets_are_nfc_and_files_name_their_sources(font):
    assert all(unicodedata.is_normalized("NFC", v) and len(v) == 1 for v in legacy.table(font).values())
    head = (VOCAB_DIR / vocab.LEGACY_FONTS[font].file).read_text(encoding="utf-8")
    assert "ibus-unikey" in head and "xvnkb" in head


# --- literal legacy strings from public sources, with the reading given there ------------------------------------
# (not produced by inverting our own table, so a wrong entry fails here)

TCVN3_LITERALS = [
    # the brief
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    # TrizenX/viparse tests/test_encoding_tables.py, phrases from government documents 1998-2009
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("C¨n cø NghÞ ®Þnh sè 15/CP", "Căn cứ Nghị định số 15/CP"),
    ("quyÕt ®Þnh cña Bé tr\u00adëng Bé Tµi chÝnh", "quyết định của Bộ trưởng Bộ Tài chính"),
    ("chÕ ®é kÕ to¸n doanh nghiÖp", "chế độ kế toán doanh nghiệp"),
    ("ng\u00adêi cã c«ng víi c¸ch m¹ng", "người có công với cách mạng"),
    ("Tæng diÖn tÝch ®· phñ kÝn", "Tổng diện tích đã phủ kín"),
    ("§Ò nghÞ h\u00adëng trî cÊp mét lÇn", "Đề nghị hưởng trợ cấp một lần"),
    ("Th«ng t\u00ad h\u00adíng dÉn thùc hiÖn", "Thông tư hướng dẫn thực hiện"),
    ("§¡NG Ký KINH DOANH", "ĐĂNG KÝ KINH DOANH"),
    ("Trung ¢u", "Trung Âu"),
    ("¤ng TrÇn Du", "Ông Trần Du"),
]

VNI_LITERALS = [
    # the brief
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    # duydev/vietnamese-conversion README
    ("Xin chaøo caùc baïn", "Xin chào các bạn"),
    # TrizenX/viparse tests/test_encoding_tables.py, phrases from VNI documents
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("UÛY BAN NHAÂN DAÂN TÆNH", "ỦY BAN NHÂN DÂN TỈNH"),
    ("Caên cöù Luaät Toå chöùc HÑND vaø UBND", "Căn cứ Luật Tổ chức HĐND và UBND"),
    ("quyeát ñònh naøy coù hieäu löïc", "quyết định này có hiệu lực"),
    ("nghæ maát söùc", "nghỉ mất sức"),
    ("saün coù", "sẵn có"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("thaønh ngaønh baøn Caø Mau", "thành ngành bàn Cà Mau"),
]


@pytest.mark.parametrize(("legacy_text", "expected"), TCVN3_LITERALS)
def test_tcvn3_literals_decode(legacy_text, expected):
    assert legacy.decode(legacy_text, "TCVN3") == expected


@pytest.mark.parametrize(("legacy_text", "expected"), VNI_LITERALS)
def test_vni_literals_decode(legacy_text, expected):
    assert legacy.decode(legacy_text, "VNI") == expected


@pytest.mark.parametrize(("legacy_text", "expected", "font"),
                         [(a, b, "TCVN3") for a, b in TCVN3_LITERALS] + [(a, b, "VNI") for a, b in VNI_LITERALS])
def test_literals_are_detected_when_long_enough(legacy_text, expected, font):
    # two words that decode to Vietnamese are the least detect() acts on; shorter phrases are left alone
    found = legacy.detect(legacy_text)
    assert found in (font, None)
    text, got = legacy.to_unicode(legacy_text)
    if got:
        assert got == font and text == expected
    else:
        assert text == legacy_text
    assert legacy.detect(" ".join([legacy_text] * 3)) == font      # the same words, three times, are enough


def test_brief_examples_detect():
    assert legacy.detect("Céng hßa x· héi chñ nghÜa ViÖt Nam") == "TCVN3"
    assert legacy.detect("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "VNI"


# --- round trips over real sentences ------------------------------------------------------------------------------

SENTENCES = [
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Ban Thường vụ Tỉnh ủy",
    "Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư",
    "Hội Chữ thập đỏ",
    "Độc lập - Tự do - Hạnh phúc",
    "tăng cường sự lãnh đạo của Đảng đối với công tác của Hội chữ thập đỏ Việt Nam trong tình hình mới",
    "Ủy ban nhân dân tỉnh chỉ đạo",
]

# What the inverted tables give, written out once by hand so a change in a table shows here.
ENCODED = {
    ("TCVN3", "Cộng hòa xã hội chủ nghĩa Việt Nam"): "Céng hßa x· héi chñ nghÜa ViÖt Nam",
    ("TCVN3", "Ban Thường vụ Tỉnh ủy"): "Ban Th\u00adêng vô TØnh ñy",
    ("TCVN3", "Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư"):
        "KÕt luËn sè 44-KL/TW ngµy 14/11/2022 cña Ban BÝ th\u00ad",
    ("TCVN3", "Hội Chữ thập đỏ"): "Héi Ch÷ thËp ®á",
    ("VNI", "Cộng hòa xã hội chủ nghĩa Việt Nam"): "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam",
    ("VNI", "Ban Thường vụ Tỉnh ủy"): "Ban Thöôøng vuï Tænh uûy",
    ("VNI", "Kết luận số 44-KL/TW ngày 14/11/2022 của Ban Bí thư"):
        "Keát luaän soá 44-KL/TW ngaøy 14/11/2022 cuûa Ban Bí thö",
    ("VNI", "Hội Chữ thập đỏ"): "Hoäi Chöõ thaäp ñoû",
}


@pytest.mark.parametrize(("font", "sentence"), list(ENCODED))
def test_encoding_matches_hand_checked_form(font, sentence):
    assert legacy.encode(sentence, font) == ENCODED[(font, sentence)]


@pytest.mark.parametrize("font", legacy.FONTS)
@pytest.mark.parametrize("sentence", SENTENCES)
def test_round_trip(font, sentence):
    encoded = legacy.encode(sentence, font)
    assert encoded != sentence and encoded.encode("cp1252")        # legacy text is Windows-1252 text
    assert legacy.detect(encoded) == font
    decoded = legacy.decode(encoded, font)
    assert unicodedata.is_normalized("NFC", decoded)
    if font == "VNI" or not set(sentence) & TONED_CAPITALS:
        assert decoded == sentence
    else:                                                          # TCVN3 has no code for Ủ: it reads ủ
        assert decoded.lower() == sentence.lower()
    assert legacy.to_unicode(encoded) == (decoded, font)


@pytest.mark.parametrize("font", legacy.FONTS)
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_documents_round_trip(font, path):
    text = path.read_text(encoding="utf-8")
    decoded, got = legacy.to_unicode(legacy.encode(text, font))
    assert got == font
    if font == "VNI":
        assert decoded == text
    else:
        assert decoded.lower() == text.lower()
        differ = {(a, b) for a, b in zip(decoded.split(), text.split()) if a != b}
        assert all(set(b) & TONED_CAPITALS and a.lower() == b.lower() for a, b in differ)


# --- detect(): not legacy ----------------------------------------------------------------------------------------

NOT_LEGACY = {
    "empty": "",
    "english": "The quick brown fox jumps over the lazy dog. “Quoted” text © 2024 Microsoft® — naïve café résumé.",
    "unicode_vi": "Cộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc",
    "unicode_vi_nfd": unicodedata.normalize("NFD", "Cộng hòa xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc"),
    "unicode_vi_latin1_letters_only": "Tôi có tài và có tâm\nCông an nhân dân",
    "unaccented_vi": "Cong hoa xa hoi chu nghia Viet Nam",
    "french": "Le café était très bon. Élève, né à Paris, il a étudié là-bas où il a reçu son diplôme. "
              "Ça a été un été très chaud, à côté de la forêt.",
    "german": "Größere Städte über München und Köln: Müller fährt täglich zur Universität, während die Brücke "
              "gesperrt ist. Schöne Grüße.",
    "spanish": "Mañana iré a España; sí, está bien. ¿Qué más? Él también. Tú sabes que así es la vida. "
               "Canción, público, útil, país, difícil.",
    "portuguese": "São Paulo é uma cidade grande; não há dúvida. Você está aqui? Informação, coração, também.",
}


@pytest.mark.parametrize("name", list(NOT_LEGACY))
def test_not_legacy(name):
    text = NOT_LEGACY[name]
    assert legacy.detect(text) is None
    assert legacy.to_unicode(text) == (text, None)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_documents_are_not_legacy(path):
    text = path.read_text(encoding="utf-8")
    assert legacy.detect(text) is None
    assert legacy.to_unicode(text) == (text, None)


def test_single_word_is_too_little_to_tell():
    assert legacy.detect("ViÖt") is None
    assert legacy.to_unicode("ViÖt") == ("ViÖt", None)


# --- decode() ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("font", legacy.FONTS)
def test_ascii_and_unmapped_characters_are_left_alone(font):
    text = "Kế hoạch 84-KH/TU, ngày 17-02-2023 (UBND) “quoted” — 5 € & 100%"
    ascii_part = "84-KH/TU, ngay 17-02-2023 (UBND) - 100% {x}[y] <a@b.c>"
    assert legacy.decode(ascii_part, font) == ascii_part
    assert legacy.decode("“—€…”", font) == "“—€…”"
    assert legacy.decode("", font) == ""
    assert unicodedata.is_normalized("NFC", legacy.decode(legacy.encode(text, font), font))


def test_vni_longest_match_first():
    assert legacy.decode("Coâng", "VNI") == "Công"          # oâ, not o + â
    assert legacy.decode("ôù ôø ô", "VNI") == "ớ ờ ơ"          # ôù before ô
    assert legacy.decode("ngöôøi", "VNI") == "người"          # ö, then ôø
    assert legacy.decode("ÑAÛNG", "VNI") == "ĐẢNG"
    assert legacy.decode("tím ì", "VNI") == "tím ì"           # í ì read the same in VNI


def test_unknown_font_is_an_error():
    with pytest.raises(ValueError):
        legacy.decode("x", "VISCII")
    assert legacy.decode("Céng", "abc") == legacy.decode("Céng", "TCVN3") == "Cộng"


def test_tcvn3_capitals_from_upper_case_fonts():
    # .VnTimeH shows the lower-case codes as capitals: restored from the ASCII capitals around them
    assert legacy.decode("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "TCVN3") == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert legacy.decode("QUYÕT §ÞNH", "TCVN3") == "QUYẾT ĐỊNH"
    assert legacy.decode("TM. ñY BAN NH¢N D¢N", "TCVN3") == "TM. ỦY BAN NHÂN DÂN"
    assert legacy.decode("CéNG HßA", "TCVN3", restore_case=False) == "CộNG HòA"
    # abbreviations and capitalised words say nothing about the case of the rest
    assert legacy.decode("Sè: 15/Q§-UBND", "TCVN3") == "Số: 15/QĐ-UBND"
    assert legacy.decode("CV\tSè: 066", "TCVN3") == "CV\tSố: 066"
    assert legacy.decode("Bé Tµi chÝnh, Lª Hµ", "TCVN3") == "Bộ Tài chính, Lê Hà"


def test_tcvn3_lost_soft_hyphen_and_pdf_glyphs():
    # ư is U+00AD; text that lost it keeps "ơng", which Vietnamese never writes without ư
    assert legacy.decode("quyÕt ®Þnh cña Bé trëng", "TCVN3") == "quyết định của Bộ trưởng"
    assert legacy.decode("Mêng Kh¬ng", "TCVN3") == "Mường Khương"
    assert legacy.decode("míi, lín, tèt", "TCVN3") == "mới, lớn, tốt"     # ơi/ơn are words: left alone
    # PDF text layers name 0xAD and 0xB7 by their glyphs (TrizenX/viparse, VIP-105)
    assert legacy.decode("nhµ n−íc, Thñ t−íng, céng hoµ x∙ héi", "TCVN3") == "nhà nước, Thủ tướng, cộng hoà xã hội"
    assert legacy.decode("t¨ng 5 − 3 phÇn tr¨m", "TCVN3") == "tăng 5 − 3 phần trăm"


def test_mixed_document_decodes_only_legacy_lines():
    unicode_line = "Bản chuyển đổi: Cộng hòa xã hội chủ nghĩa Việt Nam"
    body = "Céng hßa x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc"
    text, font = legacy.to_unicode(unicode_line + "\n" + body)
    assert font == "TCVN3"
    assert text == unicode_line + "\nCộng hòa xã hội chủ nghĩa Việt Nam\nĐộc lập - Tự do - Hạnh phúc"


# --- bytes: legacy files are Windows-1252 bytes ---------------------------------------------------------------------

TCVN3_BYTES = (b"C\xe9ng h\xdfa x\xb7 h\xe9i ch\xf1 ngh\xdca Vi\xd6t Nam\r\n\xa7\xe9c l\xcbp - T\xf9 do - H\xb9nh ph\xf3c\r\n"
               b"Ngh\xde \xae\xdenh c\xe3 hi\xd6u l\xf9c t\xf5 ng\xb5y k\xfd\r\n")
VNI_BYTES = (b"Co\xe4ng ho\xf8a xa\xf5 ho\xe4i chu\xfb ngh\xf3a Vie\xe4t Nam\r\n\xd1o\xe4c la\xe4p - T\xf6\xef do - "
             b"Ha\xefnh phu\xf9c\r\nNgh\xf2 \xf1\xf2nh co\xf9 hie\xe4u l\xf6\xefc t\xf6\xf8 nga\xf8y ky\xf9\r\n")
EXPECTED = "Cộng hòa xã hội chủ nghĩa Việt Nam\r\nĐộc lập - Tự do - Hạnh phúc\r\nNghị định có hiệu lực từ ngày ký\r\n"


@pytest.mark.parametrize(("data", "font"), [(TCVN3_BYTES, "TCVN3"), (VNI_BYTES, "VNI")])
def test_bytes_read_as_cp1252(data, font):
    text = data.decode("cp1252")
    assert legacy.detect(text) == font
    assert legacy.decode(text, font) == EXPECTED
    assert legacy.to_unicode(text) == (EXPECTED, font)
    assert legacy.from_bytes(data) == (EXPECTED, font)


@pytest.mark.parametrize(("data", "font"), [(TCVN3_BYTES, "TCVN3"), (VNI_BYTES, "VNI")])
def test_bytes_read_as_cp1258_are_read_again(data, font):
    # a reader that falls back to Windows-1258 turns 0xE3/0xF5/0xEC… into ă/ơ/combining tones
    text = data.decode("cp1258")
    assert text != data.decode("cp1252")
    assert legacy.to_unicode(text) == (EXPECTED, font)


def test_bytes_of_unicode_text_are_left_alone():
    data = "Cộng hòa xã hội chủ nghĩa Việt Nam".encode("utf-8")
    assert legacy.from_bytes(data) == ("Cộng hòa xã hội chủ nghĩa Việt Nam", None)
    real_1258 = "Vi\u00ea\u0323t Nam c\u00f4\u0323ng ho\u00e0 xa\u0303 h\u00f4\u0323i ch\u01b0\u0309"      # as cp1258 writes it
    assert legacy.to_unicode(real_1258) == (real_1258, None)
    assert legacy.from_bytes(real_1258.encode("cp1258"))[1] is None


def test_bytes_undefined_in_cp1252_do_not_fail():
    text, font = legacy.from_bytes(TCVN3_BYTES + b"\x81\x8d")
    assert font == "TCVN3" and text.startswith("Cộng hòa")


def test_a_document_typed_in_a_legacy_font_builds_like_its_unicode_twin(tmp_path):
    """End to end: the seed Chỉ thị 01-CT/TU saved in TCVN3 and in VNI bytes extracts the same subject and edges."""
    from pathlib import Path

    from graphbuild import extract_citations, read_sources
    from graphbuild.ingest.legacy import encode

    seed = Path(__file__).resolve().parents[2] / "data" / "seeds" / "004_dae1349a587e795b.txt"
    text = seed.read_text(encoding="utf-8")
    (want,) = [extract_citations(s) for s in read_sources([seed])]
    for font in ("TCVN3", "VNI"):
        p = tmp_path / f"{font}.txt"
        p.write_bytes(encode(text, font).encode("cp1252", errors="replace"))
        (src,) = read_sources([p])
        assert src.encoding.endswith(font), src.encoding
        got = extract_citations(src)
        assert got.subject.symbol == want.subject.symbol == "01-CT/TU"
        assert got.subject.locality == "Thái Nguyên"
        assert [(e.source_symbol, e.target_symbol, e.relation) for e in got.edges] == \
            [(e.source_symbol, e.target_symbol, e.relation) for e in want.edges]
