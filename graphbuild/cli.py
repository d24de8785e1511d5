"""Command line: a thin layer over the Python API, one command per pipeline step.

    graphbuild extract PATH…            what each input is and what it cites (JSON lines)
    graphbuild build PATH… --out DIR    the resolved graph: files + embedded store
    graphbuild query NAME --doc REF     a named query from queries/
    graphbuild export graphml -o FILE   the graph for Gephi, yEd (or json: node-link; neo4j-browser: style, queries)
    graphbuild cypher "MATCH …"         ad-hoc read-only Cypher
"""
from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Optional, Sequence

import click

from .ingest.read import read_sources
from .models import Reject
from .query.output import format_rows

if TYPE_CHECKING:
    from .graph.model import Graph
    from .stores.ladybug import EmbeddedStore

EXIT_REJECTS = 3     # done, but some inputs were rejected (listed in rejects.jsonl)


def _parse_params(pairs: Sequence[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"expected k=v, got {pair!r}", param_hint="--param")
        key, value = pair.split("=", 1)
        out[key.strip()] = None if value == "null" else int(value) if re.fullmatch(r"-?\d+", value) else value
    return out


def _fail(msg: str, code: int = 2) -> NoReturn:
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


class _Commands(click.Group):
    """Unexpected errors end with one line naming the problem, not a traceback (GRAPHBUILD_DEBUG=1 shows it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except Exception as e:  # noqa: BLE001 - the last line of defence for the user's terminal
            if os.environ.get("GRAPHBUILD_DEBUG"):
                raise
            _fail(f"{type(e).__name__}: {e} (set GRAPHBUILD_DEBUG=1 to see where)", 1)


@click.group(cls=_Commands)
@click.version_option(package_name="graphbuild")
def main() -> None:
    """Citation knowledge graph of Vietnamese Party and State documents."""
    # pypdf reports each repair of a malformed PDF as a warning: the command line shows only its errors.
    logging.getLogger("pypdf").setLevel(logging.ERROR)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def extract(paths: Sequence[str], fmt: str) -> None:
    """Print what each input is and every document it cites (one JSON object per input)."""
    from .extract.extractor import extract_citations
    rows: list[dict[str, Any]] = []
    for item in read_sources(paths):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.file}: {item.reason}", err=True)
            continue
        rec = extract_citations(item).to_dict()
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            rows.append(rec)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="graph", show_default=True, type=click.Path(), help="Output folder.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Processes extracting in parallel.")
@click.option("--append", is_flag=True, help="Add these inputs to the graph already in --out.")
@click.option("--quiet", "-q", is_flag=True, help="No progress line.")
def build(paths: Sequence[str], out_dir: str, jobs: int, append: bool, quiet: bool) -> None:
    """Build the citation graph of PATHS into --out (files and the embedded store)."""
    from .graph.build import build_graph

    def progress(count: int, name: str) -> None:
        if not quiet and sys.stderr.isatty():
            click.echo(f"\r{count} inputs  {name[-60:]:<60}", nl=False, err=True)

    result = build_graph(paths, out_dir, jobs=jobs, append=append, progress=progress)
    if not quiet and sys.stderr.isatty():
        click.echo("", err=True)
    report = result.report
    click.echo(f"{report['inputs']} inputs: {report['documents']} documents ({report['full_text']} with text, "
               f"{report['stubs']} cited only), {report['edges']} citations, {report['rejected']} rejected, "
               f"{len(report['unresolved'])} unresolved, {len(report['conflicts'])} conflicts -> {result.out_dir}/")
    if report["rejected"]:
        click.echo(f"rejected inputs and reasons: {result.out_dir}/rejects.jsonl", err=True)
        sys.exit(EXIT_REJECTS)


def _store(graph_dir: Optional[str], read_only: bool = True) -> EmbeddedStore:
    from .graph.build import default_graph_dir
    from .stores.base import StoreError
    from .stores.ladybug import EmbeddedStore
    try:
        return EmbeddedStore(Path(graph_dir) if graph_dir else default_graph_dir(), read_only=read_only)
    except StoreError as e:
        _fail(str(e))


@main.command()
@click.argument("name", required=False)
@click.option("--doc", help='The document: "44-KL/TW", "Kết luận 44", "1416-CV/QU" or an id.')
@click.option("--param", "params", multiple=True, help="Query parameter k=v (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: the last build).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Run on Neo4j (NEO4J_URI, NEO4J_USERNAME, …).")
def query(name: Optional[str], doc: Optional[str], params: Sequence[str], graph_dir: Optional[str], fmt: str,
          use_neo4j: bool) -> None:
    """Run the named query from queries/NAME.cypher (without NAME: list them)."""
    from .query import AmbiguousRef, QueryError, list_queries, load_query, run_query
    from .stores.base import Store, StoreError
    if not name:
        for query_name in list_queries():
            click.echo(f"{query_name:<14} {load_query(query_name).purpose}")
        return
    try:
        store: Store
        if use_neo4j:
            from .stores.neo4j import Neo4jStore
            store, engine = Neo4jStore.from_env(), "neo4j"
        else:
            store, engine = _store(graph_dir), "ladybug"
        try:
            rows = run_query(store, name, doc=doc, params=_parse_params(params), engine=engine)
        finally:
            store.close()
    except AmbiguousRef as e:
        _fail(str(e), 4)
    except (QueryError, StoreError) as e:
        _fail(str(e))
    click.echo(format_rows(rows, fmt))


@main.command()
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Load into Neo4j (the only target for now).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: the last build).")
@click.option("--wipe", is_flag=True, help="Remove graphbuild's own nodes from the database first.")
@click.option("--yes", is_flag=True, help="Do not ask before --wipe.")
@click.option("--batch-size", default=2000, show_default=True, help="Rows per transaction.")
@click.option("--workers", default=2, show_default=True, help="Transactions written at once.")
@click.option("--uri", help="Default: NEO4J_URI (bolt://, neo4j://, +s, +ssc).")
@click.option("--user", help="Default: NEO4J_USERNAME or neo4j.")
@click.option("--password", help="Default: NEO4J_PASSWORD (prefer the variable: flags show in process lists).")
@click.option("--database", help="Default: NEO4J_DATABASE or the server's default.")
@click.option("--admin-import", "admin_dir", type=click.Path(),
              help="Instead of loading, write neo4j-admin import CSVs into this folder and print the command.")
@click.option("--overwrite-destination", "overwrite", is_flag=True,
              help="With --admin-import: the command replaces an existing database.")
def load(use_neo4j: bool, graph_dir: Optional[str], wipe: bool, yes: bool, batch_size: int, workers: int,
         uri: Optional[str], user: Optional[str], password: Optional[str], database: Optional[str],
         admin_dir: Optional[str], overwrite: bool) -> None:
    """Load a built graph into Neo4j idempotently (constraints first, batched MERGE), then verify counts."""
    if admin_dir:
        from .graph.files import GraphFiles
        from .stores.neo4j_admin import write_admin_import
        result = write_admin_import(GraphFiles(_graph_dir(graph_dir)), admin_dir, database=database or "neo4j",
                                    overwrite=overwrite)                       # streamed, not loaded
        click.echo(f"wrote {len(result['files'])} files to {admin_dir}; with the server stopped, run:\n"
                   f"  {result['command']}\nthen, with it started, the constraints in {result['schema']}")
        return
    if not use_neo4j:
        _fail("say where to load: --neo4j (or --admin-import DIR for neo4j-admin CSVs)")
    from .graph.files import GraphFiles
    from .stores.base import StoreError
    from .stores.neo4j import Neo4jStore
    graph = GraphFiles(_graph_dir(graph_dir))        # streamed from the files as it is sent, not loaded
    if wipe and not yes:
        click.confirm("Remove every Document, Organization, Locality and Person node from the database?", abort=True)

    def progress(done: int, total: int, what: str) -> None:
        if sys.stderr.isatty():
            click.echo(f"\r{done}/{total or '?'} {what:<40}", nl=False, err=True)

    try:
        with Neo4jStore.from_env(uri=uri, user=user, password=password, database=database) as server:
            report = server.load(graph, wipe=wipe, batch_size=batch_size, progress=progress, workers=workers)
    except StoreError as e:
        _fail(str(e))
    if sys.stderr.isatty():
        click.echo("", err=True)
    nodes = ", ".join(f"{n} {k}" for k, n in report["nodes"].items())
    click.echo(f"loaded {nodes}; {sum(report['relationships'].values())} relationships in {report['seconds']} s")
    for warning in report["warnings"]:
        click.echo(f"warning: {warning}", err=True)
    if not report["ok"]:
        for mismatch in report["mismatches"]:
            click.echo(f"mismatch: {mismatch}", err=True)
        sys.exit(1)


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["graphml", "json", "neo4j-browser"]))
@click.option("-o", "--out", "path", required=True, type=click.Path(),
              help="File to write (neo4j-browser: a folder).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: the last build).")
def export(fmt: str, path: str, graph_dir: Optional[str]) -> None:
    """Write the built graph as GraphML (Gephi, yEd) or node-link JSON (networkx, d3); or, for Neo4j Browser and
    Bloom, a style file and the query library (neo4j-browser, no graph needed)."""
    if fmt == "neo4j-browser":
        from .export.neo4j_browser import write_browser_files
        written = write_browser_files(path)
        click.echo(f"style.grass and {len(written) - 2} queries (also as graphbuild-queries.zip) -> {path}")
        return
    from .export import EXPORTS
    from .graph.files import GraphFiles
    files = GraphFiles(_graph_dir(graph_dir))      # streamed from the files, not loaded
    EXPORTS[fmt](files, Path(path))
    report = files.report
    click.echo(f"{report.get('documents')} documents and {sum(report.get('entities', {}).values())} entities, "
               f"{report.get('edges')} citations -> {path}")


@main.command()
@click.argument("statement")
@click.option("--param", "params", multiple=True, help="Parameter k=v, used as $k (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow statements that change the store.")
def cypher(statement: str, params: Sequence[str], graph_dir: Optional[str], fmt: str, write: bool) -> None:
    """Run ad-hoc Cypher on the embedded store (read-only unless --write)."""
    from .query.plain import to_rows
    store = _store(graph_dir, read_only=not write)
    try:
        rows = to_rows(store.run(statement, _parse_params(params)))
    except RuntimeError as e:
        _fail(str(e).splitlines()[0])
    finally:
        store.close()
    click.echo(format_rows(rows, fmt))


def _graph_dir(graph_dir: Optional[str]) -> Path:
    from .graph.build import default_graph_dir
    folder = Path(graph_dir) if graph_dir else default_graph_dir()
    if not (folder / "documents.jsonl").exists():
        _fail(f"no built graph in {folder}: run 'graphbuild build PATH… --out {folder}' first")
    return folder


def _built_graph(graph_dir: Optional[str]) -> Graph:
    from .graph.files import load_graph
    return load_graph(_graph_dir(graph_dir))


def _find_doc(graph: Graph, ref: str) -> str:
    from .query import AmbiguousRef, QueryError, find_in_graph
    try:
        return find_in_graph(graph, ref)
    except AmbiguousRef as e:
        _fail(str(e), 4)
    except QueryError as e:
        _fail(str(e))


@main.command()
@click.argument("view", type=click.Choice(["lineage", "cascade", "locality", "ego"]))
@click.option("--doc", required=True, help='The document: "44-KL/TW", "Kết luận 44", an id.')
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: the last build).")
@click.option("--depth", type=int, help="Hops to follow (ego: default 2; others: all).")
@click.option("--relations", help="Comma-separated relations to follow, e.g. IMPLEMENTS,CONTINUES.")
@click.option("--since", help="Leave out documents dated before (YYYY or YYYY-MM-DD).")
@click.option("--until", help="Leave out documents dated after.")
@click.option("--locality", help="Keep documents of this locality (and central ones).")
@click.option("-o", "--out", "html", type=click.Path(), help="HTML file (self-contained, works offline).")
@click.option("--png", type=click.Path(), help="Also a static PNG, for slides.")
@click.option("--svg", type=click.Path(), help="Also a static SVG.")
def viz(view: str, doc: str, graph_dir: Optional[str], depth: Optional[int], relations: Optional[str],
        since: Optional[str], until: Optional[str], locality: Optional[str], html: Optional[str], png: Optional[str],
        svg: Optional[str]) -> None:
    """Write an interactive view of a document's lineage, implementation cascade, locality or neighbourhood."""
    from .views import make_view
    if not (html or png or svg):
        _fail("say where to write it: -o FILE.html, --png FILE or --svg FILE")
    graph = _built_graph(graph_dir)
    doc_id = _find_doc(graph, doc)
    shown = make_view(graph, view, doc_id, html_path=html, png=png, svg=svg, depth=depth,
                      relations=relations.split(",") if relations else None, since=since, until=until,
                      locality=locality)
    written = ", ".join(str(p) for p in (html, png, svg) if p)
    click.echo(f"{view} of {graph.documents[doc_id].get('symbol') or doc_id}: {shown.number_of_nodes()} documents, "
               f"{shown.number_of_edges()} citations -> {written}")


@main.command()
@click.option("--doc", required=True, help="The document the briefing is about.")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: the last build).")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(), help="Folder for the page and image.")
def brief(doc: str, graph_dir: Optional[str], out_dir: str) -> None:
    """One briefing page: the cascade view, the table of documents, coverage numbers, a timeline, an image."""
    from .graph.files import load_graph
    from .stores import EmbeddedStore, StoreError
    from .views import write_brief
    graph_dir = _graph_dir(graph_dir)
    graph = load_graph(graph_dir)
    doc_id = _find_doc(graph, doc)
    try:
        with EmbeddedStore(graph_dir) as store:       # the coverage rows come from the store's coverage query
            page = write_brief(graph, doc_id, out_dir, store=store)
    except StoreError as e:
        _fail(str(e))
    click.echo(f"briefing -> {page}")


@main.command()
@click.argument("output", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True)
def score(output: str, gold: str, verbose: bool) -> None:
    """Score extract output (JSON lines) against a gold annotation."""
    from .eval.score import load_output, score as run_score, summary
    with open(gold, encoding="utf-8") as f:
        scores = run_score(load_output(output), json.load(f)["files"])
    if verbose:
        for line in scores["problems"]:
            click.echo("  " + line)
    click.echo(summary(scores))
