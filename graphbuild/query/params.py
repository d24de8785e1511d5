"""Query parameters take the type their query file declares (``// param: NAME: TYPE = DEFAULT — what it is``) and
are checked before the query runs: a value that names nothing raises ``ParameterError`` with the values it could
take, rather than running and returning no rows.

    string    as given (the default type)
    int       an integer ("20"; "2O" is an error)
    level     province | district | commune (central where the query says so); not district in the 2025 list
    era       legacy (before 1 July 2025) or 2025
    unit      a place: a gazetteer id or a name (any case, accents or not) naming one unit in the query's era
              (``gazetteer.place``), passed as the list of its ids (none given: an empty list, since Ladybug
              cannot type a null that is tested with IN); above the query's level, when it has one
    document  a reference resolved to one document id, as --doc is
    flag      true or false

A digit string is never turned into a number unless the type says so (``era=2025`` stays "2025").
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..vocab import UNIT_LEVELS, gazetteer
from .errors import ParameterError

TYPES = ("string", "int", "level", "era", "unit", "document", "flag")
ERAS = ("legacy", "2025")
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


def _int(name: str, value: Any) -> int:
    if isinstance(value, bool):
        raise ParameterError(f"{name} takes a whole number, not {value!r}")
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise ParameterError(f"{name} takes a whole number, not '{value}'") from None


def _flag(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE + _FALSE:
        return text in _TRUE
    raise ParameterError(f"{name} takes true or false, not '{value}'")


def _era(name: str, value: Any) -> str:
    text = str(value).strip().lower()
    if text not in ERAS:
        raise ParameterError(f"{name} takes one of {', '.join(ERAS)} (legacy: the list before 1 July 2025), "
                             f"not '{value}'")
    return text


def _level(name: str, value: Any, levels: tuple[str, ...]) -> str:
    text = str(value).strip().lower()
    if text not in levels:
        raise ParameterError(f"{name} takes one of {', '.join(levels)}, not '{value}'")
    return text


def convert(name: str, kind: str, value: Any, values: dict[str, Any], types: dict[str, str],
            resolve_document: Callable[[str], str]) -> Any:
    """``value`` of parameter ``name`` as its declared ``kind``; ``values`` (the other parameters, the era and
    level already converted) and ``types`` give the context a place or a level is checked in."""
    if value is None:
        return [] if kind == "unit" else None
    if kind == "string":
        return str(value)
    if kind == "int":
        return _int(name, value)
    if kind == "flag":
        return _flag(name, value)
    if kind == "era":
        return _era(name, value)
    if kind == "level":
        level = _level(name, value, UNIT_LEVELS)
        era = _context(values, types, "era")
        if era == "2025" and level == "district":
            raise ParameterError(f"{name}=district: the 2025 list has no districts (abolished on 1 July 2025); "
                                 f"use era=legacy, or level=province or commune")
        return level
    if kind == "unit":
        return _unit(name, str(value), values, types)
    if kind == "document":
        return resolve_document(str(value))
    raise ParameterError(f"unknown parameter type '{kind}' (the types: {', '.join(TYPES)})")


def _context(values: dict[str, Any], types: dict[str, str], kind: str) -> Optional[str]:
    """The value of the query's parameter of type ``kind`` (its era, its level), if it has one."""
    for other, other_kind in types.items():
        if other_kind == kind and values.get(other) is not None:
            return str(values[other])
    return None


def _unit(name: str, text: str, values: dict[str, Any], types: dict[str, str]) -> list[str]:
    era = _context(values, types, "era")
    try:
        units = gazetteer.place(text, era=era)
    except gazetteer.PlaceError as e:
        raise ParameterError(f"{name}: {e}") from None
    level = _context(values, types, "level")
    if level and any(gazetteer.LEVEL_RANK[u.level] >= gazetteer.LEVEL_RANK[level] for u in units):
        raise ParameterError(f"{name}={text} is a {units[0].level}: no {level} lies within it (give a unit above "
                             f"the level asked for)")
    return [u.id for u in units]


# Conversion order: era and level first, since a place and a level are checked in their light.
ORDER = {"era": 0, "level": 1}


def convert_all(values: dict[str, Any], types: dict[str, str], resolve_document: Callable[[str], str]) -> dict[str, Any]:
    out = dict(values)
    for name in sorted(out, key=lambda n: (ORDER.get(types.get(n, "string"), 2), n)):
        out[name] = convert(name, types.get(name, "string"), out[name], out, types, resolve_document)
    return out
