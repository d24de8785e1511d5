"""report.json of a resolved graph: counts, and every cited document the graph could not pin down, with why."""
from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

from .. import vocab
from .model import Ambiguous, Citation, Conflict, DocumentNode, Report, Unresolved, is_undated
from .spool import Spool


def _unresolved_reasons(doc: DocumentNode) -> tuple[list[str], list[str]]:
    """Why a stub could not be resolved further, and the candidates when several laws share its name."""
    reasons: list[str] = []
    candidates: list[str] = []
    if "/unknown@" in doc["id"]:
        if vocab.issuer_info(doc.get("issuer_code")) is None and doc.get("symbol"):
            reasons.append("the issuer code is not a known issuing body: level and locality unknown")
        else:
            reasons.append("local document whose locality the citing text does not give: kept apart from "
                           "every other locality's document")
    if is_undated(doc["id"]) and doc.get("symbol"):
        reasons.append("cited without a date or year, and no dated document with this symbol is known")
    if not doc.get("symbol"):
        versions = vocab.laws_by_name().get(vocab.fold(doc.get("title") or ""), [])
        if len(versions) > 1 and not doc.get("year"):
            reasons.append("cited by name only, without a date; several laws of that name are known")
            candidates = sorted(v.symbol for v in versions)
        else:
            reasons.append("cited by name" + (" and date" if doc.get("date") else "") +
                           " only; neither the list of laws nor the corpus has a law of that name" +
                           (" and year" if doc.get("year") else ""))
    return reasons, candidates


class ReportCounts:
    """report.json counted as the graph is written, one record at a time: counts by type, level, relation and
    entity label; the unresolved stubs with their reasons (documents come sorted by id), on disk (``unresolved``, a
    ``Spool``); then, at the end, the ambiguous citations and the conflicts
    the resolution passes found."""

    def __init__(self, unresolved: "Spool[Unresolved]") -> None:
        self.documents = self.full_text = 0
        self.by_type: Counter[str] = Counter()
        self.by_level: Counter[str] = Counter()
        self.by_relation: Counter[str] = Counter()
        self.by_reason: Counter[str] = Counter()       # the reasons of the unresolved, counted as they come
        self.unresolved = unresolved

    def add_document(self, doc: DocumentNode) -> None:
        self.documents += 1
        self.full_text += not doc["stub"]
        self.by_type[doc.get("type") or "?"] += 1
        self.by_level[doc.get("level") or "?"] += 1
        if not doc["stub"]:
            return
        reasons, candidates = _unresolved_reasons(doc)
        if reasons:
            self.by_reason.update(reasons)
            self.unresolved.append({"id": doc["id"], "symbol": doc.get("symbol"), "issuer_code": doc.get("issuer_code"),
                                    "title": doc.get("title"), **({"candidates": candidates} if candidates else {}),
                                    "cited_in": doc.get("mentioned_in", []), "reasons": reasons})

    def add_edge(self, edge: Citation) -> None:
        self.by_relation[edge["relation"]] += 1

    def report(self, entities: Mapping[str, int], ambiguous: Sequence[Ambiguous], conflicts: Sequence[Conflict],
               corrected: Sequence[Any]) -> Report:
        """The report: ``entities`` the number of entities by label; the lists as they are given (spools stay
        spools, written into report.json one item at a time)."""
        return {
            "documents": self.documents,
            "full_text": self.full_text,
            "stubs": self.documents - self.full_text,
            "edges": sum(self.by_relation.values()),
            "by_type": dict(sorted(self.by_type.items())),
            "by_level": dict(sorted(self.by_level.items())),
            "by_relation": dict(sorted(self.by_relation.items())),
            "entities": dict(sorted(entities.items())),
            "unresolved_by_reason": dict(self.by_reason.most_common()),
            "unresolved": self.unresolved,
            "ambiguous": ambiguous,
            "conflicts": conflicts,
            "corrected": corrected,
        }
