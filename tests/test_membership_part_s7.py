"""Membership by "part of" (issue 10): a state that is or became part of an alliance is its
member; "part" as the bare object of a verb is a share, not a membership.

Every sentence is written for this test (none is taken from an article or ../shared).
"""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


def found(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["relation"], r["object"])
            for r in nlp(text)._.kg_relations if not r["negated"]}


@pytest.mark.parametrize("text, want", [
    ("Finland is part of NATO.", ("Finland", "PART_OF", "NATO")),
    ("Sweden became part of NATO last year.", ("Sweden", "PART_OF", "NATO")),
    ("Poland, now part of NATO, hosted the drills.", ("Poland", "PART_OF", "NATO")),
    ("Egypt remains part of the Arab League.", ("Egypt", "PART_OF", "Arab League")),
    ("Kataib Hezbollah is an integral part of the Popular Mobilization Forces.",
     ("Kataib Hezbollah", "PART_OF", "Popular Mobilization Forces")),
])
def test_part_of_is_membership(nlp, text, want):
    assert want in found(nlp, text)


@pytest.mark.parametrize("text, never", [
    ("The European Union has funded part of the Nigerian mission.",
     ("European Union", "PART_OF", "Nigeria")),
    ("Qatar has financed part of Hamas's budget.", ("Qatar", "PART_OF", "Hamas")),
    ("Turkey paid for part of the NATO exercise.", ("Turkey", "PART_OF", "NATO")),
])
def test_part_as_a_verb_object_is_a_share(nlp, text, never):
    assert never not in found(nlp, text)
