"""Split an official document into header, body, signature and recipients, and read its own identity.

Works on clean text (``normalize``). Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Hướng dẫn
36-HD/VPTW) put the issuing body, 'Số: …', the place and date line, the type heading and the trích yếu at the top,
and the role block, the signer and 'Nơi nhận' at the end. The phrases are in vocab/phrases.tsv, signer_roles.tsv and
section_openers.tsv; the patterns below are assembled from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator, Optional, Union

from .. import vocab
from ..vocab import patterns
from ..vocab.patterns import Date, Symbol, any_of
from . import layout
from .header import (  # noqa: F401
    BLOCK_SYMBOL_LINE,
    HEADER_CHARS,
    INCOMING_STAMP,
    MOTTO,
    NOT_A_TITLE,
    PLACE_DATE,
    SUBJECT_LINE,
    SYMBOL_LINE,
    read_head,
    type_heading,
    upper_ratio,
)
from .normalize import Text

ROLE = re.compile(rf"^{any_of(vocab.signer_roles('delegation'))}?\s*{any_of(vocab.signer_roles('title'))}", re.I)
PERSON = re.compile(rf"^(?:{any_of(vocab.phrases('honorific'))}\s+)?((?:[{vocab.UPPER}][{vocab.LOWER}]*\s+){{1,5}}"
                    rf"[{vocab.UPPER}][{vocab.LOWER}]+)\s*$")
ADOPTED = re.compile(rf"(?i){any_of(vocab.phrases('adoption'))}\s+(?=ngày)")
CONSOLIDATION_PHRASES = vocab.phrases("consolidation_block")      # written exactly so: a substring test finds them
CONSOLIDATION_BLOCK = re.compile(any_of(map(re.escape, CONSOLIDATION_PHRASES)))
CONSOLIDATION_HEADER = re.compile(f"(?i){any_of(vocab.phrases('consolidation_header'))}")
CONSOLIDATION_WORDS = vocab.phrases("consolidation_word")
ADDRESSEES, COPIES = vocab.phrases("addressee_heading"), vocab.phrases("copies_heading")
RECIPIENT_HEAD = re.compile(rf"(?im)^[ \t\-]*(?P<heading>(?P<addressees>{'|'.join(map(re.escape, ADDRESSEES))})|"
                            rf"{'|'.join(map(re.escape, COPIES))})\s*:?(?P<rest>.*)$")


@dataclass
class Header:
    symbol: Optional[Symbol] = None
    symbol_span: Optional[tuple] = None
    blank_code: Optional[str] = None          # "KH-UBND" in a draft's "Số: /KH-UBND"
    date: Optional[Date] = None
    place: Optional[str] = None
    issuer_lines: list = field(default_factory=list)
    type_code: Optional[str] = None
    by_line: Optional[str] = None              # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under the type heading
    title: Optional[str] = None
    title_span: Optional[tuple] = None
    signer: Optional[str] = None
    signer_role: Optional[str] = None
    recipients: list = field(default_factory=list)
    copies_spans: list = field(default_factory=list)    # where each 'Nơi nhận' list is: a document named there is no citation
    body_start: int = 0
    body_end: int = 0

    @property
    def is_document(self) -> bool:
        return bool(self.symbol or self.blank_code or (self.type_code and self.date))


_upper_ratio = upper_ratio
_type_heading = type_heading


def parse_header(text: Union[Text, str]) -> Header:
    """The identity of a document from its clean text (a ``Text``, whose offset map lets the header reader see the
    columns of the source; a plain string is taken as already clean, without columns)."""
    clean = text if isinstance(text, Text) else Text(text)
    text = clean.text
    header = Header(body_end=len(text))
    read_head(clean, header)
    if not header.body_start and header.date:
        header.body_start = header.date.end
    if not header.date:
        adopted = [date for date in (patterns.parse_date(dm) for dm in (patterns.DATE_RE.match(text, m.end())
                                                                    for m in ADOPTED.finditer(text)) if dm)
                   if date and date.iso]
        if adopted:    # a law or a resolution of the Quốc hội: 'thông qua ngày 27 tháng 11 năm 2024'
            header.date = adopted[-1]
    _read_tail(clean, header)
    _read_consolidation(text, header)
    if header.signer:       # a person's name as it is written ("Lê Văn Hoà"), not as the tables read it
        header.signer = clean.as_written(header.signer)
    return header


def _read_consolidation(text: str, header: Header) -> None:
    """A văn bản hợp nhất is the consolidated text of a base document and its amendments: the header shows the base
    document's heading and its amendment header ('X …, được sửa đổi, bổ sung bởi:'); its own number, date and signer
    are in the 'XÁC THỰC VĂN BẢN HỢP NHẤT' block after the body, or in a header numbered as the consolidated text."""
    block = None
    if any(phrase in text for phrase in CONSOLIDATION_PHRASES):      # substring tests first: faster than the regex
        for block in CONSOLIDATION_BLOCK.finditer(text):  # noqa: B007 -- the last block is the consolidation's own
            pass
    head = text[header.body_start:header.body_start + 1500] if header.body_start else text[:HEADER_CHARS]
    if block is None and (not any(word in head.lower() for word in CONSOLIDATION_WORDS) or
                          not CONSOLIDATION_HEADER.search(head)):
        return
    header.type_code = "VBHN"
    # a header numbered as the consolidated text itself ("Số: 09/VBHN-BNV   Hà Nội, ngày …") is its own, date
    # included, unless the block says otherwise; any other header's number and date are the base document's
    if not (header.symbol and header.symbol.type_code == "VBHN"):
        header.symbol = header.date = None
    if block is None:
        return
    lo, hi = max(0, block.start() - 400), min(len(text), block.end() + 600)
    best = None
    for m in BLOCK_SYMBOL_LINE.finditer(text, lo, hi):
        sym = patterns.parse_symbol(m) if not m.group("blank") else None
        if sym and (best is None or abs(m.start() - block.start()) < abs(best[1][0] - block.start())):
            best = (sym, (m.start(), m.end()))
    if best:
        header.symbol, header.symbol_span = best
    for m in PLACE_DATE.finditer(text, lo, hi):
        dm = patterns.DATE_RE.match(text, m.end())
        date = patterns.parse_date(dm) if dm else None
        if date and date.iso:
            header.date = Date(date.iso, date.year, date.start, date.end)
            break
    for stream in _streams(text[block.start():hi].split("\n")):
        signer, role = _signer_in(stream)
        if signer:
            header.signer, header.signer_role = signer, role
            break


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _cells(line: str) -> Optional[list[str]]:
    """The cells of a table row ('| a | b |', 'a | b' after ``normalize`` marked a column gap), else None."""
    stripped = line.strip()
    if "|" not in stripped or not (stripped.startswith("|") or stripped.endswith(" |") or " | " in stripped):
        return None
    cells = stripped.split("|")
    if stripped.startswith("|"):
        cells = cells[1:]
    if stripped.endswith("|"):
        cells = cells[:-1]
    return cells


def _streams(lines: list[str]) -> list[list[str]]:
    """The lines as written, then each table column read top to bottom (a signature block laid out beside the
    'Nơi nhận' list in a table: the role and the name sit in the right column)."""
    plain: list = []
    columns: dict = {}
    for line in lines:
        cells = _cells(line)
        if cells is None:
            plain.append(line)
            continue
        plain.append("")
        for k, cell in enumerate(cells):
            columns.setdefault(k, []).append(cell)
    return [plain] + [columns[k] for k in sorted(columns, reverse=True)]


# What an electronic signature's template leaves after a role line ('PHÓ THỦ TƯỚNG[ky]' extracted as 'ky]').
_SIGN_MARK = re.compile(r"\s*\[?[a-zđ]{0,4}\]\s*$")


def _is_role(item: str) -> bool:
    """A line of a signature's role block: 'TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'."""
    return ROLE.match(item) is not None and _upper_ratio(item) > 0.8 and len(item) < 80


def _signer_in(lines: list[str], first: bool = False) -> tuple[Optional[str], Optional[str]]:
    """(signer, role) from a role block ('TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH') and the name under it; the last one
    (``first``: the first one)."""
    found: tuple[Optional[str], Optional[str]] = (None, None)
    role: list = []
    for i, line in enumerate(lines):
        item = _SIGN_MARK.sub("", line.strip(" *\\#"))
        if _is_role(item):
            if not role or i - role[-1][0] > 4:
                role = []
            role.append((i, item))
            continue
        if role and i - role[-1][0] <= 6:
            pm = PERSON.match(item)
            if pm:
                found = (pm.group(1), ", ".join(r[1] for r in role))
                if first:
                    return found
                role = []
    return found


def _recipient_heads(text: str) -> list[re.Match]:
    """The matches of RECIPIENT_HEAD, found from the places where its words occur (the same matches as its
    ``finditer``, without trying the line pattern at every position of a long text)."""
    low = text.lower()
    if len(low) != len(text):
        return list(RECIPIENT_HEAD.finditer(text))
    starts = set()
    for word in map(str.lower, ADDRESSEES + COPIES):
        i = low.find(word)
        while i >= 0:
            starts.add(text.rfind("\n", 0, i) + 1)
            i = low.find(word, i + 1)
    out: list[re.Match] = []
    for ls in sorted(starts):
        m = RECIPIENT_HEAD.match(text, ls)
        if m and (not out or m.start() >= out[-1].end()):
            out.append(m)
    return out


TAIL_CHARS = 1500
MAX_LIST_ROWS = 30
MAX_RECIPIENT = 160
_BULLET = "-+•*"
ARCHIVE_COPY = re.compile(rf"{any_of(vocab.phrases('archive_copy'))}\b")


_LIST_LINE = re.compile(rf"[ \t]*(?:[{_BULLET}]|[a-zđà-ỹ(])")


def _list_end(text: str, pos: int) -> int:
    """The end of the list that starts after ``pos`` (the 'Nơi nhận:' heading): its bulleted lines and the lines that
    go on an item, up to the first other line (the role block, the name, an annex)."""
    end = pos
    for _ in range(MAX_LIST_ROWS):
        nxt = text.find("\n", end)
        if nxt < 0:
            return len(text)
        line_end = text.find("\n", nxt + 1)
        line_end = len(text) if line_end < 0 else line_end
        if not _LIST_LINE.match(text, nxt + 1, line_end):
            break
        end = line_end
    return end


def _signer_after_list(text: str, m: re.Match) -> tuple[Optional[str], Optional[str]]:
    """(signer, role) where two columns were run into one: the role on the 'Nơi nhận:' line ('Nơi nhận: CHỦ TỊCH'),
    the list under it, the name after the list."""
    role = _SIGN_MARK.sub("", m.group("rest").strip(" *\\#"))
    if m.group("addressees") or not _is_role(role):
        return None, None
    after = [line for line in text[_list_end(text, m.end()):].split("\n")[:8] if line.strip()]
    return _signer_in([role, *after[:3]])


def _recipients(text: str, rows: list, cols, m: re.Match) -> list[str]:
    """The items of a 'Kính gửi' or 'Nơi nhận' list: in the heading's column, one item a bullet ('- …'; a line
    without one continues the item above it unless that item ended with ';' or '.'), up to the role block, the
    signer's name, the end of the list, or the office's own copy ('Lưu: VT, …', 'Lưu Văn phòng …': not a
    recipient)."""
    cells = [c for r in rows for c in r.cells]
    heading = next((c for c in cells if c.end > m.start()), None)
    if heading is None:
        return []
    side = cols.side(heading) if cols is not None else None
    lines = [text[m.start("rest"):heading.end] if heading.start <= m.start("rest") <= heading.end else ""]
    lines += [c.text for c in layout.stream(rows, cols, side) if c.start > heading.start][:MAX_LIST_ROWS]
    items: list[str] = []
    bulleted = None
    last = ""
    for line in lines:
        raw = line.strip()
        item = raw.lstrip(_BULLET + " ").strip()
        if not item:
            continue
        if ARCHIVE_COPY.match(item) or (ROLE.match(item) and _upper_ratio(item) > 0.8) or PERSON.match(item):
            break
        bullet = raw[0] in _BULLET
        if items and not bullet:
            if bulleted and last[-1:] not in ";." and len(items[-1]) + len(item) < MAX_RECIPIENT:
                items[-1] = f"{items[-1]} {item}"
                last = raw
                continue
            if bulleted or last[-1:] not in ";,":
                break
        if len(item) >= MAX_RECIPIENT:
            break
        items.append(item)
        bulleted = bullet if bulleted is None else bulleted
        last = raw
    return [x.rstrip(" ;,.") for x in items if x.rstrip(" ;,.")]


def _read_tail(clean: Text, header: Header) -> None:
    """Recipients ('Kính gửi', 'Nơi nhận'), the role block and the signer's name (at the end, or after the last
    './.' that closes the body when an appendix follows the signature). Where the end is laid out in two columns
    (the recipients beside the signature), each column is read on its own."""
    text = clean.text
    heads = _recipient_heads(text)
    signature = None
    for m in heads:
        line_start = text.rfind("\n", 0, m.start()) + 1
        rows = layout.rows(clean, line_start, min(len(text), m.end() + TAIL_CHARS))
        # a table after the signature (an annex's rows of three cells or more) is no column of the tail
        rows = rows[:next((i for i, r in enumerate(rows) if len(r.cells) > 2), len(rows))]
        # 'Kính gửi' stands alone, centred: only 'Nơi nhận' has the signature beside it
        cols = layout.columns(rows[:MAX_LIST_ROWS]) if not m.group("addressees") else None
        header.recipients.extend(_recipients(text, rows, cols, m))
        if not m.group("addressees"):
            header.body_end = min(header.body_end, m.start())
            header.copies_spans.append((m.start(), _list_end(text, m.end())))
            if cols is not None:
                signature = [c.text for c in layout.stream(rows, cols, "right")]
    if signature:
        signer, role = _signer_in(signature)
        if signer:
            header.signer, header.signer_role = signer, role
            return
    for m in reversed(heads):
        signer, role = _signer_after_list(text, m)
        if signer:
            header.signer, header.signer_role = signer, role
            return
    regions = [text[-2500:]]
    under = [m.start() for m in heads if not m.group("addressees")]
    if under and under[-1] < len(text) - 2500:      # the signature beside or under 'Nơi nhận'
        regions.append(text[max(0, under[-1] - 300):under[-1] + 1200])
    end_mark = len(text)
    for _ in range(3):
        end_mark = text.rfind("./.", 0, end_mark)
        if end_mark < 0:
            break
        if end_mark < len(text) - 2500:
            regions.append(text[end_mark:end_mark + 1000])
    for region in regions:
        for stream in _streams(region.split("\n")):
            signer, role = _signer_in(stream)
            if signer:
                header.signer, header.signer_role = signer, role
                return
    # Annexes, forms and tables after a signature that no './.' or 'Nơi nhận' marks (a gazette text): the first
    # role block with a name under it; the forms' own blocks have none ('(Ký, ghi rõ họ tên)').
    signer, role = _signer_in(text[header.body_start:].split("\n"), first=True)
    if signer:
        header.signer, header.signer_role = signer, role
