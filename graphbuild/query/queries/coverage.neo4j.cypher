// purpose: For a document and an administrative level, which units implemented it (a document located in the
//          unit implements it, directly or through others) and which were not seen doing so.
//          (Neo4j variant of coverage.cypher, the same rows: Neo4j plans the shared query as one variable-length
//          search per document located in a unit, 0.5-2.5 s at 100k documents; this one finds the implementers
//          once, from the document, and joins them to the units by their LOCATED_IN unit.)
// param: id — the document's id
// param: level = district — province | district | commune
// param: within = null — a province (name or gazetteer id, e.g. "Hải Phòng" or "L:P:31"); null for the whole country
// param: era = legacy — legacy (before 1 July 2025) or 2025 (the two-tier list in force after it)
// example: graphbuild query coverage --neo4j --doc 44-KL/TW --param level=district --param "within=Hải Phòng"
// sorted: documents
MATCH (t:Document {id: $id})
OPTIONAL MATCH (t)<-[:IMPLEMENTS|CONTINUES*1..12]-(d:Document)
WITH DISTINCT d
OPTIONAL MATCH (d)-[:LOCATED_IN]->(v:Locality)
WITH collect({unit: v.id, doc: d}) AS located
MATCH (u:Locality {level: $level})
WHERE u.era = $era
  AND (u.id = $within OR EXISTS { MATCH (u)-[:PART_OF*1..3]->(p:Locality) WHERE p.id = $within OR p.name = $within }
       OR $within IS NULL)
WITH u, [x IN located WHERE x.unit = u.id | x.doc] AS docs
UNWIND CASE WHEN docs = [] THEN [null] ELSE docs END AS d
WITH DISTINCT u, d
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN count(d) > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       collect(d.symbol) AS documents, min(d.date) AS first_date
ORDER BY status, unit, unit_id
