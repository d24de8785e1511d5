"""What every command of the CLI shares: exit codes and the click exceptions that carry them, the graph a command
reads (said on stderr), the store it runs on, the Neo4j options, rows written out, progress bars.

Exit codes (README, "Exit status"):

    0  done                          3  done, but some inputs were rejected (rejects.jsonl)
    1  error (store, Neo4j, files)   4  the document reference matches several documents (they are listed)
    2  usage (bad option or value)   5  the document reference matches no document (nearest ones suggested)
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional

import click

if TYPE_CHECKING:
    from .stores.base import Store

EXIT_ERROR, EXIT_USAGE, EXIT_REJECTS, EXIT_AMBIGUOUS, EXIT_NO_MATCH = 1, 2, 3, 4, 5
FORMATS = ("table", "json", "csv", "xlsx")


class Failure(click.ClickException):
    exit_code = EXIT_ERROR


class Rejected(Failure):
    exit_code = EXIT_REJECTS


class Ambiguous(Failure):
    exit_code = EXIT_AMBIGUOUS


class NotFound(Failure):
    exit_code = EXIT_NO_MATCH


@contextmanager
def user_errors() -> Iterator[None]:
    """The library's errors as the click exception of their exit code; their messages as they are."""
    from .graph.locate import GraphNotFound
    from .query.errors import AmbiguousRef, NoMatch, ParameterError, QueryError
    from .stores.base import StoreError
    from .vocab.gazetteer import PlaceError
    try:
        yield
    except AmbiguousRef as e:
        raise Ambiguous(str(e)) from None
    except NoMatch as e:
        raise NotFound(str(e)) from None
    except (ParameterError, PlaceError) as e:
        raise click.UsageError(str(e)) from None
    except QueryError as e:
        raise click.UsageError(str(e)) from None
    except (StoreError, GraphNotFound) as e:
        raise Failure(str(e)) from None
    except Exception as e:
        # A BuildError comes only from a build, which has imported graph.build; a command that does not build (a
        # server starting) need not import it to tell.
        build = sys.modules.get("graphbuild.graph.build")
        if build is not None and isinstance(e, build.BuildError):
            raise click.UsageError(str(e)) from None
        raise


def say(message: str) -> None:
    """A line for the user on stderr (stdout is kept for the answer)."""
    click.echo(message, err=True)


def graph_folder(graph_dir: Optional[str], quiet: bool = False) -> Path:
    """The built graph a command reads (``graph.locate``), said on stderr: path, build date, counts."""
    from .graph.locate import find_graph_dir, graph_info
    with user_errors():
        folder = find_graph_dir(graph_dir)
    if not quiet:
        say(graph_info(folder).line())
    return folder


# --- stores ------------------------------------------------------------------------------------------------------

NEO4J_OPTIONS = (
    click.option("--neo4j", "use_neo4j", is_flag=True, help="Run on Neo4j (NEO4J_URI, NEO4J_USERNAME, …)."),
    click.option("--uri", help="Neo4j URI; default: NEO4J_URI (bolt://, neo4j://, +s, +ssc)."),
    click.option("--user", help="Neo4j user; default: NEO4J_USERNAME or neo4j."),
    click.option("--password", help="Default: NEO4J_PASSWORD (prefer the variable: flags show in process lists)."),
    click.option("--database", help="Neo4j database; default: NEO4J_DATABASE or the server's default."),
)


def neo4j_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(NEO4J_OPTIONS):
        f = option(f)
    return f


@dataclass(frozen=True)
class Neo4jSettings:
    use: bool = False
    uri: Optional[str] = None
    user: Optional[str] = None
    password: Optional[str] = None
    database: Optional[str] = None


def open_store(graph_dir: Optional[str], neo4j: Neo4jSettings = Neo4jSettings(),
               read_only: bool = True) -> tuple[Store, str]:
    """(store, engine): Neo4j when asked, else the embedded store of the graph folder; says which on stderr."""
    with user_errors():
        if neo4j.use:
            from .stores.neo4j import Neo4jStore
            server = Neo4jStore.from_env(uri=neo4j.uri, user=neo4j.user, password=neo4j.password,
                                         database=neo4j.database)
            try:
                count = server.run("MATCH (d:Document) RETURN count(d) AS n")[0]["n"]
            except Exception:
                server.close()
                raise
            say(f"graph: Neo4j {server.describe()} ({count} documents)")
            return server, "neo4j"
        from .stores.ladybug import EmbeddedStore
        return EmbeddedStore(graph_folder(graph_dir), read_only=read_only), "ladybug"


# --- rows out ------------------------------------------------------------------------------------------------------

def emit_rows(rows: list[dict[str, Any]], fmt: str, out: Optional[str], bom: bool) -> None:
    """Rows as a table, JSON, CSV (with a byte order mark for Excel when ``bom``) or an Excel workbook, to ``out``
    or stdout (a workbook needs a file)."""
    from .query.output import format_rows, write_xlsx
    if fmt == "xlsx":
        if not out:
            raise click.UsageError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
        write_xlsx(rows, Path(out))
        say(f"{len(rows)} rows -> {out}")
        return
    text = format_rows(rows, fmt)
    if bom and fmt == "csv":
        text = "\ufeff" + text
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
        say(f"{len(rows)} rows -> {out}")
    else:
        click.echo(text)


def output_options(f: Callable[..., Any]) -> Callable[..., Any]:
    f = click.option("--bom", is_flag=True, help="CSV: start with a byte order mark (Excel then reads UTF-8).")(f)
    f = click.option("-o", "--output", "out", type=click.Path(dir_okay=False),
                     help="Write to this file instead of stdout (needed for xlsx).")(f)
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)(f)


# --- progress ------------------------------------------------------------------------------------------------------

class StageBars:
    """A progress bar per stage (total and ETA) on stderr, only when stderr is a terminal: ``update(stage, done,
    total)`` as a ``Progress`` callback."""

    LABELS = {"extract": "reading", "resolve": "resolving", "store": "loading the store", "nodes": "nodes",
              "relationships": "relationships"}

    def __init__(self, enabled: bool = True):
        self.enabled = enabled and sys.stderr.isatty()
        self.stage: Optional[str] = None
        self.bar: Any = None
        self.done = 0

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage != self.stage:
            self.close()
            self.stage, self.done = stage, 0
            self.bar = click.progressbar(length=max(total, 1), label=self.LABELS.get(stage, stage), file=sys.stderr,
                                         show_eta=True, show_percent=True)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None

    def __enter__(self) -> StageBars:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
