"""The vocabulary tables agree with the code: what the code names exists in the tables, and the reverse."""
import re
import subprocess
import sys

import pytest

from graphbuild import vocab
from graphbuild.models import RELATIONS
from graphbuild.vocab import gazetteer, loader, patterns

# Type codes the code names (extract/mentions.py, extract/documents.py, extract/extractor.py, text/segment.py).
TYPE_CODES_IN_CODE = {"CV", "VBHN", "BC", "QĐ", "QĐi", "Luật", "Bộ luật"}
# Issuer codes the code names (a law cited by name is the Quốc hội's).
ISSUER_CODES_IN_CODE = {"QH"}
# How a relation is read (extract/relations.py Role.how): each has a confidence weight.
ROLE_HOWS = {"trigger", "chain", "list", "plain"}
# Groups the code uses as literal text (substring tests, set lookups), not as patterns.
LITERAL_GROUPS = ("consolidation_block", "consolidation_word", "addressee_heading", "copies_heading",
                  "adjacent_filler")


@pytest.mark.parametrize("table", vocab.TABLES, ids=lambda t: t.file)
def test_every_table_reads_cleanly(table):
    rows = loader.read(table)
    assert rows and loader.read(table) is rows            # read once, then from the cache


def test_relation_phrases_name_known_relations():
    assert {t.relation for t in vocab.triggers()} <= set(RELATIONS)


def test_relation_phrases_are_distinct_once_folded():
    keys = [vocab.fold(t.phrase.replace(",", " ")) for t in vocab.triggers()]
    assert len(keys) == len(set(keys))


def test_adjacent_phrases_act_on_the_document_after_them():
    assert all(t.direction == "active" for t in vocab.triggers() if t.adjacent)


def test_labels_cover_every_relation_and_level():
    labels = vocab.labels()
    assert set(labels["relation"]) == set(RELATIONS)
    assert set(labels["level"]) == set(gazetteer.LEVEL_RANK) | {"unknown"}


def test_type_codes_the_code_names_exist():
    assert TYPE_CODES_IN_CODE <= {t.code for t in vocab.doc_types()}
    assert ISSUER_CODES_IN_CODE <= set(vocab.issuers())


def test_codes_are_canonical():
    assert all(patterns.canonical_code(t.code) == t.code for t in vocab.doc_types())
    assert all(patterns.canonical_code(code) == code for code in vocab.issuers())
    assert all(patterns.canonical_symbol(law.symbol) == law.symbol for law in vocab.laws())


def test_levels_are_known_levels():
    known = set(gazetteer.LEVEL_RANK)
    assert gazetteer.LEVEL_RANK == {"central": 0, "province": 1, "district": 2, "commune": 3}
    assert {i.level for i in vocab.issuers().values()} <= known | {"local"}
    assert set(vocab.UNIT_LEVELS) <= known
    assert {w.level for w in vocab.place_words() if w.level} <= set(vocab.UNIT_LEVELS)


def test_ranks():
    """Ranks are integers, only on state documents and bodies, the same for a code listed twice, and every central
    state body has one (the rank of a ministry's circular)."""
    for t in vocab.doc_types():
        assert t.rank is None or (isinstance(t.rank, int) and t.rank >= 0 and t.system != "party"), t
    by_code: dict = {}
    for t in vocab.doc_types():
        if t.rank is not None:
            assert by_code.setdefault(t.code, t.rank) == t.rank
    for i in loader.read(vocab.ISSUERS):
        assert i.rank is None or (isinstance(i.rank, int) and i.system == "state"), i
        if i.system == "state" and i.level == "central":
            assert i.rank is not None, i
    assert vocab.type_ranks()["Hiến pháp"] < vocab.type_ranks()["Luật"] < vocab.type_ranks()["NĐ"]
    assert vocab.issuers()["QH"].rank < vocab.issuers()["CP"].rank < vocab.issuers()["UBND"].rank


def test_party_terms_increase():
    terms = vocab.terms()
    starts = [t.start for t in terms]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert len({t.term for t in terms}) == len(terms)
    assert all(re.fullmatch(r"[IVXL]+", t.term) for t in terms)


def test_every_phrase_group_has_phrases():
    for group in vocab.PHRASE_GROUPS:
        assert vocab.phrases(group), group
    with pytest.raises(KeyError):
        vocab.phrases("no such group")


def test_literal_groups_hold_no_pattern_syntax():
    for group in LITERAL_GROUPS:
        for phrase in vocab.phrases(group):
            assert not set(phrase) & set(".^$*+?{}[]\\|()"), (group, phrase)


def test_confidence_weights():
    weights = vocab.confidence()
    assert ROLE_HOWS | {"law_by_name"} == set(weights)
    assert all(0 < w <= 1 for w in weights.values())


def test_signer_roles_have_both_parts():
    assert vocab.signer_roles("delegation") and vocab.signer_roles("title")


def test_every_section_opener_has_a_use():
    assert all(o.title or o.issuer or o.line for o in vocab.section_openers())


def test_law_name_stops_have_a_use():
    assert all(w.by_name or w.numbered for w in vocab.law_name_stops())


def test_the_assembled_patterns_compile():
    """The patterns built from the tables (at import) compile as a whole, not only row by row."""
    from graphbuild.extract import extractor, lines, mentions, relations, triggers
    from graphbuild.text import segment
    compiled = [segment.MOTTO, segment.ROLE, segment.NOT_A_TITLE, segment.SUBJECT_LINE, segment.ADOPTED,
                segment.CONSOLIDATION_BLOCK, segment.CONSOLIDATION_HEADER, segment.RECIPIENT_HEAD,
                segment.INCOMING_STAMP, segment.SYMBOL_LINE, segment.PERSON, relations._type_start_re(),
                mentions._issuer_re(), mentions._FORM_NUMBER, mentions._NOT_IN_NAME,
                patterns.LAW_NAME_STOP, relations.LINKER, relations.LIST_GAP, relations.COORDINATED,
                triggers.trigger_re(), triggers.post_re(), lines.HARD_NEXT, extractor.NEWS_SUBJECT,
                extractor.NEWS_ISSUER, gazetteer.UNIT_TYPE, gazetteer.CITED_UNIT_TYPE, gazetteer._ISSUER_PLACE,
                vocab.web_chrome()]
    assert all(isinstance(p, re.Pattern) for p in compiled)


def test_the_vocabulary_imports_nothing_heavy():
    code = ("import sys, graphbuild.vocab.gazetteer as g, graphbuild.vocab.patterns; g.units(); "
            "print(sorted(m for m in ('vietnamadminunits', 'geopy', 'asyncio', 'networkx', 'pypdf', 'docx', "
            "'ladybug', 'neo4j') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_gazetteer_reads_the_package_data():
    from pathlib import Path

    import vietnamadminunits
    assert gazetteer._data_dir() == Path(vietnamadminunits.__file__).parent / "data"
