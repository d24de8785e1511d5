// purpose: For a document and an administrative level, which units of the country (or of one province or district)
//          implemented it — a document located in the unit implements it, directly or through others (IMPLEMENTS,
//          CONTINUES) — and which were not seen doing so; with era=2025, documents of the pre-2025 units a unit
//          took over count for it. (Neo4j variant of coverage.cypher, the same rows: Neo4j plans the shared query
//          as one variable-length search per document located in a unit, 0.5-2.5 s at 100k documents; this one
//          finds the implementers once, from the document, groups them by their LOCATED_IN unit and looks each
//          unit, and the units it took over, up in those few groups.)
// param: id — the document's id
// param: level: level = district — province | district | commune (no district with era=2025)
// param: within: unit = null — a province or district (name or gazetteer id, e.g. "Hải Phòng" or "L:P:31"); null for the whole country
// param: era: era = legacy — legacy (the list before 1 July 2025) or 2025 (the two-tier list in force after it)
// example: graphbuild query coverage --neo4j --doc 44-KL/TW --param level=district --param "within=Hải Phòng"
// sorted: documents
MATCH (t:Document {id: $id})
OPTIONAL MATCH (t)<-[:IMPLEMENTS|CONTINUES*1..12]-(d:Document)
WITH DISTINCT d
OPTIONAL MATCH (d)-[:LOCATED_IN]->(v:Locality)
WITH v.id AS unit_id, collect(DISTINCT d) AS docs
WITH collect({unit_id: unit_id, docs: docs}) AS by_unit
MATCH (u:Locality {level: $level})
WHERE u.era = $era AND (size($within) = 0 OR u.id IN $within OR u.parent IN $within OR u.province IN $within)
OPTIONAL MATCH (u)<-[:SUCCEEDED_BY]-(old:Locality)
WITH u, by_unit, collect(old.id) AS old_ids
// note: per unit, from the groups: an UNWIND and a regrouping of every unit cost more than the rest of the query
WITH u, [x IN by_unit WHERE x.unit_id = u.id | x.docs] AS own_groups,
     reduce(seen = [], x IN [x IN by_unit WHERE x.unit_id IN old_ids | x.docs] |
            seen + [d IN x WHERE NOT d IN seen]) AS taken_over
WITH u, CASE WHEN own_groups = [] THEN [] ELSE own_groups[0] END AS own, taken_over
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN size(own) + size(taken_over) > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       [d IN own WHERE d.symbol IS NOT NULL | d.symbol] + [d IN taken_over WHERE d.symbol IS NOT NULL | d.symbol]
         AS documents,
       reduce(first = null, d IN own + taken_over |
              CASE WHEN first IS NULL OR d.date < first THEN d.date ELSE first END) AS first_date
ORDER BY status, unit, unit_id
