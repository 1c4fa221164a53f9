"""The shared per-Doc token data (kg.tokens) and the fast paths built on it must give
exactly what spaCy's own Token/Span/Matcher APIs give: they replace those calls for speed
only."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, SENT_START
from spacy.tokens import Doc, Span

from kg import tokens
from kg.components.entity_rules import writing as E
from kg.components.sentences import line_sentences
from kg.nlp import load_pipeline

TEXTS = [
    "Iran-backed militias attacked the U.S. base at al-Tanf on Tuesday.\n\n"
    "The group said it would continue.  Officials in Damascus denied it.\n",
    "HEADLINE IN CAPITALS\nA second line without a stop\n \n\tThird paragraph, "
    "with \u201cquotes\u201d and (brackets) - dashes \u2013 and ISIS.",
    "One",
    "",
    "\n\n",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.mark.parametrize("text", TEXTS + [" ".join(TEXTS * 20)])  # short and long paths
def test_token_data_matches_spacy(nlp, text):
    doc = nlp(text)
    data = tokens.TokenData(doc)
    assert data.text == [t.text for t in doc]
    assert data.lower == [t.lower_ for t in doc]
    assert data.ws == [t.whitespace_ for t in doc]
    assert data.idx == [t.idx for t in doc]
    assert data.alpha == [t.is_alpha for t in doc]
    assert data.lowercase == [t.is_lower for t in doc]
    assert data.punct == [t.is_punct for t in doc]
    assert data.space == [t.is_space for t in doc]
    assert data.doc_text == doc.text
    if len(doc):
        assert data.sent_starts == [s.start for s in doc.sents]
        assert data.sentences() == [(s.start, s.end) for s in doc.sents]
    for s in range(len(doc)):
        for e in range(s, min(len(doc), s + 5) + 1):
            assert data.span_text(s, e) == doc[s:e].text
    for words in ({"the", "it", "and"}, frozenset(data.lower), set()):
        assert data.where(words) == [i for i, w in enumerate(data.lower) if w in words]
        assert data.where_text(words) == [i for i, w in enumerate(data.text) if w in words]
    assert data.where_text_has("\n") == [i for i, w in enumerate(data.text) if "\n" in w]
    assert data.text_flags(str.istitle) == [w.istitle() for w in data.text]
    assert data.text_positions(str.istitle) == [i for i, w in enumerate(data.text) if w.istitle()]


def test_token_data_is_cached_per_doc_and_rebuilt_after_retokenizing(nlp):
    doc = nlp("Iran backs Hezbollah in Lebanon.")
    other = nlp("Turkey opposes the SDF.")
    first = tokens.token_data(doc)
    assert tokens.token_data(other) is not first
    assert tokens.token_data(doc) is first
    with doc.retokenize() as retok:
        retok.merge(doc[3:5])
    fresh = tokens.token_data(doc)
    assert fresh is not first and fresh.text == [t.text for t in doc]
    assert tokens.cached_text(doc) == doc.text


def _line_sentences_reference(doc: Doc) -> Doc:
    """The original token-by-token rule the array version replaces."""
    after_break = False
    for tok in doc:
        if after_break and not tok.is_space:
            tok.is_sent_start = True
            after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
    return doc


@pytest.mark.parametrize("text", TEXTS + ["a\nb", "\na", "a\n", "x \n \n y\n\n\nz w\n"])
def test_line_sentences_same_boundaries_as_token_by_token(text):
    nlp = spacy.blank("en")
    fast = line_sentences(nlp.make_doc(text))
    slow = _line_sentences_reference(nlp.make_doc(text))
    assert fast.to_array([SENT_START]).tolist() == slow.to_array([SENT_START]).tolist()


def test_line_sentences_handles_newlines_inside_hand_built_words():
    vocab = spacy.blank("en").vocab
    words, spaces = ["a", "b\nc", "d", "\n", "e"], [True, False, True, False, False]
    fast = line_sentences(Doc(vocab, words=words, spaces=spaces))
    slow = _line_sentences_reference(Doc(vocab, words=words, spaces=spaces))
    assert fast.to_array([SENT_START]).tolist() == slow.to_array([SENT_START]).tolist()


def _entity_state(doc: Doc):
    return (doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]).tolist(),
            [(e.start, e.end, e.label_, e.kb_id_, e._.kg_source, e._.kg_confidence)
             for e in doc.ents],
            [(s.start, s.end, s.label_, s.kb_id_, s._.kg_title) for s in doc.spans["kg_titles"]])


def test_fast_entity_writing_equals_set_ents(nlp, monkeypatch):
    text = TEXTS[0] + " US President Donald Trump met Syrian forces near Deir ez-Zor."
    with nlp.select_pipes(enable=["kg_line_sentences", "sentencizer", "lemmatizer",
                                  "kg_entities"]):
        assert E._FAST_EXT, "spaCy's span extension keys changed: the fast path is off"
        fast = _entity_state(nlp(text))
        monkeypatch.setattr(E, "_FAST_EXT", False)
        slow = _entity_state(nlp(text))
    assert fast == slow
    assert fast[1], "the text has entities"


def test_cue_matcher_shortcuts_change_nothing(nlp):
    rel = nlp.get_pipe("kg_relations")
    cm = rel.matcher
    with nlp.select_pipes(disable=["kg_relations"]):
        docs = [nlp(t) for t in TEXTS[:2]] + [nlp(
            "Russia backs Assad. The SDF, backed by the US, fought ISIS in Raqqa and "
            "Turkey-backed rebels attacked Kurdish forces in Afrin.")]
    fast = [cm(d) for d in docs]
    single, needs = cm.single, cm.needs
    try:
        cm.single, cm.needs = set(), {}
        slow = [cm(d) for d in docs]
    finally:
        cm.single, cm.needs = single, needs
    assert fast == slow
    assert any(fast)


def test_line_sentences_on_a_parsed_doc_raises_like_spacy():
    vocab = spacy.blank("en").vocab
    words = ["Iran", "acts", "\n", "Syria", "waits"]
    doc = Doc(vocab, words=words, spaces=[True, False, False, True, False],
              heads=[1, 1, 1, 4, 4], deps=["nsubj", "ROOT", "dep", "nsubj", "ROOT"])
    with pytest.raises(ValueError):
        line_sentences(doc)


@pytest.mark.parametrize("text", TEXTS + [" ".join(TEXTS * 20)])
def test_entity_runs_match_doc_ents(nlp, text):
    from kg.rel.mentions import entity_runs

    doc = nlp(text)
    assert entity_runs(doc) == [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]


def test_entity_runs_on_hand_set_ents():
    from kg.rel.mentions import entity_runs

    doc = Doc(spacy.blank("en").vocab, words=["a", "b", "c", "d", "e", "f"])
    doc.set_ents([Span(doc, 0, 2, label="STATE", kb_id="X"), Span(doc, 2, 3, label="GROUP"),
                  Span(doc, 4, 6, label="STATE")])
    assert entity_runs(doc) == [(0, 2, "STATE", "X"), (2, 3, "GROUP", ""), (4, 6, "STATE", "")]
    assert entity_runs(doc) == [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
    assert entity_runs(Doc(doc.vocab, words=[])) == []


@pytest.mark.parametrize("length", [6, 40, 250])  # the short (loop) and long (numpy) paths
def test_entity_runs_on_random_tags_match_doc_ents(length):
    """Random IOB tags, labels and kb ids (B without a label, I after O, adjacent B's):
    entity_runs gives doc.ents' spans, or None where doc.ents raises."""
    import random

    import numpy

    from kg.rel.mentions import entity_runs

    vocab = spacy.blank("en").vocab
    labels = [0] + [vocab.strings.add(x) for x in ("STATE", "GROUP")]
    kbs = [0] + [vocab.strings.add(x) for x in ("X", "Y")]
    rng = random.Random(length)
    raised = 0
    for _ in range(300):
        doc = Doc(vocab, words=["w"] * length)
        arr = numpy.array([[rng.choice([1, 2, 3, 3]), rng.choice(labels), rng.choice(kbs)]
                           for _ in range(length)], dtype="uint64")
        if rng.random() < 0.7:  # mostly consistent tags: no "I" outside an entity
            inside = False
            for i in range(length):
                if arr[i, 0] == 1 and not inside:
                    arr[i, 0] = 2
                inside = arr[i, 0] == 1 and inside or arr[i, 0] == 3 and arr[i, 1] != 0
        doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], arr)
        try:
            want = [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
        except ValueError:
            want = None
            raised += 1
        assert entity_runs(doc) == want
    assert 0 < raised < 300
