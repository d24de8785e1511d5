"""Extraction.mentions: every mention with its offsets in the SOURCE text, the document it names and its role.

The offsets round-trip (``source[start:end]`` is the mention) on the seeds, on NFD input, on text decoded from the
legacy TCVN3 and VNI fonts, on HTML input and under hypothesis; the mentions agree with the edges and documents."""
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphbuild import extract_citations
from graphbuild.ingest import legacy
from graphbuild.ingest.read import read_sources
from graphbuild.models import MENTION_KINDS, Source
from graphbuild.text.normalize import clean
from graphbuild.vocab import patterns

SEEDS = sorted((Path(__file__).resolve().parents[2] / "data" / "seeds").glob("*.txt"))
TEXT = ("KẾ HOẠCH\nSố: 12-KH/HU\n\nThực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư Trung ương Đảng "
        "về tiếp tục thực hiện Chỉ thị số 43-CT/TW; Căn cứ Nghị định số 03/2011/NĐ-CP. Theo đó (Kết luận 44) "
        "Chỉ thị nói trên vẫn còn giá trị. Kế hoạch này được phổ biến.\n")


def _extract(text: str, name: str = "t.txt"):
    return extract_citations(Source(file=name, text=text))


def _check_offsets(text: str, extraction) -> None:
    """Each mention is exactly its slice of the source, in order, without overlaps; a part points at an earlier
    mention of the same document; no span cuts a letter from its combining marks."""
    end = 0
    for i, mention in enumerate(extraction.mentions):
        assert mention.kind in MENTION_KINDS
        assert text[mention.start:mention.end] == mention.text and mention.text.strip() == mention.text != ""
        assert mention.start >= end
        end = mention.end
        for at in (mention.start, mention.end):
            assert at == len(text) or not unicodedata.combining(text[at]), (mention, text[at - 3:at + 3])
        if mention.of is not None:
            owner = extraction.mentions[mention.of]
            assert mention.of < i and mention.kind in ("date", "issuer") and owner.document == mention.document


def _symbol_written(mention) -> str:
    """The canonical symbol written in a mention's text (its clean copy), if any."""
    match = patterns.SYMBOL_RE.search(clean(mention.text))
    return patterns.canonical_symbol(match.group(0)) if match else None


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_mentions_slice_the_source_and_name_their_symbol(path):
    text = path.read_text(encoding="utf-8")
    extraction = _extract(text, path.name)
    _check_offsets(text, extraction)
    assert extraction.mentions
    for mention in extraction.mentions:
        if mention.kind == "symbol":
            assert _symbol_written(mention) == mention.symbol, mention
        if mention.kind == "date":
            assert clean(mention.text).startswith("ngày")


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_mentions_agree_with_edges_and_documents(path):
    """Every edge has the mention that states it (a news article's REPORTS edge: the reported document), and every
    document the text cites is named by at least one mention."""
    extraction = _extract(path.read_text(encoding="utf-8"), path.name)
    stated = [(r.source, r.target, r.relation) for m in extraction.mentions for r in m.roles if r.edge]
    assert sorted(stated) == sorted((e.source, e.target, e.relation) for e in extraction.edges)
    named = {m.document for m in extraction.mentions}
    assert {d.id for d in extraction.documents} <= named


def test_kinds_roles_and_references():
    extraction = _extract(TEXT)
    got = [(m.kind, m.text, m.symbol, m.role.relation if m.role else None) for m in extraction.mentions]
    assert got == [
        ("self", "Số: 12-KH/HU", "12-KH/HU", None),
        ("symbol", "Kết luận số 44-KL/TW", "44-KL/TW", "IMPLEMENTS"),
        ("date", "ngày 14/11/2022", "44-KL/TW", None),
        ("issuer", "Ban Bí thư Trung ương Đảng", "44-KL/TW", None),
        ("symbol", "Chỉ thị số 43-CT/TW", "43-CT/TW", "CONTINUES"),
        ("symbol", "Nghị định số 03/2011/NĐ-CP", "03/2011/NĐ-CP", "BASED_ON"),
        ("short_form", "Kết luận 44", "44-KL/TW", "CITES"),
        ("short_form", "Chỉ thị nói trên", "43-CT/TW", None),
        ("self", "Kế hoạch này", "12-KH/HU", None),
    ]
    subject = extraction.subject.id
    continues = extraction.mentions[4].role
    assert (continues.source, continues.target, continues.edge) == \
        ("vn/tw/kl/2022/44", extraction.mentions[4].document, True)
    assert extraction.mentions[1].role.source == subject and extraction.mentions[-1].document == subject
    assert extraction.mentions[2].of == 1 and extraction.mentions[2].date == "2022-11-14"


def test_each_edge_has_its_own_mention_when_two_keys_name_one_document():
    """'86/TT-BTC' and '86/2024/TT-BTC' are one document: two statements, two edges between the same ids, each
    mention marked with its own edge's relation."""
    text = ("QUYẾT ĐỊNH\nSố: 1/QĐ-UBND\n\nCăn cứ Thông tư số 86/TT-BTC ngày 23/12/2024 của Bộ Tài chính;\n\n"
            "Điều 1. Bãi bỏ Thông tư số 86/2024/TT-BTC ngày 23/12/2024 của Bộ Tài chính.\n")
    extraction = _extract(text)
    assert len({(e.source, e.target) for e in extraction.edges}) == 1 and len(extraction.edges) == 2
    got = [(m.symbol, [(r.relation, r.edge) for r in m.roles]) for m in extraction.mentions if m.kind == "symbol"]
    assert got == [("86/TT-BTC", [("BASED_ON", True)]), ("86/2024/TT-BTC", [(extraction.edges[1].relation, True)])]


def test_a_date_or_issuer_never_hides_a_mention():
    """'của chính phủ và quyết định 4800/qđ-byt' read as the issuer of 128 runs into the next mention: the issuer
    is dropped, the mention kept."""
    text = ("Ủy ban nhân dân tỉnh triển khai nghị quyết 128/nq-cp ngày 11/10/2021 của chính phủ và quyết định "
            "4800/qđ-byt ngày 12/10/2021 của bộ y tế.")
    extraction = _extract(text)
    _check_offsets(text, extraction)
    assert [m.text for m in extraction.mentions] == ["nghị quyết 128/nq-cp", "ngày 11/10/2021",
                                                     "quyết định 4800/qđ-byt", "ngày 12/10/2021", "bộ y tế"]


def test_a_self_reference_of_another_type_names_no_document():
    """'Kế hoạch này' in a Quyết định that promulgates a plan is the plan, not the decision: unknown, not the subject."""
    text = "QUYẾT ĐỊNH\nSố: 5/QĐ-UBND\n\nBan hành kèm theo Quyết định này Kế hoạch. Kế hoạch này gồm 3 phần.\n"
    mentions = {m.text: m for m in _extract(text).mentions}
    assert mentions["Quyết định này"].document is not None and mentions["Kế hoạch này"].document is None
    assert "Kế hoạch trên" not in mentions      # no bare 'trên': "Kế hoạch trên địa bàn" is no reference


def test_nfd_input_gives_the_same_mentions_at_offsets_of_the_nfd_text():
    nfc = _extract(TEXT)
    nfd_text = unicodedata.normalize("NFD", TEXT)
    nfd = _extract(nfd_text)
    _check_offsets(nfd_text, nfd)
    assert len(nfd_text) > len(TEXT)
    assert [(m.kind, m.document, unicodedata.normalize("NFC", m.text)) for m in nfd.mentions] == \
        [(m.kind, m.document, m.text) for m in nfc.mentions]


@pytest.mark.parametrize("font", ["TCVN3", "VNI"])
def test_legacy_font_input_offsets_are_in_the_decoded_text(tmp_path, font):
    """A legacy-font file is decoded when read; its mentions slice Source.text, the decoded text."""
    path = tmp_path / "legacy.txt"
    path.write_bytes(legacy.encode(TEXT, font).encode("cp1252"))
    (source,) = list(read_sources([path]))
    assert source.text != path.read_bytes().decode("cp1252") and font in source.encoding
    extraction = extract_citations(source)
    _check_offsets(source.text, extraction)
    assert [(m.kind, m.symbol) for m in extraction.mentions] == [(m.kind, m.symbol) for m in _extract(TEXT).mentions]


def test_html_input_and_markup_remnants(tmp_path):
    """An HTML page: the mentions slice its visible text (entities decoded, tags gone). Markup left in a text
    ('<i>', '**') around a mention stays outside it."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><nav>Trang chủ</nav><p>Thực hiện <b>Kết luận</b> số 44-KL/TW ngày 14/11/2022 "
                    "&amp; Chỉ thị số 43&#8209;CT/TW</p></body></html>", encoding="utf-8")
    (source,) = list(read_sources([page]))
    extraction = extract_citations(source)
    _check_offsets(source.text, extraction)
    assert [m.text for m in extraction.mentions if m.kind == "symbol"] == ["Kết luận số 44-KL/TW",
                                                                           "Chỉ thị số 43\u2011CT/TW"]
    text = "Thực hiện <i>Kết luận số 44-KL/TW</i> và **Chỉ thị số 43-CT/TW**; <b><i>Nghị định số 03/2011/NĐ-CP</i></b>."
    extraction = _extract(text)
    _check_offsets(text, extraction)
    assert [m.text for m in extraction.mentions] == ["Kết luận số 44-KL/TW", "Chỉ thị số 43-CT/TW",
                                                     "Nghị định số 03/2011/NĐ-CP"]


def test_the_contract_gains_mentions_only():
    out = _extract(TEXT).to_dict()
    assert {"kind", "text", "start", "end", "document", "symbol", "type", "relation", "source", "target", "mode",
            "verb", "date", "of", "roles"} == set(out["mentions"][0])
    assert "mentions" not in _extract(TEXT).to_dict(mentions=False)


# Text that looks like the documents, with the noise normalisation removes or rewrites around the mentions.
PIECES = ["Thực hiện ", "Căn cứ ", "Kết luận số ", "Chỉ thị ", "Nghị định số ", "Luật ", "Kế hoạch này ",
          "Chỉ thị nói trên ", "về việc thực hiện ", "44-KL/TW", "44- KL/TW", "809 - CV/TU", "03/2011/NĐ-CP",
          "706/UBND-KGVX", " ngày 14/11/2022", " ngày 16 tháng 3", " của Ban Thường vụ Tỉnh ủy", "; ", ", ", ". ",
          "\n", "\n\n", "Số: ", "KẾ HOẠCH\n", "Kết luận 44", "Bảo hiểm y tế", "*", "**", "<i>", "</i>", "\u00ad",
          "\u00d0", "\u0301", "\u0323", "\u2013", "\t", "  ", "\r\n", "A- A A+ | Tăng tương phản"]
documents = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=60).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.booleans())
def test_offsets_round_trip_on_any_text(text, nfd):
    text = unicodedata.normalize("NFD", text) if nfd else text
    extraction = _extract(text)
    end = 0
    for mention in extraction.mentions:
        assert text[mention.start:mention.end] == mention.text and mention.start >= end
        end = mention.end
        if mention.kind == "symbol" and mention.symbol and "/" in mention.symbol:
            assert _symbol_written(mention) == mention.symbol


def test_a_build_can_leave_the_mentions_out():
    with_them, without = _extract(TEXT), extract_citations(Source("t.txt", TEXT), with_mentions=False)
    assert without.mentions == [] and with_them.mentions
    assert without.to_dict(mentions=False) == with_them.to_dict(mentions=False)
