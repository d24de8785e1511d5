"""``make_view``: what ``graphbuild viz`` does, select then write the HTML page and the images asked for."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Union

import networkx as nx

from .html import write_html
from .image import write_image
from .select import PAGE_BUDGET, select_view
from .style import default_title

if TYPE_CHECKING:
    from ..graph.resolve import Graph

PathLike = Union[str, Path]


def make_view(graph: Union["Graph", PathLike], view: str, doc_id: str, html_path: Optional[PathLike] = None,
              png: Optional[PathLike] = None, svg: Optional[PathLike] = None, title: Optional[str] = None,
              budget: Optional[int] = PAGE_BUDGET, **select_args: Any) -> nx.MultiDiGraph:
    """select + write_html (+ PNG/SVG): what ``graphbuild viz`` does. Returns the selected graph."""
    selected = select_view(graph, view, doc_id, **select_args)
    title = title or default_title(selected)
    if html_path:
        write_html(selected, html_path, title, budget=budget)
    for image_path in (png, svg):
        if image_path:
            write_image(selected, image_path, title)
    return selected
