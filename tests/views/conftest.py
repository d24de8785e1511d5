"""Fixtures of the view tests: the seeds built once."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seeds built once: the folder and graph."""
    from graphbuild.graph.build import build_graph
    return build_graph([str(ROOT / "data" / "seeds")], tmp_path_factory.mktemp("seedgraph"))


@pytest.fixture(scope="session")
def seeds(seed_build):
    return seed_build.graph
