// purpose: The shortest chain of citations between two documents, in either direction; one row per step.
// param: id — the first document's id
// param: to — the second document's id (--param to=REF takes an id or a symbol)
// example: graphbuild query path --doc 1416-CV/QU --param to=43-CT/TW
MATCH p = (a:Document {id: $id})-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|REVIEWS|PROMULGATES|CITES|REPORTS* SHORTEST 1..12]-(b:Document {id: $to})
RETURN nodes(p) AS nodes, rels(p) AS rels
