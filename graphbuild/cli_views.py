"""Command line, the commands that show a graph: ``viz`` (a view), ``brief`` (a briefing page), ``serve`` (the
explorer web app). They add themselves to ``cli.main``."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Optional

import click

from .cli import _settings, main
from .cli_support import graph_folder, neo4j_options, open_store, say, user_errors

if TYPE_CHECKING:
    from .graph.model import Graph


def _load_graph(graph_dir: Optional[str]) -> tuple[Path, Graph]:
    from .graph.files import load_graph
    folder = graph_folder(graph_dir)
    return folder, load_graph(folder)


def _find_doc(graph: Graph, ref: str) -> str:
    from .query.refs import GraphDocuments
    from .query.search import match_document
    with user_errors():
        hit = match_document(GraphDocuments(graph), ref)
    say(f"document: {hit.symbol or hit.title or hit.id}  {hit.id}  (matched by {', '.join(hit.matched)})")
    return hit.id


@main.command()
@click.argument("view", type=click.Choice(["lineage", "cascade", "locality", "ego"]))
@click.option("--doc", required=True, help='The document: "44-KL/TW", "Kết luận 44", an id.')
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@click.option("--depth", type=int, help="Hops to follow (ego: default 2; others: all).")
@click.option("--relations", help="Comma-separated relations to follow, e.g. IMPLEMENTS,CONTINUES.")
@click.option("--since", help="Leave out documents dated before (YYYY or YYYY-MM-DD).")
@click.option("--until", help="Leave out documents dated after.")
@click.option("--locality", help="Keep documents of this locality (and central ones).")
@click.option("-o", "--out", "html", type=click.Path(dir_okay=False), help="HTML file (self-contained, offline).")
@click.option("--png", type=click.Path(dir_okay=False), help="Also a static PNG, for slides.")
@click.option("--svg", type=click.Path(dir_okay=False), help="Also a static SVG.")
def viz(view: str, doc: str, graph_dir: Optional[str], depth: Optional[int], relations: Optional[str],
        since: Optional[str], until: Optional[str], locality: Optional[str], html: Optional[str], png: Optional[str],
        svg: Optional[str]) -> None:
    """Write an interactive view of a document's lineage, implementation cascade, locality or neighbourhood."""
    from .views import make_view
    if not (html or png or svg):
        raise click.UsageError("say where to write it: -o FILE.html, --png FILE or --svg FILE")
    _, graph = _load_graph(graph_dir)
    doc_id = _find_doc(graph, doc)
    try:
        shown = make_view(graph, view, doc_id, html_path=html, png=png, svg=svg, depth=depth,
                          relations=relations.split(",") if relations else None, since=since, until=until,
                          locality=locality)
    except ValueError as e:          # a --locality that names no unit or several, a view the document has none of
        raise click.UsageError(str(e)) from None
    written = ", ".join(str(p) for p in (html, png, svg) if p)
    click.echo(f"{view} of {graph.documents[doc_id].get('symbol') or doc_id}: {shown.number_of_nodes()} documents, "
               f"{shown.number_of_edges()} citations -> {written}")


@main.command()
@click.option("--doc", required=True, help="The document the briefing is about.")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the page and image.")
def brief(doc: str, graph_dir: Optional[str], out_dir: str) -> None:
    """One briefing page: the cascade view, the table of documents, coverage numbers, a timeline, an image."""
    from .stores import EmbeddedStore
    from .views import write_brief
    folder, graph = _load_graph(graph_dir)
    doc_id = _find_doc(graph, doc)
    with user_errors():
        with EmbeddedStore(folder) as store:       # the coverage rows come from the store's coverage query
            page = write_brief(graph, doc_id, out_dir, store=store)
    click.echo(f"briefing -> {page}")


@main.command()
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@click.option("--port", default=8000, show_default=True, help="TCP port.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but this machine (e.g. 0.0.0.0) opens the graph to the network.")
@neo4j_options
def serve(graph_dir: Optional[str], port: int, host: str, use_neo4j: bool, uri: Optional[str], user: Optional[str],
          password: Optional[str], database: Optional[str]) -> None:
    """A local, read-only web app over the graph: search, documents with their text and citations, lineage,
    implementers and cascade views, coverage with a map, briefings, a Cypher box; every table as CSV/XLSX."""
    from .serve import Explorer
    from .serve import serve as run_server
    if host not in ("127.0.0.1", "localhost", "::1"):
        say(f"warning: listening on {host}: anyone who can reach this machine on port {port} can read the graph "
            f"(there is no login)")
    store, engine = open_store(graph_dir, _settings(use_neo4j, uri, user, password, database))
    folder = None if use_neo4j else graph_folder(graph_dir, quiet=True)
    where = f"Neo4j {store.describe()}" if use_neo4j else str(folder)   # type: ignore[attr-defined]
    say(f"serving on http://{'[' + host + ']' if ':' in host else host}:{port}/  (Ctrl+C to stop)")
    run_server(Explorer(store, engine, where, folder), host=host, port=port)
