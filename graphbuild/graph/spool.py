"""A list of the report kept on disk while it grows: ``Spool`` (the unresolved stubs, the ambiguous citations, the
conflicts and the corrected statements of a million documents take hundreds of MB as dicts), read back in the
order it was appended, and written into report.json one item at a time (``files.write_report``).

Items are ``marshal``led (plain values: dicts, lists, strings, numbers; the round trip keeps them as they were) into
an anonymous temporary file, deleted when the spool is closed or collected. What stays in memory is the offset of
each item (8 bytes; 16 once reordered)."""
from __future__ import annotations

import marshal
import os
import tempfile
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Iterator, Optional, Protocol, TypeVar, Union, cast, overload

T = TypeVar("T")
T_contra = TypeVar("T_contra", contravariant=True)
_READ_BYTES = 1 << 20           # items are read back about this much at a time


class Sink(Protocol[T_contra]):
    """Where a pass puts what it reports, one item at a time: a list, or a ``Spool``."""

    def append(self, item: T_contra, /) -> None: ...


class Spool(Sequence[T]):
    """A sequence appended to on disk (in ``folder``, else the system's temporary folder); equal to a list of the
    same items."""

    def __init__(self, folder: Optional[Union[str, Path]] = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".graphbuild-spool-")
        self._ends = array("q", [0])        # the end of each item in the file, after a leading 0
        self._order: Optional["array[int]"] = None    # set by ``reorder``: the items' indices in the order they are read

    def append(self, item: T) -> None:
        if self._order is not None:
            raise ValueError("a reordered spool is read only")
        data = marshal.dumps(cast(Any, item))
        self._file.write(data)              # the file is only ever appended to: reads go through os.pread
        self._ends.append(self._ends[-1] + len(data))

    def extend(self, items: Any) -> None:
        for item in items:
            self.append(item)

    def reorder(self, order: Sequence[int]) -> None:
        """From now on the items are read in ``order`` (their indices as appended, each once): a list found in one
        order and reported in another is written once, and only its indices are sorted. No appends after it."""
        if sorted(order) != list(range(len(self))):
            raise ValueError("an order of a spool gives each of its items once")
        self._order = array("q", order)

    def __len__(self) -> int:
        return len(self._ends) - 1

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> list[T]: ...

    def __getitem__(self, index: Union[int, slice]) -> Union[T, list[T]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("spool index out of range")
        self._file.flush()
        at = index if self._order is None else self._order[index]
        start = self._ends[at]
        return cast(T, marshal.loads(os.pread(self._file.fileno(), self._ends[at + 1] - start, start)))

    def __iter__(self) -> Iterator[T]:
        """The items in the order they were appended, read about a MB at a time."""
        self._file.flush()
        if self._order is not None:
            for index in range(len(self)):
                yield self[index]
            return
        fd, ends, count = self._file.fileno(), self._ends, len(self)
        i = 0
        while i < count:
            j = i + 1
            while j < count and ends[j + 1] - ends[i] <= _READ_BYTES:
                j += 1
            block = memoryview(os.pread(fd, ends[j] - ends[i], ends[i]))
            base = ends[i]
            for k in range(i, j):
                yield marshal.loads(block[ends[k] - base:ends[k + 1] - base])
            i = j

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Spool, list, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None     # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spool({len(self)} items)"

    def close(self) -> None:
        self._file.close()


def materialised(value: Any) -> Any:
    """``value`` with a spool read into a list (for a report held in memory: a small corpus)."""
    if isinstance(value, Spool):
        items = list(value)
        value.close()
        return items
    return value
