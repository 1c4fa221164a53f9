"""Construction families of issue 10 added in session 6 (plain news phrasings kg missed:
counted forces, proxies, munitions, passive blame, calls, ranks, affiliates, aid packages),
one list of cases per family, checked as in :mod:`tests.test_constructions` (sentences
written for the test, the whole blank pipeline, triples that must and must not be found).
"""

from __future__ import annotations

import pytest

from tests.test_constructions import (  # noqa: F401
    IRAN,
    RUSSIA,
    US,
    case,
    check_case,
    nlp,
)

# a count before a force that opens the clause: the force acts ("Hundreds of X soldiers")
COUNTED_FORCES = [
    case("Hundreds of Rwandan soldiers are fighting alongside the M23.",
         [("Rwanda", "ALLIED_WITH", "M23")]),
    case("Thousands of North Korean troops have been deployed to Russia.",
         [("North Korea", "DEPLOYED_IN", RUSSIA)]),
    case("Dozens of Hezbollah fighters are fighting in Syria.",
         [("Hezbollah", "DEPLOYED_IN", "Syria")]),
    # people of a state are not its forces
    case("Thousands of Syrians are living in Turkey.", [], [("Syria", "DEPLOYED_IN", "Turkey")]),
]

# a proxy is backed by its patron, not a member of it
PROXIES = [
    case("Hezbollah is Iran's proxy.", [(IRAN, "BACKS", "Hezbollah")],
         [("Hezbollah", "PART_OF", IRAN)]),
    case("The Houthis, Iran's main proxy in Yemen, fired missiles.",
         [(IRAN, "BACKS", "Houthis")], [("Houthis", "PART_OF", IRAN)]),
    case("The Houthis are a proxy of Iran.", [(IRAN, "BACKS", "Houthis")]),
    case("Analysts call the militia a surrogate for Tehran.", [],
         [("Houthis", "BACKS", IRAN)]),
    case("The Quds Force, the IRGC's external arm, trains militias.",
         [("Quds Force", "PART_OF", "IRGC")]),
]

# munitions sent or supplied are backing, like weapons
MUNITIONS = [
    case("North Korea supplied artillery shells to Russia.",
         [("North Korea", "BACKS", RUSSIA)]),
    case("North Korea has sent millions of artillery shells to Russia.",
         [("North Korea", "BACKS", RUSSIA)]),
    case("Germany delivered tanks to Ukraine.", [("Germany", "BACKS", "Ukraine")]),
    case("Iran smuggled explosives to Hamas.", [(IRAN, "BACKS", "Hamas")]),
    case("Israel fired shells into Lebanon.", [("Israel", "ATTACKS", "Lebanon")],
         [("Israel", "BACKS", "Lebanon")]),
]

# passive blame with the act between the participle and its agent
BLAMED_BY = [
    case("The RSF has been accused of war crimes by the United States.",
         [(US, "OPPOSES", "Rapid Support Forces")]),
    case("Hamas was condemned for the attack by the European Union.",
         [("European Union", "OPPOSES", "Hamas")]),
    case("Iran has been blamed for the drone attacks by Saudi Arabia.",
         [("Saudi Arabia", "OPPOSES", IRAN)]),
    case("The UAE was accused by Sudan of arming the RSF.",
         [("Sudan", "OPPOSES", "United Arab Emirates")]),
    case("Hamas was praised for the release by Qatar.", [], [("Qatar", "OPPOSES", "Hamas")]),
]

# calls between leaders are contacts; a "call from X for Y" is an appeal
CALLS = [
    case("Sisi received a phone call from Erdogan.",
         [("Abdel Fattah al-Sisi", "NEGOTIATES_WITH", "Recep Tayyip Erdogan")]),
    case("Putin held a phone call with Erdogan on Monday.",
         [("Vladimir Putin", "NEGOTIATES_WITH", "Recep Tayyip Erdogan")]),
    case("Biden made a telephone call to Netanyahu.",
         [("Joe Biden", "NEGOTIATES_WITH", "Benjamin Netanyahu")]),
    case("Iran rejected a call from France for restraint.", [],
         [(IRAN, "NEGOTIATES_WITH", "France")]),
    # mediators of a named truce, and prisoner exchanges
    case("Egypt and Qatar brokered the ceasefire between Israel and Hamas.",
         [("Israel", "NEGOTIATES_WITH", "Hamas"), ("Egypt", "NEGOTIATES_WITH", "Israel"),
          ("Qatar", "NEGOTIATES_WITH", "Hamas")]),
    case("Russia and Ukraine swapped 300 prisoners of war.",
         [(RUSSIA, "NEGOTIATES_WITH", "Ukraine")]),
    case("The prisoner exchange between Russia and Ukraine went ahead.",
         [(RUSSIA, "NEGOTIATES_WITH", "Ukraine")]),
    case("Israel exchanged fire with Hezbollah.", [("Israel", "ATTACKS", "Hezbollah")],
         [("Israel", "NEGOTIATES_WITH", "Hezbollah")]),
]

# "a (senior) X commander, Y": one of X's commanders; "X commander Y" heads X
RANKS = [
    case("Israel killed a Hezbollah commander, Ali Karaki, in Beirut.",
         [("Ali Karaki", "PART_OF", "Hezbollah")], [("Ali Karaki", "LEADS", "Hezbollah")]),
    case("Senior Hamas commander Mohammed Deif was killed.",
         [("Mohammed Deif", "PART_OF", "Hamas")], [("Mohammed Deif", "LEADS", "Hamas")]),
    case("SDF commander Mazloum Abdi met the envoy.",
         [("Mazloum Abdi", "LEADS", "Syrian Democratic Forces")]),
]

# affiliates named before their noun, units within an organisation, ties that ended
AFFILIATES = [
    case("JNIM is an al-Qaeda affiliate.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "PART_OF", "al-Qaeda")]),
    case("JNIM, an al-Qaeda affiliate, claimed the attack.",
         [("Jama'at Nusrat al-Islam wal-Muslimin", "PART_OF", "al-Qaeda")]),
    case("Kataib Hezbollah, a faction within the PMF, denied involvement.",
         [("Kataib Hezbollah", "PART_OF", "Popular Mobilization Forces")]),
    case("Hayat Tahrir al-Sham, a former al-Qaeda affiliate, took Damascus.", [],
         [("Hayat Tahrir al-Sham", "PART_OF", "al-Qaeda")]),
    case("Haftar, a former Kremlin ally, visited Paris.", [],
         [("Khalifa Haftar", "ALLIED_WITH", RUSSIA)]),
    case("Haftar, a Kremlin ally, visited Paris.", [("Khalifa Haftar", "ALLIED_WITH", RUSSIA)]),
]

# aid packages, arms sales and aid received
AID = [
    case("The US approved a $95 billion aid package for Ukraine, Israel and Taiwan.",
         [(US, "BACKS", "Ukraine"), (US, "BACKS", "Israel"), (US, "BACKS", "Taiwan")]),
    case("Germany announced a new military aid package for Ukraine.",
         [("Germany", "BACKS", "Ukraine")]),
    case("Washington approved arms sales to Taiwan.", [(US, "BACKS", "Taiwan")]),
    case("Ukraine has received billions of dollars in aid from the United States.",
         [(US, "BACKS", "Ukraine")]),
    case("Russia halted weapons deliveries to Armenia.", [], [(RUSSIA, "BACKS", "Armenia")]),
]

# diplomatic protest and suspension by a bloc
PROTESTS = [
    case("Algeria recalled its ambassador to France.", [("Algeria", "OPPOSES", "France")]),
    case("France recalled its envoy from Algeria for consultations.",
         [("France", "OPPOSES", "Algeria")]),
    case("ECOWAS suspended Guinea after the coup.", [("ECOWAS", "OPPOSES", "Guinea")]),
    case("The African Union suspended Mali's membership.",
         [("African Union", "OPPOSES", "Mali")]),
    case("The AU suspended talks with Sudan.", [], [("African Union", "OPPOSES", "Sudan")]),
]

# a list of subjects is not a parenthetical, and a list far from a deal did not make it
LISTS = [
    case("Britain, France and Germany triggered the snapback, accusing Iran of breaching the "
         "deal.", [("United Kingdom", "OPPOSES", IRAN), ("France", "OPPOSES", IRAN),
                   ("Germany", "OPPOSES", IRAN)],
         [("France", "NEGOTIATES_WITH", "Germany"), ("France", "NEGOTIATES_WITH",
                                                      "United Kingdom")]),
    case("Egypt and Qatar signed a deal on Sunday.", [("Egypt", "NEGOTIATES_WITH", "Qatar")]),
    case("Russia, which intervened in 2015, operates the Hmeimim air base.",
         [(RUSSIA, "OPERATES", "Hmeimim air base")]),
]

# an assault repelled names its attacker; "beat back" is no backing; a bid to join is no
# membership yet
REPELLED_AND_BIDS = [
    case("Ukrainian forces repelled a Russian assault near Pokrovsk.",
         [(RUSSIA, "ATTACKS", "Ukraine")]),
    case("Sudan's army fended off a fresh RSF offensive.",
         [("Rapid Support Forces", "ATTACKS", "Sudan")]),
    case("Israeli forces thwarted a Hamas attack.", [("Hamas", "ATTACKS", "Israel")]),
    case("Kyiv said it beat back several Russian attacks.", [(RUSSIA, "ATTACKS", "Ukraine")],
         [("Ukraine", "BACKS", RUSSIA)]),
    case("Iran will back the Houthis.", [(IRAN, "BACKS", "Houthis")]),
    case("Hungary vetoed Ukraine's bid to join the EU.", [],
         [("Ukraine", "PART_OF", "European Union")]),
    case("Ukraine hopes to join NATO.", [], [("Ukraine", "PART_OF", "NATO")]),
    case("Finland joined NATO in 2023.", [("Finland", "PART_OF", "NATO")]),
]

# a body named by its parent organisation; long-serving and longtime titles
AGENCIES_AND_TITLES = [
    case("UNICEF, the United Nations children's agency, said 50 children died.",
         [("UNICEF", "PART_OF", "United Nations")]),
    case("The IAEA, the UN nuclear watchdog, said Iran had enriched more uranium.",
         [("IAEA", "PART_OF", "United Nations")]),
    case("The IRGC's Quds Force trains militias abroad.", [("Quds Force", "PART_OF", "IRGC")],
         [("IRGC", "PART_OF", "Quds Force")]),
    case("Anadolu, the Turkish state news agency, reported the attack.", [],
         [("Anadolu", "PART_OF", "Turkey")]),
    case("Israeli jets killed Razi Mousavi, a long-serving IRGC adviser in Syria.",
         [("Razi Mousavi", "PART_OF", "IRGC")]),
    case("Camp Lemonnier, the only permanent US military base in Africa, is in Djibouti.",
         [(US, "OPERATES", "Camp Lemonnier")]),
    case("Hmeimim, Russia's main permanent base in Syria, was hit.",
         [(RUSSIA, "OPERATES", "Hmeimim air base")]),
    case("Hassan Nasrallah, the longtime Hezbollah leader, was killed.",
         [("Hassan Nasrallah", "LEADS", "Hezbollah")]),
]

# sanctions on a state's companies or officials, action against, a state's war in another
SANCTIONS_AND_WARS = [
    case("The United States has sanctioned dozens of Iranian companies.",
         [(US, "OPPOSES", IRAN)]),
    case("The EU blacklisted Russian banks.", [("European Union", "OPPOSES", RUSSIA)]),
    case("The US Treasury imposed sanctions on more than 20 Russian companies.",
         [("US Treasury", "OPPOSES", RUSSIA)]),
    case("Iranian companies sanctioned by the US denied the charge.", [],
         [(IRAN, "OPPOSES", US)]),
    case("Washington wants to curb Iran's influence in Syria.", [(US, "OPPOSES", IRAN)]),
    case("Israel and the US seek to contain Iranian influence.",
         [("Israel", "OPPOSES", IRAN), (US, "OPPOSES", IRAN)]),
    case("Iran's influence grew after the war.", [], [(IRAN, "OPPOSES", IRAN)]),
    case("The EU threatened action against Belarus.", [("European Union", "OPPOSES", "Belarus")]),
    case("Russia's war in Ukraine has killed thousands.", [(RUSSIA, "ATTACKS", "Ukraine")]),
    case("The war in Sudan has displaced millions.", [], [("Sudan", "ATTACKS", "Sudan")]),
]

# a threat in reported speech: what will befall someone
THREATS = [
    case("Khamenei said Israel will be punished for the attack.",
         [("Ali Khamenei", "OPPOSES", "Israel")]),
    case('Iran said Israel "will be punished" for the strike.', [(IRAN, "OPPOSES", "Israel")]),
    case("Iran said the United States would be held accountable.", [(IRAN, "OPPOSES", US)]),
    case("Hezbollah vowed that Israel would pay a heavy price.",
         [("Hezbollah", "OPPOSES", "Israel")]),
    case("Russia warned that Finland would regret its decision.",
         [(RUSSIA, "OPPOSES", "Finland")]),
    case("Qatar said Egypt would pay the salaries.", [], [("Qatar", "OPPOSES", "Egypt")]),
    case("Hamas said Israel would pay for the killing.", [("Hamas", "OPPOSES", "Israel")]),
    case("Qatar said Egypt would pay for the fuel.", [], [("Qatar", "OPPOSES", "Egypt")]),
    case("Iran said on Monday that Israel would be punished.", [(IRAN, "OPPOSES", "Israel")]),
    case("Prigozhin led a short-lived mutiny against the Russian military leadership.",
         [("Yevgeny Prigozhin", "OPPOSES", RUSSIA)]),
    case("Iran said the talks would be held in Oman.", [], [(IRAN, "OPPOSES", "Oman")]),
    # two persons who clash quarrel; forces that clash fight
    case("Erdogan clashed with Macron over Libya.",
         [("Recep Tayyip Erdogan", "OPPOSES", "Emmanuel Macron")],
         [("Recep Tayyip Erdogan", "ATTACKS", "Emmanuel Macron")]),
    case("Israeli troops clashed with Hamas fighters in Rafah.",
         [("Israel", "ATTACKS", "Hamas"), ("Hamas", "ATTACKS", "Israel")]),
]

# recruitment in its other verb forms and of people named by an unknown adjective
RECRUITMENT = [
    case("Al-Shabaab forcibly conscripts boys in rural Somalia.",
         [("Al-Shabaab", "RECRUITS", "boys")]),
    case("Russia hired Nepali men as soldiers.", [(RUSSIA, "RECRUITS", "Nepali men")]),
    case("The RSF has mobilised Arab tribal fighters from Darfur.",
         [("Rapid Support Forces", "RECRUITS", "fighters from Darfur")]),
    case("Russia hired Vectus Global to fly drones.", [], [(RUSSIA, "RECRUITS", "Vectus Global")]),
]

ALL = (COUNTED_FORCES + PROXIES + MUNITIONS + BLAMED_BY + CALLS + RANKS + AFFILIATES + AID
       + PROTESTS + LISTS + REPELLED_AND_BIDS
       + AGENCIES_AND_TITLES + SANCTIONS_AND_WARS
       + THREATS + RECRUITMENT)


@pytest.mark.parametrize("text, want, never", ALL)
def test_session6_construction(nlp, text, want, never):  # noqa: F811
    check_case(nlp, text, want, never)
