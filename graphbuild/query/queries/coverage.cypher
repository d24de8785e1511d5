// purpose: For a document and an administrative level, which units of the country (or of one province or district)
//          implemented it — a document located in the unit implements it, directly or through others (IMPLEMENTS,
//          CONTINUES) — and which were not seen doing so. Every unit of the level is listed, in the list of `era`.
//          With era=2025 a document of a pre-2025 unit counts for the 2025 unit that took that unit over (a 2023
//          Hải Phòng plan counts for the Hải Phòng of 2025; a commune's, for the communes it went into).
// param: id — the document's id
// param: level: level = district — province | district | commune (no district with era=2025)
// param: within: unit = null — a province or district (name or gazetteer id, e.g. "Hải Phòng" or "L:P:31"); null for the whole country
// param: era: era = legacy — legacy (the list before 1 July 2025) or 2025 (the two-tier list in force after it)
// example: graphbuild query coverage --doc 44-KL/TW --param level=district --param "within=Hải Phòng"
// sorted: documents
MATCH (t:Document {id: $id})
MATCH (u:Locality {level: $level})
WHERE u.era = $era
  AND (size($within) = 0 OR u.id IN $within OR EXISTS { MATCH (u)-[:PART_OF*1..3]->(p:Locality) WHERE p.id IN $within })
// note: one pattern from the unit to the bound document lets Ladybug join the document's implementers (found once)
// with the units; testing `d.id IN implementers` per located document took seconds at 100k (p50 1.6 s -> 27 ms).
// SUCCEEDED_BY*0..1: the unit itself, or a pre-2025 unit it took over (only 2025 units have such predecessors).
OPTIONAL MATCH (u)<-[:SUCCEEDED_BY*0..1]-(:Locality)<-[:LOCATED_IN]-(d:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t)
WITH DISTINCT u, d
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN count(d) > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       collect(d.symbol) AS documents, min(d.date) AS first_date
ORDER BY status, unit, unit_id
