"""report.json of a resolved graph: counts, and every cited document the graph could not pin down, with why."""
from __future__ import annotations

from collections import Counter

from .. import vocab
from .model import Ambiguous, Conflict, DocumentNode, Graph, Report, Unresolved, is_undated


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


def make_report(graph: Graph, ambiguous: list[Ambiguous], conflicts: list[Conflict]) -> Report:
    """Counts by type, level, relation and entity label; the unresolved stubs (sorted by id) with their reasons;
    the ambiguous citations and the conflicts the resolution passes found."""
    docs = graph.documents.values()
    unresolved: list[Unresolved] = []
    for doc in sorted(docs, key=lambda d: d["id"]):
        if not doc["stub"]:
            continue
        reasons, candidates = _unresolved_reasons(doc)
        if reasons:
            unresolved.append({"id": doc["id"], "symbol": doc.get("symbol"), "issuer_code": doc.get("issuer_code"),
                               "title": doc.get("title"), **({"candidates": candidates} if candidates else {}),
                               "cited_in": doc.get("mentioned_in", []), "reasons": reasons})
    return {
        "documents": len(graph.documents),
        "full_text": sum(not d["stub"] for d in docs),
        "stubs": sum(d["stub"] for d in docs),
        "edges": len(graph.edges),
        "by_type": dict(sorted(Counter(d.get("type") or "?" for d in docs).items())),
        "by_level": dict(sorted(Counter(d.get("level") or "?" for d in docs).items())),
        "by_relation": dict(sorted(Counter(e["relation"] for e in graph.edges).items())),
        "entities": dict(sorted(Counter(x["label"] for x in graph.entities.values()).items())),
        "unresolved_by_reason": dict(Counter(r for u in unresolved for r in u["reasons"]).most_common()),
        "unresolved": unresolved,
        "ambiguous": ambiguous,
        "conflicts": conflicts,
    }
