"""Extraction across processes: each worker runs a whole Extractor and sends back triples.

spaCy's ``nlp.pipe(n_process=N)`` sends every processed Doc back to the parent, which
rebuilds it before kg reads its relations. On two cores that costs about as much as the
extraction itself, so a second process made runs slower (BENCHMARKS.md). Triples are small,
so sending those back instead is what makes extra processes pay.

Workers are forked, so they share the parent's loaded pipeline instead of loading their own.
Work is submitted only a few chunks ahead of what has been yielded, which keeps memory
bounded whatever the corpus size. (``Pool.imap`` would read the whole input ahead.) Output
comes in input order.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from .model import Document, Triple

if TYPE_CHECKING:
    from .extractor import Extractor

CHUNK = 16  # documents per task: large enough to amortise pickling, small enough to stream
AHEAD = 2  # tasks in flight per worker

_extractor: Extractor | None = None  # set in the parent before forking; inherited by workers


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def _worker_signals() -> None:
    """A forked worker inherits kg's SIGTERM/SIGHUP handler (kg.cli.app), which raises
    SystemExit: in a pool worker that can leave the pool waiting forever when the pool
    is terminated. Workers die on those signals at once, as pool workers should."""
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, signal.SIG_DFL)


def _work(chunk: list[Document]) -> list[Triple]:
    assert _extractor is not None
    return list(_extractor.extract(chunk, workers=1))


def extract_parallel(extractor: Extractor, documents: Iterable[Document],
                     workers: int) -> Iterator[Triple]:
    """Triples of ``documents`` from ``workers`` forked processes, streamed in input order."""
    global _extractor
    _extractor = extractor
    docs = iter(documents)
    with mp.get_context("fork").Pool(workers, initializer=_worker_signals) as pool:
        pending: deque = deque()

        def submit() -> bool:
            chunk = list(islice(docs, CHUNK))
            if chunk:
                pending.append(pool.apply_async(_work, (chunk,)))
            return bool(chunk)

        for _ in range(AHEAD * workers):
            if not submit():
                break
        while pending:
            triples = pending.popleft().get()
            submit()
            yield from triples
