// purpose: One document's stored record: what its header says (symbol, type, issuer, date, locality, level, title,
//          signer), where its text came from (file, url) and how often it is cited; a stub is a document only cited.
// param: id — the document's id
// example: graphbuild query document --doc 809-CV/TU
// sorted: aliases
// note: coalesce: Neo4j keeps no empty list (the loader leaves the property out), Ladybug has []
MATCH (d:Document {id: $id})
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.type_name AS type_name, d.number AS number,
       d.issuer AS issuer, d.issuer_code AS issuer_code, d.date AS date, d.year AS year,
       d.date_inferred AS date_inferred, d.locality AS locality, d.locality_id AS locality_id,
       d.province AS province, d.level AS level, d.system AS system, d.term AS term, d.title AS title,
       d.title_source AS title_source, d.signer AS signer, d.stub AS stub, d.kind AS kind, d.file AS file,
       d.url AS url, coalesce(d.aliases, []) AS aliases, d.cited_by_count AS cited_by_count
