"""The extractor skips a lemmatizer whose lemmas nothing reads (kg.nlp.unread_lemmatizers),
for speed: no built-in rule tests LEMMA, and the blank pipeline's lookup lemmatizer was about
a seventh of an extraction pass's instructions (a tenth of its time). It must run again as
soon as a rule file's raw pattern tests LEMMA, or a pipe kg knows nothing about comes after
it; ``nlp(text)`` always lemmatises (tests/test_nlp.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from kg.extractor import Extractor
from kg.model import Document
from kg.nlp import build_pipeline, has_trained_pipeline, load_pipeline
from kg.rel.rules import RELATIONS_DIR

# invented sentences; "strafed" is a verb of no built-in rule (only the LEMMA rule below)
TEXTS = [
    "Turkey strafed the PKK near Sinjar. Iran armed the Houthis, which attacked Israel.",
    "Russia was backing the Syrian army; the militias were shelling the base at Palmyra.",
]
LEMMA_RULE = {"id": "ATTACKS.strafe_lemma", "frame": "svo", "example": "Turkey strafed the PKK.",
              "pattern": [{"LEMMA": "strafe"}]}


def _found(extractor: Extractor) -> set[tuple[str, str, str, str]]:
    docs = [Document(id=f"d{i}", text=t) for i, t in enumerate(TEXTS)]
    return {(t.subject, t.relation, t.object, t.rule) for t in extractor.extract(docs)}


def test_default_extractor_skips_the_lemmatizer_with_the_same_triples():
    extractor = Extractor()
    assert extractor.skipped_pipes == ["lemmatizer"]
    assert "lemmatizer" in extractor.nlp.pipe_names  # still in the pipeline for nlp(text)
    assert not any(r.reads_lemmas for _, r in extractor.nlp.pipeline
                   if hasattr(r, "reads_lemmas"))
    # the triples of Docs that went through the lemmatizer are the extraction's
    with_lemmas = {(t.subject, t.relation, t.object, t.rule)
                   for i, doc in enumerate(extractor.nlp.pipe(TEXTS))
                   for t in Extractor.triples(doc, f"d{i}")}
    got = _found(extractor)
    assert got == with_lemmas
    assert ("Russia", "BACKS", "Syria") in {g[:3] for g in got}


def test_a_rule_that_tests_lemma_keeps_the_lemmatizer(tmp_path: Path):
    rules = tmp_path / "relations"
    rules.mkdir()
    # the packaged ATTACKS file (types, word lists) with this one rule as its only rule
    packaged = json.loads((RELATIONS_DIR / "ATTACKS.json").read_text(encoding="utf-8"))
    (rules / "ATTACKS.json").write_text(json.dumps(
        {**packaged, "token_rules": [LEMMA_RULE], "dependency_rules": []}), encoding="utf-8")
    nlp = build_pipeline()
    nlp.remove_pipe("kg_relations")
    relations = nlp.add_pipe("kg_relations", config={"rules_dir": str(rules)})
    assert relations.reads_lemmas
    extractor = Extractor(nlp=nlp)
    assert extractor.skipped_pipes == []
    # the rule fires on lemmatised tokens, through the extractor; without the lemmatizer
    # spaCy's Matcher refuses a LEMMA pattern outright (E155)
    assert ("Turkey", "ATTACKS", "PKK", "ATTACKS.strafe_lemma") in _found(extractor)
    with pytest.raises(ValueError, match="lemmatizer"):
        nlp(TEXTS[0], disable=["lemmatizer"])


if not Doc.has_extension("test_lemmas"):
    Doc.set_extension("test_lemmas", default=None)


@Language.component("test_lemma_reader")
def _lemma_reader(doc: Doc) -> Doc:
    """A user's component after the lemmatizer: kg cannot know what it reads."""
    doc._.test_lemmas = [t.lemma_ for t in doc]
    return doc


def test_an_unknown_pipe_after_the_lemmatizer_keeps_it():
    nlp = build_pipeline()
    nlp.add_pipe("test_lemma_reader", after="lemmatizer")
    extractor = Extractor(nlp=nlp)
    assert extractor.skipped_pipes == []
    [doc] = nlp.pipe(["Militias were attacking bases."], disable=extractor.skipped_pipes)
    assert doc._.test_lemmas[1:3] == ["be", "attack"]
    nlp.remove_pipe("test_lemma_reader")  # the check follows the pipeline's pipes
    assert extractor.skipped_pipes == ["lemmatizer"]


def test_lemmatizer_still_runs_for_nlp_text():
    extractor = Extractor(nlp=load_pipeline())
    assert extractor.skipped_pipes == ["lemmatizer"]
    assert [t.lemma_ for t in extractor.nlp("The militias were attacking.")][1:4] == [
        "militia", "be", "attack"]


def test_trained_pipeline_skips_its_lemmatizer():
    name = has_trained_pipeline()
    if name is None:
        pytest.skip("no trained English pipeline installed")
    extractor = Extractor(name)
    # ner comes after the lemmatizer there, and its features are not lemmas
    assert extractor.nlp.pipe_names.index("ner") > extractor.nlp.pipe_names.index("lemmatizer")
    assert extractor.skipped_pipes == ["lemmatizer"]
    assert extractor.nlp("The militias were attacking.")[3].lemma_ == "attack"
