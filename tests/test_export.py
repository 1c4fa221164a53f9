import json

import networkx as nx

from kg.export import export_graph
from kg.model import Triple
from kg.store import NetworkXStore


def _graph(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    store.load([
        Triple("United States", "STATE", "OPERATES", "Al-Tanf base", "FACILITY", "a.txt",
               "The US runs the Al-Tanf base.", 0, 29, "t", 0.8, date="2020-01-03"),
        Triple("United States", "STATE", "ATTACKS", "Al-Tanf base", "FACILITY", "a.txt",
               "Made-up second relation.", 30, 55, "t", 0.5),
        Triple("Al-Tanf base", "FACILITY", "LOCATED_IN", "Syria", "STATE", "b.txt",
               "Al-Tanf lies in Syria.", 0, 22, "t", 0.8),
    ])
    return store.graph


def test_graphml_round_trip_keeps_counts_labels_and_evidence(tmp_path):
    g = _graph(tmp_path)
    path = export_graph(g, tmp_path / "out.graphml", "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert back.number_of_nodes() == g.number_of_nodes() == 3
    assert back.number_of_edges() == g.number_of_edges() == 3
    assert back.nodes["United States"]["labels"] == "Entity:Actor:State"
    assert back.nodes["Al-Tanf base"]["type"] == "FACILITY"
    types = sorted(d["type"] for _, _, d in back.edges(data=True))
    assert types == ["ATTACKS", "LOCATED_IN", "OPERATES"]
    operates = next(d for _, _, d in back.edges(data=True) if d["type"] == "OPERATES")
    assert json.loads(operates["sentences"]) == ["The US runs the Al-Tanf base."]
    assert operates["first_date"] == "2020-01-03"
    # GraphML holds only scalars: nothing list-valued may survive into the file
    for _, d in back.nodes(data=True):
        assert all(not isinstance(v, (list, set)) for v in d.values())


def test_json_export_is_the_kg_graph_format(tmp_path):
    g = _graph(tmp_path)
    path = export_graph(g, tmp_path / "out.json", "json")
    data = json.loads(path.read_text())
    assert data["format"] == "kg-graph" and len(data["relationships"]) == 3
