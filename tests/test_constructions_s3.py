"""Construction cases of the third session (issue 10): counts after a participle,
groups acting through their members, and agent phrases that repeat "by".

Every sentence is written for this test. Each case lists triples that must be found and
triples that must not be (the reading the construction invites by mistake).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import case, check_case, nlp  # noqa: F401

HAMAS = "Hamas"

CASES = [
    # a count after "X fighters killed" makes "killed" a main verb, not a reduced relative
    case("Al-Shabaab fighters killed 12 Kenyan soldiers near the border.",
         [("Al-Shabaab", "ATTACKS", "Kenya")]),
    case("Hamas gunmen killed at least 30 Israeli soldiers in the raid.",
         [("Hamas", "ATTACKS", "Israel")]),
    case("Hezbollah fighters killed more than 20 Israeli troops on Tuesday.",
         [("Hezbollah", "ATTACKS", "Israel")]),
    case("Three Hamas fighters killed in the strike were buried in Gaza.",
         [], [("Hamas", "ATTACKS", "Gaza")]),
    # members of a group act for it when the phrase opens the clause
    case("Fighters from Hamas attacked Israeli soldiers near the fence.",
         [("Hamas", "ATTACKS", "Israel")]),
    case("On Friday, militants from al-Shabaab stormed a Kenyan base.",
         [("Al-Shabaab", "ATTACKS", "Kenya")]),
    case("Members of Hezbollah fired rockets at Israel.", [("Hezbollah", "ATTACKS", "Israel")]),
    case("Israel arrested members of Hamas and struck Hezbollah.",
         [("Israel", "ATTACKS", "Hezbollah")], [("Hamas", "ATTACKS", "Hezbollah")]),
    # a group's adjective before its own members' noun names the group ("Houthi fighters");
    # a demonym before "fighters" does not name the state
    case("Houthi fighters attacked Saudi troops near Jizan.",
         [("Houthis", "ATTACKS", "Saudi Arabia")]),
    case("Houthi militants killed more than 20 Saudi troops.",
         [("Houthis", "ATTACKS", "Saudi Arabia")]),
    case("Syrian fighters attacked Israel.", [], [("Syria", "ATTACKS", "Israel")]),
    # an agent phrase that repeats its preposition: "by A and by B"
    case("Hezbollah is funded by Iran and by Qatar.",
         [("Iran", "BACKS", "Hezbollah"), ("Qatar", "BACKS", "Hezbollah")]),
    case("Israel was attacked by Hamas and by Hezbollah.",
         [("Hamas", "ATTACKS", "Israel"), ("Hezbollah", "ATTACKS", "Israel")]),
    case("The Iraqi army, backed by US aircraft and by Turkish drones, retook the town.",
         [("United States", "BACKS", "Iraq"), ("Turkey", "BACKS", "Iraq")]),
    case("Hezbollah was attacked by Israel and by gunmen near Tyre.",
         [("Israel", "ATTACKS", "Hezbollah")]),
    # a phrase between the participle and its agent: "backed in its stance by X"
    case("Serbia is backed in its stance by Russia and China.",
         [("Russia", "BACKS", "Serbia"), ("China", "BACKS", "Serbia")]),
    case("Hezbollah is funded in part by Iran.", [("Iran", "BACKS", "Hezbollah")]),
    case("Hamas is supported in Lebanon by Hezbollah.", [], [("Lebanon", "BACKS", HAMAS)]),
    # a negator stays in its own predicate when "and" opens a second one with an auxiliary
    case("Serbia does not recognise Kosovo and is backed by Russia.",
         [("Russia", "BACKS", "Serbia")]),
    case("Qatar has not joined the coalition and is still funding Hamas.",
         [("Qatar", "BACKS", HAMAS)]),
    case("Iran does not fund and arm Hamas.", [], [("Iran", "BACKS", HAMAS)]),
    case("Iran does not fund Hamas.", [], [("Iran", "BACKS", HAMAS)]),
    # an intention verb governing a nominal cue: a threat or a plan, not an attack
    case("Turkey has threatened a new military operation against the SDF.",
         [("Turkey", "OPPOSES", "Syrian Democratic Forces")],
         [("Turkey", "ATTACKS", "Syrian Democratic Forces")]),
    case("Israel plans a ground offensive on Hamas in Rafah.",
         [("Israel", "OPPOSES", HAMAS)], [("Israel", "ATTACKS", HAMAS)]),
    case("Israel plans a ground offensive on Rafah.", [],
         [("Israel", "ATTACKS", "Rafah"), ("Israel", "OPPOSES", "Rafah")]),
    case("Turkey launched a new military operation against the SDF.",
         [("Turkey", "ATTACKS", "Syrian Democratic Forces")]),
    # "X's <role>, <name>,": where a person is wanted, the holder of the role
    case("Erdogan hosted Sudan's army chief, Abdel Fattah al-Burhan, in Ankara.",
         [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Abdel Fattah al-Burhan")]),
    case("Erdogan received Sudan's military leader, Gen. Abdel Fattah al-Burhan, on Monday.",
         [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Abdel Fattah al-Burhan")]),
    case("Israel killed Hamas's military chief, Mohammed Deif, in Gaza.",
         [("Israel", "ATTACKS", "Mohammed Deif"), ("Israel", "ATTACKS", HAMAS)]),
    case("Erdogan hosted Sudan's delegation in Ankara.", [],
         [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Abdel Fattah al-Burhan")]),
    # a bloc's other members after the membership: ", along with B and C"
    case("The TNLA is part of the Three Brotherhood Alliance, along with the Arakan Army.",
         [("Ta'ang National Liberation Army", "PART_OF", "Three Brotherhood Alliance"),
          ("Arakan Army", "PART_OF", "Three Brotherhood Alliance")]),
    case("Hezbollah is a member of the Axis of Resistance, along with Iran fighting Israel.",
         [("Iran", "PART_OF", "Axis of Resistance")],
         [("Israel", "PART_OF", "Axis of Resistance")]),
    case("Mali belongs to the Alliance of Sahel States, together with Niger and Burkina Faso.",
         [("Mali", "PART_OF", "Alliance of Sahel States"),
          ("Niger", "PART_OF", "Alliance of Sahel States"),
          ("Burkina Faso", "PART_OF", "Alliance of Sahel States")]),
    case("The drone belonged to Hezbollah.", [], [("drone", "PART_OF", "Hezbollah")]),
    case("Crimea belongs to Ukraine.", [], [("Crimea", "PART_OF", "Ukraine")]),
    # self-declared states act as states (kg/data/gazetteer.jsonl)
    case("Ethiopia signed a port deal with Somaliland.",
         [("Ethiopia", "NEGOTIATES_WITH", "Somaliland")]),
    case("Russia keeps troops in Transnistria.", [("Russia", "DEPLOYED_IN", "Transnistria")]),
    # the second predicate of a subject relative clause shares its pronoun
    case("The Houthis, who seized Sanaa in 2014 and have fought Saudi Arabia, are strong.",
         [("Houthis", "ATTACKS", "Saudi Arabia"), ("Houthis", "CONTROLS", "Sanaa")]),
    case("Hezbollah, which controls parts of Lebanon and has attacked Israel, is strong.",
         [("Hezbollah", "ATTACKS", "Israel")]),
    case("Iran, which Israel struck in June and has threatened, vowed revenge.",
         [("Israel", "ATTACKS", "Iran")], [("Iran", "ATTACKS", "Israel")]),
    # an unnamed group before ", which ..." stays the subject after the clause
    case("The militias, which Iran arms and trains in Iraq, attacked US bases.",
         [], [("Iran", "ATTACKS", "United States")]),
    case("Kataib Hezbollah and other militias, which Iran arms, attacked US bases.",
         [("Iran", "BACKS", "Kataib Hezbollah"), ("Kataib Hezbollah", "ATTACKS", "United States")],
         [("Iran", "ATTACKS", "United States")]),
    # a target hedged by a free relative of speech: "struck what X said were ..."
    case("Israel struck what it said were Hezbollah sites in Lebanon.",
         [("Israel", "ATTACKS", "Hezbollah")]),
    case("Pakistan bombed what Islamabad described as hideouts of the TTP.", [],
         [("Pakistan", "ATTACKS", "Pakistan")]),
    case("Pakistan targeted what officials said were hideouts of the TTP.",
         [("Pakistan", "ATTACKS", "Tehreek-e-Taliban Pakistan")]),
    # allegiance makes an affiliate
    case("Boko Haram pledged allegiance to the Islamic State in 2015.",
         [("Boko Haram", "PART_OF", "ISIS")]),
    case("Boko Haram renewed its allegiance to the Islamic State.",
         [("Boko Haram", "PART_OF", "ISIS")]),
    case("Al-Shabaab has not pledged allegiance to the Islamic State.",
         [], [("Al-Shabaab", "PART_OF", "ISIS")]),
    # "the government / authorities / regime of X" is the state X
    case("Turkey signed a deal with the government of Libya.",
         [("Turkey", "NEGOTIATES_WITH", "Libya")]),
    case("Russia backs the regime of Syria.", [("Russia", "BACKS", "Syria")]),
    case("Israel struck the region of Gaza.", [], [("Israel", "ATTACKS", "Gaza")]),
]


@pytest.mark.parametrize("text, want, never", CASES)
def test_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
