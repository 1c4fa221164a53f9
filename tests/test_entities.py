"""``kg_entities``: gazetteer matches, metonymy, national forces, titles, unknown actors."""

from __future__ import annotations

import json

import pytest

from kg.gazetteer import GazetteerError, load_gazetteer, norm_key, parse_lines
from kg.nlp import load_pipeline
from kg.ontology import entity_types


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def ents(nlp, text):
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


def kb_of(nlp, text, surface):
    for e in nlp(text).ents:
        if e.text == surface:
            return e.label_, e.kb_id_
    return None


# ------------------------------------------------------------------ the gazetteer file
def test_gazetteer_is_broad_and_valid():
    gz = load_gazetteer()
    assert len(gz) >= 200
    types = set(entity_types())
    assert {a.type for a in gz} == types
    for a in gz:
        assert a.name and a.name == a.name.strip()
        if a.part_of:
            assert a.part_of in gz.actors, f"{a.name}: part_of {a.part_of!r} is not an actor"


def test_no_surface_form_belongs_to_two_actors():
    gz = load_gazetteer()
    owner: dict[str, str] = {}
    clashes = []
    for s in gz.surfaces:
        k = norm_key(s.text)
        if owner.setdefault(k, s.actor) != s.actor:
            clashes.append((s.text, owner[k], s.actor))
    assert clashes == []


def test_gazetteer_errors_are_clear():
    with pytest.raises(GazetteerError, match="unknown entity type"):
        parse_lines(iter([json.dumps({"name": "X", "type": "CITY"})]))
    with pytest.raises(GazetteerError, match="line 1|:1:"):
        parse_lines(iter(["{not json"]))


# ------------------------------------------------------------------ names and case
def test_acronyms_are_case_sensitive(nlp):
    assert kb_of(nlp, "Let us see what the US does.", "US") == ("STATE", "United States")
    assert all(e.text != "us" for e in nlp("Let us see what the US does.").ents)
    assert ents(nlp, "They ate turkey and said it is fine.") == []


def test_spelling_variants_share_one_name(nlp):
    for text in ("Troops left al-Tanaf.", "Troops left Al-Tanf.", "Troops left At Tanf.",
                 "Troops left Tanf."):
        assert ("FACILITY", "Al-Tanf base") in [(e.label_, e.kb_id_) for e in nlp(text).ents]
    for place in ("Albukamal", "Albu Kamal", "Boukamal", "Abu Kamal"):
        assert kb_of(nlp, f"Militias entered {place} on Monday.", place) == \
            ("LOCATION", "Albukamal")


def test_lost_apostrophe_possessive(nlp):
    assert kb_of(nlp, "Irans drones reached Erbil.", "Irans") == ("STATE", "Iran")
    assert kb_of(nlp, "Iran's drones reached Erbil.", "Iran") == ("STATE", "Iran")


def test_hezbollah_brigades_is_kataib_hezbollah(nlp):
    assert kb_of(nlp, "Attacks by the Hezbollah brigades continued.", "Hezbollah brigades") \
        == ("ORGANIZATION", "Kataib Hezbollah")
    assert kb_of(nlp, "Lebanese Hezbollah fighters left.", "Lebanese Hezbollah") == \
        ("ORGANIZATION", "Hezbollah")


# ------------------------------------------------------------------ demonyms, forces
def test_demonym_adjective_and_backed(nlp):
    doc = nlp("Iranian-backed groups and Iran-backed militias struck Turkish positions.")
    got = [(e.text, e.kb_id_) for e in doc.ents]
    assert ("Iranian", "Iran") in got and ("Iran", "Iran") in got
    assert ("Turkish", "Turkey") in got
    toks = [t.text for t in doc]
    i = toks.index("Iran")
    assert toks[i + 1:i + 3] == ["-", "backed"]


@pytest.mark.parametrize("phrase,state", [
    ("Syrian forces", "Syria"), ("the Syrian army", "Syria"),
    ("Iraqi security forces", "Iraq"), ("US troops", "United States"),
    ("American forces", "United States"), ("Russian officials", "Russia"),
    ("the Trump administration", "United States"), ("the Assad regime", "Syria"),
    ("Iraqi Security Forces", "Iraq"),
])
def test_national_forces_are_the_state(nlp, phrase, state):
    doc = nlp(f"Yesterday {phrase} moved north.")
    assert len(doc.ents) == 1
    e = doc.ents[0]
    assert (e.label_, e.kb_id_) == ("STATE", state)
    assert e.text == phrase.removeprefix("the ")


def test_named_units_stay_organisations(nlp):
    assert kb_of(nlp, "The Quds Force trained them.", "Quds Force") == \
        ("ORGANIZATION", "Quds Force")
    assert kb_of(nlp, "He died in the Air Force Intelligence branch.",
                 "Air Force Intelligence branch") == ("ORGANIZATION", "Air Force Intelligence")


def test_pro_x_forces_are_not_x(nlp):
    doc = nlp("Fighters from the pro-Moscow forces deserted.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Moscow", "Russia")]


# ------------------------------------------------------------------ capitals
@pytest.mark.parametrize("text,surface,expected", [
    ("Tehran rejected the offer.", "Tehran", ("STATE", "Iran")),
    ("Washington imposed new sanctions.", "Washington", ("STATE", "United States")),
    ("Moscow and Ankara agreed on a truce.", "Ankara", ("STATE", "Turkey")),
    ("Families gathered outside a prison in Damascus.", "Damascus", ("LOCATION", "Damascus")),
    ("Rockets fell near Baghdad overnight.", "Baghdad", ("LOCATION", "Baghdad")),
    ("A Beijing-based firm won the contract.", "Beijing", ("LOCATION", "Beijing")),
    ("The road linking Damascus to Baghdad reopened.", "Baghdad", ("LOCATION", "Baghdad")),
    ("Talks were held in Riyadh, Doha and Cairo.", "Doha", ("LOCATION", "Doha")),
])
def test_capital_metonymy_versus_place(nlp, text, surface, expected):
    assert kb_of(nlp, text, surface) == expected


# ------------------------------------------------------------------ titles
def test_title_construction_with_state(nlp):
    doc = nlp("US President Donald Trump ordered the strike.")
    assert ("Donald Trump", "PERSON", "Donald Trump") in [(e.text, e.label_, e.kb_id_)
                                                          for e in doc.ents]
    (t,) = doc.spans["kg_titles"]
    info = t._.kg_title
    assert (info["person"], info["role"], info["org"], info["org_type"], info["relation"]) == \
        ("Donald Trump", "president", "United States", "STATE", "LEADS")
    assert doc[info["org_start"]:info["org_end"]].text == "US"
    assert doc[info["person_start"]:info["person_end"]].text == "Donald Trump"


def test_title_with_unknown_person_and_later_surname(nlp):
    doc = nlp("Russia's Deputy Foreign Minister Mikhail Bogdanovich met them. "
              "Later Bogdanovich left.")
    people = [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "PERSON"]
    assert people == [("Mikhail Bogdanovich", "Mikhail Bogdanovich"),
                      ("Bogdanovich", "Mikhail Bogdanovich")]
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["org"], info["relation"]) == ("Russia", "PART_OF")


def test_apposition_title(nlp):
    doc = nlp("Hassan Nasrallah, the leader of Hezbollah, spoke on Friday.")
    info = [t._.kg_title for t in doc.spans["kg_titles"]]
    assert {"person": "Hassan Nasrallah", "org": "Hezbollah", "relation": "LEADS"}.items() <= \
        info[0].items()


def test_bracketed_former_title(nlp):
    doc = nlp("When (former Iraqi president) Saddam Hussein invaded Kuwait, ...")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["org"], info["relation"]) == ("Saddam Hussein", "Iraq", "LEADS")


# ------------------------------------------------------------------ unknown actors
def test_unknown_acronym_is_an_organisation(nlp):
    assert kb_of(nlp, "The rebels of the XYZF seized the town.", "XYZF") == \
        ("ORGANIZATION", "XYZF")
    assert all(e.text != "TV" for e in nlp("He said on TV that it was over.").ents)


def test_defined_acronym_is_an_alias(nlp):
    doc = nlp("The Southern Shield Brigades (SSB) advanced. Later the SSB withdrew.")
    got = [(e.text, e.kb_id_) for e in doc.ents]
    assert got == [("Southern Shield Brigades", "Southern Shield Brigades"),
                   ("SSB", "Southern Shield Brigades"), ("SSB", "Southern Shield Brigades")]


def test_org_head_names(nlp):
    assert kb_of(nlp, "Fighters of the Hamza Division crossed.", "Hamza Division") == \
        ("ORGANIZATION", "Hamza Division")
    assert kb_of(nlp, "The Army of Free Tribes withdrew.", "Army of Free Tribes") == \
        ("ORGANIZATION", "Army of Free Tribes")
    # a gazetteer alias written like an unknown name still resolves to its actor
    assert kb_of(nlp, "The Army of Islam withdrew.", "Army of Islam") == \
        ("ORGANIZATION", "Jaysh al-Islam")


def test_x_backed_unknown_y(nlp):
    # (the Sultan Murad Division is in the gazetteer now; an invented name stays unknown)
    doc = nlp("The Turkish-backed Sultan Selim brigade shelled Afrin.")
    got = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert ("Turkish", "STATE", "Turkey") in got
    assert ("Sultan Selim brigade", "ORGANIZATION", "Sultan Selim brigade") in got


def test_pro_x_unknown_y(nlp):
    doc = nlp("The pro-Iranian Nujaba Movement rejected it.")
    assert ("Iranian", "Iran") in [(e.text, e.kb_id_) for e in doc.ents]


def test_place_after_preposition(nlp):
    assert kb_of(nlp, "Clashes broke out near Tal Rifaat on Sunday.", "Tal Rifaat") == \
        ("LOCATION", "Tal Rifaat")
    assert kb_of(nlp, "He arrived in March.", "March") is None


def test_headlines_do_not_make_organisations(nlp):
    doc = nlp("Quiet War Between US, Iran on Eastern Front\nThe talks failed.")
    assert all(e.label_ != "ORGANIZATION" for e in doc.ents)
    assert ("US", "United States") in [(e.text, e.kb_id_) for e in doc.ents]


def test_borders_are_one_location(nlp):
    for text in ("on the Iraqi-Syrian border", "on the Syrian-Iraqi border",
                 "along the Syria-Iraq border"):
        doc = nlp(f"Militias gathered {text}.")
        assert [(e.label_, e.kb_id_) for e in doc.ents] == [("LOCATION", "Iraqi-Syrian border")]


def test_speaker_names(nlp):
    doc = nlp('"We will return," said Layla Haddad. Haddad added nothing.')
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("Layla Haddad", "Layla Haddad"),
                                                      ("Haddad", "Layla Haddad")]


def test_fuzzy_spelling_in_text(nlp):
    assert kb_of(nlp, "Qasim Suleimany was killed in 2020.", "Qasim Suleimany") == \
        ("PERSON", "Qassem Soleimani")


def test_extensions_carry_source_and_confidence(nlp):
    doc = nlp("Iranian forces and the XYZF met.")
    by = {e.text: (e._.kg_source, e._.kg_confidence) for e in doc.ents}
    assert by["Iranian forces"][0] == "national_force"
    assert by["XYZF"][0] == "acronym"
    assert by["Iranian forces"][1] > by["XYZF"][1]


def test_seed_articles_entities():
    import os
    from pathlib import Path

    shared = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[1] / ".." /
                                 "shared"))
    seeds = shared / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"shared seed articles not found at {seeds}")
    nlp = load_pipeline()
    found = set()
    for p in sorted(seeds.glob("*.txt")):
        found |= {e.kb_id_ for e in nlp(p.read_text(encoding="utf-8")).ents}
    for name in ("United States", "Iran", "IRGC", "Kataib Hezbollah", "Al-Tanf base",
                 "Quds Force", "Syrian Democratic Forces", "Ain al-Asad base", "Albukamal"):
        assert name in found


def test_people_named_by_nationality_are_a_group(nlp):
    doc = nlp("The IRGC recruited some 900 young Afghan men and Pakistani fighters.")
    got = [(e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert ("young Afghan men", "GROUP", "young Afghan men") in got
    assert ("Pakistani fighters", "GROUP", "Pakistani fighters") in got


def test_title_org_inferred_from_the_gazetteer(nlp):
    doc = nlp("In Baghdad, Prime Minister Mustafa al-Kadhimi met the envoy.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["org"], info["relation"], info["org_inferred"]) == \
        ("Mustafa al-Kadhimi", "Iraq", "LEADS", True)
    assert info["org_start"] is None


def test_title_org_through_generic_words(nlp):
    doc = nlp("Iran's foreign ministry spokesman Karim Jafari denied it.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["org"], info["org_inferred"]) == ("Karim Jafari", "Iran", False)


def test_apposition_with_possessive_org(nlp):
    doc = nlp("Sergey Lavrov, Russia's foreign minister, arrived. Hassan Nasrallah, the "
              "Hezbollah leader, spoke.")
    infos = [(t._.kg_title["person"], t._.kg_title["org"], t._.kg_title["relation"])
             for t in doc.spans["kg_titles"]]
    assert ("Sergey Lavrov", "Russia", "PART_OF") in infos
    assert ("Hassan Nasrallah", "Hezbollah", "LEADS") in infos


def test_government_of_a_person(nlp):
    assert kb_of(nlp, "In 2016 the government of Karim Haddad approved the plan.",
                 "Karim Haddad") == ("PERSON", "Karim Haddad")


@pytest.mark.parametrize("text,surface,expected", [
    ("Militias loyal to Tehran fired rockets.", "Tehran", ("STATE", "Iran")),
    ("Under pressure from Washington, the cabinet resigned.", "Washington",
     ("STATE", "United States")),
    ("The convoy drove from Damascus to Beirut.", "Damascus", ("LOCATION", "Damascus")),
    ("The convoy drove from Damascus to Beirut.", "Beirut", ("LOCATION", "Beirut")),
    ("The minister flew to Moscow on Monday.", "Moscow", ("LOCATION", "Moscow")),
])
def test_to_and_from_need_a_route_to_make_a_capital_a_place(nlp, text, surface, expected):
    assert kb_of(nlp, text, surface) == expected


def test_sentence_initial_word_with_lower_head_is_not_a_name(nlp):
    doc = nlp("Armed factions moved north. Rival groups followed.")
    assert [e.text for e in doc.ents] == []


def test_speaker_name_with_particles(nlp):
    doc = nlp('"We stay," said Abu Ali al-Dulaimi, a tribal elder.')
    assert [(e.text, e.label_) for e in doc.ents] == [("Abu Ali al-Dulaimi", "PERSON")]


def test_role_for_org_then_person(nlp):
    doc = nlp("A spokesman for the Syrian Democratic Forces, Farhad Shami, denied it.")
    infos = [t._.kg_title for t in doc.spans["kg_titles"]]
    assert any(i["person"] == "Farhad Shami" and i["org"] == "Syrian Democratic Forces"
               for i in infos)


def test_deputy_does_not_lead(nlp):
    doc = nlp("Abu Mahdi al-Muhandis, the deputy chairman of the Popular Mobilization Forces, "
              "died.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["org"], info["relation"]) == ("Popular Mobilization Forces", "PART_OF")


def test_modifier_before_a_known_organisation(nlp):
    doc = nlp("Fighters of the Afghan Fatemiyoun Brigade arrived.")
    assert ("Fatemiyoun Brigade", "Fatemiyoun") in [(e.text, e.kb_id_) for e in doc.ents]


def _ents(doc):
    return [(e.text, e.label_, e.kb_id_) for e in doc.ents]


def test_named_national_armies_stay_organisations(nlp):
    doc = nlp("The Libyan National Army and the Iraqi National Army fought Libyan forces, "
              "while the Sudanese army and Chadian troops watched.")
    got = _ents(doc)
    assert ("Libyan National Army", "ORGANIZATION", "Libyan National Army") in got
    assert ("Iraqi National Army", "ORGANIZATION", "Iraqi National Army") in got
    assert ("Libyan forces", "STATE", "Libya") in got
    assert ("Sudanese army", "STATE", "Sudan") in got
    assert ("Chadian troops", "STATE", "Chad") in got


def test_government_noun_ends_a_national_force(nlp):
    assert ("Malian government", "STATE", "Mali") in _ents(nlp("The Malian government agreed."))


@pytest.mark.parametrize("text,surface,expected", [
    ("The rebels control the capital Sanaa and the north.", "Sanaa", ("LOCATION", "Sanaa")),
    ("Fighters seized Khartoum in April.", "Khartoum", ("LOCATION", "Khartoum")),
    ("Militias besieged Tripoli, and Tripoli announced a curfew.", "Tripoli",
     ("LOCATION", "Tripoli")),
    ("Sanaa accused Riyadh of aggression.", "Sanaa", ("STATE", "Yemen")),
    ("Putin visited Tehran last week.", "Tehran", ("LOCATION", "Tehran")),
    ("The coalition launched airstrikes on Sanaa.", "Sanaa", ("LOCATION", "Sanaa")),
    ("Pressure on Tehran grew.", "Tehran", ("STATE", "Iran")),
    ("Crowds gathered in the capital, Damascus, on Friday.", "Damascus",
     ("LOCATION", "Damascus")),
    ("The White House said it would act.", "White House", ("STATE", "United States")),
])
def test_capital_as_place_after_territorial_verbs(nlp, text, surface, expected):
    doc = nlp(text)
    first = next(e for e in doc.ents if e.text == surface)
    assert (first.label_, first.kb_id_) == expected


def test_capital_acts_after_a_list_comma(nlp):
    doc = nlp("Militias besieged Tripoli, and Tripoli announced a curfew.")
    assert [(e.label_, e.kb_id_) for e in doc.ents if e.text == "Tripoli"] == [
        ("LOCATION", "Tripoli"), ("STATE", "Libya")]


@pytest.mark.parametrize("text,name", [
    ("Detainees were moved to the Aden 2 detention centre on Monday.",
     "Aden 2 detention centre"),
    ("A drone struck the Mosul airport overnight.", "Mosul airport"),
    ("Jets took off from Qaraqosh Air Base at dawn.", "Qaraqosh Air Base"),
    ("Engineers repaired the Zarqa refinery.", "Zarqa refinery"),
])
def test_facilities_named_after_places(nlp, text, name):
    assert (name, "FACILITY", name) in _ents(nlp(text))


def test_no_facility_from_a_state_or_a_plural(nlp):
    got = _ents(nlp("US bases in Iraq and Damascus camps were hit."))
    assert not [g for g in got if g[1] == "FACILITY"]


def test_sahel_states_are_states(nlp):
    got = _ents(nlp("Soldiers in Mali, Burkina Faso and Niger left ECOWAS."))
    assert ("Mali", "STATE", "Mali") in got
    assert ("Burkina Faso", "STATE", "Burkina Faso") in got
    assert ("Niger", "STATE", "Niger") in got
    assert ("ECOWAS", "ORGANIZATION", "ECOWAS") in got


def test_africa_corps_is_not_wagner(nlp):
    got = _ents(nlp("The Africa Corps took over from the Wagner Group."))
    assert ("Africa Corps", "ORGANIZATION", "Africa Corps") in got
    assert ("Wagner Group", "ORGANIZATION", "Wagner Group") in got


def test_hyphenated_role_in_apposition(nlp):
    doc = nlp("Jamal Rashidi, the commander-in-chief of the Hamza Division, spoke.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["relation"], info["org"]) == (
        "Jamal Rashidi", "LEADS", "Hamza Division")


def test_title_inside_a_gazetteer_name(nlp):
    doc = nlp("The Saudi King Salman received the envoy.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["relation"], info["org"]) == ("King Salman", "LEADS",
                                                               "Saudi Arabia")


def test_possessive_supreme_leader_is_a_title(nlp):
    doc = nlp("Iran's Supreme Leader Ali Khamenei spoke.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["relation"], info["org"]) == ("Ali Khamenei", "LEADS", "Iran")


@pytest.mark.parametrize("text", [
    "Its chairman, Omar Zaidan, resigned.",
    "Omar Zaidan, the group's leader, resigned.",
    "The movement's top commander Omar Zaidan resigned.",
])
def test_title_with_an_anaphoric_organisation_is_kept_for_coref(nlp, text):
    doc = nlp(text)
    info = doc.spans["kg_titles"][0]._.kg_title
    assert info["person"] == "Omar Zaidan" and info["org_anaphor"] is not None


def test_a_state_ministry_is_one_organisation_per_state(nlp):
    doc = nlp("Niger's Defence Ministry said so. The Defence Ministry of Niger agreed. "
              "The Malian Defence Ministry denied it. The Foreign Ministry was silent.")
    got = [(e.text, e.kb_id_) for e in doc.ents if e.label_ == "ORGANIZATION"]
    assert got == [("Defence Ministry", "Nigerien Defence Ministry"),
                   ("Defence Ministry of Niger", "Nigerien Defence Ministry"),
                   ("Malian Defence Ministry", "Malian Defence Ministry")]


def test_known_ministry_keeps_its_gazetteer_name(nlp):
    doc = nlp("Russia's Defence Ministry said so.")
    assert ("Defence Ministry", "Russian Defence Ministry") in [
        (e.text, e.kb_id_) for e in doc.ents]


@pytest.mark.parametrize("text,surface,expected", [
    ("Oman mediated between Tehran and Washington.", "Tehran", ("STATE", "Iran")),
    ("The road between Damascus and Baghdad was cut.", "Damascus", ("LOCATION", "Damascus")),
])
def test_between_needs_a_route_to_make_a_place(nlp, text, surface, expected):
    e = next(e for e in nlp(text).ents if e.text == surface)
    assert (e.label_, e.kb_id_) == expected


# ---- QUAL-A: entity fixes found on unseen-style development articles ----------------------

def test_known_surname_with_another_first_name_is_another_person(nlp):
    # the gazetteer knows Masoud Barzani by "Barzani"; a titled "Kamal Barzani" is someone else
    got = ents(nlp, "Prime Minister Kamal Barzani visited the front.")
    assert ("Kamal Barzani", "PERSON", "Kamal Barzani") in got
    assert not any(kb == "Masoud Barzani" for _, _, kb in got)


def test_named_unit_beats_national_force_of_same_length(nlp):
    assert kb_of(nlp, "Ankara arms the Syrian National Army.", "Syrian National Army") == \
        ("ORGANIZATION", "Syrian National Army")
    assert kb_of(nlp, "The Syrian army advanced.", "Syrian army") == ("STATE", "Syria")


def test_chief_before_a_member_role_is_not_a_leader(nlp):
    doc = nlp("The Houthis rejected the offer. Mohammed Abdulsalam, the group's chief "
              "negotiator, said so.")
    rels = {t._.kg_title["relation"] for t in doc.spans["kg_titles"]
            if t._.kg_title["person"] == "Mohammed Abdulsalam"}
    assert rels == {"PART_OF"}


def test_state_led_coalitions(nlp):
    got = _ents(nlp("The Emirati-led coalition and the Saudi-led coalition struck. "
                    "U.S.-led forces withdrew."))
    assert ("Emirati-led coalition", "ORGANIZATION", "United Arab Emirates-led coalition") \
        in got
    assert ("Saudi-led coalition", "ORGANIZATION", "Saudi-led coalition") in got
    assert not [g for g in got if g[2].endswith("-led forces")]


def test_a_place_named_facility_maps_to_the_known_one(nlp):
    got = _ents(nlp("Jets bombed the Bushehr plant."))
    assert ("Bushehr plant", "FACILITY", "Bushehr nuclear plant") in got


def test_ministry_after_a_demonym_that_is_also_a_language(nlp):
    got = _ents(nlp("The Turkish Defence Ministry said its jets struck PKK targets."))
    assert ("Turkish Defence Ministry", "ORGANIZATION", "Turkish Defence Ministry") in got


def test_sub_unit_chief_is_part_of(nlp):
    doc = nlp("Iran's intelligence chief Kamal Rostami resigned.")
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["relation"], info["org"]) == ("Kamal Rostami", "PART_OF",
                                                               "Iran")


def test_port_of_a_capital_is_a_place(nlp):
    e = next(e for e in nlp("The Port of Beirut blast killed 200.").ents if e.text == "Beirut")
    assert (e.label_, e.kb_id_) == ("LOCATION", "Beirut")


def test_name_before_who_is_a_person(nlp):
    got = _ents(nlp("Rami Haddad, who commanded the unit, died. Officials, who asked "
                    "not to be named, said so."))
    assert ("Rami Haddad", "PERSON", "Rami Haddad") in got
    assert not [g for g in got if g[0] == "Officials"]


@pytest.mark.parametrize("text,relation", [
    ("Rami Haddad, a senior commander in the Quds Force, died.", "PART_OF"),
    ("Rami Haddad, a commander of the Quds Force, died.", "PART_OF"),
    ("Rami Haddad, the commander of the Quds Force, died.", "LEADS"),
])
def test_an_indefinite_commander_is_one_of_its_officers(nlp, text, relation):
    doc = nlp(text)
    info = doc.spans["kg_titles"][0]._.kg_title
    assert (info["person"], info["org"], info["relation"]) == ("Rami Haddad", "Quds Force",
                                                               relation)


def test_short_sentence_of_names_is_not_a_headline(nlp):
    got = _ents(nlp("Haftar met Colonel Ahmed Zaki in Benghazi."))
    assert ("Ahmed Zaki", "PERSON", "Ahmed Zaki") in got
    got = _ents(nlp("Undeclared Battle Between Rival Militias Near Tanf"))
    assert not [g for g in got if g[1] == "ORGANIZATION"]


@pytest.mark.parametrize("text, surface, kb", [
    ("Fighters of the Sudan People\u2019s Liberation Movement crossed the river.",
     "Sudan People\u2019s Liberation Movement", "Sudan People's Liberation Movement"),
    ("The Kurdistan Workers\u2019 Party laid down its arms.",
     "Kurdistan Workers\u2019 Party", "PKK"),
])
def test_typographic_apostrophe_matches_the_gazetteer(nlp, text, surface, kb):
    # most news sites print "People’s", not "People's"; the name must not fall apart
    assert kb_of(nlp, text, surface) == ("ORGANIZATION", kb)


def test_org_name_extension_does_not_cut_a_known_name(nlp):
    got = ents(nlp, "The Southern Theatre Command of the People's Liberation Army "
                    "announced patrols.")
    assert ("Southern Theatre Command", "ORGANIZATION", "Southern Theater Command") in got
    assert ("People's Liberation Army", "ORGANIZATION", "People's Liberation Army") in got


def test_org_name_extension_still_reads_of_phrases(nlp):
    got = ents(nlp, "The Army of Free Tribes said it had withdrawn.")
    assert ("Army of Free Tribes", "ORGANIZATION", "Army of Free Tribes") in got


@pytest.mark.parametrize("text, surface", [
    ("Kherson, in southern Ukraine, was shelled overnight.", "Kherson"),
    ("Pokrovsk, in Ukraine's Donetsk region, is under attack.", "Pokrovsk"),
])
def test_a_cue_only_place_before_comma_in_a_known_place(nlp, text, surface):
    # the place cue stands after the name: "X, in (southern) Y,"
    assert kb_of(nlp, text, surface) == ("LOCATION", surface)


def test_a_name_before_comma_in_a_known_place_needs_the_world_data(nlp):
    got = ents(nlp, "Zorblat, in southern Ukraine, was shelled overnight.")
    assert not any(t == "Zorblat" for t, _, _ in got)


@pytest.mark.parametrize("text, person, state", [
    ("German Chancellor Olaf Scholz met the delegation.", "Olaf Scholz", "Germany"),
    ("Austria's chancellor, Karl Nehammer, said the border would stay open.",
     "Karl Nehammer", "Austria"),
])
def test_a_chancellor_leads_the_state(nlp, text, person, state):
    rels = {(r["subject"], r["relation"], r["object"]) for r in nlp(text)._.kg_relations}
    assert (person, "LEADS", state) in rels


@pytest.mark.parametrize("text, want", [
    ("Naim Qassem took over as head of Hezbollah in October.",
     ("Naim Qassem", "LEADS", "Hezbollah")),
    ("Jens Stoltenberg, who served as secretary-general of NATO for a decade, spoke.",
     ("Jens Stoltenberg", "LEADS", "NATO")),
])
def test_role_taken_over_or_served(nlp, text, want):
    rels = {(r["subject"], r["relation"], r["object"]) for r in nlp(text)._.kg_relations}
    assert want in rels
