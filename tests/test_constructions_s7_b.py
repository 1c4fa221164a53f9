"""Construction families of issue 10 added in session 7 by the membership / presence lane
(PART_OF, CONTROLS, DEPLOYED_IN, OPERATES, BACKS, ALLIED_WITH, LEADS, LOCATED_IN), one list
of cases per family, checked as in :mod:`tests.test_constructions` (sentences written for
the test, the whole blank pipeline, triples that must and must not be found).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import (  # noqa: F401
    IRAN,
    ISRAEL,
    RUSSIA,
    TURKEY,
    US,
    case,
    check_case,
    nlp,
)

# presence kept, and presence at a base: forces stationed at a named base or camp hold it;
# a discussed plan, a civilian site, a noun that looks like a verb and a reported "that"
# are no presence
PRESENCE = [
    case("Turkey has kept troops at a dozen hilltop outposts inside Iraq.",
         [(TURKEY, "DEPLOYED_IN", "Iraq")]),
    case("Russia has kept a small garrison at Tartus since 2015.",
         [(RUSSIA, "DEPLOYED_IN", "Tartus")]),
    case("About 4,000 US troops are stationed at Camp Lemonnier in Djibouti.",
         [(US, "DEPLOYED_IN", "Camp Lemonnier"), (US, "OPERATES", "Camp Lemonnier")]),
    case("American troops are stationed in Kosovo, most of them at Camp Bondsteel.",
         [(US, "DEPLOYED_IN", "Kosovo"), (US, "OPERATES", "Camp Bondsteel")]),
    # seen at a base someone else runs: present there, not its operator
    case("Russian forces have been seen at the Tiyas Air Base.",
         [(RUSSIA, "DEPLOYED_IN", "T4 air base")], [(RUSSIA, "OPERATES", "T4 air base")]),
    case("Iranian officials have discussed setting up military bases in Venezuela.", [],
         [(IRAN, "DEPLOYED_IN", "Venezuela")]),
    case("Iraq is weighing sending troops to Syria.", [], [("Iraq", "DEPLOYED_IN", "Syria")]),
    case("Israel struck Iran's nuclear facilities at Natanz and Isfahan.", [],
         [(IRAN, "DEPLOYED_IN", "Isfahan")]),
    case("Hezbollah fighters overran the last army garrison in Qusayr.", [],
         [("Hezbollah", "DEPLOYED_IN", "Qusayr")]),
    case("Japan said it had tracked 30 Chinese aircraft, and that it had dispatched its own "
         "jets in response.", [], [("Japan", "DEPLOYED_IN", "China")]),
]

ALL = PRESENCE


@pytest.mark.parametrize("text, want, never", ALL)
def test_session7_b_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
