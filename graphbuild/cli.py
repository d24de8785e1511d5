"""Command line: a thin layer over the Python API (``graphbuild.read``, ``extract``, ``build``, ``query``, …)."""
from __future__ import annotations

import json
import sys

import click

from .extract import extract as extract_one
from .models import Reject
from .read import read


@click.group()
@click.version_option(package_name="graphbuild")
def main():
    """Citation knowledge graph of Vietnamese Party and State documents."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
def extract(paths, fmt):
    """Print what each input is and every document it cites (one JSON object per input)."""
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
