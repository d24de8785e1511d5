"""The pages on Neo4j (`graphbuild serve --neo4j`): runs only when NEO4J_URI is set, like
tests/stores/test_neo4j_integration.py, and like it WIPES graphbuild's labels in that database before loading the
seeds' graph: point it at a scratch server."""
import os
import re

import pytest

pytestmark = [pytest.mark.neo4j,
              pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI not set: no Neo4j server to test")]

KL44 = "vn/tw/kl/2022/44"
CV1416 = "vn/hai-phong/kien-an/qu/cv/2023/1416"


@pytest.fixture(scope="module")
def neo_client(built):
    from starlette.testclient import TestClient

    from graphbuild.graph import load_graph
    from graphbuild.serve import Explorer, create_app
    from graphbuild.stores.neo4j import Neo4jStore
    store = Neo4jStore.from_env()
    store.wipe()
    store.load(load_graph(built), batch_size=100)
    explorer = Explorer(store, "neo4j", "Neo4j (test)", None)
    yield TestClient(create_app(explorer))
    explorer.close()


def test_search_and_document(neo_client):
    page = neo_client.get("/search", params={"q": "ket luan 44"}).text
    assert re.findall(r'class="sv-hit-name" href="/doc/([^"]+)"', page)[0] == KL44
    doc = neo_client.get("/doc/1416-CV/QU").text
    assert 'data-direction="out" data-relation="IMPLEMENTS"' in doc


def test_views_and_coverage(neo_client):
    assert "43-CT/TW" in neo_client.get(f"/lineage/{CV1416}").text
    page = neo_client.get(f"/coverage/{KL44}", params={"level": "district", "within": "Hải Phòng"}).text
    assert re.search(r'<tr class="sv-yes" data-unit-id="L:D:307">', page)


def test_cypher_reads_and_refuses_writes(neo_client):
    page = neo_client.get("/cypher", params={"q": "MATCH (d:Document {symbol: $s}) RETURN d.id AS id",
                                             "p.s": "44-KL/TW"})
    assert page.status_code == 200 and KL44 in page.text
    assert neo_client.get("/cypher", params={"q": "MATCH (d:Document) DETACH DELETE d"}).status_code == 400
