"""Every command of README.md and docs/*.md runs, as a new user would run it from a fresh clone: each fenced bash
block is split into commands, and each graphbuild command is run (in order, in one temporary folder holding a copy
of data/) and must succeed; each python block is executed there. Commands that need a Neo4j server run only when
NEO4J_URI is set. What is not a graphbuild command (pip, pytest, docker, neo4j-admin, cypher-shell) is named in
NOT_OURS with the reason; any other command fails this test, so a new command in the docs needs a look here.

WARNING: with NEO4J_URI set, like tests/stores/test_neo4j_integration.py, it wipes graphbuild's labels in that
database before the documented `load --neo4j`: point it at a scratch server."""
import os
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphbuild.cli import main

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Not graphbuild: installed already (pip), this very suite (pytest), or a server's own tools.
NOT_OURS = {"pip": "the package is installed", "pytest": "the test suite itself", "docker": "starts a server",
            "neo4j-admin": "the server's importer", "cypher-shell": "the server's shell"}
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


def blocks():
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            yield doc, text[:m.start()].count("\n") + 2, m.group(1), m.group(2)


def commands():
    """(doc:line, words, needs Neo4j) of every command of the bash blocks, in document order."""
    out = []
    for doc, line, lang, body in blocks():
        if lang not in ("bash", "sh"):
            continue
        body = re.sub(r"\\\n\s*", " ", body)
        for offset, text in enumerate(body.splitlines()):
            words = shlex.split(text, comments=True)
            while words:
                if "&&" in words:
                    i = words.index("&&")
                    command, words = words[:i], words[i + 1:]
                else:
                    command, words = words, []
                where = f"{doc.name}:{line + offset}"
                out.append(pytest.param(command, id=f"{where} {' '.join(command)[:60]}"))
    return out


def python_blocks():
    return [pytest.param(body, id=f"{doc.name}:{line}") for doc, line, lang, body in blocks() if lang == "python"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A fresh clone's data/ in a folder of its own, where the commands run (the README builds ./graph first)."""
    here = tmp_path_factory.mktemp("clone")
    shutil.copytree(ROOT / "data" / "seeds", here / "data" / "seeds")
    shutil.copytree(ROOT / "data" / "corpus", here / "data" / "corpus")
    shutil.copytree(ROOT / "data" / "eval", here / "data" / "eval")
    shutil.copytree(ROOT / "data" / "gold", here / "data" / "gold")
    return here


def _needs_neo4j(command):
    return "--neo4j" in command and "--admin-import" not in command or any(w.startswith("NEO4J_") for w in command)


@pytest.mark.parametrize("command", commands())
def test_every_documented_command_runs(command, folder, monkeypatch):
    monkeypatch.chdir(folder)
    command, env = list(command), {}
    while command and re.fullmatch(r"[A-Z][A-Z0-9_]*=.*", command[0]):       # VAR=value command
        key, _, value = command.pop(0).partition("=")
        env[key] = value
    if not command:
        pytest.skip("only sets variables")
    if command[0] in NOT_OURS:
        pytest.skip(f"{command[0]}: {NOT_OURS[command[0]]}")
    if command[0] in ("export", "eval"):
        assert all(w.split("=")[0].startswith("NEO4J_") for w in command[1:] if "=" in w), command
        pytest.skip("the Neo4j settings: taken from the environment of this test run")
    assert command[0] == "graphbuild", f"not a graphbuild command: {command} (add it to NOT_OURS with a reason)"
    if _needs_neo4j(command) and not os.environ.get("NEO4J_URI"):
        pytest.skip("needs a Neo4j server (NEO4J_URI)")
    args, out = command[1:], None
    if ">" in args:
        i = args.index(">")
        args, out = args[:i], args[i + 1]
    if not (folder / "graph" / "report.json").exists() and args[0] != "build":
        r = CliRunner().invoke(main, ["build", "data/seeds", "data/corpus", "--out", "graph", "-q"])
        assert r.exit_code == 0, r.output
    if args[:2] == ["load", "--neo4j"] and "--wipe" not in args and "--admin-import" not in args:
        from graphbuild.stores.neo4j import Neo4jStore
        with Neo4jStore.from_env() as server:        # a scratch server: start from an empty graph, as documented
            server.wipe()
    if args[0] == "serve":           # a server runs until stopped: here it answers one page, then stops
        monkeypatch.setattr("graphbuild.serve.serve", _answer_one_page)
    r = CliRunner().invoke(main, args, env=env or None)
    assert r.exit_code == 0, f"{' '.join(command)}\n{r.output}"
    if out:
        Path(out).write_text(r.stdout, encoding="utf-8")
        assert Path(out).stat().st_size > 0


def _answer_one_page(explorer, host="127.0.0.1", port=8000, **_):
    from starlette.testclient import TestClient

    from graphbuild.serve import create_app
    try:
        page = TestClient(create_app(explorer)).get("/search", params={"q": "Kết luận 44"})
        assert page.status_code == 200 and "44-KL/TW" in page.text
    finally:
        explorer.close()


@pytest.mark.parametrize("body", python_blocks())
def test_every_documented_python_block_runs(body, folder, monkeypatch):
    monkeypatch.chdir(folder)
    if "neo4j" in body.lower() and not os.environ.get("NEO4J_URI"):
        pytest.skip("needs a Neo4j server (NEO4J_URI)")
    exec(compile(body, "<docs>", "exec"), {"__name__": "__docs__"})
