"""Read the header of an official document: its issuing body, number, place and date, type and trích yếu.

The official layouts (State: Nghị định 30/2020/NĐ-CP, Phụ lục I and II; Party: Hướng dẫn 36-HD/VPTW) put two
columns at the top: on the left the issuing body (its parent body above it: "ĐẢNG BỘ TỈNH NGHỆ AN / HUYỆN ỦY NGHI
LỘC"; "UBND TỈNH NGHỆ AN / SỞ TÀI CHÍNH"), a rule or a star, and "Số: …"; on the right the national motto
("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc") or "ĐẢNG CỘNG SẢN VIỆT NAM", and "place, ngày …
tháng … năm …", on its own line or on the line of the number. Under them, centred: the type heading ("QUYẾT ĐỊNH"),
the trích yếu and a rule.

The columns come side by side (typed with spaces or tabs, ``pdftotext -layout``, the PDF reader) or one after the
other (a .docx or web-page table read cell after cell, ``pdftotext`` raw order, a gazette's text); ``layout`` tells
which and gives the cells. The reader then takes, in the header zone only (above the type heading and the first line
of the body, so that a wrapped preamble line "Luật số 56/2024/QH15;" is never the document's number):

* the number: a cell that starts with "Số" (after a rule glued to it: "------Số: 1520/QĐ-UBND");
* the date: "place, ngày …" in a cell of the right column, or after the number in the number's own cell;
* the issuing body: the lines in capitals right above the number in its column, up to three, skipping the motto,
  rules and stars; a line that starts with a unit word ("TỈNH NGHỆ AN") completes the line above it ("ỦY BAN NHÂN
  DÂN"), any other line is a body under the one above it. The motto and the Party's name are never part of it.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import vocab
from ..vocab import gazetteer, patterns
from ..vocab.patterns import any_of
from . import layout
from .normalize import Text

HEADER_CHARS = 3000
# The motto and the Party's name, and rules of stars or dashes under them: never part of the issuer's name.
MOTTO = re.compile(any_of(vocab.phrases("motto"), group=False) + r"|[*\-=_~]{2,}|^\s*\*\s*$", re.I | re.M)
_MOTTO_ONLY = re.compile(rf"(?i)\s*(?:{any_of(vocab.phrases('motto'), group=False)})\s*$")
_RULE = re.compile(r"[\s*\-=_~.]*$")
_NUMBER_TYPE = any_of(vocab.phrases("number_line_type"))
# After "Số" and its colon: the symbol, or a draft's blank ("Số: /KH-UBND", a Party draft's "Số -KH/HU": type,
# then issuer).
_NUMBER_REST = (rf"(?:{patterns.SYMBOL}|(?P<blank>[.…_ \t]*(?:/[ \t]*(?P<bcode>[A-ZĐ][\w-]*)|"
                rf"-[ \t]*(?P<pcode>[A-ZĐ]\w*/[A-ZĐ][\w-]*))))")
SYMBOL_LINE = re.compile(rf"(?im)^[ \t]*(?:{_NUMBER_TYPE}[ \t]+)?số[ \t]*:?[ \t]*{_NUMBER_REST}")
# The same in a block after the body (a consolidated text's "XÁC THỰC VĂN BẢN HỢP NHẤT"), where a cell "Số:" may stand
# alone on its line above the number.
BLOCK_SYMBOL_LINE = re.compile(rf"(?im)^[ \t]*(?:{_NUMBER_TYPE}[ \t]+)?số[ \t]*:?[ \t]*(?:\n[ \t]*)?{_NUMBER_REST}")
# The same at the start of a header cell, after a rule glued to it ("------Số: 1520/QĐ-UBND", pdftotext), and
# across a line break when "Số" stands alone.
_NUMBER_CELL = re.compile(rf"(?i)[\-=_~*]*[ \t]*(?:{_NUMBER_TYPE}[ \t]+)?số[ \t]*:?\s*{_NUMBER_REST}")
INCOMING_STAMP = re.compile(rf"\b{any_of(vocab.phrases('incoming_stamp'))}\b")
# "Hà Nội, ngày 05 tháng 3 năm 2024", and as some offices write it, "Bình Định, 02/12/2024".
_DATE_AHEAD = r"(?=ngày\b|\d{1,2}/\d{1,2}/(?:19|20)\d{2}\b)"
PLACE_DATE = re.compile(rf"(?m)^[ \t]*(?P<place>[{vocab.UPPER}][^\n,\d]{{1,40}}?)\s*,\s*{_DATE_AHEAD}")
# "place, ngày" anywhere in a cell (after a glued rule, or after the number on the number's line).
_PLACE_DATE_IN = re.compile(rf"(?P<place>[{vocab.UPPER}][^\n,\d|/:;]{{1,40}}?)\s*,\s*{_DATE_AHEAD}")
SUBJECT_LINE = re.compile(rf"(?m)^[ \t]*({any_of(vocab.phrases('subject_line'), group=False)})\b[^\n]*")
NOT_A_TITLE = re.compile(rf"\s*{any_of(o.opener for o in vocab.section_openers() if o.title)}")
# A line that starts the body or a part of it: the header zone ends above it (vocab/section_openers.tsv).
_BODY_OPENER = re.compile(rf"\s*(?:{any_of(o.opener for o in vocab.section_openers() if o.line)})\b")
_PART_OPENER = re.compile(rf"(?i)\s*(?:{any_of(o.opener for o in vocab.section_openers() if o.issuer)})\b")
_UNIT_START = re.compile(rf"(?i)(?:{'|'.join(w.word for w in vocab.place_words() if w.level)})\s")
_BODY_START = re.compile(rf"(?i)(?:{'|'.join(w.word for w in vocab.place_words() if not w.level)})\b")
MAX_ISSUER_LINES = 3


def upper_ratio(s: str) -> float:
    # Letters that upper() changes are lower-case, those lower() changes upper-case (counted in C, not per char).
    lower = sum(map(str.__ne__, s, s.upper()))
    upper = sum(map(str.__ne__, s, s.lower()))
    return upper / (upper + lower) if upper + lower else 0.0


def type_heading(line: str) -> Optional[vocab.DocType]:
    """'KẾ HOẠCH' -> DocType (a heading is a type name written in capitals, alone on its line)."""
    if len(line) > 60:
        return None          # no type name is that long: most lines stop here
    s = " ".join(line.split()).strip(" *:")
    doc_type = vocab.type_by_word().get(vocab.fold(s)) if s else None
    return doc_type if doc_type and upper_ratio(s) >= 0.9 else None


def _is_rule(s: str) -> bool:
    return bool(_RULE.match(s))


def _zone_end(rows: list[layout.Row]) -> int:
    """The index of the first row below the header: the type heading, or a line that opens the body ('Kính gửi'
    under a công văn's 'V/v' line, which belongs to the header)."""
    for n, row in enumerate(rows):
        first = row.cells[0].text
        if _GAZETTE_SECTION.fullmatch(first + " ") and n + 1 < len(rows):
            continue        # the gazette's part ("VĂN BẢN HỢP NHẤT") above the issuer: not the text's type heading
        if len(row.cells) == 1 and (type_heading(first) or _BODY_OPENER.match(first)):
            return n
    return len(rows)


def _number(cell: layout.Cell, text: str, end: Optional[int] = None) -> Optional[tuple]:
    """(match, Symbol or None) when the cell starts with the document's number ('Số: 1520/QĐ-UBND', a draft's
    'Số: /KH-UBND'); ``end``: where the number may end when 'Số' stands alone in its cell."""
    m = _NUMBER_CELL.match(text, cell.start, end or cell.end)
    if m is None:
        return None
    if INCOMING_STAMP.search(text[text.rfind("\n", 0, cell.start) + 1:cell.start]):
        return None   # incoming-mail stamp "CV Số: 066 ĐẾN Ngày: …": not this document's number
    if m.group("blank"):
        return m, None
    sym = patterns.parse_symbol(m)
    return (m, sym) if sym else None


def _number_word_alone(cell: layout.Cell) -> bool:
    """Whether a cell holds only "Số" (or "Số:"): its number is on the next line."""
    return cell.text.rstrip(" :").lower() == "số"


def _place_date(text: str, start: int, end: int) -> Optional[tuple]:
    for m in _PLACE_DATE_IN.finditer(text, start, end):
        dm = patterns.DATE_RE.match(text, m.end())
        date = patterns.parse_date(dm) if dm else None
        if date:
            return _place_name(_HEADER_BREAK.split(m.group("place"))[-1].strip(" *-")), date
    return None


def _place_name(place: str) -> str:
    """The place without the header's capitals run into it ('… ĐẢNG ỦY PHƯỜNG TRẤN BIÊN Trấn Biên' -> 'Trấn
    Biên'): a place is written in lower case after its capitals, unless all of it is in capitals."""
    words = place.split()
    while len(words) > 1 and words[0].isupper() and not words[-1].isupper():
        words.pop(0)
    return " ".join(words)


def read_head(clean: Text, header) -> None:
    """Fill ``header`` (a ``segment.Header``) with what the top of the document says."""
    text = clean.text
    head_end = min(len(text), HEADER_CHARS)
    rows = layout.rows(clean, 0, head_end)
    zone_end = _zone_end(rows)
    zone = rows[:zone_end]
    cols = layout.columns(zone)
    cells = layout.stream(zone, cols)
    number_at = None
    for n, cell in enumerate(cells):
        if cols is not None and cols.side(cell) != "left" and len(cells) > 1:
            continue
        alone = _number_word_alone(cell) and n + 1 < len(cells)
        found = _number(cell, text, cells[n + 1].end if alone else None)   # 'Số' and a draft's '-KH/HU' apart
        if found:
            m, sym = found
            header.symbol_span = (m.start(), m.end())
            if sym:
                header.symbol = sym
            else:      # a draft: 'Số: /KH-UBND', or a Party draft's 'Số -KH/HU' (type, then issuer)
                header.blank_code = m.group("bcode") or m.group("pcode").replace("/", "-")
            number_at = n
            break
    inside = None
    if number_at is None:       # the header's lines run into one ("… VIỆT NAM * Số 312-KH/TU Nghệ An, ngày …")
        number_at = inside = _number_inside(cells, text, header)
    if number_at is None:
        below = _number_below(rows[zone_end:], text)
        if below is not None:     # the number's block, read in one column: its date and issuer are around it
            k, m, sym = below
            block = rows[zone_end + max(0, k - BLOCK_ABOVE):zone_end + k + BLOCK_BELOW]
            cols, cells = None, layout.stream(block, None)
            number_at = next(n for n, c in enumerate(cells) if c.start <= m.start() < c.end)
            header.symbol, header.symbol_span = sym, (m.start(), m.end())
    # The date: on the number's line after it, else in a cell of the right column (any cell when one column).
    order = ([cells[number_at]] if number_at is not None else []) + \
        [c for c in cells if cols is None or cols.side(c) == "right"] + cells
    for cell in order:
        start = header.symbol_span[1] if header.symbol_span and cell.start <= header.symbol_span[0] < cell.end \
            else cell.start
        found = _place_date(text, start, cell.end)
        if found:
            header.place, header.date = found
            break
    if header.date is None and inside is not None:      # run into one line, the date before the number
        found = _place_date(text, cells[inside].start, header.symbol_span[0])
        if found:
            header.place, header.date = found
    header.issuer_lines = _issuer_lines(cells, cols, number_at, header) or \
        (_issuer_before(text[cells[inside].start:header.symbol_span[0]]) if inside is not None else [])
    _read_title(text, rows, zone_end, header)


# Where the cells of a header run into one line part: the motto, a rule, a star.
_HEADER_BREAK = re.compile(MOTTO.pattern + r"|\*", MOTTO.flags)
# "Số" inside a header cell, after the words, rule or star before it: the header's columns run into one line.
_NUMBER_INSIDE = re.compile(rf"(?<=[\s*\-=_~])(?:{_NUMBER_TYPE}[ \t]+)?Số[ \t]*:?[ \t]*{_NUMBER_REST}")


def _number_inside(cells: list[layout.Cell], text: str, header) -> Optional[int]:
    """The index of the header cell that holds the document's number after other words (a web page's or an
    extraction's header run into one line), the number set on ``header``; None when none does."""
    for n, cell in enumerate(cells):
        m = _NUMBER_INSIDE.search(text, cell.start, cell.end)
        if m is None or INCOMING_STAMP.search(text, cell.start, m.start()):
            continue
        sym = patterns.parse_symbol(m) if not m.group("blank") else None
        if sym is None:
            continue
        header.symbol, header.symbol_span = sym, (m.start(), m.end())
        return n
    return None


BLOCK_ABOVE, BLOCK_BELOW = 8, 4      # rows around a number found below the header zone that belong to its block


def _number_below(rows: list[layout.Row], text: str) -> Optional[tuple]:
    """(row index, match, Symbol) of the number line when a gazette's text gives it after the preamble: a row that
    starts with 'Số' and holds only the number (and the place and date), never a sentence that holds a number
    ('Luật số 56/2024/QH15;')."""
    for k, row in enumerate(rows):
        cell = row.cells[0]
        if not cell.text.startswith("Số") or cell.text.rstrip()[-1:] in ";,":
            continue
        alone = _number_word_alone(cell) and k + 1 < len(rows)
        found = _number(cell, text, rows[k + 1].cells[0].end if alone else None)   # "Số:" + newline + the number
        if found and found[1]:
            m, sym = found
            if text[m.end():cell.end].strip() and not _place_date(text, m.end(), cell.end):
                continue
            return k, m, sym
    return None


def _issuer_lines(cells: list[layout.Cell], cols, number_at: Optional[int], header) -> list[str]:
    """The issuing body's lines, top to bottom (parent bodies first), from the capitals right above the number in
    its column (above the date, or the type heading, when there is no number)."""
    if number_at is None:
        anchor = next((n for n, c in enumerate(cells) if header.date and c.start <= header.date.start < c.end),
                      len(cells))
    else:
        anchor = number_at
    # the left column's cells, and a right cell that holds the motto: the next row's left cell may have run into it
    # ("ĐẢNG CỘNG SẢN VIỆT NAM HUYỆN ỦY HẢI HẬU *")
    above = [c for c in cells[:anchor] if cols is None or cols.side(c) == "left" or MOTTO.search(c.text)]
    lines: list[str] = []
    for cell in reversed(above):
        frag = cell.text.strip(" *\\#|")
        if not frag or _is_rule(frag) or _MOTTO_ONLY.match(frag):
            continue
        ran_into = MOTTO.search(frag) is not None     # the header's columns run into this line
        frag = " ".join(MOTTO.sub(" ", frag).split()).strip(" *")
        frag = _GAZETTE_SECTION.sub("", frag)     # 'VĂN BẢN HỢP NHẤT - BỘ Y TẾ': the gazette's part, then the body
        if not frag:
            continue
        if upper_ratio(frag) <= 0.8 or len(frag) <= 2 or type_heading(frag) or _PART_OPENER.match(frag) or \
                any(ch.isdigit() for ch in frag):
            break
        if lines and lines[0] == frag:
            continue                  # a gazette's section line repeats the body ("CHÍNH PHỦ / CHÍNH PHỦ")
        # a line of a column: only a body's own word starts another; a line the columns ran into is read as such
        lines[:0] = _bodies(frag, None if ran_into else (_BODY_START,))
        if len(lines) >= MAX_ISSUER_LINES:
            break
    return _join_place_lines(lines[-MAX_ISSUER_LINES:])


def _issuer_before(words: str) -> list[str]:
    """The issuing body's lines from the words before the number in a header run into one line: up to the motto, a
    rule or a star, one line per body ('ĐẢNG BỘ TỈNH ĐỒNG NAI ĐẢNG ỦY PHƯỜNG TRẤN BIÊN': the parent, then the body).
    Capitals between the motto's lines go on the body's name: the two columns were run together row by row ('ỦY BAN
    NHÂN DÂN CỘNG HÒA … VIỆT NAM HUYỆN ĐỨC TRỌNG Độc lập - Tự do - Hạnh phúc')."""
    first, *rest = (part.strip() for part in _HEADER_BREAK.split(words) if part is not None)
    words = _GAZETTE_SECTION.sub("", first).strip()
    if not words or upper_ratio(words) <= 0.8:
        return []
    for part in rest:
        if not part or upper_ratio(part) <= 0.8 or any(ch.isdigit() for ch in part):
            break
        words = f"{words} {part}"
    lines = _bodies(words)
    if len(lines) == 1 and (twice := _TWICE.fullmatch(lines[0])):
        lines = [twice.group(1)]
    return _join_place_lines(lines[-MAX_ISSUER_LINES:])


def _bodies(words: str, openers: Optional[tuple[re.Pattern, ...]] = None) -> list[str]:
    """The bodies one line of capitals names, one line each, parent first ('ĐẢNG BỘ TỈNH HÀ GIANG TỈNH ỦY': the
    parent, then the body), cut where one of ``openers`` (by default a body's own word or a department's) opens a
    body."""
    starts = sorted({m.start() for pattern in (openers or (_BODY_START, _HEADER_BODY)) for m in pattern.finditer(words)
                     if m.start() > 0}) + [len(words)]
    lines: list[str] = []
    for a, b in zip([0] + starts[:-1], starts):
        line = words[a:b].strip()
        if line and (not lines or lines[-1] != line):    # a gazette's text repeats the body ("CHÍNH PHỦ CHÍNH PHỦ")
            lines.append(line)
    return lines


# The gazette's part heading before a header run into one line ("VĂN BẢN QUY PHẠM PHÁP LUẬT CHÍNH PHỦ …").
_GAZETTE_SECTION = re.compile(rf"(?i)^\s*(?:{any_of(vocab.phrases('gazette_section'))})(?:\s+[-–])?\s+")
_TWICE = re.compile(r"(.+?)\s+\1")
_HEADER_BODY = re.compile(rf"(?<!\w){any_of(vocab.phrases('header_body'))}(?!\w)")


# A name broken where it joins its parts ('BỘ NÔNG NGHIỆP / VÀ PHÁT TRIỂN NÔNG THÔN', 'BỘ LAO ĐỘNG - / THƯƠNG BINH VÀ
# XÃ HỘI'): the second line opens on the joining word, or the first ends on it. No body's name starts with one.
_NAME_JOINS_NEXT = re.compile(rf"(?i)(?:\s(?:{any_of(vocab.phrases('coordinator'))})|\s?[-–&,])$")
_NAME_JOINS_PREVIOUS = re.compile(rf"(?i)(?:{any_of(vocab.phrases('coordinator'))}\s|[-–&,])")


def _join_place_lines(lines: list[str]) -> list[str]:
    """'ỦY BAN NHÂN DÂN' + 'TỈNH NGHỆ AN' -> one line: a line that starts with a unit word names the place of the
    body above it, unless that body has a place already; and a name broken over two lines is joined."""
    out: list[str] = []
    names = _issuer_names()
    for line in lines:
        if out and (_UNIT_START.match(line) and not _BODY_START.match(line) and gazetteer.find_place(out[-1]) is None
                    or vocab.fold(f"{out[-1]} {line}") in names and vocab.fold(out[-1]) not in names
                    or _NAME_JOINS_PREVIOUS.match(line) or _NAME_JOINS_NEXT.search(out[-1])):
            out[-1] = f"{out[-1]} {line}"       # or a name written on two lines: 'ỦY BAN THƯỜNG VỤ / QUỐC HỘI'
        else:
            out.append(line)
    return out


@lru_cache(maxsize=1)
def _issuer_names() -> frozenset:
    return frozenset(vocab.fold(i.name) for i in vocab.issuers().values())


def _read_title(text: str, rows: list[layout.Row], zone_end: int, header) -> None:
    """The type heading, the 'CỦA …' line under it, and the trích yếu (a công văn's 'V/v …' line)."""
    for n in range(zone_end, len(rows)):
        row = rows[n]
        if len(row.cells) != 1:
            continue
        doc_type = type_heading(row.cells[0].text)
        if doc_type:
            header.type_code = doc_type.code
            own = header.symbol.type_code if header.symbol else None
            if own and own != doc_type.code and \
                    vocab.fold(row.cells[0].text.strip()).startswith(vocab.fold(vocab.type_name(own) or "\0")):
                header.type_code = own      # "THÔNG BÁO KẾT LUẬN" numbered "…-TB/TU": a Thông báo, as its number says
            header.body_start = row.end
            rest = rows[n + 1:]
            if rest and re.match(r"\s*(?:CỦA|của)\b", rest[0].cells[0].text) and \
                    upper_ratio(rest[0].cells[0].text) > 0.8:
                header.by_line = rest[0].cells[0].text.strip()
                header.body_start = rest[0].end
                rest = rest[1:]
            _title_from(text, rest, header)
            return
        if SUBJECT_LINE.match(row.cells[0].text) or _BODY_OPENER.match(row.cells[0].text):
            break
    for n in range(len(rows)):
        if SUBJECT_LINE.match(rows[n].cells[0].text) and n <= zone_end + 2:
            header.type_code = header.type_code or "CV"
            _title_from(text, rows[n:], header, subject_line=True)
            return


MAX_TITLE_LINES = 8          # a trích yếu wraps over up to seven lines in a gazette
_RULE_START = re.compile(r"\s*(?:[\-=_~*]{3,}|[\-=_~*.\s]*$)")     # the rule under a title (glued to the body)
MAX_CONTINUATION = 150      # a wrapped title line is short; a body paragraph read as one line is not


def _title_from(text: str, rest: list[layout.Row], header, subject_line: bool = False) -> None:
    if not rest:
        return
    first = rest[0].cells[0]
    if not subject_line and (NOT_A_TITLE.match(first.text) or len(first.text) >= 400 or _is_rule(first.text)):
        return
    taken = [first]
    for row in rest[1:MAX_TITLE_LINES]:
        cell = row.cells[0]
        prev = taken[-1]
        if len(row.cells) != 1 or _RULE_START.match(cell.text) or len(cell.text) > MAX_CONTINUATION or \
                prev.text.rstrip()[-1:] in ".;:" or _BODY_OPENER.match(cell.text) or \
                text.count("\n", prev.end, cell.start) > 1 or type_heading(cell.text) or \
                (upper_ratio(cell.text) > 0.8) != (upper_ratio(prev.text) > 0.8) or \
                _place_date(text, cell.start, cell.end) or (subject_line and cell.text.startswith("-")):
            break
        taken.append(cell)
    header.title_span = (taken[0].start, taken[-1].end)
    header.title = " ".join(c.text.strip() for c in taken)
    header.body_start = max(header.body_start, taken[-1].end)
