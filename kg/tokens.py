"""Token strings and flags of a Doc, read once and shared by kg's components.

Why: kg's rules look at tokens many times (entity heuristics, anaphors, relation frames,
qualifiers, the evidence sentence). Every ``doc[i]`` or ``for tok in doc`` creates a
spaCy ``Token`` object and every ``.lower_``/``.text`` a string lookup, and ``doc.text``
rebuilds the whole text from tokens; done once per component that was a dozen passes over
every token and most of kg's cost over the bare spaCy pipeline. :func:`token_data` reads the
attributes with one ``Doc.to_array`` call, turns hashes into strings once per distinct word,
and keeps the result for the Doc's lifetime.

The cache is a ``WeakKeyDictionary`` next to the Doc, not inside it (``doc.user_data`` is
serialised when ``nlp.pipe(n_process>1)`` ships Docs between processes): a Doc that comes
back from another process simply gets its data read again. Build it after the sentence
splitter (``kg_entities`` does), since sentence starts are part of it; an entry whose
length no longer matches the Doc (retokenised) is rebuilt.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from functools import cache
from itertools import chain, compress
from operator import itemgetter
from weakref import WeakKeyDictionary

import numpy
from spacy.attrs import (
    IDX,
    IS_ALPHA,
    IS_LOWER,
    IS_PUNCT,
    IS_SPACE,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

_ATTRS = [ORTH, LOWER, SPACY, IDX, IS_ALPHA, IS_LOWER, IS_PUNCT, IS_SPACE, SENT_START]

_cache: WeakKeyDictionary[Doc, TokenData] = WeakKeyDictionary()
_lock = threading.Lock()


class TokenData:
    """Per-token lists of one Doc (index i is token i).

    ``text`` (ORTH), ``lower`` (the LOWER attribute, what ``token.lower_`` and a Matcher's
    ``LOWER`` see), ``ws`` (" " or ""), ``idx`` (character offset), ``alpha``, ``lowercase``
    (IS_LOWER), ``punct``, ``space`` (IS_SPACE); ``doc_text`` (== ``doc.text``);
    ``sentenced`` (the Doc has sentence boundaries) and ``sent_starts`` (sorted first
    tokens of the sentences, ``[0]`` when there are none, as spaCy's ``doc.sents`` would
    give them).
    """

    __slots__ = ("n", "text", "lower", "ws", "idx", "alpha", "lowercase", "punct", "space",
                 "_doc_text", "sentenced", "sent_starts", "_sent_of", "_words", "_word_of",
                 "_index", "_has", "_present", "_memo")

    def __init__(self, doc: Doc) -> None:
        n = self.n = len(doc)
        if n == 0:
            self.text = self.lower = self.ws = []
            self.idx, self.alpha, self.lowercase, self.punct, self.space = [], [], [], [], []
            self._doc_text, self.sentenced, self.sent_starts = "", True, []
            self._sent_of = self._index = None
            self._has: dict[str, list[int]] = {}
            self._words, self._word_of = [], None
            self._present = [None, None]
            self._memo: dict[frozenset[str], list[int]] = {}
            return
        arr = doc.to_array(_ATTRS)
        if n >= VECTOR_MIN:
            # each distinct hash is turned into its string once; the per-token lists are
            # then gathered in C (itemgetter) rather than by a Python loop
            ids, where = numpy.unique(arr[:, :2], return_inverse=True)
            words = self._words = cached_strings(doc, ids.tolist())
            where = self._word_of = where.reshape(n, 2)  # token -> its words (text, lower)
            self.text = _gather(words, where[:, 0])
            self.lower = _gather(words, where[:, 1])
            self.ws = _gather(_WS, arr[:, 2].astype(bool))
            self.idx = arr[:, 3].tolist()
            flags = arr[:, 4:8].astype(bool).T.tolist()
            starts = numpy.flatnonzero(arr[:, 8] == 1).tolist()
        else:
            # a short Doc (most are a few dozen tokens): numpy's fixed cost per call would
            # outweigh its speed, so the array becomes Python lists in one call
            self._words, self._word_of = [], None
            cols = arr.T.tolist()
            self.text = cached_strings(doc, cols[0])
            self.lower = cached_strings(doc, cols[1])
            self.ws = list(map(_WS.__getitem__, cols[2]))
            self.idx = cols[3]
            flags = [list(map(bool, col)) for col in cols[4:8]]  # 0/1 -> False/True
            starts = [i for i, v in enumerate(cols[8]) if v == 1]
        self.alpha, self.lowercase, self.punct, self.space = flags
        self._doc_text: str | None = None
        self.sentenced = bool(doc.has_annotation("SENT_START"))
        if self.sentenced and "sents" not in doc.user_hooks:
            self.sent_starts = starts if starts and starts[0] == 0 else [0] + starts
        elif self.sentenced:
            self.sent_starts = [s.start for s in doc.sents]
        else:
            self.sent_starts = [0]
        self._sent_of: list[int] | None = None
        self._index: dict[str, int] | None = None  # distinct word -> its number, on demand
        self._has = {}
        self._present: list[set[str] | None] = [None, None]  # distinct text / lower words
        self._memo = {}

    @property
    def doc_text(self) -> str:
        """The Doc's text, rebuilt from the token strings on first use."""
        if self._doc_text is None:
            # token, space, token, ...: joined in C (a "t + w" per token was a Python loop)
            self._doc_text = "".join(chain.from_iterable(zip(self.text, self.ws, strict=True)))
        return self._doc_text

    def sentences(self) -> list[tuple[int, int]]:
        """(start, end) token offsets of the sentences (one for the whole Doc if none)."""
        ends = self.sent_starts[1:] + [self.n]
        return list(zip(self.sent_starts, ends, strict=True))

    def sent_of(self) -> list[int]:
        """For every token, the number of its sentence."""
        if self._sent_of is None:
            out = [0] * self.n
            for k, (s, e) in enumerate(self.sentences()):
                out[s:e] = [k] * (e - s)
            self._sent_of = out
        return self._sent_of

    def where(self, words: frozenset[str] | set[str]) -> list[int]:
        """Indices, in order, of the tokens whose ``lower`` is in ``words``: the same as
        ``[i for i, w in enumerate(lower) if w in words]``, with one membership test per
        distinct word instead of per token."""
        return self._where(words, 1)

    def where_memo(self, words: frozenset[str]) -> list[int]:
        """:meth:`where`, remembered for this Doc under the (module-level, immutable) word
        set: for questions asked once per relation candidate ("the last "but" before the
        cue"), which would otherwise scan the sentence each time. Do not modify the list."""
        found = self._memo.get(words)
        if found is None:
            found = self._memo[words] = self._where(words, 1)
        return found

    def where_text(self, words: frozenset[str] | set[str] | list[str]) -> list[int]:
        """Indices, in order, of the tokens whose ``text`` is in ``words``."""
        return self._where(words if isinstance(words, (set, frozenset)) else set(words), 0)

    def where_text_has(self, char: str) -> list[int]:
        """Indices, in order, of the tokens whose ``text`` contains ``char`` (memoised: the
        components all ask for the line breaks). Do not modify the list."""
        found = self._has.get(char)
        if found is None:
            found = self._has[char] = self.text_positions(_contains(char))
        return found

    def text_flags(self, flag: Callable[[str], bool]) -> list[bool]:
        """``[bool(flag(t)) for t in text]``. ``flag`` must depend on the word alone: its
        answers are remembered per word across Docs (see :func:`word_flags`)."""
        if self._word_of is None:
            return word_flags(flag, self.text)
        return self._word_hits(flag)[self._word_of[:, 0]].tolist()

    def text_positions(self, flag: Callable[[str], bool]) -> list[int]:
        """Indices, in order, of the tokens whose ``text`` satisfies ``flag`` (a function of
        the word alone, as for :meth:`text_flags`)."""
        if self._word_of is None:
            return list(compress(range(self.n), word_flags(flag, self.text)))
        return numpy.flatnonzero(self._word_hits(flag)[self._word_of[:, 0]]).tolist()

    def _word_hits(self, flag: Callable[[str], bool]) -> numpy.ndarray:
        return numpy.array(word_flags(flag, self._words), dtype=bool)

    def _where(self, words: frozenset[str] | set[str], column: int) -> list[int]:
        if not self.n or not words:
            return []
        if self._word_of is None:
            seq = self.lower if column else self.text
            # most searched words are absent from a short Doc: one set test then answers
            present = self._present[column]
            if present is None:
                present = self._present[column] = set(seq)
            if present.isdisjoint(words):
                return []
            return list(compress(range(self.n), map(words.__contains__, seq)))  # in C
        index = self._index
        if index is None:
            index = self._index = dict(zip(self._words, range(len(self._words)), strict=True))
        # the searched words this Doc has (a C-level pass over the smaller of the two
        # sets): most questions end here, the others mark the words and gather the tokens
        present = index.keys() & words if len(words) < len(index) else \
            words.intersection(index)
        if not present:
            return []
        ids = self._word_of[:, column]
        if len(present) == 1:
            return numpy.flatnonzero(ids == index[next(iter(present))]).tolist()
        hit = numpy.zeros(len(self._words), dtype=bool)
        hit[[index[w] for w in present]] = True
        return numpy.flatnonzero(hit[ids]).tolist()

    def span_text(self, s: int, e: int) -> str:
        """The text of tokens s..e-1 (``doc[s:e].text``)."""
        if e - s == 1:
            return self.text[s]
        if e <= s:
            return ""
        text, ws = self.text, self.ws
        return "".join([text[i] + ws[i] for i in range(s, e - 1)]) + text[e - 1]


# hash -> string of every word seen (a hash names the same string in every Vocab; decoding
# it from the StringStore again for each Doc was a large part of reading a Doc)
_STRING_CACHE: dict[int, str] = {}
_STRING_CACHE_MAX = 200_000
_WS = ("", " ")
# from this many tokens on, a Doc's lists are built and searched with numpy (below it,
# plain Python is faster: numpy's cost per call dominates on short texts)
VECTOR_MIN = 200


# flag function -> {word: its answer}: the same words recur in every Doc, and calling a
# Python predicate per token (even per distinct word of a Doc) was a visible cost
_FLAG_CACHE: dict[Callable[[str], bool], dict[str, bool]] = {}
_FLAG_CACHE_MAX = 32


def word_flags(flag: Callable[[str], bool], words: list[str]) -> list[bool]:
    """``[bool(flag(w)) for w in words]``, remembering each word's answer across Docs (so
    ``flag`` must depend on the word alone)."""
    table = _FLAG_CACHE.get(flag)
    if table is None:
        if len(_FLAG_CACHE) >= _FLAG_CACHE_MAX:  # a caller making new lambdas: don't keep them
            return [bool(flag(w)) for w in words]
        table = _FLAG_CACHE.setdefault(flag, {})
    try:  # every word known (the usual case): no per-word test of the answers
        return list(map(table.__getitem__, words))
    except KeyError:
        pass
    out = list(map(table.get, words))
    for k, w in enumerate(words):
        if out[k] is None:
            out[k] = bool(flag(w))
            if len(table) < _STRING_CACHE_MAX:
                table[w] = out[k]
    return out


@cache
def _contains(char: str) -> Callable[[str], bool]:
    """The predicate "the word contains ``char``", one function object per ``char`` (so
    its answers are cached under one key)."""
    return lambda w: char in w


def cached_strings(doc: Doc, ids: list[int]) -> list[str]:
    """The strings of the hashes ``ids`` (memoised across Docs)."""
    cache = _STRING_CACHE
    # every hash known (the usual case): a KeyError instead of a test of every answer
    # (``None in out`` compares None with each string, which cost more than the lookups)
    try:
        return list(map(cache.__getitem__, ids))
    except KeyError:
        pass
    out = list(map(cache.get, ids))
    strings = doc.vocab.strings
    for k, h in enumerate(ids):
        if out[k] is None:
            out[k] = strings[h]
            if len(cache) < _STRING_CACHE_MAX:
                cache[h] = out[k]
    return out


def _gather(values: list[str] | tuple[str, ...], index: numpy.ndarray) -> list[str]:
    """``[values[i] for i in index]``, done by ``operator.itemgetter``."""
    positions = index.tolist()
    if len(positions) == 1:
        return [values[positions[0]]]
    return list(itemgetter(*positions)(values))


# (weakref to the last Doc asked for, its TokenData): one tuple, replaced whole, so a
# thread never sees one Doc's reference with another's data
_last: tuple = (None, None)


def token_data(doc: Doc) -> TokenData:
    """The Doc's :class:`TokenData`, read on first use and cached for its lifetime."""
    global _last
    ref, data = _last
    if ref is None or ref() is not doc:
        data = _cache.get(doc)
        if data is None or data.n != len(doc):
            data = TokenData(doc)
            with _lock:
                _cache[doc] = data
        _last = (weakref.ref(doc), data)
    elif data.n != len(doc):
        data = TokenData(doc)
        with _lock:
            _cache[doc] = data
        _last = (weakref.ref(doc), data)
    return data


def cached_text(doc: Doc) -> str:
    """``doc.text`` without rebuilding it when kg's components already read the Doc."""
    data = _cache.get(doc)
    if data is not None and data.n == len(doc):
        return data.doc_text
    return doc.text


def forget(doc: Doc) -> None:
    """Drop the Doc's cached data (after changing its tokens or sentence boundaries)."""
    with _lock:
        _cache.pop(doc, None)
        global _last
        if _last[0] is not None and _last[0]() is doc:
            _last = (None, None)
