"""Session 7 construction families of force, hostility and contact (issue 10): ATTACKS,
OPPOSES and NEGOTIATES_WITH, each in several phrasings with a near miss that must not fire.

Every sentence is written for this test (none is taken from an article or from
../shared); the actors differ from the development texts'. They run through the whole
blank pipeline, so the actors are ones the gazetteer knows under their ordinary names.
"""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.test_constructions import case, check_case


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)


# Force against a state's soldiers counted in dozens or hundreds ("killed dozens of
# Kenyan soldiers"), and a gerund whose agent is a named group's fighters ("with fighters
# from X killing ...", "with X fighters killing ...").
COUNTED_VICTIMS = [
    case("Al-Shabaab fighters killed dozens of Kenyan soldiers near the border.",
         [("Al-Shabaab", "ATTACKS", "Kenya")]),
    case("The PKK, a militant group that has killed hundreds of Turkish soldiers, denied it.",
         [("PKK", "ATTACKS", "Turkey")]),
    case("The raids went on, with fighters from Boko Haram killing scores of Nigerian "
         "soldiers in the northeast.",
         [("Boko Haram", "ATTACKS", "Nigeria")]),
    case("With Hamas gunmen killing dozens of Israeli soldiers, the talks stalled.",
         [("Hamas", "ATTACKS", "Israel")]),
    # a count of people sent is not a place they were sent to
    case("Iran sent thousands of Afghan fighters to Syria.",
         [], [("Iran", "DEPLOYED_IN", "Afghanistan"), ("Iran", "ATTACKS", "Afghanistan")]),
    # a state's own soldiers "fighting" name no enemy
    case("With thousands of Russian soldiers fighting in Ukraine, the front held.",
         [], [("Russia", "ATTACKS", "Russia")]),
]


@pytest.mark.parametrize("text,want,never", COUNTED_VICTIMS)
def test_counted_victims(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Sanctions imposed by the clause's subject, whoever they are named after: "X imposed /
# triggered the return of (U.N.) sanctions on Y" → X opposes Y.
IMPOSED_SANCTIONS = [
    case("Canada imposed new sanctions on Belarus.", [("Canada", "OPPOSES", "Belarus")]),
    case("Japan, Australia and Canada, the three Pacific partners, triggered the "
         "return of U.N. sanctions on North Korea in May.",
         [("Japan", "OPPOSES", "North Korea"), ("Australia", "OPPOSES", "North Korea"),
          ("Canada", "OPPOSES", "North Korea")]),
    case("The European Union has imposed an arms embargo on Venezuela.",
         [("European Union", "OPPOSES", "Venezuela")]),
    case("Washington slapped steep tariffs on China last year.",
         [("United States", "OPPOSES", "China")]),
    # lifting sanctions is the opposite
    case("The United States has lifted sanctions on Syria.",
         [], [("United States", "OPPOSES", "Syria")]),
    # sanctions someone else imposed, named after another preposition
    case("Canada expanded its trade with Haiti despite sanctions on Cuba.",
         [], [("Canada", "OPPOSES", "Cuba")]),
    case("Turkey kept buying oil in spite of heavy pressure on Iran.",
         [], [("Turkey", "OPPOSES", "Iran")]),
]


@pytest.mark.parametrize("text,want,never", IMPOSED_SANCTIONS)
def test_imposed_sanctions(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Agreements and meetings: "an accord signed by A and B", "signed a deal with the
# breakaway region of X", "A and B shook hands".
SIGNED_AND_MET = [
    case("Despite a peace accord signed by Sudan and South Sudan in Juba, fighting went on.",
         [("Sudan", "NEGOTIATES_WITH", "South Sudan")]),
    case("The treaty was signed by Serbia, Croatia and Hungary in Paris.",
         [("Serbia", "NEGOTIATES_WITH", "Croatia"), ("Serbia", "NEGOTIATES_WITH", "Hungary"),
          ("Croatia", "NEGOTIATES_WITH", "Hungary")]),
    # one signatory names no partner, nor is the actor before the cue one
    case("Kenya welcomed the deal signed by Uganda in October.",
         [], [("Kenya", "NEGOTIATES_WITH", "Uganda")]),
    case("Djibouti signed a port deal with the breakaway region of Somaliland.",
         [("Djibouti", "NEGOTIATES_WITH", "Somaliland")]),
    case("Serbian President Aleksandar Vucic and Croatian Prime Minister Andrej Plenkovic "
         "shook hands in Brussels on Friday.",
         [("Aleksandar Vucic", "NEGOTIATES_WITH", "Andrej Plenkovic")]),
    case("Recep Tayyip Erdogan shook hands with Bashar al-Assad in Tehran.",
         [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Bashar al-Assad")]),
    case("Recep Tayyip Erdogan refused to shake hands with Bashar al-Assad.",
         [], [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Bashar al-Assad")]),
]


@pytest.mark.parametrize("text,want,never", SIGNED_AND_MET)
def test_signed_and_met(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Precision: what is not force or hostility. A disavowed intention ("had no intention of
# invading X", "no plans to"), a promise to stop ("pledged to stop targeting X"), a people
# named with "ethnic" (not its state), and a share of a noun before "many of whom".
NOT_HOSTILITY = [
    case("Kenyan President William Ruto said his country had no intention of invading "
         "Somalia.", [], [("Kenya", "ATTACKS", "Somalia"), ("Kenya", "OPPOSES", "Somalia")]),
    case("Russia has no plans to attack Finland, the Kremlin said.",
         [], [("Russia", "ATTACKS", "Finland"), ("Russia", "OPPOSES", "Finland")]),
    case("Under the truce, Hamas pledged to stop targeting Israeli towns.",
         [], [("Hamas", "ATTACKS", "Israel"), ("Hamas", "OPPOSES", "Israel")]),
    case("Egypt said Hamas had agreed to halt its rocket attacks on Israel.",
         [], [("Hamas", "ATTACKS", "Israel"), ("Hamas", "OPPOSES", "Israel")]),
    case("Israel refused to stop its strikes on Hezbollah.",
         [("Israel", "ATTACKS", "Hezbollah")]),
    case("Bosnian police arrested three ethnic Serbs suspected of an armed attack on the "
         "village of Brod.", [], [("Serbia", "ATTACKS", "Bosnia and Herzegovina")]),
    case("Croatia arrested two ethnic Serbs after the raid.",
         [], [("Croatia", "ATTACKS", "Serbia"), ("Croatia", "OPPOSES", "Serbia")]),
    case("Al-Shabaab recruits among herders in southern Somalia, many of whom accuse the "
         "army of abuses.", [], [("Al-Shabaab", "OPPOSES", "Somalia")]),
    case("Iran arms the Houthis, some of whom attacked Saudi Arabia.",
         [("Houthis", "ATTACKS", "Saudi Arabia")]),
]


@pytest.mark.parametrize("text,want,never", NOT_HOSTILITY)
def test_not_hostility(nlp, text, want, never):
    check_case(nlp, text, want, never)


# People news names by the first word of their full name ("Kim", "Isaias") once named in
# full, and "has since <verb>" (an adverb, not a clause opener).
FIRST_NAMES_AND_SINCE = [
    case("North Korean leader Kim Jong Un arrived in Vladivostok by train. Kim later met "
         "Chinese President Xi Jinping.",
         [("Kim Jong Un", "NEGOTIATES_WITH", "Xi Jinping")]),
    case("Eritrean President Isaias Afwerki flew to Cairo. Isaias has since accused Ethiopia "
         "of warmongering.", [("Isaias Afwerki", "OPPOSES", "Ethiopia")]),
    # two people of the article start with the word: it names neither
    case("Mohammed bin Salman and Mohamed bin Zayed met in Riyadh. Mohammed later accused "
         "Iran of sabotage.", [],
         [("Mohammed bin Salman", "OPPOSES", "Iran"), ("Mohamed bin Zayed", "OPPOSES", "Iran")]),
    # before the full name, the word is no one yet
    case("Isaias accused Ethiopia of sabotage, and Isaias Afwerki later flew to Cairo.",
         [], [("Isaias Afwerki", "OPPOSES", "Ethiopia")]),
    case("Egypt's foreign minister has since accused Ethiopia of sabotage.",
         [("Egypt", "OPPOSES", "Ethiopia")]),
    case("Turkey has since stepped up its strikes on the PKK.", [("Turkey", "ATTACKS", "PKK")]),
]


@pytest.mark.parametrize("text,want,never", FIRST_NAMES_AND_SINCE)
def test_first_names_and_since(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Talks that someone asks for are not held ("called for talks between A and B", "urged
# A-B dialogue"); a hyphenated pair modifies its noun and is no subject ("A-B dialogue in
# a call with X": the caller is further left).
ASKED_FOR_TALKS = [
    case("Turkey called for talks between Armenia and Azerbaijan.",
         [], [("Armenia", "NEGOTIATES_WITH", "Azerbaijan")]),
    case("The African Union urged Ethiopia-Egypt dialogue over the dam.",
         [], [("Ethiopia", "NEGOTIATES_WITH", "Egypt")]),
    case("Qatar pushed for a new truce between Israel and Hamas.",
         [], [("Israel", "NEGOTIATES_WITH", "Hamas")]),
    case("Talks between Armenia and Azerbaijan resumed in Almaty.",
         [("Armenia", "NEGOTIATES_WITH", "Azerbaijan")]),
    case("Recep Tayyip Erdogan advocates for Armenia-Azerbaijan dialogue in call with "
         "Vladimir Putin", [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Vladimir Putin")],
         [("Azerbaijan", "NEGOTIATES_WITH", "Vladimir Putin"),
          ("Armenia", "NEGOTIATES_WITH", "Azerbaijan")]),
    case("Recep Tayyip Erdogan praised the Armenia-Azerbaijan dialogue in a call with "
         "Vladimir Putin.", [("Recep Tayyip Erdogan", "NEGOTIATES_WITH", "Vladimir Putin")],
         [("Azerbaijan", "NEGOTIATES_WITH", "Vladimir Putin")]),
    # a dateline's dash is no compound: "ANKARA - Turkey struck ..."
    case("ANKARA - Turkey carried out air strikes against the PKK in northern Iraq.",
         [("Turkey", "ATTACKS", "PKK")]),
]


@pytest.mark.parametrize("text,want,never", ASKED_FOR_TALKS)
def test_asked_for_talks(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Arguments across a clause: a list before a relative clause with a plural verb ("A and B,
# which have blocked X"), a target after "what it says are", the actor whose act "a move"
# sums up ("A seized X, a move B condemned"), and "A and the so-called B".
CLAUSE_ARGUMENTS = [
    case("Armenia is backed by France and India, which have criticised Azerbaijan.",
         [("France", "OPPOSES", "Azerbaijan"), ("India", "OPPOSES", "Azerbaijan")]),
    case("Iran arms Hamas and Hezbollah, which has attacked Israel.",
         [("Hezbollah", "ATTACKS", "Israel")], [("Hamas", "ATTACKS", "Israel")]),
    case("Turkey pressed its campaign against what it says are PKK hideouts in Iraq.",
         [("Turkey", "ATTACKS", "PKK")]),
    case("Russia annexed Crimea in 2014, a move Ukraine condemned.",
         [("Ukraine", "OPPOSES", "Russia")]),
    case("Morocco built a wall through the desert, a step condemned by Algeria.",
         [("Algeria", "OPPOSES", "Morocco")]),
    case("Russia annexed Crimea in 2014, a move Belarus welcomed.",
         [], [("Belarus", "OPPOSES", "Russia")]),
    case("Canada has designated the IRGC and the so-called Wagner Group as terrorist "
         "organisations.",
         [("Canada", "OPPOSES", "IRGC"), ("Canada", "OPPOSES", "Wagner Group")]),
]


@pytest.mark.parametrize("text,want,never", CLAUSE_ARGUMENTS)
def test_clause_arguments(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Force at a state's sites named by its adjective ("strikes on Russian oil refineries"),
# "it" after a dateline ("NEW DELHI (Reuters) - X said it had ..."), and a short aside
# after the subject ("X, for its part, has stepped up strikes on Y").
NATIONAL_TARGETS = [
    case("Israel has stepped up drone strikes on Iranian oil refineries.",
         [("Israel", "ATTACKS", "Iran")]),
    case("Turkish drones bombed Iraqi power plants overnight.", [("Turkey", "ATTACKS", "Iraq")]),
    case("Turkish drones hit Syrian oil fields held by the SDF.",
         [], [("Turkey", "ATTACKS", "Syria")]),
    case("CAIRO (Reuters) - Egypt said it had shot down two Libyan drones.",
         [("Egypt", "ATTACKS", "Libya")]),
    case("AMMAN, Jordan (AP) - Israel said it had struck Syrian military sites.",
         [("Israel", "ATTACKS", "Syria")]),
    case("Israel, for its part, has stepped up long-range air strikes on Hezbollah depots.",
         [("Israel", "ATTACKS", "Hezbollah")]),
    case("Iran, in turn, fired ballistic missiles at Israel.", [("Iran", "ATTACKS", "Israel")]),
]


@pytest.mark.parametrize("text,want,never", NATIONAL_TARGETS)
def test_national_targets(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Stances named by a noun: concern over what an actor does, a threatened response against
# it, "resistance" (also in quotes) against it; "concern about attacks on X" is no attack
# by the one concerned; "oilfields" (one word) is no state's, as "oil fields" is not.
STANCE_NOUNS = [
    case("Japan expressed concern over China's military buildup.",
         [("Japan", "OPPOSES", "China")]),
    case("South Korea voiced alarm at North Korea's missile launches.",
         [("South Korea", "OPPOSES", "North Korea")]),
    case("Japan voiced concern about attacks on Chinese ships.",
         [], [("Japan", "ATTACKS", "China")]),
    case("The United States responded with strikes on Kataib Hezbollah facilities.",
         [("United States", "ATTACKS", "Kataib Hezbollah")]),
    case("The Houthis promised a firm response against Saudi Arabia.",
         [("Houthis", "OPPOSES", "Saudi Arabia")]),
    case("The PKK has long claimed to wage “resistance” against Turkey.",
         [("PKK", "OPPOSES", "Turkey")]),
    case("Khalifa Haftar's blockade of Libyan oilfields cut exports.",
         [], [("Khalifa Haftar", "OPPOSES", "Libya")]),
]


@pytest.mark.parametrize("text,want,never", STANCE_NOUNS)
def test_stance_nouns(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Advances on an actor or the place it holds ("advanced on rebel-held Idlib" → the rebels),
# not the participle of an unnamed unit ("struck a column advancing on X"); a list item
# written "X-backed Y" is Y ("conflict with Turkey and Turkish-backed factions").
ADVANCES_AND_LISTS = [
    case("Iraqi troops advanced on the Islamic State west of Mosul.",
         [("Iraq", "ATTACKS", "ISIS")]),
    case("Iraq's advance on the Islamic State stalled in the desert.",
         [("Iraq", "ATTACKS", "ISIS")]),
    case("Saudi jets struck a column advancing on a Houthi-held town.",
         [], [("Saudi Arabia", "ATTACKS", "Houthis")]),
    case("Iran advanced its missile programme.", [], [("Iran", "ATTACKS", "Iran")]),
    case("The PKK's conflict with Turkey and Turkish-backed Syrian rebel factions has cost "
         "many lives.",
         [("PKK", "ATTACKS", "Turkish-backed factions"),
          ("Turkish-backed factions", "ATTACKS", "PKK")]),
]


@pytest.mark.parametrize("text,want,never", ADVANCES_AND_LISTS)
def test_advances_and_lists(nlp, text, want, never):
    check_case(nlp, text, want, never)


# A relative clause "which has been at war with X" names its antecedent as the party;
# "A, led by P, (widely) known as Q," is an aside: the clause's subject or patient is A.
ASIDES_AND_RELATIVES = [
    case("The Houthis, which have been at war with Saudi Arabia since 2015, seized a ship.",
         [("Houthis", "ATTACKS", "Saudi Arabia")]),
    case("Hamas, which is in talks with Egypt, rejected the plan.",
         [("Hamas", "NEGOTIATES_WITH", "Egypt")]),
    case("Saudi Arabia, led by Mohammed bin Salman, widely known as MBS, has been accused by "
         "Iran of arming rebels.", [("Iran", "OPPOSES", "Saudi Arabia")],
         [("Iran", "OPPOSES", "Mohammed bin Salman")]),
    case("The Taliban, led by Hibatullah Akhundzada, is backed by Pakistan.",
         [("Pakistan", "BACKS", "Taliban")], [("Pakistan", "BACKS", "Hibatullah Akhundzada")]),
]


@pytest.mark.parametrize("text,want,never", ASIDES_AND_RELATIVES)
def test_asides_and_relatives(nlp, text, want, never):
    check_case(nlp, text, want, never)


# A short apposition before a relative pronoun names the relative's subject ("X, a leftist
# who has clashed with Y"); "rejected the authority / demands of X" opposes X.
APPOSED_RELATIVES_AND_REJECTION = [
    case("Recep Tayyip Erdogan, a populist who has clashed with Benjamin Netanyahu, spoke.",
         [("Recep Tayyip Erdogan", "OPPOSES", "Benjamin Netanyahu")]),
    case("Recep Tayyip Erdogan told Reuters in an interview this month that talks with "
         "Russia were underway.", [],
         [("Recep Tayyip Erdogan", "OPPOSES", "Russia")]),
    case("Hamas rejected the demands of Israel.", [("Hamas", "OPPOSES", "Israel")]),
    case("Hezbollah has defied the authority of the Lebanese government.",
         [("Hezbollah", "OPPOSES", "Lebanon")]),
    case("Hamas rejected the plan of action.", [], [("Hamas", "OPPOSES", "Hamas")]),
]


@pytest.mark.parametrize("text,want,never", APPOSED_RELATIVES_AND_REJECTION)
def test_apposed_relatives_and_rejection(nlp, text, want, never):
    check_case(nlp, text, want, never)


# The agent of an attack named in a passive after it: "The attack was carried out / led /
# claimed by X" (the last attack told without an attacker), "the attack on Y was carried
# out by X"; a passive of another verb names no attacker.
ATTACK_AGENT_AFTER = [
    case("Gunmen attacked a Hezbollah convoy on Monday. The attack was claimed by the "
         "Islamic State.", [("ISIS", "ATTACKS", "Hezbollah")]),
    case("The attack on Hezbollah was carried out by the Islamic State.",
         [("ISIS", "ATTACKS", "Hezbollah")]),
    case("The strikes on Hamas were led by Israel.", [("Israel", "ATTACKS", "Hamas")]),
    case("Gunmen attacked a Hezbollah convoy on Monday. The attack was condemned by Israel.",
         [], [("Israel", "ATTACKS", "Hezbollah")]),
]


@pytest.mark.parametrize("text,want,never", ATTACK_AGENT_AFTER)
def test_attack_agent_after(nlp, text, want, never):
    check_case(nlp, text, want, never)


# "between the two neighbours / sides / countries": the two states the previous sentences
# name, when they name exactly two; a third state makes the pair unknown.
THE_TWO = [
    case("Fighting flared along Kenya's border with Somalia. Nairobi accuses Mogadishu of "
         "sheltering militants. Qatar mediated talks between the two neighbours in Doha.",
         [("Kenya", "NEGOTIATES_WITH", "Somalia")],
         [("Qatar", "NEGOTIATES_WITH", "Kenya")]),
    case("Russia struck Ukraine again. Talks between the two sides resumed in Istanbul.",
         [("Russia", "NEGOTIATES_WITH", "Ukraine")]),
    case("Iran, Iraq and Syria sent envoys. Talks between the two countries resumed.",
         [], [("Iran", "NEGOTIATES_WITH", "Iraq"), ("Iraq", "NEGOTIATES_WITH", "Syria"),
              ("Iran", "NEGOTIATES_WITH", "Syria")]),
]


@pytest.mark.parametrize("text,want,never", THE_TWO)
def test_the_two(nlp, text, want, never):
    check_case(nlp, text, want, never)


# "Y pushed / drove back an X assault": X attacked Y (as "repelled"), also when X's name
# runs over several tokens ("an Islamic State assault").
PUSHED_BACK = [
    case("Iraqi forces pushed back an Islamic State assault near Mosul.",
         [("ISIS", "ATTACKS", "Iraq")]),
    case("Kurdish fighters of the SDF drove back an Islamic State attack on the prison.",
         [("ISIS", "ATTACKS", "Syrian Democratic Forces")]),
]


@pytest.mark.parametrize("text,want,never", PUSHED_BACK)
def test_pushed_back(nlp, text, want, never):
    check_case(nlp, text, want, never)


# A state's official, named after the title with a comma, meets a state for the state too:
# "Iran's foreign minister, Abbas Araqchi, held talks with Oman".
OFFICIALS_MEET = [
    case("Iran's foreign minister, Abbas Araqchi, held talks with Oman on Tuesday.",
         [("Iran", "NEGOTIATES_WITH", "Oman"), ("Abbas Araqchi", "NEGOTIATES_WITH", "Oman")]),
    case("Abbas Araqchi, a former envoy, held talks with Oman on Tuesday.",
         [("Abbas Araqchi", "NEGOTIATES_WITH", "Oman")], [("Iran", "NEGOTIATES_WITH", "Oman")]),
]


@pytest.mark.parametrize("text,want,never", OFFICIALS_MEET)
def test_officials_meet(nlp, text, want, never):
    check_case(nlp, text, want, never)


# Threats and actions quoted in part: 'X would "pay for this crime"', 'to take "very strong
# action" against Y' (a quotation mark inside the cue phrase).
QUOTED_THREATS = [
    case('The Houthis said in a statement that Saudi Arabia would "pay for this crime."',
         [("Houthis", "OPPOSES", "Saudi Arabia")]),
    case("Hamas said Israel would “pay a heavy price”.", [("Hamas", "OPPOSES", "Israel")]),
    case('Turkey was ready to take "very strong action" against the PKK, officials said.',
         [("Turkey", "OPPOSES", "PKK")]),
    case("Washington vowed to “contain” Iran's influence in Iraq.",
         [("United States", "OPPOSES", "Iran")]),
    case('Turkey said the PKK was "a serious threat", and took no action.',
         [], [("Turkey", "ATTACKS", "PKK")]),
]


@pytest.mark.parametrize("text,want,never", QUOTED_THREATS)
def test_quoted_threats(nlp, text, want, never):
    check_case(nlp, text, want, never)


# "both cartels" / "the two militias": the two actors of the previous sentences whose
# names hold the noun; a place retaken from an actor past a long place phrase.
BOTH_AND_RETAKEN = [
    case("Mexico extradited leaders of the Sinaloa Cartel and the Jalisco New Generation "
         "Cartel. Canada designated both cartels as terrorist organisations.",
         [("Canada", "OPPOSES", "Sinaloa Cartel"),
          ("Canada", "OPPOSES", "Jalisco New Generation Cartel")]),
    case("Iran backs Kataib Hezbollah and Harakat Hezbollah al-Nujaba. The United States "
         "struck both militias.", [],
         [("United States", "ATTACKS", "Kataib Hezbollah")]),
    case("Iraq's army has recaptured the strategic town of Tal Afar in northern Nineveh "
         "province from the Islamic State.", [("Iraq", "ATTACKS", "ISIS")]),
]


@pytest.mark.parametrize("text,want,never", BOTH_AND_RETAKEN)
def test_both_and_retaken(nlp, text, want, never):
    check_case(nlp, text, want, never)


# A state's leader or military chief named in apposition speaks for the state ("Niger's
# military leader, General X, expelled French troops" → Niger too); a minister does not.
STATE_VOICES = [
    case("Burkina Faso's military leader, Captain Ibrahim Traore, expelled French troops.",
         [("Burkina Faso", "OPPOSES", "France")]),
    case("Egypt's army chief, General Ahmed Fathi, accused Ethiopia of sabotage.",
         [("Egypt", "OPPOSES", "Ethiopia")]),
    case("Egypt's irrigation minister, Hani Sewilam, accused Ethiopia of sabotage.",
         [], [("Egypt", "OPPOSES", "Ethiopia")]),
]


@pytest.mark.parametrize("text,want,never", STATE_VOICES)
def test_state_voices(nlp, text, want, never):
    check_case(nlp, text, want, never)
