"""Clause scans: the nearest plausible subject left of a cue and the first plausible
object right of it, with the relative-clause, parenthetical, apposition and
possessor cases news prose needs.

A mixin of :class:`kg.rel.frames.Linker` (no state of its own). Every scan is bounded by
a token window inside the cue's segment, so the frames stay linear in the number of cue
matches.
"""

from __future__ import annotations

from .frame_common import COMPOUND_PARTICIPLES, HOLDING, LOCATIVE, PLACE_TYPES, QUOTES
from .mentions import Mention


class ScanMixin:
    """Left and right argument scans (see the module docstring)."""

    # ---- scans -------------------------------------------------------------------------------
    def scan_left(self, pos: int, types: tuple[str, ...], max_tokens: int = 14,
                  coordinate: bool = True) -> tuple[list[Mention], int | None]:
        """Nearest plausible subject left of ``pos``; also the index of a relative pronoun
        met before any subject (``None`` otherwise)."""
        lo = self.seg_start[pos] if pos < len(self.doc) else self.seg_start[pos - 1]
        gerund = pos < len(self.low) and self.low[pos].endswith("ing")
        included: list[Mention] = []
        i = pos - 1
        if gerund and i >= lo:  # a participle right after a noun phrase modifies it
            m = self.mention_at(i)
            if m is not None and m.type in types and self.modifier_ok(m) \
                    and self.governing_prep(m) not in LOCATIVE:
                return [m], None  # "aid to the Kurdish forces fighting ISIS" → the forces
            if m is None and self.low[i] in self.lex["group_nouns"]:
                a = self._apposed_to(i, types)  # "Hamas, the militant group fighting X"
                return ([a] if a is not None else []), None  # "militias fighting X": unnamed
        if gerund and i - 1 >= lo and self.low[i] == "of" \
                and self.low[i - 1] in self.lex.get("accusation_verbs", ()):
            return [], None  # "firms it accuses of supplying X": the agent is not named
        if i - 1 >= lo and self.low[i] == "from":
            m = self.mention_at(i - 1)  # "prevent Tehran from entrenching": Tehran acts
            if m is not None and m.type in types and self.is_verb_object(m):
                return [m], None
        while i >= lo and pos - i <= max_tokens:
            if self.low[i] == "," and self._predicate_only(i + 1, pos):
                j = self._parenthetical_start(i)
                if j is not None:  # "Russia, which intervened in 2015, operates ..."
                    max_tokens += i - j + 1  # the parenthetical does not count
                    i = self._skip_paren_left(j - 1, lo)
                    continue
            if self.low[i] == "and" and not included and self._coordinated_predicate(i, pos):
                # "Qatar hosts US troops and has close ties with X": the clause's subject
                return (self._opening_subject(i, types)
                        or self._relative_subject(i, types)), None
            if self.text[i] == ")" and not included:
                k = next((k for k in range(i - 1, max(lo, i - 5) - 1, -1)
                          if self.text[k] == "("), None)
                if k is not None:  # "the People's Protection Units (YPG), the main ..."
                    max_tokens += i - k + 1  # the acronym does not count
                    i = k - 1
                    continue
            if self.low[i] == "whose" and not included:
                owner = self._whose_owner(i, pos, types)
                if owner is not None:  # "Russia, whose air force operates from X" → Russia
                    return [owner], None
            if self.is_boundary(i):
                return included, None
            if self.low[i] in self.lex["relative_pronouns"] and self.mention_at(i) is None:
                return included, (None if included else i)
            m = self.mention_at(i)
            if m is not None and self._contrasted(m):
                i = m.start - 1  # "X, not the PMF, was behind the attack": not PMF
                continue
            if m is not None and m.type in types and not included:
                gp = self.governing_prep(m)
                if gp == "including":  # "Several factions, including A and B, attacked ..."
                    included = self.coord_left(m, types)
                elif gp == "by" and self._after_event_noun(m):
                    return [m], None  # "a drone strike by X killed ..." → X
                elif gp == "by" and self._after_leader_participle(m):
                    return [m], None  # "opposition forces led by X toppled Y" → X
            if m is not None and m.adjectival_form and not included \
                    and not self.modifier_ok(m):
                k = self._group_noun_near(m.end)
                a = self._apposed_to(k, types) if k is not None and k < pos else None
                if a is not None:  # "Hamas, the Palestinian group fighting X" → Hamas
                    return [a], None
            if m is not None:
                if (m.type in types and gerund and m.end < len(self.low)
                        and self.low[m.end] in ("of", "from") and self.is_verb_object(m)):
                    return [m], None  # "accused X of arming ...": X is the agent
                if (m.type in types and not self.is_prep_object(m) and not self.is_verb_object(m)
                        and self.modifier_ok(m)):
                    # a possessor belongs to the noun phrase it opens: "Iran's support" → Iran
                    return (self.coord_left(m, types) if coordinate else [m]), None
                i = m.start - 1
                continue
            i -= 1
        return included, None

    def _coordinated_predicate(self, i: int, pos: int) -> bool:
        """Does "and" at ``i`` join a second predicate ("… hosts US troops and has close
        ties with …") rather than a second subject ("Iran and Syria have ...")? Only
        auxiliaries lie between it and the cue, and the mention before it is the object
        of a verb."""
        lo = self.seg_start[i]
        if i - 1 < lo or not all(self.low[k] in self.lex["aux"] and self.low[k] != ","
                                 for k in range(i + 1, pos)) or i + 1 == pos:
            return False
        m = self.mention_at(i - 1)
        if m is None:
            return False
        g = self.governor(m)
        return g >= lo and self.alpha[g] and self.lowercase[g] \
            and self.low[g] not in self.lex["prepositions"] \
            and self.low[g] not in ("and", "or", "the", "a", "an") \
            and self.low[g] not in self.lex["relative_pronouns"]

    def _predicate_only(self, k: int, pos: int) -> bool:
        """Tokens k..pos-1 are only the start of a predicate: auxiliaries, at most one verb
        ("has maintained a", "attacked the"), then determiners/light words."""
        while k < pos and self.low[k] in self.lex["aux"] and self.low[k] != ",":
            k += 1
        if k < pos and (self.low[k] in self.verb_forms or (
                self.alpha[k] and self.lowercase[k] and self.low[k][-2:] in ("ed", "es")
                and self.low[k] not in self.lex["prepositions"])):
            k += 1
        while k < pos and self.low[k] in self.skippable:
            k += 1
        return k == pos

    def _relative_subject(self, i: int, types: tuple[str, ...]) -> list[Mention]:
        """The antecedent of the relative pronoun that opens the predicate ending before
        ``i``: "the KRG, which hosts US troops and has ..." → the KRG."""
        lo = self.seg_start[i]
        for k in range(i - 1, max(lo, i - 12) - 1, -1):
            if self.is_boundary(k):
                return []
            if self.low[k] in ("which", "who") and self.mention_at(k) is None:
                return self.antecedent(k, types)
        return []

    def _diplomat_after(self, m: Mention) -> bool:
        """A diplomat noun right after ``m`` ("the Turkish ambassador", "Iran's envoy")."""
        k = m.end
        if k < len(self.doc) and self.low[k] in self.lex["possessive"]:
            k += 1
        return k < self.seg_end[m.start] and self.low[k] in self.lex["diplomat_nouns"]

    def _whose_owner(self, whose: int, pos: int, types: tuple[str, ...]) -> Mention | None:
        """"X, whose forces/air force ..." before a cue at ``pos``: X acts through its own
        forces. Only force nouns (and auxiliaries) may stand between "whose" and the cue."""
        between = range(whose + 1, pos)
        if not 0 < len(between) <= 4 or not any(self.low[k] in self.lex["force_nouns"]
                                                 for k in between):
            return None
        if not all(self.low[k] in self.lex["force_nouns"] or self.low[k] in self.lex["aux"]
                   or self.low[k] in self.skippable for k in between):
            return None
        k = whose - 1
        if k >= self.seg_start[whose] and self.low[k] == ",":
            k -= 1
        m = self.mention_at(k) if k >= self.seg_start[whose] else None
        return m if m is not None and m.type in types and self.modifier_ok(m) else None

    def left_or_antecedent(self, pos: int, types: tuple[str, ...],
                           max_tokens: int = 14) -> list[Mention]:
        """The subject left of ``pos``; when a relative pronoun comes first and only a short
        verb phrase lies between ("X, which has been negotiating a truce with Y"), the
        pronoun's named antecedent."""
        found, rel_i = self.scan_left(pos, types, max_tokens)
        if found or rel_i is None or pos - rel_i > 6:
            return found
        k = rel_i - 2 if rel_i >= 1 and self.low[rel_i - 1] == "," else rel_i - 1
        if self.mention_at(k) is None and not (
                k >= 0 and self.low[k] in self.lex["group_nouns"]):
            return []  # "officers who wanted ...": the antecedent is not a named actor
        if all(self.low[j] in self.lex["aux"] or self.low[j] in self.skippable
               or (self.alpha[j] and self.lowercase[j]
                   and (self.low[j] == "to" or self.low[j] not in self.lex["prepositions"]))
               for j in range(rel_i + 1, pos)):
            return self.antecedent(rel_i, types)
        return []

    def _contrasted(self, m: Mention) -> bool:
        """A mention denied in a contrast: "X, not the PMF,", "rather than Iran"."""
        k = m.start - 1
        lo = self.seg_start[m.start]
        while k >= lo and self.low[k] in ("the", "a", "an"):
            k -= 1
        if k < lo:
            return False
        return self.low[k] == "not" and k - 1 >= lo and self.low[k - 1] == "," \
            or (self.low[k] == "than" and k - 1 >= lo and self.low[k - 1] == "rather") \
            or (self.low[k] == "of" and k - 1 >= lo and self.low[k - 1] == "instead")

    def _after_leader_participle(self, m: Mention) -> bool:
        """"forces led by X", "rebels spearheaded by X": X heads the group that acts."""
        g = self.governor(m)
        lo = self.seg_start[m.start]
        return g - 2 >= lo and self.low[g] == "by" \
            and self.low[g - 1] in ("led", "headed", "commanded", "spearheaded") \
            and self.low[g - 2] in self.lex["group_nouns"] and self.mention_at(g - 2) is None

    def _after_event_noun(self, m: Mention) -> bool:
        g = self.governor(m)
        return g > self.seg_start[m.start] and self.low[g] == "by" \
            and self.low[g - 1] in self.lex["event_nouns"]

    def _parenthetical_start(self, close: int) -> int | None:
        """Index of the comma opening a parenthetical that ``close`` ends, when a mention
        stands right before it (", which ...", ", the group backed by X,")."""
        lo = self.seg_start[close]
        k = close - 1
        while k > max(lo, close - 20):
            if self.text[k] == ")":  # "..., one of the factions in the PMF (PMF), is ..."
                k = self._skip_paren_left(k, lo)
                continue
            if self.is_boundary(k) and self.low[k] not in ("since", "after", "before", "until",
                                                           "whose"):
                return None  # ", which has fought X since 2022,": a date, not a new clause
            if self.low[k] == ",":
                before = self._skip_paren_left(k - 1, lo)  # "the SNA (SNA), an alliance ...,"
                return k if self.mention_at(k - 1) is not None or (
                    before >= lo and self.mention_at(before) is not None) else None
            k -= 1
        return None

    def scan_right(self, pos: int, types: tuple[str, ...], allow_preps: tuple[str, ...] = (),
                   max_gap: int = 3, coordinate: bool = True,
                   prep_after_gap: bool = False) -> list[Mention]:
        """First plausible object right of ``pos`` (with its coordinated mentions). A
        preposition stops the scan unless ``allow_preps`` has it, and then only right after
        the cue ("fought against X", not "struck a deal with X") unless ``prep_after_gap``
        ("deployed near the old station in X")."""
        if pos >= len(self.doc):
            return []
        end = self.seg_end[pos]
        gap = 0
        j = pos
        while j < end and gap <= max_gap:
            m = self.mention_at(j)
            if m is not None and m.source == "coref" \
                    and m.text.lower() in self.lex["possessive_pronouns"]:
                j = m.end  # "its northern border": the pronoun only determines the object
                continue
            if m is not None and m.end + 2 < end and self.text[m.end] in ("-", "\u2013") \
                    and self.low[m.end + 1] in COMPOUND_PARTICIPLES \
                    and self.mention_at(m.end + 2) is not None:
                j = m.end + 2  # "run by the Kurdish-led Council": the name after the compound
                continue
            if m is not None:
                h = self.head_of(m)
                if h.type in types and self.modifier_ok(h):
                    return self.coord_right(h, types) if coordinate else [h]
                if h is not m and m.type in types and self.modifier_ok(m):
                    return [m]
                return []
            w = self.low[j]
            if w == "so" and j + 2 < end and self.text[j + 1] == "-" \
                    and self.low[j + 2] == "called":
                j += 3  # "part of the so-called Axis of Resistance"
                continue
            if self.is_boundary(j) or w in self.lex["relative_pronouns"]:
                break
            if self.text[j] in QUOTES:
                j += 1
                continue
            if w in ("and", "or") and gap == 0:
                k = j + 1
                while k < end and self.text[k] in QUOTES:
                    k += 1
                if k < end and self.low[k] in self.verb_forms:
                    j = k + 1  # "curb or end X", "arm and train X": a shared object
                    continue
            if self.text[j] in ("-", "\u2013") and j + 1 < end and gap \
                    and self.low[j + 1] in COMPOUND_PARTICIPLES:
                j += 2  # "run by the Kurdish-led administration": a modifier of the name
                continue
            if self.punct[j] or w in ("and", "or"):
                break
            if w == "than" and j > pos and self.low[j - 1] in ("more", "less", "fewer"):
                j += 1  # "struck more than 60 Houthi targets": a quantity, not a comparison
                continue
            if w == "of" and j > pos and self.low[j - 1] in self.lex["place_part_nouns"] \
                    and all(t in PLACE_TYPES for t in types):
                j += 1  # "active in the desert of Anbar": the place is after "of"
                continue
            if w in self.lex["prepositions"]:
                if w not in allow_preps or (gap and not prep_after_gap):
                    break
            elif gap and w.endswith("ing") and self.lowercase[j] and w not in HOLDING \
                    and (w in self.verb_forms or self.alpha[j]):
                break  # "money to militias fighting the US", "fired at ships transiting
                # the strait": the later mention is not the recipient or target
            elif w not in self.skippable:
                gap += 1
            j += 1
        return []

    def adjacent_left(self, pos: int, types: tuple[str, ...], skip: frozenset[str]) -> \
            tuple[Mention | None, int]:
        """Mention ending just before ``pos`` (skipping ``skip`` words); else the index
        where the walk stopped."""
        lo = self.seg_start[pos]
        i = pos - 1
        steps = 0
        while i >= lo and steps < 5:
            m = self.mention_at(i)
            if m is not None:
                return (m if m.type in types else None), i
            if self.low[i] not in skip:
                return None, i
            i -= 1
            steps += 1
        return None, i

    def possessor_or_premod(self, pos: int, types: tuple[str, ...],
                            premod_only: bool = False) -> list[Mention]:
        """Agent written before a noun: "Iran's support", "US airstrikes", "X-led campaign"."""
        lo = self.seg_start[pos]
        i = pos - 1
        # "X-led campaign", "X-backed offensive"
        if i - 2 >= lo and self.low[i] in ("led", "backed", "sponsored") and self.low[i - 1] == "-":
            m = self.mention_at(i - 2)
            return [m] if m and m.type in types else []
        steps = 0
        while i >= lo and steps <= 2:
            m = self.mention_at(i)
            if m is not None:
                if m.type not in types or not (m.end == pos or self.possessive_after(m)):
                    return []
                if premod_only and m.end != pos and not self.possessive_after(m):
                    return []
                return self.coord_left(m, types)
            w = self.low[i]
            if w in self.lex["possessive"]:
                i -= 1
                continue
            if not (self.alpha[i] and self.lowercase[i]) or w in self.lex["prepositions"] \
                    or w in ("and", "or", "the", "a", "an") or self.is_boundary(i):
                return []
            steps += 1
            i -= 1
        return []

    def antecedent(self, rel_i: int, types: tuple[str, ...]) -> list[Mention]:
        """What a relative pronoun refers to: the nearest mention before it that is not the
        object of a preposition ("the highway in the south of the country, which ..." →
        the highway), else the agent of a "by" phrase ("attacks by X on a base, which
        killed ..." → X)."""
        lo = self.seg_start[rel_i]
        k = rel_i - 1
        while k >= lo and self.low[k] == ",":
            k -= 1
        if k >= lo and self.low[k] in self.lex["group_nouns"] and self.mention_at(k) is None:
            a = self._apposed_to(k, types)  # "the STC, a separatist movement that controls"
            if a is not None:
                return [a]
        m = self.mention_at(k)
        if m is not None and m.type not in types and m.type in ("STATE", "LOCATION"):
            g = self.governor(m)
            n = self.mention_at(g - 1) if g - 1 >= lo and self.low[g] in ("in", "near") \
                else None
            if n is not None and n.type in types and n.type in ("FACILITY", "LOCATION"):
                return [n]  # "the air base in eastern Libya, which is controlled by X"
        if m is not None and m.type == "PERSON" and "PERSON" in types \
                and self.low[rel_i] == "who":
            return [m]  # "the death of Soleimani, who commanded X": "who" is a person
        if m is not None and m.type in types and self.modifier_ok(m) \
                and self.governing_prep(m) not in (
                "in", "at", "near", "inside", "outside", "around", "across", "from", "of",
                "into", "along", "on"):
            return [m]  # "a group aligned with the PKK, which has fought ..." → the PKK
        i = rel_i - 1
        while i >= lo and rel_i - i <= 14:
            if self.is_boundary(i):
                break
            m = self.mention_at(i)
            if m is not None:
                if m.type in types and not self.is_prep_object(m) and self.modifier_ok(m):
                    return [m]
                i = m.start - 1
                continue
            i -= 1
        for k in range(rel_i - 1, lo, -1):
            if self.is_boundary(k):
                break
            if self.low[k] == "by":
                n = self.mention_at(k + 1) or self.mention_at(k + 2)
                if n is not None and n.type in types:
                    return [n]
        return []
