"""``kg_coref``: pronouns and definite descriptions within a paragraph."""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def coref(nlp, text):
    doc = nlp(text)
    out = []
    for s in doc.spans["kg_coref"]:
        a = s._.kg_antecedent
        out.append((s.text, s.label_, s.kb_id_, doc[a[0]:a[1]].text))
    return out


def test_its_refers_to_the_subject(nlp):
    got = coref(nlp, "Russia expanded its presence east of the Euphrates.")
    assert got == [("its", "STATE", "Russia", "Russia")]


def test_its_skips_prepositional_objects(nlp):
    got = coref(nlp, "Washington announced the defeat of ISIS together with its allies.")
    assert got == [("its", "STATE", "United States", "Washington")]


def test_it_in_the_next_sentence(nlp):
    got = coref(nlp, "The Syrian Observatory for Human Rights published a report. "
                     "It said that 40 fighters were killed.")
    assert got == [("It", "ORGANIZATION", "Syrian Observatory for Human Rights",
                    "Syrian Observatory for Human Rights")]


def test_expletive_it_is_skipped(nlp):
    assert coref(nlp, "Turkey stayed silent. It is not clear whether it will act.") \
        == [("it", "STATE", "Turkey", "Turkey")]
    assert coref(nlp, "Iran kept quiet. It doesnt seem likely to change.") == []


def test_a_noun_phrase_the_pronoun_may_mean_blocks_it(nlp):
    # "it" is the crossing, not Turkey
    assert coref(nlp, "Turkey closed the crossing. It is not clear whether it will reopen.") \
        == []


def test_object_it_is_not_its_own_clauses_subject(nlp):
    got = coref(nlp, "Tehran funds Hezbollah, and the IRGC sends it rockets.")
    assert got == [("it", "ORGANIZATION", "Hezbollah", "Hezbollah")]


def test_pronoun_after_a_resolved_description(nlp):
    got = coref(nlp, "Hamas lost ground. Qatar hosts the group, and Iran arms it.")
    assert ("it", "ORGANIZATION", "Hamas", "Hamas") in got


def test_they_and_their_need_a_plural_actor(nlp):
    got = coref(nlp, "The Houthis fired drones and said their campaign would go on.")
    assert got == [("their", "ORGANIZATION", "Houthis", "Houthis")]
    assert coref(nlp, "Iran said their campaign would go on.") == []


def test_plural_noun_in_between_blocks_they(nlp):
    got = coref(nlp, "Militias backed by the IRGC used the US presence to justify their "
                     "deployment.")
    assert got == []


def test_the_group_and_the_militia(nlp):
    got = coref(nlp, "Kataib Hezbollah denied the attack. The group later said the militia "
                     "had no drones.")
    assert [(t, kb) for t, _, kb, _ in got] == [("The group", "Kataib Hezbollah"),
                                               ("the militia", "Kataib Hezbollah")]


def test_the_base_and_the_camp(nlp):
    got = coref(nlp, "US troops arrived at Ain al-Asad. Officials said the base was hit.")
    assert got == [("the base", "FACILITY", "Ain al-Asad base", "Ain al-Asad")]


def test_the_country_and_the_city(nlp):
    got = coref(nlp, "Militias entered Mosul after Iraq asked for help. Weapons reached the "
                     "country while fighting raged in the city.")
    assert [(t, kb) for t, _, kb, _ in got] == [("the country", "Iraq"), ("the city", "Mosul")]


def test_terror_group(nlp):
    got = coref(nlp, "ISIS lost Baghouz. The road is still blocked by the terror group.")
    assert [(t, kb) for t, _, kb, _ in got] == [("the terror group", "ISIS")]


def test_paragraph_boundary_stops_resolution(nlp):
    assert coref(nlp, "Hezbollah fired rockets.\n\nThe group was not named.") == []


def test_entity_mentions_are_not_anaphors(nlp):
    assert coref(nlp, "The Syrian regime denied it. The Iraqi government agreed.") == []


def test_modal_it_is_not_expletive(nlp):
    got = coref(nlp, "Kataib Hezbollah warned that it would target US bases if Washington "
                     "stayed.")
    assert got == [("it", "ORGANIZATION", "Kataib Hezbollah", "Kataib Hezbollah")]


def test_definite_prefers_the_subject_over_a_prepositional_object(nlp):
    got = coref(nlp, "Kataib Hezbollah, one of the factions of the Popular Mobilization "
                     "Forces, denied it. The group later fired drones.")
    assert ("The group", "ORGANIZATION", "Kataib Hezbollah", "Kataib Hezbollah") in got
