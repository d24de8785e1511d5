"""Each regular expression of the text pass, alone: how fast Python's ``re`` scans a corpus with it, and whether it is
on ``re``'s fast path (docs/patterns.md).

    python benchmarks/patterns.py [CORPUS] [--mb 4] [--json FILE]

CORPUS: a catalogue (.jsonl with a ``text`` field, the gazette's) or a folder of .txt files (default: data/seeds and
data/corpus). The first ``--mb`` million characters of its texts, joined, are scanned with ``finditer`` by every
compiled pattern found at module level in the modules that read texts (``MODULES``): the best of three passes, in
millions of characters per second, with the number of matches. ``start`` says what ``re`` can skip ahead with before
it tries a match at a position: ``literal`` (a fixed prefix, searched for with a fast string search), ``charset``
(one character class: a tight loop over the text), or ``none`` (the matcher is entered at every position: a pattern
that begins with a lookahead, a group of alternatives that do not each begin with one literal character, or a
repeat such as ``\\d{1,5}``). It reads CPython's own compiler (``re._compiler``) to tell; on another interpreter that
column is ``?``. A pattern that matches the empty string is left out: it is only ever tried at a position the
code already knows (``.match``), never scanned over a text. Numbers only; nothing is asserted.
"""
from __future__ import annotations

import argparse
import importlib
import json
import platform
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MODULES = ("graphbuild.vocab.patterns", "graphbuild.text.normalize", "graphbuild.text.header",
           "graphbuild.text.segment", "graphbuild.text.layout", "graphbuild.extract.mentions",
           "graphbuild.extract.documents", "graphbuild.extract.relations", "graphbuild.extract.clauses",
           "graphbuild.extract.lines", "graphbuild.extract.consolidated", "graphbuild.extract.extractor",
           "graphbuild.ingest.legacy")


def start_kind(pattern: re.Pattern) -> str:
    """'literal', 'charset' or 'none': what ``re`` compiles into the pattern's search prefix (CPython 3.11+)."""
    try:
        from re import _compiler, _parser  # type: ignore[attr-defined]
        parsed = _parser.parse(pattern.pattern, pattern.flags)
        prefix, _, _ = _compiler._get_literal_prefix(parsed, pattern.flags)
        if prefix:
            return "literal"
        return "charset" if _compiler._get_charset_prefix(parsed, pattern.flags) else "none"
    except Exception:           # noqa: BLE001 - another interpreter, or its internals changed
        return "?"


def sample_text(corpus: list[Path], chars: int) -> str:
    parts: list[str] = []
    size = 0
    for path in corpus:
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.suffix == ".jsonl":
                lines = (json.loads(line).get("text") or "" for line in f.open(encoding="utf-8") if line.strip())
            elif f.suffix in (".txt", ".md"):
                lines = iter([f.read_text(encoding="utf-8", errors="replace")])
            else:
                continue
            for text in lines:
                parts.append(text)
                size += len(text)
                if size >= chars:
                    return "\n".join(parts)[:chars]
    return "\n".join(parts)


def patterns() -> list[tuple[str, re.Pattern]]:
    found: dict[int, tuple[str, re.Pattern]] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and id(value) not in found:
                found[id(value)] = (f"{name.rsplit('.', 1)[1]}.{attr}", value)
    return list(found.values())


def measure(pattern: re.Pattern, text: str, passes: int = 3) -> tuple[float, int]:
    best, hits = float("inf"), 0
    for _ in range(passes):
        started = time.perf_counter()
        hits = sum(1 for _ in pattern.finditer(text))
        best = min(best, time.perf_counter() - started)
    return best, hits


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="*", type=Path, default=[ROOT / "data" / "seeds", ROOT / "data" / "corpus"])
    ap.add_argument("--mb", type=float, default=4.0, help="millions of characters scanned (default 4)")
    ap.add_argument("--json", default=None)
    a = ap.parse_args(argv)
    text = sample_text(a.corpus, int(a.mb * 1e6))
    rows = []
    for name, pattern in patterns():
        if pattern.fullmatch("") is not None:
            continue            # matches nothing at all: only ever used at a known position (.match), never scanned
        seconds, hits = measure(pattern, text)
        rows.append({"pattern": name, "start": start_kind(pattern), "mchars_s": len(text) / seconds / 1e6,
                     "matches": hits, "source": pattern.pattern[:60]})
    rows.sort(key=lambda r: r["mchars_s"])
    print(f"{platform.python_implementation()} {platform.python_version()} on {platform.machine()}; "
          f"{len(text) / 1e6:.2f} M characters of {', '.join(map(str, a.corpus))}")
    print("| pattern | start | M chars/s | matches | begins with |")
    print("|---|---|---|---|---|")
    for r in rows:
        source = r["source"].replace("|", "\\|").replace("\n", "\\n")
        print(f"| {r['pattern']} | {r['start']} | {r['mchars_s']:.0f} | {r['matches']} | `{source}` |")
    if a.json:
        Path(a.json).write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
