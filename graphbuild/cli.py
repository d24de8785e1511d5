"""Command line: a thin layer over the Python API, one command per pipeline step.

    graphbuild extract PATH…            what each input is and what it cites (JSON lines)
    graphbuild annotate FILE -o F.html  the text with every citation wrapped in a link or span
    graphbuild build PATH… --out DIR    the resolved graph: files + embedded store
    graphbuild search TEXT              documents by symbol, title, issuer, locality (ranked)
    graphbuild query NAME --doc REF     a named query from queries/
    graphbuild cypher "MATCH …"         ad-hoc read-only Cypher
    graphbuild stats                    counts by type, level, relation, mode, locality; what was not resolved
    graphbuild export FORMAT -o OUT     the graph for Gephi, yEd, networkx, pandas (graphml, gexf, json, parquet);
                                        neo4j-browser: a style file and the query library
    graphbuild serve                    a local, read-only web app: search, documents, views, coverage, Cypher

Every command that reads a graph says on stderr which one (``cli_support.graph_folder``); errors are click
exceptions whose exit code says their kind (``cli_support``: 2 usage, 3 rejects, 4 ambiguous, 5 no match).
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Optional, Sequence

import click

from .cli_support import (
    Failure,
    Neo4jSettings,
    Rejected,
    StageBars,
    emit_rows,
    graph_folder,
    neo4j_options,
    open_store,
    output_options,
    say,
    user_errors,
)
from .ingest.read import read_sources
from .models import Reject

if TYPE_CHECKING:
    pass

# --param k:TYPE=v in `cypher`, where no query file declares the types.
_CYPHER_TYPES: dict[str, Callable[[str], Any]] = {"str": str, "int": int, "float": float,
                                                  "bool": lambda v: v.strip().lower() in ("true", "yes", "1")}


def _parse_params(pairs: Sequence[str], typed: bool = False) -> dict[str, Any]:
    """k=v pairs: the value a string ("null": none), converted later to the type the query declares; with
    ``typed``, ``k:int=5`` (int, float, bool, str) converts here."""
    out: dict[str, Any] = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"expected k=v, got {pair!r}", param_hint="--param")
        key, value = pair.split("=", 1)
        key, _, kind = key.strip().partition(":")
        if kind and not typed:
            raise click.BadParameter(f"{pair!r}: a query's parameters take the type its file declares",
                                     param_hint="--param")
        if kind and kind not in _CYPHER_TYPES:
            raise click.BadParameter(f"{pair!r}: types are {', '.join(_CYPHER_TYPES)}", param_hint="--param")
        try:
            out[key] = None if value == "null" else _CYPHER_TYPES[kind](value) if kind else value
        except ValueError:
            raise click.BadParameter(f"{pair!r} is not a {kind}", param_hint="--param") from None
    return out


class _Commands(click.Group):
    """Unexpected errors end with one line naming the problem, not a traceback (GRAPHBUILD_DEBUG=1 shows it)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            say("interrupted")
            sys.exit(130)
        except Exception as e:  # noqa: BLE001 - the last line of defence for the user's terminal
            if os.environ.get("GRAPHBUILD_DEBUG"):
                raise
            raise Failure(f"{type(e).__name__}: {e} (set GRAPHBUILD_DEBUG=1 to see where)") from None


@click.group(cls=_Commands)
@click.version_option(package_name="graphbuild")
def main() -> None:
    """Citation knowledge graph of Vietnamese Party and State documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def extract(paths: Sequence[str], fmt: str) -> None:
    """Print what each input is and every document it cites (one JSON object per input)."""
    from .extract.extractor import extract_citations
    rows: list[dict[str, Any]] = []
    for item in read_sources(paths):
        if isinstance(item, Reject):
            say(f"rejected {item.file}: {item.reason}")
            continue
        rec = extract_citations(item).to_dict()
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            rows.append(rec)
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))


@main.command()
@click.argument("path", type=click.Path())
@click.option("-o", "--out", "out", type=click.Path(), help="HTML file to write (default: the page on stdout).")
@click.option("--record", help="In a catalogue (.jsonl/.csv): only the record with this id.")
@click.option("--href", help='Link each resolved mention: a URL with {id}, e.g. "https://example.org/doc/{id}".')
def annotate(path: str, out: Optional[str], record: Optional[str], href: Optional[str]) -> None:
    """Write the text of PATH with every citation wrapped in a link or span (class by relation and mode, title
    with the resolved document id): one page that opens offline, a section per input (a catalogue's records)."""
    from .annotate import write_annotated
    from .annotate.html import annotated_page
    from .extract.extractor import extract_citations
    if href is not None and "{id}" not in href:
        raise click.BadParameter("the link needs {id} where the document id goes", param_hint="--href")
    documents = []
    for item in read_sources([path]):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.file}: {item.reason}", err=True)
            continue
        if record is None or item.file.endswith(f"#{record}"):
            documents.append((item.text, extract_citations(item)))
    if not documents:
        raise click.UsageError(f"{path}: no record with id {record!r}" if record else f"{path}: nothing to annotate")
    if out is None:
        click.echo(annotated_page(documents, href=href))
        return
    write_annotated(out, documents, href=href)
    mentions = sum(len(extraction.mentions) for _, extraction in documents)
    click.echo(f"{len(documents)} text(s), {mentions} mentions -> {out}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "out_dir", default="graph", show_default=True, type=click.Path(), help="Output folder.")
@click.option("--jobs", "-j", default=1, show_default=True, help="Processes extracting in parallel.")
@click.option("--append", is_flag=True, help="Add these inputs to the graph already in --out.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def build(paths: Sequence[str], out_dir: str, jobs: int, append: bool, quiet: bool) -> None:
    """Build the citation graph of PATHS into --out (files and the embedded store)."""
    from .graph.build import build_graph
    with user_errors(), StageBars(enabled=not quiet) as bars:
        result = build_graph(paths, out_dir, jobs=jobs, append=append, progress=bars.update)
    report = result.report
    for skipped in result.skipped:
        say(f"skipped {skipped}: written by graphbuild, not an input")
    click.echo(f"{report['inputs']} inputs: {report['documents']} documents ({report['full_text']} with text, "
               f"{report['stubs']} cited only), {report['edges']} citations, {report['rejected']} rejected, "
               f"{len(report['unresolved'])} unresolved, {len(report['conflicts'])} conflicts -> {result.out_dir}/")
    if report["rejected"]:
        raise Rejected(f"{report['rejected']} inputs rejected; each with its reason in {result.out_dir}/rejects.jsonl")


def _settings(use_neo4j: bool, uri: Optional[str], user: Optional[str], password: Optional[str],
              database: Optional[str]) -> Neo4jSettings:
    return Neo4jSettings(use_neo4j, uri, user, password, database)


@main.command()
@click.argument("name", required=False)
@click.option("--doc", help='The document: "44-KL/TW", "Kết luận 44", "1416-CV/QU" or an id.')
@click.option("--param", "params", multiple=True, help="Query parameter k=v (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@output_options
@neo4j_options
def query(name: Optional[str], doc: Optional[str], params: Sequence[str], graph_dir: Optional[str], fmt: str,
          out: Optional[str], bom: bool, use_neo4j: bool, uri: Optional[str], user: Optional[str],
          password: Optional[str], database: Optional[str]) -> None:
    """Run the named query from queries/NAME.cypher (without NAME: list them)."""
    from .query import list_queries, load_query, run_query
    from .query.search import match_document
    if not name:
        for query_name in list_queries():
            click.echo(f"{query_name:<14} {load_query(query_name).purpose}")
        return
    values = _parse_params(params)
    with user_errors():
        load_query(name)
    store, engine = open_store(graph_dir, _settings(use_neo4j, uri, user, password, database))
    try:
        with user_errors():
            doc_id = None
            if doc is not None:
                hit = match_document(store, doc)
                say(f"document: {hit.symbol or hit.title or hit.id}  {hit.id}  (matched by {', '.join(hit.matched)})")
                doc_id = hit.id
            rows = run_query(store, name, doc=doc_id, params=values, engine=engine)
    finally:
        store.close()
    emit_rows(rows, fmt, out, bom)


@main.command()
@click.argument("text")
@click.option("--type", "types", multiple=True, help='Only this type: a code or a name ("KL", "Kết luận"); repeatable.')
@click.option("--since", help="Only documents dated on or after (YYYY or YYYY-MM-DD).")
@click.option("--until", help="Only documents dated on or before.")
@click.option("--locality", help="Only documents of this unit or of units inside it (name or gazetteer id).")
@click.option("--limit", default=20, show_default=True, help="At most this many documents.")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@output_options
@neo4j_options
def search(text: str, types: Sequence[str], since: Optional[str], until: Optional[str], locality: Optional[str],
           limit: int, graph_dir: Optional[str], fmt: str, out: Optional[str], bom: bool, use_neo4j: bool,
           uri: Optional[str], user: Optional[str], password: Optional[str], database: Optional[str]) -> None:
    """Documents by symbol, title, issuer or locality, with or without accents, best first (with the score and
    what matched). --doc in every command reads a reference the same way."""
    from .query.search import search_documents
    store, _ = open_store(graph_dir, _settings(use_neo4j, uri, user, password, database))
    try:
        with user_errors():
            hits = search_documents(store, text, types=types, since=since, until=until, locality=locality,
                                    limit=limit)
    finally:
        store.close()
    emit_rows([hit.as_row() for hit in hits], fmt, out, bom)
    if not hits:
        raise click.exceptions.Exit(5)


@main.command("index")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
def index_command(graph_dir: Optional[str]) -> None:
    """Write the word index that search reads (search.sqlite in the graph folder) from its store again. A build
    writes it; a folder built before it existed is searched by reading every document until this is run."""
    from .query.word_index import write_index
    folder = graph_folder(graph_dir)
    with user_errors():
        say(f"search index -> {write_index(folder)}")


@main.command()
@click.option("--neo4j", "use_neo4j", is_flag=True, help="Load into Neo4j (the only target for now).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@click.option("--wipe", is_flag=True, help="Remove graphbuild's own nodes from the database first.")
@click.option("--yes", is_flag=True, help="Do not ask before --wipe.")
@click.option("--batch-size", default=2000, show_default=True, help="Rows per transaction.")
@click.option("--workers", default=2, show_default=True, help="Transactions written at once.")
@click.option("--uri", help="Default: NEO4J_URI (bolt://, neo4j://, +s, +ssc).")
@click.option("--user", help="Default: NEO4J_USERNAME or neo4j.")
@click.option("--password", help="Default: NEO4J_PASSWORD (prefer the variable: flags show in process lists).")
@click.option("--database", help="Default: NEO4J_DATABASE or the server's default.")
@click.option("--admin-import", "admin_dir", type=click.Path(file_okay=False),
              help="Instead of loading, write neo4j-admin import CSVs into this folder and print the command.")
@click.option("--overwrite-destination", "overwrite", is_flag=True,
              help="With --admin-import: the command replaces an existing database.")
def load(use_neo4j: bool, graph_dir: Optional[str], wipe: bool, yes: bool, batch_size: int, workers: int,
         uri: Optional[str], user: Optional[str], password: Optional[str], database: Optional[str],
         admin_dir: Optional[str], overwrite: bool) -> None:
    """Load a built graph into Neo4j idempotently (constraints first, batched MERGE), then verify counts."""
    if not admin_dir and not use_neo4j:
        raise click.UsageError("say where to load: --neo4j (or --admin-import DIR for neo4j-admin CSVs)")
    folder = graph_folder(graph_dir)
    if admin_dir:
        from .graph.files import GraphFiles
        from .stores.neo4j_admin import write_admin_import
        result = write_admin_import(GraphFiles(folder), admin_dir, database=database or "neo4j",
                                    overwrite=overwrite)                       # streamed, not loaded
        click.echo(f"wrote {len(result['files'])} files to {admin_dir}; with the server stopped, run:\n"
                   f"  {result['command']}\nthen, with it started, the constraints in {result['schema']}")
        return
    from .graph.files import GraphFiles
    from .stores.neo4j import Neo4jStore
    graph = GraphFiles(folder)        # streamed from the files as it is sent, not loaded
    if wipe and not yes:
        click.confirm("Remove every Document, Organization, Locality and Person node from the database?", abort=True)
    with user_errors(), StageBars() as bars:
        with Neo4jStore.from_env(uri=uri, user=user, password=password, database=database) as server:
            report = server.load(graph, wipe=wipe, batch_size=batch_size, workers=workers,
                                 progress=lambda done, total, what: bars.update("neo4j", done, total))
    nodes = ", ".join(f"{n} {k}" for k, n in report["nodes"].items())
    click.echo(f"loaded {nodes}; {sum(report['relationships'].values())} relationships in {report['seconds']} s")
    for warning in report["warnings"]:
        say(f"warning: {warning}")
    if not report["ok"]:
        raise Failure("the counts in Neo4j differ from the graph:\n" + "\n".join(report["mismatches"]))


@main.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["graphml", "gexf", "json", "parquet", "neo4j-browser"]))
@click.option("-o", "--out", "path", required=True, type=click.Path(),
              help="File to write (parquet: a folder, one table per node label and relationship type; "
                   "neo4j-browser: a folder).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
def export(fmt: str, path: str, graph_dir: Optional[str]) -> None:
    """Write the built graph as GraphML or GEXF (Gephi, yEd), node-link JSON (networkx, d3) or Parquet tables
    (pandas, polars, DuckDB); or, for Neo4j Browser and Bloom, a style file and the query library (neo4j-browser,
    no graph needed)."""
    if fmt == "neo4j-browser":
        from .export.neo4j_browser import write_browser_files
        with user_errors():
            written = write_browser_files(path)
        click.echo(f"style.grass and {len(written) - 2} queries (also as graphbuild-queries.zip) -> {path}")
        return
    from .export import EXPORTS
    from .graph.files import GraphFiles
    files = GraphFiles(graph_folder(graph_dir))      # streamed from the files, not loaded
    with user_errors():
        EXPORTS[fmt](files, Path(path))
    report = files.report
    click.echo(f"{report.get('documents')} documents and {sum(report.get('entities', {}).values())} entities, "
               f"{report.get('edges')} citations -> {path}")


@main.command()
@click.argument("statement")
@click.option("--param", "params", multiple=True, help="Parameter k=v used as $k, a string; k:int=5 (int, float, "
                                                       "bool, str) for another type (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@output_options
@click.option("--write", is_flag=True, help="Allow statements that change the embedded store.")
@neo4j_options
def cypher(statement: str, params: Sequence[str], graph_dir: Optional[str], fmt: str, out: Optional[str], bom: bool,
           write: bool, use_neo4j: bool, uri: Optional[str], user: Optional[str], password: Optional[str],
           database: Optional[str]) -> None:
    """Run ad-hoc Cypher on the embedded store (read-only unless --write) or, read-only, on Neo4j."""
    from .query.plain import to_rows
    from .stores.base import StoreError
    if write and use_neo4j:
        raise click.UsageError("--write is for the embedded store; write to Neo4j with its own tools")
    values = _parse_params(params, typed=True)
    store, _ = open_store(graph_dir, _settings(use_neo4j, uri, user, password, database), read_only=not write)
    try:
        rows = to_rows(store.run(statement, values))
    except (RuntimeError, StoreError) as e:
        message = str(e).splitlines()[0] if str(e) else type(e).__name__
        if re.search(r"read[- ]only|read access mode", message, re.I):
            raise click.UsageError(f"this statement writes to the store, which cypher opens read-only: add --write "
                                   f"to run it ({message})") from None
        raise Failure(message) from None
    finally:
        store.close()
    emit_rows(rows, fmt, out, bom)


# The commands that show a graph (viz, brief, serve) and that measure one (stats, check, score) live next door; they
# add themselves to `main` when imported.
from . import cli_quality, cli_views  # noqa: E402,F401
