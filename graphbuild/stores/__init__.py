"""Step 5, stores: the graph in a database. ``base``: what every store is (``Store``, ``StoreError``);
``ladybug``: the embedded LadybugDB store a build fills; ``neo4j``: a Neo4j 5 server through the official driver;
``neo4j_admin``: CSVs for ``neo4j-admin database import``. ``schema`` (labels, types, properties, DDL and Neo4j
constraints), ``rows`` (the graph as rows per table) and ``csv_files`` (the one CSV writer) are shared by all three,
so every route stores the same graph."""
from .base import Store, StoreError
from .ladybug import EmbeddedStore

__all__ = ["EmbeddedStore", "Store", "StoreError"]
