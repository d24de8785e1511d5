// purpose: For a document and an administrative level, which units implemented it (a document located in the
//          unit implements it, directly or through others) and which were not seen doing so.
//          (Neo4j variant of coverage.cypher, the same rows: Neo4j plans the shared query as one variable-length
//          search per document located in a unit, 0.5-2.5 s at 100k documents; this one finds the implementers
//          once, from the document, groups them by their LOCATED_IN unit and joins those few groups to the units.)
// param: id — the document's id
// param: level = district — province | district | commune
// param: within = null — a province (name or gazetteer id, e.g. "Hải Phòng" or "L:P:31"); null for the whole country
// param: era = legacy — legacy (before 1 July 2025) or 2025 (the two-tier list in force after it)
// example: graphbuild query coverage --neo4j --doc 44-KL/TW --param level=district --param "within=Hải Phòng"
// sorted: documents
MATCH (t:Document {id: $id})
OPTIONAL MATCH (t)<-[:IMPLEMENTS|CONTINUES*1..12]-(d:Document)
WITH DISTINCT d
OPTIONAL MATCH (d)-[:LOCATED_IN]->(v:Locality {level: $level})
WITH v, collect(d) AS docs
WITH collect({unit: v, docs: docs}) AS by_unit
MATCH (u:Locality {level: $level})
WHERE u.era = $era
  AND (u.id = $within OR EXISTS { MATCH (u)-[:PART_OF*1..3]->(p:Locality) WHERE p.id = $within OR p.name = $within }
       OR $within IS NULL)
WITH u, [x IN by_unit WHERE x.unit = u | x.docs] AS hits
WITH u, CASE WHEN hits = [] THEN [] ELSE hits[0] END AS docs
// note: per unit, from its list: an UNWIND and a regrouping of every unit cost more than the rest of the query
RETURN u.name AS unit, u.id AS unit_id,
       CASE WHEN size(docs) > 0 THEN 'implemented' ELSE 'not seen' END AS status,
       [d IN docs WHERE d.symbol IS NOT NULL | d.symbol] AS documents,
       reduce(first = null, d IN docs | CASE WHEN first IS NULL OR d.date < first THEN d.date ELSE first END)
         AS first_date
ORDER BY status, unit, unit_id
