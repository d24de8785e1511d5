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
