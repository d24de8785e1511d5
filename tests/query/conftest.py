import pytest

from graphbuild.graph.build import build_graph
from graphbuild.stores import EmbeddedStore


@pytest.fixture(scope="session")
def built(tmp_path_factory, data_dir):
    """The seeds built once for the query tests: files and store."""
    out = tmp_path_factory.mktemp("graph")
    build_graph([data_dir / "seeds"], out)
    return out


@pytest.fixture(scope="session")
def store(built):
    with EmbeddedStore(built) as s:
        yield s
