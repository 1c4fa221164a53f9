"""Entity mentions of a Doc as the relation frames see them, plus a token → mention index.

Mentions come from ``doc.ents`` (ENT's gazetteer and detectors) and from the resolved
pronouns / definite descriptions in ``doc.spans["kg_coref"]`` (same label and ``kb_id``
convention), so a frame treats "it" resolved to Iran exactly like "Iran".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from .. import ontology
from ..tokens import token_data

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
            and (self.type == "STATE" or not self.text.replace(".", "").isupper()) \
            and not (self.source == "ent" and self.text.islower())  # "the rebels"


def _name(span) -> str:
    return span.kb_id_ or span.text


def collect(doc: Doc) -> tuple[list[Mention], list[int]]:
    """Mentions sorted by position, and for every token the index of its mention or -1."""
    types = set(ontology.entity_types())
    span_text = token_data(doc).span_text  # e.text without a Token per token
    found: list[Mention] = []
    for e in doc.ents:
        label = e.label_
        if label in types:
            text = span_text(e.start, e.end)
            found.append(Mention(e.start, e.end, e.kb_id_ or text, label, "ent", text))
    index = [-1] * len(doc)
    for i, m in enumerate(found):
        for t in range(m.start, m.end):
            index[t] = i
    if COREF_KEY in doc.spans:
        extra = []
        for sp in doc.spans[COREF_KEY]:
            if sp.label_ in types and all(index[t] == -1 for t in range(sp.start, sp.end)):
                extra.append(Mention(sp.start, sp.end, _name(sp), sp.label_, "coref", sp.text))
        if extra:
            found = sorted(found + extra, key=lambda m: m.start)
            index = [-1] * len(doc)
            for i, m in enumerate(found):
                for t in range(m.start, m.end):
                    index[t] = i
    return found, index
