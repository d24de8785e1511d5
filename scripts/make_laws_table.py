"""Build graphbuild/vocab/laws.tsv (symbol, name, date): the laws graphbuild can resolve when a text names them
without their number ("Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008", "Bộ luật Lao động").

    python scripts/make_laws_table.py LAWS.jsonl [CORPUS.jsonl …] [--exclude GOLD.json …] > graphbuild/vocab/laws.tsv

Two sources:
- LAWS.jsonl, a list of laws with their full texts (shared/corpus/laws-vlc.jsonl): the symbol re-read from each
  text's header (the list is dirty: ``73/2006/QH`` with the term split off as ``QH 11``, ASCII titles), the name from
  the enacting clause or the title block, the date from the list;
- every text of the corpora given (laws-vlc's texts too): each "Luật <name> số N/YYYY/QHk" or "Bộ luật <name> số …"
  that a text states, amending laws included ("Luật sửa đổi, bổ sung một số điều của Luật X số 63/2020/QH14").
  A pair is kept when the name is a plausible law name and no other symbol of the same year claims that name. An
  amending law's number is ambiguous ("… của Luật Bảo hiểm y tế số 25/2008/QH12" numbers the amended law): the
  pair is dropped when a text gives the number to the law named inside, and never taken from an enacting formula
  ("Quốc hội ban hành Luật sửa đổi … số N").
``--exclude GOLD.json`` leaves out the records a gold file annotates (so that the check half of the gold does not
teach the table what it is scored on).

The year of a law is in its number, so a citation by name and date resolves by name and year.
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter, defaultdict
from itertools import takewhile
from pathlib import Path
from typing import Iterator

HEADER_SYMBOL = re.compile(r"(?:Luật|Bộ luật|Số)\s*số?\s*:?\s*/?\s*(\d{1,3}\s*/\s*\d{4}\s*/\s*QH\s*\d{1,2})", re.I)
# Before 2002 a law was numbered "18-L/CTN" (1992-2001) or "21-LCT/HĐNN8" (before 1992), and its title line reads "LUẬT
# SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ": the name is what follows "VỀ"; the year is its date's.
OLD_HEADER_SYMBOL = re.compile(r"Số\s*:\s*(\d{1,3}-L(?:CT)?/(?:CTN|HĐNN\s*\d{1,2}))\b")
OLD_TITLE = re.compile(r"\n\s*LUẬT\s*\n[^\n]*?\bVỀ\s+([^\n]{2,120})")
ENACTING = re.compile(r"(?:Quốc hội|QUỐC HỘI)\s+ban hành\s+((?:Bộ luật|Luật)\s+[^.;\n]+)")
TITLE_BLOCK = re.compile(r"\n\s*(BỘ LUẬT|LUẬT)\s*\n((?:[^\na-zđơưăâêôạ-ỹ]{2,}\n){1,3})")
# "Luật Tổ chức Chính phủ số 63/2025/QH15", "Bộ luật Lao động số 45/2019/QH14": the name is every word between
# "Luật" and "số" on one logical line, without a sentence break, a date or a verb that ends a name.
STATED = re.compile(r"(?<![\w])(?P<kind>Bộ luật|Luật|Pháp lệnh)\s+(?P<name>[^\n;:.()\"“”]{3,200}?)\s*,?\s+"
                    r"(?:số\s*:?\s*)?(?P<symbol>\d{1,3}\s?/\s?(?P<year>(?:19|20)\d{2})\s?/\s?(?:PL-)?(?:UBTV)?QH\s?\d{1,2})"
                    r"(?![\w/])")
NOT_A_NAME = re.compile(r"(?i)\b(?:ngày|năm \d|được|đã|theo|tại Điều|quy định|thì|nhằm|căn cứ|(?:điều|khoản|điểm|chương)\s+\d)\b"
                        r"|\bsố\b|\bLuật\s")     # another law named inside: a list, not one name
# An amending law's name holds the names of the laws it amends: "sửa đổi, bổ sung một số điều của Luật Bảo hiểm y
# tế", "sửa đổi, bổ sung một số điều của Luật Đất đai, Luật Nhà ở …". It is one name when it begins so; the words
# "một số điều" are not a number ("số") and the laws inside are not a list.
AMENDING_NAME = re.compile(r"(?i)^(?:sửa đổi|bổ sung)\b.*?\bcủa\s+(?:các\s+|\d+\s+)?(?:Bộ luật|Luật|Pháp lệnh)\s")


def is_name(name: str) -> bool:
    if AMENDING_NAME.match(name):
        name = re.sub(r"\b(?:một số điều|Bộ luật|Luật|Pháp lệnh)\s", " ", name)
    return not NOT_A_NAME.search(name) and name[:1].isalpha() and len(name.split()) <= 30


# "Quốc hội ban hành Luật sửa đổi, bổ sung … của Luật X số N": an enacting formula never numbers the law it enacts;
# N is X's.
ENACTING_BEFORE = re.compile(r"ban\s+hành\s*$")
AMENDING_START = re.compile(r"(?<![\w])(?:Bộ luật|Luật|Pháp lệnh)\s+(?:sửa đổi|bổ sung)\b")


def stated(text: str) -> Iterator[re.Match[str]]:
    """The "Luật X số N" of a text; where one is not a name ("Luật A và Luật sửa đổi … của Luật A số N"), the
    amending law's name that begins inside it is tried too."""
    for m in STATED.finditer(text):
        yield m
        for inner in AMENDING_START.finditer(text, m.start() + 1, m.end()):
            again = STATED.match(text, inner.start())
            if again:
                yield again


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\u00d0", "Đ")
    text = re.sub(r"[*_\\]", "", text)                      # markdown remnants
    return re.sub(r"[ \t]*\n[ \t]*(?=[a-zđà-ỹ])", " ", text)  # a name wrapped by a PDF line break


def sentence_case(words: str) -> str:
    words = re.sub(r"\s+", " ", words).strip(" ,.")
    return words[:1].upper() + words[1:].lower()


def law_name(text: str) -> str | None:
    m = ENACTING.search(text)
    if m:
        name = re.sub(r"\s+", " ", m.group(1)).strip(" ,.")
        if name.startswith("Bộ luật"):
            return "Bộ luật " + sentence_case(name[len("Bộ luật"):])
        return "Luật " + sentence_case(name[len("Luật"):])
    m = TITLE_BLOCK.search(text)
    if m:
        kind = "Bộ luật" if m.group(1) == "BỘ LUẬT" else "Luật"
        return f"{kind} {sentence_case(m.group(2))}"
    return None


def listed_laws(path: Path) -> dict[str, tuple[str, str]]:
    """symbol -> (name, date) for each law of the list whose text header gives its number."""
    out: dict[str, tuple[str, str]] = {}
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        text = clean(rec.get("text") or "")
        m = HEADER_SYMBOL.search(text[:1500])
        old = OLD_HEADER_SYMBOL.search(text[:1500]) if m is None else None
        if old is not None:     # "Luật Dầu khí năm 1993": cited by name and year, numbered the old way
            title = OLD_TITLE.search(text[:2000])
            words = list(takewhile(str.isupper, title.group(1).split())) if title else []
            if words and rec.get("date"):     # the title's capitals, before the preamble the line may run into
                out.setdefault(re.sub(r"\s+", "", old.group(1)), ("Luật " + sentence_case(" ".join(words)), rec["date"]))
            continue
        if not m:
            continue    # model laws, decrees of the 1950s (102-SL/L): not cited by these names today
        symbol = re.sub(r"\s+", "", m.group(1)).upper()
        name = law_name(text)
        if name and symbol not in out:
            out[symbol] = (name, rec.get("date") or "")
    return out


# The years each National Assembly (QH10 …) sat in: a law's year falls in its legislature's term.
TERMS = {10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016), 14: (2016, 2021), 15: (2021, 2026),
         16: (2026, 2031)}


def in_term(symbol: str) -> bool:
    _, year, code = symbol.split("/")
    span = TERMS.get(int(re.sub(r"\D", "", code)))
    return span is None or span[0] <= int(year) <= span[1]


def records(paths: list[Path], excluded: set[str]) -> Iterator[dict]:
    """The records of the corpora, but those a gold file annotates."""
    for path in paths:
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            if f"{path.name}#{rec.get('id')}" not in excluded:
                yield rec


def stated_pairs(paths: list[Path], excluded: set[str]) -> dict[tuple[str, str], Counter[str]]:
    """(folded name, year) -> the symbols texts state for it ("Luật X số N/YYYY/QHk"), each with the number of
    texts that state it."""
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for rec in records(paths, excluded):
        text = clean(" ".join(str(rec.get(k) or "") for k in ("title", "text")))
        seen: set[tuple[tuple[str, str], str]] = set()
        for m in stated(text):
            name = " ".join(m.group("name").split()).strip(" ,")
            if not is_name(name) or (AMENDING_NAME.match(name) and ENACTING_BEFORE.search(text, max(0, m.start() - 20), m.start())):
                continue
            full = f"{m.group('kind')} {name}"
            symbol = re.sub(r"\s", "", m.group("symbol")).upper()
            if not in_term(symbol):
                continue        # "18/2003/QH12": a typo, the 12th legislature sat from 2007
            key = (full.lower(), m.group("year"))
            if (key, symbol) not in seen:
                seen.add((key, symbol))
                pairs[key][symbol] += 1
            if full.lower() not in names or (name[:1].isupper() and not names[full.lower()].split(" ")[-len(
                    name.split()):][0][:1].isupper()):
                names[full.lower()] = full      # older texts write "Luật tổ chức Chính phủ": keep a capitalised form
    stated_pairs.names = names        # type: ignore[attr-defined]
    return pairs


# A row of a catalogue table ("Danh mục văn bản"), one cell a line: "Luật / 01/2021/QH15 ngày / 12/11/2021 / Sửa đổi,
# bổ sung một số điều và … của Luật Thống kê / 01/01/2022": type, number and date, the name without its type word,
# then the date it took effect.
_DMY = r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}"
TABLE_ROW = re.compile(r"\n[ \t]*(?P<kind>Bộ luật|Luật|Pháp lệnh)[ \t]*\n[ \t]*"
                       r"(?P<symbol>\d{1,3}/(?P<year>(?:19|20)\d{2})/(?:PL-)?(?:UBTV)?QH\d{1,2})[ \t]*\n?[ \t]*ngày[ \t]*\n?"
                       rf"[ \t]*(?P<date>{_DMY})[ \t]*\n(?P<title>(?:[ \t]*(?!{_DMY})[^\n]{{2,80}}\n){{1,4}}?)[ \t]*{_DMY}")


def table_rows(paths: list[Path], excluded: set[str]) -> dict[tuple[str, str], Counter[str]]:
    """(folded name, year) -> the symbols that catalogue tables give the name (``TABLE_ROW``); the names are added
    to ``stated_pairs.names``."""
    pairs: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for rec in records(paths, excluded):
        text = unicodedata.normalize("NFC", rec.get("text") or "")
        for m in TABLE_ROW.finditer(text):
            title = " ".join(m.group("title").split()).strip(" ,.")
            if title.startswith(("Sửa đổi", "Bổ sung")):
                title = title[:1].lower() + title[1:]      # "Luật sửa đổi, bổ sung …" as texts write it
            if NOT_A_NAME.search(title.replace("Luật ", "")) and not title.startswith("sửa đổi"):
                continue
            full = f"{m.group('kind')} {title}"
            pairs[(full.lower(), m.group("year"))][m.group("symbol")] += 1
            stated_pairs.names.setdefault(full.lower(), full)      # type: ignore[attr-defined]
    return pairs


# Two numbers for one name in one year: a typo somewhere, or two laws. The number is kept only when texts state it
# far more often than any other ("Luật Tổ chức chính quyền địa phương số 72/2025/QH15" in 24 texts, "75/2025/QH15"
# in one).
MAJORITY_TEXTS, MAJORITY_RATIO = 3, 4


def attested(symbols: Counter[str]) -> str | None:
    """The number texts give a name, if one stands out; else None."""
    ranked = symbols.most_common(2)
    if len(ranked) == 1:
        return ranked[0][0]
    (first, n), (_, m) = ranked
    return first if n >= MAJORITY_TEXTS and n >= MAJORITY_RATIO * m else None


def year(row: tuple[tuple[str, str], str]) -> str:
    """A row's year: "45/2019/QH14": 2019; "18-L/CTN": its date's."""
    (symbol, _), date = row
    parts = symbol.split("/")
    return parts[1] if len(parts) == 3 else date[:4]


# "Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi, bổ sung (một số điều) bởi Luật số 32/2013/QH13, Luật số
# 46/2014/QH13 …": the laws that amended a law, by number only.
AMENDED_BY = re.compile(r"(?<![\w])(?P<name>Luật\s[^\n;:.()\"“”]{3,120}?)\s+số\s*\d{1,3}/(?:19|20)\d{2}/QH\d{1,2}\s*,?\s*"
                        r"(?:đã\s+)?được\s+sửa\s+đổi,\s*bổ\s+sung\s+(?:một\s+số\s+điều\s+)?(?:bởi|theo)\s+(?P<list>(?:[\s,]*(?:và\s+)?"
                        r"Luật\s+số\s*\d{1,3}/(?:19|20)\d{2}/QH\d{1,2})+)")
AMENDING_NUMBER = re.compile(r"\d{1,3}/((?:19|20)\d{2})/QH\d{1,2}")


CITED_AMENDING = re.compile(r"(?<![\w])Luật\s+(?i:sửa\s+đổi,\s*bổ\s+sung\s+một\s+số\s+điều\s+của)\s+(?P<name>Luật\s[^\n;:.(),\"“”]{3,120}?)"
                            r"\s+(?:ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+)?năm\s+(?P<year>(?:19|20)\d{2})")


def cited_amending_names(paths: list[Path], excluded: set[str]) -> set[tuple[str, str]]:
    """(folded "Luật sửa đổi, bổ sung một số điều của Luật X", year) for each such law a text cites by name and date or
    year, without its number."""
    out: set[tuple[str, str]] = set()
    for rec in records(paths, excluded):
        for m in CITED_AMENDING.finditer(clean(rec.get("text") or "")):
            name = " ".join(m.group("name").split())
            out.add((f"luật sửa đổi, bổ sung một số điều của {name}".lower(), m.group("year")))
    return out


def amended_by(paths: list[Path], excluded: set[str]) -> dict[tuple[str, str], set[str]]:
    """(amended law's name, year) -> the numbers of the laws of that year the texts say amended it. A text that
    cites "Luật sửa đổi, bổ sung một số điều của Luật X" of a year in which only one law amended Luật X cites that
    law (main)."""
    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    written: dict[str, str] = {}      # a name as first written, by its lower case ("Luật giáo dục" = "Luật Giáo dục")
    for rec in records(paths, excluded):
        text = clean(rec.get("text") or "")
        for m in AMENDED_BY.finditer(text):
            name = " ".join(m.group("name").split())
            if not is_name(name[len("Luật "):]):
                continue
            name = written.setdefault(name.lower(), name)
            for number in AMENDING_NUMBER.finditer(m.group("list")):
                out[(name, number.group(1))].add(number.group(0))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("laws", type=Path)
    ap.add_argument("corpora", type=Path, nargs="*")
    ap.add_argument("--exclude", type=Path, action="append", default=[], help="a gold file whose records to skip")
    a = ap.parse_args()
    excluded = {k for g in a.exclude for k in json.load(open(g, encoding="utf-8"))["files"]}
    rows: dict[tuple[str, str], str] = {}          # (symbol, name) -> date
    listed = listed_laws(a.laws)
    for symbol, (name, date) in listed.items():
        rows[(symbol, name)] = date
    known_names = {(name.lower(), symbol) for symbol, (name, _) in listed.items()}
    pairs = stated_pairs([a.laws, *a.corpora], excluded)
    for key, symbols in table_rows([a.laws, *a.corpora], excluded).items():
        pairs[key] += symbols
    for (folded, _year), symbols in sorted(pairs.items()):
        symbol = attested(symbols)
        if symbol is None:
            continue
        if (folded, symbol) in known_names:
            continue
        name = stated_pairs.names[folded]       # type: ignore[attr-defined]
        date = listed.get(symbol, ("", ""))[1]
        rows.setdefault((symbol, name), date)
    named_years = {(name.lower(), year((k, d))) for k, d in rows.items() for name in [k[1]]}
    amending_laws = amended_by([a.laws, *a.corpora], excluded)
    laws_amended = Counter(symbol for symbols in amending_laws.values() for symbol in symbols)
    cited = cited_amending_names([a.laws, *a.corpora], excluded)
    for (name, law_year), symbols in sorted(amending_laws.items()):
        symbol = next(iter(symbols))
        amending = f"Luật sửa đổi, bổ sung một số điều của {name}"
        # a text cites that name and year; one law of that year amended the law, and it amended no other (a law
        # amending several, or a law of its own name that changed a few of another's articles — "Luật Hải quan số
        # 54/2014/QH13" in the list of 15/2012's amenders — is never cited so)
        if (amending.lower(), law_year) in cited and len(symbols) == 1 and laws_amended[symbol] == 1 and \
                (amending.lower(), law_year) not in named_years and not any(s == symbol for s, _ in rows):
            rows[(symbol, amending)] = ""
    # "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế số 25/2008/QH12": the number may be the amended
    # law's. An amending name is dropped when any text (or the list) gives its number to the law it names after "của".
    names_of: dict[str, set[str]] = defaultdict(set)
    for symbol, name in rows:
        names_of[symbol].add(name.lower())
    for (folded, _year), symbols in pairs.items():
        for symbol in symbols:
            names_of[symbol].add(folded)
    for symbol, name in list(rows):
        amended = re.search(r"\bcủa\s+((?:Bộ luật|Luật|Pháp lệnh)\s.+)$", name)
        if AMENDING_NAME.match(name.split(" ", 1)[1]) and amended and amended.group(1).lower() in names_of[symbol]:
            del rows[(symbol, name)]
    print("symbol\tname\tdate")
    for (symbol, name), date in sorted(rows.items(), key=lambda row: (year(row), row[0])):
        print(f"{symbol}\t{name}\t{date}")


if __name__ == "__main__":
    main()
