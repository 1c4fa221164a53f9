"""The Extractor end to end with the real kg pipeline (blank fallback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extractor import BATCH_SIZE, Extractor
from kg.model import Document, Triple

SHARED = Path(os.environ.get("KG_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
SEEDS = SHARED / "seeds"
GOLD = SHARED / "eval" / "seeds.gold.jsonl"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


TEXT = ("Iran backs Hezbollah, officials said on 5 June 2020.\n\n"
        "Iran backs Hezbollah. The United States sanctioned Hezbollah.")


def test_triples_have_evidence_offsets_and_qualifiers(extractor):
    triples = extractor.extract_one(Document("t.txt", TEXT, date="2021-01-02"))
    assert all(isinstance(t, Triple) for t in triples)
    for t in triples:
        assert TEXT[t.start:t.end] == t.sentence
        assert t.doc_id == "t.txt" and t.rule and 0 < t.confidence <= 1
    backs = [t for t in triples if (t.subject, t.relation, t.object) == ("Iran", "BACKS",
                                                                         "Hezbollah")]
    # same triple in two sentences: two pieces of evidence, each once
    assert len(backs) == 2
    assert {t.date for t in backs} == {"2020-06-05", "2021-01-02"}
    assert any((t.subject, t.relation, t.object) == ("United States", "OPPOSES", "Hezbollah")
               for t in triples)


def test_duplicate_rules_in_one_sentence_give_one_triple(extractor):
    text = "Syria, backed by Russia, and the Russia-backed Syria talk."
    triples = extractor.extract_one(Document("d", text))
    keys = [(t.subject, t.relation, t.object, t.start) for t in triples]
    assert len(keys) == len(set(keys))


def test_extract_streams(extractor):
    pulled = 0

    def docs():
        nonlocal pulled
        for n in range(10_000):
            pulled += 1
            yield Document(f"d{n}", "Iran backs Hezbollah.")

    first = next(iter(extractor.extract(docs())))
    assert first.doc_id == "d0"
    assert pulled <= 4 * BATCH_SIZE  # not the whole corpus


def test_workers_two_gives_the_same_triples(extractor):
    docs = [Document(f"d{n}", "Iran backs Hezbollah. Turkey condemned Israel.")
            for n in range(6)]
    one = [t.to_dict() for t in extractor.extract(docs, workers=1)]
    two = [t.to_dict() for t in extractor.extract(docs, workers=2)]
    assert one == two and len(one) == 12


def test_accepts_a_user_pipeline():
    from kg.nlp import build_pipeline

    nlp = build_pipeline()
    nlp.remove_pipe("kg_relations")
    ex = Extractor(nlp=nlp)
    assert "kg_relations" in ex.nlp.pipe_names
    assert ex.extract_one(Document("x", "Iran backs Hezbollah."))


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"shared seed articles not found at {SEEDS}")
def test_seed_articles_end_to_end(extractor, tmp_path):
    from kg.read import ReadReport, discover, read_file

    report = ReadReport()
    docs = [d for p in discover([SEEDS], report) for d in read_file(p, report)]
    triples = list(extractor.extract(docs))
    got = {(t.subject, t.relation, t.object) for t in triples if not t.negated}
    # the design card's two examples
    assert ("IRGC", "BACKS", "Kataib Hezbollah") in got
    assert ("United States", "OPERATES", "Al-Tanf base") in got
    bridge = [t for t in triples if t.rule == "bridge.descriptor"]
    assert bridge and all(t.confidence == 0.5 for t in bridge)
    if GOLD.is_file() and SCORER.is_file():
        pred = tmp_path / "t.jsonl"
        pred.write_text("".join(t.to_json() + "\n" for t in triples), encoding="utf-8")
        out = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred), "--json"],
                             capture_output=True, text=True, check=True).stdout
        score = json.loads(out.strip().splitlines()[-1])
        assert score["P"] >= 0.85 and score["R"] >= 0.70, score


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Iran", "Iran backs", "- pro -",
                                  "Hezbollah, which", "pro-Iran", "backed by Iran",
                                  "US-backed\n\nHezbollah"])
def test_degenerate_texts_give_no_error(extractor, text):
    assert extractor.extract_one(Document("x", text)) == []


def test_random_word_salad_does_not_crash(extractor):
    import random

    vocab = ("Iran Syria Hezbollah IRGC the US 's , . ; - ( ) \" and which who that by of in "
             "to against backed pro supports attacked deployed base has was under control "
             "talks among allies said not denied including Syrian forces group its their it "
             "assassination strikes transfer weapons granted asylum President commander")
    words = [*vocab.split(), "\n\n"]
    rng = random.Random(7)
    docs = [Document(f"r{n}", " ".join(rng.choice(words) for _ in range(rng.randint(1, 50))))
            for n in range(150)]
    for t in extractor.extract(docs):
        assert t.subject != t.object and t.start <= t.end
