"""Session 7 constructions found by phrasing batteries rather than by development misses
(issue 10): common news wordings the rules did not read.

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


# "Y came under (heavy) rocket fire from X": the target is told first
@pytest.mark.parametrize("text, want", [
    ("Israel came under rocket fire from Hezbollah.", ("Hezbollah", "ATTACKS", "Israel")),
    ("Odesa came under heavy drone attack from Russia overnight.",
     ("Russia", "ATTACKS", "Odesa")),
    ("Syrian army positions were under constant shelling by the SDF.",
     ("Syrian Democratic Forces", "ATTACKS", "Syria")),
    ("The Ain al-Asad base came under attack by Kataib Hezbollah.",
     ("Kataib Hezbollah", "ATTACKS", "Ain al-Asad base")),
])
def test_came_under_attack_from(nlp, text, want):
    assert want in found(nlp, text)


def test_came_under_fire_without_an_attacker_names_none(nlp):
    got = found(nlp, "Turkish troops came under fire near the border, Ankara said.")
    assert not any(r == "ATTACKS" for _, r, _ in got)
