"""Progress of long builds and loads: a bar with the total and an ETA on a terminal, nothing when not one."""
import io

from click.testing import CliRunner

from graphbuild.cli import main
from graphbuild.cli_support import StageBars
from graphbuild.graph.build import build_graph


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_build_reports_every_stage_with_its_total(tmp_path, data_dir):
    seen = []
    build_graph([data_dir / "seeds", data_dir / "corpus"], tmp_path / "g", progress=lambda *a: seen.append(a))
    extract = [(done, total) for stage, done, total in seen if stage == "extract"]
    total = sum(p.stat().st_size for folder in ("seeds", "corpus") for p in (data_dir / folder).iterdir())
    assert extract[-1] == (total, total) and [d for d, _ in extract] == sorted(d for d, _ in extract)
    assert len(extract) == len({d for d, _ in extract}) > 5          # a catalogue is read in parts, not in one go
    assert ("resolve", 1, 1) in seen and ("store", 3, 3) in seen


def test_a_bar_with_total_and_eta_on_a_terminal(monkeypatch):
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("click._termui_impl.isatty", lambda f: True)
    with StageBars() as bars:
        for done in range(0, 101, 10):
            bars.update("extract", done * 1000, 100_000)
        bars.update("store", 3, 3)
    out = terminal.getvalue()
    assert "reading" in out and "100%" in out and "loading the store" in out


def test_nothing_when_not_a_terminal(tmp_path, data_dir):
    r = CliRunner().invoke(main, ["build", str(data_dir / "seeds"), "--out", str(tmp_path / "g")])
    assert r.exit_code == 0 and "reading" not in r.stderr and "%" not in r.stderr
