"""The entities around the documents of a resolved graph, and the links to them: the issuing organisations
(ISSUED_BY), the localities with their parents (LOCATED_IN, PART_OF), the signers (SIGNED_BY) and the recipients
(ADDRESSED_TO). News articles need nothing here: REPORTS is already an edge between documents."""
from __future__ import annotations

from typing import Optional, cast

from ..extract import identity
from ..vocab import gazetteer
from ..models import Level
from .model import DocumentNode, Graph, Link, LocalityEntity, OrganizationEntity


def _add_locality(graph: Graph, unit: Optional[gazetteer.Unit]) -> None:
    """The unit and its parents up to the first one already in the graph, each PART_OF its parent, and each
    SUCCEEDED_BY the 2025 units that took it over."""
    while unit is not None and unit.id not in graph.entities:
        entity: LocalityEntity = {
            "id": unit.id, "label": "Locality", "name": unit.short, "full_name": unit.name, "level": cast(Level, unit.level),
            "era": unit.era, "parent": unit.parent, "province": unit.province_id,
            "successor": gazetteer.successor(unit.id) if unit.era == "legacy" else None}
        graph.entities[unit.id] = entity
        if unit.parent:
            graph.links.append({"source": unit.id, "target": unit.parent, "relation": "PART_OF"})
        for successor in gazetteer.successors(unit.id):
            graph.links.append({"source": unit.id, "target": successor, "relation": "SUCCEEDED_BY"})
        unit = gazetteer.unit(unit.parent)


def _add_issuer(graph: Graph, doc_id: str, node: DocumentNode, unit: Optional[gazetteer.Unit]) -> None:
    """The organisation that issued the document (one per issuer scope: 'org/vn/hai-phong/tu'), located in the
    document's unit when it is known."""
    org_id = "org/" + doc_id.rsplit("/", 3)[0]
    new: OrganizationEntity = {"id": org_id, "label": "Organization",
                               "name": node.get("issuer") or node.get("issuer_code"), "code": node.get("issuer_code"),
                               "level": node.get("level"), "locality": node.get("locality"), "locality_id": None}
    org = cast(OrganizationEntity, graph.entities.setdefault(org_id, new))     # 'org/…' ids are organisations only
    if not node["stub"] and node.get("issuer"):
        org["name"] = node["issuer"]           # the document's own header names its issuer best
    graph.links.append({"source": doc_id, "target": org_id, "relation": "ISSUED_BY"})
    if unit and not org["locality_id"]:
        org["locality_id"] = unit.id
        graph.links.append({"source": org_id, "target": unit.id, "relation": "LOCATED_IN"})


def add_entities(graph: Graph) -> None:
    """Add every entity and link; then every unit of the country at every level of both lists, since coverage asks
    which units did *not* act (a SUCCEEDED_BY link needs its 2025 unit). A document's unit is the ``locality_id``
    its extraction found (the gazetteer unit itself, never its label read back: 237 commune names repeat within a
    province). Links come out sorted and unique."""
    for doc_id, node in sorted(graph.documents.items()):
        unit = gazetteer.unit(node.get("locality_id"))
        if unit:
            _add_locality(graph, unit)
        if node.get("issuer_code") or node.get("issuer"):
            _add_issuer(graph, doc_id, node, unit)
        if unit:
            graph.links.append({"source": doc_id, "target": unit.id, "relation": "LOCATED_IN"})
        signer = node.get("signer")
        if signer:
            person_id = "person/" + identity.slug(signer)
            graph.entities.setdefault(person_id, {"id": person_id, "label": "Person", "name": signer})
            graph.links.append({"source": doc_id, "target": person_id, "relation": "SIGNED_BY",
                                "role": node.get("signer_role")})
        for recipient in node.get("recipients") or []:
            recipient_id = "recipient/" + identity.slug(recipient)[:80]
            graph.entities.setdefault(recipient_id, {"id": recipient_id, "label": "Organization", "name": recipient,
                                                     "code": None, "level": None, "locality": None,
                                                     "locality_id": None})
            graph.links.append({"source": doc_id, "target": recipient_id, "relation": "ADDRESSED_TO"})
    for era in ("2025", "legacy"):
        for province in gazetteer.provinces(era):
            _add_locality(graph, province)
            for level in ("district", "commune"):
                for unit in gazetteer.children(province.id, level):
                    _add_locality(graph, unit)
    graph.links = _sorted_unique(graph.links)


def _sorted_unique(links: list[Link]) -> list[Link]:
    links.sort(key=lambda x: (x["relation"], x["source"], x["target"]))
    seen: set[tuple[str, str, str]] = set()
    out = []
    for link in links:
        key = (link["relation"], link["source"], link["target"])
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out
