"""The coverage page of one document: the rows of ``queries/coverage`` (every unit of a level, implemented or not
seen) for the level, era and unit the user chose, each with the lag in days from the document to the unit's first
implementing document, and the map of ``views.coverage_map`` (inline SVG; as a file, SVG or PNG, at /map/ID).

Defaults follow the briefing (``views.brief.coverage``): the era in force on the document's date, the level below
the document's own, within the document's own unit when it is a province or district.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

from markupsafe import Markup

from ..query.params import ERAS
from ..views.brief import with_lag
from ..views.coverage_map import coverage_map_image, coverage_map_svg
from ..views.labels import level_label
from ..vocab import gazetteer
from .explorer import Explorer

LOCAL_LEVELS = ("province", "district", "commune")


def default_choice(record: Mapping[str, Any]) -> dict[str, Optional[str]]:
    """The era, level and unit a document's coverage is first shown for."""
    era = gazetteer.era_for(record.get("date"))
    unit = gazetteer.unit(record.get("locality_id")) if record.get("level") in LOCAL_LEVELS[:2] else None
    if unit is not None and unit.era != era:
        unit = None
    levels = [level for level in LOCAL_LEVELS if not (era == "2025" and level == "district")]
    below = [level for level in levels if unit is None or gazetteer.LEVEL_RANK[level] > gazetteer.LEVEL_RANK[unit.level]]
    return {"era": era, "level": (below or levels)[0], "within": unit.id if unit else None}


def coverage_rows(explorer: Explorer, doc_id: str, params: Mapping[str, str]) -> dict[str, Any]:
    """The coverage of ``doc_id`` for the query parameters ``level``, ``era`` and ``within`` (defaults:
    ``default_choice``): the rows with their lag, what was chosen, and the map's title."""
    record = explorer.document(doc_id) or {}
    chosen = default_choice(record)
    for key in ("level", "era"):
        if (params.get(key) or "").strip():
            chosen[key] = params[key].strip()
    if "within" in params:                       # empty: the whole country
        chosen["within"] = params["within"].strip() or None
    era = chosen["era"] or "legacy"
    rows = explorer.query("coverage", doc_id, level=chosen["level"], era=era, within=chosen["within"])
    rows = with_lag(rows, record.get("date"))
    within_label = within_id = None
    if chosen["within"]:              # the query accepted it: it names one unit of the era
        within_id = gazetteer.place(chosen["within"], era=era)[0].id
        within_label = gazetteer.label(within_id)
    implemented = [row for row in rows if row["status"] == "implemented"]
    lags = sorted(row["lag_days"] for row in implemented if row["lag_days"] is not None)
    name = record.get("symbol") or record.get("title") or doc_id
    title = f"{name}: {len(implemented)}/{len(rows)} {level_label(chosen['level']).lower()}" + \
        (f" trong {within_label}" if within_label else "")
    return {"doc": record, "rows": rows, "chosen": chosen, "era": era, "within_id": within_id,
            "within_label": within_label, "implemented": len(implemented), "eras": ERAS,
            "levels": [level for level in LOCAL_LEVELS if not (era == "2025" and level == "district")],
            "median_lag": lags[len(lags) // 2] if lags else None, "title": title}


def coverage_page(explorer: Explorer, doc_id: str, params: Mapping[str, str]) -> tuple[dict[str, Any], list[dict]]:
    """(template context, rows) of /coverage/ID: the table's rows and the map as inline SVG (escaped by
    ``coverage_map_svg``)."""
    context = coverage_rows(explorer, doc_id, params)
    context["map"] = Markup(coverage_map_svg(context["rows"], level=context["chosen"]["level"], era=context["era"],
                                             within=context["within_id"], title=context["title"]))
    return context, context["rows"]


def coverage_map_file(explorer: Explorer, doc_id: str, params: Mapping[str, str], path: Path) -> Path:
    """The same map written to ``path`` (.svg or .png, ``views.coverage_map.coverage_map_image``)."""
    context = coverage_rows(explorer, doc_id, params)
    return coverage_map_image(context["rows"], path, level=context["chosen"]["level"], era=context["era"],
                              within=context["within_id"], title=context["title"])
