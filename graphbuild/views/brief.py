"""A briefing page for one document: who implemented it, where, and how fast.

    write_brief(graph, doc_id, out_dir)  ->  out_dir/brief-44-KL-TW.html  (+ .png and .svg next to it)

One self-contained HTML page (offline, every document text escaped) with: the cascade view (the implementation tree
below the document, levels top-down), a table of the documents in it (symbol, type, issuer, locality, level, date,
lag in days from the document each one implements and from the root), coverage numbers (how many provinces and
districts are seen implementing it, by level, and which provinces are not), a timeline chart as inline SVG, and the
static image of the view saved next to the page for slides.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date as Date
from pathlib import Path
from typing import Optional

import networkx as nx

from . import viz
from .viz import LEVELS, esc, level_label, relation_label, vn_date

BRIEF_CSS = """
main.gb-brief{max-width:1280px;margin:0 auto;padding:8px 18px 40px}
main.gb-brief h2{font-size:17px;margin:22px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.gb-facts{display:flex;flex-wrap:wrap;gap:10px;margin:8px 0}
.gb-fact{border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;min-width:150px;background:#fbfcfd}
.gb-fact b{display:block;font-size:22px}
.gb-fact span{color:#57606a;font-size:12px}
table.gb-table{border-collapse:collapse;width:100%;font-size:13px}
table.gb-table th,table.gb-table td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}
table.gb-table th{background:#f1f4f8}
table.gb-table td.num{text-align:right;white-space:nowrap}
table.gb-table tr.gb-root td{background:#fff8e1;font-weight:600}
.gb-small{color:#57606a;font-size:12px}
details{margin:8px 0}
"""


def _slug(s: str) -> str:
    from ..vocab import strip_accents
    return re.sub(r"[^A-Za-z0-9]+", "-", strip_accents(s or "")).strip("-") or "document"


def _province(a: dict) -> Optional[str]:
    if a.get("province"):
        return a["province"]
    loc = a.get("locality")
    return loc.split(",")[-1].strip() if loc else None


def _days(later: Optional[str], earlier: Optional[str]) -> Optional[int]:
    try:
        return (Date.fromisoformat(later) - Date.fromisoformat(earlier)).days
    except (TypeError, ValueError):
        return None


def document_rows(G: nx.MultiDiGraph, root: str) -> list:
    """One row per document of the cascade, the root first, then by level (top-down), date and symbol."""
    rdate = G.nodes[root].get("date")
    hops = nx.single_target_shortest_path_length(G, root) if root in G else {}
    hops = dict(hops)
    rows = []
    for n, a in G.nodes(data=True):
        parents = []
        for _, v, k, e in sorted(G.out_edges(n, keys=True, data=True), key=lambda x: (x[1], x[2])):
            pa = G.nodes[v]
            parents.append({"id": v, "symbol": pa.get("symbol") or viz.node_label(pa, v).split("\n")[0],
                            "relation": e.get("relation"), "lag_days": e.get("lag_days")})
        lags = [p["lag_days"] for p in parents if p["lag_days"] is not None]
        rows.append({
            "id": n, "root": n == root, "symbol": a.get("symbol"), "type": a.get("type_name") or a.get("type"),
            "title": a.get("title"), "issuer": a.get("issuer"), "locality": a.get("locality"),
            "province": _province(a), "level": a.get("level"), "date": a.get("date"), "stub": bool(a.get("stub")),
            "parents": parents, "lag_days": min(lags) if lags else None,
            "lag_root": _days(a.get("date"), rdate) if n != root else None, "depth": hops.get(n),
        })
    rank = {lvl: i for i, lvl in enumerate(LEVELS)}
    rows.sort(key=lambda r: (not r["root"], rank.get(r["level"], 9), r["date"] or "9999", r["symbol"] or "",
                             r["id"]))
    return rows


def coverage(rows: list, root_date: Optional[str] = None) -> dict:
    """Implementers by level; provinces and districts seen implementing (directly or through others)."""
    impl = [r for r in rows if not r["root"]]
    by_level = Counter(r["level"] or "unknown" for r in impl)
    provinces = sorted({r["province"] for r in impl if r["province"] and r["level"] in ("province", "district",
                                                                                          "commune")})
    districts = sorted({r["locality"] for r in impl if r["level"] == "district" and r["locality"]})
    communes = sorted({r["locality"] for r in impl if r["level"] == "commune" and r["locality"]})
    out = {"implementers": len(impl), "by_level": dict(by_level), "provinces": provinces, "districts": districts,
           "communes": communes, "unknown_locality": sum(1 for r in impl if r["level"] in ("province", "district",
                                                                                           "commune")
                                                         and not r["locality"]),
           "province_total": None, "provinces_not_seen": []}
    try:
        from ..vocab import gazetteer
        from ..vocab import fold, strip_accents
        era = gazetteer.era_for(root_date)
        units = gazetteer.provinces(era)
        seen = {strip_accents(fold(p)) for p in provinces}
        out["province_total"] = len(units)
        out["provinces_not_seen"] = [u.short for u in units
                                     if strip_accents(fold(u.short)) not in seen and strip_accents(fold(u.name))
                                     not in seen]
    except Exception:  # noqa: BLE001 - the gazetteer is an optional refinement of the page
        pass
    lags = defaultdict(list)
    for r in impl:
        if r["lag_days"] is not None:
            lags[r["level"] or "unknown"].append(r["lag_days"])
    out["lag_by_level"] = {k: {"count": len(v), "min": min(v), "median": sorted(v)[len(v) // 2], "max": max(v)}
                           for k, v in lags.items()}
    return out


def timeline_svg(rows: list, width: int = 1000) -> str:
    """Documents on a time axis, one lane per level (inline SVG; every text escaped)."""
    dated = [r for r in rows if r["date"] and re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["date"])]
    if not dated:
        return '<p class="gb-small">Không có văn bản nào có ngày ban hành để vẽ diễn biến.</p>'
    days = [Date.fromisoformat(r["date"]).toordinal() for r in dated]
    lo, hi = min(days), max(days)
    if hi - lo < 30:
        lo, hi = lo - 15, hi + 15
    pad = (hi - lo) * 0.04
    lo, hi = lo - pad, hi + pad
    lanes = [lvl for lvl in LEVELS + ("unknown",) if any((r["level"] or "unknown") == lvl for r in dated)]
    left, right, top, lane_h = 130, 110, 28, 64
    height = top + lane_h * len(lanes) + 40

    def X(o: float) -> float:
        return round(left + (o - lo) / (hi - lo) * (width - left - right), 1)

    parts = [f'<svg role="img" aria-label="Diễn biến theo thời gian" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
             f'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">']
    for i, lvl in enumerate(lanes):
        y0 = top + i * lane_h
        parts.append(f'<rect x="{left}" y="{y0}" width="{width - left - right}" height="{lane_h}" '
                     f'fill="{"#f1f4f8" if i % 2 == 0 else "#ffffff"}"/>')
        parts.append(f'<text x="{left - 8}" y="{y0 + lane_h / 2 + 4}" text-anchor="end" font-weight="bold" '
                     f'fill="{viz.LEVEL_COLORS[lvl]}">{esc(level_label(lvl))}</text>')
    # ticks: years, or months when the span is short
    d_lo, d_hi = Date.fromordinal(int(lo)), Date.fromordinal(int(hi))
    span_years = d_hi.year - d_lo.year
    ticks = []
    if span_years >= 2:
        step = max(1, span_years // 10)
        for y in range(d_lo.year + 1, d_hi.year + 1, step):
            ticks.append((Date(y, 1, 1), str(y)))
    else:
        y, m = d_lo.year, d_lo.month
        while True:
            m += 1
            if m > 12:
                y, m = y + 1, 1
            d = Date(y, m, 1)
            if d.toordinal() > hi:
                break
            ticks.append((d, f"{m:02d}/{y}"))
        if len(ticks) > 12:
            ticks = ticks[::(len(ticks) + 11) // 12]
    axis_y = top + lane_h * len(lanes)
    parts.append(f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#57606a"/>')
    for d, label in ticks:
        x = X(d.toordinal())
        parts.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{axis_y + 4}" stroke="#d0d7de"/>')
        parts.append(f'<text x="{x}" y="{axis_y + 16}" text-anchor="middle" fill="#57606a">{esc(label)}</text>')
    root = next((r for r in dated if r["root"]), None)
    if root:
        x = X(Date.fromisoformat(root["date"]).toordinal())
        parts.append(f'<line x1="{x}" y1="{top - 6}" x2="{x}" y2="{axis_y}" stroke="#c62828" stroke-dasharray="4,3"/>')
        parts.append(f'<text x="{x + 4}" y="{top - 10}" fill="#c62828">{esc(root["symbol"] or "")} '
                     f'{esc(vn_date(root["date"]))}</text>')
    ends: dict = defaultdict(lambda: [-1e9] * 4)      # per lane, per slot: where the last label ends
    for r, o in sorted(zip(dated, days), key=lambda t: (t[1], t[0]["id"])):
        lvl = r["level"] or "unknown"
        i = lanes.index(lvl)
        x = X(o)
        text = r["symbol"] or _short_title(r)[:18]
        slots = ends[lvl]
        slot = next((k for k in range(4) if slots[k] < x), None)
        labelled = slot is not None
        if slot is None:
            slot = min(range(4), key=lambda k: slots[k])
        if labelled:
            slots[slot] = x + 10 + 6.6 * len(text)
        y = top + i * lane_h + 12 + slot * 13
        fill = "#ffffff" if r["stub"] else viz.LEVEL_COLORS[lvl]
        tip = f'{text} · {vn_date(r["date"])}'
        if r["locality"]:
            tip += f' · {r["locality"]}'
        if r["lag_days"] is not None:
            tip += f' · {r["lag_days"]} ngày sau văn bản cấp trên'
        parts.append(f'<circle cx="{x}" cy="{y}" r="5" fill="{fill}" stroke="{viz.LEVEL_COLORS[lvl]}" '
                     f'stroke-width="1.6"><title>{esc(tip)}</title></circle>')
        if labelled:
            parts.append(f'<text x="{x + 7}" y="{y + 4}" fill="#1f2328">{esc(text)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(rows: list) -> str:
    head = ("Số hiệu", "Loại", "Cơ quan ban hành", "Địa phương", "Cấp", "Ngày ban hành", "Thực hiện văn bản",
            "Độ trễ so với văn bản cấp trên (ngày)", "Độ trễ so với văn bản gốc (ngày)")
    out = ['<table class="gb-table" id="gb-documents"><thead><tr>']
    out += [f"<th>{esc(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    for r in rows:
        parents = "; ".join(f'{p["symbol"]} ({relation_label(p["relation"])}'
                            + (f', {p["lag_days"]} ngày' if p["lag_days"] is not None else "") + ")"
                            for p in r["parents"])
        symbol = r["symbol"] or _short_title(r)
        if r["stub"]:
            symbol += " *"
        cells = (symbol, r["type"], r["issuer"], r["locality"], level_label(r["level"]) if r["level"] else "",
                 vn_date(r["date"]), parents)
        cls = ' class="gb-root"' if r["root"] else ""
        out.append(f'<tr{cls} data-id="{esc(r["id"])}">' + "".join(f"<td>{esc(c or '')}</td>" for c in cells))
        out.append(f'<td class="num">{"" if r["lag_days"] is None else r["lag_days"]}</td>')
        out.append(f'<td class="num">{"" if r["lag_root"] is None else r["lag_root"]}</td></tr>')
    out.append("</tbody></table>")
    out.append('<p class="gb-small">* chỉ được dẫn chiếu: văn bản chưa có trong kho, thông tin lấy từ câu dẫn '
               'chiếu. Độ trễ tính theo ngày ban hành.</p>')
    return "".join(out)


def _short_title(r: dict) -> str:
    t = re.sub(r"\s+", " ", r.get("title") or "").strip()
    return (t[:60] + "…") if len(t) > 60 else (t or r["id"])


def _coverage_html(cov: dict) -> str:
    facts = [(cov["implementers"], "văn bản thực hiện (trực tiếp hoặc qua văn bản khác)")]
    total = cov.get("province_total")
    facts.append((f'{len(cov["provinces"])}' + (f"/{total}" if total else ""), "tỉnh/thành phố có văn bản thực hiện"))
    facts.append((len(cov["districts"]), "huyện/quận có văn bản thực hiện"))
    if cov["communes"]:
        facts.append((len(cov["communes"]), "xã/phường có văn bản thực hiện"))
    if cov["unknown_locality"]:
        facts.append((cov["unknown_locality"], "văn bản địa phương chưa rõ địa phương"))
    out = ['<div class="gb-facts" id="gb-coverage">']
    out += [f'<div class="gb-fact"><b>{esc(v)}</b><span>{esc(t)}</span></div>' for v, t in facts]
    out.append("</div>")
    out.append('<table class="gb-table" id="gb-by-level"><thead><tr><th>Cấp</th><th>Số văn bản thực hiện</th>'
               '<th>Địa phương</th><th>Độ trễ so với văn bản cấp trên: nhanh nhất / trung vị / chậm nhất (ngày)'
               '</th></tr></thead><tbody>')
    for lvl in LEVELS + ("unknown",):
        n = cov["by_level"].get(lvl, 0)
        if not n and lvl == "unknown":
            continue
        places = {"province": cov["provinces"], "district": cov["districts"], "commune": cov["communes"]}.get(lvl)
        lag = cov["lag_by_level"].get(lvl)
        lag_s = f'{lag["min"]} / {lag["median"]} / {lag["max"]} ({lag["count"]} quan hệ)' if lag else ""
        out.append(f"<tr><td>{esc(level_label(lvl))}</td><td class=\"num\">{n}</td>"
                   f"<td>{esc(', '.join(places) if places else '')}</td><td>{esc(lag_s)}</td></tr>")
    out.append("</tbody></table>")
    if cov["provinces_not_seen"]:
        out.append(f'<details><summary>Chưa thấy văn bản thực hiện: {len(cov["provinces_not_seen"])} tỉnh/thành '
                   f'phố (trong dữ liệu hiện có)</summary><p>{esc(", ".join(cov["provinces_not_seen"]))}</p>'
                   '</details>')
    return "".join(out)


def write_brief(graph, doc_id: str, out_dir, title: Optional[str] = None,
                budget: Optional[int] = viz.DEFAULT_BUDGET) -> Path:
    """Write the briefing page for ``doc_id`` into ``out_dir`` (with the cascade image next to it); return the page."""
    if isinstance(graph, (str, Path)):
        from ..graph.files import load_graph
        graph = load_graph(graph)
    if doc_id not in graph.documents:
        doc_id = viz.find_doc(graph, doc_id)
    G = viz.select(graph, "cascade", doc_id)
    a = G.nodes[doc_id]
    name = a.get("symbol") or _short_title({"title": a.get("title"), "id": doc_id})
    title = title or f"Tình hình thực hiện {a.get('type_name') or ''} {name}".replace("  ", " ").strip()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    stem = "brief-" + _slug(name)
    png = viz.write_image(G, out_dir / f"{stem}.png", title)
    svg = viz.write_image(G, out_dir / f"{stem}.svg", title)
    rows = document_rows(G, doc_id)
    cov = coverage(rows, a.get("date"))
    H = viz.collapse(G, budget)
    about = " · ".join(x for x in (a.get("type_name"), a.get("issuer"), vn_date(a.get("date")),
                                   level_label(a.get("level")) if a.get("level") else None) if x)
    body = [f'<header class="gb-head"><h1>{esc(title)}</h1><div class="gb-sub">{esc(about)}</div>']
    if a.get("title"):
        body.append(f'<div class="gb-sub">{esc(a["title"])}</div>')
    body.append('</header><main class="gb-brief">')
    body.append("<h2>Tóm tắt</h2>" + _coverage_html(cov))
    body.append(f'<h2>Cây thực hiện</h2><p class="gb-small">{esc(viz.summary_line(H))}. Từ trên xuống: Trung ương → '
                'tỉnh/thành phố → huyện/quận → xã/phường. Nhấp vào một nút để xem đầy đủ thông tin; ảnh tĩnh: '
                f'<a href="{esc(png.name)}">{esc(png.name)}</a>, <a href="{esc(svg.name)}">{esc(svg.name)}</a>.</p>')
    body.append(f'<div class="gb-embed">{viz.network_block(H, doc_id)}</div>')
    body.append(f"<h2>Các văn bản ({len(rows)})</h2>" + _table(rows))
    body.append("<h2>Diễn biến theo thời gian</h2>" + timeline_svg(rows))
    body.append('<p class="gb-small">Tạo bởi graphbuild từ đồ thị dẫn chiếu; chỉ gồm các văn bản có trong dữ liệu '
                "đã xây dựng. Một địa phương “chưa thấy” có thể đã ban hành văn bản chưa được thu thập.</p></main>")
    path = out_dir / f"{stem}.html"
    path.write_text(viz.page(title, "\n".join(body), BRIEF_CSS), encoding="utf-8")
    return path
