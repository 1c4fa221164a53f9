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

# leaders named in ways the title rules missed: "President X's government" (read as the
# state), a passive after a long relative clause, "a firm run by X", "led by <description>
# X" then the surname alone, a head-of-government title in a clause after a denial
LEADERSHIP = [
    case("The EU urged President Bashar al-Assad's government to release prisoners.",
         [("Bashar al-Assad", "LEADS", "Syria")]),
    case("Critics of Prime Minister Benjamin Netanyahu's government marched in Tel Aviv.",
         [("Benjamin Netanyahu", "LEADS", ISRAEL)]),
    case("Critics of Netanyahu's government marched in Tel Aviv.", [],
         [("Benjamin Netanyahu", "LEADS", ISRAEL)]),
    case("Hezbollah, which was founded in 1982 and has fought several wars with Israel along "
         "the border with Lebanon, is led by Naim Qassem.",
         [("Naim Qassem", "LEADS", "Hezbollah")]),
    case("Hezbollah, which fought Israel, is led by Naim Qassem.",
         [("Naim Qassem", "LEADS", "Hezbollah")]),
    case("Kabul hired Sentinel Shield, a private security company run by Marcus Hale.",
         [("Marcus Hale", "LEADS", "Sentinel Shield")]),
    case("Gangs led by former army captain Jean Baptiste Moreau raided the port. Moreau heads "
         "Grand Ravine Alliance, a coalition of gangs.",
         [("Jean Baptiste Moreau", "LEADS", "Grand Ravine Alliance")]),
    case("The offensive was led by troops loyal to Khalifa Haftar.", [],
         [("Khalifa Haftar", "LEADS", "Libyan National Army")]),
    case("The Iraqi militias denied any role in the strike, and Prime Minister Mohammed Shia "
         "al-Sudani ordered an inquiry.", [("Mohammed Shia al-Sudani", "LEADS", "Iraq")]),
    case("Iran denied that President Masoud Pezeshkian had met the envoy.", [],
         [("Masoud Pezeshkian", "NEGOTIATES_WITH", "envoy")]),
]

# an apposed place after "in" and a state's possessive: "A, in S's R province"
PLACES_IN = [
    case("Militants attacked Tal Afar, in Iraq's Nineveh province, on Monday.",
         [("Tal Afar", "LOCATED_IN", "Nineveh")]),
    case("Gunmen attacked Tal Afar, in Iraq's latest violence.", [],
         [("Tal Afar", "LOCATED_IN", "Iraq")]),
]

# someone named only through a relative or a predecessor is not the actor; an elided head
# after a possessive ("Ukraine's was headed by X") is a member's role; soldiers listed with
# police are deployed; a list of places is no apposition
OTHERS_NAMED = [
    case("France sent troops to Mali at the request of President Amadou Toumani Toure's "
         "successor, Dioncounda Traore.", [("France", "DEPLOYED_IN", "Mali")],
         [("France", "BACKS", "Amadou Toumani Toure")]),
    case("Russia intervened in 2015 at Assad's request.", [(RUSSIA, "BACKS", "Bashar al-Assad")]),
    case("Iran's delegation was led by Abbas Araqchi, while Oman's was headed by Badr "
         "Albusaidi.", [("Badr Albusaidi", "PART_OF", "Oman")],
         [("Badr Albusaidi", "LEADS", "Oman")]),
    case("Kenya has deployed about 1,000 soldiers and police in Haiti since June.",
         [("Kenya", "DEPLOYED_IN", "Haiti")]),
    case("Shelling went on in Donetsk, Luhansk, Zaporizhzhia and Kherson overnight.", [],
         [("Donetsk", "LOCATED_IN", "Luhansk")]),
    case("A drone hit a base near Erbil, Iraq, on Monday.", [("Erbil", "LOCATED_IN", "Iraq")]),
]

# partners in arms: joint exercises and drills, a defence treaty signed by leaders (the
# states they serve are allied); a region named with a position word is not the city
ALLIANCES = [
    case("Chinese warships held large-scale exercises with Pakistani forces in the Arabian Sea.",
         [("China", "ALLIED_WITH", "Pakistan")]),
    case("Egypt and Saudi Arabia began joint naval drills in the Red Sea.",
         [("Egypt", "ALLIED_WITH", "Saudi Arabia")]),
    case("Iran condemned the joint drills.", [], [(IRAN, "ALLIED_WITH", US)]),
    case("Taiwan held drills with live ammunition on Monday.", [],
         [("Taiwan", "ALLIED_WITH", "China")]),
    case("Putin signed a mutual defence treaty with Kim Jong Un in Pyongyang.",
         [(RUSSIA, "ALLIED_WITH", "North Korea")],
         [("Vladimir Putin", "ALLIED_WITH", "Kim Jong Un")]),
    case("A drone strike hit Kismayo, in the Lower Juba region, on Friday.",
         [("Kismayo", "LOCATED_IN", "Lower Juba")], [("Kismayo", "LOCATED_IN", "Juba")]),
]

# held places: an "including" list after the held places, a place handed back or ceded
HELD_PLACES = [
    case("Al-Shabaab controls the town of Jilib and much of southern Somalia, including the "
         "port of Barawe.", [("Al-Shabaab", "CONTROLS", "Barawe")]),
    case("The RSF captured large territory including the key town of Bara.",
         [("Rapid Support Forces", "CONTROLS", "Bara")]),
    case("The SDF handed the city of Raqqa over to the Syrian government.",
         [("Syria", "CONTROLS", "Raqqa")], [("Syrian Democratic Forces", "CONTROLS", "Raqqa")]),
    case("Azerbaijan ceded nothing; Armenia ceded the district of Kalbajar to Azerbaijan.",
         [("Azerbaijan", "CONTROLS", "Kalbajar")]),
    case("Iran handed a letter on Gaza over to Egypt.", [], [("Egypt", "CONTROLS", "Gaza")]),
]

# members named by role or by name: an aide or adviser to a known person serves that
# person's state; a state's command or force whose name opens with the state is part of it
MEMBERS_NAMED = [
    case("Vladimir Medinsky, a senior aide to President Vladimir Putin, flew to Istanbul.",
         [("Vladimir Medinsky", "PART_OF", RUSSIA)]),
    case("Tehran will respond, a top adviser to Supreme Leader Ali Khamenei, Ali Akbar Velayati, "
         "told reporters.", [("Ali Akbar Velayati", "PART_OF", IRAN)]),
    case("Trump sent his envoy to Vladimir Putin on Friday.", [],
         [("Donald Trump", "PART_OF", RUSSIA)]),
    case("U.S. Central Command said its forces shot down two drones.",
         [("CENTCOM", "PART_OF", US)]),
    case("The U.S. State Department said the talks would resume.", [],
         [("State Department", "PART_OF", US)]),
]

# the subject that opens a clause keeps its verbs past a closed relative aside; a cue word
# inside a name ("Rapid Support Forces") is no verb
OPENING_SUBJECTS = [
    case("Burkina Faso's junta leader, Captain Ibrahim Traore, who took power in 2022, "
         "expelled French forces and turned to Russia for military assistance.",
         [(RUSSIA, "BACKS", "Burkina Faso")]),
    case("Niger, whose junta seized power in 2023, turned to Russia for help.",
         [(RUSSIA, "BACKS", "Niger")]),
    case("Sudanese jets bombed positions held by the Rapid Support Forces near Kadugli.",
         [("Sudan", "ATTACKS", "Rapid Support Forces")],
         [("Sudan", "BACKS", "Rapid Support Forces")]),
    case("Egyptian officials said Cairo would support the Sudanese army.",
         [("Egypt", "BACKS", "Sudan")]),
]

# forces in a place: fighting an enemy there; troops of another state sent there (their
# own state is present); a participle on a group after a denial is not denied
FORCES_THERE = [
    case("Israel fought Hezbollah in southern Lebanon in 2006.",
         [(ISRAEL, "DEPLOYED_IN", "Lebanon")]),
    case("Hezbollah fought Israel in 2006.", [], [("Hezbollah", "DEPLOYED_IN", ISRAEL)]),
    case("Minsk has hosted thousands of Russian troops near its border with Ukraine.",
         [(RUSSIA, "DEPLOYED_IN", "Belarus")]),
    case("Moscow has deployed thousands of North Korean troops to its Belgorod region.",
         [("North Korea", "DEPLOYED_IN", "Belgorod")], [(RUSSIA, "DEPLOYED_IN", "Belgorod")]),
    case("Russia deployed Syrian mercenaries to Libya.", [(RUSSIA, "DEPLOYED_IN", "Libya")],
         [("Syria", "DEPLOYED_IN", "Libya")]),
    case("Rwanda has denied accusations that it is arming M23 rebels fighting Congolese troops "
         "in North Kivu.", [("M23", "DEPLOYED_IN", "North Kivu")],
         [("Rwanda", "BACKS", "M23")]),
]

# "A in the <direction / demonym> part of B": A lies in B
PART_OF_PLACE = [
    case("A drone hit a base near Quneitra in the Syrian part of the Golan Heights.",
         [("Quneitra", "LOCATED_IN", "Golan Heights")]),
    case("Shelling hit Erbil in the northern part of Iraq.", [("Erbil", "LOCATED_IN", "Iraq")]),
    case("Gunmen attacked Erbil in the early part of the year.", [],
         [("Erbil", "LOCATED_IN", "Iraq")]),
]

# who rules: a toppled president leads no more; a ranked officer who seized power rules;
# "X and a powerful militia that controls Y": the unnamed militia, not X
RULERS = [
    case("Sudan's army, which ousted President Omar al-Bashir in 2019, now fights the RSF.",
         [], [("Omar al-Bashir", "LEADS", "Sudan")]),
    case("Protesters in Sudan marched against President Omar al-Bashir in 2018.",
         [("Omar al-Bashir", "LEADS", "Sudan")]),
    case("Myanmar's Senior General Min Aung Hlaing, who seized power in a 2021 coup, "
         "promised an election.", [("Min Aung Hlaing", "LEADS", "Myanmar")]),
    case("Myanmar's General Min Aung Hlaing, who visited Moscow in 2023, met Putin.", [],
         [("Min Aung Hlaing", "LEADS", "Myanmar")]),
    case("Fighting broke out between forces loyal to Prime Minister Abdul Hamid Dbeibah and "
         "a powerful militia that controls the Mitiga airport.", [],
         [("Abdul Hamid Dbeibah", "CONTROLS", "Mitiga airport")]),
    case("The US struck Kataib Hezbollah and allied factions, which Iran arms.",
         [(IRAN, "BACKS", "Kataib Hezbollah")]),
]

# offices: a president's counterpart leads (a minister's is a member), with or without the
# comma; a portfolio minister of a group; "X, whose Y Party"
OFFICES = [
    case("President Erdogan phoned his Russian counterpart Vladimir Putin on Monday.",
         [("Vladimir Putin", "LEADS", RUSSIA)]),
    case("Iran's foreign minister met his Syrian counterpart, Faisal Mekdad.",
         [("Faisal Mekdad", "PART_OF", "Syria")], [("Faisal Mekdad", "LEADS", "Syria")]),
    case("A car bomb in Kandahar wounded the Taliban's aviation minister, Abdul Karim Ghamari.",
         [("Abdul Karim Ghamari", "PART_OF", "Taliban")]),
    case("Israeli Prime Minister Benjamin Netanyahu spoke. Analysts said Netanyahu, whose "
         "Likud Party leads the coalition, would survive.",
         [("Benjamin Netanyahu", "PART_OF", "Likud Party")]),
    case("Netanyahu, whose government fell, resigned.", [],
         [("Benjamin Netanyahu", "PART_OF", ISRAEL)]),
]

# who heads a state's ruling body leads the state, and is then no mere member of it
RULING_BODIES = [
    case("Army chief General Abdel Fattah al-Burhan, who chairs Sudan's ruling Transitional "
         "Council, flew to Cairo.", [("Abdel Fattah al-Burhan", "LEADS", "Sudan")],
         [("Abdel Fattah al-Burhan", "PART_OF", "Sudan")]),
    case("Foreign Minister Sergey Lavrov heads Russia's delegation.",
         [("Sergey Lavrov", "PART_OF", RUSSIA)], [("Sergey Lavrov", "LEADS", RUSSIA)]),
]

# "Y did it with X backing / support / help": X backs Y (the clause's subject, not its object)
WITH_BACKING = [
    case("The Sudanese army retook Khartoum with Egyptian support.",
         [("Egypt", "BACKS", "Sudan")]),
    case("Hezbollah, which entered Syria in 2013 with Iranian backing, withdrew.",
         [(IRAN, "BACKS", "Hezbollah")], [(IRAN, "BACKS", "Syria")]),
    case("The Houthis fought the Saudi-led coalition with Iranian help.",
         [(IRAN, "BACKS", "Houthis")], [(IRAN, "BACKS", "Saudi-led coalition")]),
]

# a share of a capital written as the city is a share of the city, not of the state
CAPITAL_SHARES = [
    case("Al-Shabaab once controlled most of Mogadishu.",
         [("Al-Shabaab", "CONTROLS", "Mogadishu")], [("Al-Shabaab", "CONTROLS", "Somalia")]),
    case("The Houthis control much of Yemen.", [("Houthis", "CONTROLS", "Yemen")]),
]

# "the mission" can mean a peacekeeping or interim force named before
MISSION_FORCES = [
    case("The United Nations Interim Force in Lebanon (UNIFIL) said two peacekeepers were "
         "hurt near Tyre, where the mission has a base.", [("UNIFIL", "DEPLOYED_IN", "Tyre")]),
]

ALL = (PRESENCE + LEADERSHIP + PLACES_IN + OTHERS_NAMED + ALLIANCES + HELD_PLACES
       + MEMBERS_NAMED + OPENING_SUBJECTS + FORCES_THERE + PART_OF_PLACE + RULERS + OFFICES
       + RULING_BODIES + WITH_BACKING + CAPITAL_SHARES + MISSION_FORCES)


@pytest.mark.parametrize("text, want, never", ALL)
def test_session7_b_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
