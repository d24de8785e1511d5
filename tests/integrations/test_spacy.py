"""The vn_citations spaCy component (the 'spacy' extra): the same citations as extract, as spans over whole tokens
that keep the whole symbol, on spacy.blank("vi") without pyvi and on a tokenizer that joins syllables into words."""
import re
import subprocess
import sys
from pathlib import Path

import pytest

spacy = pytest.importorskip("spacy")
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from graphbuild import extract_citations  # noqa: E402
from graphbuild.ingest.read import read_sources  # noqa: E402
from graphbuild.integrations.spacy import CITATION_KINDS, CitationSpans, source_doc  # noqa: E402
from graphbuild.models import Reject, Source  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data" / "seeds").glob("*.txt"))
BLANK_VI = {"nlp": {"tokenizer": {"use_pyvi": False}}}


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("vi", config=BLANK_VI)
    nlp.add_pipe("vn_citations")
    return nlp


def _agree(doc, text):
    """The spans are extract's mentions of the citation kinds, one each, every one over whole tokens holding its
    mention; the attributes are the mention's."""
    extraction = extract_citations(Source(file="<spacy doc>", text=text))
    wanted = [m for m in extraction.mentions if m.kind in CITATION_KINDS]
    spans = list(doc.spans["citations"])
    assert len(spans) == len(wanted) and not doc._.vn_extraction["warnings"][len(extraction.warnings):]
    for span, mention in zip(spans, wanted):
        assert span.start_char <= mention.start and mention.end <= span.end_char
        assert mention.text in span.text
        role = mention.role
        assert (span.label_, span.kb_id_, span._.symbol, span._.resolved_id, span._.mention_kind) == \
            (mention.type or "VB", mention.document or "", mention.symbol, mention.document, mention.kind)
        assert (span._.relation, span._.mode, span._.source, span._.target) == \
            ((role.relation, role.mode, role.source, role.target) if role else (None, None, None, None))
    parts = [m for m in extraction.mentions if m.kind in ("date", "issuer")]
    assert [s.label_ for s in doc.spans["citation_parts"]] == [m.kind.upper() for m in parts]
    return spans


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seeds_give_the_same_citations_as_extract(nlp, path):
    text = path.read_text(encoding="utf-8")
    spans = _agree(nlp(text), text)
    assert spans
    edges = {(e.source, e.target, e.relation) for e in extract_citations(Source("<spacy doc>", text)).edges}
    from_spans = {(r["source"], r["target"], r["relation"]) for s in spans for r in s._.mention["roles"] if r["edge"]}
    assert from_spans == edges      # every edge of the extraction has its span, and no span states another


def test_a_whitespace_tokenizer_keeps_punctuation_on_tokens_and_spans_widen_to_it(nlp):
    text = "Căn cứ Nghị định số 03/2011/NĐ-CP, Kết luận số 45-KL/TW;46-KL/TW và (Chỉ thị số 43-CT/TW)."
    doc = nlp(text)
    spans = _agree(doc, text)
    assert [s.text for s in spans] == ["Nghị định số 03/2011/NĐ-CP,", "Kết luận số 45-KL/TW;46-KL/TW",
                                       "45-KL/TW;46-KL/TW", "(Chỉ thị số 43-CT/TW)."]
    assert [s._.symbol for s in spans] == ["03/2011/NĐ-CP", "45-KL/TW", "46-KL/TW", "43-CT/TW"]


class JoiningTokenizer:
    """Two syllables to a word, the way a Vietnamese word segmenter (pyvi) makes 'Kết luận' one token."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text):
        words, spaces, pieces = [], [], text.split(" ")
        i = 0
        while i < len(pieces):
            word = " ".join(pieces[i:i + 2])
            i += 2
            words.append(word)
            spaces.append(i < len(pieces))
        return Doc(self.vocab, words=words, spaces=spaces)


def test_a_word_segmenting_tokenizer(nlp):
    joined = spacy.blank("vi", config=BLANK_VI)
    joined.tokenizer = JoiningTokenizer(joined.vocab)
    joined.add_pipe("vn_citations")
    text = SEEDS[2].read_text(encoding="utf-8").replace("\n", " ")
    doc = joined(text)
    assert doc.text == text and any(" " in t.text for t in doc)
    _agree(doc, text)


def test_displacy_renders_the_spans(nlp):
    from spacy import displacy
    doc = nlp("Thực hiện Kết luận số 44-KL/TW ngày 14/11/2022 và Nghị định số 03/2011/NĐ-CP.")
    page = displacy.render(doc, style="span", options={"spans_key": "citations"})
    assert "44-KL/TW" in page and "03/2011/NĐ-CP" in page
    assert len(re.findall(r">\s*KL\s*<", page)) == 1 and len(re.findall(r">\s*NĐ\s*<", page)) == 1   # the labels


def test_the_attributes_survive_a_docbin(nlp, tmp_path):
    text = SEEDS[2].read_text(encoding="utf-8")
    store = DocBin(store_user_data=True)
    store.add(nlp(text))
    (doc,) = list(DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab))
    _agree(doc, text)


def test_the_factory_is_found_through_the_entry_point(tmp_path):
    """A fresh interpreter that never imports graphbuild: spaCy finds 'vn_citations' by its entry point."""
    code = ("import spacy; nlp = spacy.blank('vi', config={'nlp': {'tokenizer': {'use_pyvi': False}}}); "
            "nlp.add_pipe('vn_citations'); doc = nlp('Thực hiện Kết luận số 44-KL/TW.'); "
            "print([(s.text, s._.symbol) for s in doc.spans['citations']])")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[('Kết luận số 44-KL/TW.', '44-KL/TW')]"


def test_settings_and_clashes_are_reported():
    nlp = spacy.blank("vi", config=BLANK_VI)
    nlp.add_pipe("vn_citations", config={"spans_key": "cites", "parts_key": None, "kinds": ["symbol"]})
    doc = nlp("Căn cứ Nghị định số 03/2011/NĐ-CP ngày 07/01/2011. Văn bản này.")
    assert [s.text for s in doc.spans["cites"]] == ["Nghị định số 03/2011/NĐ-CP"] and "citation_parts" not in doc.spans
    with pytest.raises(ValueError, match="unknown mention kinds"):
        CitationSpans(kinds=["symbol", "verb"])
    Span.remove_extension("mode")
    Span.set_extension("mode", default="other package")
    try:
        with pytest.raises(ValueError, match="'mode' is already set"):
            CitationSpans()
    finally:
        Span.remove_extension("mode")
        CitationSpans()        # ours again


def test_the_readme_spacy_lines_run(monkeypatch):
    """The README's Python lines for the component, run as written (they read a seed) from the repository root."""
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "vn_citations" in b)
    lines = []
    namespace = {"print": lambda *a: lines.append(a)}
    exec(block, namespace)
    assert len(lines) == len(namespace["doc"].spans["citations"]) > 5
    assert ("Kết luận số 44-KL/TW,", "KL", "44-KL/TW", "vn/tw/kl/2022/44", "IMPLEMENTS", "enacted", "vn/tw/kl/2022/44") \
        in lines


@pytest.mark.parametrize("path", [SEEDS[0], ROOT / "data" / "corpus" / "binhduong-dev.jsonl"], ids=["news", "records"])
def test_source_docs_give_extract_s_citations(nlp, path):
    """A local document whose province the text does not name gets an id scoped to the text's name, and a catalogue
    record's subject comes from its fields: source_doc tells the component both, as extract knows them (the bare
    text gives other ids)."""
    source = next(s for s in read_sources([path]) if not isinstance(s, Reject) and extract_citations(s).edges)
    extraction = extract_citations(source)
    doc = nlp(source_doc(nlp, source))
    spans = list(doc.spans["citations"])
    assert [s._.resolved_id for s in spans] == [m.document for m in extraction.mentions if m.kind in CITATION_KINDS]
    edges = {(e.source, e.target, e.relation) for e in extraction.edges}
    assert {(r["source"], r["target"], r["relation"]) for s in spans for r in s._.mention["roles"] if r["edge"]} == \
        edges
    bare = nlp(source.text)
    assert {(r["source"], r["target"], r["relation"]) for s in bare.spans["citations"] for r in s._.mention["roles"]
            if r["edge"]} != edges
