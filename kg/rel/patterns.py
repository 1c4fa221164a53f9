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
    if spec.get("OP") in ("?", "*") or str(spec.get("OP", "")).startswith("{0"):
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
    from the window (``needs``): a set test is far cheaper than a Matcher call.
    """

    def __init__(self, vocab: Vocab, rules: list[Rule]) -> None:
        self.anchor: dict[str, list[tuple[str, Matcher, int, int]]] = {}
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
            for w in words:
                self.anchor.setdefault(w, []).append((r.id, m, before, after))
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
        found: set[tuple[str, int, int]] = set()
        n = len(doc)
        anchor, needs, single = self.anchor, self.needs, self.single
        for i in positions:
            hits = anchor.get(low[i])
            if not hits:
                continue
            for rid, matcher, before, after in hits:
                lo, hi = max(0, i - before), min(n, i + after + 1)
                need = needs.get(rid)
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
                if rid in single:
                    found.add((rid, i, i + 1))
                    continue
                for _, s, e in matcher(doc[lo:hi]):
                    if lo + s <= i < lo + e:
                        found.add((rid, lo + s, lo + e))
        if self.full is not None:
            strings = doc.vocab.strings
            found.update((strings[m], s, e) for m, s, e in self.full(doc))
        return sorted(found, key=lambda x: (x[1], x[2], x[0]))
