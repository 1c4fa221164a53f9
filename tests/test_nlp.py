"""The pipeline loader: blank fallback, trained pipelines, caching, user pipelines."""

from __future__ import annotations

import pytest
import spacy

from kg import nlp as kgnlp
from kg.nlp import ModelNotFoundError, has_trained_pipeline, load_pipeline


def test_blank_fallback_builds_with_kg_components(monkeypatch):
    monkeypatch.delenv("KG_SPACY_MODEL", raising=False)
    nlp = load_pipeline()
    names = nlp.pipe_names
    assert "sentencizer" in names and "lemmatizer" in names
    assert names.index("kg_entities") < names.index("kg_coref")
    doc = nlp("Tehran denied that the IRGC armed Kataib Hezbollah near Albukamal.")
    got = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Tehran", "STATE", "Iran") in got
    assert ("IRGC", "ORGANIZATION", "IRGC") in got
    assert ("Kataib Hezbollah", "ORGANIZATION", "Kataib Hezbollah") in got
    assert ("Albukamal", "LOCATION", "Albukamal") in got
    assert all(e.kb_id_ for e in doc.ents)


def test_lookup_lemmatizer_is_initialised():
    doc = load_pipeline()("The militias were attacking the bases.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["militias"] == "militia"
    assert lemmas["attacking"] == "attack"


def test_pipeline_is_cached():
    assert load_pipeline() is load_pipeline(None)
    assert load_pipeline("blank:en") is load_pipeline()


def test_unknown_model_gives_clear_error():
    with pytest.raises(ModelNotFoundError, match="not installed"):
        load_pipeline("en_no_such_pipeline_xyz")


def test_env_var_names_the_model(monkeypatch):
    monkeypatch.setenv("KG_SPACY_MODEL", "en_no_such_pipeline_xyz")
    assert kgnlp.model_name() == "en_no_such_pipeline_xyz"
    with pytest.raises(ModelNotFoundError, match="KG_SPACY_MODEL"):
        load_pipeline()
    monkeypatch.setenv("KG_SPACY_MODEL", "")
    assert kgnlp.model_name() == "blank:en"


def test_us_backed_is_split_so_the_backer_is_an_entity():
    doc = load_pipeline()("The U.S.-backed fighters crossed the river.")
    assert [t.text for t in doc][:4] == ["The", "U.S.", "-", "backed"]
    ent = doc.ents[0]
    assert (ent.text, ent.kb_id_) == ("U.S.", "United States")


def test_line_breaks_end_sentences():
    doc = load_pipeline()("Iran Expands Its Reach\nRussia opened a base in Qamishli.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "Iran Expands Its Reach"


def test_add_pipe_in_a_users_own_pipeline():
    import kg.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_coref")
    doc = nlp("Hezbollah said the group would respond. Syrian forces shelled Idlib.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [
        ("Hezbollah", "Hezbollah"), ("Syrian forces", "Syria"), ("Idlib", "Idlib")]
    assert [(s.text, s.kb_id_) for s in doc.spans["kg_coref"]] == [("the group", "Hezbollah")]


def test_trained_pipeline_maps_ner_into_the_ontology():
    name = has_trained_pipeline()
    if name is None:
        pytest.skip("no trained spaCy pipeline installed")
    nlp = load_pipeline(name)
    assert "ner" in nlp.pipe_names and "kg_entities" in nlp.pipe_names
    doc = nlp("Iranian forces and the Houthis met Ahmad Zubaidi, a trader from Karbala.")
    labels = {e.label_ for e in doc.ents}
    assert labels <= {"STATE", "ORGANIZATION", "PERSON", "GROUP", "FACILITY", "LOCATION"}
    kb = {e.text: e.kb_id_ for e in doc.ents}
    assert kb.get("Iranian forces") == "Iran"       # the gazetteer wins over the NER
    assert kb.get("Houthis") == "Houthis"
    assert "kg_ner" in doc.spans


def test_existing_ner_is_mapped_into_the_ontology():
    """What kg_entities does with a model's NER, shown with an EntityRuler producing the
    same labels a trained English NER does (ORG, GPE, PERSON, NORP, DATE)."""
    import kg.components  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "ORG", "pattern": "Green Crescent Society"},
        {"label": "GPE", "pattern": "Iran"},
        {"label": "GPE", "pattern": "Zubair"},
        {"label": "PERSON", "pattern": "Ahmad Zubaidi"},
        {"label": "NORP", "pattern": "Iranian"},
        {"label": "DATE", "pattern": "Monday"},
        {"label": "ORG", "pattern": "the Houthis"},
    ])
    nlp.add_pipe("kg_entities")
    doc = nlp("On Monday the Green Crescent Society and Ahmad Zubaidi left Zubair for Iran "
              "with Iranian help, the Houthis said.")
    got = {e.text: (e.label_, e.kb_id_) for e in doc.ents}
    assert got["Green Crescent Society"] == ("ORGANIZATION", "Green Crescent Society")
    assert got["Ahmad Zubaidi"] == ("PERSON", "Ahmad Zubaidi")
    assert got["Zubair"] == ("LOCATION", "Zubair")
    assert got["Iran"] == ("STATE", "Iran")          # the gazetteer wins
    assert got["Iranian"] == ("STATE", "Iran")
    assert got["Houthis"] == ("ORGANIZATION", "Houthis")
    assert "Monday" not in got
    assert "DATE" in {s.label_ for s in doc.spans["kg_ner"]}


def test_cli_reports_a_missing_model_without_a_traceback(tmp_path):
    from click.testing import CliRunner

    from kg.cli.app import cli

    src = tmp_path / "a.txt"
    src.write_text("Tehran armed the militia.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(src), "-o", str(tmp_path / "t.jsonl"),
                                      "--model", "en_no_such_pipeline_xyz"])
    assert result.exit_code == 1
    assert "not installed" in result.output
    assert "Traceback" not in result.output
