"""Unknown people: names after a title ("Colonel Jane Doe"), before an apposed role
("Jane Doe, the group's leader"), after "the government of", and next to a speech verb.

A mixin of :class:`kg.components.entities.EntityRecognizer`. Each rule asks for two to four
title-case words or a title right before the name, to keep precision on unseen text.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from ... import resolve
from ...gazetteer import norm_key
from .common import (
    ANAPHOR_NOUNS,
    DASHES,
    GOVERNMENT_WORDS,
    LEADER_PARTICIPLES,
    LOWER_CASE_ROLES_OK,
    NOT_NAMES,
    ORG_HEADS,
    PARTICLES,
    SPEECH_VERBS,
    WHO_WORDS,
    Cand,
    _canonical,
    covered_by,
)
from .toks import Toks

# "whose father Jane Doe", "his son John Doe": a kin noun of a possessor before a name
KIN_NOUNS = resolve.vocab()["kin_nouns"]
KIN_OWNERS = resolve.vocab()["kin_owners"]

# the quote marks of a nickname inside a name ("Tomás “El Flaco” Rendón"): opening → closing
NICKNAME_QUOTES = {"\u201c": ("\u201d",), '"': ('"',), "'": ("'", "\u2019"), "\u2018": ("\u2019",)}
NICKNAME_OPENERS = frozenset(NICKNAME_QUOTES)

# how close (rapidfuzz ratio of the spelling-insensitive keys) a longer written name must
# be to a known person's name to be that person
FUZZY_NAME = 90.0


class PersonRules:
    """Mixin of the ``kg_entities`` component (see the module docstring)."""

    def _titles_persons(self, T: Toks, cands: list[Cand], headline: set[int],
                        roles: list[tuple[int, int]]) -> None:
        """Names right after a title ("Colonel Jane Doe", "spokesman Doe")."""
        covered = covered_by(cands)
        by_start: dict[int, Cand] = {}
        for c in cands:
            if c.start not in by_start or c.end > by_start[c.start].end:
                by_start[c.start] = c  # the longest candidate at each start
        role_at = dict(roles)
        for s, e in roles:
            if s in headline or not (T.cap[s] or e - s > 1
                                     or T.lower[s] in LOWER_CASE_ROLES_OK):
                continue
            j = e
            while j < T.n:
                if T.text[j] in {"(", ")", ","} or j in role_at:
                    j = role_at.get(j, j + 1)
                    continue
                k = j + 2 if j + 1 < T.n and T.lower[j + 1] == "the" else j + 1
                c = by_start.get(k)
                if T.lower[j] in {"for", "of", "at"} and c is not None and c.end < T.n \
                        and T.text[c.end] == "," and c.label in {"STATE", "ORGANIZATION"}:
                    j = c.end  # "spokesman for the X, Jane Doe"
                    continue
                break
            if j >= T.n:
                continue
            end = self._name_run(T, j)
            if end == j or T.lower[end - 1] in ORG_HEADS:
                continue  # "General Assembly"
            inside = [k for k in range(j, end) if k in covered]
            if inside and self._first_name_claimed(T, j, end, inside, by_start):
                inside = []  # "Foreign Minister Badr bin Hamad Al Busaidi": not the Badr group
            elif j in covered:
                continue
            if inside and (known := self._same_bearer(T, j, end, inside, by_start)):
                # "Foreign Minister Hossein Amirabdollahian": the known surname's person
                cands.append(Cand(j, end, "PERSON", known, "title", prio=3))
                continue
            if inside and not self._other_bearer(T, j, end, inside, by_start):
                end = inside[0]
                if end == j:
                    continue
            text = T.span_text(j, end)
            hit = self.gz.lookup(text)
            if hit is not None and self.gz.actors[hit.actor].type != "PERSON":
                continue
            kb = hit.actor if hit is not None else self._known_variant(text)
            if kb is None:
                r = _canonical(text, "PERSON")
                kb = r[0] if r and r[1] == "PERSON" else text
            cands.append(Cand(j, end, "PERSON", kb, "title", prio=2))

    def _known_persons_whole(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A known person the gazetteer matched by the end of the name only ("Abu
        Mohammed" + "al-Jolani", "Mohammad Shia" + "al-Sudani"): the capitalised words
        right before it are the rest of the name when, with them, the text spells one of
        the person's names (fuzzily: transliterations differ, "Mohammad"/"Mohammed")."""
        starts = {c.start: c for c in cands}
        for c in [c for c in cands if c.label == "PERSON" and c.source == "gazetteer"]:
            actor = self.gz.actors.get(c.kb)
            if actor is None or c.start in headline:
                continue
            names = [norm_key(x) for x in (actor.name, *actor.aliases)]
            longest = max(len(x.split()) for x in (actor.name, *actor.aliases))
            if longest <= len(T.span_text(c.start, c.end).split()):
                continue
            s = c.start
            best = None
            while s > 0 and c.start - s < 3 and T.cap[s - 1] and T.text[s - 1].isalpha() \
                    and T.lower[s - 1] not in NOT_NAMES and T.lower[s - 1] not in resolve.ROLES \
                    and not (s - 1 in starts and starts[s - 1].label not in {"GROUP", "PERSON"}):
                s -= 1
                key = norm_key(T.span_text(s, c.end))
                if max(fuzz.ratio(key, x) for x in names) >= FUZZY_NAME:
                    best = s
            if best is not None:
                cands.append(Cand(best, c.end, "PERSON", c.kb, "gazetteer", prio=3))

    def _same_bearer(self, T: Toks, j: int, end: int, inside: list[int],
                     by_start: dict[int, Cand]) -> str | None:
        """The known person whose name the whole run after a title is: the gazetteer
        matched only its end ("Hossein" + the known "Amirabdollahian", "Abed Rabbou" + the
        known "Mansour Hadi") and the run's first name is that person's first name."""
        c = by_start.get(inside[0])
        if c is None or c.label != "PERSON" or c.end != end or inside[0] == j \
                or any(k in inside for k in range(j, c.start)):
            return None
        known = norm_key(c.kb.split()[0])
        return c.kb if known and known == norm_key(T.text[j]) else None

    def _first_name_claimed(self, T: Toks, j: int, end: int, inside: list[int],
                            by_start: dict[int, Cand]) -> bool:
        """Whether a one-word organisation or place the gazetteer matched at the start of
        the run after a title is the person's first name ("Badr" in "Minister Badr bin
        Hamad Al Busaidi"): two more name words follow and nothing else is known."""
        c = by_start.get(j)
        if c is None or c.start != j or c.end - c.start != 1 or c.label not in {
                "ORGANIZATION", "LOCATION", "FACILITY"} or inside != [j]:
            return False
        return sum(1 for k in range(c.end, end) if T.cap[k]) >= 2

    def _known_variant(self, text: str) -> str | None:
        """A known person written with patronymics ("Badr bin Hamad Al Busaidi" is the
        known "Badr Albusaidi"): the name without its "bin X"/"ibn X" parts, when the
        gazetteer has that name as a person with the same first name."""
        words = text.split()
        short: list[str] = []
        i = 0
        while i < len(words):
            if i > 0 and words[i].lower() in {"bin", "ibn"} and i + 1 < len(words) - 1:
                i += 2  # a father's name, not the last word
                continue
            short.append(words[i])
            i += 1
        if len(short) < 2 or len(short) == len(words):
            return None
        hit = self.gz.lookup(" ".join(short))
        if hit is None or self.gz.actors[hit.actor].type != "PERSON":
            return None
        return hit.actor if norm_key(hit.actor.split()[0]) == norm_key(short[0]) else None

    def _other_bearer(self, T: Toks, j: int, end: int, inside: list[int],
                      by_start: dict[int, Cand]) -> bool:
        """Is "Masrour Barzani" a different person from the known surname "Barzani" (Masoud
        Barzani)? Yes when a first name stands before the surname the gazetteer matched and
        that first name is not the known person's."""
        c = by_start.get(inside[0])
        if c is None or c.label != "PERSON" or inside[0] == j or c.end != end:
            return False
        first = T.lower[j]
        known = c.kb.lower().split()
        return len(known) >= 2 and first not in known and c.end - c.start == 1

    def _appositive_persons(self, T: Toks, cands: list[Cand], headline: set[int],
                            roles: list[tuple[int, int]]) -> None:
        """A full name before ", the <role>" / ", its <role>" / ", the group's <role>" /
        ", Russia's <role>" is a person ("Omar Zaidan, the group's leader, …"); two to four
        title-case words only, to keep precision."""
        covered = covered_by(cands)
        by_end: dict[int, Cand] = {}
        for c in cands:  # the longest name ending there ("Los Choneros", not "Choneros")
            if c.end not in by_end or c.start < by_end[c.end].start:
                by_end[c.end] = c
        # "Jane Doe, who commanded …": organisations and places take "which"
        anchors = [(rs, True) for rs, _re in roles] + [
            (i, False) for i in T.data.where(WHO_WORDS) if i > 2 and T.text[i - 1] == ","]
        for rs, re_ in roles:
            self._person_after_role_phrase(T, rs, re_, covered, cands)
        for rs, is_role in anchors:
            if rs in headline:
                continue
            if not is_role:
                self._person_before(T, rs - 1, covered, cands)
                continue
            k = rs
            while k > 0 and T.lower[k - 1] in resolve.TITLE_FILLERS and rs - k < 3:
                k -= 1
            c = by_end.get(k)
            if c is not None and c.start > 1:
                j = c.start  # "Jane Doe, the U.N. envoy", "…, a senior Hamas official"
                while j > 0 and T.lower[j - 1] in resolve.TITLE_FILLERS and c.start - j < 2:
                    j -= 1
                if T.lower[j - 1] in {"the", "a", "an"}:
                    k = j
            if k > 0 and T.lower[k - 1] in {"the", "a", "an", "its", "their"}:
                k -= 1
            elif k > 1 and T.lower[k - 1] in {"'s", "\u2019s"}:
                if T.lower[k - 2] in ANAPHOR_NOUNS and k > 2 and T.lower[k - 3] == "the":
                    k -= 3
                elif (c := by_end.get(k - 1)) is not None:
                    k = c.start - (1 if c.start > 0 and T.lower[c.start - 1] == "the" else 0)
                else:
                    continue
            if k < 3 or T.text[k - 1] != ",":
                continue
            self._person_before(T, k - 1, covered, cands)

    def _kin_persons(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A name right after a possessed kin noun, "whose father Jane Doe", "his son John
        Doe": a person (two or three title-case words)."""
        covered = covered_by(cands)
        n = T.n
        for i in T.data.where(KIN_NOUNS):
            if i < 1 or i + 2 >= n or i in headline or T.lower[i - 1] not in KIN_OWNERS:
                continue
            s = i + 1
            e = self._name_run(T, s, max_len=3)
            if not 2 <= e - s <= 3 or any(k in covered or not T.is_title(k)
                                          for k in range(s, e)):
                continue
            if any(T.is_stop(k) or T.lower[k] in NOT_NAMES or T.lower[k] in ORG_HEADS
                   or T.lower[k] in resolve.ROLES for k in range(s, e)):
                continue
            text = T.span_text(s, e)
            if self.gz.lookup(text) is not None:
                continue  # a known actor is the gazetteer's
            hit = _canonical(text, "PERSON")
            cands.append(Cand(s, e, "PERSON", hit[0] if hit and hit[1] == "PERSON" else text,
                              "title", prio=2))
            covered.update(range(s, e))

    def _nicknamed_persons(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A name with a quoted nickname inside, 'Tomás “El Flaco” Rendón', "Ahmed 'Abu
        Hamza' al-Tikriti": a person, named without the nickname as news and
        gazetteers name them. The shape is the cue: title-case words (particles allowed)
        on both sides of a quoted title-case nickname of one to three words."""
        covered = covered_by(cands)
        n = T.n
        for q in T.data.where(NICKNAME_OPENERS):
            if q < 1 or q + 1 >= n or q in headline or not T.is_title(q + 1):
                continue
            c = q + 1
            while c < n and c - q <= 3 and T.is_title(c):
                c += 1
            if c == q + 1 or c >= n or T.text[c] not in NICKNAME_QUOTES.get(T.text[q], ()):
                continue
            s = q
            while s > 0 and q - s < 3 and T.is_title(s - 1) and (s - 1) not in covered:
                s -= 1
            e = c + 1
            while e < n and e - c <= 4 and (T.is_title(e) or (
                    T.lower[e] in PARTICLES and e + 1 < n)) and e not in covered:
                e += 1
            while e > c + 1 and T.lower[e - 1] in PARTICLES:
                e -= 1
            first, last = range(s, q), range(c + 1, e)
            if not first or not last or not any(T.is_title(i) for i in last):
                continue
            if any(T.is_stop(i) or T.lower[i] in NOT_NAMES or T.lower[i] in ORG_HEADS
                   or T.lower[i] in resolve.ROLES for i in (*first, *last)):
                continue
            text = f"{T.span_text(s, q)} {T.span_text(c + 1, e)}"
            hit = _canonical(text, "PERSON")
            cands.append(Cand(s, e, "PERSON", hit[0] if hit and hit[1] == "PERSON" else text,
                              "title", prio=2))
            covered.update(range(s, e))

    def _person_after_role_phrase(self, T: Toks, rs: int, re_: int, covered: set[int],
                                  cands: list[Cand]) -> None:
        """"the head of the U.N. refugee agency, Jane Doe," / "the group's envoy to Syria,
        Jane Doe,": the name apposed to a role phrase, two or three title-case words that
        the apposition closes."""
        n = T.n
        if rs == 0 or T.lower[rs - 1] not in {"the", "its", "their", "'s", "\u2019s"} \
                or re_ >= n or T.lower[re_] not in {"of", "for", "to"}:
            return
        comma = next((k for k in range(re_ + 1, min(re_ + 9, n)) if T.text[k] in ",.;"),
                     None)
        if comma is None or T.text[comma] != "," or comma + 2 >= n:
            return
        s = comma + 1
        e = self._name_run(T, s, max_len=3)
        if not 2 <= e - s <= 3 or e >= n or T.text[e] not in {",", ".", ";"} \
                or any(k in covered or not T.is_title(k) for k in range(s, e)):
            return
        if any(T.is_stop(k) or T.lower[k] in NOT_NAMES or T.lower[k] in ORG_HEADS
               or T.lower[k] in resolve.ROLES for k in range(s, e)):
            return
        text = T.span_text(s, e)
        if self.gz.lookup(text) is not None:
            return  # a known actor ("…, the Houthis,") is the gazetteer's
        hit = _canonical(text, "PERSON")
        cands.append(Cand(s, e, "PERSON", hit[0] if hit and hit[1] == "PERSON" else text,
                          "title", prio=2))
        covered.update(range(s, e))

    def _person_before(self, T: Toks, e: int, covered: set[int], cands: list[Cand]) -> None:
        """A name of two to four title-case words ending right before token ``e`` (a
        comma) becomes a PERSON candidate."""
        s = e
        while s > 0 and e - s < 4 and (T.is_title(s - 1) or (
                T.lower[s - 1] in PARTICLES and s - 1 > 0)) and (s - 1) not in covered:
            s -= 1
        while s < e and T.lower[s] in PARTICLES:
            s += 1
        words = [i for i in range(s, e) if T.cap[i]]
        if not 2 <= len(words) <= 4 or any(i in covered for i in range(s, e)):
            return
        if any(T.is_stop(i) or T.lower[i] in NOT_NAMES or T.lower[i] in ORG_HEADS
               or T.lower[i] in resolve.ROLES for i in range(s, e)):
            return
        text = T.span_text(s, e)
        hit = _canonical(text, "PERSON")
        kb = hit[0] if hit and hit[1] == "PERSON" else text
        cands.append(Cand(s, e, "PERSON", kb, "title", prio=2))
        covered.update(range(s, e))

    def _government_of(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """"the government of Jane Doe", "the administration of …", "a cartel led by Jane
        Doe": a person's name."""
        covered = covered_by(cands)
        for i in T.data.where(GOVERNMENT_WORDS | LEADER_PARTICIPLES):
            if i >= T.n - 2 or i in headline or T.lower[i + 1] != (
                    "by" if T.lower[i] in LEADER_PARTICIPLES else "of"):
                continue  # "the government of Jane Doe", "a cartel led by Jane Doe"
            j = i + 2
            if T.lower[i] in LEADER_PARTICIPLES:
                # "led by former police officer Jane Doe", "led by gang boss Jane Doe": a
                # lower-case description before the name
                while j < T.n and j - i - 2 < 4 and T.text[j].isalpha() and T.text[j].islower() \
                        and T.lower[j] not in {"the", "a", "an"} \
                        and (not T.is_stop(j) or T.lower[j] in {"former", "ex"}):
                    j += 1
            end = self._name_run(T, j)
            if not 2 <= end - j <= 4 or any(k in covered for k in range(j, end)):
                continue
            if any(not T.is_title(k) and T.lower[k] not in PARTICLES for k in range(j, end)) \
                    or T.lower[end - 1] in ORG_HEADS:
                continue
            if any(T.lower[k] in resolve.ROLES or T.lower[k] in resolve.TITLE_FILLERS
                   or T.lower[k] in NOT_NAMES for k in range(j, end + 1) if k < T.n):
                continue  # "led by Deputy Foreign Minister X": the title's rule names X
            text = T.span_text(j, end)
            if self.gz.lookup(text) is not None:
                continue
            cands.append(Cand(j, end, "PERSON", text, "title", prio=2))

    def _speakers(self, T: Toks, cands: list[Cand], headline: set[int]) -> None:
        """A full name next to a speech verb ("said Jane Doe", "Jane Doe told") is a
        person; two or three capitalised words only, to keep precision."""
        covered = covered_by(cands)
        n = T.n
        for i in T.data.where(SPEECH_VERBS):
            if i in headline:
                continue
            spans = []
            end = self._name_run(T, i + 1, max_len=5)
            if end > i + 1:
                spans.append((i + 1, end))
            s = i
            while s > 0 and T.cap[s - 1] and i - s < 3:
                s -= 1
            if s < i:
                spans.append((s, i))
            for s, e in spans:
                words = sum(1 for k in range(s, e) if T.cap[k])
                if not 2 <= words <= 3 or any(k in covered for k in range(s, e)):
                    continue
                if any(T.is_stop(k) or T.lower[k] in NOT_NAMES or T.lower[k] in ORG_HEADS
                       or T.lower[k] in resolve.ROLES
                       or not (T.is_title(k) or T.lower[k] in PARTICLES) for k in range(s, e)):
                    continue
                if e < n and T.text[e] in DASHES:
                    continue
                cands.append(Cand(s, e, "PERSON", T.span_text(s, e), "speaker", prio=1))
