"""Construction families of issue 10 added in session 6 by the places lane: control of a
share of a state, capitals and towns placed in their region, founders of an alliance,
copular membership and location. Checked as in :mod:`tests.test_constructions`
(sentences written for the test, the whole blank pipeline, triples that must and must not
be found).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import (  # noqa: F401
    IRAN,
    RUSSIA,
    TURKEY,
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
    case("The Houthis seized control of much of Yemen in 2015.",
         [("Houthis", "CONTROLS", "Yemen")]),
    case("Large areas of Mali are under the control of JNIM.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "CONTROLS", "Mali")]),
    case("Much of Yemen is under Houthi control.", [("Houthis", "CONTROLS", "Yemen")]),
    case("Most of Afghanistan fell to the Taliban in 2021.",
         [("Taliban", "CONTROLS", "Afghanistan")]),
    case("Much of the aid to Yemen fell to the Houthis.", [],
         [("Houthis", "CONTROLS", "Yemen")]),
    case("Most of Syria's oil is under SDF control.", [],
         [("Syrian Democratic Forces", "CONTROLS", "Syria")]),
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

# a capital or a town described as such lies in its region or state: in apposition or
# after a copula, named by the state's demonym, and also when the name is unknown to the
# gazetteer (the description makes it a place); a sea named before a state's coast is not
# in the state
CAPITALS_AND_TOWNS = [
    case("El Fasher is the capital of North Darfur.", [("El Fasher", "LOCATED_IN", "Darfur")]),
    case("Mogadishu is the capital of Somalia.", [("Mogadishu", "LOCATED_IN", "Somalia")]),
    case("Kabul, the capital of Afghanistan, fell.", [("Kabul", "LOCATED_IN", "Afghanistan")]),
    case("Mekelle, the capital of Tigray, was calm.", [("Mekelle", "LOCATED_IN", "Tigray")]),
    case("Bukavu, the capital of South Kivu, fell to the rebels.",
         [("Bukavu", "LOCATED_IN", "South Kivu")]),
    case("Culiacan, the capital of Sinaloa state, was quiet.",
         [("Culiacán", "LOCATED_IN", "Sinaloa")]),
    case("Sanaa is the Yemeni capital.", [("Sanaa", "LOCATED_IN", "Yemen")]),
    case("Tripoli, the Libyan capital, was calm.", [("Tripoli", "LOCATED_IN", "Libya")]),
    case("Tartus is a port city in Syria.", [("Tartus", "LOCATED_IN", "Syria")]),
    case("Gao is a city in northern Mali.", [("Gao", "LOCATED_IN", "Mali")]),
    case("Menaka, a town in northern Mali, was attacked.", [("Menaka", "LOCATED_IN", "Mali")]),
    case("Kismayo is a port city in southern Somalia.", [("Kismayo", "LOCATED_IN", "Somalia")]),
    case("Zaporizhzhia, a city in southeastern Ukraine, was hit by drones.",
         [("Zaporizhzhia", "LOCATED_IN", "Ukraine")]),
    case("Tigray is a region of northern Ethiopia.", [("Tigray", "LOCATED_IN", "Ethiopia")]),
    case("Deir ez-Zor is the largest city in eastern Syria.",
         [("Deir ez-Zor", "LOCATED_IN", "Syria")]),
    case("Baghdad, Iraq's capital, was calm.", [("Baghdad", "LOCATED_IN", "Iraq")]),
    case("The port of Berbera is in Somaliland.", [("Berbera", "LOCATED_IN", "Somaliland")]),
    case("Port Sudan has become the de facto capital of Sudan.",
         [("Port Sudan", "LOCATED_IN", "Sudan")]),
    case("Luhansk and Donetsk are regions in eastern Ukraine.",
         [("Luhansk", "LOCATED_IN", "Ukraine"), ("Donetsk", "LOCATED_IN", "Ukraine")]),
    case("Zulia is a state in western Venezuela.", [("Zulia", "LOCATED_IN", "Venezuela")]),
    case("Kupiansk is located in the Kharkiv region.", [("Kupiansk", "LOCATED_IN", "Kharkiv")]),
    case("Stepanakert, which Armenians call the capital of Nagorno-Karabakh, emptied.", [],
         [("Nagorno-Karabakh", "LOCATED_IN", "Armenia")]),
    case("Tartus is a port city on Syria's Mediterranean coast.", [],
         [("Mediterranean Sea", "LOCATED_IN", "Syria")]),
    case("Hodeidah lies on Yemen's Red Sea coast.", [], [("Red Sea", "LOCATED_IN", "Yemen")]),
    case("The Spratly Islands are in the South China Sea.",
         [("Spratly Islands", "LOCATED_IN", "South China Sea")],
         [("Spratly Islands", "LOCATED_IN", "China")]),
    case("Hezbollah, a group in Lebanon, fired rockets.", [],
         [("Hezbollah", "LOCATED_IN", "Lebanon")]),
    case("The Taliban is a movement in Afghanistan.", [],
         [("Taliban", "LOCATED_IN", "Afghanistan")]),
    case("Moussa Faki, a diplomat in Chad, spoke.", [], [("Moussa Faki", "LOCATED_IN", "Chad")]),
]

AES = "Alliance of Sahel States"
AES_FOUNDERS = [("Mali", "PART_OF", AES), ("Burkina Faso", "PART_OF", AES),
                ("Niger", "PART_OF", AES)]

# the founders of an alliance, bloc or union are its members (active, passive, "co-founded",
# "set up", "the alliance" resolved to a name); the founder of an armed group is not
FOUNDERS = [
    case("Mali, Burkina Faso and Niger founded the Alliance of Sahel States.", AES_FOUNDERS),
    case("Mali, Burkina Faso and Niger formed the Alliance of Sahel States in 2024.",
         AES_FOUNDERS),
    case("Mali, Burkina Faso and Niger set up the Alliance of Sahel States in 2023.",
         AES_FOUNDERS),
    case("The Alliance of Sahel States was created by Mali, Burkina Faso and Niger.",
         AES_FOUNDERS),
    case("The Alliance of Sahel States held a summit. The alliance was formed by Mali, "
         "Burkina Faso and Niger in 2024.", AES_FOUNDERS),
    case("Saudi Arabia co-founded the Gulf Cooperation Council.",
         [("Saudi Arabia", "PART_OF", "Gulf Cooperation Council")]),
    case("Egypt and Syria established the Arab League in 1945.",
         [("Egypt", "PART_OF", "Arab League"), ("Syria", "PART_OF", "Arab League")]),
    case("The African Union, formed by Nigeria and South Africa, met.",
         [("Nigeria", "PART_OF", "African Union"), ("South Africa", "PART_OF", "African Union")]),
    case("Indonesia co-founded ASEAN in 1967.", [("Indonesia", "PART_OF", "ASEAN")]),
    case("Iran founded Hezbollah in 1982.", [], [(IRAN, "PART_OF", "Hezbollah")]),
    case("Hezbollah was founded by Iran in 1982.", [], [(IRAN, "PART_OF", "Hezbollah")]),
    case("Russia created the Wagner Group.", [], [(RUSSIA, "PART_OF", "Wagner Group")]),
]

# what a copula or an apposition says an actor or a place is: a member named before
# "member", a part of a place, a state's largest city; a place named before its place noun
# ("the Kosovo village of X"), a place apposed with "in" ("X, in northern Israel,")
COPULAR_MEMBERSHIP_AND_PLACE = [
    case("Turkey is a NATO member.", [(TURKEY, "PART_OF", "NATO")]),
    case("Hungary is an EU member state.", [("Hungary", "PART_OF", "European Union")]),
    case("Poland, a NATO member, sent troops.", [("Poland", "PART_OF", "NATO")]),
    case("The Philippines and Vietnam are ASEAN members.",
         [("Philippines", "PART_OF", "ASEAN"), ("Vietnam", "PART_OF", "ASEAN")]),
    case("Iran and Saudi Arabia are both members of OPEC.",
         [(IRAN, "PART_OF", "OPEC"), ("Saudi Arabia", "PART_OF", "OPEC")]),
    case("Egypt, Jordan and the UAE are members of the Arab League.",
         [("Egypt", "PART_OF", "Arab League"), ("Jordan", "PART_OF", "Arab League"),
          ("United Arab Emirates", "PART_OF", "Arab League")]),
    case("Iran and Russia are Syria's main backers.",
         [(IRAN, "BACKS", "Syria"), (RUSSIA, "BACKS", "Syria")]),
    case("In Lebanon, Hezbollah members were killed.", [], [("Lebanon", "PART_OF", "Hezbollah")]),
    case("Among the dead in Lebanon were Hezbollah members.", [],
         [("Lebanon", "PART_OF", "Hezbollah")]),
    case("Jabhat al-Nusra was al-Qaeda's Syrian branch.",
         [("Hayat Tahrir al-Sham", "PART_OF", "al-Qaeda")],
         [("Hayat Tahrir al-Sham", "PART_OF", "Syria")]),
    case("Al-Shabaab, al-Qaeda's Somali affiliate, claimed the attack.",
         [("Al-Shabaab", "PART_OF", "al-Qaeda")], [("Al-Shabaab", "PART_OF", "Somalia")]),
    case("The Islamic State West Africa Province is the Islamic State's West African "
         "affiliate.", [("Islamic State West Africa Province", "PART_OF", "ISIS")]),
    case("NATO member Turkey objected.", [(TURKEY, "PART_OF", "NATO")]),
    case("Fellow NATO member Greece protested.", [("Greece", "PART_OF", "NATO")]),
    case("EU members Hungary and Slovakia objected.",
         [("Hungary", "PART_OF", "European Union"), ("Slovakia", "PART_OF", "European Union")]),
    case("Security Council members Russia and China vetoed the text.",
         [(RUSSIA, "PART_OF", "UN Security Council"), ("China", "PART_OF", "UN Security Council")]),
    case("The Hamas member Israel killed was buried.", [], [("Israel", "PART_OF", "Hamas")]),
    case("Crimea is part of Ukraine.", [("Crimea", "LOCATED_IN", "Ukraine")]),
    case("The corridor runs through Armenia's southern Syunik province.",
         [("Syunik", "LOCATED_IN", "Armenia")], [("Zangezur corridor", "LOCATED_IN", "Armenia")]),
    case("Nagorno-Karabakh is part of Azerbaijan.",
         [("Nagorno-Karabakh", "LOCATED_IN", "Azerbaijan")]),
    case("Raqqa, part of the SDF's territory, was calm.", [],
         [("Raqqa", "LOCATED_IN", "Syrian Democratic Forces")]),
    case("Kharkiv is Ukraine's second-largest city.", [("Kharkiv", "LOCATED_IN", "Ukraine")]),
    case("Odesa, Ukraine's largest port, was hit.", [("Odesa", "LOCATED_IN", "Ukraine")]),
    case("Mosul is Iraq's second city.", [("Mosul", "LOCATED_IN", "Iraq")]),
    case("The strike hit the northern Kosovo village of Banjska.",
         [("Banjska", "LOCATED_IN", "Kosovo")]),
    case("Fighting raged in the Donetsk town of Chasiv Yar.",
         [("Chasiv Yar", "LOCATED_IN", "Donetsk")]),
    case("The strike hit the Sayyida Zeinab district south of Damascus.", [],
         [("Damascus", "LOCATED_IN", "Sayyida Zeinab")]),
    case("The talks were held in Doha, in Qatar, on Monday.", [("Doha", "LOCATED_IN", "Qatar")]),
    case("Drones hit Kharkiv, in Russia's latest strike.", [],
         [("Kharkiv", "LOCATED_IN", RUSSIA)]),
]

ALL = SHARE_OF_STATE + CAPITALS_AND_TOWNS + FOUNDERS + COPULAR_MEMBERSHIP_AND_PLACE


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
