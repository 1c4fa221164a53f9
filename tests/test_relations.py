"""The kg_relations component on Docs whose entities are set by hand.

The entities are given explicitly (text, label, canonical name) so these tests exercise the
relation frames alone, not the gazetteer. Every sentence here is written for the test.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

import kg.components.relations  # noqa: F401  (registers kg_relations)
from kg.rel.patterns import PatternError, inflect, load_rules


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
    got = triples(nlp, "Erdogan warns Greece will pay a price.",
                  [("Erdogan", P, "Recep Tayyip Erdogan"), ("Greece", S, "Greece")])
    assert not got


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
    assert ("Russia", "OPERATES", "Tartus base") in got
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
    assert ("Hezbollah", "PART_OF", "Lebanon") in got
    assert ("Nineveh", "LOCATED_IN", "Iraq") in got


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


# ---- pattern files ------------------------------------------------------------------------------

def test_pattern_files_load_and_ids_are_unique():
    rules = load_rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids)) and len(ids) > 30
    assert {r.relation for r in rules} >= {"BACKS", "ATTACKS", "OPPOSES", "OPERATES", "CONTROLS",
                                           "DEPLOYED_IN", "LOCATED_IN", "PART_OF", "LEADS",
                                           "RECRUITS", "NEGOTIATES_WITH", "ALLIED_WITH"}


def test_bad_pattern_file_is_a_clear_error(tmp_path):
    (tmp_path / "BACKS.json").write_text(
        '{"relation": "BACKS", "token_rules": [{"id": "x", "frame": "nope", "pattern": ["a"]}]}')
    with pytest.raises(PatternError, match="unknown frame"):
        load_rules(tmp_path)


def test_inflect():
    assert {"supports", "supported", "supporting"} <= set(inflect("support"))
    assert "fought" in inflect("fight") and "financed" in inflect("finance")


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
