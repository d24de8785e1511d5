"""The text layer of a PDF, page by page, laid out as it is printed (pypdfium2: PDFium, Apache-2.0/BSD).

PDFium gives each character with its box and baseline. The characters are grouped into lines by baseline and put in
the order of their position on the line, not in the order of the content stream: a PDF made by LibreOffice draws
the Vietnamese letters that its first font lacks from a second font after the rest of the line ("T NH NGH AN Ỉ Ệ"
in stream order), and a browser's PDF may draw a table's cells in any order. Within a line, a gap of a few letters'
width is kept as a run of spaces and each line is indented by its distance from the left margin, as
``pdftotext -layout`` does: the two header columns of an official document stay apart and readable as columns.

A text layer that is empty, or that reads as letters split by spaces or with no Vietnamese word, is refused with
that reason (``InputError``): such a file is a scan or has a broken font map, and a silent empty node helps nobody.
"""
from __future__ import annotations

import ctypes
import re
from typing import NamedTuple

from .. import vocab
from .errors import InputError


class _Glyph(NamedTuple):
    x0: float
    x1: float
    baseline: float
    size: float
    char: str


# A gap between two glyphs of a line wider than this many times the font size is a space (measured on the matrix
# of tests/data/headers: within a word at most 0.13, between words at least 0.18, in the PDFs of Chromium and
# LibreOffice alike); wider than COLUMN_GAP, a gap between columns (kept as a run of spaces).
WORD_GAP = 0.15
COLUMN_GAP = 1.6


def _glyphs(textpage) -> list[_Glyph]:
    import pypdfium2.raw as pdfium_c
    raw = textpage.raw
    left, bottom, right, top = (ctypes.c_double() for _ in range(4))
    x, y = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        # Spaces, drawn or guessed by PDFium, are left out: where they stand in a stream drawn out of order says
        # nothing, and the gaps between the glyphs say where the words end.
        if code in (0, 0xFFFE, 0xFFFF) or chr(code).isspace() or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        char = chr(code)
        if not pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top) or \
                not pdfium_c.FPDFText_GetCharOrigin(raw, i, x, y):
            continue
        size = pdfium_c.FPDFText_GetFontSize(raw, i) or max(1.0, top.value - bottom.value)
        out.append(_Glyph(min(left.value, x.value), max(right.value, left.value), y.value, size, char))
    return out


def _lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs grouped by baseline (top of the page first), each line in the order of x."""
    lines: list[list[_Glyph]] = []
    for g in sorted(glyphs, key=lambda g: -g.baseline):
        if lines and abs(lines[-1][0].baseline - g.baseline) <= 0.35 * max(g.size, lines[-1][0].size):
            lines[-1].append(g)
        else:
            lines.append([g])
    return [sorted(line, key=lambda g: g.x0) for line in lines]


def page_text(textpage) -> str:
    glyphs = _glyphs(textpage)
    if not glyphs:
        return ""
    margin = min(g.x0 for g in glyphs)
    # the width of a column of text: half the font size is about one letter of a serif face
    out = []
    for line in _lines(glyphs):
        em = sorted(g.size for g in line)[len(line) // 2]
        letter = max(em * 0.5, 1.0)
        parts = [" " * int(round((line[0].x0 - margin) / letter))]
        prev = None
        for g in line:
            if prev is not None:
                gap = g.x0 - prev.x1
                if gap > COLUMN_GAP * em:
                    parts.append(" " * max(3, int(round(gap / letter))))
                elif gap > WORD_GAP * em:
                    parts.append(" ")
            parts.append(g.char)
            prev = g
        out.append("".join(parts).rstrip())
    return "\n".join(out)


def pdf_text(data: bytes) -> str:
    """The text of every page, the pages apart by a blank line; InputError when there is none (a scan). Whether the
    text is usable is ``check_text_layer``'s question, once a legacy font is decoded."""
    try:
        import pypdfium2 as pdfium
        document = pdfium.PdfDocument(data)
    except Exception as e:  # noqa: BLE001 - any parser failure is a broken file, reported as such
        message = str(e).lower()
        if "password" in message or "security" in message:
            raise InputError("encrypted PDF") from None
        raise InputError(f"broken PDF ({type(e).__name__})") from None
    try:
        pages = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                pages.append(page_text(textpage))
            finally:
                textpage.close()
                page.close()
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001
        raise InputError(f"broken PDF ({type(e).__name__})") from None
    finally:
        document.close()
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError("PDF has no text layer (scanned image?)")
    return text


def check_text_layer(text: str) -> None:
    """InputError when the text of a PDF (decoded from a legacy font if it was one) is not Vietnamese text."""
    garbled = garbled_reason(text)
    if garbled:
        raise InputError(f"PDF text layer is garbled ({garbled}): a scan or a broken font map; run OCR on it")


_TOKEN = re.compile(r"[^\W\d_]+")


def garbled_reason(text: str) -> str | None:
    """Why a text layer is not Vietnamese text, or None: letters split by spaces ('Ủ Y BAN NHÂN DÂN', 'T NH'), or
    no common Vietnamese word at all (vocab/phrases.tsv, group common_word)."""
    tokens = _TOKEN.findall(text[:20000])
    if len(tokens) < 20:
        return None                 # too little to judge: the header reader says what it finds
    single = sum(1 for t in tokens if len(t) == 1)
    if single > 0.2 * len(tokens):
        return f"{single} of {len(tokens)} words are single letters"
    common = {vocab.strip_accents(w) for w in vocab.phrases("common_word")}    # typed without accents too
    if not any(vocab.strip_accents(t.lower()) in common for t in tokens):
        return "no Vietnamese word"
    return None
