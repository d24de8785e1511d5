// purpose: Who implemented a document, directly or through others (IMPLEMENTS, CONTINUES): issuer, locality,
//          level, date, depth, the document it implemented on the way (parent) and the lag in days from it.
// param: id — the document's id
// example: graphbuild query implementers --doc 44-KL/TW
// sorted: parents
MATCH p = (d:Document)-[r:IMPLEMENTS|CONTINUES]->(parent:Document)-[:IMPLEMENTS|CONTINUES*0..11]->(t:Document {id: $id})
// note: t.id, not $id: a parameter in this WHERE makes Ladybug scan every document (100k: 44 -> 2 ms)
WHERE d.id <> t.id
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.issuer AS issuer, d.locality AS locality,
       d.level AS level, d.date AS date, min(length(p)) AS depth, collect(DISTINCT parent.symbol) AS parents,
       min(r.lag_days) AS lag_days
ORDER BY depth, date, id
