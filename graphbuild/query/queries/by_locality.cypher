// purpose: What one locality issued, and what each of those documents implements or rests on.
// param: locality: unit — a unit's name ("Kiến An", "Hải Phòng": the unit of that name in both lists) or gazetteer id ("L:D:307")
// example: graphbuild query by_locality --param "locality=Hải Phòng"
// sorted: implements
MATCH (d:Document)-[:LOCATED_IN]->(u:Locality)
WHERE u.id IN $locality
OPTIONAL MATCH (d)-[r:IMPLEMENTS|CONTINUES|BASED_ON]->(t:Document)
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.issuer AS issuer, d.date AS date, d.stub AS stub,
       u.name AS unit, collect(t.symbol) AS implements
ORDER BY date, id
