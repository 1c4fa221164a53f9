"""Presence constructions (issue 10: DEPLOYED_IN / OPERATES / CONTROLS / LOCATED_IN): what
puts an actor's forces in a place, and the places that are only named in passing.

Every sentence is written for this test (none comes from an article or from ../shared).
They run through the whole blank pipeline; each case lists triples that must be found and
triples that must not.
"""

from __future__ import annotations

import pytest

from tests.test_constructions import case, check_case, nlp  # noqa: F401

US, IRAN, TURKEY, RUSSIA, SYRIA = "United States", "Iran", "Turkey", "Russia", "Syria"

# forces hit at a place, or forces that are one side of a clash there: the place belongs
# to the event, not to a deployment
PASSING = [
    case("A roadside bomb killed four Turkish soldiers near Kirkuk on Monday.",
         [], [(TURKEY, "DEPLOYED_IN", "Kirkuk")]),
    case("Militants ambushed dozens of American troops at Tanf, officials said.",
         [], [(US, "DEPLOYED_IN", "Al-Tanf base")]),
    case("Clashes between Syrian forces and Kurdish fighters in Raqqa left ten dead.",
         [], [(SYRIA, "DEPLOYED_IN", "Raqqa")]),
    # the same force phrase without the casualty verb is still a presence
    case("Four Turkish soldiers near Kirkuk were put on alert.",
         [(TURKEY, "DEPLOYED_IN", "Kirkuk")]),
    case("American troops at Tanf were reinforced last week.",
         [(US, "DEPLOYED_IN", "Al-Tanf base")]),
]

# facilities an actor owns are not forces it has deployed
FACILITIES = [
    case("Israeli jets struck Iran's nuclear facilities at Natanz.",
         [], [(IRAN, "DEPLOYED_IN", "Natanz")]),
    case("Iran's forces at Natanz were placed on alert.",
         [(IRAN, "DEPLOYED_IN", "Natanz")]),
]

# an actor's forces that use a named base hold it (OPERATES); a leader's use of a base, a
# weapon used near one, or a bare actor "using" one (a speech, a stopover) is no operator
USED_BASE = [
    case("American troops are using the Ain al-Asad air base again.",
         [(US, "OPERATES", "Ain al-Asad base")]),
    case("Russian military personnel have used the Hmeimim air base since 2016.",
         [(RUSSIA, "OPERATES", "Hmeimim air base")]),
    case("Russian troops used drones near the Hmeimim air base.",
         [], [(RUSSIA, "OPERATES", "Hmeimim air base")]),
    case("Russia has used the Hmeimim air base for a press conference.",
         [], [(RUSSIA, "OPERATES", "Hmeimim air base")]),
]

ALL = PASSING + FACILITIES + USED_BASE


@pytest.mark.parametrize("text, want, never", ALL)
def test_presence_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
