"""Read-only means read-only on Neo4j (issue 14), and Neo4j queries have a time budget.

Before: ``kg cypher`` without ``--write`` ran ``TERMINATE TRANSACTIONS``, ``SHOW USERS`` and
``CALL db.clearQueryCaches()``: a READ transaction stops graph writes only. The server
tests run on the suite's own throw-away server (``server`` fixture).
"""

from __future__ import annotations

import time

import pytest

from ._helpers import OWN_PASSWORD, assert_clean_failure, neo4j_env, run_kg

ADMIN_STATEMENTS = (
    "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
    "SHOW USERS",
    "SHOW ROLES",
    "SHOW SETTINGS",
    "SHOW TRANSACTIONS YIELD transactionId RETURN transactionId",
    "CALL db.clearQueryCaches()",
    "CALL `db`.`clearQueryCaches`()",
    "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
    "USE system SHOW DATABASES",
    "MATCH (n) WITH count(n) AS c CALL db.clearQueryCaches() YIELD value RETURN value",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CREATE USER mallory SET PASSWORD 'x1234567'",
    "STOP DATABASE neo4j",
)

READS = (
    "MATCH (n:Entity) RETURN n.name AS name LIMIT 3",
    "CALL db.labels() YIELD label RETURN label",
    "CALL db.schema.visualization()",
    "MATCH (n) CALL (n) { RETURN n.name AS inner } RETURN inner LIMIT 1",
    "MATCH (n) WHERE n.name = 'SHOW USERS' RETURN n.show AS show",  # words in data, not code
    "// TERMINATE TRANSACTIONS\nRETURN 1 AS one",
    "SHOW CONSTRAINTS YIELD type, labelsOrTypes RETURN type, labelsOrTypes",
    "SHOW RANGE INDEXES",
    "SHOW PROCEDURES YIELD name WHERE name STARTS WITH 'apoc' RETURN count(*) AS c",
    "SHOW ALL FUNCTIONS",
)


@pytest.mark.parametrize("statement", ADMIN_STATEMENTS)
def test_administration_is_refused_in_read_mode(statement):
    from kg.query import QueryError
    from kg.read_only import check_read_only

    with pytest.raises(QueryError, match="--write"):
        check_read_only(statement)


@pytest.mark.parametrize("statement", READS)
def test_reads_pass_the_read_only_check(statement):
    from kg.read_only import check_read_only

    check_read_only(statement)


@pytest.mark.neo4j
@pytest.mark.parametrize("statement", ADMIN_STATEMENTS[:4])
def test_kg_cypher_refuses_administration_on_a_real_server(server, statement):
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)
    proc = run_kg("cypher", statement, "--backend", "neo4j", env=env)
    assert_clean_failure(proc, "--write", exit_codes=(1,))


@pytest.mark.neo4j
def test_kg_cypher_still_reads_and_calls_read_procedures(server):
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)
    proc = run_kg("cypher", "CALL db.labels() YIELD label RETURN label", "--backend", "neo4j",
                  "--format", "json", env=env)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.neo4j
def test_a_slow_neo4j_query_stops_at_the_transaction_timeout(server):
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)
    slow = ("UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 99 "
            "RETURN count(x) AS n")
    t = time.monotonic()
    proc = run_kg("cypher", slow, "--backend", "neo4j", "--timeout", "2", env=env, timeout=120)
    elapsed = time.monotonic() - t
    assert_clean_failure(proc, "time budget", exit_codes=(1,))
    assert elapsed < 25, elapsed
