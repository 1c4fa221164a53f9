"""Construction families of issue 10 added in session 6 by the places lane: control of a
share of a state, capitals and towns placed in their region, founders of an alliance,
and copular membership and location. Checked as in :mod:`tests.test_constructions`
(sentences written for the test, the whole blank pipeline, triples that must and must
not be found).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import (  # noqa: F401
    IRAN,
    RUSSIA,
    case,
    check_case,
    nlp,
)

# an armed group that holds a share of a state ("much of", "large parts of", "half of")
# controls the state; a share of a region ("southern Somalia") or of a possessed part
# ("Syria's oil") is not the state's, and a state holding a share of another is left to
# the occupation rules
SHARE_OF_STATE = [
    case("The Houthis control much of Yemen.", [("Houthis", "CONTROLS", "Yemen")]),
    case("Al-Shabaab controls large parts of Somalia.", [("Al-Shabaab", "CONTROLS", "Somalia")]),
    case("The Taliban control most of Afghanistan.", [("Taliban", "CONTROLS", "Afghanistan")]),
    case("The RSF holds swathes of Sudan.", [("Rapid Support Forces", "CONTROLS", "Sudan")]),
    case("JNIM now controls half of Mali.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "CONTROLS", "Mali")]),
    case("Islamic State fighters once held a third of Iraq.", [("ISIS", "CONTROLS", "Iraq")]),
    case("The Houthis, who control much of Yemen, fired missiles.",
         [("Houthis", "CONTROLS", "Yemen")]),
    case("Much of Yemen is controlled by the Houthis.", [("Houthis", "CONTROLS", "Yemen")]),
    case("Large parts of Somalia are held by al-Shabaab.",
         [("Al-Shabaab", "CONTROLS", "Somalia")]),
    case("The SDF holds a quarter of Syria's oil reserves.", [],
         [("Syrian Democratic Forces", "CONTROLS", "Syria")]),
    case("Iran holds much of the blame for the war in Yemen.", [], [(IRAN, "CONTROLS", "Yemen")]),
    case("Much of the aid to Sudan was seized by the RSF.", [],
         [("Rapid Support Forces", "CONTROLS", "Sudan")]),
    case("The Houthis, who control Yemen's capital, fired missiles.", [],
         [("Houthis", "CONTROLS", "Yemen")]),
    case("Russia now occupies about a fifth of Ukraine's territory.", [],
         [(RUSSIA, "CONTROLS", "Ukraine")]),
]

ALL = SHARE_OF_STATE


@pytest.mark.parametrize("text, want, never", ALL)
def test_session6_places_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)


def test_share_nouns_agree():
    """The CONTROLS rules' share nouns (their cue) and the frames' (their check) are one
    list written twice."""
    import json
    from pathlib import Path

    from kg.wordlists import words

    rules = json.loads((Path(__file__).resolve().parents[1] / "kg" / "data" / "relations"
                        / "CONTROLS.json").read_text(encoding="utf-8"))
    assert set(rules["words"]["shares"]) == set(words("frames")["share_nouns"])
