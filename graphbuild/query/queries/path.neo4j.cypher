// purpose: The shortest chain of citations between two documents, in either direction; one row per step.
//          (Neo4j variant of path.cypher: shortestPath() instead of Ladybug's SHORTEST.)
// param: id — the first document's id
// param: to — the second document's id
// example: graphbuild query path --neo4j --doc 1416-CV/QU --param to=43-CT/TW
MATCH (a:Document {id: $id}), (b:Document {id: $to})
MATCH p = shortestPath((a)-[:IMPLEMENTS|CONTINUES|BASED_ON|GUIDES|AMENDS|REPLACES|REPEALS|CORRECTS|REVIEWS|PROMULGATES|CITES|REPORTS*1..12]-(b))
RETURN nodes(p) AS nodes, relationships(p) AS rels
