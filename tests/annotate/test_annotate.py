"""annotate_citations: the source text, escaped, with every mention wrapped at exactly its offsets; the page and the
command that write it."""
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

import graphbuild
from graphbuild import extract_citations
from graphbuild.annotate import annotate_citations, annotated_page, write_annotated
from graphbuild.annotate.html import AnnotationError
from graphbuild.cli import main
from graphbuild.ingest import legacy
from graphbuild.ingest.read import read_sources
from graphbuild.models import Source

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
TEXT = ("KẾ HOẠCH\nSố: 12-KH/HU\n\nThực hiện Kết luận số 44-KL/TW, ngày 14/11/2022 của Ban Bí thư Trung ương Đảng "
        "về tiếp tục thực hiện Chỉ thị số 43-CT/TW; Căn cứ Nghị định số 03/2011/NĐ-CP. Kế hoạch này được phổ biến.\n")
HOSTILE = "</div><script>alert(1)</script><img src=x onerror=alert(2)> \"q\" 'a' &amp; "


class _Elements(HTMLParser):
    """The text of a fragment (entities decoded) and each element with its attributes and text offsets in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text, self.elements, self.open = [], [], []

    def handle_starttag(self, tag, attrs):
        self.open.append((tag, dict(attrs), sum(map(len, self.text))))

    def handle_endtag(self, tag):
        name, attrs, start = self.open.pop()
        assert name == tag
        self.elements.append((tag, attrs, start, sum(map(len, self.text))))

    def handle_data(self, data):
        self.text.append(data)


def _parse(fragment: str) -> _Elements:
    parser = _Elements()
    parser.feed(fragment)
    parser.close()
    assert not parser.open
    return parser


def _check(text: str, extraction, **kwargs) -> _Elements:
    """The fragment is the text again once its elements are taken away, and each element sits at its mention."""
    fragment = annotate_citations(text, extraction, **kwargs)
    parsed = _parse(str(fragment))
    assert "".join(parsed.text) == text
    spans = sorted(parsed.elements, key=lambda e: e[2])
    assert [(start, end) for _, _, start, end in spans] == [(m.start, m.end) for m in extraction.mentions]
    for (_, attrs, _, _), mention in zip(spans, extraction.mentions):
        assert attrs["data-kind"] == mention.kind and attrs.get("data-doc") == mention.document
        assert f"gb-kind-{mention.kind.replace('_', '-')}" in attrs["class"].split()
        if mention.role:
            assert f"gb-rel-{mention.role.relation.lower()}" in attrs["class"].split()
            assert attrs["data-relation"] == mention.role.relation
        if mention.document:
            assert mention.document in attrs["title"]
    return parsed


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_annotate_at_exact_offsets(path):
    (source,) = list(read_sources([path]))
    _check(source.text, extract_citations(source))


def test_nfd_legacy_and_html_inputs(tmp_path):
    nfd = unicodedata.normalize("NFD", TEXT)
    _check(nfd, extract_citations(Source("nfd.txt", nfd)))
    for font in ("TCVN3", "VNI"):
        path = tmp_path / f"{font}.txt"
        path.write_bytes(legacy.encode(TEXT, font).encode("cp1252"))
        (source,) = list(read_sources([path]))      # the source is the decoded text
        assert _check(source.text, extract_citations(source)).elements
    page = tmp_path / "page.html"
    page.write_text("<p>Thực hiện <b>Kết luận</b> số 44-KL/TW &amp; Chỉ thị số 43-CT/TW</p>", encoding="utf-8")
    (source,) = list(read_sources([page]))
    assert len(_check(source.text, extract_citations(source)).elements) == 2


def test_text_and_markup_in_the_text_are_escaped():
    text = f"{HOSTILE}\nThực hiện <i>Kết luận số 44-KL/TW</i> {HOSTILE}\n"
    extraction = extract_citations(Source("x.txt", text))
    fragment = str(annotate_citations(text, extraction))
    assert "<script>" not in fragment and "<img" not in fragment and "<i>" not in fragment
    assert "&lt;script&gt;" in fragment and "&amp;amp;" in fragment
    _check(text, extraction)


def test_links_from_a_template_or_a_function():
    extraction = extract_citations(Source("t.txt", TEXT))
    parsed = _check(TEXT, extraction, href="/doc/{id}")
    links = {attrs["href"] for tag, attrs, _, _ in parsed.elements if tag == "a"}
    assert "/doc/vn/tw/kl/2022/44" in links
    assert all(tag == "span" for tag, attrs, _, _ in parsed.elements if "data-doc" not in attrs)
    parsed = _check(TEXT, extraction, href=lambda m: f"#{m.symbol}" if m.kind == "symbol" else None)
    assert {attrs.get("href") for tag, attrs, _, _ in parsed.elements if tag == "a"} == \
        {"#44-KL/TW", "#43-CT/TW", "#03/2011/NĐ-CP"}
    only = _parse(str(annotate_citations(TEXT, extraction, kinds=["symbol"])))
    assert len(only.elements) == 3 and "".join(only.text) == TEXT


def test_an_extraction_of_another_text_is_an_error():
    extraction = extract_citations(Source("t.txt", TEXT))
    with pytest.raises(AnnotationError, match="t.txt: mention 0"):
        annotate_citations("Một văn bản khác. " + TEXT, extraction)


def test_the_page_opens_offline_and_names_what_each_text_is(tmp_path):
    first = extract_citations(Source("a.txt", TEXT))
    hostile = f"{HOSTILE} Kết luận số 44-KL/TW"
    second = extract_citations(Source(f"{HOSTILE}.txt", hostile))
    path = write_annotated(tmp_path / "a.html", [(TEXT, first), (hostile, second)], title=HOSTILE)
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "<script" not in page.lower() and "<link" not in page.lower() and "<img" not in page
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*https?:""", page)
    assert "Kế hoạch 12-KH/HU" in page and "thực hiện (1)" in page and page.count('class="gb-doc"') == 2
    assert ".gb-rel-implements { border-bottom-color: #" in page
    assert page == annotated_page([(TEXT, first), (hostile, second)], title=HOSTILE)


def test_the_root_exports_the_verb():
    assert graphbuild.annotate_citations is annotate_citations and "annotate_citations" in graphbuild.__all__


def test_cli_annotate(tmp_path):
    out = tmp_path / "out.html"
    r = CliRunner().invoke(main, ["annotate", str(SEEDS[2]), "-o", str(out), "--href", "/doc/{id}"])
    assert r.exit_code == 0, r.output
    assert "1 text(s)" in r.output and 'href="/doc/vn/tw/kl/2022/44"' in out.read_text(encoding="utf-8")
    catalogue = tmp_path / "c.jsonl"
    catalogue.write_text('{"id": "a", "text": "Thực hiện Kết luận số 44-KL/TW."}\n'
                         '{"id": "b", "text": "Căn cứ Nghị định số 03/2011/NĐ-CP."}\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["annotate", str(catalogue), "--record", "b"])
    assert r.exit_code == 0 and "03/2011/NĐ-CP" in r.output and "44-KL/TW" not in r.output
    r = CliRunner().invoke(main, ["annotate", str(catalogue), "--record", "zz"])
    assert r.exit_code == 2 and "no record with id 'zz'" in r.output
    r = CliRunner().invoke(main, ["annotate", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "no such file" in r.output
    r = CliRunner().invoke(main, ["annotate", str(SEEDS[2]), "--href", "/doc/"])
    assert r.exit_code == 2 and "{id}" in r.output


def test_the_readme_annotate_line_runs(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("graphbuild annotate data/seeds/"))
    args = line.split("#")[0].split()[1:]
    monkeypatch.chdir(tmp_path)
    args = [str(ROOT / a) if a.startswith("data/") else a for a in args]
    r = CliRunner().invoke(main, args)
    assert r.exit_code == 0, r.output
    assert 'data-doc="vn/tw/kl/2022/44"' in (tmp_path / "1416.html").read_text(encoding="utf-8")
