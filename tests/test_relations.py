"""The kg_relations component on Docs whose entities are set by hand.

The entities are given explicitly (text, label, canonical name) so these tests exercise the
relation frames alone, not the gazetteer. Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.components.relations  # noqa: F401  (registers kg_relations)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_relations")
    return nlp


def _ents(doc: Doc, ents: list[tuple[str, str, str]]) -> list[Span]:
    spans, taken = [], set()
    for surface, label, kb in ents:
        start = 0
        while True:
            i = doc.text.find(surface, start)
            assert i >= 0, f"{surface!r} not in text"
            sp = doc.char_span(i, i + len(surface), label=label, kb_id=kb)
            if sp is not None and not any(t in taken for t in range(sp.start, sp.end)):
                break
            start = i + 1
        taken.update(range(sp.start, sp.end))
        spans.append(sp)
    return spans


def run(nlp, text: str, ents: list[tuple[str, str, str]], doc: Doc | None = None):
    doc = doc if doc is not None else nlp.make_doc(text)
    doc.ents = _ents(doc, ents)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def triples(nlp, text, ents, doc=None) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["relation"], r["object"])
            for r in run(nlp, text, ents, doc)._.kg_relations}


S = "STATE"
G = "ORGANIZATION"
P = "PERSON"
L = "LOCATION"
F = "FACILITY"


def test_active_voice(nlp):
    got = triples(nlp, "Ankara openly funds the Hamza Division in the north.",
                  [("Ankara", S, "Turkey"), ("Hamza Division", G, "Hamza Division")])
    assert ("Turkey", "BACKS", "Hamza Division") in got


def test_passive_voice(nlp):
    got = triples(nlp, "For a decade the Houthis were armed by Tehran.",
                  [("Houthis", G, "Houthis"), ("Tehran", S, "Iran")])
    assert got == {("Iran", "BACKS", "Houthis")}


def test_x_backed_y(nlp):
    got = triples(nlp, "Fighting flared near the dam between Moscow-backed Wagner units and "
                       "tribes.",
                  [("Moscow", S, "Russia"), ("Wagner", G, "Wagner Group")])
    assert ("Russia", "BACKS", "Wagner Group") in got


def test_pro_x_y(nlp):
    got = triples(nlp, "The pro-Ankara Sultan Murad Division shelled the village.",
                  [("Ankara", S, "Turkey"), ("Sultan Murad Division", G, "Sultan Murad Division")])
    assert ("Turkey", "BACKS", "Sultan Murad Division") in got


def test_y_comma_backed_by_x_comma(nlp):
    got = triples(nlp, "The Sultan Murad Division, backed by Turkey, captured Afrin last year.",
                  [("Sultan Murad Division", G, "Sultan Murad Division"), ("Turkey", S, "Turkey"),
                   ("Afrin", L, "Afrin")])
    assert ("Turkey", "BACKS", "Sultan Murad Division") in got
    assert ("Sultan Murad Division", "CONTROLS", "Afrin") in got
    assert ("Turkey", "CONTROLS", "Afrin") not in got


def test_possessive_support_for(nlp):
    got = triples(nlp, "Moscow's military support for Damascus never wavered.",
                  [("Moscow", S, "Russia"), ("Damascus", S, "Syria")])
    assert ("Russia", "BACKS", "Syria") in got


def test_apposition_unit_of(nlp):
    got = triples(nlp, "The Quds Force, a unit of the IRGC, trained the fighters.",
                  [("Quds Force", G, "Quds Force"), ("IRGC", G, "IRGC")])
    assert ("Quds Force", "PART_OF", "IRGC") in got


def test_list_gives_all_pairs(nlp):
    ents = [("Russia", S, "Russia"), ("Turkey", S, "Turkey"), ("Iran", S, "Iran")]
    got = triples(nlp, "A new round of talks among Russia, Turkey and Iran opened in Sochi.", ents)
    pairs = {frozenset((s, o)) for s, r, o in got if r == "NEGOTIATES_WITH"}
    assert pairs == {frozenset(p) for p in (("Russia", "Turkey"), ("Russia", "Iran"),
                                             ("Turkey", "Iran"))}
    got = triples(nlp, "Russia, Turkey and Iran signed an agreement on the zones.", ents)
    assert len({frozenset((s, o)) for s, r, o in got if r == "NEGOTIATES_WITH"}) == 3


def test_list_of_objects(nlp):
    got = triples(nlp, "The Kremlin condemned Israel and the United States on Friday.",
                  [("Kremlin", S, "Russia"), ("Israel", S, "Israel"),
                   ("United States", S, "United States")])
    assert {("Russia", "OPPOSES", "Israel"), ("Russia", "OPPOSES", "United States")} <= got


def test_relative_clause_object(nlp):
    got = triples(nlp, "The Badr Organization, which Iran has armed since 2003, joined the vote.",
                  [("Badr Organization", G, "Badr Organization"), ("Iran", S, "Iran")])
    assert ("Iran", "BACKS", "Badr Organization") in got


def test_relative_clause_subject(nlp):
    got = triples(nlp, "They blamed Hamas, which fired rockets at Israel overnight.",
                  [("Hamas", G, "Hamas"), ("Israel", S, "Israel")])
    assert ("Hamas", "ATTACKS", "Israel") in got


def test_nominalisation_of_by(nlp):
    got = triples(nlp, "Analysts recalled the killing of Abu Mahdi al-Muhandis by the United "
                       "States in Baghdad.",
                  [("Abu Mahdi al-Muhandis", P, "Abu Mahdi al-Muhandis"),
                   ("United States", S, "United States"), ("Baghdad", L, "Baghdad")])
    assert ("United States", "ATTACKS", "Abu Mahdi al-Muhandis") in got


def test_nominalisation_premod_agent(nlp):
    got = triples(nlp, "Overnight Israeli airstrikes against Hezbollah hit the valley.",
                  [("Israeli", S, "Israel"), ("Hezbollah", G, "Hezbollah")])
    assert ("Israel", "ATTACKS", "Hezbollah") in got


def test_intention_to_attack_is_opposition(nlp):
    got = triples(nlp, "Officials say Israel is seeking a chance to strike Iran.",
                  [("Israel", S, "Israel"), ("Iran", S, "Iran")])
    assert ("Israel", "OPPOSES", "Iran") in got
    assert ("Israel", "ATTACKS", "Iran") not in got


def test_object_of_reported_clause_is_not_an_object(nlp):
    got = triples(nlp, "Erdogan warns Greece will hold early elections.",
                  [("Erdogan", P, "Recep Tayyip Erdogan"), ("Greece", S, "Greece")])
    assert not got
    # a threat in the reported clause is a stance of the speaker (OPPOSES.will_pay_price),
    # not "warns" taking Greece as its object
    got = triples(nlp, "Erdogan warns Greece will pay a price.",
                  [("Erdogan", P, "Recep Tayyip Erdogan"), ("Greece", S, "Greece")])
    assert got == {("Recep Tayyip Erdogan", "OPPOSES", "Greece")}


def test_prepositional_object_is_not_a_subject(nlp):
    got = triples(nlp, "In Lebanon, Hezbollah fought the Islamic State.",
                  [("Lebanon", S, "Lebanon"), ("Hezbollah", G, "Hezbollah"),
                   ("Islamic State", G, "ISIS")])
    assert got == {("Hezbollah", "ATTACKS", "ISIS")}


def test_fought_alongside(nlp):
    got = triples(nlp, "Volunteers fought alongside Kurdish forces against the Islamic State.",
                  [("Kurdish forces", G, "YPG"), ("Islamic State", G, "ISIS")])
    assert ("YPG", "ATTACKS", "ISIS") in got


def test_deployed_passive(nlp):
    got = triples(nlp, "Russian troops were quietly deployed near Manbij in May.",
                  [("Russian troops", S, "Russia"), ("Manbij", L, "Manbij")])
    assert ("Russia", "DEPLOYED_IN", "Manbij") in got


def test_base_in_place(nlp):
    got = triples(nlp, "Russia has a naval base in Tartus.",
                  [("Russia", S, "Russia"), ("Tartus", L, "Tartus")])
    # the synthesised "Tartus base" is the gazetteer's "Tartus naval base" (one node)
    assert ("Russia", "OPERATES", "Tartus naval base") in got
    assert ("Russia", "DEPLOYED_IN", "Tartus") in got
    got = triples(nlp, "Turkey maintains a base at Bashiqa.",
                  [("Turkey", S, "Turkey"), ("Bashiqa", F, "Bashiqa base")])
    assert ("Turkey", "OPERATES", "Bashiqa base") in got


def test_control_constructions(nlp):
    got = triples(nlp, "The dam is now under the control of the Syrian Democratic Forces.",
                  [("dam", F, "Tabqa Dam"), ("Syrian Democratic Forces", G, "SDF")])
    assert ("SDF", "CONTROLS", "Tabqa Dam") in got
    got = triples(nlp, "Iraqi troops reached the Rabia crossing at dawn.",
                  [("Iraqi troops", S, "Iraq"), ("Rabia crossing", F, "Rabia crossing")])
    assert ("Iraq", "CONTROLS", "Rabia crossing") in got


def test_place_constructions(nlp):
    got = triples(nlp, "Protests spread to Sulaymaniyah, Iraq, on Monday.",
                  [("Sulaymaniyah", L, "Sulaymaniyah"), ("Iraq", S, "Iraq")])
    assert ("Sulaymaniyah", "LOCATED_IN", "Iraq") in got
    got = triples(nlp, "Cargo reached the Latakia port in western Syria.",
                  [("Latakia port", F, "Latakia port"), ("Syria", S, "Syria")])
    assert ("Latakia port", "LOCATED_IN", "Syria") in got
    got = triples(nlp, "Shelling hit the Iraqi border town of Sinjar.",
                  [("Iraqi", S, "Iraq"), ("Sinjar", L, "Sinjar")])
    assert ("Sinjar", "LOCATED_IN", "Iraq") in got
    got = triples(nlp, "Convoys left Kirkuk, Erbil and Mosul.",
                  [("Kirkuk", L, "Kirkuk"), ("Erbil", L, "Erbil"), ("Mosul", L, "Mosul")])
    assert not {t for t in got if t[1] == "LOCATED_IN"}


def test_possessive_structures(nlp):
    got = triples(nlp, "Lebanon's Hezbollah and Iraq's Nineveh province were discussed.",
                  [("Lebanon", S, "Lebanon"), ("Hezbollah", G, "Hezbollah"),
                   ("Iraq", S, "Iraq"), ("Nineveh", L, "Nineveh")])
    # a non-state armed group is not part of the state that possesses it in the text
    assert ("Hezbollah", "PART_OF", "Lebanon") not in got
    assert ("Nineveh", "LOCATED_IN", "Iraq") in got
    got = triples(nlp, "Iran's IRGC and Syria's Air Force Intelligence were discussed.",
                  [("Iran", S, "Iran"), ("IRGC", G, "IRGC"), ("Syria", S, "Syria"),
                   ("Air Force Intelligence", G, "Air Force Intelligence")])
    assert ("IRGC", "PART_OF", "Iran") in got
    assert ("Air Force Intelligence", "PART_OF", "Syria") in got


def test_allies(nlp):
    got = triples(nlp, "The offensive is a priority for Hezbollah's allies in Tehran.",
                  [("Hezbollah", G, "Hezbollah"), ("Tehran", S, "Iran")])
    assert ("Hezbollah", "ALLIED_WITH", "Iran") in got
    got = triples(nlp, "Observers fear a clash with Damascus's powerful Iranian ally.",
                  [("Damascus", S, "Syria"), ("Iranian", S, "Iran")])
    assert ("Syria", "ALLIED_WITH", "Iran") in got
    got = triples(nlp, "The strike was carried out in cooperation with the Peshmerga.",
                  [("Peshmerga", G, "Peshmerga")])
    assert not got


def test_granted_asylum(nlp):
    got = triples(nlp, "Minsk granted Lukashenko's rival asylum? No: Belarus granted Ali asylum.",
                  [("Belarus", S, "Belarus"), ("Ali", P, "Ali")])
    assert ("Belarus", "BACKS", "Ali") in got


def test_bridging_descriptor_to_named_group(nlp):
    text = ("Israeli jets struck militias backed by Iran near the border on Sunday.\n\n"
            "Israel said the raid answered attacks by Liwa Fatemiyoun against Israel "
            "that wounded two soldiers.")
    got = triples(nlp, text, [("Israeli", S, "Israel"), ("Iran", S, "Iran"),
                              ("Israel", S, "Israel"), ("Liwa Fatemiyoun", G, "Liwa Fatemiyoun"),
                              ("Israel", S, "Israel")])
    assert ("Liwa Fatemiyoun", "ATTACKS", "Israel") in got
    assert ("Iran", "BACKS", "Liwa Fatemiyoun") in got


def test_bridging_needs_an_unambiguous_named_group(nlp):
    text = ("Israeli jets struck militias backed by Iran near the border on Sunday. "
            "Israel said it answered attacks by Liwa Fatemiyoun against Israel and attacks by "
            "Harakat al-Nujaba against Israel.")
    got = triples(nlp, text, [("Israeli", S, "Israel"), ("Iran", S, "Iran"),
                              ("Israel", S, "Israel"), ("Liwa Fatemiyoun", G, "Liwa Fatemiyoun"),
                              ("Israel", S, "Israel"),
                              ("Harakat al-Nujaba", G, "Harakat al-Nujaba"),
                              ("Israel", S, "Israel")])
    assert not {t for t in got if t[1] == "BACKS"}


def test_bridging_enumerated_bases(nlp):
    text = ("France has two bases in the region: one of them is at Al-Dhafra. "
            "The other base, Camp de la Paix, sits on the coast.")
    got = triples(nlp, text, [("France", S, "France"), ("Al-Dhafra", F, "Al-Dhafra base"),
                              ("Camp de la Paix", F, "Camp de la Paix base")])
    assert {("France", "OPERATES", "Al-Dhafra base"),
            ("France", "OPERATES", "Camp de la Paix base")} <= got


def test_records_carry_rule_kind_and_sentence(nlp):
    doc = run(nlp, "Intro line.\nIran backs the Houthis. Nothing else.",
              [("Iran", S, "Iran"), ("Houthis", G, "Houthis")])
    (rec,) = doc._.kg_relations
    assert rec["rule"] == "BACKS.verb" and rec["kind"] == "token"
    s0, s1 = rec["sent"]
    assert doc.text[s0:s1] == "Iran backs the Houthis."
    assert 0 < rec["confidence"] < 1


def test_no_entities_no_relations(nlp):
    doc = run(nlp, "The weather was calm and nobody attacked anyone.", [])
    assert doc._.kg_relations == []


# ---- dependency patterns (hand-built parses) --------------------------------------------------

def _parsed(nlp, words, heads, deps, pos):
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * (len(words) - 1))
    return doc


def test_dependency_svo(nlp):
    doc = _parsed(nlp, ["Iran", "has", "long", "bankrolled", "Hezbollah", "."],
                  [3, 3, 3, 3, 3, 3], ["nsubj", "aux", "advmod", "ROOT", "dobj", "punct"],
                  ["PROPN", "AUX", "ADV", "VERB", "PROPN", "PUNCT"])
    doc = run(nlp, "", [("Iran", S, "Iran"), ("Hezbollah", G, "Hezbollah")], doc)
    recs = [r for r in doc._.kg_relations if r["relation"] == "BACKS"]
    assert recs and recs[0]["kind"] == "dep" and recs[0]["rule"] == "BACKS.dep.svo"
    assert recs[0]["confidence"] == 0.9


def test_dependency_passive_with_conjuncts(nlp):
    words = ["The", "Houthis", "are", "armed", "by", "Iran", "and", "Hezbollah", "."]
    heads = [1, 3, 3, 3, 3, 4, 5, 5, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "agent", "pobj", "cc", "conj", "punct"]
    pos = ["DET", "PROPN", "AUX", "VERB", "ADP", "PROPN", "CCONJ", "PROPN", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos)
    doc = run(nlp, "", [("Houthis", G, "Houthis"), ("Iran", S, "Iran"),
                        ("Hezbollah", G, "Hezbollah")], doc)
    got = {(r["subject"], r["relation"], r["object"], r["kind"]) for r in doc._.kg_relations}
    assert ("Iran", "BACKS", "Houthis", "dep") in got
    assert ("Hezbollah", "BACKS", "Houthis", "dep") in got


def test_dependency_rules_off_without_parse(nlp):
    doc = run(nlp, "Iran has long bankrolled Hezbollah.",
              [("Iran", S, "Iran"), ("Hezbollah", G, "Hezbollah")])
    assert doc._.kg_relations and all(r["kind"] != "dep" for r in doc._.kg_relations)


def test_accused_x_of_doing(nlp):
    got = triples(nlp, "Ankara accused Washington of arming the YPG for years.",
                  [("Ankara", S, "Turkey"), ("Washington", S, "United States"),
                   ("YPG", G, "YPG")])
    assert ("United States", "BACKS", "YPG") in got
    assert ("Turkey", "OPPOSES", "United States") in got
    assert ("Turkey", "BACKS", "YPG") not in got


def test_prevent_x_from_doing(nlp):
    got = triples(nlp, "Israel wants to prevent Iran from entrenching in southern Syria.",
                  [("Israel", S, "Israel"), ("Iran", S, "Iran"), ("Syria", S, "Syria")])
    assert ("Iran", "DEPLOYED_IN", "Syria") in got
    assert ("Israel", "OPPOSES", "Iran") in got
    assert ("Israel", "DEPLOYED_IN", "Syria") not in got


def test_coordinated_verbs_share_the_object(nlp):
    got = triples(nlp, "Tehran arms and trains the Houthis.",
                  [("Tehran", S, "Iran"), ("Houthis", G, "Houthis")])
    assert ("Iran", "BACKS", "Houthis") in got


def test_title_after_organisation_points_to_the_person(nlp):
    got = triples(nlp, "A drone strike killed Hamas leader Ismail Haniyeh in Tehran.",
                  [("Hamas", G, "Hamas"), ("Ismail Haniyeh", P, "Ismail Haniyeh"),
                   ("Tehran", S, "Iran")])
    assert not {t for t in got if t[1] == "ATTACKS" and t[2] == "Hamas"}


def test_full_name_does_not_swallow_the_next_clause(nlp):
    got = triples(nlp, "The Turkish-backed SNA fought the YPG near Manbij.",
                  [("Turkish", S, "Turkey"), ("SNA", G, "Syrian National Army"),
                   ("YPG", G, "YPG"), ("Manbij", L, "Manbij")])
    assert ("Turkey", "BACKS", "Syrian National Army") in got
    assert ("Turkey", "BACKS", "YPG") not in got
    assert ("Syrian National Army", "ATTACKS", "YPG") in got


def test_including_list_names_the_subjects(nlp):
    got = triples(nlp, "Several militias, including Asaib Ahl al-Haq and Badr, have claimed "
                       "rocket attacks on Turkish troops.",
                  [("Asaib Ahl al-Haq", G, "Asaib Ahl al-Haq"), ("Badr", G, "Badr Organization"),
                   ("Turkish troops", S, "Turkey")])
    assert {("Asaib Ahl al-Haq", "ATTACKS", "Turkey"),
            ("Badr Organization", "ATTACKS", "Turkey")} <= got


def test_agent_of_an_event_subject(nlp):
    got = triples(nlp, "A missile strike by the Houthis killed two Saudi soldiers.",
                  [("Houthis", G, "Houthis"), ("Saudi", S, "Saudi Arabia")])
    assert ("Houthis", "ATTACKS", "Saudi Arabia") in got


def test_apposition_with_possessive_wing_and_parenthetical_passive(nlp):
    got = triples(nlp, "The Qassam Brigades, Hamas's armed wing, are led by Mohammed Deif.",
                  [("Qassam Brigades", G, "Qassam Brigades"), ("Hamas", G, "Hamas"),
                   ("Mohammed Deif", P, "Mohammed Deif")])
    assert ("Qassam Brigades", "PART_OF", "Hamas") in got
    assert ("Mohammed Deif", "LEADS", "Qassam Brigades") in got


def test_agreed_and_provide_with(nlp):
    got = triples(nlp, "Egypt and Qatar agreed on a new truce plan.",
                  [("Egypt", S, "Egypt"), ("Qatar", S, "Qatar")])
    assert {frozenset((s, o)) for s, r, o in got if r == "NEGOTIATES_WITH"} == \
        {frozenset(("Egypt", "Qatar"))}
    got = triples(nlp, "Tehran supplied the Houthis with drones and missiles.",
                  [("Tehran", S, "Iran"), ("Houthis", G, "Houthis")])
    assert ("Iran", "BACKS", "Houthis") in got


# ---- QUAL-A: precision fixes found on a development set of unseen-style articles ----------

def test_cue_after_determiner_is_a_noun_not_a_verb(nlp):
    got = triples(nlp, "The Arab League welcomed the strikes and condemned Hamas.",
                  [("Arab League", G, "Arab League"), ("Hamas", G, "Hamas")])
    assert ("Arab League", "ATTACKS", "Hamas") not in got
    assert ("Arab League", "OPPOSES", "Hamas") in got


def test_cue_after_of_phrase_is_a_noun(nlp):
    got = triples(nlp, "Israel was blamed for the death of an engineer, Ali Rezaei, and a series "
                       "of sabotage attacks on the Fordow site.",
                  [("Israel", S, "Israel"), ("Ali Rezaei", P, "Ali Rezaei"),
                   ("Fordow", F, "Fordow")])
    assert ("Ali Rezaei", "ATTACKS", "Fordow") not in got


def test_accused_party_is_not_the_agent(nlp):
    got = triples(nlp, "Britain sanctioned several firms it accuses of shipping drones to Russia.",
                  [("Britain", S, "United Kingdom"), ("Russia", S, "Russia")])
    assert ("United Kingdom", "BACKS", "Russia") not in got


def test_new_clause_subject_is_not_a_list_item(nlp):
    got = triples(nlp, "Damascus funds Hamas, and the Quds Force sends it drones.",
                  [("Damascus", S, "Syria"), ("Hamas", G, "Hamas"),
                   ("Quds Force", G, "Quds Force")])
    assert ("Syria", "BACKS", "Hamas") in got
    assert ("Syria", "BACKS", "Quds Force") not in got
    got = triples(nlp, "Talks among Russia, Turkey and Iran opened in Astana.",
                  [("Russia", S, "Russia"), ("Turkey", S, "Turkey"), ("Iran", S, "Iran")])
    assert len({frozenset((s, o)) for s, r, o in got if r == "NEGOTIATES_WITH"}) == 3


def test_demonym_in_apposition_hands_the_role_to_the_named_group(nlp):
    got = triples(nlp, "Activists praised Hamas, the Palestinian militant group fighting Israeli "
                       "forces in Gaza.",
                  [("Hamas", G, "Hamas"), ("Palestinian", S, "Palestine"),
                   ("Israeli forces", S, "Israel"), ("Gaza", L, "Gaza")])
    assert ("Hamas", "ATTACKS", "Israel") in got
    assert ("Palestine", "ATTACKS", "Israel") not in got


def test_no_base_is_invented_for_a_region(nlp):
    got = triples(nlp, "Ankara keeps dozens of outposts in the Kurdistan region.",
                  [("Ankara", S, "Turkey"), ("Kurdistan region", L, "Kurdistan Region")])
    assert ("Turkey", "DEPLOYED_IN", "Kurdistan Region") in got
    assert not any(r == "OPERATES" for _, r, _ in got)


def test_borders_that_meet_do_not_negotiate(nlp):
    got = triples(nlp, "The camp lies near the point where Jordan, Iraq and Syria meet.",
                  [("Jordan", S, "Jordan"), ("Iraq", S, "Iraq"), ("Syria", S, "Syria")])
    assert not any(r == "NEGOTIATES_WITH" for _, r, _ in got)
    got = triples(nlp, "Erdogan and Putin met in Sochi.",
                  [("Erdogan", P, "Recep Tayyip Erdogan"), ("Putin", P, "Vladimir Putin")])
    assert any(r == "NEGOTIATES_WITH" for _, r, _ in got)


def test_place_in_after_a_border_or_river_places_something_else(nlp):
    got = triples(nlp, "They fought for Qusayr, a town near the Lebanese border in Homs province.",
                  [("Qusayr", L, "Qusayr"), ("Lebanese border", L, "Lebanese border"),
                   ("Homs", L, "Homs")])
    assert ("Lebanese border", "LOCATED_IN", "Homs") not in got
    got = triples(nlp, "It is a village on the Tigris in Nineveh province.",
                  [("Tigris", L, "Tigris"), ("Nineveh", L, "Nineveh")])
    assert ("Tigris", "LOCATED_IN", "Nineveh") not in got


def test_joining_a_states_forces_is_an_alliance_not_membership(nlp):
    got = triples(nlp, "In 2014 Hezbollah joined Syrian government forces in the battle for "
                       "Yabroud.",
                  [("Hezbollah", G, "Hezbollah"), ("Syrian government forces", S, "Syria")])
    assert ("Hezbollah", "ALLIED_WITH", "Syria") in got
    assert ("Hezbollah", "PART_OF", "Syria") not in got


# ---- QUAL-A: recall for constructions news uses ------------------------------------------

def test_objects_named_in_an_including_list(nlp):
    got = triples(nlp, "Tehran arms several militias, including Kataib Hezbollah in Iraq and the "
                       "Houthis in Yemen.",
                  [("Tehran", S, "Iran"), ("Kataib Hezbollah", G, "Kataib Hezbollah"),
                   ("Iraq", S, "Iraq"), ("Houthis", G, "Houthis"), ("Yemen", S, "Yemen")])
    assert ("Iran", "BACKS", "Kataib Hezbollah") in got
    assert ("Iran", "BACKS", "Houthis") in got
    assert ("Iran", "BACKS", "Iraq") not in got
    got = triples(nlp, "The army controls most of Sudan, including the cities of Omdurman and "
                       "Kassala.",
                  [("army", S, "Sudan"), ("Sudan", S, "Sudan"), ("Omdurman", L, "Omdurman"),
                   ("Kassala", L, "Kassala")])
    assert ("Sudan", "CONTROLS", "Omdurman") in got
    assert ("Sudan", "CONTROLS", "Kassala") in got


def test_x_backed_noun_in_apposition(nlp):
    got = triples(nlp, "The Badr Organization, an Iran-backed militia, rejected the plan.",
                  [("Badr Organization", G, "Badr Organization"), ("Iran", S, "Iran")])
    assert ("Iran", "BACKS", "Badr Organization") in got


def test_national_forces_at_a_place_and_troops_kept_there(nlp):
    got = triples(nlp, "Attacks on American troops at Tower 22 rose in January.",
                  [("American troops", S, "United States"), ("Tower 22", F, "Tower 22")])
    assert ("United States", "DEPLOYED_IN", "Tower 22") in got
    got = triples(nlp, "Moscow keeps about 3,000 soldiers in Libya.",
                  [("Moscow", S, "Russia"), ("Libya", S, "Libya")])
    assert ("Russia", "DEPLOYED_IN", "Libya") in got


def test_mediators_negotiate_with_both_sides(nlp):
    got = triples(nlp, "Oman and Qatar mediated talks between Iran and the United States.",
                  [("Oman", S, "Oman"), ("Qatar", S, "Qatar"), ("Iran", S, "Iran"),
                   ("United States", S, "United States")])
    pairs = {frozenset((s, o)) for s, r, o in got if r == "NEGOTIATES_WITH"}
    assert {frozenset(("Oman", "Iran")), frozenset(("Qatar", "United States")),
            frozenset(("Iran", "United States"))} <= pairs


def test_symmetric_relation_in_relative_clause_and_after_parenthetical(nlp):
    got = triples(nlp, "Cairo, which has been negotiating a truce with Hamas, hosted the envoys.",
                  [("Cairo", S, "Egypt"), ("Hamas", G, "Hamas")])
    assert any(r == "NEGOTIATES_WITH" and {s, o} == {"Egypt", "Hamas"} for s, r, o in got)
    got = triples(nlp, "Ankara, which backs the rebels in Idlib, agreed a truce with Moscow.",
                  [("Ankara", S, "Turkey"), ("Idlib", L, "Idlib"), ("Moscow", S, "Russia")])
    assert any(r == "NEGOTIATES_WITH" and {s, o} == {"Turkey", "Russia"} for s, r, o in got)
    got = triples(nlp, "He jailed officers who wanted rapprochement with Syria.",
                  [("Syria", S, "Syria")])
    assert not got


def test_retaliation_threat_and_long_projectile_phrase(nlp):
    got = triples(nlp, "Tehran vowed to retaliate against Israel.",
                  [("Tehran", S, "Iran"), ("Israel", S, "Israel")])
    assert ("Iran", "OPPOSES", "Israel") in got
    got = triples(nlp, "Iran launched dozens of drones and ballistic missiles at Israel.",
                  [("Iran", S, "Iran"), ("Israel", S, "Israel")])
    assert ("Iran", "ATTACKS", "Israel") in got


def test_x_occupied_place_and_stated_alliances(nlp):
    got = triples(nlp, "Rockets struck the Israeli-occupied Golan Heights.",
                  [("Israeli", S, "Israel"), ("Golan Heights", L, "Golan Heights")])
    assert ("Israel", "CONTROLS", "Golan Heights") in got
    got = triples(nlp, "Egypt and Saudi Arabia are close allies.",
                  [("Egypt", S, "Egypt"), ("Saudi Arabia", S, "Saudi Arabia")])
    assert any(r == "ALLIED_WITH" for _, r, _ in got)
    got = triples(nlp, "The Peshmerga, backed by Washington, have cooperated with Baghdad.",
                  [("Peshmerga", G, "Peshmerga"), ("Washington", S, "United States"),
                   ("Baghdad", S, "Iraq")])
    assert any(r == "ALLIED_WITH" and {s, o} == {"Peshmerga", "Iraq"} for s, r, o in got)


def test_founder_in_apposition_and_place_in_possessed_province(nlp):
    got = triples(nlp, "Redut, the security company founded by Ivan Petrov, expanded abroad.",
                  [("Redut", G, "Redut"), ("Ivan Petrov", P, "Ivan Petrov")])
    assert ("Ivan Petrov", "LEADS", "Redut") in got
    got = triples(nlp, "Jets landed at the Tiyas air base in Syria's Homs province.",
                  [("Tiyas air base", F, "Tiyas air base"), ("Syria", S, "Syria"),
                   ("Homs", L, "Homs")])
    assert ("Tiyas air base", "LOCATED_IN", "Homs") in got
    got = triples(nlp, "Turkey and its allies carried out an incursion into northern Iraq.",
                  [("Turkey", S, "Turkey"), ("Iraq", S, "Iraq")])
    assert ("Turkey", "ATTACKS", "Iraq") in got


def test_place_phrase_list_is_not_an_object_list(nlp):
    got = triples(nlp, "The coalition fought ISIS in Syria and Iraq for years.",
                  [("coalition", G, "US-led coalition"), ("ISIS", G, "ISIS"),
                   ("Syria", S, "Syria"), ("Iraq", S, "Iraq")])
    assert ("US-led coalition", "ATTACKS", "ISIS") in got
    assert ("US-led coalition", "ATTACKS", "Iraq") not in got


def test_local_partners_named_by_demonym_are_not_the_state(nlp):
    got = triples(nlp, "The zone is held by British troops and their Iraqi partners.",
                  [("British troops", S, "United Kingdom"), ("Iraqi", S, "Iraq")])
    assert not any(r == "ALLIED_WITH" for _, r, _ in got)
    got = triples(nlp, "Syrian forces and their Russian allies retook the town.",
                  [("Syrian forces", S, "Syria"), ("Russian", S, "Russia")])
    assert any(r == "ALLIED_WITH" and {s, o} == {"Syria", "Russia"} for s, r, o in got)


def test_relative_clause_subject_for_nominal_and_inverse_cues(nlp):
    got = triples(nlp, "The PKK, which has waged an insurgency against the Turkish state, spoke.",
                  [("PKK", G, "PKK"), ("Turkish", S, "Turkey")])
    assert ("PKK", "ATTACKS", "Turkey") in got
    got = triples(nlp, "Premier Ali Hamdan, who came to power with the backing of the Fatah "
                       "Alliance, resigned.",
                  [("Ali Hamdan", P, "Ali Hamdan"), ("Fatah Alliance", G, "Fatah Alliance")])
    assert ("Fatah Alliance", "BACKS", "Ali Hamdan") in got


def test_one_of_the_factions_within_and_groups_include(nlp):
    got = triples(nlp, "Harakat al-Nujaba, one of the hardline factions within the Popular "
                       "Mobilization Forces (PMF), rejected the deal.",
                  [("Harakat al-Nujaba", G, "Harakat al-Nujaba"),
                   ("Popular Mobilization Forces", G, "Popular Mobilization Forces"),
                   ("PMF", G, "Popular Mobilization Forces")])
    assert ("Harakat al-Nujaba", "PART_OF", "Popular Mobilization Forces") in got
    got = triples(nlp, "The Badr Organization's units include the Ashura Brigade.",
                  [("Badr Organization", G, "Badr Organization"),
                   ("Ashura Brigade", G, "Ashura Brigade")])
    assert ("Ashura Brigade", "PART_OF", "Badr Organization") in got
    got = triples(nlp, "Kataib Hezbollah is one of the groups in Iraq.",
                  [("Kataib Hezbollah", G, "Kataib Hezbollah"), ("Iraq", S, "Iraq")])
    assert not any(r == "PART_OF" for _, r, _ in got)


def test_passive_after_apposition_with_acronym_and_stop_from(nlp):
    got = triples(nlp, "Asaib Ahl al-Haq, a splinter of the Sadrist movement (SM), is funded by "
                       "Tehran.",
                  [("Asaib Ahl al-Haq", G, "Asaib Ahl al-Haq"), ("Sadrist movement", G, "Sadrists"),
                   ("SM", G, "Sadrists"), ("Tehran", S, "Iran")])
    assert ("Iran", "BACKS", "Asaib Ahl al-Haq") in got
    got = triples(nlp, "Washington wants to stop Tehran from enriching uranium.",
                  [("Washington", S, "United States"), ("Tehran", S, "Iran")])
    assert ("United States", "OPPOSES", "Iran") in got


def test_elided_subject_after_but_and_participle_after_comma(nlp):
    got = triples(nlp, "Qatar closed its office in 2021 but still funds the Hamas movement.",
                  [("Qatar", S, "Qatar"), ("Hamas", G, "Hamas")])
    assert ("Qatar", "BACKS", "Hamas") in got
    recs = run(nlp, "Qatar closed its office in 2021 but still funds the Hamas movement.",
               [("Qatar", S, "Qatar"), ("Hamas", G, "Hamas")])._.kg_relations
    assert not any(r["negated"] for r in recs)  # "closed" is before the contrast
    got = triples(nlp, "Russia and Iran sent troops in 2015, recapturing Palmyra in 2016.",
                  [("Russia", S, "Russia"), ("Iran", S, "Iran"), ("Palmyra", L, "Palmyra")])
    assert ("Russia", "CONTROLS", "Palmyra") in got
    assert ("Iran", "CONTROLS", "Palmyra") in got
    got = triples(nlp, "Officials in Kabul said on Monday, praising Iran.",
                  [("Kabul", L, "Kabul"), ("Iran", S, "Iran")])
    assert not got


def test_attack_on_areas_held_by_a_group_and_gunmen_as_main_verb_subject(nlp):
    got = triples(nlp, "Jets pounded Houthi-held districts of the capital.",
                  [("Houthi", G, "Houthis")])
    assert not got  # no attacker named
    got = triples(nlp, "Riyadh launched airstrikes on Houthi-held areas.",
                  [("Riyadh", S, "Saudi Arabia"), ("Houthi", G, "Houthis")])
    assert ("Saudi Arabia", "ATTACKS", "Houthis") in got
    got = triples(nlp, "A week later ISIS-led gunmen attacked southern Kirkuk.",
                  [("ISIS", G, "ISIS"), ("Kirkuk", F, "Kirkuk")])
    assert ("ISIS", "ATTACKS", "Kirkuk") in got


def test_titled_people_coordinate_and_meet_a_titled_person(nlp):
    got = triples(nlp, "Egyptian President Abdel Fattah el-Sisi and Jordanian King Abdullah II "
                       "met in Cairo.",
                  [("Egyptian", S, "Egypt"), ("Abdel Fattah el-Sisi", P, "Abdel Fattah el-Sisi"),
                   ("Jordanian", S, "Jordan"), ("Abdullah II", P, "Abdullah II"),
                   ("Cairo", L, "Cairo")])
    assert any(r == "NEGOTIATES_WITH" and {s, o} == {"Abdel Fattah el-Sisi", "Abdullah II"}
               for s, r, o in got)
    got = triples(nlp, "The envoy Tom Barrack met Syrian Foreign Minister Asaad al-Shaibani.",
                  [("Tom Barrack", P, "Tom Barrack"), ("Syrian Foreign Minister", S, "Syria"),
                   ("Asaad al-Shaibani", P, "Asaad al-Shaibani")])
    assert any(r == "NEGOTIATES_WITH" and {s, o} == {"Tom Barrack", "Asaad al-Shaibani"}
               for s, r, o in got)


def test_hedged_cue_is_not_a_fact(nlp):
    got = triples(nlp, "Ankara may establish air bases in central Syria.",
                  [("Ankara", S, "Turkey"), ("Syria", S, "Syria")])
    assert not got
    got = triples(nlp, "Tehran could strike Israel within days.",
                  [("Tehran", S, "Iran"), ("Israel", S, "Israel")])
    assert got == {("Iran", "OPPOSES", "Israel")}
    got = triples(nlp, "Russia and Iran held talks in May in Astana.",
                  [("Russia", S, "Russia"), ("Iran", S, "Iran"), ("Astana", L, "Astana")])
    assert any(r == "NEGOTIATES_WITH" for _, r, _ in got)  # the month is no modal


def test_invented_base_takes_the_known_facility_name(nlp):
    got = triples(nlp, "Moscow has kept its naval base at Tartus.",
                  [("Moscow", S, "Russia"), ("Tartus", L, "Tartus")])
    assert ("Russia", "OPERATES", "Tartus naval base") in got
    assert ("Russia", "OPERATES", "Tartus base") not in got


def test_participle_belongs_to_the_noun_phrase_before_it(nlp):
    got = triples(nlp, "US aid to the Kurdish forces fighting ISIS continued.",
                  [("US", S, "United States"), ("Kurdish forces", G, "YPG"), ("ISIS", G, "ISIS")])
    assert ("YPG", "ATTACKS", "ISIS") in got
    assert ("United States", "ATTACKS", "ISIS") not in got
    got = triples(nlp, "Tehran sends money to militias fighting the US.",
                  [("Tehran", S, "Iran"), ("US", S, "United States")])
    assert not got
    got = triples(nlp, "Washington has 900 troops in Syria supporting the SDF.",
                  [("Washington", S, "United States"), ("Syria", S, "Syria"),
                   ("SDF", G, "Syrian Democratic Forces")])
    assert ("Syria", "BACKS", "Syrian Democratic Forces") not in got


def test_fought_alongside_an_unnamed_partner_against_a_named_enemy(nlp):
    got = triples(nlp, "The Peshmerga fought alongside the coalition against ISIS in Mosul.",
                  [("Peshmerga", G, "Peshmerga"), ("ISIS", G, "ISIS"), ("Mosul", L, "Mosul")])
    assert ("Peshmerga", "ATTACKS", "ISIS") in got


def test_cue_after_determiner_and_demonym_is_a_noun(nlp):
    got = triples(nlp, "Jordan condemned the Israeli strike on the Iranian embassy.",
                  [("Jordan", S, "Jordan"), ("Israeli", S, "Israel"), ("Iranian", S, "Iran")])
    assert ("Jordan", "ATTACKS", "Iran") not in got
    assert ("Jordan", "OPPOSES", "Israel") in got
    got = triples(nlp, "The Kremlin condemned Kyiv on Friday.",
                  [("Kremlin", S, "Russia"), ("Kyiv", S, "Ukraine")])
    assert ("Russia", "OPPOSES", "Ukraine") in got  # a metonym is no demonym adjective


def test_no_before_the_cue_negates(nlp):
    recs = run(nlp, "Ankara has no troops in Iraq, the ministry said.",
               [("Ankara", S, "Turkey"), ("Iraq", S, "Iraq")])._.kg_relations
    assert recs and all(r["negated"] for r in recs if r["relation"] == "DEPLOYED_IN")
    recs = run(nlp, "No one doubts that Tehran arms the Houthis.",
               [("Tehran", S, "Iran"), ("Houthis", G, "Houthis")])._.kg_relations
    assert [r["negated"] for r in recs if r["relation"] == "BACKS"] == [False]


def test_contrasted_actor_is_not_the_agent(nlp):
    recs = run(nlp, "Officials said Kataib Hezbollah, not the PMF, was behind the attack on the "
                    "US embassy.",
               [("Kataib Hezbollah", G, "Kataib Hezbollah"),
                ("PMF", G, "Popular Mobilization Forces"), ("US", S, "United States")])
    got = {(r["subject"], r["relation"], r["object"], r["negated"])
           for r in recs._.kg_relations}
    assert ("Kataib Hezbollah", "ATTACKS", "United States", False) in got
    assert not any(s == "Popular Mobilization Forces" for s, _, _, _ in got)


def test_launched_by_names_the_attacker(nlp):
    got = triples(nlp, "US forces shot down drones launched by the Houthis toward Israel.",
                  [("US forces", S, "United States"), ("Houthis", G, "Houthis"),
                   ("Israel", S, "Israel")])
    assert ("Houthis", "ATTACKS", "Israel") in got
    assert ("United States", "ATTACKS", "Israel") not in got


def test_a_leader_hosting_a_leader_and_a_vote_to_expel(nlp):
    got = triples(nlp, "President Ilham Aliyev hosted Prime Minister Nikol Pashinyan in Baku.",
                  [("Ilham Aliyev", P, "Ilham Aliyev"), ("Nikol Pashinyan", P, "Nikol Pashinyan"),
                   ("Baku", L, "Baku")])
    assert any(r == "NEGOTIATES_WITH" for _, r, _ in got)
    got = triples(nlp, "Doha hosts the largest American base in the Gulf.",
                  [("Doha", S, "Qatar"), ("American", S, "United States")])
    assert not any(r == "NEGOTIATES_WITH" for _, r, _ in got)
    got = triples(nlp, "Lebanon's parliament voted to expel Syrian troops.",
                  [("Lebanon", S, "Lebanon"), ("Syrian troops", S, "Syria")])
    assert ("Lebanon", "ATTACKS", "Syria") not in got
    assert ("Lebanon", "OPPOSES", "Syria") in got


def test_participle_after_a_relative_clause_is_not_the_subjects_act(nlp):
    got = triples(nlp, "Iran vowed revenge for a strike that hit its embassy, killing Hamas "
                       "officials.",
                  [("Iran", S, "Iran"), ("Hamas", G, "Hamas")])
    assert ("Iran", "ATTACKS", "Hamas") not in got


def test_members_of_a_group_stand_for_the_group(nlp):
    got = triples(nlp, "Israeli jets struck a convoy in Syria, killing seven members of the IRGC.",
                  [("Israeli jets", S, "Israel"), ("Syria", S, "Syria"), ("IRGC", G, "IRGC")])
    assert ("Israel", "ATTACKS", "IRGC") in got
    got = triples(nlp, "Ankara trained fighters of the Sultan Murad Division.",
                  [("Ankara", S, "Turkey"), ("Sultan Murad Division", G, "Sultan Murad Division")])
    assert ("Turkey", "BACKS", "Sultan Murad Division") in got


# ---- QUAL-E: constructions found on development set 2 (sentences written for the tests) ----

def test_designated_a_terrorist_group_by_a_list_of_agents(nlp):
    got = triples(nlp, "The Front was designated a terrorist group by Canada, Japan and the EU.",
                  [("Front", G, "Front"), ("Canada", S, "Canada"), ("Japan", S, "Japan"),
                   ("EU", G, "European Union")])
    assert {("Canada", "OPPOSES", "Front"), ("Japan", "OPPOSES", "Front"),
            ("European Union", "OPPOSES", "Front")} <= got


def test_relying_on_backers_reverses_the_direction(nlp):
    got = triples(nlp, "Minsk has long relied on Moscow and Beijing for loans.",
                  [("Minsk", S, "Belarus"), ("Moscow", S, "Russia"), ("Beijing", S, "China")])
    assert {("Russia", "BACKS", "Belarus"), ("China", "BACKS", "Belarus")} <= got
    got = triples(nlp, "Jordan relies on Iraqi oil shipments.",
                  [("Jordan", S, "Jordan"), ("Iraqi", S, "Iraq")])
    assert not any(r == "BACKS" for _, r, _ in got)


def test_exchanged_fire_and_clashes_go_both_ways(nlp):
    got = triples(nlp, "The Army, which has exchanged heavy fire with the Movement since May, "
                       "withdrew.",
                  [("Army", G, "Army"), ("Movement", G, "Movement")])
    assert {("Army", "ATTACKS", "Movement"), ("Movement", "ATTACKS", "Army")} <= got
    got = triples(nlp, "Four Malian soldiers died in clashes with JNIM fighters.",
                  [("Malian soldiers", S, "Mali"), ("JNIM", G, "JNIM")])
    assert ("JNIM", "ATTACKS", "Mali") in got


def test_facility_run_by_one_actor_and_guarded_by_another(nlp):
    got = triples(nlp, "The Roj camp, located near Derik, is run by the Kurdish-led Council and "
                       "guarded by the Asayish.",
                  [("Roj camp", F, "Roj camp"), ("Derik", L, "Derik"),
                   ("Kurdish", "GROUP", "Kurds"),
                   ("Council", G, "Council"), ("Asayish", G, "Asayish")])
    assert {("Council", "OPERATES", "Roj camp"), ("Asayish", "OPERATES", "Roj camp")} <= got
    assert ("Kurds", "OPERATES", "Roj camp") not in got


def test_founded_and_led_by_share_the_patient(nlp):
    got = triples(nlp, "The Guard, the armed company founded and led by Ivan Petrov, left.",
                  [("Guard", G, "Guard"), ("Ivan Petrov", P, "Ivan Petrov")])
    assert ("Ivan Petrov", "LEADS", "Guard") in got


def test_whose_forces_act_for_their_owner(nlp):
    got = triples(nlp, "France, whose air force operates from Al-Dhafra air base, kept quiet.",
                  [("France", S, "France"), ("Al-Dhafra air base", F, "Al Dhafra Air Base")])
    assert ("France", "OPERATES", "Al Dhafra Air Base") in got
    got = triples(nlp, "France, whose envoy operates from Al-Dhafra air base, kept quiet.",
                  [("France", S, "France"), ("Al-Dhafra air base", F, "Al Dhafra Air Base")])
    assert ("France", "OPERATES", "Al Dhafra Air Base") not in got


def test_members_listed_after_including(nlp):
    got = triples(nlp, "Two factions of the Coalition (TC), including the Lions and the Hawks, "
                       "left.",
                  [("Coalition", G, "Coalition"), ("TC", G, "Coalition"), ("Lions", G, "Lions"),
                   ("Hawks", G, "Hawks")])
    assert {("Lions", "PART_OF", "Coalition"), ("Hawks", "PART_OF", "Coalition")} <= got


def test_both_x_backed_groups_describes_every_item(nlp):
    got = triples(nlp, "The Lions and the Hawks, both Qatar-backed groups, said so.",
                  [("Lions", G, "Lions"), ("Hawks", G, "Hawks"), ("Qatar", S, "Qatar")])
    assert {("Qatar", "BACKS", "Lions"), ("Qatar", "BACKS", "Hawks")} <= got


def test_seized_towns_including_places_after_a_parenthetical(nlp):
    got = triples(nlp, "Chad and the Union Front (UF), a coalition of Chad-backed rebel groups, "
                       "have captured several towns including Abeche and Ati.",
                  [("Chad", S, "Chad"), ("Union Front", G, "Union Front"), ("UF", G, "Union Front"),
                   ("Chad-", S, "Chad"), ("Abeche", L, "Abeche"), ("Ati", L, "Ati")])
    assert {("Chad", "CONTROLS", "Abeche"), ("Union Front", "CONTROLS", "Ati"),
            ("Chad", "CONTROLS", "Ati"), ("Union Front", "CONTROLS", "Abeche")} <= got


def test_troops_spread_over_places_most_of_them_in(nlp):
    got = triples(nlp, "France has about 1,000 troops in Niger, most of them in Niamey and "
                       "Ouallam.",
                  [("France", S, "France"), ("Niger", S, "Niger"), ("Niamey", L, "Niamey"),
                   ("Ouallam", L, "Ouallam")])
    assert {("France", "DEPLOYED_IN", "Niger"), ("France", "DEPLOYED_IN", "Niamey"),
            ("France", "DEPLOYED_IN", "Ouallam")} <= got


def test_present_in_a_place_part_and_a_second_place(nlp):
    got = triples(nlp, "JNIM units are active in the outskirts of Gao and in the Tilemsi valley.",
                  [("JNIM", G, "JNIM"), ("Gao", L, "Gao"), ("Tilemsi valley", L, "Tilemsi valley")])
    assert {("JNIM", "DEPLOYED_IN", "Gao"), ("JNIM", "DEPLOYED_IN", "Tilemsi valley")} <= got


def test_second_verb_shares_the_opening_subject(nlp):
    got = triples(nlp, "The Legion, the company owned by Ivan Petrov, fought near Bamako and sent "
                       "contractors to Niger and Chad.",
                  [("Legion", G, "Legion"), ("Ivan Petrov", P, "Ivan Petrov"),
                   ("Bamako", L, "Bamako"),
                   ("Niger", S, "Niger"), ("Chad", S, "Chad")])
    assert {("Legion", "DEPLOYED_IN", "Niger"), ("Legion", "DEPLOYED_IN", "Chad")} <= got


def test_quantities_and_transit_participles_in_the_object(nlp):
    got = triples(nlp, "French and Dutch jets struck more than 40 JNIM targets near Gao.",
                  [("French", S, "France"), ("Dutch", S, "Netherlands"), ("JNIM", G, "JNIM"),
                   ("Gao", L, "Gao")])
    assert {("France", "ATTACKS", "JNIM"), ("Netherlands", "ATTACKS", "JNIM")} <= got
    got = triples(nlp, "The rebels fired rockets at trucks crossing the Rosso bridge.",
                  [("rebels", "GROUP", "rebels"), ("Rosso bridge", F, "Rosso bridge")])
    assert not any(r == "ATTACKS" for _, r, _ in got)


def test_reacting_to_a_killing_is_not_the_killing(nlp):
    got = triples(nlp, "Minister Ivan Petrov condemned the killing of Omar Diallo.",
                  [("Ivan Petrov", P, "Ivan Petrov"), ("Omar Diallo", P, "Omar Diallo")])
    assert ("Ivan Petrov", "ATTACKS", "Omar Diallo") not in got


def test_hideouts_of_a_group_stand_for_the_group(nlp):
    got = triples(nlp, "Nigerien drones bombed hideouts of the Front near Diffa.",
                  [("Nigerien", S, "Niger"), ("Front", G, "Front"), ("Diffa", L, "Diffa")])
    assert ("Niger", "ATTACKS", "Front") in got


def test_adjectival_participle_after_a_list_is_no_verb(nlp):
    got = triples(nlp, "The bloc, which includes the Front in Mali and armed groups in Niger, met.",
                  [("Front", G, "Front"), ("Mali", S, "Mali"), ("Niger", S, "Niger")])
    assert not any(r == "BACKS" for _, r, _ in got)


def test_state_possessive_on_a_camp_is_its_location_on_a_base_its_operator(nlp):
    got = triples(nlp, "Families left Chad's Farchana camp.",
                  [("Chad", S, "Chad"), ("Farchana camp", F, "Farchana camp")])
    assert ("Farchana camp", "LOCATED_IN", "Chad") in got
    assert ("Chad", "OPERATES", "Farchana camp") not in got
    got = triples(nlp, "Jets left France's Kossei air base.",
                  [("France", S, "France"), ("Kossei air base", F, "Kossei air base")])
    assert ("France", "OPERATES", "Kossei air base") in got


def test_urging_another_to_expel_is_the_urgers_hostility(nlp):
    got = triples(nlp, "Kenya, which has fought Shabaab fighters since 2011, urged Somalia's "
                       "cabinet to expel the Turkish contractors.",
                  [("Kenya", S, "Kenya"), ("Shabaab", G, "Shabaab"), ("Somalia", S, "Somalia"),
                   ("Turkish contractors", S, "Turkey")])
    assert ("Kenya", "OPPOSES", "Turkey") in got
    assert ("Somalia", "ATTACKS", "Turkey") not in got
    assert ("Kenya", "ATTACKS", "Turkey") not in got


def test_members_after_an_alliance_that_includes(nlp):
    got = triples(nlp, "The Rebels joined the Front, a Sudan-led coalition that includes the "
                       "Lions in Darfur and the Hawks.",
                  [("Rebels", G, "Rebels"), ("Front", G, "Front"), ("Sudan", S, "Sudan"),
                   ("Lions", G, "Lions"), ("Darfur", L, "Darfur"), ("Hawks", G, "Hawks")])
    assert {("Lions", "PART_OF", "Front"), ("Hawks", "PART_OF", "Front")} <= got


def test_counterpart_is_the_named_official(nlp):
    got = triples(nlp, "Lavrov held talks with his Turkish counterpart, Hakan Fidan, on Monday.",
                  [("Lavrov", P, "Sergey Lavrov"), ("Turkish", S, "Turkey"),
                   ("Hakan Fidan", P, "Hakan Fidan")])
    assert ("Hakan Fidan", "PART_OF", "Turkey") in got
    assert any({s, o} == {"Sergey Lavrov", "Hakan Fidan"} and r == "NEGOTIATES_WITH"
               for s, r, o in got)
    assert not any(o == "Turkey" and r == "NEGOTIATES_WITH" for _, r, o in got)


def test_organisation_of_a_person_is_led_by_that_person(nlp):
    got = triples(nlp, "Drones hit the Sudan Liberation Army (SLA) of Abdel Wahid al-Nur.",
                  [("Sudan Liberation Army", G, "Sudan Liberation Army"),
                   ("SLA", G, "Sudan Liberation Army"),
                   ("Abdel Wahid al-Nur", P, "Abdel Wahid al-Nur")])
    assert ("Abdel Wahid al-Nur", "LEADS", "Sudan Liberation Army") in got


def test_who_after_of_refers_to_the_person(nlp):
    got = triples(nlp, "Crowds mourned the death of Ivan Petrov, who commanded the Legion.",
                  [("Ivan Petrov", P, "Ivan Petrov"), ("Legion", G, "Legion")])
    assert ("Ivan Petrov", "LEADS", "Legion") in got


def test_which_after_a_base_in_a_country_is_the_base(nlp):
    got = triples(nlp, "Jets landed at Kossei air base in northern Chad, which is controlled by "
                       "the Front.",
                  [("Kossei air base", F, "Kossei air base"), ("Chad", S, "Chad"),
                   ("Front", G, "Front")])
    assert ("Front", "CONTROLS", "Kossei air base") in got


def test_so_called_before_a_name(nlp):
    got = triples(nlp, "The Lions are part of the so-called Sahel Front, a loose alliance.",
                  [("Lions", G, "Lions"), ("Sahel Front", G, "Sahel Front")])
    assert ("Lions", "PART_OF", "Sahel Front") in got


def test_succeeded_as_and_became_give_the_role(nlp):
    got = triples(nlp, "Omar Diallo, who succeeded Ivan Petrov as the head of the Legion, spoke.",
                  [("Omar Diallo", P, "Omar Diallo"), ("Ivan Petrov", P, "Ivan Petrov"),
                   ("Legion", G, "Legion")])
    assert ("Omar Diallo", "LEADS", "Legion") in got
    assert ("Ivan Petrov", "LEADS", "Legion") not in got
    got = triples(nlp, "Omar Diallo, who became Chad's interim president, spoke.",
                  [("Omar Diallo", P, "Omar Diallo"), ("Chad", S, "Chad")])
    assert ("Omar Diallo", "LEADS", "Chad") in got
    got = triples(nlp, "Omar Diallo became Chad's vice president.",
                  [("Omar Diallo", P, "Omar Diallo"), ("Chad", S, "Chad")])
    assert ("Omar Diallo", "LEADS", "Chad") not in got


def test_working_to_expel_is_hostility_not_force(nlp):
    got = triples(nlp, "Mali will work to expel French troops from the Sahel.",
                  [("Mali", S, "Mali"), ("French troops", S, "France")])
    assert ("Mali", "OPPOSES", "France") in got
    assert ("Mali", "ATTACKS", "France") not in got


def test_a_host_of_foreign_forces(nlp):
    got = triples(nlp, "Djibouti, a small port state, has hosted French and Japanese troops "
                       "since 2011.",
                  [("Djibouti", S, "Djibouti"), ("French", S, "France"), ("Japanese", S, "Japan")])
    assert {("France", "DEPLOYED_IN", "Djibouti"), ("Japan", "DEPLOYED_IN", "Djibouti")} <= got
    got = triples(nlp, "Oman hosted Iranian envoy Ali Bagheri.",
                  [("Oman", S, "Oman"), ("Iranian", S, "Iran"), ("Ali Bagheri", P, "Ali Bagheri")])
    assert not any(r == "DEPLOYED_IN" for _, r, _ in got)


def test_coordinated_predicate_keeps_the_clause_subject(nlp):
    got = triples(nlp, "Bahrain hosts British sailors and has close ties with London.",
                  [("Bahrain", S, "Bahrain"), ("British sailors", S, "United Kingdom"),
                   ("London", S, "United Kingdom")])
    assert ("Bahrain", "ALLIED_WITH", "United Kingdom") in got or \
        ("United Kingdom", "ALLIED_WITH", "Bahrain") in got
    got = triples(nlp, "Chad and Niger have close ties with Paris.",
                  [("Chad", S, "Chad"), ("Niger", S, "Niger"), ("Paris", S, "France")])
    assert {("Chad", "ALLIED_WITH", "France"), ("Niger", "ALLIED_WITH", "France")} <= got


def test_threat_to_push_a_group_away_is_hostility(nlp):
    got = triples(nlp, "Kenya has threatened a new offensive to drive the Shabaab out of Gedo.",
                  [("Kenya", S, "Kenya"), ("Shabaab", G, "Shabaab"), ("Gedo", L, "Gedo")])
    assert ("Kenya", "OPPOSES", "Shabaab") in got
    assert ("Kenya", "ATTACKS", "Shabaab") not in got
    got = triples(nlp, "Kenyan troops drove the Shabaab out of Kismayo.",
                  [("Kenyan troops", S, "Kenya"), ("Shabaab", G, "Shabaab"),
                   ("Kismayo", L, "Kismayo")])
    assert ("Kenya", "ATTACKS", "Shabaab") in got


def test_regarding_as_targets_or_terrorists_is_hostility(nlp):
    got = triples(nlp, "The Front will treat French and Danish ships as legitimate targets.",
                  [("Front", G, "Front"), ("French", S, "France"), ("Danish", S, "Denmark")])
    assert {("Front", "OPPOSES", "France"), ("Front", "OPPOSES", "Denmark")} <= got
    got = triples(nlp, "The Front regards Denmark as a trading partner.",
                  [("Front", G, "Front"), ("Denmark", S, "Denmark")])
    assert not any(r == "OPPOSES" for _, r, _ in got)


def test_control_of_most_of_a_place(nlp):
    got = triples(nlp, "The rebels seized most of the Nuba Mountains in 2012.",
                  [("rebels", "GROUP", "rebels"), ("Nuba Mountains", L, "Nuba Mountains")])
    assert ("rebels", "CONTROLS", "Nuba Mountains") in got


def test_missiles_fired_at_a_city(nlp):
    got = triples(nlp, "The Front fired a dozen rockets at Goma on Sunday.",
                  [("Front", G, "Front"), ("Goma", L, "Goma")])
    assert ("Front", "ATTACKS", "Goma") in got


def test_coordinated_predicate_inside_a_relative_clause(nlp):
    got = triples(nlp, "The Somaliland government in Hargeisa, which hosts Emirati troops and has "
                       "close ties with Abu Dhabi, was named.",
                  [("Somaliland government", G, "Somaliland"), ("Hargeisa", L, "Hargeisa"),
                   ("Emirati troops", S, "United Arab Emirates"),
                   ("Abu Dhabi", S, "United Arab Emirates")])
    assert ("Somaliland", "ALLIED_WITH", "United Arab Emirates") in got \
        or ("United Arab Emirates", "ALLIED_WITH", "Somaliland") in got


def test_troops_mainly_at_places(nlp):
    got = triples(nlp, "Paris keeps 1,500 troops in Chad, mainly at Kossei base in N'Djamena "
                       "and at Faya in the north.",
                  [("Paris", S, "France"), ("Chad", S, "Chad"), ("Kossei base", F, "Kossei base"),
                   ("N'Djamena", L, "N'Djamena"), ("Faya", L, "Faya")])
    assert {("France", "DEPLOYED_IN", "Chad"), ("France", "DEPLOYED_IN", "Kossei base"),
            ("France", "DEPLOYED_IN", "Faya")} <= got


def test_second_passive_of_the_opening_subject(nlp):
    got = triples(nlp, "The Legion, formed in 2019 to guard mines, was merged into the army in "
                       "2021 and is headed by Omar Diallo.",
                  [("Legion", G, "Legion"), ("Omar Diallo", P, "Omar Diallo")])
    assert ("Omar Diallo", "LEADS", "Legion") in got


def test_dominant_member_and_main_component(nlp):
    got = triples(nlp, "The Front, an alliance dominated by the Lions, took Gao.",
                  [("Front", G, "Front"), ("Lions", G, "Lions"), ("Gao", L, "Gao")])
    assert ("Lions", "PART_OF", "Front") in got
    got = triples(nlp, "Mali fights the Azawad Lions (AL), the main component of the Front (F), "
                       "in Kidal.",
                  [("Mali", S, "Mali"), ("Azawad Lions", G, "Azawad Lions"),
                   ("AL", G, "Azawad Lions"),
                   ("Front", G, "Front"), ("F", G, "Front"), ("Kidal", L, "Kidal")])
    assert ("Azawad Lions", "PART_OF", "Front") in got
    assert ("Mali", "PART_OF", "Front") not in got


def test_its_naval_facility_in_a_town_is_its_base(nlp):
    got = triples(nlp, "China wants to expand its naval facility in Ream and the Kampot air base.",
                  [("China", S, "China"), ("its", S, "China"), ("Ream", L, "Ream"),
                   ("Kampot air base", F, "Kampot air base")])
    assert {("China", "OPERATES", "Ream base"), ("China", "OPERATES", "Kampot air base")} <= got
    got = triples(nlp, "Jets hit Shabaab facilities in Jilib and Bardhere.",
                  [("Shabaab", G, "Shabaab"), ("Jilib", L, "Jilib"), ("Bardhere", L, "Bardhere")])
    assert ("Shabaab", "DEPLOYED_IN", "Jilib") in got
    assert not any(r == "OPERATES" for _, r, _ in got)


def test_alliance_between_two_actors(nlp):
    got = triples(nlp, "He managed the security partnership between Chad and Niger.",
                  [("Chad", S, "Chad"), ("Niger", S, "Niger")])
    assert ("Chad", "ALLIED_WITH", "Niger") in got or ("Niger", "ALLIED_WITH", "Chad") in got


def test_deconfliction_channel_after_a_whose_parenthetical(nlp):
    got = triples(nlp, "France, whose navy operates from Djibouti port, has kept a deconfliction "
                       "line with the Chinese military.",
                  [("France", S, "France"), ("Djibouti port", F, "Djibouti port"),
                   ("Chinese military", S, "China")])
    assert ("France", "NEGOTIATES_WITH", "China") in got \
        or ("China", "NEGOTIATES_WITH", "France") in got
    assert ("France", "OPERATES", "Djibouti port") in got


def test_summoning_or_expelling_a_diplomat_is_a_protest(nlp):
    got = triples(nlp, "Mali expelled the French ambassador and summoned the Danish envoy.",
                  [("Mali", S, "Mali"), ("French", S, "France"), ("Danish", S, "Denmark")])
    assert {("Mali", "OPPOSES", "France"), ("Mali", "OPPOSES", "Denmark")} <= got
    assert ("Mali", "ATTACKS", "France") not in got


def test_where_clause_puts_forces_in_the_place(nlp):
    got = triples(nlp, "Jets flew to Mali, where Turkish troops train recruits.",
                  [("Mali", S, "Mali"), ("Turkish troops", S, "Turkey")])
    assert ("Turkey", "DEPLOYED_IN", "Mali") in got
    got = triples(nlp, "Talks moved to the Jebel Marra, where the Front has set up dozens of "
                       "posts.",
                  [("Jebel Marra", L, "Jebel Marra"), ("Front", G, "Front")])
    assert ("Front", "DEPLOYED_IN", "Jebel Marra") in got
    got = triples(nlp, "Talks were held in Doha, where the Front has a political office.",
                  [("Doha", L, "Doha"), ("Front", G, "Front")])
    assert not any(r == "DEPLOYED_IN" for _, r, _ in got)


def test_supporting_the_forces_of_a_titled_person(nlp):
    got = triples(nlp, "Egypt backs the forces of former commander Omar Diallo.",
                  [("Egypt", S, "Egypt"), ("Omar Diallo", P, "Omar Diallo")])
    assert ("Egypt", "BACKS", "Omar Diallo") in got


def test_forces_led_by_a_group_act_as_that_group(nlp):
    got = triples(nlp, "Rebel forces led by the Front (F) toppled President Omar Diallo.",
                  [("Front", G, "Front"), ("F", G, "Front"), ("Omar Diallo", P, "Omar Diallo")])
    assert ("Front", "ATTACKS", "Omar Diallo") in got
    got = triples(nlp, "The offensive by the Front toppled President Omar Diallo.",
                  [("Front", G, "Front"), ("Omar Diallo", P, "Omar Diallo")])
    assert ("Front", "ATTACKS", "Omar Diallo") in got


def test_intervening_on_behalf_of(nlp):
    got = triples(nlp, "In 2013 Chad intervened on behalf of the Malian government.",
                  [("Chad", S, "Chad"), ("Malian government", S, "Mali")])
    assert ("Chad", "BACKS", "Mali") in got


def test_alongside_after_a_long_place_phrase(nlp):
    got = triples(nlp, "Turkish police patrol parts of the N2 road near Gao alongside Malian "
                       "troops.",
                  [("Turkish police", S, "Turkey"), ("N2 road", F, "N2 road"), ("Gao", L, "Gao"),
                   ("Malian troops", S, "Mali")])
    assert ("Turkey", "ALLIED_WITH", "Mali") in got or ("Mali", "ALLIED_WITH", "Turkey") in got


def test_fire_at_target_with_a_demonym_in_the_filler_and_a_date_after(nlp):
    got = triples(nlp, "The Front launched Turkish-made drones at Niger on Sunday.",
                  [("Front", G, "Front"), ("Turkish", S, "Turkey"), ("Niger", S, "Niger")])
    assert ("Front", "ATTACKS", "Niger") in got
    assert ("Front", "ATTACKS", "Turkey") not in got


def test_claiming_an_unattributed_attack_bridges_to_its_target(nlp):
    text = ("A car bomb hit the Kossei base near Faya on Monday.\n"
            "The Front, a Chad-based rebel group, claimed the attack in a statement.")
    got = triples(nlp, text, [("Kossei base", F, "Kossei base"), ("Faya", L, "Faya"),
                              ("Front", G, "Front"), ("Chad", S, "Chad")])
    assert ("Front", "ATTACKS", "Kossei base") in got
    text = ("Rebels from the Front hit the Kossei base on Monday.\n"
            "The Lions said they might claim the attack.")
    got = triples(nlp, text, [("Front", G, "Front"), ("Kossei base", F, "Kossei base"),
                              ("Lions", G, "Lions")])
    assert ("Lions", "ATTACKS", "Kossei base") not in got
    # an attack whose attacker one rule named is not the one claimed, even when another
    # rule on the same cue left it open
    text = ("A car bomb attack on the Kossei base by the Lions killed two guards.\n"
            "The Front claimed the attack.")
    got = triples(nlp, text, [("Kossei base", F, "Kossei base"), ("Lions", G, "Lions"),
                              ("Front", G, "Front")])
    assert ("Lions", "ATTACKS", "Kossei base") in got
    assert ("Front", "ATTACKS", "Kossei base") not in got


def test_targets_used_by_a_group_stand_for_the_group(nlp):
    got = triples(nlp, "Kenyan jets destroyed 14 targets used by the Shabaab (AS) and the Front "
                       "near Gedo.",
                  [("Kenyan jets", S, "Kenya"), ("Shabaab", G, "Shabaab"), ("AS", G, "Shabaab"),
                   ("Front", G, "Front"), ("Gedo", L, "Gedo")])
    assert {("Kenya", "ATTACKS", "Shabaab"), ("Kenya", "ATTACKS", "Front")} <= got


def test_seen_in_a_place_as_is_a_view_not_a_presence(nlp):
    got = triples(nlp, "The Front is widely seen in Bamako as a spoiler.",
                  [("Front", G, "Front"), ("Bamako", L, "Bamako")])
    assert not any(r == "DEPLOYED_IN" for _, r, _ in got)
    got = triples(nlp, "Front fighters were seen in Bamako on Monday.",
                  [("Front", G, "Front"), ("Bamako", L, "Bamako")])
    assert ("Front", "DEPLOYED_IN", "Bamako") in got


def test_an_alliance_name_before_ally_labels_a_member(nlp):
    got = triples(nlp, "Kyiv urged Paris to restrain its NATO ally.",
                  [("Kyiv", S, "Ukraine"), ("Paris", S, "France"), ("its", S, "France"),
                   ("NATO", G, "NATO")])
    assert not any(o == "NATO" or s == "NATO" for s, _, o in got)
    got = triples(nlp, "Tehran armed its Hezbollah ally.",
                  [("Tehran", S, "Iran"), ("its", S, "Iran"), ("Hezbollah", G, "Hezbollah")])
    assert ("Iran", "ALLIED_WITH", "Hezbollah") in got \
        or ("Hezbollah", "ALLIED_WITH", "Iran") in got


def test_named_unit_apposed_to_a_possessed_unit_noun(nlp):
    got = triples(nlp, "Paris set up France's own naval mission, Operation Sentinel, last year.",
                  [("Paris", S, "France"), ("France", S, "France"),
                   ("Operation Sentinel", G, "Operation Sentinel")])
    assert ("Operation Sentinel", "PART_OF", "France") in got
    got = triples(nlp, "France praised the mission, Operation Sentinel, last year.",
                  [("France", S, "France"), ("Operation Sentinel", G, "Operation Sentinel")])
    assert ("Operation Sentinel", "PART_OF", "France") not in got
