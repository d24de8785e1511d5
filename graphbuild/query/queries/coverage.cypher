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
// note: `within` by the unit's own properties (parent, province), not a PART_OF path: an EXISTS subquery is run for
// every unit even when `within` is empty (whole country, communes: 240 -> 180 ms)
WHERE u.era = $era AND (size($within) = 0 OR u.id IN $within OR u.parent IN $within OR u.province IN $within)
// note: one pattern from the unit to the bound document lets Ladybug join the document's implementers (found once)
// with the units; testing `d.id IN implementers` per located document took seconds at 100k (p50 1.6 s -> 27 ms).
OPTIONAL MATCH (u)<-[:LOCATED_IN]-(d:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t)
WITH DISTINCT u, t, d
WITH u, t, collect(d.symbol) AS own, min(d.date) AS own_first, count(d) AS own_count
// The pre-2025 units a 2025 unit took over (none for a pre-2025 unit), then their documents: two steps, since one
// pattern through SUCCEEDED_BY (or SUCCEEDED_BY*0..1 in the first) made it 2 to 6 times slower at 10k documents
// (whole country, districts: 30 ms against 75 ms, communes 190 against 1,100 ms).
OPTIONAL MATCH (u)<-[:SUCCEEDED_BY]-(old:Locality)
WITH u, t, own, own_first, own_count, old
OPTIONAL MATCH (old)<-[:LOCATED_IN]-(e:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t)
WITH DISTINCT u, own, own_first, own_count, e
WITH u, own, own_first, own_count, collect(e.symbol) AS taken_over, min(e.date) AS taken_over_first,
     count(e) AS taken_over_count
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN own_count + taken_over_count > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       own + taken_over AS documents,
       CASE WHEN taken_over_first IS NULL OR own_first < taken_over_first THEN own_first ELSE taken_over_first END
         AS first_date
ORDER BY status, unit, unit_id
