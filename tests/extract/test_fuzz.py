"""Property tests: the text steps never raise, evidence offsets always slice the evidence, symbols round-trip."""
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild import extract_citations
from graphbuild.models import Source
from graphbuild.text.normalize import normalize_text
from graphbuild.vocab import patterns

# Text that looks like the documents: the words, codes and punctuation that drive the rules, mixed with noise.
PIECES = ["Thực hiện ", "Căn cứ ", "Kết luận số ", "Chỉ thị ", "Nghị định số ", "Luật ", "về việc thực hiện ",
          "tiếp tục thực hiện ", "sửa đổi, bổ sung ", "được sửa đổi, bổ sung bởi: ", "44-KL/TW", "44- KL/TW",
          "809 - CV/TU", "03/2011/NĐ-CP", "3652/byt-dp", "706/UBND-KGVX", " ngày 14/11/2022", " ngày 16 tháng 3",
          " ngày tháng năm 2023", " của Ban Thường vụ Tỉnh ủy", "; ", ", ", ". ", "\n", "\n\n", "Số: ", "/KH-UBND",
          "KẾ HOẠCH\n", "Hà Nội, ", "Nơi nhận:\n- ", "T/M BAN THƯỜNG VỤ\n", "Nguyễn Văn A", "*", "<i>", "</i>",
          "\u00d0", "\u0301", "\u2013", "\t", "A- A A+ | Tăng tương phản", "CÔNG BÁO/Số 977 + 978/Ngày 25-7-2025"]
documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents)
def test_normalize_maps_every_offset_into_the_source(text):
    t = normalize_text(text)
    for i in range(0, len(t.text) + 1, max(1, len(t.text) // 20)):
        s, e = t.source_span(i, min(len(t.text), i + 5))
        assert 0 <= s <= e <= len(text)


@SETTINGS
@given(documents)
def test_normalize_is_the_same_for_nfc_and_nfd(text):
    text = unicodedata.normalize("NFC", text)
    assert normalize_text(unicodedata.normalize("NFD", text)).text == normalize_text(text).text


@SETTINGS
@given(documents)
def test_extract_never_raises_and_evidence_slices_exactly(text):
    ext = extract_citations(Source(file="fuzz.txt", text=text))
    for e in ext.edges:
        ev = e.evidence
        assert text[ev.start:ev.end] == ev.text
    for d in ext.documents:
        if d.symbol:
            assert patterns.canonical_symbol(d.symbol) in (d.symbol, None) or d.type in ("Luật", "Bộ luật")


@SETTINGS
@given(st.text(max_size=40))
def test_symbol_and_date_parsers_never_raise(text):
    s = patterns.canonical_symbol(text)
    if s is not None:
        assert patterns.canonical_symbol(s) == s          # canonical forms are fixed points
    patterns.dates(text)


@SETTINGS
@given(st.integers(1, 9999), st.sampled_from(["KL/TW", "CT/TU", "CV/QU", "KH/TU", "QC/BTCTU-BDVTU"]),
       st.sampled_from(["-", "- ", " - ", " -", "\u2013", " \u2013 "]))
def test_party_symbols_round_trip_with_stray_spaces(number, code, dash):
    assert patterns.canonical_symbol(f"{number}{dash}{code}") == f"{number}-{code}"


@SETTINGS
@given(st.integers(1, 9999), st.integers(1990, 2030),
       st.sampled_from(["NĐ-CP", "QĐ-TTg", "TT-BGDĐT", "NQ-UBTVQH15", "QH12"]), st.booleans())
def test_state_symbols_round_trip_in_any_case(number, year, code, lower):
    raw = f"{number}/{year}/{code}"
    assert patterns.canonical_symbol(raw.lower() if lower else raw) == raw


PATHOLOGICAL = {
    "numbers": "số 1/" * 40000,
    "repeated chain": "Thực hiện Kết luận số 44-KL/TW, " * 6000,
    "one long line": "a " * 200000,
    "law words": "Luật " * 40000,
    "issuer words": "của Ban " * 30000,
    "dates": "ngày 1/1/2020 " * 20000,
    "dashes": "1-" * 60000,
    "capital lines": "ỦY BAN NHÂN DÂN\n" * 10000,
    "nested brackets": "(" * 20000 + "Kết luận số 44-KL/TW" + ")" * 20000,
}


def test_pathological_texts_finish_with_sane_results():
    """Each of these is a few hundred KB of what makes regexes backtrack; extraction must come back (a hang would
    stop the suite) with at most the one real citation in it."""
    for name, text in PATHOLOGICAL.items():
        ext = extract_citations(Source(file=f"{name}.txt", text=text))
        assert len(ext.edges) <= 1, name


def test_the_next_match_remembered_is_the_one_a_search_finds():
    """lists._NextMatch answers as ``pattern.search(text, pos, end)`` would, for positions that only grow."""
    import random
    import re

    from graphbuild.extract.lists import _NextMatch
    rng = random.Random(7)
    text = "".join(rng.choice(["a ", "b. ", "hết hiệu lực ", "\n", "C "]) for _ in range(3000))
    pattern = re.compile(r"hết hiệu lực|\.\s+(?=[A-Z])")
    remembered = _NextMatch(pattern, text)
    pos = 0
    while pos < len(text):
        end = rng.choice([len(text), min(len(text), pos + rng.randint(0, 400))])
        got, want = remembered.search(pos, end), pattern.search(text, pos, end)
        assert (got.span() if got else None) == (want.span() if want else None), (pos, end)
        pos += rng.randint(0, 30)
