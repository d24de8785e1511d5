"""Exports that open in other tools: read back with networkx (GraphML, GEXF, node-link JSON) and pyarrow (Parquet),
the same counts as the graph; from a graph in memory or streamed from its files, the same bytes."""
import json
from collections import Counter
from xml.etree import ElementTree

import networkx as nx
import pyarrow.parquet as pq
import pytest

from graphbuild.export import EXPORTS, to_networkx
from graphbuild.graph.build import build_graph as build
from graphbuild.graph.files import GraphFiles, load_graph
from graphbuild.stores import EmbeddedStore, schema

KL44 = "vn/tw/kl/2022/44"


@pytest.fixture(scope="module")
def built(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("graph")
    build([data_dir / "seeds"], out)
    return out


@pytest.fixture(scope="module")
def graph(built):
    return load_graph(built)


def counts(graph):
    return len(graph.documents) + len(graph.entities), len(graph.edges) + len(graph.links)


def test_graphml_has_unique_edge_ids_symbol_labels_and_typed_attributes(tmp_path, graph):
    EXPORTS["graphml"](graph, tmp_path / "g.graphml")
    G = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert (G.number_of_nodes(), G.number_of_edges()) == counts(graph)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ElementTree.parse(tmp_path / "g.graphml").getroot()
    ids = [e.get("id") for e in root.iter("{http://graphml.graphdrawing.org/xmlns}edge")]
    assert len(ids) == len(set(ids)) == counts(graph)[1]           # Gephi keeps every edge
    assert G.nodes[KL44]["label"] == "44-KL/TW" and G.nodes[KL44]["node_type"] == "Document"
    kinds = {k.get("attr.name"): k.get("attr.type") for k in root.findall("g:key[@for='node']", ns)}
    assert (kinds["cited_by_count"], kinds["stub"], kinds["year"], kinds["symbol"]) == ("long", "boolean", "long",
                                                                                       "string")
    assert G.nodes[KL44]["cited_by_count"] == 4 and G.nodes[KL44]["stub"] is True
    assert Counter(d["relation"] for *_, d in G.edges(data=True))["IMPLEMENTS"] == \
        sum(e["relation"] == "IMPLEMENTS" for e in graph.edges)


def test_gexf_reads_back_with_the_same_counts_and_labels(tmp_path, graph):
    EXPORTS["gexf"](graph, tmp_path / "g.gexf")
    G = nx.read_gexf(tmp_path / "g.gexf")
    assert (G.number_of_nodes(), G.number_of_edges()) == counts(graph)
    assert G.nodes[KL44]["label"] == "44-KL/TW" and G.nodes[KL44]["cited_by_count"] == 4
    assert G.nodes[KL44]["stub"] is True
    assert {d["label"] for *_, d in G.edges(data=True)} >= {"IMPLEMENTS", "LOCATED_IN", "PART_OF"}


def test_node_link_json_reads_back_without_arguments(tmp_path, graph):
    EXPORTS["json"](graph, tmp_path / "g.json")
    J = nx.node_link_graph(json.loads((tmp_path / "g.json").read_text(encoding="utf-8")))
    assert (J.number_of_nodes(), J.number_of_edges()) == counts(graph)
    assert J.nodes[KL44]["symbol"] == "44-KL/TW" and J.nodes[KL44]["cited_by_count"] == 4


def test_parquet_one_typed_table_per_label_and_type(tmp_path, graph, built):
    written = EXPORTS["parquet"](graph, tmp_path / "tables")
    nodes = {p.stem: pq.read_table(p) for p in (tmp_path / "tables" / "nodes").glob("*.parquet")}
    rels = {p.stem: pq.read_table(p) for p in (tmp_path / "tables" / "relationships").glob("*.parquet")}
    assert set(nodes) == set(schema.NODES) and set(rels) == set(schema.CITATIONS) | set(schema.LINKS)
    assert nodes["Document"].num_rows == len(graph.documents)
    assert sum(t.num_rows for t in nodes.values()) == counts(graph)[0]
    assert sum(rels[r].num_rows for r in schema.CITATIONS) == len(graph.edges)
    types = dict(zip(nodes["Document"].schema.names, map(str, nodes["Document"].schema.types)))
    assert (types["date"], types["year"], types["stub"], types["aliases"]) == ("date32[day]", "int64", "bool",
                                                                               "list<element: string>")
    located = rels["LOCATED_IN"].to_pylist()
    assert {(r["source_label"], r["target_label"]) for r in located} <= {("Document", "Locality"),
                                                                        ("Organization", "Locality")}
    assert written["Document"] == len(graph.documents)
    with EmbeddedStore(built) as store:                  # the tables are the store's tables
        for rel in ("IMPLEMENTS", "LOCATED_IN", "PART_OF", "SUCCEEDED_BY"):
            n = store.run(f"MATCH ()-[r:{rel}]->() RETURN count(r) AS n")[0]["n"]
            assert rels[rel].num_rows == n, rel


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_streamed_from_the_files_or_from_memory_the_bytes_are_the_same(tmp_path, built, fmt):
    EXPORTS[fmt](load_graph(built), tmp_path / "memory")
    EXPORTS[fmt](GraphFiles(built), tmp_path / "files")
    assert (tmp_path / "memory").read_bytes() == (tmp_path / "files").read_bytes()


def test_to_networkx_without_entities_holds_the_documents_only(built):
    graph = load_graph(built)
    G = to_networkx(graph, entities=False)
    assert G.number_of_nodes() == len(graph.documents) and G.number_of_edges() == len(graph.edges)
    assert all(data["node_type"] == "Document" for _, data in G.nodes(data=True))


def test_neo4j_browser_files_style_levels_and_carry_every_query(tmp_path):
    import re
    import zipfile

    from graphbuild.export.neo4j_browser import write_browser_files
    from graphbuild.query import list_queries, load_query
    from graphbuild.stores.schema import LEVEL_LABELS, NODES
    from graphbuild.views.style import LEVEL_COLORS
    written = write_browser_files(tmp_path)
    grass = (tmp_path / "style.grass").read_text(encoding="utf-8")
    rules = dict(re.findall(r"node\.(\w+) \{\n(.*?)\n\}", grass, re.S))
    for level, label in LEVEL_LABELS.items():                  # colours by level, as the HTML views
        assert f"color: {LEVEL_COLORS[level]};" in rules[label]
    assert 'caption: "{symbol}"' in rules["Document"] and set(NODES) <= set(rules)
    assert grass.index("node.Document") < grass.index("node.Central")      # the level's colour wins
    names = list_queries()
    for name in names:
        text = (tmp_path / "queries" / f"{name}.cypher").read_text(encoding="utf-8")
        assert text.startswith(f"// graphbuild: {name}\n")
        assert text.rstrip().endswith(load_query(name, engine="neo4j").cypher.strip())
        for param in load_query(name, engine="neo4j").params:
            assert f":param {param} =>" in text
    assert "shortestPath" in (tmp_path / "queries" / "path.cypher").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "graphbuild-queries.zip") as zf:
        assert sorted(zf.namelist()) == sorted(f"{n}.cypher" for n in names)
    assert len(written) == len(names) + 2
