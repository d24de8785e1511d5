"""Score extraction output against a gold annotation (``data/gold/*.json``): edge precision/recall/F1, relation
accuracy and subject fields. The same rules as the project's reference scorer, usable from Python and the CLI
(``graphbuild score OUT.jsonl GOLD.json``).

Usage:
    graphbuild extract ../shared/corpus/seeds/*.txt --format jsonl > out.jsonl
    python3 ../shared/tools/score_extract.py out.jsonl ../shared/gold/seeds.json [--min-f1 0.95]

Edges are compared at the level of canonical symbols: (source symbol, target symbol). A gold source written
'?…' is a document without a number: it matches the subject that the tool found in that file. Edges whose
source is a news article itself (no symbol, and the file's gold subject has one or is null) are not counted
either way. A gold file marked "recall_only" annotates only part of its text: extra edges there are not counted.
For catalogue inputs (JSONL/CSV), a record's key is "BASENAME#ID" with the record's id. Relation accuracy is measured on the matched edges; `accept` lists the other labels that count.
Exit status 1 when --min-f1 (edges) or --min-rel (relation accuracy) is not reached."""
import argparse
import json
import os
import re
import sys
import unicodedata


def canon(symbol):
    if not symbol:
        return None
    s = unicodedata.normalize("NFC", str(symbol)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    s = re.sub(r"\s+", "", s)
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return s.upper()


def load_output(path):
    rows = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            rec = json.loads(line)
            path, sep, record_id = rec["file"].partition("#")
            rows[os.path.basename(path) + sep + record_id] = rec
    return rows


def score(out: dict, gold_files: dict) -> dict:
    """``out``: {"BASENAME[#ID]": extraction dict}; ``gold_files``: the gold file's "files" mapping."""
    tp = fp = fn = rel_ok = 0
    mode_checks = mode_ok = 0
    problems = []
    subject_checks = subject_ok = 0
    for fname, g in gold_files.items():
        rec = out.get(fname)
        if rec is None:
            problems.append(f"{fname}: no output record")
            fn += len(g.get("edges", []))
            continue
        subj = rec.get("subject") or {}
        subj_id = subj.get("id")
        gsub = g.get("subject") or None
        # gold pairs
        gpairs = {}
        for e in g.get("edges", []):
            gpairs[(e["source"] if e["source"].startswith("?") else canon(e["source"]), canon(e["target"]))] = e
        optional = {(canon(e["source"]) if not e["source"].startswith("?") else e["source"], canon(e["target"]))
                    for e in g.get("optional_edges", [])}
        unnumbered = gsub["symbol"] if gsub and gsub.get("symbol", "").startswith("?") else None
        found = {}
        for e in rec.get("edges", []):
            src = canon(e.get("source_symbol"))
            tgt = canon(e.get("target_symbol")) or e.get("target")
            if src is None:
                if unnumbered and e.get("source") == subj_id and subj_id is not None:
                    src = unnumbered
                else:
                    continue  # the article itself, or an unnamed source: not scored
            key = (src, canon(tgt) if tgt and not str(tgt).startswith("?") else tgt)
            found.setdefault(key, e)
        for key, e in found.items():
            if key in gpairs:
                tp += 1
                ge = gpairs[key]
                ok = e.get("relation") in [ge["relation"]] + ge.get("accept", [])
                rel_ok += ok
                if not ok:
                    problems.append(f"{fname}: {key[0]} -> {key[1]} relation {e.get('relation')} (gold {ge['relation']})")
                if ge.get("mode"):
                    # beyond the reference scorer: what the citing clause does (enacted, assigned, reported …)
                    mode_checks += 1
                    mode_ok += (e.get("mode") or "enacted") == ge["mode"]
                    if (e.get("mode") or "enacted") != ge["mode"]:
                        problems.append(f"{fname}: {key[0]} -> {key[1]} mode {e.get('mode')} (gold {ge['mode']})")
            elif key in optional or g.get("recall_only"):
                continue  # recall_only: the gold covers one part of the text (e.g. the preamble)
            else:
                fp += 1
                problems.append(f"{fname}: extra edge {key[0]} -> {key[1]} {e.get('relation')}")
        for key in gpairs:
            if key not in found:
                fn += 1
                problems.append(f"{fname}: missing edge {key[0]} -> {key[1]} {gpairs[key]['relation']}")
        # subject identity
        if gsub:
            for field in ("symbol", "date", "locality", "signer", "type"):
                if field not in gsub or gsub[field] is None and field != "locality":
                    continue
                want = gsub[field]
                if field == "symbol" and want.startswith("?"):
                    want = None
                have = subj.get(field)
                subject_checks += 1
                if field == "symbol":
                    good = canon(have) == canon(want)
                elif field == "locality":
                    good = (want is None and not have) or (want is not None and have is not None and want.lower() in str(have).lower())
                elif field == "signer":
                    good = have is not None and unicodedata.normalize("NFC", want) in unicodedata.normalize("NFC", str(have))
                else:
                    good = have == want
                subject_ok += good
                if not good:
                    problems.append(f"{fname}: subject {field} = {have!r}, gold {want!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    ra = rel_ok / tp if tp else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1, "relation_accuracy": ra,
            "subject_ok": subject_ok, "subject_checks": subject_checks, "mode_ok": mode_ok, "mode_checks": mode_checks,
            "problems": problems}


def summary(s: dict) -> str:
    return (f"edges: tp={s['tp']} fp={s['fp']} fn={s['fn']}  precision={s['precision']:.3f} recall={s['recall']:.3f} "
            f"f1={s['f1']:.3f}  relation_accuracy={s['relation_accuracy']:.3f}  "
            f"subject_fields={s['subject_ok']}/{s['subject_checks']}" +
            (f"  mode={s['mode_ok']}/{s['mode_checks']}" if s.get("mode_checks") else ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("output")
    ap.add_argument("gold")
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--min-rel", type=float, default=0.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()
    gold = json.load(open(a.gold, encoding="utf-8"))["files"]
    s = score(load_output(a.output), gold)
    if a.verbose or s["f1"] < a.min_f1 or s["relation_accuracy"] < a.min_rel:
        for line in s["problems"]:
            print("  " + line)
    print(summary(s))
    sys.exit(0 if s["f1"] >= a.min_f1 and s["relation_accuracy"] >= a.min_rel else 1)


if __name__ == "__main__":
    main()
