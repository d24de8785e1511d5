"""Split an official document into header, body, signature and recipients, and read its own identity.

Works on clean text (``normalize``). Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP, Hướng dẫn
36-HD/VPTW) put the issuing body, 'Số: …', the place and date line, the type heading and the trích yếu at the top,
and the role block, the signer and 'Nơi nhận' at the end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

from . import patterns, vocab
from .patterns import Date, Symbol

HEADER_CHARS = 3000
MOTTO = re.compile(r"CỘNG HO[ÀA] XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc|"
                   r"ĐẢNG CỘNG SẢN VIỆT NAM|[*\-=_~]{2,}|^\s*\*\s*$", re.I | re.M)
SYMBOL_LINE = re.compile(rf"(?im)^[ \t]*(?:(?:bộ luật|luật|nghị quyết|pháp lệnh|lệnh|văn bản hợp nhất)[ \t]+)?số"
                         rf"[ \t]*:?[ \t]*(?:{patterns.SYMBOL}|(?P<blank>[.…_ \t]*/[ \t]*(?P<bcode>[A-ZĐ][\w-]*)))")
STAMP = re.compile(r"(?im)^.*\b(?:ĐẾN|Chuyển|CV)\b.*$")
PLACE_DATE = re.compile(r"(?m)^[ \t]*(?P<place>[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][^\n,\d]{1,40}?)\s*,\s*(?=ngày\b)")
ROLE = re.compile(r"^(?:T/?M\.?|TM\.|KT\.|Q\.|TL\.|TUQ\.|K/T)?\s*(?:BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ỦY BAN|UBND|"
                  r"CHÍNH PHỦ|QUỐC HỘI|BỘ CHÍNH TRỊ|BAN BÍ THƯ|TỔNG BÍ THƯ|BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|"
                  r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|"
                  r"TRƯỞNG BAN|PHÓ TRƯỞNG BAN|CHỦ NHIỆM|TỔNG THƯ KÝ|TỔNG KIỂM TOÁN|THỐNG ĐỐC|CHÁNH ÁN|VIỆN TRƯỞNG|"
                  r"TỔNG GIÁM ĐỐC|BỘ |HỘI ĐỒNG|ĐẢNG ỦY|THƯỜNG TRỰC)", re.I)
PERSON = re.compile(r"^(?:Đồng chí\s+)?((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡ"
                    r"ùúụủũưừứựửữỳýỵỷỹ]+\s+){1,5}[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ-Ỹ][a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡ"
                    r"ùúụủũưừứựửữỳýỵỷỹ]+)\s*$")
RECIPIENT_HEAD = re.compile(r"(?im)^[ \t\-]*(Kính gửi|Nơi nhận)\s*:?(.*)$")


@dataclass
class Header:
    symbol: Optional[Symbol] = None
    symbol_span: Optional[tuple] = None
    blank_code: Optional[str] = None          # "KH-UBND" in a draft's "Số: /KH-UBND"
    date: Optional[Date] = None
    place: Optional[str] = None
    issuer_lines: list = field(default_factory=list)
    type_code: Optional[str] = None
    type_word: Optional[str] = None
    by_line: Optional[str] = None              # "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under the type heading
    title: Optional[str] = None
    title_span: Optional[tuple] = None
    signer: Optional[str] = None
    signer_role: Optional[str] = None
    recipients: list = field(default_factory=list)
    body_start: int = 0
    body_end: int = 0

    @property
    def is_document(self) -> bool:
        return bool(self.symbol or self.blank_code or (self.type_code and self.date))


def _upper_ratio(s: str) -> float:
    letters = [c for c in s if c.isalpha()]
    return sum(c.isupper() for c in letters) / len(letters) if letters else 0.0


def _type_heading(line: str):
    """'KẾ HOẠCH' -> DocType (a heading is a type name written in capitals, alone on its line)."""
    s = re.sub(r"\s+", " ", line).strip(" *:")
    if not s or _upper_ratio(s) < 0.9:
        return None
    return vocab.type_by_word().get(vocab.fold(s))


def parse_header(text: str) -> Header:
    h = Header(body_end=len(text))
    head = text[:HEADER_CHARS]
    for m in SYMBOL_LINE.finditer(head):
        line_start = head.rfind("\n", 0, m.start()) + 1
        line = head[line_start:head.find("\n", m.end()) if "\n" in head[m.end():] else len(head)]
        if re.search(r"\b(?:ĐẾN|CV)\b", line[: m.start() - line_start]):
            continue   # incoming-mail stamp "CV Số: 066 ĐẾN Ngày: …": not this document's number
        if m.group("blank"):
            h.blank_code = m.group("bcode")
            h.symbol_span = (m.start(), m.end())
            break
        sym = patterns.parse_symbol(m)
        if sym:
            h.symbol, h.symbol_span = sym, (m.start(), m.end())
            break
    sym_at = h.symbol_span[0] if h.symbol_span else None
    # The place and date line.
    for m in PLACE_DATE.finditer(head):
        dm = patterns.DATE_RE.match(head, m.end())
        if not dm:
            continue
        d = patterns.parse_date(dm)
        if d:
            h.place, h.date = m.group("place").strip(" *"), d
            break
    # Issuing body: capitals above the number (or above the date line when there is no number).
    stop = sym_at if sym_at is not None else (head.find(h.place) if h.place else 0)
    for line in head[:max(stop, 0)].split("\n"):
        frag = MOTTO.sub(" ", line).strip(" *\\#")
        if frag and _upper_ratio(frag) > 0.8 and len(frag) > 2 and not _type_heading(frag):
            h.issuer_lines.append(re.sub(r"\s+", " ", frag))
    # Type heading, the "CỦA …" line, the trích yếu.
    lines = list(_lines(head))
    for i, (ls, le, line) in enumerate(lines):
        if sym_at is not None and ls < sym_at and not h.symbol:
            continue
        t = _type_heading(line)
        if t:
            h.type_code, h.type_word = t.code, re.sub(r"\s+", " ", line).strip(" *")
            rest = [x for x in lines[i + 1:] if x[2].strip()]
            if rest and re.match(r"\s*(?:CỦA|của)\b", rest[0][2]) and _upper_ratio(rest[0][2]) > 0.8:
                h.by_line = rest[0][2].strip()
                rest = rest[1:]
            if rest and not re.match(r"\s*(?:Căn cứ|Thực hiện|Chương|Điều|I\.|1\.)", rest[0][2]) and \
                    len(rest[0][2]) < 400:
                title_lines = [rest[0]]
                for nxt in rest[1:3]:
                    if nxt[0] - title_lines[-1][1] <= 1 and _upper_ratio(nxt[2]) > 0.8 and \
                            _upper_ratio(title_lines[-1][2]) > 0.8 and not _type_heading(nxt[2]):
                        title_lines.append(nxt)
                h.title_span = (title_lines[0][0], title_lines[-1][1])
                h.title = " ".join(x[2].strip() for x in title_lines)
            h.body_start = (h.title_span or (ls, le))[1]
            break
    if not h.title:
        m = re.search(r"(?m)^[ \t]*(V/v|Về việc)\b[^\n]*", head)
        if m:
            h.title, h.title_span = m.group(0).strip(), (m.start(), m.end())
            h.type_code = h.type_code or "CV"
            h.body_start = max(h.body_start, m.end())
    if not h.body_start and h.date:
        h.body_start = h.date.end
    _read_tail(text, h)
    return h


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, pos + len(line), line
        pos += len(line) + 1


def _read_tail(text: str, h: Header) -> None:
    """Recipients ('Kính gửi', 'Nơi nhận'), the role block and the signer's name."""
    for m in RECIPIENT_HEAD.finditer(text):
        block = [m.group(2)] + text[m.end():m.end() + 1500].split("\n")
        for line in block[:25]:
            item = line.strip(" -+•;,.*")
            if not item:
                if len(h.recipients) and m.group(1).lower() == "kính gửi":
                    break
                continue
            if ROLE.match(item) and _upper_ratio(item) > 0.8 or PERSON.match(item):
                break
            if len(item) < 160:
                h.recipients.append(item)
        if m.group(1).lower() == "nơi nhận":
            h.body_end = min(h.body_end, m.start())
    tail_lines = text[-2500:].split("\n")
    role: list = []
    for i, line in enumerate(tail_lines):
        item = line.strip(" *\\#")
        if ROLE.match(item) and _upper_ratio(item) > 0.8 and len(item) < 80:
            if not role or i - role[-1][0] > 4:
                role = []
            role.append((i, item))
            continue
        if role and i - role[-1][0] <= 6:
            pm = PERSON.match(item)
            if pm:
                h.signer = pm.group(1)
                h.signer_role = ", ".join(r[1] for r in role)
                role = []
