"""Construction families of issue 10 added in session 5 (appositions and possessive roles,
ties and rivalry, force and presence, recruitment, rule over a state, facility lists), one
list of cases per family, checked as in :mod:`tests.test_constructions` (sentences written
for the test, the whole blank pipeline, triples that must and must not be found).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import (  # noqa: F401
    IRAN,
    RUSSIA,
    TURKEY,
    US,
    case,
    check_case,
    nlp,
)

SYRIA = "Syria"

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

# "A, B's <backer>" / "B's closest partners, A and C": the possessive apposition for the
# other relations; a force named with its place is deployed there
POSSESSIVE_ROLES = [
    case("France, Lebanon's traditional protector, sent aid.", [("France", "BACKS", "Lebanon")]),
    case("Moscow, Damascus's main arms supplier, objected.", [(RUSSIA, "BACKS", SYRIA)]),
    case("Russia and China, Iran's closest partners, objected.",
         [(RUSSIA, "ALLIED_WITH", IRAN), ("China", "ALLIED_WITH", IRAN)]),
    case("Hezbollah's main ally, Iran, objected.", [(IRAN, "ALLIED_WITH", "Hezbollah")]),
    case("The U.N. peacekeeping mission in Mali, MINUSMA, was set up in 2013.",
         [("MINUSMA", "PART_OF", "United Nations"), ("MINUSMA", "DEPLOYED_IN", "Mali")]),
    case("NATO's peacekeeping force in Kosovo, KFOR, was reinforced.",
         [("KFOR", "PART_OF", "NATO"), ("KFOR", "DEPLOYED_IN", "Kosovo")]),
    case("Iran's official news agency IRNA reported the strike.", [("IRNA", "PART_OF", IRAN)]),
    case("Iran's supplier of drones is Russia.", [], [(IRAN, "BACKS", RUSSIA)]),
]

# a chain of command; a meeting with the holder of a role; a condemned event's attacker;
# unnamed targets in a country
ROLES_AND_EVENTS = [
    case("The Quds Force, which answers directly to the IRGC, trains militias.",
         [("Quds Force", "PART_OF", "IRGC")]),
    case("Iran reported to the IAEA on Monday.", [], [(IRAN, "PART_OF", "IAEA")]),
    case("Erdogan held talks with the head of the U.N. refugee agency, Filippo Grandi, "
         "in Ankara.", [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Filippo Grandi")]),
    case("Israel struck Beirut overnight. Lebanon condemned the strikes.",
         [("Lebanon", "OPPOSES", "Israel")]),
    case("Israel struck Beirut overnight.\n\nLater, Qatar condemned the strikes.",
         [], [("Qatar", "OPPOSES", "Israel")]),
    case("Israel struck Beirut. Lebanon condemned the strikes on Gaza.",
         [], [("Lebanon", "OPPOSES", "Israel")]),
    case("Turkey struck what it called terrorist camps at six sites in Iraq.",
         [(TURKEY, "ATTACKS", "Iraq")]),
    case("Israeli jets bombed military positions in southern Syria.",
         [("Israel", "ATTACKS", SYRIA)]),
    case("Israel struck Hezbollah targets in Lebanon.", [("Israel", "ATTACKS", "Hezbollah")],
         [("Israel", "ATTACKS", "Lebanon")]),
]

# everyday phrasings of control, support, membership, ties and office
EVERYDAY = [
    case("Hamas ran Gaza for years.", [("Hamas", "CONTROLS", "Gaza")]),
    case("The Radaa militia runs a prison at Mitiga airport.", [],
         [("Radaa Special Deterrence Force", "CONTROLS", "Mitiga airport")]),
    case("The Taliban took over Kandahar in 2021.", [("Taliban", "CONTROLS", "Kandahar")]),
    case("Germany gave Ukraine $5 billion in military aid.", [("Germany", "BACKS", "Ukraine")]),
    case("Egypt provides Haftar with air support.", [("Egypt", "BACKS", "Khalifa Haftar")]),
    case("Russia is Syria's main backer.", [(RUSSIA, "BACKS", SYRIA)]),
    case("Iran has long been Hezbollah's main sponsor.", [(IRAN, "BACKS", "Hezbollah")]),
    case("The YPG forms the backbone of the SDF.",
         [("YPG", "PART_OF", "Syrian Democratic Forces")]),
    case("Finland became NATO's newest member in 2023.", [("Finland", "PART_OF", "NATO")]),
    case("Egypt is a founding member of the Arab League.", [("Egypt", "PART_OF", "Arab League")]),
    case("Morocco and Israel restored diplomatic ties in 2020.",
         [("Morocco", "NEGOTIATES_WITH", "Israel")]),
    case("Algeria severed diplomatic relations with Morocco.",
         [("Algeria", "OPPOSES", "Morocco")]),
    case("Iran and Russia have deepened military cooperation.",
         [(IRAN, "ALLIED_WITH", RUSSIA)]),
    case("Iran and Russia have deepened economic cooperation.", [],
         [(IRAN, "ALLIED_WITH", RUSSIA)]),
    case("Masoud Pezeshkian was elected president of Iran.",
         [("Masoud Pezeshkian", "LEADS", IRAN)]),
    case("Saddam Haftar was appointed deputy commander of the LNA in August.",
         [("Saddam Haftar", "PART_OF", "Libyan National Army")],
         [("Saddam Haftar", "LEADS", "Libyan National Army")]),
    case("The CJNG, led by Nemesio Oseguera, expanded abroad.",
         [("Nemesio Oseguera", "LEADS", "Jalisco New Generation Cartel")]),
    case("Hossam Badran, a senior Hamas official, said the group accepted.",
         [("Hossam Badran", "PART_OF", "Hamas")]),
    case("The delegation was led by Deputy Foreign Minister Mikhail Bogdanov.", [],
         [("Deputy Foreign", "PART_OF", RUSSIA)]),
]

# rule over a whole state, positions kept, forces fighting somewhere, people recruited or
# hired, the agent of "was accused of arming"
RULE_AND_PRESENCE = [
    case("The Taliban have ruled Afghanistan since 2021.",
         [("Taliban", "CONTROLS", "Afghanistan")]),
    case("Afghanistan is ruled by the Taliban.", [("Taliban", "CONTROLS", "Afghanistan")]),
    case("The Taliban seized power in Afghanistan in 2021.",
         [("Taliban", "CONTROLS", "Afghanistan")]),
    case("Israel has repeatedly bombed Hodeidah, which the Houthis control.",
         [("Houthis", "CONTROLS", "Hodeidah")], [("Houthis", "CONTROLS", "Israel")]),
    case("Iran rules nothing in Iraq.", [], [(IRAN, "CONTROLS", "Iraq")]),
    case("Israel has kept soldiers at five positions inside Lebanon.",
         [("Israel", "DEPLOYED_IN", "Lebanon")]),
    case("Turkish troops still hold three outposts in northern Iraq.",
         [(TURKEY, "DEPLOYED_IN", "Iraq")]),
    case("North Korean soldiers are fighting in Kursk.",
         [("North Korea", "DEPLOYED_IN", "Kursk")]),
    case("Hezbollah fought in Syria for a decade.", [("Hezbollah", "DEPLOYED_IN", SYRIA)]),
    case("The Houthis have recruited thousands of child soldiers.",
         [("Houthis", "RECRUITS", "child soldiers")]),
    case("Wagner recruited prisoners from Russian jails.",
         [("Wagner Group", "RECRUITS", "prisoners from Russia")]),
    case("Russia has hired Syrian mercenaries to fight in Ukraine.",
         [(RUSSIA, "RECRUITS", "Syrian mercenaries")]),
    case("The firm hired Vectus Global for the job.", [], [("Vectus Global", "RECRUITS", "firm")]),
    case("Some 2,000 young Afghan men of all ages were recruited into the ranks of the IRGC.",
         [("IRGC", "RECRUITS", "young Afghan men")]),
    case("The UAE has been accused of arming the RSF.",
         [("United Arab Emirates", "BACKS", "Rapid Support Forces")]),
    case("The RSF has been accused of recruiting fighters from Chad.",
         [("Rapid Support Forces", "RECRUITS", "fighters from Chad")]),
]

# relatives and lists of members, exchanges of fire, entries, revenge, requests to stop
MEMBERS_AND_FIRE = [
    case("The Houthis, who are aligned with Iran, fired missiles.",
         [("Houthis", "ALLIED_WITH", IRAN)]),
    case("The Popular Mobilization Forces include Kataib Hezbollah and Asaib Ahl al-Haq.",
         [("Kataib Hezbollah", "PART_OF", "Popular Mobilization Forces"),
          ("Asaib Ahl al-Haq", "PART_OF", "Popular Mobilization Forces")]),
    case("Hezbollah's arsenal includes Iranian missiles.", [], [(IRAN, "PART_OF", "Hezbollah")]),
    case("Asaib Ahl al-Haq is among the groups in the PMF.",
         [("Asaib Ahl al-Haq", "PART_OF", "Popular Mobilization Forces")]),
    case("Erdogan and Putin discussed Syria in a phone call.",
         [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Vladimir Putin")]),
    case("Pakistan and India exchanged heavy fire across the border.",
         [("Pakistan", "ATTACKS", "India"), ("India", "ATTACKS", "Pakistan")]),
    case("Israeli tanks entered Rafah on Monday.", [("Israel", "DEPLOYED_IN", "Rafah")]),
    case("Hezbollah vowed revenge against Israel.", [("Hezbollah", "OPPOSES", "Israel")]),
    case("Saudi Arabia called on Iran to stop arming the Houthis.",
         [(IRAN, "BACKS", "Houthis")], [("Saudi Arabia", "BACKS", "Houthis")]),
]

# bases named by their operator in apposition, places that "are in" a place, the agent of a
# means clause
BASES_AND_MEANS = [
    case("Camp Lemonnier, the main US base in Africa, is in Djibouti.",
         [(US, "OPERATES", "Camp Lemonnier"), ("Camp Lemonnier", "LOCATED_IN", "Djibouti")],
         [(US, "OPERATES", "Africa base")]),
    case("The Hmeimim air base, Russia's main base in Syria, lies near Latakia.",
         [(RUSSIA, "OPERATES", "Hmeimim air base")]),
    case("Kirkuk is in crisis again.", [], [("Kirkuk", "LOCATED_IN", "crisis")]),
    case("Israeli jets flew from the Ramat David air base.",
         [("Israel", "OPERATES", "Ramat David air base")]),
    case("Russia boosted its influence in the Sahel by sending military instructors to Niger.",
         [(RUSSIA, "BACKS", "Niger")]),
]

# facilities listed before a plural head; oil fields
FACILITY_LISTS = [
    case("Russian personnel have used the Al-Khadim and Al-Jufra air bases since 2020.",
         [(RUSSIA, "OPERATES", "Al-Khadim air base"), (RUSSIA, "OPERATES", "Al-Jufra air base")]),
    case("US troops are deployed near the Omar and Conoco oil fields.",
         [(US, "DEPLOYED_IN", "Al-Omar oil field"), (US, "DEPLOYED_IN", "Conoco oil field")]),
    case("A drone struck the Sarsang oil field in Dohuk province.",
         [("Sarsang oil field", "LOCATED_IN", "Dohuk")]),
    case("The battle field near Mosul was quiet.", [],
         [("Mosul battle field", "LOCATED_IN", "Mosul")]),
]

# a state's forces' sites, requests to leave, revoked agreements, forces loyal to someone,
# a whole state ruled (not a part of it)
STATE_SITES_AND_STANCES = [
    case("JNIM fighters attacked a military camp in central Mali.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "ATTACKS", "Mali")]),
    case("Israel struck a Hamas camp in Gaza.", [("Israel", "ATTACKS", "Hamas")]),
    case("Iraq asked the US-led coalition to leave the country.",
         [("Iraq", "OPPOSES", "US-led coalition")]),
    case("Niger ordered U.S. forces to leave the drone base.", [("Niger", "OPPOSES", US)]),
    case("Niger revoked a defence agreement with the United States.",
         [("Niger", "OPPOSES", US)]),
    case("Fighters loyal to the Houthis attacked Saudi Arabia.",
         [("Houthis", "ATTACKS", "Saudi Arabia")]),
    case("Fighters from the Islamic State attacked Iraqi troops.", [("ISIS", "ATTACKS", "Iraq")]),
    case("Kataib Hezbollah, a member of the PMF, is loyal to Tehran.",
         [], [("Popular Mobilization Forces", "PART_OF", IRAN)]),
    case("The Houthis, who control Yemen's capital, fired missiles.", [],
         [("Houthis", "CONTROLS", "Yemen")]),
    case("The LNA, which controls eastern Libya, is backed by Russia.", [],
         [("Libyan National Army", "CONTROLS", "Libya")]),
]

# wars two sides are locked in, cases brought, crackdowns, suspended trade, and the members
# an "including" list names as the subject
WARS_AND_CASES = [
    case("Iran's allies across the region, including Hezbollah and the Houthis, have attacked "
         "Israel.", [("Hezbollah", "ATTACKS", "Israel"), ("Houthis", "ATTACKS", "Israel")],
         [(IRAN, "ATTACKS", "Israel")]),
    case("Sudan and South Sudan are locked in a border war.",
         [("Sudan", "ATTACKS", "South Sudan"), ("South Sudan", "ATTACKS", "Sudan")]),
    case("South Africa brought a genocide case against Israel.",
         [("South Africa", "OPPOSES", "Israel")]),
    case("Syria cracked down on Hezbollah smuggling networks.",
         [(SYRIA, "OPPOSES", "Hezbollah")]),
    case("Turkey suspended all trade with Israel in May.", [(TURKEY, "OPPOSES", "Israel")]),
    case("Israeli jets struck Dahiyeh, Hezbollah's stronghold in Beirut.",
         [("Hezbollah", "CONTROLS", "Dahiyeh")]),
    case("The strikes hit Hodeidah, a Houthi-held port.", [("Houthis", "CONTROLS", "Hodeidah")]),
    case("The Houthi-run capital, Sanaa, was hit.", [("Houthis", "CONTROLS", "Sanaa")]),
    case("Sanaa is under Houthi control.", [("Houthis", "CONTROLS", "Sanaa")]),
    case("Syria is under Russian control, the opposition says.", [],
         [(RUSSIA, "CONTROLS", SYRIA)]),
    case("Iran rejected the US demands.", [(IRAN, "OPPOSES", US)]),
    case("Egypt has objected to Israel's presence on the border.",
         [("Egypt", "OPPOSES", "Israel")]),
    case("Algeria and Morocco are longtime rivals.",
         [("Algeria", "OPPOSES", "Morocco"), ("Morocco", "OPPOSES", "Algeria")]),
    case("Saudi Arabia has long been a rival of Iran.", [("Saudi Arabia", "OPPOSES", IRAN)]),
    case("Israel is Iran's arch-enemy.", [("Israel", "OPPOSES", IRAN)]),
    case("Saudi Arabia, Iran's main regional rival, objected.",
         [("Saudi Arabia", "OPPOSES", IRAN)]),
    case("Iran has called for the destruction of Israel.", [(IRAN, "OPPOSES", "Israel")]),
    case("The collapse of the Assad regime surprised Iran.", [], [(IRAN, "OPPOSES", SYRIA)]),
    case("Ukrainian drones struck an oil depot in Russia's Bryansk region.",
         [("Ukraine", "ATTACKS", RUSSIA)]),
    case("Troops moved toward Russia's western Kursk region, which Ukraine invaded in August.",
         [("Ukraine", "ATTACKS", RUSSIA)]),
    case("The SDF are a US-backed alliance.", [(US, "BACKS", "Syrian Democratic Forces")]),
    case("Egypt has long been a key US partner.", [("Egypt", "ALLIED_WITH", US)]),
    case("US troops and their Syrian partners attacked ISIS.", [], [(US, "ALLIED_WITH", SYRIA)]),
    case("The Yemen-based Houthis fired missiles.", [("Houthis", "DEPLOYED_IN", "Yemen")]),
    case("Hamas, a Gaza-based group, fired rockets.", [("Hamas", "DEPLOYED_IN", "Gaza")]),
    case("The Britain-based Syrian Observatory for Human Rights said 12 died.", [],
         [("Syrian Observatory for Human Rights", "DEPLOYED_IN", "United Kingdom")]),
]

ALL = (WARS_AND_CASES + STATE_SITES_AND_STANCES + FACILITY_LISTS + BASES_AND_MEANS
       + MEMBERS_AND_FIRE + RULE_AND_PRESENCE + EVERYDAY + POSSESSIVE_ROLES + ROLES_AND_EVENTS
       + MEMBERSHIP_APPOSITION + REGIONS + LARGEST_CITY + DEFENCE_TREATY + RECRUITED_PEOPLE
       + CHAINED_MILITARY)


@pytest.mark.parametrize("text, want, never", ALL)
def test_session5_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
