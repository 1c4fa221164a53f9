"""Noun-phrase questions the frames ask about a token or a mention: which mention sits
at a token, what governs it (a preposition? a verb?), which mention it modifies, which
mentions are coordinated with it, and what an unnamed group noun is in apposition to.

A mixin of :class:`kg.rel.frames.Linker`: it reads the Linker's per-Doc token arrays
(``low``, ``text``, ``seg_start``…) and holds no state of its own, so the phrase logic can
be read (and tested through the Linker) apart from the clause scans built on it.
"""

from __future__ import annotations

from .frame_common import APPOSITION_DETERMINERS, PLACE_TYPES
from .mentions import Mention


class PhraseMixin:
    """Mention lookup, governors, heads and coordination (see the module docstring)."""

    # ---- small predicates -------------------------------------------------------------
    def mention_at(self, i: int) -> Mention | None:
        if 0 <= i < self._n:
            return self._mention_of[i]
        return None

    def is_boundary(self, i: int) -> bool:
        return self.newline[i] or self.text[i] in self.lex["boundary_punct"] \
            or self.low[i] in self.lex["clause_boundaries"]

    def governor(self, m: Mention) -> int:
        """Index of the first token left of ``m`` that is not a determiner/light adjective."""
        i = m.start - 1
        lo = self.seg_start[m.start]
        while i >= lo and self.low[i] in self.skippable and self.mention_at(i) is None:
            i -= 1
        return i

    def governing_prep(self, m: Mention) -> str | None:
        """The preposition governing ``m``, looking through a list it belongs to
        ("from Afghanistan, Iraq, and Syria" → "from" for all three)."""
        seen = 0
        while seen < 8:
            g = self.governor(m)
            if g < self.seg_start[m.start]:
                return None
            w = self.low[g]
            if w in self.lex["prepositions"]:
                return w
            if w not in ("and", "or", ","):
                return None
            if w == "," and not self._list_continues(m):
                return None  # "Through the coalition, Washington supports ...": not a list
            k = g - 1
            while k >= self.seg_start[m.start] and self.low[k] in (",", "and", "or"):
                k -= 1
            prev = self.mention_at(k)
            if prev is None or prev is m:
                return None
            if {prev.type, m.type} & {"LOCATION", "FACILITY"} \
                    and {prev.type, m.type} & {"ORGANIZATION", "PERSON", "GROUP"}:
                return None  # "in the mountains, and they attacked ...": no list of both
            m = prev
            seen += 1
        return None

    def _list_continues(self, m: Mention) -> bool:
        k = m.end
        end = self.seg_end[m.start]
        return k < end and self.low[k] in (",", "and", "or")

    def is_prep_object(self, m: Mention, allow_by: bool = False) -> bool:
        w = self.governing_prep(m)
        return w is not None and not (w == "by" and allow_by)

    def is_verb_object(self, m: Mention) -> bool:
        g = self.governor(m)
        if g > self.seg_start[m.start] and self.text[g - 1] in ("-", "\u2013"):
            return False  # "Kurdish-led SDF": a compound modifier, not a verb
        return g >= self.seg_start[m.start] and self.low[g] in self.verb_forms

    def possessive_after(self, m: Mention) -> bool:
        if m.end < len(self.doc) and self.low[m.end] in self.lex["possessive"]:
            return True
        text, name = m.text.lower(), m.name.lower()
        return (m.source == "coref" and text in self.lex["possessive_pronouns"]) or (
            text.endswith("s") and not name.endswith("s") and text[:-1] == name.split()[-1])

    def modifier_ok(self, m: Mention) -> bool:
        """An adjectival demonym names its state unless it modifies a non-state noun."""
        doc = self.doc
        if m.end + 1 < len(doc) and self.text[m.end] in ("-", "\u2013") \
                and self.low[m.end + 1] not in ("led", "held", "controlled") \
                and self.alpha[m.end + 1]:
            return False  # "Iran-Iraq border", "US-Iranian struggle": part of a compound
        if not m.adjectival_form or m.end >= len(doc):
            return True
        j = m.end
        end = self.seg_end[m.start]
        # "Syrian government forces" is Syria; "Syrian oil fields", "Syrian men" are not
        while j < min(m.end + 3, end) and self.alpha[j] and self.lowercase[j]:
            if self.low[j] in self.lex["non_state_heads"]:
                return False
            if self.low[j] not in self.lex["np_modifiers"]:
                break
            j += 1
        return True

    # ---- heads and coordination ------------------------------------------------------------
    def head_of(self, m: Mention) -> Mention:
        """The mention a modifier belongs to: "Iran's Revolutionary Guards" → the Guards."""
        end = self.seg_end[m.start]
        j = m.end
        if j < end and self.low[j] in self.lex["possessive"]:
            j += 1
        elif not m.adjectival_form:
            # a full name heads its own phrase ("the SDF fought ISIS") unless a title or a
            # place noun follows: "ISIS leader Abu Bakr", "the Syrian border town of X"
            k = j
            while k < end and self.low[k] in self.title_words and k - j < 4:
                k += 1
            n = self.mention_at(k)
            if k > j and n is not None and n.start == k and n.type == "PERSON":
                return n
            k = j
            while k < end and self.low[k] in self.lex["place_nouns"] and k - j < 3:
                k += 1
            n = self.mention_at(k + 1) if k < end and self.low[k] == "of" else None
            return n if k > j and n is not None and n.start == k + 1 else m
        if j + 2 < end and self.low[j] in ("counterpart", "counterparts") \
                and self.low[j + 1] == ",":
            n = self.mention_at(j + 2)  # "his Syrian counterpart, Faisal Mekdad" → the person
            if n is not None and n.start == j + 2 and n.type == "PERSON":
                return n
        limit = j + self.lex.get("modifier_gap_max", 3)
        saw_place = saw_title = False
        if j == m.end and j + 2 < end and self.text[j] in ("-", "\u2013") \
                and self.alpha[j + 1] and self.lowercase[j + 1] \
                and self.low[j + 1] != "led":
            j += 2  # "Iran-aligned Houthis", "US-backed SDF": the head follows
            n = self.mention_at(j)
            return n if n is not None and n.start == j else m
        while j < min(limit + 1, end):
            n = self.mention_at(j)
            if n is not None:
                if j == m.end and not self.possessive_after(m):
                    return m  # two mentions side by side without a marker: keep the first
                return n
            w = self.low[j]
            if w == "of" and (saw_place or saw_title):
                j += 1
                continue
            if w in self.title_words and not self.lowercase[j]:
                saw_title = True
                j += 1
                limit += 1
                continue
            if self.is_boundary(j) or self.punct[j] or w in self.lex["prepositions"] \
                    or w in ("and", "or") or not self.alpha[j] \
                    or w in self.lex["relative_pronouns"] or w in self.lex["clause_aux"]:
                break
            if w in self.lex["place_nouns"]:
                saw_place = True
            j += 1
        return m

    def coord_right(self, m: Mention, types: tuple[str, ...]) -> list[Mention]:
        """``m`` and the mentions coordinated after it. Commas alone do not make a list
        ("Dohuk, Iraq" is an apposition): the chain needs an "and"/"or"."""
        out = [m]
        conj = False
        end = self.seg_end[m.start]
        j = m.end
        while j < end:
            k = self.paren_end(j)  # "the PKK (PKK) and the YPG": skip the acronym
            skipped_pp = False
            if k + 1 < end and self.low[k] in ("in", "from") and m.type not in ("STATE",
                                                                              "LOCATION"):
                p = self.mention_at(k + 1)  # "Hezbollah in Lebanon, Hamas in Gaza and ..."
                if p is not None and p.start == k + 1 and p.type in ("LOCATION", "STATE"):
                    k, skipped_pp = p.end, True
            saw = False
            while k < end and self.low[k] in (",", "and", "or", "&"):
                saw = True
                conj = conj or self.low[k] != ","
                k += 1
            if not saw:
                break
            while k < end and self.low[k] in self.skippable and self.mention_at(k) is None:
                k += 1
            if k + 1 < end and self.low[k] in ("in", "at", "near") and self.mention_at(k) is None \
                    and m.type in ("LOCATION", "FACILITY") and all(t in PLACE_TYPES for t in types):
                k += 1  # "active in the desert of Anbar and in the Hamrin mountains"
                skipped_pp = False  # "at A in B and at C": C is a new place phrase
                while k < end and self.low[k] in self.skippable and self.mention_at(k) is None:
                    k += 1
                if (p := self.mention_at(k)) is not None and p.adjectival_form:
                    break  # "in Aden and in the Saudi capital": the capital is not named
            n = self.mention_at(k)
            if n is None or n.type not in types or not self.modifier_ok(n):
                break
            if n.source == "coref" and n.text.lower() in self.lex["possessive_pronouns"]:
                break  # "Syrian forces and their vehicles": the item is not the pronoun
            if skipped_pp and n.type in ("STATE", "LOCATION"):
                break  # "ISIS in Syria and Iraq": the list continues the place phrase
            n = self.head_of(n)
            if len(out) == 1 and self.low[j] == "," and self._starts_clause(n):
                break  # "funds the group, and the IRGC sends it ...": a new subject
            out.append(n)
            j = n.end
        return out if conj else [m]

    def _starts_clause(self, m: Mention) -> bool:
        """Is ``m`` followed by a finite verb or an auxiliary, i.e. the subject of a new
        clause rather than one more item of a list?"""
        k = m.end
        end = self.seg_end[m.start]
        while k < end and self.low[k] in ("also", "then", "later", "now", "still", "has",
                                          "have", "had"):
            k += 1
        if k >= end:
            return False
        w = self.low[k]
        return (w in self.verb_forms and not w.endswith("ing")) \
            or w in self.lex["clause_aux"] or (k > m.end and w.endswith("ed"))

    def paren_end(self, k: int) -> int:
        """Token after a parenthesis opening at ``k`` ("the LNA (LNA) of"), else ``k``."""
        if k < len(self.doc) and self.text[k] == "(":
            for j in range(k + 1, min(k + 8, self.seg_end[k])):
                if self.text[j] == ")":
                    return j + 1
        return k

    def _skip_paren_left(self, i: int, lo: int) -> int:
        if i >= lo and self.text[i] == ")":
            k = i - 1
            while k >= lo and self.text[k] != "(":
                k -= 1
            return k - 1
        return i

    def coord_left(self, m: Mention, types: tuple[str, ...]) -> list[Mention]:
        """``m`` and the mentions coordinated before it (same "and"/"or" condition)."""
        out = [m]
        conj = m.end < len(self.doc) and self.low[m.end] in ("and", "or")
        lo = self.seg_start[m.start]
        i = m.start - 1
        while i >= lo:
            i = self._skip_paren_left(i, lo)
            if m.type == "PERSON":  # "Turkish President A and Russian President B met"
                k = i
                while k >= lo and ((self.low[k] in self.title_words and self.mention_at(k) is None)
                                   or ((t := self.mention_at(k)) is not None and t.adjectival_form
                                       and t.type == "STATE")):
                    k = self.mention_at(k).start - 1 if self.mention_at(k) is not None else k - 1
                if k < i and k >= lo and self.low[k] in ("and", ","):
                    i = k
            while i >= lo and self.low[i] in self.skippable and self.mention_at(i) is None:
                i -= 1
            if i < lo or self.low[i] not in (",", "and", "or", "&"):
                break
            while i >= lo and self.low[i] in (",", "and", "or", "&"):
                conj = conj or self.low[i] != ","
                i -= 1
            i = self._skip_paren_left(i, lo)
            n = self.mention_at(i)
            if n is None or n.type not in types:
                break
            out.append(n)
            i = n.start - 1
        return out if conj else [m]

    def _group_noun_near(self, j: int, span: int = 2) -> int | None:
        end = self.seg_end[j] if j < len(self.doc) else len(self.doc)
        for k in range(j, min(j + span + 1, end)):
            if self.low[k] in self.lex["group_nouns"]:
                return k
            if self.low[k] not in self.skippable and not self.alpha[k]:
                return None
        return None

    def _apposed_to(self, noun: int, types: tuple[str, ...]) -> Mention | None:
        """The named mention a descriptive noun is in apposition to:
        "Hezbollah, the Lebanese group [funded by Iran]" → Hezbollah."""
        lo = self.seg_start[noun]
        k = noun - 1
        while k >= lo and noun - k <= 8 and self.low[k] != ",":
            if not (self.alpha[k] or self.mention_at(k) is not None
                    or self.text[k] in ("-", "\u2013")):
                return None
            k -= 1
        if k < lo or self.low[k] != "," or not any(self.low[j] in APPOSITION_DETERMINERS
                                                   for j in range(k + 1, noun)):
            return None
        m = self.mention_at(self._skip_paren_left(k - 1, lo))  # "the SNA (SNA), a ..."
        if m is None or m.type not in types:
            m = self.mention_at(k - 1)
        return m if m is not None and m.type in types else None
