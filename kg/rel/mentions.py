"""Entity mentions of a Doc as the relation frames see them, plus a token → mention index.

Mentions come from ``doc.ents`` (ENT's gazetteer and detectors) and from the resolved
pronouns / definite descriptions in ``doc.spans["kg_coref"]`` (same label and ``kb_id``
convention), so a frame treats "it" resolved to Iran exactly like "Iran".
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import numpy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.tokens import Doc

from .. import ontology
from ..tokens import VECTOR_MIN, cached_strings, token_data

COREF_KEY = "kg_coref"


# not frozen: a frozen dataclass's __init__ costs three times as much, and a Doc makes
# thousands of mentions. Treat them as immutable all the same (they are hashed, by value).
@dataclass(unsafe_hash=True, slots=True)
class Mention:
    start: int
    end: int
    name: str
    type: str
    source: str = "ent"  # "ent" | "coref"
    text: str = ""
    # A one-token mention written differently from its name ("Syrian" for Syria, "US" for
    # United States) that can modify a noun; an organisation's acronym ("SDF") cannot, nor
    # a common noun an entity rule named ("rebels" for "Syrian rebels").
    # Computed once here: the frames ask for it thousands of times per Doc.
    adjectival_form: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.adjectival_form = self.end - self.start == 1 and self.text != self.name \
            and self.text.lower() != self.name.lower() \
            and _fold(self.text) != _fold(self.name) \
            and (self.type == "STATE" or not self.text.replace(".", "").isupper()) \
            and not (self.source == "ent" and self.text.islower())  # "the rebels"


# The name of a mention that stands for several states at once ("the two countries",
# "both sides": ``kg_coref`` joins the names with this separator); the list helpers and
# the emission give each member its own mention (:func:`members`).
SET_SEP = "\x1f"


def members(m: Mention) -> list[Mention]:
    """The states a set mention stands for, each as a mention over the same tokens; a
    plain mention is its own only member."""
    if SET_SEP not in m.name:
        return [m]
    return [Mention(m.start, m.end, name, m.type, m.source, m.text)
            for name in m.name.split(SET_SEP)]


def _fold(s: str) -> str:
    """``s`` lower-cased without its accents: "Culiacan" is a spelling of "Culiacán", not
    an adjective of it."""
    if s.isascii():
        return s.lower()
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def _name(span) -> str:
    return span.kb_id_ or span.text


def entity_runs(doc: Doc) -> list[tuple[int, int, str, str]] | None:
    """(start, end, label, kb_id) of every span of ``doc.ents``, read from the token
    arrays: ``doc.ents`` builds a Span (and a Token) per entity, which cost more than the
    mentions made from them. None when the IOB tags are not consistent (an "I" outside
    an entity), where ``doc.ents`` itself decides (it raises)."""
    n = len(doc)
    if n == 0:
        return []
    arr = doc.to_array([ENT_IOB, ENT_TYPE, ENT_KB_ID])
    if n < VECTOR_MIN:
        return _short_runs(doc, arr.T.tolist())
    iob, label = arr[:, 0], arr[:, 1]
    inside = iob == 1
    if inside.any():
        closed = (iob != 1) & ((iob != 3) | (label == 0))  # O, unset, or B without a label
        if inside[0] or bool((inside[1:] & closed[:-1]).any()):
            return None
    starts = numpy.flatnonzero((iob == 3) & (label != 0))
    if not len(starts):
        return []
    # as doc.ents: an entity runs until the first token that is not "I"
    stops = numpy.flatnonzero(~inside)
    k = numpy.searchsorted(stops, starts, side="right")
    ends = numpy.append(stops, n)[k]
    strings = cached_strings(doc, arr[starts, 1:].ravel().tolist())
    return list(zip(starts.tolist(), ends.tolist(), strings[0::2], strings[1::2], strict=True))


def _short_runs(doc: Doc, cols: list[list[int]]) -> list[tuple[int, int, str, str]] | None:
    """:func:`entity_runs` of a short Doc, by the loop of spaCy's ``doc.ents`` over the IOB
    tags (numpy's cost per call outweighs its speed on a few dozen tokens)."""
    iob, labels, kbs = cols
    found = []
    start = -1
    for i, tag in enumerate(iob):
        if tag == 1:  # "I"
            if start == -1:
                return None  # doc.ents raises here
        elif tag == 3 and labels[i]:  # "B" with a label
            if start != -1:
                found.append((start, i))
            start = i
        elif start != -1:  # "O", unset, or "B" without a label
            found.append((start, i))
            start = -1
    if start != -1:
        found.append((start, len(iob)))
    if not found:
        return []
    strings = cached_strings(doc, [h for s, _ in found for h in (labels[s], kbs[s])])
    return [(s, e, strings[2 * k], strings[2 * k + 1]) for k, (s, e) in enumerate(found)]


def collect(doc: Doc) -> tuple[list[Mention], list[int]]:
    """Mentions sorted by position, and for every token the index of its mention or -1."""
    types = set(ontology.entity_types())
    span_text = token_data(doc).span_text  # e.text without a Token per token
    found: list[Mention] = []
    runs = entity_runs(doc)
    if runs is None:
        runs = [(e.start, e.end, e.label_, e.kb_id_) for e in doc.ents]
    for start, end, label, kb in runs:
        if label in types:
            text = span_text(start, end)
            found.append(Mention(start, end, kb or text, label, "ent", text))
    index = [-1] * len(doc)
    for i, m in enumerate(found):
        index[m.start:m.end] = [i] * (m.end - m.start)  # a slice, not a range() per mention
    if COREF_KEY in doc.spans:
        extra = []
        for sp in doc.spans[COREF_KEY]:
            if sp.label_ in types and all(index[t] == -1 for t in range(sp.start, sp.end)):
                extra.append(Mention(sp.start, sp.end, _name(sp), sp.label_, "coref", sp.text))
        if extra:
            found = sorted(found + extra, key=lambda m: m.start)
            index = [-1] * len(doc)
            for i, m in enumerate(found):
                index[m.start:m.end] = [i] * (m.end - m.start)
    return found, index
