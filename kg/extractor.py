"""Documents in, :class:`~kg.model.Triple` objects out, as a stream.

:class:`Extractor` runs the kg spaCy pipeline (:func:`kg.nlp.load_pipeline`) over documents
with ``nlp.pipe(..., as_tuples=True)``, so only one batch of documents is in memory at a
time; ``workers > 1`` runs whole extractors in worker processes. The extraction skips a
lemmatizer whose lemmas nothing after it reads (no kg rule reads them unless a rule file's
raw pattern tests LEMMA; see :func:`kg.nlp.unread_lemmatizers`). Each relation candidate of
``doc._.kg_relations`` (see :mod:`kg.components.relations`) becomes a Triple with the
evidence sentence, its character offsets in the document, and a date
(:func:`kg.qualifiers.date_for`). Identical (subject, relation, object, sentence) within a
document are emitted once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import ontology
from .model import Document, Triple
from .qualifiers import date_for
from .tokens import cached_text

BATCH_SIZE = 16


class Extractor:
    """Extract triples with a kg pipeline (``model``: a trained spaCy pipeline name, or None
    for the blank fallback; or pass a ready ``nlp`` that contains ``kg_relations``)."""

    def __init__(self, model: str | None = None, nlp: Language | None = None) -> None:
        if nlp is None:
            from .nlp import load_pipeline

            nlp = load_pipeline(model)
        if "kg_relations" not in nlp.pipe_names:
            from .components import relations  # noqa: F401  (registers the factory)

            nlp.add_pipe("kg_relations", last=True)
        self.nlp = nlp
        self._skip_for: tuple[str, ...] | None = None
        self._skip: list[str] = []

    @property
    def skipped_pipes(self) -> list[str]:
        """The pipes the extraction does not run: lemmatizers whose lemmas nothing after
        them reads (:func:`kg.nlp.unread_lemmatizers`; re-checked when the pipeline's pipes
        change). ``self.nlp(text)`` still runs every pipe."""
        names = tuple(self.nlp.pipe_names)
        if names != self._skip_for:
            from .nlp import unread_lemmatizers

            self._skip_for, self._skip = names, unread_lemmatizers(self.nlp)
        return self._skip

    def extract(self, documents: Iterable[Document], workers: int = 1) -> Iterator[Triple]:
        """Triples of every document, in document order, streamed.

        ``workers > 1`` forks worker processes that send back triples (:mod:`kg.parallel`);
        where fork is not available it falls back to spaCy's ``n_process``.
        """
        n_process = max(1, int(workers or 1))
        if n_process > 1:
            from .parallel import can_fork, extract_parallel

            if can_fork():
                yield from extract_parallel(self, documents, n_process)
                return
        stream = ((d.text, (d.id, d.date, d.source)) for d in documents)
        for doc, (doc_id, date, source) in self.nlp.pipe(stream, as_tuples=True,
                                                         n_process=n_process,
                                                         batch_size=BATCH_SIZE,
                                                         disable=self.skipped_pipes):
            yield from self.triples(doc, doc_id, date, source)

    def extract_one(self, document: Document) -> list[Triple]:
        doc = self.nlp(document.text, disable=self.skipped_pipes)
        return list(self.triples(doc, document.id, document.date, document.source))

    @staticmethod
    def triples(doc: Doc, doc_id: str, date: str | None = None,
                source: str | None = None) -> Iterator[Triple]:
        """Triples from one processed Doc (its ``kg_relations`` records)."""
        seen: set[tuple[str, str, str, int]] = set()
        text = cached_text(doc)  # doc.text rebuilds the text token by token
        symmetric = ontology.symmetric_relations()
        dates: dict[tuple[int, int], str | None] = {}  # one date lookup per sentence
        for rec in doc._.kg_relations or []:
            s0, s1 = rec["sent"]
            key = (rec["subject"], rec["relation"], rec["object"], s0)
            if rec["relation"] in symmetric:
                a, b = sorted((rec["subject"], rec["object"]))
                key = (a, rec["relation"], b, s0)
            if key in seen:
                continue
            seen.add(key)
            if (s0, s1) not in dates:
                dates[(s0, s1)] = date_for(text, s0, s1, date)
            yield _triple(rec, doc_id, text, s0, s1, dates[(s0, s1)], source)


def _triple(rec: dict[str, Any], doc_id: str, text: str, s0: int, s1: int,
            date: str | None, source: str | None = None) -> Triple:
    """The Triple of one record; ``date`` is the sentence's date (see ``date_for``)."""
    return Triple(
        subject=rec["subject"], subject_type=rec["subject_type"], relation=rec["relation"],
        object=rec["object"], object_type=rec["object_type"], doc_id=doc_id,
        sentence=text[s0:s1], start=s0, end=s1, rule=rec["rule"],
        confidence=float(rec["confidence"]), negated=bool(rec["negated"]),
        attributed_to=rec.get("attributed_to"), date=date, source=source)
