"""Cypher safety against a REAL Neo4j server: parameters stay parameters, reads stay reads.

Runs on the suite's own throw-away server (``server`` fixture, auth on) so the shared
server's data is never touched. The graph is checked with the plain driver (counts and a
hash of every property) before and after each batch of hostile input.
"""

from __future__ import annotations

import json

import pytest

from kg import ontology
from kg.query import QueryError, list_saved_queries, run_saved_query
from kg.store.neo4j_store import Neo4jStore, Neo4jStoreError

from ._helpers import (
    HOSTILE_NAMES,
    INJECTION_PAYLOADS,
    OWN_PASSWORD,
    assert_clean_failure,
    make_triples,
    neo4j_env,
    neo4j_fingerprint,
    run_kg,
    wipe,
)

pytestmark = pytest.mark.neo4j

SAVED = list_saved_queries()
LOOKUP = "MATCH (n:Entity) WHERE n.name = $name RETURN n.name AS name"


@pytest.fixture
def graph(server, driver):
    """The hostile graph loaded into the server; yields (store, fingerprint before)."""
    wipe(driver)
    store = Neo4jStore.connect(uri=server.bolt_uri, user="neo4j", password=OWN_PASSWORD)
    try:
        store.load(make_triples(60))
        yield store, neo4j_fingerprint(driver)
    finally:
        store.close()


def test_saved_query_parameters_resist_injection(graph, driver):
    store, before = graph
    assert any(q.params for q in SAVED), "no saved query with a parameter in cypher/"
    for q in SAVED:
        for param in q.params:
            for payload in INJECTION_PAYLOADS:
                params = {**q.example_params(), param.name: payload}
                try:
                    rows = run_saved_query(store, q.name, params)
                except (QueryError, Neo4jStoreError):
                    continue
                assert rows == [], f"{q.name} with {param.name}={payload!r} answered {rows}"
    assert neo4j_fingerprint(driver) == before


def test_hostile_names_are_found_exactly_and_payloads_find_nothing(graph, driver):
    store, before = graph
    for name in HOSTILE_NAMES:
        assert store.query(LOOKUP, {"name": name}) == [{"name": name}]
    for payload in INJECTION_PAYLOADS:
        assert store.query(LOOKUP, {"name": payload}) == [], payload
    assert neo4j_fingerprint(driver) == before


def test_kg_query_and_kg_cypher_with_payloads(graph, driver, server, tmp_path):
    _, before = graph
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)
    payload = '"}) DETACH DELETE n //'
    for q in SAVED:
        if not q.params:
            continue
        args = [a for p in q.params for a in ("-p", f"{p.name}={payload}")]
        proc = run_kg("query", q.name, *args, "--backend", "neo4j", "--format", "json",
                      env=env, cwd=tmp_path)
        if proc.returncode == 0:
            assert json.loads(proc.stdout) == [], (q.name, proc.stdout)
        else:  # 3: the payload, resolved as a name, is not in the graph
            assert_clean_failure(proc, exit_codes=(1, 3))
    for value in ('x" OR 1=1 //', "\u201c}) DETACH DELETE n //\u201d", "$name",
                  "x\n}) MATCH (n) DETACH DELETE n //", HOSTILE_NAMES[0]):
        proc = run_kg("cypher", LOOKUP, "-p", f"name={value}", "--backend", "neo4j",
                      "--format", "json", "--exact", env=env, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        expected = [{"name": value}] if value in HOSTILE_NAMES else []
        assert json.loads(proc.stdout) == expected
    assert neo4j_fingerprint(driver) == before


# Writes; INSERT is GQL's CREATE (Neo4j 5 accepts it) and no keyword filter knows it, so
# refusing it proves the statement ran in a READ transaction on the server.
WRITES = (
    'CREATE (n:Entity {name: "intruder"})',
    "MATCH (n) DETACH DELETE n",
    'MATCH (n:Entity) SET n.name = "intruder"',
    'INSERT (n:Entity {name: "intruder"})',
    'MATCH (n) WITH count(n) AS c //\nCREATE (:Entity {name: "intruder"})',
)


def test_kg_cypher_is_read_only_unless_write(graph, driver, server, tmp_path):
    store, before = graph
    env = neo4j_env(server.bolt_uri, OWN_PASSWORD)
    for statement in WRITES:
        with pytest.raises(QueryError):
            store.query(statement, {})
        proc = run_kg("cypher", statement, "--backend", "neo4j", env=env, cwd=tmp_path)
        assert_clean_failure(proc, "--write", exit_codes=(1,))
    assert neo4j_fingerprint(driver) == before

    # With --write the same command really writes (so the refusal above is not an accident).
    proc = run_kg("cypher", "CREATE (n:Probe {name: $name}) RETURN n.name AS name", "-p",
                  "name=robustness probe", "--write", "--backend", "neo4j", "--format",
                  "json", env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == [{"name": "robustness probe"}]
    assert neo4j_fingerprint(driver)["nodes"] == before["nodes"] + 1
    proc = run_kg("cypher", "MATCH (n:Probe) DELETE n", "--write", "--backend", "neo4j",
                  env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert neo4j_fingerprint(driver) == before


def test_loader_refuses_identifiers_outside_the_ontology(graph, driver):
    """Relationship types and labels are spliced into Cypher text, so the loader checks
    them against the ontology even when a Triple was altered after construction."""
    store, before = graph
    t = make_triples(1, prefix="smuggled ")[0]
    t.relation = "BACKS]->() DETACH DELETE n //"
    with pytest.raises(ontology.OntologyError):
        store.load([t])
    t = make_triples(1, prefix="smuggled ")[0]
    t.object_type = "STATE) DETACH DELETE n //"
    with pytest.raises(ontology.OntologyError):
        store.load([t])
    assert neo4j_fingerprint(driver) == before
