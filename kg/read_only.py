"""What "read-only" admits on Neo4j, beyond what a READ transaction already refuses.

A READ transaction stops writes to the graph, but not statements that change or reveal
the server: ``TERMINATE TRANSACTIONS`` (other users' work), ``SHOW USERS``, ``USE
system``, ``CALL db.clearQueryCaches()`` and other procedures in DBMS mode all ran under
``kg cypher`` without ``--write``. In read mode a statement may therefore call only the
procedures in :data:`READ_PROCEDURES` and may not contain administration commands or
``LOAD CSV`` (which makes the server fetch files and URLs). ``--write`` lifts the check.
"""

from __future__ import annotations

import re

from .query import QueryError, _code_only

READ_PROCEDURES = frozenset({
    "db.labels", "db.relationshiptypes", "db.propertykeys", "db.info", "db.ping",
    "db.schema.visualization", "db.schema.nodetypeproperties", "db.schema.reltypeproperties",
    "db.index.fulltext.querynodes", "db.index.fulltext.queryrelationships",
    "db.index.vector.querynodes", "db.index.vector.queryrelationships",
    "dbms.components",
    "apoc.meta.schema", "apoc.meta.stats", "apoc.meta.data", "apoc.meta.nodetypeproperties",
    "apoc.meta.reltypeproperties", "apoc.path.expand", "apoc.path.expandconfig",
    "apoc.path.subgraphnodes", "apoc.path.subgraphall", "apoc.path.spanningtree",
})
"""Lower-cased names of the procedures a read-only statement may CALL."""

_ADMIN = re.compile(
    r"(?<![\w.$])("
    r"SHOW|TERMINATE|GRANT|REVOKE|DENY|ALTER|RENAME|USE|DEALLOCATE|REALLOCATE"
    r"|(?:CREATE|DROP|START|STOP|ENABLE)\s+(?:OR\s+REPLACE\s+)?"
    r"(?:DATABASE|COMPOSITE|ALIAS|USER|ROLE|SERVER)"
    r"|LOAD\s+CSV"
    r")(?!\w)", re.IGNORECASE)
# SHOW commands that list the database schema and the procedures: read-only and useful;
# every other SHOW (USERS, ROLES, PRIVILEGES, TRANSACTIONS, SETTINGS, SERVERS, DATABASES…)
# is administration.
_SCHEMA_SHOW = re.compile(
    r"SHOW\s+(?:(?:ALL|BUILTIN|USER|DEFINED|RANGE|TEXT|POINT|LOOKUP|FULLTEXT|VECTOR|UNIQUE"
    r"|UNIQUENESS|EXISTENCE|EXIST|NODE|RELATIONSHIP|REL|KEY|PROPERTY|TYPE)\s+)*"
    r"(?:CONSTRAINTS?|INDEX(?:ES)?|PROCEDURES?|FUNCTIONS?)(?!\w)", re.IGNORECASE)
_ALIAS_BEFORE = re.compile(r"(?<![\w.$])AS\s+$", re.IGNORECASE)
_CALL = re.compile(r"(?<![\w.$])CALL(?!\w)\s*", re.IGNORECASE)
_PROCEDURE_NAME = re.compile(r"(?:`[^`]*`|[A-Za-z_]\w*)(?:\s*\.\s*(?:`[^`]*`|[A-Za-z_]\w*))*")


def check_read_only(cypher: str) -> None:
    """QueryError unless ``cypher`` only reads the graph (see the module docstring)."""
    code = _code_only(cypher)
    for m in _ADMIN.finditer(code):
        if _ALIAS_BEFORE.search(code, 0, m.start()):
            continue  # ``RETURN x AS show``: a column name, not a command
        if _SCHEMA_SHOW.match(code, m.start()):
            continue  # SHOW CONSTRAINTS / INDEXES / PROCEDURES / FUNCTIONS: the schema
        word = " ".join(m.group(1).split()).upper()
        raise QueryError(f"{word} is an administration command; it is refused in read-only "
                         "mode (pass --write if you mean to change the server)")
    for call in _CALL.finditer(code):
        rest = code[call.end():]
        if rest[:1] in ("{", "("):
            continue  # CALL { … } / CALL (x) { … }: a subquery, read-only by the transaction
        name_match = _PROCEDURE_NAME.match(cypher, call.end())
        name = (re.sub(r"[\s`]", "", name_match.group(0)) if name_match else "").lower()
        if name not in READ_PROCEDURES:
            shown = name or cypher[call.end():call.end() + 30].split("(")[0].strip() or "?"
            raise QueryError(f"procedure {shown} is not on kg's list of read-only procedures; "
                             "pass --write to call it")
