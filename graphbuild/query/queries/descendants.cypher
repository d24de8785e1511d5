// purpose: The full implementation tree below a document: one row per edge (child implements parent), every
//          child being something that implements the document directly or through others.
// param: id — the document's id
// example: graphbuild query descendants --doc 43-CT/TW
MATCH (d:Document)-[:IMPLEMENTS|CONTINUES*1..12]->(t:Document {id: $id})
WITH DISTINCT d
MATCH (d)-[r:IMPLEMENTS|CONTINUES]->(parent:Document)
WHERE parent.id = $id OR EXISTS { MATCH (parent)-[:IMPLEMENTS|CONTINUES*1..12]->(t2:Document {id: $id}) }
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.issuer AS issuer, d.locality AS locality,
       d.level AS level, d.date AS date, parent.id AS parent_id, parent.symbol AS parent_symbol,
       r.relation AS relation, r.lag_days AS lag_days
ORDER BY date, id, parent_id
