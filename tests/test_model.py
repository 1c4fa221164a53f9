import json

import pytest

from kg.model import TRIPLE_FIELDS, Triple
from kg.ontology import OntologyError


def make(**kw):
    base = dict(subject="IRGC", subject_type="ORGANIZATION", relation="BACKS",
                object="Kataib Hezbollah", object_type="ORGANIZATION", doc_id="a.txt",
                sentence="The IRGC arms Kataib Hezbollah.", start=10, end=41, rule="t",
                confidence=0.7)
    base.update(kw)
    return Triple(**base)


def test_triple_round_trips_through_json_with_every_contract_field():
    t = make(negated=True, attributed_to="Pentagon", date="2019-12-29")
    data = json.loads(t.to_json())
    for name in ("subject", "subject_type", "relation", "object", "object_type", "doc_id",
                 "sentence", "start", "end", "rule", "confidence", "negated",
                 "attributed_to", "date"):
        assert name in data
    assert set(data) == set(TRIPLE_FIELDS)
    assert Triple.from_dict(data) == t


def test_unknown_relation_or_type_is_refused():
    with pytest.raises(OntologyError):
        make(relation="LIKES")
    with pytest.raises(OntologyError):
        make(subject_type="COUNTRY")


def test_from_dict_ignores_extra_keys_and_fills_defaults():
    t = Triple.from_dict({"subject": "Iran", "relation": "BACKS", "object": "Hezbollah",
                          "subject_type": "STATE", "extra": 1})
    assert t.subject_type == "STATE" and t.object_type == "ORGANIZATION" and t.rule == "external"


def test_evidence_key_identifies_doc_and_offsets():
    assert make().evidence_key == "a.txt:10:41"
