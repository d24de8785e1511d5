"""The graph schema shared by every store: node labels with their properties, relationship types.

LadybugDB is schema-first (``ddl``: tables declared with types); Neo4j gets constraints and indexes from the same
lists (``neo4j_statements``). Labels, types and property names reach Cypher only through ``identifier``.
"""
from __future__ import annotations

import re

from ..models import RELATIONS, Relation

# Property list: [(property, ladybug type)].
Props = list[tuple[str, str]]

# label -> properties; the first property is the key.
NODES: dict[str, Props] = {
    "Document": [
        ("id", "STRING"), ("symbol", "STRING"), ("type", "STRING"), ("type_name", "STRING"), ("number", "STRING"),
        ("num", "INT64"), ("issuer", "STRING"), ("issuer_code", "STRING"), ("date", "DATE"), ("year", "INT64"),
        ("date_inferred", "BOOLEAN"), ("locality", "STRING"), ("locality_id", "STRING"), ("province", "STRING"),
        ("level", "STRING"), ("system", "STRING"), ("term", "STRING"), ("title", "STRING"), ("signer", "STRING"),
        ("stub", "BOOLEAN"), ("kind", "STRING"), ("file", "STRING"), ("url", "STRING"), ("aliases", "STRING[]"),
        ("cited_by_count", "INT64"), ("unresolved", "STRING"), ("title_source", "STRING"),
        # Written at build time for portable queries: the keys a document is found by (text.search_keys), and its
        # date as a day number, since the two engines share no date arithmetic (lag = d.day_number - t.day_number).
        ("search_text", "STRING"), ("search_keys", "STRING[]"), ("day_number", "INT64"),
    ],
    "Organization": [("id", "STRING"), ("name", "STRING"), ("code", "STRING"), ("level", "STRING"),
                     ("locality", "STRING"), ("locality_id", "STRING")],
    "Locality": [("id", "STRING"), ("name", "STRING"), ("full_name", "STRING"), ("level", "STRING"),
                 ("era", "STRING"), ("parent", "STRING"), ("province", "STRING"), ("successor", "STRING")],
    "Person": [("id", "STRING"), ("name", "STRING")],
}

# Document -> Document relations carry their evidence; the relation is also a property, because Neo4j names it
# type(r) and Ladybug label(r).
CITATION_PROPS: Props = [
    ("relation", "STRING"), ("confidence", "DOUBLE"), ("lag_days", "INT64"), ("relations", "STRING[]"),
    ("evidence_text", "STRING"), ("evidence_file", "STRING"), ("evidence_start", "INT64"), ("evidence_end", "INT64"),
    ("asserted_in", "STRING[]"), ("mode", "STRING"), ("verb", "STRING"),
]
CITATIONS: tuple[Relation, ...] = RELATIONS

# Other relationships: type -> ([(from label, to label)], properties)
LINKS: dict[str, tuple[list[tuple[str, str]], Props]] = {
    "ISSUED_BY": ([("Document", "Organization")], []),
    "LOCATED_IN": ([("Document", "Locality"), ("Organization", "Locality")], []),
    "PART_OF": ([("Locality", "Locality")], []),
    # A unit of the list before July 2025 -> the unit of the 2025 list that took it over (province -> province,
    # commune -> each commune it went into); districts were abolished and have none.
    "SUCCEEDED_BY": ([("Locality", "Locality")], []),
    "SIGNED_BY": ([("Document", "Person")], [("role", "STRING")]),
    "ADDRESSED_TO": ([("Document", "Organization")], []),
}

# Neo4j only: a second label by level on every node that has one, so that Neo4j Browser, which styles nodes by
# label (style.grass), can colour them by level; the loader keeps exactly one, the admin import writes it too.
LEVEL_LABELS = {"central": "Central", "province": "Province", "district": "District", "commune": "Commune"}

# Neo4j: range indexes beyond the key constraints, and a fulltext index on what a user searches by.
RANGE_INDEXES = {"Document": ["symbol", "type", "date", "level", "locality_id", "num"],
                 "Locality": ["name", "level"], "Organization": ["name"]}
FULLTEXT_INDEX = "document_text"
# Lucene analyzer that folds diacritics, so "chu thap do" finds "chữ thập đỏ" (đ -> d included).
# Neo4j's built-in analyzers are listed by `CALL db.index.fulltext.listAvailableAnalyzers()`; "standard-folding" is
# described there as "Analyzer that uses ASCIIFoldingFilter to remove accents (diacritics). Otherwise behaves as
# standard english analyzer" (neo4j/neo4j: fulltext-index/…/analyzer/providers/StandardFolding.java; Cypher Manual
# 5, "Full-text indexes": OPTIONS {indexConfig: {`fulltext.analyzer`: …}}). Its English stop words (a, an, in, no,
# the, to …) are removed *before* folding, so "tổ" is kept as "to" in documents, while a query word typed "to" or
# "an" is dropped as a stop word: queries still match, that word just does not count.
FULLTEXT_ANALYZER = "standard-folding"
# What search reads on Neo4j (query.word_index): the folded ``search_text``, split at spaces and nothing else
# (Lucene's WhitespaceAnalyzer: no stop words, no stemming), so that "ket*" is a word start of it as on the embedded
# store. The index above, on the raw fields, drops English stop words ("to", "an"), which are Vietnamese words here.
WORDS_INDEX = "document_words"
WORDS_ANALYZER = "whitespace"

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def identifier(name: str) -> str:
    """``name`` as it may stand in Cypher (a label, type or property of the schema); ValueError otherwise."""
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a schema identifier: {name!r}")
    return name


def relationship_props(rel: str) -> Props:
    """The properties of a relationship type: the citation properties, or the link's own."""
    return CITATION_PROPS if rel in CITATIONS else LINKS[rel][1]


def ddl() -> list[str]:
    """LadybugDB CREATE statements."""
    out = []
    for label, props in NODES.items():
        cols = ", ".join(f"{p} {t}" for p, t in props)
        out.append(f"CREATE NODE TABLE IF NOT EXISTS {label}({cols}, PRIMARY KEY({props[0][0]}))")
    cols = ", ".join(f"{p} {t}" for p, t in CITATION_PROPS)
    for rel in CITATIONS:
        out.append(f"CREATE REL TABLE IF NOT EXISTS {rel}(FROM Document TO Document, {cols})")
    for link, (pairs, props) in LINKS.items():
        ends = ", ".join(f"FROM {a} TO {b}" for a, b in pairs)
        extra = "".join(f", {p} {t}" for p, t in props)
        out.append(f"CREATE REL TABLE IF NOT EXISTS {link}({ends}{extra})")
    return out


def neo4j_constraints() -> list[str]:
    """Neo4j: a uniqueness constraint on the key of every label (each also backs MERGE and the relationships'
    MATCH with a unique index)."""
    out = []
    for label, props in NODES.items():
        key = props[0][0]
        out.append(f"CREATE CONSTRAINT {label.lower()}_{key} IF NOT EXISTS "
                   f"FOR (n:{identifier(label)}) REQUIRE n.{identifier(key)} IS UNIQUE")
    return out


def neo4j_index_names() -> list[str]:
    """The names of ``neo4j_indexes``: what a wipe drops."""
    return [f"{label.lower()}_{p}" for label, names in RANGE_INDEXES.items() for p in names] + [FULLTEXT_INDEX,
                                                                                                 WORDS_INDEX]


def neo4j_indexes() -> list[str]:
    """Neo4j: the range indexes on what the queries filter on, and the fulltext index. A load creates them after
    the data: populating an index once is cheaper than updating it on every write."""
    out = []
    for label, names in RANGE_INDEXES.items():
        for p in names:
            out.append(f"CREATE INDEX {label.lower()}_{p} IF NOT EXISTS FOR (n:{identifier(label)}) "
                       f"ON (n.{identifier(p)})")
    out.append(f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:Document) "
               f"ON EACH [n.title, n.symbol, n.issuer] "
               f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_ANALYZER}'}}}}")
    out.append(f"CREATE FULLTEXT INDEX {WORDS_INDEX} IF NOT EXISTS FOR (n:Document) ON EACH [n.search_text] "
               f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{WORDS_ANALYZER}'}}}}")
    return out


def neo4j_statements() -> list[str]:
    """Neo4j: the constraints first, then the range indexes and the fulltext index (``schema.cypher`` of an admin
    import runs them in this order)."""
    return neo4j_constraints() + neo4j_indexes()


def level_label(label: str, row: dict) -> "str | None":
    """The Neo4j level label of a node row (None: its label has no level, or the row none the table knows)."""
    if not any(p == "level" for p, _ in NODES[label]):
        return None
    return LEVEL_LABELS.get(row.get("level") or "")
