"""Writing the chosen entities to the Doc: the ``Span._`` extensions kg uses, and a fast
path that sets ``doc.ents`` and each span's ``kg_source``/``kg_confidence`` as arrays.

Why a fast path: creating a Span (and an ``Underscore``) per entity cost more than finding
the entities. The extensions are registered here, before the probe that checks spaCy still
stores extension values where the fast path writes them.
"""

from __future__ import annotations

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc, Span

from .common import Cand
from .toks import Toks

for _name in ("kg_source", "kg_confidence", "kg_title", "kg_antecedent"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def _span_ext_key(name: str, start_char: int, end_char: int) -> tuple:
    return ("._.", name, start_char, end_char)


def _ext_keys_work() -> bool:
    """Whether spaCy keeps a Span's extension values under :func:`_span_ext_key` in
    ``doc.user_data`` (checked once on a tiny Doc, so a spaCy version that stores them
    differently falls back to setting them span by span)."""
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["a", "b"])
    Span(doc, 1, 2)._.kg_source = "probe"
    return doc.user_data.get(_span_ext_key("kg_source", 2, 3)) == "probe"


_FAST_EXT = _ext_keys_work()


def _write_ents(doc: Doc, T: Toks, chosen: list[Cand]) -> bool:
    """``doc.set_ents(spans, default="outside")`` plus each span's ``kg_source`` and
    ``kg_confidence``, written as token arrays and ``user_data`` entries: creating a Span
    per entity (and an ``Underscore`` per value) cost more than finding the entities.
    ``chosen`` is sorted by start. Returns False (nothing written) when the fast path does
    not apply; the caller then takes the Span route, which also raises spaCy's errors."""
    if not _FAST_EXT or not chosen:
        return False
    prev = 0
    for c in chosen:
        if c.start < prev or c.end <= c.start or not c.label or not isinstance(c.kb, str):
            return False  # overlapping, empty or unlabelled: let set_ents decide
        prev = c.end
    n = len(doc)
    # columns ENT_IOB, ENT_TYPE, ENT_KB_ID, filled in place (converting Python lists of
    # every token to an array cost more than the entities' own writes)
    arr = numpy.zeros((n, 3), dtype="uint64")
    arr[:, 0] = 2  # outside
    arr[:, 2] = doc.to_array(ENT_KB_ID)  # set_ents keeps the others' kb ids
    add = doc.vocab.strings.add
    ids: dict[str, int] = {}
    data = T.data
    idx, text = data.idx, data.text
    user_data = doc.user_data
    starts, ends, labels, kbs = [], [], [], []
    for c in chosen:
        s, e = c.start, c.end
        label = ids.get(c.label)
        if label is None:
            label = ids[c.label] = add(c.label)
        kb = ids.get(c.kb)
        if kb is None:
            kb = ids[c.kb] = add(c.kb)
        starts.append(s)
        ends.append(e)
        labels.append(label)
        kbs.append(kb)
        start_char = idx[s]
        end_char = idx[e - 1] + len(text[e - 1])
        user_data[_span_ext_key("kg_source", start_char, end_char)] = c.source
        user_data[_span_ext_key("kg_confidence", start_char, end_char)] = c.conf
    # the entities' tokens in one go (four numpy writes per entity cost more): token k of
    # an entity of length L starting at s is s + k
    first = numpy.array(starts, dtype=numpy.int64)
    size = numpy.array(ends, dtype=numpy.int64) - first
    offset = numpy.arange(int(size.sum())) - numpy.repeat(numpy.cumsum(size) - size, size)
    tokens = numpy.repeat(first, size) + offset
    arr[tokens, 0] = 1
    arr[first, 0] = 3
    arr[tokens, 1] = numpy.repeat(numpy.array(labels, dtype="uint64"), size)
    arr[tokens, 2] = numpy.repeat(numpy.array(kbs, dtype="uint64"), size)
    doc.from_array([ENT_IOB, ENT_TYPE, ENT_KB_ID], arr)
    return True
