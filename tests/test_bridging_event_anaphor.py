"""``bridge.event_anaphor`` (issue 10, cross-sentence family): "A struck B." / "The strikes
killed a C commander." — a definite attack noun that points back gives the attack of the
earlier sentence its attacker.

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
    ("Turkish drones struck villages near Qamishli on Monday. The strikes killed three "
     "fighters of the YPG, a local official said.", ("Turkey", "ATTACKS", "YPG")),
    ("Ukraine fired dozens of drones at Belgorod overnight. One of the attacks hit a "
     "Russian ammunition depot.", ("Ukraine", "ATTACKS", "Russia")),
    ("Pakistan bombed hideouts in Khost province on Tuesday. Residents said the raids "
     "killed several members of the Pakistani Taliban.",
     ("Pakistan", "ATTACKS", "Tehreek-e-Taliban Pakistan")),
    # the earlier attack named no target: its attacker still counts
    ("Israeli jets killed four people near Tyre on Friday. The latest strikes targeted a "
     "Hamas commander.", ("Israel", "ATTACKS", "Hamas")),
])
def test_definite_attack_noun_takes_the_earlier_attacker(nlp, text, want):
    assert want in found(nlp, text)


@pytest.mark.parametrize("text, never", [
    # nothing told before: the strikes have no attacker
    ("The strikes killed a senior Hamas commander, officials said.",
     ("Israel", "ATTACKS", "Hamas")),
    # a new paragraph is another story
    ("Turkish drones struck villages near Qamishli on Monday.\n"
     "The strikes killed three fighters of the YPG.", ("Turkey", "ATTACKS", "YPG")),
    # the noun names its own attacker: not the earlier one
    ("Israel struck Gaza City on Monday. The raid by Hamas gunmen on Kibbutz Beeri killed "
     "dozens.", ("Israel", "ATTACKS", "Kibbutz Beeri")),
    # an indefinite noun is a new attack, not the one told
    ("Turkish drones struck villages near Qamishli on Monday. A strike later killed three "
     "fighters of the YPG.", ("Turkey", "ATTACKS", "YPG")),
])
def test_no_earlier_attacker_without_a_pointing_noun(nlp, text, never):
    assert never not in found(nlp, text)
