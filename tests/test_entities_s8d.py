"""Session 8 (lane s8d, issue 10): recognition of actors kg has never seen, by the shape
of news prose rather than by a list of names.

Every sentence is written for this test (none is taken from an article, ../shared or
tests/data); the people and vessels are invented, so only the construction can find them.
"""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.test_constructions import case, check_case


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


# A lower-case office word right before a capitalised name introduces a person, as the
# other lower-case roles do ("Iceland's premier Jon-Petur Arnason", "Kano governor X",
# "Lviv mayor X"); the office word alone ("the premier league") names no one.
LOWER_CASE_OFFICES = [
    case("Iceland's premier Jon-Petur Arnason criticised Norway.",
         [("Jon-Petur Arnason", "LEADS", "Iceland"), ("Jon-Petur Arnason", "OPPOSES", "Norway")]),
    case("Kano governor Abba Yusufu condemned the attack by Boko Haram.",
         [("Abba Yusufu", "OPPOSES", "Boko Haram")]),
    case("Lviv mayor Andriy Sadovenko accused Russia of shelling the city.",
         [("Andriy Sadovenko", "OPPOSES", "Russia")]),
    # the office word without a name after it: the state itself speaks, no person
    case("Iceland's premier said Norway was wrong.",
         [], [("Iceland", "LEADS", "Norway")]),
]


@pytest.mark.parametrize("text, want, never", LOWER_CASE_OFFICES)
def test_lower_case_offices(nlp, text, want, never):
    check_case(nlp, text, want, never)
