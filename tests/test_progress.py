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
    files = sum(1 for folder in ("seeds", "corpus") for _ in (data_dir / folder).iterdir())
    assert len({d for d, _ in extract}) > files          # within a catalogue, record by record: not one jump per file
    assert ("resolve", 1, 1) in seen and ("store", 3, 3) in seen


def test_with_several_workers_a_large_catalogue_is_shared_between_them(tmp_path):
    from graphbuild.graph.build import CATALOGUE_PART_BYTES, work_items
    big = tmp_path / "big.jsonl"
    big.write_bytes(b"x" * (CATALOGUE_PART_BYTES + 1))
    small = tmp_path / "small.txt"
    small.write_bytes(b"y")
    assert [item for item, _ in work_items([big, small], jobs=2)] == [(str(big), 0, 2), (str(big), 1, 2),
                                                                      (str(small), 0, 1)]
    assert [item for item, _ in work_items([big], jobs=1)] == [(str(big), 0, 1)]


def test_several_workers_give_the_same_graph(tmp_path, data_dir, monkeypatch):
    import graphbuild.graph.build as build
    monkeypatch.setattr(build, "CATALOGUE_PART_BYTES", 1000)      # split the small catalogues of data/corpus
    one = build_graph([data_dir / "corpus"], tmp_path / "one")
    two = build_graph([data_dir / "corpus"], tmp_path / "two", jobs=2)
    for name in ("documents.jsonl", "edges.jsonl", "rejects.jsonl", "report.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name
    assert one.inputs == two.inputs


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
