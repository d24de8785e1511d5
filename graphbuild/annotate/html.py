"""The annotated text as HTML: Jinja2 templates (``templates/``, autoescaped) filled with the parts of the text.

``annotate_citations(text, extraction)`` cuts the source text at the mentions' offsets into plain parts and mention
parts; the template escapes every part and wraps each mention in ``<a>`` (when ``href`` gives it a link) or
``<span>``, with the classes ``gb-m gb-kind-<kind> gb-rel-<relation> gb-mode-<mode>``, ``gb-edge`` when the mention
is the evidence of an edge, ``gb-unresolved`` when the extraction does not know the document, and a title that names
the document, its id and the relation. Nothing of the text reaches the page unescaped.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Sequence, Union
from urllib.parse import quote

from jinja2 import ChoiceLoader, Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from ..models import MENTION_KINDS, RELATIONS, Extraction, MentionSpan
from ..views.labels import relation_label, vn_date
from ..views.style import edge_style

# A link for a mention: a template with {id} (the document id, URL-quoted) or a function of the mention.
Href = Union[None, str, Callable[[MentionSpan], Optional[str]]]


class AnnotationError(ValueError):
    """The extraction's offsets do not fit the text given (an extraction of another text, or of a clean copy)."""


@lru_cache(maxsize=None)
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([PackageLoader("graphbuild.annotate"), PackageLoader("graphbuild")]),
                      autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(relation_label=relation_label, vn_date=vn_date)
    return env


@lru_cache(maxsize=None)
def annotation_css() -> Markup:
    """The CSS of the annotated text (static/annotate.css and a colour per relation, the views' colours), for a page
    that shows the fragment of ``annotate_citations``."""
    css = resources.files("graphbuild.annotate").joinpath("static").joinpath("annotate.css").read_text(encoding="utf-8")
    if re.search(r"</style", css, re.I):
        raise RuntimeError("static/annotate.css cannot be inlined safely")
    colours = {relation.lower(): edge_style(relation).color for relation in RELATIONS}
    return Markup(environment().get_template("_annotate.css").render(base_css=Markup(css), colours=colours))


def _link(href: Href, mention: MentionSpan) -> Optional[str]:
    if href is None:
        return None
    if callable(href):
        return href(mention)
    return href.format(id=quote(mention.document, safe="/@")) if mention.document else None


def _classes(mention: MentionSpan) -> str:
    role = mention.role
    names = ["gb-m", f"gb-kind-{mention.kind.replace('_', '-')}"]
    if role is not None:
        names.append(f"gb-rel-{role.relation.lower()}")
        if role.mode:
            names.append(f"gb-mode-{role.mode}")
        if role.edge:
            names.append("gb-edge")
    if mention.document is None:
        names.append("gb-unresolved")
    return " ".join(names)


def _parts(text: str, extraction: Extraction, href: Href, kinds: Sequence[str]) -> list[dict]:
    """The text cut into plain parts ({"text"}) and mention parts ({"text", "mention", "classes", "href", …})."""
    parts: list[dict] = []
    pos = 0
    for i, mention in enumerate(extraction.mentions):
        if text[mention.start:mention.end] != mention.text:
            raise AnnotationError(f"{extraction.file}: mention {i} ({mention.text!r}) is not at {mention.start}-"
                                  f"{mention.end} of this text: annotate the source text the extraction was made from")
        if mention.kind not in kinds or mention.start < pos:
            continue
        parts.append({"text": text[pos:mention.start]})
        owner = extraction.mentions[mention.of] if mention.of is not None else None
        parts.append({"text": mention.text, "mention": mention, "role": mention.role, "owner": owner,
                      "classes": _classes(mention), "href": _link(href, mention)})
        pos = mention.end
    parts.append({"text": text[pos:]})
    return [p for p in parts if p["text"]]


def annotate_citations(text: str, extraction: Extraction, *, href: Href = None,
                       kinds: Sequence[str] = MENTION_KINDS) -> Markup:
    """The source ``text`` (``Source.text``, the text ``extraction`` was made from) as escaped HTML with every
    mention of ``kinds`` wrapped: ``<a>`` when ``href`` gives a link ("/doc/{id}", or a function of the mention),
    else ``<span>``. Raises ``AnnotationError`` when the offsets do not fit the text."""
    template = environment().get_template("_annotated_text.html")
    return Markup(template.render(parts=_parts(text, extraction, href, tuple(kinds))))


def annotated_page(documents: Iterable[tuple[str, Extraction]], *, href: Href = None,
                   title: Optional[str] = None) -> str:
    """A page that opens offline: for each (source text, extraction), what the text is, a legend of the relations
    it states, and the annotated text."""
    sections: list[dict[str, Any]] = []
    files: list[str] = []
    for text, extraction in documents:
        files.append(extraction.file)
        relations = Counter(m.role.relation for m in extraction.mentions if m.role is not None)
        sections.append({"extraction": extraction, "subject": extraction.subject,
                         "body": annotate_citations(text, extraction, href=href),
                         "relations": [(r, relations[r]) for r in RELATIONS if relations[r]],
                         "counts": Counter(m.kind for m in extraction.mentions)})
    page_title = title or (files[0] if len(files) == 1 else f"{len(files)} văn bản")
    return environment().get_template("annotated.html").render(title=page_title, sections=sections,
                                                              css=annotation_css())


def write_annotated(path: Union[str, Path], documents: Iterable[tuple[str, Extraction]], *, href: Href = None,
                    title: Optional[str] = None) -> Path:
    """Write ``annotated_page`` to ``path`` (UTF-8) and return the path."""
    out = Path(path)
    out.write_text(annotated_page(documents, href=href, title=title), encoding="utf-8")
    return out
