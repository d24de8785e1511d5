"""The words of the views that are built in Python, read from ``vocab/relation_labels.tsv`` (the page texts live in
the templates), and the two small text helpers every view uses (Vietnamese dates, cleaned and shortened text)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import vocab


@lru_cache(maxsize=None)
def labels() -> dict[str, dict[str, str]]:
    """{group: {key: label}} of vocab/relation_labels.tsv: relation, level, kind, view, field, yes_no, system,
    text."""
    return vocab.labels()


def text(key: str, **values: object) -> str:
    """A phrase of group ``text``, its {names} filled in: ``text("documents", count=3)`` -> "3 văn bản"."""
    return labels()["text"][key].format(**values)


def relation_label(relation: Optional[str]) -> str:
    return labels()["relation"].get(relation or "", (relation or "").lower())


def level_label(level: Optional[str]) -> str:
    return labels()["level"].get(level or "unknown", labels()["level"]["unknown"])


def kind_label(kind: str) -> str:
    return labels()["kind"][kind]


def band_label(band: str) -> str:
    """The name of a band of the layout: a level, or the news band."""
    return kind_label("news") if band == "news" else level_label(band)


def vn_date(iso_date: Optional[str]) -> str:
    """'2022-11-14' -> '14/11/2022'."""
    if not iso_date:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(iso_date)[:10])
    return f"{match.group(3)}/{match.group(2)}/{match.group(1)}" if match else str(iso_date)


def clean(value: object, limit: Optional[int] = None) -> str:
    """Text on one line, cut with an ellipsis past ``limit`` characters."""
    line = re.sub(r"\s+", " ", str(value or "")).strip()
    if limit and len(line) > limit:
        line = line[:limit - 1].rstrip() + "…"
    return line
