"""Command line, the commands that measure a graph or an extraction: ``stats`` (counts), ``check`` (what cannot be
true), ``score`` (against a gold annotation). They add themselves to ``cli.main``."""
from __future__ import annotations

import json
from typing import Optional

import click

from .cli import main
from .cli_support import EXIT_ERROR, graph_folder


@main.command()
@click.option("--graph", "graph_dir", type=click.Path(), help="Built graph folder (default: ./graph, else "
                                                              "$GRAPHBUILD_GRAPH).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--top", default=15, show_default=True, help="Localities and reasons shown (table).")
def stats(graph_dir: Optional[str], fmt: str, top: int) -> None:
    """Counts by document type, level, relation, mode and locality; what could not be resolved, by reason; the
    check's violations when the build ran one."""
    from .graph.stats import format_stats, graph_stats
    numbers = graph_stats(graph_folder(graph_dir))
    click.echo(json.dumps(numbers.as_dict(), ensure_ascii=False, indent=2) if fmt == "json"
               else format_stats(numbers, top))


@main.command()
@click.argument("output", type=click.Path(exists=True))
@click.argument("gold", type=click.Path(exists=True))
@click.option("-v", "--verbose", is_flag=True)
def score(output: str, gold: str, verbose: bool) -> None:
    """Score extract output (JSON lines) against a gold annotation."""
    from .eval.score import load_output, summary
    from .eval.score import score as run_score
    with open(gold, encoding="utf-8") as f:
        scores = run_score(load_output(output), json.load(f)["files"])
    if verbose:
        for line in scores["problems"]:
            click.echo("  " + line)
    click.echo(summary(scores))


@main.command()
@click.argument("graph_dir", required=False, type=click.Path())
@click.option("--graph", "graph_option", type=click.Path(), help="Built graph folder (same as GRAPH_DIR).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def check(graph_dir: Optional[str], graph_option: Optional[str], fmt: str) -> None:
    """Check a built graph for what cannot be true (a document acting on a later one, a decree amending a law, a
    document citing itself, one document written two ways, a symbol that names no document), each with its
    evidence; and list what the texts got wrong and how the build read them. Exit status 1 when any violation."""
    from .graph.check import check_graph, summary
    from .graph.files import GraphFiles
    report = check_graph(GraphFiles(graph_folder(graph_dir or graph_option)))
    if fmt == "json":
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for item in report["items"]:
            where = " -> ".join(s or "?" for s in item.get("symbols") or []) or item.get("source", "")
            click.echo(f"{item['kind']:<15} {where}: {item['reason']}")
            if item.get("evidence"):
                click.echo(f"{'':<15} {item['evidence']['file']}: {' '.join(item['evidence']['text'].split())[:160]}")
        for item in report["notices"]:
            click.echo(f"notice {item['kind']:<8} {' '.join(s or '?' for s in item.get('symbols') or [])} "
                       f"{item['reason']}")
        click.echo(f"{summary(report)}; {len(report['notices'])} notices")
    if report["violations"]:
        raise click.exceptions.Exit(EXIT_ERROR)
