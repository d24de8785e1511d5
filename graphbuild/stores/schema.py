"""The graph schema shared by both stores: node labels with their properties, relationship types.

LadybugDB is schema-first (tables declared with types); Neo4j gets constraints and indexes from the same lists.
"""
from __future__ import annotations

from ..models import RELATIONS

# label -> [(property, ladybug type)]; the first property is the key.
NODES = {
    "Document": [
        ("id", "STRING"), ("symbol", "STRING"), ("type", "STRING"), ("type_name", "STRING"), ("number", "STRING"),
        ("num", "INT64"), ("issuer", "STRING"), ("issuer_code", "STRING"), ("date", "DATE"), ("year", "INT64"),
        ("date_inferred", "BOOLEAN"), ("locality", "STRING"), ("locality_id", "STRING"), ("province", "STRING"),
        ("level", "STRING"), ("system", "STRING"), ("term", "STRING"), ("title", "STRING"), ("signer", "STRING"),
        ("stub", "BOOLEAN"), ("kind", "STRING"), ("file", "STRING"), ("url", "STRING"), ("aliases", "STRING[]"),
        ("cited_by_count", "INT64"), ("unresolved", "STRING"),
    ],
    "Organization": [("id", "STRING"), ("name", "STRING"), ("code", "STRING"), ("level", "STRING"),
                     ("locality", "STRING"), ("locality_id", "STRING")],
    "Locality": [("id", "STRING"), ("name", "STRING"), ("full_name", "STRING"), ("level", "STRING"),
                 ("era", "STRING"), ("parent", "STRING"), ("successor", "STRING")],
    "Person": [("id", "STRING"), ("name", "STRING")],
}

# Document -> Document relations carry their evidence; the relation is also a property, because Neo4j names it
# type(r) and Ladybug label(r).
CITATION_PROPS = [
    ("relation", "STRING"), ("confidence", "DOUBLE"), ("lag_days", "INT64"), ("relations", "STRING[]"),
    ("evidence_text", "STRING"), ("evidence_file", "STRING"), ("evidence_start", "INT64"), ("evidence_end", "INT64"),
    ("asserted_in", "STRING[]"),
]
CITATIONS = RELATIONS

# Other relationships: type -> ([(from label, to label)], properties)
LINKS = {
    "ISSUED_BY": ([("Document", "Organization")], []),
    "LOCATED_IN": ([("Document", "Locality"), ("Organization", "Locality")], []),
    "PART_OF": ([("Locality", "Locality")], []),
    "SIGNED_BY": ([("Document", "Person")], [("role", "STRING")]),
    "ADDRESSED_TO": ([("Document", "Organization")], []),
}


def ddl() -> list:
    """LadybugDB CREATE statements."""
    out = []
    for label, props in NODES.items():
        cols = ", ".join(f"{p} {t}" for p, t in props)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY({props[0][0]}))")
    cols = ", ".join(f"{p} {t}" for p, t in CITATION_PROPS)
    for rel in CITATIONS:
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel}(FROM Document TO Document, {cols})")
    for rel, (pairs, props) in LINKS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        extra = "".join(f", {p} {t}" for p, t in props)
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel}({ends}{extra})")
    return out
