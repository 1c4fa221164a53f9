import json

import pytest

from kg.model import Triple
from kg.store import GraphFileError, NetworkXStore


def t(s, r, o, doc="d.txt", start=0, date=None, negated=False, st="STATE", ot="ORGANIZATION",
      conf=0.6, attributed_to=None):
    return Triple(s, st, r, o, ot, doc, f"{s} {r} {o}.", start, start + 10, "test", conf,
                  negated=negated, attributed_to=attributed_to, date=date)


def test_one_edge_per_pair_and_relation_with_aggregated_evidence(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    res = store.load([t("Iran", "BACKS", "Hezbollah", start=0, date="2019-05-01"),
                      t("Iran", "BACKS", "Hezbollah", start=50, date="2018-01-02", conf=0.9),
                      t("Iran", "BACKS", "Hezbollah", doc="e.txt", start=0)])
    assert (res.nodes_created, res.relationships_created, res.evidence_added) == (2, 1, 3)
    e = store.graph.edges["Iran", "Hezbollah", "BACKS"]
    assert e["mentions"] == 3
    assert e["first_date"] == "2018-01-02" and e["last_date"] == "2019-05-01"
    assert e["confidence"] == 0.9
    assert e["docs"] == ["d.txt", "d.txt", "e.txt"]
    assert len(e["sentences"]) == len(e["rules"]) == len(e["dates"]) == 3
    assert store.graph.nodes["Iran"]["__labels__"] == {"Entity", "Actor", "State"}


def test_loading_twice_changes_nothing(tmp_path):
    triples = [t("Iran", "BACKS", "Hezbollah"), t("United States", "ATTACKS", "Kataib Hezbollah")]
    store = NetworkXStore(tmp_path / "g.json")
    store.load(triples)
    before = json.dumps(store.stats()), store.graph.edges["Iran", "Hezbollah", "BACKS"]["mentions"]
    again = store.load(triples)
    assert (again.nodes_created, again.relationships_created, again.evidence_added) == (0, 0, 0)
    assert (json.dumps(store.stats()),
            store.graph.edges["Iran", "Hezbollah", "BACKS"]["mentions"]) == before


def test_symmetric_relations_are_stored_once_whatever_the_direction(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    store.load([t("Russia", "NEGOTIATES_WITH", "Iran", ot="STATE", start=0),
                t("Iran", "NEGOTIATES_WITH", "Russia", ot="STATE", start=20)])
    assert store.graph.number_of_edges() == 1
    assert store.graph.has_edge("Iran", "Russia", "NEGOTIATES_WITH")


def test_negated_triples_stay_out_unless_asked_for(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    store.load([t("Russia", "BACKS", "ISIS", negated=True)])
    assert store.graph.number_of_edges() == 0
    store.load([t("Russia", "BACKS", "ISIS", negated=True)], include_negated=True)
    assert store.graph.edges["Russia", "ISIS", "BACKS|negated"]["negated"] is True
    assert store.stats()["negated_relations"] == 1
    assert store.stats()["relations"] == {}


def test_self_loops_are_dropped(tmp_path):
    store = NetworkXStore(tmp_path / "g.json")
    assert store.load([t("Iran", "BACKS", "Iran", ot="STATE")]).rows == 0


def test_save_and_reopen_keeps_graph_and_labels(tmp_path):
    path = tmp_path / "sub" / "g.json"
    store = NetworkXStore(path)
    store.load([t("Iran", "BACKS", "Hezbollah", attributed_to="Reuters")])
    store.save()
    again = NetworkXStore(path)
    assert again.stats() == store.stats()
    assert again.graph.nodes["Hezbollah"]["__labels__"] == {"Entity", "Actor", "Organization"}
    assert again.graph.edges["Iran", "Hezbollah", "BACKS"]["attributed_to"] == ["Reuters"]
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("content", ["", "{\"nodes\": [", "[1, 2]", "{\"format\": \"other\"}"])
def test_damaged_or_foreign_graph_files_give_a_clear_error(tmp_path, content):
    path = tmp_path / "g.json"
    path.write_text(content)
    with pytest.raises(GraphFileError):
        NetworkXStore(path)


def test_missing_graph_is_an_error_when_not_creating(tmp_path):
    with pytest.raises(GraphFileError, match="kg build"):
        NetworkXStore(tmp_path / "none.json", create=False)
