"""Several CSV files written at once, one row at a time: the embedded store's bulk COPY and the neo4j-admin import
both write one file per table this way, nothing held in memory."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any, Optional, Sequence


class _NullsBare:
    """A ``csv.writer`` stand-in that quotes every cell except None, which it leaves empty: neo4j-admin reads an
    empty quoted field as an empty string and a bare empty field as no property, a distinction ``csv.writer``
    cannot make before Python 3.12 (``QUOTE_NOTNULL``)."""

    def __init__(self, f: IO[str], lineterminator: str):
        self.f, self.lineterminator = f, lineterminator

    def writerow(self, row: Sequence[Any]) -> None:
        self.f.write(",".join("" if c is None else '"' + str(c).replace('"', '""') + '"' for c in row) +
                     self.lineterminator)


class CsvFiles:
    """Each file is opened at its first row (its header first, when one is given) and counts its rows, header not
    included; ``count`` lists the files in the order they were opened. ``lineterminator``: as ``csv.writer``'s.
    ``nulls_bare``: every cell quoted but None, left empty (else: quoted only where needed, None empty too)."""

    def __init__(self, lineterminator: str = "\n", nulls_bare: bool = False):
        self.lineterminator = lineterminator
        self.nulls_bare = nulls_bare
        self.count: dict[Path, int] = {}
        self._open: dict[Path, tuple[IO[str], Any]] = {}

    def write(self, path: Path, row: Sequence[Any], header: Optional[Sequence[str]] = None) -> None:
        if path not in self._open:
            f = open(path, "w", encoding="utf-8", newline="")
            writer: Any = _NullsBare(f, self.lineterminator) if self.nulls_bare else \
                csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator=self.lineterminator)
            if header is not None:
                writer.writerow(header)
            self._open[path] = (f, writer)
            self.count[path] = 0
        self._open[path][1].writerow(row)
        self.count[path] += 1

    def close(self) -> None:
        for f, _ in self._open.values():
            f.close()

    def __enter__(self) -> CsvFiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def write_csv(path: Path, rows: Sequence[Sequence[Any]], lineterminator: str = "\n") -> None:
    """A small CSV file (a header file of neo4j-admin) in one go."""
    with CsvFiles(lineterminator) as files:
        for row in rows:
            files.write(path, row)
