"""The pages of ``graphbuild serve``, each a handler (request, explorer) -> ``Page`` over the Python API, at a
stable URL (a document's pages carry its id in the path; every choice on a page is a query parameter):

    /                       search (``search_documents``): symbol, title, issuer, locality, with or without accents;
    /search?q=…             facets by type, level, year, relation
    /doc/ID                 the record, the text with every citation marked and linked, citations in and out
    /lineage/ID             what it implements or rests on (queries/lineage) and the lineage view
    /implementers/ID        who implemented it (queries/implementers) and the cascade view
    /cascade/ID             the implementation tree, edge by edge (queries/descendants), and the cascade view
    /coverage/ID            queries/coverage for a level, era and unit, with the lag in days, and the map
    /map/ID?image=svg|png   that map as a file (views.coverage_map)
    /brief/ID/              the printable briefing (views.write_brief)
    /cypher?q=…             a read-only Cypher box, the query files as examples
    /image/VIEW/ID?format=svg|png   the static image of a view (views.write_image)
"""
from __future__ import annotations

import re
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response

from ..models import RELATIONS
from ..query import list_queries, load_query
from .app import HTTPProblem, Page, doc_url
from .explorer import Explorer

# The views (networkx, matplotlib), the map (shapely) and the extraction of a text are imported by the pages that
# draw or read them: the first page a server shows, a search, does not wait for them (start-up: issue 17).

SEARCH_SHOWN = 50
GRAPH_PAGES = {"lineage": ("lineage", "lineage"), "implementers": ("implementers", "cascade"),
               "cascade": ("descendants", "cascade")}          # page -> (query file of its table, view drawn)
FACETS = ("type", "level", "year", "relation")
UNKNOWN = "?"                # a facet value for documents that do not say (no link: nothing to filter by)


def _doc_id(request: Request, explorer: Explorer) -> str:
    """The document a page is about: the id in its path, else what ``match_document`` makes of it ("44-KL/TW")."""
    ref = request.path_params["doc_id"].strip("/")
    hit = explorer.find(ref)
    return hit.id


def _view_filters(request: Request) -> dict[str, Any]:
    out: dict[str, Any] = {k: request.query_params.get(k) or None for k in ("since", "until", "locality")}
    depth = request.query_params.get("depth")
    if depth:
        if not depth.isdigit():
            raise HTTPProblem(400, f"depth takes a whole number, not '{depth}'")
        out["depth"] = int(depth)
    return out


# --- search --------------------------------------------------------------------------------------------------------

def search(request: Request, explorer: Explorer) -> Page:
    params = request.query_params
    text = (params.get("q") or "").strip()
    chosen = {facet: params.get(facet) or "" for facet in FACETS}
    if chosen["year"] and not re.fullmatch(r"\d{4}", chosen["year"]):
        raise HTTPProblem(400, f"year takes four digits, not '{chosen['year']}'")
    if chosen["relation"] and chosen["relation"] not in RELATIONS:
        raise HTTPProblem(400, f"unknown relation '{chosen['relation']}' (known: {', '.join(RELATIONS)})")
    hits: list[Any] = []
    if text:
        hits = explorer.search(text, types=[chosen["type"]] if chosen["type"] else (),
                               since=chosen["year"] or None, until=chosen["year"] or None,
                               locality=params.get("locality") or None)
    relations = explorer.relations_of([hit.id for hit in hits]) if hits else {}
    shown = [hit for hit in hits if (not chosen["level"] or hit.level == chosen["level"])
             and (not chosen["relation"] or chosen["relation"] in relations.get(hit.id, ()))]
    facets: dict[str, Counter] = {facet: Counter() for facet in FACETS}      # over what is shown: a drill-down
    for hit in shown:
        facets["type"][hit.type or UNKNOWN] += 1
        facets["level"][hit.level or UNKNOWN] += 1
        facets["year"][(hit.date or UNKNOWN)[:4]] += 1
        for relation in relations.get(hit.id, ()):
            facets["relation"][relation] += 1
    rows = [hit.as_row() | {"level": hit.level, "type_name": hit.type_name} for hit in shown]
    return Page("search.html", {"q": text, "search_q": text, "hits": shown[:SEARCH_SHOWN], "total": len(shown), "rows": rows,
                                "facets": {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))
                                           for k, v in facets.items()},
                                "chosen": chosen, "locality": params.get("locality") or "",
                                "relations": relations, "unknown": UNKNOWN},
                tables={"documents": rows})


# --- one document ----------------------------------------------------------------------------------------------------

def document(request: Request, explorer: Explorer) -> Page:
    doc_id = _doc_id(request, explorer)
    record = explorer.document(doc_id) or {}
    citations = explorer.query("cites", doc_id) + explorer.query("cited_by", doc_id)
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    for row in sorted(citations, key=lambda r: (r["direction"] != "out", RELATIONS.index(r["relation"])
                                               if r["relation"] in RELATIONS else 99, r.get("mode") or "",
                                               r.get("other_date") or "", r["other_id"])):
        groups[(row["direction"], row["relation"], row.get("mode") or "")].append(row)
    text, mentions, missing = None, 0, None
    if not record.get("stub"):
        path = explorer.source_path(record.get("file"))
        if path is None:
            missing = record.get("file")
        else:
            def link(ids: set[str]) -> Any:
                known = explorer.known(ids)
                return lambda mention: doc_url("doc", mention.document) if mention.document in known else None
            from .text import annotated_text
            found = annotated_text(path, record["file"], link)
            if found:
                text, mentions = found
    return Page("document.html", {"doc": record, "groups": groups, "text": text, "mentions": mentions,
                                  "missing_file": missing,
                                  "cited_by": [row for row in citations if row["direction"] == "in"]},
                tables={"citations": citations, "document": [record]})


# --- the graph pages -------------------------------------------------------------------------------------------------

def graph_page(request: Request, explorer: Explorer) -> Page:
    from ..views.html import network_context
    from ..views.select import DEFAULT_BUDGET, collapse
    from ..views.style import default_title, summary_line
    kind = request.url.path.strip("/").split("/")[0]
    query_name, view_name = GRAPH_PAGES[kind]
    doc_id = _doc_id(request, explorer)
    filters = _view_filters(request)
    view = explorer.view(view_name, doc_id, **filters)
    shown = collapse(view, DEFAULT_BUDGET)
    rows = explorer.query(query_name, doc_id)
    record = explorer.document(doc_id) or {}
    return Page("graph.html", {"kind": kind, "doc": record, "title": default_title(view),
                               "summary": summary_line(shown), "network": network_context(shown, doc_id),
                               "rows": rows, "filters": filters, "query_name": query_name,
                               "view_name": view_name},
                tables={"rows": rows})


def view_image(request: Request, explorer: Explorer) -> Response:
    from ..views.image import write_image
    from ..views.style import default_title
    view_name = request.path_params["view"]
    if view_name not in ("lineage", "cascade"):
        raise HTTPProblem(404, f"no view '{view_name}' (lineage, cascade)")
    fmt = request.query_params.get("format", "svg")
    if fmt not in ("svg", "png"):
        raise HTTPProblem(400, f"an image is svg or png, not '{fmt}'")
    doc_id = _doc_id(request, explorer)
    view = explorer.view(view_name, doc_id, **_view_filters(request))
    with tempfile.TemporaryDirectory(prefix="graphbuild-image-") as scratch:
        path = write_image(view, Path(scratch) / f"{view_name}.{fmt}", default_title(view))
        content = path.read_bytes()
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"{view_name}-{doc_id}").strip("-")
    return Response(content, media_type="image/svg+xml" if fmt == "svg" else "image/png",
                    headers={"Content-Disposition": f'inline; filename="{name}.{fmt}"'})


# --- coverage, briefing --------------------------------------------------------------------------------------------

def coverage(request: Request, explorer: Explorer) -> Page:
    from .coverage import coverage_page
    doc_id = _doc_id(request, explorer)
    context, rows = coverage_page(explorer, doc_id, request.query_params)
    return Page("coverage.html", context, tables={"units": rows})


def coverage_map(request: Request, explorer: Explorer) -> Response:
    from .coverage import coverage_map_file
    """The coverage page's map as a file: ``/map/ID?level=…&within=…&era=…&image=svg|png``."""
    fmt = request.query_params.get("image", "svg")
    if fmt not in ("svg", "png"):
        raise HTTPProblem(400, f"a map is svg or png, not '{fmt}'")
    doc_id = _doc_id(request, explorer)
    with tempfile.TemporaryDirectory(prefix="graphbuild-map-") as scratch:
        path = coverage_map_file(explorer, doc_id, request.query_params, Path(scratch) / f"map.{fmt}")
        content = path.read_bytes()
    name = re.sub(r"[^A-Za-z0-9]+", "-", f"coverage-{doc_id}").strip("-")
    return Response(content, media_type="image/svg+xml" if fmt == "svg" else "image/png",
                    headers={"Content-Disposition": f'inline; filename="{name}.{fmt}"'})


def brief(request: Request, explorer: Explorer) -> Response:
    """The briefing page of ``views.write_brief``, written once per document into the server's folder, and the
    images next to it (``/brief/ID/NAME.png``)."""
    from ..views.brief import write_brief
    path = request.path_params["doc_id"]
    name = None
    if re.search(r"/brief-[\w.-]+\.(png|svg)$", path):
        path, name = path.rsplit("/", 1)
    elif not path.endswith("/"):
        return RedirectResponse(doc_url("brief", path.strip("/")) + "/", status_code=307)
    request.path_params["doc_id"] = path
    doc_id = _doc_id(request, explorer)
    folder = explorer.scratch / "brief" / re.sub(r"[^A-Za-z0-9]+", "-", doc_id)
    pages = list(folder.glob("brief-*.html")) if folder.is_dir() else []
    if not pages:
        pages = [write_brief(explorer.view_graph("cascade", doc_id), doc_id, folder, store=explorer)]
    if name is None:
        return FileResponse(pages[0], media_type="text/html; charset=utf-8")
    file = folder / name
    if not file.is_file():
        raise HTTPProblem(404, f"no file {name} in this briefing")
    return FileResponse(file)


# --- Cypher ---------------------------------------------------------------------------------------------------------

def cypher(request: Request, explorer: Explorer) -> Page:
    examples = []
    for name in list_queries():
        query = load_query(name, explorer.engine)
        examples.append({"name": name, "purpose": query.purpose, "cypher": query.cypher.strip(),
                         "params": list(query.params)})
    statement = request.query_params.get("q") or ""
    params: dict[str, Any] = {}
    for key, value in request.query_params.multi_items():
        if key.startswith("p.") and re.fullmatch(r"p\.[A-Za-z_]\w*", key):
            params[key[2:]] = value
    answer = explorer.cypher(statement, params) if statement.strip() else None
    rows = answer.rows if answer else []
    return Page("cypher.html", {"q": statement, "params": params, "answer": answer, "examples": examples,
                                "columns": list(dict.fromkeys(k for row in rows for k in row)),
                                "max_seconds": explorer.seconds},
                tables={"rows": rows})


def annotate_css(request: Request, explorer: Explorer) -> Response:
    """The annotated text's CSS (``annotate.annotation_css``: the views' colour per relation)."""
    from ..annotate import annotation_css
    return Response(str(annotation_css()), media_type="text/css; charset=utf-8")


def home(request: Request, explorer: Explorer) -> Page:
    return search(request, explorer)


PAGES = [("/", home), ("/search", search), ("/doc/{doc_id:path}", document),
         ("/lineage/{doc_id:path}", graph_page), ("/implementers/{doc_id:path}", graph_page),
         ("/cascade/{doc_id:path}", graph_page), ("/coverage/{doc_id:path}", coverage), ("/cypher", cypher)]
FILES = [("/annotate.css", annotate_css), ("/brief/{doc_id:path}", brief), ("/map/{doc_id:path}", coverage_map), ("/image/{view}/{doc_id:path}", view_image)]

