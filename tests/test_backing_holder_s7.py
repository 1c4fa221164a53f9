"""Backing told from the side that has it (issue 10): "X enjoys / has / won the support of
Y" is Y backing X; "X sought / lost the support of Y" is no backing at all. Before this
rule the nominal cue took X, the word on its left, as the backer.

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


@pytest.mark.parametrize("text, backer, backed", [
    ("Hamas enjoys the backing of Qatar.", "Qatar", "Hamas"),
    ("The Houthis have the full support of Iran.", "Iran", "Houthis"),
    ("The GNA won the backing of Turkey last year.", "Turkey", "Government of National Accord"),
    ("The YPG relies on the support of the United States.", "United States", "YPG"),
])
def test_the_side_that_has_the_support_is_backed(nlp, text, backer, backed):
    got = found(nlp, text)
    assert (backer, "BACKS", backed) in got
    assert (backed, "BACKS", backer) not in got


@pytest.mark.parametrize("text, a, b", [
    ("Hamas sought the support of Qatar.", "Hamas", "Qatar"),
    ("The YPG lost the support of the United States.", "YPG", "United States"),
])
def test_support_sought_or_lost_is_no_backing(nlp, text, a, b):
    got = found(nlp, text)
    assert (a, "BACKS", b) not in got and (b, "BACKS", a) not in got


def test_the_possessor_still_backs(nlp):
    assert ("Iran", "BACKS", "Houthis") in found(nlp, "Iran stepped up its support of the "
                                                     "Houthis.")
