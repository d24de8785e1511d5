#!/usr/bin/env python3
"""Check a gold file against the texts it annotates (format, vocabularies, quotes and symbols found in the text).

    python scripts/check_gold.py GOLD.json CORPUS.jsonl|CATALOGUE.csv|FOLDER …      (the Python graphbuild is installed in)

Each edge's `text` must occur in its input (compared without spaces, line breaks, markdown and case), and each
symbol (source and target) must occur in it too unless the edge says `"resolved_by": "name"` (a law found by its
name and date). Prints one line per problem; exit status 1 when there is any.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from graphbuild.ingest.read import read_catalogue
from graphbuild.models import Source

RELATIONS = {"IMPLEMENTS", "CONTINUES", "BASED_ON", "GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS",
             "REVIEWS", "PROMULGATES", "CITES", "REPORTS"}
MODES = {"enacted", "assigned", "reported", "negated", "conditional"}
KINDS = {"document", "record", "news"}
SUBJECT_FIELDS = {"symbol", "type", "date", "issuer", "locality", "title", "signer", "level"}


def squash(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    s = re.sub(r"[*_\\<>`]|</?i>", "", s)
    return re.sub(r"[\s\u2013\u2014-]+", "", s).lower()


def load_texts(paths: list) -> dict:
    texts = {}
    for p in map(Path, paths):
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.suffix in (".jsonl", ".csv"):     # read as a build reads it: its columns by any accepted name, its ids
                for source in read_catalogue(f):
                    if isinstance(source, Source):
                        record = source.file.rpartition("#")[2] if "#" in source.file else source.file
                        body = " ".join(str(source.meta.get(k) or "") for k in ("symbol", "title")) + " " + source.text
                        texts[f"{f.name}#{record}"] = body
            elif f.is_file() and f.suffix in (".txt", ".md", ".html"):
                texts[f.name] = f.read_text(encoding="utf-8", errors="replace")
    return texts


def check(gold: dict, texts: dict) -> list:
    problems = []
    for key, g in gold["files"].items():
        where = key
        if key not in texts:
            problems.append(f"{where}: no such input in the corpora given")
            continue
        text = squash(texts[key])
        if g.get("kind") not in KINDS:
            problems.append(f"{where}: kind {g.get('kind')!r} not in {sorted(KINDS)}")
        extra = set(g.get("subject") or {}) - SUBJECT_FIELDS - {"date_note", "symbol_note", "locality_note", "note", "type_name"}
        if extra:
            problems.append(f"{where}: unknown subject fields {sorted(extra)}")
        pairs = set()
        for section in ("edges", "optional_edges"):
            for e in g.get(section, []):
                tag = f"{where}: {section} {e.get('source')} -> {e.get('target')}"
                for k in ("source", "target", "relation"):
                    if not e.get(k):
                        problems.append(f"{tag}: no {k}")
                if e.get("relation") not in RELATIONS:
                    problems.append(f"{tag}: relation {e.get('relation')!r}")
                for a in e.get("accept", []):
                    if a not in RELATIONS:
                        problems.append(f"{tag}: accepted relation {a!r}")
                if e.get("mode") is not None and e["mode"] not in MODES:
                    problems.append(f"{tag}: mode {e['mode']!r}")
                if e.get("mode") in ("assigned", "reported", "negated", "conditional") and \
                        e.get("relation") != "CITES" and e.get("source") == (g.get("subject") or {}).get("symbol"):
                    problems.append(f"{tag}: a {e['mode']} clause from the subject gives CITES, not {e['relation']}")
                pair = (e.get("source"), e.get("target"))
                if pair in pairs:
                    problems.append(f"{tag}: the pair appears twice")
                pairs.add(pair)
                if e.get("text") and squash(e["text"]) not in text:
                    problems.append(f"{tag}: quoted text not found: {e['text'][:80]!r}")
                for end in ("source", "target"):
                    sym = e.get(end) or ""
                    if "/" in sym and not sym.startswith("?") and e.get("resolved_by") != "name" and squash(sym) not in text:
                        num = sym.split("/")[0].split("-")[0]
                        if not re.search(rf"(?<!\d){re.escape(num)}(?!\d)", text):
                            problems.append(f"{tag}: {end} {sym} not in the text")
    return problems


def main() -> None:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    gold = json.load(open(sys.argv[1], encoding="utf-8"))
    problems = check(gold, load_texts(sys.argv[2:]))
    for p in problems:
        print(p)
    n = sum(len(g.get("edges", [])) for g in gold["files"].values())
    print(f"{len(gold['files'])} inputs, {n} edges, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
