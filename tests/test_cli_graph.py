"""``kg query``, ``kg cypher``, ``kg stats`` and ``kg export`` on the fixture graph.

Output contracts other tools rely on: ``--format json`` prints one JSON array and
nothing else on stdout; CSV starts with a header; GraphML reads back into networkx with
the same counts; expected failures are one ``Error:`` line and exit code 1.
"""

from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest
from click.testing import CliRunner
from query_fixture import FACTS, fixture_store

from kg.cli import cli


@pytest.fixture()
def graph(tmp_path):
    path = tmp_path / "graph.json"
    fixture_store(path)
    return path


def kg(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_query_json_is_exactly_one_array_of_row_objects(graph):
    r = kg("query", "who_backs", "-p", "name=Hezbollah", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    assert r.stdout.count("\n") == 1  # one line: the array
    rows = json.loads(r.stdout)
    assert rows == [{"backer": "Iran", "backer_type": "STATE", "mentions": 2, "confidence": 0.8,
                     "first_date": "2019-03-01", "last_date": "2020-01-05"}]


def test_query_json_with_no_rows_is_an_empty_array(graph):
    r = kg("query", "who_backs", "-p", "name=Qamishli base", "--graph", graph, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []


def test_query_csv_has_a_header_in_return_order(graph):
    r = kg("query", "backed_by", "-p", "name=Iran", "--graph", graph, "--format", "csv")
    assert r.exit_code == 0, r.output
    table = list(csv.reader(io.StringIO(r.stdout)))
    assert table[0] == ["client", "client_type", "mentions", "confidence", "first_date",
                        "last_date"]
    assert [row[0] for row in table[1:]] == ["Hezbollah", "Syria"]


def test_query_table_lists_rows_and_count(graph):
    r = kg("query", "allies", "-p", "name=Syria", "--graph", graph)
    assert r.exit_code == 0, r.output
    for name in ("Wagner Group", "Iran", "Iraq", "Russia"):
        assert name in r.stdout
    assert "Turkey" not in r.stdout  # its alliance is negated
    assert "4 rows" in r.stdout


def test_query_list_table_shows_runnable_examples():
    r = kg("query", "--list")
    assert r.exit_code == 0
    assert "kg query evidence_between -p a=" in r.stdout


@pytest.mark.parametrize("args, message", [
    (["query", "who_back", "-p", "name=Iran"], "available:"),
    (["query", "who_backs", "-p", "actor=Iran"], "its parameters: name"),
    (["query", "evidence_between", "-p", "a=Iran"], "needs b"),
])
def test_query_errors_are_one_line_and_exit_1(graph, args, message):
    r = kg(*args, "--graph", graph)
    assert r.exit_code == 1
    assert message in r.stderr and r.stderr.startswith("Error:")
    assert r.stdout == ""


def test_cypher_json_and_params(graph):
    r = kg("cypher", "MATCH (a:Entity {name: $n})-[r:BACKS]->(b:Entity) WHERE r.negated = false "
           "RETURN b.name AS client ORDER BY client", "-p", "n=Iran", "--graph", graph,
           "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"client": "Hezbollah"}, {"client": "Syria"}]


def test_cypher_refuses_writes_on_the_embedded_backend(graph):
    before = graph.read_bytes()
    for args in (["MATCH (n) DETACH DELETE n"], ["MATCH (n:Entity) RETURN n.name", "--write"]):
        r = kg("cypher", *args, "--graph", graph)
        assert r.exit_code == 1
        assert "read-only" in r.stderr
    assert graph.read_bytes() == before


def test_cypher_parse_error_is_friendly(graph):
    r = kg("cypher", "MATCH (n:Entity) WITH n RETURN n.name", "--graph", graph)
    assert r.exit_code == 1
    assert "could not parse" in r.stderr and "Traceback" not in r.output


def test_stats_counts_the_fixture(graph):
    r = kg("stats", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)
    store = fixture_store()
    assert s["nodes"] == store.graph.number_of_nodes() == 22
    assert s["relationships"] == store.graph.number_of_edges()
    assert s["negated_relations"] == sum(1 for f in FACTS if f[5])
    assert s["documents"] == 2  # a.txt and b.txt (b.txt#2 is part of b.txt)
    assert s["relations"]["ALLIED_WITH"] == 4
    assert s["entities"]["FACILITY"] == 3
    r = kg("stats", "--graph", graph)
    assert r.exit_code == 0 and "entities by type" in r.stdout


def test_graphml_export_round_trips_counts(graph, tmp_path):
    out = tmp_path / "actors.graphml"
    r = kg("export", "--format", "graphml", "-o", out, "--graph", graph)
    assert r.exit_code == 0, r.output
    back = nx.read_graphml(out, force_multigraph=True)
    store = fixture_store()
    assert back.number_of_nodes() == store.graph.number_of_nodes()
    assert back.number_of_edges() == store.graph.number_of_edges()
    assert back.nodes["Iran"]["labels"] == "Entity:Actor:State"
    kinds = sorted(d["type"] for _, _, d in back.out_edges("United States", data=True))
    assert kinds == ["ATTACKS", "BACKS", "DEPLOYED_IN", "DEPLOYED_IN", "OPERATES", "OPERATES",
                     "OPPOSES", "OPPOSES"]
    assert r.stdout == ""  # the summary goes to stderr


def test_json_export_round_trips(graph, tmp_path):
    from kg.store.networkx_store import read_graph

    out = tmp_path / "graph-export.json"
    r = kg("export", "--format", "json", "-o", out, "--graph", graph)
    assert r.exit_code == 0, r.output
    back = read_graph(out)
    assert sorted(back.edges(keys=True)) == sorted(fixture_store().graph.edges(keys=True))


def test_missing_graph_file_is_a_friendly_error(tmp_path):
    r = kg("query", "who_backs", "-p", "name=Iran", "--graph", tmp_path / "none.json")
    assert r.exit_code == 1
    assert "kg build" in r.stderr
