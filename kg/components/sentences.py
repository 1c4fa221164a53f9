"""``kg_line_sentences``: a line break ends a sentence.

News text pasted from the web often has headlines, captions and datelines without a final
full stop; the punctuation-based sentencizer would glue them to the next sentence, and a
relation rule would then link actors across a headline and a paragraph. Put this component
before the sentencizer (or the parser): it marks the first token after a newline as a
sentence start and leaves the rest to the next component.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("kg_line_sentences")
def line_sentences(doc: Doc) -> Doc:
    after_break = False
    for tok in doc:
        if after_break and not tok.is_space:
            tok.is_sent_start = True
            after_break = False
        if "\n" in tok.text or "\n" in tok.whitespace_:
            after_break = True
    return doc
