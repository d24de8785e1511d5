"""Build graphbuild/views/data/map_geometry.json.gz: approximate shapes of every administrative unit of both eras, for
the offline coverage map (graphbuild/views/coverage_map.py).

    python scripts/make_map_geometry.py [--out graphbuild/views/data/map_geometry.json.gz]

What the data has, and what this does with it. ``vietnamadminunits`` (1.0.4) carries a centre (lat, lon) for every
province, district and commune of the legacy list (63 / 696 / 10,035) and of the 2025 list (34 / 3,321), and
bounding boxes for legacy units, but no boundary polygon and no country outline. So the shapes are approximate:
- seeds: every commune centre (a district without communes — the island districts Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa,
  Lý Sơn, Côn Đảo — is seeded by its own centre); centres the package gives twice are spread on a small circle;
- land: no outline in the data, so the land is the union of discs of ``LAND_RADIUS`` around the seeds, holes
  filled — it follows the country's shape and keeps islands apart, but its coast is a chain of arcs;
- cells: the Voronoi cell of each seed, clipped to the land; districts and provinces are the union of their cells;
- simplified as a coverage (shared edges stay shared), projected (equirectangular at 16°N, 1 unit = 0.001° of
  latitude, y downward) and written as SVG path data with integer relative coordinates.
Two island districts are geocoded onto the mainland by the package (legacy Hoàng Sa at Đà Nẵng's centre, legacy
Trường Sa at a point of Cam Ranh): they take the centre that the package gives the 2025 special zone succeeding them.

Computing this takes some 20 s (Voronoi of 10,000 points and the unions), far over a page's budget, hence the file.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import sqlite3
import sys
from collections import defaultdict
from pathlib import Path

import shapely
from shapely.geometry import MultiPoint, Point

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from graphbuild.vocab.gazetteer import _data_dir  # noqa: E402  (the package data, found as the gazetteer finds it)

LAT0 = 16.0                         # the projection's standard parallel: the middle of the country
SCALE = 1000                        # units per degree of latitude
LON_ORIGIN, LAT_ORIGIN = 102.0, 23.5
LAND_RADIUS = 110                   # units (0.11°, ~12 km): more than half the spacing of mountain commune centres
DUPLICATE_RADIUS = 2.5              # units: how far apart centres given twice are spread
SIMPLIFY = {"commune": 1.5, "district": 3.0, "province": 6.0}      # tolerance in units, per level
# Legacy island districts that the package geocodes onto the mainland -> the 2025 unit whose centre they take.
MISPLACED = {"Huyện Hoàng Sa": "Đặc khu Hoàng Sa", "Huyện Trường Sa": "Đặc khu Trường Sa"}


def project(lat: float, lon: float) -> tuple[float, float]:
    return (lon - LON_ORIGIN) * math.cos(math.radians(LAT0)) * SCALE, (LAT_ORIGIN - lat) * SCALE


def seeds(con: sqlite3.Connection, era: str) -> list[dict]:
    """One seed per commune (or per district without communes): its ids at every level and its projected centre."""
    fixed = {legacy: next(iter(con.execute("SELECT wardLat, wardLon FROM admin_units WHERE ward = ?", (new,))))
             for legacy, new in MISPLACED.items()}
    out = []
    if era == "legacy":
        rows = con.execute("SELECT provinceCode, district, districtCode, districtLat, districtLon, wardCode, wardLat, "
                           "wardLon FROM admin_units_legacy")
        for p, district, d, d_lat, d_lon, w, lat, lon in rows:
            if not w:
                lat, lon = d_lat, d_lon
            if district in fixed:
                lat, lon = fixed[district]
            out.append({"province": f"L:P:{p}", "district": f"L:D:{d}", "commune": f"L:W:{w}" if w else None,
                        "xy": project(lat, lon)})
    else:
        for p, w, lat, lon in con.execute("SELECT provinceCode, wardCode, wardLat, wardLon FROM admin_units"):
            out.append({"province": f"N:P:{p}", "commune": f"N:W:{w}", "xy": project(lat, lon)})
    by_point = defaultdict(list)
    for seed in out:
        by_point[seed["xy"]].append(seed)
    for (x, y), same in by_point.items():
        if len(same) > 1:
            for k, seed in enumerate(same):
                angle = 2 * math.pi * k / len(same)
                seed["xy"] = (x + DUPLICATE_RADIUS * math.cos(angle), y + DUPLICATE_RADIUS * math.sin(angle))
    return out


def land(points: list[tuple[float, float]]):
    discs = shapely.union_all([Point(p).buffer(LAND_RADIUS, 8) for p in points])
    parts = getattr(discs, "geoms", [discs])
    return shapely.union_all([shapely.Polygon(part.exterior) for part in parts])


def cells(seed_list: list[dict], outline) -> list:
    points = MultiPoint([s["xy"] for s in seed_list])
    voronoi = shapely.voronoi_polygons(points, extend_to=outline.envelope, ordered=True)
    return [cell.intersection(outline) for cell in voronoi.geoms]


def path_data(geometry) -> str:
    """SVG path data: integer coordinates, relative moves, one subpath per ring."""
    parts = []
    polygons = getattr(geometry, "geoms", [geometry])
    for polygon in polygons:
        if polygon.is_empty or polygon.geom_type != "Polygon":
            continue
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = [(round(x), round(y)) for x, y in ring.coords[:-1]]
            coords = [c for i, c in enumerate(coords) if i == 0 or c != coords[i - 1]]
            if len(coords) < 3:
                continue
            x0, y0 = coords[0]
            steps = [f"{x - px} {y - py}" for (px, py), (x, y) in zip(coords, coords[1:])]
            parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts)


def level_shapes(geometries: dict[str, object], level: str) -> dict[str, list]:
    ids = sorted(geometries)
    simplified = shapely.coverage_simplify([geometries[i] for i in ids], SIMPLIFY[level])
    out = {}
    for uid, geometry in zip(ids, simplified):
        geometry = shapely.make_valid(geometry)
        x0, y0, x1, y1 = geometry.bounds
        point = geometry.representative_point()
        out[uid] = [path_data(geometry), [round(x0), round(y0), round(x1), round(y1)], [round(point.x), round(point.y)]]
    return out


def era_geometry(con: sqlite3.Connection, era: str) -> dict:
    seed_list = seeds(con, era)
    outline = land([s["xy"] for s in seed_list])
    polygons = cells(seed_list, outline)
    levels = ("province", "district", "commune") if era == "legacy" else ("province", "commune")
    out: dict = {}
    for level in levels:
        groups = defaultdict(list)
        for seed, polygon in zip(seed_list, polygons):
            if seed.get(level):
                groups[seed[level]].append(polygon)
        merged = {uid: shapely.coverage_union_all(parts) if len(parts) > 1 else parts[0]
                  for uid, parts in groups.items()}
        out[level] = level_shapes(merged, level)
        print(f"{era} {level}: {len(out[level])} units", file=sys.stderr)
    x0, y0, x1, y1 = outline.bounds
    out["bounds"] = [round(x0), round(y0), round(x1), round(y1)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] /
                                             "graphbuild/views/data/map_geometry.json.gz"))
    args = parser.parse_args()
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    data = {"about": "approximate unit shapes: Voronoi cells of commune centres (vietnamadminunits), clipped to "
                     "discs around the centres; see scripts/make_map_geometry.py",
            "projection": {"lat0": LAT0, "scale": SCALE, "lon_origin": LON_ORIGIN, "lat_origin": LAT_ORIGIN},
            "legacy": era_geometry(con, "legacy"), "2025": era_geometry(con, "2025")}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
