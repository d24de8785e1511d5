#!/usr/bin/env python3
"""Assemble the second gold (issue 19) from the annotators' parts, in two halves, with the texts it annotates.

    python scripts/gold.py [--shared ../shared/corpus]

Reads data/gold/parts/*.json (one file per annotator) and data/gold/selection.json (which record belongs to which
half, fixed before any annotation), and writes
- data/gold/tune.json and data/gold/check.json (the halves: tune rules on the first, only ever score the second);
- data/eval/tune/ and data/eval/check/: the annotated records copied unchanged from the shared corpora (one JSON
  lines file per corpus, same base name, so gold keys "BASENAME#ID" match) and the written documents.
Documents the team wrote (data/eval/written/*.txt, and catalogues of records it wrote, data/eval/written/*.jsonl or
*.csv with gold keys "NAME#ID"; not in selection.json) are split the same way, a file at a time (alternate files in
sha1(name) order), and moved into their half.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "data" / "gold"
EVAL = ROOT / "data" / "eval"
WRITTEN = EVAL / "written"


def halves(selection: dict, written: list) -> dict:
    half = {k: v["half"] for k, v in selection.items()}
    for h in ("tune", "check"):                                 # a written document already in a half keeps it
        for p in (EVAL / h).iterdir():
            if p.name in written and half.setdefault(p.name, h) != h:
                raise SystemExit(f"{p}: selection.json puts it in the {half[p.name]} half")
    unplaced = [n for n in written if n not in half]         # new ones are split among themselves
    for i, name in enumerate(sorted(unplaced, key=lambda n: hashlib.sha1(n.encode()).hexdigest())):
        half[name] = "tune" if i % 2 == 0 else "check"
    return half


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "corpus")
    a = ap.parse_args()
    selection = json.loads((GOLD / "selection.json").read_text(encoding="utf-8"))["records"]
    parts = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((GOLD / "parts").glob("*.json"))}
    shared = {p.name for p in a.shared.glob("*.jsonl")}
    written = sorted({p.name for pattern in ("*.txt", "*.jsonl", "*.csv") for p in WRITTEN.glob(pattern)} |
                     {p.name for h in ("tune", "check") for pattern in ("*.txt", "*.csv") for p in (EVAL / h).glob(pattern)} |
                     {p.name for h in ("tune", "check") for p in (EVAL / h).glob("*.jsonl") if p.name not in shared})
    half = halves(selection, written)
    out: dict = {"tune": {}, "check": {}}
    for name, part in parts.items():
        for key, entry in part["files"].items():
            file = key if key in half else key.partition("#")[0]    # a written catalogue's record: its file's half
            if file not in half or (file != key and file not in written):
                raise SystemExit(f"{name}: {key} is in no half (not in selection.json nor a written document)")
            out[half[file]][key] = entry
    annotated = {k.partition("#")[0] for h in out for k in out[h]} | set(out["tune"]) | set(out["check"])
    missing = sorted(set(half) - annotated)
    if missing:
        print(f"not annotated yet ({len(missing)}): {', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}")
    about = {
        "tune": "Half of the second gold that rules may be tuned on.",
        "check": "Half of the second gold that is only ever scored, never tuned on: it predicts unseen documents.",
    }
    for h in ("tune", "check"):
        doc = {"about": about[h] + " Conventions: data/gold/GUIDELINES.md; which record is in which half: "
                                   "data/gold/selection.json (fixed before annotation); assembled by scripts/gold.py "
                                   "from data/gold/parts/ (" + ", ".join(sorted(parts)) + ").",
               "files": dict(sorted(out[h].items()))}
        (GOLD / f"{h}.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        target = EVAL / h
        if target.exists():
            for p in target.glob("*.jsonl"):
                if p.name in shared:        # copied again below; a written catalogue stays
                    p.unlink()
        target.mkdir(parents=True, exist_ok=True)
        by_corpus: dict = {}
        for key in out[h]:
            base, sep, rid = key.partition("#")
            if sep and base in shared:
                by_corpus.setdefault(base, set()).add(rid)
        for base, ids in sorted(by_corpus.items()):
            with open(a.shared / base, encoding="utf-8") as src, open(target / base, "w", encoding="utf-8") as dst:
                for line in src:
                    if line.strip() and json.loads(line)["id"] in ids:
                        dst.write(line)
        for name in written:
            if half[name] == h and (WRITTEN / name).exists():     # new ones move into their half
                shutil.move(WRITTEN / name, target / name)
        n_edges = sum(len(e.get("edges", [])) for e in out[h].values())
        print(f"{h}: {len(out[h])} inputs, {n_edges} required edges -> data/gold/{h}.json, data/eval/{h}/")


if __name__ == "__main__":
    main()
