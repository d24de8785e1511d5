"""Step 7, views: a bounded subgraph around one document, drawn as one offline HTML page, a static image or a
pyvis network, and the one-page briefing.

    select     which documents and edges a view shows (lineage, cascade, locality, ego; filters; collapse)
    layout     where they sit: bands by level, rows by who acts on whom, by date; edge bends
    style      how they look: colours, shapes, sizes, labels, tooltips, the record shown on click
    labels     the words built in Python (vocab/relation_labels.tsv); page texts are in templates/
    html       the page: Jinja2 templates (templates/), CSS, JS and vis-network inlined from static/
    image      PNG/SVG with matplotlib
    notebook   any view as a pyvis.network.Network
    brief      the briefing page (templates/brief.html)
    make       make_view: what `graphbuild viz` does

The names below load their module on first use: a page of ``graphbuild serve`` that draws no view (the first one, a
search) does not wait for networkx and matplotlib.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_names

_NAMES = {"write_brief": "brief", "write_html": "html", "write_image": "image", "make_view": "make",
          "to_pyvis": "notebook", "collapse": "select", "select_view": "select"}

__all__ = ["collapse", "make_view", "select_view", "to_pyvis", "write_brief", "write_html", "write_image"]

if TYPE_CHECKING:
    from .brief import write_brief
    from .html import write_html
    from .image import write_image
    from .make import make_view
    from .notebook import to_pyvis
    from .select import collapse, select_view

__getattr__ = lazy_names(__name__, _NAMES)
