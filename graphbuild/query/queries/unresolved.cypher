// purpose: Cited documents the build could not pin down (locality unknown, no date, several candidates,
//          cited by name only), with the reason and how often they are cited.
// example: graphbuild query unresolved
MATCH (d:Document)
WHERE d.unresolved IS NOT NULL
RETURN d.id AS id, d.symbol AS symbol, d.title AS title, d.unresolved AS reason, d.cited_by_count AS cited_by
ORDER BY cited_by DESC, id
