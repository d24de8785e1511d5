"""The extraction log's index on disk: lines read back in sorted file order (as ``sorted`` orders the names), a
later line of an input replacing its earlier one, an --append merge, and no index file left behind."""
import json

from graphbuild.graph.extraction_log import ExtractionLog


def write_log(path, names):
    """A log with one line per name, in the order given; the log and its offsets."""
    log = ExtractionLog(path)
    with open(path, "wb") as f:
        for name in names:
            log.note(name, path, f.tell())
            f.write(json.dumps({"file": name, "n": len(name)}, ensure_ascii=False).encode("utf-8") + b"\n")
    return log


def test_lines_are_read_back_sorted_and_a_later_line_replaces_an_earlier(tmp_path):
    names = ["b/2.txt", "đ/1.txt", "a/10.txt", "a/9.txt", "Z.txt", "a/2.txt~x"] + [f"n/{i}.txt" for i in range(25_000)]
    log = write_log(tmp_path / "x.jsonl", names)
    assert [name for name, _ in log.lines()] == sorted(names)
    assert len(log) == len(names) and "đ/1.txt" in log and "nowhere.txt" not in log
    assert all(json.loads(line)["file"] == name for name, line in log.lines())
    log.note("a/9.txt", tmp_path / "x.jsonl", 0)          # the same input again: its offset replaced
    assert dict(log.lines())["a/9.txt"] == (tmp_path / "x.jsonl").read_bytes().split(b"\n")[0] + b"\n"
    assert len(log) == len(names)
    log.close()
    assert [p.name for p in tmp_path.iterdir()] == ["x.jsonl"]          # the index is gone


def test_an_append_keeps_old_lines_takes_new_ones_and_drops_rejected_inputs(tmp_path):
    old = write_log(tmp_path / "old.jsonl", ["a.txt", "b.txt", "c.txt"])
    fresh = write_log(tmp_path / "new.jsonl", ["b.txt", "d.txt"])
    old.merge(fresh, ["c.txt"])
    fresh.close()
    merged = old.rewrite(tmp_path / "old.jsonl")
    assert [(name, json.loads(line)["file"]) for name, line in merged.lines()] == \
        [("a.txt", "a.txt"), ("b.txt", "b.txt"), ("d.txt", "d.txt")]
    # b.txt is the new log's line: the rewritten log holds it, and exactly these three lines in order
    lines = (tmp_path / "old.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["file"] for line in lines] == ["a.txt", "b.txt", "d.txt"]
    merged.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.jsonl", "old.jsonl"]


def test_an_index_left_by_a_killed_build_is_not_read(tmp_path):
    stale = write_log(tmp_path / "x.jsonl", ["old.txt"])
    stale._flush()
    stale.db.close()                                  # killed: the index file stays
    assert (tmp_path / ".x.jsonl.index").exists()
    log = ExtractionLog(tmp_path / "x.jsonl")
    assert len(log) == 0 and list(log.lines()) == []
    log.close()
