"""Names typed at query time, ``kg entities`` / ``kg entity``, and tables that fit
(issue 13, points 1, 2 and 6). The CLI is driven as a user would; answers are checked
against the library on the same graph.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from query_fixture import fixture_store

import kg
from kg.cli import cli
from kg.cli.common import fit_columns
from kg.errors import EXIT_NOT_IN_GRAPH
from kg.lookup import NameIndex, entity_profile, list_entities, name_parameters, resolve_in_graph


@pytest.fixture()
def graph(tmp_path):
    path = tmp_path / "graph.json"
    fixture_store(path)
    return path


def run(*args, env=None):
    return CliRunner().invoke(cli, [str(a) for a in args], env=env)


def library_rows(graph, query, params):
    return kg.run_saved_query(kg.open_store("networkx", graph=graph), query, params)


@pytest.mark.parametrize("typed", ["hezbollah", "Hezbollah ", "  HEZBOLLAH", "Hizbollah",
                                   "Hizballah"])
def test_saved_query_names_resolve_like_extraction(graph, typed):
    r = run("query", "who_backs", "-p", f"name={typed}", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == library_rows(graph, "who_backs", {"name": "Hezbollah"}) != []
    if typed != "Hezbollah":
        assert "'Hezbollah'" not in r.stderr and "is Hezbollah" in r.stderr


@pytest.mark.parametrize("typed, canonical", [("US", "United States"),
                                              ("Kata'ib Hezbollah", "Kataib Hezbollah"),
                                              ("Tehran", "Iran"), ("Russian", "Russia")])
def test_aliases_demonyms_and_capitals_resolve_to_the_graph_name(graph, typed, canonical):
    r = run("query", "backed_by", "-p", f"name={typed}", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == library_rows(graph, "backed_by", {"name": canonical})


def test_a_name_not_in_the_graph_says_so_with_a_suggestion_and_exit_code_3(graph):
    r = run("query", "who_backs", "-p", "name=Hezbolah Lebanon Group", "--graph", graph)
    assert r.exit_code == EXIT_NOT_IN_GRAPH == 3
    assert r.stdout == ""
    line = r.stderr.strip()
    assert line.count("\n") == 0
    assert line.startswith("Error: 'Hezbolah Lebanon Group' is not in the graph; did you mean")
    assert "Hezbollah" in line


def test_a_known_actor_absent_from_the_graph_is_named_as_such(graph):
    # the gazetteer knows the Houthis; the fixture graph holds no relation of theirs
    r = run("query", "who_backs", "-p", "name=Houthis", "--graph", graph)
    assert r.exit_code == 3
    assert "is not in the graph" in r.stderr and "kg knows it as" in r.stderr


def test_exact_switches_resolution_off(graph):
    r = run("query", "who_backs", "-p", "name=hezbollah", "--exact", "--graph", graph,
            "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == []
    assert library_rows(graph, "who_backs", {"name": "hezbollah"}) == []


def test_two_names_both_resolve_and_both_missing_are_reported(graph):
    r = run("query", "evidence_between", "-p", "a=US", "-p", "b=tehran", "--graph", graph,
            "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == library_rows(graph, "evidence_between",
                                                {"a": "United States", "b": "Iran"}) != []
    r = run("query", "evidence_between", "-p", "a=Xyzzy", "-p", "b=Plugh", "--graph", graph)
    assert r.exit_code == 3 and "'Xyzzy'" in r.stderr and "'Plugh'" in r.stderr


def test_kg_cypher_resolves_parameters_compared_with_a_name(graph):
    stmt = 'MATCH (a:Entity)-[r:BACKS]->(b:Entity) WHERE b.name = $who RETURN a.name AS a'
    r = run("cypher", stmt, "-p", "who=hizbollah", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    store = kg.open_store("networkx", graph=graph)
    assert json.loads(r.stdout) == store.query(stmt, {"who": "Hezbollah"}) != []
    # a parameter that is not compared with a name is left alone
    stmt = "MATCH (a:Entity)-[r:BACKS]->(b:Entity) WHERE r.mentions >= $n RETURN a.name AS a"
    r = run("cypher", stmt, "-p", "n=2", "--graph", graph, "--format", "json")
    assert r.exit_code == 0 and json.loads(r.stdout) == store.query(stmt, {"n": 2})


def test_a_statement_that_writes_gets_its_names_as_given(graph):
    # the embedded backend refuses writes; the refusal, not "not in the graph", must show
    r = run("cypher", "CREATE (n:Entity {name: $name}) RETURN n.name AS name", "-p",
            "name=Brand New Front", "--write", "--graph", graph)
    assert r.exit_code == 1 and "read-only" in r.stderr and "not in the graph" not in r.stderr


def test_name_parameters_are_read_from_the_statement():
    assert name_parameters('MATCH (x:Entity {name: $name})-[r]->(y {type: "S", name: $b}) '
                           'WHERE y.name = $c AND $d = x.name AND r.mentions > $n '
                           'AND x.type = $t RETURN 1') == ["name", "b", "c", "d"]
    assert name_parameters('MATCH (x) WHERE x.name = "$notaparam" RETURN 1') == []


def test_resolution_never_merges_distinct_actors_silently():
    index = NameIndex({"Hezbollah": "ORGANIZATION", "Kataib Hezbollah": "ORGANIZATION",
                       "Iran": "STATE", "Iraq": "STATE"})
    assert resolve_in_graph("iraq", index).name == "Iraq"
    assert resolve_in_graph("Iran", index).name == "Iran"
    assert resolve_in_graph("Kata'ib Hizbollah", index).name == "Kataib Hezbollah"
    with pytest.raises(kg.NameNotInGraph) as e:
        resolve_in_graph("Serbia", index)
    assert e.value.exit_code == 3


# -- kg entities / kg entity ----------------------------------------------------------

def test_kg_entities_lists_every_entity_most_mentioned_first(graph):
    r = run("entities", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    g = kg.open_store("networkx", graph=graph).to_networkx()
    assert sorted(row["name"] for row in rows) == sorted(g.nodes)
    assert [row["mentions"] for row in rows] == sorted((row["mentions"] for row in rows),
                                                       reverse=True)
    us = next(row for row in rows if row["name"] == "United States")
    asserted = [d for u, v, d in g.edges(data=True)
                if "United States" in (u, v) and not d["negated"]]
    assert us["relations"] == len(asserted)
    assert us["mentions"] == sum(d["mentions"] for d in asserted)
    assert us["type"] == "STATE" and set(us) == {"name", "type", "aliases", "mentions",
                                                 "relations"}


def test_kg_entities_search_puts_the_best_match_first(graph):
    for search, best in (("hezb", "Hezbollah"), ("US", "United States"),
                         ("kataib", "Kataib Hezbollah"), ("Solemani", "Qassem Soleimani")):
        r = run("entities", search, "--graph", graph, "--format", "json")
        assert r.exit_code == 0, r.output
        rows = json.loads(r.stdout)
        assert rows and rows[0]["name"] == best, (search, rows[:3])
        assert rows == [e.to_dict() for e in list_entities(
            kg.open_store("networkx", graph=graph).to_networkx(), search)]


def test_kg_entities_type_filter_and_csv(graph):
    r = run("entities", "--type", "facility", "--graph", graph, "--format", "csv")
    assert r.exit_code == 0, r.output
    lines = r.stdout.strip().splitlines()
    assert lines[0] == "name,type,aliases,mentions,relations"
    assert {line.split(",")[0] for line in lines[1:]} == {
        "Al-Tanf base", "Ain al-Asad base", "Qamishli base"}


def test_kg_entity_groups_relations_with_evidence_counts(graph):
    r = run("entity", "US", "--graph", graph, "--format", "json")
    assert r.exit_code == 0, r.output
    profile = json.loads(r.stdout)
    g = kg.open_store("networkx", graph=graph).to_networkx()
    assert profile == json.loads(json.dumps(entity_profile(g, "United States")))
    groups = {(gr["relation"], gr["direction"]): gr["others"] for gr in profile["relations"]}
    isis = next(o for o in groups[("ATTACKS", "out")] if o["name"] == "ISIS")
    assert isis["mentions"] == g.edges["United States", "ISIS", "ATTACKS"]["mentions"] == 2
    assert ("OPPOSES", "in") in groups  # Iran opposes the United States
    table = run("entity", "united states", "--graph", graph)
    assert table.exit_code == 0 and "ATTACKS →" in table.stdout and "ISIS" in table.stdout
    show = run("entities", "US", "--show", "--graph", graph, "--format", "json")
    assert json.loads(show.stdout) == profile


def test_kg_entity_unknown_name_exits_3(graph):
    r = run("entity", "Atlantis", "--graph", graph)
    assert r.exit_code == 3 and "'Atlantis' is not in the graph" in r.stderr


# -- tables that fit ---------------------------------------------------------------------

@pytest.mark.parametrize("columns", [60, 80, 120, 200])
def test_tables_fit_the_terminal_and_wrap_evidence(graph, columns):
    r = run("query", "evidence_between", "-p", "a=United States", "-p", "b=ISIS",
            "--graph", graph, env={"COLUMNS": str(columns)})
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    rows = library_rows(graph, "evidence_between", {"a": "United States", "b": "ISIS"})
    words = " ".join(s for row in rows for s in row["sentences"]).split()
    flat = " ".join(r.stdout.replace("│", " ").split())
    assert all(w in flat for w in words if len(w) < 8)  # every short word is on screen


def test_json_and_csv_do_not_change_with_the_terminal(graph):
    outs = {run("query", "allies", "-p", "name=Syria", "--graph", graph, "--format", fmt,
                env={"COLUMNS": c}).stdout for c in ("40", "250") for fmt in ("json",)}
    assert len(outs) == 1
    outs = {run("query", "allies", "-p", "name=Syria", "--graph", graph, "--format", "csv",
                env={"COLUMNS": c}).stdout for c in ("40", "250")}
    assert len(outs) == 1


def test_fit_columns_keeps_short_columns_whole_and_shares_the_rest():
    assert fit_columns([5, 10], 80) == [5, 10]
    widths = fit_columns([13, 8, 16, 8, 300, 12], 110)
    assert sum(widths) + 3 * 6 + 1 <= 110
    assert widths[:4] == [13, 8, 16, 8] and widths[5] == 12 and widths[4] >= 30
    narrow = fit_columns([13, 8, 16, 8, 300, 12], 80)
    assert sum(narrow) + 3 * 6 + 1 <= 80 and narrow[4] >= 30
    tiny = fit_columns([20, 20, 20, 200], 40)
    assert all(w >= 4 for w in tiny)
