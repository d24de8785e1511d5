"""The coverage map (graphbuild.views.coverage_map): units, status, escaping, both eras, `within`, the PNG."""
import xml.etree.ElementTree as ET

import pytest

from graphbuild.query import run_query
from graphbuild.stores import EmbeddedStore
from graphbuild.views.coverage_map import (
    IMPLEMENTED,
    LAG_BINS,
    LAG_OVER,
    NOT_SEEN,
    coverage_map_image,
    coverage_map_svg,
    geometry,
)
from graphbuild.views.labels import text
from graphbuild.vocab import gazetteer

SVG = "{http://www.w3.org/2000/svg}"


def units_of(svg: str) -> dict:
    """{unit id: its <path>} of a map, parsed as XML (so the SVG must be well-formed)."""
    root = ET.fromstring(svg)
    return {path.get("data-unit-id"): path for path in root.iter(f"{SVG}path") if path.get("data-unit-id")}


def view_box(svg: str) -> list[float]:
    inner = [e for e in ET.fromstring(svg).iter(f"{SVG}svg") if e.get("viewBox")][1]
    return [float(v) for v in inner.get("viewBox").split()]


def all_units(era: str, level: str, status: str = "not seen") -> list[dict]:
    return [{"unit": u.name, "unit_id": u.id, "status": status, "documents": [], "first_date": None}
            for u in gazetteer.units().values() if u.era == era and u.level == level]


@pytest.fixture(scope="module")
def hai_phong_districts(seed_build):
    with EmbeddedStore(seed_build.out_dir) as store:
        return run_query(store, "coverage", doc="44-KL/TW", params={"level": "district", "within": "Hải Phòng"})


def test_kien_an_is_implemented_on_the_seed_graph(hai_phong_districts):
    svg = coverage_map_svg(hai_phong_districts, level="district", era="legacy", within="Hải Phòng",
                           title="Kết luận 44 — Hải Phòng")
    paths = units_of(svg)
    assert set(paths) == {row["unit_id"] for row in hai_phong_districts} and len(paths) == 15
    kien_an = paths["L:D:307"]
    assert kien_an.get("data-status") == "implemented" and kien_an.get("fill") == IMPLEMENTED
    assert kien_an.find(f"{SVG}title").text.startswith("Kiến An: " + text("map_implemented"))
    others = [p for uid, p in paths.items() if uid != "L:D:307"]
    assert {p.get("data-status") for p in others} == {"not seen"} and {p.get("fill") for p in others} == {NOT_SEEN}
    assert text("map_approximate") in svg and "1/15" in svg


def test_names_are_escaped():
    rows = [{"unit": '<script>alert("x")</script> & "Kiến An"', "unit_id": "L:D:307", "status": "implemented",
             "documents": ["<b>1416-CV/QU</b>"], "first_date": "2023-03-06"}]
    svg = coverage_map_svg(rows, level="district", era="legacy", title="<img src=x onerror=alert(1)>")
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    title = units_of(svg)["L:D:307"].find(f"{SVG}title").text
    assert title.startswith('<script>alert("x")</script> & "Kiến An": ')


@pytest.mark.parametrize("era, provinces", [("legacy", 63), ("2025", 34)])
def test_both_eras_draw_every_province(era, provinces):
    rows = all_units(era, "province")
    rows[0]["status"] = "implemented"
    paths = units_of(coverage_map_svg(rows, level="province", era=era))
    assert len(paths) == provinces == len(rows)
    assert sum(p.get("data-status") == "implemented" for p in paths.values()) == 1
    assert text(f"map_era_{era}") in coverage_map_svg(rows, level="province", era=era)


@pytest.mark.parametrize("era, level", [("legacy", "province"), ("legacy", "district"), ("legacy", "commune"),
                                        ("2025", "province"), ("2025", "commune")])
def test_every_unit_of_the_gazetteer_has_a_shape(era, level):
    shapes = geometry()[era][level]
    missing = [row["unit_id"] for row in all_units(era, level) if not shapes.get(row["unit_id"], [""])[0]]
    assert missing == []


def test_within_zooms_to_the_unit():
    rows = all_units("legacy", "commune")
    country = view_box(coverage_map_svg(rows, level="commune", era="legacy"))
    kien_an_rows = [r for r in rows if gazetteer.unit(r["unit_id"]).parent == "L:D:307"]
    by_name = coverage_map_svg(kien_an_rows, level="commune", era="legacy", within="Quận Kiến An")
    by_id = coverage_map_svg(kien_an_rows, level="commune", era="legacy", within="L:D:307")
    assert by_name == by_id
    zoomed = view_box(by_id)
    assert zoomed[2] < country[2] / 50 and zoomed[3] < country[3] / 50
    x0, y0, x1, y1 = geometry()["legacy"]["district"]["L:D:307"][1]
    assert zoomed[0] <= x0 and zoomed[1] <= y0 and zoomed[0] + zoomed[2] >= x1 and zoomed[1] + zoomed[3] >= y1
    assert len(units_of(by_id)) == len(kien_an_rows) >= 5


def test_without_within_the_map_fits_the_rows():
    rows = [r for r in all_units("2025", "commune") if gazetteer.unit(r["unit_id"]).parent == "N:P:31"]
    fitted = view_box(coverage_map_svg(rows, level="commune", era="2025"))
    country = view_box(coverage_map_svg(all_units("2025", "commune"), level="commune", era="2025"))
    assert fitted[2] < country[2] / 5


def test_lag_shades_implemented_units():
    rows = all_units("legacy", "province")[:4]
    for row, lag in zip(rows, (10, 400, None)):
        row.update(status="implemented", lag_days=lag)
    paths = units_of(coverage_map_svg(rows, level="province", era="legacy"))
    fills = [paths[row["unit_id"]].get("fill") for row in rows]
    assert fills[0] == LAG_BINS[0][1] and fills[1] == LAG_OVER and fills[2] not in (fills[0], fills[1], NOT_SEEN)
    assert fills[3] == NOT_SEEN
    assert paths[rows[0]["unit_id"]].get("data-lag-days") == "10"


def test_units_without_a_shape_are_named_not_dropped_silently():
    rows = all_units("legacy", "province")[:2] + [{"unit": "Tỉnh Không Có", "unit_id": "L:P:999",
                                                   "status": "not seen", "documents": [], "first_date": None}]
    svg = coverage_map_svg(rows, level="province", era="legacy")
    assert len(units_of(svg)) == 2
    assert text("map_unplaced", count=1, names="Tỉnh Không Có") in svg


@pytest.mark.parametrize("kwargs, message", [
    ({"level": "district", "era": "2025"}, "no districts"),
    ({"level": "province", "era": "1990"}, "era must be"),
    ({"level": "ward", "era": "legacy"}, "level must be"),
    ({"level": "district", "era": "legacy", "within": "Không Có Nơi Này"}, "within"),
])
def test_bad_arguments_are_clear_errors(kwargs, message):
    with pytest.raises(ValueError, match=message):
        coverage_map_svg([], **kwargs)


def test_a_status_that_is_not_known_is_an_error():
    with pytest.raises(ValueError, match="Kiến An.*status"):
        coverage_map_svg([{"unit": "Kiến An", "unit_id": "L:D:307", "status": "maybe"}], level="district",
                         era="legacy")


def test_png_shows_both_colours(hai_phong_districts, tmp_path):
    from PIL import Image
    path = coverage_map_image(hai_phong_districts, tmp_path / "map.png", level="district", era="legacy",
                              within="Hải Phòng", title="Kết luận 44")
    image = Image.open(path).convert("RGB")
    colours = {colour for _, colour in image.getcolors(maxcolors=1 << 20)}

    def rgb(hex_colour):
        return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    assert rgb(IMPLEMENTED) in colours and rgb(NOT_SEEN) in colours
    assert coverage_map_image(hai_phong_districts, tmp_path / "map.svg", level="district", era="legacy").read_text(
        encoding="utf-8").startswith("<svg")
