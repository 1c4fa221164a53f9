"""``workers > 1``: same triples as one process, in order, without reading the corpus ahead."""

from pathlib import Path

import pytest

from kg.extractor import Extractor
from kg.model import Document
from kg.parallel import AHEAD, CHUNK, can_fork
from kg.read import ReadReport, read_file

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

pytestmark = pytest.mark.skipif(not can_fork(), reason="this platform cannot fork processes")


def _documents() -> list[Document]:
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        docs += read_file(path, ReadReport())
    # enough documents for several chunks per worker, with distinct ids
    return [Document(f"{d.id}-{i}", d.text, d.date) for i in range(12) for d in docs]


def test_two_workers_give_the_same_triples_in_the_same_order():
    docs = _documents()
    extractor = Extractor()
    one = [t.to_dict() for t in extractor.extract(docs, workers=1)]
    two = [t.to_dict() for t in extractor.extract(docs, workers=2)]
    assert len(one) > 50
    assert two == one


def test_workers_read_the_input_only_a_few_chunks_ahead():
    docs = _documents()
    consumed = 0

    def stream():
        nonlocal consumed
        for d in docs:
            consumed += 1
            yield d

    triples = Extractor().extract(stream(), workers=2)
    next(triples)
    assert consumed <= CHUNK * (AHEAD * 2 + 1) < len(docs)
    triples.close()
