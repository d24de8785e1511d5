"""`graphbuild serve`: which graph, which address, and the warning when it is opened to the network (the server
itself replaced by a stand-in that records how it was asked to run)."""
import pytest
from click.testing import CliRunner

from graphbuild.cli import main


@pytest.fixture
def ran(monkeypatch):
    calls = []

    def stand_in(explorer, host="127.0.0.1", port=8000, **_):
        calls.append({"host": host, "port": port, "where": explorer.where, "engine": explorer.engine})
        explorer.close()
    monkeypatch.setattr("graphbuild.serve.serve", stand_in)
    return calls


def test_serves_this_machine_only_by_default(built, ran):
    result = CliRunner().invoke(main, ["serve", "--graph", str(built), "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert ran == [{"host": "127.0.0.1", "port": 8123, "where": str(built), "engine": "ladybug"}]
    assert "http://127.0.0.1:8123/" in result.stderr and "warning" not in result.stderr


def test_other_addresses_only_on_request_with_a_warning(built, ran):
    result = CliRunner().invoke(main, ["serve", "--graph", str(built), "--host", "0.0.0.0"])
    assert result.exit_code == 0 and ran[0]["host"] == "0.0.0.0"
    assert "warning: listening on 0.0.0.0" in result.stderr and "no login" in result.stderr


def test_no_graph_is_an_error_that_says_so(tmp_path, ran, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code != 0 and not ran and "graph" in result.output.lower()
