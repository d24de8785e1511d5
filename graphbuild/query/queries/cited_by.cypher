// purpose: What cites a document, one row per edge: the relation, the mode of the citing clause, the verb, the
//          evidence sentence with its file, the confidence, the lag in days, and the citing document (other_…). Its
//          mirror is cites.
// param: id — the document's id
// example: graphbuild query cited_by --doc 44-KL/TW
MATCH (o:Document)-[r]->(d:Document {id: $id})
RETURN 'in' AS direction, r.relation AS relation, r.mode AS mode, r.verb AS verb, r.confidence AS confidence,
       r.lag_days AS lag_days, r.evidence_text AS evidence, r.evidence_file AS evidence_file, o.id AS other_id,
       o.symbol AS other_symbol, o.type_name AS other_type, o.title AS other_title, o.issuer AS other_issuer,
       o.locality AS other_locality, o.date AS other_date, o.stub AS other_stub
ORDER BY relation, mode, other_date, other_id
