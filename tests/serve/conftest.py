import pytest

from graphbuild.serve import Explorer, create_app


@pytest.fixture(scope="session")
def explorer(built):
    """The seeds' graph, opened read-only as `graphbuild serve` opens it."""
    from graphbuild.stores import EmbeddedStore
    ex = Explorer(EmbeddedStore(built), "ladybug", str(built), built)
    yield ex
    ex.close()


@pytest.fixture(scope="session")
def client(explorer):
    from starlette.testclient import TestClient
    return TestClient(create_app(explorer))
