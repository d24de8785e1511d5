"""Query parameters are checked against the type their file declares: a value that names nothing is an error that
says what it could be, never "(no rows)"; a digit string is not turned into a number unless the type says so."""
import pytest

from graphbuild.query import ParameterError, QueryError, load_query, run_query
from graphbuild.query.runner import query_dirs


def test_the_headers_declare_types():
    coverage = load_query("coverage")
    assert coverage.types == {"id": "document", "level": "level", "within": "unit", "era": "era"}
    assert load_query("most_cited").types["limit"] == "int"
    assert load_query("by_locality").types["locality"] == "unit"


@pytest.mark.parametrize("params,message", [
    ({"level": "distric"}, "level takes one of province, district, commune, not 'distric'"),
    ({"era": "2024"}, "era takes one of legacy, 2025"),
    ({"level": "district", "era": "2025"}, "the 2025 list has no districts"),
    ({"within": "Hai Phongg"}, "no administrative unit is named 'Hai Phongg'"),
    ({"within": "Phường 1", "level": "commune"}, "'Phường 1' names 33 units"),
    ({"within": "Kiến An", "level": "district"}, "Kiến An is a district: no district lies within it"),
])
def test_values_that_name_nothing_are_errors(store, params, message):
    with pytest.raises(ParameterError, match=message):
        run_query(store, "coverage", doc="44-KL/TW", params=params)


def test_a_place_is_found_without_accents_and_in_the_era_asked(store):
    with_accents = run_query(store, "coverage", doc="44-KL/TW", params={"within": "Hải Phòng"})
    assert run_query(store, "coverage", doc="44-KL/TW", params={"within": "hai phong"}) == with_accents
    assert run_query(store, "coverage", doc="44-KL/TW", params={"within": "L:P:31"}) == with_accents
    assert {r["unit_id"][:4] for r in with_accents} == {"L:D:"}
    new = run_query(store, "coverage", doc="44-KL/TW", params={"within": "Hai Phong", "level": "commune",
                                                               "era": "2025"})
    assert new and {r["unit_id"][:4] for r in new} == {"N:W:"}


def test_digit_strings_stay_strings_unless_the_type_says_int(store):
    assert run_query(store, "coverage", doc="44-KL/TW", params={"level": "province", "era": "2025"})   # no crash
    assert len(run_query(store, "most_cited", params={"limit": "2"})) == 2
    with pytest.raises(ParameterError, match="limit takes a whole number, not 'two'"):
        run_query(store, "most_cited", params={"limit": "two"})


def test_an_unknown_type_in_a_header_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "odd.cypher").write_text("// purpose: x\n// param: n: number = 1 — x\nRETURN $n AS n\n",
                                         encoding="utf-8")
    monkeypatch.setenv("GRAPHBUILD_QUERIES", str(tmp_path))
    assert tmp_path in query_dirs()
    with pytest.raises(QueryError, match="unknown type 'number'"):
        load_query("odd")
