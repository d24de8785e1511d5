"""Which built graph a command reads, and the line that tells the user so.

A command reads the folder it is given (``--graph DIR``); without one, ``./graph`` when that folder exists, else the
folder named by ``$GRAPHBUILD_GRAPH``, else it stops and says how to build or name one. There is no per-user memory
of the last build: an answer must never come silently from a graph built elsewhere.

A build also writes ``build.json`` (when, from which inputs, by which version): the only file of a built graph that
differs between two builds of the same inputs, so it is kept apart from ``report.json``.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Optional, Sequence, Union

GRAPH_ENV = "GRAPHBUILD_GRAPH"
DEFAULT_DIR = "graph"
BUILD_INFO = "build.json"
# The files whose presence makes a folder a built graph (the store may be missing: it is checked where it is read).
GRAPH_MARKERS = ("documents.jsonl", "report.json")

PathLike = Union[str, Path]


class GraphNotFound(Exception):
    """No built graph where one was looked for; the message says where it looked and what to do."""


def is_graph_dir(path: PathLike) -> bool:
    folder = Path(path)
    return all((folder / name).is_file() for name in GRAPH_MARKERS)


def find_graph_dir(explicit: Optional[PathLike] = None) -> Path:
    """The built graph a command reads: ``explicit``, else ./graph when it exists, else $GRAPHBUILD_GRAPH."""
    if explicit:
        folder, why = Path(explicit), "--graph"
    elif Path(DEFAULT_DIR).exists():
        folder, why = Path(DEFAULT_DIR), "the default ./graph"
    elif os.environ.get(GRAPH_ENV):
        folder, why = Path(os.environ[GRAPH_ENV]), f"${GRAPH_ENV}"
    else:
        raise GraphNotFound(f"no graph to read: there is no ./{DEFAULT_DIR} here and ${GRAPH_ENV} is not set; build one "
                            f"with 'graphbuild build PATH… --out {DEFAULT_DIR}', or name one with --graph DIR")
    if not is_graph_dir(folder):
        raise GraphNotFound(f"{folder} ({why}) holds no built graph (no documents.jsonl and report.json): build one "
                            f"with 'graphbuild build PATH… --out {folder}', or name another with --graph DIR")
    return folder


def write_build_info(out: PathLike, inputs: Sequence[PathLike], report: dict[str, Any]) -> None:
    from importlib.metadata import PackageNotFoundError, version
    try:
        own_version = version("graphbuild")
    except PackageNotFoundError:
        own_version = None
    info = {"built_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "inputs": [str(p) for p in inputs], "graphbuild": own_version,
            "documents": report.get("documents"), "edges": report.get("edges")}
    (Path(out) / BUILD_INFO).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class GraphInfo:
    """What the line on stderr says about the graph a command read."""
    path: Path
    built_at: Optional[str]
    inputs: tuple[str, ...]
    documents: Optional[int]
    edges: Optional[int]

    def line(self) -> str:
        built = f"built {self.built_at.replace('T', ' ')[:16]} UTC" if self.built_at else "build date unknown"
        source = f" from {' '.join(self.inputs)}" if self.inputs else ""
        counts = f"{self.documents} documents, {self.edges} citations" if self.documents is not None else "no counts"
        return f"graph: {self.path} ({built}{source}; {counts})"


def graph_info(folder: PathLike) -> GraphInfo:
    """The build date and inputs (build.json, when the build wrote one) and the counts (report.json)."""
    folder = Path(folder)
    info: dict[str, Any] = {}
    report: dict[str, Any] = {}
    for name, into in ((BUILD_INFO, info), ("report.json", report)):
        try:
            into.update(json.loads((folder / name).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    return GraphInfo(folder.resolve(), info.get("built_at"), tuple(info.get("inputs") or ()),
                     report.get("documents"), report.get("edges"))
