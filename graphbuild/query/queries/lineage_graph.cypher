// purpose: The graph of a document's lineage, one row per document of it (the document itself included) and
//          per citation it makes (IMPLEMENTS, CONTINUES, BASED_ON) to another document of it: what `graphbuild
//          serve` draws (views.select_view on these rows). A document with no such citation has one row with no
//          target. Columns: the document's fields, then the citation's (target, relation, mode, evidence …).
// param: id — the document's id
// example: graphbuild query lineage_graph --doc 1416-CV/QU
MATCH (:Document {id: $id})-[:IMPLEMENTS|CONTINUES|BASED_ON*0..11]->(d:Document)
WITH DISTINCT d
OPTIONAL MATCH (d)-[r:IMPLEMENTS|CONTINUES|BASED_ON]->(t:Document)
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.issuer AS issuer,
       d.date AS date, d.locality AS locality, d.locality_id AS locality_id, d.province AS province,
       d.level AS level, d.system AS system, d.title AS title, d.stub AS stub, d.kind AS kind,
       d.cited_by_count AS cited_by_count, t.id AS target, r.relation AS relation, r.mode AS mode, r.verb AS verb,
       r.confidence AS confidence, r.lag_days AS lag_days, r.evidence_text AS evidence,
       r.evidence_file AS evidence_file, r.evidence_start AS evidence_start, r.evidence_end AS evidence_end
ORDER BY id, target
