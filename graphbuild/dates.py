"""Dates as the graph keeps them: ISO strings (``yyyy-mm-dd``) in the files, ``datetime.date`` where a store wants
a DATE. One converter for every step that needs the value."""
from __future__ import annotations

import datetime as dt
from typing import Optional, Union


def _parse(iso: str) -> dt.date:
    return dt.date.fromisoformat(iso[:10])


def to_date(value: Union[str, dt.date, None]) -> Optional[dt.date]:
    """``"2022-11-14"`` -> ``date(2022, 11, 14)`` (anything after the tenth character is ignored); a date and None
    are returned as they are. Raises ValueError for a string that is not an ISO date."""
    if value is None or isinstance(value, dt.date):
        return value
    return _parse(str(value))


def days_between(later: Optional[str], earlier: Optional[str]) -> Optional[int]:
    """``later - earlier`` in days (how long an implementing document took); None when either date is missing or is
    not an ISO date."""
    if not later or not earlier:
        return None
    try:
        return (_parse(later) - _parse(earlier)).days
    except ValueError:
        return None
