"""Localities: every unit of the country at each level of both lists is in the graph (coverage lists who did not
act), with SUCCEEDED_BY from the pre-2025 units to the 2025 ones; a document is placed by the unit id its
extraction found, never by its label read back (commune names repeat within a province)."""
from collections import Counter

import pytest

from graphbuild.graph import load_graph, resolve_citations
from graphbuild.query import run_query
from graphbuild.vocab import gazetteer


def test_children_go_below_one_level():
    districts, communes = gazetteer.children("L:P:31", "district"), gazetteer.children("L:P:31", "commune")
    assert len(districts) == 15 and len(communes) > 150
    assert all(gazetteer.unit(c.parent).level == "district" for c in communes)
    assert "L:D:307" in {d.id for d in districts}


def test_every_unit_of_both_lists_is_a_locality_node(built):
    graph = load_graph(built)
    counts = Counter((e["level"], e["era"]) for e in graph.entities.values() if e["label"] == "Locality")
    expected = Counter((u.level, u.era) for u in gazetteer.units().values())
    assert counts == expected
    assert (counts[("province", "legacy")], counts[("province", "2025")], counts[("commune", "2025")]) == (63, 34,
                                                                                                           3321)
    succeeded = {(link["source"], link["target"]) for link in graph.links if link["relation"] == "SUCCEEDED_BY"}
    assert ("L:P:31", "N:P:31") in succeeded and ("L:P:30", "N:P:31") in succeeded     # Hải Dương went into it
    assert not any(source.startswith("L:D:") for source, _ in succeeded)                # districts were abolished


def test_coverage_lists_every_commune_and_maps_old_units_to_new(store):
    communes = run_query(store, "coverage", doc="44-KL/TW", params={"level": "commune", "within": "Hải Phòng"})
    assert len(communes) == len(gazetteer.children("L:P:31", "commune"))
    new = run_query(store, "coverage", doc="44-KL/TW", params={"level": "province", "era": "2025"})
    done = {r["unit_id"]: r["documents"] for r in new if r["status"] == "implemented"}
    assert done == {"N:P:31": ["809-CV/TU"]}        # 809-CV/TU (2023, Hải Phòng before the reform)
    old = run_query(store, "coverage", doc="44-KL/TW", params={"level": "province"})
    assert {r["unit_id"] for r in old if r["status"] == "implemented"} == {"L:P:31"}


def _extraction(file, doc_id, locality, locality_id):
    doc = {"id": doc_id, "symbol": None, "type": "KH", "number": "1", "issuer": "UBND", "issuer_code": None,
           "date": "2023-01-01", "year": 2023, "locality": locality, "locality_id": locality_id, "level": "commune",
           "title": "Kế hoạch", "stub": False, "kind": "document", "file": file}
    return {"file": file, "kind": "document", "subject": doc, "documents": [doc], "edges": [], "warnings": []}


@pytest.mark.parametrize("unit_id", ["L:W:27373", "L:W:26890"])     # Phường 1 of Quận 6, Phường 1 of Gò Vấp
def test_a_document_is_placed_by_its_unit_id_not_its_label(unit_id):
    label = gazetteer.label(unit_id)
    assert label == "Phường 1, Hồ Chí Minh"            # the same label for both: it cannot say which
    graph = resolve_citations([_extraction("a.txt", "vn/x/kh/2023/1", label, unit_id)])
    assert graph.documents["vn/x/kh/2023/1"]["locality_id"] == unit_id
    located = [link["target"] for link in graph.links
               if link["relation"] == "LOCATED_IN" and link["source"] == "vn/x/kh/2023/1"]
    assert located == [unit_id]


def test_extraction_carries_the_unit_id(data_dir):
    from graphbuild.extract import extract_citations
    from graphbuild.ingest import read_sources
    (source,) = read_sources([data_dir / "seeds" / "002_10111d2bd8fff1df.txt"])
    extraction = extract_citations(source)
    assert (extraction.subject.locality, extraction.subject.locality_id) == ("Kiến An, Hải Phòng", "L:D:307")
    cited = {d.symbol: d for d in extraction.documents}
    assert cited["809-CV/TU"].locality_id == "L:P:31"       # the citing district's province, by id
