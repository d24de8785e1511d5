"""Command line: a thin layer over the Python API, one command per pipeline step.

    graphbuild extract PATH…            what each input is and what it cites (JSON lines)
    graphbuild build PATH… --out DIR    the resolved graph: files + embedded store
    graphbuild query NAME --doc REF     a named query from queries/
    graphbuild cypher "MATCH …"         ad-hoc read-only Cypher
"""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import click

from .models import Reject
from .output import format_rows
from .read import read

EXIT_REJECTS = 3     # done, but some inputs were rejected (listed in rejects.jsonl)


def _parse_params(pairs) -> dict:
    out = {}
    for p in pairs:
        if "=" not in p:
            raise click.BadParameter(f"expected k=v, got {p!r}", param_hint="--param")
        k, v = p.split("=", 1)
        out[k.strip()] = None if v == "null" else int(v) if re.fullmatch(r"-?\d+", v) else v
    return out


def _fail(msg: str, code: int = 2):
    click.echo(f"error: {msg}", err=True)
    sys.exit(code)


class _Commands(click.Group):
    """Unexpected errors end with one line naming the problem, not a traceback (GRAPHBUILD_DEBUG=1 shows it)."""

    def invoke(self, ctx):
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
def main():
    """Citation knowledge graph of Vietnamese Party and State documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def extract(paths, fmt):
    """Print what each input is and every document it cites (one JSON object per input)."""
    from .extract import extract as extract_one
    rows = []
    for item in read(paths):
        if isinstance(item, Reject):
            click.echo(f"rejected {item.file}: {item.reason}", err=True)
            continue
        rec = extract_one(item).to_dict()
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
def build(paths, out_dir, jobs, append, quiet):
    """Build the citation graph of PATHS into --out (files and the embedded store)."""
    from .build import build as run_build

    def progress(n, name):
        if not quiet and sys.stderr.isatty():
            click.echo(f"\r{n} inputs  {name[-60:]:<60}", nl=False, err=True)

    result = run_build(paths, out_dir, jobs=jobs, append=append, progress=progress)
    if not quiet and sys.stderr.isatty():
        click.echo("", err=True)
    r = result.graph.report
    click.echo(f"{r['inputs']} inputs: {r['documents']} documents ({r['full_text']} with text, {r['stubs']} cited "
               f"only), {r['edges']} citations, {r['rejected']} rejected, {len(r['unresolved'])} unresolved, "
               f"{len(r['conflicts'])} conflicts -> {result.out_dir}/")
    if r["rejected"]:
        click.echo(f"rejected inputs and reasons: {result.out_dir}/rejects.jsonl", err=True)
        sys.exit(EXIT_REJECTS)


def _store(graph_dir, read_only: bool = True):
    from .build import default_graph_dir
    from .store import EmbeddedStore, StoreError
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
def query(name, doc, params, graph_dir, fmt, use_neo4j):
    """Run the named query from queries/NAME.cypher (without NAME: list them)."""
    from .query import AmbiguousRef, QueryError, list_queries, load_query, run_query
    if not name:
        for n in list_queries():
            q = load_query(n)
            click.echo(f"{n:<14} {q.purpose}")
        return
    if use_neo4j:
        from .neo4j_store import Neo4jStore
        st, engine = Neo4jStore.from_env(), "neo4j"
    else:
        st, engine = _store(graph_dir), "ladybug"
    try:
        rows = run_query(st, name, doc=doc, params=_parse_params(params), engine=engine)
    except AmbiguousRef as e:
        _fail(str(e), 4)
    except QueryError as e:
        _fail(str(e))
    finally:
        st.close()
    click.echo(format_rows(rows, fmt))


@main.command()
@click.argument("statement")
@click.option("--param", "params", multiple=True, help="Parameter k=v, used as $k (repeatable).")
@click.option("--graph", "graph_dir", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow statements that change the store.")
def cypher(statement, params, graph_dir, fmt, write):
    """Run ad-hoc Cypher on the embedded store (read-only unless --write)."""
    from .query import to_rows
    st = _store(graph_dir, read_only=not write)
    try:
        rows = to_rows(st.run(statement, _parse_params(params)))
    except RuntimeError as e:
        _fail(str(e).splitlines()[0])
    finally:
        st.close()
    click.echo(format_rows(rows, fmt))


@main.command()
@click.argument("output", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True)
def score(output, gold, verbose):
    """Score extract output (JSON lines) against a gold annotation."""
    from .score import load_output, score as run_score, summary
    s = run_score(load_output(output), json.load(open(gold, encoding="utf-8"))["files"])
    if verbose:
        for line in s["problems"]:
            click.echo("  " + line)
    click.echo(summary(s))
