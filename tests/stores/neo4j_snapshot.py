"""What a Neo4j database holds of graphbuild's graph, in a form two databases can be compared by."""
from graphbuild.stores.neo4j import LABELS

SNAPSHOT_NODES = ("MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
                  "RETURN labels(n) AS labels, properties(n) AS props")
SNAPSHOT_RELATIONSHIPS = ("MATCH (a)-[r]->(b) WHERE any(l IN labels(a) WHERE l IN $labels) "
                          "RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props")


def snapshot(store):
    """Every node and relationship of graphbuild's labels with all their properties (their types included: a date
    and its ISO text differ), in a canonical order."""
    nodes = store.run(SNAPSHOT_NODES, {"labels": LABELS})
    rels = store.run(SNAPSHOT_RELATIONSHIPS, {"labels": LABELS})
    return (sorted(repr((sorted(r["labels"]), sorted(r["props"].items()))) for r in nodes),
            sorted(repr((r["type"], r["source"], r["target"], sorted(r["props"].items()))) for r in rels))
