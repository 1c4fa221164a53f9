"""A what-if for ``workers=N``: a process pool of whole Extractors that send back triples.

This is not kg code. spaCy's ``nlp.pipe(n_process=N)`` sends every processed ``Doc``
back to the parent, which deserialises it (``Doc.from_bytes``) before kg turns it into
triples; on two cores that costs about as much as the extraction itself. Here each
worker runs the full extraction on a chunk of documents and returns only the triples,
which are small. The benchmark times it next to ``workers=1`` so the report can say
what a different split of the work would gain on this machine.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterator

_extractor = None
CHUNK = 16


def _init() -> None:
    global _extractor
    from kg.extractor import Extractor

    _extractor = Extractor(model=None)  # forked: the parent's cached pipeline, no reload


def _work(chunk: list) -> list:
    return [t.to_dict() for t in _extractor.extract(chunk, workers=1)]


def extract_pool(documents: list, workers: int = 2) -> Iterator[dict]:
    """Triples (as dicts) of ``documents``, in order, from ``workers`` forked processes."""
    chunks = [documents[i:i + CHUNK] for i in range(0, len(documents), CHUNK)]
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_init) as pool:
        for triples in pool.imap(_work, chunks):
            yield from triples
