"""Header-layout test matrix (issue 13): every field of the subject, on every layout a user has documents in.

tests/data/headers/ holds twelve base documents (UBND tỉnh/huyện/xã, Tỉnh ủy, Huyện ủy, Đảng ủy xã, Bộ Tài chính,
Chính phủ, a Sở, a Công văn, a Thông báo without citations) in date placements (own-line, number-line, blank) and
layouts (typed-spaces, typed-tabs, docx, html, pdf-html, pdf-docx, pdftotext-layout, pdftotext-plain,
pdftotext-raw); expected.json says, for each file, what a correct reader gives. The files and expected.json are made
by scripts/make_header_matrix.py (see its docstring; these tests need none of its tools).

Each file is read with ``graphbuild.read_sources([path])`` and ``graphbuild.extract_citations(source)``, and each
field of the subject (symbol, type, date, issuer, issuer_code, locality, level, signer, title, recipients) is
compared with expected.json: one test per file, whose failure lists every wrong field with what was expected and what
came. A file that gives no subject gets every field wrong. Comparisons forgive only spelling: Unicode form, case,
spacing, old/new tone placement (hoà/hòa), "UBND" for "Ủy ban nhân dân", a leading "-" or a trailing ";,." on a
recipient; the ``accept`` lists of expected.json name the other acceptable spellings of a value.

Every field of every file must be right (issue 13). The summary (fields right / total by layout, by field, by
date placement and by base document):

    python -m pytest tests/text/test_header_matrix.py -s
    python tests/text/test_header_matrix.py                  # the same
    HEADER_MATRIX_JSON=out.json python -m pytest tests/text/test_header_matrix.py   # also each file's verdicts
"""
from __future__ import annotations

import json
import os
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

import graphbuild

DATA = Path(__file__).resolve().parent.parent / "data" / "headers"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
FIELDS = EXPECTED["fields"]
FILES = EXPECTED["files"]
LAYOUTS = EXPECTED["layouts"]

RESULTS: dict = {}      # file name -> {field: right?}

# Old-style tone placement (hoà, uỷ) to the new one (hòa, ủy); applied to both sides, so "quý" -> "qúy" is harmless.
_TONES = dict(zip(["oà", "oá", "oả", "oã", "oạ", "oè", "oé", "oẻ", "oẽ", "oẹ", "uỳ", "uý", "uỷ", "uỹ", "uỵ"],
                  ["òa", "óa", "ỏa", "õa", "ọa", "òe", "óe", "ỏe", "õe", "ọe", "ùy", "úy", "ủy", "ũy", "ụy"]))


def _words(s) -> str:
    s = unicodedata.normalize("NFC", str(s)).replace("\u00d0", "Đ").casefold()
    for old, new in _TONES.items():
        s = s.replace(old, new)
    s = re.sub(r"\bubnd\b", "ủy ban nhân dân", s)
    return " ".join(s.split()).strip(" ;,.")


def _symbol(s) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", str(s)).replace("\u00d0", "Đ"))


def _item(s) -> str:
    return _words(str(s).strip().lstrip("-–+•* "))


def same(field: str, got, want, accept=()) -> bool:
    if want is None or got is None or got == "" or got == []:
        return (got in (None, "", [])) and want in (None, [])
    if field == "symbol":
        return _symbol(got) == _symbol(want)
    if field == "recipients":   # accept: other whole lists
        return isinstance(got, (list, tuple)) and [_item(x) for x in got] in [[_item(x) for x in w]
                                                                              for w in [want, *accept]]
    if field in ("issuer", "locality", "signer", "title"):
        return _words(got) in {_words(x) for x in [want, *accept]}
    return str(got) == str(want)


def read_subject(path: Path):
    """The subject graphbuild gives for one file, or (None, why not)."""
    why = None
    for item in graphbuild.read_sources([path]):
        if isinstance(item, graphbuild.Source):
            return graphbuild.extract_citations(item).subject, None
        why = f"rejected: {getattr(item, 'reason', item)}"
    return None, why or "nothing read"


@pytest.mark.parametrize("name", sorted(FILES))
def test_header(name):
    exp = FILES[name]
    subject, why = read_subject(DATA / name)
    got = {f: getattr(subject, f, None) for f in FIELDS} if subject is not None else {}
    accept = exp.get("accept", {})
    verdict = {f: subject is not None and same(f, got.get(f), exp[f], accept.get(f, ())) for f in FIELDS}
    RESULTS[name] = verdict
    if subject is None:
        pytest.fail(f"{name}: no subject ({why})")
    wrong = [f"{f}: expected {exp[f]!r}, got {got.get(f)!r}" for f in FIELDS if not verdict[f]]
    assert not wrong, f"{name}:\n  " + "\n  ".join(wrong)


def _table(title: str, rows: list, key) -> list:
    """Right/total per field for each group of files (key(name) -> group), plus a total column."""
    groups: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for name, verdict in RESULTS.items():
        for f in FIELDS:
            cell = groups[key(name)][f]
            cell[0] += verdict[f]
            cell[1] += 1
    width = max([len(title)] + [len(r) for r in rows])
    cols = [f[:11] for f in FIELDS] + ["all"]
    cw = [max(len(c), 7) for c in cols]
    out = [f"{title:<{width}}  " + "  ".join(f"{c:>{w}}" for c, w in zip(cols, cw))]
    for r in rows + ["all"]:
        cells = {f: [0, 0] for f in FIELDS}
        for g, per in groups.items():
            if r == "all" or g == r:
                for f in FIELDS:
                    cells[f][0] += per[f][0]
                    cells[f][1] += per[f][1]
        if not any(c[1] for c in cells.values()):
            continue
        right = sum(c[0] for c in cells.values())
        total = sum(c[1] for c in cells.values())
        vals = [f"{c[0]}/{c[1]}" for c in cells.values()] + [f"{right}/{total}"]
        out.append(f"{r:<{width}}  " + "  ".join(f"{v:>{w}}" for v, w in zip(vals, cw)))
    return out


def summary() -> str:
    bases = sorted({e["base"] for e in FILES.values()})
    placements = sorted({e["date_placement"] for e in FILES.values()})
    n_fields = len(RESULTS) * len(FIELDS)
    right = sum(sum(v.values()) for v in RESULTS.values())
    whole = sum(all(v.values()) for v in RESULTS.values())
    lines = [f"header matrix: {len(RESULTS)} files, {right}/{n_fields} fields right, {whole} files fully right", ""]
    lines += _table("layout", LAYOUTS, lambda n: FILES[n]["layout"]) + [""]
    lines += _table("date placement", placements, lambda n: FILES[n]["date_placement"]) + [""]
    lines += _table("base", bases, lambda n: FILES[n]["base"])
    return "\n".join(lines)


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    if not RESULTS:
        return
    print("\n" + summary())
    if os.environ.get("HEADER_MATRIX_JSON"):
        Path(os.environ["HEADER_MATRIX_JSON"]).write_text(json.dumps(RESULTS, ensure_ascii=False, indent=1,
                                                                     sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-s", "-q", "-p", "no:cacheprovider"]))
