"""Session 8 integrator fixes of issue 10 found on the blind set tests/data/dev4: readings
of actors that news keeps apart, each with a near miss.

Every sentence is written for this test (none is taken from an article or ../shared).
"""

from __future__ import annotations

import pytest

from kg.nlp import load_pipeline
from tests.test_constructions import canonical, found


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(None)

# ---- the Palestinian Authority is a governing body, not the State of Palestine: news and
# the gold sets name it apart ("the PA's security forces", "the Authority's president"),
# and a relation of the PA read as one of Palestine is lost to the scorer


@pytest.mark.parametrize("text, want, never", [
    ("The Palestinian Authority condemned the Israeli raid on Nablus on Sunday.",
     ("Palestinian Authority", "OPPOSES", "Israel"), ("Palestine", "OPPOSES", "Israel")),
    ("Security forces of the Palestinian National Authority clashed with Hamas gunmen in "
     "Qalqilya.", ("Palestinian Authority", "ATTACKS", "Hamas"), ("Palestine", "ATTACKS", "Hamas")),
])
def test_the_palestinian_authority_is_its_own_actor(nlp, text, want, never):
    got = found(nlp, text)
    assert want in got and never not in got


def test_the_state_of_palestine_stays_a_state(nlp):
    got = found(nlp, "Spain and Ireland recognised the State of Palestine in May.")
    assert not any(t[0] == "Palestinian Authority" or t[2] == "Palestinian Authority"
                   for t in got)
    ents = {e.kb_id_: e.label_ for e in nlp("Spain recognised the State of Palestine.").ents}
    assert ents.get("Palestine") == "STATE"

# ---- members as a verb's object: "police arrested members of the PKK" names the members
# as patients; the clause's subject joins nothing (phrases.members_as_patients)


@pytest.mark.parametrize("text, never", [
    ("Greek police arrested senior members of the PKK in Athens.", ("Greece", "PART_OF", "PKK")),
    ("Jordan tried dozens of suspected members of the Muslim Brotherhood last year.",
     ("Jordan", "PART_OF", "Muslim Brotherhood")),
    ("The Taliban have sheltered members of al-Qaeda since 2021.",
     ("Taliban", "PART_OF", "al-Qaeda")),
    ("Britain sanctioned two members of Hamas on Tuesday.", ("United Kingdom", "PART_OF", "Hamas")),
])
def test_members_as_a_verbs_object_are_no_membership(nlp, text, never):
    assert never not in found(nlp, text)


@pytest.mark.parametrize("text, want", [
    ("Morocco is a founding member of the Arab League.", ("Morocco", "PART_OF", "Arab League")),
    ("Hungary, itself a member of NATO, blocked the statement.", ("Hungary", "PART_OF", "NATO")),
    ("Spain and Portugal became members of the European Union in 1986.",
     ("Portugal", "PART_OF", "European Union")),
    ("Sweden, which became a member of NATO last year, sent jets.",
     ("Sweden", "PART_OF", "NATO")),
])
def test_copular_and_apposed_membership_stays(nlp, text, want):
    assert want in found(nlp, text)

# ---- "the government / authorities / regime in <capital>" is the state seated there, as
# subject or object (resolve.capital_is_place, scan.scan_right, phrases.governing_prep),
# and "the government" followed by its seat is no anaphor of an earlier state (kg_coref)


@pytest.mark.parametrize("text, want", [
    ("Ankara and Doha are the main backers of the new authorities in Damascus.",
     ("Turkey", "BACKS", "Syria")),
    ("Qatar supports the government in Damascus.", ("Qatar", "BACKS", "Syria")),
    ("The government in Khartoum accused Abu Dhabi of arming the paramilitaries.",
     ("Sudan", "OPPOSES", "United Arab Emirates")),
    ("The regime in Tehran arms the Houthis, Western officials say.", ("Iran", "BACKS", "Houthis")),
])
def test_the_government_in_a_capital_is_the_state(nlp, text, want):
    assert want in found(nlp, text)


def test_a_city_after_in_stays_a_place(nlp):
    got = found(nlp, "Hezbollah fighters in Damascus attacked the rebels.")
    assert not any(t[0] == "Syria" or t[2] == "Syria" for t in got)


# ---- "engage": combat, unless a topic follows ("engaged Kabul on trade" is diplomacy)


@pytest.mark.parametrize("text, want", [
    ("Kenyan troops engaged al-Shabaab fighters near Lamu.", ("Kenya", "ATTACKS", "Al-Shabaab")),
    ("Nigerian jets engaged Boko Haram positions on the shores of Lake Chad.",
     ("Nigeria", "ATTACKS", "Boko Haram")),
])
def test_engage_is_combat(nlp, text, want):
    assert want in found(nlp, text)


@pytest.mark.parametrize("text, never", [
    ("Washington engaged Beijing on climate last year.", ("United States", "ATTACKS", "China")),
    ("The junta in Niamey, which Algeria has engaged on security, was not invited.",
     ("Algeria", "ATTACKS", "Niger")),
])
def test_engage_on_a_topic_is_talk(nlp, text, never):
    assert never not in found(nlp, text)

# ---- a predicate after an aside names the subject before the aside: "The SDF, the force
# that holds X, is the main US partner" (phrases.apposed_to, frames_coverage.appos_ally);
# a state after "partner in" is where a named partner is (NominalOptions.in_names_place)


@pytest.mark.parametrize("text, want, never", [
    ("The YPG, the militia that holds much of north-eastern Syria, is the main U.S. partner "
     "against the Islamic State.", ("United States", "ALLIED_WITH", "YPG"),
     ("United States", "ALLIED_WITH", "Syria")),
    ("Jordan, which borders Iraq, is a key American ally.",
     ("United States", "ALLIED_WITH", "Jordan"), ("United States", "ALLIED_WITH", "Iraq")),
    ("The SNA, which holds Afrin, is the main Turkish partner in Syria.",
     ("Turkey", "ALLIED_WITH", "Syrian National Army"), ("Turkey", "ALLIED_WITH", "Syria")),
])
def test_predicate_after_an_aside(nlp, text, want, never):
    got = found(nlp, text)
    assert canonical(want) in got and canonical(never) not in got


def test_unnamed_allies_in_a_state_are_that_state(nlp):
    got = found(nlp, "Damascus leaned on its allies in Iran.")
    assert canonical(("Syria", "ALLIED_WITH", "Iran")) in got


# ---- "where it ..." after "in northern X": the pronoun is the clause's actor, not the
# place (kg_coref: a compass word does not hide the preposition)


def test_where_it_after_a_compass_place(nlp):
    got = found(nlp, "Ankara keeps thousands of soldiers in northern Iraq, where it fights "
                     "the PKK.")
    assert ("Turkey", "ATTACKS", "PKK") in got and ("Iraq", "ATTACKS", "PKK") not in got


# ---- "condemned the strikes" means the latest strike of the paragraph, not an uprising
# or another kind of attack named since (bridging.condemnations, frames.json event_families)


def test_condemned_strikes_take_the_striker(nlp):
    got = found(nlp, "Israeli jets struck Hamas positions in Rafah overnight. Hamas has "
                     "fought Israel since its founding in 1987, and it vowed revenge. "
                     "Later on Monday, Cairo condemned the strikes.")
    assert ("Egypt", "OPPOSES", "Israel") in got and ("Egypt", "OPPOSES", "Hamas") not in got


def test_condemned_attack_still_takes_the_latest_attack(nlp):
    got = found(nlp, "Al-Shabaab fighters ambushed Ugandan troops near Baidoa. Kampala "
                     "condemned the attack.")
    assert ("Uganda", "OPPOSES", "Al-Shabaab") in got


# ---- standing quarrels: "at odds / at loggerheads with", "a dispute / row with"


@pytest.mark.parametrize("text, want", [
    ("Rabat, which claims the territory, has long been at odds with Algiers.",
     ("Morocco", "OPPOSES", "Algeria")),
    ("Addis Ababa is locked in a bitter dispute with Cairo over the Nile dam.",
     ("Ethiopia", "OPPOSES", "Egypt")),
    ("Guyana's border row with Venezuela reached the world court.",
     ("Guyana", "OPPOSES", "Venezuela")),
])
def test_standing_quarrels_are_opposition(nlp, text, want):
    assert want in found(nlp, text)


def test_a_dispute_without_a_named_side(nlp):
    assert not found(nlp, "Farmers are in a dispute with the government over prices.")


# ---- a text a participle describes: "vetoed a resolution condemning X" condemns nobody
# on the vetoer's part (scan.adopted_text); "adopted / issued" one does


@pytest.mark.parametrize("text, never", [
    ("China vetoed a resolution condemning North Korea.", ("China", "OPPOSES", "North Korea")),
    ("Slovakia blocked an EU statement criticising Russia.", ("Slovakia", "OPPOSES", "Russia")),
])
def test_a_blocked_text_is_no_stance(nlp, text, never):
    assert never not in found(nlp, text)


@pytest.mark.parametrize("text, want", [
    ("The UN General Assembly adopted a resolution condemning Russia.",
     ("UN General Assembly", "OPPOSES", "Russia")),
    ("The Arab League issued a statement condemning Israel.", ("Arab League", "OPPOSES", "Israel")),
])
def test_an_adopted_text_is_its_authors_stance(nlp, text, want):
    assert want in found(nlp, text)


# ---- a passive after a modifier's object: "the militias fighting the US are backed by
# Iran" is said of the militias (phrases.object_of_modifier)


@pytest.mark.parametrize("text, never", [
    ("The militias fighting the Americans are armed by Iran.", ("Iran", "BACKS", "United States")),
    ("The rebels who attacked Chad are funded by Libya.", ("Libya", "BACKS", "Chad")),
    ("The group that fought Israel is financed by Iran.", ("Iran", "BACKS", "Israel")),
])
def test_a_passive_is_not_said_of_a_modifiers_object(nlp, text, never):
    assert never not in found(nlp, text)


@pytest.mark.parametrize("text, want", [
    ("Hezbollah, which fought Israel in 2006, is financed by Iran.",
     ("Iran", "BACKS", "Hezbollah")),
    ("Officials say the Houthis are armed by Iran.", ("Iran", "BACKS", "Houthis")),
])
def test_a_named_patient_stays(nlp, text, want):
    assert want in found(nlp, text)


# ---- talks to come are not talks held: "will meet", "would hold talks", "is set to open
# talks" (frames.json future_not_done_relations, talks_light_verbs; emit.talks_verb)


@pytest.mark.parametrize("text, never", [
    ("Ruto will meet Museveni in Kampala next month.",
     ("William Ruto", "NEGOTIATES_WITH", "Yoweri Museveni")),
    ("Ruto said he would hold talks with Museveni.",
     ("William Ruto", "NEGOTIATES_WITH", "Yoweri Museveni")),
    ("Cairo and Ankara are set to open a new round of talks.",
     ("Egypt", "NEGOTIATES_WITH", "Turkey")),
])
def test_talks_to_come_are_not_held(nlp, text, never):
    assert canonical(never) not in found(nlp, text)


@pytest.mark.parametrize("text, want", [
    ("Ruto held talks with Museveni in Entebbe.",
     ("William Ruto", "NEGOTIATES_WITH", "Yoweri Museveni")),
    ("Ruto met Museveni in Kampala.", ("William Ruto", "NEGOTIATES_WITH", "Yoweri Museveni")),
    ("Cairo and Ankara have held two rounds of talks.", ("Egypt", "NEGOTIATES_WITH", "Turkey")),
])
def test_talks_held_stay(nlp, text, want):
    assert canonical(want) in found(nlp, text)


# ---- "run" a facility in the plural and the progressive ("the SDF run the camp",
# "is running the base"): OPERATES.verb had only "runs / ran"


@pytest.mark.parametrize("text, want", [
    ("The Syrian Democratic Forces run the Roj camp near the Iraqi border.",
     ("Syrian Democratic Forces", "OPERATES", "Roj camp")),
    ("Moscow is still running the Hmeimim air base.", ("Russia", "OPERATES", "Hmeimim air base")),
])
def test_run_a_facility(nlp, text, want):
    assert want in found(nlp, text)


def test_run_out_of_is_no_facility(nlp):
    assert not any(t[1] == "OPERATES" for t in found(nlp, "The army could run out of fuel."))


# ---- a national force's officer is a member of the state: "Lebanese army chief X", "the
# Lebanese army commander, X," (entity_rules.titles: the force ends inside or right before
# the role; its head is no head of the state)


@pytest.mark.parametrize("text, want, never", [
    ("Kenyan army chief Charles Kahariri toured the border on Monday.",
     ("Charles Kahariri", "PART_OF", "Kenya"), None),
    ("The Lebanese army commander, Rodolphe Haykal, inspected the southern posts.",
     ("Rodolphe Haykal", "PART_OF", "Lebanon"), ("Rodolphe Haykal", "LEADS", "Lebanon")),
])
def test_an_army_officer_is_a_member_of_the_state(nlp, text, want, never):
    got = found(nlp, text)
    assert want in got and never not in got


# ---- taking the helm: "took command / the leadership of", "took over" an organisation,
# "Z named X as its new leader" (LEADS.took_command, LEADS.took_over, LEADS.named_as)


@pytest.mark.parametrize("text, want", [
    ("Esmail Qaani took command of the Quds Force in January 2020.",
     ("Esmail Qaani", "LEADS", "Quds Force")),
    ("Naim Qassem assumed the leadership of Hezbollah after the strike.",
     ("Naim Qassem", "LEADS", "Hezbollah")),
    ("Esmail Qaani took over the Quds Force after the drone strike.",
     ("Esmail Qaani", "LEADS", "Quds Force")),
    ("Hamas named Yahya Sinwar as its new leader after the killing.",
     ("Yahya Sinwar", "LEADS", "Hamas")),
    ("Lawmakers elected Joseph Aoun as president of Lebanon in January.",
     ("Joseph Aoun", "LEADS", "Lebanon")),
])
def test_taking_the_helm(nlp, text, want):
    assert want in found(nlp, text)


@pytest.mark.parametrize("text, never", [
    ("The council appointed Yahya Sinwar as deputy head of Hamas.",
     ("Yahya Sinwar", "LEADS", "Hamas")),
    ("Ahmed al-Sharaa took over Damascus in December.", ("Ahmed al-Sharaa", "LEADS", "Syria")),
])
def test_a_deputy_or_a_city_is_no_helm(nlp, text, never):
    assert never not in found(nlp, text)


# ---- a state's gangs, rebels or cartels are not the state acting ("Haiti's gangs / Haitian
# gangs control X": phrases.modifier_ok, frames.json possessed_non_state_heads and
# non_state_heads); "Syria's army" still is Syria


@pytest.mark.parametrize("text, never", [
    ("Haiti's gangs control large parts of Port-au-Prince.", ("Haiti", "CONTROLS")),
    ("Syria's rebels controlled Idlib for years.", ("Syria", "CONTROLS")),
    ("Myanmar's rebels control the border town of Myawaddy.", ("Myanmar", "CONTROLS")),
])
def test_a_states_gangs_are_not_the_state(nlp, text, never):
    got = found(nlp, text)
    assert not any(t[0] == never[0] and t[1] == never[1] for t in got)


def test_a_states_army_is_the_state(nlp):
    assert ("Syria", "CONTROLS", "Aleppo") in found(nlp, "Syria's army controls Aleppo.")


# ---- "killed a (senior) leader / fighter / official of X" attacks X (members_of_nouns)


@pytest.mark.parametrize("text, want", [
    ("A U.S. strike killed a senior leader of Hurras al-Din near Idlib.",
     ("United States", "ATTACKS", "Hurras al-Din")),
    ("Israeli jets killed a senior leader of Hamas in Rafah.", ("Israel", "ATTACKS", "Hamas")),
])
def test_killing_one_of_its_leaders_attacks_the_group(nlp, text, want):
    assert want in found(nlp, text)


# ---- "X, the prime minister," with no organisation named in the title: the gazetteer's,
# when the article names it (entity_rules.titles, structural.titles)


def test_an_apposed_bare_title_takes_the_known_organisation(nlp):
    got = found(nlp, "Sudani, the prime minister, told Iraqi lawmakers to wait.")
    assert ("Mohammed Shia al-Sudani", "LEADS", "Iraq") in got


def test_an_apposed_bare_title_needs_the_organisation_in_the_text(nlp):
    got = found(nlp, "Hakan Fidan, the foreign minister, arrived in the capital on Monday.")
    assert not any(t[0] == "Hakan Fidan" for t in got)


# ---- idioms of rescue: "came / rushed to B's rescue / aid / defence", "kept / propped B in
# power" (BACKS.came_to_rescue, BACKS.kept_in_power; owned_noun_object reads a surname's
# possessive too)


@pytest.mark.parametrize("text, want", [
    ("Moscow came to Assad's rescue when his army was collapsing.",
     ("Russia", "BACKS", "Bashar al-Assad")),
    ("Ankara rushed to Azerbaijan's defence in the war.", ("Turkey", "BACKS", "Azerbaijan")),
    ("Iranian money kept Assad in power for years.", ("Iran", "BACKS", "Bashar al-Assad")),
])
def test_idioms_of_rescue(nlp, text, want):
    assert want in found(nlp, text)


def test_voters_keeping_someone_in_office_is_no_backing(nlp):
    assert not found(nlp, "The voters kept Erdogan in office.")


# ---- "A and B (troops) clashed" with no "with" (ATTACKS.clashed_pair; "clashed with" stays
# ATTACKS.clash's)


@pytest.mark.parametrize("text, want", [
    ("Indian and Chinese soldiers clashed high in the Himalayas.", ("India", "ATTACKS", "China")),
    ("Armenia and Azerbaijan skirmished along their border on Tuesday.",
     ("Azerbaijan", "ATTACKS", "Armenia")),
])
def test_a_pair_that_clashed(nlp, text, want):
    got = found(nlp, text)
    assert want in got and (want[2], want[1], want[0]) in got


def test_unnamed_sides_that_clashed(nlp):
    assert not found(nlp, "Protesters and police clashed in the capital.")


# ---- a river or a coast is beside a place, not around it: "sits on the Dnipro river" puts
# nothing in the city of Dnipro (frames.json line_feature_heads)


def test_a_place_on_a_river_is_not_in_it(nlp):
    got = found(nlp, "The Zaporizhzhia plant sits on the Dnipro river in southern Ukraine.")
    assert not any(t[1] == "LOCATED_IN" and t[2] == "Dnipro" for t in got)


def test_a_place_in_a_region_still_is(nlp):
    assert ("Deir ez-Zor", "LOCATED_IN", "Syria") in found(nlp, "Deir ez-Zor is located in "
                                                            "eastern Syria.")


# ---- an ended pact or a halted aid is no present tie (frames.json endable_relations now
# holds ALLIED_WITH and BACKS)


@pytest.mark.parametrize("text, never", [
    ("N'Djamena ended its defence pact with Paris last year.", ("Chad", "ALLIED_WITH", "France")),
    ("Washington ended its military aid to Kyiv.", ("United States", "BACKS", "Ukraine")),
])
def test_an_ended_tie_is_no_tie(nlp, text, never):
    assert canonical(never) not in found(nlp, text)


def test_a_signed_pact_is_a_tie(nlp):
    got = found(nlp, "Paris signed a defence pact with N'Djamena in 2019.")
    assert canonical(("France", "ALLIED_WITH", "Chad")) in got


# ---- prosecution and prevented aid: "issued an arrest warrant for Y", "indicted /
# convicted Y" (OPPOSES.warrant_for, OPPOSES.prosecuted; a citizen of a state is not the
# state), "vetoed EU aid to Y" gives no aid (ending_verbs read over a premodifier)


@pytest.mark.parametrize("text, want", [
    ("The International Criminal Court issued an arrest warrant for Min Aung Hlaing.",
     ("International Criminal Court", "OPPOSES", "Min Aung Hlaing")),
    ("An American court indicted three IRGC officers on Monday.",
     ("United States", "OPPOSES", "IRGC")),
])
def test_prosecution_is_opposition(nlp, text, want):
    assert want in found(nlp, text)


@pytest.mark.parametrize("text, never", [
    ("Tehran sentenced a French citizen to eight years.", ("Iran", "OPPOSES", "France")),
    ("Slovakia vetoed EU aid to Ukraine in June.", ("European Union", "BACKS", "Ukraine")),
])
def test_no_stance_on_a_citizen_and_no_vetoed_aid(nlp, text, never):
    assert never not in found(nlp, text)


def test_an_envoy_to_an_organisation(nlp):
    got = found(nlp, "Israel's envoy to the UN, Danny Danon, walked out of the session.")
    assert ("Danny Danon", "PART_OF", "Israel") in got


# ---- a bloc that includes / comprises / groups its members (PART_OF.bloc_includes:
# inverse frame, named members only, the bloc heads its phrase)


@pytest.mark.parametrize("text, want", [
    ("The Shanghai Cooperation Organisation, which now includes Iran and Belarus, met in July.",
     [("Iran", "PART_OF", "Shanghai Cooperation Organisation"),
      ("Belarus", "PART_OF", "Shanghai Cooperation Organisation")]),
    ("The Gulf Cooperation Council groups Kuwait, Bahrain and four other monarchies.",
     [("Kuwait", "PART_OF", "Gulf Cooperation Council"),
      ("Bahrain", "PART_OF", "Gulf Cooperation Council")]),
])
def test_a_bloc_includes_its_members(nlp, text, want):
    got = found(nlp, text)
    assert all(w in got for w in want)


@pytest.mark.parametrize("text", [
    "Hezbollah's arsenal includes Iranian drones and missiles.",
    "The deal includes Iran and Oman as guarantors.",
])
def test_an_arsenal_or_a_deal_is_no_bloc(nlp, text):
    assert not any(t[1] == "PART_OF" for t in found(nlp, text))


# ---- kg_coref: "In X, where the army ..." is X's army; "the insurgents" is no company
# named before (coref.json company_words)


def test_where_the_army_is_the_places_state(nlp):
    got = found(nlp, "Qatar hosts American jets. In Kuwait, where the army shot at Iranian "
                     "boats, officials were alarmed.")
    assert ("Qatar", "ATTACKS", "Iran") not in got and ("Qatar", "DEPLOYED_IN", "Kuwait") not in got


def test_the_insurgents_are_no_company(nlp):
    got = found(nlp, "The mine belongs to the state-owned Kivu Mining Company. Kinshasa "
                     "accuses Kigali of funding the insurgents.")
    assert ("Rwanda", "BACKS", "Kivu Mining Company") not in got
