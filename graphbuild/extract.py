"""Find what a document is, every document it cites, and how (typed edges with evidence).

``extract(source) -> Extraction``. Steps: normalize the text, read the header (``segment``), find mentions
(symbols, laws by name, short forms), read each mention's tail (date, issuer), then assign every mention a source
and a relation: the trigger phrase before it in its clause, a chain ("Kế hoạch 84 … về việc thực hiện Kết luận
44": 84 -> 44), or the list it continues ("Thực hiện A; B" -> both).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from . import gazetteer, identity, patterns, segment, vocab
from .models import Document, Edge, Evidence, Extraction, Source
from .normalize import Text, normalize
from .patterns import Date, Symbol

# Strongest first: when a document relates to another in several places, the strongest statement wins.
PRIORITY = ("AMENDS", "REPLACES", "REPEALS", "CORRECTS", "GUIDES", "PROMULGATES", "CONTINUES", "IMPLEMENTS",
            "BASED_ON", "REVIEWS", "REPORTS", "CITES")
CONFIDENCE = {"trigger": 0.9, "chain": 0.85, "list": 0.8, "plain": 0.5}
LAW_BY_NAME = 0.85   # factor: a law cited by name was matched against the law list, not read from its number

NEWS_SUBJECT = re.compile(r"(?i)(?:ký |vừa |đã )?ban hành\s*$")
LINKER = re.compile(r"(?i)^[\s,:(\-\"“”']*(?:(?:về|việc|v/v|ban hành|kế hoạch|chương trình|hướng dẫn|để|nhằm|đã|được|và|"
                    r"một số điều|của|nội dung|tổ chức|công tác|tiếp tục|liên quan đến|đối với)[\s,]*)*$")
LIST_GAP = re.compile(r"(?i)^[\s,;:(\-+\"“”')]*(?:(?:và|hoặc|cùng|với|\d{1,2}\.|[a-zđ]\)|-|\+)[\s,;:]*)*$")
SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ\d])|:\s*\n|\n")
ISSUER_PHRASE = re.compile(
    r"(?i)của\s+((?:(?!\b(?:về|v/v|ban hành|quy định|hướng dẫn|sửa đổi|thực hiện|triển khai|tiếp tục|nhằm|để|đã|"
    r"được|có hiệu lực|ngày|tại|theo|trong|do|thì|là)\b)[^\s,;.()\"“”:]+[ \t]*){1,10})")
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


@dataclass
class Role:
    """How a mention relates: ``source`` is 'subject' or the key of the mention it hangs on."""
    source: str
    relation: str
    how: str                 # trigger | chain | list | plain
    passive: bool = False


@lru_cache(maxsize=None)
def _trigger_re() -> re.Pattern:
    phrases = sorted(vocab.triggers(), key=lambda t: len(t.phrase), reverse=True)
    alt = "|".join(re.escape(t.phrase).replace(r"\ ", r"\s+") for t in phrases)
    return re.compile(rf"(?i)(?<!\w)(?:{alt})(?!\w)")


@lru_cache(maxsize=None)
def _trigger_table() -> dict:
    return {vocab.fold(t.phrase): t for t in vocab.triggers()}


# --- mentions ---------------------------------------------------------------------------------------------------

def _law_for(name: str, date: Optional[Date]) -> Optional[vocab.Law]:
    """The law a name (as written after 'Luật') refers to: the longest known name it starts with; among versions,
    the one with the cited date, else the only one."""
    folded = vocab.fold(name)
    best = None
    for known, laws in vocab.laws_by_name().items():
        bare = known.split(" ", 1)[1] if known.startswith("luật ") else known.split(" ", 2)[-1]
        if (folded == bare or folded.startswith(bare + " ") or folded.startswith(bare + ",")) and \
                (best is None or len(bare) > len(best[0])):
            best = (bare, laws)
    if not best:
        return None
    laws = best[1]
    if date and date.iso:
        dated = [law for law in laws if law.date == date.iso]
        return dated[0] if dated else None
    return laws[0] if len(laws) == 1 else None


def _tail(text: str, pos: int) -> tuple:
    """Date and issuer written right after a mention: ', ngày 08/6/2010 của Ban Bí thư …'."""
    date = issuer = None
    while True:
        m = re.match(r"[\s,]*", text[pos:])
        p = pos + m.end()
        dm = patterns.DATE_RE.match(text, p)
        if dm and not date:
            date = patterns.parse_date(dm)
            pos = dm.end()
            continue
        im = ISSUER_PHRASE.match(text, p)
        if im and not issuer:
            issuer = im.group(1).strip()
            pos = im.end()
            continue
        em = EFFECTIVE.match(text, pos)
        if em:
            dm = patterns.DATE_RE.match(text, em.end() - len("ngày"))
            pos = dm.end() if dm else em.end()
            continue
        km = re.match(r"\s*\((?:khóa|khoá)\s+[IVXL]+\)|\s*(?:khóa|khoá)\s+[IVXL]+\b", text[pos:])
        if km:
            issuer = (issuer or "") + " " + km.group(0).strip(" ()")
            pos += km.end()
            continue
        return date, issuer, pos


def find_mentions(text: str, start: int = 0) -> list:
    found: list = []
    taken: list = []

    def free(a, b):
        return all(b <= s or a >= e for s, e in taken)

    for m in patterns.mention_re().finditer(text, start):
        sym = patterns.parse_symbol(m)
        if not sym:
            continue
        word = m.group("word")
        t = vocab.type_by_word().get(vocab.fold(word)) if word else None
        type_code = sym.type_code or (t.code if t else None)
        if t and sym.type_code in ("QĐ", "QĐi") and t.name == "Quy định" and sym.system == "party":
            type_code = "QĐi"
        if not type_code and sym.system == "state" and sym.year and re.match(r"QH\d", sym.issuer_code):
            type_code = t.code if t else "Luật"
        if not type_code and sym.system == "state" and not sym.year:
            type_code = "CV"
        found.append(Mention(m.start(), m.end(), sym.text, symbol=sym, type_code=type_code))
        taken.append((m.start(), m.end()))
    for m in patterns.LAW_RE.finditer(text, start):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        if not free(m.start(), m.start() + 5):
            continue
        raw = m.group("name")
        stop = patterns.LAW_NAME_STOP.search(raw)
        name = raw[: stop.start()] if stop else raw
        if name.lower().startswith(("sửa đổi", "bổ sung")):
            name = raw[: re.search(r"\s+ngày\b|\s+số\b|[;.(]", raw).start()] if re.search(r"\s+ngày\b|\s+số\b|[;.(]",
                                                                                             raw) else raw
        name = name.strip(" ,")
        # "luật" inside "pháp luật", "quy định của luật": only a capitalised name, or one the law list knows.
        if len(name) < 3 or (not name[0].isupper() and not _law_for(name, None)) or \
                re.search(r"(?i)pháp\s*$", text[max(0, m.start() - 6):m.start()]):
            continue
        end = m.start("name") + len(name)
        # "Luật … số 72/2025/QH15": the number that follows belongs to this law.
        nxt = next((x for x in found if x.symbol and 0 <= x.start - end <= 8 and
                    re.fullmatch(r"[\s,]*(?:(?i:số)\s*:?\s*)?", text[end:x.start])), None)
        if nxt is None:
            for x in found:
                if x.symbol and x.start >= end and re.fullmatch(r"[\s,]*", text[end:x.start]):
                    nxt = x
        if nxt is not None:
            nxt.start, nxt.name = m.start(), f"{m.group('word')} {name}"
            nxt.type_code = "Bộ luật" if m.group("word").lower() == "bộ luật" else "Luật"
            taken.append((m.start(), nxt.end))
            continue
        word = "Bộ luật" if m.group("word").lower() == "bộ luật" else "Luật"
        found.append(Mention(m.start(), end, f"{word} {name}", type_code=word, name=f"{word} {name}", by_name=True))
        taken.append((m.start(), end))
    found.sort(key=lambda x: x.start)
    # Drop mentions inside another (a law name inside an amending law's name).
    out: list = []
    for x in found:
        if out and x.start < out[-1].end:
            continue
        out.append(x)
    for x in out:
        x.date, x.issuer_phrase, x.tail_end = _tail(text, x.end)
        if x.by_name:
            x.law = _law_for(x.name.split(" ", 1)[1] if x.type_code == "Luật" else x.name.split(" ", 2)[2], x.date)
            if x.law:
                x.key = x.law.symbol
    return out


def _short_forms(text: str, full: list, start: int) -> list:
    """'Kết luận 44' after 'Kết luận số 44-KL/TW'; 'Chỉ thị nói trên' after a Chỉ thị."""
    out = []
    by_type: dict = {}
    for x in full:
        if x.symbol:
            by_type.setdefault((x.type_code, int(x.symbol.number)), x)
    spans = [(x.start, x.end) for x in full]
    for m in patterns.short_mention_re().finditer(text, start):
        if any(s <= m.start() < e for s, e in spans):
            continue
        t = vocab.type_by_word().get(vocab.fold(m.group("word")))
        ref = by_type.get((t.code if t else None, int(m.group("num"))))
        if ref and ref.start < m.start():
            out.append(Mention(m.start(), m.end(), ref.key, symbol=ref.symbol, type_code=ref.type_code,
                               tail_end=m.end()))
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
    doc.id = identity.document_id(
        scope_path=identity.scope(level, _path(unit), Path(file.split("#")[0]).stem + (
            "#" + file.split("#", 1)[1] if "#" in file else "")),
        issuer_code=(issuer_code or "").split("-")[0] if symbol and symbol.unit else issuer_code,
        type_code=type_code, number=number, year=year, unit=symbol.unit if symbol else None,
        name=name if not number else None, draft_of=Path(file).name)
    return doc


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
    if not date and meta.get("date"):
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


def _infer_year(d: Date, known: list) -> Date:
    """'ngày 16 tháng 3' in a text whose latest full date is 2023-02-17 -> 2023-03-16 (inferred)."""
    if not known:
        return d
    latest = max(known)
    y = int(latest[:4])
    md = d.iso
    return Date(None, None, d.start, d.end, True) if md is None else d if y is None else d


# --- relations --------------------------------------------------------------------------------------------------

def _last_trigger(gap: str):
    best = None
    for m in _trigger_re().finditer(gap):
        best = m
    if not best:
        return None
    t = _trigger_table()[vocab.fold(best.group(0))]
    filler = gap[best.end():]
    if t.adjacent and filler.strip(" ,") not in ("", "việc"):
        return vocab.Trigger("IMPLEMENTS", t.phrase, False, False), best
    return t, best


def _roles(text: str, mentions: list, para_of) -> list:
    roles: list = []
    prev = None
    for x in mentions:
        para = para_of(x.start)
        same_para = prev is not None and para_of(prev.start) == para
        gap_start = prev.tail_end if same_para else para
        gap = text[gap_start:x.start]
        cut = 0
        for b in SENTENCE_END.finditer(gap):
            cut = b.end()
        clause_gap = gap[cut:]
        hit = _last_trigger(clause_gap)
        role = None
        if same_para and cut == 0 and ";" not in gap and len(gap.strip()) <= 90 and hit:
            trig, m = hit
            if LINKER.match(clause_gap[:m.start()]):
                role = Role(prev.key, trig.relation, "chain", trig.passive)
        if role is None and hit:
            trig, _ = hit
            role = Role("subject", trig.relation, "trigger", trig.passive)
            if trig.passive and same_para and cut == 0:
                role = Role(prev.key, trig.relation, "chain", True)
        if role is None and same_para and roles and LIST_GAP.match(clause_gap.split(";")[-1] if ";" in gap else gap):
            # "A …; B" continues the clause's list; "A của … về việc thực hiện B, C" continues B's chain only
            # when nothing closed it (a ';' returns to the clause), except a passive list ("được sửa đổi bởi: 1. …; 2.").
            r = roles[-1]
            if ";" in gap and r.how == "chain" and not r.passive:
                r = next((q for q in reversed(roles) if q.how != "chain"), Role("subject", "CITES", "plain"))
            role = Role(r.source, r.relation, "list", r.passive)
        if role is None:
            role = Role("subject", "CITES", "plain")
        roles.append(role)
        prev = x
    return roles


def _sentence(text: str, start: int, end: int) -> tuple:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, text.rfind("; ", 0, start) + 1, 0)
    b_candidates = [i for i in (text.find("\n", end), text.find(". ", end), text.find("; ", end)) if i != -1]
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
                md = patterns.month_day(patterns.DATE_RE.match(text, d.start))
                y = int(known[-1][:4])
                iso = f"{y:04d}-{md[0]:02d}-{md[1]:02d}"
                if iso < known[-1]:
                    iso = f"{y + 1:04d}-{md[0]:02d}-{md[1]:02d}"
                d = Date(iso, int(iso[:4]), d.start, d.end, True)
                warnings.append(f"date of {x.key} has no year in the text; inferred {iso} from the dates it cites")
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
    paras = [m.start() for m in re.finditer(r"(?m)^", text)]

    def para_of(pos):
        import bisect
        return paras[bisect.bisect_right(paras, pos) - 1]

    roles = _roles(text, mentions, para_of)
    subj_key = "subject"
    edges: dict = {}
    for x, role in zip(mentions, roles):
        if x.by_name and not x.law and role.relation != "BASED_ON" and role.how != "chain":
            continue   # a law by name that the list does not know, outside a legal basis: too vague for an edge
        if x.by_name and not x.date and role.how not in ("chain",) and role.relation not in ("BASED_ON",) \
                and not (role.passive):
            continue   # "Luật Hoạt động chữ thập đỏ" in a body sentence: a topic, not a dated citation
        src_key, tgt_key = (role.source, x.key) if not role.passive else (x.key, role.source)
        relation = role.relation
        if role.passive and role.source == "subject":
            src_key, tgt_key = x.key, subj_key
        if kind == "news" and subject is None:
            relation = "REPORTS"
        elif relation == "REVIEWS" and (subject is None or subject.type != "BC") and role.how != "chain":
            relation = "CITES"   # "định kỳ sơ kết, tổng kết …" in a plan is an instruction, not a report
        conf = CONFIDENCE[role.how] * (LAW_BY_NAME if x.by_name else 1.0)
        _add_edge(edges, src_key, tgt_key, relation, conf, x, text)
        if role.passive and role.how == "chain" and len(roles) and role.source != "subject":
            pass
    # A plain mention of a document already reached through the subject's own stated lineage adds nothing.
    strong = {(s, g) for (s, g), e in edges.items() if e[0] != "CITES"}
    reach = _reachable(strong, subj_key)
    for (s, g) in list(edges):
        if s == subj_key and edges[(s, g)][0] == "CITES" and g in reach:
            del edges[(s, g)]
    out_edges = []
    src_doc = {"subject": subject}
    for (s, g), (relation, conf, x) in sorted(edges.items(), key=lambda kv: kv[1][2].start):
        sd = subject if s == subj_key else docs.get(s)
        td = subject if g == subj_key else docs.get(g)
        if td is None or (sd is None and not (kind == "news" and s == subj_key)):
            continue
        if sd is not None and td is not None and sd.id == td.id:
            continue
        a, b = _sentence(text, x.start, x.end)
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
