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
