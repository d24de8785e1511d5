"""The allowed values of kind, level, system and relation are listed once, and the code that uses them agrees."""
from graphbuild import models
from graphbuild.stores import schema


def test_relations_are_the_stores_citation_types_and_are_ranked_once():
    assert schema.CITATIONS == models.RELATIONS
    assert sorted(models.PRIORITY) == sorted(models.RELATIONS) and len(set(models.PRIORITY)) == len(models.PRIORITY)
    assert set(models.IMPLEMENTS_FAMILY) <= set(models.RELATIONS)


def test_allowed_values():
    assert models.LEVELS == ("central", "province", "district", "commune")        # from the top down
    assert models.SYSTEMS == ("party", "state")
    assert set(models.EXTRACTION_KINDS) | {"stub"} == set(models.KINDS)


def test_an_extraction_as_a_dict_is_the_extract_contract():
    doc = models.Document(id="vn/tw/kl/2022/44", symbol="44-KL/TW", stub=False, level="central", system="party")
    edge = models.Edge("a", "vn/tw/kl/2022/44", None, "44-KL/TW", "IMPLEMENTS", 0.9, models.Evidence("f", "t", 0, 1))
    out = models.Extraction("f", "document", doc, [doc], [edge], ["w"]).to_dict()
    assert set(out) == {"file", "kind", "subject", "documents", "edges", "warnings", "mentions"}
    assert {"id", "symbol", "type", "number", "issuer", "issuer_code", "date", "year", "locality", "title", "signer",
            "stub"} <= set(out["subject"])
    assert out["edges"][0]["evidence"] == {"file": "f", "text": "t", "start": 0, "end": 1}
    assert models.Extraction("f", "news", None, article={"id": "news/x"}).to_dict()["article"] == {"id": "news/x"}


def test_a_mention_as_a_dict_shows_its_strongest_role_and_all_of_them():
    role = models.MentionRole("IMPLEMENTS", "a", "vn/tw/kl/2022/44", mode="enacted", verb="thực hiện", edge=True)
    mention = models.MentionSpan("symbol", "Kết luận số 44-KL/TW", 10, 30, "vn/tw/kl/2022/44", "44-KL/TW", "KL",
                                 roles=[role, models.MentionRole("CITES", "a", "vn/tw/kl/2022/44")])
    out = mention.to_dict()
    assert (out["relation"], out["source"], out["target"], out["mode"], out["verb"]) == \
        ("IMPLEMENTS", "a", "vn/tw/kl/2022/44", "enacted", "thực hiện")
    assert [r["relation"] for r in out["roles"]] == ["IMPLEMENTS", "CITES"] and out["roles"][0]["edge"] is True
    assert models.MentionSpan("self", "Kế hoạch này", 0, 12).to_dict()["relation"] is None
    assert set(models.MENTION_KINDS) == {"symbol", "law_name", "short_form", "self", "date", "issuer"}
