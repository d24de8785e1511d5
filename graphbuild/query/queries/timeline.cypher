// purpose: A document and everything that implements it, in date order.
// param: id — the root document's id
// example: graphbuild query timeline --doc 44-KL/TW
MATCH (d:Document)
WHERE d.id = $id OR EXISTS { MATCH (d)-[:IMPLEMENTS|CONTINUES*1..12]->(t:Document {id: $id}) }
RETURN d.date AS date, d.id AS id, d.symbol AS symbol, d.type AS type, d.issuer AS issuer,
       d.locality AS locality, d.level AS level
ORDER BY date, id
