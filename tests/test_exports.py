"""Exports other tools read right (issue 13, point 4): GraphML that networkx and igraph
read with the same counts and attribute types, Gephi's conventions, and CSV nodes/edges.
Files are written by the CLI and checked against the library's graph.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from click.testing import CliRunner
from query_fixture import fixture_store

import kg
from kg.cli import cli

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture()
def graph(tmp_path):
    path = tmp_path / "graph.json"
    fixture_store(path)
    return path


def export(graph, fmt, out, *extra):
    r = CliRunner().invoke(cli, ["export", "--format", fmt, "-o", str(out), "--graph",
                                 str(graph), *extra])
    assert r.exit_code == 0, r.output
    return out


def _kind(value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


def test_graphml_edge_ids_are_unique_and_types_are_real(graph, tmp_path):
    out = export(graph, "graphml", tmp_path / "g.graphml")
    root = ET.parse(out).getroot()
    ids = [e.get("id") for e in root.iter(f"{GRAPHML}edge")]
    g = kg.open_store("networkx", graph=graph).to_networkx()
    assert len(ids) == len(set(ids)) == g.number_of_edges()
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type")
            for k in root.iter(f"{GRAPHML}key")}
    assert keys[("edge", "negated")] == "boolean"
    assert keys[("edge", "mentions")] in ("int", "long")
    assert keys[("edge", "confidence")] == "double"
    assert keys[("edge", "sentences")] == "string"  # a JSON list, as documented


def test_networkx_and_igraph_read_the_same_graph(graph, tmp_path):
    igraph = pytest.importorskip("igraph", reason="python-igraph is a test dependency")
    out = export(graph, "graphml", tmp_path / "g.graphml")
    g = kg.open_store("networkx", graph=graph).to_networkx()
    via_nx = nx.read_graphml(out, force_multigraph=True)
    via_ig = igraph.Graph.Read_GraphML(str(out))
    assert via_nx.number_of_nodes() == via_ig.vcount() == g.number_of_nodes()
    assert via_nx.number_of_edges() == via_ig.ecount() == g.number_of_edges()
    assert via_ig.is_directed()
    nx_edge = {k: _kind(v) for _, _, d in via_nx.edges(data=True) for k, v in d.items()}
    ig_edge = {k: _kind(v) for e in via_ig.es for k, v in e.attributes().items()
               if v is not None and k != "id"}
    assert nx_edge == ig_edge
    assert nx_edge["negated"] == "boolean" and nx_edge["mentions"] == "number"
    nx_node = {k: _kind(v) for _, d in via_nx.nodes(data=True) for k, v in d.items()}
    ig_node = {k: _kind(x) for vertex in via_ig.vs for k, x in vertex.attributes().items()
               if k != "id"}
    assert nx_node == ig_node
    # the same mentions for the same relationship, read by both
    ig_names = via_ig.vs["id"]
    for e in via_ig.es:
        u, v = ig_names[e.source], ig_names[e.target]
        assert e["mentions"] == g.edges[u, v, e["type"] + ("|negated" if e["negated"] else "")
                                        ]["mentions"]
    # list properties are JSON text that decodes to the graph's lists
    backs = [d for d in via_nx.get_edge_data("Iran", "Hezbollah").values()
             if d["type"] == "BACKS" and not d["negated"]]
    assert [json.loads(d["sentences"]) for d in backs] == [
        g.edges["Iran", "Hezbollah", "BACKS"]["sentences"]]


def test_gephi_option_adds_label_and_weight(graph, tmp_path):
    out = export(graph, "graphml", tmp_path / "gephi.graphml", "--gephi")
    back = nx.read_graphml(out, force_multigraph=True)
    g = kg.open_store("networkx", graph=graph).to_networkx()
    assert back.nodes["Iran"]["Label"] == "Iran"
    for u, v, d in back.edges(data=True):
        assert d["Label"] == d["type"]
        key = d["type"] + ("|negated" if d["negated"] else "")
        assert d["weight"] == float(g.edges[u, v, key]["mentions"])


def test_csv_nodes_and_edges_hold_the_graph(graph, tmp_path):
    r = CliRunner().invoke(cli, ["export", "--format", "csv", "-o", str(tmp_path / "g.csv"),
                                 "--graph", str(graph)])
    assert r.exit_code == 0, r.output
    assert "g.nodes.csv" in r.stderr and "g.edges.csv" in r.stderr
    g = kg.open_store("networkx", graph=graph).to_networkx()
    with open(tmp_path / "g.nodes.csv", encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with open(tmp_path / "g.edges.csv", encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert sorted(n["Id"] for n in nodes) == sorted(g.nodes)
    assert {n["Id"]: n["type"] for n in nodes} == {n: d["type"] for n, d in g.nodes(data=True)}
    assert len(edges) == len({e["Id"] for e in edges}) == g.number_of_edges()
    for e in edges:
        key = e["relation"] + ("|negated" if e["negated"] == "true" else "")
        data = g.edges[e["Source"], e["Target"], key]
        assert int(e["Weight"]) == int(e["mentions"]) == data["mentions"]
        assert json.loads(e["sentences"]) == data["sentences"]
        assert e["Type"] == ("Undirected" if e["relation"] in ("ALLIED_WITH",
                                                               "NEGOTIATES_WITH") else "Directed")
    # networkx reads the edge list back into the same pairs
    back = nx.MultiDiGraph()
    back.add_edges_from((e["Source"], e["Target"]) for e in edges)
    assert sorted(back.edges()) == sorted((u, v) for u, v in g.edges())
