"""Vietnamese typed in the legacy TCVN3 (ABC: .VnTime …) and VNI (VNI-Times …) font encodings, back to Unicode.

Such text reaches us as the font's bytes read as Windows-1252 ("Céng hßa x· héi", "Coäng hoøa xaõ hoäi"). The
tables are data (``vocab/tcvn3.tsv``, ``vocab/vni.tsv``, with their sources); this module loads them and

* ``detect(text)``: 'TCVN3', 'VNI' or None. Every word that holds a non-ASCII character is decoded with each table
  and must come out as a well-formed Vietnamese syllable; lines that already hold Unicode-only Vietnamese letters
  (ă đ ơ ư ạ … ỹ) count against a legacy reading and are never decoded.
* ``decode(text, font)``: table-driven, longest match first, NFC; what is not in the table is left alone.
* ``to_unicode(text)``: (text, font) — decoded when the text is legacy, unchanged with None otherwise.
* ``from_bytes(data)``: the same for raw bytes (UTF-8, else Windows-1252 byte for byte).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

from .. import vocab

FONTS = ("TCVN3", "VNI")
_ALIASES = {"TCVN3": "TCVN3", "TCVN": "TCVN3", "ABC": "TCVN3", "VN3": "TCVN3", "VNI": "VNI", "VNI-WIN": "VNI",
            "VNI-WINDOWS": "VNI"}


def _font(font: str) -> str:
    name = _ALIASES.get(str(font).strip().upper())
    if name is None:
        raise ValueError(f"unknown legacy font encoding {font!r}: expected one of {', '.join(FONTS)}")
    return name


@lru_cache(maxsize=None)
def table(font: str) -> dict[str, str]:
    """{legacy sequence: Unicode (NFC)} for 'TCVN3' or 'VNI', as in its table (vocab/tcvn3.tsv, vocab/vni.tsv)."""
    return {row.legacy: unicodedata.normalize("NFC", row.unicode) for row in vocab.legacy_letters(_font(font))}


@lru_cache(maxsize=None)
def _matcher(font: str):
    keys = sorted(table(font), key=lambda k: (-len(k), k))          # longest match first
    return re.compile("|".join(map(re.escape, keys)))


# --- decoding ---------------------------------------------------------------------------------------------------

# A PDF text layer of a .VnTime document names two glyphs by their shape rather than their code: 0xAD (ư) comes out
# as U+2212 MINUS SIGN and 0xB7 (ã) as U+2219 BULLET OPERATOR. Only restored next to a letter ("n−íc", "x∙"), so a
# minus between numbers stays a minus.
_PDF_GLYPHS = re.compile(r"(?<=[^\W\d_])[\u2212\u2219]|[\u2212\u2219](?=[^\W\d_])")
_PDF_MAP = {"\u2212": "\u00ad", "\u2219": "\u00b7"}

# "ươ" whose ư was lost with its soft hyphen (extractors drop U+00AD and Word's <w:softHyphen/>): ơ before ng, c or
# u is never Vietnamese without the ư ("trëng" -> "trởng" -> "trưởng"). The ambiguous rhymes (ơi, ơn, ơm …) are
# left alone.
_LOST_U_HORN = re.compile(r"(?<![ưƯuU])([ơớờởỡợ])(?=(?:ng|c|u)(?![^\W\d_]))|(?<![ưƯuU])([ƠỚỜỞỠỢ])(?=(?:NG|C|U)(?![^\W\d_]))")

_EDGE_PUNCT = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_CAPITAL_CODES = frozenset("\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7")        # ¡¢£¤¥¦§: Ă Â Ê Ô Ơ Ư Đ


def _case_letters(word: str) -> list:
    """The letters of a TCVN3 word whose case is known: ASCII letters and the capital codes ¡¢£¤¥¦§ (the toned
    codes are lower case in .VnTime and upper case in .VnTimeH, so they say nothing)."""
    return [c for c in word if (c.isascii() and c.isalpha()) or c in _CAPITAL_CODES]


def _all_caps(letters: list) -> bool:
    return all(c.isupper() or c in _CAPITAL_CODES for c in letters)


def _restore_case(legacy: str, decoded: str) -> str:
    """TCVN3 capitals with a tone are lower-case codes shown by an upper-case font (.VnTimeH). A decoded word that
    is a Vietnamese syllable is put in capitals when the letters whose case is known are all capitals: at least two
    of them in the word ("CéNG" -> "CỘNG", "§ÕN" -> "ĐẾN"), or at least three over at least two such words of the
    line ("PHã BÝ TH¦" -> "PHÓ BÍ THƯ"). Abbreviations say nothing ("Sè: 15/Q§-UBND" stays "Số: 15/QĐ-UBND")."""
    codes = table("TCVN3")
    out_lines = []
    for src, dst in zip(legacy.split("\n"), decoded.split("\n")):
        src_words, dst_words = re.split(r"(\s+)", src), re.split(r"(\s+)", dst)
        if len(src_words) != len(dst_words):                     # decoding never adds or removes spaces
            out_lines.append(dst)
            continue
        pairs = []
        for s, d in zip(src_words, dst_words):
            letters = _case_letters(s)
            telling = bool(letters) and any(c in codes for c in s) and is_syllable(_EDGE_PUNCT.sub("", d))
            pairs.append((d, letters, telling))
        told = [letters for _, letters, telling in pairs if telling]
        line_caps = len(told) >= 2 and sum(map(len, told)) >= 3 and all(map(_all_caps, told))
        out_lines.append("".join(
            d.upper() if telling and _all_caps(letters) and (len(letters) >= 2 or line_caps) else d
            for d, letters, telling in pairs))
    return "\n".join(out_lines)


def decode(text: str, font: str, *, restore_case: bool = True) -> str:
    """Legacy ``text`` (the font's bytes read as Windows-1252) in ``font`` ('TCVN3' or 'VNI') -> Unicode NFC.

    Table-driven, longest match first; ASCII and anything not in the table are left as they are. For TCVN3 the
    PDF glyph names of ư/ã next to letters are read back, an ư lost with its soft hyphen is put back where the rhyme
    leaves no doubt (ơng/ơc/ơu), and with ``restore_case`` capitals typed in an upper-case font are restored (see
    ``_restore_case``); otherwise toned capitals come out lower case (TCVN3 has no codes for them).
    """
    font = _font(font)
    if not text:
        return text
    src = text
    if font == "TCVN3":
        src = _PDF_GLYPHS.sub(lambda m: _PDF_MAP[m.group()], src)
    mapping = table(font)
    out = _matcher(font).sub(lambda m: mapping[m.group()], src)
    if font == "TCVN3":
        out = _LOST_U_HORN.sub(lambda m: ("ư" + m.group(1)) if m.group(1) else ("Ư" + m.group(2)), out)
        if restore_case:
            out = _restore_case(src, out)
    return unicodedata.normalize("NFC", out)


def encode(text: str, font: str) -> str:
    """Unicode -> legacy ``font`` (as Windows-1252 text): the inverse of the table, for tests and round trips.
    TCVN3 has no codes for capitals with a tone; they are written with the lower-case codes (.VnTimeH style)."""
    font = _font(font)
    inverse: dict[str, str] = {}
    for legacy, uni in table(font).items():
        inverse.setdefault(uni, legacy)
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in inverse:
            out.append(inverse[ch])
        elif ch.lower() in inverse and font == "TCVN3":
            out.append(inverse[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


# --- detection --------------------------------------------------------------------------------------------------

# Letters that only Unicode Vietnamese has, and the combining marks of decomposed (NFD) Vietnamese: none of them
# exists in Windows-1252, so legacy text never holds them.
_UNICODE_VI = re.compile("[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9"
                         "\u0300\u0301\u0302\u0303\u0306\u0309\u031b\u0323]")
# Words: runs of anything but spaces, digits, ASCII punctuation and general punctuation (legacy letters include
# ·¸§«»×÷ and the soft hyphen, so "letters" cannot be \w).
_TOKEN = re.compile(r"[^\s0-9!-/:-@\[-`{-~\u2010-\u2027\u2030-\u205e]+")

_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|q|r|s|t|v|x"
_NUCLEI = ("a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi oo ôi ơi ua uâ uê ui uô uơ uy ưa ưi "
           "ươ ưu ya yê iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyê uyu").split()
_SYLLABLE = re.compile(f"(?:{_INITIALS})?(?:{'|'.join(sorted(_NUCLEI, key=len, reverse=True))})(?:ch|ng|nh|c|m|n|p|t)?")


def is_syllable(word: str) -> bool:
    """A well-formed Vietnamese syllable: optional initial, vowel nucleus, optional final, at most one tone."""
    w = unicodedata.normalize("NFD", word.lower())
    if sum(c in _TONE_MARKS for c in w) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in w if c not in _TONE_MARKS))
    return _SYLLABLE.fullmatch(base) is not None


SAMPLE_CHARS = 60000
MIN_WORDS = 2           # legacy words that must decode to Vietnamese syllables
MIN_SHARE = 0.7         # of the words the table changes or leaves foreign, the share that must decode well
STRONG_SHARE = 0.4      # of those, the share that must not already read as Vietnamese before decoding


def _score(text: str) -> dict:
    """{font: (good, bad, strong)} over the words with a non-ASCII character, plus 'unicode': words with Unicode-only
    letters.

    good: the table changed the word and it came out a Vietnamese syllable; bad: it does not read as one, or it holds
    a non-ASCII character the table does not cover ("tài" in TCVN3, which has no code at 0xE0). A word the table
    leaves as it is and that reads as Vietnamese ("tím" in VNI) counts for neither. strong: the good words that did
    not already read as Vietnamese before decoding ("hßa", not "Công" -> "cụng"). Lines holding Unicode-only
    Vietnamese letters count only in 'unicode'."""
    counts = {f: [0, 0, 0] for f in FONTS}
    uni = 0
    for line in text[:SAMPLE_CHARS].splitlines():
        words = [w for w in _TOKEN.findall(line) if not w.isascii()]
        if not words:
            continue
        if _UNICODE_VI.search(line):
            uni += sum(1 for w in words if _UNICODE_VI.search(w))
            continue
        for w in words:
            plain = is_syllable(w)
            for f in FONTS:
                raw = _PDF_GLYPHS.sub(lambda m: _PDF_MAP[m.group()], w) if f == "TCVN3" else w
                residue = not _matcher(f).sub("", raw).isascii()
                d = decode(w, f, restore_case=False)
                if residue or not is_syllable(d):
                    counts[f][1] += 1
                elif d != w:
                    counts[f][0] += 1
                    counts[f][2] += not plain
    return {"unicode": uni, **{f: tuple(c) for f, c in counts.items()}}


def _verdict(score: dict) -> tuple[Optional[str], int]:
    """(font or None, good words) from ``_score``."""
    best = max(FONTS, key=lambda f: (score[f][0], -score[f][1]))
    good, bad, strong = score[best]
    other = [f for f in FONTS if f != best][0]
    if good < MIN_WORDS or good < MIN_SHARE * (good + bad):
        return None, 0
    if strong < STRONG_SHARE * good:         # the words read as Vietnamese before decoding too ("Công an nhân dân")
        return None, 0
    if score[other][0] == good and score[other][1] <= bad:         # both read equally well: no telling which
        return None, 0
    if score["unicode"] > 4 * good:                                  # mostly Unicode Vietnamese already
        return None, 0
    return best, good


def detect(text: str) -> Optional[str]:
    """'TCVN3' or 'VNI' when the text is Vietnamese typed in that legacy font encoding (read as Windows-1252),
    else None (Unicode Vietnamese, English, other Latin-script languages, too little to tell)."""
    if not text or text.isascii():
        return None
    return _verdict(_score(text))[0]


# Characters that Windows-1258 decoding gives and Windows-1252 does not (ă đ ơ ư ₫ and the combining tones): legacy
# bytes that were read as Windows-1258 are read again as Windows-1252.
_CP1258_ONLY = re.compile("[\u0102\u0103\u0110\u0111\u01a0\u01a1\u01af\u01b0\u20ab\u0300\u0301\u0303\u0309\u0323]")


def _cp1252(data: bytes) -> str:
    """Bytes as Windows-1252, keeping the five bytes it leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) as U+0081 …"""
    return data.decode("latin-1").translate(_CP1252_HIGH)


_CP1252_HIGH = {b: bytes([b]).decode("cp1252") for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_lines(text: str, font: str) -> str:
    """Decode line by line, leaving lines that already hold Unicode-only Vietnamese letters as they are."""
    lines = text.split("\n")
    return "\n".join(line if _UNICODE_VI.search(line) else decode(line, font) for line in lines)


def to_unicode(text: str) -> tuple[str, Optional[str]]:
    """(Unicode text, 'TCVN3' | 'VNI') when ``text`` is legacy-font Vietnamese, else (text unchanged, None).

    Also recognises legacy bytes that were read as Windows-1258 rather than Windows-1252."""
    if not text or text.isascii():
        return text, None
    candidates = [text]
    if _CP1258_ONLY.search(text):
        try:
            candidates.append(_cp1252(text.encode("cp1258")))
        except UnicodeError:
            pass
    best: tuple[Optional[str], int, str] = (None, 0, text)
    for cand in candidates:
        font, good = _verdict(_score(cand))
        if font and good > best[1]:
            best = (font, good, cand)
    font, _, src = best
    if font is None:
        return text, None
    return _decode_lines(src, font), font


def from_bytes(data: bytes) -> tuple[str, Optional[str]]:
    """Raw bytes -> (text, font or None): UTF-8 when they are UTF-8, else Windows-1252 byte for byte; then
    ``to_unicode``. Text that is not legacy comes back as read, with None."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = _cp1252(data)
    return to_unicode(text)
