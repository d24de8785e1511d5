"""Step 5, stores: the graph in a database. ``ladybug``: the embedded LadybugDB store a build fills; ``neo4j``: a
Neo4j 5 server through the official driver; ``neo4j_admin``: CSVs for ``neo4j-admin database import``. ``schema``
and ``rows`` are shared by all three, so every route stores the same graph."""
from .ladybug import EmbeddedStore, StoreError

__all__ = ["EmbeddedStore", "StoreError"]
