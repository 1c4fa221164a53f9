"""``kg_line_sentences``: a line break ends a sentence.

News text pasted from the web often has headlines, captions and datelines without a final
full stop; the punctuation-based sentencizer would glue them to the next sentence, and a
relation rule would then link actors across a headline and a paragraph. Put this component
before the sentencizer (or the parser): it marks the first token after a newline as a
sentence start and leaves the rest to the next component.

Speed: it reads token attributes as arrays and writes the sentence starts back with one
``Doc.from_array`` call. Setting ``token.is_sent_start`` token by token would cost a scan of
the whole Doc per boundary (spaCy checks for a parse on every assignment), which made this
small rule cost a third of the bare pipeline on long articles.
"""

from __future__ import annotations

from itertools import compress

from spacy.attrs import DEP, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..tokens import cached_strings

_HAS_BREAK: dict[int, bool] = {}
_HAS_BREAK_MAX = 200_000


def break_starts(doc: Doc) -> list[int]:
    """Indices of the first non-space token after each token containing a line break.
    (A token's trailing whitespace is at most one space, so only token texts can hold a
    newline.)"""
    n = len(doc)
    if n < 2:
        return []
    orths = doc.to_array(ORTH).tolist()
    # hash -> "contains a line break", remembered across Docs: a dict lookup per token
    # (in C, by map) instead of a string test per token or numpy's sort of the hashes
    try:  # every word seen before (the usual case): no test of each answer for None
        flags = list(map(_HAS_BREAK.__getitem__, orths))
    except KeyError:
        flags = list(map(_HAS_BREAK.get, orths))
        for k, h in enumerate(orths):
            if flags[k] is None:
                flags[k] = "\n" in cached_strings(doc, [h])[0]
                if len(_HAS_BREAK) < _HAS_BREAK_MAX:
                    _HAS_BREAK[h] = flags[k]
    found = list(compress(range(n), flags))
    if not found:
        return []
    out: list[int] = []
    last = -1
    for p in found:
        if p < last:
            continue  # a space token before the start already found
        j = p + 1
        while j < n and doc[j].is_space:  # asked for the few tokens after a break only
            j += 1
        if j < n and j != last:
            out.append(j)
            last = j
    return out


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    starts = break_starts(doc)
    if not starts:
        return doc
    values = doc.to_array([DEP, SENT_START])  # one read for both
    if values[:, 0].any():  # doc.has_annotation("DEP"), without a Python loop
        for i in starts:  # spaCy refuses to move boundaries of a parsed Doc (E043)
            doc[i].is_sent_start = True
        return doc
    values = values[:, 1:]
    values[starts] = 1
    doc.from_array([SENT_START], values)
    return doc
