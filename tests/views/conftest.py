"""Fixtures of the view tests: the seeds built once."""
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seeds built once (with the 'last build' pointer kept out of the user's home): the folder and graph."""
    from graphbuild.graph.build import build_graph
    state = tmp_path_factory.mktemp("state")
    old = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(state)
    try:
        return build_graph([str(ROOT / "data" / "seeds")], tmp_path_factory.mktemp("seedgraph"))
    finally:
        if old is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = old


@pytest.fixture(scope="session")
def seeds(seed_build):
    return seed_build.graph
