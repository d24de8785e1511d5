"""`load --admin-import` for real: the printed command is run unchanged with neo4j-admin into a stopped server's
database, and a `load --neo4j` afterwards changes no data (the CSVs carry every property the loader writes).

It needs a server it may stop: a throwaway one made with the start.sh/stop.sh of a Neo4j test distribution
(../shared/neo4j in CI, which sets GRAPHBUILD_NEO4J_SCRIPTS to that folder); skipped without it. It uses its own
run folder and port, so the server of NEO4J_URI is not touched.
"""
import os
import re
import shlex
import socket
import subprocess
from pathlib import Path

import pytest

SCRIPTS = os.environ.get("GRAPHBUILD_NEO4J_SCRIPTS")
pytestmark = [pytest.mark.neo4j,
              pytest.mark.skipif(not (SCRIPTS and (Path(SCRIPTS) / "start.sh").exists()),
                                 reason="GRAPHBUILD_NEO4J_SCRIPTS not set: no Neo4j distribution to import into")]

from neo4j_snapshot import snapshot  # noqa: E402

from graphbuild.cli import main  # noqa: E402
from graphbuild.graph import GraphFiles  # noqa: E402
from graphbuild.graph.build import build_graph as build  # noqa: E402
from graphbuild.stores.neo4j import Neo4jStore  # noqa: E402


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server of its own in ``run_dir``: started, stopped and started again by the distribution's scripts."""

    def __init__(self, run_dir):
        self.run_dir, self.port = run_dir, _free_port()
        self.env = dict(os.environ, NEO4J_BOLT_PORT=str(self.port), NEO4J_HEAP="512m", NEO4J_PAGECACHE="64m")

    def start(self):
        done = subprocess.run([str(Path(SCRIPTS) / "start.sh"), str(self.run_dir)], env=self.env,
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        exports = dict(re.findall(r"(NEO4J_\w+)=(\S+)", done.stdout))
        return Neo4jStore(exports["NEO4J_URI"], exports["NEO4J_USERNAME"], shlex.split(exports["NEO4J_PASSWORD"])[0],
                          exports["NEO4J_DATABASE"])

    def stop(self, purge=False):
        subprocess.run([str(Path(SCRIPTS) / "stop.sh"), *(["--purge"] if purge else []), str(self.run_dir)],
                       env=self.env, capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("neo4j-home"))
    srv.start().close()          # makes the home and its database, then stops: neo4j-admin needs it stopped
    srv.stop()
    yield srv
    srv.stop(purge=True)


def test_printed_command_imports_and_a_load_afterwards_changes_nothing(server, tmp_path, data_dir):
    built = tmp_path / "graph"
    build([data_dir / "seeds"], built)
    from click.testing import CliRunner
    result = CliRunner().invoke(main, ["load", "--graph", str(built), "--admin-import", str(tmp_path / "import"),
                                       "--overwrite-destination"])
    assert result.exit_code == 0, result.output
    command = next(line.strip() for line in result.output.splitlines() if line.strip().startswith("neo4j-admin "))
    # Unchanged: the printed line goes to a shell as it is, with the distribution's bin/ first on PATH.
    env = dict(server.env, PATH=f"{server.run_dir / 'bin'}:{os.environ.get('PATH', '')}",
               NEO4J_HOME=str(server.run_dir))
    done = subprocess.run(["bash", "-c", command], env=env, capture_output=True, text=True, timeout=600,
                          cwd=tmp_path)
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    assert "IMPORT DONE" in done.stdout + done.stderr
    assert (tmp_path / "import" / "import.report").exists() and not (tmp_path / "import.report").exists()

    with server.start() as store:
        imported = snapshot(store)
        report = store.load(GraphFiles(built))
        assert report["ok"], report["mismatches"]
        assert report["mode"] == "merge"
        assert snapshot(store) == imported                           # the load changed no data
        assert imported[0] and imported[1]
        store.wipe()                                                 # and a load alone gives the same graph
        assert store.load(GraphFiles(built))["ok"]
        assert snapshot(store) == imported
    server.stop()
