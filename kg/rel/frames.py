"""Argument linking: given a cue matched by a token rule, find its subject and object mentions.

The blank fallback pipeline has no parser, so the frames approximate syntax with word
classes (``lexicon.json``): a subject is the nearest actor mention to the left of the cue
inside the clause that is not the object of a preposition or of another cue verb; an object
is the first mention to the right before a clause boundary or a preposition the rule does
not allow. On top of that sit the constructions news uses: passives ("Y was backed by X",
"Y, backed by X,"), "X-backed Y", "pro-X Y", "X's support for Y", nominalisations with a
"by" agent ("the expulsion of Y by X"), relative clauses ("Y, which X supports"),
coordination on either side ("Russia, Turkey and Iran") and adjectival demonyms
("Syrian forces" is Syria, "the Lebanese group Hezbollah" is Hezbollah).

Every frame only looks at a bounded window around its cue, so the cost per document is
linear in the number of cue matches.

The :class:`Linker` holds one Doc's token arrays and the frames' results; its methods live
in mixins by job: :mod:`.phrases` (mentions, governors, heads, coordination), :mod:`.scan`
(subject/object scans), :mod:`.clause_helpers`, :mod:`.emit` (candidates), and the frames
proper in :mod:`.frames_verbal`, :mod:`.frames_nominal` and :mod:`.frames_membership`.
Shared word classes and records are in :mod:`.frame_common`.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from ..tokens import token_data
from .clause_helpers import ClauseMixin
from .emit import EmitMixin
from .frame_common import Cand, Descriptor, OpenAttack, _word_sets
from .frames_membership import MembershipFrames
from .frames_nominal import NominalFrames
from .frames_verbal import VerbalFrames
from .mentions import Mention
from .phrases import PhraseMixin
from .rules import Rule
from .scan import ScanMixin


@dataclass
class Linker(PhraseMixin, ScanMixin, ClauseMixin, EmitMixin, VerbalFrames,
             NominalFrames, MembershipFrames):
    """One Doc's token arrays, mentions and the frames' results; the methods come from
    the mixins named in the module docstring."""

    doc: Doc
    mentions: list[Mention]
    index: list[int]
    lex: dict[str, Any]
    verb_forms: frozenset[str]
    cands: list[Cand] = field(default_factory=list)
    descriptors: list[Descriptor] = field(default_factory=list)
    open_attacks: list[OpenAttack] = field(default_factory=list)
    enumerations: list[tuple[list[Mention], int, int]] = field(default_factory=list)
    # token after a passive's last agent → its patient ("run by X and guarded by Y")
    last_passive: dict[int, Mention] = field(default_factory=dict)
    # attacks whose target is named but whose attacker is not ("A drone struck X"), and
    # claims of an attack without a target ("Y claimed the attack"): bridging pairs them
    open_targets: list[tuple[int, list[Mention]]] = field(default_factory=list)
    claims: list[tuple[int, list[Mention]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        doc = self.doc
        # the token strings and flags every kg component shares (read once per Doc; the
        # lists are shared, never modify them)
        data = token_data(doc)
        n = data.n
        self.text = data.text
        self.low = data.lower
        self.alpha = data.alpha
        self.lowercase = data.lowercase
        self.punct = data.punct
        # line-break tokens, found per distinct word rather than per token
        breaks = [i for i in data.where_text_has("\n") if data.space[i]]
        self.newline = [False] * n
        for i in breaks:
            self.newline[i] = True
        bounds: list[tuple[int, int]] = []
        starts = data.sent_starts if n else []
        sents = list(zip(starts, starts[1:] + [n], strict=False))
        for s, e in sents:
            cur = s
            for i in breaks[bisect_left(breaks, s):bisect_left(breaks, e)]:
                if i > cur:
                    bounds.append((cur, i))
                cur = i + 1
            if cur < e:
                bounds.append((cur, e))
        self.segments = bounds
        self.seg_start = [0] * n
        self.seg_end = [n] * n
        self.segment_of = [0] * n
        for k, (s, e) in enumerate(bounds):
            self.seg_start[s:e] = [s] * (e - s)
            self.seg_end[s:e] = [e] * (e - s)
            self.segment_of[s:e] = [k] * (e - s)
        self.skippable, self.title_words, self._noun_stop = _word_sets(self.lex)
        # token -> its mention or None, for mention_at (the frames' most frequent question)
        self._n = len(self.index)
        self._mention_of = [self.mentions[k] if k >= 0 else None for k in self.index]

    # ---- frames ----------------------------------------------------------------------------
    def run(self, rule: Rule, ms: int, me: int) -> None:
        rule.spec.fn(self, rule, ms, me)
