"""Find what a document is, every document it cites, and how (typed edges with evidence).

``extract(source) -> Extraction``. Steps: normalize the text, read the header (``segment``), find mentions
(symbols, laws by name, short forms), read each mention's tail (date, issuer), then assign every mention its roles
(a source and a relation) within its logical line (``Lines``: a PDF line break inside a sentence does not end it):

- the last trigger phrase before a mention in its clause governs it ("Căn cứ", "thực hiện", "bãi bỏ" …); a phrase
  in the description of the document before it chains from that document ("Kế hoạch 84 … về việc thực hiện Kết
  luận 44": 84 -> 44; "Thông tư 08 … hướng dẫn Nghị định 46": 08 -> 46);
- a passive phrase ("A … được sửa đổi, bổ sung bởi B") makes B act on A, the nearest document before it that B can
  act on (not a later one, not a higher-ranked act); without one it never points at the subject; in a "Căn cứ"
  clause the amending act is a basis too;
- a list continues its first item's roles ("A; B", "A và B", "A <title>, B"), joining the nearest document of its
  type or rank; a line ending with a trigger and ':' (or an article heading that repeals, amends …) governs the
  numbered items under it; a phrase written after a document ("… hết hiệu lực") governs it;
- laws named without a number are the same-named law numbered earlier in the text, else the law list's version in
  force for the citing document.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import gazetteer, identity, patterns, segment, vocab
from .models import IMPLEMENTS_FAMILY, Document, Edge, Evidence, Extraction, Source
from .normalize import Text, normalize
from .patterns import Date, Symbol

# Strongest first: when a document relates to another in several places, the strongest statement wins.
PRIORITY = ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "PROMULGATES", "CONTINUES", "IMPLEMENTS",
            "BASED_ON", "REVIEWS", "REPORTS", "CITES")
ADJACENT_FILLERS = ("", "việc", "các", "những", "toàn bộ")
BETWEEN_DOCUMENTS = ("GUIDES", "AMENDS", "REPLACES", "REPEALS", "CORRECTS")
CONFIDENCE = {"trigger": 0.9, "chain": 0.85, "list": 0.8, "plain": 0.5}
LAW_BY_NAME = 0.85   # factor: a law cited by name was matched against the law list, not read from its number

NEWS_SUBJECT = re.compile(r"(?i)(?:ký |vừa |đã )?ban hành\s*$")
LINKER = re.compile(r"(?i)^[\s,:(\-\"“”']*(?:(?:về|việc|v/v|ban hành|kế hoạch|chương trình|hướng dẫn|để|nhằm|đã|được|và|"
                    r"một số điều|của|nội dung|tổ chức|công tác|tiếp tục|liên quan đến|đối với)[\s,]*)*$")
LIST_GAP = re.compile(r"(?i)^[\s,;:(\-+\"“”')]*(?:(?:và|hoặc|cùng|với|\d{1,2}\.|[a-zđ]\)|-|\+)[\s,;:]*)*$")
SENTENCE_END = re.compile(rf"[.!?]\s+(?=[{vocab.UPPER}\d])|:\s*\n")
# A list continues after a title: "A quy định … và B", "A về …, B".
COORDINATED = re.compile(r"(?:\s(?:và|hoặc)|,)\s*$")
ITEM_MARK = re.compile(r"[ \t]*(?:\d{1,3}[.)]|[a-zđ]\)|[-+•])\s")
ARTICLE = re.compile(r"[ \t]*Điều\s+\d+[a-zđ]?\s*[.:]")
HARD_NEXT = re.compile(r"(?:\d{1,3}[.)]|[a-zđ]\)|[-+•*])\s|(?:Căn cứ|Xét|Theo đề nghị|Sau khi|Trên cơ sở|Điều\s+\d|"
                       r"Chương\s|Mục\s+\d|Phần\s|Nơi nhận|Kính gửi)")
_ISSUER_STOP = (r"về|v/v|ban hành|quy định|hướng dẫn|sửa đổi|thực hiện|triển khai|tiếp tục|nhằm|để|đã|được|có hiệu lực|"
                r"ngày|tại|theo|trong|do|thì|là")


@lru_cache(maxsize=None)
def _issuer_re() -> re.Pattern:
    """'của Ban Thường vụ Tỉnh ủy …' after a mention: up to 16 words, stopping at a word that starts the document's
    description or a relation phrase (the phrases of vocab/relations.tsv)."""
    names = " / ".join(_fold(i.name) for i in vocab.issuers().values())     # 'Ban Chấp hành': not a stop
    phrases = _phrase_trie(t.phrase for t in vocab.triggers() if _fold(t.phrase) not in names)
    return re.compile(
        rf"(?i)của\s+((?:(?!\b(?:{_ISSUER_STOP}|{phrases})\b)[^\s,;.()\"“”:]+"
        r"(?:[ \t]+|[ \t]*\n(?=[^\W\d_])(?!Căn cứ|Xét|Theo|Điều|Chương|Mục|Phần|Nơi nhận|Kính gửi|[a-zđ]\)))?){1,16})")
_NUMBER_AFTER_NAME = re.compile(r"[\s,]*(?:(?i:số)\s*:?\s*)?")
_ONLY_COMMAS = re.compile(r"[\s,]*")
_AFTER_WORD = re.compile(r"\s*")
_TERM = re.compile(r"\s*\((?:khóa|khoá)\s+[IVXL]+\)|\s*(?:khóa|khoá)\s+[IVXL]+\b")
_fold = vocab.fold
EFFECTIVE = re.compile(r"(?i)(?:,\s*)?có hiệu lực(?: thi hành)?(?: kể)? từ ngày")


@dataclass
class Mention:
    start: int
    end: int
    key: str                               # the cited document within this text: symbol, law symbol or law name
    symbol: Optional[Symbol] = None
    type_code: Optional[str] = None
    law: Optional[vocab.Law] = None
    name: Optional[str] = None             # a law cited by name
    date: Optional[Date] = None
    issuer_phrase: Optional[str] = None
    tail_end: int = 0
    by_name: bool = False
    word: Optional[str] = None             # the type word written before the number ('Nghị quyết số …')


@dataclass
class Role:
    """How a mention relates: ``source`` is 'subject' or the key of the mention it hangs on."""
    source: str
    relation: str
    how: str                 # trigger | chain | list | plain
    passive: bool = False


def _phrase_trie(phrases) -> str:
    """The phrases as one pattern, a prefix tree of words: any blank between words, the commas optional ('được sửa
    đổi bổ sung tại'); the same matches as the phrases tried longest first, but the engine tests a word where a
    flat list tries every phrase at every position."""
    tree: dict = {}
    for phrase in phrases:
        node = tree
        for token in phrase.split():
            node = node.setdefault((token.rstrip(",").lower(), token.endswith(",")), {})
        node[None] = {}

    def build(node: dict) -> str:
        # a comma variant before the bare word (it is the longer phrase), longer continuations before an end
        keys = sorted((k for k in node if k is not None), key=lambda k: (k[0], not k[1]))
        alts = []
        for word, comma in keys:
            sub = node[(word, comma)]
            rest = build(sub)
            sep = r",?\s+" if comma else r"\s+"
            branches = ([sep + rest] if any(k is not None for k in sub) else []) + \
                       ([r"(?!\w)"] if None in sub else [])
            alts.append(re.escape(word) + ("(?:" + "|".join(branches) + ")" if len(branches) > 1 else branches[0]))
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(tree)


def _phrase_key(s: str) -> str:
    return _fold(s.replace(",", " "))


@lru_cache(maxsize=None)
def _trigger_re() -> re.Pattern:
    post = {_phrase_key(p) for _, p in _post_phrases()}
    phrases = sorted((t for t in vocab.triggers() if _phrase_key(t.phrase) not in post), key=lambda t: len(t.phrase),
                     reverse=True)
    return re.compile(rf"(?i)(?<!\w){_phrase_trie(t.phrase for t in phrases)}")


@lru_cache(maxsize=None)
def _trigger_table() -> dict:
    post = {_phrase_key(p) for _, p in _post_phrases()}
    return {_phrase_key(t.phrase): t for t in vocab.triggers() if _phrase_key(t.phrase) not in post}


# --- mentions ---------------------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _law_names() -> dict:
    """Known law names without their leading 'luật'/'bộ luật' (folded) -> [Law, …]; the first name wins a tie."""
    out: dict = {}
    for known, laws in vocab.laws_by_name().items():
        bare = known.split(" ", 1)[1] if known.startswith("luật ") else known.split(" ", 2)[-1]
        out.setdefault(bare, laws)
    return out


_NAME_BREAK = re.compile(r"[ ,]")


def _law_for(name: str, date: Optional[Date]) -> Optional[vocab.Law]:
    """The law a name (as written after 'Luật') refers to: the longest known name it starts with (whole words);
    among versions, the one with the cited date, else the only one."""
    folded = _fold(name)
    names = _law_names()
    laws = names.get(folded)
    if laws is None:
        for m in reversed(list(_NAME_BREAK.finditer(folded))):
            laws = names.get(folded[:m.start()])
            if laws is not None:
                break
    if not laws:
        return None
    if date and date.iso:
        dated = [law for law in laws if law.date == date.iso]
        return dated[0] if dated else None
    return laws[0] if len(laws) == 1 else None


# Within a sentence only: a line that starts with a capital ("Ngày 09/05/2016, …") opens a new one.
_TAIL_GAP = re.compile(r"[ \t,]*(?:\n[ \t]*(?=[a-zđ]))?")


def _tail(text: str, pos: int) -> tuple:
    """Date and issuer written right after a mention: ', ngày 08/6/2010 của Ban Bí thư …'."""
    date = issuer = None
    while True:
        p = _TAIL_GAP.match(text, pos).end()
        dm = patterns.DATE_RE.match(text, p)
        if dm and not date:
            date = patterns.parse_date(dm)
            pos = dm.end()
            continue
        im = _issuer_re().match(text, p)
        if im and not issuer:
            issuer = im.group(1).strip()
            pos = im.end()
            continue
        em = EFFECTIVE.match(text, pos)
        if em:
            dm = patterns.DATE_RE.match(text, em.end() - len("ngày"))
            pos = dm.end() if dm else em.end()
            continue
        km = _TERM.match(text, pos)
        if km:
            issuer = (issuer or "") + " " + km.group(0).strip(" ()")
            pos = km.end()
            continue
        return date, issuer, pos


_FORM_NUMBER = re.compile(r"(?i)(?:mẫu|biểu|phụ lục|mã)\s*$")


def find_mentions(text: str, start: int = 0) -> list:
    found: list = []

    for m_start, m_end, word, sm in patterns.iter_mentions(text, start):
        numbered = m_start < sm.start() and "số" in text[m_start:sm.start()].lower()
        sym = patterns.parse_numbered_symbol(sm) if numbered else patterns.parse_symbol(sm)
        if not sym:
            continue
        if _FORM_NUMBER.search(text, max(0, m_start - 14), m_start):
            continue    # "Mẫu số 23/ĐK-TCT", "Phụ lục 01/PLI": forms and appendices, not documents
        if not word and not numbered and vocab.issuer_info(sym.issuer_code) is None:
            continue    # a bare code of no known body ("101-102/LĐVL - Sở" in a table of indicators)
        if word and _fold(word) == "luật" and text[max(0, m_start - 5):m_start].lower().endswith("pháp "):
            # "… quy phạm pháp luật số 64/2025/QH15": 'luật' ends the law's name, the number starts at 'số'
            m_start, word = _AFTER_WORD.match(text, m_start + len(word)).end(), None
        t = vocab.type_by_word().get(_fold(word)) if word else None
        type_code = sym.type_code or (t.code if t else None)
        if t and sym.type_code in ("QĐ", "QĐi") and t.name == "Quy định" and sym.system == "party":
            type_code = "QĐi"
        if not type_code and sym.system == "state" and sym.year and re.match(r"QH\d", sym.issuer_code):
            type_code = t.code if t else "Luật"
        if not type_code and sym.system == "state" and not sym.year:
            type_code = "CV"
        found.append(Mention(m_start, m_end, sym.text, symbol=sym, type_code=type_code, word=word))
    # Symbol mentions are sorted and do not overlap; law names are met in order, so the spans they take end
    # before the next one starts: a bisect and a running end replace scans of everything found so far.
    syms = list(found)
    sym_starts = [x.start for x in syms]
    sym_ends = [x.end for x in syms]
    law_end = -1

    def free(a, b):
        i = bisect.bisect_left(sym_ends, a + 1)   # the first symbol ending after a
        return a >= law_end and (i == len(syms) or sym_starts[i] >= b)

    for m in patterns.LAW_RE.finditer(text, start):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        if not free(m.start(), m.start() + 5):
            continue
        raw = m.group("name")
        name = _law_name(text, m.start("name"), raw, syms, sym_starts)
        # "luật" inside "pháp luật", "quy định của luật": only a capitalised name, or one the law list knows.
        if len(name) < 3 or (not name[0].isupper() and not _law_for(name, None)) or \
                re.search(r"(?i)pháp\s*$", text[max(0, m.start() - 6):m.start()]):
            continue
        end = m.start("name") + len(name)
        # "Luật … số 72/2025/QH15": the number that follows belongs to this law (only the first symbol after the
        # name can follow it, and not when an earlier name took it already).
        nxt = None
        i = bisect.bisect_left(sym_starts, end)
        if i < len(syms) and syms[i].start == sym_starts[i] and syms[i].word is None:
            x = syms[i]
            if (x.start - end <= 8 and _NUMBER_AFTER_NAME.fullmatch(text, end, x.start)) or \
                    _ONLY_COMMAS.fullmatch(text, end, x.start):
                nxt = x
        if nxt is not None:
            nxt.start, nxt.name = m.start(), f"{m.group('word')} {name}"
            nxt.type_code = "Bộ luật" if m.group("word").lower() == "bộ luật" else "Luật"
            law_end = max(law_end, nxt.end)
            continue
        word = "Bộ luật" if m.group("word").lower() == "bộ luật" else "Luật"
        found.append(Mention(m.start(), end, f"{word} {name}", type_code=word, name=f"{word} {name}", by_name=True))
        law_end = max(law_end, end)
    found.sort(key=lambda x: x.start)
    # Drop mentions inside another (a law name inside an amending law's name).
    out: list = []
    for x in found:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    pinned: dict = {}      # a law's name -> the mention that gave its number
    for x in out:
        x.date, x.issuer_phrase, x.tail_end = _tail(text, x.end)
        if x.symbol and x.name:
            pinned.setdefault(_fold(x.name), x)
        if x.by_name:
            x.law = _law_for(x.name.split(" ", 1)[1] if x.type_code == "Luật" else x.name.split(" ", 2)[2], x.date)
            p = pinned.get(_fold(x.name))
            if p is not None and (x.date is None or x.law is None):
                # "Luật Ban hành văn bản quy phạm pháp luật" after "… số 64/2025/QH15" names the same law again
                x.key, x.symbol, x.type_code, x.law, x.by_name = p.key, p.symbol, p.type_code, None, False
                x.date = x.date or p.date
            elif x.law:
                x.key = x.law.symbol
    return out


_NAME_BEFORE_NUMBER = re.compile(r"(?P<name>(?:[^;:()\"“”]|\((?i:sửa đổi(?:,? bổ sung)?)\)){3,160}?)[\s,]*"
                                r"(?:(?i:số)\s*:?\s*)?")
_NOT_IN_NAME = re.compile(r"\s(?:ngày|năm|đã|được|và các|của Quốc hội|có hiệu lực|quy định|thì|để|nhằm|theo|tại|"
                          r"gồm|và (?:Luật|Bộ luật))\b|[.;]|\n\s*\n|[.:;]\s*\n")


def _law_name(text: str, start: int, raw: str, syms: list, sym_starts: list) -> str:
    """The name of a law cited by name, from the text after 'Luật': up to its number when one follows ('Luật An
    toàn, vệ sinh lao động số 84/2015/QH13'), else the longest name the law list knows ('Luật Cán bộ, công chức
    ngày …'), else up to the first word that cannot be part of a name."""
    i = bisect.bisect_left(sym_starts, start + 3)
    if i < len(syms) and syms[i].start == sym_starts[i] and sym_starts[i] <= start + 170 and \
            (syms[i].word is None or _fold(syms[i].word) in ("luật", "bộ luật")):
        nm = _NAME_BEFORE_NUMBER.fullmatch(text, start, sym_starts[i])
        if nm and not _NOT_IN_NAME.search(nm.group("name")):
            return nm.group("name").strip(" ,")
    folded = _fold(raw)
    if len(folded) == len(raw):
        names = _law_names()
        if folded not in names:
            for b in reversed(list(_NAME_BREAK.finditer(folded))):
                if folded[:b.start()] in names:
                    return raw[:b.start()].strip(" ,")
        else:
            return raw.strip(" ,")
    stop = patterns.LAW_NAME_STOP.search(raw)
    name = raw[: stop.start()] if stop else raw
    if name.lower().startswith(("sửa đổi", "bổ sung")):
        cut = re.search(r"\s+ngày\b|\s+số\b|[;.(]", raw)
        name = raw[: cut.start()] if cut else raw
    return name.strip(" ,")


def _short_forms(text: str, full: list, start: int) -> list:
    """'Kết luận 44' after 'Kết luận số 44-KL/TW'; 'Chỉ thị nói trên' after a Chỉ thị."""
    out = []
    by_type: dict = {}
    for x in full:
        if x.symbol and x.symbol.number.isdigit():
            by_type.setdefault((x.type_code, int(x.symbol.number)), x)
    spans = sorted((x.start, x.end) for x in full)
    starts = [a for a, _ in spans]
    reach = []          # the furthest end among the spans starting at or before each start
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    if not by_type:
        return out
    numbers = {n for _, n in by_type}
    for m_start, m_end, word, num in patterns.iter_short_mentions(text, start, numbers):
        i = bisect.bisect_right(starts, m_start) - 1
        if i >= 0 and reach[i] > m_start:
            continue
        t = vocab.type_by_word().get(_fold(word))
        ref = by_type.get((t.code if t else None, int(num)))
        if ref and ref.start < m_start:
            out.append(Mention(m_start, m_end, ref.key, symbol=ref.symbol, type_code=ref.type_code,
                               tail_end=m_end))
    return out


# --- the subject ------------------------------------------------------------------------------------------------

def _pretty(line: str) -> str:
    """'QUẬN ỦY KIẾN AN' -> 'Quận ủy Kiến An' (first word and place names keep their capitals)."""
    place = gazetteer.find_place(line)
    low = line.lower()
    if place and place.short.lower() in low:
        i = low.rfind(place.short.lower())
        return (low[:i] + place.short + low[i + len(place.short):]).capitalize().replace(
            place.short.lower().capitalize(), place.short) if i == 0 else low[:i].capitalize() + place.short + \
            low[i + len(place.short):]
    return low.capitalize()


def _locality(issuer_level: Optional[str], texts: list, place: Optional[str], within: Optional[str],
              era: Optional[str]) -> Optional[gazetteer.Unit]:
    """The unit a local issuer belongs to, from its header lines or phrase, else from the place line."""
    if issuer_level == "central":
        return None
    joined = " / ".join(t for t in texts if t)
    unit = gazetteer.find_place(joined, within=within, era=era) if joined else None
    if unit is None and within:
        unit = gazetteer.find_place(joined, era=era) if joined else None
    if unit is None and place:
        want = issuer_level if issuer_level in ("province", "district", "commune") else None
        hits = gazetteer.lookup(place, level=want, within=within, era=era) or \
            (gazetteer.lookup(place, level=want, era=era) if within else [])
        unit = hits[0] if hits else None
    return unit


def _level(issuer_code: Optional[str], unit: Optional[gazetteer.Unit]) -> Optional[str]:
    info = vocab.issuer_info(issuer_code)
    if info and info.level != "local":
        return info.level
    return unit.level if unit else None


def _ancestor_at(unit: Optional[gazetteer.Unit], level: str) -> Optional[gazetteer.Unit]:
    while unit and gazetteer.LEVEL_RANK[unit.level] > gazetteer.LEVEL_RANK.get(level, 9):
        unit = gazetteer.unit(unit.parent)
    return unit if unit and unit.level == level else None


def _path(unit: Optional[gazetteer.Unit]) -> Optional[list]:
    if not unit:
        return None
    parts = [unit.short]
    while unit.parent:
        unit = gazetteer.unit(unit.parent)
        parts.append(unit.short)
    return list(reversed(parts))


def _doc(*, symbol: Optional[Symbol], type_code: Optional[str], date: Optional[Date], year: Optional[int],
         issuer: Optional[str], issuer_code: Optional[str], unit: Optional[gazetteer.Unit], level: Optional[str],
         file: str, title: Optional[str] = None, name: Optional[str] = None, stub: bool = True,
         number: Optional[str] = None) -> Document:
    system = symbol.system if symbol else (vocab.issuer_info(issuer_code).system if vocab.issuer_info(issuer_code)
                                           else None)
    iso = date.iso if date else None
    year = year or (date.year if date else None) or (symbol.year if symbol else None)
    number = number or (symbol.number if symbol else None)
    doc = Document(symbol=symbol.text if symbol else None, type=type_code, number=number, issuer=issuer,
                   issuer_code=issuer_code, date=iso, year=year, locality=gazetteer.label(unit.id) if unit else None,
                   title=title or (name if name and not symbol else None), stub=stub,
                   type_name=vocab.type_name(type_code, system), system=system, level=level,
                   province=gazetteer.unit(unit.province_id).short if unit else None,
                   term=identity.term_for(iso, year) if system == "party" else None,
                   date_inferred=bool(date and date.inferred_year), file=None if stub else file)
    unknown_in, file_name = _file_names(file)
    doc.id = identity.document_id(
        scope_path=identity.scope(level, _path(unit), unknown_in),
        issuer_code=(issuer_code or "").split("-")[0] if symbol and symbol.unit else issuer_code,
        type_code=type_code, number=number, year=year, unit=symbol.unit if symbol else None,
        name=name if not number else None, draft_of=file_name)
    return doc


@lru_cache(maxsize=256)
def _file_names(file: str) -> tuple:
    """(the scope of a document whose locality is unknown: 'seed#12', the file's name): once per input, not once
    per document it cites."""
    path, _, record = file.partition("#")
    return Path(path).stem + ("#" + record if record else ""), Path(file).name


def _subject_from_header(h: segment.Header, source: Source, text: str) -> Optional[Document]:
    sym = h.symbol
    meta = source.meta
    if not sym and meta.get("symbol"):
        m = patterns.mention_re().fullmatch(patterns.canonical_symbol(str(meta["symbol"])) or "")
        sym = patterns.parse_symbol(m) if m else None
    if sym:
        issuer_code = sym.issuer_code
    elif h.blank_code:
        parts = h.blank_code.split("-")
        issuer_code = patterns.canonical_code(parts[-1]) or parts[-1]
    else:
        issuer_code = None
    type_code = h.type_code or (sym.type_code if sym else None) or \
        (patterns.canonical_code(h.blank_code.split("-")[0]) if h.blank_code and "-" in h.blank_code else None)
    if sym and not type_code:
        type_code = "CV" if not sym.year else None
    if not (sym or h.blank_code or h.type_code):
        return None
    info = vocab.issuer_info(issuer_code)
    date = h.date
    if not date and meta.get("date") and h.type_code != "VBHN":   # a consolidated text's record date is the base's
        dm = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(meta["date"]))
        date = Date(dm.group(0), int(dm.group(1)), 0, 0) if dm else None
    era = gazetteer.era_for(date.iso if date else None)
    texts = h.issuer_lines + [h.by_line or "", str(meta.get("issuer") or ""), str(meta.get("locality") or "")]
    unit = _locality(info.level if info else None, texts, h.place, None, era)
    level = _level(issuer_code, unit)
    if level and unit and gazetteer.LEVEL_RANK[unit.level] > gazetteer.LEVEL_RANK.get(level, 9):
        unit = _ancestor_at(unit, level) or unit
    if info and info.level == "central":
        unit = None
    issuer = _issuer_name(h, info, unit)
    title = h.title or meta.get("title")
    doc = _doc(symbol=sym, type_code=type_code, date=date, year=date.year if date else None, issuer=issuer,
               issuer_code=issuer_code, unit=unit, level=level, file=source.file, title=title, stub=False)
    doc.signer, doc.signer_role, doc.recipients = h.signer, h.signer_role, h.recipients
    doc.url = meta.get("url")
    return doc


def _issuer_name(h: segment.Header, info: Optional[vocab.Issuer], unit: Optional[gazetteer.Unit]) -> Optional[str]:
    if h.issuer_lines:
        return _pretty(h.issuer_lines[-1])
    if not info:
        return None
    name = info.name
    if info.level == "central":
        return name
    standing = "Ban Thường vụ " if h.by_line and "THƯỜNG VỤ" in h.by_line.upper() else ""
    if unit:
        if info.level == "local":
            return f"{name} {unit.name[0].lower()}{unit.name[1:]}"
        return f"{standing}{name} {unit.short}"
    return standing + name


def _news_subject(text: str, mentions: list, file: str) -> Optional[tuple]:
    """In a news article, the document it reports being issued: '…, UBND tỉnh ban hành Công văn số 706/…'."""
    for x in mentions:
        if not x.symbol:
            continue
        before = text[max(0, x.start - 40):x.start]
        if NEWS_SUBJECT.search(before):
            sent_start = max(text.rfind(". ", 0, x.start), text.rfind("\n", 0, x.start), text.rfind(";", 0, x.start))
            clause = text[sent_start + 1:x.start]
            im = re.search(r"([A-ZĐƯỦ][^,;.]{1,60}?)\s+(?:ký |vừa |đã )?ban hành\s*$", clause)
            issuer = im.group(1).strip() if im else None
            dm = list(patterns.DATE_RE.finditer(text, sent_start + 1, x.start))
            return x, issuer, (patterns.parse_date(dm[-1]) if dm else None)
    return None


def _infer_year(d: Date, text: str, latest: str) -> Date:
    """'ngày 16 tháng 3' in a text whose latest full date is 2023-02-17 -> 2023-03-16 (the first such day on or
    after the latest date it cites), marked inferred."""
    month, day = patterns.month_day(patterns.DATE_RE.match(text, d.start))
    y = int(latest[:4])
    iso = f"{y:04d}-{month:02d}-{day:02d}"
    if iso < latest:
        iso = f"{y + 1:04d}-{month:02d}-{day:02d}"
    return Date(iso, int(iso[:4]), d.start, d.end, True)


# --- relations --------------------------------------------------------------------------------------------------

def _last_trigger(gap: str):
    best = None
    for m in _trigger_re().finditer(gap):
        best = m
    if not best:
        return None
    t = _trigger_table()[_phrase_key(best.group(0))]
    filler = gap[best.end():]
    if t.adjacent and filler.strip(" ,:") not in ADJACENT_FILLERS:
        # not right before the document: a continuation is still an implementation, anything else a citation
        # ("diện tích thu hồi tại Quyết định số …" does not revoke the decision)
        return vocab.Trigger("IMPLEMENTS" if t.relation == "CONTINUES" else "CITES", t.phrase, False, False), best
    return t, best


def _first_trigger(gap: str):
    m = _trigger_re().search(gap)
    return (_trigger_table()[_phrase_key(m.group(0))], m) if m else None


class Lines:
    """Logical lines of a clean text: a line break inside a sentence (a PDF or table wrapping it) does not end the
    line. A break is hard after . ; : ! ?, around a blank line, before a list item or a preamble/article opening
    ('Căn cứ', 'Điều 2.'), next to a heading written in capitals, and after an article heading."""

    def __init__(self, text: str):
        self.text = text
        self._soft: dict = {}

    def soft(self, i: int) -> bool:
        r = self._soft.get(i)
        if r is None:
            r = self._soft[i] = self._is_soft(i)
        return r

    def _is_soft(self, i: int) -> bool:
        t = self.text
        a = t.rfind("\n", 0, i) + 1
        b = t.find("\n", i + 1)
        prev, nxt = t[a:i].strip(), t[i + 1:len(t) if b < 0 else b].strip()
        if not prev or not nxt or prev.rstrip("\"”'*)")[-1:] in (".", ";", ":", "!", "?", ""):
            return False
        if HARD_NEXT.match(nxt) or prev == prev.upper() or nxt == nxt.upper():
            return False
        return not (ARTICLE.match(prev) and nxt[:1].isupper())

    def start(self, pos: int) -> int:
        i = self.text.rfind("\n", 0, pos)
        while i >= 0 and self.soft(i):
            i = self.text.rfind("\n", 0, i)
        return i + 1

    def end(self, pos: int) -> int:
        i = self.text.find("\n", pos)
        while i >= 0 and self.soft(i):
            i = self.text.find("\n", i + 1)
        return len(self.text) if i < 0 else i

    def previous(self, start: int) -> Optional[tuple]:
        """The non-blank logical line before the one starting at ``start``, as (start, end)."""
        end = start - 1
        while end > 0:
            s = self.start(end)
            if self.text[s:end].strip():
                return s, end
            end = s - 1
        return None


# State documents by rank (Luật 2013 on the legal system; Luật Ban hành văn bản QPPL): an act can amend, replace
# or repeal only acts of its own rank or below. Party documents and unknown types have no rank.
_RANK_BY_TYPE = {"Hiến pháp": 0, "Luật": 1, "Bộ luật": 1, "Pháp lệnh": 2, "Lệnh": 2, "NĐ": 3, "TT": 5, "TTLT": 5}
_RANK_BY_ISSUER = {"QH": 1, "UBTVQH": 2, "CTN": 2, "CP": 3, "TTg": 4, "HĐND": 6, "UBND": 7}
_ACTS_ON_OLDER = {"AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "IMPLEMENTS", "CONTINUES", "PROMULGATES",
                  "REVIEWS"}


def _rank(x: "Mention") -> Optional[int]:
    sym = x.symbol
    if sym is not None and sym.system != "state":
        return None
    if x.type_code in _RANK_BY_TYPE:
        return _RANK_BY_TYPE[x.type_code]
    if sym is None:
        return None
    head = re.sub(r"\d+$", "", sym.issuer_code.split("-")[0])
    if head in _RANK_BY_ISSUER:
        return _RANK_BY_ISSUER[head]
    info = vocab.issuer_info(head)
    return 5 if info and info.system == "state" and info.level == "central" else None


def _year(x: "Mention") -> Optional[int]:
    if x.date and x.date.year:
        return x.date.year
    if x.symbol and x.symbol.year:
        return x.symbol.year
    if x.law and x.law.date:
        return int(x.law.date[:4])
    return None


def _possible(source: Optional["Mention"], target: "Mention", relation: str) -> bool:
    """Whether ``source`` can act on ``target``: not on a later document, not (amending) on a higher-ranked act."""
    if source is None or relation not in _ACTS_ON_OLDER:
        return True
    ys, yt = _year(source), _year(target)
    if ys and yt and ys < yt:
        return False
    if relation in ("AMENDS", "REPLACES", "REPEALS"):
        rs, rt = _rank(source), _rank(target)
        if rs is not None and rt is not None and rs > rt:
            return False
    return True


@dataclass
class _Clause:
    start: int
    lead: object = None          # (Trigger, match) of the first trigger in the clause, computed on demand
    lead_done: bool = False


def _roles(text: str, mentions: list, lines: Lines, subject: Optional[Mention] = None) -> list:
    """Every mention's roles (a list per mention): the relations the text states for it, with their sources.
    ``subject``: the document itself as a mention (its rank bounds what it can amend, replace or repeal)."""
    roles: list = []
    line_of = [lines.start(x.start) for x in mentions]
    clauses: list = []
    by_key = {}

    def lead_of(c: _Clause, upto: int):
        if not c.lead_done:
            c.lead, c.lead_done = _first_trigger(text[c.start:upto]), True
        return c.lead

    def lead_role(c: _Clause, upto: int, how: str = "trigger") -> Role:
        lead = lead_of(c, upto)
        if lead and not lead[0].passive:
            return Role("subject", lead[0].relation, how)
        return Role("subject", "CITES", "plain")

    for i, x in enumerate(mentions):
        L = line_of[i]
        prev = mentions[i - 1] if i and line_of[i - 1] == L else None
        gap_start = min(prev.tail_end, x.start) if prev else L
        gap = text[gap_start:x.start]
        cut = 0
        for b in SENTENCE_END.finditer(gap):
            cut = b.end()
        clause_gap = gap[cut:]
        clause = clauses[i - 1] if prev is not None and not cut else _Clause(gap_start + cut)
        clauses.append(clause)
        hit = _last_trigger(clause_gap)
        if hit and ";" in clause_gap[hit[1].end():]:
            hit = None      # a phrase does not reach across ';' ("… về thi hành Điều lệ Đảng; Quy định số 22")
        if hit and prev is not None and not hit[0].passive and _coordinated_past(clause_gap[hit[1].end():]):
            hit = None      # "A hướng dẫn giám sát … và B": the phrase belongs to A's title, B joins A
        mine: list = []
        if hit and not hit[0].passive:
            trig, m = hit
            if prev is not None and not cut and ";" not in gap and (
                    len(gap.strip()) <= 90 and LINKER.match(clause_gap[:m.start()]) or
                    len(gap) <= 250 and (trig.relation in BETWEEN_DOCUMENTS or "," not in clause_gap[:m.start()])):
                # "A … về việc thực hiện B"; "A … hướng dẫn thực hiện một số điều về … quy định tại B": a phrase
                # in A's own description (no comma before it), or what documents do to documents (guide, amend,
                # repeal), is said of A; what A cannot do to B (amend a higher act, a later one) leaves a citation
                mine = [Role(prev.key, trig.relation if _possible(prev, x, trig.relation) else "CITES", "chain")]
            elif not _possible_rank(subject, x, trig.relation):
                mine = [Role("subject", "CITES", "trigger")]     # a circular does not amend a decree
            else:
                mine = [Role("subject", trig.relation, "trigger")]
        elif hit:       # passive: "A … được sửa đổi, bổ sung bởi B" -> B acts on A
            trig, _ = hit
            ante = _antecedent(mentions, i, line_of, clauses, trig.relation)
            if ante is not None:
                mine = [Role(ante.key, trig.relation, "chain", True)]
                if lead_role(clause, x.start).relation == "BASED_ON":
                    mine.append(Role("subject", "BASED_ON", "trigger"))   # the basis is the act as amended
            else:
                mine = [lead_role(clause, x.start)]
        elif prev is None:
            header = _list_header(text, mentions, lines, L, x)
            if header is not None:
                mine = [header]
        if not mine and prev is not None and (LIST_GAP.match(clause_gap.split(";")[-1] if ";" in gap else gap) or
                                              (not cut and ";" not in gap and COORDINATED.search(gap))):
            mine = _continue_list(mentions, i, line_of, roles, clauses, gap, x, lead_role, by_key)
        if not mine:
            mine = [Role("subject", "CITES", "plain")]
        roles.append(mine)
        by_key.setdefault(x.key, x)
    _post_triggers(text, mentions, line_of, roles, lines)
    return roles


@lru_cache(maxsize=None)
def _type_start_re() -> re.Pattern:
    return re.compile(rf"\s*(?:(?:các|những)\s+)?(?i:{patterns.type_words()})\b")


def _coordinated_past(filler: str) -> bool:
    """Whether the words between a phrase and a document end a list the document joins, past the phrase's own
    object ('hướng dẫn giám sát giao dịch … và B'), rather than adding to the phrase's objects ('thực hiện Nghị
    quyết Đại hội Đảng lần thứ X, Nghị quyết số 25/2006/NQ-CP')."""
    return bool(COORDINATED.search(filler)) and len(filler.split()) > 3 and not _type_start_re().match(filler)


def _as_mention(doc: Optional[Document]) -> Optional[Mention]:
    """The subject as a mention, for the rank checks (no date: a wrong header date must not drop an edge)."""
    if doc is None or not doc.symbol:
        return None
    m = patterns.mention_re().fullmatch(doc.symbol)
    sym = patterns.parse_symbol(m) if m else None
    return Mention(-1, -1, "subject", symbol=sym, type_code=doc.type) if sym else None


def _possible_rank(source: Optional[Mention], target: Mention, relation: str) -> bool:
    if source is None or relation not in ("AMENDS", "REPLACES", "REPEALS"):
        return True
    rs, rt = _rank(source), _rank(target)
    return rs is None or rt is None or rs <= rt


def _antecedent(mentions: list, i: int, line_of: list, clauses: list, relation: str):
    """The document a passive phrase before mention i acts on: the nearest one before it in its clause that it can
    act on ('Nghị định 78 hướng dẫn Luật BHVB được sửa đổi bởi Nghị định 187': 187 amends 78, not the law)."""
    x = mentions[i]
    for j in range(i - 1, -1, -1):
        if line_of[j] != line_of[i] or clauses[j] is not clauses[i]:
            break
        if _possible(x, mentions[j], relation) and mentions[j].key != x.key:
            return mentions[j]
    return None


def _continue_list(mentions: list, i: int, line_of: list, roles: list, clauses: list, gap: str, x, lead_role,
                   by_key) -> list:
    """'A; B', 'A và B', 'A <title>, B': B takes the roles of the document it is listed with: the one before it when
    of its type or rank, else the nearest of its type, then of its rank (a Nghị định joins a Nghị định, not the
    Luật named in the first one's title), else the one before."""
    j = i - 1
    if ";" not in gap and mentions[j].type_code != x.type_code and (_rank(x) is None or _rank(mentions[j]) != _rank(x)):
        same = [k for k in range(i - 1, -1, -1) if line_of[k] == line_of[i] and clauses[k] is clauses[i]]
        j = next((k for k in same if mentions[k].type_code == x.type_code), None) or \
            next((k for k in same if _rank(x) is not None and _rank(mentions[k]) == _rank(x)), i - 1)
    out = []
    for r in roles[j]:
        if ";" in gap and r.how == "chain" and not r.passive:
            r = next((q for rs in reversed(roles[:i]) for q in rs if q.how != "chain"), Role("subject", "CITES", "plain"))
        if r.source != "subject":
            src = by_key.get(r.source)
            ok = _possible(x, src, r.relation) if r.passive else _possible(src, x, r.relation)
            if not ok:
                r = lead_role(clauses[i], x.start, "list")
        out.append(Role(r.source, r.relation, "list" if r.how != "plain" else "plain", r.passive))
    return out


def _list_header(text: str, mentions: list, lines: Lines, L: int, x: Mention) -> Optional[Role]:
    """A list item's first document takes its relation from the list's header: a line ending with ':' whose last
    phrase is a trigger ('Bãi bỏ … các văn bản sau đây:', 'X …, được sửa đổi, bổ sung bởi:'), or an article heading
    that repeals, replaces, amends or corrects ('Điều 1. Bãi bỏ toàn bộ 15 văn bản'), followed by numbered items."""
    first = True
    cur = L
    for _ in range(60):
        p = lines.previous(cur)
        if p is None:
            return None
        s, e = p
        line = text[s:e]
        if ITEM_MARK.match(line) and not ITEM_MARK.match(text[L:L + 8]) and first:
            return None
        if ITEM_MARK.match(line) and ITEM_MARK.match(text[L:L + 8]):
            cur = s
            first = False
            continue
        if not ITEM_MARK.match(text[L:L + 8]) and not first:
            return None
        break
    else:
        return None
    colon = line.rstrip(" \"”'*").endswith(":")
    article = ARTICLE.match(line)
    if not (colon or article):
        return None
    # the last trigger after the last document named in the header line
    k = bisect.bisect_left([m.start for m in mentions], e) - 1
    after = s
    if k >= 0 and mentions[k].start >= s:
        after = max(s, mentions[k].tail_end)
    hit = _last_trigger(text[after:e])
    if not hit:
        return None
    trig, m = hit
    # a passive header acts on the header's document it can act on: the base text, not a decision in its title
    ante = next((mentions[j] for j in range(k, -1, -1) if mentions[j].start >= s and
                 _possible(x, mentions[j], trig.relation)), None)
    rest = text[after + m.end():e]
    if len(rest.split()) > 40 or ";" in rest or SENTENCE_END.search(rest):
        return None
    if article and not colon and trig.relation not in ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "CITES"):
        return None
    if trig.passive:
        return Role(ante.key, trig.relation, "chain", True) if ante is not None else None
    return Role("subject", trig.relation, "trigger")


@lru_cache(maxsize=None)
def _post_phrases() -> tuple:
    """Phrases written after the document they govern ('Thông tư số X … hết hiệu lực'): direction 'post'."""
    return tuple((r, p) for r, p, _a, d in vocab._rows("relations.tsv") if d == "post")


@lru_cache(maxsize=None)
def _post_re() -> Optional[re.Pattern]:
    phrases = sorted(_post_phrases(), key=lambda rp: len(rp[1]), reverse=True)
    if not phrases:
        return None
    return re.compile(r"(?i)(?<!\w)" + _phrase_trie(p for _, p in phrases))


def _post_triggers(text: str, mentions: list, line_of: list, roles: list, lines: Lines) -> None:
    """'Nghị định số 75/2024/NĐ-CP … hết hiệu lực kể từ ngày …': the phrase after a document (before the next one
    and the clause end) gives the subject's relation to it, and to the documents listed with it."""
    pat = _post_re()
    if pat is None:
        return
    table = {_phrase_key(p): r for r, p in _post_phrases()}
    for i, x in enumerate(mentions):
        if roles[i][0].how != "plain":
            continue
        end = lines.end(x.start)
        if i + 1 < len(mentions) and mentions[i + 1].start < end:
            end = mentions[i + 1].start
        stop = SENTENCE_END.search(text, x.tail_end, end)
        if stop:
            end = stop.start() + 1
        semi = text.find(";", x.tail_end, end)
        if semi >= 0:
            end = semi
        m = pat.search(text, x.tail_end, end)
        if not m:
            continue
        role = Role("subject", table[_phrase_key(m.group(0))], "trigger")
        roles[i] = [role]
        j = i - 1       # "Thông tư A và Thông tư B hết hiệu lực"
        while j >= 0 and line_of[j] == line_of[i] and roles[j][0].how == "plain" and \
                LIST_GAP.match(text[mentions[j].tail_end:mentions[j + 1].start]):
            roles[j] = [Role("subject", role.relation, "list")]
            j -= 1


def _sentence(text: str, start: int, end: int, lines: Optional[Lines] = None) -> tuple:
    """The sentence around a mention, within its logical line (at most 400 characters on either side)."""
    lo = lines.start(start) - 1 if lines else text.rfind("\n", 0, start)
    hi = lines.end(end) if lines else text.find("\n", end)
    a = max(lo, text.rfind(". ", 0, start) + 1, text.rfind("; ", 0, start) + 1, 0)
    b_candidates = [i for i in (hi, text.find(". ", end), text.find("; ", end)) if 0 <= i < len(text)]
    b = min(b_candidates) + (1 if b_candidates and text[min(b_candidates)] == "." else 0) if b_candidates else len(text)
    a = max(a, start - 400)
    b = min(b, end + 400)
    while a < start and text[a] in " \n;.":
        a += 1
    return a, b


# --- the whole document -----------------------------------------------------------------------------------------

def extract(source: Source) -> Extraction:
    """What one input is, what it cites and how."""
    t: Text = normalize(source.text)
    text = t.text
    warnings: list = []
    is_record = source.kind_hint == "record"
    h = segment.parse_header(text) if not is_record else segment.Header(body_end=len(text))
    subject = _subject_from_header(h, source, text) if (h.is_document or is_record or source.meta.get("symbol")) \
        else None
    kind = "record" if is_record else ("document" if subject else "news")
    skip_spans = [h.symbol_span] if h.symbol_span else []
    mentions = [x for x in find_mentions(text) if not any(s <= x.start < e for s, e in skip_spans)]
    mentions += _short_forms(text, mentions, 0)
    mentions.sort(key=lambda x: x.start)
    article = None
    if kind == "news":
        found = _news_subject(text, mentions, source.file)
        known = sorted(x.date.iso for x in mentions if x.date and x.date.iso)
        if found:
            x, issuer, d = found
            if d and d.inferred_year and known:
                d = _infer_year(d, text, known[-1])
                warnings.append(f"date of {x.key} has no year in the text; inferred {d.iso} from the dates it cites")
            subject = _cited_doc(x, None, source.file, issuer_text=issuer, date=d)
            subject.stub = False
            subject.file = source.file
            mentions = [m for m in mentions if m.key != x.key]
        article = {"id": "news/" + identity.slug(Path(source.file).name), "title": _first_line(text)}
    if subject and subject.symbol:
        mentions = [m for m in mentions if m.key != subject.symbol]
    # Cited documents, one per key; the first mention with a date or issuer tells the most.
    docs: dict = {}
    for x in mentions:
        if x.key not in docs or (x.date and not docs[x.key].date) or (x.issuer_phrase and not docs[x.key].issuer):
            docs[x.key] = _cited_doc(x, subject, source.file)
    # Relations.
    lines = Lines(text)
    roles = _roles(text, mentions, lines, _as_mention(subject))
    subj_key = "subject"
    subj_year = subject.year if subject else None
    edges: dict = {}
    for x, mine in zip(mentions, roles):
        for role in mine:
            _edge_for(edges, x, role, kind, subject, subj_year, docs, text)
    _follows_instruction(edges, subj_key, subject, docs)
    # A plain mention of a document already reached through the subject's own stated lineage adds nothing.
    strong = {(s, g) for (s, g), e in edges.items() if e[0] != "CITES"}
    reach = _reachable(strong, subj_key)
    for (s, g) in list(edges):
        if s == subj_key and edges[(s, g)][0] == "CITES" and g in reach:
            del edges[(s, g)]
    out_edges = []
    for (s, g), (relation, conf, x) in sorted(edges.items(), key=lambda kv: kv[1][2].start):
        sd = subject if s == subj_key else docs.get(s)
        td = subject if g == subj_key else docs.get(g)
        if td is None or (sd is None and not (kind == "news" and s == subj_key)):
            continue
        if sd is not None and td is not None and sd.id == td.id:
            continue
        a, b = _sentence(text, x.start, x.end, lines)
        sa, sb = t.source_span(a, b)
        ev = Evidence(file=source.file, text=source.text[sa:sb], start=sa, end=sb)
        out_edges.append(Edge(source=sd.id if sd else (article or {}).get("id"), target=td.id,
                              source_symbol=sd.symbol if sd else None, target_symbol=td.symbol,
                              relation=relation, confidence=round(conf, 2), evidence=ev))
    if kind == "news" and subject is not None:
        out_edges.insert(0, Edge(source=article["id"], target=subject.id, source_symbol=None,
                                 target_symbol=subject.symbol, relation="REPORTS", confidence=0.9,
                                 evidence=_evidence_for(t, source, 0, min(len(text), 300))))
    documents = ([subject] if subject else []) + [d for k, d in docs.items()]
    if subject is None and kind != "news":
        warnings.append("no document identity found in the text")
    return Extraction(file=source.file, kind=kind, subject=subject, documents=documents, edges=out_edges,
                      warnings=warnings, article=article)


def _edge_for(edges: dict, x: Mention, role: Role, kind: str, subject: Optional[Document], subj_year, docs: dict,
              text: str) -> None:
    if x.by_name and not x.law and (not x.date or role.relation != "BASED_ON" and role.how != "chain"):
        return   # a law by name that the list does not know, without its date or outside a legal basis: too vague
    if x.by_name and not x.date and role.how not in ("chain",) and role.relation not in ("BASED_ON",) \
            and not role.passive:
        return   # "Luật Hoạt động chữ thập đỏ" in a body sentence: a topic, not a dated citation
    src_key, tgt_key = (role.source, x.key) if not role.passive else (x.key, role.source)
    if role.passive and role.source == "subject":
        src_key, tgt_key = x.key, "subject"
    relation = role.relation
    if x.by_name and x.law and not x.date and x.law.date:
        # a law named without its date is the version in force for the citing document, never a later one
        src = subject if src_key == "subject" else docs.get(src_key)
        src_year = (src.year if src is not None else None) if src_key != x.key else None
        if src_year and src_year < int(x.law.date[:4]):
            return
    if kind == "news" and subject is None:
        relation = "REPORTS"
    elif relation == "REVIEWS" and (subject is None or subject.type != "BC") and role.how != "chain":
        relation = "CITES"   # "định kỳ sơ kết, tổng kết …" in a plan is an instruction, not a report
    conf = CONFIDENCE[role.how] * (LAW_BY_NAME if x.by_name else 1.0)
    _add_edge(edges, src_key, tgt_key, relation, conf, x, text)


def _evidence_for(t: Text, source: Source, a: int, b: int) -> Evidence:
    sa, sb = t.source_span(a, b)
    return Evidence(file=source.file, text=source.text[sa:sb], start=sa, end=sb)


def _first_line(text: str) -> Optional[str]:
    for line in text.split("\n"):
        if len(line.strip()) > 20:
            return line.strip()[:300]
    return None


def _add_edge(edges: dict, s: str, g: str, relation: str, conf: float, x: Mention, text: str) -> None:
    if s == g:
        return
    old = edges.get((s, g))
    if old is None or PRIORITY.index(relation) < PRIORITY.index(old[0]) or \
            (relation == old[0] and conf > old[1]):
        edges[(s, g)] = (relation, conf, x)


def _follows_instruction(edges: dict, subj_key: str, subject: Optional[Document], docs: dict) -> None:
    """A text that implements Y and plainly cites X, where X (issued at the same or a higher level) implements Y
    too, is following X's instruction: "Kết luận 44 …; Công văn 809-CV/TU của Thành ủy về thực hiện Kết luận 44.
    Để tổ chức thực hiện Kết luận 44, Quận ủy yêu cầu …" -> the district's letter implements 809 as well."""
    if subject is None:
        return
    implemented = {g for (s, g), e in edges.items() if s == subj_key and e[0] in IMPLEMENTS_FAMILY}
    rank = gazetteer.LEVEL_RANK
    for (s, x), (relation, conf, m) in list(edges.items()):
        if s != subj_key or relation != "CITES" or x not in docs:
            continue
        higher = rank.get(docs[x].level or "", 9) <= rank.get(subject.level or "", 9)
        if higher and any(edges.get((x, y), ("",))[0] in IMPLEMENTS_FAMILY for y in implemented):
            edges[(s, x)] = ("IMPLEMENTS", conf, m)


def _reachable(pairs: set, start: str) -> set:
    seen, todo = set(), [start]
    while todo:
        n = todo.pop()
        for s, g in pairs:
            if s == n and g not in seen:
                seen.add(g)
                todo.append(g)
    return seen


def _cited_doc(x: Mention, subject: Optional[Document], file: str, issuer_text: Optional[str] = None,
               date: Optional[Date] = None) -> Document:
    sym = x.symbol
    issuer_code = (sym.issuer_code if sym else ("QH" if x.by_name else None))
    info = vocab.issuer_info(issuer_code)
    phrase = issuer_text or x.issuer_phrase
    date = date or x.date
    year = (date.year if date else None) or (sym.year if sym else None)
    if x.law:
        year = int(x.law.date[:4]) if x.law.date else year
        date = date if date and date.iso else (Date(x.law.date, year, 0, 0) if x.law.date else date)
    level = info.level if info else None
    unit = None
    if level != "central":
        subj_unit = _subject_unit(subject)
        era = gazetteer.era_for(date.iso if date else None)
        if phrase:
            unit = gazetteer.find_place(phrase, era=era)
        if phrase and not unit and level == "local":
            m = re.search(r"(?i)\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b", phrase)
            if m:
                level = {"tỉnh": "province", "thành phố": "province", "huyện": "district", "quận": "district",
                         "thị xã": "district"}.get(m.group(1).lower(), "commune")
        if unit is None and subj_unit is not None:
            want = level if level in gazetteer.LEVEL_RANK else subj_unit.level
            unit = _ancestor_at(subj_unit, want) if want != "local" else subj_unit
        if unit is not None and level == "local":
            level = unit.level
    issuer = _cited_issuer_name(phrase, info, unit)
    symbol = sym
    doc = _doc(symbol=symbol, type_code=x.type_code, date=date, year=year, issuer=issuer, issuer_code=issuer_code,
               unit=unit, level=level, file=file, name=x.name if not x.law else x.law.name, stub=True,
               number=(x.law.symbol.split("/")[0] if x.law and not sym else None))
    if x.law and not sym:
        doc.symbol = x.law.symbol
        doc.title = x.law.name
        lm = patterns.mention_re().fullmatch(x.law.symbol)
        ls = patterns.parse_symbol(lm) if lm else None
        if ls:
            doc.number, doc.year = ls.number, ls.year
            doc.id = identity.document_id(scope_path="vn", issuer_code="QH", type_code=x.type_code,
                                          number=ls.number, year=ls.year)
    return doc


def _subject_unit(subject: Optional[Document]) -> Optional[gazetteer.Unit]:
    if not subject or not subject.locality:
        return None
    parts = [p.strip() for p in subject.locality.split(",")]
    prov = gazetteer.lookup(parts[-1], level="province")
    if not prov:
        return None
    if len(parts) == 1:
        return prov[0]
    hits = gazetteer.lookup(parts[0], within=prov[0].id)
    return hits[0] if hits else prov[0]


def _cited_issuer_name(phrase: Optional[str], info: Optional[vocab.Issuer], unit) -> Optional[str]:
    if phrase:
        return re.sub(r"\s+", " ", phrase).strip(" ,")
    if not info:
        return None
    if info.level == "central":
        return info.name
    if unit:
        return f"{info.name} {unit.short}" if info.level != "local" else f"{info.name} {unit.name[0].lower()}" \
                                                                             f"{unit.name[1:]}"
    return info.name
