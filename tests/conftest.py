import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(autouse=True)
def _own_state_dir(tmp_path_factory, monkeypatch):
    """Builds remember the last graph folder under XDG_STATE_HOME; tests keep theirs out of the user's home."""
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.getbasetemp() / "state"))


# --- tests on a real Neo4j server ---------------------------------------------------------------------------------
# Marked `neo4j` (the integration modules set pytestmark); they skip without NEO4J_URI. The summary line says how
# many ran, and with GRAPHBUILD_REQUIRE_NEO4J=1 (CI, which starts a server) a skipped one fails the run.

_NEO4J_OUTCOMES: dict = {}                  # test id -> passed | failed | skipped


def pytest_configure(config):
    config.addinivalue_line("markers", "neo4j: needs a Neo4j server (NEO4J_URI); skipped without one")


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
    if os.environ.get("GRAPHBUILD_REQUIRE_NEO4J") == "1":
        skipped = [nodeid for nodeid, outcome in _NEO4J_OUTCOMES.items() if outcome == "skipped"]
        if skipped or not _NEO4J_OUTCOMES:
            session.exitstatus = 1
            print(f"\nGRAPHBUILD_REQUIRE_NEO4J=1 but {len(skipped)} Neo4j server tests were skipped "
                  f"(of {len(_NEO4J_OUTCOMES)}): is NEO4J_URI set and the server up?")
