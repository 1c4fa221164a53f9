"""Cypher safety on the embedded backend: values never become query text, writes never run.

grand-cypher has no parameters, so ``$name`` is replaced by an escaped literal; these tests
throw strings built to end that literal at every saved-query parameter and at ``kg cypher
-p``, and check the graph afterwards (counts and a hash of every property). Hostile but
legitimate names are real nodes, so exact lookups must still find them: escaping that
"works" by breaking every odd name would pass a safety test and fail users.

The same checks against a real Neo4j server are in ``test_cypher_safety_neo4j.py``.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import ontology
from kg.model import Triple
from kg.query import QueryError, list_saved_queries, run_on_networkx, run_saved_query
from kg.store import NetworkXStore

from ._helpers import (
    HOSTILE_NAMES,
    INJECTION_PAYLOADS,
    assert_clean_failure,
    file_hash,
    make_triples,
    nx_fingerprint,
    run_kg,
)

SAVED = list_saved_queries()
SAVED_PARAMS = [(q.name, p.name) for q in SAVED for p in q.params]
NEVER_SAVED = Path(tempfile.gettempdir()) / "kg-robustness-never-saved" / "graph.json"
LOOKUP = "MATCH (n:Entity) WHERE n.name = $name RETURN n.name AS name"

# Write statements in the shapes people (and attackers) type them.
WRITES = (
    'CREATE (n:Entity {name: "intruder"})',
    'MERGE (n:Entity {name: "intruder"}) RETURN n',
    "MATCH (n) DETACH DELETE n",
    "match (n) detach delete n",
    "MATCH (n)-[r]->() DELETE r",
    'MATCH (n:Entity) SET n.name = "intruder" RETURN n.name',
    "MATCH (n:Entity) REMOVE n.type RETURN n.name",
    'MATCH (n) RETURN n.name AS name //\nCREATE (x:Entity {name: "intruder"})',
    'MATCH (n) RETURN n.name /* */ UNION CREATE (x:Entity {name: "intruder"})',
    'FOREACH (x IN [1] | CREATE (:Entity {name: "intruder"}))',
    'LOAD CSV FROM "file:///etc/passwd" AS line RETURN line',
    "CALL db.labels()",
    "DROP CONSTRAINT entity_name",
)


def test_there_are_saved_queries_with_parameters():
    """The injection tests below iterate over the saved queries; an empty list would make
    them vacuous."""
    assert SAVED_PARAMS, "no saved query with a parameter found in cypher/"


@pytest.fixture
def store(hostile_graph):
    return NetworkXStore(hostile_graph, create=False)


@pytest.mark.parametrize(("query", "param"), SAVED_PARAMS)
def test_saved_query_parameters_resist_injection(store, query, param):
    q = next(q for q in SAVED if q.name == query)
    before = nx_fingerprint(store.graph)
    for payload in INJECTION_PAYLOADS:
        params = {**q.example_params(), param: payload}
        try:
            rows = run_saved_query(store, query, params)
        except QueryError:
            continue  # a clear refusal is fine
        assert rows == [], f"{query} with {param}={payload!r} answered {rows}"
    assert nx_fingerprint(store.graph) == before


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_are_found_exactly(store, name):
    """Escaping round-trips: the value reaches grand-cypher as the same string."""
    assert run_on_networkx(store.graph, LOOKUP, {"name": name}) == [{"name": name}]


def test_payloads_through_lookup_find_nothing(store):
    before = nx_fingerprint(store.graph)
    for payload in INJECTION_PAYLOADS:
        assert run_on_networkx(store.graph, LOOKUP, {"name": payload}) == [], payload
    assert nx_fingerprint(store.graph) == before


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(min_size=1, max_size=40))
def test_any_text_round_trips_as_a_literal(name):
    """Property: a node named with any text at all is found by exactly that text."""
    t = Triple(name, "GROUP", "BACKS", "Fixed Target", "ORGANIZATION", "d", "s", 0, 1, "r", 1.0)
    if name == "Fixed Target":
        return
    s = NetworkXStore(NEVER_SAVED)  # a fresh in-memory graph; never saved
    s.load([t])
    assert run_on_networkx(s.graph, LOOKUP, {"name": name}) == [{"name": name}]


# -- through the command line ----------------------------------------------------------

CLI_PAYLOADS = ('"}) DETACH DELETE n //', "x\" OR 1=1 //", "\u201c}) DETACH DELETE n //\u201d",
                "`) DETACH DELETE n //\nMATCH (n) RETURN n")


@pytest.mark.parametrize("query", sorted({q for q, _ in SAVED_PARAMS}))
def test_kg_query_with_payloads(hostile_graph, tmp_path, query):
    q = next(q for q in SAVED if q.name == query)
    before = file_hash(hostile_graph)
    for param in q.params:
        for payload in CLI_PAYLOADS:
            args = []
            for p in q.params:
                args += ["-p", f"{p.name}={payload if p.name == param.name else p.example}"]
            proc = run_kg("query", query, *args, "--graph", str(hostile_graph),
                          "--format", "json", cwd=tmp_path)
            if proc.returncode == 0:
                assert json.loads(proc.stdout) == [], (query, param.name, payload)
            else:  # 3: the payload, resolved as a name, is not in the graph
                assert_clean_failure(proc, exit_codes=(1, 3))
    assert file_hash(hostile_graph) == before


def test_kg_cypher_param_payloads_and_hostile_names(hostile_graph, tmp_path):
    before = file_hash(hostile_graph)
    for payload in CLI_PAYLOADS:
        proc = run_kg("cypher", LOOKUP, "-p", f"name={payload}", "--graph", str(hostile_graph),
                      "--format", "json", "--exact", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == []
        # resolved against the graph's names, the payload is a name it does not hold
        proc = run_kg("cypher", LOOKUP, "-p", f"name={payload}", "--graph", str(hostile_graph),
                      "--format", "json", cwd=tmp_path)
        assert_clean_failure(proc, "not in the graph", exit_codes=(3,))
    for name in HOSTILE_NAMES:
        if "\x00" in name:
            continue  # a command-line argument cannot hold NUL
        proc = run_kg("cypher", LOOKUP, "-p", f"name={name}", "--graph", str(hostile_graph),
                      "--format", "json", cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout) == [{"name": name}]
    assert file_hash(hostile_graph) == before


# -- read-only ---------------------------------------------------------------------------

@pytest.mark.parametrize("statement", WRITES)
def test_embedded_backend_refuses_writes_even_with_write_flag(store, statement):
    before = nx_fingerprint(store.graph)
    for write in (False, True):
        with pytest.raises(QueryError):
            run_on_networkx(store.graph, statement, {}, write=write)
    assert nx_fingerprint(store.graph) == before


def test_kg_cypher_refuses_writes_on_embedded_backend(hostile_graph, tmp_path):
    before = file_hash(hostile_graph)
    for statement in (WRITES[0], WRITES[2], WRITES[7]):
        for flags in ([], ["--write"]):
            proc = run_kg("cypher", statement, *flags, "--graph", str(hostile_graph),
                          cwd=tmp_path)
            assert_clean_failure(proc, "read-only", exit_codes=(1,))
    assert file_hash(hostile_graph) == before


def test_write_words_inside_strings_are_just_text(store):
    rows = run_on_networkx(store.graph, 'MATCH (n:Entity) WHERE n.name = "x DETACH DELETE n" '
                           "RETURN n.name AS name", {})
    assert rows == []


# -- labels and relationship types ------------------------------------------------------

BAD_IDENTIFIERS = (
    "BACKS]->() DETACH DELETE n //",
    "BACKS`]->() DETACH DELETE n //",
    "BACKS|ATTACKS",
    "backs",
    "BACKS ",
    "B\u0410CKS",  # Cyrillic A
    "",
    "Entity) DETACH DELETE n //",
    "Entity:Admin",
    "State`",
)


@pytest.mark.parametrize("bad", BAD_IDENTIFIERS)
def test_ontology_allow_lists_reject_hostile_identifiers(bad):
    with pytest.raises(ontology.OntologyError):
        ontology.check_relation(bad)
    with pytest.raises(ontology.OntologyError):
        ontology.check_label(bad)
    with pytest.raises(ontology.OntologyError):
        ontology.labels_for(bad)
    with pytest.raises(ontology.OntologyError):
        Triple("A", "STATE", bad, "B", "STATE", "d", "s", 0, 1, "r", 1.0)


def test_identifiers_smuggled_past_the_constructor_are_refused_by_the_loader(tmp_path):
    """A Triple is a mutable dataclass; the loader checks again before using a type."""
    store = NetworkXStore(tmp_path / "g.json")
    store.load(make_triples(20))
    before = nx_fingerprint(store.graph)
    t = make_triples(1, prefix="smuggled ")[0]
    t.relation = BAD_IDENTIFIERS[0]
    with pytest.raises(ontology.OntologyError):
        store.load([t])
    t = make_triples(1, prefix="smuggled ")[0]
    t.subject_type = "STATE) DETACH DELETE n //"
    with pytest.raises(ontology.OntologyError):
        store.load([t])
    assert nx_fingerprint(store.graph) == before
