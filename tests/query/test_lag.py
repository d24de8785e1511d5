"""lag: for each locality the first dated document that implements the root (IMPLEMENTS edges only), days after
the root; documents that CONTINUE it are counted apart unless continues=true."""
import pytest

from graphbuild.graph.model import Graph
from graphbuild.query import run_query
from graphbuild.stores import EmbeddedStore
from graphbuild.stores.ladybug import write


def _doc(doc_id, date, locality_id=None, province=None, level="province"):
    return {"id": doc_id, "symbol": doc_id.upper(), "type": "KH", "date": date, "locality_id": locality_id,
            "province": province, "level": level, "stub": False, "kind": "document"}


def _edge(source, target, relation):
    return {"source": source, "target": target, "relation": relation, "confidence": 1.0, "relations": [relation],
            "evidence": [{"file": "f", "text": "t", "start": 0, "end": 1, "relation": relation, "confidence": 1.0}],
            "asserted_in": ["f"], "lag_days": None}


@pytest.fixture(scope="module")
def lag_store(tmp_path_factory):
    """Root t (2020-01-01). Hải Phòng: a plan on day 10 and a later one on day 30 (first counts), and a letter on
    day 40 implementing the plan (same locality: not counted again). Bình Dương: only a document that continues t
    (day 100). Thái Nguyên: a plan on day 50 that reaches t only through the Bình Dương document (CONTINUES)."""
    docs = [_doc("t", "2020-01-01", level="central"),
            _doc("hp1", "2020-01-11", "L:P:31", "Hải Phòng"), _doc("hp2", "2020-01-31", "L:P:31", "Hải Phòng"),
            _doc("hp3", "2020-02-10", "L:P:31", "Hải Phòng"),
            _doc("bd", "2020-04-10", "L:P:74", "Bình Dương"), _doc("tn", "2020-02-20", "L:P:19", "Thái Nguyên")]
    graph = Graph(documents={d["id"]: d for d in docs},
                  edges=[_edge("hp1", "t", "IMPLEMENTS"), _edge("hp2", "t", "IMPLEMENTS"),
                         _edge("hp3", "hp1", "IMPLEMENTS"), _edge("bd", "t", "CONTINUES"),
                         _edge("tn", "bd", "IMPLEMENTS")])
    out = tmp_path_factory.mktemp("lag")
    write(graph, out)
    with EmbeddedStore(out) as store:
        yield store


def rows_by(rows):
    return {(r["counted_as"], r["province"]): (r["localities"], r["min_days"], r["max_days"]) for r in rows}


def test_first_implementing_document_per_locality_implements_only(lag_store):
    rows = rows_by(run_query(lag_store, "lag", doc="t"))
    assert rows[("IMPLEMENTS", "Hải Phòng")] == (1, 10, 10)          # the first of three, once
    assert rows[("CONTINUES", "Bình Dương")] == (1, 100, 100)        # continuing: reported apart
    assert rows[("CONTINUES", "Thái Nguyên")] == (1, 50, 50)         # reaches t only through a CONTINUES edge
    assert ("IMPLEMENTS", "Bình Dương") not in rows


def test_continues_true_counts_continuing_documents_as_implementing(lag_store):
    rows = rows_by(run_query(lag_store, "lag", doc="t", params={"continues": "true"}))
    assert set(rows) == {("IMPLEMENTS", "Hải Phòng"), ("IMPLEMENTS", "Bình Dương"), ("IMPLEMENTS", "Thái Nguyên")}


def test_the_definition_is_in_the_query_header():
    from graphbuild.query import load_query
    purpose = load_query("lag").purpose
    assert "first dated document" in purpose and "IMPLEMENTS edges only" in purpose and "CONTINUES" in purpose
