"""Mentions, annotate and the spaCy component on corpora: counts, agreement with extract, and timings.

    python benchmarks/spans.py [PATH …] [--no-spacy] [--json FILE]

For each PATH (a folder of texts or a catalogue; default: data/seeds and the catalogues of data/corpus) it prints one
row: inputs, MB (10^6 bytes of text), mentions per input (all kinds; the citation kinds symbol, law_name, short_form,
self), the seconds and MB/s of
- ``extract``: ``extract_citations`` over every input (mentions included);
- ``annotate``: ``annotate_citations`` over every (text, extraction), and the whole page of them (``annotated_page``);
- ``spaCy``: ``nlp.pipe`` of ``spacy.blank("vi")`` (no pyvi) with ``vn_citations`` (tokenizer + extraction),
and the component's agreement with extract: inputs whose citation spans are exactly extract's citation mentions (one
each, each over whole tokens holding its mention), edges of extract stated by a span (``roles[].edge``), spans wider
than their mention (a whitespace tokenizer leaves punctuation on a token), mentions that could not be aligned.

Times are the best of three runs of each step in this process (the texts read once, before). It prints numbers only
and asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graphbuild import annotate_citations, extract_citations  # noqa: E402
from graphbuild.annotate import annotated_page  # noqa: E402
from graphbuild.ingest.read import read_sources  # noqa: E402
from graphbuild.models import Reject  # noqa: E402

CITATION_KINDS = ("symbol", "law_name", "short_form", "self")


def _best(step, runs: int = 3) -> tuple[float, object]:
    best, out = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        out = step()
        best = min(best, time.perf_counter() - start)
    return best, out


def measure(path: Path, use_spacy: bool, runs: int) -> dict:
    sources = [s for s in read_sources([path]) if not isinstance(s, Reject)]
    texts = [s.text for s in sources]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    row: dict = {"corpus": path.name, "inputs": len(sources), "MB": round(mb, 2)}
    extract_s, extractions = _best(lambda: [extract_citations(s) for s in sources], runs)
    per_doc = [len(e.mentions) for e in extractions]
    cited = [[m for m in e.mentions if m.kind in CITATION_KINDS] for e in extractions]
    row.update(mentions=sum(per_doc), mentions_per_input=round(statistics.mean(per_doc), 1) if per_doc else 0,
               median=statistics.median(per_doc) if per_doc else 0, max=max(per_doc, default=0),
               citations=sum(map(len, cited)), extract_s=round(extract_s, 3), extract_mb_s=round(mb / extract_s, 2))
    pairs = list(zip(texts, extractions))
    annotate_s, _ = _best(lambda: [annotate_citations(t, e) for t, e in pairs], runs)
    page_s, page = _best(lambda: annotated_page(pairs), runs)
    row.update(annotate_s=round(annotate_s, 3), annotate_mb_s=round(mb / annotate_s, 2), page_s=round(page_s, 3),
               page_MB=round(len(page.encode("utf-8")) / 1e6, 2))
    if use_spacy:
        import spacy

        from graphbuild.integrations.spacy import source_doc
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"use_pyvi": False}}})
        nlp.add_pipe("vn_citations")
        nlp.max_length = 4_200_000      # a gazette issue runs past spaCy's default 1,000,000 characters
        # each doc told what its input is (name, a record's catalogue fields), as extract is
        spacy_s, docs = _best(lambda: list(nlp.pipe(source_doc(nlp, s) for s in sources)), runs)
        agree = widened = unaligned = edges = stated = 0
        for doc, mentions, extraction in zip(docs, cited, extractions):
            spans = list(doc.spans["citations"])
            same = len(spans) == len(mentions) and all(
                s.start_char <= m.start and m.end <= s.end_char and s._.symbol == m.symbol and
                s._.resolved_id == m.document for s, m in zip(spans, mentions))
            agree += same
            widened += sum(s.text != m.text for s, m in zip(spans, mentions))
            unaligned += sum("could not be aligned" in w for w in doc._.vn_extraction["warnings"])
            wanted = {(e.source, e.target, e.relation) for e in extraction.edges}
            got = {(r["source"], r["target"], r["relation"]) for s in spans for r in s._.mention["roles"] if r["edge"]}
            edges += len(wanted)
            stated += len(wanted & got)
        row.update(spacy_s=round(spacy_s, 3), spacy_mb_s=round(mb / spacy_s, 2), spans=sum(len(d.spans["citations"])
                   for d in docs), inputs_agreeing=agree, edges=edges, edges_with_span=stated, widened=widened,
                   unaligned=unaligned)
    return row


COLUMNS = [("corpus", "corpus"), ("inputs", "inputs"), ("MB", "MB"), ("mentions", "mentions"),
           ("mentions_per_input", "per input"), ("citations", "citation mentions"), ("extract_mb_s", "extract MB/s"),
           ("annotate_s", "annotate s"), ("annotate_mb_s", "annotate MB/s"), ("page_s", "page s"),
           ("spacy_mb_s", "spaCy MB/s"), ("spans", "spans"), ("inputs_agreeing", "inputs agreeing"),
           ("edges_with_span", "edges with a span"), ("edges", "edges"), ("widened", "widened"),
           ("unaligned", "unaligned")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--no-spacy", action="store_true", help="Leave out the spaCy component.")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    paths = args.paths or [ROOT / "data" / "seeds", *sorted((ROOT / "data" / "corpus").glob("*.jsonl"))]
    use_spacy = not args.no_spacy
    if use_spacy:
        try:
            import spacy  # noqa: F401
        except ImportError:
            print("spaCy is not installed (pip install -e '.[spacy]'): its columns are left out", file=sys.stderr)
            use_spacy = False
    rows = []
    for path in paths:
        print(f"measuring {path} …", file=sys.stderr)
        rows.append(measure(path, use_spacy, args.runs))
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} "
          f"{platform.release()}; Python {platform.python_version()}")
    shown = [(key, title) for key, title in COLUMNS if any(key in row for row in rows)]
    print("| " + " | ".join(title for _, title in shown) + " |")
    print("|" + "---|" * len(shown))
    for row in rows:
        print("| " + " | ".join(str(row.get(key, "")) for key, _ in shown) + " |")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
