"""The entities around the documents of a resolved graph, and the links to them: the issuing organisations
(ISSUED_BY), the localities with their parents (LOCATED_IN, PART_OF), the signers (SIGNED_BY) and the recipients
(ADDRESSED_TO). News articles need nothing here: REPORTS is already an edge between documents.

``Entities`` is fed the documents one at a time, sorted by id (the first document of an issuer names it until one
issued by it names it better). The entities go to the work tables (``worktable.WorkTables``: table ``entity``, read
back sorted by id), and each link to its ``add_link`` as it is made, to be sorted and made unique there. What stays
in memory: the ids of the units already added (the country has ~46,500) and the organisations of the last
``ORG_CACHE`` issuers met (a document's issuer is its id's scope: the documents of one issuer come one after another).
A signer or a recipient is the first document's that names it: the table keeps the first row of each id, and the
ids of the last ``NAMED_CACHE`` signers and recipients added are remembered, not added again."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional, cast

from ..extract import identity
from ..models import Level
from ..vocab import gazetteer
from .model import DocumentNode, LocalityEntity, OrganizationEntity

if TYPE_CHECKING:
    from .worktable import WorkTables

ORG_CACHE = 4096        # organisations kept in memory, written to the table when there are more
NAMED_CACHE = 65536     # ids of signers and recipients known to be in the table (forgotten all at once when full)


class Entities:
    def __init__(self, tables: WorkTables):
        self._tables = tables
        self.add_link = tables.add_link
        self._units: set[str] = set()
        self._orgs: dict[str, OrganizationEntity] = {}       # the issuers met lately, as they are now
        self._named: set[str] = set()                         # signers and recipients added lately

    def _organization(self, org_id: str, new: OrganizationEntity) -> OrganizationEntity:
        """The organisation of ``org_id`` as it is now (``new`` when it is not known yet), kept to be changed."""
        org = self._orgs.get(org_id)
        if org is None:
            if len(self._orgs) >= ORG_CACHE:
                self.flush()
            org = self._orgs[org_id] = cast(OrganizationEntity, self._tables.entity(org_id)) or new
        return org

    def flush(self) -> None:
        """The organisations held here written to the table (the table then holds every entity)."""
        self._tables.put_entities(self._orgs.values())
        self._orgs.clear()

    def _add_locality(self, unit: Optional[gazetteer.Unit]) -> None:
        """The unit and its parents up to the first one already in the graph, each PART_OF its parent, and each
        SUCCEEDED_BY the 2025 units that took it over."""
        while unit is not None and unit.id not in self._units:
            entity: LocalityEntity = {
                "id": unit.id, "label": "Locality", "name": unit.short, "full_name": unit.name,
                "level": cast(Level, unit.level), "era": unit.era, "parent": unit.parent, "province": unit.province_id,
                "successor": gazetteer.successor(unit.id) if unit.era == "legacy" else None}
            self._units.add(unit.id)
            self._tables.add_entity(entity)
            if unit.parent:
                self.add_link({"source": unit.id, "target": unit.parent, "relation": "PART_OF"})
            for successor in gazetteer.successors(unit.id):
                self.add_link({"source": unit.id, "target": successor, "relation": "SUCCEEDED_BY"})
            unit = gazetteer.unit(unit.parent)

    def _add_issuer(self, doc_id: str, node: DocumentNode, unit: Optional[gazetteer.Unit]) -> None:
        """The organisation that issued the document (one per issuer scope: 'org/vn/hai-phong/tu'), located in the
        document's unit when it is known."""
        org_id = "org/" + doc_id.rsplit("/", 3)[0]
        new: OrganizationEntity = {"id": org_id, "label": "Organization",
                                   "name": node.get("issuer") or node.get("issuer_code"),
                                   "code": node.get("issuer_code"), "level": node.get("level"),
                                   "locality": node.get("locality"), "locality_id": None}
        org = self._organization(org_id, new)           # 'org/…' ids are organisations only
        if not node["stub"] and node.get("issuer"):
            org["name"] = node["issuer"]           # the document's own header names its issuer best
        self.add_link({"source": doc_id, "target": org_id, "relation": "ISSUED_BY"})
        if unit and not org["locality_id"]:
            org["locality_id"] = unit.id
            self.add_link({"source": org_id, "target": unit.id, "relation": "LOCATED_IN"})

    def _add_named(self, entity: Any) -> None:
        """A signer or a recipient, unless it was added lately (the first added stays: adding it again would not
        change the table)."""
        if entity["id"] in self._named:
            return
        if len(self._named) >= NAMED_CACHE:
            self._named.clear()
        self._named.add(entity["id"])
        self._tables.add_entity(entity)

    def add_document(self, node: DocumentNode) -> None:
        """A document's unit (the ``locality_id`` its extraction found: the gazetteer unit itself, never its label
        read back, since 237 commune names repeat within a province), issuer, signer and recipients."""
        doc_id = node["id"]
        unit = gazetteer.unit(node.get("locality_id"))
        if unit:
            self._add_locality(unit)
        if node.get("issuer_code") or node.get("issuer"):
            self._add_issuer(doc_id, node, unit)
        if unit:
            self.add_link({"source": doc_id, "target": unit.id, "relation": "LOCATED_IN"})
        signer = node.get("signer")
        if signer:
            person_id = "person/" + identity.slug(signer)
            self._add_named({"id": person_id, "label": "Person", "name": signer})
            self.add_link({"source": doc_id, "target": person_id, "relation": "SIGNED_BY",
                           "role": node.get("signer_role")})
        for recipient in node.get("recipients") or []:
            recipient_id = "recipient/" + identity.slug(recipient)[:80]
            self._add_named({"id": recipient_id, "label": "Organization", "name": recipient, "code": None,
                             "level": None, "locality": None, "locality_id": None})
            self.add_link({"source": doc_id, "target": recipient_id, "relation": "ADDRESSED_TO"})

    def add_country(self) -> None:
        """Every unit of the country at every level of both lists, since coverage asks which units did *not* act
        (a SUCCEEDED_BY link needs its 2025 unit). After the documents."""
        for era in ("2025", "legacy"):
            for province in gazetteer.provinces(era):
                self._add_locality(province)
                for level in ("district", "commune"):
                    for unit in gazetteer.children(province.id, level):
                        self._add_locality(unit)
        self.flush()
