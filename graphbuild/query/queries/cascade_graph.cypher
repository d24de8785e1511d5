// purpose: The graph of a document's implementation cascade, one row per document that implements it (directly or
//          through others; the document itself included) and per IMPLEMENTS or CONTINUES citation it makes: what
//          `graphbuild serve` draws (views.select_view on these rows; a citation to a document outside the cascade
//          is left out there). Columns: the document's fields, then the citation's (target, relation, mode …).
// param: id — the document's id
// example: graphbuild query cascade_graph --doc 44-KL/TW
MATCH (d:Document)-[:IMPLEMENTS|CONTINUES*0..11]->(:Document {id: $id})
WITH DISTINCT d
OPTIONAL MATCH (d)-[r:IMPLEMENTS|CONTINUES]->(t:Document)
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.issuer AS issuer,
       d.date AS date, d.locality AS locality, d.locality_id AS locality_id, d.province AS province,
       d.level AS level, d.system AS system, d.title AS title, d.stub AS stub, d.kind AS kind,
       d.cited_by_count AS cited_by_count, t.id AS target, r.relation AS relation, r.mode AS mode, r.verb AS verb,
       r.confidence AS confidence, r.lag_days AS lag_days, r.evidence_text AS evidence,
       r.evidence_file AS evidence_file, r.evidence_start AS evidence_start, r.evidence_end AS evidence_end
ORDER BY id, target
