"""The citations of a text as spaCy spans: the ``vn_citations`` pipeline component (``pip install 'graphbuild[spacy]'``).

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
    nlp.add_pipe("vn_citations")            # found through the spacy_factories entry point: no import needed
    doc = nlp(text)
    for span in doc.spans["citations"]:
        span.label_, span._.symbol, span._.resolved_id, span._.relation, span._.mode, span._.target

The component runs ``extract_citations`` on ``doc.text`` (the extraction is the same as ``graphbuild extract``: the
regular-expression pass, not a statistical model) and makes a span of every mention of the kinds it is given
(``symbol``, ``law_name``, ``short_form``, ``self`` by default) in ``doc.spans[spans_key]``, with the document type as
label and the resolved document id as ``kb_id_``; the date and the issuer phrase written after a citation go to
``doc.spans[parts_key]`` (label ``DATE`` / ``ISSUER``). A span covers whole tokens: the mention's characters are
widened to the tokens they touch (``char_span(..., alignment_mode="expand")``), so a tokenizer that leaves a comma on
a symbol ("03/2011/NĐ-CP,") or joins two syllables into one word (pyvi) still gives a span holding the whole symbol;
a mention that cannot be aligned is reported in ``doc._.vn_extraction["warnings"]``, never dropped silently.

What the text is beyond its characters comes from ``doc.user_data["graphbuild"]`` when set: ``file`` (as
``extract``'s file name, it scopes the ids of local documents whose province the text does not name, and names a news
article; "<spacy doc>" otherwise), and for a catalogue record its ``meta`` (symbol, title, date, issuer …) and
``kind_hint``. ``source_doc(nlp, source)`` makes such a doc from a ``Source`` of ``read_sources``, so that
``nlp.pipe(source_doc(nlp, s) for s in sources)`` gives exactly the citations of ``graphbuild extract``.

Attributes (read from ``doc._.vn_extraction``, the extraction as the JSON of ``graphbuild extract``, so a
``DocBin(store_user_data=True)`` keeps them): ``span._.symbol`` (canonical), ``resolved_id``, ``mention_kind``,
``relation``, ``mode``, ``verb``, ``source`` and ``target`` (the ids of the relation's two documents: for "A được sửa
đổi bởi B" the mention B is the source), ``mention`` (the whole mention record). Two mentions inside one token ("45-KL/
TW;46-KL/TW" to a whitespace tokenizer) give two spans over that token, each with its own attributes.

A text longer than ``nlp.max_length`` (1,000,000 characters by default: a Công báo issue is longer) is refused by
spaCy itself; a pipeline without a parser or NER can raise it (``nlp.max_length = 4_200_000``).
"""
from __future__ import annotations

from typing import Any, Callable, Optional, Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..extract.extractor import extract_citations
from ..models import Source

FACTORY = "vn_citations"
CITATION_KINDS = ("symbol", "law_name", "short_form", "self")
PART_KINDS = ("date", "issuer")
UNKNOWN_TYPE = "VB"         # the label of a mention whose document type is not known (văn bản)
_SPAN_ID = "vn_citations:"  # span ids are this prefix and the mention's index in the extraction
USER_DATA = "graphbuild"    # doc.user_data[USER_DATA]: what the text is (see source_doc)

# Span attribute -> the field of the mention record it shows.
SPAN_FIELDS = {"symbol": "symbol", "resolved_id": "document", "mention_kind": "kind", "relation": "relation",
               "mode": "mode", "verb": "verb", "source": "source", "target": "target"}


def _mention(span: Span) -> Optional[dict[str, Any]]:
    """The mention record behind a span this component made (None for any other span)."""
    span_id = span.id_
    extraction = span.doc._.vn_extraction
    if not span_id.startswith(_SPAN_ID) or extraction is None:
        return None
    return extraction["mentions"][int(span_id[len(_SPAN_ID):])]


def _field_getter(name: str) -> Callable[[Span], Any]:
    def get(span: Span) -> Any:
        mention = _mention(span)
        return mention.get(name) if mention is not None else None
    get.__qualname__ = get.__name__ = f"vn_citations_{name}"
    get.__module__ = __name__
    return get


def _register_extensions() -> None:
    """Doc._.vn_extraction and the span attributes; an attribute of the same name that another package set is an
    error that names it (overwriting it would break that package)."""
    if not Doc.has_extension("vn_extraction"):
        Doc.set_extension("vn_extraction", default=None)
    wanted = {**{name: _field_getter(field) for name, field in SPAN_FIELDS.items()}, "mention": _mention}
    for name, getter in wanted.items():
        if Span.has_extension(name):
            current = Span.get_extension(name)[2]      # (default, method, getter, setter)
            if getattr(current, "__module__", None) != __name__:
                raise ValueError(f"vn_citations: the span attribute '{name}' is already set by "
                                 f"{getattr(current, '__module__', 'another package')}; remove it first")
            continue
        Span.set_extension(name, getter=getter)


class CitationSpans:
    """The pipeline component: extraction on ``doc.text``, mentions as spans (see the module's docstring)."""

    def __init__(self, name: str = FACTORY, spans_key: str = "citations", parts_key: Optional[str] = "citation_parts",
                 kinds: Sequence[str] = CITATION_KINDS):
        unknown = set(kinds) - set(CITATION_KINDS) - set(PART_KINDS)
        if unknown:
            raise ValueError(f"vn_citations: unknown mention kinds {sorted(unknown)}; "
                             f"expected some of {CITATION_KINDS + PART_KINDS}")
        _register_extensions()
        self.name, self.spans_key, self.parts_key, self.kinds = name, spans_key, parts_key, tuple(kinds)

    def __call__(self, doc: Doc) -> Doc:
        extraction = extract_citations(_source_of(doc)).to_dict()
        citations: list[Span] = []
        parts: list[Span] = []
        for i, mention in enumerate(extraction["mentions"]):
            is_part = mention["kind"] in PART_KINDS
            if mention["kind"] not in self.kinds and not (is_part and self.parts_key):
                continue
            label = mention["kind"].upper() if is_part else (mention["type"] or UNKNOWN_TYPE)
            span = doc.char_span(mention["start"], mention["end"], label=label, kb_id=mention["document"] or "",
                                 alignment_mode="expand", span_id=f"{_SPAN_ID}{i}")
            if span is None or span.start_char > mention["start"] or span.end_char < mention["end"]:
                extraction["warnings"].append(f"mention {i} ({mention['text']!r} at {mention['start']}-"
                                              f"{mention['end']}) could not be aligned to the tokens")
                continue
            (citations if mention["kind"] in self.kinds else parts).append(span)
        doc._.vn_extraction = extraction
        doc.spans[self.spans_key] = SpanGroup(doc, name=self.spans_key, spans=citations)
        if self.parts_key:
            doc.spans[self.parts_key] = SpanGroup(doc, name=self.parts_key, spans=parts)
        return doc


def source_doc(nlp: Language, source: Source) -> Doc:
    """A doc of ``source``'s text that tells the component what the text is (its name, a record's catalogue
    fields): the component then gives the citations of ``extract_citations(source)``."""
    doc = nlp.make_doc(source.text)
    doc.user_data[USER_DATA] = {"file": source.file, "meta": dict(source.meta), "kind_hint": source.kind_hint}
    return doc


def _source_of(doc: Doc) -> Source:
    given = doc.user_data.get(USER_DATA) or {}
    return Source(file=str(given.get("file") or "<spacy doc>"), text=doc.text, kind_hint=given.get("kind_hint"),
                  meta=dict(given.get("meta") or {}))


@Language.factory(FACTORY, default_config={"spans_key": "citations", "parts_key": "citation_parts",
                                           "kinds": list(CITATION_KINDS)},
                  assigns=["doc.spans", "doc._.vn_extraction"])
def make_citation_spans(nlp: Language, name: str, spans_key: str, parts_key: Optional[str],
                        kinds: list[str]) -> CitationSpans:
    """The ``vn_citations`` factory (registered under the ``spacy_factories`` entry point)."""
    return CitationSpans(name, spans_key=spans_key, parts_key=parts_key, kinds=kinds)
