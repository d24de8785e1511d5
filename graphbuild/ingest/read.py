"""Read inputs into ``Source`` records: text, Markdown, HTML, DOCX, PDF text layers and catalogue files.

Every input ends up either as a Source or as a ``Reject`` with a reason a person understands; nothing raises.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import re
import zipfile
from html.parser import HTMLParser
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .. import vocab
from ..models import Reject, Source
from . import legacy
from .errors import InputError
from .pdf import check_text_layer, pdf_text

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
CATALOGUE_SUFFIXES = {".jsonl", ".ndjson", ".csv"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CATALOGUE_SUFFIXES | {".docx", ".pdf"}

MAX_FILE_BYTES = 64 * 1024 * 1024          # one document; a catalogue may be larger (read line by line)
MAX_TEXT_CHARS = 4 * 1024 * 1024            # what one document may hold once extracted
MAX_DOCX_UNZIPPED = 64 * 1024 * 1024        # a .docx that inflates past this is treated as a zip bomb
MAX_HTML_DEPTH = 500


# --- bytes -> str -----------------------------------------------------------------------------------------------

_VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.I)


def unlegacy(text: str) -> tuple:
    """(text, font): text typed in the legacy TCVN3 or VNI fonts decoded to Unicode (font names which), else as is.
    Text that already shows Unicode Vietnamese letters is not legacy; that check is cheap, the decoder is not."""
    if next(islice(_VIETNAMESE.finditer(text, 0, 5000), 19, None), None) is not None:    # stops at the 20th
        return text, None
    return legacy.to_unicode(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ufffd]")


def _looks_like_text(text: str) -> bool:
    """Decoded bytes that are mostly control characters or replacement marks (a file of zeros read as UTF-16) are
    not text; a text needs some letters or digits."""
    sample = text[:20000]
    if len(_CONTROL.findall(sample)) > len(sample) // 20:
        return False
    return any(c.isalnum() for c in sample)


def decode(data: bytes) -> tuple:
    """Bytes -> (text, encoding). Raises InputError with the reason when the bytes are not usable text."""
    if not data.strip():
        raise InputError("empty file")
    text = enc = None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text, enc = data.decode(name, errors="replace"), name
            break
    if text is None and b"\x00" in data[:4096]:
        # UTF-16 without a BOM shows a NUL in every other byte; anything else with NULs is binary.
        even, odd = data[:4096:2].count(0), data[1:4096:2].count(0)
        if max(even, odd) <= len(data[:4096]) // 4:
            raise InputError("not text (binary content)")
        text, enc = data.decode("utf-16-le" if odd > even else "utf-16-be", errors="replace"), "utf-16"
    if text is None:
        try:
            text, enc = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as not_utf8:
            text, font = legacy.from_bytes(data)
            if font:
                return text, f"cp1252+{font}"
            text, enc = data.decode("cp1258", errors="replace"), "cp1258"
            if text.count("\ufffd") > len(text) // 100 or not _VIETNAMESE.search(text):
                raise InputError("undecodable: neither UTF-8, Windows-1258, TCVN3 nor VNI Vietnamese text") \
                    from not_utf8
    if not text.strip():
        raise InputError("empty file")
    if not _looks_like_text(text):
        raise InputError("not text (binary content)")
    text, font = unlegacy(text)
    return text, f"{enc}+{font}" if font else enc


# --- formats ----------------------------------------------------------------------------------------------------

class _HTMLText(HTMLParser):
    """Visible text of a page, one block per line, without scripts, styles and site navigation."""

    SKIP = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "select", "svg",
            "iframe", "template", "head"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "td",
             "th", "ul", "ol", "blockquote", "pre", "hr", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list = []
        self.skip = 0
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        self.depth += 1
        if self.depth > MAX_HTML_DEPTH:
            raise InputError(f"HTML nested deeper than {MAX_HTML_DEPTH} elements")
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        self.depth = max(0, self.depth - 1)
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(markup: str) -> str:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text)


def docx_text(data: bytes) -> str:
    """The text of a .docx in reading order: paragraphs and tables as they stand in the body (the header and the
    signature of an official document are tables), each table row's cells one after the other, a cell's
    paragraphs one a line."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        if sum(i.file_size for i in zf.infolist()) > MAX_DOCX_UNZIPPED:
            raise InputError("DOCX inflates to more than 64 MB (zip bomb?)")
        if "word/document.xml" not in zf.namelist():
            raise InputError("broken DOCX: no word/document.xml")
        import docx  # python-docx
        d = docx.Document(io.BytesIO(data))
        lines: list = []
        _docx_blocks(d.element.body, lines, 0)
    except InputError:
        raise
    except Exception as e:  # noqa: BLE001 - any parser failure is a broken file, reported as such
        raise InputError(f"broken or encrypted DOCX ({type(e).__name__})") from None
    return "\n".join(lines)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _docx_blocks(element, lines: list, depth: int) -> None:
    """Paragraphs and tables under a body or a table cell, in order; a cell merged across columns once."""
    if depth > MAX_HTML_DEPTH:
        raise InputError(f"DOCX tables nested deeper than {MAX_HTML_DEPTH}")
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            lines.append("".join(t.text or "" if t.tag == f"{_W}t" else "\t" if t.tag == f"{_W}tab" else "\n"
                                 for t in child.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr")))
        elif child.tag == f"{_W}tbl":
            for row in child.iterchildren(f"{_W}tr"):
                for cell in row.iterchildren(f"{_W}tc"):
                    _docx_blocks(cell, lines, depth + 1)
        elif child.tag == f"{_W}sdt":          # a content control wraps paragraphs or tables
            for content in child.iterchildren(f"{_W}sdtContent"):
                _docx_blocks(content, lines, depth + 1)


# --- catalogue records ------------------------------------------------------------------------------------------

def _fields(rec: dict) -> dict:
    """A record's columns as the document's fields (vocab/catalogue_columns.tsv: 'so_ky_hieu' -> symbol, 'nguoi_ky'
    -> signer …); of two columns for one field the first listed there wins, an empty cell gives nothing."""
    columns = vocab.catalogue_columns()
    order = {name: n for n, name in enumerate(columns)}
    out: dict = {}
    for name in sorted(rec, key=lambda k: order.get(vocab.column_key(k), len(order))):
        field = columns.get(vocab.column_key(name))
        value = rec[name]
        if field and field not in out and value not in (None, "") and not (isinstance(value, str) and
                                                                            not value.strip()):
            out[field] = value
    return out


def _record_source(path: str, n: int, rec: dict, seen: set) -> Union[Source, Reject]:
    fields = _fields(rec)
    rid = str(fields.get("id") or fields.get("symbol") or f"line{n}")
    if rid in seen:
        rid = f"{rid}@line{n}"    # an id used twice (one symbol and date from two issuers): keep both records apart
    seen.add(rid)
    name = f"{path}#{rid}"
    text = fields.get("text") or ""
    title = fields.get("title") or ""
    if not isinstance(text, str) or not isinstance(title, str):
        return Reject(name, "record fields 'text'/'title' are not strings")
    if not text.strip() and not title.strip() and not fields.get("symbol"):
        return Reject(name, "record has no text, title or symbol")
    meta = {k: v for k, v in fields.items() if k not in ("id", "text")}
    meta["url"] = fields.get("url")
    kind = "record" if not text.strip() else None
    if len(text) > MAX_TEXT_CHARS:
        return Reject(name, f"record text longer than {MAX_TEXT_CHARS:,} characters")
    if text.strip():
        text, font = unlegacy(text)
        if font:
            log.info("%s: text in the legacy %s font encoding, read as Unicode", name, font)
    return Source(file=name, text=text if text.strip() else title, kind_hint=kind, meta=meta)


def read_catalogue(path: Path) -> Iterator[Union[Source, Reject]]:
    name = str(path)
    try:
        f = open(path, encoding="utf-8-sig", newline="")
    except OSError as e:
        yield Reject(name, f"cannot open: {e.strerror}")
        return
    seen: set = set()
    with f:
        try:
            if path.suffix.lower() == ".csv":
                for n, rec in enumerate(csv.DictReader(f), 1):
                    yield _record_source(name, n, rec, seen)
                return
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Reject(f"{name}#line{n}", f"line {n} is not valid JSON ({e.msg})")
                    continue
                if not isinstance(rec, dict):
                    yield Reject(f"{name}#line{n}", f"line {n} is not a JSON object")
                    continue
                yield _record_source(name, n, rec, seen)
        except UnicodeDecodeError:
            yield Reject(name, "catalogue is not UTF-8")
        except csv.Error as e:
            yield Reject(name, f"broken CSV ({e})")


def read_file(path: Path) -> Iterator[Union[Source, Reject]]:
    name = str(path)
    suffix = path.suffix.lower()
    if suffix in CATALOGUE_SUFFIXES:
        yield from read_catalogue(path)
        return
    if suffix not in SUFFIXES:
        yield Reject(name, f"unsupported file type '{suffix or path.name}'")
        return
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"too large ({size / 1e6:.0f} MB; limit {MAX_FILE_BYTES // 2**20} MB)")
        data = path.read_bytes()
        encoding = None
        if suffix == ".docx":
            text, encoding = unlegacy(docx_text(data))
        elif suffix == ".pdf":
            text, encoding = unlegacy(pdf_text(data))
            check_text_layer(text)
        else:
            text, encoding = decode(data)
            if suffix in HTML_SUFFIXES or (suffix in TEXT_SUFFIXES and re.match(r"\s*<(!doctype|html)", text, re.I)):
                text = html_text(text)
        if not text.strip():
            raise InputError("empty file" if not data.strip() else "no text after extraction")
        if len(text) > MAX_TEXT_CHARS:
            raise InputError(f"text longer than {MAX_TEXT_CHARS:,} characters")
        font = (encoding or "").rsplit("+", 1)[-1]        # 'cp1252+TCVN3'; 'VNI' from a DOCX or a PDF
        if font in legacy.FONTS:
            log.info("%s: text in the legacy %s font encoding, read as Unicode", name, font)
        yield Source(file=name, text=text, encoding=encoding)
    except InputError as e:
        yield Reject(name, str(e))
    except OSError as e:
        yield Reject(name, f"cannot read: {e.strerror or e}")


# What graphbuild itself writes, never read back as input: a built graph's folder (its JSON lines would be read as a
# catalogue), a folder marked as output (neo4j-admin CSVs, Parquet tables), and pages and images that name
# graphbuild as their generator near their start (views, briefings and their PNG/SVG).
GRAPH_FOLDER_FILES = ("documents.jsonl", "report.json")
OUTPUT_MARKER = ".graphbuild-output"
GENERATOR_MARKS = {".html": b'<meta name="generator" content="graphbuild">', ".png": b"Software\x00graphbuild",
                   ".svg": b"<dc:title>graphbuild</dc:title>"}


def is_output_folder(folder: Path) -> bool:
    return (folder / OUTPUT_MARKER).exists() or all((folder / name).is_file() for name in GRAPH_FOLDER_FILES)


def is_output_file(path: Path) -> bool:
    mark = GENERATOR_MARKS.get(path.suffix.lower())
    if mark is None:
        return False
    try:
        with open(path, "rb") as f:
            return mark in f.read(4096)
    except OSError:
        return False


def iter_paths(paths: Iterable[Union[str, Path]], skipped: Optional[list[Path]] = None) -> Iterator[Path]:
    """Files under the given paths (folders walked in sorted order so runs are reproducible), leaving out hidden
    files and folders and what graphbuild wrote (``is_output_folder``, ``is_output_file``), which go to
    ``skipped``. A path given as a file is yielded as it is."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            yield from _walk(p, skipped)
        else:
            yield p


def _walk(folder: Path, skipped: Optional[list[Path]]) -> Iterator[Path]:
    if is_output_folder(folder):
        if skipped is not None:
            skipped.append(folder)
        return
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, skipped)
        elif entry.is_file():
            if is_output_file(entry):
                if skipped is not None:
                    skipped.append(entry)
                continue
            yield entry


def read_sources(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Source, Reject]]:
    """Every input under ``paths`` as a Source, or a Reject naming the file and the reason."""
    for path in iter_paths(paths):
        items = read_file(path) if path.exists() else iter([Reject(str(path), "no such file")])
        for item in items:
            if isinstance(item, Reject):
                log.debug("%s: rejected: %s", item.file, item.reason)
            yield item
