// purpose: Everything a document implements or rests on, up to the roots (IMPLEMENTS, CONTINUES, BASED_ON).
//          One row per ancestor, with its depth (hops from the document) and the documents that lead to it.
// param: id — the document's id (--doc resolves "1416-CV/QU", "Kết luận 44", … to it)
// example: graphbuild query lineage --doc 1416-CV/QU
// sorted: via, relations
MATCH p = (d:Document {id: $id})-[:IMPLEMENTS|CONTINUES|BASED_ON*0..11]->(via:Document)-[r:IMPLEMENTS|CONTINUES|BASED_ON]->(a:Document)
RETURN a.id AS id, a.symbol AS symbol, a.type AS type, a.issuer AS issuer, a.locality AS locality, a.level AS level,
       a.date AS date, min(length(p)) AS depth, collect(DISTINCT via.symbol) AS via,
       collect(DISTINCT r.relation) AS relations
ORDER BY depth, date, id
