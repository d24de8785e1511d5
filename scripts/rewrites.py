#!/usr/bin/env python3
"""Rewrite a folder of inputs the ways offices and extractors write the same text, and list what extraction then
reads differently. No gold is needed: a rewrite that keeps the meaning must keep the edges and the subject.

    python scripts/rewrites.py data/eval/tune [--rewrite tone,flathead,…] [--work DIR]

Each rewrite writes a copy of the folder (plain texts, and the "text" of gazette records in JSON lines; other
catalogues copied unchanged) under --work, extracts both, and prints one line per input whose edges (source, target,
relation, mode) or subject fields changed, then the number of changed edges per rewrite. Run it on the tune half.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable

from graphbuild import extract_citations, read_sources, vocab
from graphbuild.models import Reject

# The other placement of a syllable-final tone ("hòa" -> "hoà", "ủy" -> "uỷ"), not after "q".
_NEW_STYLE = {"òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ", "òe": "oè", "óe": "oé", "ỏe": "oẻ",
              "õe": "oẽ", "ọe": "oẹ", "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ"}
_PAIRS = {**_NEW_STYLE, **{k.capitalize(): v.capitalize() for k, v in _NEW_STYLE.items()},
          **{k.upper(): v.upper() for k, v in _NEW_STYLE.items()}}
_TONE = re.compile(r"(?<![qQ])(?:" + "|".join(_PAIRS) + r")(?![^\W\d_])")
_ABBREVIATIONS = (("Nghị định số", "NĐ số"), ("Quyết định số", "QĐ số"), ("Thông tư số", "TT số"),
                  ("Nghị quyết số", "NQ số"), ("Kế hoạch số", "KH số"), ("Công văn số", "CV số"), ("Chỉ thị số", "CT số"))


def tone(text: str) -> str:
    return _TONE.sub(lambda m: _PAIRS[m.group(0)], text)


def wrap(text: str, width: int = 88) -> str:
    """Lines broken at a width, as a PDF's text layer breaks them."""
    out = []
    for line in text.split("\n"):
        while len(line) > width and (cut := line.rfind(" ", 0, width)) > 0:
            out.append(line[:cut] + " ")
            line = line[cut + 1:]
        out.append(line)
    return "\n".join(out)


def pages(text: str, every: int = 40) -> str:
    """The lines broken at a width, and a PDF page's furniture (a running head and a page number) between every
    ``every`` lines, wherever the page ends: inside a sentence, a list, a table."""
    out = []
    for n, line in enumerate(wrap(text).split("\n"), 1):
        out.append(line)
        if n % every == 0:
            out += [str(n // every + 1), f"CÔNG BÁO/Số {n // every + 200} + {n // every + 201}/Ngày 15-3-2024"]
    return "\n".join(out)


def flathead(text: str) -> str:
    """The header, up to the place and date, run into one line (a web page's text, some extractions); the page
    furniture above it (a gazette's running head, a page number) stays on its own lines."""
    lines = text.split("\n")
    chrome = vocab.web_chrome()
    top = 0
    while top < len(lines) and (not lines[top].strip() or chrome.fullmatch(lines[top].strip())):
        top += 1
    for i, line in enumerate(lines[top:top + 12], top):
        if i > top and re.search(r"ngày\s+\d|\d{1,2}/\d{1,2}/(?:19|20)\d\d", line):
            return "\n".join(lines[:top] + [" ".join(x.strip() for x in lines[top:i + 1] if x.strip())] + lines[i + 1:])
    return text


def dates(text: str) -> str:
    return re.sub(r"ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})", r"ngày \1/\2/\3", text)


def abbreviations(text: str) -> str:
    for word, code in _ABBREVIATIONS:
        text = text.replace(word, code)
    return text


REWRITES: dict[str, Callable[[str], str]] = {
    "tone": tone, "wrap": wrap, "pages": pages, "flathead": flathead, "dates": dates, "abbreviations": abbreviations,
    "crlf": lambda t: t.replace("\n", "\r\n"), "nfd": lambda t: unicodedata.normalize("NFD", t),
    "quotes": lambda t: t.replace("“", '"').replace("”", '"')}
FIELDS = ("symbol", "type", "date", "issuer", "locality", "signer", "level")


def rewrite_folder(src: Path, dst: Path, rewrite: Callable[[str], str]) -> None:
    dst.mkdir(parents=True, exist_ok=True)
    for p in sorted(src.iterdir()):
        if p.suffix == ".txt":
            (dst / p.name).write_text(rewrite(p.read_text(encoding="utf-8")), encoding="utf-8")
        elif p.suffix == ".jsonl":
            with open(p, encoding="utf-8") as f, open(dst / p.name, "w", encoding="utf-8") as out:
                for line in f:
                    record = json.loads(line)
                    if isinstance(record.get("text"), str) and record["text"].strip():   # a full text, not a title
                        record["text"] = rewrite(record["text"])
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")


def readings(folder: Path) -> dict:
    out = {}
    for src in read_sources([folder]):
        if isinstance(src, Reject):
            continue
        rec = extract_citations(src).to_dict()
        edges = {(e["source_symbol"], e["target_symbol"], e["relation"], e.get("mode")) for e in rec["edges"]}
        out[Path(rec["file"]).name] = (edges, {f: (rec["subject"] or {}).get(f) for f in FIELDS})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rewrite", default=",".join(REWRITES), help="comma-separated: " + ", ".join(REWRITES))
    ap.add_argument("--work", type=Path, help="where the rewritten copies go (default: a temporary folder)")
    a = ap.parse_args()
    if not a.folder.is_dir():
        raise SystemExit(f"{a.folder}: not a folder")
    unknown = set(a.rewrite.split(",")) - set(REWRITES)
    if unknown:
        raise SystemExit(f"unknown rewrite(s): {', '.join(sorted(unknown))}")
    work = a.work or Path(tempfile.mkdtemp(prefix="rewrites-"))
    base = readings(a.folder)
    for name in a.rewrite.split(","):
        target = work / name
        shutil.rmtree(target, ignore_errors=True)
        rewrite_folder(a.folder, target, REWRITES[name])
        changed = 0
        for key, (edges, subject) in readings(target).items():
            before_edges, before_subject = base.get(key, (set(), {}))
            fields = [f"{f}: {before_subject.get(f)!r} -> {v!r}" for f, v in subject.items() if before_subject.get(f) != v]
            if edges != before_edges or fields:
                changed += len(edges ^ before_edges)
                lost, found = sorted(before_edges - edges, key=str), sorted(edges - before_edges, key=str)
                print(f"{name} {key}: -{lost[:3]} +{found[:3]} {'; '.join(fields)}")
        print(f"{name}: {changed} edges changed")


if __name__ == "__main__":
    main()
