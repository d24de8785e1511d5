"""GraphML and node-link JSON read back as the graph, from a graph in memory or streamed from its files."""
import json

import networkx as nx
import pytest

from graphbuild.export import EXPORTS, to_networkx
from graphbuild.graph.build import build_graph as build
from graphbuild.graph.files import GraphFiles, load_graph


@pytest.fixture(scope="module")
def built(tmp_path_factory, data_dir):
    out = tmp_path_factory.mktemp("graph")
    build([data_dir / "seeds"], out)
    return out


def test_graphml_and_node_link_files_read_back_as_the_graph(tmp_path, built):
    G = to_networkx(load_graph(built))
    EXPORTS["graphml"](load_graph(built), tmp_path / "graph.graphml")
    EXPORTS["json"](load_graph(built), tmp_path / "graph.json")
    H = nx.read_graphml(tmp_path / "graph.graphml", force_multigraph=True)
    J = nx.node_link_graph(json.loads((tmp_path / "graph.json").read_text(encoding="utf-8")), edges="links")
    for other in (H, J):
        assert (other.number_of_nodes(), other.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())
    assert H.nodes["vn/tw/kl/2022/44"]["symbol"] == J.nodes["vn/tw/kl/2022/44"]["symbol"] == "44-KL/TW"
    assert J.nodes["vn/tw/kl/2022/44"]["cited_by_count"] == 4


@pytest.mark.parametrize("fmt", sorted(EXPORTS))
def test_streamed_from_the_files_or_from_memory_the_bytes_are_the_same(tmp_path, built, fmt):
    EXPORTS[fmt](load_graph(built), tmp_path / "memory")
    EXPORTS[fmt](GraphFiles(built), tmp_path / "files")
    assert (tmp_path / "memory").read_bytes() == (tmp_path / "files").read_bytes()


def test_to_networkx_without_entities_holds_the_documents_only(built):
    graph = load_graph(built)
    G = to_networkx(graph, entities=False)
    assert G.number_of_nodes() == len(graph.documents) and G.number_of_edges() == len(graph.edges)
    assert all(data["label"] == "Document" for _, data in G.nodes(data=True))


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
