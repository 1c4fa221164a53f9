"""Match the token rules' cue phrases fast (:class:`CueMatcher`). The rules themselves are
loaded by :mod:`kg.rel.rules`."""

from __future__ import annotations

import re
from typing import Any

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..tokens import token_data
from ..wordlists import words
from .rules import Rule, RuleError

_W = words("frames")  # the word lists named below live in kg/data/words/frames.json

def build_matcher(vocab: Vocab, rules: list[Rule]) -> Matcher:
    matcher = Matcher(vocab)
    for r in rules:
        try:
            matcher.add(r.id, [r.pattern], greedy="LONGEST")
        except ValueError as e:  # spaCy's pattern validation message, with our rule id
            raise RuleError(r.path, r.id, "pattern", str(e).replace("\n", " ")) from None
    return matcher


# ---- fast cue matching ---------------------------------------------------------------------------

_COMMON = _W["common_anchor_words"]


def _words_of(spec: dict[str, Any]) -> frozenset[str] | None:
    """The lower-case words a token spec accepts, if it is a plain word test."""
    if spec.get("OP") in {"?", "*"} or str(spec.get("OP", "")).startswith("{0"):
        return None
    for key in ("LOWER", "ORTH"):
        v = spec.get(key)
        if isinstance(v, str):
            return frozenset({v.lower()})
        if isinstance(v, dict) and "IN" in v:
            return frozenset(x.lower() for x in v["IN"])
    return None


def _plain_lower(spec: dict[str, Any]) -> bool:
    """A token spec that is nothing but a test of lower-case words (``{"LOWER": "x"}`` or
    ``{"LOWER": {"IN": [...]}}``, the words already lower case)."""
    if set(spec) != {"LOWER"}:
        return False
    v = spec["LOWER"]
    if isinstance(v, str):
        return v == v.lower()
    return isinstance(v, dict) and set(v) == {"IN"} and all(
        isinstance(w, str) and w == w.lower() for w in v["IN"])


def _required_words(pattern: list[dict[str, Any]]) -> list[frozenset[str]]:
    """For each token of ``pattern`` that must occur (no OP, or "+") and is a plain word
    test, the lower-case words it accepts: a match needs one of each in its window."""
    out = []
    for spec in pattern:
        if spec.get("OP", "+") != "+":
            continue
        words = _words_of(spec)
        if words is not None:
            out.append(words)
    return out


# ---- the token patterns in plain Python -----------------------------------------------------
#
# Why: a spaCy ``Matcher`` call on a window of a dozen tokens costs about 30 microseconds
# (it builds a ``Token`` object for every token of the window, twice, and filters the
# matches in Python), and the cue windows of a corpus need about a thousand such calls
# per 30,000 tokens: a tenth of ``kg_relations``. The rules' token tests are all
# word or flag tests, which the shared per-Doc token lists answer directly. A pattern
# whose tests are all of that kind is matched here instead, with the Matcher's semantics
# (every match of every start, then greedy LONGEST); anything else keeps its Matcher.
# ``tests/test_cue_windows.py`` checks both agree on every window of the test corpora.

_EQ, _IN, _NOT_IN, _REGEX, _FLAG, _TEXT_FLAG = range(6)
# the TokenData list a test reads (its index in :func:`columns`), by pattern attribute
_COLUMNS = {"ORTH": 0, "TEXT": 0, "LOWER": 1, "IS_ALPHA": 2, "IS_PUNCT": 3, "IS_SPACE": 4,
            "IS_LOWER": 5}
# flags the token lists do not hold, computed from the text as spaCy's lexeme attributes
# are (spacy.lang.lex_attrs: str.istitle, str.isdigit, str.isupper)
_TEXT_FLAGS = {"IS_TITLE": str.istitle, "IS_DIGIT": str.isdigit, "IS_UPPER": str.isupper}


def columns(data) -> tuple[list, ...]:
    """The token lists of a :class:`~kg.tokens.TokenData` that window patterns test."""
    return data.text, data.lower, data.alpha, data.punct, data.space, data.lowercase


def _test_of(key: str, value: Any) -> tuple[int, int, Any] | None:
    """(column, kind of test, value) for one attribute of a token spec, or None when it is
    not a plain word or flag test."""
    if key in _TEXT_FLAGS or key in {"IS_ALPHA", "IS_PUNCT", "IS_SPACE", "IS_LOWER"}:
        if not isinstance(value, bool):
            return None
        if key in _TEXT_FLAGS:
            return 0, _TEXT_FLAG, (_TEXT_FLAGS[key], value)
        return _COLUMNS[key], _FLAG, value
    if key not in {"ORTH", "TEXT", "LOWER"}:
        return None
    column = _COLUMNS[key]
    if isinstance(value, str):
        return column, _EQ, value
    if not isinstance(value, dict) or len(value) != 1:
        return None
    (op, arg), = value.items()
    if op in {"IN", "NOT_IN"} and isinstance(arg, list) and all(isinstance(w, str) for w in arg):
        return column, (_IN if op == "IN" else _NOT_IN), frozenset(arg)
    if op == "REGEX" and isinstance(arg, str):
        return column, _REGEX, re.compile(arg)
    return None


def _counts(spec: dict[str, Any]) -> tuple[int, int] | None:
    """(fewest, most) tokens one pattern position takes: 1, 1 without OP; 0, 1 for "?";
    n, m for "{n,m}"; None for another operator."""
    op = spec.get("OP")
    if op is None:
        return 1, 1
    if op == "?":
        return 0, 1
    m = re.fullmatch(r"\{(\d+),(\d+)\}", op) if isinstance(op, str) else None
    if m is None or int(m.group(2)) < int(m.group(1)):
        return None
    return int(m.group(1)), int(m.group(2))


class WindowPattern:
    """One rule's token pattern as Python tests over a Doc's :class:`~kg.tokens.TokenData`
    (see the comment above); ``compile`` returns None for a pattern it cannot express.

    Each position is (tests, fewest, most); matching keeps the set of token offsets where
    the pattern so far can end, so "fired * at" with ten optional fillers costs a pass per
    position, not a state per way of counting the fillers."""

    __slots__ = ("parts", "fixed", "size")

    def __init__(self, parts: list[tuple[list[tuple[int, int, Any]], int, int]]):
        self.parts = parts
        self.fixed = all(lo == hi == 1 for _, lo, hi in parts)  # one length, no sets needed
        self.size = len(parts)

    @classmethod
    def compile(cls, pattern: list[dict[str, Any]]) -> WindowPattern | None:
        parts = []
        for spec in pattern:
            counts = _counts(spec)
            if counts is None:
                return None
            tests = []
            for key, value in spec.items():
                if key == "OP":
                    continue
                test = _test_of(key, value)
                if test is None:
                    return None
                tests.append(test)
            if counts[1] > 0:
                parts.append((tests, *counts))
        if not parts or all(lo == 0 for _, lo, _ in parts):
            return None  # spaCy drops empty matches; such a pattern keeps its Matcher
        return cls(parts)

    def matches(self, cols: tuple[list, ...], lo: int, hi: int) -> list[tuple[int, int]]:
        """The (start, end) matches inside tokens lo..hi-1 (``cols``: :func:`columns` of
        the Doc), filtered as spaCy's greedy LONGEST filter does: longest first (then the
        earlier start), none overlapping."""
        parts, ok = self.parts, _ok
        if self.fixed:
            # every match has the same length: by start, each one not overlapping the last
            size = self.size
            out: list[tuple[int, int]] = []
            last = lo
            for s in range(lo, hi - size + 1):
                if s < last:
                    continue
                k = 0
                while k < size and ok(cols, parts[k][0], s + k):
                    k += 1
                if k == size:
                    out.append((s, s + size))
                    last = s + size
            return out
        first_tests, first_min, _ = parts[0]
        pairs: list[tuple[int, int]] = []
        for s in range(lo, hi):
            if first_min and not ok(cols, first_tests, s):
                continue  # the usual case, answered without a set
            reach = {s}  # where the pattern so far can end
            for tests, fewest, most in parts:
                nxt = set()
                for j in reach:
                    if fewest == 0:
                        nxt.add(j)
                    c = 0
                    while c < most and j < hi and ok(cols, tests, j):
                        c += 1
                        j += 1
                        if c >= fewest:
                            nxt.add(j)
                reach = nxt
                if not reach:
                    break
            pairs.extend((s, e) for e in sorted(reach) if e > s)
        if len(pairs) <= 1:
            return pairs
        pairs.sort(key=lambda x: (x[1] - x[0], -x[0]), reverse=True)
        taken: set[int] = set()
        out = []
        for s, e in pairs:
            if taken.isdisjoint(range(s, e)):
                out.append((s, e))
                taken.update(range(s, e))
        return out


def _ok(cols: tuple[list, ...], tests: list[tuple[int, int, Any]], j: int) -> bool:
    """Whether token j passes all of one pattern position's tests."""
    for column, kind, value in tests:
        x = cols[column][j]
        if kind == _EQ:
            if x != value:
                return False
        elif kind == _IN:
            if x not in value:
                return False
        elif kind == _NOT_IN:
            if x in value:
                return False
        elif kind == _FLAG:
            if x != value:
                return False
        elif kind == _TEXT_FLAG:
            if value[0](x) != value[1]:
                return False
        elif not value.search(x):
            return False
    return True


def _extent(spec: dict[str, Any]) -> int:
    op = str(spec.get("OP", ""))
    m = re.fullmatch(r"\{(\d*),(\d*)\}", op)
    if m:
        return int(m.group(2) or 8)
    return 1


class CueMatcher:
    """The token rules' Matcher, run only where a rule can match.

    spaCy's Matcher tests every pattern at every token; with ~60 rules whose tokens are
    set-membership tests that is most of the component's time. Each rule has an *anchor*
    (its most specific required token); a dict lookup per token finds anchor hits and only
    the rules anchored there are run, each on a window just wide enough for the pattern.
    Results are identical to one Matcher over the whole Doc (same greedy LONGEST matches).
    A rule's Matcher is not even run when one of its required plain-word tokens is missing
    from the window (``needs``): a set test is far cheaper than a Matcher call. And a rule
    whose pattern :class:`WindowPattern` can express is matched by it, not by its Matcher.
    """

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        # anchor word -> (rule id, Matcher, WindowPattern or None, tokens before and after
        # the anchor, required words, one-token rule)
        self.anchor: dict[str, list[tuple[str, Matcher, WindowPattern | None, int, int,
                                          list[frozenset[str]], bool]]] = {}
        self.unanchored: list[Rule] = []
        self.needs: dict[str, list[frozenset[str]]] = {}
        # one-token rules that only test LOWER: an anchor hit is the match itself
        self.single = {r.id for r in rules if len(r.pattern) == 1 and _plain_lower(r.pattern[0])}
        for r in rules:
            best = None
            for k, spec in enumerate(r.pattern):
                words = _words_of(spec)
                if words is None:
                    continue
                score = (len(words & _COMMON), len(words))
                if best is None or score < best[0]:
                    best = (score, k, words)
            m = Matcher(vocab)
            try:
                m.add(r.id, [r.pattern], greedy="LONGEST")
            except ValueError as e:
                raise RuleError(r.path, r.id, "pattern", str(e).replace("\n", " ")) from None
            if best is None:
                self.unanchored.append(r)
                continue
            _, k, words = best
            self.needs[r.id] = _required_words(r.pattern[:k] + r.pattern[k + 1:])
            before = sum(_extent(s) for s in r.pattern[:k])
            after = sum(_extent(s) for s in r.pattern[k + 1:])
            compiled = WindowPattern.compile(r.pattern)
            entry = (r.id, m, compiled, before, after, self.needs[r.id], r.id in self.single)
            for w in words:
                self.anchor.setdefault(w, []).append(entry)
        self.full = build_matcher(vocab, self.unanchored) if self.unanchored else None
        self.anchor_words = frozenset(self.anchor)

    def __call__(self, doc: Doc, lower: list[str] | None = None) -> list[tuple[str, int, int]]:
        data = token_data(doc)
        if lower is None or lower is data.lower:
            low = data.lower
            positions = data.where(self.anchor_words)  # the anchor hits, found vectorised
        else:
            low = lower
            positions = range(len(low))
        cols = columns(data)
        found: set[tuple[str, int, int]] = set()
        n = len(doc)
        anchor = self.anchor
        for i in positions:
            hits = anchor.get(low[i])
            if not hits:
                continue
            for rid, matcher, compiled, before, after, need, single in hits:
                lo = i - before if i > before else 0  # (not max/min: thousands of calls)
                hi = i + after + 1
                if hi > n:
                    hi = n
                if need:
                    # a required word is missing: the Matcher cannot match (a plain loop,
                    # not any(<generator>): this runs thousands of times per corpus)
                    window = low[lo:hi]
                    missing = False
                    for words in need:
                        if words.isdisjoint(window):
                            missing = True
                            break
                    if missing:
                        continue
                if single:
                    found.add((rid, i, i + 1))
                    continue
                if compiled is not None:
                    for s, e in compiled.matches(cols, lo, hi):
                        if s <= i < e:
                            found.add((rid, s, e))
                    continue
                for _, s, e in matcher(doc[lo:hi]):
                    if lo + s <= i < lo + e:
                        found.add((rid, lo + s, lo + e))
        if self.full is not None:
            strings = doc.vocab.strings
            found.update((strings[m], s, e) for m, s, e in self.full(doc))
        return sorted(found, key=lambda x: (x[1], x[2], x[0]))
