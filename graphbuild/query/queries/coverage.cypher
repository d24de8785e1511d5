// purpose: For a document and an administrative level, which units implemented it (a document located in the
//          unit implements it, directly or through others) and which were not seen doing so.
// param: id — the document's id
// param: level = district — province | district | commune
// param: within = null — a province (name or gazetteer id, e.g. "Hải Phòng" or "L:P:31"); null for the whole country
// param: era = legacy — legacy (before 1 July 2025) or 2025 (the two-tier list in force after it)
// example: graphbuild query coverage --doc 44-KL/TW --param level=district --param "within=Hải Phòng"
// sorted: documents
MATCH (t:Document {id: $id})
MATCH (u:Locality {level: $level})
WHERE u.era = $era
  AND (u.id = $within OR EXISTS { MATCH (u)-[:PART_OF*1..3]->(p:Locality) WHERE p.id = $within OR p.name = $within }
       OR $within IS NULL)
// note: one pattern from the unit to the bound document lets Ladybug join the document's implementers (found once)
// with the units; testing `d.id IN implementers` per located document took seconds at 100k (p50 1.6 s -> 27 ms)
OPTIONAL MATCH (u)<-[:LOCATED_IN]-(d:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t)
WITH DISTINCT u, d
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN count(d) > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       collect(d.symbol) AS documents, min(d.date) AS first_date
ORDER BY status, unit, unit_id
