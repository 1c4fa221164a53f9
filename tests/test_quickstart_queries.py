"""Every example of ``kg query --list`` answers on the quick-start graph (issue 13, point 5).

The graph is built the way the README's quick start builds it (``kg build seeds/``), then
each listed example command runs through the CLI and is compared with the library's
answer on the same graph.
"""

from __future__ import annotations

import json
import shlex

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli


def listed_examples() -> list[dict]:
    r = CliRunner().invoke(cli, ["query", "--list", "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


@pytest.mark.parametrize("entry", listed_examples(), ids=lambda e: e["name"])
def test_every_listed_example_returns_rows_on_the_quickstart_graph(quickstart_graph, entry):
    argv = shlex.split(entry["example"])
    assert argv[:3] == ["kg", "query", entry["name"]]
    r = CliRunner().invoke(cli, [*argv[1:], "--graph", str(quickstart_graph), "--format",
                                 "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    params = {p["name"]: p["example"] for p in entry["parameters"]}
    store = kg.open_store("networkx", graph=quickstart_graph)
    assert rows == kg.run_saved_query(store, entry["name"], params)
    assert rows, f"{entry['example']} answers nothing on the quick-start graph"


def test_bases_lists_bases_with_and_without_a_known_location(quickstart_graph):
    store = kg.open_store("networkx", graph=quickstart_graph)
    g = store.to_networkx()
    operated = {v for _, v, k in g.out_edges("United States", keys=True) if k == "OPERATES"}
    located = {f: {v for _, v, k in g.out_edges(f, keys=True) if k == "LOCATED_IN"}
               for f in operated}
    r = CliRunner().invoke(cli, ["query", "bases", "-p", "name=US", "--graph",
                                 str(quickstart_graph), "--format", "json"])
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert {row["base"] for row in rows} == operated
    for f, places in located.items():
        shown = {row["located_in"] for row in rows if row["base"] == f}
        assert shown == (places or {None}), f
    assert any(places for places in located.values()), "no located base in the seeds"
    assert any(not places for places in located.values()), "every seed base is located"
