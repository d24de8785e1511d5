import os
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


# --- tests on a real Neo4j server ---------------------------------------------------------------------------------
# Marked `neo4j` (the integration modules set pytestmark); they skip without NEO4J_URI. The summary line says how
# many ran, and with GRAPHBUILD_REQUIRE_NEO4J=1 (CI, which starts a server) a skipped one fails the run.

_NEO4J_OUTCOMES: dict = {}                  # test id -> passed | failed | skipped


def pytest_configure(config):
    config.addinivalue_line("markers", "neo4j: needs a Neo4j server (NEO4J_URI); skipped without one")


# Under pytest-xdist (pyproject's addopts: -n 2) one process runs the files below, in order: the tests on the Neo4j
# server (they share its database; each module wipes and loads it) and the documented commands (each may need the
# one before; some load that database). Every other module is a unit of its own. A test marked neo4j elsewhere is
# refused at collection: it would run beside them.
_ONE_PROCESS = ("tests/serve/test_neo4j.py::", "tests/stores/test_neo4j_admin_import.py::",
                "tests/stores/test_neo4j_integration.py::", "tests/test_benchmarks.py::", "tests/test_docs.py::")


@pytest.hookimpl(tryfirst=True)         # before pytest-xdist's own, which would pick its scheduler by --dist
def pytest_xdist_make_scheduler(config, log):
    from xdist.scheduler import LoadScopeScheduling

    class Neo4jTestsInOneProcess(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            return "neo4j" if nodeid.startswith(_ONE_PROCESS) else super()._split_scope(nodeid)

    return Neo4jTestsInOneProcess(config, log)


def pytest_collection_modifyitems(config, items):
    stray = [item.nodeid for item in items if "neo4j" in item.keywords and not item.nodeid.startswith(_ONE_PROCESS)]
    if stray:
        raise pytest.UsageError(f"tests marked neo4j outside tests/conftest.py's _ONE_PROCESS files: {stray[:3]}")


def pytest_runtest_logreport(report):
    if "neo4j" in report.keywords and (report.when == "call" or report.outcome != "passed"):
        _NEO4J_OUTCOMES[report.nodeid] = report.outcome


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _NEO4J_OUTCOMES:
        return
    counts: dict = {}
    for outcome in _NEO4J_OUTCOMES.values():
        counts[outcome] = counts.get(outcome, 0) + 1
    where = "NEO4J_URI=" + os.environ["NEO4J_URI"] if os.environ.get("NEO4J_URI") else "NEO4J_URI not set"
    terminalreporter.write_line("Neo4j server tests (" + where + "): " +
                                ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())))


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return                  # a pytest-xdist worker: the main process has every outcome and decides
    if os.environ.get("GRAPHBUILD_REQUIRE_NEO4J") == "1":
        skipped = [nodeid for nodeid, outcome in _NEO4J_OUTCOMES.items() if outcome == "skipped"]
        if skipped or not _NEO4J_OUTCOMES:
            session.exitstatus = 1
            print(f"\nGRAPHBUILD_REQUIRE_NEO4J=1 but {len(skipped)} Neo4j server tests were skipped "
                  f"(of {len(_NEO4J_OUTCOMES)}): is NEO4J_URI set and the server up?")
