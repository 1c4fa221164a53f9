"""The seeds graph on Neo4j and on the embedded backend: same graph, same answers.

Every saved query in cypher/ runs with the example parameters of its header on both
backends and must return the same rows (in the same order when the query orders them).
"""

from __future__ import annotations

import subprocess
import sys

import networkx as nx
import pytest
from neo4j_graphs_helpers import has_order_by, same_rows, snapshot, wipe

from kg.asof import EvidenceFilter, run_saved_filtered
from kg.derive import refresh
from kg.query import QueryError, list_saved_queries, run_saved_query
from kg.store.networkx_store import NetworkXStore

pytestmark = pytest.mark.neo4j

KG = (sys.executable, "-c", "from kg.cli import main; main()")
SAVED = list_saved_queries()
INJECTION = 'x"}) DETACH DELETE n //'


@pytest.fixture(scope="module")
def graphs(neo4j_server, seed_triples, tmp_path_factory):
    """(neo4j store, embedded store) both holding the seeds graph."""
    neo = neo4j_server.connect()
    wipe(neo)
    neo.load(seed_triples)
    refresh(neo)
    embedded = NetworkXStore(tmp_path_factory.mktemp("parity") / "graph.json")
    embedded.load(seed_triples)
    refresh(embedded)
    embedded.save()
    try:
        yield neo, embedded
    finally:
        neo.close()


def test_the_seeds_give_the_same_graph_on_both_backends(graphs):
    neo, embedded = graphs
    assert neo.stats() == embedded.stats()
    assert neo.stats()["relationships"] > 0
    assert snapshot(neo.to_networkx()) == snapshot(embedded.to_networkx())


def test_derived_properties_are_the_same_on_both_backends(graphs):
    neo, embedded = graphs
    a, b = neo.to_networkx(), embedded.to_networkx()
    camps = {n: d["camp"] for n, d in b.nodes(data=True)}
    assert {n: d["camp"] for n, d in a.nodes(data=True)} == camps
    assert {"1A", "1B"} <= set(camps.values())
    corroboration = {(u, v, k): (d["documents"], d["sources"], d["outlets"])
                     for u, v, k, d in b.edges(keys=True, data=True)}
    assert {(u, v, k): (d["documents"], d["sources"], d["outlets"])
            for u, v, k, d in a.edges(keys=True, data=True)} == corroboration
    assert any(outlets.count("") < len(outlets) for _, _, outlets in corroboration.values())


def test_loading_the_seeds_twice_changes_nothing(graphs, seed_triples):
    neo, _ = graphs
    before_stats, before = neo.stats(), snapshot(neo.to_networkx())
    again = neo.load(seed_triples, batch_size=25)
    assert (again.nodes_created, again.relationships_created, again.evidence_added) == (0, 0, 0)
    assert neo.stats() == before_stats
    assert snapshot(neo.to_networkx()) == before


def test_there_are_saved_queries():
    assert SAVED, "no saved queries in cypher/"


@pytest.mark.parametrize("query", SAVED, ids=[q.name for q in SAVED])
def test_saved_query_parity(graphs, query):
    neo, embedded = graphs
    params = {p.name: p.example for p in query.params}
    assert all(params.values()), f"{query.name}: a parameter has no (example: …) in its header"
    on_embedded = run_saved_query(embedded, query.name, params)
    on_neo4j = run_saved_query(neo, query.name, params)
    ordered = has_order_by(query.text)
    assert same_rows(on_neo4j, on_embedded, ordered), (
        f"{query.name} {params}: neo4j {on_neo4j[:5]} … vs embedded {on_embedded[:5]} …")


FILTERS = {"as-of-2019-12-31": {"as_of": "2019-12-31"},
           "between-2019-2020": {"between": ("2019-06", "2020")},
           "min-sources-2": {"min_sources": 2}}


@pytest.mark.parametrize("flt", FILTERS)
@pytest.mark.parametrize("query", SAVED, ids=[q.name for q in SAVED])
def test_saved_query_parity_with_an_evidence_filter(graphs, query, flt):
    """The as-of filter runs in Python over the rows either engine returns: same rows."""
    neo, embedded = graphs
    evidence_filter = EvidenceFilter.from_options(**FILTERS[flt])
    params = query.example_params()
    on_embedded = run_saved_filtered(embedded, query.name, params, evidence_filter)
    on_neo4j = run_saved_filtered(neo, query.name, params, evidence_filter)
    assert same_rows(on_neo4j, on_embedded, has_order_by(query.text)), (
        f"{query.name} {flt}: neo4j {on_neo4j[:5]} … vs embedded {on_embedded[:5]} …")


def test_evidence_filters_change_some_answers_in_the_seeds(graphs):
    neo, _ = graphs
    changed = set()
    for q in SAVED:
        plain = run_saved_query(neo, q.name, q.example_params())
        for flt, options in FILTERS.items():
            rows = run_saved_filtered(neo, q.name, q.example_params(),
                                      EvidenceFilter.from_options(**options))
            if [{k: v for k, v in r.items() if k != "undated"} for r in rows] != plain:
                changed.add((q.name, flt))
    assert {f for _, f in changed} == set(FILTERS) and len(changed) >= 10, changed


def test_some_saved_query_finds_rows_in_the_seeds(graphs):
    """Parity of empty answers would prove little: at least most queries must find rows."""
    neo, _ = graphs
    found = [q.name for q in SAVED
             if run_saved_query(neo, q.name, {p.name: p.example for p in q.params})]
    assert len(found) >= max(1, len(SAVED) // 2), found


def test_injection_through_a_parameter_changes_nothing(graphs, neo4j_server):
    neo, embedded = graphs
    before_neo, before_nx = neo.stats(), snapshot(embedded.to_networkx())
    with_params = [q for q in SAVED if q.params]
    assert with_params
    for q in with_params:
        params = {p.name: INJECTION for p in q.params}
        for store in (neo, embedded):
            try:
                rows = run_saved_query(store, q.name, params)
            except QueryError:
                continue  # refusing is fine; changing the graph is not
            assert rows == [], f"{q.name}: an entity named like the payload matched {rows}"
    # and through the real CLI, as a user would type it
    name = with_params[0].name
    args = [a for p in with_params[0].params for a in ("-p", f"{p.name}={INJECTION}")]
    proc = subprocess.run([*KG, "query", name, *args, "--backend", "neo4j", "--format", "json",
                           "--exact"], capture_output=True, text=True,
                          env=neo4j_server.cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
    # resolved against the graph's names (the default), the payload is a name it lacks
    proc = subprocess.run([*KG, "query", name, *args, "--backend", "neo4j", "--format", "json"],
                          capture_output=True, text=True, env=neo4j_server.cli_env(), timeout=120)
    assert proc.returncode == 3 and "is not in the graph" in proc.stderr, proc.stderr
    assert neo.stats() == before_neo
    assert snapshot(embedded.to_networkx()) == before_nx
    assert embedded.stats() == NetworkXStore(embedded.path).stats()  # the file too


def test_graphml_export_from_neo4j_matches_the_embedded_one(graphs, neo4j_server, tmp_path):
    neo, embedded = graphs
    out_neo, out_nx = tmp_path / "neo.graphml", tmp_path / "nx.graphml"
    proc = subprocess.run([*KG, "export", "--backend", "neo4j", "--format", "graphml",
                           "-o", str(out_neo)], capture_output=True, text=True,
                          env=neo4j_server.cli_env(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    proc = subprocess.run([*KG, "export", "--graph", str(embedded.path), "--format", "graphml",
                           "-o", str(out_nx)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    a, b = nx.read_graphml(out_neo), nx.read_graphml(out_nx)
    assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
    edges = lambda g: sorted(  # noqa: E731
        (u, v, tuple(sorted(d.items()))) for u, v, d in g.edges(data=True))
    assert edges(a) == edges(b)
