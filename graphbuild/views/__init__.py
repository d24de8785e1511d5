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
"""
from .brief import write_brief
from .html import write_html
from .image import write_image
from .make import make_view
from .notebook import to_pyvis
from .select import collapse, select_view

__all__ = ["collapse", "make_view", "select_view", "to_pyvis", "write_brief", "write_html", "write_image"]
