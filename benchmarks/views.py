"""Benchmark the views of big graphs and the coverage map.

    python benchmarks/views.py [--size 600] [--runs 5]

Prints one table (median and max of ``--runs`` runs, in a warm process; the first call of the coverage map, which
loads the geometry file, the gazetteer and the template, separately):
- the generated cascade (graphbuild.views.synthetic, ``--size`` documents): ``collapse`` + ``layered_layout`` (for the
  page: PAGE_BUDGET, and the image: IMAGE_BUDGET), ``write_html`` (the page, with the expansion data and search
  index), ``write_image`` PNG and SVG;
- ``coverage_map_svg`` for every level of both eras, whole country (every unit, 40 % implemented with lags), and
  Hải Phòng's districts (``within``); ``coverage_map_image`` PNG for the 63 provinces.
Numbers only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graphbuild.views.coverage_map import coverage_map_image, coverage_map_svg  # noqa: E402
from graphbuild.views.html import write_html  # noqa: E402
from graphbuild.views.image import IMAGE_BUDGET, write_image  # noqa: E402
from graphbuild.views.layout import layered_layout  # noqa: E402
from graphbuild.views.select import PAGE_BUDGET, collapse  # noqa: E402
from graphbuild.views.synthetic import generated_cascade  # noqa: E402
from graphbuild.vocab import gazetteer  # noqa: E402


def timed(run, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


def coverage_rows(era: str, level: str, within: str | None = None) -> list[dict]:
    rng = random.Random(1)
    rows = []
    for unit in gazetteer.units().values():
        if unit.era != era or unit.level != level or (within and unit.province_id != within):
            continue
        done = rng.random() < 0.4
        rows.append({"unit": unit.name, "unit_id": unit.id, "status": "implemented" if done else "not seen",
                     "documents": ["x"] if done else [], "first_date": "2023-01-01" if done else None,
                     "lag_days": rng.randint(5, 400) if done else None})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="graphbuild-views-"))
    rows: list[tuple[str, str, float, float]] = []
    first_rows = coverage_rows("legacy", "province")
    start = time.perf_counter()
    coverage_map_svg(first_rows, level="province", era="legacy")
    rows.append(("coverage map, first call (loads)", "legacy province, 63", (time.perf_counter() - start) * 1000,
                 float("nan")))
    for era, level, within in (("legacy", "province", None), ("legacy", "district", None),
                               ("legacy", "commune", None), ("2025", "province", None), ("2025", "commune", None),
                               ("legacy", "district", "L:P:31"), ("legacy", "commune", "L:P:31")):
        units = coverage_rows(era, level, within)
        median, worst = timed(lambda: coverage_map_svg(units, level=level, era=era, within=within), args.runs)
        size = len(coverage_map_svg(units, level=level, era=era, within=within)) // 1024
        where = f" within {within}" if within else ""
        rows.append(("coverage_map_svg", f"{era} {level}{where}: {len(units)} units, {size} KiB", median, worst))
    median, worst = timed(lambda: coverage_map_image(first_rows, out / "map.png", level="province", era="legacy"),
                          args.runs)
    rows.append(("coverage_map_image PNG", "legacy province, 63", median, worst))
    view = generated_cascade(args.size)
    for budget, name in ((PAGE_BUDGET, "page"), (IMAGE_BUDGET, "image")):
        shown = collapse(view, budget)
        median, worst = timed(lambda: layered_layout(collapse(view, budget)), args.runs)
        rows.append((f"collapse + layout ({name})", f"{args.size} docs -> {shown.number_of_nodes()} nodes", median,
                     worst))
    median, worst = timed(lambda: write_html(view, out / "cascade.html"), args.runs)
    size = (out / "cascade.html").stat().st_size // 1024
    rows.append(("write_html", f"{args.size} docs, {size} KiB", median, worst))
    for suffix in ("png", "svg"):
        median, worst = timed(lambda: write_image(view, out / f"cascade.{suffix}"), args.runs)
        rows.append((f"write_image {suffix.upper()}", f"{args.size} docs", median, worst))
    print(f"python {platform.python_version()}, {platform.machine()}, runs={args.runs}")
    print("| step | what | median ms | max ms |")
    print("|---|---|---|---|")
    for step, what, median, worst in rows:
        print(f"| {step} | {what} | {median:.0f} | {'-' if worst != worst else f'{worst:.0f}'} |")


if __name__ == "__main__":
    main()
