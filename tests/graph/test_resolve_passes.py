"""The passes of resolve_citations one by one, on a few records each (in work tables held in memory): what each
decides."""
from graphbuild.graph.model import Mention, Statement
from graphbuild.graph.resolve import (
    NodeParts,
    PartyTerms,
    attach_undated,
    enclosing_scope,
    laws_by_name_in_corpus,
    make_edges,
    make_node,
    pair_statements,
    split_date_conflicts,
)
from graphbuild.graph.worktable import MentionTable, WorkTables


def cited(record, file="c.txt"):
    return Mention(record, file, False)


def own(record, file="a.txt"):
    return Mention(record, file, True)


def make_nodes(groups):
    return {doc_id: make_node(doc_id, mentions) for doc_id, mentions in groups.items()}


def edges_of(said, docs):
    """The edges of the (source, target, evidence) triples, grouped by pair through the work tables."""
    tables = WorkTables()
    for source, target, evidence in said:
        tables.add_said(source, target, evidence)
    return list(make_edges(tables.said_by_pair(), docs))


def test_an_undated_citation_is_the_one_dated_document_with_its_key():
    records = {"vn/tw/kl/undated/44": [cited({"symbol": "44-KL/TW"})],
               "vn/tw/kl/2022/44": [cited({"symbol": "44-KL/TW", "date": "2022-11-14"})],
               "vn/tu/ct/undated/1": [cited({"symbol": "01-CT/TU"}, "x.txt")],
               "vn/tu/ct/2020/1": [cited({})], "vn/tu/ct/2021/1": [cited({})]}
    rename, ambiguous = attach_undated(MentionTable.of(records))
    assert rename == {"vn/tw/kl/undated/44": "vn/tw/kl/2022/44"}
    assert ambiguous == [{"id": "vn/tu/ct/undated/1", "symbol": "01-CT/TU", "candidates": ["vn/tu/ct/2020/1",
                          "vn/tu/ct/2021/1"], "cited_in": ["x.txt"],
                          "reason": "cited without a date; several dated documents share the symbol"}]


def test_a_local_citation_without_issuer_is_the_only_such_document_of_an_enclosing_unit():
    records = {"vn/an-giang/an-phu/ubnd/cv/2021/4926": [cited({})],
               "vn/an-giang/ubnd/cv/2021/4926": [own({})],
               "vn/an-giang/an-phu/ubnd/cv/2021/7": [cited({})],                   # nothing above it
               "vn/an-giang/ubnd/cv/2021/8": [cited({})]}                          # province level: left alone
    assert enclosing_scope(MentionTable.of(records), {}) == {
        "vn/an-giang/an-phu/ubnd/cv/2021/4926": "vn/an-giang/ubnd/cv/2021/4926"}
    records["vn/an-giang/ubnd/cv/undated/4926"] = [own({})]                        # two candidates: ambiguous
    assert enclosing_scope(MentionTable.of(records), {}) == {}


def test_a_law_cited_by_name_is_the_law_of_that_title_in_the_corpus_when_the_years_agree():
    records = {"vn/qh/luat/2004/28": [own({"type": "Luật", "symbol": "28/2004/QH11", "title": "ĐIỆN LỰC",
                                           "year": 2004})],
               "vn/qh/luat/undated/dien-luc": [cited({"type": "Luật", "title": "Luật Điện lực"})],
               "vn/qh/luat/2012/dien-luc": [cited({"type": "Luật", "title": "Luật Điện lực", "year": 2012})]}
    assert laws_by_name_in_corpus(MentionTable.of(records), {}) == {"vn/qh/luat/undated/dien-luc": "vn/qh/luat/2004/28"}


def test_one_id_cited_with_two_dates_is_split_and_reported():
    mentions = [cited({"date": "2023-03-10"}, "a.txt"), cited({"date": "2023-03-10"}, "b.txt"),
                cited({"date": "2023-03-11"}, "c.txt"), cited({}, "d.txt")]
    conflicts: list = []
    groups = {doc_id: parts.node(doc_id) for doc_id, parts in split_date_conflicts(
        MentionTable.of({"vn/x": [cited({})], "vn/cp/nd/2023/99": mentions}), {}, conflicts)}
    assert list(groups) == ["vn/cp/nd/2023/99", "vn/cp/nd/2023/99~2023-03-11", "vn/x"]       # sorted by id
    assert groups == make_nodes({"vn/cp/nd/2023/99": [mentions[0], mentions[1], mentions[3]],
                                 "vn/cp/nd/2023/99~2023-03-11": [mentions[2]], "vn/x": [cited({})]})
    assert groups["vn/cp/nd/2023/99"]["mentioned_in"] == ["a.txt", "b.txt", "d.txt"]
    assert conflicts == [{"id": "vn/cp/nd/2023/99", "symbol": None, "dates": ["2023-03-10", "2023-03-11"],
                          "kept": "2023-03-10", "cited_in": ["a.txt", "b.txt", "c.txt", "d.txt"],
                          "reason": "the same document cited with different dates: kept apart"}]


def test_a_party_number_in_one_term_with_two_years_is_reported():
    party = {"system": "party", "term": "XIII", "symbol": "44-KL/TW"}
    groups = {"vn/tw/kl/2021/44": [cited({**party, "date": "2021-05-01"})],
              "vn/tw/kl/2022/44": [cited({**party, "date": "2022-11-14"})],
              "vn/cp/nd/2022/44": [cited({"system": "state"})]}
    terms = PartyTerms(WorkTables())
    for doc_id, mentions in groups.items():
        terms.add(doc_id, NodeParts.of(mentions))
    assert list(terms.conflicts()) == [
        {"id": "vn/tw/kl/2021/44", "symbol": "44-KL/TW", "dates": ["2021-05-01", "2022-11-14"],
         "ids": ["vn/tw/kl/2021/44", "vn/tw/kl/2022/44"],
         "reason": "one Party number in one term with different years: kept apart"}]


def test_a_node_takes_its_own_text_first_then_the_citing_files_in_order():
    groups = {"vn/tw/kl/2022/44": [cited({"symbol": "44-KL/TW", "title": "cited title"}, "b.txt"),
                                   cited({"symbol": "44 -KL/TW", "signer": "X"}, "a.txt"),
                                   own({"symbol": "44-KL/TW", "title": "own title", "date": "2022-11-14"}, "k.txt")],
              "vn/tw/ct/2010/43": [cited({"symbol": "43-CT/TW"})]}
    nodes = make_nodes(groups)
    kl44, ct43 = nodes["vn/tw/kl/2022/44"], nodes["vn/tw/ct/2010/43"]
    assert (kl44["title"], kl44["signer"], kl44["date"], kl44["file"]) == ("own title", "X", "2022-11-14", "k.txt")
    assert not kl44["stub"] and kl44["kind"] == "document" and kl44["aliases"] == ["44 -KL/TW"]
    assert kl44["mentioned_in"] == ["a.txt", "b.txt"]
    assert ct43["stub"] and ct43["kind"] == "stub" and ct43["file"] is None


def test_statements_between_two_documents_make_one_edge_the_strongest_relation_winning():
    docs = make_nodes({"s": [own({"symbol": "S", "date": "2023-02-06"})], "t": [cited({"symbol": "T",
                                                                                      "date": "2022-11-14"})]})

    def said(relation, confidence, file, source="s", target="t"):
        return Statement(source, True, None, target, None, relation, confidence, file, "text", 0, 4)

    pairs = pair_statements([said("CITES", 0.9, "a.txt"), said("IMPLEMENTS", 0.8, "b.txt"),
                             said("CITES", 0.5, "a.txt", target="s"), said("CITES", 0.5, "a.txt", target="nowhere")],
                            docs, {}, [])
    (edge,) = edges_of(pairs, docs)
    assert (edge["source"], edge["target"], edge["relation"], edge["confidence"]) == ("s", "t", "IMPLEMENTS", 0.9)
    assert edge["relations"] == ["IMPLEMENTS", "CITES"] and edge["asserted_in"] == ["a.txt", "b.txt"]
    assert [ev["relation"] for ev in edge["evidence"]] == ["CITES", "IMPLEMENTS"]
    assert edge["lag_days"] == 84 and (edge["source_symbol"], edge["target_symbol"]) == ("S", "T")


def test_a_statement_the_resolved_dates_make_impossible_is_corrected_and_reported():
    """'s' (2023) cannot implement 'later' (2024): the text's own statement becomes a citation; one about two cited
    documents ('t' implementing 'later') is dropped; both are reported with their evidence."""
    docs = make_nodes({"s": [own({"symbol": "S", "date": "2023-02-06"})],
                       "t": [cited({"symbol": "T", "date": "2022-11-14"})],
                       "later": [cited({"symbol": "L", "date": "2024-05-01"})]})
    own_statement = Statement("s", True, None, "later", None, "IMPLEMENTS", 0.9, "a.txt", "text", 0, 4)
    about_others = Statement("t", True, None, "later", None, "AMENDS", 0.85, "a.txt", "text", 5, 9, by_subject=False)
    corrected: list = []
    said = list(pair_statements([own_statement, about_others], docs, {}, corrected))
    assert [(source, target, ev["relation"]) for source, target, ev in said] == [("s", "later", "CITES")]
    assert [(c["source"], c["relation"], c["action"], c["kind"]) for c in corrected] == [
        ("s", "IMPLEMENTS", "cited", "time"), ("t", "AMENDS", "dropped", "time")]
    assert corrected[1]["evidence"] == {"file": "a.txt", "text": "text", "start": 5, "end": 9}
