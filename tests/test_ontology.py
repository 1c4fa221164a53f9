import pytest

from kg import ontology
from kg.ontology import OntologyError


def test_twelve_relations_and_six_types_match_the_spec():
    assert len(ontology.relations()) == 12
    assert set(ontology.entity_types()) == {
        "STATE", "ORGANIZATION", "PERSON", "GROUP", "FACILITY", "LOCATION"}
    assert ontology.symmetric_relations() == {"ALLIED_WITH", "NEGOTIATES_WITH"}


def test_labels_put_the_key_label_first():
    assert ontology.labels_for("STATE") == ("Entity", "Actor", "State")
    assert ontology.labels_for("FACILITY") == ("Entity", "Place", "Facility")


@pytest.mark.parametrize("bad", ["backs", "BACKS]->() DETACH DELETE n //", "BACKS`", "", "FOO"])
def test_relation_allow_list_rejects_anything_else(bad):
    with pytest.raises(OntologyError):
        ontology.check_relation(bad)


@pytest.mark.parametrize("bad", ["State:Admin", "State`) DETACH DELETE n //", "state", "Person "])
def test_label_allow_list_rejects_anything_else(bad):
    with pytest.raises(OntologyError):
        ontology.check_label(bad)
