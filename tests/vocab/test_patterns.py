"""Symbols and dates: input -> canonical form, as a table."""
import re

import pytest

from graphbuild.vocab import patterns

SYMBOLS = [
    ("44-KL/TW", "44-KL/TW"),
    ("44- KL/TW", "44-KL/TW"),
    ("809 - CV/TU", "809-CV/TU"),
    ("01 \u2013 KL/TW", "01-KL/TW"),
    ("3652/byt-dp", "3652/BYT-DP"),
    ("895/Q\u00d0-TTg", "895/QĐ-TTg"),              # Ð (U+00D0) for Đ
    ("895/QĐ-TTG", "895/QĐ-TTg"),
    ("03/2011/NĐ-CP", "03/2011/NĐ-CP"),
    ("11/2008/QH12", "11/2008/QH12"),
    ("706/UBND-KGVX", "706/UBND-KGVX"),
    ("05-QC/BTCTU-BDVTU", "05-QC/BTCTU-BDVTU"),
    ("1654/NQ-UBTVQH15", "1654/NQ-UBTVQH15"),
    ("22-ctr/tu", "22-CTr/TU"),
    ("978/Ngày", None),                            # gazette page header "Số 977 + 978/Ngày 25-7-2025"
    ("08/6/2010", None),
    ("066", None),
]


@pytest.mark.parametrize("raw,canonical", SYMBOLS)
def test_canonical_symbol(raw, canonical):
    assert patterns.canonical_symbol(raw) == canonical


def test_symbol_parts():
    m = patterns.mention_re().fullmatch("Công văn số 706/UBND-KGVX")
    sym = patterns.parse_symbol(m)
    assert (sym.number, sym.type_code, sym.issuer_code, sym.unit, sym.system) == ("706", None, "UBND", "KGVX", "state")
    m = patterns.mention_re().fullmatch("03/2011/NĐ-CP")
    sym = patterns.parse_symbol(m)
    assert (sym.number, sym.year, sym.type_code, sym.issuer_code) == ("03", 2011, "NĐ", "CP")


DATES = [
    ("ngày 08/6/2010", "2010-06-08", 2010, False),
    ("ngày 08-6-2010", "2010-06-08", 2010, False),
    ("ngày 8/6/2010", "2010-06-08", 2010, False),
    ("ngày 08 tháng 6 năm 2010", "2010-06-08", 2010, False),
    ("ngày 16 tháng 3", None, None, True),         # no year: inferred from context later
    ("ngày tháng năm 2023", None, 2023, False),     # a draft with blanks
    ("ngày ... tháng ... năm 2023", None, 2023, False),
]


@pytest.mark.parametrize("raw,iso,year,inferred", DATES)
def test_dates(raw, iso, year, inferred):
    (d,) = patterns.dates(raw)
    assert (d.iso, d.year, d.inferred_year) == (iso, year, inferred)


def test_impossible_date_is_not_a_date():
    assert patterns.dates("ngày 31/02/2020") == []


MORE_SYMBOLS = [
    ("66.13/2026/NQ-CP", "66.13/2026/NQ-CP"),                       # a number with a dot
    ("01/2008/NQLT-BLĐTBXH-BCA-BVHTTDL-UBTƯMTTQVN", "01/2008/NQLT-BLĐTBXH-BCA-BVHTTDL-UBTƯMTTQVN"),   # Ư of 'Trung ương'
    ("412/SGDĐT-GDTrH", "412/SGDĐT-GDTRH"),     # a drafting unit's code in mixed case (Giáo dục Trung học)
    ("5/Sở-Ngày", None),                        # … not a word
    ("66-NQ/TW1", "66-NQ/TW"),                  # a footnote's mark glued to a Party body's code, which has no number
    ("21-LCT/HĐNN8", "21-LCT/HĐNN8"),           # … but an old law keeps the term of the body that passed it
]


@pytest.mark.parametrize("raw,canonical", MORE_SYMBOLS)
def test_more_symbols(raw, canonical):
    assert patterns.canonical_symbol(raw) == canonical


# after 'số' an acronym that no table knows is still a number; a word is not
NUMBERED = [
    ("văn bản số 1386/bcđqg ngày 19/3/2020", "1386/BCĐQG"),
    ("chương trình số 1122/ctph-ubnd-bdv ngày 14/4/2016", "1122/CTPH-UBND-BDV"),
    ("số 5/năm", None),
    ("số 5/theo quy định", None),
]


@pytest.mark.parametrize("text,symbol", NUMBERED)
def test_numbered_acronyms(text, symbol):
    found = [patterns.parse_numbered_symbol(sm) for *_, sm in patterns.iter_mentions(text)]
    assert [s.text for s in found if s] == ([symbol] if symbol else [])


EQUIVALENT_TEXTS = [
    "Thực hiện Kế hoạch số 84-KH/TU ngày 1/2/2020 và Kết luận số 44-KL/TW; Công văn 706/UBND-KGVX.",
    "Thông báo kết luận số 12-TB/TW, Bộ luật số 45/2019/QH14, quy phạm pháp luật số 64/2025/QH15",
    "Kế hoạch" + " " * 30 + "số 5-KH/TU",                   # a long blank run: the window widens
    "Chỉ thị\n\n\n\nsố 5-CT/TW và Quyết định    số:  12/QĐ-UBND, Kết luận 44 và Chỉ thị số 43 nói trên",
    "xKế hoạch 12/KH-UBND 123456/QĐ 2/3 số phiếu; Thông tư liên tịch số 7/2010/TTLT-BTC-BNV",
]


@pytest.mark.parametrize("text", EQUIVALENT_TEXTS)
def test_fast_scans_equal_the_regexes(text):
    """iter_mentions / iter_short_mentions find exactly what mention_re / short_mention_re find, only faster."""
    slow = [(m.start(), m.end(), m.group("word")) for m in patterns.mention_re().finditer(text)]
    fast = [(s, e, w) for s, e, w, _ in patterns.iter_mentions(text)]
    assert fast == slow
    slow = [(m.start(), m.end(), m.group("word"), m.group("num")) for m in patterns.short_mention_re().finditer(text)]
    assert list(patterns.iter_short_mentions(text)) == slow


# The whole-text patterns as first written (a look-ahead or look-behind first: ``re`` enters them at every position);
# the rewrites that keep ``re`` on its fast path (docs/patterns.md) must find exactly what these find.
_FIRST_SYMBOL_SCAN = re.compile(rf"(?=\d){patterns.SYMBOL}")
_FIRST_SHORT_NUMBER = re.compile(rf"(?=\d)(?<=\s)(?P<num>\d{{1,5}})\b(?!{patterns._NOT_A_SHORT_FORM})")
_FIRST_LAW = re.compile(r"(?=[bBlLP])(?P<word>(?i:bộ luật|luật)|Pháp lệnh)\s+(?P<name>[^\n;:()\"“”]{3,160})")
REWRITE_TEXTS = EQUIVALENT_TEXTS + [
    "xem 12345a  -  ABCDE  /TW và 12345a  -  ABCDE  /  TW12-BCD",      # the widest party symbol: '/' 18 after it
    "số 10.12345/QĐ-X; 1.5/QĐ-UBND; 12.345.678/QĐ; 2020-43-CT/TW; 64//2023/TT; 7:12/BTTTT; QCVN 34:2022/BTTTT",
    "ngày 08/6/2010, 12  /  2020  /  NĐ-CP, 3/4/2020/NĐ-CP, 123456/QĐ-TTg, ２０/QĐ, 5/ KH-UBND, 09 -  CT/ TW",
    "Kết luận 44, Chỉ thị số 43\t12 và\n7 điểm; 1,5 triệu; 44-KL; Luật Đất đai, BỘ LUẬT Dân sự, bộ luật hình sự, "
    "LUẬT số 5; luậtx; Lộ luật; blLuật Báo chí ngày 5/4/2016 và Bộ Luật Lao động; Pháp lệnh Thư viện, pháp lệnh x, "
    "PHÁP LỆNH Y, Pháp lệnhZ",
]


@pytest.mark.parametrize("text", REWRITE_TEXTS)
def test_fast_path_rewrites_find_what_the_first_patterns_found(text):
    for start in range(0, len(text), 7):
        assert [m.span() for m in patterns.symbol_matches(text, start)] == \
            [m.span() for m in _FIRST_SYMBOL_SCAN.finditer(text, start)]
    assert [m.groupdict() for m in patterns._SHORT_NUMBER.finditer(text)] == \
        [m.groupdict() for m in _FIRST_SHORT_NUMBER.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in patterns.LAW_RE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in _FIRST_LAW.finditer(text)]


def test_the_symbol_scan_reaches_the_widest_symbol():
    """The scan tries SYMBOL_RE only within _SLASH_REACH characters before a '/': the widest party prefix fits."""
    widest = "12345a  -  ABCDE  /TW"
    assert widest.index("/") == patterns._SLASH_REACH
    assert [m.group() for m in patterns.symbol_matches("theo " + widest)] == [widest]
    assert patterns.parse_symbol(next(patterns.symbol_matches(widest))).text == "12345a-ABCDE/TW"


@pytest.mark.parametrize("slug,symbol", [
    ("thong-tu-so-90-2025-tt-bqp-45890", "90/2025/TT-BQP"),
    ("van-ban-hop-nhat-so-1548-vbhn-bldtbxh-41720", "1548/VBHN-BLĐTBXH"),     # Đ restored from the issuer table
    ("luat-so-26-2012-qh13-6276", "26/2012/QH13"),
    ("quyet-dinh-so-109-qd-btc-468842", "109/QĐ-BTC"),
    ("thong-tu-so-90-2025-tt-xyzw-45890", None),                          # a part no table knows
    ("bao-hiem-xa-hoi", None),
])
def test_a_gazette_address_spells_its_documents_symbol(slug, symbol):
    assert patterns.symbol_from_slug(slug) == symbol
