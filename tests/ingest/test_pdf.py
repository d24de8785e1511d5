"""PDF text layers through pypdfium2: laid out by glyph position (a LibreOffice PDF draws the letters of a second
font after the rest of the line), and refused with the reason when the layer is not Vietnamese text."""
from pathlib import Path

import pytest

from graphbuild import extract_citations, read_sources
from graphbuild.ingest.pdf import garbled_reason
from graphbuild.models import Reject, Source

HEADERS = Path(__file__).resolve().parent.parent / "data" / "headers"
FIELDS = ("symbol", "type", "date", "issuer", "issuer_code", "locality", "level", "signer", "title", "recipients")


def subject(path):
    (item,) = list(read_sources([path]))
    assert isinstance(item, Source), item
    return extract_citations(item).subject


def test_a_libreoffice_pdf_reads_whole_words():
    """pypdf and PDFium's stream order give 'T NH NGH AN Ỉ Ệ'; the glyphs put in the order of their position give
    the words."""
    (item,) = list(read_sources([HEADERS / "qd-ubnd-tinh-nghe-an__pdf-docx__own-line.pdf"]))
    assert "TỈNH NGHỆ AN" in item.text and "Bùi Thanh Hải" in item.text and garbled_reason(item.text) is None
    number_line = next(line for line in item.text.splitlines() if "Số:" in line)
    assert "1520/QĐ-UBND" in number_line


@pytest.mark.parametrize("docx", sorted(HEADERS.glob("*__docx__*.docx")), ids=lambda p: p.name.split("__")[0]
                         + "/" + p.stem.split("__")[-1])
def test_pdfs_made_from_docx_and_html_read_as_the_docx(docx):
    want = subject(docx)
    for made in ("pdf-docx", "pdf-html", "html"):
        other = docx.with_name(docx.name.replace("__docx__", f"__{made}__")).with_suffix(
            ".html" if made == "html" else ".pdf")
        got = subject(other)
        assert {f: getattr(got, f) for f in FIELDS} == {f: getattr(want, f) for f in FIELDS}, other.name


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF that shows ``text`` in Helvetica (ASCII only), written by hand."""
    stream = f"BT /F1 11 Tf 40 800 Td ({text}) Tj ET".encode("latin-1")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_a_garbled_text_layer_is_rejected_with_the_reason(tmp_path):
    (tmp_path / "spaced.pdf").write_bytes(_pdf_with_text("U Y B A N N H A N D A N T I N H N G H E A N S O Q D"))
    (tmp_path / "english.pdf").write_bytes(_pdf_with_text(
        "This page holds a short English text with more than twenty words in it, none of them Vietnamese at all, "
        "which a reader of Vietnamese documents cannot use"))
    (tmp_path / "good.pdf").write_bytes(_pdf_with_text(
        "Thuc hien Ket luan so 44-KL/TW ngay 14/11/2022 cua Ban Bi thu ve tiep tuc thuc hien Chi thi so 43-CT/TW "
        "cua Ban Bi thu khoa X va cac van ban"))
    items = {Path(i.file).name: i for i in read_sources([tmp_path])}
    assert isinstance(items["spaced.pdf"], Reject) and "single letters" in items["spaced.pdf"].reason
    assert isinstance(items["english.pdf"], Reject) and "no Vietnamese word" in items["english.pdf"].reason
    assert isinstance(items["good.pdf"], Source) and "44-KL/TW" in items["good.pdf"].text


def test_an_empty_text_layer_is_a_scan(tmp_path):
    (tmp_path / "scan.pdf").write_bytes(_pdf_with_text(""))
    (item,) = list(read_sources([tmp_path / "scan.pdf"]))
    assert isinstance(item, Reject) and "no text layer" in item.reason
