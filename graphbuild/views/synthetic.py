"""A generated cascade view for benchmarks and tests of big graphs: one central Kết luận implemented by plans of
provinces, districts and communes (real unit names from the gazetteer), each citing the document of the unit above
it, dated after it. ``generated_cascade(600)`` is the 600-node cascade of issue 17."""
from __future__ import annotations

import random
from datetime import date, timedelta

import networkx as nx

from ..vocab import gazetteer

ROOT = "vn/tw/kl/2022/44"


def generated_cascade(size: int = 600, seed: int = 17) -> nx.MultiDiGraph:
    """A cascade of ``size`` documents (the root included), about a tenth provinces, half districts, the rest
    communes, in the shape ``select_view(graph, "cascade", root)`` gives."""
    rng = random.Random(seed)
    view = nx.MultiDiGraph(view="cascade", root=ROOT, relations=["IMPLEMENTS", "CONTINUES"])
    start = date(2022, 11, 14)
    view.add_node(ROOT, kind="document", level="central", symbol="44-KL/TW", type="KL", type_name="Kết luận",
                  issuer="Ban Bí thư", date=start.isoformat(), stub=False, system="party", cited_by_count=0,
                  title="về tiếp tục thực hiện Chỉ thị số 43-CT/TW")
    provinces = gazetteer.provinces("legacy")
    units = gazetteer.units()
    districts_of: dict[str, list] = {}
    communes_of: dict[str, list] = {}
    for unit in units.values():
        if unit.era == "legacy" and unit.level == "district":
            districts_of.setdefault(unit.parent, []).append(unit)
        elif unit.era == "legacy" and unit.level == "commune":
            communes_of.setdefault(unit.parent, []).append(unit)
    budget = size - 1
    n_provinces = min(len(provinces), max(1, budget // 10))
    n_districts = (budget - n_provinces) // 2
    n_communes = budget - n_provinces - n_districts
    made: dict[str, list[tuple[str, object, date]]] = {"province": [], "district": []}
    number = 100

    def add(unit, level: str, parent: str, parent_date: date, code: str) -> tuple[str, date]:
        nonlocal number
        number += 1
        day = parent_date + timedelta(days=rng.randint(5, 120))
        node = f"vn/synthetic/{unit.id}/{number}"
        province = units[unit.province_id].short
        view.add_node(node, kind="document", level=level, symbol=f"{number}-KH/{code}", type="KH",
                      type_name="Kế hoạch", issuer=f"Ban Thường vụ {unit.name}", date=day.isoformat(), stub=False,
                      system="party", locality=gazetteer.label(unit.id), locality_id=unit.id, province=province,
                      cited_by_count=0, title="thực hiện Kết luận số 44-KL/TW")
        view.add_edge(node, parent, relation="IMPLEMENTS", lag_days=(day - parent_date).days, confidence=0.9,
                      evidence=[], mode="enacted")
        return node, day

    for unit in rng.sample(provinces, n_provinces):
        node, day = add(unit, "province", ROOT, start, "TU")
        made["province"].append((node, unit, day))
    for k in range(n_districts):
        parent, province, parent_date = made["province"][k % len(made["province"])]
        choices = districts_of.get(province.id) or []
        unit = choices[(k // len(made["province"])) % len(choices)]
        node, day = add(unit, "district", parent, parent_date, "HU")
        made["district"].append((node, unit, day))
    for _ in range(n_communes):
        parent, district, parent_date = made["district"][rng.randrange(len(made["district"]))]
        choices = communes_of.get(district.id) or [district]
        node, _ = add(rng.choice(choices), "commune", parent, parent_date, "ĐU")
    return view
