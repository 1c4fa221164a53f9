"""Negation, attribution and dates on triples (own sentences)."""

from __future__ import annotations

import pytest
import spacy
from test_relations import run

import kg.components.relations  # noqa: F401  (registers kg_relations)
from kg.qualifiers import attribution, date_for, is_negated, paragraph_bounds


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_relations")
    return nlp


def rels(nlp, text, ents):
    return {(r["subject"], r["relation"], r["object"]): r
            for r in run(nlp, text, ents)._.kg_relations}


S, G = "STATE", "ORGANIZATION"


@pytest.mark.parametrize("text", [
    "Jordan does not support the Free Syrian Army.",
    "Jordan no longer supports the Free Syrian Army.",
    "Jordan has never supported the Free Syrian Army.",
    "Jordan denied arming the Free Syrian Army.",
    "Jordan didn't support the Free Syrian Army.",
])
def test_negated(nlp, text):
    got = rels(nlp, text, [("Jordan", S, "Jordan"), ("Free Syrian Army", G, "Free Syrian Army")])
    rec = got[("Jordan", "BACKS", "Free Syrian Army")]
    assert rec["negated"] is True


def test_not_negated(nlp):
    got = rels(nlp, "Jordan supports the Free Syrian Army, not the Islamic Front.",
               [("Jordan", S, "Jordan"), ("Free Syrian Army", G, "Free Syrian Army"),
                ("Islamic Front", G, "Islamic Front")])
    assert got[("Jordan", "BACKS", "Free Syrian Army")]["negated"] is False


def test_negation_is_clause_local(nlp):
    doc = nlp.make_doc("It is not clear why. Egypt condemned Hamas.")
    assert not is_negated(doc, 6, 6, 7, 8)  # "Egypt condemned": sentence 2 has no negator


def test_attribution_said(nlp):
    got = rels(nlp, "Turkish officials said Ankara sanctioned the Wagner Group.",
               [("Turkish officials", S, "Turkey"), ("Ankara", S, "Turkey"),
                ("Wagner Group", G, "Wagner Group")])
    assert got[("Turkey", "OPPOSES", "Wagner Group")]["attributed_to"] == "Turkey"


def test_attribution_according_to(nlp):
    got = rels(nlp, "According to Amnesty International, Egypt armed the Libyan National Army.",
               [("Amnesty International", G, "Amnesty International"), ("Egypt", S, "Egypt"),
                ("Libyan National Army", G, "Libyan National Army")])
    assert got[("Egypt", "BACKS", "Libyan National Army")]["attributed_to"] == \
        "Amnesty International"


def test_attribution_inverted_and_plain_names():
    nlp = spacy.blank("en")
    doc = nlp("Egypt armed the group, says Colonel Ahmed Mansour.")
    assert attribution(doc, 0, len(doc)) == "Colonel Ahmed Mansour"
    doc = nlp("Mansour said Egypt armed the group.")
    assert attribution(doc, 0, len(doc)) == "Mansour"
    doc = nlp("Egypt armed the group.")
    assert attribution(doc, 0, len(doc)) is None


def test_date_from_sentence_paragraph_or_document():
    text = ("On 3 March 2021, Egypt armed the group.\n"
            "Back in May 2020 the talks failed. Jordan then backed the plan.\n"
            "Jordan backed it again.")
    s = text.index("On 3")
    assert date_for(text, s, text.index("\n")) == "2021-03-03"
    j = text.index("Jordan then")
    assert date_for(text, j, text.index("\n", j)) == "2020-05"
    k = text.index("Jordan backed it")
    assert date_for(text, k, len(text), "January 24th, 2026") == "2026-01-24"
    assert date_for(text, k, len(text)) is None


def test_paragraph_bounds():
    text = "a b.\nc d. e f.\ng."
    i = text.index("e f")
    assert text[slice(*paragraph_bounds(text, i, i + 4))] == "c d. e f."


def test_denial_does_not_reach_an_apposition_after_a_comma(nlp):
    got = rels(nlp, "Cairo denied funding the Sudanese Army, the force fighting the RSF.",
               [("Cairo", S, "Egypt"), ("Sudanese Army", G, "Sudanese Armed Forces"),
                ("RSF", G, "Rapid Support Forces")])
    assert got[("Egypt", "BACKS", "Sudanese Armed Forces")]["negated"] is True
    assert got[("Sudanese Armed Forces", "ATTACKS", "Rapid Support Forces")]["negated"] is False
    got = rels(nlp, "Cairo denied that the Sudanese Army attacked the RSF.",
               [("Cairo", S, "Egypt"), ("Sudanese Army", G, "Sudanese Armed Forces"),
                ("RSF", G, "Rapid Support Forces")])
    assert got[("Sudanese Armed Forces", "ATTACKS", "Rapid Support Forces")]["negated"] is True
