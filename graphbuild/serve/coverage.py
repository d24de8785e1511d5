"""The coverage page of one document: the rows of ``queries/coverage`` (every unit of a level, implemented or not
seen) for the level, era and unit the user chose, each with the lag in days from the document to the unit's first
implementing document, and the map of ``views.coverage_map`` when it is installed.

Defaults follow the briefing (``views.brief.coverage``): the era in force on the document's date, the level below
the document's own, within the document's own unit when it is a province or district.
"""
from __future__ import annotations

from typing import Any, Mapping, Optional

from markupsafe import Markup

from ..dates import days_between
from ..query.params import ERAS
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


def coverage_map(rows: list[dict], level: str, era: str, within: Optional[str], title: str) -> Optional[Markup]:
    """The map (an escaped SVG from ``views.coverage_map``), or None while that module is not installed."""
    try:
        from ..views.coverage_map import coverage_map_svg  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return Markup(coverage_map_svg(rows, level=level, era=era, within=within, title=title))


def coverage_page(explorer: Explorer, doc_id: str, params: Mapping[str, str]) -> tuple[dict[str, Any], list[dict]]:
    """(template context, rows) of /coverage/ID for the query parameters ``level``, ``era`` and ``within``."""
    record = explorer.document(doc_id) or {}
    chosen = default_choice(record)
    for key in ("level", "era", "within"):
        if key in params:
            chosen[key] = params[key].strip() or None
    era = chosen["era"] or "legacy"
    rows = explorer.query("coverage", doc_id, level=chosen["level"], era=era, within=chosen["within"])
    rows = [row | {"lag_days": days_between(row.get("first_date"), record.get("date"))} for row in rows]
    within_label = within_id = None
    if chosen["within"]:              # the query accepted it: it names one unit of the era
        within_id = gazetteer.place(chosen["within"], era=era)[0].id
        within_label = gazetteer.label(within_id)
    implemented = [row for row in rows if row["status"] == "implemented"]
    lags = sorted(row["lag_days"] for row in implemented if row["lag_days"] is not None)
    name = record.get("symbol") or record.get("title") or doc_id
    title = f"{name}: {len(implemented)}/{len(rows)} đơn vị cấp {chosen['level']}" + \
        (f" trong {within_label}" if within_label else "")
    context = {"doc": record, "rows": rows, "chosen": chosen, "era": era, "within_label": within_label,
               "implemented": len(implemented), "eras": ERAS,
               "levels": [level for level in LOCAL_LEVELS if not (era == "2025" and level == "district")],
               "median_lag": lags[len(lags) // 2] if lags else None,
               "map": coverage_map(rows, chosen["level"] or "district", era, within_id, title)}
    return context, rows
