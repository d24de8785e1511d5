"""A static PNG or SVG of a view, drawn with matplotlib (no browser needed): the layout, colours and shapes of the
HTML view, Vietnamese labels (DejaVu Sans) and a legend. The SVG is byte-stable (fixed hash salt, no date)."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Optional, Union

import networkx as nx

from .labels import band_label, kind_label, level_label, relation_label, text
from .layout import Band, Position, edge_bend, layered_layout
from .select import LEVELS, band_of, collapse
from .style import (
    KIND_SHAPES,
    LEVEL_COLORS,
    NEUTRAL,
    STUB_FILL,
    default_title,
    edge_label,
    edge_style,
    node_kind,
    node_label,
    node_size,
    relations_in,
    summary_line,
    wrap_label,
)

MPL_MARKERS = {"dot": "o", "square": "s", "diamond": "D", "hexagon": "h", "triangle": "^"}
IMAGE_BUDGET = 400


def write_image(view: nx.MultiDiGraph, path: Union[str, Path], title: Optional[str] = None,
                root: Optional[str] = None, budget: Optional[int] = IMAGE_BUDGET) -> Path:
    """A static PNG or SVG (by suffix) drawn with matplotlib (no browser): the same colours and layout, Vietnamese
    labels (DejaVu Sans), a legend, no text over another. Graphs past ``budget`` nodes are collapsed first."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"image must be .png or .svg, not '{path.suffix}'")
    with _image_style():
        figure = image_figure(view, title, root, budget)
        path.parent.mkdir(parents=True, exist_ok=True)
        # graphbuild as the creator: a later build skips the image (ingest.read.is_output_file); no date, no version.
        metadata = {"Date": None, "Creator": "graphbuild"} if fmt == "svg" else {"Software": "graphbuild"}
        figure.savefig(path, format=fmt, bbox_inches="tight", metadata=metadata, facecolor="white")
    return path


def _image_style() -> Any:
    import matplotlib
    return matplotlib.rc_context({"font.family": "DejaVu Sans", "svg.hashsalt": "graphbuild", "svg.fonttype": "path"})


def image_figure(view: nx.MultiDiGraph, title: Optional[str] = None, root: Optional[str] = None,
                 budget: Optional[int] = IMAGE_BUDGET) -> Any:
    """The matplotlib Figure of ``write_image``, its texts decluttered (see ``declutter``)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    title = title or default_title(view)
    shown = collapse(view, budget)
    root = root if root is not None else shown.graph.get("root")
    positions, bands = layered_layout(shown)
    xs = [position[0] for position in positions.values()] or [0]
    ys = [position[1] for position in positions.values()] or [0]
    width = max(7.5, min(60.0, (max(xs) - min(xs) + 2.8) * 1.6))
    height = max(5.0, min(80.0, (max(ys) - min(ys) + 1.4) * 1.45))
    count = shown.number_of_nodes()
    font = 8 if count <= 60 else 6.5 if count <= 150 else 5
    with _image_style():
        figure = Figure(figsize=(width, height), dpi=150)
        FigureCanvasAgg(figure)
        axes = figure.add_subplot(1, 1, 1)
        x_low, x_high = min(xs) - 2.0, max(xs) + 0.8
        band_texts = _draw_bands(axes, bands, x_low)
        edge_texts = _draw_edges(axes, shown, positions, font)
        node_texts = _draw_nodes(axes, shown, positions, root, font)
        axes.set_xlim(x_low, x_high)
        axes.set_ylim(max(ys) + 0.8, min(ys) - 0.6)
        axes.axis("off")
        legend = axes.legend(handles=_legend_handles(shown), loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8,
                             frameon=False, title=text("legend"), title_fontsize=9, alignment="left")
        subtitle = summary_line(shown)
        collapsed = shown.graph.get("collapsed")
        if collapsed:
            subtitle = text("image_collapsed", summary=subtitle, nodes=collapsed["nodes"])
        heading = axes.annotate(title, xy=(0.0, 1.0), xycoords="axes fraction", xytext=(0, 14),
                                textcoords="offset points", fontsize=13, fontweight="bold", ha="left", va="bottom")
        under = axes.text(0.0, 1.0, subtitle, transform=axes.transAxes, fontsize=9, color="#57606a", ha="left",
                          va="bottom")
        hidden = declutter(figure, fixed=[heading, under, *legend.get_texts(), legend.get_title()],
                           ranked=[band_texts, node_texts, edge_texts])
        if hidden:
            under.set_text(subtitle + " · " + text("image_hidden_labels", count=hidden))
    return figure


def declutter(figure: Any, fixed: list, ranked: list[list]) -> int:
    """Hide every text of ``ranked`` (groups in order of importance, each in order) that would overlap a text
    already kept (``fixed`` first): the picture shows fewer labels, never one over another. Returns how many
    were hidden. Boxes are the texts' extents on the canvas, widened by their white background's padding."""
    figure.draw_without_rendering()                 # lays the legend out: its texts have their places after it
    renderer = figure.canvas.get_renderer()
    kept: list = []

    def box(item: Any) -> Any:
        return item.get_window_extent(renderer).expanded(1.0, 1.0).padded(1.5)

    for item in fixed:
        if item.get_visible() and item.get_text():
            kept.append(box(item))
    hidden = 0
    for group in ranked:
        for item in group:
            extent = box(item)
            if any(extent.overlaps(other) for other in kept):
                item.set_visible(False)
                hidden += 1
            else:
                kept.append(extent)
    return hidden


def _draw_bands(axes: Any, bands: list[Band], x_low: float) -> list:
    texts = []
    for i, band in enumerate(bands):
        axes.axhspan(band.top, band.bottom, color="#f1f4f8" if i % 2 == 0 else "#ffffff", zorder=0, lw=0)
        texts.append(axes.text(x_low + 0.1, band.top + 0.08, band_label(band.name), fontsize=10, fontweight="bold",
                  color="#44505c", va="top", ha="left", zorder=1))
    return texts


def _draw_edges(axes: Any, view: nx.MultiDiGraph, positions: dict[str, Position], font: float) -> list:
    """The arrows, and their labels where there are at most 80 edges (returned, to be decluttered)."""
    edges = sorted(view.edges(keys=True, data=True), key=lambda edge: (edge[0], edge[1], edge[2]))
    with_labels = len(edges) <= 80
    texts = []
    for source, target, _, attrs in edges:
        style = edge_style(attrs.get("relation"))
        (x1, y1), (x2, y2) = positions[source], positions[target]
        rad = -edge_bend(positions, source, target)
        axes.annotate("", xy=(x2, y2), xytext=(x1, y1), zorder=2,
                      arrowprops=dict(arrowstyle="-|>", color=style.color, lw=style.width * 0.8,
                                      linestyle="--" if style.dashed else "-", shrinkA=9, shrinkB=9,
                                      mutation_scale=9, connectionstyle=f"arc3,rad={rad}"))
        if with_labels:
            # a point of the arc 45 % of the way from the source, away from the target's own label
            t = 0.45
            control_x = (x1 + x2) / 2 - rad * (y2 - y1)
            control_y = (y1 + y2) / 2 + rad * (x2 - x1)
            label_x = (1 - t) ** 2 * x1 + 2 * (1 - t) * t * control_x + t * t * x2
            label_y = (1 - t) ** 2 * y1 + 2 * (1 - t) * t * control_y + t * t * y2
            texts.append(axes.text(label_x, label_y, edge_label(attrs), fontsize=font - 1, color=style.color,
                                   ha="center", va="center", zorder=3,
                                   bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.85)))
    return texts


def _draw_nodes(axes: Any, view: nx.MultiDiGraph, positions: dict[str, Position], root: Optional[str],
                font: float) -> list:
    """The markers, and the labels (returned in order of importance: the root, then the most cited, top-down)."""
    by_look: dict[tuple[str, bool], list[str]] = defaultdict(list)
    for node in sorted(view.nodes):
        attrs = view.nodes[node]
        by_look[(KIND_SHAPES[node_kind(attrs)], bool(attrs.get("stub")))].append(node)
    for (shape, stub), members in sorted(by_look.items()):
        colors = [LEVEL_COLORS[band_of(view.nodes[member])] for member in members]
        axes.scatter([positions[member][0] for member in members], [positions[member][1] for member in members],
                     s=[(node_size(view.nodes[member]) * 1.25) ** 2 / 4 for member in members],
                     marker=MPL_MARKERS[shape], c=[STUB_FILL if stub else color for color in colors],
                     edgecolors=colors, linewidths=[2.4 if member == root else 1.3 for member in members],
                     linestyles="--" if stub else "-", zorder=4)
    ranked = sorted(view.nodes, key=lambda node: (node != root, -(view.nodes[node].get("cited_by_count") or 0),
                                                  positions[node][1], positions[node][0], node))
    return [axes.text(positions[node][0], positions[node][1] + 0.2, wrap_label(node_label(view.nodes[node], node)),
                      fontsize=font + (1 if node == root else 0), fontweight="bold" if node == root else "normal",
                      ha="center", va="top", zorder=5, color="#1f2328", linespacing=1.1,
                      bbox=dict(boxstyle="round,pad=0.1", fc="white", ec="none", alpha=0.75))
            for node in ranked]


def _legend_handles(view: nx.MultiDiGraph) -> list:
    from matplotlib.lines import Line2D
    handles = [Line2D([], [], marker="o", linestyle="", markersize=8, markerfacecolor=LEVEL_COLORS[level],
                      markeredgecolor=LEVEL_COLORS[level], label=level_label(level)) for level in LEVELS]
    for kind, marker, fill in (("party", "o", NEUTRAL), ("state", "s", NEUTRAL), ("news", "D", LEVEL_COLORS["news"]),
                               ("stub", "o", STUB_FILL)):
        handles.append(Line2D([], [], marker=marker, linestyle="", markersize=8, markerfacecolor=fill,
                              markeredgecolor=NEUTRAL, label=kind_label(kind)))
    if any(view.nodes[node].get("kind") == "group" for node in view.nodes):
        handles.append(Line2D([], [], marker="h", linestyle="", markersize=9, markerfacecolor=NEUTRAL,
                              markeredgecolor=NEUTRAL, label=kind_label("group")))
    for relation in relations_in(view):
        style = edge_style(relation)
        handles.append(Line2D([], [], color=style.color, lw=style.width, linestyle="--" if style.dashed else "-",
                              label=relation_label(relation)))
    return handles
