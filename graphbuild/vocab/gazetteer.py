"""Administrative units before and after 1 July 2025, from the maintained ``vietnamadminunits`` package.

Legacy list: 63 provinces -> 696 districts -> 10,035 communes; 2025 list: 34 provinces -> 3,321 communes.
Unit ids: ``L:P:31`` (legacy province, GSO code), ``L:D:307``, ``L:W:11443``, ``N:P:31``, ``N:W:…``.
We read the package's own sqlite and JSON data (0.2 s) rather than its address parser, which guesses on bare
names and may geocode online.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from . import LEVELS, UPPER, PlaceWord, fold, place_words, strip_accents

REFORM_DATE = "2025-07-01"
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}       # central 0 … commune 3


def _unit_types(words: Iterable[PlaceWord]) -> str:
    """Place words as one alternation with a group named after each level: the match's ``lastgroup`` is its level."""
    by_level: dict[str, list[str]] = {}
    for w in words:
        by_level.setdefault(w.level or "", []).append(w.word)
    return "|".join(f"(?P<{level}>{'|'.join(alternatives)})" for level, alternatives in by_level.items())


# A unit type (vocab/place_words.tsv: 'tỉnh', 'quận', 'phường' …), and the level it names.
UNIT_TYPE = re.compile(_unit_types(w for w in place_words() if w.level), re.I)
# The unit types that tell the level of a cited HĐND/UBND whose place is unknown ("của UBND huyện").
CITED_UNIT_TYPE = re.compile(rf"(?i)\b(?:{_unit_types(w for w in place_words() if w.level and w.cited)})\b")
# Unit types of more than one word, as the package's data writes some of them ("Thành Phố Bắc Kạn").
_TITLE_CASE_TYPES = tuple(w.word.title() for w in place_words() if w.level and " " in w.word)


@dataclass(frozen=True)
class Unit:
    id: str
    name: str          # "Quận Kiến An"
    short: str         # "Kiến An"
    level: str         # province | district | commune
    parent: Optional[str]
    era: str           # legacy | 2025

    @property
    def province_id(self) -> str:
        return self.id if self.level == "province" else _province_of(self.id)


def _data_dir() -> Path:
    """The package's data folder, found without importing the package (its import pulls in geopy and asyncio)."""
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the gazetteer needs the vietnamadminunits package")
    return Path(list(spec.submodule_search_locations)[0]) / "data"


def _short(s: str) -> str:
    return re.sub(r"\s*\(.*\)$", "", s or "").strip()


def _title(s: str) -> str:
    """The package writes some types in title case ("Thành Phố Bắc Kạn"); official names are sentence case."""
    s = unicodedata.normalize("NFC", s)
    for t in _TITLE_CASE_TYPES:
        if s.startswith(t):
            s = t[0] + t[1:].lower() + s[len(t):]
    return s


@lru_cache(maxsize=None)
def _tables() -> tuple[dict[str, Unit], dict[str, list[str]], dict[str, str], dict[tuple[str, str], str]]:
    con = sqlite3.connect(f"file:{_data_dir() / 'dataset.db'}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    units: dict = {}
    keys_legacy: dict = {}
    for r in con.execute("SELECT provinceCode, province, provinceShort, provinceKey, districtCode, district, "
                         "districtShort, districtKey, wardCode, ward, wardShort, wardKey FROM admin_units_legacy"):
        p, d = f"L:P:{r['provinceCode']}", f"L:D:{r['districtCode']}"
        units.setdefault(p, Unit(p, _title(r["province"]), _short(r["provinceShort"]), "province", None, "legacy"))
        units.setdefault(d, Unit(d, _title(r["district"]), _short(r["districtShort"]), "district", p, "legacy"))
        if r["wardCode"]:
            w = f"L:W:{r['wardCode']}"
            units[w] = Unit(w, _title(r["ward"]), _short(r["wardShort"]), "commune", d, "legacy")
            keys_legacy[f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"] = w
        keys_legacy.setdefault(f"P:{r['provinceKey']}", p)
    keys_new: dict = {}
    for r in con.execute("SELECT provinceCode, province, provinceShort, provinceKey, wardCode, ward, wardShort, "
                         "wardKey FROM admin_units"):
        p, w = f"N:P:{r['provinceCode']}", f"N:W:{r['wardCode']}"
        units.setdefault(p, Unit(p, _title(r["province"]), _short(r["provinceShort"]), "province", None, "2025"))
        units[w] = Unit(w, _title(r["ward"]), _short(r["wardShort"]), "commune", p, "2025")
        keys_new[(r["provinceKey"], r["wardKey"])] = w
        keys_new.setdefault(("P", r["provinceKey"]), p)
    con.close()
    index: dict = {}
    for u in units.values():
        for name in {u.short, u.name}:
            index.setdefault(fold(name), []).append(u.id)
            index.setdefault(fold(strip_accents(name)), []).append(u.id)
    return units, index, keys_legacy, keys_new


def units() -> dict:
    return _tables()[0]


def unit(uid: Optional[str]) -> Optional[Unit]:
    return units().get(uid) if uid else None


def _province_of(uid: str) -> str:
    u = units()[uid]
    while u.parent:
        u = units()[u.parent]
    return u.id


def era_for(date: Optional[str]) -> str:
    return "2025" if date and date >= REFORM_DATE else "legacy"


def lookup(name: str, level: Optional[str] = None, within: Optional[str] = None,
           era: Optional[str] = None) -> list:
    return list(_lookup(name, level, within, era))


@lru_cache(maxsize=1 << 14)      # the same few place names, looked up thousands of times
def _lookup(name: str, level: Optional[str], within: Optional[str], era: Optional[str]) -> tuple:
    """Units whose name or short name is ``name`` (any case, with or without accents), best first:
    provinces before districts before communes, the given era first, inside ``within`` when given."""
    key = fold(re.sub(r"\s+", " ", name).strip(" ,.;:-"))
    ids = _tables()[1].get(key) or _tables()[1].get(fold(strip_accents(key))) or []
    found = [units()[i] for i in dict.fromkeys(ids)]
    if level:
        found = [u for u in found if u.level == level]
    if within:
        found = [u for u in found if u.id != within and _is_inside(u.id, within)]
    return tuple(sorted(found, key=lambda u: (u.era != (era or "legacy"), LEVEL_RANK[u.level], u.id)))


def _is_inside(uid: str, ancestor: str) -> bool:
    u = units().get(uid)
    while u and u.parent:
        if u.parent == ancestor:
            return True
        u = units().get(u.parent)
    return False


# A place word or an issuer word (vocab/place_words.tsv, in its order), then (looked ahead, so that words inside can
# match again) up to 4 words.
_ISSUER_PLACE = re.compile(rf"\b({'|'.join(w.word for w in place_words())})\s+"
                           rf"(?=((?:[{UPPER}0-9][^\s,;.()]*[ ]?){{1,4}}))", re.I)


def find_place(text: str, within: Optional[str] = None, era: Optional[str] = None) -> Optional[Unit]:
    """The administrative unit named in a header line or issuer phrase ("QUẬN ỦY KIẾN AN", "UBND tỉnh Bình Dương",
    "Thành ủy Hải Phòng"): the words after a place prefix or an issuer word, looked up in the gazetteer."""
    t = re.sub(r"\s+", " ", text).strip()
    candidates = []
    for m in _ISSUER_PLACE.finditer(t):
        words = m.group(2).split()
        unit_type = UNIT_TYPE.fullmatch(m.group(1))
        level = unit_type.lastgroup if unit_type else None
        for n in range(len(words), 0, -1):
            hits = lookup(" ".join(words[:n]), level=level, within=within, era=era)
            if not hits and level:
                hits = lookup(" ".join(words[:n]), within=within, era=era)
            if hits:
                candidates.append((m.start(), hits[0]))
                break
    if not candidates:
        return None
    # The most specific unit named last wins ("ĐẢNG BỘ TP HẢI PHÒNG / QUẬN ỦY KIẾN AN" -> Kiến An).
    return max(candidates, key=lambda c: (LEVEL_RANK[c[1].level], c[0]))[1]


def level_named(phrase: str) -> Optional[str]:
    """The level of the first unit type named in an issuer phrase ('UBND huyện' -> 'district'), if any."""
    m = CITED_UNIT_TYPE.search(phrase)
    return m.lastgroup if m else None


def label(uid: Optional[str]) -> Optional[str]:
    """'Kiến An, Hải Phòng' for a district, 'Hải Phòng' for a province."""
    u = unit(uid)
    if not u:
        return None
    parts = [u.short]
    while u.parent:
        u = units()[u.parent]
        if u.level == "province":
            parts.append(u.short)
    return ", ".join(parts)


def full_label(uid: str) -> str:
    """'Phường 1, Quận 6, Hồ Chí Minh': the unit's full name and every unit above it."""
    u = unit(uid)
    parts = []
    while u:
        parts.append(u.name if not parts else u.short)
        u = unit(u.parent)
    return ", ".join(parts)


@lru_cache(maxsize=None)
def province_map() -> dict:
    """Legacy province id -> 2025 province id."""
    conv = json.load(open(_data_dir() / "converter_2025.json", encoding="utf-8"))
    _, _, keys_legacy, keys_new = _tables()
    out = {}
    for new_key, olds in conv["DICT_PROVINCE"].items():
        for old_key in olds:
            if f"P:{old_key}" in keys_legacy and ("P", new_key) in keys_new:
                out[keys_legacy[f"P:{old_key}"]] = keys_new[("P", new_key)]
    return out


def successor(uid: Optional[str]) -> Optional[str]:
    """The 2025 province that a legacy unit lies in (districts were abolished; communes were merged)."""
    u = unit(uid)
    if not u:
        return None
    if u.era == "2025":
        return u.province_id
    return province_map().get(u.province_id)


@lru_cache(maxsize=None)
def _direct_children() -> dict:
    out: dict = {}
    for u in units().values():
        if u.parent:
            out.setdefault(u.parent, []).append(u)
    return out


def children(parent: str, level: str) -> list:
    """Units of ``level`` inside ``parent`` at any depth (the districts of Hải Phòng, or its communes), sorted by
    name."""
    found: list[Unit] = []
    todo = [parent]
    while todo:
        for u in _direct_children().get(todo.pop(), ()):
            if u.level == level:
                found.append(u)
            else:
                todo.append(u.id)
    return sorted(found, key=lambda u: (u.short, u.id))


def inside(uid: str) -> list[str]:
    """The ids of ``uid`` and of every unit inside it."""
    out, todo = [], [uid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(u.id for u in _direct_children().get(current, ()))
    return out


@lru_cache(maxsize=None)
def _commune_map() -> dict[str, tuple[str, ...]]:
    """Legacy commune id -> the 2025 communes it went into (one when merged, several when divided)."""
    conv = json.load(open(_data_dir() / "converter_2025.json", encoding="utf-8"))
    _, _, keys_legacy, keys_new = _tables()
    out: dict[str, set[str]] = {}
    for new_province, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, olds in wards.items():
            new_id = keys_new.get((new_province, new_ward))
            for old_key in olds:
                old_id = keys_legacy.get(old_key)
                if new_id and old_id:
                    out.setdefault(old_id, set()).add(new_id)
    for new_province, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, news in olds.items():
            old_id = keys_legacy.get(old_key)
            for new in news:
                new_id = keys_new.get((new_province, new["newWardKey"]))
                if new_id and old_id:
                    out.setdefault(old_id, set()).add(new_id)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def successors(uid: str) -> tuple[str, ...]:
    """The 2025 units that took over a legacy unit at its level: a province's province, a commune's communes; a
    district none (the level was abolished), a 2025 unit none."""
    u = unit(uid)
    if not u or u.era != "legacy" or u.level == "district":
        return ()
    if u.level == "province":
        new = province_map().get(u.id)
        return (new,) if new else ()
    return _commune_map().get(u.id, ())


class PlaceError(LookupError):
    """A place name that names no unit, or several places; ``candidates``: the units, when several."""

    def __init__(self, message: str, candidates: tuple[Unit, ...] = ()):
        super().__init__(message)
        self.candidates = candidates


def place(name: str, era: Optional[str] = None, level: Optional[str] = None) -> tuple[Unit, ...]:
    """The units a place name typed by a user means ("Hải Phòng", "hai phong", "Quận Kiến An", "L:P:31"), in
    ``era`` when given: of the units so named, those of the highest level (a province before a commune of the same
    name), which must be one place: one unit, or a legacy unit and the 2025 unit of the same name that took it
    over. Raises ``PlaceError`` otherwise, listing the candidates."""
    by_id = unit(name.strip())
    if by_id:
        found: list[Unit] = [by_id]
    else:
        found = lookup(name)
    if era:
        found = [u for u in found if u.era == era]
    if level:
        found = [u for u in found if u.level == level]
    if not found:
        where = f" in the {'2025' if era == '2025' else 'pre-2025'} list" if era else ""
        raise PlaceError(f"no administrative unit is named '{name}'{where}")
    top = min(LEVEL_RANK[u.level] for u in found)
    found = [u for u in found if LEVEL_RANK[u.level] == top]
    legacy = [u for u in found if u.era == "legacy"]
    new = [u for u in found if u.era == "2025"]
    same_place = len(legacy) <= 1 and len(new) <= 1 and \
        (not legacy or not new or (legacy[0].short == new[0].short and successor(legacy[0].id) == new[0].province_id))
    if not same_place:
        raise PlaceError(f"'{name}' names {len(found)} units; give one of these ids:\n" +
                         "\n".join(f"  {u.id}  {full_label(u.id)} ({'2025' if u.era == '2025' else 'pre-2025'})"
                                    for u in found[:30]) + ("\n  …" if len(found) > 30 else ""),
                         tuple(found))
    return tuple(found)


def provinces(era: str = "legacy") -> list:
    return sorted((u for u in units().values() if u.level == "province" and u.era == era), key=lambda u: u.short)
