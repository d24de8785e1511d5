"""The web app's Cypher box only reads. The store is opened read-only (Ladybug) or run with READ routing (Neo4j),
and before that a statement is refused when, outside its string literals and comments, it is not a plain read:
it must start with MATCH, OPTIONAL MATCH, WITH, UNWIND or RETURN, hold one statement, and name none of the clauses
that write, load or reach outside the graph (CREATE, MERGE, DELETE, SET, REMOVE, DROP, ALTER, COPY, LOAD, IMPORT,
EXPORT, INSTALL, ATTACH, CALL, USE, FOREACH …). Ladybug's read-only mode would still run ``COPY (…) TO 'file'`` or
``LOAD FROM 'file'``, which read or write files on the server's disk: those are refused here.
"""
from __future__ import annotations

import re

STARTS = ("MATCH", "OPTIONAL", "WITH", "UNWIND", "RETURN")
# Clauses that may stand inside a statement that starts as a read (administration commands such as SHOW, GRANT,
# CHECKPOINT or BEGIN only start one, which STARTS already refuses).
REFUSED = ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "ALTER", "COPY", "LOAD", "IMPORT",
           "EXPORT", "INSTALL", "ATTACH", "CALL", "USE", "FOREACH")
MAX_LENGTH = 5000

# String literals (single, double quoted, with escapes), quoted names and comments: what the check looks past.
_NOT_CODE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.S)


class RefusedStatement(ValueError):
    """A statement the Cypher box does not run; the message says why."""


def code_of(statement: str) -> str:
    """The statement with its literals, quoted names and comments blanked out."""
    return _NOT_CODE.sub(lambda m: " " if m.group(0).startswith(("/", "`")) else "''", statement)


def check_read_only(statement: str) -> None:
    """Raise ``RefusedStatement`` unless ``statement`` is one plain read (see the module docstring)."""
    if not statement.strip():
        raise RefusedStatement("write a statement, e.g. MATCH (d:Document) RETURN d.symbol LIMIT 10")
    if len(statement) > MAX_LENGTH:
        raise RefusedStatement(f"the statement is longer than {MAX_LENGTH} characters")
    code = code_of(statement).upper()
    if re.search(r"['\"`]|/\*", code.replace("''", "")):
        raise RefusedStatement("a string, quoted name or comment is not closed")
    if ";" in code.strip().rstrip(";"):
        raise RefusedStatement("one statement at a time")
    words = re.findall(r"(?<![.$\w])[A-Z_][A-Z0-9_]*", code)     # keywords, not properties (d.set) or $params
    if not words or words[0] not in STARTS:
        raise RefusedStatement(f"only reading statements run here: start with {', '.join(STARTS[:1] + STARTS[2:])} "
                               f"or OPTIONAL MATCH")
    refused = sorted({w for w in words if w in REFUSED})
    if refused:
        raise RefusedStatement(f"the Cypher box only reads the graph: {', '.join(refused)} is not allowed here")
