"""The table loader: rows checked as they are read, a bad row named by file, line and reason."""
from dataclasses import dataclass
from itertools import count
from typing import Optional

import pytest

from graphbuild.vocab import loader
from graphbuild.vocab.loader import Column, Table, VocabError


@dataclass(frozen=True)
class Row:
    code: str
    level: str
    rank: Optional[int]
    ok: bool
    pattern: str
    words: tuple


_NAMES = count()      # a table is read once per process: every test's table has a file name of its own
COLUMNS = (Column("code"), Column("level", allowed=("central", "local")), Column("rank", "int", optional=True),
           Column("ok", "yes/no"), Column("pattern", "regex"), Column("words", many=True))


@pytest.fixture
def table(tmp_path, monkeypatch):
    """A table file in a folder of its own: table(text) -> Table over it."""
    monkeypatch.setattr(loader, "VOCAB_DIR", tmp_path)

    def make(text: str, key: tuple = ("code",)) -> Table:
        name = f"t{next(_NAMES)}.tsv"
        (tmp_path / name).write_text(text, encoding="utf-8")
        return Table(name, COLUMNS, Row, key=key)
    return make


def test_rows_become_typed_records(table):
    rows = loader.read(table("# a comment\ncode\tlevel\trank\tok\tpattern\twords\n\n"
                             "TW\tcentral\t1\tyes\tT/?W\ta|b\n"
                             "UBND\tlocal\t\tno\tx+\tc\n"))
    assert rows == (Row("TW", "central", 1, True, "T/?W", ("a", "b")), Row("UBND", "local", None, False, "x+", ("c",)))


def test_read_once(table):
    t = table("TW\tcentral\t1\tyes\tx\ta\n")
    assert loader.read(t) is loader.read(t)


@pytest.mark.parametrize("line,reason", [
    ("TW\tcentral\t1\tyes\tx", "6 cells expected"),
    ("TW\tcentral\t1\tyes\tx\ta\tb", "6 cells expected"),
    ("TW\tregional\t1\tyes\tx\ta", "level 'regional' is not one of central, local"),
    ("TW\tcentral\tfirst\tyes\tx\ta", "invalid literal for int()"),
    ("TW\tcentral\t1\ttrue\tx\ta", "ok must be 'yes' or 'no'"),
    ("TW\tcentral\t1\tyes\t(x\ta", "pattern '(x' is not a regular expression"),
    ("\tcentral\t1\tyes\tx\ta", "code is empty"),
    ("TW \tcentral\t1\tyes\tx\ta", "starts or ends with a blank"),
])
def test_a_bad_row_names_file_line_and_reason(table, line, reason):
    t = table("# header\nQH\tcentral\t1\tyes\tx\ta\n" + line + "\n")
    with pytest.raises(VocabError) as err:
        loader.read(t)
    assert err.value.file == t.file and err.value.line == 3
    assert str(err.value).startswith(f"{t.file}:3: ") and reason in err.value.reason


def test_a_key_used_twice(table):
    with pytest.raises(VocabError, match=r":2: code \('TW',\) already on line 1"):
        loader.read(table("TW\tcentral\t1\tyes\tx\ta\nTW\tlocal\t2\tno\ty\tb\n"))


def test_an_empty_table(table):
    with pytest.raises(VocabError, match="no rows"):
        loader.read(table("# only a comment\n"))


def test_records_must_match_the_columns(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "VOCAB_DIR", tmp_path)
    (tmp_path / "x.tsv").write_text("a\n", encoding="utf-8")
    with pytest.raises(TypeError):
        loader.read(Table("x.tsv", (Column("other"),), Row))
