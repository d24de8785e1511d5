"""The ``Document`` records of an extraction: the subject, from its header, and each cited document, from its
mention (issuer, level, locality in the gazetteer of its date, and the document id of ``identity``)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Optional

from .. import vocab
from ..models import Document, Source
from ..text import segment
from ..vocab import gazetteer, patterns
from ..vocab.patterns import Date, Symbol
from . import identity
from .mentions import Mention


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


def _locality(issuer_level: Optional[str], lines: list[str], texts: list[str], place: Optional[str],
              era: Optional[str], catalogued: Optional[str] = None) -> Optional[gazetteer.Unit]:
    """The unit a local issuer belongs to: from its header lines (the body's place looked up inside its parent's:
    'ĐẢNG BỘ HUYỆN VỤ BẢN / ĐẢNG ỦY XÃ CỘNG HÒA' is the Cộng Hòa of Vụ Bản), else from the other texts that
    name it (the 'CỦA …' line, a catalogue's issuer), a catalogue's locality, and last the place line."""
    if issuer_level == "central":
        return None
    unit = _header_unit(lines, era)
    joined = " / ".join(t for t in texts if t)
    if unit is None and joined:
        unit = gazetteer.find_place(joined, era=era)
    if unit is None and catalogued:
        unit = unit_from_label(catalogued, era)
    if unit is None and place:
        want = issuer_level if issuer_level in vocab.UNIT_LEVELS else None
        hits = gazetteer.lookup(place, level=want, era=era)
        unit = hits[0] if hits else None
    return unit


def _header_unit(lines: list[str], era: Optional[str]) -> Optional[gazetteer.Unit]:
    """The place of the body named last in the issuer's lines, inside the place of the bodies above it."""
    unit = None
    for line in lines:
        inner = None
        if unit is not None:
            inner = gazetteer.find_place(line, within=unit.id, era=era) or \
                gazetteer.find_place(line, within=unit.province_id, era=era)
        inner = inner or gazetteer.find_place(line, era=era)
        unit = inner or unit
    return unit


def unit_from_label(label: Optional[str], era: Optional[str] = None) -> Optional[gazetteer.Unit]:
    """'Kiến An, Hải Phòng' or 'Hải Phòng' (a locality as graphbuild and catalogues write it) -> its unit."""
    if not label:
        return None
    parts = [p.strip() for p in str(label).split(",") if p.strip()]
    if not parts:
        return None
    prov = gazetteer.lookup(parts[-1], level="province", era=era)
    if not prov:
        hits = gazetteer.lookup(parts[0], era=era)
        return hits[0] if len(parts) == 1 and hits else None
    if len(parts) == 1:
        return prov[0]
    hits = gazetteer.lookup(parts[0], within=prov[0].id, era=era)
    return hits[0] if hits else prov[0]


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
        unit = gazetteer.units()[unit.parent]
        parts.append(unit.short)
    return list(reversed(parts))


def _doc(*, symbol: Optional[Symbol], type_code: Optional[str], date: Optional[Date], year: Optional[int],
         issuer: Optional[str], issuer_code: Optional[str], unit: Optional[gazetteer.Unit], level: Optional[str],
         file: str, title: Optional[str] = None, name: Optional[str] = None, stub: bool = True,
         number: Optional[str] = None) -> Document:
    info = vocab.issuer_info(issuer_code)
    system = symbol.system if symbol else (info.system if info else None)
    iso = date.iso if date else None
    year = year or (date.year if date else None) or (symbol.year if symbol else None)
    number = number or (symbol.number if symbol else None)
    doc = Document(symbol=symbol.text if symbol else None, type=type_code, number=number, issuer=issuer,
                   issuer_code=issuer_code, date=iso, year=year, locality=gazetteer.label(unit.id) if unit else None,
                   locality_id=unit.id if unit else None,
                   title=title or (name if name and not symbol else None), stub=stub,
                   type_name=vocab.type_name(type_code, system), system=system, level=level,
                   province=gazetteer.units()[unit.province_id].short if unit else None,
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


def record_symbol(meta: dict) -> Optional[patterns.Symbol]:
    """The symbol a record's fields give: its symbol, or the address a gazette record keeps as one, or its page's
    address ('thong-tu-so-90-2025-tt-bqp-45890', '…/van-ban/thong-tu-so-90-2025-tt-bqp-45890.htm'): a record whose
    text holds no header (a scanned page's text layer is only the gazette's running headers) is still named."""
    written = None
    if meta.get("symbol"):
        written = patterns.canonical_symbol(str(meta["symbol"])) or patterns.symbol_from_slug(str(meta["symbol"]))
    if not written and meta.get("url"):
        written = patterns.symbol_from_slug(str(meta["url"]).rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0])
    m = patterns.mention_re().fullmatch(written or "")
    return patterns.parse_symbol(m) if m else None


def subject_document(header: segment.Header, source: Source) -> Optional[Document]:
    sym = header.symbol
    meta = source.meta
    if not sym:
        sym = record_symbol(meta)
    if sym:
        issuer_code = sym.issuer_code
    elif header.blank_code:
        parts = header.blank_code.split("-")
        issuer_code = patterns.canonical_code(parts[-1]) or parts[-1]
    else:
        issuer_code = None
    blank_type = header.blank_code.split("-")[0] if header.blank_code and "-" in header.blank_code else None
    type_code = header.type_code or (sym.type_code if sym else None) or \
        (patterns.canonical_code(blank_type) if blank_type else None)
    if not type_code and meta.get("type"):       # a catalogue's type column: 'Quyết định' or 'QĐ'
        named = vocab.type_by_word().get(vocab.fold(str(meta["type"])))
        type_code = named.code if named else patterns.canonical_code(str(meta["type"]))
    if sym and not type_code:
        type_code = "CV" if not sym.year else None
    if not (sym or header.blank_code or header.type_code):
        return None
    info = vocab.issuer_info(issuer_code)
    date = header.date
    if not date and meta.get("date") and header.type_code != "VBHN":   # a consolidated text's record date is the base's
        date = patterns.date_value(str(meta["date"]))
    era = gazetteer.era_for(date.iso if date else None)
    texts = [header.by_line or "", str(meta.get("issuer") or "")]
    unit = _locality(info.level if info else None, header.issuer_lines, texts, header.place, era,
                     catalogued=meta.get("locality"))
    level = _level(issuer_code, unit)
    if level and unit and gazetteer.LEVEL_RANK[unit.level] > gazetteer.LEVEL_RANK.get(level, 9):
        unit = _ancestor_at(unit, level) or unit
    if info and info.level == "central":
        unit = None
    issuer = _issuer_name(header, info, unit)
    if not issuer and meta.get("issuer"):
        # a catalogue's issuer column as written, without a remark in brackets after the name
        issuer = re.sub(r"\s*\([^()]*\)\s*$", "", " ".join(str(meta["issuer"]).split())) or None
    title = header.title or meta.get("title")
    doc = _doc(symbol=sym, type_code=type_code, date=date, year=date.year if date else None, issuer=issuer,
               issuer_code=issuer_code, unit=unit, level=level, file=source.file, title=title, stub=False)
    doc.signer, doc.signer_role, doc.recipients = header.signer, header.signer_role, header.recipients
    if not doc.signer and meta.get("signer"):
        doc.signer = " ".join(str(meta["signer"]).split())
    doc.url = meta.get("url")
    return doc


def _issuer_name(header: segment.Header, info: Optional[vocab.Issuer], unit: Optional[gazetteer.Unit]) -> Optional[str]:
    if header.issuer_lines:
        return _header_issuer(header.issuer_lines, info)
    if not info:
        return None
    name = info.name
    if info.level == "central":
        return name
    standing = "Ban Thường vụ " if header.by_line and "THƯỜNG VỤ" in header.by_line.upper() else ""
    if unit:
        if info.level == "local":
            return f"{name} {unit.name[0].lower()}{unit.name[1:]}"
        return f"{standing}{name} {unit.short}"
    return standing + name


_PLACE_PHRASE = re.compile(rf"(?i)\b(?:{'|'.join(w.word for w in vocab.place_words() if w.level)})\s+(?!ủy\b|uỷ\b)\S")


# A Party committee named after its unit ('Tỉnh ủy', 'Huyện ủy', 'Thành ủy', 'Quận ủy', 'Thị ủy'), and the unit word
# that opens a place ('tỉnh Hà Giang' -> 'Hà Giang')
_COMMITTEE_OF_UNIT = re.compile(r"(?i)(?:tỉnh|huyện|thành|quận|thị)\s+[uủ][yỷ]")
_UNIT_WORD = re.compile(rf"(?i)^(?:{'|'.join(sorted((w.word for w in vocab.place_words() if w.level), key=len, reverse=True))})\s+")


_ISSUER_WORD = re.compile(rf"(?i)\b(?:{'|'.join(w.word for w in vocab.place_words() if not w.level)})\b")


def _header_issuer(lines: list[str], info: Optional[vocab.Issuer]) -> str:
    """The body named last in the header's issuer lines, with the place of its parent when it names none itself
    ('UBND TỈNH NGHỆ AN / SỞ TÀI CHÍNH' -> 'Sở Tài chính tỉnh Nghệ An'; 'TỈNH ỦY NGHỆ AN / BAN TUYÊN GIÁO' -> 'Ban
    Tuyên giáo Tỉnh ủy Nghệ An'). The name of the issuer code is used where the line is that name."""
    body = _pretty(lines[-1])
    if info and vocab.fold(body) == vocab.fold(info.name):
        body = info.name
    if len(lines) > 1 and gazetteer.find_place(lines[-1]) is None and not (info and info.level == "central"):
        parent = lines[-2]
        m = _PLACE_PHRASE.search(parent)
        if m:
            phrase = _pretty(parent[m.start():])
            if _COMMITTEE_OF_UNIT.fullmatch(body):      # 'Tỉnh ủy Hà Giang': the committee's name holds the unit
                body = f"{body} {_UNIT_WORD.sub('', phrase, count=1)}"
            else:
                body = f"{body} {phrase[0].lower()}{phrase[1:]}"
        elif _ISSUER_WORD.search(parent):         # a Party body: 'Ban Tuyên giáo Tỉnh ủy …'
            body = f"{body} {_pretty(parent)}"
    return body


def cited_document(mention: Mention, subject: Optional[Document], file: str, issuer_text: Optional[str] = None,
                   date: Optional[Date] = None) -> Document:
    sym = mention.symbol
    issuer_code = (sym.issuer_code if sym else ("QH" if mention.by_name else None))
    info = vocab.issuer_info(issuer_code)
    phrase = issuer_text or mention.issuer_phrase
    date = date or mention.date
    year = (date.year if date else None) or (sym.year if sym else None)
    if mention.law:
        year = int(mention.law.date[:4]) if mention.law.date else year
        date = date if date and date.iso else (Date(mention.law.date, year, 0, 0) if mention.law.date else date)
    level = info.level if info else None
    unit = None
    if level != "central":
        subj_unit = _subject_unit(subject)
        era = gazetteer.era_for(date.iso if date else None)
        if phrase:
            unit = gazetteer.find_place(phrase, era=era)
        if phrase and not unit and level == "local":
            level = gazetteer.level_named(phrase) or level
        if unit is None and subj_unit is not None:
            want = level if level in gazetteer.LEVEL_RANK else subj_unit.level
            unit = _ancestor_at(subj_unit, want) if want != "local" else subj_unit
        if unit is not None and level == "local":
            level = unit.level
    issuer = _cited_issuer_name(phrase, info, unit)
    doc = _doc(symbol=sym, type_code=mention.type_code, date=date, year=year, issuer=issuer, issuer_code=issuer_code,
               unit=unit, level=level, file=file, name=mention.name if not mention.law else mention.law.name, stub=True,
               number=(mention.law.symbol.split("/")[0] if mention.law and not sym else None))
    if mention.law or mention.by_name:
        doc.title_source = "law"         # a law's name is its title
    if mention.law and not sym:
        doc.symbol = mention.law.symbol
        doc.title = mention.law.name
        lm = patterns.mention_re().fullmatch(mention.law.symbol)
        ls = patterns.parse_symbol(lm) if lm else None
        if ls:      # a number of before 2002 ("18-L/CTN") holds no year: the law's date gives it
            doc.number, doc.year = ls.number, ls.year or doc.year
            doc.id = identity.document_id(scope_path="vn", issuer_code="QH", type_code=mention.type_code,
                                          number=ls.number, year=doc.year)
    return doc


def _subject_unit(subject: Optional[Document]) -> Optional[gazetteer.Unit]:
    """The citing document's own unit, by the id its extraction found (its label names communes ambiguously)."""
    return gazetteer.unit(subject.locality_id) if subject else None


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
