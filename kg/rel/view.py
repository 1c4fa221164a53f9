"""The read-only view of one Doc that every frame and helper receives.

Why a view: the frames ask thousands of small questions per Doc ("which mention is at
token i?", "where does this clause segment end?", "is this token a boundary?"). Answering
them from spaCy objects would build a Token per question; the view holds the answers as
plain lists, computed once per Doc. It is read-only by contract: frames never change it,
and whatever they find goes to :class:`kg.rel.findings.Findings`. The helpers over it are
plain functions in :mod:`.phrases` (noun phrases), :mod:`.scan` (argument scans),
:mod:`.clause_helpers` (clause-level questions) and :mod:`.emit` (candidates).

Segments are the sentences split again at line breaks (a headline or a list item is its
own clause even when the sentencizer joins it to the next line).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ..tokens import token_data
from .frame_common import word_sets
from .mentions import Mention


@dataclass(frozen=True, slots=True)
class DocView:
    """Token arrays, clause segments and the mention index of one Doc (see the module
    docstring). The lists are shared with other components: never modify them."""

    doc: Doc
    mentions: list[Mention]
    index: list[int]  # token → position of its mention in ``mentions``, or -1
    lex: Any  # the frames' word lists (``words("frames")``)
    verb_forms: frozenset[str]  # first cue words of verb frames (see RuleSet.verb_forms)
    text: list[str]
    low: list[str]
    alpha: list[bool]
    lowercase: list[bool]
    punct: list[bool]
    newline: list[bool]  # the token is a line break
    segments: list[tuple[int, int]]
    seg_start: list[int]  # token → first token of its segment
    seg_end: list[int]  # token → token after its segment
    segment_of: list[int]  # token → number of its segment
    skippable: frozenset[str]  # light words a scan walks over ("the", "northern")
    title_words: frozenset[str]  # role and honorific words ("President", "Sheikh")
    noun_stop: frozenset[str]  # words that end clause_helpers.noun_use's walk
    n: int  # number of tokens
    mention_of: list[Mention | None]  # token → its mention
    boundary_punct: frozenset[str]  # lex["boundary_punct"] (is_boundary asks per token)
    clause_boundaries: frozenset[str]  # lex["clause_boundaries"]

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention], index: list[int], lex: Any,
              verb_forms: frozenset[str]) -> DocView:
        data = token_data(doc)  # the token strings and flags every kg component shares
        n = data.n
        # line-break tokens, found per distinct word rather than per token
        breaks = [i for i in data.where_text_has("\n") if data.space[i]]
        newline = [False] * n
        for i in breaks:
            newline[i] = True
        bounds: list[tuple[int, int]] = []
        starts = data.sent_starts if n else []
        for s, e in zip(starts, starts[1:] + [n], strict=False):
            cur = s
            for i in breaks[bisect_left(breaks, s):bisect_left(breaks, e)]:
                if i > cur:
                    bounds.append((cur, i))
                cur = i + 1
            if cur < e:
                bounds.append((cur, e))
        seg_start, seg_end, segment_of = [0] * n, [n] * n, [0] * n
        for k, (s, e) in enumerate(bounds):
            seg_start[s:e] = [s] * (e - s)
            seg_end[s:e] = [e] * (e - s)
            segment_of[s:e] = [k] * (e - s)
        skippable, title_words, noun_stop = word_sets(lex)
        return cls(doc, mentions, index, lex, verb_forms, data.text, data.lower, data.alpha,
                   data.lowercase, data.punct, newline, bounds, seg_start, seg_end,
                   segment_of, skippable, title_words, noun_stop, len(index),
                   # index -1 (no mention) picks the None appended at the end
                   list(map((mentions + [None]).__getitem__, index)),
                   lex["boundary_punct"], lex["clause_boundaries"])

    def mention_at(self, i: int) -> Mention | None:
        """The mention covering token ``i`` (None outside the Doc or between mentions)."""
        if 0 <= i < self.n:
            return self.mention_of[i]
        return None

    def is_boundary(self, i: int) -> bool:
        """Does token ``i`` end a clause (a line break, ";", "but", "while" …)?"""
        if self.newline[i] or self.text[i] in self.boundary_punct:
            return True
        if self.low[i] not in self.clause_boundaries:
            return False
        # "what it described as a narrow operation": "as" after a naming verb opens no clause;
        # "has since accused X": "since" after an auxiliary is an adverb
        return not (i > 0 and (self.low[i] == "as"
                               and self.low[i - 1] in self.lex["naming_participles"]
                               or self.low[i] == "since"
                               and self.low[i - 1] in {"has", "have", "had"}))

    def governor(self, m: Mention) -> int:
        """Index of the first token left of ``m`` that is not a determiner/light adjective."""
        i = m.start - 1
        lo = self.seg_start[m.start]
        mention_of = self.mention_of  # 0 <= lo <= i < n below: no bounds check needed
        while i >= lo and mention_of[i] is None:
            if self.low[i] in self.skippable:
                i -= 1
            elif i - 2 >= lo and self.text[i - 1] == "-" and self.lowercase[i] \
                    and self.lowercase[i - 2] and self.alpha[i] and self.alpha[i - 2] \
                    and mention_of[i - 2] is None:
                i -= 3  # "to conflict-ridden Yemen": a compound adjective
            else:
                break
        return i
