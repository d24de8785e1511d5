"""Vocabularies as data: every Vietnamese word list the pipeline knows, and the gazetteer.

The tables are ``graphbuild/vocab/*.tsv`` (document types and issuers with their legal rank, relation phrases,
laws, place words, section openers, signer roles, Party terms, confidence weights, short phrase lists, web chrome,
legacy font tables, view labels). Each is declared here (its columns and record type) and read once, checked row
by row, by ``loader``; the functions below are the lookups the pipeline uses. ``patterns`` assembles symbols,
dates and mentions into regular expressions; ``gazetteer`` holds the administrative units. This module imports
nothing heavy.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..models import MODES
from .loader import Column, ColumnType, Table, VocabError, read

__all__ = ["VocabError", "fold", "strip_accents", "LOWER", "UPPER"]

# Vietnamese letters as regex class contents (precomposed, NFC): lower case, and capitals. (A range 'Ạ-Ỹ' would
# hold the lower-case letters of that block too, and no range holds 'Ì', 'Ó', 'Ú' …)
LOWER = "a-zđàáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹ"
UPPER = "A-ZĐÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸ"

SYSTEMS = ("party", "state", "both")
UNIT_LEVELS = ("province", "district", "commune")     # the units of the gazetteer, largest first
LEVELS = ("central", *UNIT_LEVELS)                      # the levels of a document, highest first
ISSUER_LEVELS = (*LEVELS, "local")                      # local: HĐND/UBND, whose level follows from the locality
DIRECTIONS = ("active", "passive", "post")
PHRASE_GROUPS = ("motto", "open_ending", "title_horizon", "joining_preposition", "form_heading", "pronoun_object", "gazette_section", "header_body", "adoption", "number_line_type", "honorific", "incoming_stamp", "subject_line",
                 "consolidation_block", "consolidation_header", "consolidation_word", "preamble_line", "addressee_heading",
                 "copies_heading", "issuer_stop", "form_word", "linker", "list_word", "coordinator", "plural_word",
                 "adjacent_filler", "news_issued", "news_issued_prefix", "news_background", "common_word", "fill_in_word",
                 "archive_copy", "announcing_title", "adjunct", "object_word", "paper_object", "procedure_head", "not_a_trigger", "title_opener", "own_subject",
                 "unnumbered_document", "following", "implementation_span", "review_head", "attachment", "modal", "provision",
                 "not_a_document_code", "aside", "self_reference", "earlier_reference",
                 "search_skip")
WEIGHTS = ("trigger", "chain", "list", "plain", "law_by_name")
_YES_NO: ColumnType = "yes/no"


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower-case, NFC, one tone placement, single spaces: the key used to compare names written in different
    cases ("Khánh Hoà", "KHÁNH HÒA")."""
    return canonical_tones(" ".join(unicodedata.normalize("NFC", s).split()).lower())


@lru_cache(maxsize=None)
def _tone_pairs() -> tuple[re.Pattern, dict[str, str]]:
    """The vowel pairs of ``tone_placement.tsv`` in their three cases, and a pattern of each at a syllable's end."""
    pairs: dict[str, str] = {}
    for row in read(TONE_PLACEMENT):
        if len(row.written) != 2 or len(row.canonical) != 2 or strip_accents(row.written) != strip_accents(row.canonical):
            raise VocabError(TONE_PLACEMENT.file, 0, f"{row.written!r} -> {row.canonical!r}: not the same two letters")
        for case in (str.lower, str.capitalize, str.upper):
            pairs[case(row.written)] = case(row.canonical)
    # A class of the first vowels first, so that ``re`` skips to a candidate in C (docs/patterns.md); then not after
    # "q", then the second vowel that pairs with the first, then the end of the syllable.
    seconds: dict[str, set[str]] = {}
    for pair in pairs:
        seconds.setdefault(pair[0], set()).add(pair[1])
    after = "|".join(f"(?<={first}){'[' + ''.join(sorted(chars)) + ']'}" for first, chars in sorted(seconds.items()))
    return re.compile(f"[{''.join(sorted(seconds))}](?<![qQ].)(?:{after})(?![^\\W\\d_])"), pairs


def tone_pattern() -> re.Pattern:
    """A syllable-final vowel pair with its tone on the second vowel ("uỷ", "Hoà"): ``canonical_pair`` of a match."""
    return _tone_pairs()[0]


def canonical_pair(match: re.Match) -> str:
    return _tone_pairs()[1][match.group(0)]


def canonical_tones(s: str) -> str:
    """'Uỷ ban nhân dân tỉnh Khánh Hoà' -> 'Ủy ban nhân dân tỉnh Khánh Hòa': the tone of a syllable-final pair
    on its first vowel, as the tables write it (same length, so offsets do not move)."""
    return tone_pattern().sub(canonical_pair, s)


def strip_accents(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in s if not unicodedata.combining(c))


# --- records and their tables ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocType:
    code: str
    system: str                  # party | state | both
    name: str
    words: tuple[str, ...]       # how the type is written before a number
    rank: Optional[int]          # legal rank of a state act of this type (0 the constitution … 5 a circular)
    act: bool = True             # only an act amends, replaces or repeals an act (not a plan, report, letter …)
    abbreviations: Optional[tuple[str, ...]] = None     # the code written as the type word before "số"


@dataclass(frozen=True)
class Issuer:
    code: str
    system: str                  # party | state
    level: str                   # central | province | district | commune | local
    name: str
    rank: Optional[int]          # legal rank of the body's acts when the type gives none


@dataclass(frozen=True)
class Trigger:
    relation: str
    phrase: str
    adjacent: bool               # only right before the type word of its document
    direction: str               # active | passive (the document named after it acts) | post (written after it)

    @property
    def passive(self) -> bool:
        return self.direction == "passive"


@dataclass(frozen=True)
class Law:
    symbol: str
    name: str
    date: Optional[str]          # ISO date of adoption, when known


@dataclass(frozen=True)
class Label:
    group: str
    key: str
    label: str


@dataclass(frozen=True)
class LegacyLetter:
    legacy: str
    unicode: str
    note: Optional[str]


@dataclass(frozen=True)
class ChromeLine:
    pattern: str


@dataclass(frozen=True)
class Term:
    term: str                    # Roman numeral
    start: str                   # ISO date the congress term began


@dataclass(frozen=True)
class PlaceWord:
    word: str                    # a regular expression
    level: Optional[str]         # the unit type it names; None for an issuer word (tỉnh ủy, UBND)
    cited: bool                  # also gives the level of a cited HĐND/UBND


@dataclass(frozen=True)
class SectionOpener:
    opener: str                  # a regular expression
    title: bool                  # a line starting with it is no title
    issuer: bool                 # an issuer phrase does not go on into a line starting with it
    line: bool                   # a line starting with it starts a logical line


@dataclass(frozen=True)
class LawNameStop:
    word: str                    # a regular expression
    by_name: bool
    numbered: bool


@dataclass(frozen=True)
class SignerRole:
    kind: str                    # delegation | title
    pattern: str


@dataclass(frozen=True)
class Weight:
    name: str
    weight: float


@dataclass(frozen=True)
class Phrase:
    group: str
    phrase: str


@dataclass(frozen=True)
class ClauseCue:
    mode: str        # negated | conditional | reported | assigned
    cue: str         # where the words stand: before | agent | opener | after | heading | list_header | task_lead |
    #                  task_when | item
    pattern: str


@dataclass(frozen=True)
class TonePair:
    written: str                 # a syllable-final vowel pair with the tone on its second vowel ("uỷ")
    canonical: str               # the same with the tone on the first ("ủy"): the form the tables use


@dataclass(frozen=True)
class CatalogueColumn:
    column: str                  # as a crawl names it, lower case, '_' between words
    field: str                   # the document field it gives


CATALOGUE_FIELDS = ("id", "symbol", "title", "date", "issuer", "locality", "signer", "type", "year", "text", "url")


DOC_TYPES = Table("doc_types.tsv", (Column("code"), Column("system", allowed=SYSTEMS), Column("name"),
                                    Column("words", many=True), Column("rank", "int", optional=True),
                                    Column("act", _YES_NO), Column("abbreviations", many=True, optional=True)),
                  DocType, key=("code", "system"))
ISSUERS = Table("issuers.tsv", (Column("code"), Column("system", allowed=SYSTEMS[:2]),
                                Column("level", allowed=ISSUER_LEVELS), Column("name"),
                                Column("rank", "int", optional=True)),
                Issuer, key=("code", "system"))
TRIGGERS = Table("relations.tsv", (Column("relation"), Column("phrase"), Column("adjacent", _YES_NO),
                                   Column("direction", allowed=DIRECTIONS)), Trigger, key=("phrase",))
LAWS = Table("laws.tsv", (Column("symbol"), Column("name"), Column("date", "date", optional=True)), Law,
             key=("symbol", "name"))     # a law may be written under two names ("hàng hoá", "hàng hóa")
LABELS = Table("relation_labels.tsv", (Column("group"), Column("key"), Column("label")), Label, key=("group", "key"))
LEGACY_FONTS = {font: Table(file, (Column("legacy"), Column("unicode"), Column("note", optional=True)), LegacyLetter,
                            key=("legacy",))
                for font, file in (("TCVN3", "tcvn3.tsv"), ("VNI", "vni.tsv"))}
WEB_CHROME = Table("web_chrome.tsv", (Column("pattern", "regex"),), ChromeLine)
TERMS = Table("party_terms.tsv", (Column("term"), Column("start", "date")), Term, key=("term",))
PLACE_WORDS = Table("place_words.tsv", (Column("word", "regex"), Column("level", allowed=UNIT_LEVELS, optional=True),
                                        Column("cited", _YES_NO)), PlaceWord, key=("word",))
SECTION_OPENERS = Table("section_openers.tsv", (Column("opener", "regex"), Column("title", _YES_NO),
                                                Column("issuer", _YES_NO), Column("line", _YES_NO)),
                        SectionOpener, key=("opener",))
LAW_NAME_STOPS = Table("law_name_stops.tsv", (Column("word", "regex"), Column("by_name", _YES_NO),
                                              Column("numbered", _YES_NO)), LawNameStop, key=("word",))
SIGNER_ROLES = Table("signer_roles.tsv", (Column("kind", allowed=("delegation", "title")), Column("pattern", "regex")),
                     SignerRole, key=("pattern",))
CONFIDENCE = Table("confidence.tsv", (Column("name", allowed=WEIGHTS), Column("weight", "float")), Weight,
                   key=("name",))
PHRASES = Table("phrases.tsv", (Column("group", allowed=PHRASE_GROUPS), Column("phrase", "regex")), Phrase,
                key=("group", "phrase"))
CLAUSE_CUES = Table("clause_cues.tsv", (Column("mode", allowed=MODES[1:]),
                                        Column("cue", allowed=("before", "agent", "opener", "after", "heading", "list_header",
                                                               "task_lead", "task_when", "item", "clause", "post",
                                                               "document")),
                                        Column("pattern", "regex")), ClauseCue, key=("mode", "cue", "pattern"))
CATALOGUE_COLUMNS = Table("catalogue_columns.tsv", (Column("column"), Column("field", allowed=CATALOGUE_FIELDS)),
                          CatalogueColumn, key=("column",))
TONE_PLACEMENT = Table("tone_placement.tsv", (Column("written"), Column("canonical")), TonePair, key=("written",))
TABLES = (DOC_TYPES, ISSUERS, TRIGGERS, LAWS, LABELS, *LEGACY_FONTS.values(), WEB_CHROME, TERMS, PLACE_WORDS,
          SECTION_OPENERS, LAW_NAME_STOPS, SIGNER_ROLES, CONFIDENCE, PHRASES, CATALOGUE_COLUMNS, CLAUSE_CUES,
          TONE_PLACEMENT)


# --- lookups ---------------------------------------------------------------------------------------------------

def doc_types() -> tuple[DocType, ...]:
    return read(DOC_TYPES)


@lru_cache(maxsize=None)
def type_by_word() -> dict[str, DocType]:
    """'kế hoạch' -> DocType; for words shared by two systems (Quy định) the first row wins."""
    out: dict = {}
    for doc_type in doc_types():
        for word in doc_type.words:
            out.setdefault(fold(word), doc_type)
    return out


@lru_cache(maxsize=None)
def type_by_abbreviation() -> dict[str, DocType]:
    """'QĐ' -> DocType: the code written as the type word before 'số' (exact case; the first row wins)."""
    out: dict = {}
    for doc_type in doc_types():
        for abbreviation in doc_type.abbreviations or ():
            out.setdefault(abbreviation, doc_type)
    return out


def written_type(word: str) -> Optional[DocType]:
    """The type a type word before a number names: 'Quyết định', 'QUYẾT ĐỊNH' or 'QĐ' (``patterns.type_words``)."""
    return type_by_word().get(fold(word)) or type_by_abbreviation().get(word)


@lru_cache(maxsize=None)
def type_codes() -> dict[str, str]:
    """Upper-cased code -> canonical code ('QĐ' for 'qđ', 'CTr' for 'CTR')."""
    return {t.code.upper(): t.code for t in doc_types()}


def type_name(code: Optional[str], system: Optional[str] = None) -> Optional[str]:
    if not code:
        return None
    rows = [t for t in doc_types() if t.code == code]
    for doc_type in rows:
        if system and doc_type.system == system:
            return doc_type.name
    return rows[0].name if rows else None


@lru_cache(maxsize=None)
def type_ranks() -> dict[str, int]:
    """Type code -> legal rank, for the types that have one."""
    return {t.code: t.rank for t in doc_types() if t.rank is not None}


@lru_cache(maxsize=None)
def _non_acts() -> frozenset:
    return frozenset(t.code for t in doc_types() if not t.act) - {t.code for t in doc_types() if t.act}


def changes_acts(source_type: Optional[str], target_type: Optional[str]) -> bool:
    """Whether a document of ``source_type`` can amend, replace or repeal one of ``target_type``: an act can; a plan,
    report, letter or guidance can change only what is not an act (a plan replaces a plan), never an act (a
    Tỉnh ủy plan's "Sửa đổi Quyết định số …" is a task). Unknown types can."""
    non_acts = _non_acts()
    return source_type not in non_acts or target_type is None or target_type in non_acts or \
        target_type not in {t.code for t in doc_types()}


def not_a_document(symbol: str) -> bool:
    """Whether a symbol numbers no legal document: a technical standard ("QCVN 34:2022/BTTTT")."""
    codes = {c.upper() for c in phrases("not_a_document_code")}
    return any(part.upper() in codes for part in re.split(r"[/\-\s]", symbol))


def legal_rank(type_code: Optional[str], system: Optional[str], issuer_code: Optional[str]) -> Optional[int]:
    """The legal rank of a state act (0 the constitution, 1 a law … 7 a UBND decision): by its type, else by its
    issuer; None for a Party document, or when neither has one. An act can amend, replace or repeal only acts of its
    own rank or below."""
    if system == "party":
        return None
    by_type = type_ranks().get(type_code or "")
    if by_type is not None:
        return by_type
    if not issuer_code:
        return None
    info = issuer_info(re.sub(r"\d+$", "", issuer_code.split("-")[0]))
    return info.rank if info else None


@lru_cache(maxsize=None)
def issuers() -> dict[str, Issuer]:
    """Code -> Issuer; a code listed for both systems (BCT) keeps its later row."""
    return {i.code: i for i in read(ISSUERS)}


@lru_cache(maxsize=None)
def issuer_codes_upper() -> dict[str, str]:
    return {c.upper(): c for c in issuers()}


def issuer_info(code: Optional[str]) -> Optional[Issuer]:
    """Issuer row for a code, also for codes carrying a term (QH15, UBTVQH14) or a drafting unit (UBND-KGVX)."""
    if not code:
        return None
    head = code.split("-")[0]
    table = issuers()
    if head in table:
        return table[head]
    bare = re.sub(r"\d+$", "", head)
    return table.get(bare)


def issuer_system(code: Optional[str]) -> Optional[str]:
    """'party' or 'state' for the body a code names ('TW', 'UBND-KGVX', 'HĐNN7'); None when the table does not know
    it. The form of a number does not say it: '10-LCT/HĐNN7' is a State order numbered the Party's way."""
    info = issuer_info(code)
    return info.system if info else None


def triggers() -> tuple[Trigger, ...]:
    return read(TRIGGERS)


def laws() -> tuple[Law, ...]:
    return read(LAWS)


@lru_cache(maxsize=None)
def laws_by_name() -> dict[str, list[Law]]:
    """folded name -> [Law, …] (several versions may share a name; a law written under two tone placements, "hàng
    hoá" and "hàng hóa", is one of them)."""
    out: dict = {}
    for law in laws():
        versions = out.setdefault(fold(law.name), [])
        if all(v.symbol != law.symbol for v in versions):
            versions.append(law)
    return out


@lru_cache(maxsize=None)
def labels() -> dict[str, dict[str, str]]:
    """{group: {key: label}} of relation_labels.tsv: the Vietnamese labels of the views (relation, level, kind,
    view)."""
    out: dict = {}
    for row in read(LABELS):
        out.setdefault(row.group, {})[row.key] = row.label
    return out


def legacy_letters(font: str) -> tuple[LegacyLetter, ...]:
    """The table of a legacy font encoding, 'TCVN3' or 'VNI'."""
    return read(LEGACY_FONTS[font])


@lru_cache(maxsize=None)
def web_chrome() -> re.Pattern:
    """A whole line of web-page chrome or gazette furniture."""
    parts = [row.pattern for row in read(WEB_CHROME)]
    return re.compile(r"^[ \t]*(?:" + "|".join(parts) + r")[ \t]*$", re.M)


def terms() -> tuple[Term, ...]:
    return read(TERMS)


def place_words() -> tuple[PlaceWord, ...]:
    return read(PLACE_WORDS)


@lru_cache(maxsize=None)
def catalogue_columns() -> dict[str, str]:
    """{column name, folded (lower case, no accents, '_' between words): field}: vocab/catalogue_columns.tsv."""
    return {column_key(row.column): row.field for row in read(CATALOGUE_COLUMNS)}


def column_key(name: str) -> str:
    """'Số ký hiệu', 'so-ky-hieu', 'SO_KY_HIEU' -> 'so_ky_hieu'."""
    return re.sub(r"[\s\-]+", "_", strip_accents(str(name)).strip().lower())


def section_openers() -> tuple[SectionOpener, ...]:
    return read(SECTION_OPENERS)


def law_name_stops() -> tuple[LawNameStop, ...]:
    return read(LAW_NAME_STOPS)


def signer_roles(kind: str) -> tuple[str, ...]:
    """The patterns of one kind of role line part: 'delegation' (TM., KT.) or 'title' (CHỦ TỊCH)."""
    return tuple(r.pattern for r in read(SIGNER_ROLES) if r.kind == kind)


@lru_cache(maxsize=None)
def confidence() -> dict[str, float]:
    """Edge confidence by how the relation was read ('trigger', 'chain', 'list', 'plain'), and the factor
    'law_by_name'."""
    return {w.name: w.weight for w in read(CONFIDENCE)}


@lru_cache(maxsize=None)
def clause_cues() -> tuple[ClauseCue, ...]:
    return read(CLAUSE_CUES)


def phrases(group: str) -> tuple[str, ...]:
    """The phrases of one group of phrases.tsv, in the order written."""
    if group not in PHRASE_GROUPS:
        raise KeyError(f"no phrase group {group!r} in phrases.tsv")
    return tuple(p.phrase for p in read(PHRASES) if p.group == group)
