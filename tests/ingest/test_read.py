"""Readers: every input comes back as a Source or as a Reject with a reason a person understands, never an exception."""
import json
import unicodedata

import pytest

from graphbuild import read_sources
from graphbuild.models import Reject, Source

SENTENCE = "Quyết định số 12/QĐ-UBND ngày 08/6/2010 của Ủy ban nhân dân tỉnh Thái Nguyên"


def one(path):
    (item,) = list(read_sources([path]))
    return item


def cp1258(text: str) -> bytes:
    """Windows-1258 has the vowels with a hat or horn, and the tone marks as combining characters."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            out += (unicodedata.normalize("NFC", d[:-1]) + d[-1]).encode("cp1258")
    return out


# name, bytes, expected text fragment (a Source) or the reject reason's start (a Reject)
FILES = [
    ("plain.txt", SENTENCE.encode("utf-8"), ("text", "12/QĐ-UBND")),
    ("bom.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), ("text", "Quyết định")),
    ("notes.md", ("# Kế hoạch\n\n**Thực hiện** " + SENTENCE).encode("utf-8"), ("text", "**Thực hiện**")),
    ("utf16.txt", SENTENCE.encode("utf-16"), ("text", "Thái Nguyên")),
    ("utf16-nobom.txt", SENTENCE.encode("utf-16-le"), ("text", "Thái Nguyên")),
    ("windows.txt", cp1258(SENTENCE), ("text", "12/QĐ-UBND")),
    ("empty.txt", b"", ("reject", "empty file")),
    ("blank.md", b"  \n\n \t", ("reject", "empty file")),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), ("reject", "not text")),
    ("zeros.txt", b"\x00" * 512, ("reject", "not text")),
    ("latin1.txt", "Café crème brûlée, naïve".encode("latin-1"), ("reject", "undecodable")),
    ("fake.docx", b"PK\x03\x04 not a zip", ("reject", "broken or encrypted DOCX")),
    ("scan.pdf", b"%PDF-1.4 broken", ("reject", "broken PDF")),
    ("notes.xyz", b"hello", ("reject", "unsupported file type")),
]


@pytest.mark.parametrize("name,data,expected", FILES, ids=[f[0] for f in FILES])
def test_file_kinds(tmp_path, name, data, expected):
    p = tmp_path / name
    p.write_bytes(data)
    item = one(p)
    kind, what = expected
    if kind == "text":
        assert isinstance(item, Source), item
        assert what in unicodedata.normalize("NFC", item.text)
    else:
        assert isinstance(item, Reject), item
        assert item.reason.startswith(what), item.reason
        assert item.file == str(p)


def test_windows_1258_is_named(tmp_path):
    p = tmp_path / "w.txt"
    p.write_bytes(cp1258(SENTENCE))
    assert one(p).encoding == "cp1258"


def test_html_keeps_the_text_not_the_page(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("""<!doctype html><html><head><title>Tin</title><style>p{color:red}</style>
        <script>var x = "Kế hoạch số 99-KH/TU";</script></head><body>
        <nav><a href="/">Trang chủ</a> | <a>Tin tức</a></nav>
        <div class="tools">A- A A+ | Tăng tương phản</div>
        <article><h1>UBND tỉnh ban hành Công văn</h1><p>Thực hiện <i>Kế hoạch số 84-KH/TU</i> của Tỉnh ủy.</p></article>
        <footer>Bản quyền thuộc về Cổng thông tin</footer></body></html>""", encoding="utf-8")
    item = one(p)
    assert isinstance(item, Source)
    assert "Kế hoạch số 84-KH/TU" in item.text
    for junk in ("99-KH/TU", "color:red", "Trang chủ", "Bản quyền"):
        assert junk not in item.text


def test_html_in_a_txt_file_is_read_as_html(tmp_path):
    p = tmp_path / "saved.txt"
    p.write_text("<!DOCTYPE html><html><body><script>alert(1)</script><p>Chỉ thị số 43-CT/TW</p></body></html>",
                 encoding="utf-8")
    item = one(p)
    assert "43-CT/TW" in item.text and "alert" not in item.text


def test_docx_paragraphs_and_tables(tmp_path):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Thực hiện Kết luận số 44-KL/TW ngày 22/01/2009 của Ban Bí thư")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Nơi nhận:"
    table.cell(0, 1).text = "T/M BAN THƯỜNG VỤ"
    p = tmp_path / "plan.docx"
    d.save(p)
    item = one(p)
    assert isinstance(item, Source)
    assert "44-KL/TW" in item.text and "T/M BAN THƯỜNG VỤ" in item.text


def test_catalogue_lines(tmp_path):
    p = tmp_path / "cat.jsonl"
    good = {"id": "r1", "symbol": "3445/UBND-KT", "date": "2022-07-08", "title": "thực hiện công văn số 3652/byt-dp"}
    p.write_text("\n".join([
        json.dumps(good, ensure_ascii=False),
        '{"id": "r2", "title": "broken',                      # a line cut in the middle
        "[1, 2]",                                             # JSON, but not a record
        "",                                                   # blank lines are skipped
        json.dumps({"id": "r5"}),                             # nothing to read
        json.dumps({"id": "r6", "text": 42}),                 # wrong type
    ]) + "\n", encoding="utf-8")
    items = list(read_sources([p]))
    assert [type(i).__name__ for i in items] == ["Source", "Reject", "Reject", "Reject", "Reject"]
    src = items[0]
    assert src.file.endswith("cat.jsonl#r1") and src.kind_hint == "record" and src.meta["symbol"] == "3445/UBND-KT"
    reasons = [i.reason for i in items[1:]]
    assert reasons[0].startswith("line 2 is not valid JSON")
    assert reasons[1] == "line 3 is not a JSON object"
    assert reasons[2] == "record has no text, title or symbol"
    assert "not strings" in reasons[3]


def test_catalogue_csv(tmp_path):
    p = tmp_path / "cat.csv"
    p.write_text("id,symbol,title,date\nr1,01-CT/TU,Chỉ thị về công tác cán bộ,2021-03-01\n", encoding="utf-8")
    (item,) = list(read_sources([p]))
    assert item.file.endswith("cat.csv#r1") and item.meta["date"] == "2021-03-01"


def test_records_sharing_an_id_are_both_kept(tmp_path):
    """One symbol and date from two issuers give two records with the same id: neither may be lost in the build."""
    from graphbuild.graph.build import build_graph as build
    p = tmp_path / "cat.jsonl"
    rows = [{"id": "9/KH-UBND|29/01/2011", "symbol": "9/KH-UBND", "date": "2011-01-29", "title": t,
             "locality": place} for t, place in (("kế hoạch a", "Hải Phòng"), ("kế hoạch b", "Thái Nguyên"))]
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    names = [i.file for i in read_sources([p])]
    assert len(set(names)) == 2 and names[0].endswith("cat.jsonl#9/KH-UBND|29/01/2011")
    result = build([p], tmp_path / "g")
    assert result.report["inputs"] == 2 and result.report["rejected"] == 0 and result.report["full_text"] == 2


def test_missing_files_and_folders(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(SENTENCE, encoding="utf-8")
    items = list(read_sources([tmp_path, tmp_path / "missing.txt"]))
    assert [i.file for i in items] == [str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")]
    assert isinstance(items[1], Reject) and items[1].reason == "no such file"


def test_resource_limits_are_rejects_with_reasons(tmp_path, monkeypatch):
    """A huge file, a zip bomb disguised as DOCX and deeply nested HTML end as rejects, not as a hang or a crash."""
    import importlib
    import io
    import zipfile
    from pathlib import Path

    read_module = importlib.import_module("graphbuild.ingest.read")      # the module, not the function of that name

    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 1000)
    (tmp_path / "huge.txt").write_text("Kết luận số 44-KL/TW. " * 200, encoding="utf-8")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + " " * (70 * 1024 * 1024) + "</w:document>")
    monkeypatch.undo()
    (tmp_path / "bomb.docx").write_bytes(buf.getvalue())
    (tmp_path / "deep.html").write_text("<div>" * 5000 + "Kết luận số 44-KL/TW" + "</div>" * 5000, encoding="utf-8")
    monkeypatch.setattr(read_module, "MAX_FILE_BYTES", 1000)
    reasons = {Path(r.file).name: r.reason for r in read_sources([tmp_path]) if isinstance(r, Reject)}
    assert "too large" in reasons["huge.txt"]
    monkeypatch.undo()
    reasons = {Path(r.file).name: r.reason for r in read_sources([tmp_path]) if isinstance(r, Reject)}
    assert "zip bomb" in reasons["bomb.docx"]
    assert "nested deeper" in reasons["deep.html"]


def test_catalogue_columns_named_as_real_crawls_name_them(tmp_path):
    """Vietnamese column names map to the fields (vocab/catalogue_columns.tsv), and every column is used: locality,
    signer, issuer, type."""
    from graphbuild import extract_citations
    p = tmp_path / "crawl.jsonl"
    p.write_text(json.dumps({"ma": "q22", "so_ky_hieu": "22/QĐ-TTHĐND", "Ngày ban hành": "2024-03-05",
                             "trich_yeu": "Về việc thành lập Đoàn giám sát", "co_quan_ban_hanh": "Thường trực HĐND xã",
                             "nguoi_ky": "Nguyễn Văn Minh", "loai_van_ban": "Quyết định",
                             "dia_phuong": "Kiến An, Hải Phòng", "duong_dan": "https://example.org/q22"},
                            ensure_ascii=False) + "\n", encoding="utf-8")
    (src,) = list(read_sources([p]))
    assert src.file.endswith("crawl.jsonl#q22") and src.meta["signer"] == "Nguyễn Văn Minh"
    subject = extract_citations(src).subject
    assert (subject.symbol, subject.type, subject.date, subject.signer) == \
        ("22/QĐ-TTHĐND", "QĐ", "2024-03-05", "Nguyễn Văn Minh")
    assert subject.issuer == "Thường trực HĐND xã" and subject.locality == "Kiến An, Hải Phòng"
    assert subject.url == "https://example.org/q22"


def test_docx_header_tables_come_in_reading_order(tmp_path):
    """The header table of a .docx comes before the body, as it stands in the document (python-docx lists the
    tables apart)."""
    docx = pytest.importorskip("docx")
    d = docx.Document()
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    d.add_paragraph("QUYẾT ĐỊNH")
    p = tmp_path / "qd.docx"
    d.save(p)
    text = one(p).text
    assert text.index("TỈNH NGHỆ AN") < text.index("CỘNG HÒA") < text.index("QUYẾT ĐỊNH")
