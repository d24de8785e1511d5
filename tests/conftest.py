from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(autouse=True)
def _no_graph_from_the_environment(monkeypatch):
    """A user's $GRAPHBUILD_GRAPH must not decide which graph a test reads."""
    monkeypatch.delenv("GRAPHBUILD_GRAPH", raising=False)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """The seeds built once for the query and graph tests: files and store."""
    from graphbuild.graph.build import build_graph
    out = tmp_path_factory.mktemp("graph")
    build_graph([DATA / "seeds"], out)
    return out


@pytest.fixture(scope="session")
def store(built):
    from graphbuild.stores import EmbeddedStore
    with EmbeddedStore(built) as s:
        yield s
