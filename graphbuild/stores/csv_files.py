"""Several CSV files written at once, one row at a time: the embedded store's bulk COPY and the neo4j-admin import
both write one file per table this way, nothing held in memory."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import IO, Any, Optional, Sequence


class CsvFiles:
    """Each file is opened at its first row (its header first, when one is given) and counts its rows, header not
    included; ``count`` lists the files in the order they were opened. ``lineterminator``: as ``csv.writer``'s."""

    def __init__(self, lineterminator: str = "\n"):
        self.lineterminator = lineterminator
        self.count: dict[Path, int] = {}
        self._open: dict[Path, tuple[IO[str], Any]] = {}

    def write(self, path: Path, row: Sequence[Any], header: Optional[Sequence[str]] = None) -> None:
        if path not in self._open:
            f = open(path, "w", encoding="utf-8", newline="")
            writer = csv.writer(f, quoting=csv.QUOTE_MINIMAL, lineterminator=self.lineterminator)
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
