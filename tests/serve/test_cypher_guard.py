import pytest

from graphbuild.serve.cypher_guard import RefusedStatement, check_read_only

READS = [
    "MATCH (d:Document) RETURN d.symbol LIMIT 5",
    "OPTIONAL MATCH (d:Document {id: $id}) RETURN d",
    "UNWIND [1, 2] AS x RETURN x",
    "MATCH (d) RETURN d.set, d.start AS begin",                  # property names that are keywords
    "MATCH (d {symbol: 'CREATE'}) RETURN d",                     # a keyword inside a string
    "MATCH (d) // DELETE nothing\nRETURN d",                     # … or a comment
    "MATCH (d) RETURN 'it''s' AS s;",                           # one trailing semicolon
]
REFUSED = [
    ("", "write a statement"),
    ("CREATE (d:Document {id: 'x'})", "only reading"),
    ("MATCH (d) DETACH DELETE d", "DELETE, DETACH"),
    ("MATCH (d) SET d.title = 'x'", "SET"),
    ("MATCH (d) REMOVE d.title", "REMOVE"),
    ("MATCH (d) MERGE (e:Document {id: 'y'})", "MERGE"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS r RETURN r", "only reading"),
    ("MATCH (d) WITH d LOAD FROM '/etc/passwd' RETURN *", "LOAD"),
    ("MATCH (d) WITH d COPY (MATCH (x) RETURN x) TO '/tmp/x.csv'", "COPY"),
    ("CALL dbms.security.listUsers()", "only reading"),
    ("MATCH (d) CALL { MATCH (e) DELETE e } RETURN d", "CALL"),
    ("MATCH (d) RETURN d; MATCH (e) DELETE e", "one statement"),
    ("MATCH (d) WHERE d.x = 'a RETURN d", "not closed"),
    ("MATCH (d) RETURN d /* open", "not closed"),
    ("MATCH (d) FOREACH (x IN [1] | CREATE (:Document))", "CREATE, FOREACH"),
    ("MATCH (d) RETURN d" + " " * 6000, "longer than"),
]


@pytest.mark.parametrize("statement", READS)
def test_reads_pass(statement):
    check_read_only(statement)


@pytest.mark.parametrize("statement,reason", REFUSED)
def test_writes_and_file_access_are_refused_with_the_reason(statement, reason):
    with pytest.raises(RefusedStatement, match=reason.replace("(", r"\(")):
        check_read_only(statement)
