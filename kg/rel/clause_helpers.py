"""Clause-level helpers several frames share: a subject elided after "and"/"but" or a
participle, the actor opening a segment, "members of X", "including A and B" lists,
places after "most of them in", and whether a cue word is a noun or a passive.

A mixin of :class:`kg.rel.frames.Linker` (no state of its own); split from the frames so
each frame module reads as the construction it handles.
"""

from __future__ import annotations

from ..resolve import is_demonym
from .frame_common import DETERMINERS, SUBORDINATORS
from .mentions import Mention


class ClauseMixin:
    """Shared clause helpers (see the module docstring)."""

    def _elided_subject(self, ms: int, types: tuple[str, ...]) -> list[Mention]:
        """The subject a verb shares with the clause before it: "The UAE withdrew its troops
        but still backs the STC" (after "but"/"and"), "Turkey invaded in 2018, seizing Afrin"
        (a participle after a comma: the sentence's subject, if it opens the sentence)."""
        lo = self.seg_start[ms]
        k = ms - 1
        while k >= lo and self.low[k] in ("still", "also", "now", "later", "then", "has",
                                          "have", "had", "continues", "continue", "to"):
            k -= 1
        if k < lo:
            return []
        if self.low[k] in ("but", "and") and k - 1 >= lo and self.low[k - 1] != ",":
            found = self.scan_left(k, types)[0]
            if found or not self.low[ms].endswith("ed"):
                return found
            # "The Wagner Group, the company run by X, fought ... and deployed fighters to
            # Mali": a second finite verb shares the subject that opens the sentence
            return self._opening_subject(k, types)
        if self.low[k] == "," and self.low[ms].endswith("ing") and k == ms - 1:
            return self._opening_subject(k, types)
        return []

    def _opening_subject(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """The actor that opens the segment, when no relative clause or subordinate
        clause lies between it and token ``k``."""
        lo = self.seg_start[k]
        j = lo
        while j < lo + 2 and self.low[j] in ("the", "a", "an") and self.mention_at(j) is None:
            j += 1
        m = self.mention_at(j)
        if m is not None and m.start == j and m.type in types and not m.adjectival_form \
                and not any(self.low[t] in self.lex["relative_pronouns"]
                            or self.low[t] in SUBORDINATORS for t in range(m.end, k)):
            # "X vowed revenge for a strike that hit Y, killing Z": not X's act
            return self.coord_right(m, types)
        return []

    def _members_of(self, pos: int, types: tuple[str, ...],
                    targets: bool = False) -> list[Mention]:
        """"killed seven members of the IRGC", "trained fighters of the SNA": the group;
        with ``targets`` also "bombed hideouts of the group", "struck positions of X"."""
        end = self.seg_end[pos] if pos < len(self.doc) else pos
        nouns = self.lex["members_of_nouns"] | (self.lex["target_of_nouns"] if targets
                                                 else frozenset())
        k = pos
        while k < min(pos + 4, end) and self.mention_at(k) is None \
                and ((self.alpha[k] and self.lowercase[k])
                     or (targets and self.text[k][:1].isdigit())) \
                and self.low[k] not in nouns and self.low[k] not in self.lex["prepositions"]:
            k += 1
        if targets and k + 2 < end and self.low[k] in nouns \
                and self.low[k + 1] in ("used", "belonging", "operated", "run", "held",
                                        "controlled", "owned") \
                and self.low[k + 2] in ("by", "to"):
            return self.scan_right(k + 3, types, max_gap=0)  # "targets used by the PKK"
        if k + 1 < end and self.low[k] in nouns and self.low[k + 1] == "of":
            j = k + 2
            while j < min(k + 6, end) and self.mention_at(j) is None and self.lowercase[j] \
                    and (self.low[j] in self.title_words or self.low[j] in self.skippable):
                j += 1  # "the forces of eastern commander Khalifa Haftar"
            return self.scan_right(j, types, max_gap=0)
        return []

    def _including_list(self, pos: int, types: tuple[str, ...]) -> list[Mention]:
        """Objects named in an "including" list after an unnamed group: "arms a network of
        allied groups, including Hezbollah, Hamas and the Houthis" → those three."""
        end = self.seg_end[pos] if pos < len(self.doc) else pos
        saw_group = False
        places = all(t.lower() in self.lex["place_types"] for t in types)
        for k in range(pos, min(pos + 12, end)):
            w = self.low[k]
            m = self.mention_at(k)
            if m is not None and places and m.type in ("STATE", "LOCATION"):
                saw_group = True  # "controls most of Syria, including the cities of X"
                continue
            if m is not None or self.is_boundary(k) or w in self.lex["relative_pronouns"]:
                return []
            if w in self.lex["group_nouns"] or w in self.lex["members_nouns"] \
                    or (places and w in self.lex["place_plurals"]):
                saw_group = True
            elif w in ("including", "such") and saw_group:
                start = k + 2 if w == "such" and k + 1 < end and self.low[k + 1] == "as" \
                    else k + 1
                if w == "such" and start == k + 1:
                    return []
                items = self.scan_right(start, types, ("of",), max_gap=1, prep_after_gap=True) \
                    if places \
                    else self.scan_right(start, types, max_gap=0)
                # "seized a string of towns including A and B": no comma needed for places
                return items if self.low[k - 1] == "," or places else []
        return []

    def _share_places(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """Places after ", most/some/all of them (are/based) in ..." at token ``k``."""
        if k >= len(self.doc):
            return []
        end = self.seg_end[k]
        j = k + 1
        if j + 3 >= end or self.low[k] != ",":
            return []
        if self.low[j] in ("mainly", "mostly", "largely", "primarily", "chiefly", "notably"):
            j += 1  # "keeps 2,500 troops in Iraq, mainly at A and at B"
        else:
            if self.low[j] == "the":
                j += 1
            if self.low[j] not in self.lex["share_quantifiers"] or self.low[j + 1] != "of" \
                    or self.low[j + 2] not in ("them", "whom", "those", "which"):
                return []
            j += 3
        while j < end and self.low[j] in ("are", "were", "is", "was", "now", "currently",
                                          "based", "stationed", "deployed", "positioned"):
            j += 1
        if j + 1 < end and self.low[j] in ("in", "at", "near", "inside", "around", "along"):
            return self.scan_right(j + 1, types, max_gap=1)
        return []

    def _including_after(self, k: int, types: tuple[str, ...]) -> list[Mention]:
        """The items of ", including A and B" / ", such as A" right after token ``k``
        (an acronym in parentheses before the comma is skipped)."""
        n = len(self.doc)
        if k < n and self.text[k] == "(":
            close = next((j for j in range(k, min(k + 8, self.seg_end[k]))
                          if self.text[j] == ")"), None)
            if close is None:
                return []
            k = close + 1
        if k + 1 >= n or self.low[k] != "," or k + 1 >= self.seg_end[k]:
            return []
        w = self.low[k + 1]
        if w == "including":
            start = k + 2
        elif w == "such" and k + 2 < n and self.low[k + 2] == "as":
            start = k + 3
        else:
            return []
        return self.scan_right(start, types, max_gap=0) if start < n else []

    def _noun_use(self, ms: int) -> bool:
        """Is the cue word at ``ms`` used as a noun? It is when a determiner or "of" opens
        its phrase: right before it ("the strikes"), or "of" with at most three plain
        modifiers between ("a series of sabotage attacks")."""
        if self.low[ms].endswith("ing"):
            return False
        lo = self.seg_start[ms]
        stop = self._noun_stop
        k = ms - 1
        if k >= lo and self.low[k] in DETERMINERS and self.mention_at(k) is None:
            return True
        m = self.mention_at(k) if k >= lo else None
        if m is not None and m.adjectival_form and m.start - 1 >= lo \
                and self.low[m.start - 1] in DETERMINERS and is_demonym(m.text):
            return True  # "condemned the Israeli strike on X": a noun with a demonym
        while k >= lo and ms - k <= 4:  # "its cells attack X" stays a verb: only "of" decides
            w = self.low[k]
            if w == "of":
                return True
            if self.mention_at(k) is not None or not self.alpha[k] or not self.lowercase[k] \
                    or w in stop or w in self.verb_forms or w in DETERMINERS:
                return False
            k -= 1
        return False

    def _clause_subject(self, objs: list[Mention]) -> bool:
        k = max(o.end for o in objs)
        return k < self.seg_end[objs[0].start] and self.low[k] in self.lex["clause_aux"]

    def _passive_before(self, ms: int) -> bool:
        lo = self.seg_start[ms]
        i = ms - 1
        while i >= lo and self.low[i] in ("reportedly", "allegedly", "largely", "heavily",
                                           "also", "still", "now", "earlier", "already",
                                           "openly", "widely", "not", "never", "once",
                                           "directly", "long"):
            i -= 1
        return i >= lo and self.low[i] in ("was", "were", "is", "are", "be", "been", "being",
                                           "get", "got", "gets")
