import csv

from graphbuild.stores.csv_files import CsvFiles, write_csv


def test_files_open_at_their_first_row_with_their_header_and_count_their_rows(tmp_path):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    with CsvFiles(lineterminator="\r\n") as files:
        files.write(b, ["x", 'say "hi",\nthen'], header=["k", "v"])
        files.write(a, [1, None])
        files.write(b, ["y", ""], header=["k", "v"])
    assert list(files.count.items()) == [(b, 2), (a, 1)]
    assert b.read_bytes() == b'k,v\r\nx,"say ""hi"",\nthen"\r\ny,\r\n'
    with open(b, encoding="utf-8", newline="") as f:
        assert list(csv.reader(f)) == [["k", "v"], ["x", 'say "hi",\nthen'], ["y", ""]]
    assert a.read_bytes() == b"1,\r\n"


def test_write_csv(tmp_path):
    write_csv(tmp_path / "h.csv", [["id:ID(Document)", ":LABEL"]])
    assert (tmp_path / "h.csv").read_text(encoding="utf-8") == "id:ID(Document),:LABEL\n"
