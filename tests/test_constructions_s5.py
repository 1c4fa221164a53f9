"""Construction families of issue 10 added in session 5: membership appositions on either
side of the name, administrative regions named only by their head noun, "the largest city
in", defence treaties, people recruited without a group name, and a state's "military"
kept across an article.

Every sentence is written for this test (none comes from an article or from ../shared).
They run through the whole blank pipeline; each case lists triples that must be found and
triples that must not.
"""

from __future__ import annotations

import pytest

from tests.test_constructions import case, check_case, nlp  # noqa: F401

US, IRAN, RUSSIA, SYRIA, TURKEY = "United States", "Iran", "Russia", "Syria", "Turkey"

# "Y's armed wing, X," as well as "X, Y's armed wing,"; the name's acronym may stand
# between the name and its apposition
MEMBERSHIP_APPOSITION = [
    case("Hezbollah's military wing, the Islamic Resistance, fired rockets at Israel.",
         [("Islamic Resistance", "PART_OF", "Hezbollah")]),
    case("The Syrian Democratic Forces (SDF), the main component of which is Kurdish, "
         "held Raqqa.", [], [("Syrian Democratic Forces", "PART_OF", "Raqqa")]),
    case("The Quds Force (QF), the IRGC's external arm, trains militias abroad.",
         [("Quds Force", "PART_OF", "IRGC")]),
    case("Ankara calls the PKK's main affiliate, the YPG, a terrorist group.",
         [("YPG", "PART_OF", "PKK")]),
    case("The Islamic State's West African affiliate, the Islamic State West Africa Province, "
         "grew.", [], [("Islamic State West Africa Province", "PART_OF", "Nigeria")]),
]

# an unknown capitalised name before "state", "province", "region" is a place
REGIONS = [
    case("The army shelled villages in northern Kachin state on Sunday.",
         [], [("Kachin", "PART_OF", "Myanmar")]),
    case("Fighting spread to the town of Maungdaw in western Rakhine state.",
         [("Maungdaw", "LOCATED_IN", "Rakhine")]),
    case("The rebels control most of Kayah state.",
         [], [("Kayah", "LOCATED_IN", "Kayah")]),
    case("The Islamic State claimed the attack.", [], [("Islamic", "LOCATED_IN", "State")]),
]

LARGEST_CITY = [
    case("Aleppo, the second-largest city of Syria, fell to the rebels.",
         [("Aleppo", "LOCATED_IN", SYRIA)]),
    case("The drone hit Mosul, the largest city in northern Iraq, at dawn.",
         [("Mosul", "LOCATED_IN", "Iraq")]),
]

# a treaty of mutual defence is an alliance (and the signing a negotiation); a suspended
# one is not
DEFENCE_TREATY = [
    case("Japan signed a mutual defence treaty with Australia in 2024.",
         [("Japan", "ALLIED_WITH", "Australia")]),
    case("The United States, which has a 1953 mutual defense treaty with South Korea, "
         "condemned the launch.", [(US, "ALLIED_WITH", "South Korea")]),
    case("The defence pact between Turkey and Qatar was renewed.",
         [(TURKEY, "ALLIED_WITH", "Qatar")]),
    case("Iran and Russia held talks on a trade treaty.", [], [(IRAN, "ALLIED_WITH", RUSSIA)]),
]

# people recruited without a group name are named by the phrase (or by their country)
RECRUITED_PEOPLE = [
    case("Hezbollah recruited hundreds of children last year.",
         [("Hezbollah", "RECRUITS", "children")]),
    case("Russia has recruited thousands of men from Syria and Iran to fight.",
         [(RUSSIA, "RECRUITS", "men from Syria"), (RUSSIA, "RECRUITS", "men from Iran")]),
    case("ISIS still recruits fighters among young men in the camps.",
         [("ISIS", "RECRUITS", "young men")]),
    case("Turkey has drafted more than 2,000 young men into its reserve.",
         [(TURKEY, "RECRUITS", "young men")]),
    case("The committee drafted a new resolution on Syria.", [],
         [("Syria", "RECRUITS", "resolution")]),
]

# "the military" keeps the state it meant earlier in the article when another state is
# named in between without its own military
CHAINED_MILITARY = [
    case("Myanmar's junta has lost ground to the rebels. The military has bombed villages "
         "since March. China's envoy visited Naypyitaw last week. The military has drafted "
         "tens of thousands of young men.",
         [("Myanmar", "RECRUITS", "young men")], [("China", "RECRUITS", "young men")]),
]

ALL = (MEMBERSHIP_APPOSITION + REGIONS + LARGEST_CITY + DEFENCE_TREATY + RECRUITED_PEOPLE
       + CHAINED_MILITARY)


@pytest.mark.parametrize("text, want, never", ALL)
def test_session5_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
