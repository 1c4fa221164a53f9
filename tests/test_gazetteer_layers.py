"""The gazetteer as layers (world data < region file < the user's files) and the resolver
the pipeline owns: a configured gazetteer is the one every component resolves with."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import kg.components  # noqa: F401  (registers the factories)
from kg import resolve
from kg.gazetteer import (
    GazetteerError,
    load_gazetteer,
    packaged_paths,
    parse_lines,
    tokenize_surfaces,
)
from kg.nlp import customize_tokenizer


def _write(path: Path, *actors: dict) -> Path:
    path.write_text("".join(json.dumps(a) + "\n" for a in actors), encoding="utf-8")
    return path


def _pipeline(**config) -> spacy.language.Language:
    nlp = customize_tokenizer(spacy.blank("en"))
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities", config=config)
    nlp.add_pipe("kg_coref")
    return nlp


def _ents(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(e.text, e.label_, e.kb_id_) for e in nlp(text).ents]


# ------------------------------------------------------------------ the pipeline's resolver
def test_a_configured_gazetteer_is_the_one_resolution_uses(tmp_path):
    one = _write(tmp_path / "one.jsonl",
                 {"name": "Zorbia", "type": "STATE", "demonyms": ["Zorbian"]})
    nlp = _pipeline(gazetteer=str(one), detect_unknown=False)
    ents = _ents(nlp, "Zorbian forces shelled Syria. Damascus and Hezbollah said nothing.")
    assert ("Zorbian forces", "STATE", "Zorbia") in ents
    assert not any(kb in ("Syria", "Hezbollah") for _, _, kb in ents), ents
    ent = nlp.get_pipe("kg_entities")
    assert ent.resolver.canonical_name("Syria") is None
    assert ent.resolver.canonical_name("Zorbians") == ("Zorbia", "STATE")
    # inside the pipeline the module functions answer with the pipeline's resolver ...
    with resolve.using(ent.resolver):
        assert resolve.canonical_name("Damascus") is None
        assert resolve.is_demonym("Zorbian")
    # ... and outside it with the packaged data, as before
    assert resolve.canonical_name("Damascus") == ("Syria", "STATE")
    assert resolve.resolver_of(nlp) is ent.resolver


def test_coref_resolves_with_the_pipelines_resolver(tmp_path):
    one = _write(tmp_path / "one.jsonl",
                 {"name": "Zorbia", "type": "STATE", "demonyms": ["Zorbian"]})
    nlp = _pipeline(gazetteer=str(one))
    coref = nlp.get_pipe("kg_coref")
    seen = []
    real = coref._resolve

    def spy(doc):
        seen.append(resolve.current())
        return real(doc)

    coref._resolve = spy
    nlp("Zorbia sent troops. It said they would stay.")
    assert seen and seen[0] is nlp.get_pipe("kg_entities").resolver


def test_relations_resolve_with_the_pipelines_resolver(tmp_path, monkeypatch):
    one = _write(tmp_path / "one.jsonl",
                 {"name": "Zorbia", "type": "STATE", "demonyms": ["Zorbian"]},
                 {"name": "Zorbian Guard", "type": "ORGANIZATION", "part_of": "Zorbia"})
    nlp = _pipeline(gazetteer=str(one))
    nlp.add_pipe("kg_relations")
    doc = nlp.make_doc("Zorbia's Zorbian Guard attacked the Zorbian camp. The Zorbians backed it.")
    for name, proc in nlp.pipeline:
        if name == "kg_relations":
            break
        doc = proc(doc)
    seen = []
    real = resolve.current

    def spy():
        seen.append(real())
        return seen[-1]

    monkeypatch.setattr(resolve, "current", spy)
    nlp.get_pipe("kg_relations")(doc)
    monkeypatch.setattr(resolve, "current", real)
    mine = nlp.get_pipe("kg_entities").resolver
    assert seen and all(r is mine for r in seen)


# ------------------------------------------------------------------ layers
def test_user_files_layer_over_the_packaged_data(tmp_path, monkeypatch):
    user = _write(tmp_path / "user.jsonl",
                  {"name": "Zorbia", "type": "STATE", "demonyms": ["Zorbian"],
                   "capital": "Zorbgrad"},
                  # an override of a packaged actor: a new alias, the rest kept
                  {"name": "Iran", "type": "STATE", "aliases": ["Islamic Republic of Persia"]})
    monkeypatch.setenv("KG_GAZETTEER", str(user))
    gz = load_gazetteer()
    base = load_gazetteer(packaged_paths()[-1])
    assert load_gazetteer() is gz  # parsed once per list of files
    assert "Zorbia" in gz.actors and "Hezbollah" in gz.actors
    iran = gz.actors["Iran"]
    assert "Islamic Republic of Persia" in iran.aliases
    assert set(base.actors["Iran"].aliases) <= set(iran.aliases)
    assert iran.capital == "Tehran" and "Iranian" in iran.demonyms
    r = resolve.Resolver(gz)
    assert r.canonical_name("Zorbgrad") == ("Zorbia", "STATE")
    assert r.canonical_name("Tehran") == ("Iran", "STATE")


def test_the_higher_layer_wins_a_spelling_and_a_name(tmp_path):
    low = _write(tmp_path / "low.jsonl",
                 {"name": "Tripoli", "type": "LOCATION", "part_of": "Lebanon"},
                 {"name": "Lebanon", "type": "STATE", "aliases": ["Levant Republic"]},
                 {"name": "Czechia", "type": "STATE", "code": "CZE",
                  "aliases": ["Czech Republic"], "demonyms": ["Czech"]})
    high = _write(tmp_path / "high.jsonl",
                  {"name": "Libya", "type": "STATE", "capital": "Tripoli"},
                  {"name": "Levant Front", "type": "ORGANIZATION",
                   "aliases": ["Levant Republic"]},
                  {"name": "Czech Republic", "type": "STATE", "capital": "Prague"})
    gz = load_gazetteer(low, [high])
    # the world city named like the region's capital is left out; one node
    assert "Tripoli" not in gz.actors
    assert gz.lookup("Tripoli").actor == "Libya"
    assert gz.lookup("Levant Republic").actor == "Levant Front"
    assert gz.lookup("Lebanon").actor == "Lebanon"
    # same state under another name: merged, the higher layer's name wins
    assert "Czechia" not in gz.actors
    cz = gz.actors["Czech Republic"]
    assert cz.code == "CZE" and cz.capital == "Prague" and "Czechia" in cz.aliases
    assert gz.lookup("Czech").actor == "Czech Republic"
    assert all(s.actor in gz.actors for s in gz.surfaces)


def test_cue_places_are_not_matched_on_their_own(tmp_path):
    f = _write(tmp_path / "p.jsonl",
               {"name": "Kenya", "type": "STATE"},
               {"name": "Malindi", "type": "LOCATION", "part_of": "Kenya", "cue": True})
    gz = load_gazetteer(f)
    assert gz.lookup("Malindi") is None
    assert gz.cue_place("Malindi").part_of == "Kenya"
    assert not any(s.actor == "Malindi" for s in gz.surfaces)


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("line, message", [
    ("{not json", "not a valid gazetteer line"),
    (json.dumps({"name": "X", "type": "STATE", "alias": ["Y"]}), "unknown field 'alias'"),
    (json.dumps({"type": "STATE"}), "missing field 'name'"),
    (json.dumps({"name": "X", "type": "STATE", "aliases": "Y"}), "list of non-empty strings"),
    (json.dumps({"name": "X", "type": "CITY"}), "unknown entity type"),
    (json.dumps({"name": "X", "type": "GROUP", "capital": "Y"}), "only make sense"),
    (json.dumps({"name": "X", "type": "LOCATION", "cue": "yes"}), "true or false"),
    ("[1, 2]", "must be a JSON object"),
])
def test_a_bad_line_names_file_and_line(line, message):
    with pytest.raises(GazetteerError, match=rf"^my\.jsonl:2: .*{message}"):
        parse_lines(iter(['{"name": "A", "type": "STATE"}', line]), "my.jsonl")


def test_a_bad_user_file_is_one_line_on_the_command_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "A", "type": "STATE"}\n{"name": "B", "type": "STATE",\n',
                   encoding="utf-8")
    doc = tmp_path / "a.txt"
    doc.write_text("Iran backs Hezbollah.\n", encoding="utf-8")
    env = {**os.environ, "KG_GAZETTEER": str(bad)}
    p = subprocess.run([sys.executable, "-m", "kg", "extract", str(doc), "-o",
                        str(tmp_path / "t.jsonl")], capture_output=True, text=True, env=env,
                       timeout=120)
    assert p.returncode == 1
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in p.stderr, p.stderr
    assert f"{bad}:2:" in lines[0]


# ------------------------------------------------------------------ compiling
def test_surface_tokens_are_what_the_tokenizer_makes():
    nlp = customize_tokenizer(spacy.blank("en"))
    gz = load_gazetteer()
    texts = sorted({s.text for s in gz.surfaces} | {"Cannot City", "Ras al-Ain", "N'Djamena",
                                                    "Côte d'Ivoire", "São Tomé"})
    fast = tokenize_surfaces(nlp, texts)
    for t in texts:
        assert fast[t] == tuple(tok.text for tok in nlp.make_doc(t)), t
