"""Find every document a clean text mentions, and what is written right after each mention.

``find_mentions(text) -> [Mention]``: numbered symbols ('Kết luận số 44-KL/TW', '03/2011/NĐ-CP'), laws cited by name
('Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008', matched against the law list), each with its tail (date, issuer);
``short_forms`` adds 'Kết luận 44' after a first full mention. Laws named without a number are the same-named law
numbered earlier in the text, else the law list's version of the cited date (or its only version).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator, Optional

from .. import vocab
from ..vocab import patterns
from ..vocab.patterns import Date, Symbol, any_of

_fold = vocab.fold


@lru_cache(maxsize=None)
def _issuer_re() -> re.Pattern:
    """'của Ban Thường vụ Tỉnh ủy …' after a mention: up to 16 words, stopping at a word that starts the document's
    description or a relation phrase (the phrases of vocab/relations.tsv)."""
    names = " / ".join(_fold(i.name) for i in vocab.issuers().values())     # 'Ban Chấp hành': not a stop
    phrases = patterns.phrase_trie(t.phrase for t in vocab.triggers() if _fold(t.phrase) not in names)
    stops = any_of(vocab.phrases("issuer_stop"), group=False)
    openers = any_of((o.opener for o in vocab.section_openers() if o.issuer), group=False)
    return re.compile(
        rf"(?i)của\s+((?:(?!\b(?:{stops}|{phrases})\b)[^\s,;.()\"“”:]+"
        rf"(?:[ \t]+|[ \t]*\n(?=[^\W\d_])(?!{openers}))?){{1,16}})")
_NUMBER_AFTER_NAME = re.compile(r"[\s,]*(?:(?i:số)\s*:?\s*)?")
_ONLY_COMMAS = re.compile(r"[\s,]*")
_AFTER_WORD = re.compile(r"\s*")
_TERM = re.compile(r"\s*\((?:khóa|khoá)\s+[IVXL]+\)|\s*(?:khóa|khoá)\s+[IVXL]+\b")
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
    issuer_span: Optional[tuple[int, int]] = None    # where the issuer phrase is written (with its term)
    by_name: bool = False
    word: Optional[str] = None             # the type word written before the number ('Nghị quyết số …')
    type_mismatch: Optional[str] = None    # that word, when the symbol's code says another type (the code wins)
    description: Optional[str] = None      # the cited document's trích yếu, when the citation quotes it


@lru_cache(maxsize=None)
def _law_names() -> dict[str, list[vocab.Law]]:
    """Known law names without their leading 'luật'/'bộ luật'/'pháp lệnh' (folded) -> [Law, …] (of every kind that
    bears the name: ``_law_for`` keeps the kind cited)."""
    out: dict = {}
    for known, laws in vocab.laws_by_name().items():
        bare = known.split(" ", 1)[1] if known.startswith("luật ") else known.split(" ", 2)[-1]
        out.setdefault(bare, []).extend(laws)
        if ", " in bare:        # 'Luật Phòng chống thiên tai': the comma between two verbs is often left out
            out.setdefault(bare.replace(", ", " "), []).extend(laws)
    # "Luật sửa đổi, bổ sung một số điều của Luật X" names a law whenever Luật X is one, numbered or not
    for known in list(vocab.laws_by_name()):
        if not _AMENDING_NAME.match(known.split(" ", 1)[1]) and known.startswith("luật "):
            out.setdefault(_fold("sửa đổi, bổ sung một số điều của") + " " + known, [])
    return out


_NAME_BREAK = re.compile(r"[ ,.;]")      # where a name may end: a word, a comma, the end of a clause


_LAW_WORDS = ("luật", "bộ luật", "pháp lệnh")


def _law_word(word: str) -> str:
    """The type a law's leading word names: 'Bộ luật', 'Pháp lệnh' or 'Luật'."""
    folded = _fold(word)
    return "Bộ luật" if folded == "bộ luật" else "Pháp lệnh" if folded == "pháp lệnh" else "Luật"


def _law_for(name: str, date: Optional[Date], in_force_in: Optional[int] = None,
             kind: Optional[str] = None) -> Optional[vocab.Law]:
    """The law a name (as written after 'Luật') refers to: the longest known name it starts with (whole words);
    among versions (laws of one name passed in different years), the one with the cited date, else the one of the
    cited year (a law's number holds the year it was passed), else — named without a date by a text of year
    ``in_force_in`` — the latest version passed by then, else the only one."""
    folded = _fold(name)
    names = _law_names()
    laws = names.get(folded)
    if laws is None:
        for m in reversed(list(_NAME_BREAK.finditer(folded))):
            laws = names.get(folded[:m.start()])
            if laws is not None:
                break
    if laws and kind is not None:     # an ordinance and a law of one name are two acts ("Pháp lệnh Thuế …")
        ordinance = kind == "Pháp lệnh"
        laws = [law for law in laws if _fold(law.name).startswith("pháp lệnh") == ordinance]
    if not laws:
        return None
    versions = {law.symbol: law for law in laws}        # a law written under two names is one version
    if date and date.iso:
        dated = [law for law in versions.values() if law.date == date.iso]
        if dated:
            return dated[0]
    if date and date.year:
        of_year = [law for law in versions.values() if _law_year(law) == date.year]
        return of_year[0] if len(of_year) == 1 else None
    if in_force_in:
        passed = [law for law in versions.values() if (_law_year(law) or 0) <= in_force_in]
        return max(passed, key=lambda law: _law_year(law) or 0) if passed else None
    return next(iter(versions.values())) if len(versions) == 1 else None


_CLAUSE_BREAK = re.compile(r";|\.\s|\n\s*\n")


def _in_force_in(text: str, previous: Optional[Mention], mention: Mention, year: Optional[int]) -> Optional[int]:
    """The year whose version of a law named without a date is meant: the citing text's, or — when the law is named
    in the clause about an earlier document ("Nghị định số 23/2021/NĐ-CP … quy định chi tiết … Luật Việc làm") —
    that document's."""
    if previous is None or previous.symbol is None or _CLAUSE_BREAK.search(text, previous.end, mention.start):
        return year
    earlier = previous.date.year if previous.date and previous.date.year else previous.symbol.year
    return min(y for y in (earlier, year) if y) if earlier or year else None


def _law_year(law: vocab.Law) -> Optional[int]:
    """The year in its number ("45/2019/QH14"); a law numbered the old way ("18-L/CTN") has its date's."""
    parts = law.symbol.split("/")
    if len(parts) == 3 and parts[1].isdigit():
        return int(parts[1])
    return int(law.date[:4]) if law.date else None


def _skip(blank: re.Pattern, text: str, pos: int) -> int:
    """The end of what ``blank`` (a pattern that may match nothing) matches at ``pos``."""
    m = blank.match(text, pos)
    return m.end() if m else pos


# Within a sentence only: a line that starts with a capital ("Ngày 09/05/2016, …") opens a new one.
_TAIL_GAP = re.compile(r"[ \t,]*(?:\n[ \t]*(?=[a-zđ]))?")


def _tail(text: str, pos: int) -> tuple[Optional[Date], Optional[str], int, Optional[tuple[int, int]]]:
    """Date and issuer written right after a mention: ', ngày 08/6/2010 của Ban Bí thư …' (and the issuer's span)."""
    date = issuer = None
    issuer_span = None
    while True:
        p = _skip(_TAIL_GAP, text, pos)
        dm = patterns.DATE_RE.match(text, p)
        if dm and issuer and "," in text[pos:p]:
            dm = None       # "… của Chính phủ, ngày 10/10/2025 UBND tỉnh đã ban hành …": the next clause's date
        if dm and not date:
            date = patterns.parse_date(dm)
            pos = dm.end()
            continue
        im = _issuer_re().match(text, p)
        if im and not issuer:
            issuer = im.group(1).strip()
            issuer_span = (im.start(1), im.start(1) + len(im.group(1).rstrip()))
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
            issuer_span = (issuer_span[0] if issuer_span else km.start() + len(km.group(0)) -
                           len(km.group(0).lstrip(" \t\n(")), km.end())
            pos = km.end()
            continue
        return date, issuer, pos, issuer_span


_TITLE_OPENER = re.compile(rf"(?i)[ \t,]*(?:\n[ \t]*)?(?={any_of(vocab.phrases('title_opener'))}\s)")
# Where a quoted title ends: a clause or sentence end, a line that starts something new, a new clause after a comma
# (", Ban Thường vụ Thành ủy ban hành …"), an aside, the date it takes effect.
_TITLE_END = re.compile(rf";|\.\s|\.$|:|\n[ \t]*\n|\n(?=[ \t]*(?:[{vocab.UPPER}]{{2}}|\d|[-+•*]))|,\s+(?=[{vocab.UPPER}])|"
                        r"\s\(|\s\[|,?\s+có hiệu lực|\s+thì\b")
_TITLE_LIMIT = 400


def _description(text: str, pos: int) -> Optional[str]:
    """The trích yếu a citation quotes right after the document's number, date and issuer: 'về tiếp tục thực hiện
    Chỉ thị số 43-CT/TW …', up to the end of its clause (None when no title follows)."""
    opener = _TITLE_OPENER.match(text, pos)
    if opener is None:
        return None
    start = opener.end()
    end = _TITLE_END.search(text, start, start + _TITLE_LIMIT)
    title = " ".join(text[start:end.start() if end else start + _TITLE_LIMIT].split()).strip(" ,")
    return title if len(title.split()) >= 3 else None


_FORM_NUMBER = re.compile(rf"(?i){any_of(vocab.phrases('form_word'))}\s*$")


def _contradicts(word: Optional[str], symbol: Symbol) -> bool:
    """Whether a type word names a type the symbol's code cannot be ("Thông tư số 06/2024/NĐ-CP")."""
    if not word or not symbol.type_code:
        return False
    written = _fold(word)
    coded = [_fold(w) for t in vocab.doc_types() if t.code.rstrip("i") == symbol.type_code.rstrip("i")
             for w in t.words]
    # 'Thông tư' for a TTLT (a joint circular is a circular), 'Thông báo kết luận' for a TB: one name starts the other
    return bool(coded) and not any(w.startswith(written) or written.startswith(w) for w in coded) and \
        any(written == _fold(w) for t in vocab.doc_types() for w in t.words)


def find_mentions(text: str, start: int = 0, year: Optional[int] = None) -> list[Mention]:
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
            m_start, word = _skip(_AFTER_WORD, text, m_start + len(word)), None
        doc_type = vocab.written_type(word) if word else None
        type_code = sym.type_code or (doc_type.code if doc_type else None)
        if doc_type and sym.type_code in ("QĐ", "QĐi") and doc_type.name == "Quy định" and sym.system == "party":
            type_code = "QĐi"
        if not type_code and sym.system == "state" and sym.year and re.match(r"QH\d", sym.issuer_code):
            type_code = doc_type.code if doc_type else "Luật"
        if not type_code and sym.system == "state" and not sym.year:
            type_code = "CV"
        found.append(Mention(m_start, m_end, sym.text, symbol=sym, type_code=type_code, word=word,
                             type_mismatch=word if _contradicts(word, sym) else None))
    # Symbol mentions are sorted and do not overlap; law names are met in order, so the spans they take end
    # before the next one starts: a bisect and a running end replace scans of everything found so far.
    syms = list(found)
    sym_starts = [x.start for x in syms]
    sym_ends = [x.end for x in syms]
    law_end = -1

    def free(lo: int, hi: int) -> bool:
        i = bisect.bisect_left(sym_ends, lo + 1)   # the first symbol ending after lo
        return lo >= law_end and (i == len(syms) or sym_starts[i] >= hi)

    for m in _law_words(text, start):
        if m.start() and text[m.start() - 1].isalnum():
            continue
        if not free(m.start(), m.start() + 5):
            continue
        raw = m.group("name")
        k = bisect.bisect_left(sym_starts, m.start("name"))
        if k < len(syms) and syms[k].start < m.start("name") + len(raw) and syms[k].word is not None and \
                _fold(syms[k].word) not in _LAW_WORDS:
            # a name never holds another document's citation: "Pháp lệnh Cựu chiến binh và Nghị định số 157/2016 …"
            raw = re.sub(r"[\s,]*(?:và|hoặc)?\s*$", "", text[m.start("name"):syms[k].start])
        name = _law_name(text, m.start("name"), raw, syms, sym_starts)
        # "luật" inside "pháp luật", "quy định của luật": only a capitalised name, or one the law list knows.
        if len(name) < 3 or (not name[0].isupper() and not _known_name(name) and not _law_for(name, None)) or \
                re.search(r"(?i)pháp\s*$", text[max(0, m.start() - 6):m.start()]):
            continue
        end = m.start("name") + len(name)
        # "Luật … số 72/2025/QH15": the number that follows belongs to this law (only the first symbol after the
        # name can follow it, and not when an earlier name took it already).
        nxt = None
        i = bisect.bisect_left(sym_starts, end)
        if i < len(syms) and syms[i].start == sym_starts[i] and syms[i].word is None:
            mention = syms[i]
            if (mention.start - end <= 8 and _NUMBER_AFTER_NAME.fullmatch(text, end, mention.start)) or \
                    _ONLY_COMMAS.fullmatch(text, end, mention.start):
                nxt = mention
        if nxt is not None and _AMENDING_NAME.match(name) and not _known_with(name, nxt.key) and \
                not _numbers_amending(name, nxt.key):
            continue    # "Luật sửa đổi … của Luật X số N" where N is X's: the number is cited, not this name
        if nxt is None and _DRAFT.match(text, end):
            continue    # "Luật Tổ chức chính quyền địa phương năm 2025 (sửa đổi)": a draft, not a law passed
        if nxt is not None:
            nxt.start, nxt.name = m.start(), f"{m.group('word')} {name}"
            nxt.type_code = _law_word(m.group("word"))
            law_end = max(law_end, nxt.end)
            continue
        word = _law_word(m.group("word"))
        spoken = " ".join(f"{word} {name}".split())     # one name however the lines broke it
        found.append(Mention(m.start(), end, spoken, type_code=word, name=spoken, by_name=True))
        law_end = max(law_end, end)
    found.sort(key=lambda x: x.start)
    # Drop mentions inside another (a law name inside an amending law's name).
    out: list = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    pinned: dict = {}      # a law's name -> the mention that gave its number
    # a law's name and year -> a mention anywhere in the text that numbers it ("Căn cứ Luật Giá ngày 19 tháng 6 năm
    # 2023" before "Luật Giá số 16/2023/QH15"): a dated name the law table does not know is that law
    numbered_in_year = {(_fold(m.name), m.symbol.year): m for m in reversed(out) if m.symbol and m.name and m.symbol.year}
    previous: Optional[Mention] = None
    for mention in out:
        mention.date, mention.issuer_phrase, mention.tail_end, mention.issuer_span = _tail(text, mention.end)
        mention.description = _description(text, mention.tail_end)
        if mention.symbol and mention.name:
            pinned.setdefault(_fold(mention.name), mention)
        if mention.by_name and mention.date is None:
            ym = _LAW_YEAR.match(text, mention.end)
            if ym:      # "Luật Phòng, chống tham nhũng năm 2005": the year it was passed
                mention.date = Date(None, int(ym.group(1)), ym.start(1), ym.end())
                mention.tail_end = max(mention.tail_end, ym.end())
        if mention.by_name:
            bare_name = mention.name.split(" ", 1)[1] if mention.type_code == "Luật" else mention.name.split(" ", 2)[2]
            in_force_in = _in_force_in(text, previous, mention, year)
            mention.law = _law_for(bare_name, mention.date, in_force_in, kind=mention.type_code)
            numbered = pinned.get(_fold(mention.name)) or _amending_numbered(text, out, mention)
            if mention.law is None and mention.date is not None and mention.date.year:
                numbered = numbered_in_year.get((_fold(mention.name), mention.date.year), numbered)
            if numbered is not None and in_force_in and numbered.symbol and numbered.symbol.year and \
                    numbered.symbol.year > in_force_in:
                numbered = None     # "Nghị định số 163/2016/NĐ-CP … Luật ngân sách nhà nước": not the 2025 law
            if numbered is not None and (mention.date is None or mention.law is None):
                # "Luật Ban hành văn bản quy phạm pháp luật" after "… số 64/2025/QH15" names the same law again
                mention.key, mention.symbol, mention.type_code = numbered.key, numbered.symbol, numbered.type_code
                mention.law, mention.by_name = None, False
                mention.date = mention.date or numbered.date
            elif mention.law:
                mention.key = mention.law.symbol
        previous = mention
    return out


def _amending_numbered(text: str, mentions: list[Mention], mention: Mention) -> Optional[Mention]:
    """The law an amending law's name refers to where the text numbers it before its name: "Luật số 60/2020/QH14
    ngày 17 tháng 6 năm 2020 sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều", then
    "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống thiên tai và Luật Đê điều" alone."""
    bare = _fold(mention.name or "").split(" ", 1)[-1]
    if not _AMENDING_NAME.match(bare):
        return None
    for other in mentions:
        if other.symbol is not None and other.name is None and other.symbol.issuer_code.startswith("QH") and \
                other.tail_end:
            after = _fold(" ".join(text[other.tail_end:other.tail_end + 2 * len(bare)].split())).lstrip(" ,")
            if after.startswith(bare) and not after[len(bare):len(bare) + 1].isalnum():
                return other
    return None


def _law_words(text: str, start: int) -> Iterator[re.Match[str]]:
    """Every 'Luật', 'Bộ luật', 'Pháp lệnh' with the text after it: overlapping, since the text a name may take runs
    on over the next law of a list ("Luật Đất đai ngày … và Luật Nhà ở ngày …"), except the laws an amending law's
    name holds."""
    m = patterns.LAW_RE.search(text, start)
    while m:
        yield m
        # not inside an amending law's name: "Luật sửa đổi, bổ sung … của Luật X, Luật Y số N" is one law
        m = patterns.LAW_RE.search(text, m.end() if _AMENDING_NAME.match(m.group("name")) else m.start("name"))


_DRAFT = re.compile(r"(?i)\s*(?:năm\s+(?:19|20)\d{2}\s*)?\(\s*sửa\s+đổi(?:,\s*bổ\s+sung)?\s*\)")
_LAW_YEAR = re.compile(r"[ \t]*(?:\n[ \t]*)?năm\s+((?:19|20)\d{2})(?![\d/])")
_NAME_BEFORE_NUMBER = re.compile(r"(?P<name>(?:[^;:()\"“”]|\((?i:sửa đổi(?:,? bổ sung)?)\)){3,160}?)[\s,]*"
                                r"(?:(?i:số)\s*:?\s*)?")
_NOT_IN_NAME = re.compile(rf"\s{any_of(w.word for w in vocab.law_name_stops() if w.numbered)}\b"
                          r"|[.;]|\n\s*\n|[.:;]\s*\n")


def _law_name(text: str, start: int, raw: str, syms: list, sym_starts: list) -> str:
    """The name of a law cited by name, from the text after 'Luật': up to its number when one follows ('Luật An
    toàn, vệ sinh lao động số 84/2015/QH13'), else the longest name the law list knows ('Luật Cán bộ, công chức
    ngày …'), else up to the first word that cannot be part of a name."""
    i = bisect.bisect_left(sym_starts, start + 3)
    if i < len(syms) and syms[i].start == sym_starts[i] and sym_starts[i] <= start + 170 and \
            (syms[i].word is None or _fold(syms[i].word) in _LAW_WORDS):
        nm = _NAME_BEFORE_NUMBER.fullmatch(text, start, sym_starts[i])
        if nm and (not _NOT_IN_NAME.search(nm.group("name")) or _known_with(nm.group("name"), syms[i].key)):
            return nm.group("name").strip(" ,")     # a known name may hold 'theo', 'tại' ('… theo hợp đồng')
    # a name cut at 160 characters may end on a space, which folding drops; a PDF line break inside it is one space
    single, at = _single_spaced(raw.rstrip())
    folded = _fold(single)
    if len(folded) == len(single):
        names = _law_names()
        if folded not in names:
            for b in reversed(list(_NAME_BREAK.finditer(folded))):
                if folded[:b.start()] in names:
                    cut = _amended_laws_end(folded, b.start())
                    return raw[:at[cut] if at else cut].strip(" ,")
        else:
            return raw.strip(" ,")
    end = start + len(raw)
    if text.startswith("\n", end) or text.startswith(" \n", end):
        wrapped = _known_name_across_lines(text, start)
        if wrapped:
            # 'Luật Người lao động Việt \nNam đi làm việc …' broken by a PDF line ('… của \nLuật X và Luật Y')
            window = _WRAPPED_NAME.match(text[start:start + 200])
            single, at = _single_spaced(window.group(0) if window else wrapped)
            folded = _fold(single)
            if len(folded) == len(single):
                cut = _amended_laws_end(folded, len(_fold(wrapped)))
                return text[start:start + (at[cut] if at else cut)].strip(" ,")
            return wrapped
    stop = patterns.LAW_NAME_STOP.search(raw)
    name = raw[: stop.start()] if stop else raw
    if name.lower().startswith(("sửa đổi", "bổ sung")):
        cut = re.search(r"\s+ngày\b|\s+số\b|[;.(]", raw)
        name = raw[: cut.start()] if cut else raw
    return name.strip(" ,")


_WHITESPACE = re.compile(r"\s+")


def _single_spaced(raw: str) -> tuple[str, Optional[list[int]]]:
    """``raw`` with each run of white space as one space, and where each of its characters (and its end) is in
    ``raw`` (None: the same places, ``raw`` had no run to fold)."""
    if "\n" not in raw and "  " not in raw and "\t" not in raw:
        return raw, None
    out, at, pos = [], [], 0
    for m in _WHITESPACE.finditer(raw):
        out.append(raw[pos:m.start()])
        at.extend(range(pos, m.start()))
        out.append(" ")
        at.append(m.start())
        pos = m.end()
    out.append(raw[pos:])
    at.extend(range(pos, len(raw) + 1))
    return "".join(out), at


def _known_name(name: str) -> bool:
    """Whether the law list knows a name written after 'Luật' (an amending law's: its first amended law)."""
    folded, names = _fold(name), _law_names()
    return folded in names or bool(_AMENDING_NAME.match(folded)) and any(
        folded[:b.start()] in names for b in _NAME_BREAK.finditer(folded))


_NEXT_AMENDED = re.compile(r"\s*(?:,\s*|\s)(?:và\s+)?(?:bộ luật|luật)\s+")


def _amended_laws_end(folded: str, end: int) -> int:
    """Where an amending law's name ends when it amends several laws: "sửa đổi, bổ sung một số điều của Luật X
    và Luật Y" runs on over each further law the law list knows (``folded`` is the folded name from 'Luật' on;
    ``end``, where its first known part ends)."""
    if not _AMENDING_NAME.match(folded):
        return end
    names = _law_names()
    while True:
        nxt = _NEXT_AMENDED.match(folded, end)
        if nxt is None or nxt.group(0).strip() in ("luật", "bộ luật"):     # 'Luật X Luật Y': no joint
            return end
        known = [b.start() for b in _NAME_BREAK.finditer(folded, nxt.end()) if folded[nxt.end():b.start()] in names]
        if not known and folded[nxt.end():].rstrip() in names:
            known = [len(folded.rstrip())]
        if not known:
            return end
        end = known[-1]


def _numbers_amending(name: str, number: str) -> bool:
    """Whether ``number`` after an amending law's name ("sửa đổi … của Luật X và Luật Y số N") is the amending
    law's own: the law list knows the last law amended, and N is none of its versions."""
    last = _fold(name).rsplit("luật ", 1)[-1].strip(" ,")
    laws = _law_names().get(last)
    return bool(laws) and all(law.symbol != number for law in laws)


def _known_with(name: str, number: str) -> bool:
    """Whether the law list knows ``name`` (it may hold 'theo', 'tại': '… theo hợp đồng') for a law numbered
    ``number``. An amending law's name must be known with that number: in "Luật sửa đổi, bổ sung một số điều của
    Luật Bảo hiểm y tế số 25/2008/QH12" the number is the amended law's."""
    laws = _law_names().get(_fold(name.strip(" ,")))
    if not laws:
        return False
    return not _AMENDING_NAME.match(name) or any(law.symbol == number for law in laws)


_AMENDING_NAME = re.compile(r"(?i)\s*(?:sửa đổi|bổ sung)\b")
_LAW_WORD = re.compile(r"(?i)(?:bộ luật|luật|pháp lệnh)\s+")


def is_amending_name(name: str) -> bool:
    """Whether a law's name (with its leading 'Luật' or without) is an amending law's: 'Luật sửa đổi, bổ sung …'."""
    word = _LAW_WORD.match(name)
    return _AMENDING_NAME.match(name, word.end() if word else 0) is not None


_WRAPPED_NAME = re.compile(r"[^;:()\"“”]{3,200}?(?=\n\s*\n|[;:()\"“”]|$)")


def _known_name_across_lines(text: str, start: int) -> Optional[str]:
    """The longest name the law list knows that the text from ``start`` spells over line breaks, as written."""
    window = _WRAPPED_NAME.match(text[start:start + 200])
    if window is None:
        return None
    names, best = _law_names(), None
    for b in _NAME_BREAK_OR_LINE.finditer(window.group(0)):
        if _fold(window.group(0)[:b.start()]) in names:
            best = window.group(0)[:b.start()]
    return best.strip(" ,") if best else None


_NAME_BREAK_OR_LINE = re.compile(r"[ ,\n]|$")


# "(sau đây gọi tắt là …": what follows names again a document already named
ASIDE = re.compile(rf"(?i){any_of(vocab.phrases('aside'))}\s*$")


def defined_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A law named in an aside right after it ("Luật Bảo hiểm xã hội số 41/2024/QH15 … (sau đây gọi là Luật BHXH năm
    2024)") is that law, there and wherever the text uses the name again: those mentions take the law's identity.
    ``mentions`` sorted; a name that a table resolves, or with no law of its kind before it in the sentence, stays."""
    defined: dict[str, Mention] = {}
    out = []
    for i, mention in enumerate(mentions):
        if mention.symbol is None and mention.law is None and mention.name:
            name = _fold(mention.name)
            named = defined.get(name)
            if named is None and ASIDE.search(text, max(0, mention.start - 40), mention.start):
                named = next((m for m in reversed(mentions[:i]) if m.type_code == mention.type_code and
                              (m.symbol is not None or m.law is not None) and m.end <= mention.start), None)
                if named is not None and (mention.start - named.end > 400 or
                                          _CLAUSE_BREAK.search(text, named.end, mention.start)):
                    named = None
                if named is not None:
                    defined[name] = named
            if named is not None:
                mention = Mention(mention.start, mention.end, named.key, symbol=named.symbol, type_code=named.type_code,
                                  law=named.law, date=named.date, tail_end=max(mention.tail_end, mention.end))
        out.append(mention)
    return out


def short_forms(text: str, full: list[Mention], start: int) -> list[Mention]:
    """'Kết luận 44', 'Chỉ thị số 43' after 'Kết luận số 44-KL/TW', 'Chỉ thị số 43-CT/TW' (same type, same number)."""
    out: list[Mention] = []
    by_type: dict = {}
    dated: dict = {}        # a document's date wherever the text gives it (a title may name it without)
    for mention in full:
        if mention.symbol and mention.symbol.number.isdigit():
            by_type.setdefault((mention.type_code, int(mention.symbol.number)), mention)
        if mention.date is not None:
            dated.setdefault(mention.key, mention.date)
    spans = sorted((x.start, x.end) for x in full)
    starts = [a for a, _ in spans]
    reach: list[int] = []          # the furthest end among the spans starting at or before each start
    for _, e in spans:
        reach.append(max(e, reach[-1]) if reach else e)
    if not by_type:
        return out
    numbers = {n for _, n in by_type}
    for m_start, m_end, word, num in patterns.iter_short_mentions(text, start, numbers):
        i = bisect.bisect_right(starts, m_start) - 1
        if i >= 0 and reach[i] > m_start:
            continue
        doc_type = vocab.written_type(word)
        ref = by_type.get((doc_type.code if doc_type else None, int(num)))
        if ref and ref.start < m_start:
            # the date of the first citation goes with it: what a short form can act on depends on it
            out.append(Mention(m_start, m_end, ref.key, symbol=ref.symbol, type_code=ref.type_code,
                               tail_end=m_end, date=ref.date or dated.get(ref.key)))
    return out

