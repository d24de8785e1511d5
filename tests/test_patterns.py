"""Symbols and dates: input -> canonical form, as a table."""
import pytest

from graphbuild import patterns

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
