"""Static images (graphbuild.views.image): PNG and SVG, byte-stable."""
import pytest

from graphbuild.views.image import write_image
from graphbuild.views.select import select_view

from .helpers import doc_id, synthetic


def test_static_images(seeds, tmp_path):
    view = select_view(seeds, "cascade", doc_id(seeds, "43-CT/TW"))
    png = write_image(view, tmp_path / "c.png", "Cây thực hiện 43-CT/TW")
    svg = write_image(view, tmp_path / "c.svg", "Cây thực hiện 43-CT/TW")
    assert png.stat().st_size > 10_000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert svg.stat().st_size > 10_000 and b"<svg" in svg.read_bytes()[:2000]
    again = write_image(view, tmp_path / "d.svg", "Cây thực hiện 43-CT/TW")
    assert again.read_bytes() == svg.read_bytes()
    with pytest.raises(ValueError):
        write_image(view, tmp_path / "c.gif", "x")
    big = write_image(select_view(synthetic(10, 60), "cascade", "vn/tw/kl/2022/44"), tmp_path / "big.png")
    assert big.stat().st_size > 10_000


def visible_text_boxes(figure):
    """The canvas extents of every visible, non-empty text of a figure (labels, bands, title, legend)."""
    from matplotlib.text import Text
    figure.draw_without_rendering()
    renderer = figure.canvas.get_renderer()
    return [(text.get_text(), text.get_window_extent(renderer)) for text in figure.findobj(Text)
            if text.get_visible() and text.get_text().strip()]


def overlapping(boxes):
    return [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:] if box_a.overlaps(box_b)]


@pytest.mark.parametrize("which", ["seed cascade", "seed lineage", "600-node cascade"])
def test_no_text_overlaps_another(seeds, which):
    """Issue 17: "thực hiệnện" — two edge labels drawn over each other. Every text kept must stand alone."""
    from graphbuild.views.image import image_figure
    from graphbuild.views.synthetic import generated_cascade
    if which == "600-node cascade":
        view = generated_cascade(600)
    else:
        kind, = which.split()[1:]
        view = select_view(seeds, kind, doc_id(seeds, "1416-CV/QU" if kind == "lineage" else "44-KL/TW"))
    figure = image_figure(view)
    boxes = visible_text_boxes(figure)
    assert overlapping(boxes) == []
    labels = [name for name, _ in boxes]
    assert any("44-KL/TW" in name for name in labels)                 # the root keeps its label
    if which == "600-node cascade":
        assert len(boxes) > 100                                        # declutter hides some, not all


def test_declutter_hides_the_later_of_two_texts_in_one_place():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from graphbuild.views.image import declutter
    figure = Figure(figsize=(4, 3))
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    first, second = axes.text(0.5, 0.5, "thực hiện"), axes.text(0.52, 0.5, "thực hiện")
    apart = axes.text(0.1, 0.1, "x")
    assert declutter(figure, fixed=[], ranked=[[first], [second, apart]]) == 1
    assert first.get_visible() and not second.get_visible() and apart.get_visible()
