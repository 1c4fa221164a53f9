"""Modality (issue 10): an attack that is threatened, expected or judged (un)likely is not
an attack that happened; kg keeps the stance (OPPOSES) and leaves the attack out.

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


@pytest.mark.parametrize("text, subj, obj", [
    # the intention verb stands four words before the nominal cue
    ("Turkey has threatened to launch a new offensive against the PKK.", "Turkey", "PKK"),
    ("Azerbaijan vowed to mount a fresh assault on Armenia.", "Azerbaijan", "Armenia"),
    # an attack judged likely, unlikely or expected
    ("Experts say Russia is unlikely to invade Finland.", "Russia", "Finland"),
    ("Israel is expected to strike Hezbollah in the coming days.", "Israel", "Hezbollah"),
    ("Officials said India was likely to attack Pakistan.", "India", "Pakistan"),
    ("Ukraine is going to attack Russia again, a commander said.", "Ukraine", "Russia"),
])
def test_a_threatened_or_expected_attack_is_a_stance(nlp, text, subj, obj):
    got = found(nlp, text)
    assert (subj, "ATTACKS", obj) not in got
    assert (subj, "OPPOSES", obj) in got


@pytest.mark.parametrize("text, subj, obj", [
    # "to" of purpose after a motion verb: the offensive happened
    ("Russia sent troops to launch an offensive against Ukraine.", "Russia", "Ukraine"),
    # "expected" as a past participle of another clause does not reach the cue
    ("As expected, Israel struck Hezbollah on Monday.", "Israel", "Hezbollah"),
])
def test_an_attack_that_happened_stays_an_attack(nlp, text, subj, obj):
    assert (subj, "ATTACKS", obj) in found(nlp, text)
