"""What a built graph holds, in numbers (``graphbuild stats``): documents by type, level, kind and locality, citations
by relation and by mode (when the edges carry one), what could not be resolved and why, rejected inputs by reason,
and the check's violations when the build ran one (report.json's ``check`` section). Read from the graph's files,
one record at a time."""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional, Union

from .files import GraphFiles


@dataclass
class GraphStats:
    documents: int = 0
    citations: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    by_level: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_province: dict[str, int] = field(default_factory=dict)
    by_locality: dict[str, int] = field(default_factory=dict)
    by_relation: dict[str, int] = field(default_factory=dict)
    by_mode: dict[str, int] = field(default_factory=dict)          # statements by mode; empty: edges carry none
    entities: dict[str, int] = field(default_factory=dict)
    unresolved_by_reason: dict[str, int] = field(default_factory=dict)
    ambiguous: int = 0
    conflicts: int = 0
    rejected_by_reason: dict[str, int] = field(default_factory=dict)
    check: Optional[dict[str, Any]] = None                         # report.json's check section, as it is

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def graph_stats(folder: Union[str, Path]) -> GraphStats:
    files = GraphFiles(folder)
    report = files.report
    by = {name: Counter[str]() for name in ("type", "level", "kind", "province", "locality", "relation", "mode")}
    stats = GraphStats()
    for doc in files.iter_documents():
        stats.documents += 1
        by["type"][doc.get("type") or "?"] += 1
        by["level"][doc.get("level") or "?"] += 1
        by["kind"][doc.get("kind") or "?"] += 1
        by["province"][doc.get("province") or "(none)"] += 1
        by["locality"][doc.get("locality") or "(none)"] += 1
    for edge in files.iter_edges():
        stats.citations += 1
        by["relation"][edge["relation"]] += 1
        edge_data: dict[str, Any] = dict(edge)
        modes = [ev.get("mode") for ev in edge_data.get("evidence") or [] if ev.get("mode")]
        if edge_data.get("mode"):
            by["mode"][edge_data["mode"]] += 1
        else:
            by["mode"].update(modes[:1])
    rejected: Counter[str] = Counter()
    rejects = Path(folder) / "rejects.jsonl"
    if rejects.exists():
        with open(rejects, encoding="utf-8") as f:
            rejected.update(json.loads(line)["reason"] for line in f if line.strip())
    stats.by_type, stats.by_level, stats.by_kind = _sorted(by["type"]), _sorted(by["level"]), _sorted(by["kind"])
    stats.by_province, stats.by_locality = _sorted(by["province"]), _sorted(by["locality"])
    stats.by_relation, stats.by_mode = _sorted(by["relation"]), _sorted(by["mode"])
    stats.entities = dict(report.get("entities", {}))
    stats.unresolved_by_reason = dict(report.get("unresolved_by_reason", {}))
    stats.ambiguous, stats.conflicts = len(report.get("ambiguous", [])), len(report.get("conflicts", []))
    stats.rejected_by_reason = _sorted(rejected)
    stats.check = dict(report["check"]) if isinstance(report.get("check"), dict) else None
    return stats


def _section(title: str, counts: dict[str, int], top: Optional[int] = None) -> list[str]:
    items = list(counts.items())
    shown = items[:top] if top else items
    lines = [f"{title}:"] + [f"  {n:>7}  {k}" for k, n in shown]
    if len(items) > len(shown):
        lines.append(f"  {sum(n for _, n in items[len(shown):]):>7}  ({len(items) - len(shown)} more)")
    return lines if items else [f"{title}: none"]


def _check_lines(check: dict[str, Any]) -> list[str]:
    lines = ["check:"]
    # the number of violations first, then what they are
    for key, value in sorted(check.items(), key=lambda kv: kv[0] != "violations"):
        if isinstance(value, list):
            lines.append(f"  {key}: {len(value)}")
            lines += [f"    {json.dumps(v, ensure_ascii=False)[:150]}" for v in value[:10]]
        elif isinstance(value, dict):
            lines.append(f"  {key}:")
            lines += [f"    {k}: {v if not isinstance(v, (list, dict)) else len(v)}" for k, v in value.items()]
        else:
            lines.append(f"  {key}: {value}")
    return lines


def format_stats(stats: GraphStats, top: int = 15) -> str:
    lines = [f"{stats.documents} documents, {stats.citations} citations"]
    lines += _section("documents by type", stats.by_type)
    lines += _section("documents by level", stats.by_level)
    lines += _section("documents by kind", stats.by_kind)
    lines += _section("documents by province", stats.by_province, top)
    lines += _section("documents by locality", stats.by_locality, top)
    lines += _section("citations by relation", stats.by_relation)
    lines += _section("citations by mode", stats.by_mode) if stats.by_mode else \
        ["citations by mode: the edges of this graph carry no mode"]
    lines += _section("entities", stats.entities)
    lines += _section("unresolved, by reason", stats.unresolved_by_reason, top)
    lines.append(f"ambiguous citations: {stats.ambiguous}; date conflicts: {stats.conflicts}")
    lines += _section("rejected inputs, by reason", stats.rejected_by_reason, top)
    lines += _check_lines(stats.check) if stats.check is not None else ["check: not run for this build"]
    return "\n".join(lines)
