"""Build graphbuild/vocab/laws.tsv (symbol, name, date) from a JSONL list of laws with their texts.

Usage: python scripts/make_laws_table.py ../shared/corpus/laws-vlc.jsonl > graphbuild/vocab/laws.tsv

The source list is dirty (``73/2006/QH`` with the term split off as ``QH 11``, ASCII titles), so the symbol is
re-read from the text header and the name from the enacting clause or the title block.
"""
import json
import re
import sys
import unicodedata

HEADER_SYMBOL = re.compile(r"(?:Luật|Bộ luật|Số)\s*số?\s*:?\s*/?\s*(\d{1,3}\s*/\s*\d{4}\s*/\s*QH\s*\d{1,2})", re.I)
ENACTING = re.compile(r"(?:Quốc hội|QUỐC HỘI)\s+ban hành\s+((?:Bộ luật|Luật)\s+[^.;\n]+)")
TITLE_BLOCK = re.compile(r"\n\s*(BỘ LUẬT|LUẬT)\s*\n((?:[^\na-zđơưăâêôạ-ỹ]{2,}\n){1,3})")


def sentence_case(words):
    words = re.sub(r"\s+", " ", words).strip(" ,.")
    return words[:1].upper() + words[1:].lower()


def law_name(text):
    m = ENACTING.search(text)
    if m:
        name = re.sub(r"\s+", " ", m.group(1)).strip(" ,.")
        kind, _, rest = name.partition(" " if name.startswith("Luật") else "luật ")
        if name.startswith("Bộ luật"):
            return "Bộ luật " + sentence_case(name[len("Bộ luật"):])
        return "Luật " + sentence_case(name[len("Luật"):])
    m = TITLE_BLOCK.search(text)
    if m:
        kind = "Bộ luật" if m.group(1) == "BỘ LUẬT" else "Luật"
        return f"{kind} {sentence_case(m.group(2))}"
    return None


def main(path):
    print("symbol\tname\tdate")
    seen = set()
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        text = unicodedata.normalize("NFC", rec.get("text") or "").replace("\u00d0", "Đ")
        m = HEADER_SYMBOL.search(text[:1500])
        symbol = re.sub(r"\s+", "", m.group(1)).upper() if m else None
        if not symbol:
            continue  # pre-1992 numbering (21-LCT/HĐNN8, 102-SL/L) and model laws: not cited by these names today
        name = law_name(text)
        if not name or symbol in seen:
            continue
        seen.add(symbol)
        print(f"{symbol}\t{name}\t{rec.get('date') or ''}")


if __name__ == "__main__":
    main(sys.argv[1])
