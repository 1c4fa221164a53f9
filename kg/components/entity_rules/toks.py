"""Per-Doc token strings and flags for the entity rules, plus the headline-case test.

Why: the rules look at each token many times; reading the strings once (through the shared
:func:`kg.tokens.token_data`) is what keeps them cheap, and headline case ("Battle
Between US, Iran") must switch the capitalisation heuristics off for a whole line.
"""

from __future__ import annotations

from itertools import compress

from spacy.tokens import Doc

from ...tokens import token_data


class Toks:
    """Token strings and flags of one Doc, read once: the heuristics below look at tokens
    many times, and creating spaCy ``Token`` objects is what would cost."""

    __slots__ = ("text", "ws", "lower", "cap", "n", "newline_after", "stop", "sent_starts",
                 "data", "_cap_pos", "_long_words")

    def __init__(self, doc: Doc, stop_words: frozenset[str]):
        # strings come from the shared per-Doc token data (one C-level read, one string
        # per distinct word); the flags below are computed once per distinct word too
        data = self.data = token_data(doc)
        n = data.n
        self.text = data.text
        self.ws = data.ws
        self.lower = data.lower  # spaCy's LOWER is str.lower() of the text
        self.cap = data.text_flags(_is_cap)
        self._cap_pos = list(compress(range(n), self.cap))
        self._long_words: list[bool] | None = None  # see long_words()
        self.n = n
        # trailing whitespace is at most one space: only a token's text holds a line break
        breaks = data.where_text_has("\n")
        self.newline_after = [False] * n
        for i in breaks:
            self.newline_after[i] = True
        self.stop = stop_words
        starts = {0}
        if data.sentenced:
            starts.update(data.sent_starts)
        starts.update(i + 1 for i in breaks)  # after a line break
        # the first word after an opening quote or bracket also starts a sentence
        starts.update(i + 1 for i in list(starts) if i < self.n and self.text[i] in
                      {'"', "\u201c", "\u2018", "'", "(", "-"})
        self.sent_starts = starts

    def span_text(self, s: int, e: int) -> str:
        if e <= s:
            return ""
        return "".join(self.text[i] + self.ws[i] for i in range(s, e - 1)) + self.text[e - 1]

    def long_words(self) -> list[bool]:
        """Per token: a word of letters longer than three (what headline case counts)."""
        if self._long_words is None:
            self._long_words = self.data.text_flags(_is_long_word)
        return self._long_words

    def cap_positions(self) -> list[int]:
        """Indices of the capitalised tokens (``cap``), in order."""
        return self._cap_pos

    def is_title(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper() and (len(t) == 1 or not t[1:].isupper()) and t[:1].isalpha()

    def is_upper(self, i: int) -> bool:
        t = self.text[i]
        return t.isupper() and any(c.isalpha() for c in t)

    def is_alpha(self, i: int) -> bool:
        return self.text[i].isalpha()

    def is_stop(self, i: int) -> bool:
        return self.lower[i] in self.stop


def _is_long_word(t: str) -> bool:
    return t.isalpha() and len(t) > 3  # IS_ALPHA is str.isalpha()


def _is_cap(t: str) -> bool:
    """A capitalised word: an upper-case first character and at least one letter."""
    return bool(t) and t[0].isupper() and any(c.isalpha() for c in t)


def _is_headline(T: Toks, s: int, e: int) -> bool:
    """Headline case ("Undeclared Battle Between US, Iran") makes every word look like a
    name; the capitalisation heuristics are switched off for such lines. A line is in
    headline case when its content words (after the first) are capitalised and it is not
    an ordinary sentence ending in a full stop with a lower-case content word."""
    # the words by a flag per word and C-level counting: this runs for every line
    words = list(compress(range(s + 1, e), T.long_words()[s + 1:e]))
    if len(words) < 3:
        return False
    lower = len(words) - sum(map(T.cap.__getitem__, words))
    last = e - 1
    while last > s and T.text[last].isspace():
        last -= 1
    ends_like_sentence = T.text[last] in {".", "!", "\u201d", '"'}
    if lower == 0:
        # "Assad met Colonel Ahmed Zaki in Benghazi.": a short sentence full of names
        # still has lower-case verbs and prepositions and ends in a full stop
        return not (ends_like_sentence and any(
            T.text[i].islower() and T.text[i].isalpha()
            and T.lower[i] not in {"a", "an", "the", "and", "of"} for i in range(s + 1, e)))
    return not ends_like_sentence and lower / len(words) <= 0.25
