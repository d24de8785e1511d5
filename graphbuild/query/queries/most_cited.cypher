// purpose: The documents cited by the most other documents (any relation but a news report).
// param: limit: int = 20 — how many rows
// example: graphbuild query most_cited --param limit=10
MATCH (s:Document)-[r]->(d:Document)
WHERE r.relation <> 'REPORTS'
RETURN d.id AS id, d.symbol AS symbol, d.type AS type, d.issuer AS issuer, d.date AS date,
       count(DISTINCT s) AS cited_by
ORDER BY cited_by DESC, id
LIMIT $limit
